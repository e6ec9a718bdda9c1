package sqlstore

import (
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// A version's sections are stored on its own row (migration 0033:
// versions.sections), as one text: a line per section, its id, heading
// and title separated by tabs (the empty ones at the end left out). A
// row per section cost a tuple header and a primary-key entry for a few
// bytes of text (0.39 times the statements' text on PostgreSQL, 0.14 on
// SQLite). A tab, a newline or a backslash in a field is written \t, \n
// or \\, and an empty id \e, so that any sections round-trip and the
// empty text is the empty list. NULL is a version of before, whose
// sections are rows of the sections table until the store carries them
// over (ensurePackedSections).

var sectionEscaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`)

// packSections writes sections as versions.sections holds them.
func packSections(cs []entente.Section) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte('\n')
		}
		if c.ID == "" {
			b.WriteString(`\e`)
		} else {
			b.WriteString(sectionEscaper.Replace(c.ID))
		}
		switch {
		case c.Title != "":
			b.WriteByte('\t')
			b.WriteString(sectionEscaper.Replace(c.Heading))
			b.WriteByte('\t')
			b.WriteString(sectionEscaper.Replace(c.Title))
		case c.Heading != "":
			b.WriteByte('\t')
			b.WriteString(sectionEscaper.Replace(c.Heading))
		}
	}
	return b.String()
}

// unpackSections reads what packSections wrote; the empty text is no
// sections (never nil, as an extraction's are read).
func unpackSections(s string) ([]entente.Section, error) {
	out := []entente.Section{}
	if s == "" {
		return out, nil
	}
	for line := range strings.SplitSeq(s, "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) > 3 {
			return nil, fmt.Errorf("sections %q: a line of %d fields", line, len(fields))
		}
		var vals [3]string
		for i, f := range fields {
			if i == 0 && f == `\e` {
				continue // the empty id
			}
			v, err := unescapeSection(f)
			if err != nil {
				return nil, fmt.Errorf("sections %q: %w", line, err)
			}
			vals[i] = v
		}
		if fields[0] == "" {
			return nil, fmt.Errorf("sections %q: an empty id not written \\e", line)
		}
		out = append(out, entente.Section{ID: vals[0], Heading: vals[1], Title: vals[2]})
	}
	return out, nil
}

// unescapeSection reads one field, with its escapes \\, \t and \n.
func unescapeSection(f string) (string, error) {
	if !strings.Contains(f, `\`) {
		return f, nil
	}
	var b strings.Builder
	for i := 0; i < len(f); i++ {
		if f[i] != '\\' {
			b.WriteByte(f[i])
			continue
		}
		if i+1 == len(f) {
			return "", fmt.Errorf("a lone backslash")
		}
		i++
		switch f[i] {
		case '\\':
			b.WriteByte('\\')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		default:
			return "", fmt.Errorf("an unknown escape \\%c", f[i])
		}
	}
	return b.String(), nil
}
