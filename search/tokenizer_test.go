package search

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tokenizerTexts are texts read one after the other by one Tokenizer: each
// language, the same words in texts of different languages (a reduction
// remembered for English must not be given to Serbian), the bound.
var tokenizerTexts = []string{
	"",
	"铁路网",
	"中国China中国",
	"Cooperation COOPERATE cooperating",
	"pruga i pruzi, прузи, пругама",
	"the agenda and the data: pruga",
	"Saopštava Đoković džak",
	"鐵路網 ひら한국",
	"s\u030Cuma co\u00ADoperation ＣＯＶＩＤ１９",
	strings.Repeat("x", 50),
	strings.Repeat("中国", MaxTokens),
	strings.Repeat("cooperation ", MaxTokens+3),
	"中",
}

func TestTokenizerGivesTokens(t *testing.T) {
	texts := append([]string{}, tokenizerTexts...)
	files, _ := filepath.Glob("../testdata/corpus/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// a statement's sentences, roughly: lines
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	if len(files) == 0 {
		t.Fatal("no corpus statements to read")
	}
	tz := NewTokenizer()
	for i, text := range texts {
		if diff := cmp.Diff(Tokens(text), tz.Tokens(text)); diff != "" {
			t.Fatalf("text %d %.40q: Tokenizer (-Tokens +Tokenizer):\n%s", i, text, diff)
		}
	}
}

func FuzzTokenizer(f *testing.F) {
	for i := 1; i < len(tokenizerTexts); i++ {
		f.Add(tokenizerTexts[i-1], tokenizerTexts[i])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		tz := NewTokenizer()
		for _, text := range []string{a, b, a} {
			if diff := cmp.Diff(Tokens(text), tz.Tokens(text)); diff != "" {
				t.Fatalf("%q: Tokenizer (-Tokens +Tokenizer):\n%s", text, diff)
			}
		}
	})
}
