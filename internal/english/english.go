// Package english holds the one wording helper docgen's messages share.
package english

import "strconv"

// Count writes n and the noun, adding "s" unless n is 1: "1 page",
// "3 pages". Nouns are docgen's own, all with regular plurals.
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
