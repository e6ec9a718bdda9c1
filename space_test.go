package entente

import (
	"testing"
	"unicode"
)

// TestIsSpace: IsSpace answers as unicode.IsSpace for every rune, and for
// the values just outside the range of runes.
func TestIsSpace(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if got, want := IsSpace(r), unicode.IsSpace(r); got != want {
			t.Fatalf("IsSpace(%U) = %v, unicode.IsSpace %v", r, got, want)
		}
	}
}

// TestIsHan: every rune isHan accepts is a letter, not a digit, without
// case; it accepts the whole block and nothing beside it.
func TestIsHan(t *testing.T) {
	n := 0
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if !isHan(r) {
			continue
		}
		n++
		if !unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.ToLower(r) != r {
			t.Fatalf("%U: letter %v, digit %v, lower %U", r, unicode.IsLetter(r), unicode.IsDigit(r), unicode.ToLower(r))
		}
	}
	if n != 0x9FFF-0x4E00+1 {
		t.Errorf("isHan accepts %d runes, want the %d of U+4E00..U+9FFF", n, 0x9FFF-0x4E00+1)
	}
	for _, c := range []struct {
		r    rune
		want bool
	}{{0x4DFF, false}, {0x4E00, true}, {'合', true}, {0x9FFF, true}, {0xA000, false}, {'a', false}} {
		if got := isHan(c.r); got != c.want {
			t.Errorf("isHan(%U) = %v, want %v", c.r, got, c.want)
		}
	}
}

// FuzzIsSpace holds IsSpace to unicode.IsSpace on any value of a rune.
func FuzzIsSpace(f *testing.F) {
	for _, r := range []rune{' ', 0x85, 0xA0, 0x1680, 0x2000, 0x3000, 0x3001, '合', -5, unicode.MaxRune + 9} {
		f.Add(int32(r))
	}
	f.Fuzz(func(t *testing.T, r int32) {
		if got, want := IsSpace(r), unicode.IsSpace(r); got != want {
			t.Errorf("IsSpace(%U) = %v, unicode.IsSpace %v", r, got, want)
		}
	})
}
