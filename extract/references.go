package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/structure"
)

// referenceRules find the instruments a sentence cites: titles in 《》, and
// titles cited without brackets that end in an instrument word (联合国宪章,
// 全球发展倡议, 第1244号决议) or that a quoted name followed by a plan word
// gives (“塞尔维亚2027”等发展规划).
type referenceRules struct {
	kinds      *lexicon.Matcher // reversed title endings → kind
	kindNames  []string
	suffixes   *lexicon.Matcher // reversed unbracketed endings
	stops      *wordSet
	listHeads  map[string]string
	headsMatch *lexicon.Matcher
	headNames  []string
	g          *grammar
	generic    *wordSet
	// properWords hold an [entity-stop] inside them (自由: 由) and stand in
	// a title cited without 《》 only after a proper name ([title-proper-word])
	properWords *wordSet
	proper      func(string) bool
	// shortLeads open the brackets that give a cited title its short name
	shortLeads []string
	// signing opens an unbracketed title after a year ([signing-attributive]:
	// 2024年签署的…), which ends at its first [signed-instrument-end] word
	// outside a [title-frame] (关于…的); a count of instruments
	// ([instrument-count]: 多项合作协议) names no title either way
	signing, signedEnds, frame, frameClose, signedCount *wordSet
	// properOpen, properEnd: a generic word that opens a convention's own
	// name ([signed-proper-open]: 国际民用航空公约) and the kinds that end
	// one ([signed-proper-end])
	properOpen, properEnd *wordSet
	// afterKinds give a name in 《》 with no kind of its own the kind written
	// after it ([kind-after-title]: 《远景—2050》长期发展政策)
	afterKinds     *lexicon.Matcher
	afterKindNames []string
}

func newReferenceRules(t *lexicon.Table, g *grammar) *referenceRules {
	rr := &referenceRules{g: g, generic: newWordSet(t.Words("generic-determiner")), kinds: lexicon.NewMatcher(), suffixes: lexicon.NewMatcher(), stops: newWordSet(t.Words("entity-stop")),
		listHeads: t.Map("list-head"), headsMatch: lexicon.NewMatcher(), properWords: newWordSet(t.Words("title-proper-word")),
		shortLeads: t.Words("short-name-lead"),
		signing:    newWordSet(t.Words("signing-attributive")), signedEnds: newWordSet(t.Words("signed-instrument-end")),
		frame: newWordSet(t.Words("title-frame")), frameClose: newWordSet(t.Words("title-frame-close")),
		signedCount: newWordSet(t.Words("instrument-count")),
		properOpen:  newWordSet(t.Words("signed-proper-open")), properEnd: newWordSet(t.Words("signed-proper-end")),
		afterKinds: lexicon.NewMatcher()}
	for _, e := range t.Entries("kind-after-title") {
		rr.afterKinds.Add(e.Text, len(rr.afterKindNames))
		rr.afterKindNames = append(rr.afterKindNames, e.Value)
	}
	for _, e := range t.Entries("reference-kind") {
		rr.kinds.AddReversed(e.Text, len(rr.kindNames))
		rr.kindNames = append(rr.kindNames, e.Value)
	}
	for i, w := range t.Words("unbracketed-suffix") {
		rr.suffixes.AddReversed(w, i)
	}
	for _, e := range t.Entries("list-head") {
		if e.Value == "plan" || e.Value == "initiative" {
			rr.headsMatch.Add(e.Text, len(rr.headNames))
			rr.headNames = append(rr.headNames, e.Value)
		}
	}
	return rr
}

// kindOf reads an instrument's kind from the end of its title, after any
// trailing bracket such as （2023-2025）.
func (rr *referenceRules) kindOf(title string) entente.ReferenceKind {
	k, _ := rr.ownKind(title)
	return k
}

// ownKind is kindOf, and whether the title has a kind word of its own
// (else the kind is other for want of one).
func (rr *referenceRules) ownKind(title string) (entente.ReferenceKind, bool) {
	var buf [64]rune // most titles fit: no copy on the heap
	rs := trimTrailingBrackets(appendRunes(buf[:0], strings.TrimSpace(title)))
	if start, p := rr.kinds.SuffixAt(rs, len(rs)); start >= 0 {
		return entente.ReferenceKind(rr.kindNames[p]), true
	}
	// a target year the name holds after its kind (…国家发展计划2030,
	// …愿景2035; a bracketed span was cut above): the kind is before it
	end := len(rs)
	for end > 0 && (rs[end-1] >= '0' && rs[end-1] <= '9' || rs[end-1] == '-' || rs[end-1] == '—' || rs[end-1] == '–' || rs[end-1] == ' ') {
		end--
	}
	if end < len(rs) && end > 0 {
		if start, p := rr.kinds.SuffixAt(rs, end); start >= 0 {
			return entente.ReferenceKind(rr.kindNames[p]), true
		}
	}
	return entente.RefOther, false
}

// kindAfter reads the kind written right after a name in 《》 (its 》 at
// close): a [kind-after-title] word within a few Han characters of
// modifier (长期发展政策, 新经济政策), no [entity-stop] (的, 和, 实施) between.
func (rr *referenceRules) kindAfter(rs []rune, close int) (entente.ReferenceKind, bool) {
	for k := close + 1; k < len(rs) && k-close <= 7; k++ {
		if rs[k] < 0x4E00 || rs[k] > 0x9FFF || rr.stops.startsAt(rs, k) >= 0 {
			return "", false
		}
		if end, p := rr.afterKinds.LongestAt(rs, k); end >= 0 {
			return entente.ReferenceKind(rr.afterKindNames[p]), true
		}
	}
	return "", false
}

// signedTitles reads the instruments cited without 《》 that a year and the
// verb of their signing introduce (2024年签署的中蒙关于…的谅解备忘录,
// 1988年签订的…条约, 2011年簽署之…協定): forward from the verb to the first
// [signed-instrument-end] word outside a 关于…的 frame. A bare or generic
// kind (签署的协定, 签署的相关协议) names none. Each replaces a citation read
// back from the same instrument word, which stops short at 的 or 关于.
func (rr *referenceRules) signedTitles(st *text, masked []rune, out []citation) []citation {
	for i := 0; i < len(masked); i++ {
		v := rr.signing.startsAt(masked, i)
		if v < 0 {
			continue
		}
		year := rr.g.yearBefore(masked, i)
		if year == 0 {
			continue
		}
		start, end, open := v, -1, false
		for j := start; j < len(masked) && j-start < 48; j++ {
			r := masked[j]
			if isClauseBreak(r) || r == '、' || r == '《' || r == '》' || r == '□' || r == '「' || r == '」' || j == start && r == '“' {
				// a title in 《》 or in quotation marks is read above
				break
			}
			if rr.frame.startsAt(masked, j) >= 0 {
				open = true
			} else if open && rr.frameClose.startsAt(masked, j) >= 0 {
				open = false
				continue
			}
			if e := rr.signedEnds.startsAt(masked, j); e >= 0 && !open {
				if j-start >= 2 && (rr.generic.startsAt(masked, start) < 0 || rr.properName(masked, start, j, e)) && rr.signedCount.startsAt(masked, start) < 0 {
					end = e
				}
				break
			}
		}
		if end < 0 {
			continue
		}
		title := string(masked[start:end])
		c := citation{title: title, kind: rr.kindOf(title), year: year, span: spanOf(st, "instrument ending", start, end)}
		replaced := false
		for k := range out {
			if !out[k].bracketed && out[k].span.End == end && out[k].span.Start >= start {
				out[k], replaced = c, true
			}
		}
		if !replaced {
			out = append(out, c)
		}
		i = end - 1
	}
	return out
}

// properName reports whether the signed title masked[start:end], its kind
// word at kindAt, is a convention's own name though a generic word opens it
// (國際民用航空公約): a [signed-proper-open] word, three characters or more,
// then a [signed-proper-end] kind.
func (rr *referenceRules) properName(masked []rune, start, kindAt, end int) bool {
	o := rr.properOpen.startsAt(masked, start)
	return o >= 0 && kindAt-o >= 3 && rr.properEnd.startsAt(masked, kindAt) == end
}

// trimTrailingBrackets cuts the brackets that close a title (…行动计划（2026—2030年）,
// …Plan (2024-2027)): the instrument's kind is the word before them.
func trimTrailingBrackets(rs []rune) []rune {
	for len(rs) > 0 && (rs[len(rs)-1] == '）' || rs[len(rs)-1] == ')') {
		open := lastIndexRune(rs, '（', '(')
		if open <= 0 {
			break
		}
		rs = rs[:open]
		for len(rs) > 0 && (rs[len(rs)-1] == ' ' || rs[len(rs)-1] == '\u3000') {
			rs = rs[:len(rs)-1]
		}
	}
	return rs
}

func lastIndexRune(rs []rune, a, b rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == a || rs[i] == b {
			return i
		}
	}
	return -1
}

// citation is one instrument cited in a sentence.
type citation struct {
	title     string
	bracketed bool
	kind      entente.ReferenceKind
	year      int
	span      entente.Cue // where the title stands in the sentence
}

// find returns the citations of a sentence in order.
func (rr *referenceRules) find(st *text) []citation {
	rs := st.rs
	var out []citation
	// 《…》, nesting allowed
	prevEnd, prevYear := -1, 0
	titles := len(rs)
	if !st.has(markTitle) {
		titles = 0 // no 《: no pass over the sentence
	}
	for i := 0; i < titles; i++ {
		if rs[i] != '《' {
			continue
		}
		depth, j := 0, i
		for ; j < len(rs); j++ {
			if rs[j] == '《' {
				depth++
			} else if rs[j] == '》' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if j >= len(rs) {
			break
		}
		title := squeezeTitle(st.sub(i+1, j))
		if title != "" {
			year := rr.g.yearBefore(rs, i)
			if year == 0 {
				year = rr.g.lawYear(title)
			}
			if year == 0 && prevEnd >= 0 && rr.g.citeJoin[strings.TrimSpace(st.sub(prevEnd, i))] {
				year = prevYear
			}
			kind, own := rr.ownKind(title)
			if !own {
				if k, ok := rr.kindAfter(rs, j); ok {
					kind = k // 《远景—2050》长期发展政策: the kind written after the name
				}
			}
			out = append(out, citation{title: title, bracketed: true, kind: kind, year: year, span: spanOf(st, "bracketed title", i+1, j)})
			prevEnd, prevYear = j+1, year
		}
		i = j
	}
	rr.respectiveYears(st, out)
	masked := st.masked
	// unbracketed: read back from an instrument word
	for end := 1; end <= len(masked); end++ {
		if !rr.suffixes.Starts(masked[end-1]) {
			continue // no instrument word ends with this character
		}
		start, _ := rr.suffixes.SuffixAt(masked, end)
		if start < 0 || (end < len(masked) && masked[end] == '》') {
			continue
		}
		if rr.g.selfRef.endsAt(masked, end) >= 0 {
			continue // 本协定, 评估本协定: the document itself, no instrument it cites
		}
		if rr.bodyAfter(masked, end) {
			continue // 中秘自由贸易协定委员会: the body the instrument set up, no citation
		}
		if end < len(masked) && (masked[end] == '”' || masked[end] == '」') && quoteOpen(masked, end) >= 0 {
			continue // a quoted title: read below
		}
		name := rr.nameBefore(masked, start)
		if name == "" {
			continue
		}
		if k := strings.LastIndexAny(name, "「“"); k >= 0 && !strings.ContainsAny(name[k:], "」”") {
			// 「臺貝經濟合作協定執行委員會」: a quotation still open past the
			// instrument word names what it heads (a body), no instrument
			continue
		}
		title := name + string(masked[start:end])
		at := end - utf8.RuneCountInString(title)
		out = append(out, citation{title: title, kind: rr.kindOf(title), year: rr.g.yearBefore(masked, at),
			span: spanOf(st, "instrument ending", at, end)})
	}
	// “…谅解备忘录”, 「…協定」: a title in quotation marks is cited without
	// 《》 (only 《》 bracket a title), the marks no part of it
	quotes := len(masked)
	if !st.has(markQuote) {
		quotes = 0 // no “: no pass over the sentence
	}
	for end := 0; end < quotes; end++ {
		if masked[end] != '”' && masked[end] != '」' {
			continue
		}
		if open := quoteOpen(masked, end); open >= 0 && rr.g.quotedTitle.endsAt(masked, end) > open+1 {
			title := squeezeTitle(string(masked[open+1 : end]))
			out = append(out, citation{title: title, kind: rr.kindOf(title), year: rr.g.yearBefore(masked, open),
				span: spanOf(st, "quoted title", open+1, end)})
		}
	}
	// “name”等发展规划
	for i := 0; i < quotes; i++ {
		if masked[i] != '“' {
			continue
		}
		j := i + 1
		for j < len(masked) && masked[j] != '”' {
			j++
		}
		if j >= len(masked) {
			break
		}
		k := j + 1
		if k < len(masked) && rr.g.listMarker.has(masked[k]) {
			k++
		}
		if end, p := rr.headsMatch.LongestAt(masked, k); end >= 0 && rr.g.listMarker.has(masked[j+1]) {
			out = append(out, citation{title: string(masked[i+1 : j]), kind: entente.ReferenceKind(rr.headNames[p]), span: spanOf(st, "quoted plan", i+1, j)})
		}
		i = j
	}
	return rr.signedTitles(st, masked, out)
}

// bodyAfter reports whether a standing body's head ([mechanism-standing]:
// 委员会) opens at end or at most two characters of its name after it
// (…协定联合委员会): the instrument word is then part of the name of its
// organ. A group of friends ([bound-head]) is no organ.
func (rr *referenceRules) bodyAfter(rs []rune, end int) bool {
	for s := end; s <= end+2 && s < len(rs); s++ {
		if s > end && (isFillerRune(rs[s-1]) || isClauseBreak(rs[s-1])) {
			return false
		}
		if rr.g.standingSet.startsAt(rs, s) > s {
			// a group of an initiative's friends (全球安全倡议之友小组) is no
			// organ of it: the initiative is still cited
			return rr.g.boundHead.startsAt(rs, s) < 0
		}
	}
	return false
}

// nameBefore reads a name backwards from position end, up to a stop word,
// punctuation (quotation marks and hyphens belong to names) or 20 runes.
func (rr *referenceRules) nameBefore(rs []rune, end int) string {
	i := end
	quote := false
	through := -1 // where a [title-proper-word] read through opens
	for i > 0 && end-i < 20 {
		r := rs[i-1]
		if r == '”' {
			quote = true
		} else if r == '“' {
			quote = false
			i--
			continue
		}
		if !quote {
			if isFillerRune(r) && r != '-' && r != '－' && r != '—' && r != '·' {
				break
			}
			if w := rr.properWords.endsAt(rs, i); w >= 0 && w < i-1 {
				// 中日韩自由贸易协定: the stop inside the word is none
				through = w
				i = w
				continue
			}
			if s := rr.stops.endsAt(rs, i); s >= 0 && !rr.g.titleInner[string(rs[s:i])] {
				break
			}
			if r == '□' || r == '》' {
				break
			}
		}
		i--
	}
	if through >= 0 && (through == i || rr.proper == nil || !rr.proper(string(rs[i:through]))) {
		return "" // 商签自由贸易协定: a kind of instrument, no title
	}
	name := strings.TrimLeft(string(rs[i:end]), "—-－")
	var buf [32]rune // room for most names: no copy on the heap
	if nr := appendRunes(buf[:0], name); utf8.RuneCountInString(name) < 3 || rr.generic.startsAt(nr, 0) >= 0 || rr.signedCount.startsAt(nr, 0) >= 0 {
		return "" // 这一重要倡议 refers back to a title, 多项合作协议 counts them: none
	}
	return name
}

// quoteOpen returns where the “ (or 「) that the ” (or 」) at close closes
// stands, when a title's length away and nothing else is quoted in
// between; else -1.
func quoteOpen(rs []rune, close int) int {
	for i := close - 1; i >= 0 && close-i <= 60; i-- {
		switch rs[i] {
		case '“', '「':
			if close-i > 3 {
				return i
			}
			return -1
		case '”', '」', '。', '；':
			return -1
		}
	}
	return -1
}

// lawYear reads the year a law was enacted from its title when the title
// opens with it: 《2022年芯片法案》 ("the CHIPS Act of 2022"). Only a law
// ([law-title-end]: 法, 法案) is named so by the year it was passed; a year
// opening another title is often its target (《2030年可持续发展议程》).
func (g *grammar) lawYear(title string) int {
	rs := []rune(title)
	if len(rs) < 7 || !g.isDate(rs[4], dYear) || g.lawEnd.endsAt(rs, len(rs)) < 0 {
		return 0
	}
	if y, ok := structure.ParseYear(string(rs[:4])); ok && y >= 1900 && y <= 2200 {
		return y
	}
	return 0
}

// yearBefore reads the year of signing written just before a citation:
// 2016年《…》, 2022年签署的《…》, 2023年10月在北京签署的《…》.
func (g *grammar) yearBefore(rs []rune, at int) int {
	lo := at - 24
	if lo < 0 {
		lo = 0
	}
	for i := at - 1; i >= lo; i-- {
		switch rs[i] {
		case '，', '。', '；', '》', ',':
			return 0
		}
		if g.isDate(rs[i], dYear) && i >= 4 {
			if g.deadlineAfterYear(rs, i, at) {
				return 0 // 2025年底前完成《…》: a deadline, not the year of signing
			}
			// 2017年, 二〇一七年 (as formal texts and Taipei's write a year)
			if y, ok := structure.ParseYear(string(rs[i-4 : i])); ok && y >= 1900 && y <= 2200 && (i < 5 || !g.isDigit(rs[i-5])) {
				return y
			}
		}
	}
	return 0
}

// deadlineAfterYear reports a year (its 年 at rs[i]) that a deadline's
// [year-deadline] word closes, right after it (2025年底前) or after a month
// (2027年6月底前, 2027年三月前): the date a task is due, no year of signing.
func (g *grammar) deadlineAfterYear(rs []rune, i, at int) bool {
	j := i + 1
	if j < at && g.yearDeadline.has(rs[j]) {
		return true
	}
	for j < at && (g.isDigit(rs[j]) || g.numerals.has(rs[j])) {
		j++
	}
	return j > i+1 && j+1 < at && g.isDate(rs[j], dMonth) && g.yearDeadline.has(rs[j+1])
}

// respectiveYears gives titles cited in a row, joined as [citation-joiner]
// joins them, the years written before the first in the same number after a
// [respectively] word (分别于2014年及2019年签署《A》及《B》): each its own, in
// order, where each had taken the last year before the row.
func (rr *referenceRules) respectiveYears(st *text, out []citation) {
	rs := st.rs
	for a := 0; a < len(out); {
		b := a + 1
		for b < len(out) && out[b].bracketed && out[b-1].bracketed &&
			rr.g.citeJoin[strings.TrimSpace(st.sub(out[b-1].span.End+1, out[b].span.Start-1))] {
			b++
		}
		if b-a >= 2 && out[a].bracketed {
			if years := rr.g.yearsBefore(rs, out[a].span.Start-1); len(years) == b-a {
				for k := a; k < b; k++ {
					out[k].year = years[k-a]
				}
			}
		}
		a = b
	}
}

// yearsBefore returns the years written before at, in the text's order, when
// a [respectively] word stands before them in the same clause; else nil.
func (g *grammar) yearsBefore(rs []rune, at int) []int {
	lo := max(at-40, 0)
	var years []int
	for i := at - 1; i >= lo; i-- {
		switch rs[i] {
		case '，', '。', '；', '》', ',':
			return nil
		}
		if g.respectively.endsAt(rs, i+1) >= 0 {
			if len(years) < 2 {
				return nil
			}
			slices.Reverse(years)
			return years
		}
		if g.isDate(rs[i], dYear) && i >= 4 && (i+1 >= at || !g.yearDeadline.has(rs[i+1])) {
			if y, ok := structure.ParseYear(string(rs[i-4 : i])); ok && y >= 1900 && y <= 2200 && (i < 5 || !g.isDigit(rs[i-5])) {
				years = append(years, y)
			}
		}
	}
	return nil
}

func squeezeTitle(s string) string {
	if plainTitle(s) {
		return strings.TrimSpace(s) // nothing to squeeze: no copy
	}
	var b strings.Builder
	for _, r := range s {
		if !isFillerRune(r) || !strings.ContainsRune(" \t\n\u3000", r) {
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

// plainTitle reports whether s is valid UTF-8 without a space, tab,
// newline or ideographic space, which squeezeTitle would copy unchanged.
func plainTitle(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n':
			return false
		case c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80: // U+3000
			return false
		}
	}
	return utf8.ValidString(s)
}

// referenceCollector gathers the document's references across sentences.
type referenceCollector struct {
	order []string
	byKey map[string]*entente.Reference
	// short maps a short name an instrument is given where it is first
	// cited (《…安排》（以下简称《安排》）) to its title: a later 《安排》
	// cites that instrument
	short map[string]string
}

// shortNameOf reports whether the bracketed citation c gives the one just
// before it, prev, its short name: （以下简称《c》） right after prev's 》
// ([short-name-lead] opens the brackets).
func (rr *referenceRules) shortNameOf(st *text, prev, c citation) bool {
	if !prev.bracketed || !c.bracketed || c.span.Start-1 <= prev.span.End+1 {
		return false
	}
	between := strings.TrimLeft(st.sub(prev.span.End+1, c.span.Start-1), "（(")
	return slices.Contains(rr.shortLeads, between)
}

func newReferenceCollector() *referenceCollector {
	return &referenceCollector{byKey: map[string]*entente.Reference{}}
}

// add records a sentence's citations and returns their titles and where
// each stands.
func (rc *referenceCollector) add(rr *referenceRules, id string, st *text) ([]string, []entente.Cue) {
	titles := []string{}
	var spans []entente.Cue
	cs := rr.find(st)
	for i, c := range cs {
		key := c.title
		spans = append(spans, c.span)
		if i > 0 && rr.shortNameOf(st, cs[i-1], c) {
			if rc.short == nil {
				rc.short = map[string]string{}
			}
			if full, ok := rc.short[cs[i-1].title]; ok {
				rc.short[c.title] = full
			} else {
				rc.short[c.title] = cs[i-1].title
			}
			continue // the short name the sentence gives: no second citation
		}
		if full, ok := rc.short[key]; ok {
			c.title, key = full, full
		}
		// titles holds the keys seen in this sentence: a few, scanned (a
		// map made per sentence cost more than the scan)
		if slices.Contains(titles, key) {
			continue
		}
		titles = append(titles, c.title)
		r, ok := rc.byKey[key]
		if !ok {
			r = &entente.Reference{Title: c.title, Bracketed: c.bracketed, Kind: c.kind}
			rc.byKey[key] = r
			rc.order = append(rc.order, key)
		}
		if c.bracketed {
			r.Bracketed = true
		}
		if r.Year == nil && c.year != 0 {
			y := c.year
			r.Year = &y
		}
		r.Sentences = append(r.Sentences, id)
	}
	return titles, spans
}

// spanOf is the cue of rule over the sentence's characters [start, end).
func spanOf(st *text, rule string, start, end int) entente.Cue {
	return entente.Cue{Rule: rule, Text: st.sub(start, end), Start: start, End: end}
}

func (rc *referenceCollector) list() []entente.Reference {
	out := make([]entente.Reference, 0, len(rc.order))
	for _, k := range rc.order {
		out = append(out, *rc.byKey[k])
	}
	return out
}
