package lexicon

import (
	"encoding/binary"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
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
		{"corner quotes are read as “”", "「一帶一路」倡議『A』", true},
		{"outside the dense block (a compatibility ideograph)", "\U00020000㐀䶵豈", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, want := table.SimplifyString(tc.in), strings.Map(table.Simplified, tc.in)
			if got != want {
				t.Fatalf("SimplifyString(%q) = %q, want %q", tc.in, got, want)
			}
			if strings.ContainsAny(got, "「」『』") {
				t.Errorf("SimplifyString(%q) = %q keeps a corner quote", tc.in, got)
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

// TestRunIndex holds runIndex to be one to one over the three-byte forms
// (every one of the 65,536 spelt by E0–EF and two continuation bytes has
// its own place in run), and run to hold, at each character's place, what
// code and enc say of it.
func TestRunIndex(t *testing.T) {
	table, err := hanTable()
	if err != nil {
		t.Fatal(err)
	}
	var at [1 << 16]int32
	for i := range at {
		at[i] = -1
	}
	for r := range rune(1 << 16) {
		w := uint32(0xE0|r>>12) | uint32(0x80|r>>6&0x3F)<<8 | uint32(0x80|r&0x3F)<<16
		k := runIndex(w | 0xAB<<24) // the next byte takes no part
		if at[k] >= 0 {
			t.Fatalf("%U and %U share run's place %d", at[k], r, k)
		}
		at[k] = r
		e, want := table.run[k], uint64(0)
		switch c := table.code[r]; {
		case c == invalidEntry:
			want = invalidRun
		case c != 0:
			img, u := uint64(entryImage(c)), uint64(0)
			if s := entrySimp(c); s != 0 && table.enc[s] != 0 {
				m := table.images[s-1]
				var buf [4]byte
				utf8.EncodeRune(buf[:], m)
				img, u = uint64(s), uint64(binary.LittleEndian.Uint32(buf[:]))
			}
			if img != 0 || u != 0 {
				want = uint64(r)<<48 | img<<32 | u
			}
		}
		if e != want {
			t.Fatalf("run holds %#x for %U, want %#x", e, r, want)
		}
	}
}
