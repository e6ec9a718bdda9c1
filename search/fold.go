package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Folding makes a Latin query find Cyrillic text and the reverse, and a query
// typed without diacritics find text written with them: every word is
// lowercased, Serbian (and other) Cyrillic is transliterated to Latin by a
// fixed table, compatibility forms (full-width letters, ligatures, the ǆ
// digraph) are decomposed, and combining marks are dropped (š→s, č→c, ć→c).
// Letters without a decomposition get their own spelling: đ and ђ both fold
// to "dj", the usual ASCII spelling of đ, and џ to "dz" like the Latin dž.

// special spells letters that decomposition leaves alone. Keys are lowercase.
var special = map[rune]string{
	// Serbian Cyrillic (Vuk's alphabet) as Serbian Latin without diacritics.
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "dj", 'е': "e",
	'ж': "z", 'з': "z", 'и': "i", 'ј': "j", 'к': "k", 'л': "l", 'љ': "lj",
	'м': "m", 'н': "n", 'њ': "nj", 'о': "o", 'п': "p", 'р': "r", 'с': "s",
	'т': "t", 'ћ': "c", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c", 'ч': "c",
	'џ': "dz", 'ш': "s",
	// Other Cyrillic letters, so that Russian or Macedonian names fold too.
	'й': "j", 'ё': "e", 'ы': "y", 'э': "e", 'ю': "ju", 'я': "ja", 'щ': "sc",
	'ъ': "", 'ь': "", 'є': "je", 'і': "i", 'ї': "ji", 'ґ': "g", 'ў': "u",
	'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
	// Latin letters without a decomposition.
	'đ': "dj", 'ð': "d", 'ø': "o", 'ł': "l", 'ß': "ss", 'æ': "ae", 'œ': "oe",
	'þ': "th", 'ı': "i", 'ħ': "h", 'ŋ': "n", 'ŧ': "t", 'ƒ': "f",
	// Greek final sigma is a form of σ.
	'ς': "σ",
}

// folded caches the folding of the non-ASCII letters of the Latin, Greek
// and Cyrillic blocks and of the full-width forms, so that the analyzer
// decomposes nothing at run time.
var folded = map[rune]string{}

func init() {
	blocks := [][2]rune{
		{0x00A0, 0x024F}, // Latin-1 Supplement (µ, ª), Latin Extended-A and -B
		{0x0370, 0x03FF}, // Greek
		{0x0400, 0x052F}, // Cyrillic and its supplement
		{0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese)
		{0xFB00, 0xFB06}, // Latin ligatures
		{0xFF01, 0xFF5E}, // full-width ASCII
	}
	for _, b := range blocks {
		for r := b[0]; r <= b[1]; r++ {
			if s := foldRune(r); s != string(r) {
				folded[r] = s
			}
		}
	}
}

// foldRune spells one character as the analyzer indexes it.
func foldRune(r rune) string {
	r = unicode.ToLower(r)
	if s, ok := special[r]; ok {
		return s
	}
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		if !unicode.IsLetter(d) && !unicode.IsDigit(d) {
			continue // combining marks, and the spaces some compatibility forms hold
		}
		d = unicode.ToLower(d)
		if s, ok := special[d]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteRune(d)
	}
	return b.String()
}

// appendFolded appends the folded spelling of r to b.
func appendFolded(b []byte, r rune) []byte {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	if s, ok := folded[r]; ok {
		return append(b, s...)
	}
	if unicode.IsUpper(r) {
		r = unicode.ToLower(r)
	}
	return utf8.AppendRune(b, r)
}
