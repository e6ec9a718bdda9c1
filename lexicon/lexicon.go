// Package lexicon holds the cue tables the extractor reads a language with:
// commitment modals, position and appraisal verbs, narrative formulas, area
// keywords, instrument suffixes, deadline words, and the table of countries.
// The tables are plain-text data files embedded in the binary, one per
// language, so that an analyst can read and correct them without touching
// code.
//
// A table file is a list of sections. A section opens with a line
// "[name]"; each following line holds one or more entries separated by
// commas, an entry being a word or phrase optionally followed by "=value".
// "#" starts a comment that runs to the end of the line.
//
// A word appears at most once in a section: a second entry, with the same
// value (a duplicate) or another (a conflict), is refused with both lines,
// since one of them would otherwise win without a word. Sections that are
// read as one lookup (strong and weak area words) are checked with Disjoint.
package lexicon

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed data
var dataFS embed.FS

// Entry is one cue of a table: the word as written and an optional value
// (an area code, a kind, a language code).
type Entry struct {
	Text  string
	Value string
	Line  int
}

// String gives the entry as written: word or word=value.
func (e Entry) String() string {
	if e.Value == "" {
		return e.Text
	}
	return e.Text + "=" + e.Value
}

// Table is one language's cue tables, by section name.
type Table struct {
	Name     string
	sections map[string][]Entry
}

// Load returns the embedded cue table of a language ("zh").
func Load(lang string) (*Table, error) {
	name := "data/" + lang + ".cues"
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: no cue table for language %q", lang)
	}
	defer f.Close()
	return Parse(name, f)
}

// Parse reads a cue table. Errors name the file and line.
func Parse(name string, r io.Reader) (*Table, error) {
	t := &Table{Name: name, sections: map[string][]Entry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	section := ""
	seen := map[string]map[string]Entry{} // section → word → its first entry
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: not valid UTF-8", name, n)
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			if !strings.HasSuffix(line, "]") || len(line) < 3 {
				return nil, fmt.Errorf("%s:%d: malformed section header %q", name, n, line)
			}
			section = strings.TrimSpace(line[1 : len(line)-1])
			if _, dup := t.sections[section]; dup {
				return nil, fmt.Errorf("%s:%d: section [%s] appears twice", name, n, section)
			}
			t.sections[section] = nil
			seen[section] = map[string]Entry{}
			continue
		}
		if section == "" {
			return nil, fmt.Errorf("%s:%d: entry before any [section]", name, n)
		}
		for _, field := range strings.Split(line, ",") {
			field = strings.TrimSpace(field)
			if field == "" {
				continue
			}
			e := Entry{Text: field, Line: n}
			if i := strings.IndexByte(field, '='); i >= 0 {
				e.Text, e.Value = strings.TrimSpace(field[:i]), strings.TrimSpace(field[i+1:])
				if e.Text == "" || e.Value == "" {
					return nil, fmt.Errorf("%s:%d: entry %q needs text and value around '='", name, n, field)
				}
			}
			if prev, dup := seen[section][e.Text]; dup {
				if prev.Value != e.Value {
					return nil, fmt.Errorf("%s:%d: [%s] %s conflicts with %s at line %d", name, n, section, e, prev, prev.Line)
				}
				return nil, fmt.Errorf("%s:%d: [%s] %s repeats the entry at line %d", name, n, section, e.Text, prev.Line)
			}
			seen[section][e.Text] = e
			t.sections[section] = append(t.sections[section], e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return t, nil
}

// Entries returns the entries of a section, in file order.
func (t *Table) Entries(section string) []Entry { return t.sections[section] }

// Has reports whether the table has a section.
func (t *Table) Has(section string) bool {
	_, ok := t.sections[section]
	return ok
}

// Words returns the texts of a section's entries.
func (t *Table) Words(section string) []string {
	es := t.sections[section]
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Text
	}
	return out
}

// Map returns a section's entries as text → value.
func (t *Table) Map(section string) map[string]string {
	m := make(map[string]string, len(t.sections[section]))
	for _, e := range t.sections[section] {
		m[e.Text] = e.Value
	}
	return m
}

// Sections returns the section names, sorted.
func (t *Table) Sections() []string {
	out := make([]string, 0, len(t.sections))
	for s := range t.sections {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Require checks that every named section exists, so that a table with a
// misspelt header fails at start-up rather than silently matching nothing.
func (t *Table) Require(sections ...string) error {
	var missing []string
	for _, s := range sections {
		if !t.Has(s) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%s: missing section(s) %s", t.Name, strings.Join(missing, ", "))
	}
	return nil
}

// Data returns an embedded data file by name ("due.rules"), for the
// stages that read tables of their own.
func Data(name string) ([]byte, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: no data file %q", name)
	}
	return b, nil
}

// Disjoint checks that no word is listed in two of the given sections: they
// are read as one lookup, where one entry would shadow the other. The error
// names the file and both lines.
func (t *Table) Disjoint(sections ...string) error {
	first := map[string]struct {
		section string
		line    int
	}{}
	for _, sec := range sections {
		for _, e := range t.sections[sec] {
			if p, ok := first[e.Text]; ok {
				return fmt.Errorf("%s:%d: %s in [%s] is also in [%s] at line %d: a word has one reading there",
					t.Name, e.Line, e.Text, sec, p.section, p.line)
			}
			first[e.Text] = struct {
				section string
				line    int
			}{sec, e.Line}
		}
	}
	return nil
}
