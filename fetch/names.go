package fetch

import (
	"mime"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/docgen-dev/docgen/parser/form"
)

// maxStem bounds the length of a file name's stem.
const maxStem = 100

// stem derives a safe file name stem from u: its last non-empty path segment
// (or, for a bare host, the host), with every character outside [A-Za-z0-9._-]
// replaced by "-", leading dots and dashes dropped, and a known page
// extension split off. It never contains a separator and is never empty,
// "." or "..".
func stem(u *url.URL) (base, ext string) {
	seg := path.Base(path.Clean("/" + u.Path)) // decoded; "/" for an empty path
	if seg == "/" || seg == "." {
		seg = u.Hostname()
	}
	if f, ok := form.ByExt(seg); ok {
		// A page extension is split off and replaced by its form's
		// canonical one (see package form).
		seg, ext = seg[:len(seg)-len(path.Ext(seg))], f.Exts[0]
	}
	var b strings.Builder
	dash := false
	for _, r := range seg {
		ok := r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-')
		if !ok {
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = true
			continue
		}
		b.WriteRune(r)
		dash = false
	}
	base = strings.TrimRight(strings.TrimLeft(b.String(), ".-"), ".-")
	if len(base) > maxStem {
		base = strings.TrimRight(base[:maxStem], ".-")
	}
	if base == "" {
		base = "page"
	}
	return base, ext
}

// extFor is the extension for content of type ct: the URL's own page
// extension when it has one (raw markdown is often served as text/plain),
// else by media type (the canonical extension of the form that names it, or
// the text form's for anything else; see package form).
func extFor(urlExt, ct string) string {
	if urlExt != "" {
		return urlExt
	}
	mt, _, _ := mime.ParseMediaType(ct)
	if f, ok := form.ByMediaType(mt); ok {
		return f.Exts[0]
	}
	return form.Of(form.Text).Exts[0]
}

// unique returns base+ext, or base-2+ext, base-3+ext, ..., the first name
// taken does not hold (compared case-insensitively, for case-insensitive
// file systems).
func unique(base, ext string, taken func(string) bool) string {
	name := base + ext
	for i := 2; taken(strings.ToLower(name)); i++ {
		name = base + "-" + strconv.Itoa(i) + ext
	}
	return name
}
