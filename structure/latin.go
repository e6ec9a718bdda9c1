package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Layouts of statements in languages written with spaces (English, Serbian):
// the press-release form (a release line, a dateline opening the lead
// paragraph, topic headings on lines of their own, an end mark), Roman and
// "Article N" numbering, titles that open with the document's kind.

// Date is a date of signing found by a language's date reader, in rune
// offsets of the text searched.
type Date struct {
	ISO        string
	Start, End int
}

// isLatinText reports whether a text is in a script written with spaces:
// letters, and no Han character.
func isLatinText(s string) bool {
	// Every CJK character isCJK knows opens with a byte from 0xE2 on, which
	// no other part of a character is: only those characters are decoded,
	// and once a letter is found, the text up to the next such byte is
	// skipped eight bytes at a time (ASCII, Latin with diacritics,
	// Cyrillic).
	letters := false
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= 0xE2:
			r, w := utf8.DecodeRuneInString(s[i:])
			if isCJK(r) && !isSharedPunct(r) {
				return false
			}
			letters = letters || unicode.IsLetter(r)
			i += w
		case letters:
			i = skipBelow(s, i, 0xE2)
		case c < utf8.RuneSelf:
			letters = c|0x20 >= 'a' && c|0x20 <= 'z'
			i++
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			letters = unicode.IsLetter(r)
			i += w
		}
	}
	return letters
}

// skipBelow returns the offset of the first byte of s from i on that is t
// or more (t from 0x80 on), or len(s).
func skipBelow(s string, i int, t byte) int {
	// a byte b is t or more when its high bit is set and its low seven
	// bits plus 0x100-t reach 0x80 (no carry leaves a byte)
	add := uint64(0x100-uint(t)) * 0x0101010101010101
	for i+8 <= len(s) {
		x := load8(s, i)
		if ((x&0x7F7F7F7F7F7F7F7F)+add)&x&0x8080808080808080 != 0 {
			break
		}
		i += 8
	}
	for i < len(s) && s[i] < t {
		i++
	}
	return i
}

// isLatinRunes is isLatinText over the characters of s.
func isLatinRunes(s string) bool {
	letters := false
	for _, r := range s {
		if isCJK(r) && r != '“' && r != '”' && r != '‘' && r != '’' && r != '—' && r != '…' && r != '·' {
			return false
		}
		if !letters && unicode.IsLetter(r) { // one letter is enough; the rest is read for Han
			letters = true
		}
	}
	return letters
}

// isEndMark reports whether a line is a press release's end mark (###,
// - - -, ***, -30-) or a line of dashes or stars: not text.
func isEndMark(s string) bool {
	t := strings.TrimSpace(s)
	if t == "-30-" {
		return true
	}
	n := 0
	for _, r := range t {
		switch {
		case r == '#' || r == '-' || r == '*' || r == '–' || r == '—' || r == '=' || r == '_':
			n++
		case isSpace(r):
		default:
			return false
		}
	}
	return n >= 3
}

// isMetaLine reports whether a line is press-release chrome named by the
// language's vocabulary ("For Immediate Release"): it is kept as metadata.
func (p *parser) isMetaLine(s string) bool {
	if isEndMark(s) {
		return true
	}
	if runesOver(s, 60) || !isLatinText(s) {
		return false
	}
	l := strings.ToLower(strings.TrimRight(s, " .:"))
	for _, m := range p.v.MetaLines {
		if l == m {
			return true
		}
	}
	return false
}

// takeMeta removes release lines above the text and end marks below it,
// keeping them as metadata blocks (those below are added last, in order).
func (p *parser) takeMeta(lines []line) []line {
	start := 0
	for start < len(lines) && p.isMetaLine(lines[start].text) {
		p.out.Blocks = append(p.out.Blocks, Block{Role: RoleMeta, Text: lines[start].text, Line: lines[start].no})
		start++
	}
	end := len(lines)
	for end > start && p.isMetaLine(lines[end-1].text) {
		end--
	}
	for _, l := range lines[end:] {
		p.trailing = append(p.trailing, Block{Role: RoleMeta, Text: l.text, Line: l.no})
	}
	return lines[start:end]
}

// functionWords end no heading: a line ending so was broken mid-sentence.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "and": true, "or": true, "to": true, "in": true, "on": true,
	"for": true, "with": true, "between": true, "by": true, "at": true, "from": true, "as": true, "that": true,
	"i": true, "u": true, "na": true, "za": true, "sa": true, "od": true, "do": true, "o": true, "da": true,
	"и": true, "у": true, "на": true, "за": true, "са": true, "од": true, "до": true, "о": true, "да": true,
}

// isLatinHeading reports whether a line of a spaced-script statement is a
// topic heading: a short line opening with a capital, without final
// punctuation or a comma, not ending in a function word, set apart from the
// next line by a blank line (or followed by a numbered item).
func (p *parser) isLatinHeading(text string, lines []line, i int) bool {
	if i+1 >= len(lines) {
		return false
	}
	// a part's Roman numeral on a line of its own ("I", "II.") heads what
	// follows, though "I" is also a word that ends no heading
	if _, ok := romanValue(strings.TrimSuffix(text, ".")); ok {
		return true
	}
	if endsComplete(text) || strings.ContainsRune(text, ';') || strings.HasSuffix(text, ",") {
		return false
	}
	words := strings.Fields(text)
	if len(words) == 0 || len(words) > 12 || runesOver(text, 100) {
		return false
	}
	// a comma belongs to a heading only in title case and set apart by a
	// blank line (Economic, Trade, and Investment Cooperation): a line of
	// a sentence broken mid-way has lower-case words
	if strings.ContainsRune(text, ',') && (!titleCase(words) && !listHeading(text, lines, i) || lines[i+1].no <= lines[i].no+1) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(first) && !unicode.IsDigit(first) {
		return false
	}
	if functionWords[strings.ToLower(words[len(words)-1])] {
		return false
	}
	next := lines[i+1]
	if next.marked {
		return true
	}
	nr, _ := utf8.DecodeRuneInString(next.text)
	if !unicode.IsUpper(nr) && !unicode.IsDigit(nr) && !strings.ContainsRune("\"“(", nr) {
		return false
	}
	if next.no > lines[i].no+1 {
		return true // set apart by a blank line
	}
	// text with one paragraph per line (copied from a web page): a short
	// line is a heading; a line wrapped mid-sentence is long, or ends in
	// a function word
	return len(words) <= 9 && !runesOver(text, 70)
}

// listHeading reports whether a line with commas in sentence case is a topic
// heading (Nauka, kultura i obrazovanje; Serbian and other languages write
// headings so): a short list of a few words each, on a paragraph of its own
// after a paragraph that ended its sentence. A sentence broken mid-way
// follows no complete paragraph on its own, or runs longer between commas.
func listHeading(text string, lines []line, i int) bool {
	if i == 0 || !endsComplete(lines[i-1].text) || lines[i].no <= lines[i-1].no+1 {
		return false
	}
	parts := strings.Split(text, ",")
	if len(strings.Fields(text)) > 8 {
		return false
	}
	for _, part := range parts {
		if n := len(strings.Fields(part)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// titleCase reports whether every word but the function words opens with a
// capital or a digit.
func titleCase(words []string) bool {
	for _, w := range words {
		w = strings.TrimRight(w, ",")
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !functionWords[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// takeLatinTitle takes a title that opens with the document's kind or
// names it (Joint Statement between …, Zajednička izjava …), possibly over
// up to three lines without a blank line between them.
func (p *parser) takeLatinTitle(lines []line) ([]line, bool) {
	if len(lines) < 2 || !isLatinText(lines[0].text) {
		return lines, false
	}
	var parts []string
	n := 0
	for i := 0; i < len(lines) && i < 3; i++ {
		t := lines[i].text
		if (endsComplete(t) && !strings.HasSuffix(t, ".")) || strings.HasSuffix(t, ".") && runesOver(t, 40) {
			break
		}
		if lines[i].marked {
			break
		}
		if i > 0 && lines[i].no > lines[i-1].no+1 && !opensLower(t) {
			// a blank line ends the title, unless the next line opens in
			// lower case (a title set on two paragraphs: … United Arab
			// Emirates | on Strengthening the … Partnership)
			break
		}
		if i > 0 && !continuesTitle(lines[i-1].text, t) {
			break // a heading under the title, not its second line
		}
		parts = append(parts, strings.TrimSuffix(t, "."))
		n = i + 1
	}
	if n == 0 || n == len(lines) {
		return lines, false
	}
	joined := strings.Join(parts, " ")
	if runesOver(joined, 300) || !p.namesKind(joined) {
		return lines, false
	}
	p.out.Title = squeeze(joined)
	for _, l := range lines[:n] {
		p.out.Blocks = append(p.out.Blocks, Block{Role: RoleTitle, Text: l.text, Line: l.no})
	}
	return lines[n:], true
}

// continuesTitle reports whether line next carries on a title broken after
// prev: prev ends in a function word, or next opens with one or in lower
// case (…Republic of China / and the Republic of Serbia).
func continuesTitle(prev, next string) bool {
	if strings.ToUpper(prev) == prev && strings.ToLower(prev) != prev {
		return true // a banner in capitals (JOINT STATEMENT) over the rest of the title
	}
	pw := strings.Fields(prev)
	if len(pw) > 0 && functionWords[strings.ToLower(pw[len(pw)-1])] {
		return true
	}
	nw := strings.Fields(next)
	if len(nw) == 0 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(nw[0])
	return unicode.IsLower(r) || functionWords[strings.ToLower(nw[0])]
}

// opensLower reports whether s opens with a lower-case letter.
func opensLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// namesKind reports whether a line names a document kind (Joint Statement,
// Memorandum of Understanding, Sporazum), in any case.
func (p *parser) namesKind(s string) bool {
	l := strings.ToLower(s)
	for _, w := range p.titleWordsLower() {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// titleWordsLower returns the vocabulary's title words in lower case,
// lowered once for the vocabulary the parser's buffers last saw: a word
// with a letter outside ASCII (Zajednička) was lowered, a copy made, at
// every line asked about.
func (p *parser) titleWordsLower() []string {
	tw, b := p.v.TitleWords, p.buf
	if len(tw) == 0 {
		return nil
	}
	if len(b.titleSrc) != len(tw) || &b.titleSrc[0] != &tw[0] {
		lower := make([]string, len(tw))
		for i, w := range tw {
			lower[i] = strings.ToLower(w)
		}
		b.titleSrc, b.titleLower = tw, lower
	}
	return b.titleLower
}

// romanValue reads a Roman numeral up to 39 (I … XXXIX).
func romanValue(s string) (int, bool) {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10}
	n, prev := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		v, ok := vals[s[i]]
		if !ok {
			return 0, false
		}
		if v < prev {
			n -= v
		} else {
			n += v
			prev = v
		}
	}
	if n <= 0 || n > 39 || toRoman(n) != s {
		return 0, false
	}
	return n, true
}

func toRoman(n int) string {
	var b strings.Builder
	for n >= 10 {
		b.WriteString("X")
		n -= 10
	}
	for _, p := range []struct {
		v int
		s string
	}{{9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// articleWords open an article's number in spaced scripts (memoranda of
// Australia, India and the United Kingdom number theirs "Paragraph 1",
// "Clause 1"; Japan's memoranda of cooperation "Section 1").
var articleWords = []string{"Article", "ARTICLE", "Paragraph", "PARAGRAPH", "Clause", "CLAUSE", "Section", "SECTION", "Član", "ČLAN", "Član", "Члан", "ЧЛАН"}

// readLatinMarker recognises "I." "XII." (followed by a capital) and
// "Article 3" / "Član 3." at the start of a line.
func readLatinMarker(line string) (marker, bool) {
	i := 0
	for i < len(line) && i < 7 && strings.IndexByte("IVX", line[i]) >= 0 {
		i++
	}
	if i > 0 && i+1 < len(line) && line[i] == '.' && line[i+1] == ' ' {
		if v, ok := romanValue(line[:i]); ok {
			rest := trimLead(line[i+1:])
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) || unicode.IsDigit(r) {
				return marker{Style: numRoman, Number: v, Text: line[:i+1], Label: line[:i], Rest: rest}, true
			}
		}
	}
	// (ii) (iv) (xii): an item numbered in lower-case Roman numerals, as
	// English statements number the documents listed under them ("(i)" and
	// "(v)" read as letters already)
	if len(line) > 4 && line[0] == '(' {
		k := 1
		for k < len(line) && k < 8 && strings.IndexByte("ivx", line[k]) >= 0 {
			k++
		}
		if k > 2 && k+1 < len(line) && line[k] == ')' && line[k+1] == ' ' {
			if v, ok := romanValue(strings.ToUpper(line[1:k])); ok {
				return marker{Style: numLetter, Number: v, Text: line[:k+1], Label: line[1:k], Rest: trimLead(line[k+1:])}, true
			}
		}
	}
	// 1) a) : a number or letter closed by a parenthesis
	if len(line) > 3 {
		j := 0
		for j < len(line) && j < 2 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j > 0 && line[j] == ')' && j+1 < len(line) && line[j+1] == ' ' {
			if v, ok := parseDigits(line[:j]); ok && v > 0 {
				return marker{Style: numArabic, Number: v, Text: line[:j+1], Label: line[:j], Rest: trimLead(line[j+1:])}, true
			}
		}
		if line[0] >= 'a' && line[0] <= 'z' && line[1] == ')' && line[2] == ' ' {
			return marker{Style: numLetter, Number: int(line[0]-'a') + 1, Text: line[:2], Label: line[:1], Rest: trimLead(line[2:])}, true
		}
	}
	if m, ok := readSubNumber(line); ok {
		return m, true
	}
	for _, w := range articleWords {
		if len(line) <= len(w) || line[len(w)] != ' ' || !strings.HasPrefix(line, w) { // (w+" " would build a string per word)
			continue
		}
		rest := line[len(w)+1:]
		j := 0
		for j < len(rest) && j < 3 && rest[j] >= '0' && rest[j] <= '9' {
			j++
		}
		if j == 0 || (j < len(rest) && rest[j] != '.' && rest[j] != ' ' && rest[j] != ':') {
			continue
		}
		v, ok := parseDigits(rest[:j])
		if !ok || v == 0 {
			continue
		}
		end := len(w) + 1 + j
		if j < len(rest) && (rest[j] == '.' || rest[j] == ':') {
			end++
		}
		return marker{Style: numArticle, Number: v, Text: line[:end], Label: rest[:j], Rest: trimLead(line[end:])}, true
	}
	return marker{}, false
}

// readSubNumber recognises the number of a measure or item under its
// heading's number, as action plans number them ("1.1. ", "2.3.1. ", or
// "1.1 " before a capital): a list marker of the section, not a heading of
// its own and no part of the sentence. A decimal (2.5 miliona) is none.
func readSubNumber(line string) (marker, bool) {
	i, levels := 0, 0
	for levels < 4 {
		j := i
		for j < len(line) && j-i < 3 && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j == i {
			break
		}
		levels++
		i = j
		if i < len(line) && line[i] == '.' && i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9' {
			i++
			continue
		}
		break
	}
	if levels < 2 || i >= len(line) {
		return marker{}, false
	}
	end := i
	if line[i] == '.' {
		end++
	}
	if end >= len(line) || line[end] != ' ' {
		return marker{}, false
	}
	rest := trimLead(line[end:])
	if end == i { // no closing dot: only before a capital
		if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsUpper(r) {
			return marker{}, false
		}
	}
	return marker{Style: numNone, Text: line[:end], Rest: rest}, true
}

// takeLeadingDate takes a bare date line above the title of a spaced-script
// release (May 8, 2024): the date of the statement, not its title.
func (p *parser) takeLeadingDate(lines []line) []line {
	if p.v.Date == nil || len(lines) < 2 || !isLatinText(lines[0].text) {
		return lines
	}
	t := lines[0].text
	d, ok := p.v.Date(t)
	if !ok || runesOver(t, 12+(d.End-d.Start)) {
		return lines
	}
	p.out.Blocks = append(p.out.Blocks, Block{Role: RoleDateline, Text: t, Line: lines[0].no})
	p.setSignedISO(d.ISO, p.placeOf(t, d, true), DateFromTopLine)
	return lines[1:]
}

// takeSpacedDateline reads a date-and-place line right under the title of
// a spaced-script statement (Belgrade, 20 August 2017; Београд, 20. август
// 2017. године): the date and place of its issue, not a sentence.
func (p *parser) takeSpacedDateline(lines []line) []line {
	if p.v.Date == nil || len(lines) < 2 || !isLatinText(lines[0].text) {
		return lines
	}
	t := lines[0].text
	if len(t) > 160 || endsComplete(t) && !strings.HasSuffix(t, ".") {
		return lines // a paragraph (a dateline is some 60 bytes): not read for a date twice
	}
	d, ok := p.v.Date(t)
	if !ok {
		if isPlaceLine(t) {
			// Washington, D.C.: the place of issue alone; a date found
			// later (a closing formula) brings its own place
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleDateline, Text: t, Line: lines[0].no})
			if p.out.SignedPlace == "" {
				p.out.SignedPlace = strings.TrimSpace(t)
			}
			return lines[1:]
		}
		if p.venueOverDate(lines) {
			// Parliament House Canberra, Australia | 11 December 2013: the
			// venue and the date of the meeting, each on its own line
			p.out.Blocks = append(p.out.Blocks,
				Block{Role: RoleDateline, Text: t, Line: lines[0].no},
				Block{Role: RoleDateline, Text: lines[1].text, Line: lines[1].no})
			d, _ := p.v.Date(lines[1].text)
			p.issued = p.out.SignedDate == ""
			p.setSignedISO(d.ISO, strings.TrimSpace(t), DateFromTitleLine)
			return lines[2:]
		}
		return lines
	}
	if !onlyPlaceBeside(t, d) {
		return lines
	}
	p.out.Blocks = append(p.out.Blocks, Block{Role: RoleDateline, Text: t, Line: lines[0].no})
	p.issued = p.out.SignedDate == ""
	p.setSignedISO(d.ISO, p.placeOf(t, d, true), DateFromTitleLine)
	return lines[1:]
}

// venueOverDate reports whether the first line under the title is a venue
// and its place (Parliament House Canberra, Australia; APEC Haus, Port
// Moresby) over a line holding a date alone: a few capitalised words with a
// comma between them and no mark at their end, which no sentence is.
func (p *parser) venueOverDate(lines []line) bool {
	t, next := lines[0].text, lines[1].text
	d, ok := p.v.Date(next)
	if !ok || runesOver(next, 4+(d.End-d.Start)) || endsComplete(t) {
		return false
	}
	f := strings.Fields(t)
	if len(f) < 2 || len(f) > 6 || runesOver(t, 60) || !strings.Contains(t, ",") || strings.ContainsAny(t, ":;") ||
		strings.HasSuffix(f[len(f)-1], ",") {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isPlaceLine reports whether a line under the title holds a place alone:
// two or three capitalised words with a comma between them (Washington,
// D.C.; Belgrade, Serbia), which no sentence is; "The Parties," opens one. (One word alone is
// already a heading, and opens nothing.)
func isPlaceLine(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 3 || runesOver(s, 40) || !strings.Contains(s, ",") || strings.ContainsAny(s, ":;") ||
		strings.HasSuffix(f[len(f)-1], ",") { // The Parties, (recitals follow)
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// onlyPlaceBeside reports whether a line holding a date can hold nothing
// else than a place beside it: a few words, at most two in lower case (a
// Serbian month and godine), and no colon or semicolon that would lead
// into a text. "On 20 August 2017 the two sides met" is a sentence. (The
// date's offsets are not used: a Cyrillic line's are those of its Latin
// reading.)
func onlyPlaceBeside(s string, d Date) bool {
	if runesOver(s, 32+(d.End-d.Start)) || strings.ContainsAny(s, ":;") {
		return false
	}
	words, lower := 0, 0
	for _, w := range strings.Fields(s) {
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			lower++
		}
	}
	return words <= 7 && lower <= 2
}

// isStamp reports whether a line holds no letters, only a short run of
// digits and separators (2023-05-17 21:30, 17.05.2023): a publication
// stamp or a page number, not text.
func isStamp(s string) bool {
	if runesOver(s, 40) {
		return false
	}
	digits := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			return false
		case unicode.IsDigit(r):
			digits = true
		}
	}
	return digits
}

// isPageNumber reports a page number set between dashes (- 2 -, – 12 –,
// —3—), left in a text taken out of a PDF; the dash before it would
// otherwise read as a list marker.
func isPageNumber(s string) bool {
	dash := func(r rune) bool { return r == '-' || r == '–' || r == '—' }
	if runesOver(s, 12) || !strings.HasPrefix(s, "-") && !strings.HasPrefix(s, "–") && !strings.HasPrefix(s, "—") {
		return false
	}
	inner := strings.TrimFunc(s, func(r rune) bool { return dash(r) || unicode.IsSpace(r) })
	if inner == "" || len(inner) > 3 || inner == s {
		return false
	}
	for _, r := range inner {
		if r < '0' || r > '9' {
			return false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return dash(r)
}
