package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment cuts a paragraph into sentences. A sentence ends at 。！？ (with
// the closing quotes or brackets that follow), at ! or ? or a full stop
// followed by a space in Latin-script text (not after an abbreviation, an
// initial or an ordinal number), and at the end of the paragraph. Every
// character of the paragraph lands in exactly one sentence; spaces between
// sentences are dropped.
func Segment(para string) []string {
	if utf8.ValidString(para) {
		return segmentValid(nil, para, nil)
	}
	return segmentRunes(para)
}

// runeAt decodes the rune at byte i of s, ASCII without a call.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// leadWidth is the length of the character a lead byte (0xC0 and up) of
// valid UTF-8 opens.
func leadWidth(c byte) int {
	switch {
	case c >= 0xF0:
		return 4
	case c >= 0xE0:
		return 3
	}
	return 2
}

// segmentValid is Segment over the bytes of valid UTF-8, without a copy
// into runes. It goes from one character that may end a sentence to the
// next (stops), found by the strings package's vectorised search. It
// appends the sentences to out; with offs, it appends the byte offset in
// para of each sentence to *offs.
func segmentValid(out []string, para string, offs *[]int) []string {
	start := 0
	emit := func(end int) {
		t := para[start:end]
		l := trimLead(t)
		if s := trimTrail(l); s != "" {
			out = append(out, s)
			if offs != nil {
				*offs = append(*offs, end-len(l))
			}
		}
		start = end
	}
	var st stops
	for i := 0; ; {
		if i = st.next(para, i); i == len(para) {
			break
		}
		if para[i] >= utf8.RuneSelf { // 。！？ end a sentence where they stand
			i = endOfStop(para, i+3)
			emit(i)
			continue
		}
		cut := false
		switch para[i] {
		case '!', '?':
			if i+1 == len(para) {
				cut = true
			} else {
				n, _ := runeAt(para, i+1)
				cut = isSpace(n) || isCloser(n)
			}
		case '.':
			cut = latinStopAt(para, i)
		}
		i++
		if !cut {
			continue
		}
		i = endOfStop(para, i)
		emit(i)
	}
	emit(len(para))
	return out
}

// asciiStops are the ASCII characters that may end a sentence; 。！？ are
// the others.
var asciiStops = [...]byte{'.', '!', '?'}

// stops finds the next character of a paragraph that may end a sentence,
// searching for each kind only once it has passed the last one found: each
// of asciiStops by the strings package's vectorised search, 。！？ over the
// characters from 0xE3 on, to which runs of others are skipped eight bytes
// at a time.
type stops struct {
	at    [len(asciiStops) + 1]int // offset of the next of each, len(para) for none
	known bool
}

// next returns the offset of the first character at or after i that may
// end a sentence, or len(para).
func (st *stops) next(para string, i int) int {
	if !st.known {
		st.known = true
		for k := range st.at {
			st.at[k] = -1
		}
	}
	first := len(para)
	for k, c := range asciiStops {
		if st.at[k] < i {
			if j := strings.IndexByte(para[i:], c); j >= 0 {
				st.at[k] = i + j
			} else {
				st.at[k] = len(para)
			}
		}
		first = min(first, st.at[k])
	}
	if k := len(asciiStops); st.at[k] < i {
		st.at[k] = nextCJKStop(para, i)
	}
	return min(first, st.at[len(asciiStops)])
}

// nextCJKStop returns the offset of the first 。 (E3 80 82), ！ (EF BC 81)
// or ？ (EF BC 9F) of valid UTF-8 at or after i, or len(para).
func nextCJKStop(para string, i int) int {
	for {
		for i < len(para) && para[i]-0xE4 < 6 {
			i += 3 // a Han character (lead byte E4 to E9): no stop
		}
		if i < len(para) && para[i] < 0xE3 {
			i = skipBelow(para, i, 0xE3)
		}
		if i+2 >= len(para) {
			return len(para)
		}
		c := para[i]
		if c == 0xE3 && para[i+1] == 0x80 && para[i+2] == 0x82 ||
			c == 0xEF && para[i+1] == 0xBC && (para[i+2] == 0x81 || para[i+2] == 0x9F) {
			return i
		}
		i += leadWidth(c)
	}
}

// endOfStop returns where the sentence whose final punctuation ends at
// byte i ends: after the closing quotes and brackets and further stops
// that follow.
func endOfStop(para string, i int) int {
	for i < len(para) {
		n, nw := runeAt(para, i)
		if !isCloser(n) && n != '。' && n != '！' && n != '？' && n != '!' && n != '?' {
			break
		}
		i += nw
	}
	return i
}

// latinStopAt is latinStop for the full stop at byte i of valid UTF-8.
func latinStopAt(s string, i int) bool {
	if i+1 < len(s) {
		if n, _ := runeAt(s, i+1); !isSpace(n) && !isCloser(n) {
			return false
		}
	}
	j := i
	for j > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:j])
		if isSpace(r) || r == '(' {
			break
		}
		j -= w
	}
	word := s[j:i]
	if word == "" {
		return true
	}
	n := utf8.RuneCountInString(word)
	if first, _ := utf8.DecodeRuneInString(word); n == 1 && unicode.IsUpper(first) { // an initial: J. Smith
		return false
	}
	if isAllDigits(word) { // an ordinal date or item number: 8. maja, 1.
		if i+1 >= len(s) {
			return true
		}
		k := i + 1
		for k < len(s) {
			r, w := runeAt(s, k)
			if !isSpace(r) {
				return unicode.IsUpper(r) && (n > 2 || endsName([]rune(s[:j])) || endsCount([]rune(s[:j])))
			}
			k += w
		}
		return false
	}
	// an abbreviation may close a compound (Japan-U.S.): its last part is
	// the word that the stop may belong to
	if k := lastJoin(word); k >= 0 {
		word = word[k:]
		n = utf8.RuneCountInString(word)
	}
	if listEnds[word] { // … energetika itd. Strane će…: a capital after it opens a sentence
		for k := i + 1; k < len(s); {
			r, w := runeAt(s, k)
			if !isSpace(r) && !isCloser(r) {
				return unicode.IsUpper(r)
			}
			k += w
		}
		return true
	}
	if n <= maxAbbreviation && abbreviations[strings.ToLower(word)] { // (lowering keeps the count of characters)
		return false
	}
	// letters joined by stops (U.S, U.K, e.g) abbreviate: the stop after
	// them is the abbreviation's
	if strings.Count(word, ".") > 0 && n <= 6 && !strings.ContainsFunc(word, unicode.IsDigit) {
		return false
	}
	// the next word must not start lower-case (a stop inside "e.g. this")
	for k := i + 1; k < len(s); {
		r, w := runeAt(s, k)
		if !isSpace(r) && !isCloser(r) {
			return !unicode.IsLower(r)
		}
		k += w
	}
	return true
}

// segmentRunes is Segment over the runes of a paragraph with invalid
// bytes.
func segmentRunes(para string) []string {
	rs := []rune(para)
	var out []string
	// Sentences are cut from the paragraph's own bytes (no copy): bi is
	// the byte offset of rune i. Invalid UTF-8 decodes to more bytes than
	// it has, so such a paragraph is cut from its runes instead.
	valid := utf8.ValidString(para)
	start, startB, bi := 0, 0, 0
	emit := func(end, endB int) {
		var s string
		if valid {
			s = strings.TrimFunc(para[startB:endB], isSpace)
		} else {
			s = strings.TrimFunc(string(rs[start:end]), isSpace)
		}
		if s != "" {
			out = append(out, s)
		}
		start, startB = end, endB
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		cut := false
		switch r {
		case '。', '！', '？':
			cut = true
		case '!', '?':
			cut = i+1 == len(rs) || isSpace(rs[i+1]) || isCloser(rs[i+1])
		case '.':
			cut = latinStop(rs, i)
		}
		if !cut {
			bi += utf8.RuneLen(r)
			continue
		}
		j, bj := i+1, bi+utf8.RuneLen(r)
		for j < len(rs) && (isCloser(rs[j]) || rs[j] == '。' || rs[j] == '！' || rs[j] == '？' || rs[j] == '!' || rs[j] == '?') {
			bj += utf8.RuneLen(rs[j])
			j++
		}
		emit(j, bj)
		i, bi = j-1, bj // the loop steps i to j, whose offset is bj
	}
	emit(len(rs), len(para))
	return out
}

// latinStop reports whether the full stop at i ends a sentence: it is
// followed by a space (or the end) and then a capital or a non-letter, and
// it does not close an abbreviation, an initial or a number.
func latinStop(rs []rune, i int) bool {
	if i+1 < len(rs) && !isSpace(rs[i+1]) && !isCloser(rs[i+1]) {
		return false
	}
	// the word before the stop
	j := i
	for j > 0 && !isSpace(rs[j-1]) && rs[j-1] != '(' {
		j--
	}
	word := string(rs[j:i])
	if word == "" {
		return true
	}
	wr := []rune(word)
	if len(wr) == 1 && unicode.IsUpper(wr[0]) { // an initial: J. Smith
		return false
	}
	if isAllDigits(word) { // an ordinal date or item number: 8. maja, 1.
		if i+1 >= len(rs) {
			return true
		}
		k := i + 1
		for k < len(rs) && isSpace(rs[k]) {
			k++
		}
		return k < len(rs) && unicode.IsUpper(rs[k]) && (len(wr) > 2 || endsName(rs[:j]) || endsCount(rs[:j]))
	}
	if k := lastJoin(word); k >= 0 { // Japan-U.S. (latinStopAt)
		word = word[k:]
		wr = []rune(word)
	}
	if listEnds[word] {
		k := i + 1
		for k < len(rs) && (isSpace(rs[k]) || isCloser(rs[k])) {
			k++
		}
		return k >= len(rs) || unicode.IsUpper(rs[k])
	}
	if len(wr) <= maxAbbreviation && abbreviations[strings.ToLower(word)] {
		return false
	}
	// letters joined by stops (U.S, U.K, e.g) abbreviate: the stop after
	// them is the abbreviation's
	if strings.Count(word, ".") > 0 && len(wr) <= 6 && !strings.ContainsFunc(word, unicode.IsDigit) {
		return false
	}
	// the next word must not start lower-case (a stop inside "e.g. this")
	k := i + 1
	for k < len(rs) && (isSpace(rs[k]) || isCloser(rs[k])) {
		k++
	}
	return k >= len(rs) || !unicode.IsLower(rs[k])
}

// lastJoin returns the byte offset in word just past its last hyphen,
// dash or slash that stands between two characters (Japan-U.S), or -1.
func lastJoin(word string) int {
	for i := len(word); i > 0; {
		r, w := utf8.DecodeLastRuneInString(word[:i])
		i -= w
		if (r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' || r == '/') && i > 0 && i+w < len(word) {
			return i + w
		}
	}
	return -1
}

// lastLetters returns where the run of letters that ends before (spaces
// after it aside) begins and ends; b == e when a space-trimmed before does
// not end in a letter.
func lastLetters(before []rune) (b, e int) {
	e = len(before)
	for e > 0 && isSpace(before[e-1]) {
		e--
	}
	b = e
	for b > 0 && unicode.IsLetter(before[b-1]) {
		b--
	}
	return b, e
}

// endsName reports whether a short number whose stop is followed by a
// capital ends a name (Hidroelektrana Đerdap 2. Srpska strana…): the text
// before it ends in a capitalised word of letters alone, and that word is
// not its sentence's first (Članom 5. Sporazuma…, where the number is an
// ordinal before the name of what it numbers). After a lowercase head
// (člana 12. Sporazuma) or a comma (Beograd, 9.) the number stays an
// ordinal.
func endsName(before []rune) bool {
	b, e := lastLetters(before)
	if b == e || !unicode.IsUpper(before[b]) || b > 0 && !isSpace(before[b-1]) {
		return false
	}
	// the word before it: there must be one, not closed by a stop
	p := b
	for p > 0 && isSpace(before[p-1]) {
		p--
	}
	if p == 0 {
		return false
	}
	switch before[p-1] {
	case '.', '!', '?', ':', ';', '。':
		return false
	}
	return true
}

// endsCount reports whether a short number whose stop is followed by a
// capital closes a list of bare numbers (poglavlja 23 i 24. Slovačka…,
// chapters 3 and 4. The…): the text before it ends in a short lowercase
// word (a conjunction) after a number with no stop of its own. Such a
// number counts and orders nothing, so its stop ends the sentence; a
// list of ordinals (8. i 9. maja) keeps its stops.
func endsCount(before []rune) bool {
	b, e := lastLetters(before)
	if b == e || e-b > 3 || !unicode.IsLower(before[b]) || b == 0 || !isSpace(before[b-1]) {
		return false
	}
	for b > 0 && isSpace(before[b-1]) {
		b--
	}
	d := b
	for d > 0 && before[d-1] >= '0' && before[d-1] <= '9' {
		d--
	}
	return d < b && (d == 0 || isSpace(before[d-1]))
}

func isAllDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// abbreviations that end in a full stop without ending the sentence, in
// English and Serbian (both scripts).
// maxAbbreviation is the length in characters of the longest of
// abbreviations (approx, messrs): a longer word is none of them, lowered
// or not (TestMaxAbbreviation).
const maxAbbreviation = 6

// listEnds are the abbreviations that close a list (etc., itd., i sl.),
// written in lower case: they often end a sentence too, so a capital
// after one opens the next.
//
// A name's suffix (Jr.) closes the name as they close a list, and with it
// often the sentence: President Ferdinand R. Marcos Jr. The two leaders…
var listEnds = map[string]bool{"etc": true, "itd": true, "итд": true, "sl": true, "сл": true, "Jr": true}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "no": true, "nos": true, "art": true,
	"vs": true, "etc": true, "e.g": true, "i.e": true, "h.e": true, "jr": true, "sr": true, "prof": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "inc": true, "ltd": true, "co": true, "para": true,
	"tzv": true, "npr": true, "br": true, "god": true, "itd": true, "sl": true, "str": true, "gosp": true,
	"smt": true, // Shrimati, the Indian honorific (H.E. Smt. Droupadi Murmu)
	"hon": true, "govt": true, "dept": true, "amb": true, "approx": true, "corp": true, "messrs": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"tj": true, "gđa": true, "gđ": true, "g": true, "sv": true, "ul": true, "min": true, "resp": true,
	"тј": true, "гђа": true, "гђ": true, "св": true, "ул": true, "мин": true, "др": true, "мр": true, "проф": true,
	"бр": true, "тзв": true, "нпр": true, "год": true, "итд": true, "сл": true, "стр": true, "г": true, "чл": true, "čl": true,
}
