package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente/internal/cputime"
	"github.com/longbridgeapp/opencc"
)

// BenchmarkExtractLanguage measures extraction per language through the
// registry, with the language given (BenchmarkDetect measures detection):
// English on the US–Ireland statement, Serbian on the parallel statement in
// both scripts and on a longer one (testdata/bench), Traditional Chinese on the China–Serbia statement converted
// by OpenCC. MB/s is per core; cpu-MB/s is over the process's CPU time
// (run with -cpu 1), which a loaded machine does not inflate.
func BenchmarkExtractLanguage(b *testing.B) {
	r := newTestRegistry(b)
	read := func(path string) string {
		t, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		return string(t)
	}
	zh := read(filepath.Join(corpusDir, "cn-rs-2024-joint-statement.zh.txt"))
	// the Traditional text is converted in its own case only: OpenCC's
	// loading and conversion do not take the same number of instructions
	// from run to run, and an instruction count of another case
	// (scripts/count-instr.sh) subtracts two runs' set-up
	hant := func() string {
		s2t, err := opencc.New("s2t")
		if err != nil {
			b.Fatal(err)
		}
		t, err := s2t.Convert(zh)
		if err != nil {
			b.Fatal(err)
		}
		return t
	}
	texts := []struct {
		name, lang string
		text       string
		makeText   func() string // for a text made only when its case runs
	}{
		{"en us-ie-2021", "en", read(filepath.Join(corpusDir, "us-ie-2021-joint-statement.en.txt")), nil},
		{"sr-Latn cn-rs-2025-green", "sr-Latn", read("testdata/parallel/cn-rs-2025-green.sr-Latn.txt"), nil},
		{"sr-Cyrl cn-rs-2025-green", "sr-Cyrl", read("testdata/parallel/cn-rs-2025-green.sr-Cyrl.txt"), nil},
		// a statement of the length Serbian statements have (5.5 and 9.8 kB),
		// written for this benchmark: the short ones above weigh a
		// document's fixed costs (title, closing formula) more
		{"sr-Latn rs-kz-2026-long", "sr-Latn", read("testdata/bench/rs-kz-2026.sr-Latn.txt"), nil},
		{"sr-Cyrl rs-kz-2026-long", "sr-Cyrl", read("testdata/bench/rs-kz-2026.sr-Cyrl.txt"), nil},
		{"zh-Hant cn-rs-2024", "zh-Hant", "", hant},
		{"zh cn-rs-2024", "zh", zh, nil},
	}
	for _, tc := range texts {
		b.Run(tc.name, func(b *testing.B) {
			if tc.makeText != nil {
				tc.text = tc.makeText()
			}
			if _, err := r.ExtractAs(tc.text, tc.lang); err != nil { // the OpenCC table is read once, here
				b.Fatal(err)
			}
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			start := cputime.Process()
			for b.Loop() {
				if _, err := r.ExtractAs(tc.text, tc.lang); err != nil {
					b.Fatal(err)
				}
			}
			cputime.Report(b, start, int64(len(tc.text)))
		})
	}
}

// BenchmarkDetect measures language detection on a whole statement.
func BenchmarkDetect(b *testing.B) {
	r := newTestRegistry(b)
	text, err := os.ReadFile(filepath.Join(corpusDir, "us-ie-2021-joint-statement.en.txt"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	start := cputime.Process()
	for b.Loop() {
		r.Detect(string(text))
	}
	cputime.Report(b, start, int64(len(text)))
}
