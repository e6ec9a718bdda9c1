package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
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
	// the constructs of issue 12's rules: quotes, frames, bound heads, serials, datelines
	f.Add("联合声明\n（2024年5月9日，布达佩斯）\n新华社北京5月8日电 “”自以来，在“背景下”之友小组港06星至。")
	f.Add("“两国政府间之友小组”、“港”等机制，高度评价在，自以来，")
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

// TestTableShadowing: the extractor refuses a cue table where one word
// would shadow another reading of itself, naming the file and both lines.
func TestTableShadowing(t *testing.T) {
	base, err := os.ReadFile("../lexicon/data/zh.cues")
	if err != nil {
		t.Fatal(err)
	}
	cs, err := lexicon.LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, section, entry, want string
	}{
		{"a strong area word listed again as weak", "area-weak", "海关=trade", "海关 in [area-weak] is also in [area] at line "},
		{"a strong project head listed again as weak", "project-weak", "码头", "码头 in [project-weak] is also in [project-strong] at line "},
		{"a cue listed as neutral", "neutral", "将", "将 in [neutral] is also in [firm] at line "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			header := "\n[" + tt.section + "]"
			if !strings.Contains(string(base), header) {
				t.Fatalf("no section %s", header)
			}
			text := strings.Replace(string(base), header, header+"\n"+tt.entry+",", 1)
			tab, err := lexicon.Parse("zh.cues", strings.NewReader(text))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := NewWith("zh", tab, cs); err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "zh.cues:") {
				t.Errorf("NewWith = %v, want an error naming the file and %q", err, tt.want)
			}
		})
	}
}
