package extract

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// countryIndex finds any country's name in a text: how the document's
// parties are recognised from its title and signature block.
type countryIndex struct {
	m      *lexicon.Matcher
	rev    *lexicon.Matcher // the names spelt backwards, for nameEndsAt
	codes  []string         // payload → code
	short  map[string][]string
	names  map[string][]string // code → zh names
	shorts map[string]bool     // every one-character short form
	owners map[string][]string // one-character short form → the codes that use it
	// shortRunes holds the character of each of shorts, so that a rule
	// asks of a character without making a string of it (isShortRune)
	shortRunes *bmpSet
	// aliases finds a party's other name ([party-alias]: 香港特别行政区),
	// read as a party only in the part of a title that names the parties
	aliases    *lexicon.Matcher
	aliasCodes []string
	aliasLen   int // the longest alias in runes: how far back one holding a word may start
}

// addAliases indexes the [party-alias] entries for the title's reading.
func (ci *countryIndex) addAliases(es []lexicon.Entry) {
	ci.aliases = lexicon.NewMatcher()
	for _, e := range es {
		ci.aliasLen = max(ci.aliasLen, utf8.RuneCountInString(e.Text))
		for _, c := range strings.Fields(e.Value) {
			ci.aliases.Add(e.Text, len(ci.aliasCodes))
			ci.aliasCodes = append(ci.aliasCodes, c)
		}
	}
}

func newCountryIndex(cs *lexicon.Countries) *countryIndex {
	ci := &countryIndex{m: lexicon.NewMatcher(), rev: lexicon.NewMatcher(), short: map[string][]string{}, names: map[string][]string{}, shorts: map[string]bool{}, owners: map[string][]string{}}
	for _, c := range cs.List {
		for _, n := range c.Names["zh"] {
			ci.m.Add(n, len(ci.codes))
			ci.rev.AddReversed(n, len(ci.codes))
			ci.codes = append(ci.codes, c.Code)
		}
		ci.names[c.Code] = c.Names["zh"]
		for _, s := range c.Names["zh-short"] {
			ci.short[c.Code] = append(ci.short[c.Code], s)
			if len([]rune(s)) == 1 {
				ci.shorts[s] = true
				ci.owners[s] = append(ci.owners[s], c.Code)
			}
		}
	}
	var rs []rune
	for s := range ci.shorts {
		if r, _ := utf8.DecodeRuneInString(s); string(r) == s {
			rs = append(rs, r)
		}
	}
	ci.shortRunes = newBMPSet(rs)
	return ci
}

// partyIn returns the party of parties that s names, by a party's alias
// (香港特别行政区政府) or else a country's name, or "".
func (ci *countryIndex) partyIn(s string, parties []string) string {
	if s == "" {
		return ""
	}
	// an alias first: 驻美国台北经济文化代表处 is Taipei's office, though
	// it holds the name of the country it is in
	if ci.aliases != nil {
		for _, m := range ci.aliases.FindAll([]rune(s)) {
			if c := ci.aliasCodes[m.Payload]; slices.Contains(parties, c) {
				return c
			}
		}
	}
	for _, c := range ci.find(s) {
		if slices.Contains(parties, c) {
			return c
		}
	}
	return ""
}

// inPartyAlias reports whether rs[start:end] lies inside another name of
// one of parties ([party-alias]), such as the representative office that
// signs for it (驻美国台北经济文化代表处 holds 文化 and is no topic).
func (ci *countryIndex) inPartyAlias(rs []rune, start, end int, parties []string) bool {
	if ci.aliases == nil {
		return false
	}
	for i := max(start-ci.aliasLen, 0); i <= start; i++ {
		e, p := ci.aliases.LongestAt(rs, i)
		if e >= end && slices.Contains(parties, ci.aliasCodes[p]) {
			return true
		}
	}
	return false
}

// findNamed returns the codes of the parties s names: by an alias
// ([party-alias]) and by a country's name outside every alias, since the
// host named inside an office's name (驻欧盟兼驻比利时代表处, 台北驻日…) is
// where the office sits, not who signs.
func (ci *countryIndex) findNamed(s string) []string {
	if ci.aliases == nil {
		return ci.find(s)
	}
	var buf [64]rune
	rs := appendRunes(buf[:0], s)
	as := ci.aliases.FindAll(rs)
	var out []string
	for _, m := range as {
		out = append(out, ci.aliasCodes[m.Payload])
	}
	for _, m := range ci.m.FindAll(rs) {
		inside := false
		for _, a := range as {
			if m.Start >= a.Start && m.End <= a.End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, ci.codes[m.Payload])
		}
	}
	return out
}

// nameAt reports whether rs[start:end] holds a country's name.
func (ci *countryIndex) nameAt(rs []rune, start, end int) bool {
	for i := start; i < end; i++ {
		if e, _ := ci.m.LongestAt(rs[:end], i); e > i {
			return true
		}
	}
	return false
}

// inName reports whether the character at p lies inside a country's name.
func (ci *countryIndex) inName(rs []rune, p int) bool {
	for i := max(p-maxCountryRunes, 0); i <= p; i++ {
		if e, _ := ci.m.LongestAt(rs, i); e > p {
			return true
		}
	}
	return false
}

// maxCountryRunes bounds how far back inName looks for a country's name.
const maxCountryRunes = 12

// isPartyName reports whether rs[start:end] is exactly a name of one of
// parties.
func (ci *countryIndex) isPartyName(rs []rune, start, end int, parties []string) bool {
	e, p := ci.m.LongestAt(rs[:end], start)
	return e == end && slices.Contains(parties, ci.codes[p])
}

// maxCountryNameRunes bounds how far past a word a country's name holding it may
// end (中华人民共和国和大不列颠及北爱尔兰联合王国: the longest names run to a
// dozen characters).
const maxCountryNameRunes = 16

// insidePartyName reports whether rs[start:end] lies inside a longer name of
// one of parties (北爱尔兰 in 大不列颠及北爱尔兰联合王国): a word of the
// party's own name names the party, not a field.
func (ci *countryIndex) insidePartyName(rs []rune, start, end int, parties []string) bool {
	for i := end; i <= len(rs) && i <= end+maxCountryNameRunes; i++ {
		s, p := ci.rev.SuffixAt(rs, i)
		if s >= 0 && s <= start && end-start < i-s && slices.Contains(parties, ci.codes[p]) {
			return true
		}
	}
	return false
}

// nameEndsAt returns where the longest country name ending at i starts, or -1.
func (ci *countryIndex) nameEndsAt(rs []rune, i int) int {
	start, _ := ci.rev.SuffixAt(rs, i)
	return start
}

// find returns the codes of the countries named in s, in order of first
// mention, each once.
func (ci *countryIndex) find(s string) []string {
	var out []string
	seen := map[string]bool{}
	var buf [64]rune // a title or an office line fits: no copy on the heap
	for _, m := range ci.m.FindAll(appendRunes(buf[:0], s)) {
		c := ci.codes[m.Payload]
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// partyIndex finds the document's parties in its sentences: their names,
// their party forms (塞方), pairs of short forms (中塞) and the joint words
// (双方, 两国) that mean all parties. A short form resolves only against the
// document's parties, so 阿方 is the UAE in a China–UAE statement and
// Argentina in a China–Argentina one.
type partyIndex struct {
	all  []string
	m    *lexicon.Matcher
	sets [][]string
	// defined holds the short names the document gives one party
	// (…代表处（以下简称“台北经文处”）): a copy of the cached index carries
	// them for the rest of that document only (nil: none given)
	defined     *lexicon.Matcher
	definedSets [][]string
	// opening marks the sets of the terms read only where a clause may
	// open (英外交部…, 英一乐团…): a short form with the word after it
	// ([party-short-head]), never after another character (集中一批)
	opening map[int]bool
}

func (x *Extractor) newPartyIndex(codes []string) *partyIndex {
	pi := &partyIndex{all: codes, m: lexicon.NewMatcher()}
	add := func(term string, set []string) {
		pi.m.Add(term, len(pi.sets))
		pi.sets = append(pi.sets, set)
	}
	for _, w := range x.table.Words("party-joint") {
		add(w, codes)
	}
	// 我国, 我方: the party that writes in Chinese, when the document has
	// exactly one of those the entry names (CN in Beijing's statements,
	// TW in Taipei's); and a party's other name (台湾), only where that
	// party is one of the document's
	for _, e := range slices.Concat(x.table.Entries("party-self"), x.table.Entries("party-alias")) {
		var own []string
		for _, c := range strings.Fields(e.Value) {
			if slices.Contains(codes, c) {
				own = append(own, c)
			}
		}
		if len(own) == 1 {
			add(e.Text, own)
		}
	}
	// 塞方, and 巴國 as Taipei writes a partner's short form
	suffixes := append(slices.Clip(x.table.Words("party-suffix")), x.table.Words("party-country")...)
	var shorts, shortCodes []string
	for _, c := range codes {
		one := []string{c}
		for _, n := range x.countries.names[c] {
			add(n, one)
		}
		for _, s := range x.countries.short[c] {
			shorts, shortCodes = append(shorts, s), append(shortCodes, c)
			for _, suf := range suffixes {
				add(s+suf, one)
			}
		}
	}
	// 英外交部, 英皇家芭蕾舞团, 英一乐团: a party's short form before one
	// of its bodies, or before 一 (one of its …), opening a clause
	for i, sh := range shorts {
		for _, w := range x.table.Words("party-short-head") {
			if pi.opening == nil {
				pi.opening = map[int]bool{}
			}
			pi.opening[len(pi.sets)] = true
			add(sh+w, []string{shortCodes[i]})
		}
	}
	if len(codes) > 1 {
		for i, a := range shorts {
			for j, b := range shorts {
				if a == b {
					continue
				}
				// 中塞: both parties; in a many-party text 中日 is those two
				// alone, and all the short forms together (中日韩) are all
				set := codes
				if len(codes) > 2 {
					set = union([]string{shortCodes[i]}, []string{shortCodes[j]})
				}
				add(a+b, set)
				for _, w := range x.table.Words("party-joint") {
					add(a+b+w, set)
				}
			}
		}
		if len(codes) > 2 && len(codes) <= maxShortRun {
			for _, run := range shortRuns(shorts, shortCodes, len(codes)) {
				add(run, codes)
			}
		}
	}
	if len(codes) > 2 {
		// 各方将…: in a many-party declaration its parties; in a text
		// of two, 各方 are others (呼吁各方保持克制)
		for _, w := range x.table.Words("party-many") {
			add(w, codes)
		}
	}
	// 三国, 三方: a many-party text counts its parties as 两国 counts two,
	// and the count with a party suffix stands for them all; after an
	// ordinal's mark (第三国, 第三方: a third state) it names no party
	if n, nums := len(codes), x.table.Words("numeral"); n > 2 && n < len(nums) {
		for _, suf := range suffixes {
			add(nums[n]+suf, codes)
			for _, o := range x.table.Words("party-count-ordinal") {
				add(o+nums[n]+suf, nil)
			}
		}
	}
	return pi
}

// maxShortRun bounds the parties whose short forms are joined in every
// order (中日韩): four make 24 runs, and texts of more parties name them
// otherwise.
const maxShortRun = 4

// shortRuns returns every run of n short forms, one of each party
// (codes[i] is the party of shorts[i]), in every order.
func shortRuns(shorts, codes []string, n int) []string {
	var out []string
	var walk func(prefix string, used []string)
	walk = func(prefix string, used []string) {
		if len(used) == n {
			out = append(out, prefix)
			return
		}
		for i, s := range shorts {
			if !slices.Contains(used, codes[i]) {
				walk(prefix+s, append(slices.Clip(used), codes[i]))
			}
		}
	}
	walk("", nil)
	return out
}

// partyCache keeps the party indexes of the party sets seen last: a
// collection holds many statements of the same pairs, and building an
// index (a matcher over every name and short form) costs more than reading
// a short statement's parties. Safe for concurrent use; an index is never
// changed once built.
type partyCache struct {
	mu sync.Mutex
	m  map[string]*partyIndex
}

// maxPartySets bounds the cache: past it, the cache starts again.
const maxPartySets = 256

func (pc *partyCache) get(codes []string, build func([]string) *partyIndex) *partyIndex {
	key := strings.Join(codes, ",")
	pc.mu.Lock()
	pi, ok := pc.m[key]
	pc.mu.Unlock()
	if ok {
		return pi
	}
	pi = build(slices.Clone(codes)) // the document's own list stays its own
	pc.mu.Lock()
	if pc.m == nil || len(pc.m) >= maxPartySets {
		pc.m = map[string]*partyIndex{}
	}
	pc.m[key] = pi
	pc.mu.Unlock()
	return pi
}

// mention is a party named in a sentence.
type mention struct {
	Start, End int
	Codes      []string
}

// scan appends the party names of rs to out (emptied first).
func (pi *partyIndex) scan(rs []rune, buf *[]lexicon.Match, out []mention) []mention {
	*buf = pi.m.AppendAll((*buf)[:0], rs)
	out = slices.Grow(out[:0], len(*buf))
	for _, m := range *buf {
		if pi.sets[m.Payload] == nil {
			continue // a word that only shields a party's (第三国)
		}
		if pi.opening[m.Payload] && m.Start > 0 && unicode.Is(unicode.Han, rs[m.Start-1]) {
			continue // 集中一批: no short form opening a clause
		}
		out = append(out, mention{Start: m.Start, End: m.End, Codes: pi.sets[m.Payload]})
	}
	if pi.defined == nil {
		return out
	}
	n := len(out)
	for _, m := range pi.defined.FindAll(rs) {
		if pi.definedSets[m.Payload] == nil {
			continue // a leader's name two parties' leaders share (withLeaders)
		}
		overlaps := false
		for _, o := range out[:n] {
			if m.Start < o.End && o.Start < m.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, mention{Start: m.Start, End: m.End, Codes: pi.definedSets[m.Payload]})
		}
	}
	if len(out) > n {
		slices.SortFunc(out, func(a, b mention) int { return a.Start - b.Start })
	}
	return out
}

// withShortNames returns pi, or a copy of it that also reads the short
// names st gives one party (驻美国台北经济文化代表处（以下简称“台北经文处”）):
// later provisions name that party by it (台北经文处应…).
func (x *Extractor) withShortNames(pi *partyIndex, st *text) *partyIndex {
	masked := st.masked
	for _, m := range st.mentions {
		if len(m.Codes) != 1 {
			continue
		}
		at := m.End
		if h := x.partyHead.startsAt(masked, at); h > at {
			at = h
		}
		if at+1 >= len(masked) || masked[at] != '（' {
			continue
		}
		e := x.g.shortName.startsAt(masked, at+1)
		if e < 0 || e >= len(masked) || !strings.ContainsRune("“\"「『", masked[e]) {
			continue
		}
		q := e + 1
		for q < len(masked) && q-e <= 10 && !strings.ContainsRune("”\"」』（）", masked[q]) {
			q++
		}
		if q >= len(masked) || !strings.ContainsRune("”\"」』", masked[q]) || q-e < 3 {
			continue // a short name of two characters or more, closed
		}
		name := string(masked[e+1 : q])
		if s, _ := pi.m.LongestAt([]rune(name), 0); s == len([]rune(name)) {
			continue // a name the index reads already (中方)
		}
		pi = pi.define(name, m.Codes)
	}
	return pi
}

// define returns pi reading name as the party of codes too: pi itself once
// it holds a document's names, else a copy for the document (the cached
// index is shared by every document of the same parties).
func (pi *partyIndex) define(name string, codes []string) *partyIndex {
	if pi.defined == nil {
		cp := *pi
		cp.defined, cp.definedSets = lexicon.NewMatcher(), nil
		pi = &cp
	}
	pi.defined.Add(name, len(pi.definedSets))
	pi.definedSets = append(pi.definedSets, codes)
	return pi
}

// withSignatories returns pi, or a copy of it that also reads the leaders
// who sign the document as their parties: by the name (布里塞诺总理表示…) and,
// for a name of two or three characters, by the surname with an office
// ([signature-office]: 赖总统感谢…), unless two parties' signatories share
// it. The spec's "the President is the party whose president it is".
func (x *Extractor) withSignatories(pi *partyIndex, sigs []entente.Signatory) *partyIndex {
	names := map[string]string{}
	surnames := map[string]string{}
	for _, s := range sigs {
		if s.Party == "" || !slices.Contains(pi.all, s.Party) {
			continue
		}
		rs := []rune(s.Name)
		if len(rs) < 2 {
			continue
		}
		names[s.Name] = s.Party
		if len(rs) <= 3 {
			if p, ok := surnames[string(rs[0])]; ok && p != s.Party {
				surnames[string(rs[0])] = "" // shared by two parties: no one's
			} else {
				surnames[string(rs[0])] = s.Party
			}
		}
	}
	if len(names) == 0 {
		return pi
	}
	cp := *pi
	cp.defined, cp.definedSets = lexicon.NewMatcher(), nil
	add := func(name, party string) {
		if e, _ := cp.m.LongestAt([]rune(name), 0); e == len([]rune(name)) {
			return // a name the index reads already
		}
		cp.defined.Add(name, len(cp.definedSets))
		cp.definedSets = append(cp.definedSets, []string{party})
	}
	for _, n := range slices.Sorted(maps.Keys(names)) {
		add(n, names[n])
	}
	offices := x.table.Words("signature-office")
	for _, sn := range slices.Sorted(maps.Keys(surnames)) {
		if surnames[sn] == "" {
			continue
		}
		for _, o := range offices {
			add(sn+o, surnames[sn])
		}
	}
	return &cp
}

// gatherCodes appends to out each code of sets it does not hold yet, then
// sorts it: the union of a sentence's few code lists, gathered in a buffer
// on the caller's stack (buf[:0] of an array), so that the result takes its
// room in the document's slab once, at its final length.
func gatherCodes(out []string, sets [][]string) []string {
	for _, s := range sets {
		for _, c := range s {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

// union returns the sorted union of code lists.
func union(sets ...[]string) []string {
	n := 0
	for _, s := range sets {
		n += len(s)
	}
	if n > 16 {
		return unionLong(sets)
	}
	// a few codes: a scan of what is kept beats a map
	var out []string // nil when there are none
	if n > 0 {
		out = make([]string, 0, n)
	}
	return gatherCodes(out, sets)
}

// unionLong is union for many codes, with a set.
func unionLong(sets [][]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sets {
		for _, c := range s {
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	sort.Strings(out)
	return out
}

// documentParties recognises the parties from the title (the part that
// names them, before 关于) and the signatories' offices.
func (x *Extractor) documentParties(title string, offices []string) []string {
	head := title
	for _, w := range x.g.titleTopic {
		if i := strings.Index(head, w); i > 0 {
			head = head[:i]
		}
	}
	// 香港特别行政区政府与泰王国政府…: a SAR government signs its own
	// arrangements under the name the table keeps as an alias; before
	// 关于 it names a party, after it (…关于香港问题的联合声明) a topic
	found := x.countries.findNamed(head)
	for _, o := range offices {
		found = append(found, x.countries.findNamed(o)...)
	}
	if len(union(found)) < 2 {
		// 中日联合声明, 第五轮中德政府磋商联合声明: a title that names the
		// parties only by their short forms
		found = append(found, x.countries.shortPair(head)...)
	}
	return union(found)
}

// sides returns the countries a text names by a party form (中方): a short
// form that belongs to one country only, before a [party-suffix].
func (x *Extractor) sides(s string) []string {
	rs := []rune(s)
	var out []string
	for i := 0; i+1 < len(rs); i++ {
		owners := x.countries.owners[string(rs[i])]
		if len(owners) != 1 {
			continue
		}
		if x.g.sideSuffix.startsAt(rs, i+1) > i+1 {
			out = append(out, owners[0])
		}
	}
	return union(out)
}

// shortPair reads a run of one-character short forms in s that opens with
// China's (中德, 中塞匈): each short form must belong to one country only, so
// an ambiguous one (阿) makes the run no pair.
func (ci *countryIndex) shortPair(s string) []string {
	rs := []rune(s)
	for i, r := range rs {
		first := ci.owners[string(r)]
		if len(first) != 1 || first[0] != "CN" {
			continue
		}
		codes := []string{"CN"}
		for _, q := range rs[i+1:] {
			owners := ci.owners[string(q)]
			if len(owners) != 1 || owners[0] == "CN" {
				break
			}
			codes = append(codes, owners[0])
		}
		if len(codes) >= 2 {
			return codes
		}
	}
	return nil
}

func (ci *countryIndex) isShort(s string) bool { return ci.shorts[s] }

// pairOfParties reports whether the two characters at start are short forms
// of two of the document's parties (中欧 in a China–EU statement).
func (ci *countryIndex) pairOfParties(rs []rune, start int, parties []string) bool {
	if start+2 > len(rs) {
		return false
	}
	party := func(c string) bool { return slices.Contains(parties, c) }
	a, b := ci.owners[string(rs[start])], ci.owners[string(rs[start+1])]
	return slices.ContainsFunc(a, party) && slices.ContainsFunc(b, party)
}

// shortOfParty reports whether r is the short form of one of parties (港
// in a text of Hong Kong's).
func (ci *countryIndex) shortOfParty(r rune, parties []string) bool {
	if !ci.isShortRune(r) {
		return false
	}
	return slices.ContainsFunc(ci.owners[string(r)], func(c string) bool { return slices.Contains(parties, c) })
}

// isShortRune is isShort(string(r)).
func (ci *countryIndex) isShortRune(r rune) bool {
	if !utf8.ValidRune(r) {
		r = utf8.RuneError // as string(r) spells it
	}
	return ci.shortRunes.has(r)
}

// intersect returns the codes of a that b holds too, in a's order.
func intersect(a, b []string) []string {
	var out []string
	for _, c := range a {
		if slices.Contains(b, c) {
			out = append(out, c)
		}
	}
	return out
}
