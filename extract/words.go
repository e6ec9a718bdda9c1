package extract

import (
	"strings"
	"unicode"
)

// word is a token of a sentence in a language written with spaces (English,
// Serbian): a run of letters and digits, or one punctuation mark. Offsets
// are in runes of the sentence as written; Key is the form rules match on.
type word struct {
	Start, End int
	Key        string // lower case, Cyrillic spelt in Latin, possessive 's dropped
	Upper      bool   // opens with a capital letter
	AllUpper   bool   // every letter a capital (US, UK, САД)
	Punct      bool   // a punctuation mark (, ; : ( ) " — …)
	Digits     bool   // digits only
}

// serbianLatin spells each Serbian Cyrillic letter in Latin (Vuk's alphabet
// and Gaj's are one to one, but for the three digraphs).
var serbianLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "đ", 'е': "e", 'ж': "ž", 'з': "z", 'и': "i",
	'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n", 'њ': "nj", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'ћ': "ć", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c", 'ч': "č", 'џ': "dž", 'ш': "š",
}

// foldKey gives the matching form of a word: lower case, Serbian Cyrillic in
// Latin (so one rule set reads both scripts), typographic apostrophes plain,
// a possessive 's dropped. Diacritics are kept: ć tells a Serbian future
// (nastaviće) from a plural (granice).
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if l, ok := serbianLatin[r]; ok {
			b.WriteString(l)
			continue
		}
		if r == '’' || r == '‘' || r == 'ʼ' {
			r = '\''
		}
		b.WriteRune(r)
	}
	k := b.String()
	if strings.HasSuffix(k, "'s") && len(k) > 2 {
		k = k[:len(k)-2]
	} else if strings.HasSuffix(k, "s'") && len(k) > 2 {
		k = k[:len(k)-1]
	}
	return k
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isInnerJoin reports whether r joins two word characters into one word
// (people-to-people, COVID-19, Serbia's, U.S.).
func isInnerJoin(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '.' || r == '‑'
}

// tokenize cuts a sentence into words and punctuation marks.
func tokenize(rs []rune) []word {
	out := make([]word, 0, len(rs)/5)
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		if !isWordRune(r) {
			out = append(out, word{Start: i, End: i + 1, Key: string(r), Punct: true})
			i++
			continue
		}
		j := i + 1
		for j < len(rs) {
			if isWordRune(rs[j]) {
				j++
				continue
			}
			if isInnerJoin(rs[j]) && j+1 < len(rs) && isWordRune(rs[j+1]) {
				// a full stop joins only letters of an abbreviation (U.S),
				// not a number and a word (2024.Godine is two)
				if rs[j] == '.' && !(j-i <= 2 || rs[j-2] == '.') {
					break
				}
				j += 2
				continue
			}
			break
		}
		// U.S. keeps its final stop when an abbreviation of single letters
		if j+1 <= len(rs) && j < len(rs) && rs[j] == '.' && j-i >= 3 && rs[j-2] == '.' {
			j++
		}
		w := word{Start: i, End: j}
		text := string(rs[i:j])
		w.Key = foldKey(text)
		first := []rune(text)[0]
		w.Upper = unicode.IsUpper(first)
		w.AllUpper = true
		w.Digits = true
		for _, c := range text {
			if unicode.IsLetter(c) && !unicode.IsUpper(c) {
				w.AllUpper = false
			}
			if c < '0' || c > '9' {
				w.Digits = false
			}
		}
		if !unicode.IsLetter(first) {
			w.AllUpper = false
		}
		out = append(out, w)
		i = j
	}
	return out
}
