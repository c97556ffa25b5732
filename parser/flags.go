package parser

import (
	"regexp"
	"strings"

	"github.com/docgen-dev/docgen/ir"
)

// A flags enum is one the documentation says is a set of members: the
// intro of its page ("Flags representing which network profile types
// apply", "Flag enum representing the allowed macOS system extension
// types") or its zero member ("|none|0|No flags set.|"). Values that
// happen to be powers of two say nothing (androidDeviceOwnerWiFiSecurityType
// is open 0, wep 1, wpaPersonal 2, wpaEnterprise 4: one security type). An
// example that sends members joined by commas says it too; ir.Resolve
// reads those, since examples and enums live on different pages.
var (
	flagsIntro  = regexp.MustCompile(`(?i)^(?:an? |the )?flags?\b|\bflags? enum|\bbit ?flags\b|\bcan be combined\b`)
	flagsMember = regexp.MustCompile(`(?i)^no (?:\w+ )?flags set\b`)
)

// noteFlags records a paragraph of an enum page that says the enum is
// a flags enum.
func (x *extractor) noteFlags(text string) {
	if x.page.Kind == ir.PageEnum && flagsIntro.MatchString(strings.TrimSpace(text)) {
		x.flagsNote = true
	}
}

// isFlags reports whether the documentation says enum e is a flags enum.
// Said so but with a member whose value is no single bit, it is read as
// an ordinary enum, with a warning.
func (x *extractor) isFlags(e *ir.Enum) bool {
	said := x.flagsNote && e.Name == x.typeName
	for _, m := range e.Members {
		said = said || flagsMember.MatchString(strings.TrimSpace(m.Description))
	}
	if !said {
		return false
	}
	for _, m := range e.Members {
		if v := m.Value; v != nil && (*v < 0 || *v&(*v-1) != 0) {
			x.diags.Warnf(m.Pos, "enum-flags", "enum %s is documented as flags, but member %q has the value %d, which is no single bit; read as an ordinary enum", e.Name, m.Name, *v)
			return false
		}
	}
	return true
}
