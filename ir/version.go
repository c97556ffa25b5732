package ir

import (
	"maps"
	"slices"
)

// ServiceRoot is the root URL of the Microsoft Graph service for an API
// version: "https://graph.microsoft.com/v1.0" or ".../beta". A Spec whose
// pages do not say their version is taken to be beta, the version the
// first docs docgen read were of.
func ServiceRoot(version string) string {
	if version == "" {
		version = "beta"
	}
	return "https://graph.microsoft.com/" + version
}

// versions settles the API version of the readable pages: the one they
// state (pages that state none go with it), or an error when they state
// two, since one package for both would merge two different definitions of
// a type under one name. Generate each version on its own (SplitVersions
// does this for tools that can).
func (r *resolver) versions(pages []Page) string {
	first := map[string]*Page{}
	count := map[string]int{}
	var order []string
	for i := range pages {
		v := pages[i].Version
		if v == "" {
			continue
		}
		if first[v] == nil {
			first[v] = &pages[i]
			order = append(order, v)
		}
		count[v]++
	}
	switch len(order) {
	case 0:
		return ""
	case 1:
		return order[0]
	}
	a, b := order[0], order[1]
	if count[b] > count[a] || (count[b] == count[a] && b < a) {
		a, b = b, a
	}
	r.diags.Errorf(first[b].Pos, "mixed-versions", "pages document two API versions: %d of %s (such as %s) and %d of %s (such as this one); one package holds one version: generate each into its own",
		count[a], a, first[a].File, count[b], b)
	return a
}

// SplitVersions groups pages by the API version they document, for tools
// that look at each version on its own (lint): one group per stated
// version, in version order, each with the pages that state no version; a
// single group when at most one version is stated.
func SplitVersions(pages []Page) [][]Page {
	byVersion := map[string][]Page{}
	var unstated []Page
	for _, p := range pages {
		if p.Version == "" {
			unstated = append(unstated, p)
		} else {
			byVersion[p.Version] = append(byVersion[p.Version], p)
		}
	}
	if len(byVersion) <= 1 {
		return [][]Page{pages}
	}
	var out [][]Page
	for _, v := range slices.Sorted(maps.Keys(byVersion)) {
		out = append(out, append(byVersion[v], unstated...))
	}
	return out
}
