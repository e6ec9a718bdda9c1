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

// TestSpacedReusedBuffers: the English and Serbian readers hand a
// document's sentence buffers to the next document; an extraction must
// own its output all the same. Each output is written out when made, then
// again after every text has been read again, in another order and
// concurrently: the two must agree, and each with a reading alone.
func TestSpacedReusedBuffers(t *testing.T) {
	readers := map[string]*Spaced{"en": newTestSpaced(t, "en"), "sr": newTestSpaced(t, "sr")}
	type doc struct {
		lang, text, first string
		out               any
	}
	var docs []*doc
	for _, f := range []struct{ lang, path string }{
		{"en", filepath.Join(corpusDir, "us-ie-2021-joint-statement.en.txt")},
		{"en", "testdata/parallel/cn-rs-2025-green.en.txt"},
		{"sr", "testdata/parallel/cn-rs-2025-green.sr-Latn.txt"},
		{"sr", "testdata/parallel/cn-rs-2025-green.sr-Cyrl.txt"},
	} {
		b, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, &doc{lang: f.lang, text: string(b)})
	}
	for _, rf := range realFiles {
		if rf.lang == "zh-Hant" {
			continue
		}
		lang := rf.lang[:2]
		for _, d := range readRealDocs(t, rf.file, rf.joiner) {
			docs = append(docs, &doc{lang: lang, text: d.text})
		}
	}
	marshal := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, d := range docs {
		x := readers[d.lang]
		d.out = x.Extract(d.text)
		d.first = marshal(d.out)
	}
	var wg sync.WaitGroup
	errs := make(chan string, len(docs)*4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range docs {
				d := docs[len(docs)-1-(g+k)%len(docs)]
				if got := marshal(readers[d.lang].Extract(d.text)); got != d.first {
					errs <- "a concurrent reading differs: " + d.text[:min(40, len(d.text))]
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	for _, d := range docs {
		if marshal(d.out) != d.first {
			t.Errorf("an output changed after later documents were read: %.40q", d.text)
		}
	}
}
