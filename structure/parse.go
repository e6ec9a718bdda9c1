// Package structure reads the layout of a statement: its title, preamble,
// numbered articles, closing formula, signature block and datelines, and cuts
// the body into paragraphs and sentences. It knows the layout conventions of
// the genre, not the meaning of the words; the words it needs (title
// endings, closing formulas, offices) come from the language's cue table.
package structure

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente"
)

// Role is what a block of the text is.
type Role string

// Roles of blocks.
const (
	RoleTitle     Role = "title"
	RoleNews      Role = "news_dateline" // (新华社贝尔格莱德5月8日电)
	RoleHeading   Role = "heading"       // an unnumbered topic line
	RoleBody      Role = "body"
	RoleClosing   Role = "closing"
	RoleDateline  Role = "dateline" // 2019年7月23日于北京
	RoleSignature Role = "signature"
	RoleMeta      Role = "meta" // a release line or end mark (For Immediate Release, ###)
)

// Block is one paragraph or metadata line of the document, in order.
type Block struct {
	Role    Role
	Section string // the section of a body or closing block
	Marker  string // the numbering or list marker that opened it
	Text    string // the text, lines joined, without the marker
	Line    int    // the line it starts on, from 1
	// at is 1 + the byte offset of Text in Layout.Text when Text stands
	// there as it is (one line, no space squeezed), else 0
	at int
	// written is Text as the twin text writes it (ParseTwinInto), made by
	// the same joins and squeezes, when at is 0 and wok
	written string
	wok     bool
}

// Sentence is a sentence of the body as the layout gives it.
type Sentence struct {
	Section   string
	Paragraph int    // index of its body block
	Marker    string // the paragraph's marker, on the paragraph's first sentence
	ListItem  bool   // the paragraph opens with a list marker
	First     bool   // first sentence of its paragraph
	Text      string
	// Start and End are the byte offsets of Text in Layout.Text when it
	// stands there as it is (Text == Layout.Text[Start:End]): a sentence
	// within one line, whose spaces the layout left alone. Both are -1
	// for a sentence the layout made by joining lines or squeezing
	// spaces. A reader that maps the text character by character (zh-Hant
	// to Simplified) finds each sentence in its own text by them.
	Start, End int
	// Written is Text as the twin text given to ParseTwinInto writes it
	// (the bytes at the same places, lines joined and spaces squeezed
	// alike), "" without a twin.
	Written string
}

// Signatory is a signature as laid out: the office line and the name line,
// and the line naming whom the signatory signs for (For the Republic of
// Serbia), where a spaced block gives one.
type Signatory struct {
	Title string
	Name  string
	For   string
}

// Layout is a parsed document.
type Layout struct {
	// Text is the text the layout read: the input itself, or a copy made
	// valid UTF-8 in NFC with \n line ends when it was not.
	Text  string
	Title string
	// TitleWritten is Title as the twin text given to ParseTwinInto
	// writes it, "" without a twin
	TitleWritten string
	Blocks       []Block
	Sections     []entente.Section
	Sentences    []Sentence
	Signatories  []Signatory
	SignedDate   string // ISO 8601, "" when the text gives none
	SignedPlace  string
	// SignedDateSource says where SignedDate was read (DateFrom…).
	SignedDateSource string
	NewsDateline     string
	Closing          []string // the closing formula's sentences
}

// Vocabulary is the words of a language that the layout depends on.
type Vocabulary struct {
	TitleEndings []string // endings of a document's title (联合声明, 协定)
	Closing      []string // words of a closing formula (一式两份, 同等作准)
	Offices      []string // words of a signatory's office (主席, 总统)
	// SignsFor are the words that open a spaced signature block's line
	// naming whom a signatory signs for (For, On behalf of, Za)
	SignsFor     []string
	NewsAgencies []string // agencies whose datelines frame a report (新华社)
	Subjects     []string // words that open a sentence, never a heading (双方)
	// NoSurname are words that may open a sentence and never follow an
	// initial as a surname (The, We, Both): after a capital letter alone
	// and its stop they open the next sentence (… on Corridor X. The EU …)
	NoSurname []string
	// EndsAt are the words before a date that make it the day a text
	// ends, not the day it was signed (有效期至2030年12月31日)
	EndsAt []string

	// Spaced scripts (English, Serbian): see latin.go.
	TitleWords []string // words naming a document's kind anywhere in a title (Joint Statement)
	MetaLines  []string // lines that are press-release chrome, lower case (for immediate release)
	// Date finds a date of signing in a line; nil reads Chinese dates.
	Date func(s string) (Date, bool)
	// Place reads the place of signing around a date found by Date.
	Place func(s string, d Date) string
	// RecitalsRunOn: a paragraph ending in a semicolon (a recital of a
	// treaty-style preamble) runs on into the next unnumbered one.
	RecitalsRunOn bool
	// LeadDateline returns the length in bytes of a dateline that opens
	// a paragraph (BELGRADE, May 8, 2024 –), or 0.
	LeadDateline func(s string) int
}

// Parse reads the layout of a plain-text statement. It never fails: any
// text yields a layout, and every character of the text ends up in exactly
// one block.
func Parse(text string, v Vocabulary) *Layout {
	return ParseWith(text, v, nil)
}

// ParseWith is Parse with working memory kept from an earlier parse (nil:
// made anew). The layout never points into it, so the caller may hand it
// to the next parse at once; one parse at a time may use it.
func ParseWith(text string, v Vocabulary, b *Buffers) *Layout {
	return parseWith(text, v, b, false)
}

// ParseInto is ParseWith for a reader that reads the layout's blocks and
// sentences while it reads the document and keeps neither: they are made
// in b, and hold until the next parse through b or b.Reset, which the
// reader calls when it is done with the layout. Everything else of the
// layout (its sections, signatories, closing, every string) is its own.
func ParseInto(text string, v Vocabulary, b *Buffers) *Layout {
	return parseWith(text, v, b, b != nil)
}

// ParseTwinInto is ParseInto for a text read through a twin: written is a
// text aligned with text byte for byte, the same but for characters that
// stand for one another with the same length and that the layout treats
// alike (a Traditional Chinese text and its character-for-character
// Simplified mapping: Han characters for Han characters). The layout is
// read from text, and each sentence is also given as written writes it
// (Sentence.Written), by the same offsets, joins and squeezes, so that the
// reader need not look for it. A text the layout must rewrite first (not
// valid NFC with \n line ends), or a twin of another length, gives no
// Written.
func ParseTwinInto(text, written string, v Vocabulary, b *Buffers) *Layout {
	return parseTwin(text, written, v, b, b != nil)
}

func parseWith(text string, v Vocabulary, b *Buffers, lent bool) *Layout {
	return parseTwin(text, "", v, b, lent)
}

func parseTwin(text, written string, v Vocabulary, b *Buffers, lent bool) *Layout {
	p := &parser{v: v, buf: b, reused: b != nil, lent: lent}
	if b == nil {
		p.buf = &Buffers{} // the layout may keep the blocks' slice: no one else will
	}
	in := text
	text, p.lines = splitLines(text, p.buf.lines[:0])
	if written != "" && len(written) == len(in) && text == in { // (the same string: no bytes compared)
		p.written = written
	}
	p.out.Text = text
	p.out.Blocks = p.buf.blocks[:0]
	return p.parse()
}

type line struct {
	text string
	no   int
	at   int // byte offset of text in the text read
	// the marker that opens the line, read once (the layout asks of a
	// line several times: titles, the articles' style, headings)
	mark   marker
	marked bool
}

// splitLines normalises the text (NFC, line ends) and returns it with its
// non-empty lines, trimmed, with their line numbers and offsets.
func splitLines(text string, out []line) (string, []line) {
	if !validStableNFC(text) { // nearly every statement is: one pass
		if !utf8.ValidString(text) { // the check is cheaper than ToValidUTF8's decoding
			text = strings.ToValidUTF8(text, "\uFFFD")
		}
		if !stableNFC(text) {
			text = norm.NFC.String(text)
		}
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	rest := text
	for no := 1; ; no++ { // as strings.Split(text, "\n"), without the slice of every line
		l, after, more := strings.Cut(rest, "\n")
		at := len(text) - len(rest) + len(l) - len(trimLead(l))
		if l = trimSpaces(l); l != "" {
			m, ok := readMarker(l)
			if !ok && len(out) > 0 {
				m, ok = gluedDash(l, out[len(out)-1])
			}
			out = append(out, line{text: l, no: no, at: at, mark: m, marked: ok})
		}
		if !more {
			return text, out
		}
		rest = after
	}
}

// gluedDash reads a dash stuck to its item's first word (-uverenja da…) as
// the list marker of the dashed list the line before opens ("- poštovanja…,"):
// a copy that dropped the space after one dash of a list. A dash glued to a
// word anywhere else is the text's own (a hyphen, a minus).
func gluedDash(l string, prev line) (marker, bool) {
	if !prev.marked || prev.mark.Style != numNone || strings.TrimSpace(prev.mark.Text) != "-" || !strings.HasPrefix(l, "-") {
		return marker{}, false
	}
	if r, _ := utf8.DecodeRuneInString(l[1:]); !unicode.IsLetter(r) {
		return marker{}, false
	}
	return marker{Style: numNone, Text: "-", Rest: l[1:]}, true
}

// atOf is Block.at for a suffix of the line's text.
func (l line) atOf(suffix string) int {
	return 1 + l.at + len(l.text) - len(suffix)
}

type parser struct {
	v        Vocabulary
	lines    []line
	out      Layout
	trailing []Block // end marks below the text (###), added after the tail
	buf      *Buffers
	reused   bool // buf is the caller's, for the next parse
	lent     bool // the layout's blocks and sentences are buf's (ParseInto)
	// written is the twin of the text (ParseTwinInto), "" without one
	written string
	// whole holds the words the text writes, in lower case, read when a
	// line first ends in a broken word (softHyphen)
	whole map[string]bool
	// issued says the date and place of signing so far are a spaced
	// statement's dateline (Рим, 11. новембар 2024.): the place of issue,
	// which the closing formula's place of signing, on that date, replaces
	issued bool
}

// squeezed gives a block the text t its text squeezes to, and squeezes
// its twin alike (squeeze decides by spaces and CJK characters, which the
// twins have at the same places).
func (p *parser) squeezed(b *Block, t string) {
	if w, ok := p.blockWritten(b); ok {
		b.written = squeeze(w)
		b.wok = len(b.written) == len(t)
	}
	b.Text, b.at = t, 0
}

// blockWritten returns b's text as the twin writes it, and whether it is
// known: the twin's bytes at b's offset, or what joins and squeezes made.
func (p *parser) blockWritten(b *Block) (string, bool) {
	if p.written == "" {
		return "", false
	}
	if b.at > 0 {
		return p.written[b.at-1 : b.at-1+len(b.Text)], true
	}
	return b.written, b.wok
}

func (p *parser) parse() *Layout {
	lines := p.lines
	lines = p.takeMeta(lines)
	lines = p.takeLeadingDate(lines)
	lines = p.takeLeadingNews(lines)
	if rest, ok := p.takeLatinTitle(lines); ok {
		lines = rest
	} else {
		lines = p.takeTitle(lines)
	}
	lines = p.takeTitleDateline(lines)
	lines, tail := p.splitTail(lines)
	top := topStyle(lines)

	section := entente.SectionPreamble
	seen := map[string]bool{}
	var cur Block // the paragraph being read, when open (a value: no allocation per paragraph)
	open := false
	flush := func() {
		if open {
			if t := squeeze(cur.Text); t != cur.Text {
				p.squeezed(&cur, t)
			}
			if cur.Text != "" || cur.Marker != "" {
				p.out.Blocks = append(p.out.Blocks, cur)
			}
			open = false
		}
	}
	skip := -1 // a line already read as the title of the section above it
	for i, l := range lines {
		if i == skip {
			continue
		}
		text := l.text
		m, hasMarker := l.mark, l.marked
		if isPageNumber(text) || !hasMarker && p.v.Date != nil && isStamp(text) {
			// 2023-05-17 21:30 under a title: a publication stamp
			flush()
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleMeta, Text: text, Line: l.no})
			continue
		}
		opens := !open || (endsComplete(cur.Text) && !p.runsOn(&cur, lines, i)) || hasMarker || p.isHeading(cur.Text, text) ||
			i > 0 && p.endsUnstopped(cur.Text, lines[i-1], l)
		if !opens {
			soft := p.softHyphen(cur.Text, text)
			if w, ok := p.blockWritten(&cur); ok {
				// the line's twin, joined as joinLines joins the text
				// (by whether the runes at the joint are CJK: the
				// twins' are alike)
				cur.written = joinLinesAt(w, p.written[l.at:l.at+len(l.text)], soft)
				cur.wok = true
			}
			cur.Text, cur.at = joinLinesAt(cur.Text, text, soft), 0
			cur.wok = cur.wok && len(cur.written) == len(cur.Text)
			continue
		}
		flush()
		if news := p.newsDateline(text); news != "" {
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleNews, Text: news, Line: l.no})
			p.out.NewsDateline = news
			text = trimLead(text[len(news):])
			if text == "" {
				continue
			}
			m, hasMarker = readMarker(text)
		}
		if hasMarker && m.Style == top && m.Style != numNone {
			section = m.id()
			if !seen[section] {
				seen[section] = true
				p.out.Sections = append(p.out.Sections, entente.Section{ID: section, Heading: m.Label})
			}
			rest := m.Rest
			// 一、政治互信 on its own line: the article's title, not a sentence;
			// and 一、加强政治对话，促进政治互信 or "I. Strengthening political
			// dialogue" over items of their own (1., 2.): the title of those.
			if rest != "" && !endsComplete(rest) && i+1 < len(lines) && p.isSectionTitle(rest, l, lines[i+1], top) && !p.startsWithSubject(rest) {
				if next := lines[i+1]; !next.marked || next.mark.Style != top {
					p.out.Sections[len(p.out.Sections)-1].Title = squeeze(rest)
					p.out.Blocks = append(p.out.Blocks, Block{Role: RoleHeading, Section: section, Marker: m.Text, Text: squeeze(rest), Line: l.no})
					continue
				}
			}
			// Article 1 | Objective: a title on the line under a bare number
			if rest == "" && i+1 < len(lines) && !lines[i+1].marked && p.titleUnder(lines, i+1) {
				next := lines[i+1]
				p.out.Sections[len(p.out.Sections)-1].Title = squeeze(next.text)
				p.out.Blocks = append(p.out.Blocks,
					Block{Role: RoleHeading, Section: section, Marker: m.Text, Line: l.no},
					Block{Role: RoleHeading, Section: section, Text: squeeze(next.text), Line: next.no})
				skip = i + 1
				continue
			}
			cur, open = Block{Role: RoleBody, Section: section, Marker: m.Text, Text: rest, Line: l.no, at: l.atOf(rest)}, true
			continue
		}
		// 第一章　总则 over articles of their own: the chapter's heading, no
		// sentence and no section (the articles number on through the chapters)
		if hasMarker && m.Style == numChapter && top != numChapter && !endsComplete(m.Rest) {
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleHeading, Section: section, Marker: m.Text, Text: squeeze(m.Rest), Line: l.no})
			continue
		}
		if latin := isLatinText(text); !hasMarker && ((latin && p.isLatinHeading(text, lines, i)) || (!latin && (p.isStandaloneHeading(text, lines, i) || p.isParagraphHeading(text, lines, i)))) {
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleHeading, Section: section, Text: squeeze(text), Line: l.no})
			continue
		}
		if hasMarker {
			cur, open = Block{Role: RoleBody, Section: section, Marker: m.Text, Text: m.Rest, Line: l.no, at: l.atOf(m.Rest)}, true
			continue
		}
		cur, open = Block{Role: RoleBody, Section: section, Text: text, Line: l.no, at: l.atOf(text)}, true
	}
	flush()
	p.markClosing()
	p.readTail(tail)
	p.out.Blocks = append(p.out.Blocks, p.trailing...)
	p.sentences()
	p.dateFromNews()
	switch {
	case p.lent:
		p.buf.lend(p.lines, p.out.Blocks, p.out.Sentences)
		if len(p.out.Blocks) == 0 {
			p.out.Blocks = nil // as Parse gives it
		}
	case p.reused: // the buffers go to the next parse: the blocks are copied out
		grown := p.out.Blocks
		p.out.Blocks = slices.Clip(append([]Block(nil), grown...)) // (nil when there is none, as before)
		p.buf.lend(p.lines, grown, nil)
		p.buf.Reset()
	}
	return &p.out
}

// takeLeadingNews removes an agency dateline standing on its own above the
// title, and splits one that opens the first paragraph (新华社北京5月8日电 …).
func (p *parser) takeLeadingNews(lines []line) []line {
	if len(lines) == 0 {
		return lines
	}
	if news := p.newsDateline(lines[0].text); news != "" && news == lines[0].text {
		p.out.Blocks = append(p.out.Blocks, Block{Role: RoleNews, Text: news, Line: lines[0].no})
		p.out.NewsDateline = news
		return lines[1:]
	}
	return lines
}

// newsDateline returns the agency dateline that the line is or opens with.
func (p *parser) newsDateline(s string) string {
	t := strings.TrimLeft(s, "(（【[")
	agency := false
	for _, a := range p.v.NewsAgencies {
		if strings.HasPrefix(t, a) {
			agency = true
			break
		}
	}
	if !agency {
		if p.v.LeadDateline != nil {
			if n := p.v.LeadDateline(s); n > 0 && n <= len(s) {
				return trimTrail(s[:n])
			}
		}
		return ""
	}
	i := strings.Index(s, "电")
	if i < 0 && strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && !runesOver(s, 60) {
		// (Xinhua, Belgrade, May 8): an agency's dateline in brackets
		// under a translated statement, the whole line
		return s
	}
	if i < 0 || runesOver(s[:i], 30) {
		return ""
	}
	end := i + len("电")
	for end < len(s) {
		r, w := utf8.DecodeRuneInString(s[end:])
		if r != ')' && r != '）' && r != '】' && r != ']' {
			break
		}
		end += w
	}
	return s[:end]
}

// takeTitle takes the title from the top: up to three unpunctuated lines,
// ending with a document kind (…联合声明), or a single short unpunctuated
// first line.
func (p *parser) takeTitle(lines []line) []line {
	var parts []string
	for i := 0; i < len(lines) && i < 3; i++ {
		t := lines[i].text
		if endsComplete(t) || containsAnyOf(t, "，。") {
			break
		}
		if lines[i].marked {
			break
		}
		parts = append(parts, t)
		if p.endsWithTitleEnding(t) {
			p.setTitle(lines[:i+1], parts)
			return lines[i+1:]
		}
	}
	if len(lines) > 1 && !endsComplete(lines[0].text) && !containsAnyOf(lines[0].text, "，。") &&
		!runesOver(lines[0].text, 80) && !p.startsWithSubject(lines[0].text) {
		if !lines[0].marked {
			p.setTitle(lines[:1], []string{lines[0].text})
			return lines[1:]
		}
	}
	return lines
}

func (p *parser) setTitle(lines []line, parts []string) {
	p.out.Title = titleOf(parts)
	if p.written != "" {
		// the twin's lines, made a title alike (by spaces and CJK
		// characters, which the twins have at the same places)
		wp := make([]string, len(lines))
		for i, l := range lines {
			wp[i] = p.written[l.at : l.at+len(l.text)]
		}
		if w := titleOf(wp); len(w) == len(p.out.Title) {
			p.out.TitleWritten = w
		}
	}
	for _, l := range lines {
		p.out.Blocks = append(p.out.Blocks, Block{Role: RoleTitle, Text: l.text, Line: l.no})
	}
}

// titleOf makes a title of its lines' texts: joined without their spaces,
// or, in a Latin script, with one space between words.
func titleOf(parts []string) string {
	title := strings.Join(parts, "")
	// A title in a Latin script keeps its spaces.
	if !strings.ContainsFunc(title, isCJK) {
		return squeeze(strings.Join(parts, " "))
	}
	var b strings.Builder
	for _, r := range title {
		if !isSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (p *parser) endsWithTitleEnding(s string) bool {
	s = strings.TrimRight(s, " \u3000")
	for _, e := range p.v.TitleEndings {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

func (p *parser) startsWithSubject(s string) bool {
	for _, w := range p.v.Subjects {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	// X方 as the first word (the second character, and a third after it)
	_, w1 := utf8.DecodeRuneInString(s)
	r2, w2 := utf8.DecodeRuneInString(s[w1:])
	return r2 == '方' && len(s) > w1+w2
}

// opensWithSubject reports whether a line of a spaced script opens with
// one of the words that name every party (the two sides, strane), in any
// case and either Serbian script, as a word of its own.
func (p *parser) opensWithSubject(s string) bool {
	head := s
	if len(head) > 64 {
		head = head[:64]
	}
	head = entente.LowerLatin(head)
	for _, w := range p.v.Subjects {
		if rest, ok := strings.CutPrefix(head, strings.ToLower(w)); ok && w != "" {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// isHeading reports whether prev, an unpunctuated line, is a heading rather
// than a sentence broken before next.
func (p *parser) isHeading(prev, next string) bool {
	return prev != "" && !hasClausePunct(prev) && !runesOver(prev, 20) && !p.startsWithSubject(prev) &&
		p.startsWithSubject(next)
}

// isSectionTitle reports whether the text after a section's marker, with no
// final punctuation, is the section's title: short and without a clause's
// punctuation (a Latin title's words are longer: 一、政治互信, "I. Political
// Relations"), or a longer topic line when items of a lower level follow it.
func (p *parser) isSectionTitle(rest string, cur, next line, top numStyle) bool {
	short, long := 20, 40
	latin := isLatinText(rest)
	if latin {
		short, long = 60, 120
	}
	if !hasClausePunct(rest) && !runesOver(rest, short) {
		return true
	}
	// "3. Ekonomska saradnja, energetika i infrastruktura": in a spaced
	// script a sentence ends in its mark, so a numbered line with commas
	// but no end, set apart by a blank line from a paragraph that opens
	// with a capital, is the article's title; a recital or an item ends in
	// a comma or a semicolon, a lead-in in a colon, a wrapped line in a
	// function word, and each runs on
	if latin && next.no > cur.no+1 && !runesOver(rest, long) && !strings.ContainsAny(rest, ":;") && !strings.HasSuffix(rest, ",") {
		words := strings.Fields(rest)
		nr, _ := utf8.DecodeRuneInString(next.text)
		if len(words) > 0 && !functionWords[strings.ToLower(words[len(words)-1])] && unicode.IsUpper(nr) {
			return true
		}
	}
	return next.marked && next.mark.Style != top && !runesOver(rest, long)
}

// isStandaloneHeading reports whether a line is an unnumbered topic line:
// short, with no punctuation, not opening with a party, and followed by a
// line that starts a paragraph of its own.
func (p *parser) isStandaloneHeading(text string, lines []line, i int) bool {
	if hasClausePunct(text) || endsComplete(text) || runesOver(text, 20) || p.startsWithSubject(text) {
		return false
	}
	if i+1 >= len(lines) {
		return false
	}
	if lines[i+1].marked {
		return true
	}
	next := lines[i+1].text
	return p.startsWithSubject(next) || !runesOver(text, 12)
}

// isParagraphHeading reports whether a line is a longer unnumbered topic
// line standing as a paragraph of its own: a blank line before and after
// it, the paragraph before it complete and the one after it a whole
// sentence, no clause punctuation (a list's 、 may join its topics), and
// neither a word that leaves a phrase open at its end nor one that carries
// on a phrase at the start of the next paragraph (a sentence broken across
// a blank line reads so). 通过创新、可持续发展和数字化转型促进包容性经济增长 |
// 促进印太及其他地区的和平与稳定, over paragraphs that open with a leader.
func (p *parser) isParagraphHeading(text string, lines []line, i int) bool {
	if i == 0 || i+1 >= len(lines) || hasClausePunct(text) || endsComplete(text) || runesOver(text, 40) || p.startsWithSubject(text) {
		return false
	}
	prev, cur, next := lines[i-1], lines[i], lines[i+1]
	if prev.no >= cur.no-1 || next.no <= cur.no+1 || next.marked || !endsComplete(prev.text) || !endsComplete(next.text) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	first, _ := utf8.DecodeRuneInString(next.text)
	return !strings.ContainsRune(openEnds, last) && !strings.ContainsRune(carryOns, first)
}

// openEnds end no heading: a phrase left open (的, 和, 在…) runs on.
const openEnds = "的和与及或在对将把被向从等并而之以为于同跟让使由"

// carryOns open no paragraph after a heading: they carry a phrase on.
const carryOns = "的和与及或等并而之了着地得以于、"

// splitTail takes from the end the lines that are not body: signature
// block, dateline, agency dateline. They carry no final punctuation.
func (p *parser) splitTail(lines []line) (body, tail []line) {
	end := len(lines)
	for end > 0 {
		t := lines[end-1].text
		if endsComplete(t) && !(p.v.Date != nil && (p.isDatelineLine(t) || p.namesLine(lines, end-1))) {
			break
		}
		if p.newsDateline(t) == t || p.isDatelineLine(t) || p.signatureTail(lines, end-1) || p.placeAbove(lines, end-1) {
			end--
			continue
		}
		break
	}
	return lines[:end], lines[end:]
}

// titleUnder reports whether line i, under a section's bare number, is
// the section's title: a heading by the language's layout.
// A spaced script's title may list with commas there (Entry into Force,
// Duration and Termination), which a heading elsewhere does not.
func (p *parser) titleUnder(lines []line, i int) bool {
	t := lines[i].text
	if !isLatinText(t) {
		return p.isStandaloneHeading(t, lines, i)
	}
	if p.isLatinHeading(t, lines, i) {
		return true
	}
	if i+1 >= len(lines) || endsComplete(t) || strings.HasSuffix(t, ",") || strings.ContainsAny(t, ";:") || runesOver(t, 100) {
		return false
	}
	words := strings.Fields(t)
	first, _ := utf8.DecodeRuneInString(t)
	if len(words) > 12 || !unicode.IsUpper(first) || functionWords[strings.ToLower(words[len(words)-1])] {
		return false
	}
	next, _ := utf8.DecodeRuneInString(lines[i+1].text)
	return lines[i+1].marked || unicode.IsUpper(next)
}

// placeAbove reports whether line i of a spaced-script text is a place
// set on its own over a dateline that gives no place (New Delhi | 1 August
// 2024): a few capitalised words without a mark at their end.
func (p *parser) placeAbove(lines []line, i int) bool {
	if p.v.Date == nil || i+1 >= len(lines) || !p.isDatelineLine(lines[i+1].text) {
		return false
	}
	t := lines[i].text
	if d, ok := p.findDate(lines[i+1].text); !ok || p.placeOf(lines[i+1].text, d, true) != "" {
		return false
	}
	f := strings.Fields(t)
	if len(f) == 0 || len(f) > 3 || runesOver(t, 30) || endsComplete(t) || strings.ContainsAny(t, ":;") {
		return false
	}
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isDateline reports whether a line is a bare date and place of signing.
func (p *parser) isDatelineLine(s string) bool {
	maxLen, maxRest, spaced := 40, 25, p.v.Date != nil
	if spaced { // Belgrade, 8 May 2024 / Done at Belgrade on 8 May 2024.
		maxLen, maxRest = 70, 40
	}
	if runesOver(s, maxLen) || spaced && p.opensWithSubject(s) {
		// a sentence whose subject is the parties (The two sides will
		// exchange notes by May 8, 2025.) is no dateline, however short
		return false
	}
	d, ok := p.findDate(s)
	if !ok || (endsComplete(s) && !(spaced && strings.HasSuffix(s, "."))) {
		return false
	}
	rest := []rune(s)
	return len(rest)-(d.End-d.Start) <= maxRest
}

// findDate finds a date with the language's reader, or a Chinese date.
func (p *parser) findDate(s string) (Date, bool) {
	if p.v.Date != nil {
		return p.v.Date(s)
	}
	d, ok := findDate(s)
	return Date{ISO: d.ISO(), Start: d.Start, End: d.End}, ok
}

// placeOf reads the place beside a date with the language's reader, or as
// Chinese writes it: on a dateline before or after the date, in a closing
// formula after 于 or 在.
func (p *parser) placeOf(s string, d Date, dateline bool) string {
	if p.v.Place != nil {
		return p.v.Place(s, d)
	}
	if dateline {
		return datelinePlace(s, date{Start: d.Start, End: d.End})
	}
	return placeAfterDate(s, date{Start: d.Start, End: d.End})
}

// setSignedISO records the first date of signing found, with its place
// and where it was read.
func (p *parser) setSignedISO(iso, place, source string) {
	if p.out.SignedDate != "" {
		return
	}
	p.out.SignedDate, p.out.SignedPlace, p.out.SignedDateSource = iso, place, source
}

// isDateline reports whether a line is a bare Chinese date and place.
func isDateline(s string) bool {
	d, ok := findDate(s)
	if !ok || runesOver(s, 40) || endsComplete(s) {
		return false
	}
	return len([]rune(s))-(d.End-d.Start) <= 25
}

func (p *parser) isOfficeLine(s string) bool {
	if runesOver(s, 80) || containsAnyOf(s, "，。；") {
		return false
	}
	for _, w := range p.v.Offices {
		if strings.Contains(s, w) {
			return true
		}
	}
	return strings.Contains(s, "签字") || strings.Contains(s, "签名")
}

// isNameLine reports whether a line holds only names (习近平 阿莱克桑达尔·武契奇),
// next to an office line of the signature block.
//
// A field holds a name or the body a column signs for, which may be a
// ministry or commission named in full with its country (中华人民共和国国家
// 发展和改革委员会, seventeen characters); columns set side by side are
// measured without the spaces between them.
func (p *parser) isNameLine(s string, lines []line, i int) bool {
	fs := strings.FieldsFunc(s, isSpace)
	if containsAnyOf(s, "，。；：、") || runesOver(strings.Join(fs, ""), 48) {
		return false
	}
	for _, f := range fs {
		if runesOver(f, 24) {
			return false
		}
	}
	near := func(j int) bool { return j >= 0 && j < len(lines) && p.isOfficeLine(lines[j].text) }
	return near(i-1) || near(i+1)
}

// signatureTail reports whether a line at the end belongs to the signature
// block: in a spaced script one of columns and names (signatures.go), else
// a line of offices or of names beside one.
func (p *parser) signatureTail(lines []line, i int) bool {
	if p.v.Date != nil {
		return p.signatureLine(lines, i)
	}
	return p.isOfficeLine(lines[i].text) || p.isNameLine(lines[i].text, lines, i)
}

// readTail reads the signature block and datelines.
func (p *parser) readTail(tail []line) {
	var offices, names, block []string
	var fields [][]string // the Chinese block's fields, line by line
	place := ""           // a place on its own line over the dateline
	for i, l := range tail {
		t := l.text
		switch {
		case p.newsDateline(t) == t:
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleNews, Text: t, Line: l.no})
			p.out.NewsDateline = t
		case p.placeAbove(tail, i):
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleDateline, Text: t, Line: l.no})
			place = t
		case p.isDatelineLine(t):
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleDateline, Text: t, Line: l.no})
			if d, ok := p.findDate(t); ok {
				at := p.placeOf(t, d, true)
				if at == "" {
					at = place
				}
				p.setSignedISO(d.ISO, at, DateFromTail)
			}
		default:
			p.out.Blocks = append(p.out.Blocks, Block{Role: RoleSignature, Text: t, Line: l.no})
			if p.v.Date != nil {
				block = append(block, t)
				continue
			}
			// A field is an office (中华人民共和国主席) or a name (习近平):
			// the block may set them in columns, in alternating lines, or
			// side by side on one line.
			fs := strings.FieldsFunc(t, isSpace)
			fields = append(fields, fs)
			for _, f := range fs {
				if p.isOfficeLine(f) {
					offices = append(offices, f)
				} else {
					names = append(names, f)
				}
			}
		}
	}
	if paired := p.pairedSignatories(fields); len(paired) > 0 {
		p.out.Signatories = append(p.out.Signatories, paired...)
	} else if cols := p.headedColumns(fields); len(cols) > 0 {
		p.out.Signatories = append(p.out.Signatories, cols...)
	} else {
		for i := 0; i < len(offices) && i < len(names); i++ {
			p.out.Signatories = append(p.out.Signatories, Signatory{Title: offices[i], Name: names[i]})
		}
	}
	if len(block) > 0 {
		p.out.Signatories = append(p.out.Signatories, readSpacedSignatures(p, block)...)
	}
}

// pairedSignatories reads a Chinese block whose signatories each stand as
// an office followed by a name on one line (外交部部长 林佳龙, two to a line
// where the block has columns): that office is the title. The block's
// first line, when it is no such line and has a field for each signatory
// of the line (中华民国政府　巴拉圭共和国政府, over a line of 代表), says whom
// each signs for; its office words (政府) and the 代表 line are no title.
// It returns nothing for a block of offices over names, read by column.
func (p *parser) pairedSignatories(lines [][]string) []Signatory {
	if len(lines) == 0 {
		return nil
	}
	var out []Signatory
	// the first line is the parties' when a later line pairs a field of it
	// to each column's office and name, even where it reads as an office
	// and a name itself (驻美国台北经济文化代表处　美国在台协会)
	headLine := func(fs []string) bool {
		return len(fs) >= 4 && len(lines[0]) == len(fs)/2
	}
	last := lines[len(lines)-1]
	partiesFirst := len(lines) >= 3 && p.officeNamePairs(last) && headLine(last)
	for i, fs := range lines {
		if !p.officeNamePairs(fs) || i == 0 && partiesFirst {
			continue
		}
		var head []string
		if i > 0 && len(lines[0]) == len(fs)/2 && (partiesFirst || !p.officeNamePairs(lines[0])) {
			head = lines[0]
		}
		for k := 0; k+1 < len(fs); k += 2 {
			s := Signatory{Title: fs[k], Name: fs[k+1]}
			if head != nil {
				s.For = head[k/2]
			}
			out = append(out, s)
		}
	}
	return out
}

// headedColumns reads a Chinese block set in columns under a line of the
// signing bodies that hold no office word (中华人民共和国商务部　印度尼西亚
// 共和国贸易部), over a line of offices (代表　代表), then a line of names,
// and perhaps a line of offices under them (部长　部长): each column's body
// is whom it signs for, its name the signatory, the office under the name
// (else the one over it) the title. Read by position alone, the bodies
// would pass for names. It returns nothing for any other block.
func (p *parser) headedColumns(lines [][]string) []Signatory {
	if len(lines) < 3 {
		return nil
	}
	n := len(lines[0])
	kinds := make([]bool, len(lines)) // true: a line of offices
	for i, fs := range lines {
		if len(fs) != n || n < 2 {
			return nil
		}
		office := p.isOfficeLine(fs[0])
		for _, f := range fs[1:] {
			if p.isOfficeLine(f) != office {
				return nil
			}
		}
		kinds[i] = office
	}
	if kinds[0] || !kinds[1] {
		return nil
	}
	name := -1
	for i := 2; i < len(lines); i++ {
		if !kinds[i] {
			if name >= 0 {
				return nil
			}
			name = i
		}
	}
	if name < 0 {
		return nil
	}
	title := name - 1
	if name+1 < len(lines) {
		title = name + 1
	}
	out := make([]Signatory, 0, n)
	for k := 0; k < n; k++ {
		out = append(out, Signatory{Title: lines[title][k], Name: lines[name][k], For: lines[0][k]})
	}
	return out
}

// officeNamePairs reports whether a line's fields are offices each followed
// by a name (外交部部长 林佳龙 外交部部长 拉米瑞兹).
func (p *parser) officeNamePairs(fs []string) bool {
	if len(fs) < 2 || len(fs)%2 != 0 {
		return false
	}
	for k, f := range fs {
		if p.isOfficeLine(f) != (k%2 == 0) {
			return false
		}
	}
	return true
}

// markClosing turns the last body blocks that hold a closing formula into
// the closing section, and reads the date and place of signing from them.
func (p *parser) markClosing() {
	i := len(p.out.Blocks)
	for i > 0 {
		b := p.out.Blocks[i-1]
		if b.Role != RoleBody || !p.isClosing(b.Text) {
			break
		}
		if i >= 2 && b.Section != "" && b.Section != entente.SectionPreamble && p.out.Blocks[i-2].Section != b.Section {
			// 第十八條 有效文本 / 本協定英文、西班牙文及中文所有版本皆同等有效…:
			// an article's first paragraph is the article's, though it
			// speaks as a closing formula does
			break
		}
		i--
	}
	if i == len(p.out.Blocks) {
		return
	}
	for j := i; j < len(p.out.Blocks); j++ {
		b := &p.out.Blocks[j]
		b.Role, b.Section = RoleClosing, entente.SectionClosing
		p.out.Closing = append(p.out.Closing, b.Text)
		if d, ok := p.findDate(b.Text); ok && !p.endsAt(b.Text, d) {
			place := p.placeOf(b.Text, d, false)
			if p.issued && d.ISO == p.out.SignedDate && place != "" {
				// Сачињено у Риму 11. новембра 2024.: where it was signed,
				// said by the formula of signing, over the dateline's city
				p.out.SignedPlace, p.out.SignedDateSource, p.issued = place, DateFromClosing, false
			}
			p.setSignedISO(d.ISO, place, DateFromClosing)
		}
	}
}

func (p *parser) isClosing(s string) bool {
	n := 0
	titled := p.closingTitled()
	for i, w := range p.v.Closing {
		// the words are in lower case, and open the paragraph too (Sačinjeno u…)
		if strings.Contains(s, w) || titled[i] != w && strings.HasPrefix(s, titled[i]) {
			n++
		}
	}
	if n >= 2 {
		return true
	}
	if p.isDoneAtLine(s) {
		return true
	}
	// 本联合声明于2026年7月14日在布鲁塞尔发表: the text naming itself with
	// a date is its closing formula
	if !strings.HasPrefix(s, "本") {
		return false
	}
	head := s
	if i := byteIndexOfRune(s, 10); i > 0 {
		head = s[:i]
	}
	for _, e := range p.v.TitleEndings {
		if strings.Contains(head, e) {
			// 本行动计划自签署之日起生效，有效期至2030年12月31日: the day it
			// ends is no date of signing, and the clause is the text's own
			d, dated := p.findDate(s)
			return dated && !p.endsAt(s, d)
		}
	}
	return false
}

// isDoneAtLine reports whether a paragraph is only a date of signing and
// its place, the "done at" line that ends Taipei's treaties on a line of its
// own (中华民国一百十五年四月二十二日即西元二〇二六年四月二十二日订于马久罗。):
// the paragraph opens with the date (an era's name at most before it), a
// place is read after it, and it is short.
func (p *parser) isDoneAtLine(s string) bool {
	if runesOver(s, 60) {
		return false
	}
	d, ok := p.findDate(s)
	if !ok {
		return false
	}
	start := d.Start
	if rs := []rune(s); start >= 2 && (string(rs[start-2:start]) == "西元" || string(rs[start-2:start]) == "公元") {
		start -= 2 // 西元2005年9月22日訂於…: the Western era named before the date
	} else if minguo(rs, start) {
		start -= 2
		if start >= 2 && (string(rs[start-2:start]) == "中华" || string(rs[start-2:start]) == "中華") {
			start -= 2
		}
	}
	return start == 0 && p.placeOf(s, d, false) != ""
}

// sections lists preamble, articles and closing in order, keeping only the
// preamble and closing when they hold text.
func (p *parser) sectionList() []entente.Section {
	var pre, clo bool
	for _, b := range p.out.Blocks {
		if b.Role == RoleBody && b.Section == entente.SectionPreamble {
			pre = true
		}
		if b.Role == RoleClosing {
			clo = true
		}
	}
	var out []entente.Section
	if n := len(p.out.Sections) + btoi(pre) + btoi(clo); n > 0 {
		out = make([]entente.Section, 0, n) // (nil when there is none, as before)
	}
	if pre {
		out = append(out, entente.Section{ID: entente.SectionPreamble})
	}
	out = append(out, p.out.Sections...)
	if clo {
		out = append(out, entente.Section{ID: entente.SectionClosing})
	}
	return out
}

// sentences cuts every body and closing block into sentences.
func (p *parser) sentences() {
	p.out.Sections = p.sectionList()
	// every block's sentences first, in order, to make the list once at
	// its length: each block's run of them ends at ends[i]
	segs, offs := p.buf.segs[:0], p.buf.offs[:0] // offs: each sentence's offset in its block
	ends := slices.Grow(p.buf.ends[:0], len(p.out.Blocks))
	for _, b := range p.out.Blocks {
		if b.Role == RoleBody || b.Role == RoleClosing {
			n := len(segs)
			segs = segmentValid(segs, b.Text, &offs) // the lines are valid UTF-8 (splitLines)
			segs, offs = p.splitAfterLetter(segs, offs, n)
		}
		ends = append(ends, len(segs))
	}
	p.buf.segs, p.buf.offs, p.buf.ends = segs, offs, ends
	if len(segs) > 0 {
		if p.lent {
			p.out.Sentences = slices.Grow(p.buf.sentences[:0], len(segs))
		} else {
			p.out.Sentences = make([]Sentence, 0, len(segs))
		}
	}
	para, from := 0, 0
	for i, b := range p.out.Blocks {
		if b.Role != RoleBody && b.Role != RoleClosing {
			continue
		}
		list := b.Marker != "" && !isNumbered(b.Marker)
		mine := segs[from:ends[i]]
		from = ends[i]
		w, wok := p.blockWritten(&b)
		for k, s := range mine {
			st := Sentence{Section: b.Section, Paragraph: para, ListItem: list, First: k == 0, Text: s, Start: -1, End: -1}
			if b.at > 0 {
				st.Start = b.at - 1 + offs[0]
				st.End = st.Start + len(s)
			}
			if wok {
				st.Written = w[offs[0] : offs[0]+len(s)]
			}
			offs = offs[1:]
			if k == 0 {
				st.Marker = b.Marker
			}
			p.out.Sentences = append(p.out.Sentences, st)
		}
		para++
	}
}

// splitAfterLetter cuts the sentences from index n on where a capital
// letter and its stop close a name (Termoelektrane Kostolac B., Blok A.)
// and one of the words that name every party opens the next sentence
// (… Kostolac B. Strane će …): the segmenter keeps a letter and its stop
// as an initial (J. Smith), and the parties' word is no surname.
// opensWithWord reports whether s opens with one of words, as written,
// followed by a space.
func opensWithWord(s string, words []string) bool {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok && w != "" && strings.HasPrefix(rest, " ") {
			return true
		}
	}
	return false
}

func (p *parser) splitAfterLetter(segs []string, offs []int, n int) ([]string, []int) {
	if len(p.v.Subjects) == 0 && len(p.v.NoSurname) == 0 {
		return segs, offs
	}
	for k := n; k < len(segs); k++ {
		s := segs[k]
		for i := 2; i+2 < len(s); i++ {
			if s[i] != '.' || s[i+1] != ' ' {
				continue
			}
			r, w := utf8.DecodeLastRuneInString(s[:i])
			if !unicode.IsUpper(r) || i-w < 1 || s[i-w-1] != ' ' {
				continue // a capital letter alone before the stop
			}
			rest := strings.TrimLeft(s[i+1:], " ")
			first, _ := utf8.DecodeRuneInString(rest)
			if !unicode.IsUpper(first) || !p.opensWithSubject(rest) && !opensWithWord(rest, p.v.NoSurname) {
				continue
			}
			cut := i + 1
			segs = slices.Insert(segs, k+1, rest)
			offs = slices.Insert(offs, k+1, offs[k]+len(s)-len(rest))
			segs[k] = s[:cut]
			break
		}
	}
	return segs, offs
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func isNumbered(markerText string) bool {
	m, ok := readMarker(markerText + " x")
	return ok && m.Style != numNone
}

// topStyle is the numbering style of the articles: the first of 一、,
// 第一条 and 1. that numbers a paragraph from one, else 第一章, else （一）.
// Arabic or bracketed numbers that start again from one (an exchange
// programme's examples, 1. … 8. under one lead-in and 1. … 10. under the
// next; （三）（四） and then （一）…（五） of its general provisions) number the
// items of lists, not articles, which run on through a document.
func topStyle(lines []line) numStyle {
	paren, chapter := false, false
	var run operativeRun
	for i, l := range lines {
		m := l.mark
		if !l.marked {
			run.read(l.text)
			continue
		}
		switch m.Style {
		case numCNComma, numArticle, numArabic, numRoman:
			if m.Number == 1 && (m.Style != numArabic || !restarts(lines, numArabic) && !run.listed(lines, i)) {
				return m.Style
			}
		case numParen:
			if m.Number == 1 && !restarts(lines, numParen) {
				paren = true
			}
		case numChapter:
			if m.Number == 1 {
				chapter = true
			}
		}
	}
	// chapters number the sections only where no articles run under them
	if chapter {
		return numChapter
	}
	if paren {
		return numParen
	}
	return numNone
}

// restarts reports whether the paragraphs numbered in the style count from
// one a second time, after a higher number.
func restarts(lines []line, style numStyle) bool {
	last := 0
	for _, l := range lines {
		if !l.marked || l.mark.Style != style {
			continue
		}
		if l.mark.Number == 1 && last > 1 {
			return true
		}
		last = l.mark.Number
	}
	return false
}

// operativeRun follows the unnumbered paragraphs above the first numbered
// one: whether a lead-in (…saglasile su se o sledećem:, …agreed as
// follows:) has opened the operative part and complete sentences have run
// in it since. Articles number the operative part from its start, so 1.
// after such sentences, under a lead-in of its own (…radiće na sledeći
// način:), numbers the items of a list, not the articles.
type operativeRun struct {
	leadIn, body bool
}

func (r *operativeRun) read(text string) {
	t := trimTrail(text)
	switch {
	case strings.HasSuffix(t, ":"):
		if !r.leadIn {
			r.leadIn = true
			return
		}
	case r.leadIn && strings.HasSuffix(t, "."):
		r.body = true
	}
}

// listed reports whether the numbered paragraph lines[i] opens a list:
// the paragraph right above it is a lead-in, and the operative part ran
// unnumbered above that.
func (r *operativeRun) listed(lines []line, i int) bool {
	return r.body && i > 0 && !lines[i-1].marked && strings.HasSuffix(trimTrail(lines[i-1].text), ":")
}

// closingTitled returns the vocabulary's closing words with their first
// letter in upper case, made once for the vocabulary the buffers last saw
// (lowering each block asked about cost more than the rest of a short
// Serbian statement's layout).
func (p *parser) closingTitled() []string {
	cw, b := p.v.Closing, p.buf
	if len(cw) == 0 {
		return nil
	}
	if len(b.closingSrc) != len(cw) || &b.closingSrc[0] != &cw[0] {
		titled := make([]string, len(cw))
		for i, w := range cw {
			r, size := utf8.DecodeRuneInString(w)
			titled[i] = string(unicode.ToUpper(r)) + w[size:]
		}
		b.closingSrc, b.closingTitled = cw, titled
	}
	return b.closingTitled
}

// endsUnstopped reports whether a paragraph of a spaced script that lost
// its final stop (… between the two countries) ends all the same before
// the next one: a blank line parts them, the paragraph already holds a
// sentence ended by a stop, its last word is in lower case, and the next
// paragraph opens with a word that opens a sentence (The, It, Sweden and
// …: a subject of the vocabulary). A line broken inside a sentence
// (… signed by / the Government of) opens with none of these.
func (p *parser) endsUnstopped(cur string, prev, next line) bool {
	if p.v.Date == nil || next.no <= prev.no+1 || !strings.Contains(cur, ". ") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(cur)
	if !unicode.IsLower(r) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next.text)
	return unicode.IsUpper(first) && (opensWithWord(next.text, p.v.NoSurname) || p.opensWithSubject(next.text))
}

// runsOn reports whether the paragraph cur continues its sentence in the
// next one, lines[i]: a recital ending in a semicolon (Recognizing …;),
// when the language's layout says so; a list item's semicolon does not,
// since the next item opens with its marker. A Chinese recital (认识到……；)
// runs on only where the preamble's unmarked paragraphs lead to its
// lead-in (兹声明如下：, 达成协议如下：): items under a lead-in end in ；
// too, and stay sentences of their own.
func (p *parser) runsOn(cur *Block, lines []line, i int) bool {
	if !p.v.RecitalsRunOn {
		return false
	}
	t := trimTrail(cur.Text)
	if strings.HasSuffix(t, ";") {
		return true
	}
	if !strings.HasSuffix(t, "；") || cur.Marker != "" || cur.Section != entente.SectionPreamble {
		return false
	}
	for k := len(p.out.Blocks) - 1; k >= 0 && k >= len(p.out.Blocks)-maxRecitals; k-- {
		// an item of a list whose lead-in stands before it, past the
		// items before this one
		t := trimTrail(p.out.Blocks[k].Text)
		if strings.HasSuffix(t, "：") {
			return false
		}
		if !strings.HasSuffix(t, "；") {
			break
		}
	}
	return leadsToLeadIn(lines[i:])
}

// maxRecitals bounds how many paragraphs leadsToLeadIn reads ahead.
const maxRecitals = 24

// leadsToLeadIn reports whether the unmarked paragraphs that open lines
// run on (ending in ；, ，, or nothing) to one ending in a colon.
func leadsToLeadIn(lines []line) bool {
	for k, l := range lines {
		if l.marked || k >= maxRecitals {
			return false
		}
		t := trimTrail(l.text)
		switch {
		case strings.HasSuffix(t, "："):
			return true
		case strings.HasSuffix(t, "；") || !endsComplete(t):
			continue
		}
		return false
	}
	return false
}

// endsAt reports whether a Chinese date found in s is the day a text ends:
// one of the vocabulary's EndsAt words stands just before it.
func (p *parser) endsAt(s string, d Date) bool {
	if len(p.v.EndsAt) == 0 || p.v.Date != nil {
		return false
	}
	rs := []rune(s)
	if d.Start < 0 || d.Start > len(rs) {
		return false
	}
	before := string(rs[:d.Start])
	for _, w := range p.v.EndsAt {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}
