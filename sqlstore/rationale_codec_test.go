package sqlstore

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
)

// TestRationaleCodec: every sentence of the development statements reads
// back from the compact form exactly as from the JSON it replaced, in a
// fraction of its bytes; so do rationales whose cues do not point at their
// sentence, and the JSON rows written before are still read.
func TestRationaleCodec(t *testing.T) {
	x, err := extract.New("zh")
	if err != nil {
		t.Fatal(err)
	}
	var sents []entente.Sentence
	for _, name := range []string{"cn-rs-2024-joint-statement.zh.txt", "cn-ae-2019-joint-statement.zh.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, x.Extract(string(b)).Sentences...)
	}
	odd := entente.Sentence{Text: "双方同意。", Rationale: entente.Rationale{
		Type:     &entente.Cue{Rule: "modal", Text: "not in the sentence", Start: 0, End: 2},
		Strength: &entente.Cue{Rule: "modal", Text: "同意", Start: 2, End: 4},
		Deadline: &entente.Cue{Rule: "deadline", Text: "far", Start: 10, End: 40},
		Clauses:  []entente.ClauseCue{{Start: 0, End: 5, Actors: []string{}}, {Start: 0, End: 5, Type: "commitment", Cue: &entente.Cue{Rule: "modal", Text: "not in the sentence", End: 2}}},
		Projects: []entente.Cue{{Rule: "quoted name", Text: "“”", Start: -1, End: 1}},
	}}
	sents = append(sents, odd, entente.Sentence{Text: "空。"})
	var jsonBytes, compactBytes int
	for _, s := range sents {
		old, err := json.Marshal(s.Rationale)
		if err != nil {
			t.Fatal(err)
		}
		var want entente.Rationale
		if err := json.Unmarshal(old, &want); err != nil {
			t.Fatal(err)
		}
		compact, err := encodeRationale(s.Text, &s.Rationale)
		if err != nil {
			t.Fatal(err)
		}
		for _, stored := range []string{compact, string(old)} {
			var got entente.Rationale
			if err := decodeRationale(s.Text, []byte(stored), &got); err != nil {
				t.Fatalf("%q: %v", stored, err)
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("sentence %s stored as %s reads back otherwise (-want +got):\n%s", s.ID, stored, d)
			}
		}
		jsonBytes, compactBytes = jsonBytes+len(old), compactBytes+len(compact)
	}
	if len(sents) < 100 || compactBytes*2 > jsonBytes {
		t.Errorf("%d sentences: compact %d bytes against %d of JSON, want under half", len(sents), compactBytes, jsonBytes)
	}
	t.Logf("%d sentences: compact %d bytes, JSON %d (%.0f%%)", len(sents), compactBytes, jsonBytes, 100*float64(compactBytes)/float64(jsonBytes))
}

// FuzzDecodeRationale: any stored bytes read as a rationale or an error,
// never a panic.
func FuzzDecodeRationale(f *testing.F) {
	for _, seed := range []string{`~[["modal",0,2],1,[["CN","subject",0,1]],[["trade","area",1,2]],null,[[0,3,"commitment","firm",["CN"],1]],[["list",0,1,"x"]]]`,
		`{"type":{"rule":"modal","text":"x","start":0,"end":1}}`, `~[1]`, `~[[],[]]`, `~[null,1]`, `~[["a",5,1]]`, `~`} {
		f.Add("双方同意加强合作。", seed)
	}
	f.Fuzz(func(t *testing.T, text, stored string) {
		var r entente.Rationale
		if err := decodeRationale(text, []byte(stored), &r); err != nil || !strings.HasPrefix(stored, "~") {
			return
		}
		again, err := encodeRationale(text, &r)
		if err != nil {
			t.Fatal(err)
		}
		var r2 entente.Rationale
		if err := decodeRationale(text, []byte(again), &r2); err != nil {
			t.Fatalf("re-encoded %q does not read: %v", again, err)
		}
	})
}
