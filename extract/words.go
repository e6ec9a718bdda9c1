package extract

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a token of a sentence in a language written with spaces (English,
// Serbian): a run of letters and digits, or one punctuation mark. Offsets
// are in runes of the sentence as written; Key is the form rules match on.
type word struct {
	Start, End int
	// from, to are the word's byte offsets in the sentence (spelt as
	// valid UTF-8), so that a span of words is a slice of it
	from, to int32
	Key      string // lower case, Cyrillic spelt in Latin, possessive 's dropped
	// keyHash and headHash are Key's and heads' hashes (keyHash), set by
	// tokenize with hashed: every phrase table tests them against its
	// filter before it looks a word up
	keyHash  uint64
	headHash [3]uint64
	// opens has a bit for each table of the reader's phraseIndex that a
	// phrase may open at this word, and markedBit once the index has
	// marked it (0 for a word it has not)
	opens uint64
	// rest has the bits of opens of this word and every word after it in
	// the words the index marked together (a sentence, a line), and
	// markedBit: a table whose bit it lacks opens no phrase from here on
	rest uint64
	// exactT, headT and sufT have, of the tables' bits in opens, those
	// whose phrases open with this word's key exactly, with a stem keyed
	// by its head of one, two and three characters, and with a suffix it
	// ends in: a table looks up only what the index found (longestFrom)
	exactT, sufT uint32
	headT        [3]uint32
	// headEnd is the length in bytes of Key cut to one, two and three
	// characters, for stem look-ups (head); 0 for a word made outside
	// tokenize
	headEnd  [3]uint8
	hashed   bool
	Upper    bool // opens with a capital letter
	AllUpper bool // every letter a capital (US, UK, САД)
	Punct    bool // a punctuation mark (, ; : ( ) " — …)
	Digits   bool // digits only
	// (the small fields last: a word takes 120 bytes, not 136)
}

// serbianLatin spells each lower-case Serbian Cyrillic letter in Latin
// (Vuk's alphabet and Gaj's are one to one, but for the three digraphs),
// indexed from а (U+0430) to џ (U+045F); "" for the other letters there.
var serbianLatin = [0x30]string{
	'а' - 0x430: "a", 'б' - 0x430: "b", 'в' - 0x430: "v", 'г' - 0x430: "g", 'д' - 0x430: "d",
	'ђ' - 0x430: "đ", 'е' - 0x430: "e", 'ж' - 0x430: "ž", 'з' - 0x430: "z", 'и' - 0x430: "i",
	'ј' - 0x430: "j", 'к' - 0x430: "k", 'л' - 0x430: "l", 'љ' - 0x430: "lj", 'м' - 0x430: "m",
	'н' - 0x430: "n", 'њ' - 0x430: "nj", 'о' - 0x430: "o", 'п' - 0x430: "p", 'р' - 0x430: "r",
	'с' - 0x430: "s", 'т' - 0x430: "t", 'ћ' - 0x430: "ć", 'у' - 0x430: "u", 'ф' - 0x430: "f",
	'х' - 0x430: "h", 'ц' - 0x430: "c", 'ч' - 0x430: "č", 'џ' - 0x430: "dž", 'ш' - 0x430: "š",
}

// latinOf spells a lower-case Serbian Cyrillic letter in Latin.
func latinOf(r rune) (string, bool) {
	if r < 0x430 || r >= 0x460 {
		return "", false
	}
	l := serbianLatin[r-0x430]
	return l, l != ""
}

// isKey reports whether s is its own key (foldKey): no capital, Cyrillic
// letter, apostrophe or invalid byte, so that most words, in both
// alphabets, need no copy.
func isKey(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c >= 'A' && c <= 'Z') || c == '\'' {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return false // spelt U+FFFD by the copy
		}
		if _, cyr := latinOf(r); cyr || unicode.ToLower(r) != r || r == '’' || r == '‘' || r == 'ʼ' {
			return false
		}
		i += w
	}
	return true
}

// foldKey gives the matching form of a word: lower case, Serbian Cyrillic in
// Latin (so one rule set reads both scripts), typographic apostrophes plain,
// a possessive 's dropped. Diacritics are kept: ć tells a Serbian future
// (nastaviće) from a plural (granice).
func foldKey(s string) string {
	if isKey(s) {
		return s // already a key: most words
	}
	var b strings.Builder
	b.Grow(len(s))
	return foldInto(&b, s)
}

// foldInto writes the key of s (foldKey) at the end of b and returns it:
// the words of a sentence share one buffer.
func foldInto(b *strings.Builder, s string) string {
	start := b.Len()
	for _, r := range s {
		foldRune(b, r)
	}
	return foldEnd(b, start)
}

// foldRune writes r as a key spells it.
func foldRune(b *strings.Builder, r rune) {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	case r >= 0x400 && r <= 0x45F: // Serbian Cyrillic, lowered without a table
		if r < 0x410 {
			r += 0x50 // Ђ → ђ
		} else if r < 0x430 {
			r += 0x20 // А → а
		}
	default:
		r = unicode.ToLower(r)
	}
	if l, ok := latinOf(r); ok {
		b.WriteString(l)
		return
	}
	if r == '’' || r == '‘' || r == 'ʼ' {
		r = '\''
	}
	b.WriteRune(r)
}

// foldEnd returns the key written in b from start, its possessive 's
// dropped.
func foldEnd(b *strings.Builder, start int) string {
	// the bytes a builder has written never change: its string, cut
	// here, stays this key when more is written after it
	k := b.String()[start:]
	if strings.HasSuffix(k, "'s") && len(k) > 2 {
		k = k[:len(k)-2]
	} else if strings.HasSuffix(k, "s'") && len(k) > 2 {
		k = k[:len(k)-1]
	}
	return k
}

// letterCase reports whether r is a letter and whether a capital, as
// unicode.IsLetter and unicode.IsUpper do, without their tables for
// Serbian Cyrillic.
func letterCase(r rune) (letter, upper bool) {
	if r >= 0x400 && r <= 0x45F {
		return true, r < 0x430
	}
	return unicode.IsLetter(r), unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9')
	case r >= 0xC0 && r <= 0x17F:
		return r != 0xD7 && r != 0xF7 // Latin letters with diacritics (č, ž, đ), but × and ÷
	case r >= 0x400 && r <= 0x45F:
		return true // the Cyrillic letters Serbian is written in, without a table look-up
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
	return appendTokens(make([]word, 0, len(rs)/4+2), s, rs)
}

// appendTokens is tokenizeText appending to out, so that a document's
// sentences can share one buffer.
func appendTokens(out []word, s string, rs []rune) []word {
	return appendTokensKeys(out, s, rs, nil)
}

// appendTokensKeys is appendTokens writing the keys that are not slices
// of s (folded) into keys, nil for a buffer of their own: a document's
// sentences can share one.
func appendTokensKeys(out []word, s string, rs []rune, keys *strings.Builder) []word {
	if !utf8.ValidString(s) {
		s = string(rs) // offsets below count bytes of valid UTF-8
	}
	return appendTokensValid(out, s, rs, keys)
}

// appendTokensValid is appendTokensKeys for s valid UTF-8 (the runes rs
// spelt out), which the caller has checked; it reads s alone
// (appendTokensString).
func appendTokensValid(out []word, s string, rs []rune, keys *strings.Builder) []word {
	out, _ = appendTokensString(out, s, keys)
	return out
}

// runeAt decodes the character at byte b of s as utf8.DecodeRuneInString
// does (an invalid byte is U+FFFD, one byte long), with the two-byte characters of Serbian (Cyrillic, č ć đ š ž) decoded without a
// call.
func runeAt(s string, b int) (rune, int) {
	c := s[b]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && b+1 < len(s) && s[b+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[b+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[b:])
}

// appendTokensString cuts s into words and punctuation marks with rune
// offsets, reading its bytes once: no []rune of it is needed. A word's
// text is a slice of s, so most keys cost nothing. It reports false, its
// words unfinished, for s not valid UTF-8, which the caller reads spelt
// as its runes spell it (appendTokensKeys).
func appendTokensString(out []word, s string, keys *strings.Builder) ([]word, bool) {
	if keys == nil {
		keys = new(strings.Builder)
	}
	b, i := 0, 0 // byte offset, and character index, of the next character
	for b < len(s) {
		if byteClass[s[b]] != wNotAlnum {
			// most words of English and Serbian Latin text are ASCII
			// letters and digits alone: read, keyed and hashed in one
			// pass over their bytes
			if e, ok := appendASCIIWord(&out, s, i, b, keys); ok {
				i += e - b
				b = e
				continue
			}
		}
		r, n := rune(s[b]), 1
		if r >= utf8.RuneSelf {
			if r, n = runeAt(s, b); r == utf8.RuneError && n == 1 {
				return out, false
			}
		}
		if r == ' ' || (r < ' ' || r >= utf8.RuneSelf && (r <= 0xA0 || r >= 0x1680)) && unicode.IsSpace(r) { // ASCII from '!' on is no space, nor U+00A1–U+167F (Latin, Cyrillic)
			b += n
			i++
			continue
		}
		if !isWordRune(r) {
			w := pushWord(&out)
			w.Start, w.End, w.from, w.to, w.Key = i, i+1, int32(b), int32(b+n), s[b:b+n]
			w.Punct, w.keyHash, w.hashed = true, keyHash(s[b:b+n]), true
			b += n
			i++
			continue
		}
		if r < 0x180 {
			// most words of English and Serbian Latin text are ASCII
			// letters and digits and č ć đ š ž: read in one pass over
			// their bytes
			if m, mb, ok := appendLatinWord(&out, s, i, b, keys); ok {
				b, i = b+mb, i+m
				continue
			}
		}
		if r >= 0x400 && r <= 0x45F {
			// a word of Serbian Cyrillic letters: spelt in Latin in the
			// pass that finds its end
			if m, ok := appendCyrillicWord(&out, s, i, b, keys); ok {
				b, i = b+2*m, i+m
				continue
			}
		}
		// r1 and r2 are the word's last two characters (r2 read only once
		// the word has three)
		j, e := i+1, b+n
		r1, r2 := r, rune(0)
		for e < len(s) {
			c, cn := rune(s[e]), 1
			if c >= utf8.RuneSelf {
				c, cn = runeAt(s, e)
			}
			if c < utf8.RuneSelf { // ASCII inline: most letters of both languages' Latin text
				if l := c | 0x20; (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') {
					e++
					j++
					r1, r2 = c, r1
					continue
				}
			} else if isWordRune(c) {
				e += cn
				j++
				r1, r2 = c, r1
				continue
			}
			if isInnerJoin(c) && e+cn < len(s) {
				if d, dn := runeAt(s, e+cn); isWordRune(d) {
					// a full stop joins only letters of an abbreviation
					// (U.S), not a number and a word (2024.Godine is two)
					if c == '.' && !(j-i <= 2 || r2 == '.') {
						break
					}
					e += cn + dn
					j += 2
					r1, r2 = d, c
					continue
				}
			}
			break
		}
		// U.S. keeps its final stop when an abbreviation of single letters
		if e < len(s) && s[e] == '.' && j-i >= 3 && r2 == '.' {
			e++
			j++
		}
		text := s[b:e]
		out = append(out, word{Start: i, End: j, from: int32(b), to: int32(e), Key: text})
		w := &out[len(out)-1] // filled in place: a word is 96 bytes
		letter, upper := letterCase(r)
		w.Upper = upper
		w.AllUpper, w.Digits = letter, true
		ascii, fold := true, false
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
			if (c >= 'A' && c <= 'Z') || c == '\'' {
				fold = true // what isKey refuses in ASCII
			}
		}
		if fold || (!ascii && !isKey(text)) {
			if keys.Cap()-keys.Len() < len(text)*2 {
				keys.Grow(len(s) + len(s)/2) // Cyrillic spelt in Latin may grow a half (џ → dž)
			}
			w.Key = foldInto(keys, text)
		}
		if ascii && len(w.Key) == len(text) {
			for k := 1; k <= 3; k++ {
				w.headEnd[k-1] = uint8(min(k, len(w.Key)))
			}
		} else {
			w.AllUpper, w.Digits = letter, true
			for _, c := range text {
				if w.AllUpper {
					if l, u := letterCase(c); l && !u {
						w.AllUpper = false
					}
				}
				if c < '0' || c > '9' {
					w.Digits = false
				}
			}
			for k := 1; k <= 3; k++ {
				w.headEnd[k-1] = uint8(len(cutRunes(w.Key, k)))
			}
		}
		w.setHashes()
		b, i = e, j
	}
	return out, true
}

// asciiClass classes the ASCII bytes for appendLatinWord, in the bits it
// gathers of a word's characters: a small letter, a capital (the bit that
// lowers it), nothing for a digit, and wNotAlnum for the others.
var asciiClass = func() (c [128]uint8) {
	for b := range c {
		c[b] = wNotAlnum
	}
	for b := 'a'; b <= 'z'; b++ {
		c[b] = wSmall
		c[b-'a'+'A'] = wCapital
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = 0
	}
	return c
}()

// byteClass is asciiClass over every byte: wNotAlnum from 0x80 on (a
// byte of a longer character), so that a loop over bytes needs no test
// of its range before it looks one up.
var byteClass = func() (c [256]uint8) {
	for b := range c {
		c[b] = wNotAlnum
	}
	copy(c[:], asciiClass[:])
	return c
}()

// appendASCIIWord reads the word that opens at byte b of s (character i),
// an ASCII letter or digit, as appendLatinWord does, when it is made of
// ASCII letters and digits alone: its key (lowered where it has a capital)
// and the hashes of its key and heads (setHashes) come from one pass over
// its bytes. It returns the byte where the word ends, or false, having
// appended nothing, for a word that may go on past them (a join - or .
// before a letter or digit, an apostrophe, a character from U+0080) or
// is long (latinWordMax): appendLatinWord and the general loop read those.
func appendASCIIWord(out *[]word, s string, i, b int, keys *strings.Builder) (int, bool) {
	// the end first: one table look-up a byte, nothing else kept live
	var seen uint8 // the bits of the word's characters (asciiClass)
	k := b
	for k < len(s) {
		f := byteClass[s[k]]
		if f == wNotAlnum {
			break
		}
		seen |= f
		k++
	}
	n := k - b
	if n >= latinWordMax || n == 0 {
		return 0, false
	}
	if k < len(s) {
		switch c := s[k]; {
		case c >= utf8.RuneSelf || c == '\'':
			return 0, false // a letter of two bytes, a join or a space of its own, or 's
		case c == '-' || c == '.':
			if k+1 < len(s) && (s[k+1] >= utf8.RuneSelf || asciiClass[s[k+1]] != wNotAlnum) {
				return 0, false // a join, or a character after it to read
			}
		}
	}
	key := s[b:k]
	// then the hashes (FNV-1a, as keyHash) of the key lowered: an ASCII
	// letter or digit has its 0x20 bit set once lowered (digits have it),
	// so c|0x20 is the key's byte; the heads' hashes are the key's after
	// one, two and three bytes
	const prime = 1099511628211
	h := (14695981039346656037 ^ uint64(key[0]|0x20)) * prime
	h0, h1 := h, h
	if n > 1 {
		h = (h ^ uint64(key[1]|0x20)) * prime
		h1 = h
		if n > 2 {
			h = (h ^ uint64(key[2]|0x20)) * prime
		}
	}
	h2 := h
	for x := 3; x < len(key); x++ {
		h = (h ^ uint64(key[x]|0x20)) * prime
	}
	if seen&wCapital != 0 {
		// spelt on the stack and written at once (n < latinWordMax)
		var low [latinWordMax]byte
		for x := 0; x < len(key); x++ {
			low[x] = key[x] | 0x20
		}
		if keys.Cap()-keys.Len() < len(key) {
			keys.Grow(len(s) + len(s)/2) // as appendTokensString grows it
		}
		at := keys.Len()
		keys.Write(low[:len(key)])
		key = keys.String()[at:]
	}
	f := asciiClass[s[b]]
	// every field written, none cleared first: clearing a word that held
	// a key is a pointer written, and a write barrier's work while the
	// collector marks (TestTokensOverWords holds every field written)
	w := pushWordUnset(out)
	w.Start, w.End, w.from, w.to, w.Key = i, i+n, int32(b), int32(k), key
	w.keyHash, w.headHash = h, [3]uint64{h0, h1, h2}
	w.opens, w.rest, w.exactT, w.sufT, w.headT = 0, 0, 0, 0, [3]uint32{}
	w.headEnd = asciiHeadEnd[min(n, 3)]
	w.hashed = true
	w.Upper = f == wCapital
	w.AllUpper = f != 0 && seen&wSmall == 0 // a letter first, and no small one
	w.Punct = false
	w.Digits = seen == 0
	return k, true
}

// asciiHeadEnd is a word's headEnd by its length in bytes up to three,
// for a word of ASCII characters (a character a byte).
var asciiHeadEnd = [4][3]uint8{{}, {1, 1, 1}, {1, 2, 2}, {1, 2, 3}}

// the bits appendLatinWord gathers of a word's characters
const (
	wSmall    = 1    // a letter not a capital
	wLowered  = 2    // a letter of U+00C0 on that the key lowers
	wCapital  = 0x20 // an ASCII capital: its bit lowers it
	wOther    = 0x40 // a join or a letter of U+00C0 on: no digit
	wNotAlnum = 0x80 // (asciiClass) no letter or digit
)

// latinLetters holds, for each character from U+00C0 to U+017F (the
// letters with diacritics of Latin-1 and Latin Extended-A: č ć đ š ž),
// what appendLatinWord asks of it, as unicode answers.
var latinLetters = func() (t [0x180 - 0xC0]struct {
	lower                rune // as a key spells it (unicode.ToLower)
	letter, upper, small bool // a letter; a capital; a letter not a capital
}) {
	for r := rune(0xC0); r < 0x180; r++ {
		e := &t[r-0xC0]
		e.lower = unicode.ToLower(r)
		e.letter, e.upper = unicode.IsLetter(r), unicode.IsUpper(r)
		e.small = e.letter && !e.upper
	}
	return t
}()

// appendLatinWord reads the word that opens at byte b of s (character i),
// an ASCII letter or digit or a letter from U+00C0 to U+017F, as
// appendTokensString does, when the word is made of these and of the
// joins - and . between ASCII letters. It returns the word's length in
// characters and in bytes, or false, having appended nothing, for a word
// of other characters (an apostrophe, another script).
//
// Its key has the bytes of the word, lowered where a letter is a capital:
// these letters lower to as many bytes (İ, whose key is i, is left to the
// general loop). So the word is read in two tight passes, one that finds
// its end and what its characters are, one that hashes its key (and spells
// it, for a capital), instead of one pass carrying both, whose many live
// values the compiler kept on the stack.
func appendLatinWord(out *[]word, s string, i, b int, keys *strings.Builder) (int, int, bool) {
	// a key of 46 bytes or more is read by the general loop, as before
	lim := min(len(s), b+latinWordMax)
	var seen uint8 // the bits of the word's characters (wSmall…)
	wide := 0      // its characters of two bytes
	k := b
	for {
		if k >= lim {
			if k < len(s) {
				return 0, 0, false // a long word: read by the general loop
			}
			break
		}
		c := s[k]
		if c < utf8.RuneSelf {
			f := asciiClass[c]
			if f != wNotAlnum {
				seen |= f
				k++
				continue
			}
			if c == '\'' {
				return 0, 0, false // folded otherwise ('s)
			}
			if (c != '-' && c != '.') || k+1 >= len(s) {
				break
			}
			// a join: it joins two word characters into one word
			if d := s[k+1]; d >= utf8.RuneSelf {
				return 0, 0, false
			} else if asciiClass[d] == wNotAlnum {
				break
			}
			// a full stop joins only letters of an abbreviation (U.S),
			// not a number and a word (2024.Godine is two): the character
			// two before is a stop (a character after a stop is ASCII)
			if c == '.' && !(k-b-wide <= 2 || s[k-2] == '.') {
				break
			}
			seen |= wOther
			k++
			continue
		}
		if c < 0xC3 || c > 0xC5 || k+1 >= len(s) || s[k+1]&0xC0 != 0x80 {
			if d, _ := utf8.DecodeRuneInString(s[k:]); isWordRune(d) || isInnerJoin(d) {
				return 0, 0, false // a letter of another script, or ’ ‑
			}
			break
		}
		r := rune(c&0x1F)<<6 | rune(s[k+1]&0x3F)
		if r == 0xD7 || r == 0xF7 {
			break // × and ÷: no word's
		}
		e := &latinLetters[r-0xC0]
		if l := e.lower; l < 0x80 || l >= 0x800 {
			return 0, 0, false // İ, whose key is i
		} else if l != r {
			seen |= wLowered
		}
		seen |= wOther
		if e.small {
			seen |= wSmall
		}
		k += 2
		wide++
	}
	n := k - b - wide
	// U.S. keeps its final stop when an abbreviation of single letters
	if k < len(s) && s[k] == '.' && n >= 3 && s[k-2] == '.' {
		k++
		n++
		seen |= wOther
	}
	key := s[b:k]
	if seen&(wCapital|wLowered) != 0 {
		if keys.Cap()-keys.Len() < len(key) {
			keys.Grow(len(s) + len(s)/2) // as appendTokensString grows it
		}
		at := keys.Len()
		for x := 0; x < len(key); x++ {
			c := key[x]
			if c < utf8.RuneSelf {
				keys.WriteByte(c | asciiClass[c]&wCapital)
				continue
			}
			l := latinLetters[(rune(c&0x1F)<<6|rune(key[x+1]&0x3F))-0xC0].lower
			keys.WriteByte(byte(0xC0 | l>>6))
			keys.WriteByte(byte(0x80 | l&0x3F))
			x++
		}
		key = keys.String()[at:]
	}
	w := pushWordUnset(out) // every field written below (setHashes: the hashes)
	w.Start, w.End, w.from, w.to, w.Key = i, i+n, int32(b), int32(k), key
	w.opens, w.rest, w.exactT, w.sufT, w.headT, w.Punct = 0, 0, 0, 0, [3]uint32{}, false
	letter := true
	if f := s[b]; f < utf8.RuneSelf {
		letter, w.Upper = asciiClass[f] != 0, asciiClass[f] == wCapital
	} else {
		e := &latinLetters[(rune(f&0x1F)<<6|rune(s[b+1]&0x3F))-0xC0]
		letter, w.Upper = e.letter, e.upper
	}
	w.AllUpper = letter && seen&wSmall == 0
	w.Digits = seen == 0
	// the key cut to one, two and three characters: a character of two
	// bytes opens with a byte from 0xC0
	if wide == 0 {
		w.headEnd = [3]uint8{uint8(min(1, len(key))), uint8(min(2, len(key))), uint8(min(3, len(key)))}
	} else {
		x := 0
		for h := range w.headEnd {
			if x < len(key) {
				x++
				if key[x-1] >= 0xC0 {
					x++
				}
			}
			w.headEnd[h] = uint8(x)
		}
	}
	w.setHashes()
	return n, k - b, true
}

// pushWord appends a zero word to out and returns it, to be filled in
// place: a word is 96 bytes, which append of a composite literal builds
// on the stack and copies.
func pushWord(out *[]word) *word {
	o := *out
	if len(o) < cap(o) {
		o = o[:len(o)+1]
		o[len(o)-1] = word{}
	} else {
		o = append(o, word{})
	}
	*out = o
	return &o[len(o)-1]
}

// pushWordUnset appends a word to out as it is in out's memory (what a
// sentence before left there, or zero) and returns it, for a caller that
// writes every field.
func pushWordUnset(out *[]word) *word {
	o := *out
	if len(o) < cap(o) {
		o = o[:len(o)+1]
	} else {
		o = append(o, word{})
	}
	*out = o
	return &o[len(o)-1]
}

// latinWordMax is the length in bytes from which appendLatinWord leaves a
// word to the general loop.
const latinWordMax = 46

// cyrillicKey spells each letter from U+0400 to U+045F as a key does
// (foldRune): lowered, in Latin, or lowered as it is for a letter Serbian
// does not write (ы), in one to three bytes.
// Its bytes are packed little-endian in b, so that one store writes them.
var cyrillicKey = func() (t [0x60]struct {
	b uint32
	n uint8
}) {
	for r := rune(0x400); r < 0x460; r++ {
		l := r
		if l < 0x410 {
			l += 0x50 // Ђ → ђ
		} else if l < 0x430 {
			l += 0x20 // А → а
		}
		k, ok := latinOf(l)
		if !ok {
			k = string(l)
		}
		e := &t[r-0x400]
		var b [4]byte
		e.n = uint8(copy(b[:3], k))
		e.b = binary.LittleEndian.Uint32(b[:])
	}
	return t
}()

// appendCyrillicWord reads the word that opens at byte b of a text s
// (character i), a Cyrillic letter, as appendTokensString does, when every
// character of it is a letter from U+0400 to U+045F (two bytes each): its
// key is its letters lowered and spelt in Latin (foldKey), spelt as it
// finds its end. It returns the word's length in characters, or false,
// having appended nothing, for a word of other characters.
func appendCyrillicWord(out *[]word, s string, i, b int, keys *strings.Builder) (int, bool) {
	// the key is spelt in kb and written to keys once the word ends
	var kb [64]byte
	kn, at := 0, keys.Len()
	e := b
	allUpper := true
	for e+1 < len(s) {
		// U+0400 to U+045F are D0 80 to D1 9F in UTF-8, the capitals
		// (U+0400 to U+042F) D0 80 to D0 AF: the two bytes read as one
		// number, tested and looked up at once
		v := uint(s[e])<<8 | uint(s[e+1])
		if v-0xD080 >= 0x40 && v-0xD180 >= 0x20 {
			break
		}
		if v >= 0xD0B0 {
			allUpper = false
		}
		if kn > len(kb)-4 {
			// a long word (twenty letters and more): read by the
			// general loop, so that no call in this loop keeps its
			// values off the registers
			return 0, false
		}
		l := cyrillicKey[(v>>8&1)<<6|v&0x3F]
		binary.LittleEndian.PutUint32(kb[kn:], l.b) // a letter's key is three bytes at most
		kn += int(l.n)
		e += 2
	}
	if e < len(s) {
		r, n := runeAt(s, e)
		if isWordRune(r) {
			return 0, false // a letter or digit of another script
		}
		if isInnerJoin(r) && e+n < len(s) {
			if d, _ := runeAt(s, e+n); isWordRune(d) {
				return 0, false // a join, read by the general loop
			}
		}
	}
	keys.Write(kb[:kn])
	key := keys.String()[at:]
	n := (e - b) / 2
	w := pushWordUnset(out) // every field written below (setHashes: the hashes)
	w.Start, w.End, w.from, w.to, w.Key = i, i+n, int32(b), int32(e), key
	w.opens, w.rest, w.exactT, w.sufT, w.headT, w.Punct, w.Digits = 0, 0, 0, 0, [3]uint32{}, false, false
	w.Upper = s[b] == 0xD0 && s[b+1] < 0xB0
	w.AllUpper = allUpper
	// the key cut to one, two and three characters: a character opens
	// at every byte that continues none
	runes := 0
	for k := 0; k < len(key) && runes <= 3; k++ {
		if key[k]&0xC0 != 0x80 {
			if runes > 0 {
				w.headEnd[runes-1] = uint8(k)
			}
			runes++
		}
	}
	for x := max(runes-1, 0); x < 3; x++ {
		w.headEnd[x] = uint8(len(key))
	}
	w.setHashes()
	return n, true
}

// head returns Key cut to n+1 characters, or "" for a word made outside
// tokenize.
func (w *word) head(n int) string { return w.Key[:w.headEnd[n]] }

// setHashes fills the word's key and head hashes.
func (w *word) setHashes() {
	// FNV-1a reads bytes in order: the heads' hashes are the key's hash
	// part way through, so one pass gives all four (the ends only grow,
	// up to len(k)); a loop per piece, with nothing else in it
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	k := w.Key
	e0, e1, e2 := int(w.headEnd[0]), int(w.headEnd[1]), int(w.headEnd[2])
	i := 0
	for ; i < e0; i++ {
		h = (h ^ uint64(k[i])) * prime
	}
	w.headHash[0] = h
	for ; i < e1; i++ {
		h = (h ^ uint64(k[i])) * prime
	}
	w.headHash[1] = h
	for ; i < e2; i++ {
		h = (h ^ uint64(k[i])) * prime
	}
	w.headHash[2] = h
	for ; i < len(k); i++ {
		h = (h ^ uint64(k[i])) * prime
	}
	w.keyHash = h
	w.hashed = true
}

// keyHash is FNV-1a over the bytes of a key.
func keyHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
