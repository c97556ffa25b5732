package parser

import (
	"path"
	"regexp"
	"strings"

	"github.com/docgen-dev/docgen/parser/doc"
)

// API versions a page may document.
const (
	VersionV1   = "v1.0"
	VersionBeta = "beta"
)

var (
	// serviceURL finds the version in a request URL of the service.
	serviceURL = regexp.MustCompile(`(?i)https?://graph\.microsoft\.(?:com|us|de)/(v1\.0|beta)(?:/|\b)`)
	// viewParam is the version selector of the rendered docs' URLs.
	viewParam = regexp.MustCompile(`(?i)[?&]view=graph-rest-(1\.0|beta)\b`)
	// betaNotice is the warning every beta page carries.
	betaNotice = regexp.MustCompile(`(?i)\bAPIs under the /beta version\b`)
)

// pageVersion is the API version a page documents, "" when it does not
// say: the docs repository's folder (api-reference/v1.0/..., .../beta/...),
// else the canonical URL of a rendered page, else the service URLs of its
// examples (most of them), else the beta notice, else the view of the
// docs' own links (most of them: a rendered page links in its own view).
func pageVersion(file string, d *doc.Document) string {
	segs := strings.Split(path.Dir(file), "/")
	for i := len(segs) - 1; i >= 0; i-- {
		switch strings.ToLower(segs[i]) {
		case VersionV1:
			return VersionV1
		case VersionBeta:
			return VersionBeta
		}
	}
	if m := viewParam.FindStringSubmatch(d.MetaValue("canonical")); m != nil {
		return viewVersion(m[1])
	}
	var urls, views votes
	notice := false
	for _, b := range d.Blocks {
		switch b.Kind {
		case doc.Code:
			for _, m := range serviceURL.FindAllStringSubmatch(b.Code, -1) {
				urls.add(strings.ToLower(m[1]))
			}
		case doc.Paragraph, doc.ListItem:
			notice = notice || betaNotice.MatchString(b.Text.Text)
			for _, m := range serviceURL.FindAllStringSubmatch(b.Text.Text, -1) {
				urls.add(strings.ToLower(m[1]))
			}
		}
		for _, l := range b.Text.Links {
			if m := viewParam.FindStringSubmatch(l.Href); m != nil {
				views.add(viewVersion(m[1]))
			}
		}
	}
	switch {
	case urls.winner() != "":
		return urls.winner()
	case notice:
		return VersionBeta
	}
	return views.winner()
}

func viewVersion(v string) string {
	if v == "1.0" {
		return VersionV1
	}
	return VersionBeta
}

// votes counts the two versions; the winner has more, "" on a tie.
type votes struct{ v1, beta int }

func (v *votes) add(version string) {
	if version == VersionV1 {
		v.v1++
	} else {
		v.beta++
	}
}

func (v votes) winner() string {
	switch {
	case v.v1 > v.beta:
		return VersionV1
	case v.beta > v.v1:
		return VersionBeta
	}
	return ""
}

// pageURL is where a page is published: a rendered page's canonical URL,
// else, for a page kept in the docs repository's layout
// (…/<version>/api/<name>.md, …/<version>/resources/<name>.md), its address
// on learn.microsoft.com in its version's view; "" otherwise.
func pageURL(file, version string, d *doc.Document) string {
	if c := d.MetaValue("canonical"); strings.HasPrefix(c, "https://") && !strings.ContainsAny(c, " \t\"<>") {
		return c
	}
	dir, name := path.Split(strings.ToLower(file))
	name = strings.TrimSuffix(name, path.Ext(name))
	segs := strings.Split(strings.Trim(dir, "/"), "/")
	if version == "" || len(segs) < 2 || !strings.EqualFold(segs[len(segs)-2], version) || !safeName.MatchString(name) {
		return ""
	}
	view := "graph-rest-beta"
	if version == VersionV1 {
		view = "graph-rest-1.0"
	}
	switch segs[len(segs)-1] {
	case "api":
		return "https://learn.microsoft.com/graph/api/" + name + "?view=" + view
	case "resources":
		return "https://learn.microsoft.com/graph/api/resources/" + name + "?view=" + view
	}
	return ""
}

// safeName is a page name that can stand in a URL as it is.
var safeName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
