package extract

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestMentionSpans: every instrument cited, mechanism and project named in
// a sentence comes with where it stands, and each span is the sentence's
// own text at those characters, so that the reader can mark it without
// looking for it again.
func TestMentionSpans(t *testing.T) {
	x := newTestExtractor(t)
	paths, _ := filepath.Glob("../structure/testdata/layouts/*.txt")
	for _, name := range developmentStatements {
		paths = append(paths, filepath.Join(corpusDir, name+".zh.txt"))
	}
	heldOut, _ := filepath.Glob("testdata/heldout_docs/*.txt")
	paths = append(paths, heldOut...)
	var refs, ents int
	for _, path := range paths {
		text, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range x.Extract(string(text)).Sentences {
			rs := []rune(s.Text)
			for _, group := range []struct {
				what  string
				names []string
				spans []entente.Cue
				exact bool // the name is the span's text (a title may be squeezed)
			}{
				{"reference", s.References, s.Rationale.References, false},
				{"mechanism", s.Mechanisms, s.Rationale.Mechanisms, true},
				{"project", s.Projects, s.Rationale.Projects, true},
			} {
				for _, sp := range group.spans {
					if sp.Start < 0 || sp.End > len(rs) || sp.Start >= sp.End || string(rs[sp.Start:sp.End]) != sp.Text || sp.Rule == "" {
						t.Errorf("%s %s: %s span %+v is not the text at its place in %q", filepath.Base(path), s.ID, group.what, sp, s.Text)
					}
				}
				if len(group.names) > len(group.spans) {
					t.Errorf("%s %s: %d %ss named, %d placed", filepath.Base(path), s.ID, len(group.names), group.what, len(group.spans))
				}
				if group.exact {
					for _, n := range group.names {
						if !slices.ContainsFunc(group.spans, func(c entente.Cue) bool { return c.Text == n }) {
							t.Errorf("%s %s: %s %q has no span", filepath.Base(path), s.ID, group.what, n)
						}
					}
					ents += len(group.names)
				} else {
					refs += len(group.names)
				}
			}
		}
	}
	if refs == 0 || ents == 0 {
		t.Errorf("the statements name %d references and %d mechanisms or projects: the test checks nothing", refs, ents)
	}
}
