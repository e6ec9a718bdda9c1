package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSentenceBufReset holds what a kept buffer holds: no word of the
// documents read with it, in the whole of its arrays, though reset clears
// only the words written. Documents long and short follow each other (a
// short one after a long one writes fewer words than its arrays hold), and
// one not valid UTF-8, which a sentence tokenizes twice.
func TestSentenceBufReset(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	long := read(filepath.Join(corpusDir, "us-ie-2021-joint-statement.en.txt"))
	short := read("testdata/parallel/cn-rs-2025-green.sr-Latn.txt")
	invalid := strings.Replace(short, "saradnje", "sarad\xffnje", 1)
	for _, lang := range []string{"en", "sr"} {
		x := newTestSpaced(t, lang)
		buf := x.sentenceBuf()
		for i, text := range []string{long, short, invalid, long, "Title\n\nOne sentence.", short} {
			x.extractIn(text, buf, nil)
			if buf.wsHigh == 0 && len(buf.lines.ws) == 0 {
				t.Fatalf("%s, document %d: no words noted (%d, %d): the test reads nothing", lang, i, buf.wsHigh, len(buf.lines.ws))
			}
			buf.reset()
			for name, ws := range map[string][]word{"sentence": buf.ws[:cap(buf.ws)], "lines": buf.lines.ws[:cap(buf.lines.ws)]} {
				for k := range ws {
					if ws[k] != (word{}) {
						t.Fatalf("%s, document %d: %s word %d of %d left: %+v", lang, i, name, k, len(ws), ws[k])
					}
				}
			}
		}
	}
}

// TestLineWordsGet holds the length filter before the lines' map to the
// map: a line read is found, a text of its length or of a length 256 or
// 64 longer is not unless it is the line, and so is one of a length no
// line has.
func TestLineWordsGet(t *testing.T) {
	x := newTestSpaced(t, "en")
	c := &lineWords{seen: map[string]tokenized{}, keys: new(strings.Builder)}
	lines := []string{"Done at Dublin on 12 March 2021.", "Joint Statement", strings.Repeat("a ", 40)}
	for _, l := range lines {
		x.lineTokens(c, l)
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{lines[0], true},
		{lines[1], true},
		{lines[2], true},
		{"Done at Dublin on 12 March 2022.", false},           // a line's length
		{"Joint Statement" + strings.Repeat(" ", 256), false}, // 256 longer
		{"Joint Statement" + strings.Repeat(" ", 64), false},  // 64 longer
		{"Joint", false}, // no line's length
		{"", false},
	} {
		if _, got := c.get(tc.s); got != tc.want {
			t.Errorf("get(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestSentenceBegin holds begin to the struct it writes field by field:
// the sentence it leaves is the one a composite literal made before, from
// a sentence whose every field is set; a field added to sentence fails
// here until begin and this test know it.
func TestSentenceBegin(t *testing.T) {
	ws := []word{{Key: "w"}}
	buf := &sentenceBuf{cues: make([]scue, 2, 4)}
	buf.st = sentence{s: "old", valid: "old", rs: []rune("old"), ws: []word{{Key: "old"}}, cues: make([]scue, 1),
		ments: make([]smention, 1, 3), found: make([]countryMatch, 1, 3), cls: make([]sclause, 1, 3),
		reads: make([]sreading, 2, 3), evidence: &cueSlab{}, people: newPeople(), parties: []string{"CN"}, short: []string{"=bnc"}}
	v := reflect.ValueOf(buf.st)
	for k := 0; k < v.NumField(); k++ {
		if v.Field(k).IsZero() {
			t.Fatalf("field %s of the old sentence is zero: set it", v.Type().Field(k).Name)
		}
	}
	old := buf.st
	want := sentence{s: "new", rs: []rune("new"), ws: ws, cues: buf.cues[:0], ments: old.ments[:0], found: old.found[:0],
		cls: old.cls[:0], reads: old.reads, evidence: old.evidence}
	got := buf.begin("new", []rune("new"), ws)
	if got != &buf.st {
		t.Fatal("begin returned another sentence than the buffer's")
	}
	if !reflect.DeepEqual(*got, want) {
		t.Fatalf("begin left %+v, want %+v", *got, want)
	}
	// the buffers emptied are the same memory
	if cap(got.ments) != 3 || cap(got.reads) != 3 || got.evidence != old.evidence {
		t.Fatalf("begin did not keep the buffers: %d %d", cap(got.ments), cap(got.reads))
	}
}
