package structure

import (
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestStableNFC(t *testing.T) {
	for _, s := range []string{"双方同意。", "Srbija i Kina", "“一带一路”", "２０２４年", "—— 5G", "Србија и Кина", "saradnju će"} {
		if !stableNFC(s) {
			t.Errorf("stableNFC(%q) = false", s)
		}
		if !norm.NFC.IsNormalString(s) {
			t.Errorf("%q is not NFC: the fast path is wrong", s)
		}
	}
	// a decomposed č, and a CJK compatibility ideograph that NFC replaces
	for _, s := range []string{"c\u030c", "\uF900", "\u2000", "\u0435\u0306", "\u0418\u0483"} {
		if stableNFC(s) {
			t.Errorf("stableNFC(%q) = true, but NFC changes it", s)
		}
	}
}

// TestStableNFCRunes holds every character the fast path lets through to
// NFC's own properties: normal alone, of combining class 0, and composing
// with nothing before it, so that no text of such characters changes.
func TestStableNFCRunes(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		s := string(r)
		if r >= 0xD800 && r < 0xE000 || !stableNFC(s) {
			continue
		}
		p := norm.NFC.PropertiesString(s)
		if !norm.NFC.IsNormalString(s) || p.CCC() != 0 || !p.BoundaryBefore() {
			t.Errorf("U+%04X passes stableNFC but NFC may change it", r)
		}
	}
}

// TestIsCJKRunes holds isCJK's shortcuts (below the middle dot, between it
// and the first dash) to its definition over every character.
func TestIsCJKRunes(t *testing.T) {
	want := func(r rune) bool {
		return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
			r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got := isCJK(r); got != want(r) {
			t.Errorf("isCJK(U+%04X) = %v, want %v", r, got, want(r))
		}
	}
}
