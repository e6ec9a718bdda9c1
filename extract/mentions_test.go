package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestVocabulary: every code the extractor emits is in the domain's closed
// lists, so that each has its labels in the UI languages: document kinds,
// sentence types, strengths, areas, reference kinds and the rules named in
// a rationale (composed ones included). Each text is read as ingest reads
// it, by the extractor of its own language (the held-out statements are in
// all of them).
func TestVocabulary(t *testing.T) {
	x, err := NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../structure/testdata/layouts/*.txt")
	heldOut, _ := filepath.Glob("testdata/heldout_docs/*.txt")
	paths = append(paths, heldOut...)
	for _, name := range developmentStatements {
		paths = append(paths, filepath.Join(corpusDir, name+".zh.txt"))
	}
	var texts []string
	for _, path := range paths {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, tsv := range []string{"testdata/genre_zh.tsv", "testdata/heldout_zh.tsv"} {
		b, err := os.ReadFile(tsv)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if f := strings.Split(line, "\t"); len(f) > 1 && !strings.HasPrefix(line, "#") {
				texts = append(texts, f[len(f)-1])
			}
		}
	}
	rules := map[string]bool{}
	check := func(list entente.ValueList, what, code string) {
		if code != "" && !list.Has(code) {
			t.Errorf("the extractor emits %s %q, which is not in the domain's list", what, code)
		}
	}
	for _, text := range texts {
		out := x.Extract(text)
		check(entente.DocumentKinds(), "document kind", string(out.Document.Kind))
		for _, r := range out.References {
			check(entente.ReferenceKinds(), "reference kind", string(r.Kind))
		}
		for _, s := range out.Sentences {
			check(entente.SentenceTypes(), "sentence type", string(s.Type))
			check(entente.Strengths(), "strength", string(s.Strength))
			for _, a := range s.Areas {
				check(entente.Areas(), "area", a)
			}
			r := s.Rationale
			cues := []*entente.Cue{r.Type, r.Strength, r.Deadline}
			for i := range r.Actors {
				cues = append(cues, &r.Actors[i].Cue)
			}
			for i := range r.Areas {
				cues = append(cues, &r.Areas[i].Cue)
			}
			for _, c := range r.Clauses {
				cues = append(cues, c.Cue)
			}
			for _, list := range [][]entente.Cue{r.References, r.Mechanisms, r.Projects} {
				for i := range list {
					cues = append(cues, &list[i])
				}
			}
			for _, c := range cues {
				if c != nil {
					rules[c.Rule] = true
				}
			}
		}
	}
	for rule := range rules {
		if !entente.KnownRule(rule) {
			t.Errorf("the extractor names rule %q, which is not in entente.Rules", rule)
		}
	}
	if len(rules) < 20 {
		t.Errorf("only %d rules seen: the texts do not exercise the extractor", len(rules))
	}
}
