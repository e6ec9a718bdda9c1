package structure

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSpaceLenRunes holds the bytes spaceLen and spaceLenBefore know to
// isSpace over every character, alone and after or before bytes that could
// be mistaken for part of it.
func TestSpaceLenRunes(t *testing.T) {
	edges := []string{"", "a", "\xc2", "\xe2", "\xe2\x80", "\x80", "中"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		c := string(r)
		want := 0
		if isSpace(r) {
			want = len(c)
		}
		for _, e := range edges {
			if got := spaceLen(c+e, 0); got != want {
				t.Fatalf("spaceLen(%q) = %d, want %d", c+e, got, want)
			}
			if got := spaceLenBefore(e+c, len(e+c)); got != want {
				t.Fatalf("spaceLenBefore(%q) = %d, want %d", e+c, got, want)
			}
		}
	}
}

// FuzzTrimSpaces holds the byte-level trims to the strings package's over
// isSpace, on any bytes.
func FuzzTrimSpaces(f *testing.F) {
	for _, s := range []string{" a ", "\u3000中\u3000", "\u00a0x\u2005", "\xe2\x80\x85", "\x85\xc2\xa0", "\ufeff\u200b a b \u205f", "\xc2", "\xe2\x80", " \xff ",
		// Han characters two at a time (hasSpace's hanPair): a pair, then a
		// space, at every alignment; a pair whose second is cut or not Han
		"一丁两个\u3000中", "中国\u3000塞尔维亚", "中国塞\u3000", "中\xe4\xb8 国家", "中国\xe5\x80\x20"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpaces(s), strings.TrimFunc(s, isSpace); got != want {
			t.Fatalf("trimSpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimLead(s), strings.TrimLeftFunc(s, isSpace); got != want {
			t.Fatalf("trimLead(%q) = %q, want %q", s, got, want)
		}
		if got, want := trimTrail(s), strings.TrimRightFunc(s, isSpace); got != want {
			t.Fatalf("trimTrail(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasSpace(s), strings.ContainsFunc(s, isSpace); got != want {
			t.Fatalf("hasSpace(%q) = %v, want %v", s, got, want)
		}
	})
}
