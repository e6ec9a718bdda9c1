package structure

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// The layout reads valid text byte by byte and keeps a reading over runes
// for text with invalid bytes; these tests hold the two to one result.

// TestSqueeze drops spaces beside CJK text and keeps one between Latin
// words, over the bytes of valid text as over its runes.
func TestSqueeze(t *testing.T) {
	tests := []struct{ in, want string }{
		{"双方 同意\u3000加强合作", "双方同意加强合作"},
		{"  The two   sides  agreed ", "The two sides agreed"},
		{"“一带一路” 倡议", "“一带一路”倡议"},
		{"titled “Hope” and", "titled “Hope” and"},
		{"中方 — Serbia", "中方— Serbia"},
		{"2024 年 5 月", "2024年5月"},
		{"no spaces", "no spaces"},
		{"", ""},
		{"a\u00a0\u200bb", "a b"},
	}
	for _, tc := range tests {
		if got := squeeze(tc.in); got != tc.want {
			t.Errorf("squeeze(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := squeezeRunes(tc.in); got != tc.want {
			t.Errorf("squeezeRunes(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// squeezeFull is squeeze without its one-pass answer for plainly spaced
// text (plainSpaced).
func squeezeFull(s string) string {
	if !hasSpace(s) {
		return s
	}
	if utf8.ValidString(s) {
		return squeezeValid(s)
	}
	return squeezeRunes(s)
}

// TestPlainSpaced: the text squeeze may return in one pass, and the text
// it may not (spaces to collapse or trim, CJK beside a space, other spaces,
// invalid bytes).
func TestPlainSpaced(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"The two sides agreed.", true},
		{"Dve strane će sarađivati.", true},
		{"Две стране ће сарађивати.", true},
		{"x", true},
		{"", false},
		{" leading", false},
		{"trailing ", false},
		{"two  spaces", false},
		{"a\tb", false},
		{"a\u00a0b", false},
		{"a ·b", false},
		{"中方 同意", false},
		{"titled “Hope”", false},
		{"bad \xc4 byte", false},
	}
	for _, tc := range tests {
		if got := plainSpaced(tc.in); got != tc.want {
			t.Errorf("plainSpaced(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got, want := squeeze(tc.in), squeezeFull(tc.in); got != want {
			t.Errorf("squeeze(%q) = %q, the full reading gives %q", tc.in, got, want)
		}
	}
}

// FuzzSqueeze holds squeeze to the full reading, and the byte-level
// squeeze to the rune-level one.
func FuzzSqueeze(f *testing.F) {
	for _, s := range []string{"双方 同意", "“ 一带一路 ” 倡议", "a  b", " … — · x", "x\xffy z", "Две\u00a0стране  ће\u2003č ž\u3000中方", "\u0085ž\u1680Ђ\u205f\ufeff", "Dve strane će", "a č\xc4 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := squeeze(s), squeezeFull(s); got != want {
			t.Fatalf("squeeze(%q) = %q, the full reading gives %q", s, got, want)
		}
		if !utf8.ValidString(s) {
			return
		}
		if got, want := squeezeValid(s), squeezeRunes(s); got != want {
			t.Fatalf("squeezeValid(%q) = %q, squeezeRunes gives %q", s, got, want)
		}
	})
}

// FuzzSegmentBytes holds the byte-level Segment to the rune-level one.
func FuzzSegmentBytes(f *testing.F) {
	for _, s := range []string{
		"双方同意。中方愿意！塞方？“好。”", "Mr. Smith met Dr. Jones on 8. maja 2024. They agreed. No. 5 is here.",
		"...!!!???。。。", "The U.S. and the U.K. agreed (e.g. this). J. Smith signed. 2024. Godine", "Član 12. Stav 3. ul. Kneza",
		"The Japan-U.S. Alliance. The China–EU. In 2021-22. Pro-Dr. X",
		"Две стране су се сагласиле да ојачају сарадњу。Strane će 双方同意加强合作！“好？”Dve strane!",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var offs []int
		got, want := segmentValid(nil, s, &offs), segmentRunes(s)
		if !slices.Equal(got, want) {
			t.Fatalf("segmentValid(%q) = %q, segmentRunes gives %q", s, got, want)
		}
		for k, seg := range got {
			if s[offs[k]:offs[k]+len(seg)] != seg {
				t.Fatalf("segmentValid(%q): sentence %q is not at its offset %d", s, seg, offs[k])
			}
		}
	})
}

// TestIsLatinText tells text in a script written with spaces from Chinese,
// reading the bytes of text without a CJK lead byte as isLatinRunes reads
// its characters.
func TestIsLatinText(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Joint Statement", true},
		{"Заједничка изјава", true},
		{"Zajednička izjava", true},
		{"“Hope” — a statement…", true},
		{"中塞联合声明", false},
		{"Joint 声明", false},
		{"2024. 5. 8.", false},
		{"", false},
		{"ž\xff", true},
		{"\xff\xfe 12", false},
	}
	for _, tc := range tests {
		if got := isLatinText(tc.in); got != tc.want {
			t.Errorf("isLatinText(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got := isLatinRunes(tc.in); got != tc.want {
			t.Errorf("isLatinRunes(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// FuzzIsLatinText holds the byte-level reading to the rune-level one, on
// any bytes.
func FuzzIsLatinText(f *testing.F) {
	for _, s := range []string{"Joint Statement", "Заједничка изјава", "“一带一路”", "č中", "12 ·", "\xe2\x80", "ǅ\xc4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isLatinText(s), isLatinRunes(s); got != want {
			t.Fatalf("isLatinText(%q) = %v, isLatinRunes gives %v", s, got, want)
		}
	})
}

// FuzzReadMarker holds readMarker, which reads the head of a valid line
// into arrays, to readMarkerRunes, which reads it over its runes.
func FuzzReadMarker(f *testing.F) {
	for _, s := range []string{"一、双方", "十二、政治", "第一条 双方", "第12章", "1. The", "12．双方", "1.5 million", "（一）合作", "(3) trade", "(a) energy",
		"a) item", "2) item", "IV. Trade", "Article 3: x", "Član 2. y", "Члан 4 з", "— 双方", "-- x", "- 5", "• x", "O、x", "〇、一", "（二十）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		m, ok := readMarker(s)
		rm, rok := readMarkerRunes(s)
		if m != rm || ok != rok {
			t.Fatalf("readMarker(%q) = %+v %v, readMarkerRunes gives %+v %v", s, m, ok, rm, rok)
		}
	})
}

// plainSpacedBytes is plainSpaced byte by byte, without its eight-byte
// steps: what they must answer.
func plainSpacedBytes(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if s[i+1] == ' ' {
				return false
			}
		case c < utf8.RuneSelf:
			if c >= '\t' && c <= '\r' {
				return false
			}
		case c == 0xC2 || c >= 0xE1:
			return false
		case c >= 0xC3 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i++
		default:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s)
}

// FuzzPlainSpaced holds plainSpaced's eight-byte steps to the reading byte
// by byte, and isLatinText's skips to isLatinRunes, on long lines too.
func FuzzPlainSpaced(f *testing.F) {
	for _, s := range []string{"The two sides agreed to strengthen cooperation", "The two sides  agreed", "agreedxx  x", "abcdefg  hijklmn", "abcdefgh\tij", "abcdefg\x01 hijklmno",
		"Dve strane će sarađivati u oblasti energetike", "a b c d e f g h i j k", "The U.S. “Hope” 中方 agreed", "abcdefghijklmno\xe2\x80\x99s x", "\x80\x80\x80\x80\x80\x80\x80\x80abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := plainSpaced(s), plainSpacedBytes(s); got != want {
			t.Fatalf("plainSpaced(%q) = %v, byte by byte %v", s, got, want)
		}
		if got, want := isLatinText(s), isLatinRunes(s); got != want {
			t.Fatalf("isLatinText(%q) = %v, isLatinRunes gives %v", s, got, want)
		}
	})
}

// FuzzSkipPrintableASCII holds the eight-byte reading to the byte-by-byte
// one.
func FuzzSkipPrintableASCII(f *testing.F) {
	for _, s := range []string{"abcdefghijklmnop q", "abcdefgh\x01ijk", "ab!\x20cd", "\x21\x21\x21\x21\x21\x21\x21\x21\x20", "abcdefghij\xe2\x80\x99", "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x80"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, i int) {
		if i < 0 || i > len(s) {
			return
		}
		want := i
		for want < len(s) && s[want] > ' ' && s[want] < utf8.RuneSelf {
			want++
		}
		if got := skipPrintableASCII(s, i); got != want {
			t.Fatalf("skipPrintableASCII(%q, %d) = %d, want %d", s, i, got, want)
		}
	})
}
