package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRuneMaskFilter holds the masks' one promise: a word found in a text
// has no bit the text's mask lacks, so testing the masks first never skips
// a word the search would find (isProper's lists).
func TestRuneMaskFilter(t *testing.T) {
	cases := []struct{ text, word string }{
		{"澜湄合作机制", "澜湄"},
		{"东海岸铁路", "海岸"},
		{"蒙内至马拉巴铁路", "至"},
		{"中欧班列", "中欧班列"},
		{"A1高速", "A1"},
		{"\xe4\xb8铁路", "铁路"}, // a cut character before the word
		{"铁路\xff", "铁路"},
	}
	for _, c := range cases {
		if !strings.Contains(c.text, c.word) {
			t.Fatalf("%q is not in %q: a bad case", c.word, c.text)
		}
		var buf [8]rune
		nm := maskOfRunes(appendRunes(buf[:0], c.text))
		if maskOf(c.word)&^nm != 0 {
			t.Errorf("%q in %q: the word's mask has a bit the text's lacks", c.word, c.text)
		}
		if maskOf(c.text) != nm {
			t.Errorf("%q: maskOf and maskOfRunes differ", c.text)
		}
	}
	// and the filter does filter: a word of other characters is passed over
	if maskOf("铁路")&^maskOf("澜湄合作") == 0 {
		t.Error("铁路's mask is within 澜湄合作's: the filter passes over nothing here")
	}
}

// TestBMPSet checks the set against the list it is made of, in the plane
// (bits) and beyond it (map), and a character of another set's bit.
func TestBMPSet(t *testing.T) {
	list := []rune{'比', '雷', 'a', 0x1F600, 0xFFFF}
	s := newBMPSet(list)
	in := map[rune]bool{}
	for _, r := range list {
		in[r] = true
	}
	for _, r := range []rune{'比', '雷', 'a', 'b', 0x1F600, 0x1F601, 0xFFFF, 0, -1, utf8.MaxRune + 1, '比' + 64} {
		if got := s.has(r); got != in[r] {
			t.Errorf("has(%U) = %v, want %v", r, got, in[r])
		}
	}
}

// TestIsShortRune holds isShortRune to isShort(string(r)) over the plane
// and runes that are no characters (string(r) spells them U+FFFD).
func TestIsShortRune(t *testing.T) {
	x := newTestExtractor(t)
	ci := x.countries
	n := 0
	check := func(r rune) {
		if got, want := ci.isShortRune(r), ci.isShort(string(r)); got != want {
			t.Errorf("isShortRune(%U) = %v, isShort = %v", r, got, want)
		}
		if ci.isShort(string(r)) {
			n++
		}
	}
	for r := rune(0); r < 1<<16; r++ {
		check(r)
	}
	for _, r := range []rune{-1, 0xD800, utf8.MaxRune, utf8.MaxRune + 1, 0x20000} {
		check(r)
	}
	if n == 0 {
		t.Fatal("no short form found: the table was not read")
	}
}

// TestMaskedWordsInside holds inside to strings.Contains over every word,
// with an invalid word (never passed over: its bytes decode otherwise
// inside a text) and words of characters the text lacks.
func TestMaskedWordsInside(t *testing.T) {
	words := []string{"澜湄", "大湄公河", "\xe4\xb8", "论坛"}
	mw := newMaskedWords(words)
	for _, text := range []string{"澜湄合作机制", "大湄公河次区域", "中国", "中阿合作论坛", "", "湄澜"} {
		want := false
		for _, w := range words {
			want = want || strings.Contains(text, w)
		}
		if got := mw.inside(text, maskOf(text)); got != want {
			t.Errorf("inside(%q) = %v, want %v", text, got, want)
		}
	}
}
