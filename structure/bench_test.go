package structure

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente/internal/cputime"
	"github.com/longbridgeapp/opencc"

	"github.com/entente/entente/lexicon"
)

// benchVocabulary is the layout vocabulary a language's extractor gives
// Parse, from the same cue table. The spaced languages' date, place and
// dateline readers live in package extract and are measured there
// (BenchmarkExtractLanguage); here they find nothing, so that the figure
// is the layout's own.
func benchVocabulary(b *testing.B, lang string) Vocabulary {
	t, err := lexicon.Load(lang)
	if err != nil {
		b.Fatal(err)
	}
	v := Vocabulary{
		Closing:      t.Words("closing"),
		Offices:      t.Words("signature-office"),
		NewsAgencies: t.Words("news-agency"),
		Subjects:     t.Words("party-joint"),
	}
	if lang == "zh" {
		for k := range t.Map("document-kind") {
			v.TitleEndings = append(v.TitleEndings, k)
		}
		sort.Strings(v.TitleEndings)
		return v
	}
	v.TitleWords = t.Words("title-word")
	for _, m := range t.Words("meta-line") {
		v.MetaLines = append(v.MetaLines, strings.ToLower(m))
	}
	v.RecitalsRunOn = true
	v.Date = func(string) (Date, bool) { return Date{}, false }
	v.Place = func(string, Date) string { return "" }
	v.LeadDateline = func(string) int { return 0 }
	return v
}

// BenchmarkParse measures the layout alone on the statements
// BenchmarkExtractLanguage reads (zh-Hant as the Chinese rules see it:
// converted by OpenCC, mapped back to Simplified characters). MB/s is per
// core; cpu-MB/s is over the process's CPU time (run with -cpu 1), which a
// loaded machine does not inflate. Count instructions to compare versions
// on a shared machine (valgrind --tool=cachegrind, two -benchtime counts).
// The parses share one Buffers, as a reader's documents do (ParseWith).
func BenchmarkParse(b *testing.B) {
	read := func(path string) string {
		t, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		return string(t)
	}
	zh := read(filepath.Join("..", "testdata", "corpus", "cn-rs-2024-joint-statement.zh.txt"))
	s2t, err := opencc.New("s2t")
	if err != nil {
		b.Fatal(err)
	}
	hant, err := s2t.Convert(zh)
	if err != nil {
		b.Fatal(err)
	}
	han, err := lexicon.LoadHanTable()
	if err != nil {
		b.Fatal(err)
	}
	texts := []struct{ name, lang, text string }{
		{"en us-ie-2021", "en", read(filepath.Join("..", "testdata", "corpus", "us-ie-2021-joint-statement.en.txt"))},
		{"sr-Latn cn-rs-2025-green", "sr", read(filepath.Join("..", "extract", "testdata", "parallel", "cn-rs-2025-green.sr-Latn.txt"))},
		{"sr-Cyrl cn-rs-2025-green", "sr", read(filepath.Join("..", "extract", "testdata", "parallel", "cn-rs-2025-green.sr-Cyrl.txt"))},
		{"sr-Latn rs-kz-2026-long", "sr", read(filepath.Join("..", "extract", "testdata", "bench", "rs-kz-2026.sr-Latn.txt"))},
		{"sr-Cyrl rs-kz-2026-long", "sr", read(filepath.Join("..", "extract", "testdata", "bench", "rs-kz-2026.sr-Cyrl.txt"))},
		{"zh-Hant cn-rs-2024", "zh", han.SimplifyString(hant)},
		{"zh cn-rs-2024", "zh", zh},
	}
	for _, tc := range texts {
		v := benchVocabulary(b, tc.lang)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			var buf Buffers // kept from document to document, as the readers keep it
			start := cputime.Process()
			for b.Loop() {
				ParseWith(tc.text, v, &buf)
			}
			cputime.Report(b, start, int64(len(tc.text)))
		})
	}
}
