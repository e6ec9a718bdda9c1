package extract

import (
	"fmt"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

// grammar holds the function words the rules read a sentence's structure
// with: joiners, particles, prepositions, the units and numerals of dates,
// the words that shape entity names. Like the cue words they live in the cue
// table, one section each, so that no word of the language is written in Go.
type grammar struct {
	own               *wordSet        // [own-object] and [party-joint]: 支持 + these is the parties' own cooperation
	goalModal         map[string]bool // [goal-modal]: a modal that may take a goal noun instead of an action
	done              *wordSet        // [done]: right after an action verb, reports it as done
	subjectJoin       map[string]bool // [subject-joiner]: joins two party names into one subject
	subjectJoinMax    int             // the most characters of a subject-joiner: a longer gap joins nothing
	agencyHead        *wordSet        // [agency-head]: ends a party's agency before a joiner (澳门旅游局与…)
	programmeBody     *wordSet        // [programme-body-head]: ends the name of a body a programme's item sends or hosts
	timeSpanClose     *wordSet        // [time-span-close]: closes a span of dates that opens a clause (期间)
	spanLink          runeSet         // [span-link]: joins the two dates of a span (至, 到, —)
	shortOne          runeSet         // [party-short-one]: after a short form, "one of its" (英一乐团)
	designatedRole    *wordSet        // [designated-role]: the role an instrument names a body to (执行本计划的主要机构)
	agencyNot         *wordSet        // [agency-not]: an [agency-head] that opens a longer word (部分, 局势)
	jiang             map[string]bool // [jiang]: the modal that also marks an object (将 as 把)
	plan              map[string]bool // [plan-verb]: "plan to", a cue only where a party plans (gPlan)
	coActor           *wordSet        // [co-actor]: right after [jiang], keeps it the modal "will"
	jiangView         map[string]bool // [jiang-view]: 将X + these + Y states a view
	resolve           map[string]bool // [resolve]: firm modals only an agent can say (决定, 同意)
	invitation        map[string]bool // [invitation]: makes [invited-by] "at the invitation of"
	invitationWords   *wordSet        // the same words, found in the text (要求 is no cue word)
	invitedBy         map[string]bool // [invited-by]: "should" unless an [invitation] follows
	topicPrep         runeSet         // [topic-preposition]: opens a frame whose verb is not the predicate
	date              dateRoles       // [date-grammar]: year, month, day, before, link, period-end, at, phase
	numerals          runeSet         // [numeral]
	spanCount         runeSet         // [span-count]: counts a span's years beside the numerals (两)
	spanFrom          runeSet         // [span-from]: opens the event a span is counted from (自…之日起)
	station           *wordSet        // [station]: "stationed in" before a country's name (驻帛琉…技术团)
	spanOpen          *wordSet        // [span-open]: opens a span of years (未来, 今后)
	spanUnit          *wordSet        // [span-unit]: other units a span is counted in (个月, 周, 日)
	spanAfter         *wordSet        // [span-after]: closes the event a span is counted from (生效后)
	spanHolds         *wordSet        // [span-holds]: after a span, what holds through it (五十年内不变): no limit
	yearPart          *wordSet        // [year-part]: the part of a year named a target falls in (上半年)
	notOrdinal        *wordSet        // [not-ordinal]: opens with an ordinal's character, and is none (次长)
	listMarker        runeSet         // [list-marker]: closes a list before its head word
	yearDeadline      runeSet         // [year-deadline]: after 年, makes the year a deadline's (2025年底前)
	ordinal           runeSet         // [entity-ordinal]: a name never reaches back past these
	round             runeSet         // [round-ordinal]: before a dialogue's name, makes it a round held
	phaseOrdinal      runeSet         // [phase-ordinal]: opens the numerals of a phase of works (第二期)
	afterHead         map[string]bool // [mechanism-after-head]: a bare head that follows another head
	continues         runeSet         // [head-continues]: after a project head, the word goes on
	nameConj          runeSet         // [name-conjunction]: may join two parts of one name
	listConj          runeSet         // [list-conjunction]: joins the last item of a list
	genericHead       []string        // [mechanism-generic-head]
	mechMarks         []string        // [mechanism-mark]
	officeMarks       []string        // [office-mark]: ministries that make a mechanism's name specific
	officeHeads       []string        // [office-mark-head]: the heads after which they do
	standing          []string        // [mechanism-standing]
	standingSet       *wordSet        // [mechanism-standing], to read a head in a sentence without a copy
	titleTopic        []string        // [title-topic]
	citeJoin          map[string]bool // [citation-joiner]
	sideSuffix        *wordSet        // [party-suffix]
	frameOpen         *wordSet        // [frame-open]: opens a frame (在…下, 自…以来)
	retrospective     *wordSet        // [retrospective]: closes a frame that looks back (…以来)
	meansClose        *wordSet        // [means-close]: closes a clause that holds only a base or means (以…为平台)
	background        *wordSet        // [background]: closes a clause that sets the scene (…的背景下)
	boundHead         *wordSet        // [bound-head]: a head bound to the word before it (之友小组)
	boundAfterParty   *wordSet        // [bound-after-party]: after the parties' joint word, keeps it in a name (两国政府间)
	nameInner         *wordSet        // [name-inner]: inside a standing body's name, a word of its purpose (共同开发)
	anyNameInner      *wordSet        // [any-name-inner]: inside any name, a word whose last character ends names elsewhere (自由)
	forumHead         []string        // [forum-head]: a bare forum head, a mechanism only after China and a region (中拉论坛)
	forumTopic        *wordSet        // [forum-topic]: a field that makes a cooperation forum an event (中巴农业合作论坛)
	domesticOrgan     []string        // [domestic-organ]: a name ending so is a state's or party's own organ
	nationalBody      []string        // [national-body-head]: a head that, after one state's name alone, names its own body
	jointBodyMark     []string        // [joint-body-mark]: words that make a body joint (联合, 混合, 政府间)
	workProcess       []string        // [work-process]: a name ending so is work under way, no body (输华准入进程)
	partnership       []string        // [partnership-head]: a mechanism head that may name the relationship itself
	relationshipGrade []string        // [relationship-grade]: in a partnership's name, makes it the relationship
	routeLinks        []string        // [route-link]: joins two places in a route's name (A至B)
	titleInner        map[string]bool // [title-inner]: ends a name but may stand inside a title (…框架公约)
	placeHead         map[string]bool // [place-head]: a project head that also names a place (港)
	genericSuffix     *wordSet        // [generic-suffix]: after a facility's name, adds nothing to it (…港项目)
	worksInner        *wordSet        // [works-inner]: the works done, right before a [generic-suffix], inside the name (…升级改造项目)
	activityPair      *wordSet        // [activity-pair]: after a dialogue's name, joins it to cooperation as an activity (…对话与合作)
	routeSection      *wordSet        // [route-section]: after a route and its two ends joined by a dash, names the section (…铁路A—B段)
	call              map[string]bool // [call]: calls on others; an omitted-subject clause after it is what is called for
	direction         *wordSet        // [direction]: before a region, makes it where a route goes (至中东欧)
	placeLocative     *wordSet        // [place-locative]: before a [place-head] name, makes it a place (在…港)
	placePost         *wordSet        // [place-postposition]: after a [place-head] name, makes it a place (…港水域)
	placeTerritory    *wordSet        // [place-territory]: a territory's name that ends in the [place-head]: no port
	pairBeforePort    map[string]bool // [pair-before-port]: a short form before which 港 is a party's, no port's head
	placeVerb         *wordSet        // [place-verb]: a verb fused with the [place-head] it ends in: an event, no second port
	eventHead         *wordSet        // [event-head]: a quoted name ending so is a programme of events (“…环境年”)
	serial            runeSet         // [serial]: after a project head and digits, ends its serial number (06星)
	serialNumeral     runeSet         // [serial-numeral]: after numerals written as characters, ends a serial (卫星二号)
	serialUnit        *wordSet        // [serial-unit]: after a serial, the unit it numbers, part of the name (3号机组)
	ownSide           *wordSet        // [own-side-object]: after 支持 and the supporter's own name, its enterprises (中国企业)
	transliteration   *bmpSet         // [transliteration]: characters that spell foreign names (比雷埃夫斯)
	placeWords        []string        // [place-word]: after another character, names a place (东海岸)
	// the three lists isProper searches a name for, with their words' masks
	routeLinkMasks, basinMasks, placeWordMasks maskedWords
	basins                                     []string        // [basin-name]: a river basin, sea or range that names a place (澜湄)
	routeHeads                                 map[string]bool // [route-head]: a head a contracted route name may stand before (蒙内铁路)
	transitKinds                               []string        // [transit-kind]: a city's line before a route head (…城轻轨铁路)
	transitProject                             map[string]bool // [transit-project]: generic heads a city's line names a project before (…城轻轨项目)
	kindModifier                               map[string]bool // [kind-modifier]: a strong head's whole modifier that names its kind (经济走廊)
	countryKindHead                            map[string]bool // [country-kind-head]: generic heads a country and one field's word make a kind of (…可再生能源项目)
	routeGeneric                               map[string]bool // [route-generic]: two characters before a route head that name its kind (城际铁路)
	quotedAfter                                map[string]bool // [quoted-project-after]: after a quoted name, makes it a project (“两国双园”建设)
	quotedNotProject                           map[string]bool // [quoted-not-project]: quoted names that are initiatives, not projects
	// quotedTitle: a quoted name ending in one of these is a cited title
	// ([unbracketed-suffix] and [quoted-title-suffix]), not a project
	quotedTitle *wordSet
	shall       map[string]bool // [shall]: "shall" in an agreement or memorandum (应)
	// thirdParty names others than the parties ([third-party]: 各国应…)
	thirdParty *wordSet
	// eachParty opens a provision's subject that is each of an
	// instrument's parties ([party-many]: 各方應…, 各方同意)
	eachParty *wordSet
	// shallDeem: after an instrument's "shall", how a provision is
	// construed ([shall-deem]: 不得被視為…)
	shallDeem *wordSet
	// conformityObject makes 符合 in an instrument conformity to a rule
	// ([conformity-object]: 符合…標準)
	conformityObject *wordSet
	// conformityVerb: 符合 ([conformity-verb])
	conformityVerb *wordSet
	// termJoiner, termMeansLead, termMeans read a definition of quoted
	// terms ([term-joiner], [term-means-lead], [term-means]: 「A」及「B」：各指)
	termJoiner, termMeansLead, termMeans *wordSet
	// thirdPartyNot holds a [third-party] word and names no one (各方面)
	thirdPartyNot *wordSet
	// thirdPartyHead heads a subject that names others though a party's
	// name modifies it ([third-party-head]: 两地行业协会应…)
	thirdPartyHead *wordSet
	// enact signs the instrument itself in its enacting formula ([enact]:
	// 签署本协议)
	enact *wordSet
	// enactClose may close the enacting formula after the instrument
	// ([enact-close]: 制定本行动计划如下)
	enactClose *wordSet
	// selfRef is the document itself ([self-reference]: 本协定)
	selfRef *wordSet
	// adverbialOpen opens an adverbial phrase, no subject ([adverbial-open]: 依据…)
	adverbialOpen *wordSet
	// attributive after a verb makes it a modifier ([attributive]: 签署的协定)
	attributive *wordSet
	// shortName defines a short name for the body named before ([short-name]: 以下简称)
	shortName *wordSet
	// selfModifier makes the document itself a modifier ([self-modifier]: 本协定项下…)
	selfModifier *wordSet
	// finalClause is what the instrument's final clauses are about ([final-clause]: 生效)
	finalClause *wordSet
	// era is an era's name before a year ([date-era]: 中华民国一一五年)
	era *wordSet
	// become makes a name after it a description ([become]: 成为)
	become *wordSet
	// roleAfter, after a name that follows [become], makes it the role its
	// subject plays ([role-after]: 作为…平台的作用)
	roleAfter *wordSet
	// [shall-passive]: after an instrument's 应, makes its subject what is
	// done (应于…举行, 应由…承担)
	shallPassive *wordSet
	// [event-held]: holding a meeting or event (举行, 召开): what will be
	// held is undertaken, not forecast
	eventHeld *wordSet
	// [body-provision]: what a standing body is made of, where it sits and
	// what it does (由…组成, 下设, 履行…职责): in an instrument, a provision
	// its parties undertake
	bodyProvision *wordSet
	// [standing-organ]: organs of a standing body (分委会, 秘书处) that act
	// for the parties as the body does, though no name of their own
	standingOrgan *wordSet
	// [count-word]: after numerals, makes them a count of things (二十余个)
	countWord *wordSet
	// [condition-open]: opens a clause of consent a provision waits on
	// (未经另一方书面同意，…)
	conditionOpen *wordSet
	// [condition-mark] and [condition-close]: a clause opening with the
	// mark and closing with the consent (经委员会双方主席商定，) is a
	// condition as [condition-open] is
	conditionMark, conditionClose *wordSet
	// [condition-not]: words opening with the mark that are no condition
	conditionNot *wordSet
	// [permission]: right after an instrument's parties (缔约双方可…), what
	// they may do: a soft undertaking, whatever firm word follows
	permission *wordSet
	// [permission-not]: words holding a [permission] character that are none
	permissionNot *wordSet
	// [unaffected]: a clause of an instrument saying what its end leaves
	// unaffected (…的执行不受影响) is its formula of termination
	unaffected *wordSet
	// [reply-reference]: refers thanks back to the sentence before (对此)
	replyRef *wordSet
	// [unbound]: a clause of an instrument saying a party is not bound
	// (任何一方均无义务…) states a limit of the instrument, no undertaking
	unbound *wordSet
	// [definition]: in an instrument, the words that define a term (是指)
	definition *wordSet
	// [when-open], [when-close]: a clause 当…时 is the case a provision is for
	whenOpen, whenClose *wordSet
	// [article-cited]: after the instrument's article (本协定第八条), makes
	// it a modifier of the noun that follows (本协定第八条所指证件)
	articleCited *wordSet
	// [mutual]: opens a [soft] word the parties grant each other (相互给予)
	mutual *wordSet
	// exemption ([exemption]): "need not" (无须), what an agreement waives
	// for the other side's ships, citizens or goods: the parties' grant
	exemption *wordSet
	// [dispute]: what an instrument's clause on disputes settles (分歧)
	dispute *wordSet
	// [recognize], [papers]: in an instrument, recognizing the other side's
	// papers (一方承认另一方…颁发的证书) is an undertaking
	recognize, papers *wordSet
	// [after-event]: the event a time after it is counted from (生效一年后)
	afterEvent *wordSet
	// [article-open], [article-unit]: an article's number (第八条); [after-mark]: 后
	articleOpen, articleUnit, afterMark runeSet
	// [agent-mark]: before a party, makes it who does what the clause
	// says (由缔约双方…承担)
	agentMark *wordSet
	// [target-open]: before a year named, makes it the target the parties
	// strive to reach (争取于2027年启动…)
	targetOpen *wordSet
	// [latest-open]: before a date named, makes it the latest day the
	// parties allow themselves (至遲於2027年6月30日完成…), part of the deadline
	latestOpen *wordSet
	// shallWords finds an instrument's [shall] word where a longer cue
	// word opens with it (应对 read as 应 + 对)
	shallWords *wordSet
	// [shall-disposal]: after 应对X, the verb that disposes of X (予以保密):
	// there 应 is "shall" and 对 the preposition, not 应对 "cope with"
	shallDisposal *wordSet
	// [shall-comply]: after an instrument's "shall", what the parties'
	// conduct must keep to (应符合各自的法律, 应遵守…): their own doing, not a
	// view that something accords with something
	shallComply *wordSet
	// [done-before]: "already" before an action verb (已建立, 已于…签署)
	// reports the action as done, as [done] (了) after it does
	doneBefore *wordSet
	// [event-day]: after a verb, makes it the event that names a day
	// (确认之日起, 签署之日): a modifier, no predicate of its clause
	eventDay *wordSet
	// [respectively]: before the years of titles cited in a row, gives each
	// title its own year in order (分别于2014年及2019年签署《A》及《B》)
	respectively *wordSet
	// [future-aux]: "will" written before an action verb (会), a word too
	// short to be a cue of its own (it ends 委员会, 社会)
	futureAux *wordSet
	// [future-aux-frame]: what may stand between 会 and the action (a
	// frame: 会在…领域加强; a recurrence: 会每年举行)
	futureAuxFrame *wordSet
	// planVerb ([plan-verb], 计划) is "plan to" before a [future-aux-frame]
	// word or a [plan-verb-next] action: no programme's head there
	planVerb, planVerbNext *wordSet
	// lawEnd ([law-title-end]) ends a law's title, whose opening year is
	// the year it was passed (《2022年芯片法案》)
	lawEnd *wordSet
	// [title-verb]: before a cited title, makes its keywords the topic
	// (恪守《联合国宪章》)
	titleVerb *wordSet
	// [resumptive]: a pronoun subject that resumes the party named as a
	// subject before it in the sentence (美国政府声明，它准备…)
	resumptive *wordSet
	// [document-head]: ends an instrument's name as a subject (上海公报确认了…)
	documentHead *wordSet
}

// grammarSections are the sections the grammar reads, required of a table.
var grammarSections = []string{
	"own-object", "own-side-object", "goal-modal", "done", "subject-joiner", "jiang", "co-actor", "jiang-view", "resolve",
	"invitation", "invited-by", "topic-preposition", "date-grammar", "numeral", "list-marker", "year-deadline",
	"entity-ordinal", "mechanism-after-head", "head-continues", "name-conjunction",
	"list-conjunction", "mechanism-generic-head", "mechanism-mark", "mechanism-standing",
	"title-topic", "citation-joiner", "frame-open", "retrospective", "means-close", "span-open", "span-count", "background", "bound-head", "bound-after-party", "name-inner", "any-name-inner", "region-name", "forum-head",
	"domestic-organ", "partnership-head", "relationship-grade", "route-link", "title-inner", "place-head", "place-locative", "place-postposition", "event-head", "call", "generic-suffix", "works-inner", "direction", "serial", "serial-numeral", "serial-unit", "quoted-title-suffix", "shall", "shall-passive", "event-held", "count-word", "condition-open", "agent-mark", "span-unit", "span-after", "span-holds", "span-from", "station", "agency-head", "year-part", "not-ordinal",
	"place-verb", "phase-ordinal",
	"transliteration", "place-word", "basin-name", "route-head", "transit-kind", "route-generic", "quoted-project-after", "quoted-not-project",
	"third-party", "party-many", "shall-deem", "conformity-object", "conformity-verb", "term-joiner", "term-means-lead", "term-means", "third-party-not", "third-party-head", "enact", "enact-close", "shall-disposal", "shall-comply", "done-before", "event-day", "respectively", "agency-not", "future-aux", "future-aux-frame", "title-verb", "self-reference", "adverbial-open", "short-name", "self-modifier", "final-clause", "date-era", "become", "role-after", "target-open", "latest-open",
	"activity-pair", "resumptive", "document-head", "route-section", "pair-relation", "aligned-framework", "aligned-plan-head", "work-process",
}

// dateRoleCode is a role of [date-grammar], a small number so that a
// character's role is compared without a string comparison.
type dateRoleCode uint8

// date roles of [date-grammar] (0 is none)
const (
	dYear dateRoleCode = iota + 1
	dMonth
	dDay
	dBefore
	dLink
	dPeriodEnd
	dAt
	dPhase
	dWithin
	dBy
	dEvery
	dRoles // the number of codes, 0 included
)

// dateRoleNames are the roles as the table writes them.
var dateRoleNames = map[string]dateRoleCode{
	"year": dYear, "month": dMonth, "day": dDay, "before": dBefore, "link": dLink,
	"period-end": dPeriodEnd, "at": dAt, "phase": dPhase, "within": dWithin, "by": dBy, "every": dEvery,
}

func newGrammar(t *lexicon.Table) (*grammar, error) {
	g := &grammar{
		own:               newWordSet(append(t.Words("party-joint"), t.Words("own-object")...)),
		goalModal:         setOf(t.Words("goal-modal")),
		done:              newWordSet(t.Words("done")),
		subjectJoin:       setOf(t.Words("subject-joiner")),
		subjectJoinMax:    maxRunes(t.Words("subject-joiner")),
		jiang:             setOf(t.Words("jiang")),
		plan:              setOf(t.Words("plan-verb")),
		coActor:           newWordSet(t.Words("co-actor")),
		jiangView:         setOf(t.Words("jiang-view")),
		resolve:           setOf(t.Words("resolve")),
		invitation:        setOf(t.Words("invitation")),
		invitationWords:   newWordSet(t.Words("invitation")),
		invitedBy:         setOf(t.Words("invited-by")),
		afterHead:         setOf(t.Words("mechanism-after-head")),
		genericHead:       t.Words("mechanism-generic-head"),
		mechMarks:         t.Words("mechanism-mark"),
		officeMarks:       t.Words("office-mark"),
		officeHeads:       t.Words("office-mark-head"),
		standing:          t.Words("mechanism-standing"),
		standingSet:       newWordSet(t.Words("mechanism-standing")),
		titleTopic:        t.Words("title-topic"),
		citeJoin:          setOf(t.Words("citation-joiner")),
		sideSuffix:        newWordSet(t.Words("party-suffix")),
		frameOpen:         newWordSet(t.Words("frame-open")),
		retrospective:     newWordSet(t.Words("retrospective")),
		meansClose:        newWordSet(t.Words("means-close")),
		spanOpen:          newWordSet(t.Words("span-open")),
		spanUnit:          newWordSet(t.Words("span-unit")),
		spanAfter:         newWordSet(t.Words("span-after")),
		spanHolds:         newWordSet(t.Words("span-holds")),
		station:           newWordSet(t.Words("station")),
		agencyHead:        newWordSet(t.Words("agency-head")),
		programmeBody:     newWordSet(t.Words("programme-body-head")),
		timeSpanClose:     newWordSet(t.Words("time-span-close")),
		designatedRole:    newWordSet(t.Words("designated-role")),
		agencyNot:         newWordSet(t.Words("agency-not")),
		yearPart:          newWordSet(t.Words("year-part")),
		notOrdinal:        newWordSet(t.Words("not-ordinal")),
		background:        newWordSet(t.Words("background")),
		boundHead:         newWordSet(t.Words("bound-head")),
		boundAfterParty:   newWordSet(t.Words("bound-after-party")),
		nameInner:         newWordSet(t.Words("name-inner")),
		anyNameInner:      newWordSet(t.Words("any-name-inner")),
		forumHead:         t.Words("forum-head"),
		forumTopic:        newWordSet(t.Words("forum-topic")),
		domesticOrgan:     t.Words("domestic-organ"),
		nationalBody:      t.Words("national-body-head"),
		jointBodyMark:     t.Words("joint-body-mark"),
		workProcess:       t.Words("work-process"),
		partnership:       t.Words("partnership-head"),
		relationshipGrade: t.Words("relationship-grade"),
		routeLinks:        t.Words("route-link"),
		titleInner:        setOf(t.Words("title-inner")),
		placeHead:         setOf(t.Words("place-head")),
		call:              setOf(t.Words("call")),
		genericSuffix:     newWordSet(t.Words("generic-suffix")),
		worksInner:        newWordSet(t.Words("works-inner")),
		activityPair:      newWordSet(t.Words("activity-pair")),
		routeSection:      newWordSet(t.Words("route-section")),
		direction:         newWordSet(t.Words("direction")),
		placeLocative:     newWordSet(t.Words("place-locative")),
		placePost:         newWordSet(t.Words("place-postposition")),
		placeTerritory:    newWordSet(t.Words("place-territory")),
		pairBeforePort:    setOf(t.Words("pair-before-port")),
		placeVerb:         newWordSet(t.Words("place-verb")),
		eventHead:         newWordSet(t.Words("event-head")),
		serialUnit:        newWordSet(t.Words("serial-unit")),
		ownSide:           newWordSet(t.Words("own-side-object")),
		placeWords:        t.Words("place-word"),
		basins:            t.Words("basin-name"),
		routeHeads:        setOf(t.Words("route-head")),
		transitKinds:      t.Words("transit-kind"),
		transitProject:    setOf(t.Words("transit-project")),
		routeGeneric:      setOf(t.Words("route-generic")),
		kindModifier:      setOf(t.Words("kind-modifier")),
		countryKindHead:   setOf(t.Words("country-kind-head")),
		quotedAfter:       setOf(t.Words("quoted-project-after")),
		quotedNotProject:  setOf(t.Words("quoted-not-project")),
		shall:             setOf(t.Words("shall")),
		thirdParty:        newWordSet(t.Words("third-party")),
		eachParty:         newWordSet(t.Words("party-many")),
		shallDeem:         newWordSet(t.Words("shall-deem")),
		conformityObject:  newWordSet(t.Words("conformity-object")),
		conformityVerb:    newWordSet(t.Words("conformity-verb")),
		termJoiner:        newWordSet(t.Words("term-joiner")),
		termMeansLead:     newWordSet(t.Words("term-means-lead")),
		termMeans:         newWordSet(t.Words("term-means")),
		thirdPartyNot:     newWordSet(t.Words("third-party-not")),
		thirdPartyHead:    newWordSet(t.Words("third-party-head")),
		enact:             newWordSet(t.Words("enact")),
		enactClose:        newWordSet(t.Words("enact-close")),
		selfRef:           newWordSet(t.Words("self-reference")),
		adverbialOpen:     newWordSet(t.Words("adverbial-open")),
		attributive:       newWordSet(t.Words("attributive")),
		shortName:         newWordSet(t.Words("short-name")),
		selfModifier:      newWordSet(t.Words("self-modifier")),
		finalClause:       newWordSet(t.Words("final-clause")),
		era:               newWordSet(t.Words("date-era")),
		become:            newWordSet(t.Words("become")),
		roleAfter:         newWordSet(t.Words("role-after")),
		shallPassive:      newWordSet(t.Words("shall-passive")),
		shallWords:        newWordSet(t.Words("shall")),
		shallDisposal:     newWordSet(t.Words("shall-disposal")),
		shallComply:       newWordSet(t.Words("shall-comply")),
		doneBefore:        newWordSet(t.Words("done-before")),
		eventDay:          newWordSet(t.Words("event-day")),
		respectively:      newWordSet(t.Words("respectively")),
		futureAux:         newWordSet(t.Words("future-aux")),
		futureAuxFrame:    newWordSet(t.Words("future-aux-frame")),
		planVerb:          newWordSet(t.Words("plan-verb")),
		planVerbNext:      newWordSet(t.Words("plan-verb-next")),
		lawEnd:            newWordSet(t.Words("law-title-end")),
		titleVerb:         newWordSet(t.Words("title-verb")),
		resumptive:        newWordSet(t.Words("resumptive")),
		documentHead:      newWordSet(t.Words("document-head")),
		eventHeld:         newWordSet(t.Words("event-held")),
		bodyProvision:     newWordSet(t.Words("body-provision")),
		standingOrgan:     newWordSet(t.Words("standing-organ")),
		countWord:         newWordSet(t.Words("count-word")),
		conditionOpen:     newWordSet(t.Words("condition-open")),
		conditionMark:     newWordSet(t.Words("condition-mark")),
		conditionClose:    newWordSet(t.Words("condition-close")),
		conditionNot:      newWordSet(t.Words("condition-not")),
		permission:        newWordSet(t.Words("permission")),
		permissionNot:     newWordSet(t.Words("permission-not")),
		unaffected:        newWordSet(t.Words("unaffected")),
		unbound:           newWordSet(t.Words("unbound")),
		definition:        newWordSet(t.Words("definition")),
		whenOpen:          newWordSet(t.Words("when-open")),
		whenClose:         newWordSet(t.Words("when-close")),
		articleCited:      newWordSet(t.Words("article-cited")),
		mutual:            newWordSet(t.Words("mutual")),
		exemption:         newWordSet(t.Words("exemption")),
		dispute:           newWordSet(t.Words("dispute")),
		recognize:         newWordSet(t.Words("recognize")),
		afterEvent:        newWordSet(t.Words("after-event")),
		papers:            newWordSet(t.Words("papers")),
		replyRef:          newWordSet(t.Words("reply-reference")),
		agentMark:         newWordSet(t.Words("agent-mark")),
		targetOpen:        newWordSet(t.Words("target-open")),
		latestOpen:        newWordSet(t.Words("latest-open")),
		quotedTitle:       newWordSet(append(t.Words("unbracketed-suffix"), t.Words("quoted-title-suffix")...)),
	}
	var err error
	for _, rs := range []struct {
		section string
		set     *runeSet
	}{
		{"topic-preposition", &g.topicPrep}, {"numeral", &g.numerals}, {"span-count", &g.spanCount}, {"span-from", &g.spanFrom}, {"list-marker", &g.listMarker}, {"year-deadline", &g.yearDeadline},
		{"entity-ordinal", &g.ordinal}, {"round-ordinal", &g.round}, {"head-continues", &g.continues}, {"name-conjunction", &g.nameConj},
		{"list-conjunction", &g.listConj}, {"serial", &g.serial}, {"serial-numeral", &g.serialNumeral},
		{"phase-ordinal", &g.phaseOrdinal},
		{"article-open", &g.articleOpen}, {"article-unit", &g.articleUnit}, {"after-mark", &g.afterMark},
		{"span-link", &g.spanLink}, {"party-short-one", &g.shortOne},
	} {
		if *rs.set, err = runesOf(t, rs.section); err != nil {
			return nil, err
		}
	}
	tr, err := runesOf(t, "transliteration")
	if err != nil {
		return nil, err
	}
	g.transliteration = newBMPSet(tr.list)
	g.routeLinkMasks, g.basinMasks, g.placeWordMasks = newMaskedWords(g.routeLinks), newMaskedWords(g.basins), newMaskedWords(g.placeWords)
	for _, e := range t.Entries("date-grammar") {
		r, n := utf8.DecodeRuneInString(e.Text)
		code, ok := dateRoleNames[e.Value]
		if n != len(e.Text) || !ok {
			return nil, fmt.Errorf("%s:%d: [date-grammar] %s: want one character = a role (year, month, day, before, link, period-end, at, phase)", t.Name, e.Line, e)
		}
		g.date.add(r, code)
	}
	return g, nil
}

// maxRunes returns the most characters any of words has.
func maxRunes(words []string) int {
	n := 0
	for _, w := range words {
		n = max(n, utf8.RuneCountInString(w))
	}
	return n
}

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// runesOf reads a section of single characters.
func runesOf(t *lexicon.Table, section string) (runeSet, error) {
	var m runeSet
	for _, e := range t.Entries(section) {
		r, n := utf8.DecodeRuneInString(e.Text)
		if n != len(e.Text) {
			return runeSet{}, fmt.Errorf("%s:%d: [%s] %s: want one character", t.Name, e.Line, section, e.Text)
		}
		m.add(r)
	}
	return m, nil
}

// isDate reports whether r plays the given role in dates.
// phaseOnly reports whether rs is a phase of works and nothing else: an
// optional [phase-ordinal], numerals and the phase character (第二期, 二期).
func (g *grammar) phaseOnly(rs []rune) bool {
	if len(rs) > 0 && g.phaseOrdinal.has(rs[0]) {
		rs = rs[1:]
	}
	n := len(rs) - 1
	if n < 1 || !g.isDate(rs[n], dPhase) {
		return false
	}
	for _, r := range rs[:n] {
		if !g.numerals.has(r) && !(r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

func (g *grammar) isDate(r rune, role dateRoleCode) bool {
	// (no character has role 0, none: role answers that one)
	return (role == 0 || role >= dRoles || g.date.masks[role]&(1<<(uint32(r)&63)) != 0) && g.date.role(r) == role
}

// dateTriggers reports whether rs holds a character of role dBefore and
// one of role dYear (isDate), in one pass: most characters fail the two
// roles' masks at once.
func (g *grammar) dateTriggers(rs []rune) (before, year bool) {
	m := g.date.masks[dBefore] | g.date.masks[dYear]
	for _, r := range rs {
		if m&(1<<(uint32(r)&63)) == 0 {
			continue
		}
		switch g.date.role(r) {
		case dBefore:
			before = true
		case dYear:
			year = true
		}
	}
	return before, year
}

// isDateUnit reports whether r is a unit of a date: year, month or day.
func (g *grammar) isDateUnit(r rune) bool {
	switch g.date.role(r) {
	case dYear, dMonth, dDay:
		return true
	}
	return false
}

// isDigit reports whether r is a digit, ASCII, full-width or a numeral.
func (g *grammar) isDigit(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') || g.numerals.has(r)
}

// runeSet is a handful of characters: a scan of a few runes is cheaper than
// a map lookup on the hot paths that ask.
// bits has bit r%64 of each of its characters: most characters asked
// about miss it, and pass without the scan.
type runeSet struct {
	list []rune
	bits uint64
}

func (rs *runeSet) add(r rune) {
	rs.list = append(rs.list, r)
	rs.bits |= 1 << (uint32(r) & 63)
}

func (rs *runeSet) has(r rune) bool {
	if rs.bits&(1<<(uint32(r)&63)) == 0 {
		return false
	}
	for _, x := range rs.list {
		if x == r {
			return true
		}
	}
	return false
}

type dateRole struct {
	r    rune
	role dateRoleCode
}

// dateRoles are the characters of [date-grammar] with their roles; the
// rules ask of every character of a sentence, and most are none of them,
// which a bit per character of the Basic Multilingual Plane answers.
type dateRoles struct {
	list []dateRole
	bits [1 << 16 / 64]uint64
	// masks has, for each role, bit r%64 of each character of that role:
	// the rules scanning a sentence for one role (年, 前) pass over nearly
	// every character by one test, without a call (isDate)
	masks [dRoles]uint64
}

func (d *dateRoles) add(r rune, role dateRoleCode) {
	if role < dRoles {
		d.masks[role] |= 1 << (uint32(r) & 63)
	}
	if uint32(r) < 1<<16 {
		d.bits[uint32(r)>>6] |= 1 << (uint32(r) & 63)
	}
	d.list = append(d.list, dateRole{r, role})
}

func (d *dateRoles) role(r rune) dateRoleCode {
	if u := uint32(r); u < 1<<16 && d.bits[u>>6]&(1<<(u&63)) == 0 {
		return 0
	}
	for _, x := range d.list {
		if x.r == r {
			return x.role
		}
	}
	return 0
}
