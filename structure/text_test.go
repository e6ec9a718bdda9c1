package structure

import (
	"testing"
	"unicode"
	"unicode/utf8"

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

// stableRef is stableNFC's definition read character by character (an
// invalid byte is U+FFFD, which is not stable): what the byte-level
// decoding of stableNFC and validStableNFC must answer.
func stableRef(s string) bool {
	for _, r := range s {
		switch {
		case r < 0x300, r >= 0x400 && r < 0x483, r >= 0x48A && r < 0x530,
			r >= 0x2010 && r < 0x2070, r >= 0x3000 && r < 0x302A, r >= 0x3030 && r < 0x3040,
			r >= 0x4E00 && r < 0xA000, r >= 0xFF00 && r < 0xFFF0:
		default:
			return false
		}
	}
	return true
}

// FuzzStableNFCBytes holds stableNFC and validStableNFC, which decode
// two- and three-byte characters inline, to the definition over
// characters, and runesOver to the count of characters.
func FuzzStableNFCBytes(f *testing.F) {
	for _, s := range []string{"Србија и Кина", "saradnju će", "双方同意。", "\xd0", "\xd0\xd0\x81", "\xc0\x80", "\xc2\x80", "\xdf\xbf", "a\xe5\x80", "ǅ\u0301", "\xef\xbf\xbd", "The two sides agreed to strengthen 中 cooperation\xff in trade", "eight by eight bytes of ASCII, then \xe3\x80\xaa",
		// Han characters two at a time (validStableNFC's hanPair): pairs
		// at every alignment before an unstable mark, a pair cut short,
		// a pair whose second is below U+5000 or not Han at all
		"中国塞尔维亚\u302a", "中国塞尔\u302a", "中国\xe5\x80", "中一国家", "中\xe5\x80a国家",
		"\u4dff\u4e00\u4dc0中", "中\u4dc0\u3000", "\xe4\xb8\x80\xe4\xb7\xbf"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := stableRef(s)
		if got := stableNFC(s); got != want {
			t.Errorf("stableNFC(%q) = %v, want %v", s, got, want)
		}
		if got := validStableNFC(s); got != want {
			t.Errorf("validStableNFC(%q) = %v, want %v", s, got, want)
		}
		n := utf8.RuneCountInString(s)
		for _, k := range []int{-1, 0, 1, n - 1, n, n + 1, len(s) / 4, len(s)/4 - 1, len(s) / 2, len(s)} {
			if got := runesOver(s, k); got != (n > k) {
				t.Errorf("runesOver(%q, %d) = %v, %d characters", s, k, got, n)
			}
		}
	})
}

// TestIsSpaceRunes holds isSpace's shortcut (no space from U+00A1 to
// U+167F) to its definition over every character.
func TestIsSpaceRunes(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
		if got := isSpace(r); got != want {
			t.Errorf("isSpace(U+%04X) = %v, want %v", r, got, want)
		}
	}
}

// TestMaxAbbreviation holds maxAbbreviation to the longest abbreviation,
// which the sentence splitter relies on to skip the look-up of longer
// words.
func TestMaxAbbreviation(t *testing.T) {
	longest := 0
	for a := range abbreviations {
		longest = max(longest, utf8.RuneCountInString(a))
	}
	if longest != maxAbbreviation {
		t.Errorf("the longest abbreviation has %d characters, maxAbbreviation says %d", longest, maxAbbreviation)
	}
}
