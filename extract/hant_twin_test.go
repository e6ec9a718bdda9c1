package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/longbridgeapp/opencc"
)

// TestHantTwin holds Hant.Extract, whose sentences and their cues the
// layout gives as written (twin), to the same reading with every sentence
// found again in the text by the restorer, on the Chinese statements of
// the repository converted by OpenCC (Traditional, and Taiwan's forms),
// read whole, with Windows line ends (a text the layout rewrites: no
// twin), and with their lines broken in the middle of sentences and
// spaces put in (sentences the layout joins and squeezes).
func TestHantTwin(t *testing.T) {
	zh, err := New("zh")
	if err != nil {
		t.Fatal(err)
	}
	h := NewHant(zh)
	paths, err := filepath.Glob("../testdata/corpus/*.zh.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Chinese statements: %v", err)
	}
	var texts []string
	for _, conv := range []string{"s2t", "s2twp"} {
		c, err := opencc.New(conv)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			s, err := c.Convert(string(b))
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, s, strings.ReplaceAll(s, "\n", "\r\n"), breakLines(s))
		}
	}
	given := 0
	for i, s := range texts {
		got, want := h.extract(s, true, nil), h.extract(s, false, nil)
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Fatalf("text %d: the twin gives\n%s\nthe restorer\n%s", i, g, w)
		}
		given += len(got.Sentences)
	}
	if given == 0 {
		t.Fatal("no sentence read")
	}
}

// FuzzHantTwin holds the twin's reading to the restorer's on any text:
// Traditional statements cut short, their lines broken and spaced, and
// whatever the fuzzer makes of them (invalid bytes, CR, lines joined).
func FuzzHantTwin(f *testing.F) {
	zh, err := New("zh")
	if err != nil {
		f.Fatal(err)
	}
	h := NewHant(zh)
	for _, s := range []string{
		"中華人民共和國和塞爾維亞共和國 \n關於深化合作的聯合聲明\n\n雙方同意加強鐵路\n合作。雙方將推進 鐵路建設。\n\n一、兩國關係\n經濟體系。",
		"聯合聲明\r\n雙方同意\r\n深化合作。",
		"雙方同意\n深化合作。\xff雙方將\n加強交流。",
		breakLines("中華人民共和國主席習近平於2024年5月7日至8日對塞爾維亞共和國進行國事訪問。雙方簽署《中塞自由貿易協定》。"),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, _ := json.Marshal(h.extract(s, true, nil))
		w, _ := json.Marshal(h.extract(s, false, nil))
		if string(g) != string(w) {
			t.Fatalf("%q: the twin gives\n%s\nthe restorer\n%s", s, g, w)
		}
	})
}

// breakLines breaks every line of s after its eleventh character and puts
// a space after the fifth (a paragraph the layout joins and squeezes).
func breakLines(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		rs := []rune(l)
		for i, r := range rs {
			b.WriteRune(r)
			switch i {
			case 4:
				b.WriteString(" ")
			case 10:
				b.WriteString("\n")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}
