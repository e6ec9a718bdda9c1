package structure

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isCJK reports whether r is a Han character or CJK punctuation, around
// which a space is never part of the text (it comes from indents, from line
// wrapping, or from PDF text layers that pad digits).
func isCJK(r rune) bool {
	if r < 0xB7 {
		return false // ASCII and Latin-1 before the middle dot: most of a Latin text
	}
	if r > 0xB7 && r < 0x2014 {
		return false // Latin with diacritics, Cyrillic: below the first dash and Han (U+2E80)
	}
	return unicode.Is(unicode.Han, r) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) || // full-width forms
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// stableNFC reports, cheaply, that s is in NFC because every character is
// one that normalisation leaves alone: ASCII, Latin-1, CJK punctuation,
// unified Han ideographs and full-width forms, which make up nearly all of
// a Chinese statement, and the Cyrillic letters of a Serbian one. Anything
// else goes through the full normaliser (TestStableNFCRunes holds the
// list to NFC's own properties).
func stableNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		var r rune
		w := 3
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// a two-byte character (Latin with diacritics, Cyrillic),
			// decoded without a call: always valid
			r, w = rune(c&0x1F)<<6|rune(s[i+1]&0x3F), 2
		} else if (c >= 0xE1 && c <= 0xEC || c >= 0xEE && c <= 0xEF) && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// a three-byte character (all of Han and CJK punctuation),
			// decoded without a call: these lead bytes take any
			// continuation bytes
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		i += w
		if !stableRune(r) {
			return false
		}
	}
	return true
}

// validStableNFC reports that s is valid UTF-8 and stableNFC, in one pass
// over its bytes; false means: check each in full. A character's bytes
// decide both at once: the tables say, for each two- and three-byte
// character, whether it is valid and stable (an invalid sequence, a
// four-byte character or a lone continuation byte is neither), and runs of
// ASCII are skipped eight bytes at a time.
func validStableNFC(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		// the Han paths behind one test of the lead byte: the pair's load
		// would cost every character of a Cyrillic or Latin text
		if c-0xE4 < 6 {
			if i+8 <= len(s) && unifiedPair(load8(s, i)) {
				i += 6 // two Han characters: most of a Chinese text
				continue
			}
			if i+2 < len(s) && unified(c, s[i+1]) && (uint16(s[i+1])|uint16(s[i+2])<<8)&0xC0C0 == 0x8080 {
				i += 3 // U+4E00–U+9FFF: unified Han ideographs, valid and stable
				continue
			}
		}
		switch {
		case c < utf8.RuneSelf:
			i++
			for i+8 <= len(s) && ascii8(s, i) {
				i += 8
			}
		case c >= 0xC2 && c < 0xE0:
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 || stable2[c&0x1F]>>(s[i+1]&0x3F)&1 == 0 {
				return false
			}
			i += 2
		case c >= 0xE0 && c < 0xF0:
			if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 || stable3[c&0x0F][s[i+1]&0x3F]>>(s[i+2]&0x3F)&1 == 0 {
				return false
			}
			i += 3
		default:
			return false
		}
	}
	return true
}

// hanPair reports whether the first six of the eight bytes x (load8) are
// two three-byte characters whose lead bytes are E4 to E9 (U+4000–U+9FFF,
// Han): the continuation bytes (the second, third, fifth and sixth) tested
// at once, then the two leads. Han characters come in runs: two at a time
// is half the steps of one at a time, and fewer instructions a character.
func hanPair(x uint64) bool {
	return x&0xC0C000C0C000 == 0x808000808000 && byte(x)-0xE4 < 6 && byte(x>>24)-0xE4 < 6
}

// unifiedPair is hanPair for U+4E00–U+9FFF, the unified ideographs, which
// are valid and stable (stableRune): the lead E4 only with a second byte
// from B8 (U+4E00 is E4 B8 80; 中, 一, 为 are among them).
func unifiedPair(x uint64) bool {
	return x&0xC0C000C0C000 == 0x808000808000 && unified(byte(x), byte(x>>8)) && unified(byte(x>>24), byte(x>>32))
}

// unified reports whether a lead byte c and the byte c1 after it start a
// character of U+4E00–U+9FFF, given that c1 and the next are continuation
// bytes.
func unified(c, c1 byte) bool { return c-0xE5 < 5 || c == 0xE4 && c1 >= 0xB8 }

// ascii8 reports whether the eight bytes of s from i are ASCII.
func ascii8(s string, i int) bool {
	return load8(s, i)&0x8080808080808080 == 0
}

// load8 reads the eight bytes of s from i as one word, the first the
// lowest (the compiler makes it one load).
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// stableRune is the list stableNFC holds characters to.
func stableRune(r rune) bool {
	switch {
	case r < 0x300, r >= 0x400 && r < 0x483, r >= 0x48A && r < 0x530, // Latin, Cyrillic but its combining marks
		r >= 0x2010 && r < 0x2070, r >= 0x3000 && r < 0x302A, r >= 0x3030 && r < 0x3040, // not the tone marks 〪〭〮〯〫〬, which NFC reorders
		r >= 0x4E00 && r < 0xA000, r >= 0xFF00 && r < 0xFFF0:
		return true
	}
	return false
}

// stable2 has bit k of word c&0x1F set when the two bytes c, 0x80|k are a
// valid character that stableRune keeps; stable3 bit k of word
// [c&0x0F][c1&0x3F] for the three bytes c, c1, 0x80|k.
var stable2, stable3 = stableTables()

func stableTables() (two [32]uint64, three [16][64]uint64) {
	for c := 0xC2; c < 0xE0; c++ {
		for k := 0; k < 64; k++ {
			if r, _ := utf8.DecodeRune([]byte{byte(c), byte(0x80 | k)}); r != utf8.RuneError && stableRune(r) {
				two[c&0x1F] |= 1 << k
			}
		}
	}
	for c := 0xE0; c < 0xF0; c++ {
		for c1 := 0; c1 < 64; c1++ {
			for k := 0; k < 64; k++ {
				if r, _ := utf8.DecodeRune([]byte{byte(c), byte(0x80 | c1), byte(0x80 | k)}); r != utf8.RuneError && stableRune(r) {
					three[c&0x0F][c1] |= 1 << k
				}
			}
		}
	}
	return two, three
}

// isSpace covers the spaces statements are indented and padded with.
func isSpace(r rune) bool {
	if r > 0xA0 && r < 0x1680 {
		return false // Latin with diacritics, Cyrillic: no space among them
	}
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' || r == '\ufeff' || r == '\u200b'
}

// squeeze removes spaces next to CJK characters and collapses other runs of
// spaces to one, trimming both ends.
func squeeze(s string) string {
	if plainSpaced(s) {
		return s // nearly every paragraph of a Latin or Cyrillic text: one pass
	}
	if !hasSpace(s) {
		return s // most Chinese paragraphs hold no space: nothing to copy
	}
	if utf8.ValidString(s) {
		return squeezeValid(s)
	}
	return squeezeRunes(s)
}

// plainSpaced reports that squeeze leaves s as it is because s is valid
// UTF-8 whose only spaces are single ASCII spaces inside it, and that holds
// no CJK character: no byte that opens one or another space (0xC2 for the
// middle dot, U+0085 and U+00A0; 0xE1 and up), in one pass over its bytes
// and a check of validity when it is not ASCII.
func plainSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if i+8 <= len(s) && s[i] < utf8.RuneSelf && s[i+7] < utf8.RuneSelf { // (not tried between the letters of Cyrillic)
			// eight ASCII bytes, none a control character, at a time:
			// only their spaces are to be looked at
			if x := load8(s, i); x&0x8080808080808080 == 0 && (x-0x2020202020202020)&0x8080808080808080 == 0 {
				// high bit of each byte that is a space (x^0x2020… is
				// zero there, below 0x80 elsewhere: adding 0x7F sets
				// the high bit of the others, without a carry)
				sp := ^((x ^ 0x2020202020202020) + 0x7F7F7F7F7F7F7F7F) & 0x8080808080808080
				if sp&(sp<<8) != 0 || sp>>63 != 0 && s[i+8] == ' ' { // (s does not end with one)
					return false
				}
				i += 7
				continue
			}
		}
		c := s[i]
		switch {
		case c == ' ':
			if s[i+1] == ' ' { // (s does not end with one)
				return false
			}
		case c < utf8.RuneSelf:
			if c >= '\t' && c <= '\r' {
				return false
			}
		case c == 0xC2 || c >= 0xE1:
			return false
		case c >= 0xC3 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i++ // a valid two-byte character (Latin with diacritics, Cyrillic)
		default:
			ascii = false
		}
	}
	return ascii || utf8.ValidString(s)
}

// hasSpace reports whether s holds a space (isSpace) without decoding
// any character: a space is ASCII or starts with one of five lead bytes,
// a lead byte always starts a character when s is decoded (valid or not),
// and spaceLen knows the bytes that follow.
func hasSpace(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c-0xE4 < 6 { // a Han lead byte (E4 to E9), tested once for both paths
			if i+8 <= len(s) && hanPair(load8(s, i)) {
				i += 6 // two Han characters, the most common case
				continue
			}
			if i+2 < len(s) && (uint16(s[i+1])|uint16(s[i+2])<<8)&0xC0C0 == 0x8080 {
				i += 3 // a Han character
				continue
			}
		}
		if spaceLead[c] != 0 && spaceLen(s, i) > 0 {
			return true
		}
		// a character is stepped over whole: its continuation bytes start
		// no space, valid or not
		switch {
		case c >= 0xE0 && i+2 < len(s) && (uint16(s[i+1])|uint16(s[i+2])<<8)&0xC0C0 == 0x8080:
			i += 3
		case c >= 0xC0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2
		default:
			i++
		}
	}
	return false
}

// spaceLead marks the bytes a space can start with: the ASCII spaces and
// the lead bytes of the others (U+0085, U+00A0, U+1680, U+2000–U+205F,
// U+3000, U+FEFF).
var spaceLead = [256]uint8{' ': 1, '\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, 0xC2: 1, 0xE1: 1, 0xE2: 1, 0xE3: 1, 0xEF: 1}

// squeezeRunes is squeeze over the runes of s (invalid bytes become
// U+FFFD, as the layout's texts have them).
func squeezeRunes(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); {
		if !isSpace(rs[i]) {
			b.WriteRune(rs[i])
			i++
			continue
		}
		j := i
		for j < len(rs) && isSpace(rs[j]) {
			j++
		}
		if i > 0 && j < len(rs) && !cjkSide(rs, i-1, -1) && !cjkSide(rs, j, 1) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// squeezeValid is squeeze over the bytes of valid UTF-8, without a copy
// into runes: the text between runs of spaces is written as it stands, and
// a text whose every run is already one kept space is returned as it is.
func squeezeValid(s string) string {
	var b []byte // nil while the result is s so far
	for i := 0; i < len(s); {
		j := i
		for j < len(s) {
			if j = skipPrintableASCII(s, j); j == len(s) {
				break
			}
			if c := s[j]; c < utf8.RuneSelf && c != ' ' && (c < '\t' || c > '\r') {
				j++ // ASCII but a space, inline
				continue
			}
			sp, w := spaceAt(s, j)
			if sp {
				break
			}
			j += w
		}
		if b != nil {
			b = append(b, s[i:j]...)
		}
		if j == len(s) {
			break
		}
		k := j
		for k < len(s) {
			sp, w := spaceAt(s, k)
			if !sp {
				break
			}
			k += w
		}
		keep := j > 0 && k < len(s) && !cjkSideBefore(s, j) && !cjkSideAfter(s, k)
		if b == nil {
			if keep && k == j+1 && s[j] == ' ' {
				i = k // the run is one space, kept as it is
				continue
			}
			b = make([]byte, 0, len(s))
			b = append(b, s[:j]...)
		}
		if keep {
			b = append(b, ' ')
		}
		i = k
	}
	if b == nil {
		return s
	}
	return string(b)
}

// skipPrintableASCII returns the offset of the first byte of s from i on
// that is not printable ASCII (0x21 to 0x7F): a space, a control
// character or a byte of another character; or len(s). It reads eight
// bytes at a time.
func skipPrintableASCII(s string, i int) int {
	for i+8 <= len(s) {
		x := load8(s, i)
		// the high bit of a byte from 0x80 on is set in x; a byte below
		// 0x21 sets it in x-0x21…, and only a byte below one flagged
		// already can borrow from it: the lowest flag is exact
		if m := (x | (x - 0x2121212121212121)) & 0x8080808080808080; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for i < len(s) && s[i] > ' ' && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}

// spaceAt reports whether the character at byte i of valid UTF-8 s is a
// space (isSpace), and its length; ASCII and characters no space shares a
// lead byte with without decoding.
func spaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || (c >= '\t' && c <= '\r'), 1
	}
	if n := spaceLen(s, i); n > 0 {
		return true, n
	}
	// s is valid, so the lead byte gives the length
	return false, leadWidth(c)
}

// cjkSideBefore is cjkSide for the character ending at byte end, looking
// back; cjkSideAfter for the one starting at byte start, looking ahead.
func cjkSideBefore(s string, end int) bool {
	if s[end-1] < utf8.RuneSelf {
		return false // ASCII is not CJK
	}
	r, w := utf8.DecodeLastRuneInString(s[:end])
	if !isCJK(r) {
		return false
	}
	if !isSharedPunct(r) {
		return true
	}
	k := end - w
	for k > 0 {
		r, w = utf8.DecodeLastRuneInString(s[:k])
		if !isSharedPunct(r) {
			return isCJK(r)
		}
		k -= w
	}
	return true
}

func cjkSideAfter(s string, start int) bool {
	if s[start] < utf8.RuneSelf {
		return false
	}
	r, w := utf8.DecodeRuneInString(s[start:])
	if !isCJK(r) {
		return false
	}
	if !isSharedPunct(r) {
		return true
	}
	k := start + w
	for k < len(s) {
		r, w = utf8.DecodeRuneInString(s[k:])
		if !isSharedPunct(r) {
			return isCJK(r)
		}
		k += w
	}
	return true
}

// cjkSide reports whether the character at i makes a space beside it
// disposable: a Han character or CJK punctuation, or a quotation mark, dash
// or ellipsis whose other side is one (“一带一路” but not titled “Hope”).
func cjkSide(rs []rune, i, dir int) bool {
	r := rs[i]
	if !isCJK(r) {
		return false
	}
	if !isSharedPunct(r) {
		return true
	}
	k := i + dir
	for k >= 0 && k < len(rs) && isSharedPunct(rs[k]) {
		k += dir
	}
	return k < 0 || k >= len(rs) || (isCJK(rs[k]) && !isSharedPunct(rs[k]))
}

// isSharedPunct is punctuation both Chinese and Latin-script text use.
func isSharedPunct(r rune) bool {
	return r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// joinLines joins a line broken in the middle of a sentence to its
// continuation: directly between CJK characters, with a space otherwise.
func joinLines(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	ar, _ := lastRune(a)
	br, _ := utf8.DecodeRuneInString(b) // the first rune of []rune(b)
	if isCJK(ar) || isCJK(br) {
		return a + b
	}
	if ar == '-' { // a hyphenated word broken at the line end keeps its hyphen
		return a + b
	}
	return a + " " + b
}

// joinLinesAt joins as joinLines does, and without a's final hyphen when
// soft says the hyphen only broke a word at the line's end.
func joinLinesAt(a, b string, soft bool) string {
	if soft && strings.HasSuffix(a, "-") {
		return a[:len(a)-1] + b
	}
	return joinLines(a, b)
}

// softHyphen reports whether a hyphen that ends a line between letters
// broke a word at the line's end, as texts taken out of PDFs have them,
// rather than joined a compound. The text decides: a word it writes whole
// elsewhere (coop- | eration, with "cooperation" in it) was broken; a
// compound it writes elsewhere with its hyphen (high-speed), or whose two
// parts it writes as words of their own, was not; else a part that is no
// word (compre- | hensive) says the break was the layout's. A break before
// a capital (India- | Vietnam) keeps its hyphen.
func (p *parser) softHyphen(a, b string) bool {
	if !strings.HasSuffix(a, "-") {
		return false
	}
	head := a[:len(a)-1]
	i := len(head)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(head[:i])
		if !unicode.IsLetter(r) || isCJK(r) {
			break
		}
		i -= n
	}
	j := 0
	for j < len(b) {
		r, n := utf8.DecodeRuneInString(b[j:])
		if !unicode.IsLetter(r) || isCJK(r) {
			break
		}
		j += n
	}
	if i == len(head) || j == 0 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(b); !unicode.IsLower(r) {
		return false
	}
	if p.whole == nil {
		p.whole = map[string]bool{}
		broken := false // the line before ended in a broken word
		for _, l := range p.lines {
			// words, and compounds with their hyphens; not the pieces of
			// a word broken over two lines
			ws := strings.FieldsFunc(l.text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
			for k, w := range ws {
				if k == 0 && broken || k == len(ws)-1 && strings.HasSuffix(l.text, "-") {
					continue
				}
				w = strings.ToLower(strings.Trim(w, "-"))
				p.whole[w] = true
				if strings.Contains(w, "-") {
					for _, part := range strings.Split(w, "-") {
						p.whole[part] = true
					}
				}
			}
			broken = strings.HasSuffix(l.text, "-")
		}
	}
	x, y := strings.ToLower(head[i:]), strings.ToLower(b[:j])
	switch {
	case p.whole[x+y]:
		return true
	case p.whole[x+"-"+y], p.whole[x] && p.whole[y]:
		return false
	}
	return true
}

func lastRune(s string) (rune, bool) {
	if s == "" {
		return 0, false
	}
	// the last rune of []rune(s), without decoding the rest: a valid
	// last character is read the same from either end, and an invalid
	// tail is U+FFFD either way
	r, _ := utf8.DecodeLastRuneInString(s)
	return r, true
}

// closers may follow a sentence's final punctuation and still belong to it.
func isCloser(r rune) bool {
	switch r {
	case '”', '’', '"', '\'', '）', ')', '】', '」', '』', '》':
		return true
	}
	return false
}

// endsComplete reports whether a line ends where a sentence or a lead-in
// may end: at final punctuation, a colon or a semicolon, possibly followed
// by closing quotes or brackets.
func endsComplete(s string) bool {
	r, w := utf8.DecodeLastRuneInString(s)
	for w > 0 && isCloser(r) {
		s = s[:len(s)-w]
		r, w = utf8.DecodeLastRuneInString(s)
	}
	if w == 0 {
		return false
	}
	switch r {
	case '。', '！', '？', '!', '?', '：', ':', '；', ';', '.':
		return true
	}
	return false
}

// hasClausePunct reports whether s has a comma, enumeration comma, or any
// sentence punctuation: a heading line has none.
func hasClausePunct(s string) bool {
	return containsAnyOf(s, "，,；;：:。！？!?")
}

// containsAnyOf is strings.ContainsAny searching for each character's
// bytes (a vectorised search) instead of looking each character of s up in
// the set. The two agree on any s: a character's lead byte is always where
// decoding s starts a character, valid or not.
func containsAnyOf(s, set string) bool {
	for _, r := range set {
		if strings.ContainsRune(s, r) {
			return true
		}
	}
	return false
}

// runesOver reports whether s holds more than n characters, as
// utf8.RuneCountInString(s) > n (an invalid byte counts one), without
// counting them when its length in bytes decides: a character takes one
// to four bytes. The layout asks it of whole paragraphs.
func runesOver(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	if n >= 0 && len(s) > 4*n {
		return true
	}
	return utf8.RuneCountInString(s) > n
}
