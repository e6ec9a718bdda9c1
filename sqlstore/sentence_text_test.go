package sqlstore

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestLocateSentences: each sentence whose text is a run of its version's
// text gets offsets that cut exactly that text, in order where texts
// repeat; one that is not a run (a joined line break, an edited text) or
// is empty gets none.
func TestLocateSentences(t *testing.T) {
	for _, c := range []struct {
		name  string
		text  string
		sents []string
		want  []int
	}{
		{"in order", "甲。乙。丙。", []string{"甲。", "乙。", "丙。"}, []int{0, 6, 12}},
		{"a repeated text, each its own run", "好。好。", []string{"好。", "好。"}, []int{0, 6}},
		{"a line break joined", "第一句\n续。第二句。", []string{"第一句续。", "第二句。"}, []int{-1, 16}},
		{"out of order: found where it is", "A b. C d.", []string{"C d.", "A b."}, []int{5, 0}},
		{"empty", "A.", []string{"", "A."}, []int{-1, 0}},
		{"an English sentence among spaces", "One.  Two two.", []string{"One.", "Two two."}, []int{0, 6}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ps := make([]preparedSentence, len(c.sents))
			for i, s := range c.sents {
				ps[i].Sentence = &entente.Sentence{Text: s}
			}
			locateSentences(c.text, ps)
			for i, p := range ps {
				if p.start != c.want[i] {
					t.Errorf("sentence %d (%q) at %d, want %d", i, p.Text, p.start, c.want[i])
				}
				if p.start >= 0 && c.text[p.start:p.start+len(p.Text)] != p.Text {
					t.Errorf("sentence %d: its offsets cut %q", i, c.text[p.start:p.start+len(p.Text)])
				}
			}
		})
	}
}

// FuzzLocateSentences: whatever the text and the sentences, offsets only
// ever cut a sentence's own text, and a sentence that is a run of the
// text always gets them.
func FuzzLocateSentences(f *testing.F) {
	f.Add("甲。乙。丙。", "乙。\x00丙。")
	f.Add("abc", "x\x00abc\x00")
	f.Fuzz(func(t *testing.T, text, joined string) {
		parts := strings.Split(joined, "\x00")
		ps := make([]preparedSentence, len(parts))
		for i, p := range parts {
			ps[i].Sentence = &entente.Sentence{Text: p}
		}
		locateSentences(text, ps)
		for i, p := range ps {
			if p.start >= 0 && text[p.start:p.start+len(p.Text)] != p.Text {
				t.Fatalf("sentence %d (%q): offsets cut %q", i, p.Text, text[p.start:p.start+len(p.Text)])
			}
			if (p.start >= 0) != (p.Text != "" && strings.Contains(text, p.Text)) {
				t.Fatalf("sentence %d (%q) at %d in %q", i, p.Text, p.start, text)
			}
		}
	})
}

// TestSentenceTextsBadOffsets: offsets that do not lie in their version's
// text are an error, never a panic or a wrong text; a row that holds its
// text reads it without reading a version.
func TestSentenceTextsBadOffsets(t *testing.T) {
	version := func(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
		t.Fatalf("read a version for rows that hold their texts: %s", query)
		return nil
	}
	got, err := sentenceTexts(context.Background(), version, nil, nil, []storedText{{text: "甲。", version: 1}, {text: "", version: 2}})
	if err != nil || len(got) != 2 || got[0] != "甲。" || got[1] != "" {
		t.Errorf("rows with their texts read %q (%v)", got, err)
	}
	none := func(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
		return nil // the version is not there: its text reads as empty
	}
	for _, c := range []struct {
		name       string
		start, end int64
		endValid   bool
	}{
		{"past the end", 0, 3, true},
		{"negative", -1, 0, true},
		{"reversed", 2, 1, true},
		{"no end", 0, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ts := []storedText{{version: 7, start: sql.NullInt64{Int64: c.start, Valid: true}, end: sql.NullInt64{Int64: c.end, Valid: c.endValid}}}
			if got, err := sentenceTexts(context.Background(), none, nil, nil, ts); err == nil {
				t.Errorf("read %q", got)
			}
		})
	}
}
