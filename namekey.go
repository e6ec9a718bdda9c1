package entente

import (
	"strings"
	"unicode"
)

// NameKey is the form in which two written names of an instrument,
// mechanism or project count as the same name: full-width letters and
// digits as half-width, lower case, Serbian Cyrillic in its Latin spelling,
// dashes as one dash, and no white space, quotation marks or title
// brackets. The registry joins names by it and finds them by it; it is
// never shown.
func NameKey(name string) string {
	var b strings.Builder
	for _, r := range name {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		switch {
		case unicode.IsSpace(r), isQuoteMark(r):
			continue
		case unicode.Is(unicode.Pd, r):
			b.WriteByte('-')
		case unicode.Is(unicode.Cyrillic, r):
			b.WriteString(serbianLatin(unicode.ToLower(r)))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// isQuoteMark reports the marks that enclose a title or a quotation in the
// languages read: 《》〈〉「」『』, straight quotes and every initial or final
// quotation mark (“” ‘’ « »), and „.
func isQuoteMark(r rune) bool {
	switch r {
	case '《', '》', '〈', '〉', '「', '」', '『', '』', '"', '\'', '„', '‚', '`':
		return true
	}
	return unicode.In(r, unicode.Pi, unicode.Pf)
}

// LowerLatin is s in lower case with Serbian Cyrillic spelt in Latin
// (До краја 2025. as do kraja 2025.): the form in which a rule written
// once in Latin letters reads a text in either Serbian script.
func LowerLatin(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if unicode.Is(unicode.Cyrillic, r) {
			b.WriteString(serbianLatin(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// serbianLatin spells a lower-case Serbian Cyrillic letter in Latin (the
// one-to-one correspondence of the two official scripts); another letter
// is kept.
func serbianLatin(r rune) string {
	const cyr = "абвгдђежзијклљмнњопрстћуфхцчџш"
	lat := [...]string{"a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m", "n", "nj", "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š"}
	i := 0
	for _, c := range cyr {
		if c == r {
			return lat[i]
		}
		i++
	}
	return string(r)
}
