package extract

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

func newTestRegistry(t testing.TB) *Registry {
	t.Helper()
	r, err := NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDetect recognises the languages Entente has rules for, and refuses
// to guess for the others.
func TestDetect(t *testing.T) {
	r := newTestRegistry(t)
	tests := []struct{ text, want string }{
		{"中华人民共和国和塞尔维亚共和国联合声明\n\n双方将加强铁路合作。", "zh"},
		{"中華人民共和國和塞爾維亞共和國聯合聲明\n\n雙方將加強鐵路合作，擴大經貿往來。", "zh-Hant"},
		{"Joint Statement\n\nThe two sides will strengthen cooperation in the field of trade and investment.", "en"},
		{"Zajednička izjava\n\nDve strane će produbiti saradnju u oblasti energetike i trgovine.", "sr-Latn"},
		{"Заједничка изјава\n\nДве стране ће продубити сарадњу у области енергетике и трговине.", "sr-Cyrl"},
		{"Les deux parties sont convenues de renforcer la coopération dans le domaine de l'énergie et du commerce.", "und"},
		{"Стороны договорились об укреплении сотрудничества в области энергетики.", "und"},
		{"12345 ... ---", "und"},
	}
	for _, tc := range tests {
		if got := r.Detect(tc.text); got.Tag != tc.want {
			t.Errorf("Detect(%.30q) = %s (%s), want %s", tc.text, got.Tag, got.Evidence, tc.want)
		}
	}
	for _, name := range []string{"cn-rs-2024-joint-statement.zh.txt", "cn-ae-2019-joint-statement.zh.txt", "us-ie-2021-joint-statement.en.txt"} {
		b, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(filepath.Ext(strings.TrimSuffix(name, ".txt")), "")[1:]
		if got := r.Detect(string(b)); got.Tag != want {
			t.Errorf("%s detected as %s (%s)", name, got.Tag, got.Evidence)
		}
	}
}

// TestRegistryDispatch reads each text with its language's rules, honours
// a given language, and stores an unknown language unlabelled with a
// warning, never as Chinese.
func TestRegistryDispatch(t *testing.T) {
	r := newTestRegistry(t)
	x := r.Extract("Les deux parties sont convenues de renforcer la coopération dans le domaine de l'énergie.")
	if x.Document.Language != "und" || len(x.Warnings) == 0 {
		t.Errorf("unknown language: language %q, warnings %v", x.Document.Language, x.Warnings)
	}
	for _, s := range x.Sentences {
		if s.Type != "narrative" || len(s.Actors) != 0 {
			t.Errorf("unknown language labelled: %+v", s)
		}
	}
	x, err := r.ExtractAs("The two sides will strengthen cooperation.", "EN")
	if err != nil || x.Document.Language != "en" || x.Sentences[0].Type != "commitment" {
		t.Errorf("given en: %v %+v", err, x)
	}
	if _, err := r.ExtractAs("text", "fr"); err == nil {
		t.Error("a language without rules was accepted")
	}
	x = r.Extract("Две стране ће продубити сарадњу у области енергетике.")
	if x.Document.Language != "sr-Cyrl" || x.Sentences[0].Text != "Две стране ће продубити сарадњу у области енергетике." {
		t.Errorf("Serbian Cyrillic: %s %q", x.Document.Language, x.Sentences[0].Text)
	}
}

// TestHant reads the Chinese development statements converted to
// Traditional Chinese: every label is that of the Simplified text, and
// every string and cue is the Traditional text as written.
func TestHant(t *testing.T) {
	r := newTestRegistry(t)
	s2t, err := opencc.New("s2t")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range developmentStatements {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt"))
			if err != nil {
				t.Fatal(err)
			}
			trad, err := s2t.Convert(string(b))
			if err != nil {
				t.Fatal(err)
			}
			if d := r.Detect(trad); d.Tag != "zh-Hant" {
				t.Fatalf("detected %s (%s)", d.Tag, d.Evidence)
			}
			want := r.zh.Extract(string(b))
			got := r.Extract(trad)
			if got.Document.Language != "zh-Hant" {
				t.Errorf("language %s", got.Document.Language)
			}
			if got.Document.Title == want.Document.Title || !strings.Contains(compact(trad), compact(got.Document.Title)) {
				t.Errorf("title %q not kept as written", got.Document.Title)
			}
			if !slices.Equal(got.Document.Parties, want.Document.Parties) || deref(got.Document.SignedDate) != deref(want.Document.SignedDate) {
				t.Errorf("metadata %+v, want %+v", got.Document, want.Document)
			}
			if len(got.Sentences) != len(want.Sentences) {
				t.Fatalf("%d sentences, want %d", len(got.Sentences), len(want.Sentences))
			}
			same := 0
			for i, s := range got.Sentences {
				w := want.Sentences[i]
				if s.Type == w.Type && slices.Equal(s.Actors, w.Actors) && s.Strength == w.Strength && slices.Equal(s.Areas, w.Areas) {
					same++
				} else {
					t.Logf("%s: %s %v %s %v, simplified %s %v %s %v", s.ID, s.Type, s.Actors, s.Strength, s.Areas, w.Type, w.Actors, w.Strength, w.Areas)
				}
				if !strings.Contains(compact(trad), compact(s.Text)) {
					t.Errorf("%s not as written: %q", s.ID, s.Text)
				}
				rs := []rune(s.Text)
				if c := s.Rationale.Type; c != nil && string(rs[c.Start:c.End]) != c.Text {
					t.Errorf("%s: cue %q at [%d,%d) reads %q", s.ID, c.Text, c.Start, c.End, string(rs[c.Start:c.End]))
				}
			}
			if float64(same) < 0.97*float64(len(want.Sentences)) {
				t.Errorf("%d of %d sentences labelled as in Simplified", same, len(want.Sentences))
			}
		})
	}
}

// FuzzRegistry: any text is detected and read by some reader without a
// panic, and each sentence's type cue gives its text back.
func FuzzRegistry(f *testing.F) {
	f.Add("中華人民共和國和塞爾維亞共和國聯合聲明\n\n雙方將加強鐵路合作。")
	f.Add("Заједничка изјава\n\nДве стране ће сарађивати до краја 2025. године.")
	f.Add("Joint Statement\n\nThe two sides will cooperate.\n\n###")
	f.Add("Les deux parties sont convenues.")
	r := newTestRegistry(f)
	f.Fuzz(func(t *testing.T, text string) {
		x := r.Extract(text)
		for _, w := range x.Warnings {
			if strings.Contains(w, "failed on this text") {
				t.Fatalf("a reader failed (the guard gave the layout): %s", w) // registry_guard.go
			}
		}
		for _, s := range x.Sentences {
			rs := []rune(s.Text)
			if c := s.Rationale.Type; c != nil && c.End > 0 && (c.Start < 0 || c.End > len(rs) || string(rs[c.Start:c.End]) != c.Text) {
				t.Fatalf("%s: cue %+v does not match %q", x.Document.Language, c, s.Text)
			}
		}
	})
}
