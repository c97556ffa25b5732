package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/docgen-dev/docgen/internal/atomicfile"
	"github.com/docgen-dev/docgen/internal/regularfile"
)

// ManifestName is the name of the manifest in a fetch directory.
const ManifestName = "docgen-fetch.json"

// maxManifest bounds the manifest read (under a kilobyte per page).
const maxManifest = 64 << 20

// manifestVersion is the version of the manifest format written.
const manifestVersion = 1

// Manifest records where every page in a fetch directory came from. Its JSON
// form (DIR/docgen-fetch.json) is stable: pages sorted by URL, two-space
// indentation, a final newline.
type Manifest struct {
	Version int     `json:"version"`
	Pages   []Entry `json:"pages"`
}

// Entry is the provenance of one saved page.
type Entry struct {
	URL  string `json:"url"`
	File string `json:"file"` // name in the directory (no separators)
	// Retrieved is when the saved content was downloaded, Checked when it
	// was last confirmed current (equal to Retrieved after a download), both
	// UTC, RFC 3339.
	Retrieved string `json:"retrieved"`
	Checked   string `json:"checked"`
	// ETag and LastModified are the response headers, for conditional
	// requests; empty when the server sent none.
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"lastModified,omitempty"`
	SHA256       string `json:"sha256"` // hex digest of the saved bytes
	Size         int64  `json:"size"`
	ContentType  string `json:"contentType"` // the Content-Type header as sent
	// FinalURL is the URL that answered, when the request for URL was
	// redirected (empty otherwise): where the saved content came from.
	// Redirect says how: RedirectPermanent if every redirect on the way was
	// (301, 308), when a refresh asks FinalURL directly; otherwise
	// RedirectTemporary, and a refresh asks URL again.
	FinalURL string `json:"finalUrl,omitempty"`
	Redirect string `json:"redirect,omitempty"`
}

// Values of Entry.Redirect.
const (
	RedirectPermanent = "permanent"
	RedirectTemporary = "temporary"
)

// ReadManifest reads DIR's manifest. A directory without one yields an
// error wrapping fs.ErrNotExist.
func ReadManifest(dir string) (*Manifest, error) {
	data, err := regularfile.Read(filepath.Join(dir, ManifestName), maxManifest)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s: %v", filepath.ToSlash(filepath.Join(dir, ManifestName)), err)
	}
	if m.Version != manifestVersion {
		return nil, fmt.Errorf("%s: unsupported version %d (want %d)", filepath.ToSlash(filepath.Join(dir, ManifestName)), m.Version, manifestVersion)
	}
	return &m, nil
}

// readManifestIfAny is ReadManifest, but an absent manifest is empty.
func readManifestIfAny(dir string) (*Manifest, error) {
	m, err := ReadManifest(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return &Manifest{Version: manifestVersion}, nil
	}
	return m, err
}

// Marshal returns the manifest's stable JSON form, pages sorted by URL.
func (m *Manifest) Marshal() ([]byte, error) {
	c := Manifest{Version: manifestVersion, Pages: append([]Entry{}, m.Pages...)}
	sort.Slice(c.Pages, func(i, j int) bool { return c.Pages[i].URL < c.Pages[j].URL })
	data, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}

// write stores m in dir atomically (temporary file and rename).
func (m *Manifest) write(dir string) error {
	data, err := m.Marshal()
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, ManifestName), data)
}

// validFile reports whether name is safe to use in the directory: a plain
// name, no separators, not hidden, not the manifest.
func validFile(name string) bool {
	return name != "" && name != ManifestName && !strings.HasPrefix(name, ".") &&
		!strings.ContainsAny(name, `/\:`+"\x00") && filepath.Base(name) == name && filepath.IsLocal(name)
}
