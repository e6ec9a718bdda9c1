package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestChineseReusedScratch: the Chinese reader hands a document's buffers
// (the layout's among them) to the next document; an extraction must own
// its output all the same. Each output is written out when made and again
// after every text has been read again in the other order, through the
// same extractor: the two must agree, and the rereadings with the first.
func TestChineseReusedScratch(t *testing.T) {
	x := newTestExtractor(t)
	var paths []string
	for _, name := range developmentStatements {
		paths = append(paths, filepath.Join(corpusDir, name+".zh.txt"))
	}
	// a short statement between the long ones: a long one's buffers serve
	// it, and its own the next long one
	paths = append(paths[:1], append([]string{filepath.Join("testdata", "parallel", "cn-rs-2025-green.zh.txt")}, paths[1:]...)...)
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	marshal := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	outs := make([]any, len(texts))
	first := make([]string, len(texts))
	for i, s := range texts {
		outs[i] = x.Extract(s)
		first[i] = marshal(outs[i])
	}
	for i := len(texts) - 1; i >= 0; i-- {
		if got := marshal(x.Extract(texts[i])); got != first[i] {
			t.Errorf("text %d: a second reading differs from the first", i)
		}
	}
	for i := range texts {
		if marshal(outs[i]) != first[i] {
			t.Errorf("text %d: its output changed after later documents were read", i)
		}
	}
}

// TestTextFieldsWritten: newTextWith writes a sentence's text field by
// field over the document's previous one (no copy of a whole text, for
// the collector's write barrier), so a field it does not know of would
// keep the last sentence's value. A new field of text fails here until it
// is written there too (and counted here).
func TestTextFieldsWritten(t *testing.T) {
	if n := reflect.TypeOf(text{}).NumField(); n != 12 {
		t.Fatalf("text has %d fields; newTextWith writes 12: write the new one there", n)
	}
}
