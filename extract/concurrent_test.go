package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestConcurrentExtract: one Extractor read by several goroutines at once
// (as ingest does on every core) gives each the output it gives alone; the
// per-document buffers and the shared cache of party indexes keep them
// apart (run with -race to check the sharing itself).
func TestConcurrentExtract(t *testing.T) {
	x := newTestExtractor(t)
	var texts, want []string
	for _, name := range developmentStatements {
		b, err := os.ReadFile(filepath.Join(corpusDir, name+".zh.txt"))
		if err != nil {
			t.Fatal(err)
		}
		out, err := json.Marshal(x.Extract(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		texts, want = append(texts, string(b)), append(want, string(out))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 3 {
				i := (g + k) % len(texts)
				out, _ := json.Marshal(x.Extract(texts[i]))
				if string(out) != want[i] {
					errs <- developmentStatements[i]
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent extraction differs from the extraction alone", name)
	}
}
