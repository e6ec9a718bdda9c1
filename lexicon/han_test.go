package lexicon

import (
	"strings"
	"sync"
	"testing"
)

// hanTable loads the OpenCC table once for the tests of this file.
var hanTable = sync.OnceValues(LoadHanTable)

// TestSimplifyString maps texts as strings.Map with Simplified does, byte
// for byte: traditional characters, texts with nothing to map (returned as
// they are), Latin text, and invalid bytes (spelt U+FFFD, as Map does).
func TestSimplifyString(t *testing.T) {
	table, err := hanTable()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		changed  bool
	}{
		{"traditional", "中華人民共和國和塞爾維亞共和國聯合聲明", true},
		{"simplified", "中华人民共和国和塞尔维亚共和国联合声明", false},
		{"mixed scripts", "雙方將加強鐵路合作 (railway) — 2024年5月8日", true},
		{"latin", "The two sides agreed to strengthen cooperation.", false},
		{"invalid bytes", "國\xe5聯\xff", true},
		{"replacement character", "國\uFFFD聯", true},
		{"empty", "", false},
		{"outside the dense block (a compatibility ideograph)", "\U00020000㐀䶵豈", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, want := table.SimplifyString(tc.in), strings.Map(table.Simplified, tc.in)
			if got != want {
				t.Fatalf("SimplifyString(%q) = %q, want %q", tc.in, got, want)
			}
			if (got != tc.in) != tc.changed {
				t.Errorf("SimplifyString(%q) changed = %v, want %v", tc.in, got != tc.in, tc.changed)
			}
		})
	}
}

// FuzzSimplifyString holds SimplifyString to strings.Map on any input.
func FuzzSimplifyString(f *testing.F) {
	table, err := hanTable()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"中華人民共和國", "國\xe5聯", "abc", "\xed\xa0\x80", "雙方將加強"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := table.SimplifyString(s), strings.Map(table.Simplified, s); got != want {
			t.Fatalf("SimplifyString(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestMatcherStarts says which characters may open a word (or, built
// reversed, close one): a false answer is a promise that no word matches
// there.
func TestMatcherStarts(t *testing.T) {
	fwd, rev := NewMatcher(), NewMatcher()
	for _, w := range []string{"合作", "机制", "𠀀字"} {
		fwd.Add(w, 0)
		rev.AddReversed(w, 0)
	}
	tests := []struct {
		m    *Matcher
		r    rune
		want bool
	}{
		{fwd, '合', true}, {fwd, '作', false}, {fwd, '机', true}, {fwd, 'a', false},
		{rev, '作', true}, {rev, '制', true}, {rev, '合', false},
		{fwd, '𠀀', true}, // outside the bits: always asked
	}
	for _, tc := range tests {
		if got := tc.m.Starts(tc.r); got != tc.want {
			t.Errorf("Starts(%q) = %v, want %v", tc.r, got, tc.want)
		}
		if !tc.want {
			if end, _ := tc.m.LongestAt([]rune{tc.r, '作', '制'}, 0); end >= 0 {
				t.Errorf("Starts(%q) = false but a word starts there", tc.r)
			}
		}
	}
}
