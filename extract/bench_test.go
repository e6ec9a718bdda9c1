package extract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkExtract measures extraction of a whole development statement:
// MB/s is per core (the benchmark runs on one goroutine).
func BenchmarkExtract(b *testing.B) {
	x := newTestExtractor(b)
	for _, name := range developmentStatements {
		text, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt"))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				x.Extract(string(text))
			}
		})
	}
}

// BenchmarkNew measures building an extractor (loading the tables and
// building the automata), which a process does once.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New("zh"); err != nil {
			b.Fatal(err)
		}
	}
}
