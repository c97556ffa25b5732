package ir

import (
	"encoding/json"
	"strings"
)

// flagsFromExamples marks as flags every enum an example sends as members
// joined by commas ("networkProfiles": "domain,private"): the docs' own
// way of saying a value is a set. The parser reads what enum pages say
// (parser/flags.go); this reads the examples, which live on other pages.
// Only top-level properties of an example of known type count, and only
// when every part of the value is a documented member.
func flagsFromExamples(s *Spec) {
	types := map[string]*Type{}
	for i := range s.Types {
		types[s.Types[i].Name] = &s.Types[i]
	}
	enums := map[string]*Enum{}
	for i := range s.Enums {
		enums[s.Enums[i].Name] = &s.Enums[i]
	}
	for _, ex := range s.Examples {
		t := types[ex.Type]
		if t == nil || !mayHoldCommaString(ex.Body) {
			continue
		}
		var body map[string]json.RawMessage
		if json.Unmarshal([]byte(ex.Body), &body) != nil {
			continue
		}
		for name, raw := range body {
			p := t.Property(name)
			if p == nil || p.Type.Collection {
				continue
			}
			e := enums[p.Type.Name]
			var v string
			if e == nil || e.Flags || json.Unmarshal(raw, &v) != nil || !strings.Contains(v, ",") {
				continue
			}
			e.Flags = allMembers(e, strings.Split(v, ","))
		}
	}
}

// mayHoldCommaString reports whether some JSON string in body may hold a
// comma: one does, or one has an escape (which may spell one). Without,
// no value of body is a list of flags, and it need not be decoded.
func mayHoldCommaString(body string) bool {
	in := false
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '"':
			in = !in
		case in && (c == ',' || c == '\\'):
			return true
		}
	}
	return false
}

// allMembers reports whether every part names a member of e.
func allMembers(e *Enum, parts []string) bool {
	for _, part := range parts {
		if !e.hasMember(strings.TrimSpace(part)) {
			return false
		}
	}
	return true
}

func (e *Enum) hasMember(name string) bool {
	for _, m := range e.Members {
		if m.Name == name {
			return true
		}
	}
	return false
}
