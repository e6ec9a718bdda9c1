package sqlstore

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestSentenceIDsDistinct: a version's sentence ids must be distinct.
// The extractor's s1, s2, … in order are, and are not looked up; any other
// ids (a client's, renumbered, repeated) are checked one by one.
func TestSentenceIDsDistinct(t *testing.T) {
	for _, tt := range []struct {
		ids      string
		numbered bool
		dup      bool
	}{
		{"", true, false},
		{"s1", true, false},
		{"s1 s2 s3 s4 s5 s6 s7 s8 s9 s10 s11", true, false},
		{"s1 s1", false, true},
		{"s1 s3 s2", false, false},
		{"s1 s2 s1", false, true},
		{"s01 s02", false, false},
		{"s0 s1", false, false},
		{"a b a", false, true},
		{"s1 s2 s", false, false},
	} {
		var sents []entente.Sentence
		for _, id := range strings.Fields(tt.ids) {
			sents = append(sents, entente.Sentence{ID: id, Text: "双方同意。"})
		}
		if got := numberedLabels(sents); got != tt.numbered {
			t.Errorf("%q: numbered %v, want %v", tt.ids, got, tt.numbered)
		}
		_, err := prepareSentencesFor(sents, false)
		if (err != nil) != tt.dup {
			t.Errorf("%q: %v, want an error %v", tt.ids, err, tt.dup)
		}
	}
}
