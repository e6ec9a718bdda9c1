package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a token of a sentence in a language written with spaces (English,
// Serbian): a run of letters and digits, or one punctuation mark. Offsets
// are in runes of the sentence as written; Key is the form rules match on.
type word struct {
	Start, End int
	Key        string    // lower case, Cyrillic spelt in Latin, possessive 's dropped
	heads      [3]string // Key cut to one, two and three characters, for stem look-ups
	Upper      bool      // opens with a capital letter
	AllUpper   bool      // every letter a capital (US, UK, САД)
	Punct      bool      // a punctuation mark (, ; : ( ) " — …)
	Digits     bool      // digits only
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
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') || c == '\'' {
			ascii = false
			break
		}
	}
	if ascii {
		return s // already a key: most English words
	}
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
	if r < 0x80 {
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isInnerJoin reports whether r joins two word characters into one word
// (people-to-people, COVID-19, Serbia's, U.S.).
func isInnerJoin(r rune) bool {
	return r == '-' || r == '\'' || r == '’' || r == '.' || r == '‑'
}

// tokenize cuts a sentence into words and punctuation marks.
func tokenize(rs []rune) []word { return tokenizeText(string(rs), rs) }

// tokenizeText cuts a sentence, given as a string and as its runes, into
// words and punctuation marks with rune offsets; a word's text is a slice
// of s, so most keys cost nothing.
func tokenizeText(s string, rs []rune) []word {
	if !utf8.ValidString(s) {
		s = string(rs) // offsets below count bytes of valid UTF-8
	}
	out := make([]word, 0, len(rs)/6+1)
	b := 0 // byte offset of rs[i]
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			b += utf8.RuneLen(r)
			i++
			continue
		}
		if !isWordRune(r) {
			n := utf8.RuneLen(r)
			out = append(out, word{Start: i, End: i + 1, Key: s[b : b+n], Punct: true})
			b += n
			i++
			continue
		}
		j, e := i+1, b+utf8.RuneLen(r)
		for j < len(rs) {
			if isWordRune(rs[j]) {
				e += utf8.RuneLen(rs[j])
				j++
				continue
			}
			if isInnerJoin(rs[j]) && j+1 < len(rs) && isWordRune(rs[j+1]) {
				// a full stop joins only letters of an abbreviation (U.S),
				// not a number and a word (2024.Godine is two)
				if rs[j] == '.' && !(j-i <= 2 || rs[j-2] == '.') {
					break
				}
				e += utf8.RuneLen(rs[j]) + utf8.RuneLen(rs[j+1])
				j += 2
				continue
			}
			break
		}
		// U.S. keeps its final stop when an abbreviation of single letters
		if j < len(rs) && rs[j] == '.' && j-i >= 3 && rs[j-2] == '.' {
			e++
			j++
		}
		text := s[b:e]
		w := word{Start: i, End: j, Key: foldKey(text)}
		w.Upper = unicode.IsUpper(r)
		w.AllUpper, w.Digits = unicode.IsLetter(r), true
		ascii := true
		for k := 0; k < len(text); k++ {
			c := text[k]
			if c >= 0x80 {
				ascii = false
				break
			}
			if c >= 'a' && c <= 'z' {
				w.AllUpper = false
			}
			if c < '0' || c > '9' {
				w.Digits = false
			}
		}
		if ascii && len(w.Key) == len(text) {
			for n := 1; n <= 3; n++ {
				w.heads[n-1] = w.Key[:min(n, len(w.Key))]
			}
		} else {
			w.AllUpper, w.Digits = unicode.IsLetter(r), true
			for _, c := range text {
				if w.AllUpper && unicode.IsLetter(c) && !unicode.IsUpper(c) {
					w.AllUpper = false
				}
				if c < '0' || c > '9' {
					w.Digits = false
				}
			}
			for n := 1; n <= 3; n++ {
				w.heads[n-1] = cutRunes(w.Key, n)
			}
		}
		out = append(out, w)
		b, i = e, j
	}
	return out
}
