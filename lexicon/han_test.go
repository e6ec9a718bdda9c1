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
