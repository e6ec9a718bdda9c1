package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New("zh")
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// FuzzExtract feeds any text to the whole extractor: it must never panic,
// and every sentence must carry a type and a section the document lists.
func FuzzExtract(f *testing.F) {
	for _, name := range developmentStatements {
		if b, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt")); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("双方将《》“”，，。愿。应邀请。")
	f.Add("——\n（一）将作为\n第一条 支持双方")
	x, err := New("zh")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		out := x.Extract(text)
		sections := map[string]bool{}
		for _, s := range out.Sections {
			sections[s.ID] = true
		}
		for _, s := range out.Sentences {
			if s.Type == "" || !sections[s.Section] {
				t.Fatalf("sentence %s: type %q, section %q not in %v", s.ID, s.Type, s.Section, out.Sections)
			}
			if (s.Type == "commitment") != (s.Strength != "") {
				t.Fatalf("sentence %s: type %s with strength %q", s.ID, s.Type, s.Strength)
			}
			n := len([]rune(s.Text))
			for _, c := range s.Rationale.Clauses {
				if c.Start < 0 || c.End > n || c.Start > c.End {
					t.Fatalf("sentence %s: clause %d..%d outside %d runes", s.ID, c.Start, c.End, n)
				}
			}
			rs := []rune(s.Text)
			for _, c := range append(append(append([]entente.Cue{}, s.Rationale.References...), s.Rationale.Mechanisms...), s.Rationale.Projects...) {
				if c.Start < 0 || c.End > n || c.Start >= c.End || string(rs[c.Start:c.End]) != c.Text {
					t.Fatalf("sentence %s: mention %+v is not the text at its place", s.ID, c)
				}
			}
		}
	})
}
