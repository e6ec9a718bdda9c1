package decode

import (
	"strings"
	"unicode"

	"golang.org/x/text/encoding/charmap"
)

// serbianCodePages are the legacy code pages Serbian statements arrive in,
// Cyrillic and Latin. On a tie (text whose letters decode alike in two of
// them) the earlier, more common one wins.
var serbianCodePages = [...]codec{
	{"windows-1251", charmap.Windows1251},
	{"windows-1250", charmap.Windows1250},
	{"iso-8859-5", charmap.ISO8859_5},
	{"iso-8859-2", charmap.ISO8859_2},
}

// The letters of the Serbian alphabets outside ASCII: all of Cyrillic
// (Вук's thirty letters) and the five Latin letters with diacritics.
const (
	serbianCyrillic = "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ"
	serbianLatin    = "čćđšžČĆĐŠŽ"
	// Typographic punctuation the Serbian code pages carry and Serbian text
	// uses; it counts neither for nor against an encoding.
	serbianPunct = "„“”‚‘’–—…«»·•°№§€\u00a0"
)

// guessSerbian decodes data with each Serbian code page and picks the one
// whose result reads most like Serbian. chardet is weak here (it scores
// Serbian windows-1251 text at 30 and names windows-1252 for Latin-2), because
// its single-byte models are Russian, Bulgarian and Western European.
// It reports false when no code page gives text that looks like Serbian:
// more fitting letters than twice the misfits. One č in a title is enough,
// since a wrong code page turns it into a misfit.
func guessSerbian(data []byte) (codec, bool) {
	best, bestScore := codec{}, 0
	for _, c := range serbianCodePages {
		s, ok := c.decode(data)
		if !ok {
			continue
		}
		good, bad := serbianScore(s)
		if score := good - 2*bad; score > bestScore {
			best, bestScore = c, score
		}
	}
	return best, bestScore > 0
}

// serbianScore counts, in text decoded from a single-byte code page, the
// non-ASCII characters that fit Serbian (good) and those that do not (bad).
// A letter fits when it belongs to the Serbian alphabet of its word's
// script; a wrong code page gives letters of other languages (ŕ, ё, і),
// symbols and C1 controls, words that mix Latin and Cyrillic, and
// capitals inside words.
func serbianScore(s string) (good, bad int) {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		g, b := wordScore(w)
		good += g
		bad += b
	}
	for _, r := range s {
		if r >= 0x80 && !unicode.IsLetter(r) && !strings.ContainsRune(serbianPunct, r) {
			bad++
		}
	}
	return good, bad
}

// wordScore scores the non-ASCII letters of one word (a run of letters).
func wordScore(w string) (good, bad int) {
	latin, cyrillic := 0, 0
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			cyrillic++
		} else {
			latin++
		}
	}
	isCyrillic := cyrillic > latin
	prevLower := false
	for _, r := range w {
		if prevLower && unicode.IsUpper(r) {
			bad++ // "бРаРФ": a code page that swaps cases
		}
		prevLower = unicode.IsLower(r)
		if r < 0x80 {
			if isCyrillic {
				bad++ // a Latin letter inside a Cyrillic word
			}
			continue
		}
		switch {
		case isCyrillic && strings.ContainsRune(serbianCyrillic, r):
			good++
		case !isCyrillic && strings.ContainsRune(serbianLatin, r):
			good++
		default:
			bad++
		}
	}
	return good, bad
}
