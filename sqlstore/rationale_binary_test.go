package sqlstore

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
)

// TestRationaleBinary: every sentence of the development statements (two
// Chinese, one English) reads back from the binary form exactly as from
// JSON, in under half the compact form's bytes; so do rationales whose
// cues do not point at their sentence, with words the list lacks, and an
// empty one.
func TestRationaleBinary(t *testing.T) {
	var sents []entente.Sentence
	for _, f := range []struct{ lang, name string }{{"zh", "cn-rs-2024-joint-statement.zh.txt"},
		{"zh", "cn-ae-2019-joint-statement.zh.txt"}, {"en", "us-ie-2021-joint-statement.en.txt"}} {
		var x interface {
			Extract(string) *entente.Extraction
		}
		var err error
		if f.lang == "zh" {
			x, err = extract.New(f.lang)
		} else {
			x, err = extract.NewSpaced(f.lang)
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", f.name))
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, x.Extract(string(b)).Sentences...)
	}
	typ := entente.Cue{Rule: "modal", Text: "not in the sentence", Start: 0, End: 2}
	odd := entente.Sentence{Text: "双方同意。", Rationale: entente.Rationale{
		Type:     &typ,
		Strength: &entente.Cue{Rule: "a rule of its own", Text: "同意", Start: 2, End: 4},
		Actors:   []entente.PartyCue{{Party: "XX,CN", Cue: entente.Cue{Rule: "subject", Text: "双方", End: 2}}},
		Areas:    []entente.AreaCue{{Area: "a new area", Cue: entente.Cue{Rule: "area", Text: "", Start: 5, End: 5}}},
		Deadline: &entente.Cue{Rule: "deadline", Text: "far", Start: 10, End: 40},
		Clauses: []entente.ClauseCue{{Start: 0, End: 5, Actors: []string{}}, {Start: 3, End: 1, Type: "commitment", Cue: &typ},
			{Start: -7, End: 9, Type: "odd", Strength: "firm", Actors: []string{"CN", "ZZ"}, Cue: &entente.Cue{Rule: "x", Text: "双", End: 1}}},
		References: []entente.Cue{{Rule: "bracketed title", Text: "《》", Start: 1, End: 3}},
		Mechanisms: []entente.Cue{{Rule: "head word", Text: "同", Start: 2, End: 3}},
		Projects:   []entente.Cue{{Rule: "quoted name", Text: "“”", Start: -1, End: 1}},
	}}
	strengthIsType := entente.Sentence{Text: "应当", Rationale: entente.Rationale{
		Type: &entente.Cue{Rule: "modal", Text: "应当", End: 2}, Strength: &entente.Cue{Rule: "modal", Text: "应当", End: 2}}}
	sents = append(sents, odd, strengthIsType, entente.Sentence{Text: "空。"})
	var compactBytes, binaryBytes int
	for _, s := range sents {
		old, err := json.Marshal(s.Rationale)
		if err != nil {
			t.Fatal(err)
		}
		var want entente.Rationale
		if err := json.Unmarshal(old, &want); err != nil {
			t.Fatal(err)
		}
		b := rationaleIndex.encode(s.Text, &s.Rationale)
		var got entente.Rationale
		if err := rationaleIndex.decode(s.Text, b, &got); err != nil {
			t.Fatalf("%x: %v", b, err)
		}
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("sentence %s stored as %x reads back otherwise (-want +got):\n%s", s.ID, b, d)
		}
		compact, err := encodeRationale(s.Text, &s.Rationale)
		if err != nil {
			t.Fatal(err)
		}
		compactBytes, binaryBytes = compactBytes+len(compact), binaryBytes+len(b)
	}
	if len(sents) < 150 || binaryBytes*2 > compactBytes {
		t.Errorf("%d sentences: binary %d bytes against %d compact, want under half", len(sents), binaryBytes, compactBytes)
	}
	t.Logf("%d sentences: binary %d bytes, compact %d (%.0f%%)", len(sents), binaryBytes, compactBytes, 100*float64(binaryBytes)/float64(compactBytes))
}

// TestRationaleWordsKept: stored rows name words by their place in
// rationaleWords, so its first 280 words stay as they are (words may be
// added after them).
func TestRationaleWordsKept(t *testing.T) {
	const kept, want = 280, "a7bd4e0bbb976e8569287db8d44b21f8"
	if len(rationaleWords) < kept {
		t.Fatalf("rationaleWords has %d words, fewer than the %d stored rows may name", len(rationaleWords), kept)
	}
	sum := sha256.Sum256([]byte(strings.Join(rationaleWords[:kept], " ")))
	if got := hex.EncodeToString(sum[:16]); got != want {
		t.Errorf("the first %d words of rationaleWords changed (hash %s, want %s): rows stored before read other words", kept, got, want)
	}
	seen := map[string]bool{}
	for _, w := range rationaleIndex.words {
		if seen[w] {
			t.Errorf("%q is twice in rationaleWords", w)
		}
		seen[w] = true
	}
}

// FuzzRationaleBinary: any stored bytes read as a rationale or an error,
// never a panic, and what reads is written again to the same rationale.
func FuzzRationaleBinary(f *testing.F) {
	text := "双方同意加强合作。"
	seeds := []entente.Rationale{{}, {Type: &entente.Cue{Rule: "modal", Text: "同意", Start: 2, End: 4},
		Strength: &entente.Cue{Rule: "modal", Text: "同意", Start: 2, End: 4},
		Actors:   []entente.PartyCue{{Party: "CN", Cue: entente.Cue{Rule: "subject", Text: "双方", End: 2}}},
		Clauses:  []entente.ClauseCue{{Start: 0, End: 9, Type: "commitment", Actors: []string{"CN"}}},
		Projects: []entente.Cue{{Rule: "own", Text: "elsewhere", Start: 30, End: 2}}}}
	for _, r := range seeds {
		f.Add(text, rationaleIndex.encode(text, &r))
	}
	f.Add(text, []byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Add(text, []byte{1, 8, 0x7f})
	f.Fuzz(func(t *testing.T, text string, stored []byte) {
		var r entente.Rationale
		if err := rationaleIndex.decode(text, stored, &r); err != nil {
			return
		}
		again := rationaleIndex.encode(text, &r)
		var r2 entente.Rationale
		if err := rationaleIndex.decode(text, again, &r2); err != nil {
			t.Fatalf("re-encoded %x does not read: %v", again, err)
		}
		if d := cmp.Diff(r, r2); d != "" {
			t.Errorf("%x reads otherwise once written again (-first +again):\n%s", stored, d)
		}
	})
}

// FuzzRuneCursor: a cursor's comparisons, made in any order on one text,
// agree with cutting the text's runes: string([]rune(s)[start:end]) == want
// where the range is within the text, false elsewhere (invalid UTF-8
// included, read as U+FFFD as the conversion does).
func FuzzRuneCursor(f *testing.F) {
	f.Add("双方同意深化务实合作。", 2, 4, 0, 2, "同意")
	f.Add("ab\xffc", 2, 3, 1, 4, "\ufffd")
	f.Add("Both sides agree.", 5, 10, 5, 10, "sides")
	f.Fuzz(func(t *testing.T, s string, start1, end1, start2, end2 int, want string) {
		runes := []rune(s)
		ref := func(start, end int, want string) bool {
			return start >= 0 && end >= start && end <= len(runes) && string(runes[start:end]) == want
		}
		c := runeCursor{s: s}
		for _, q := range []struct {
			start, end int
			want       string
		}{
			{start1, end1, want}, {start2, end2, want}, {start1, end1, string(runes[min(max(start1, 0), len(runes)):min(max(end1, start1, 0), len(runes))])},
			{start2, end2, string(runes[min(max(start2, 0), len(runes)):min(max(end2, start2, 0), len(runes))])}, {start1, end1, want},
		} {
			if got, w := c.runesAre(q.start, q.end, q.want), ref(q.start, q.end, q.want); got != w {
				t.Fatalf("%q [%d, %d) is %q: %v, want %v", s, q.start, q.end, q.want, got, w)
			}
		}
	})
}
