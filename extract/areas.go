package extract

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// areaMatcher places a sentence in policy areas from its keywords: [area]
// words decide; [area-weak] words (一带一路, 安全) count only when no [area]
// word is present; a sentence with neither frames the relationship itself
// ([area-default]).
type areaMatcher struct {
	// sharedValue are the values a relationship is founded on ([shared-value]:
	// 民主, 自由, 法治, 人权): listed together they frame it (political)
	sharedValue *wordSet
	m           *lexicon.Matcher
	words       []areaWord
	dflt        []string
	// topicVerb and topicModifier find a weak word the parties act on
	// ([topic-verb], [topic-modifier]); attributive makes the phrase before
	// it a modifier ([attributive]: 的); exampleHead closes a list of
	// examples ([example-head]); backgroundOpen opens a clause that sets
	// the scene ([background-open]).
	topicVerb, topicModifier, exampleHead, backgroundOpen *wordSet
	// agentOpen, right after a weak word acted on, opens the clause where it
	// is the agent ([agent-open]: 两国企业在…开展合作)
	agentOpen *wordSet
	// alignment closes a clause that aligns two frameworks or plans
	// ([alignment]: A同B对接): the framing words in it are what is aligned
	alignment *wordSet
	// alignedWith gives, for a framework word ([aligned-framework]: 一带一路)
	// by its index in words, the index of the word that holds the areas it
	// adds when aligned with a partner's plan ([aligned-plan-head] after it
	// in its clause: 共建“一带一路”倡议同X战略对接 is development cooperation)
	alignedWith   map[int]int
	alignedPlanAt *wordSet
	// pairRelation ends a keyword opening with two short forms ([pair-relation]:
	// 中欧关系): the parties' own relationship where both are the document's
	pairRelation *wordSet
	frameClose   *wordSet  // [frame-close]: ends a frame that 在 opens (…框架下)
	frameEdge    *runeBits // the first runes of frameClose and of the grammar's frameOpen
	attributive  runeSet
	// aliases are a party's other names ([party-alias]: 台湾 for TW): in a
	// document that has that party, the name is who acts, not a topic
	aliases map[string][]string
}

// noArea marks a word that contains an area keyword but is not about it.
const noArea = "none"

type areaWord struct {
	area  string
	codes []string // area split at +: the codes the word gives
	weak  bool
	// text is the word as a match of it reads in a sentence (the table's
	// text through its runes), so that a cue takes it without a copy
	text string
	// acronym is a short word in capitals (WHO, UN, EU) that reads only in
	// capitals: "who" and "un" are no organisation
	acronym bool
	// aliasOf are the parties the word is another name of ([party-alias]),
	// read once here rather than looked up at every match
	aliasOf []string
}

func newAreaMatcher(t *lexicon.Table) (*areaMatcher, error) {
	am := &areaMatcher{m: lexicon.NewMatcher(), dflt: t.Words("area-default"),
		topicVerb: newWordSet(t.Words("topic-verb")), topicModifier: newWordSet(t.Words("topic-modifier")),
		exampleHead: newWordSet(t.Words("example-head")), backgroundOpen: newWordSet(t.Words("background-open")),
		frameClose: newWordSet(t.Words("frame-close")), alignment: newWordSet(t.Words("alignment")),
		aliases: map[string][]string{}, sharedValue: newWordSet(t.Words("shared-value")),
		agentOpen: newWordSet(t.Words("agent-open")),
	}
	for _, e := range t.Entries("party-alias") {
		am.aliases[e.Text] = strings.Fields(e.Value)
	}
	var err error
	if am.attributive, err = runesOf(t, "attributive"); err != nil {
		return nil, err
	}
	for _, sec := range []struct {
		name string
		weak bool
	}{{"area", false}, {"area-weak", true}} {
		for _, e := range t.Entries(sec.name) {
			if e.Value == "" {
				return nil, fmt.Errorf("%s:%d: area word %q needs =area", t.Name, e.Line, e.Text)
			}
			am.m.Add(e.Text, len(am.words))
			text := string([]rune(e.Text))
			am.words = append(am.words, areaWord{area: e.Value, codes: strings.Split(e.Value, "+"), weak: sec.weak, text: text,
				aliasOf: am.aliases[text]})
		}
	}
	am.alignedWith, am.alignedPlanAt = map[int]int{}, newWordSet(t.Words("aligned-plan-head"))
	am.pairRelation = newWordSet(t.Words("pair-relation"))
	for _, e := range t.Entries("aligned-framework") {
		k := slices.IndexFunc(am.words, func(w areaWord) bool { return w.weak && w.text == e.Text })
		if k < 0 || e.Value == "" {
			return nil, fmt.Errorf("%s:%d: [aligned-framework] %q needs to be an [area-weak] word and =area", t.Name, e.Line, e.Text)
		}
		am.alignedWith[k] = len(am.words)
		am.words = append(am.words, areaWord{area: e.Value, codes: strings.Split(e.Value, "+"), text: e.Text})
	}
	return am, nil
}

// find returns the sorted areas of a sentence and the words that placed it.
//
// parties are the document's: a keyword that is one of their names (欧盟
// in a China–EU statement) names an actor, not a topic.
func (am *areaMatcher) find(st *text, g *grammar, countries *countryIndex, parties []string) ([]string, []entente.AreaCue) {
	rs := st.rs
	sc := st.scratchOf()
	// the keywords first: the rules below only weigh them, so a sentence
	// without any (a fifth of them) takes its default areas without their
	// passes over its characters
	sc.matches = am.m.AppendAll(sc.matches[:0], rs)
	if len(sc.matches) == 0 {
		areas := sc.codes.take(len(am.dflt))[:0]
		return appendAreas(areas, nil, am.dflt), nil
	}
	flags := sc.flagsFor(len(rs))
	am.markShielded(st, g, flags)
	// a country's name inside a project's name (a road named after a
	// country) locates the project and is not the sentence's topic
	for _, n := range st.named {
		if !n.mechanism {
			for i := max(n.Start, 0); i < n.End && i < len(rs); i++ {
				flags[i] |= fProject
			}
		}
	}
	am.markClauses(st, g, flags)
	described := am.describedHotspots(st, sc.matches)
	hits, anyStrong := sc.hits[:0], false
	for k, m := range sc.matches {
		w := &am.words[m.Payload]
		if w.area == noArea {
			continue // a word that shields a keyword inside it (健康发展)
		}
		if flags[m.Start]&fHeadedExample != 0 {
			continue // an example under a head that names its own area
		}
		if countries.isPartyName(rs, m.Start, m.End, parties) && !objectOfVerb(st.toks, m.Start) || w.isPartyAlias(parties) ||
			countries.inPartyAlias(rs, m.Start, m.End, parties) || countries.insidePartyName(rs, m.Start, m.End, parties) {
			// 北爱尔兰 in 大不列颠及北爱尔兰联合王国政府: a word of a party's
			// own long name is that party, no conflict spoken of
			// 驻美国台北经济文化代表处: a word inside the name of an office
			// that signs for a party names the office, not the field
			continue // 欧盟重申…: the party speaks; it is not what is spoken of (支持东盟… it is)
		}
		if m.End == m.Start+1 && countries.shortOfParty(rs[m.Start], parties) {
			continue // 港 in Hong Kong's texts (港新, 訪港, 粵港澳): the party, no port
		}
		if am.pairRelation.endsAt(rs, m.End) >= m.Start+2 && countries.pairOfParties(rs, m.Start, parties) {
			continue // 中欧关系 in a China–EU statement: the parties' own relationship
		}
		// Inside an instrument's title (《…电子商务…备忘录》), a quoted name
		// (“绿色丝路使者计划”), a mechanism's name or a background clause, a
		// keyword says what the sentence is about only when nothing outside
		// does; so does a country's name inside a project's name, and an
		// item of a list of examples (气候变化、粮食安全等全球性挑战).
		inTitle := flags[m.Start]&(fShielded|fExample) != 0 ||
			(flags[m.Start]&fProject != 0 && flags[m.End-1]&fProject != 0 && countries.nameAt(rs, m.Start, m.End)) ||
			// 至中东欧的物流: a region a route reaches is a place, not a framework
			w.codes[0] == frameworkArea && g.direction.endsAt(st.masked, m.Start) >= 0 ||
			// …享有完全主权的独立的巴勒斯坦国: the words of a modifier describe the
			// disputed place it qualifies, the conflict is the topic
			w.codes[0] != hotspotArea && inSpans(described, m.Start, m.End)
		rule := ruleArea
		// the Belt and Road aligned with a partner's strategy or plan
		// (共建“一带一路”倡议同X战略对接): development cooperation as well
		extra, aligned := am.alignedWith[m.Payload]
		aligned = aligned && w.weak && !inTitle && flags[m.Start]&fAligned != 0 && am.alignedWithPlan(st, m)
		switch {
		case w.weak && !inTitle && (flags[m.Start]&fAligned != 0 && (aligned || am.strongInClause(st, sc.matches, m)) || am.actedOn(st.masked, m.Start, m.End, flags, countries) && !quotedInName(st, m.Start, m.End)):
			// a framing word the parties act on (巩固双边关系) is a topic, and
			// so is one aligned with a plan (“一带一路”倡议同…发展战略对接)
			rule = ruleActedOn
		case w.weak && !inTitle && am.headsUnfieldedProject(st.named, sc.matches[:k], m.End):
			rule = ruleArea // the head of a named facility gives its sector (伊尔克什坦口岸)
		case w.weak || inTitle:
			rule = ruleWeak
		}
		codes := w.codes
		if len(codes) > 1 && codes[0] == frameworkArea && (inEnumeration(rs, m.Start, m.End) || am.joinedToKeyword(rs, sc.matches, k, g) ||
			appraisedFramework(st, m.Start, m.End)) {
			// 全球发展倡议、全球安全倡议: a framework named in a list is one
			// of the frameworks listed, the sector it carries no topic; a
			// compound of two topics (贸易投资、农林渔业) names both wherever
			// it stands
			codes = codes[:1]
		}
		if codes[0] == frameworkArea && am.sharedValue.startsAt(rs, m.Start) == m.End && am.valuesInClause(rs, m.Start) >= 3 {
			// 秉持民主、自由、法治及尊重人权等共享价值: human rights among the
			// values the parties share frame their relationship
			hits = append(hits, areaHit{word: int32(m.Payload), code: framingCode, rule: rule, start: m.Start, end: m.End})
			anyStrong = anyStrong || rule != ruleWeak
			continue
		}
		for c := range codes {
			hits = append(hits, areaHit{word: int32(m.Payload), code: int32(c), rule: rule, start: m.Start, end: m.End})
		}
		if aligned {
			for c := range am.words[extra].codes {
				hits = append(hits, areaHit{word: int32(extra), code: int32(c), rule: ruleActedOn, start: m.Start, end: m.End})
			}
		}
		anyStrong = anyStrong || rule != ruleWeak
	}
	hits = am.dropFramingInTitle(hits, flags, st.masked)
	sc.hits = hits
	// only the cues that decide are written out: the strong ones when
	// there are any, else the weak ones
	var cues []entente.AreaCue // nil when none
	n := 0
	for _, h := range hits {
		if (h.rule != ruleWeak) == anyStrong {
			n++
		}
	}
	if n > 0 {
		// kept in the result: in the document's slab, at their count,
		// each written field by field into its zero slot
		cues = sc.areaCues.take(n)
		i := 0
		for _, h := range hits {
			if (h.rule != ruleWeak) == anyStrong {
				w, c := &am.words[h.word], &cues[i]
				c.Area, c.Rule, c.Text, c.Start, c.End = w.codeOf(h.code), areaRuleNames[h.rule], w.text, h.start, h.end
				i++
			}
		}
	}
	// settleAreas, with the areas in the document's slab too
	areas := sc.codes.take(max(len(cues), len(am.dflt)))[:0]
	return appendAreas(areas, cues, am.dflt), cues
}

// dropFramingInTitle drops, in place, the hits of framing words ([area-weak]:
// 联合国) inside a title or name that also holds a keyword of its own
// (《联合国气候变化框架公约》: green, not the UN order): the title is about
// its keyword; a title of framing words alone (《联合国宪章》) keeps them.
// A regional body in a cited title (《东盟—香港自由贸易协定》) is the
// agreement's counterpart, not the regional order, as a framing word is.
func (am *areaMatcher) dropFramingInTitle(hits []areaHit, flags []runeFlags, masked []rune) []areaHit {
	out := hits[:0]
	for _, h := range hits {
		framing := am.words[h.word].weak || am.framing(h) && masked[h.start] == '□'
		if !framing || flags[h.start]&fShielded == 0 || !am.keywordBeside(hits, h, flags) {
			out = append(out, h)
		}
	}
	return out
}

// framing reports whether a hit frames a title rather than says its field:
// a framing word's ([area-weak]), or a keyword's placing it in the regional
// and international order (东盟, 欧盟).
func (am *areaMatcher) framing(h areaHit) bool {
	w := &am.words[h.word]
	return w.weak || h.code >= 0 && int(h.code) < len(w.codes) && w.codes[h.code] == frameworkArea
}

// keywordBeside reports whether a hit of a keyword that is no framing word
// stands in the same shielded run of runes as h.
func (am *areaMatcher) keywordBeside(hits []areaHit, h areaHit, flags []runeFlags) bool {
	for _, o := range hits {
		if am.framing(o) || o.word == h.word || flags[o.start]&fShielded == 0 {
			continue
		}
		lo, hi := min(h.start, o.start), max(h.end, o.end)
		same := true
		for i := lo; i < hi; i++ {
			if flags[i]&fShielded == 0 {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// isPartyAlias reports whether the keyword w is another name of one of the
// document's parties (台湾 in Taipei's agreements, where it is TW; in
// Beijing's statements, where TW is no party, it stays a topic). Object of
// a verb or not (欢迎台湾企业投资), it is the party, never the question
// the keyword's area is about.
func (w *areaWord) isPartyAlias(parties []string) bool {
	for _, c := range w.aliasOf {
		if slices.Contains(parties, c) {
			return true
		}
	}
	return false
}

// strongInClause reports whether a strong keyword stands in the clause of
// the match m: a framing word aligned with a plan named by one (“一带一路”同
// …发展战略对接) is a topic beside it; aligned with a plan referred to
// (同该规划对接), it stays as weak as the plan's own words.
func (am *areaMatcher) strongInClause(st *text, ms []lexicon.Match, m lexicon.Match) bool {
	for _, c := range st.clauseSpans() {
		if m.Start < c.Start || m.Start >= c.End {
			continue
		}
		for _, o := range ms {
			if w := &am.words[o.Payload]; o.Start >= c.Start && o.End <= c.End && !w.weak && w.area != noArea {
				return true
			}
		}
		return false
	}
	return false
}

// alignedWithPlan reports whether, in the clause of the match m, a head of
// a strategy, plan or framework ([aligned-plan-head]: 战略, 规划, 》) stands
// after it: what the framework is aligned with is a partner's plan (…同柬方
// “四角战略”对接), not an organisation (…同欧亚经济联盟建设对接).
func (am *areaMatcher) alignedWithPlan(st *text, m lexicon.Match) bool {
	for _, c := range st.clauseSpans() {
		if m.Start < c.Start || m.Start >= c.End {
			continue
		}
		for i := m.End; i < c.End; i++ {
			if am.alignedPlanAt.startsAt(st.rs, i) > i {
				return true
			}
		}
		return false
	}
	return false
}

// hotspotArea is the area of regional conflicts and disputes.
const hotspotArea = "hotspots"

// sovereigntyArea is the area of sovereignty and territorial integrity.
const sovereigntyArea = "sovereignty"

// describedHotspots returns the modifiers that describe a disputed place
// or conflict: from its clause's start to the attributive particle right
// before a hotspot keyword (建立以1967年边界为基础、拥有完全主权的独立的巴勒斯坦国).
func (am *areaMatcher) describedHotspots(st *text, ms []lexicon.Match) [][2]int {
	var out [][2]int
	for _, m := range ms {
		w := &am.words[m.Payload]
		if w.codes[0] != hotspotArea || m.Start == 0 || !am.attributive.has(st.masked[m.Start-1]) {
			continue
		}
		for _, c := range st.clauseSpans() {
			if m.Start >= c.Start && m.Start < c.End {
				out = append(out, [2]int{c.Start, m.Start - 1})
				break
			}
		}
	}
	return out
}

// inSpans reports whether [start, end) lies inside one of the spans.
func inSpans(spans [][2]int, start, end int) bool {
	for _, sp := range spans {
		if start >= sp[0] && end <= sp[1] {
			return true
		}
	}
	return false
}

// frameworkArea is the area of frameworks: initiatives, organisations and
// systems whose names also carry a sector (全球安全倡议, 世界贸易组织).
const frameworkArea = "international_order"

// areaHit is one area a keyword gives, before the sentence's areas are
// settled. It holds no pointer (the area, the rule's name and the
// keyword's text are found from its indexes when a cue is written out):
// hits are appended to a buffer the document's sentences share, and a
// struct with pointers pays the collector's write barrier on each append
// while a collection marks.
type areaHit struct {
	word       int32    // the keyword: its index in areaMatcher.words
	code       int32    // the area: its index in the word's codes
	rule       areaRule // the rule that placed it
	start, end int      // the keyword's runes [start, end) in the sentence
}

// areaRule is the rule that placed a sentence in an area by a keyword,
// named in the cue by areaRuleNames.
type areaRule uint8

const (
	ruleArea    areaRule = iota // a strong keyword, or a facility's head (伊尔克什坦口岸)
	ruleActedOn                 // a framing word the parties act on (巩固双边关系)
	ruleWeak                    // a framing word alone, or a keyword in a title or name
)

var areaRuleNames = [...]string{ruleArea: "area", ruleActedOn: "area (acted on)", ruleWeak: "area (weak)"}

// settleAreas decides a sentence's areas from the keywords found in it, in
// any language: the strong keywords when there are any, else the weak ones
// (a framing word alone still places a sentence), else the default areas;
// each area once, sorted, never nil.
func settleAreas(strong, weak []entente.AreaCue, dflt []string) ([]string, []entente.AreaCue) {
	cues := strong
	if len(cues) == 0 {
		cues = weak
	}
	areas := []string{}
	if n := max(len(cues), len(dflt)); n > 0 {
		areas = make([]string, 0, n) // one allocation, at most the cues' or defaults' count
	}
	return appendAreas(areas, cues, dflt), cues
}

// appendAreas appends to areas (empty, with room for the cues' or the
// defaults' count) each cue's area once, or the defaults when there is no
// cue, and sorts them.
func appendAreas(areas []string, cues []entente.AreaCue, dflt []string) []string {
	for _, c := range cues {
		if !slices.Contains(areas, c.Area) {
			areas = append(areas, c.Area)
		}
	}
	if len(areas) == 0 {
		areas = append(areas, dflt...)
	}
	sort.Strings(areas)
	return areas
}

// headsUnfieldedProject reports whether a keyword ending at end is the
// head of a named project whose name says no field of its own: a
// facility's head word names its kind, and so its sector (伊尔克什坦口岸),
// unless a strong keyword before it in the name says which field it serves
// (天文数据中心 is astronomy's). before are the keywords found before it.
func (am *areaMatcher) headsUnfieldedProject(named []nameSpan, before []lexicon.Match, end int) bool {
	for _, n := range named {
		if n.mechanism || n.End != end && n.End != end+1 {
			continue
		}
		for _, b := range before {
			if w := &am.words[b.Payload]; b.Start >= n.Start && !w.weak && w.area != noArea {
				return false
			}
		}
		return true
	}
	return false
}

// objectOfVerb reports whether a predicate (支持, 加强…) ends right where a
// word starts: the word is its object.
func objectOfVerb(toks []token, at int) bool {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End >= at })
	return i < len(toks) && toks[i].End == at && toks[i].Kind.has(cPredicate)
}

// joinedToKeyword reports whether the k-th keyword, one of two codes, is
// joined by a list conjunction alone to another such keyword before or
// after it (全球发展倡议和全球安全倡议): two items of a list of initiatives, as
// with 、. Beside a word of one code (能效和新能源汽车) it keeps both.
func (am *areaMatcher) joinedToKeyword(rs []rune, ms []lexicon.Match, k int, g *grammar) bool {
	m := ms[k]
	if k > 0 && ms[k-1].End == m.Start-1 && g.listConj.has(rs[m.Start-1]) && len(am.words[ms[k-1].Payload].codes) > 1 {
		return true
	}
	return k+1 < len(ms) && ms[k+1].Start == m.End+1 && g.listConj.has(rs[m.End]) && len(am.words[ms[k+1].Payload].codes) > 1
}

// appraisedFramework reports whether the framework word at start
// (全球文明倡议) is what an appraisal in its clause bears on (赞赏全球文明倡议,
// 高度评价中方提出的全球发展倡议, 赞赏并支持…): the nearest cue before it,
// past conjunctions and support, is an appraisal, and the word ends its
// clause (the whole object, not the frame of what is appraised: 欢迎全球发展
// 倡议项下首批项目落地, 高度评价中方在…框架下提供的支持). The initiative is
// then named as one, as in a list; support alone (支持…全球安全倡议，愿…)
// keeps its field.
func appraisedFramework(st *text, start, end int) bool {
	rs := st.rs
	if end < len(rs) && !isClauseBreak(rs[end]) {
		return false
	}
	cs := start
	for cs > 0 && !isClauseBreak(rs[cs-1]) {
		cs--
	}
	for i := len(st.toks) - 1; i >= 0; i-- {
		tk := st.toks[i]
		if tk.End > start {
			continue
		}
		if tk.Start < cs {
			break
		}
		if tk.Kind&(cConnective|cSupport) != 0 {
			continue
		}
		return tk.Kind&cAppraisal != 0
	}
	return false
}

// inEnumeration reports whether the word at [start, end) is an item of an
// enumeration: an enumeration comma stands right before or after it.
func inEnumeration(rs []rune, start, end int) bool {
	return (start > 0 && rs[start-1] == '、') || (end < len(rs) && rs[end] == '、')
}

// inAlignedClause reports whether the character at i stands in a clause that
// aligns what it names (A同B对接, [alignment]).
func (am *areaMatcher) inAlignedClause(st *text, i int) bool {
	for _, c := range st.clauseSpans() {
		if c.Start <= i && i < c.End {
			return am.alignment.endsAt(st.masked, c.End) > c.Start
		}
	}
	return false
}

// markShielded flags the runes whose area keywords are weak: inside a
// title, a quoted name (not a quoted programme of events, “…环境年”), a mechanism's name after its first keyword (中塞海关
// 安全合作机制 is about customs) or the two its conjunction joins (矿业和能源…), or a background clause (在…的背景下). A
// quotation that is one keyword alone (“科索沃”, “台独”) is no name: it
// stays the topic.
func (am *areaMatcher) markShielded(st *text, g *grammar, out []runeFlags) {
	open := -1
	shielded := st.masked
	if !st.has(markTitle | markQuote | markBox) {
		shielded = nil // no □ in the masked copy and no quotation: nothing to mark
	}
	abided := false // the title being read is what the parties abide by
	for i, r := range shielded {
		if r == '□' {
			if i == 0 || shielded[i-1] != '□' {
				// 恪守《联合国宪章》: the instrument abided by is the topic;
				// so is a plan aligned with (同《国家发展计划》对接): each side
				// of an alignment is a topic
				abided = i >= 2 && st.rs[i-1] == '《' && (g.titleVerb.endsAt(shielded, i-1) >= 0 || am.inAlignedClause(st, i))
			}
			if !abided {
				out[i] |= fShielded
			}
		}
		switch r {
		case '“':
			open = i
		case '”':
			if open >= 0 {
				// a programme of events (“中越人文交流年”) is about what its
				// name says: a year of culture is a cultural programme
				if end, _ := am.m.LongestAt(st.rs, open+1); end != i && !g.eventProgramme(st.masked, open, i+1) {
					for j := open + 1; j < i; j++ {
						out[j] |= fShielded
					}
				}
				open = -1
			}
		}
	}
	for _, n := range st.named {
		if !n.mechanism {
			continue
		}
		// the name's first strong keyword names its domain; the rest are
		// its kind
		i := max(n.Start, 0)
		for i < n.End && i < len(out) {
			if end, p := am.m.LongestAt(st.rs, i); end > i {
				i = end
				if !am.words[p].weak {
					break
				}
				continue
			}
			i++
		}
		// two fields joined by a conjunction (矿业和能源合作分委会) both name
		// the body's domain
		for i+1 < n.End && i+1 < len(out) && g.nameConj.has(st.rs[i]) {
			end, p := am.m.LongestAt(st.rs, i+1)
			if end <= i+1 || am.words[p].weak {
				break
			}
			i = end
		}
		for ; i < n.End && i < len(out); i++ {
			out[i] |= fShielded
		}
	}
	for _, c := range st.clauseSpans() {
		if g.background.endsAt(st.masked, c.End) > c.Start || am.opensBackground(st.masked, c) {
			for i := c.Start; i < c.End; i++ {
				out[i] |= fShielded
			}
			continue
		}
		am.markFrames(st.masked, c, g, out)
	}
}

// markFrames flags the inside of a frame within a clause, 在X框架下 or
// 在X框架内 ([frame-open] … [frame-close]): the body named there is where
// the parties act, not what they act on (在上海合作组织框架内加强反恐合作).
func (am *areaMatcher) markFrames(rs []rune, c clauseSpan, g *grammar, out []runeFlags) {
	open := -1
	for i := c.Start; i < c.End; i++ {
		if !am.frameEdge.has(rs[i]) {
			continue // neither closes nor opens a frame here
		}
		if e := am.frameClose.startsAt(rs, i); e > i {
			if open >= 0 {
				for j := open; j < i; j++ {
					out[j] |= fShielded
				}
			}
			open = -1
			i = e - 1
			continue
		}
		if e := g.frameOpen.startsAt(rs, i); e > i {
			open = e // the nearest opening before the close
		}
	}
}

// opensBackground reports whether a clause opens with a word that sets the
// scene (面对…，随着…，), after the joints that may precede it (同时，此外).
func (am *areaMatcher) opensBackground(rs []rune, c clauseSpan) bool {
	i := c.Start
	for i < c.End && isFillerRune(rs[i]) {
		i++
	}
	e := am.backgroundOpen.startsAt(rs, i)
	if e <= i || e >= c.End {
		return false
	}
	// a recital of an instrument's preamble that ends at its semicolon
	// (鑑於兩地之間日益密切的貿易…往來；) is a point of the preamble, no
	// scene for a clause after it: its fields are the text's own
	j := c.End
	for j < len(rs) && unicode.IsSpace(rs[j]) {
		j++
	}
	return j >= len(rs) || (rs[j] != '；' && rs[j] != ';')
}

// quotedInName reports whether the keyword at [start, end), quoted whole,
// opens a longer name found in the sentence (推动“一带一路”自然灾害防治和应急
// 管理国际合作机制建设): the framework names the body or facility, and is no
// object of the verb before it.
func quotedInName(st *text, start, end int) bool {
	if start == 0 || st.masked[start-1] != '“' {
		return false
	}
	for _, n := range st.named {
		if n.Start <= start-1 && n.End > end+1 {
			return true
		}
	}
	return false
}

// actedOn reports whether the weak keyword at [start, end) is what the
// clause's verb acts on: a [topic-verb] stands right before it, with only
// [topic-modifier]s, country names or short forms between. It is not when
// an attributive particle follows it in the clause (发展友好关系的政策 is
// about the policy), when it is one item of a list (高层互访、军事训练… share
// the list's topic), or when its clause is weighed by an importance frame
// (…有助于促进世界和平: what the topic is good for).
func (am *areaMatcher) actedOn(rs []rune, start, end int, flags []runeFlags, countries *countryIndex) bool {
	if flags[start]&(fModifier|fWeighed) != 0 || inEnumeration(rs, start, end) {
		return false
	}
	if am.agentOpen.startsAt(rs, end) > end {
		return false // 推动两国企业在…领域开展合作: the enterprises act, the field is the topic
	}
	i := start
	if i > 0 && rs[i-1] == '“' && end < len(rs) && rs[end] == '”' {
		i-- // a name quoted whole (推动共建“一带一路”) is acted on as a bare one
	}
	for steps := 0; i > 0 && steps < 6; steps++ {
		if v := am.topicVerb.endsAt(rs, i); v >= 0 {
			return true
		}
		if j := am.topicModifier.endsAt(rs, i); j >= 0 {
			i = j
			continue
		}
		if j := countries.nameEndsAt(rs, i); j >= 0 {
			i = j
			continue
		}
		if i >= 2 && countries.isShortRune(rs[i-1]) && countries.isShortRune(rs[i-2]) {
			i -= 2
			continue
		}
		return false
	}
	return false
}

// markClauses flags, for each rune of a sentence, what its clause says of
// the keywords there (fModifier, fWeighed, fExample, fAligned); one pass each, so
// that reading every keyword stays linear in a long sentence.
func (am *areaMatcher) markClauses(st *text, g *grammar, flags []runeFlags) {
	rs := st.masked
	after := false
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		if (r < 0x4E00 || r > 0x9FFF) && isClauseBreak(r) { // a Han character breaks no clause
			after = false
		}
		if after {
			flags[i] |= fModifier
		}
		if am.attributive.has(r) {
			after = true
		}
	}
	k := 0
	toks := st.toks
	for _, c := range st.clauseSpans() {
		for k < len(toks) && toks[k].Start < c.Start {
			k++
		}
		for j := k; j < len(toks) && toks[j].End <= c.End; j++ {
			if toks[j].Kind.has(cImportance) {
				for i := c.Start; i < c.End; i++ {
					flags[i] |= fWeighed
				}
				break
			}
		}
		if am.alignment.endsAt(rs, c.End) > c.Start {
			for i := c.Start; i < c.End; i++ {
				flags[i] |= fAligned
			}
		}
		// "A、B、C等 HEAD": from the item before the first 、 up to 等
		first, marker := -1, -1
		end := c.End
		if !st.has(markEnum) {
			end = c.Start // no 、 in the sentence: no pass over the clause
		}
		// the first 、, then the last marker after it (as one pass that
		// notes the first 、 and, once it has one, each marker)
		for i := c.Start; i < end; i++ {
			if rs[i] == '、' {
				first = i
				break
			}
		}
		if first >= 0 {
			for i := first + 1; i < end; i++ {
				if g.listMarker.has(rs[i]) && am.exampleHead.startsAt(rs, i+1) > i+1 {
					marker = i
				}
			}
		}
		if marker < 0 {
			continue
		}
		from := first
		for from > c.Start && !isFillerRune(rs[from-1]) && am.topicVerb.endsAt(rs, from) < 0 && first-from < 8 {
			from--
		}
		// 联合国、世界卫生组织等国际组织: a head that names an area itself
		// places the sentence, and its examples name none
		example := fExample
		if e, p := am.m.LongestAt(rs, marker+1); e > marker+1 && am.words[p].area != noArea {
			example |= fHeadedExample
		}
		for i := from; i < marker; i++ {
			flags[i] |= example
		}
	}
}

// isClauseBreak reports whether r ends a clause (，；：。 and their ASCII forms).
func isClauseBreak(r rune) bool {
	switch r {
	case '，', '；', '：', ',', ';', ':', '。', '！', '？':
		return true
	}
	return false
}

// framingCode, as an areaHit's code, places the sentence in the framing
// of the relationship instead of the word's own codes.
const framingCode = -1

// codeOf returns the area of a hit's code.
func (w *areaWord) codeOf(c int32) string {
	if c == framingCode {
		return "political"
	}
	return w.codes[c]
}

// valuesInClause counts the [shared-value] words in the clause around at.
func (am *areaMatcher) valuesInClause(rs []rune, at int) int {
	start, end := at, at
	for start > 0 && !isClauseBreak(rs[start-1]) {
		start--
	}
	for end < len(rs) && !isClauseBreak(rs[end]) {
		end++
	}
	n := 0
	for i := start; i < end; i++ {
		if e := am.sharedValue.startsAt(rs, i); e > i {
			n++
			i = e - 1
		}
	}
	return n
}
