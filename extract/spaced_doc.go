package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/structure"
)

// withClasses gives a matcher the placeholders of dates and deadlines,
// the time units from the cue table t.
func (x *Spaced) withClasses(pm *phraseMatcher, t *lexicon.Table) *phraseMatcher {
	pm.Class("year", func(w word) bool { return yearOf(&w) > 0 })
	pm.Class("day", func(w word) bool {
		if !w.Digits {
			return false // asked of every word: no parse (and its error) for the others
		}
		n, err := strconv.Atoi(w.Key)
		return err == nil && n >= 1 && n <= 31
	})
	pm.Class("ordinal", func(w word) bool { return x.ordinalDay(&w) > 0 })
	// a session's ordinal: in words ([session-ordinal]) or in figures (5th)
	sessionOrds := keySet(lowerAll(t.Words("session-ordinal")))
	pm.Class("nth", func(w word) bool { return sessionOrds[w.Key] || x.ordinalDay(&w) > 0 })
	pm.Class("num", func(w word) bool {
		_, ok := x.numbers[w.Key]
		return w.Digits || ok
	})
	pm.Class("month", func(w word) bool { return x.monthOf(&w) > 0 })
	pm.Class("nmonth", func(w word) bool { // a month in figures
		if !w.Digits {
			return false
		}
		n, err := strconv.Atoi(w.Key)
		return err == nil && n >= 1 && n <= 12
	})
	// mid-2025, end-2025: one word to the tokenizer
	pm.Class("midyear", func(w word) bool { return yearAfter(w.Key, "mid-") })
	pm.Class("endyear", func(w word) bool { return yearAfter(w.Key, "end-") })
	pm.Class("daymonth", func(w word) bool { // 24.10 (of 24.10.2011.)
		_, _, y, ok := dottedDate(w.Key)
		return ok && y == 0
	})
	pm.Class("dmy", func(w word) bool { // 8.5.2024
		_, _, y, ok := dottedDate(w.Key)
		return ok && y > 0
	})
	pm.Class("comma", func(w word) bool { return w.Punct && w.Key == "," })
	pm.Class("stop", func(w word) bool { return w.Punct && w.Key == "." })
	units := keySet(t.Words("time-unit"))
	var stems []string // the units written as stems, tested by prefix
	for u := range units {
		if stem, ok := strings.CutSuffix(u, "*"); ok {
			stems = append(stems, stem)
		}
	}
	pm.Class("unit", func(w word) bool {
		if units[w.Key] {
			return true
		}
		for _, s := range stems {
			if strings.HasPrefix(w.Key, s) {
				return true
			}
		}
		return false
	})
	return pm
}

// yearAfter reports whether key is prefix followed by a year (mid-2025).
func yearAfter(key, prefix string) bool {
	rest, ok := strings.CutPrefix(key, prefix)
	return ok && yearOf(&word{Key: rest, Digits: len(rest) == 4 && strings.Trim(rest, "0123456789") == ""}) > 0
}

// dottedDate reads a word of figures and full stops as a day and a month,
// and a year of four figures if it has one: 24.10 or 8.5.2024 (the
// tokenizer keeps a stop between figures inside the word). ok is false for
// anything else, or a day or month out of range.
func dottedDate(key string) (day, month, year int, ok bool) {
	if len(key) < 3 || len(key) > 10 || key[0] < '0' || key[0] > '9' {
		return 0, 0, 0, false // asked of every word: most fail here
	}
	parts := strings.Split(key, ".")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 || (i < 2 && len(p) > 2) || (i == 2 && len(p) != 4) {
			return 0, 0, 0, false
		}
		for k := 0; k < len(p); k++ {
			if p[k] < '0' || p[k] > '9' {
				return 0, 0, 0, false
			}
			n[i] = n[i]*10 + int(p[k]-'0')
		}
	}
	if n[0] < 1 || n[0] > 31 || n[1] < 1 || n[1] > 12 {
		return 0, 0, 0, false
	}
	return n[0], n[1], n[2], true
}

// hasYearDigits reports whether s holds four ASCII digits in a row, as the
// year of a date (yearOf) does.
func hasYearDigits(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			if run++; run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

func yearOf(w *word) int {
	if !w.Digits || len(w.Key) != 4 {
		return 0
	}
	n, _ := strconv.Atoi(w.Key)
	if n < 1900 || n > 2200 {
		return 0
	}
	return n
}

func (x *Spaced) monthOf(w *word) int {
	if w.Punct || w.Digits {
		return 0
	}
	p, ok := x.months.wordPayload(w)
	if !ok {
		return 0
	}
	return p
}

// tokens tokenizes a text and marks its words in the reader's index.
func (x *Spaced) tokens(rs []rune) []word {
	ws := tokenize(rs)
	x.index.mark(ws)
	return ws
}

// lineWords holds the runes and words of the lines a document's layout
// and metadata read (a closing formula is asked for its date, its place
// and its languages; the title for its kind and parties), so that each is
// tokenized once per document, and a sentence that is such a line is not
// tokenized again; nil keeps nothing.
type lineWords struct {
	seen map[string]tokenized
	// lens has a bit for the length of each line in seen, modulo 256
	// (lenBit): a sentence of no such length is no line, told without
	// hashing it for the map (get)
	lens [4]uint64
	// ws is the memory the lines' words are cut from, kept from document
	// to document (sentenceBuf); a line's slice stays its own when it
	// grows, as the line has its own array. rs is where a line not valid
	// UTF-8 is spelt as runes, to be spelt valid.
	rs   []rune
	ws   []word
	keys *strings.Builder // the document's folded keys (sentenceBuf.keys)
}

type tokenized struct {
	// valid is the line, or its characters spelt as []rune spells them
	// when it is not valid UTF-8: what its words' byte offsets count
	valid string
	ws    []word
}

// lineTokens returns the text its words' byte offsets count (the line, or
// its characters spelt valid) and the marked words of s, from c when it
// has them. Nothing changes them once made.
func (x *Spaced) lineTokens(c *lineWords, s string) (string, []word) {
	valid := s
	if c == nil {
		rs := []rune(s)
		if !utf8.ValidString(s) {
			valid = string(rs)
		}
		return valid, x.tokens(rs)
	}
	if t, ok := c.get(s); ok {
		return t.valid, t.ws
	}
	// the characters are spelt out only for a line that is not valid
	// UTF-8 (the tokenizer reads the bytes)
	if !utf8.ValidString(s) {
		if cap(c.rs) < len(s) { // a character takes a byte at least
			c.rs = make([]rune, 0, len(s)+256)
		}
		rs, _ := decodeRunes(c.rs[:len(s)], s) // as []rune(s): an invalid byte is one U+FFFD
		valid = string(rs)
	}
	n := len(valid) // a word has a byte at least: the words fit
	if cap(c.ws)-len(c.ws) < n+1 {
		c.ws = make([]word, 0, max(2*cap(c.ws), n+64))
	}
	ws, _ := appendTokensString(c.ws[len(c.ws):len(c.ws)], valid, c.keys)
	c.ws = c.ws[:len(c.ws)+len(ws)]
	ws = ws[:len(ws):len(ws)]
	x.index.mark(ws)
	c.seen[s] = tokenized{valid: valid, ws: ws}
	w, bit := lenBit(s)
	c.lens[w] |= bit
	return valid, ws
}

// get returns the words of s when s is a line read before.
func (c *lineWords) get(s string) (tokenized, bool) {
	if w, bit := lenBit(s); c.lens[w]&bit == 0 {
		return tokenized{}, false
	}
	t, ok := c.seen[s]
	return t, ok
}

// lenBit returns the word of lineWords.lens and the bit there for s's
// length.
func lenBit(s string) (int, uint64) { return len(s) >> 6 & 3, 1 << (len(s) & 63) }

// countryCodes returns the countries named in a text, in order, each once.
func (x *Spaced) countryCodes(c *lineWords, s string) []string {
	_, ws := x.lineTokens(c, s)
	return x.countries.codes(ws)
}

// findDate finds the first full date (day, month, year) in a line:
// May 8, 2024 · 8 May 2024 · 8. maja 2024. · 8. маја 2024. године.
func (x *Spaced) findDate(s string) (structure.Date, bool) { return x.findDateIn(nil, s) }

// findDateIn is findDate with the document's lines read so far.
func (x *Spaced) findDateIn(c *lineWords, s string) (structure.Date, bool) {
	return x.dateIn(c, s, false)
}

// dateIn finds the first full date of s; with own, the first that is not
// the date of an instrument s cites (citedDate).
func (x *Spaced) dateIn(c *lineWords, s string, own bool) (structure.Date, bool) {
	if !hasYearDigits(s) {
		return structure.Date{}, false // a full date has a year (yearOf): the layout asks of every line
	}
	_, ws := x.lineTokens(c, s)
	for _, m := range x.dates.FindAll(ws) {
		if own && (x.citedDate(ws, m.Start) || x.closesDaySpan(ws, m.Start)) {
			continue
		}
		var y, mo, d int
		for k := m.Start; k < m.End; k++ {
			w := &ws[k]
			switch {
			case yearOf(w) > 0 && y == 0:
				y = yearOf(w)
			case w.Digits && d == 0:
				d, _ = strconv.Atoi(w.Key)
			case d == 0 && x.ordinalDay(w) > 0: // this 9th day of…
				d = x.ordinalDay(w)
			case x.monthOf(w) > 0 && mo == 0:
				mo = x.monthOf(w)
			case w.Digits && mo == 0: // the month in figures after the day (24. 10. 2011.)
				mo, _ = strconv.Atoi(w.Key)
			default:
				if dd, mm, yy, ok := dottedDate(w.Key); ok && d == 0 && mo == 0 {
					d, mo = dd, mm
					if yy > 0 {
						y = yy
					}
				}
			}
		}
		if y == 0 || mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		end := ws[m.End-1].End
		return structure.Date{ISO: isoDate(y, mo, d), Start: ws[m.Start].Start, End: end}, true
	}
	return structure.Date{}, false
}

// citedDate reports whether the date at word i is that of an instrument
// named (capitalised) before it in the same stretch of words, with no mark between
// (Recalling the Agreement on Trade signed on 18 February 2012; the
// Treaty of 1 May 2004): the cited instrument's, not the document's. The
// document naming itself (This Joint Statement was signed on…) is its own.
func (x *Spaced) citedDate(ws []word, i int) bool {
	a := i
	for a > 0 && !ws[a-1].Punct {
		a--
	}
	if x.instrumentBefore(ws, a, i) {
		return true
	}
	// the participle of signing in a relative clause after the title, with
	// its place set off by commas (Sporazum o saradnji …, koji je potpisan u
	// Abu Dabiju, 17. februara 2013. godine;): the clause runs back over
	// its commas to the title
	k := x.signedLeadBefore(ws, i)
	if k < 0 {
		return false
	}
	b := k
	for b > 0 && (!ws[b-1].Punct || ws[b-1].Key == ",") {
		b--
	}
	return x.instrumentBefore(ws, b, k)
}

// signedLeadBefore returns the word opening a participle of signing or
// adoption ([reference-year-lead], no preposition) that stands before the
// date at word i with nothing but a place between (a preposition, names in
// capitals, commas), or -1.
func (x *Spaced) signedLeadBefore(ws []word, i int) int {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		w := &ws[k]
		if m, ok := x.refs.yearLeads.longestAt(ws, k); ok && m.End > k && m.End <= i && !x.prep.has(w) {
			for j := m.End; j < i; j++ {
				if v := &ws[j]; !(v.Punct && v.Key == ",") && !v.Upper && !x.prep.has(v) {
					return -1
				}
			}
			return k
		}
		if w.Punct && w.Key != "," {
			return -1
		}
	}
	return -1
}

// instrumentBefore reports whether a cited instrument's head, capitalised
// and not the document itself (ova Zajednička izjava), stands in ws[a:i].
func (x *Spaced) instrumentBefore(ws []word, a, i int) bool {
	for m, ok := x.refs.heads.next(ws[:i], a, nil); ok; m, ok = x.refs.heads.next(ws[:i], m.End, nil) {
		if !ws[m.Start].Upper || m.Start > 0 && x.refs.self.has(&ws[m.Start-1]) || m.Start > 1 && x.refs.self.has(&ws[m.Start-2]) {
			continue // a plan in lower case names none; This (Joint) Statement is the document
		}
		return true
	}
	return false
}

// closesDaySpan reports whether the date at word i closes a span of days
// opened just before it (boravio je u poseti od 19. do 25. avgusta 2009.):
// the span is a visit's, and its last day is no more the statement's than
// its first; a lead that gives only a span dates nothing.
func (x *Spaced) closesDaySpan(ws []word, i int) bool {
	if x.spanClose == nil || i < 1 || !x.spanClose.has(&ws[i-1]) {
		return false
	}
	for j := i - 2; j >= 0 && j >= i-5; j-- {
		if x.spanOpen.has(&ws[j]) {
			return true
		}
		if !ws[j].Digits && ws[j].Key != "." && x.monthOf(&ws[j]) == 0 {
			return false // od 1. marta do 25. avgusta: a month may stand in the span's opening
		}
	}
	return false
}

// ordinalDay returns the day of a month written as an ordinal in one
// word, figures and an ending of [ordinal-ending] (9th, 22nd), or 0.
func (x *Spaced) ordinalDay(w *word) int {
	k := w.Key
	n := 0
	for n < len(k) && k[n] >= '0' && k[n] <= '9' {
		n++
	}
	if n == 0 || n > 2 || n == len(k) {
		return 0
	}
	for _, e := range x.ordinals {
		if k[n:] == e {
			d, _ := strconv.Atoi(k[:n])
			if d >= 1 && d <= 31 {
				return d
			}
			return 0
		}
	}
	return 0
}

// isoDate spells a date as fmt's "%04d-%02d-%02d" does, for a year of four
// digits (yearOf), a month and a day of one or two: the layout asks each
// statement's closing line for its date, and fmt took a tenth of that.
func isoDate(y, mo, d int) string {
	if y < 1000 || y > 9999 || mo < 0 || mo > 99 || d < 0 || d > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
	}
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + mo/10), byte('0' + mo%10), '-', byte('0' + d/10), byte('0' + d%10),
	}
	return string(b[:])
}

// placeAround reads the place of signing next to a date: after a lead
// (Done at Belgrade on…, U Beogradu, signed in…), or a bare name before
// the date (Belgrade, 8 May 2024).
func (x *Spaced) placeAround(s string, d structure.Date) string { return x.placeAroundIn(nil, s, d) }

// placeAroundIn is placeAround with the document's lines read so far.
func (x *Spaced) placeAroundIn(c *lineWords, s string, d structure.Date) string {
	valid, ws := x.lineTokens(c, s)
	capRun := func(i int) string {
		j := i
		for j < len(ws) && !ws[j].Punct && ws[j].Upper && yearOf(&ws[j]) == 0 && x.monthOf(&ws[j]) == 0 {
			j++
		}
		if j == i || j-i > 4 {
			return ""
		}
		return valid[ws[i].from:ws[j-1].to] // the characters of the words, as string(rs[Start:End])
	}
	for _, m := range x.placeLead.FindAll(ws) {
		if m.End < len(ws) {
			if p := capRun(m.End); p != "" {
				return p
			}
		}
	}
	// Belgrade, 8 May 2024
	var before []word
	for _, w := range ws {
		if w.Start >= d.Start {
			break
		}
		before = append(before, w)
	}
	for len(before) > 0 && before[len(before)-1].Punct {
		before = before[:len(before)-1]
	}
	if len(before) > 0 && len(before) <= 4 {
		for _, w := range before {
			if !w.Upper && !w.Punct {
				return ""
			}
		}
		return valid[before[0].from:before[len(before)-1].to]
	}
	return ""
}

// placeAfterDate reads a place that follows a date at once, after a word
// of [place-lead] (27. juna 2006. u Zagrebu): where a lead dates the
// meeting, the place beside the date is where it was held. A year's word
// (godine) and stops may come between; a lower-case word after the lead
// word (u interesu) is no place.
func (x *Spaced) placeAfterDate(c *lineWords, s string, d structure.Date) string {
	valid, ws := x.lineTokens(c, s)
	i := 0
	for i < len(ws) && ws[i].Start < d.End {
		i++
	}
	for i < len(ws) && (ws[i].Key == "." || strings.HasPrefix(ws[i].Key, "godin")) {
		i++
	}
	m, ok := x.placeLead.longestAt(ws, i)
	if !ok || m.Start != i {
		return ""
	}
	j := m.End
	for j < len(ws) && !ws[j].Punct && ws[j].Upper && yearOf(&ws[j]) == 0 && x.monthOf(&ws[j]) == 0 {
		j++
	}
	if j == m.End || j-m.End > 3 {
		return ""
	}
	return valid[ws[m.End].from:ws[j-1].to]
}

// leadDateline returns the byte length of a dateline opening a paragraph:
// a place in capitals or title case, a date, and a dash (BELGRADE, May 8,
// 2024 — …).
func (x *Spaced) leadDateline(s string) int { return x.leadDatelineIn(nil, s) }

// leadDatelineIn is leadDateline with the document's lines read so far.
func (x *Spaced) leadDatelineIn(lines *lineWords, s string) int {
	// a dateline has a comma early and a digit: most paragraphs have not
	c := strings.IndexByte(s, ',')
	if c < 0 || c > 40 || !strings.ContainsAny(s[:min(len(s), 120)], "0123456789") {
		return 0
	}
	for _, w := range strings.Fields(s[:c]) { // the place: capitalised words
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return 0
		}
	}
	head := s
	if len(head) > 120 {
		head = head[:120]
		for !utf8.ValidString(head) {
			head = head[:len(head)-1]
		}
	}
	d, ok := x.findDateIn(lines, head)
	if !ok {
		return 0
	}
	rs := []rune(head)
	before := strings.TrimSpace(string(rs[:d.Start]))
	if before == "" || !strings.HasSuffix(before, ",") || utf8.RuneCountInString(before) > 40 {
		return 0
	}
	for _, w := range tokenize([]rune(before)) {
		if !w.Punct && !w.Upper {
			return 0
		}
	}
	rest := string(rs[d.End:])
	t := strings.TrimLeft(rest, " .")
	// an agency's name in brackets may stand before the dash: (Tanjug) –
	if strings.HasPrefix(t, "(") {
		if k := strings.IndexByte(t, ')'); k > 1 && k < 30 {
			t = strings.TrimLeft(t[k+1:], " ")
		}
	}
	for _, dash := range []string{"—", "–", "--", "-"} {
		if strings.HasPrefix(t, dash) {
			used := len(head) - len(t) + len(dash)
			return used
		}
	}
	return 0
}

// document fills in the metadata.
func (x *Spaced) document(c *lineWords, lay *structure.Layout, d *entente.Document) {
	d.Title = lay.Title
	d.Language = x.lang
	_, titleWords := x.lineTokens(c, lay.Title) // read by several tables, none of which changes it
	d.Kind = x.kindOf(titleWords)
	var found []string
	for _, m := range x.countries.find(titleWords) {
		found = append(found, m.code)
	}
	for _, m := range x.offices.FindAll(titleWords) {
		if c := x.officeCode[m.Payload]; c != "" && c != "-" {
			found = append(found, c)
		}
	}
	for _, s := range lay.Signatories {
		found = append(found, x.countryCodes(c, s.Title+" "+s.For)...)
	}
	if strings.Contains(lay.Title, "-") {
		// the EU-China Summit, China-Serbia Relations: a compound of two
		// names, which a sentence's words keep whole (the China-EU
		// Agreement is no subject), names the parties in a title
		found = append(found, x.countryCodes(nil, strings.ReplaceAll(lay.Title, "-", " "))...)
	}
	d.Parties = unionCodes(found)
	if len(d.Parties) < 2 {
		// a title without the parties (Joint Statement by President…):
		// the opening sentences name them, in the preamble
		for i, s := range lay.Sentences {
			if len(d.Parties) >= 2 || s.Section != entente.SectionPreamble || i >= 6 {
				break
			}
			d.Parties = unionCodes(d.Parties, x.countryCodes(c, s.Text))
		}
		// or, in a text that opens with its numbered points, the first
		// point when it names two (1. The European Union and China held…):
		// a later one names the topics (Ukraine, Moldova), not the parties
		if len(d.Parties) < 2 && len(lay.Sentences) > 0 && lay.Sentences[0].Section != entente.SectionPreamble {
			if first := x.countryCodes(c, lay.Sentences[0].Text); len(first) >= 2 {
				d.Parties = unionCodes(d.Parties, first)
			}
		}
	}
	if d.Parties == nil {
		d.Parties = []string{}
	}
	if lay.SignedDate != "" {
		d.SignedDate = &lay.SignedDate
	} else if lay.NewsDateline != "" {
		if dt, ok := x.findDateIn(c, lay.NewsDateline); ok {
			iso := dt.ISO
			d.SignedDate = &iso
			if p := x.placeAroundIn(c, lay.NewsDateline, dt); p != "" {
				d.SignedPlace = &p
			}
		}
	}
	if lay.SignedPlace != "" {
		d.SignedPlace = &lay.SignedPlace
	}
	if d.SignedDate == nil {
		// no dateline: a press statement dates itself in its lead (On May 8,
		// 2024, the two Presidents met…); a date without a year fixes nothing
		for i, s := range lay.Sentences {
			if i >= 2 || s.Section == entente.SectionClosing {
				break
			}
			// (a recital's date is the instrument's it cites: none is
			// better than a wrong one)
			if dt, ok := x.dateIn(c, s.Text, true); ok {
				iso := dt.ISO
				d.SignedDate = &iso
				if d.SignedPlace == nil {
					// …sastali smo se 27. juna 2006. u Zagrebu: the place the
					// lead gives right after its date is the meeting's
					if p := x.placeAfterDate(c, s.Text, dt); p != "" {
						d.SignedPlace = &p
					}
				}
				break
			}
		}
	}
	d.Signatories = []entente.Signatory{}
	for _, s := range lay.Signatories {
		sig := entente.Signatory{Name: s.Name, Title: s.Title}
		if sig.Title == "" {
			sig.Title = s.For // For the Republic of Serbia, with no office given
		}
		// the office names the country (President of the Republic of
		// Serbia), or the line the signatory signs for does
		cs := x.countryCodes(c, s.Title)
		if len(cs) == 0 {
			cs = x.countryCodes(c, s.For)
		}
		if len(cs) > 0 {
			sig.Party = cs[0]
		}
		d.Signatories = append(d.Signatories, sig)
	}
	d.AuthenticLanguages = []string{}
	for _, line := range lay.Closing {
		_, ws := x.lineTokens(c, line)
		if _, ok := x.authentic.next(ws, 0, nil); !ok {
			continue
		}
		for _, m := range x.languages.FindAll(ws) {
			d.AuthenticLanguages = append(d.AuthenticLanguages, x.langCodes[m.Payload])
		}
	}
	d.AuthenticLanguages = unionCodes(d.AuthenticLanguages)
	if d.AuthenticLanguages == nil {
		d.AuthenticLanguages = []string{}
	}
	d.NewsDateline = lay.NewsDateline
}

// kindOf reads the kind from the title's words: the first kind named (in
// English and Serbian the head noun opens the title: Joint Statement on …
// Agreement is a joint statement).
func (x *Spaced) kindOf(title []word) entente.Kind {
	ms := x.docKinds.FindAll(title)
	if len(ms) == 0 {
		return entente.KindOther
	}
	return entente.Kind(x.kindNames[ms[0].Payload])
}

// findAreas places a sentence in policy areas, as the Chinese rules do:
// [area] words decide, [area-weak] words count when no [area] word is
// there, and a sentence with neither frames the relationship.
func (x *Spaced) findAreas(st *sentence) ([]string, []entente.AreaCue) {
	// the cues are gathered on the stack and kept at their length: a
	// sentence names one or two areas, and the kept slice is the
	// output's
	var sbuf, wbuf [8]entente.AreaCue
	ss, ws := sbuf[:0], wbuf[:0]
	ha, hb := x.holdersSpan(st) // a measure's holders: who they are, not what it is about
	for m, ok := x.areas.next(st.ws, 0, nil); ok; m, ok = x.areas.next(st.ws, m.End, nil) {
		w := x.areaWords[m.Payload]
		if w.area == noArea || w.acronym && !st.ws[m.Start].AllUpper || m.Start >= ha && m.Start < hb || st.partyNamed(m.Start, m.End) ||
			m.End == m.Start+1 && x.ents.cityName(st.ws, m.Start) || // Port Vila: a city, no port
			m.End == m.Start+1 && x.pairOfParties(st, m.Start) { // China-EU in a China–EU statement

			continue
		}
		text, s, e := st.span(m.Start, m.End)
		for _, area := range w.codes {
			c := entente.AreaCue{Area: area, Cue: entente.Cue{Rule: "area", Text: text, Start: s, End: e}}
			if w.weak {
				c.Rule = "area (weak)"
				ws = append(ws, c)
			} else {
				ss = append(ss, c)
			}
		}
	}
	if x.areaAfterDemonym != nil {
		for i := 1; i < len(st.ws); i++ {
			codes, ok := x.areaAfterDemonym[st.ws[i].Key]
			if !ok || st.ws[i].Upper || !x.ents.demonymCovers(st.ws, i-1) {
				continue
			}
			text, s, e := st.span(i, i+1)
			for _, area := range codes {
				ss = append(ss, entente.AreaCue{Area: area, Cue: entente.Cue{Rule: "area", Text: text, Start: s, End: e}})
			}
		}
	}
	if x.areaPrinciples != nil && len(ss) > 1 {
		ss = besideArea(ss, x.areaPrinciples, sovereigntyArea)
	}
	if x.areaConflictAid != nil && len(ss) > 1 {
		ss = besideArea(ss, x.areaConflictAid, hotspotArea)
	}
	if titles := x.ministryTitles(st); titles != nil {
		if ss = outsideTitles(ss, titles); len(ss) == 0 {
			ws = outsideTitles(ws, titles)
		}
	}
	var strong, weak []entente.AreaCue // nil when none, as settleAreas reads them
	if len(ss) > 0 {
		strong = st.areaCues(ss)
	}
	if len(ws) > 0 && len(ss) == 0 { // (the weak are read only without a strong one)
		weak = st.areaCues(ws)
	}
	return st.settleAreas(strong, weak, x.areaDflt)
}

// pairOfParties reports whether word i joins two of the document's parties
// by a hyphen (China-EU relations in a China–EU statement): their own
// relationship, no framework, as zh's 中欧关系 reads where both are parties.
func (x *Spaced) pairOfParties(st *sentence, i int) bool {
	text, _, _ := st.span(i, i+1)
	a, b, ok := strings.Cut(text, "-")
	if !ok {
		return false
	}
	for _, part := range [2]string{a, b} {
		codes := x.countryCodes(nil, part)
		if len(codes) != 1 || !slices.Contains(st.parties, codes[0]) {
			return false
		}
	}
	return true
}

// besideArea drops the cues of the words in set where another cue names
// area: the peaceful settlement of disputes beside territorial integrity
// and non-interference ([area-principle], sovereignty) is one of the
// principles the sentence lists, not a dispute it speaks of; humanitarian
// assistance beside a ceasefire in Gaza ([area-conflict-aid], hotspots) is
// the aid the conflict needs, no disaster work.
func besideArea(cs []entente.AreaCue, set map[string]bool, area string) []entente.AreaCue {
	// the sets are a few words: compared without a lower-cased copy of
	// each cue (Gaza, Ukraine), which allocated for every conflict's name
	in := func(c entente.AreaCue) bool {
		if set[c.Text] {
			return true
		}
		for k := range set {
			if strings.EqualFold(k, c.Text) {
				return true
			}
		}
		return false
	}
	if !slices.ContainsFunc(cs, func(c entente.AreaCue) bool { return c.Area == area && !in(c) }) {
		return cs
	}
	return slices.DeleteFunc(cs, in)
}

// partyNamed reports whether words [a, b) lie inside a name of one of the
// document's parties (the EU, the European Union in an EU–Japan summit's
// statement): the party acts, or owns the body named after it, and is not
// what is spoken of, as zh's 欧盟 in a China–EU statement. Where it is no
// party, the table's word (European Union=international_order) speaks of
// the framework.
func (st *sentence) partyNamed(a, b int) bool {
	for _, m := range st.ments {
		if m.Kind != mCountry || a < m.Start || b > m.End || len(m.Codes) == 0 {
			continue
		}
		all := true
		for _, c := range m.Codes {
			all = all && slices.Contains(st.parties, c)
		}
		if all {
			return true
		}
	}
	return false
}

// placesInNames drops an area whose every word is a place ([area-place])
// inside a project's name (the Arctic Digital Link, the India–Middle
// East–Europe Economic Corridor): the place locates the project, the
// sentence is not about it, as a country's name inside a project's name is
// not in Chinese. Where no other area is left, the areas stay as they are.
func (x *Spaced) placesInNames(areas []string, cues []entente.AreaCue, projs []entente.Cue) ([]string, []entente.AreaCue) {
	inName := func(c *entente.AreaCue) bool {
		if !x.areaPlaces[strings.ToLower(c.Text)] {
			return false
		}
		for _, p := range projs {
			if p.Start <= c.Start && c.End <= p.End {
				return true
			}
		}
		return false
	}
	var drop []string
	for _, a := range areas {
		all, any := true, false
		for k := range cues {
			if cues[k].Area == a {
				any = true
				all = all && inName(&cues[k])
			}
		}
		if any && all {
			drop = append(drop, a)
		}
	}
	if len(drop) == 0 || len(drop) == len(areas) {
		return areas, cues
	}
	keptAreas := make([]string, 0, len(areas)-len(drop))
	for _, a := range areas {
		if !slices.Contains(drop, a) {
			keptAreas = append(keptAreas, a)
		}
	}
	keptCues := make([]entente.AreaCue, 0, len(cues))
	for _, c := range cues {
		if !slices.Contains(drop, c.Area) {
			keptCues = append(keptCues, c)
		}
	}
	return keptAreas, keptCues
}

// deadline finds the time limit on a commitment (by the end of 2025,
// within five years, as soon as possible, do kraja 2025. godine).
func (x *Spaced) deadline(st *sentence) *entente.Cue {
	// the first deadline in the sentence is the commitment's, but one that
	// counts (a year, a number) over an urgency before it (bring it into
	// force at the earliest, and in any case within 12 months)
	m, ok := x.deadlines.next(st.ws, 0, nil)
	// the close of a period (Program za period od 2025. do 2028. godine)
	// names how long a thing lasts, not when an undertaking falls due
	for ok && (x.closesPeriod(st, m) || x.datesInstrument(st, m)) {
		m, ok = x.deadlines.next(st.ws, m.End, nil)
	}
	if ok && !x.counted(st, m) {
		for n, more := x.deadlines.next(st.ws, m.End, nil); more; n, more = x.deadlines.next(st.ws, n.End, nil) {
			if x.counted(st, n) && !x.closesPeriod(st, n) && !x.datesInstrument(st, n) {
				m = n
				break
			}
		}
	}
	if ok {
		end := m.End
		// a year's stop and "godine" belong to the Serbian date
		if x.lang == "sr" {
			if end < len(st.ws) && st.ws[end].Key == "." && end > 0 && yearOf(&st.ws[end-1]) > 0 {
				end++
			}
			if end < len(st.ws) && st.ws[end-1].Key == "." && strings.HasPrefix(st.ws[end].Key, "godin") {
				end++
			}
		}
		end = x.anchoredSpan(st, end)
		return st.cue("deadline", m.Start, end)
	}
	if d := x.finalDeadline(st); d != nil {
		return d
	}
	if x.lang == "sr" {
		// Strane će 2020. godine obeležiti…: the year's date right after
		// the future that undertakes is the year it is set in (after a
		// preposition, iz 2010. godine, it is another's)
		for _, c := range st.cues {
			i := c.End
			if !c.Kind.has(cFirm|cIntent) || i+2 >= len(st.ws) || yearOf(&st.ws[i]) == 0 {
				continue
			}
			if st.ws[i+1].Key == "." && strings.HasPrefix(st.ws[i+2].Key, "godin") {
				return st.cue("deadline", i, i+3)
			}
		}
		if d := x.yearAfterUndertaking(st); d != nil {
			return d
		}
	}
	return nil
}

// closesPeriod reports whether a deadline phrase is the second year of a
// period opened just before it (od 2025. do 2028. godine, from 2025 to 2028).
func (x *Spaced) closesPeriod(st *sentence, m phraseMatch) bool {
	i := m.Start - 1
	if i >= 0 && st.ws[i].Key == "." {
		i--
	}
	if i < 1 || yearOf(&st.ws[i]) == 0 {
		return false
	}
	return x.spanOpen.has(&st.ws[i-1])
}

// datesInstrument reports whether a deadline phrase follows a participle
// of signing or adoption ([reference-year-lead]), with at most a place
// between (Sporazum potpisan u Bakuu u maju 2019. godine): it dates the
// cited instrument, it sets no time limit.
func (x *Spaced) datesInstrument(st *sentence, m phraseMatch) bool {
	i := m.Start - 1
	if i >= 2 && st.ws[i].Upper && !st.ws[i].Punct && x.prep.has(&st.ws[i-1]) {
		i -= 2 // the place of signing
	}
	if i < 0 || st.ws[i].Punct || x.prep.has(&st.ws[i]) {
		return false // a preposition among the leads (od) dates nothing here
	}
	e, ok := x.refs.yearLeads.longestAt(st.ws, i)
	return ok && e.End == i+1 && !x.futurePassiveBefore(st, i)
}

// futurePassiveBefore reports whether the future's auxiliary ([future-passive])
// ends right before word i (koji će biti potpisan…): the participle there is
// a thing still to be done, and a deadline after it is that thing's time limit.
func (x *Spaced) futurePassiveBefore(st *sentence, i int) bool {
	if x.willBe == nil {
		return false
	}
	for k := max(i-3, 0); k < i; k++ {
		if m, ok := x.willBe.longestAt(st.ws, k); ok && m.End == i {
			return true
		}
	}
	return false
}

// yearAfterUndertaking finds, later in a commitment's clause, the year's date
// that sets it (Peti samit biće održan u Beogradu 2026. godine; Strane će
// organizovati forum u Milanu 2025. godine): a bare year, not after a
// preposition (iz 2010. godine), a month (a full date: the day something was
// done) or a participle of signing (a cited instrument's year).
func (x *Spaced) yearAfterUndertaking(st *sentence) *entente.Cue {
	from := -1
	for _, c := range st.cues {
		if c.Kind.has(cFirm | cIntent) {
			from = c.End
			break
		}
	}
	if x.willBe != nil {
		for k := 0; k < len(st.ws) && (from < 0 || k < from); k++ {
			if m, ok := x.willBe.longestAt(st.ws, k); ok {
				from = m.End
				break
			}
		}
	}
	if from < 0 {
		return nil
	}
	for i := from; i+2 < len(st.ws); i++ {
		w := &st.ws[i]
		if w.Punct && w.Key != "." {
			return nil // the clause ends: a year past it is another's
		}
		if yearOf(w) == 0 || st.ws[i+1].Key != "." || !strings.HasPrefix(st.ws[i+2].Key, "godin") || i == 0 {
			continue
		}
		p := &st.ws[i-1]
		if p.Digits || p.Punct || x.prep.has(p) || x.monthOf(p) > 0 {
			continue
		}
		if _, lead := x.refs.yearLeads.longestAt(st.ws, i-1); lead {
			continue
		}
		return st.cue("deadline", i, i+3)
	}
	return nil
}

// finalDeadline finds a time of [deadline-final] that ends the sentence
// (… will be held in Hanoi in 2025.), or that only a phrase of manner
// follows ([deadline-final-manner]: … in 2028 with a programme of events):
// the time the undertaking is set for.
// After a narrative verb (signed in 2019, launched in 2023) it dates what
// was done, no deadline.
func (x *Spaced) finalDeadline(st *sentence) *entente.Cue {
	if x.finalDeadlines == nil {
		return nil
	}
	n := len(st.ws)
	for n > 0 && st.ws[n-1].Punct {
		n--
	}
	for m, ok := x.finalDeadlines.next(st.ws, 0, nil); ok; m, ok = x.finalDeadlines.next(st.ws, m.End, nil) {
		if m.End != n && (m.End > n || !x.finalManner.has(&st.ws[m.End]) && !x.nextVerbAfter(st, m.End, n) && !x.datesArranged(st, m.End)) {
			continue
		}
		// a full date after a preposition (odluke od 8. maja…) or a
		// participle of signing (potpisan u Rabatu 8. maja…) dates
		// another thing, not the undertaking
		if m.Start > 0 && x.prep.has(&st.ws[m.Start-1]) || x.datesInstrument(st, m) {
			return nil
		}
		for _, c := range st.cues {
			if c.Kind.has(cNarrative) && c.End >= m.Start-1 && c.End <= m.Start+1 {
				return nil
			}
		}
		return st.cue("deadline", m.Start, m.End)
	}
	return nil
}

// datesArranged reports whether a comma at i opens a phrase that leaves
// the dates to be fixed ([deadline-final-arranged]: in 2028, | on dates to
// be agreed through diplomatic channels): the time before it is still the
// one the undertaking is set for.
func (x *Spaced) datesArranged(st *sentence, i int) bool {
	if x.finalArranged == nil || i+1 >= len(st.ws) || !st.ws[i].Punct || st.ws[i].Key != "," {
		return false
	}
	_, ok := x.finalArranged.longestAt(st.ws, i+1)
	return ok
}

// nextVerbAfter reports whether a joining word ([deadline-final-join]:
// and) at i opens the parties' next verb (send a team in 2027 | and
// support…): a lowercase word, no figure, month, preposition or
// determiner (in 2026 and 2027, in 2026 and beyond, in 2026 and the year
// after name more time, not another deed), after a modal's clause.
func (x *Spaced) nextVerbAfter(st *sentence, i, n int) bool {
	if i+1 >= n || !x.finalJoin.has(&st.ws[i]) {
		return false
	}
	v := &st.ws[i+1]
	if v.Punct || v.Upper || v.Digits || x.numbers[v.Key] > 0 || x.monthOf(v) > 0 || x.prep.has(v) || x.det.has(v) {
		return false
	}
	// the clause the time ends undertakes: a modal's cue before it (will
	// send…), with no narrative verb after that (signed the agreement in
	// 2019 | and will implement it: the year dates what was done)
	modal := false
	for _, c := range st.cues {
		if c.End > i {
			break
		}
		if c.Kind.has(cModal) || c.Kind.has(sCommitTo) && x.verbFollows(st, c.End) {
			// (are committed to contribute towards… in December 2015 | and
			// intend to…: "committed to" an action undertakes as "will" does)
			modal = true
		} else if c.Kind.has(cNarrative) {
			modal = false
		}
	}
	return modal
}

// counted reports whether the words of match m hold a figure, a number
// word or a month: a time that can be counted, not an urgency (as soon
// as possible).
func (x *Spaced) counted(st *sentence, m phraseMatch) bool {
	for k := m.Start; k < m.End; k++ {
		w := &st.ws[k]
		if w.Digits || x.numbers[w.Key] > 0 || x.monthOf(w) > 0 {
			return true
		}
	}
	return false
}

// anchoredSpan extends a span of time that ends at word end over the event
// it is counted from (within six months | of the signature of this
// Memorandum), as the Chinese reader keeps 于本备忘录生效后三个月内 whole: the
// span alone would lose what it counts from. The event runs to the next
// punctuation or joining word, a dozen words at most.
//
// A meeting a deadline names (before the next session) keeps the body it
// is of: "of", determiners and the body's capitalised name (of the Joint
// Commission). The event ends before a purpose ([deadline-anchor-stop]:
// within ninety days of the adoption of this Declaration | to agree…).
func (x *Spaced) anchoredSpan(st *sentence, end int) int {
	if end <= 0 || end >= len(st.ws) || st.ws[end].Punct {
		return end
	}
	if x.events.has(&st.ws[end-1]) && st.ws[end].Key == "of" {
		k := end + 1
		for k < len(st.ws) && x.det.has(&st.ws[k]) && !st.ws[k].Upper {
			k++
		}
		n := k
		for k < len(st.ws) && k-end <= 12 && !st.ws[k].Punct && (st.ws[k].Upper || k > n && x.ents.inner.has(&st.ws[k]) && k+1 < len(st.ws) && st.ws[k+1].Upper) {
			k++
		}
		if k == n {
			return end
		}
		return k
	}
	// the anchor word after the span, or (three years after | the date of
	// its signature) closing the span's own phrase
	start := end + 1
	if !x.units.has(&st.ws[end-1]) || !x.anchors.has(&st.ws[end]) {
		if end < 2 || !x.anchors.has(&st.ws[end-1]) || !x.units.has(&st.ws[end-2]) {
			return end
		}
		start = end
	}
	k := start
	for k < len(st.ws) && k-end <= 12 && !st.ws[k].Punct && !x.joins.has(&st.ws[k]) {
		if x.anchorStops != nil {
			if _, ok := x.anchorStops.longestAt(st.ws, k); ok {
				break
			}
		}
		k++
	}
	if k == start || k-end > 12 {
		return end
	}
	return k
}
