package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/docgen-dev/docgen/internal/regularfile"
	"github.com/docgen-dev/docgen/ir"
)

// typeName is one name given to -types, and where: "" for the command
// line, "FILE:LINE" for a line of an @FILE.
type typeName struct {
	name, where string
}

// maxTypesFile bounds an @FILE of -types: a list of names, never large.
const maxTypesFile = 1 << 20

// parseTypes reads the value of -types: comma-separated names, where
// "@FILE" stands for the names in FILE, one a line; "# " (a "#" followed by
// a space, a tab or the end of the line) starts a comment, so that
// "#microsoft.graph.x", the @odata.type spelling, stays a name. Problems are
// usage errors, one line each.
func parseTypes(cmd, value string) ([]typeName, error) {
	var names []typeName
	var problems []string
	for _, n := range strings.Split(value, ",") {
		file, ok := strings.CutPrefix(strings.TrimSpace(n), "@")
		if !ok {
			if bare, _ := ir.SelectionName(n); bare == "" {
				return nil, usageError{fmt.Sprintf("%s: -types %q has an empty name", cmd, value)}
			}
			names = append(names, typeName{name: n})
			continue
		}
		if file == "" {
			return nil, usageError{fmt.Sprintf("%s: -types %q: @ must be followed by a file name", cmd, value)}
		}
		more, ps, err := readTypesFile(file)
		if err != nil {
			return nil, usageError{fmt.Sprintf("%s: -types @%s: %v", cmd, file, err)}
		}
		for _, p := range ps {
			problems = append(problems, cmd+": "+p)
		}
		names = append(names, more...)
	}
	if len(problems) > 0 {
		return nil, usageError{strings.Join(problems, "\n")}
	}
	return names, nil
}

// readTypesFile reads the names in an @FILE of -types, and what is wrong
// with its lines, positioned FILE:LINE.
func readTypesFile(file string) ([]typeName, []string, error) {
	data, err := regularfile.Read(file, maxTypesFile)
	if err != nil {
		var nr *regularfile.NotRegularError
		var tl *regularfile.TooLargeError
		switch {
		case errors.As(err, &nr):
			return nil, nil, errors.New(nr.Reason())
		case errors.As(err, &tl):
			return nil, nil, errors.New(tl.Reason())
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return nil, nil, pe.Err
		}
		return nil, nil, err
	}
	display := filepath.ToSlash(file)
	var names []typeName
	var problems []string
	for i, line := range strings.Split(string(data), "\n") {
		where := fmt.Sprintf("%s:%d", display, i+1)
		line = strings.TrimSpace(stripComment(strings.TrimSuffix(line, "\r")))
		switch {
		case line == "":
			continue
		case strings.ContainsAny(line, " \t,"):
			problems = append(problems, fmt.Sprintf("%s: %q: want one name a line", where, line))
			continue
		}
		if bare, _ := ir.SelectionName(line); bare == "" {
			problems = append(problems, fmt.Sprintf("%s: %q names no type", where, line))
			continue
		}
		names = append(names, typeName{name: line, where: where})
	}
	if len(names) == 0 && len(problems) == 0 {
		problems = append(problems, display+": no type names in the file")
	}
	return names, problems, nil
}

// stripComment cuts line at a "#" that begins it or follows a space or tab
// and is followed by a space, a tab or nothing.
func stripComment(line string) string {
	for i := 0; i < len(line); i++ {
		if line[i] != '#' || (i > 0 && line[i-1] != ' ' && line[i-1] != '\t') {
			continue
		}
		if i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' {
			return line[:i]
		}
	}
	return line
}

// selectTypes selects names from spec (ir.Select). A name that names
// nothing, or several things, is a usage error with a line per name,
// positioned when the name came from an @FILE.
func selectTypes(cmd string, spec *ir.Spec, names []typeName) (*ir.Spec, error) {
	plain := make([]string, len(names))
	for i, n := range names {
		plain[i] = n.name
	}
	sel, err := ir.Select(spec, plain)
	var ne *ir.NameError
	if errors.As(err, &ne) {
		return nil, usageError{nameProblems(cmd, names, ne)}
	}
	return sel, err
}

// nameProblems formats the problems of ne a line each.
func nameProblems(cmd string, names []typeName, ne *ir.NameError) string {
	var lines []string
	for _, p := range ne.Problems {
		where := cmd + ": "
		if w := names[p.Index].where; w != "" {
			where += w + ": "
		}
		lines = append(lines, where+p.Message)
	}
	return strings.Join(lines, "\n")
}

// selectionPages are the pages the parts of sel come from: the pages whose
// warnings concern a user of the selection.
func selectionPages(sel *ir.Spec) map[string]bool {
	pages := map[string]bool{}
	add := func(p ir.Pos) {
		if p.File != "" {
			pages[p.File] = true
		}
	}
	for _, t := range sel.Types {
		add(t.Pos)
		for _, p := range t.Properties {
			add(p.Pos)
		}
	}
	for _, e := range sel.Enums {
		add(e.Pos)
		for _, m := range e.Members {
			add(m.Pos)
		}
	}
	for _, o := range sel.Operations {
		add(o.Pos)
		for _, p := range o.Paths {
			add(p.Pos)
		}
	}
	for _, ex := range sel.Examples {
		add(ex.Pos)
	}
	return pages
}
