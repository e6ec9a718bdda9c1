package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// entityRules find named mechanisms (standing bodies, dialogues, cooperation
// mechanisms) and projects (facilities, programmes, corridors, works). A
// name is read backwards from the word that ends it (委员会, 工作组, 监测站,
// 项目) to the verb, preposition or punctuation before it, or taken from a
// list "A、B、C等机制". Generic ones (相关对话机制, a training centre) are
// left out: a generic head needs a proper part in its name.
type entityRules struct {
	mechSuffix, projStrong, projWeak *lexicon.Matcher
	// projQuoted are heads that name a project only after a quoted name
	// ([project-after-quote]: “钱凯—上海”新航线), never alone (两国直航航线)
	projQuoted *lexicon.Matcher
	// mechQuoted are heads that name a mechanism only after a quoted name
	// ([mechanism-after-quote]: “钻石六边”合作架构), never alone
	mechQuoted *lexicon.Matcher
	// projStation are heads that name a facility only after a region and
	// the station's own name ([station-head], [station-region]: a polar
	// research station), never alone
	projStation *lexicon.Matcher
	// projNumbered are heads that name a programme only right after a
	// numeral ([numbered-set-head]: a numbered set of actions)
	projNumbered   *lexicon.Matcher
	stationRegions *wordSet
	anyHead        *runeBits // the first-rune bits of the four above, united
	stops, generic *wordSet
	notMechanism   map[string]bool
	// notMechPrefix are the [not-mechanism] names of more than one
	// character that end in no generic head: a name opening with one is
	// none (isMechanism), listed once instead of found by walking the map
	notMechPrefix maskedWords
	// the words isMechanism searches a name for, with masks
	regionMasks, markMasks, gradeMasks maskedWords
	listHeads                          *lexicon.Matcher
	headKinds                          []string
	joint, actions                     *wordSet
	partyHead                          *wordSet // [party-head]: an office after the parties' joint word (两国外长)
	stateForm                          *wordSet // [state-form]: ends a party's official name (葡萄牙共和国, 澳门特别行政区)
	alignment                          *wordSet // [alignment]: closes a clause that aligns plans (…等发展战略对接)
	planHeads                          []string // [reference-kind] words of kind plan: a name ending so may be a plan
	initiatives                        []string // [reference-kind] words of kind initiative, and [quoted-not-project] names
	regions                            []string // [region-name]: a region or basin that names a regional mechanism
	// basinCoop are the [basin-name] words joined to a [basin-cooperation]
	// word (澜湄合作): a subregional mechanism by its short name
	basinCoop, basins *wordSet
	heads             *wordSet // [mechanism-suffix] read forwards
	proper            func(string) bool
	opensWithParty    func([]rune) bool
	countryEnd        func([]rune) int  // where a country's name (or a party's alias) opening rs ends, 0 for none
	shortForm         func(string) bool // a country's one-character short form (塞, 哈)
	fieldOnly         func([]rune) bool // rs is one field's word ([area]), whole
	g                 *grammar
}

func newEntityRules(t *lexicon.Table, g *grammar) *entityRules {
	er := &entityRules{g: g,
		mechSuffix: lexicon.NewMatcher(), projStrong: lexicon.NewMatcher(), projWeak: lexicon.NewMatcher(), projQuoted: lexicon.NewMatcher(), mechQuoted: lexicon.NewMatcher(),
		stops:   newWordSet(t.Words("entity-stop")),
		generic: newWordSet(t.Words("generic-determiner")), notMechanism: map[string]bool{},
		listHeads: lexicon.NewMatcher(), joint: newWordSet(t.Words("party-joint")), actions: newWordSet(t.Words("action")),
		heads: newWordSet(t.Words("mechanism-suffix")), partyHead: newWordSet(t.Words("party-head")),
		stateForm: newWordSet(t.Words("state-form")),
		alignment: newWordSet(t.Words("alignment")), regions: t.Words("region-name"),
	}
	var coop []string
	for _, b := range t.Words("basin-name") {
		for _, c := range t.Words("basin-cooperation") {
			coop = append(coop, b+c)
		}
	}
	if len(coop) > 0 {
		er.basinCoop, er.basins = newWordSet(coop), newWordSet(t.Words("basin-name"))
	}
	for _, e := range t.Entries("reference-kind") {
		switch e.Value {
		case "plan":
			er.planHeads = append(er.planHeads, e.Text)
		case "initiative":
			er.initiatives = append(er.initiatives, e.Text)
		}
	}
	er.initiatives = append(er.initiatives, t.Words("quoted-not-project")...)
	for _, w := range t.Words("mechanism-suffix") {
		er.mechSuffix.AddReversed(w, 0)
	}
	for _, w := range t.Words("project-strong") {
		er.projStrong.AddReversed(w, 0)
	}
	for _, w := range t.Words("project-weak") {
		er.projWeak.AddReversed(w, 0)
	}
	for _, w := range t.Words("project-after-quote") {
		er.projQuoted.AddReversed(w, 0)
	}
	for _, w := range t.Words("mechanism-after-quote") {
		er.mechQuoted.AddReversed(w, 0)
	}
	er.projNumbered = lexicon.NewMatcher()
	for _, w := range t.Words("numbered-set-head") {
		er.projNumbered.AddReversed(w, 0)
	}
	if hs := t.Words("station-head"); len(hs) > 0 {
		er.projStation, er.stationRegions = lexicon.NewMatcher(), newWordSet(t.Words("station-region"))
		for _, w := range hs {
			er.projStation.AddReversed(w, 0)
		}
		er.anyHead = unionStarts(er.mechSuffix, er.mechQuoted, er.projStrong, er.projWeak, er.projQuoted, er.projStation, er.projNumbered)
	} else {
		er.anyHead = unionStarts(er.mechSuffix, er.mechQuoted, er.projStrong, er.projWeak, er.projQuoted, er.projNumbered)
	}
	for _, w := range t.Words("not-mechanism") {
		er.notMechanism[w] = true
	}
	var prefixes []string
	for n := range er.notMechanism {
		if len(n) > 3 && !hasAnySuffix(n, g.genericHead) {
			prefixes = append(prefixes, n)
		}
	}
	slices.Sort(prefixes) // an order of its own, not the map's
	er.notMechPrefix = newMaskedWords(prefixes)
	er.regionMasks, er.markMasks, er.gradeMasks = newMaskedWords(er.regions), newMaskedWords(g.mechMarks), newMaskedWords(g.relationshipGrade)
	for _, e := range t.Entries("list-head") {
		if e.Value == "mechanism" || e.Value == "project" {
			er.listHeads.Add(e.Text, len(er.headKinds))
			er.headKinds = append(er.headKinds, e.Value)
		}
	}
	return er
}

// maxCompared bounds the names a new name is compared with in one sentence.
const maxCompared = 32

// find returns the mechanisms and projects named in a sentence, each with
// where it stands (the cue's text is the name). stopAt marks the positions
// where a cue word ends: a name never reaches back past one. quoted says
// whether the sentence holds a “ (text.marks).
func (er *entityRules) find(masked []rune, stopAt, inName []bool, quoted bool) (mechs, projs []entente.Cue) {
	// the names already found, by equality: a scan of the list while it
	// is short (most sentences name a few), a set once it is long
	var mechSet, projSet map[string]bool
	add := func(list *[]entente.Cue, name string, end int, rule string) {
		set := &mechSet
		if list == &projs {
			set = &projSet
		}
		if len(*list) > maxCompared {
			if *set == nil {
				*set = make(map[string]bool, 2*len(*list))
				for _, n := range *list {
					(*set)[n.Text] = true
				}
			}
			if (*set)[name] {
				return
			}
		} else {
			for _, n := range *list {
				if n.Text == name {
					return
				}
			}
		}
		// a name inside one already found (中巴经济走廊, then 经济走廊) is
		// that one; only the latest names are compared, so that a sentence
		// listing thousands of names is still read in linear time
		recent := *list
		if len(recent) > maxCompared {
			recent = recent[len(recent)-maxCompared:]
		}
		for _, n := range recent {
			if strings.Contains(n.Text, name) {
				return
			}
		}
		start := end - utf8.RuneCountInString(name)
		role := er.g.roleAfter.startsAt(masked, end) // 作为X的作用: X is the role played
		if (er.endsClause(masked, end) || role > end && er.endsClause(masked, role)) && er.becomes(masked, start) {
			// 已成为…的“黄金大通道”: what something becomes, the head of its
			// clause's complement, is no project (成为中老经济走廊的节点 names one);
			// what a body is set up as (…，作为…的高级别对话机制) is no second body;
			// nor is the role one is valued in (澳门作为中葡商贸合作服务平台的作用)
			return
		}
		if *set != nil {
			(*set)[name] = true
		}
		*list = append(*list, entente.Cue{Rule: rule, Text: name, Start: start, End: end})
	}
	// A、B、C等机制 / 等两国发展项目
	for i, r := range masked {
		if !er.g.listMarker.has(r) {
			continue
		}
		k := i + 1
		if e := er.joint.startsAt(masked, k); e >= 0 {
			k = e
		}
		end, p := er.listHeads.LongestAt(masked, k)
		if end < 0 {
			continue
		}
		items := er.listBefore(masked, i, stopAt, inName)
		if len(items) < 2 {
			continue
		}
		for _, it := range items {
			if er.headKinds[p] == "mechanism" {
				add(&mechs, it.name, it.end, "list")
			} else {
				add(&projs, it.name, it.end, "list")
			}
		}
	}
	if quoted { // a quoted project needs a “ (without one, no pass over the sentence)
		er.quotedProjects(masked, func(name string, end int) {
			if !er.alignedPlan(masked, name, end) {
				add(&projs, name, end, "quoted name")
			}
		})
	}
	for end := len(masked); end > 0; end-- {
		if !er.anyHead.has(masked[end-1]) {
			continue // no head word ends with this character
		}
		if s, _ := er.mechSuffix.SuffixAt(masked, end); s >= 0 && !er.innerSuffix(masked, s, end) {
			if name := er.nameEndingAt(masked, s, end, stopAt, inName); name != "" && er.isMechanism(name, s, masked) &&
				!er.round(masked, end-utf8.RuneCountInString(name)) && !er.joinedActivity(masked, end) &&
				!er.afterCitedQuote(masked, end-utf8.RuneCountInString(name), s) {
				n, e := closeQuote(masked, name, end) // “中巴…联合委员会”: the quote closes after the head
				add(&mechs, n, e, "head word")
			}
		}
		if s, _ := er.mechQuoted.SuffixAt(masked, end); s > 0 && er.quotedBefore(masked, s) {
			// “钻石六边”合作架构: a framework named in quotes, its head after them
			if name := er.nameEndingAt(masked, s, end, stopAt, inName); strings.HasPrefix(name, "“") && er.isMechanism(name, s, masked) {
				add(&mechs, name, end, "head word")
				continue
			}
		}
		if name := er.numberedSet(masked, end); name != "" {
			n, e := closeQuote(masked, name, end)
			add(&projs, n, e, "head word")
			continue
		}
		if s, _ := er.projStrong.SuffixAt(masked, end); s >= 0 {
			if name := er.nameEnding(masked, s, end, stopAt, inName, true); name != "" {
				e := er.withSection(masked, s, end, er.withSerial(masked, end))
				n, e := closeQuote(masked, name+string(masked[end:e]), e)
				add(&projs, n, e, "head word")
			}
			continue
		}
		if s, _ := er.projQuoted.SuffixAt(masked, end); s > 0 && er.quotedBefore(masked, s) {
			// “钱凯—上海”新航线: a route named in quotes, its head after them
			if name := er.nameEndingAt(masked, s, end, stopAt, inName); strings.HasPrefix(name, "“") {
				add(&projs, name, end, "head word")
				continue
			}
		}
		if name := er.regionStation(masked, end, stopAt, inName); name != "" {
			add(&projs, name, end, "head word")
			continue
		}
		if s, _ := er.projWeak.SuffixAt(masked, end); s >= 0 {
			if name := er.quotedBeforeHead(masked, s, end); name != "" {
				// “负责任使用小型模块化反应堆技术基础设施”项目: a name quoted
				// whole before a generic head is the programme's, verbs and
				// all, unless the name read back holds the whole quote
				// already (欧盟“地平线欧洲”计划: its owner's name and all)
				if read := er.nameEndingAt(masked, s, end, stopAt, inName); utf8.RuneCountInString(read) < utf8.RuneCountInString(name) {
					add(&projs, name, end, "head word")
					continue
				}
			}
			if er.g.planVerb.startsAt(masked, s) == end && (er.g.futureAuxFrame.startsAt(masked, end) >= 0 || er.g.planVerbNext.startsAt(masked, end) >= 0) {
				// 美国和印度尼西亚计划通过…共同努力: "plan to", a verb before
				// its frame or its action, heads no programme
				continue
			}
			// 国王路升级改造项目: the works done, right before a generic
			// suffix, are part of the project's name, no verb that ends it
			from := s
			if w := er.g.worksInner.endsAt(masked, s); w >= 0 && w < s && er.g.genericSuffix.startsAt(masked, s) == end {
				from = w
			}
			if name := er.nameEndingAt(masked, from, end, stopAt, inName); name != "" && er.namedProject(masked, s, end, name) &&
				!er.alignedPlan(masked, name, end) {
				if inner, at := er.innerFacility(masked, s, end, stopAt, inName); inner != "" {
					// 蒙贝拉水电站项目: the project is the facility it names
					add(&projs, inner, at, "head word")
					continue
				}
				e := er.withSection(masked, s, end, er.withSerial(masked, end))
				n, e := closeQuote(masked, name+string(masked[end:e]), e)
				add(&projs, n, e, "head word")
			}
		}
	}
	if er.basinCoop != nil {
		mechs = er.basinCooperation(masked, mechs, projs, add)
	}
	return mechs, withoutInner(projs, mechs)
}

// numberedSet returns the numbered set of actions whose [numbered-set-head]
// ends at end, read back over the numerals before it (十大伙伴行动, 八大行动),
// or "": without a numeral the head names nothing.
func (er *entityRules) numberedSet(masked []rune, end int) string {
	s, _ := er.projNumbered.SuffixAt(masked, end)
	if s <= 0 {
		return ""
	}
	k := s
	for k > 0 && er.g.numerals.has(masked[k-1]) {
		k--
	}
	if k == s {
		return ""
	}
	return string(masked[k:end])
}

// maxStationName bounds a station's own name between its region and its
// head (南极|长城|站, 北极|科学考察|站).
const maxStationName = 4

// regionStation returns the research station whose [station-head] ends at
// end, named after its region with a name of its own and something naming
// it before the region (中国北极黄河站), or "": a station of the region
// alone (北极科考站) is a kind, and a head with no region before its name
// (中国始终站在…) none.
func (er *entityRules) regionStation(masked []rune, end int, stopAt, inName []bool) string {
	if er.projStation == nil {
		return ""
	}
	s, _ := er.projStation.SuffixAt(masked, end)
	if s < 0 {
		return ""
	}
	for k := s - 1; k >= 0 && k >= s-maxStationName; k-- {
		if !unicode.Is(unicode.Han, masked[k]) {
			return ""
		}
		r := er.stationRegions.endsAt(masked, k)
		if r < 0 {
			continue
		}
		name := er.nameEndingAt(masked, s, end, stopAt, inName)
		if n := utf8.RuneCountInString(name); n > end-r {
			return name // something before the region names the station
		}
		return ""
	}
	return ""
}

// withoutInner drops the projects named inside a standing body's name
// (中巴经济走廊联合合作委员会): the name is the body's, no project the
// sentence names.
func withoutInner(projs, mechs []entente.Cue) []entente.Cue {
	if len(projs) == 0 || len(mechs) == 0 {
		return projs
	}
	kept := projs[:0]
	for _, p := range projs {
		inside := false
		for _, m := range mechs {
			if m.Start <= p.Start && p.End <= m.End && p.End-p.Start < m.End-m.Start {
				inside = true
				break
			}
		}
		if !inside {
			kept = append(kept, p)
		}
	}
	return kept
}

// basinCooperation finds a river basin's cooperation named without a head
// (澜湄合作框架下, 深化澜沧江—湄公河合作): the subregional mechanism by its
// short name. One followed by a head word is named by the head reading
// (澜湄合作机制, 澜湄合作专项基金), and so is one inside a name found.
func (er *entityRules) basinCooperation(masked []rune, mechs, projs []entente.Cue, add func(*[]entente.Cue, string, int, string)) []entente.Cue {
	for k := 0; k < len(masked); k++ {
		e := er.basinCoop.startsAt(masked, k)
		if e < 0 {
			continue
		}
		if e < len(masked) && er.anyHeadAt(masked, e) {
			k = e - 1
			continue
		}
		start := k
		// 澜沧江—湄公河合作: the basin's two rivers joined
		if k > 1 && isNameTrim(masked[k-1]) {
			if s := er.basins.endsAt(masked, k-1); s >= 0 {
				start = s
			}
		}
		inside := false
		for _, list := range [][]entente.Cue{mechs, projs} {
			for _, c := range list {
				inside = inside || c.Start <= start && e <= c.End
			}
		}
		if !inside {
			add(&mechs, string(masked[start:e]), e, "basin cooperation")
		}
		k = e - 1
	}
	return mechs
}

// anyHeadAt reports whether a mechanism or project head word opens at i.
func (er *entityRules) anyHeadAt(rs []rune, i int) bool {
	if er.heads.startsAt(rs, i) >= 0 {
		return true
	}
	for _, m := range []*lexicon.Matcher{er.projStrong, er.projWeak} {
		for end := i + 1; end <= len(rs) && end <= i+6; end++ {
			if s, _ := m.SuffixAt(rs, end); s == i {
				return true
			}
		}
	}
	return false
}

// round reports whether a name opening at start follows a round's ordinal
// ([round-ordinal]: 新一轮…, 第五轮…): a round of a dialogue is a meeting
// held, not the standing body.
func (er *entityRules) round(rs []rune, start int) bool {
	return start > 0 && start <= len(rs) && er.g.round.has(rs[start-1])
}

// endsClause reports whether a name ending at end closes its clause, or is
// followed only by a bare head that ends the name before it (高级别对话机制:
// the name read is 高级别对话).
func (er *entityRules) endsClause(rs []rune, end int) bool {
	for e := end; e <= len(rs); e++ {
		if e == len(rs) || isClauseBreak(rs[e]) {
			return e == end || er.g.afterHead[string(rs[end:e])]
		}
		if e-end > 4 {
			return false
		}
	}
	return false
}

// becomes reports whether a [become] word (成为, 作为) stands before position
// at in its clause: a name there ending the clause is the complement of
// "becomes" or "as", a description.
//
// The name must be the complement itself: right after the word, or right
// after a modifier closed by an attributive particle (作为统筹…合作的高级别
// 对话机制); one after another verb (作为观察员加入中国—中亚机制) is that
// verb's object, a name.
func (er *entityRules) becomes(rs []rune, at int) bool {
	if at > 0 && er.g.become.endsAt(rs, at) >= 0 {
		return true
	}
	if at == 0 || er.g.attributive.endsAt(rs, at) < 0 {
		return false
	}
	for i := at - 1; i >= 0 && !isClauseBreak(rs[i]); i-- {
		if er.g.become.endsAt(rs, i+1) >= 0 {
			return true
		}
	}
	return false
}

// alignedPlan reports whether a name ending at end in a plan's word (计划,
// 规划, 战略) stands in a clause that aligns it with an initiative (“一带一路”
// 倡议同巴西“新工业计划”等发展战略对接): a national plan aligned with an
// initiative is a plan the parties cite, not a project they build. Aligned
// with a project (“三北”工程同“十亿棵树”计划对接) it is a programme of works.
func (er *entityRules) alignedPlan(rs []rune, name string, end int) bool {
	if !hasAnySuffix(strings.TrimRight(name, "”"), er.planHeads) {
		return false
	}
	k := end
	for k < len(rs) && !isClauseBreak(rs[k]) {
		k++
	}
	if er.alignment.endsAt(rs, k) < end {
		return false
	}
	from := end - 1
	for from > 0 && !isClauseBreak(rs[from-1]) {
		from--
	}
	clause := string(rs[from:k])
	for _, w := range er.initiatives {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// topicalForum reports whether name ends in a forum head ([forum-head]:
// 论坛, also inside 合作论坛) and a [forum-topic] word stands in what comes
// before it.
func (er *entityRules) topicalForum(name string) bool {
	rs := []rune(name)
	for _, h := range er.g.forumHead {
		if !strings.HasSuffix(name, h) {
			continue
		}
		for i := range len(rs) - len([]rune(h)) {
			if er.g.forumTopic.startsAt(rs, i) > i {
				return true
			}
		}
	}
	return false
}

// forumModifier returns what stands before a bare forum head ([forum-head]:
// 论坛, not a [mechanism-suffix] such as 合作论坛), or "" when the name ends
// otherwise.
func (er *entityRules) forumModifier(name string) string {
	for _, h := range er.g.forumHead {
		if strings.HasSuffix(name, h) {
			if s, _ := er.mechSuffix.SuffixAt([]rune(name), len([]rune(name))); s >= 0 && string([]rune(name)[s:]) != h {
				return "" // a longer head of its own (合作论坛)
			}
			return strings.TrimSuffix(name, h)
		}
	}
	return ""
}

// quotedBefore reports whether a quoted name closes at most two characters
// before the head at s (“钱凯—上海”新航线, “A—B”海运通道).
func (er *entityRules) quotedBefore(rs []rune, s int) bool {
	for k := s - 1; k >= 0 && s-k <= 3; k-- {
		if rs[k] == '”' {
			return true
		}
		if isFillerRune(rs[k]) || isClauseBreak(rs[k]) {
			return false
		}
	}
	return false
}

// afterCitedQuote reports whether a closing quotation mark between start
// and the head at s closes a quoted cited title (“南海行为准则”磋商,
// “…行为准则”谈判进程): the talks are about the instrument, and a name read
// back from their head from inside the quotation is no body.
func (er *entityRules) afterCitedQuote(rs []rune, start, s int) bool {
	for q := max(start, 0); q < s; q++ {
		if rs[q] != '”' {
			continue
		}
		open := quoteOpen(rs, q)
		return open >= 0 && open < start && er.g.quotedTitle.endsAt(rs, q) > open+1
	}
	return false
}

// regionAt reports whether a [region-name] word opens at k.
func (er *entityRules) regionAt(rs []rune, k int) bool {
	head := string(rs[k:min(k+8, len(rs))]) // encoded once, not once a word
	for _, w := range er.regions {
		if strings.HasPrefix(head, w) {
			return true
		}
	}
	return false
}

// closeQuote takes in the closing quotation mark of a name that opens one
// and ends with its head inside it (“区域综合经济走廊”).
func closeQuote(rs []rune, name string, end int) (string, int) {
	if strings.HasPrefix(name, "“") && !strings.Contains(name, "”") && end < len(rs) && rs[end] == '”' {
		return name + "”", end + 1
	}
	return name, end
}

// quotedProjects finds programmes named only in quotation marks, with no
// head word: “X” right before a [quoted-project-after] word (推进“两国双园”
// 建设), or the object of an action that ends its clause (高水平建设“两国双园”，).
// Initiatives and frameworks quoted so (“一带一路”) are no projects, nor is a
// quoted name that a title ending or another head word follows (“三北”工程
// is read with its head).
func (er *entityRules) quotedProjects(rs []rune, found func(name string, end int)) {
	open := -1
	// quoted spans read, whether each is a project: a quoted name joined by
	// a conjunction or 、 to a quoted project, or standing right beside one
	// (办好“A走廊”和“B”, “A周”“B”“C”等活动), is one too, along the whole run
	type span struct {
		start, end int
		project    bool
	}
	var spans []span
	defer func() {
		joined := func(a, b span) bool {
			return b.start == a.end || b.start == a.end+1 && (er.g.listConj.has(rs[a.end]) || rs[a.end] == '、')
		}
		take := func(k int) {
			o := &spans[k]
			if o.end-o.start >= 4 && !er.g.quotedNotProject[string(rs[o.start+1:o.end-1])] {
				found(string(rs[o.start:o.end]), o.end)
				o.project = true
			}
		}
		n := min(len(spans), maxCompared)
		for k := 1; k < n; k++ { // forwards, then backwards
			if spans[k-1].project && !spans[k].project && joined(spans[k-1], spans[k]) {
				take(k)
			}
		}
		for k := n - 1; k > 0; k-- {
			if spans[k].project && !spans[k-1].project && joined(spans[k-1], spans[k]) {
				take(k - 1)
			}
		}
	}()
	for i, r := range rs {
		switch {
		case r == '“':
			open = i
		case r == '”' && open >= 0:
			start, end := open, i+1
			open = -1
			inner := string(rs[start+1 : end-1])
			// a quoted title (“…合作谅解备忘录”) is cited, not built
			if end-start < 4 || er.g.quotedNotProject[inner] || er.g.quotedTitle.endsAt(rs, end-1) > start+1 {
				spans = append(spans, span{start, end, false})
				continue
			}
			// a quoted standing body (设立“中巴经贸工作组”，) is a mechanism,
			// read by its head word, whatever verb acts on it
			if body, _ := er.mechSuffix.SuffixAt(rs, end-1); body > start+1 {
				spans = append(spans, span{start, end, false})
				continue
			}
			// a name that ends in a facility head is read as a project by
			// the head word rule (“区域综合经济走廊”)
			headed, _ := er.projStrong.SuffixAt(rs, end-1)
			spans = append(spans, span{start, end, headed > start})
			after := false
			next := string(rs[end:min(end+8, len(rs))]) // encoded once, not once a word
			for w := range er.g.quotedAfter {
				if strings.HasPrefix(next, w) {
					after = true
				}
			}
			// the object of an action that ends its clause, or is listed
			// before a named project (推动“两国双园”和北加里曼丹工业园建设)
			acted := er.actions.endsAt(rs, start) >= 0 &&
				(end == len(rs) || isClauseBreak(rs[end]) || headed <= start && er.listedBeforeProject(rs, end))
			if after || acted || er.g.eventProgramme(rs, start, end) {
				found(string(rs[start:end]), end)
				spans[len(spans)-1].project = true
			}
		}
	}
}

// listedBeforeProject reports whether a list conjunction or 、 at end joins
// the name before it to a project named by its head in the same clause.
func (er *entityRules) listedBeforeProject(rs []rune, end int) bool {
	if end >= len(rs) || !er.g.listConj.has(rs[end]) && rs[end] != '、' {
		return false
	}
	for j := end + 2; j <= len(rs) && j-end <= 24; j++ {
		if isClauseBreak(rs[j-1]) {
			return false
		}
		if s, _ := er.projStrong.SuffixAt(rs, j); s > end+1 {
			return true
		}
	}
	return false
}

// eventProgramme reports whether the quoted name in [start, end) names a
// programme of events by its [event-head] (“中法环境年”, “澜湄周”), not a
// span of years (“黄金三十年”).
func (g *grammar) eventProgramme(rs []rune, start, end int) bool {
	inner := rs[start+1 : end-1]
	for k := len(inner) - 1; k >= 2; k-- {
		if g.eventHead.startsAt(inner, k) == len(inner) {
			return !g.numerals.has(inner[k-1]) && !g.isDigit(inner[k-1])
		}
	}
	return false
}

// boundToParties reports whether a word between the parties' joint word
// and the head binds the name to them (两国外交部间…: between the two
// countries' ministries).
func (er *entityRules) boundToParties(rs []rune, from, to int) bool {
	for k := from; k < to; k++ {
		if er.g.boundAfterParty.startsAt(rs, k) >= 0 {
			return true
		}
	}
	return false
}

// innerFacility returns the facility named right before a generic suffix
// at [s, end) ([generic-suffix]: 项目, 工程), when one is: a name ending in a
// facility head of its own, read as that head would be, and where its name
// ends. Else "".
func (er *entityRules) innerFacility(rs []rune, s, end int, stopAt, inName []bool) (string, int) {
	if er.g.genericSuffix.startsAt(rs, s) != end {
		return "", 0
	}
	// a line or unit between the facility and the suffix is part of the
	// facility's name (天然气管道D线项目); a phase is not (一期工程 is the
	// works of one phase)
	f := er.serialBefore(rs, s)
	serial := string(rs[f:s])
	named := s // where the name with its serial ends
	if w := er.g.worksInner.endsAt(rs, f); f == s && w >= 0 && w < s {
		// 体育场维修改造项目: the works done to the facility are no part of its name
		f, named = w, w
	}
	if h, _ := er.projStrong.SuffixAt(rs, f); h >= 0 {
		if name := er.nameEnding(rs, h, f, stopAt, inName, true); name != "" {
			return name + serial, named
		}
		return "", 0
	}
	if h, _ := er.projWeak.SuffixAt(rs, f); h >= 0 && er.g.genericSuffix.startsAt(rs, h) != f {
		if name := er.nameEndingAt(rs, h, f, stopAt, inName); name != "" && er.namedProject(rs, h, f, name) {
			return name + serial, named
		}
	}
	return "", 0
}

// serialBefore returns where a serial written right before s starts (D线,
// 3号: Latin letters or digits and a [serial] character), or s when there
// is none.
func (er *entityRules) serialBefore(rs []rune, s int) int {
	if s < 2 || !er.g.serial.has(rs[s-1]) {
		return s
	}
	j := s - 1
	for j > 0 && (er.g.isDigit(rs[j-1]) || rs[j-1] >= 'A' && rs[j-1] <= 'Z') {
		j--
	}
	if j == s-1 {
		return s
	}
	return j
}

// withSerial extends a project's name over a serial number written after
// its head (资源卫星06星, 卫星二号, 3号机组): it is part of the name.
func (er *entityRules) withSerial(rs []rune, end int) int {
	k := end
	for k < len(rs) && rs[k] >= '0' && rs[k] <= '9' {
		k++
	}
	if k > end && k < len(rs) && er.g.serial.has(rs[k]) {
		return er.withUnit(rs, k+1)
	}
	// a phase of the works (电厂二期, 码头3期) is part of its name
	for k < len(rs) && er.g.numerals.has(rs[k]) {
		k++
	}
	if k > end && k < len(rs) && er.g.isDate(rs[k], dPhase) {
		return k + 1
	}
	// a serial in numerals written as characters (遥感卫星二号): only the
	// [serial-numeral] characters end one (一线 after a hospital is no serial)
	if k > end && k < len(rs) && er.g.serialNumeral.has(rs[k]) {
		return er.withUnit(rs, k+1)
	}
	return end
}

// withSection extends a route's name ([route-head] from s to end) over the
// section named after it by its two ends joined by a dash and a
// [route-section] word (中老铁路磨丁—万象段): the section is the project.
// e is where the name ends so far; a serial read after it keeps it.
func (er *entityRules) withSection(rs []rune, s, end, e int) int {
	if e != end || !er.g.routeHeads[string(rs[s:end])] {
		return e
	}
	dash := -1
	for k := end; k < len(rs) && k-end <= 16; k++ {
		r := rs[k]
		if r == '—' || r == '－' || r == '-' {
			if dash >= 0 || k == end {
				return e
			}
			dash = k
			continue
		}
		if isClauseBreak(r) || isFillerRune(r) || er.stops.startsAt(rs, k) > k {
			return e
		}
		if w := er.g.routeSection.startsAt(rs, k); w > k && dash >= 0 && k > dash+1 {
			return w
		}
	}
	return e
}

// joinedActivity reports whether a dialogue's name ending at end is joined
// to cooperation ([activity-pair]: 促进中欧对话与合作): dialogue and
// cooperation done, no standing body; a mechanism's head after the pair
// (…工作组和合作机制) makes it a second name.
func (er *entityRules) joinedActivity(rs []rune, end int) bool {
	e := er.g.activityPair.startsAt(rs, end)
	return e > end && er.heads.startsAt(rs, e) < 0
}

// withUnit extends a name that ends in a serial at k over the unit the
// serial numbers ([serial-unit]: 核电站3号机组), when one follows.
func (er *entityRules) withUnit(rs []rune, k int) int {
	if e := er.g.serialUnit.startsAt(rs, k); e > k {
		return e
	}
	return k
}

// namedProject reports whether a name with a generic head (项目, 中心) is
// a named project: its modifier has a proper part. A head that also names a
// place (…港) names a project only as the object of an action (加快…港建设),
// not as a location (在…港附近), whatever its modifier.
// quotedBeforeHead returns the quoted name standing right before a generic
// head at s (“…”项目, “…”计划) with the head, or "" when none does, or when
// the quote holds an initiative or a title cited rather than a programme.
func (er *entityRules) quotedBeforeHead(rs []rune, s, end int) string {
	if s < 4 || rs[s-1] != '”' {
		return ""
	}
	open := -1
	for i := s - 2; i >= 0; i-- {
		if rs[i] == '”' {
			return "" // quotes side by side: no single name
		}
		if rs[i] == '“' {
			open = i
			break
		}
	}
	if open < 0 || s-1-open < 3 {
		return ""
	}
	inner := string(rs[open+1 : s-1])
	if er.g.quotedNotProject[inner] || er.g.quotedTitle.endsAt(rs, s-1) > open+1 {
		return ""
	}
	return string(rs[open:end])
}

func (er *entityRules) namedProject(rs []rune, s, end int, name string) bool {
	head := string(rs[s:end])
	mod := strings.TrimSuffix(name, head)
	if end+1 < len(rs) && rs[end] == '、' && er.anyHeadAt(rs, end+1) {
		// 埃及公路、港口和机场: the country owns a list of kinds of works,
		// the first of which is no facility it names
		return false
	}
	if end+1 < len(rs) && er.g.listConj.has(rs[end]) && er.anyHeadAt(rs, end+1) && er.countryEnd != nil {
		// 智利铁路和港口基础设施: a country's name before two kinds of
		// works joined owns both, as a list with 、 does; a named route
		// (中老铁路和港口) is more than the country
		if m := []rune(mod); len(m) > 0 && er.countryEnd(m) == len(m) {
			return false
		}
	}
	if er.g.placeHead[head] {
		// a port named by a place is one (以钱凯港为枢纽, 关丹港与钦州港),
		// unless it locates something (在…港附近) or names a kind (深水港)
		start := end - utf8.RuneCountInString(name)
		if er.kindOnly(mod) {
			return false
		}
		if s > 0 && er.g.pairBeforePort[string(rs[s-1])] {
			return false // 下设粤港合作…: the pair's 港, no port
		}
		if er.g.placeTerritory.endsAt(rs, end) >= 0 {
			return false // 广东省人民政府与香港: the territory, no port
		}
		if w := er.g.placeVerb.endsAt(rs, end); w >= 0 && w < s {
			return false // 瓜达尔港开港: the port opens, no port named 开港
		}
		if er.g.placePost.startsAt(rs, end) > end || er.headFollows(rs, end) {
			return false // …港水域: a place; 吉大港语言中心: part of a longer name
		}
		return er.actions.endsAt(rs, start) >= 0 ||
			er.g.placeLocative.endsAt(rs, start) < 0 && !er.locatedIn(rs, start, s)
	}
	if er.g.routeHeads[head] && (er.contractedRoute(mod) || er.cityTransit(mod) || er.corridorRoute(rs, s, end-utf8.RuneCountInString(name))) {
		return true
	}
	if er.g.transitProject[head] && er.cityTransit(er.withoutNumber(mod)) {
		return true // 斋月十日城轻轨项目, 波哥大地铁二号线: the city's line is the project named
	}
	if rest, ok := er.withoutFramework(mod); ok {
		// 共建“一带一路”示范项目: a framework quoted in the modifier says
		// under what a project is done; the rest has to name it
		return rest != "" && er.proper(rest)
	}
	if er.g.countryKindHead[head] && er.kindInCountry(mod) {
		return false
	}
	return er.proper(mod)
}

// kindInCountry reports whether a generic head's modifier is a country's
// name and one field's word, nothing else (希腊可再生能源项目: projects of a
// kind in that country, none named). Only [country-kind-head] heads are read
// so: a satellite's serial names one (巴基斯坦通信卫星二号).
func (er *entityRules) kindInCountry(mod string) bool {
	if er.countryEnd == nil || er.fieldOnly == nil {
		return false
	}
	rs := []rune(mod)
	ce := er.countryEnd(rs)
	return ce > 0 && ce < len(rs) && er.fieldOnly(rs[ce:])
}

// withoutFramework returns a modifier without the initiatives and
// frameworks quoted in it ([quoted-not-project]: “一带一路”), and whether it
// held one.
func (er *entityRules) withoutFramework(mod string) (string, bool) {
	if !strings.ContainsRune(mod, '“') {
		return mod, false
	}
	var b strings.Builder
	found := false
	for {
		i := strings.IndexRune(mod, '“')
		if i < 0 {
			break
		}
		j := strings.IndexRune(mod[i:], '”')
		if j < 0 {
			break
		}
		j += i
		if !er.g.quotedNotProject[mod[i+len("“"):j]] {
			b.WriteString(mod[:j+len("”")])
			mod = mod[j+len("”"):]
			continue
		}
		b.WriteString(mod[:i])
		mod = mod[j+len("”"):]
		found = true
	}
	b.WriteString(mod)
	return b.String(), found
}

// locatedIn reports whether a locative opens the modifier [start, s) of a
// place head, or one of two characters or more stands inside it (船只停靠
// …港): the name is where something happens.
func (er *entityRules) locatedIn(rs []rune, start, s int) bool {
	for k := start; k < s; k++ {
		if e := er.g.placeLocative.startsAt(rs, k); e > k && e < s && (k == start || e-k >= 2) {
			return true
		}
	}
	return false
}

// headFollows reports whether a project head ends a few characters after
// end, before any stop word or punctuation: the name ending at end is then
// the modifier of a longer one (吉大港语言中心).
func (er *entityRules) headFollows(rs []rune, end int) bool {
	if er.g.genericSuffix.startsAt(rs, end) > end {
		return false // 皎漂深水港项目: 项目 adds nothing to the port's name
	}
	if er.g.placeVerb.startsAt(rs, end) > end {
		return false // 瓜达尔港开港: the port's opening is said of it
	}
	for j := end + 1; j <= len(rs) && j-end <= 8; j++ {
		if r := rs[j-1]; isFillerRune(r) || isClauseBreak(r) || er.stops.startsAt(rs, j-1) > j-1 {
			return false
		}
		if s, _ := er.projStrong.SuffixAt(rs, j); s >= end {
			return true
		}
		if s, _ := er.projWeak.SuffixAt(rs, j); s >= end {
			return true
		}
	}
	return false
}

// cityTransit reports whether a route's modifier is a city's transit line
// ([transit-kind]: 轻轨, 地铁 after a place of two characters or more that
// names no kind, 斋月十日城轻轨铁路): a city's line is named by its city.
func (er *entityRules) cityTransit(mod string) bool {
	for _, k := range er.g.transitKinds {
		place, ok := strings.CutSuffix(mod, k)
		if !ok {
			continue
		}
		rs := []rune(place)
		return len(rs) >= 2 && !er.g.routeGeneric[place] && er.generic.startsAt(rs, 0) < 0 &&
			er.joint.startsAt(rs, 0) < 0 && !er.kindOnly(place)
	}
	return false
}

// withoutNumber cuts the number that closes a modifier (波哥大地铁二 of
// 波哥大地铁二号线: the line's number, written in digits or numerals).
func (er *entityRules) withoutNumber(mod string) string {
	rs := []rune(mod)
	k := len(rs)
	for k > 0 && (rs[k-1] >= '0' && rs[k-1] <= '9' || er.g.numerals.has(rs[k-1])) {
		k--
	}
	return string(rs[:k])
}

// kindOnly reports whether a head's modifier is made of [kind-modifier]
// words alone (经济, 陆路边境): it names a kind of facility, not one.
func (er *entityRules) kindOnly(mod string) bool {
	rs := []rune(mod)
	if len(rs) == 0 {
		return false
	}
	ok := make([]bool, len(rs)+1) // ok[i]: rs[:i] splits into kind words
	ok[0] = true
	for i := 1; i <= len(rs); i++ {
		for j := max(0, i-4); j < i && !ok[i]; j++ {
			ok[i] = ok[j] && er.g.kindModifier[string(rs[j:i])]
		}
	}
	return ok[len(rs)]
}

// corridorRoute reports whether a route's modifier, rs[start:s] before its
// head, is a named corridor it runs along, with perhaps words of its kind
// or gauge after it ([route-generic]: 北部走廊标准轨距铁路, 中央走廊铁路): the
// corridor's [project-strong] head with a modifier that is no mere kind
// (经济走廊铁路 names none).
func (er *entityRules) corridorRoute(rs []rune, s, start int) bool {
	j := s
	for j > start {
		k := -1
		for w := 2; w <= 4 && j-w > start; w++ {
			if er.g.routeGeneric[string(rs[j-w:j])] {
				k = j - w
			}
		}
		if k < 0 {
			break
		}
		j = k
	}
	h, _ := er.projStrong.SuffixAt(rs, j)
	if h <= start {
		return false
	}
	mod := string(rs[start:h])
	return !er.kindOnly(mod) && er.generic.startsAt(rs, start) < 0
}

// contractedRoute reports whether the two characters before a route head
// name its two ends, one character each (蒙内铁路: Mombasa–Nairobi), rather
// than its kind (城际铁路, [route-generic]).
func (er *entityRules) contractedRoute(mod string) bool {
	rs := []rune(mod)
	if len(rs) != 2 || er.g.routeGeneric[mod] || er.generic.startsAt(rs, 0) >= 0 || er.joint.startsAt(rs, 0) >= 0 {
		return false
	}
	return unicode.Is(unicode.Han, rs[0]) && unicode.Is(unicode.Han, rs[1])
}

// nameSpan is where a mechanism's or project's name stands in a sentence:
// the area keywords inside it name the entity, not the sentence's topic.
type nameSpan struct {
	Start, End int
	mechanism  bool
}

// skipDate steps over a date that opens a name (2019年5月阿曼湾…) or a span
// of years joined by a dash (2027—2029年合作计划): a time is never part of a
// facility's or a programme's name.
func (g *grammar) skipDate(rs []rune, i, limit int) int {
	j := i
	for j < limit {
		k := j
		for k < limit && g.isDigit(rs[k]) {
			k++
		}
		if k > j && k+1 < limit && isNameTrim(rs[k]) && rs[k] != ' ' && g.isDigit(rs[k+1]) {
			// the first year of a span (2027—2029年): the span ends at the second
			for k++; k < limit && g.isDigit(rs[k]); k++ {
			}
		}
		if k == j || k >= limit || !g.isDateUnit(rs[k]) {
			break
		}
		j = k + 1
	}
	return j
}

// readBack reads backwards from s to the start of a name: a stop word,
// punctuation (quotation marks and dashes belong to names), an ordinal or
// 24 runes from end.
//
// inner says the head is a standing body's (工作组, 委员会), whose name may
// hold a verb or adverb of its purpose ([name-inner]: 海上共同开发磋商工作组,
// 发展战略对接工作组): such a word does not end it. facility says the head is
// no mechanism's, so a word inside any name ([any-name-inner]: 自由 of
// 第比利斯自由大学) does not end it either; a process or dialogue keeps to
// its own (亚太自由贸易区进程 is no body).
func (er *entityRules) readBack(rs []rune, s, end int, stopAt, inName []bool, inner, facility bool) int {
	if o := quotationOpening(rs, s, end); o >= 0 {
		// “台马情资通报机制”, “国际高等人力培训外籍生奖学金计画”: a head that
		// closes a quotation names the whole quotation, whatever cue
		// words stand inside it
		return o
	}
	i := s
	for i > 0 && end-i < 24 {
		r := rs[i-1]
		innerWord := inner && er.g.nameInner.endsAt(rs, i) >= 0 || facility && er.g.anyNameInner.endsAt(rs, i) >= 0
		// an ordinal's character opening a region's name (次区域) or an
		// office (次长级) is no ordinal
		ordinal := er.g.ordinal.has(r) && !er.regionAt(rs, i-1) && er.g.notOrdinal.startsAt(rs, i-1) < 0
		if (stopAt[i] && !innerWord && !(i == s && er.g.boundHead.startsAt(rs, s) >= 0)) || r == '□' || r == '》' || ordinal {
			// a head bound to the word before it (…倡议之友小组) reads past a
			// cue that ends right there
			break
		}
		if r == '）' {
			// 中新（重庆）示范项目: a place in brackets inside a name
			if o := openingBracket(rs, i-1); o > 0 && end-o < 24 {
				i = o
				continue
			}
		}
		if isFillerRune(r) && r != '-' && r != '－' && r != '—' && r != '·' && r != '“' && r != '”' {
			break
		}
		if r == '”' && rs[i] == '“' {
			break // “A”“B平台”: quoted names in a row are names of their own
		}
		if r == '”' && i < s && er.headedBefore(rs, i-1) {
			// 就设立“A交流计划”进行磋商, 透过“B奖学金计划”到港升读大学: a
			// quoted name that ends in a head of its own is whole, and the
			// head read from is another word's; a quoted name with none
			// (“一带一路”…合作机制) goes on to it
			break
		}
		if r == '“' && !slices.Contains(rs[i:end], '”') {
			// 企业进驻“皇家科技园区”: a name whose quotation opens here and
			// is not closed before its head is the quoted name, no more
			i--
			break
		}
		// a stop word inside a country's name (阿尔及利亚) stops nothing, nor
		// one that opens a head word inside the name (对 of 中印尼高级别对话合作机制)
		// or a verb that goes on past it (对 of 发展战略对接工作组)
		if st := er.stops.endsAt(rs, i); st >= 0 && !innerWord && !inName[i] && !inName[st] && er.heads.startsAt(rs, st) <= i &&
			!(i-st == 1 && er.actions.startsAt(rs, st) > i) && !er.spelt(rs, st, i) {
			if k := er.jointGovernments(rs, st, i, end); k >= 0 {
				i = k // 中华人民共和国政府和乌克兰政府合作委员会: one body of two governments
			}
			break
		}
		i--
	}
	return i
}

// quotationOpening returns where the quotation opens that the head at
// [s, end) closes (the head ends right before ”, and “ stands before s with
// no ” between), within the length a name may have, or -1.
func quotationOpening(rs []rune, s, end int) int {
	if end >= len(rs) || rs[end] != '”' {
		return -1
	}
	for o := s - 1; o >= 0 && end-o < 24; o-- {
		switch rs[o] {
		case '“':
			if o+1 < s {
				return o
			}
			return -1
		case '”', '。', '；', '，':
			return -1
		}
	}
	return -1
}

// headedBefore reports whether a mechanism's or a project's head word
// ends right before the closing quotation mark at q.
func (er *entityRules) headedBefore(rs []rune, q int) bool {
	for _, m := range []*lexicon.Matcher{er.mechSuffix, er.projStrong, er.projWeak} {
		if st, _ := m.SuffixAt(rs, q); st >= 0 && st < q {
			return true
		}
	}
	return false
}

// jointGovernments returns where a name of two governments' joint body
// opens when the stop word at [st, i) is a [name-conjunction] between two
// parties' names with the same [party-head] (中华人民共和国政府和乌克兰政府
// 合作委员会), or -1: the first name is found reading forwards, within the
// length a name may have before end.
func (er *entityRules) jointGovernments(rs []rune, st, i, end int) int {
	if i-st != 1 || !er.g.nameConj.has(rs[st]) || er.countryEnd == nil {
		return -1
	}
	after := er.countryEnd(rs[i:])
	if after <= 0 {
		return -1
	}
	h := er.partyHead.startsAt(rs, i+after)
	if h < 0 {
		// 澳门特别行政区与葡萄牙共和国合作混合委员会: two official names
		// with no government after them; two bare names (中国和巴西) end it
		if er.stateForm.endsAt(rs, i+after) < i {
			return -1
		}
		for k := max(0, end-maxJointName); k < st-1; k++ {
			if er.countryEnd(rs[k:]) == st-k && er.stateForm.endsAt(rs, st) >= k {
				return k
			}
		}
		return -1
	}
	head := string(rs[i+after : h])
	hs := st - len([]rune(head))
	if hs <= 0 || string(rs[hs:st]) != head {
		return -1
	}
	for k := max(0, end-maxJointName); k < hs; k++ {
		if er.countryEnd(rs[k:]) == hs-k {
			return k
		}
	}
	return -1
}

// maxJointName bounds a joint body's name of two governments.
const maxJointName = 40

// openingBracket returns where the （ matching the ） at close stands when
// a short run of Han characters (a place) lies between them and a name goes
// on before it, or -1.
func openingBracket(rs []rune, close int) int {
	for k := close - 1; k > 0 && close-k <= 6; k-- {
		switch {
		case rs[k] == '（':
			if close-k >= 2 && !isFillerRune(rs[k-1]) {
				return k
			}
			return -1
		case !unicode.Is(unicode.Han, rs[k]):
			return -1
		}
	}
	return -1
}

// spelt reports whether the one-character stop word at [st, i) stands
// inside a foreign name spelt out (的 of 亚的斯亚贝巴): a [transliteration]
// character before it and three after it, or fewer after it that run right
// into a facility's head (蒙得维的亚港).
func (er *entityRules) spelt(rs []rune, st, i int) bool {
	if i-st != 1 || st == 0 || !er.g.transliteration.has(rs[st-1]) {
		return false
	}
	k := i
	for k < len(rs) && k < i+3 && er.g.transliteration.has(rs[k]) {
		k++
	}
	return k == i+3 || k > i && er.anyHeadAt(rs, k)
}

// properStart reports whether a name opens with a proper part: two short
// forms (中巴, 中欧), a country's name, or a quotation mark.
func (er *entityRules) properStart(rs []rune) bool {
	if len(rs) == 0 {
		return false
	}
	if rs[0] == '“' {
		return true
	}
	return er.opensWithParty(rs)
}

// innerSuffix reports whether the head word at [s, end) is a bare 机制 right
// after another head (工作组机制, 联委会机制): the name then ends at that head.
func (er *entityRules) innerSuffix(rs []rune, s, end int) bool {
	if !er.g.afterHead[string(rs[s:end])] {
		return false
	}
	inner, _ := er.mechSuffix.SuffixAt(rs, s)
	return inner >= 0
}

// endsWithHead reports whether the text before end closes with a project
// or mechanism head word: a name complete in itself.
func (er *entityRules) endsWithHead(rs []rune, end int) bool {
	if s, _ := er.projStrong.SuffixAt(rs, end); s >= 0 {
		return true
	}
	if s, _ := er.projWeak.SuffixAt(rs, end); s >= 0 {
		return true
	}
	s, _ := er.mechSuffix.SuffixAt(rs, end)
	return s >= 0
}

// nameEndingAt reads the name whose head word spans [s, end).
func (er *entityRules) nameEndingAt(rs []rune, s, end int, stopAt, inName []bool) string {
	return er.nameEnding(rs, s, end, stopAt, inName, false)
}

// nameEnding is nameEndingAt; strongHead says the head names a facility by
// its nature ([project-strong]).
func (er *entityRules) nameEnding(rs []rune, s, end int, stopAt, inName []bool, strongHead bool) string {
	if end < len(rs) && er.g.continues.has(rs[end]) {
		return "" // 工业园区: the head word goes on; a generic area, not a facility
	}
	standing := !strongHead && er.g.standingSet.endsAt(rs, end) >= s
	ms, _ := er.mechSuffix.SuffixAt(rs, end)
	facility := ms < 0
	i := er.readBack(rs, s, end, stopAt, inName, standing, facility)
	// A name may hold a conjunction or a verb (中巴高层协调与合作委员会,
	// 中巴扩大产能合作基金): when the part read so far has no proper start
	// and a proper one stands just before the word that stopped us, the
	// name reaches back to it.
	if i < s && !er.properStart(rs[i:end]) {
		stop, conj := i, false
		if st := er.stops.endsAt(rs, i); st >= 0 && st < i {
			// the longest stop word: 参与 is a verb, not the conjunction 与
			stop = st
			conj = i-st == 1 && er.g.nameConj.has(rs[st])
		}
		if stop < i && !(conj && stop > 0 && (rs[stop-1] == '”' || er.endsWithHead(rs, stop))) {
			// a quoted name before the conjunction is a name of its own
			// (“区域综合经济走廊”和北加里曼丹工业园), and so is one that
			// ends in a head word (曼谷职业学院和清迈语言中心);
			// across a conjunction the first part may be long (中巴高层协调与…);
			// across a verb only the parties stand before it (中巴扩大…)
			// a place after 在 (在埃及开设更多孔子学院) is where the verb acts,
			// not the parties
			verb := er.actions.startsAt(rs, stop) == i
			if j := er.readBack(rs, stop, stop, stopAt, inName, standing, facility); j < stop && end-j <= 28 && (er.properStart(rs[j:stop]) &&
				(conj || verb && stop-j <= 3 && (j == 0 || !er.g.isDate(rs[j-1], dAt))) || conj && standing && er.fieldPair(rs, j, stop, i)) {
				i = j
			}
		}
	}
	// a standing body named by its purpose keeps the word that says it
	// before a long modifier (发展战略对接工作组)
	purpose := func(i int) bool {
		e := er.g.nameInner.startsAt(rs, i)
		return standing && e > i && s-e >= 4
	}
	if e := er.actions.startsAt(rs, i); e > i && e <= s && !er.properStart(rs[i:end]) && !purpose(i) {
		i = e // 提升班列运行效率: the verb is not part of the name
	}
	if i >= s {
		return ""
	}
	i = er.g.skipDate(rs, i, s)
	if er.countOpens(rs, i, s) || er.countBefore(rs, i, s) {
		return "" // 二十余个部长级会议机制: a count of bodies, no named one
	}
	if e := er.g.sideSuffix.startsAt(rs, i+1); e > i+1 && e <= s && er.shortForm(string(rs[i])) {
		return "" // 哈方工业园: a side's facilities, not a named one (东方工业园 is one)
	}
	if e := er.joint.startsAt(rs, i); e >= 0 && e <= s && !er.boundToParties(rs, e, s) {
		// 两国企业家互访机制: the parties are not part of the name, but the
		// office that holds it is (两国外长战略对话机制: 外长战略对话机制)
		if h := er.partyHead.endsAt(rs, e); h > i {
			e = h
		}
		if e < s {
			i = e
		}
	}
	if e := er.g.frameOpen.startsAt(rs, i); e > i && e < s && er.properStart(rs[e:end]) {
		i = e // 自中老铁路开通以来: the frame's opening word is not part of the name
	}
	if e := er.generic.startsAt(rs, i); e >= 0 {
		// a facility named by nature keeps a generic opener before a
		// content word of its own (国际月球科研站); otherwise (相关产业园,
		// 国际合作产业园) the opener makes it generic
		// nor does a standing body whose opener is a word of its purpose
		// before a long modifier (发展战略对接工作组)
		if !purpose(i) && (!strongHead || s-e < 2 || er.generic.startsAt(rs, e) >= 0) {
			return ""
		}
	}
	// strings.Trim(string(rs[i:end]), "—-－ ") on the runes, so that a
	// name too short to keep is never encoded (a rune encodes to one, an
	// invalid one to U+FFFD, which the cut set does not hold)
	a, b := i, end
	for a < b && isNameTrim(rs[a]) {
		a++
	}
	for b > a && isNameTrim(rs[b-1]) {
		b--
	}
	if b-a <= end-s+1 {
		return ""
	}
	name := string(rs[a:b])
	if strongHead && er.kindOnly(strings.TrimSuffix(name, string(rs[s:end]))) {
		return "" // 经济走廊, 陆路边境口岸: a kind of facility, not a named one
	}
	return name
}

// fieldPair reports whether a standing body's name joins two fields by a
// conjunction (矿业和能源合作分委会, 投资与产业合作工作组): the word before the
// conjunction at [j, stop) is one field ([forum-topic]) and the name read
// from i opens with another.
func (er *entityRules) fieldPair(rs []rune, j, stop, i int) bool {
	return er.g.forumTopic.startsAt(rs, j) == stop && er.g.forumTopic.startsAt(rs, i) > i
}

// countOpens reports whether the name read from i opens with a count of
// things (numerals, then a [count-word]: 二十余个, 三项) before s.
func (er *entityRules) countOpens(rs []rune, i, s int) bool {
	j := i
	for j < s && er.g.isDigit(rs[j]) {
		j++
	}
	if j == i {
		return false
	}
	e := er.g.countWord.startsAt(rs, j)
	return e > j && e <= s
}

// countBefore reports whether a count of things (numerals, then a
// [count-word]) stands right before the head at s (…提供巴方至少二十名奖学金):
// the head is counted, not named.
func (er *entityRules) countBefore(rs []rune, i, s int) bool {
	for k := i; k < s; k++ {
		if er.g.isDigit(rs[k]) && (k == 0 || !er.g.isDigit(rs[k-1])) {
			j := k
			for j < s && er.g.isDigit(rs[j]) {
				j++
			}
			if e := er.g.countWord.startsAt(rs, j); e == s {
				return true
			}
		}
	}
	return false
}

// isNameTrim reports a rune nameEnding trims from a name's ends.
func isNameTrim(r rune) bool { return r == '—' || r == '-' || r == '－' || r == ' ' }

// isMechanism rejects international organisations, fora and generic
// dialogues, and asks a generic head to have a proper part.
func (er *entityRules) isMechanism(name string, s int, rs []rune) bool {
	// a quotation mark before a name does not hide it from the list
	if er.notMechanism[name] || er.notMechanism[strings.Trim(name, "“”")] {
		return false
	}
	if i := strings.LastIndexFunc(name, isNameTrim); i >= 0 {
		// a side paired with an organisation (中国—东盟 before a free
		// trade agreement) names the two sides, no body of theirs
		_, w := utf8.DecodeRuneInString(name[i:])
		if er.notMechanism[name[i+w:]] {
			return false
		}
	}
	if hasAnySuffix(name, er.g.domesticOrgan) {
		return false // a state's or a party's own organ, not a joint body
	}
	if hasAnySuffix(name, er.g.nationalBody) {
		// 英国文化委员会, 中国国际贸易促进委员会: a committee named by one
		// state alone, with no second party and no joint word, is that
		// state's own body, none the parties hold together
		nrs := []rune(name)
		if e := er.countryEnd(nrs); e > 0 && !er.proper(string(nrs[e:])) && !containsAny(string(nrs[e:]), er.g.jointBodyMark) {
			return false
		}
	}
	if hasAnySuffix(name, er.g.workProcess) {
		return false // 输华准入进程: a market access under way, no named process
	}
	if er.topicalForum(name) {
		// 中巴农业合作论坛, 中海能源合作论坛: a forum on one field is an
		// event held, as a business forum is; 中阿合作论坛 stays
		return false
	}
	if f := er.forumModifier(name); f != "" {
		// a forum is a standing mechanism only when named by China and a
		// region alone (中拉论坛), as 中阿合作论坛 is; a business or
		// summit forum (中阿商务论坛) is an event
		rs := []rune(f)
		return len(rs) == 2 && er.shortForm(string(rs[0])) && er.shortForm(string(rs[1]))
	}
	if hasAnySuffix(name, er.g.partnership) {
		// a named partnership (“一带一路”能源合作伙伴关系) is a mechanism;
		// the relationship itself (全面战略合作伙伴关系) is not
		if er.gradeMasks.inside(name, maskOf(name)) {
			return false
		}
		return er.proper(name)
	}
	nm := maskOf(name) // a word with a character the name lacks is not searched for
	for k, n := range er.notMechPrefix.words {
		if er.notMechPrefix.masks[k]&^nm == 0 && strings.HasPrefix(name, n) {
			return false
		}
	}
	// a region's or a river basin's name ([region-name]: 澜湄, 大湄公河) is
	// a regional body's proper part
	if er.proper(name) || er.regionMasks.inside(name, nm) || hasAnySuffix(name, er.g.standing) {
		return true
	}
	if hasAnySuffix(name, er.g.officeHeads) && containsAny(name, er.g.officeMarks) {
		return true // 外交部政治磋商机制: the ministries that hold it name it
	}
	return er.markMasks.inside(name, nm)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// listItem is an item of a list and where it ends in the sentence.
type listItem struct {
	name string
	end  int
}

// listBefore returns the items of "A、B和C" that end at position end.
func (er *entityRules) listBefore(rs []rune, end int, stopAt, inName []bool) []listItem {
	start := end
	for start > 0 && end-start < 120 {
		r := rs[start-1]
		if r == '，' || r == '。' || r == '；' || r == '：' || r == '□' || r == '》' || stopAt[start] {
			break
		}
		if st := er.stops.endsAt(rs, start); st >= 0 && !er.g.listConj.has(r) && !inName[start] {
			break
		}
		start--
	}
	var items []listItem
	at := start // where the item being read starts
	for _, raw := range er.splitList(rs[start:end]) {
		itemEnd := at + len([]rune(strings.TrimRightFunc(raw, unicode.IsSpace)))
		at += len([]rune(raw)) + 1
		it := strings.TrimSpace(raw)
		if len([]rune(it)) >= 3 && er.generic.startsAt([]rune(it), 0) < 0 &&
			!er.notMechanism[it] && !er.notMechanism[strings.Trim(it, "“”")] {
			// an international body listed (联合国、东盟等平台) names none
			items = append(items, listItem{it, itemEnd})
		}
	}
	return items
}

// splitList splits a list's text into its items, each followed by one
// separator rune: 、, or a conjunction between two quoted names
// (“A”和“B”). Quoted names in a row (“A”“B”) are items of their own
// with no separator, so an empty separator is marked by splitting
// after the closing mark and counting it back.
func (er *entityRules) splitList(rs []rune) []string {
	var items []string
	from := 0
	for k := 0; k < len(rs); k++ {
		switch {
		case rs[k] == '、':
			items = append(items, string(rs[from:k]))
			from = k + 1
		case k > 0 && k+1 < len(rs) && rs[k-1] == '”' && rs[k+1] == '“' && er.g.listConj.has(rs[k]):
			items = append(items, string(rs[from:k]))
			from = k + 1
		}
	}
	return append(items, string(rs[from:]))
}

// entityCollector gathers the document's entities across sentences.
type entityCollector struct {
	mechs, projs *namedList
	// shortNames are the short names a document defines for a body it
	// names (…联合委员会（以下简称“联合委员会”）): that body, no other
	shortNames map[string]bool
}

type namedList struct {
	order []string
	by    map[string]*entente.Entity
}

func newEntityCollector() *entityCollector {
	return &entityCollector{mechs: &namedList{by: map[string]*entente.Entity{}}, projs: &namedList{by: map[string]*entente.Entity{}}, shortNames: map[string]bool{}}
}

func (nl *namedList) add(name, id string) {
	e, ok := nl.by[name]
	if !ok {
		e = &entente.Entity{Name: name}
		nl.by[name] = e
		nl.order = append(nl.order, name)
	}
	e.Sentences = append(e.Sentences, id)
}

func (nl *namedList) list() []entente.Entity {
	out := make([]entente.Entity, 0, len(nl.order))
	for _, n := range nl.order {
		out = append(out, *nl.by[n])
	}
	return out
}

func (ec *entityCollector) add(x *Extractor, id string, st *text) (mechs, projs []string, mechSpans, projSpans []entente.Cue) {
	sc := st.scratchOf()
	stopAt, inName := sc.boolsFor(len(st.masked) + 1)
	for _, t := range st.toks {
		if t.Kind.has(cPredicate&^cAction) && !t.Kind.has(cNeutral) {
			stopAt[t.End] = true
		}
	}
	// positions inside a country's name, where no stop word ends a name
	sc.matches = x.countries.m.AppendAll(sc.matches[:0], st.masked)
	for _, m := range sc.matches {
		for k := m.Start + 1; k < m.End; k++ {
			inName[k] = true
		}
	}
	mechSpans, projSpans = x.entities.find(st.masked, stopAt, inName, st.has(markQuote))
	mechs, projs = []string{}, []string{}
	st.named = st.named[:0]
	kept := mechSpans[:0]
	for _, m := range mechSpans {
		if x.g.shortName.endsAt(st.masked, m.Start) >= 0 {
			ec.shortNames[strings.Trim(m.Text, "“”")] = true
			continue
		}
		if !ec.shortNames[strings.Trim(m.Text, "“”")] && !ec.backReference(m.Text, mechSpans) {
			kept = append(kept, m)
		}
	}
	mechSpans = kept
	for _, m := range mechSpans {
		ec.mechs.add(m.Text, id)
		mechs = append(mechs, m.Text)
		st.named = append(st.named, nameSpan{Start: m.Start, End: m.End, mechanism: true})
	}
	for _, p := range projSpans {
		ec.projs.add(p.Text, id)
		projs = append(projs, p.Text)
		st.named = append(st.named, nameSpan{Start: p.Start, End: p.End})
	}
	return mechs, projs, mechSpans, projSpans
}

// backReference reports whether a mechanism's name is the tail of a fuller
// one named in the sentence or before it (中越双边合作指导委员会…，举行指导委员会
// 第十八次会议): the body named again by its head, no other.
// A name quoted in corner brackets (Taipei's 「臺史合作聯合委員會」) is
// compared without them.
func (ec *entityCollector) backReference(name string, inSentence []entente.Cue) bool {
	name = strings.Trim(name, nameQuotes)
	for _, m := range inSentence {
		if t := strings.Trim(m.Text, nameQuotes); len(t) > len(name) && strings.HasSuffix(t, name) {
			return true
		}
	}
	for _, full := range ec.mechs.order {
		if t := strings.Trim(full, nameQuotes); len(t) > len(name) && strings.HasSuffix(t, name) {
			return true
		}
	}
	return false
}

// nameQuotes are the marks a quoted name is written between.
const nameQuotes = "“”「」『』"

func (ec *entityCollector) list() (mechs, projs []entente.Entity) {
	return ec.mechs.list(), ec.projs.list()
}
