package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/structure"
)

// Spaced reads statements in a language written with spaces between words
// (English, Serbian in either script). It follows the same contract as the
// Chinese Extractor, reading words instead of characters: cue phrases with
// their inflected forms come from the language's table (en.cues, sr.cues),
// and a sentence is read clause by clause: subject, head verb, the verbs
// coordinated with it and the content of verbs that take a that-clause.
// It is safe for concurrent use.
type Spaced struct {
	// lang is the cue table's language: en, sr. (The table itself is not
	// kept: what the reader needs of it is in its matchers and sets, and
	// its entries would be walked by the collector on every cycle.)
	lang string

	cues     *phraseMatcher
	cueKinds []cueKind
	cueWords []string
	changes  []soundChange // [sound-change]: stems' changed forms (prug* → pruzi)

	countries  *spacedCountries
	joint      *phraseMatcher // the two sides, both leaders, they, we
	offices    *phraseMatcher // President, Taoiseach: payload → index in officeCodes
	officeCode []string
	// officeCodes holds each office's code alone (nil for none), shared by
	// its mentions
	officeCodes [][]string
	heads       *phraseMatcher // side, government, delegation: a demonym before makes a party
	prep        *keyWords
	courtesy    *keyWords // Mr., Ms.: a courtesy title before a name set off by commas
	det         *keyWords
	filler      *phraseMatcher
	// commitVerbs are base verbs, beyond the actions, that "commit to" and
	// "commitment to" take as the parties' own action (commit to consult,
	// commitment to end HIV): an infinitive, not a goal's noun
	commitVerbs *keyWords
	// commitNouns are nouns of the parties' own act that "committed to"
	// takes with "of" after them (early finalisation of a treaty), and
	// commitNounMods the words of timing that may stand before them
	commitNouns, commitNounMods *keyWords
	// attributive are -ing words that, before a noun, qualify it (leading
	// democracies, emerging economies): no verb after "commitment to"
	attributive *keyWords
	own         *phraseMatcher // after "support": the parties' own cooperation
	predict     *keyWords
	that        *keyWords
	thatState   *keyWords      // after "that", a state or a fact: the content is a view
	shall       *phraseMatcher // an instrument's "shall be": the parties bound (nil: none)
	settle      *phraseMatcher // an instrument's present of settling (sporovi se rešavaju): the parties bound, softly (nil: none)
	willBe      *phraseMatcher // the future's auxiliary before a participle (biće održana; nil: none)
	effect      *phraseMatcher // verbs of an effect, whose future forecasts even in an instrument (doprineće; nil: none)
	futureForm  *phraseMatcher // the future's forms in an intent cue (razmotriće; nil: none)
	agreeThat   *phraseMatcher // a view's verb of agreement: its content's own act undertakes (nil: none)
	continued   *phraseMatcher // i dalje: in a view's content, the parties' own act carried on (nil: none)
	relative    *keyWords      // koji, koje: a relative word that gives a verb after it a subject of its own (nil: none)
	// relationship holds the words that frame the relationship in a recital
	// (prijateljske odnose; nil: none)
	relationship *phraseMatcher
	holders      *phraseMatcher // opens the holders of an action plan's measure (nosioci: …; nil: none)
	ministry     *phraseMatcher // a ministry's head word, whose title names its portfolio (nil: none)
	passivePart  *phraseMatcher // a passive participle's endings (izgrađena, pokrenut; nil: none)
	weVerb       *phraseMatcher // a verb's ending in the first person plural (posvetićemo; nil: none)
	framing      *phraseMatcher // weak area words that in an instrument stand for its field (saradnja; nil: none)
	fieldsNamed  *phraseMatcher // words that name the fields without naming one (gore spomenutim oblastima; nil: none)
	selfPronoun  *keyWords      // it: in one party's view, the party itself (India announced that it will…)
	impersonal   *phraseMatcher // it was (agreed): a passive whose agents are the parties (nil: none)
	partyVerb    *phraseMatcher // agreed, decided: verbs only a party does (nil: none)
	reflexive    *keyWords      // se: the verb's reflexive, that makes it happen rather than done
	designation  *phraseMatcher // u daljem tekstu, hereinafter: the formula that names the parties
	joins        *keyWords
	names        *keyWords      // the verb that names who or what a subject is (Nadležni organ je Ministarstvo…)
	bases        *keyWords      // [basis-lead]: a lead-in ending on the bases of a relation (na osnovama:)
	passiveSoft  *phraseMatcher // are encouraged to: the parties' soft undertaking in the passive
	organs       *phraseMatcher // authorities, ministries, officials: the parties' organs by kind (nil: none)
	organMods    *keyWords      // competent, relevant, senior: words that may stand before an organ
	units        *keyWords      // the time units a span of a deadline counts in (within six months)
	nameSuffix   *keyWords      // Jr, Sr: a generation's suffix after a name and its comma
	anchors      *keyWords      // of, after: the event a span of a deadline is counted from
	events       *keyWords      // meeting, session: a deadline's meeting, whose body's name may follow (nil: none)
	anchorStops  *phraseMatcher // to, which: end the event a deadline counts from (nil: none)
	spanOpen     *keyWords      // od, from: opens a period whose close a deadline phrase would read
	spanClose    *keyWords      // do: closes a span of days (od 19. do 25. avgusta)
	permissive   *keyWords      // may: what a party is allowed to do, not what it undertakes
	roleAfter    *phraseMatcher // Strana domaćin, Strana koja…: a party in its role, after its verb (nil: none)
	occasion     *keyWords      // the visit, the talks: what the document reports was done
	// next, upcoming: an occasion to come, not the one reported
	occasionAhead *keyWords
	// partnership, relations, bond: the relationship between the parties
	// itself, whose state a copula judges (the U.S.-Kenya bond is stronger
	// than ever); nil: none
	bond *keyWords
	// bondBetween ([relationship-between]) joins the parties' names to a
	// relationship's noun (ties between our two countries)
	bondBetween *keyWords
	// views, regards, recognizes: before another party and "as a…", the
	// verb that judges that party ([regard-as]; nil: none)
	regardAs *keyWords
	// acknowledge ([acknowledge]): verbs of acknowledgement, which evaluate
	// an achievement they take as object (acknowledged the progress made)
	acknowledge *keyWords
	// passiveAux ([passive-aux]: was, were…) before a view's participle
	// states the view in the passive; passiveAgent ([passive-agent]: by)
	// after it names whose view it is (passiveView)
	passiveAux, passiveAgent *keyWords
	state                    *phraseMatcher // shall be subject to, shall not be liable: a legal state, no deed
	unaffected               *phraseMatcher // will not affect: what an instrument's end or change leaves untouched

	areas     *phraseMatcher
	areaWords []areaWord
	areaDflt  []string
	// areaPlaces are the area words that name a place ([area-place]: the
	// Arctic, the Middle East): inside a project's name they locate it
	areaPlaces map[string]bool
	// areaPrinciples are the area words that, beside sovereignty, are one
	// of the principles a sentence lists ([area-principle]: the peaceful
	// settlement of disputes)
	areaPrinciples map[string]bool
	// areaConflictAid are the area words of aid that, beside a conflict's
	// word, are the aid asked for in it ([area-conflict-aid]: humanitarian
	// assistance beside a ceasefire in Gaza) and give no area of their own
	areaConflictAid map[string]bool
	// areaAfterDemonym are the words that name an area right after a
	// country's demonym ([area-after-demonym]: the Indian community, Indian
	// workers: a country's people abroad), each with its areas; nil: none
	areaAfterDemonym map[string][]string
	deadlines        *phraseMatcher
	// finalDeadlines are the times that, ending a commitment's sentence, are
	// the time it is set for (… will be held in Hanoi in 2025); nil: none
	finalDeadlines *phraseMatcher
	// finalManner opens a phrase of manner after a final time ([deadline-final-manner]:
	// in 2028 | with a programme of…): the time still ends the undertaking's clause
	finalManner *keyWords
	// finalJoin joins the parties' next verb after a final time
	// ([deadline-final-join]: send a team in 2027 | and support…): the
	// time ends the first undertaking's clause
	finalJoin *keyWords
	// finalArranged follows a final time after a comma and leaves its
	// dates to be fixed ([deadline-final-arranged]: held in Kuala Lumpur
	// in 2028, | on dates to be agreed…): the time still ends the
	// undertaking's clause; nil: none
	finalArranged *phraseMatcher
	// inviteVerbs and inviteOthers read an invitation to the other side's
	// economic actors ([invite-verb], [invite-others]): a position; nil: none
	inviteVerbs, inviteOthers *keyWords
	dates                     *phraseMatcher
	months                    *phraseMatcher
	numbers                   map[string]int
	ordinals                  []string // the endings of a day in figures written as an ordinal (9th, 22nd)

	// urgeVerbs read one party's encouragement of the other party itself
	// ([urge-party]: The United States encouraged Serbia to…): what
	// another should do, a position; nil: none
	urgeVerbs *keyWords

	docKinds *phraseMatcher
	// intentTitles are the [instrument-title] phrases: a declaration whose
	// title names one (a joint declaration of intent) reads as an instrument
	intentTitles *phraseMatcher
	kindNames    []string
	refs         *spacedRefs
	ents         *spacedEntities
	languages    *phraseMatcher
	langCodes    []string
	authentic    *phraseMatcher
	closing      *phraseMatcher // done at, equally authentic: a closing formula's words
	visitTo      *keyWords      // welcomed the President … to (Washington): a visit
	placeLead    *phraseMatcher
	vocab        structure.Vocabulary
	index        phraseIndex // which of the tables above a word may open a phrase of
	// bufs keeps the sentence buffers of documents read, for the next
	// document to reuse (*sentenceBuf): on a short statement growing them
	// anew was a sixth of what it allocated
	bufs sync.Pool
}

// kinds only the spaced languages use, above the Chinese ones.
const (
	sCommitTo    cueKind = 1 << (26 + iota) // committed to / commitment to: + own action firm, + noun position
	sLookForward                            // + own action intent, + an event appraisal
	sNoun                                   // readiness to, determination to: an undertaking inside a stance's object
	sNoting                                 // noted that: a view of a fact, an appraisal unless its content undertakes or prescribes
)

var spacedCueSections = []struct {
	section string
	kind    cueKind
}{
	{"firm", cFirm}, {"intent", cIntent}, {"soft", cSoft}, {"action", cAction},
	{"position", cPosition}, {"opinion", cOpinion | cScope}, {"stance", cWeakStance},
	{"support", cSupport}, {"should", cShould}, {"appraisal", cAppraisal}, {"thanks", cThanks | cAppraisal},
	{"hospitality", cHospitality}, {"narrative", cNarrative}, {"copula", cCopula},
	{"commit-to", sCommitTo}, {"look-forward", sLookForward},
	{"firm-noun", sNoun | cFirm}, {"intent-noun", sNoun | cIntent}, {"neutral", cNeutral},
	{"achievement", cAchievement},
}

var spacedRequired = []string{
	"party-joint", "party-head", "office", "demonym", "preposition", "determiner", "filler",
	"prediction", "that", "clause-join", "area", "area-weak", "area-default", "deadline", "month", "number",
	"date", "time-unit", "own", "reference-inner", "document-kind", "reference-head", "closing", "signature-office", "news-agency",
	"language", "authentic", "title-word", "meta-line", "place-lead",
}

// NewSpaced builds the extractor for a spaced language from its embedded
// cue table and the country table.
func NewSpaced(lang string) (*Spaced, error) {
	t, cs, err := loadTables(lang)
	if err != nil {
		return nil, err
	}
	return NewSpacedWith(lang, t, cs)
}

// NewSpacedWith builds a spaced-language extractor from given tables.
func NewSpacedWith(lang string, t *lexicon.Table, cs *lexicon.Countries) (*Spaced, error) {
	if err := t.Require(spacedRequired...); err != nil {
		return nil, err
	}
	x := &Spaced{lang: lang, cues: newPhraseMatcher(), changes: soundChanges(t)}
	byWord := map[string]cueKind{}
	var order []string
	for _, s := range spacedCueSections {
		if !t.Has(s.section) {
			return nil, fmt.Errorf("%s: missing section [%s]", t.Name, s.section)
		}
		for _, w := range t.Words(s.section) {
			if _, ok := byWord[w]; !ok {
				order = append(order, w)
			}
			byWord[w] |= s.kind
		}
	}
	// a view that notes what is (konstatuju da…): its words are [opinion]
	// ones too, so the content still decides an undertaking; optional, as
	// not every language's table has it
	for _, w := range t.Words("noting") {
		if _, ok := byWord[w]; !ok {
			order = append(order, w)
		}
		byWord[w] |= sNoting
	}
	// an instrument's statements of a legal state (shall be subject to,
	// shall not be liable) hold a modal that undertakes nothing: shielded
	// as [neutral] phrases are, and read apart by operativeClause and
	// instrumentShall
	for _, w := range t.Words("instrument-state") {
		if _, ok := byWord[w]; !ok {
			order = append(order, w)
		}
		byWord[w] |= cNeutral
	}
	for _, w := range order {
		for _, f := range x.forms(w) {
			x.cues.Add(f, len(x.cueKinds))
		}
		x.cueKinds = append(x.cueKinds, byWord[w])
		x.cueWords = append(x.cueWords, w)
	}
	x.countries = newSpacedCountries(cs, lang, t.Entries("demonym"), t.Entries("party-alias"), x.forms)
	x.joint = phrasesOf(t.Words("party-joint"))
	x.heads = phrasesOf(t.Words("party-head"))
	x.offices = newPhraseMatcher()
	for _, e := range t.Entries("office") {
		x.offices.Add(e.Text, len(x.officeCode))
		x.officeCode = append(x.officeCode, e.Value)
		var codes []string
		if e.Value != "" && e.Value != "-" {
			codes = []string{e.Value}
		}
		x.officeCodes = append(x.officeCodes, codes)
	}
	x.prep = newKeyWords(t.Words("preposition"))
	x.courtesy = newKeyWords(t.Words("courtesy-title"))
	x.det = newKeyWords(t.Words("determiner"))
	x.filler = phrasesOf(t.Words("filler"))
	x.commitVerbs = newKeyWords(t.Words("commit-verb"))
	x.commitNouns = newKeyWords(t.Words("commit-noun"))
	x.commitNounMods = newKeyWords(t.Words("commit-noun-modifier"))
	x.attributive = newKeyWords(t.Words("attributive-participle"))
	x.own = phrasesOf(t.Words("own"))
	x.predict = newKeyWords(t.Words("prediction"))
	x.that = newKeyWords(t.Words("that"))
	x.thatState = newKeyWords(t.Words("that-state"))
	x.shall = optionalPhrases(t, "instrument-shall")
	x.settle = optionalPhrases(t, "instrument-settle")
	x.state = optionalPhrases(t, "instrument-state")
	x.unaffected = optionalPhrases(t, "instrument-unaffected")
	x.impersonal = optionalPhrases(t, "impersonal")
	x.partyVerb = optionalPhrases(t, "party-verb")
	x.willBe = optionalPhrases(t, "future-passive")
	x.effect = optionalPhrases(t, "effect-future")
	x.holders = optionalPhrases(t, "holders")
	x.ministry = optionalPhrases(t, "ministry-head")
	x.passivePart = optionalPhrases(t, "passive-participle")
	x.weVerb = optionalPhrases(t, "first-plural")
	x.futureForm = optionalPhrases(t, "future-form")
	x.agreeThat = optionalPhrases(t, "agree-that")
	x.continued = optionalPhrases(t, "continued")
	if w := t.Words("relative"); len(w) > 0 {
		x.relative = newKeyWords(w)
	}
	x.framing = optionalPhrases(t, "area-field")
	x.fieldsNamed = optionalPhrases(t, "area-field-anaphor")
	x.relationship = optionalPhrases(t, "area-relationship")
	x.selfPronoun = newKeyWords(t.Words("pronoun-self"))
	x.reflexive = newKeyWords(t.Words("reflexive"))
	x.designation = optionalPhrases(t, "designation")
	x.joins = newKeyWords(t.Words("clause-join"))
	x.names = newKeyWords(t.Words("names-verb"))
	x.bases = newKeyWords(t.Words("basis-lead"))
	x.units = newKeyWords(t.Words("time-unit"))
	x.nameSuffix = newKeyWords(t.Words("name-suffix"))
	x.passiveSoft = optionalPhrases(t, "passive-soft")
	x.organs = optionalPhrases(t, "party-organ")
	x.organMods = newKeyWords(t.Words("party-organ-modifier"))
	x.anchors = newKeyWords(t.Words("deadline-anchor"))
	x.events = newKeyWords(t.Words("deadline-event"))
	x.anchorStops = optionalPhrases(t, "deadline-anchor-stop")
	x.spanOpen = newKeyWords(t.Words("deadline-span-open"))
	x.spanClose = newKeyWords(t.Words("date-span-close"))
	x.permissive = newKeyWords(t.Words("permissive"))
	x.roleAfter = optionalPhrases(t, "party-after-verb")
	if w := t.Words("occasion"); len(w) > 0 {
		x.occasion = newKeyWords(w)
		x.occasionAhead = newKeyWords(t.Words("occasion-ahead"))
	}
	if w := t.Words("relationship-noun"); len(w) > 0 {
		x.bond = newKeyWords(w)
		x.bondBetween = newKeyWords(t.Words("relationship-between"))
	}
	if w := t.Words("passive-aux"); len(w) > 0 {
		x.passiveAux, x.passiveAgent = newKeyWords(w), newKeyWords(t.Words("passive-agent"))
	}
	if w := t.Words("acknowledge"); len(w) > 0 {
		x.acknowledge = newKeyWords(w)
	}
	if w := t.Words("regard-as"); len(w) > 0 {
		x.regardAs = newKeyWords(w)
	}

	x.areas = newPhraseMatcher()
	for _, sec := range []struct {
		name string
		weak bool
	}{{"area", false}, {"area-weak", true}} {
		for _, e := range t.Entries(sec.name) {
			if e.Value == "" {
				return nil, fmt.Errorf("%s:%d: area word %q needs =area", t.Name, e.Line, e.Text)
			}
			for _, f := range x.forms(e.Text) {
				x.areas.Add(f, len(x.areaWords))
			}
			x.areaWords = append(x.areaWords, areaWord{area: e.Value, codes: strings.Split(e.Value, "+"), weak: sec.weak, acronym: acronym(e.Text)})
		}
	}
	// a year inside an area phrase (Expo {year}: a World Expo named by its year)
	x.areas.Class("year", func(w word) bool { return yearOf(&w) > 0 })
	x.areaDflt = t.Words("area-default")
	if ps := t.Words("area-principle"); len(ps) > 0 {
		x.areaPrinciples = map[string]bool{}
		for _, p := range ps {
			x.areaPrinciples[strings.ToLower(p)] = true
		}
	}
	if ps := t.Words("area-conflict-aid"); len(ps) > 0 {
		x.areaConflictAid = map[string]bool{}
		for _, p := range ps {
			x.areaConflictAid[strings.ToLower(p)] = true
		}
	}
	if es := t.Entries("area-after-demonym"); len(es) > 0 {
		x.areaAfterDemonym = map[string][]string{}
		for _, e := range es {
			if e.Value == "" || strings.Contains(e.Text, " ") {
				return nil, fmt.Errorf("%s:%d: word after a demonym %q needs one word and =area", t.Name, e.Line, e.Text)
			}
			x.areaAfterDemonym[strings.ToLower(e.Text)] = strings.Split(e.Value, "+")
		}
	}
	if ps := t.Words("area-place"); len(ps) > 0 {
		x.areaPlaces = map[string]bool{}
		for _, p := range ps {
			x.areaPlaces[strings.ToLower(p)] = true
		}
	}

	x.months = newPhraseMatcher()
	for _, e := range t.Entries("month") {
		n, err := strconv.Atoi(e.Value)
		if err != nil || n < 1 || n > 12 {
			return nil, fmt.Errorf("%s:%d: month %q needs =1…12", t.Name, e.Line, e.Text)
		}
		x.months.Add(e.Text, n)
	}
	x.numbers = map[string]int{}
	for _, e := range t.Entries("number") {
		n, err := strconv.Atoi(e.Value)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: number %q needs =N", t.Name, e.Line, e.Text)
		}
		x.numbers[foldKey(e.Text)] = n
	}
	x.ordinals = lowerAll(t.Words("ordinal-ending"))
	x.deadlines = x.withClasses(phrasesOf(t.Words("deadline")), t)
	if pm := optionalPhrases(t, "deadline-final"); pm != nil {
		x.finalDeadlines = x.withClasses(pm, t)
	}
	x.finalManner = newKeyWords(t.Words("deadline-final-manner"))
	x.finalJoin = newKeyWords(t.Words("deadline-final-join"))
	x.finalArranged = optionalPhrases(t, "deadline-final-arranged")
	if v := t.Words("invite-verb"); len(v) > 0 {
		x.inviteVerbs, x.inviteOthers = newKeyWords(lowerAll(v)), newKeyWords(lowerAll(t.Words("invite-others")))
	}
	if v := t.Words("urge-party"); len(v) > 0 {
		x.urgeVerbs = newKeyWords(lowerAll(v))
	}
	x.dates = x.withClasses(phrasesOf(t.Words("date")), t)

	x.docKinds = newPhraseMatcher()
	for _, e := range t.Entries("document-kind") {
		x.docKinds.Add(e.Text, len(x.kindNames))
		x.kindNames = append(x.kindNames, e.Value)
	}
	x.intentTitles = optionalPhrases(t, "instrument-title")
	x.refs = newSpacedRefs(t)
	x.refs.months = x.months
	x.ents = newSpacedEntities(t)
	x.languages = newPhraseMatcher()
	for _, e := range t.Entries("language") {
		x.languages.Add(e.Text, len(x.langCodes))
		x.langCodes = append(x.langCodes, e.Value)
	}
	x.authentic = phrasesOf(t.Words("authentic"))
	x.closing = phrasesOf(t.Words("closing"))
	x.visitTo = newKeyWords(t.Words("visit-to"))
	x.placeLead = phrasesOf(t.Words("place-lead"))
	x.index.register(x.cues, x.countries.pm, x.joint, x.offices, x.heads, x.filler, x.own, x.areas,
		x.deadlines, x.dates, x.months, x.docKinds, x.refs.heads, x.ents.mech, x.ents.proj,
		x.ents.exclude, x.ents.demonym, x.ents.stop, x.ents.lead, x.ents.ends, x.languages,
		x.authentic, x.closing, x.placeLead, x.refs.yearLeads)
	// the optional tables a language may leave out, indexed when it has
	// them: unindexed, a table is tried at every word of every sentence
	for _, pm := range []*phraseMatcher{x.shall, x.impersonal, x.partyVerb, x.willBe, x.passivePart, x.weVerb, x.framing, x.passiveSoft, x.ents.adjective, x.ents.genitive, x.ents.genHead, x.state, x.unaffected} {
		if pm != nil {
			x.index.register(pm)
		}
	}
	x.index.registerSets(x.prep, x.det, x.predict, x.that, x.joins, x.ents.inner, x.ents.complement,
		x.ents.drop, x.refs.inner)
	if x.inviteVerbs != nil {
		// read at every word of every sentence (inviteCue): a bit of the
		// word's marks instead of a hash of its key (4% of an English
		// statement's extraction)
		x.index.registerSets(x.inviteVerbs)
	}
	x.vocab = structure.Vocabulary{
		Closing:       t.Words("closing"),
		Offices:       t.Words("signature-office"),
		SignsFor:      t.Words("signature-for"),
		NewsAgencies:  t.Words("news-agency"),
		Subjects:      t.Words("party-joint"),
		NoSurname:     t.Words("no-surname"),
		TitleWords:    t.Words("title-word"),
		MetaLines:     lowerAll(t.Words("meta-line")),
		Date:          x.findDate,
		Place:         x.placeAround,
		LeadDateline:  x.leadDateline,
		RecitalsRunOn: true,
	}
	return x, nil
}

// acronym reports a word of two or three capital letters and nothing else
// (WHO, UN, EU).
func acronym(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 3
}

// optionalPhrases is phrasesOf the section's words, or nil for a language
// whose table leaves the section out (its rule then never applies).
func optionalPhrases(t *lexicon.Table, section string) *phraseMatcher {
	if w := t.Words(section); len(w) > 0 {
		return phrasesOf(w)
	}
	return nil
}

func phrasesOf(words []string) *phraseMatcher {
	pm := newPhraseMatcher()
	for i, w := range words {
		pm.Add(w, i)
	}
	return pm
}

func keySet(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[foldKey(w)] = true
	}
	return m
}

func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}

// Language is the language tag the extractor writes (en, sr).
func (x *Spaced) Language() string { return x.lang }

// String gives the extractor's language, for error messages.
func (x *Spaced) String() string { return fmt.Sprintf("extractor(%s)", x.lang) }

// Extract reads one statement.
func (x *Spaced) Extract(text string) *entente.Extraction { return x.extractGiven(text, nil) }

// extractGiven reads one statement whose joint subjects stand for the given
// parties, when not nil (see Registry.ExtractGiven).
func (x *Spaced) extractGiven(text string, given []string) *entente.Extraction {
	buf := x.sentenceBuf()
	defer x.keepSentenceBuf(buf)
	return x.extractIn(text, buf, given)
}

// extractIn reads one statement with a document's buffer; given parties,
// when not nil, are those a joint subject (the two sides) stands for in
// place of the ones the document is read to have (see Registry.ExtractGiven).
func (x *Spaced) extractIn(text string, buf *sentenceBuf, given []string) *entente.Extraction {
	// the layout and the metadata ask of the same lines (a closing
	// formula: its date, its place, its languages): read each once
	buf.st.evidence = &buf.slab  // what the documents before left of its chunks
	buf.keys.Grow(len(text) / 2) // the folded keys of its words: a Cyrillic letter's is a byte as a rule, most Latin words are their own
	lines := &buf.lines
	if buf.vocab == nil {
		// the vocabulary whose date, place and dateline tests read the
		// buffer's lines: made once per buffer, not per document
		v := x.vocab
		v.Date = func(s string) (structure.Date, bool) { return x.findDateIn(lines, s) }
		v.Place = func(s string, d structure.Date) string { return x.placeAroundIn(lines, s, d) }
		v.LeadDateline = func(s string) int { return x.leadDatelineIn(lines, s) }
		buf.vocab = &v
	}
	lay := structure.ParseInto(text, *buf.vocab, &buf.layout) // its blocks and sentences are buf's: nothing below keeps them
	out := &entente.Extraction{
		Sections:   lay.Sections,
		Sentences:  make([]entente.Sentence, 0, len(lay.Sentences)),
		References: []entente.Reference{},
		Mechanisms: []entente.Entity{},
		Projects:   []entente.Entity{},
	}
	if out.Sections == nil {
		out.Sections = []entente.Section{}
	}
	x.document(lines, lay, &out.Document)
	parties := out.Document.Parties
	if given != nil {
		parties = given
	}
	inst := x.readsAsInstrument(&out.Document)
	bind := inst || out.Document.Kind == entente.KindActionPlan // binds(kind), with a declaration of intent
	field := x.instrumentField(&out.Document)
	weakField := false // the title names its field by a weak phrase (o ekonomskoj saradnji)
	if field == nil {
		field = x.titleFieldPhrase(&out.Document)
		weakField = field != nil
	}
	var title *sentence // the document's own name, which no sentence's entity is
	if out.Document.Title != "" {
		title = x.newSentence(out.Document.Title)
	}

	var (
		leadSubject []string
		inList      bool
		leadCommits bool   // the lead-in of the list undertakes (agreed to the following:)
		leadSection string // the lead-in's section: its list ends with it
		leadBases   bool   // the lead-in ends on the bases its items name (odnose na osnovama:)
		lastPara    = -1
		paraSubject []string
		bodyBefore  bool // the paragraph's sentence before opens with the parties' joint body
	)
	refs := newSpacedRefCollector(out.Document.SignedDate)
	signedYear := 0
	if d := out.Document.SignedDate; d != nil && len(*d) >= 4 {
		signedYear, _ = strconv.Atoi((*d)[:4])
	}
	ents := newEntityCollector()
	var known [][2]string  // the opening two words' keys of the mechanisms named so far
	var bodies []bodyField // the fields the mechanisms named so far name in their full names
	var short []string     // the short names given to mechanisms named so far (u daljem tekstu: Komisija)
	ppl := newPeople()
	ppl.signatories(out.Document.Signatories)
	ids := sentenceIDs(len(lay.Sentences))
	for i, ls := range lay.Sentences {
		var id string
		id, ids = nextID(ids)
		if ls.Paragraph != lastPara {
			lastPara = ls.Paragraph
			paraSubject, bodyBefore = nil, false
			if !ls.ListItem && !inList {
				leadSubject = nil
			}
			if !ls.ListItem && inList && ls.Marker == "" && i > 0 && !lay.Sentences[i-1].ListItem {
				inList, leadSubject = false, nil
			}
			if inList && ls.Section != leadSection {
				// a preamble's "have decided on the following:" leads into the
				// articles, each with items of its own, not into a list
				inList, leadSubject = false, nil
			}
		}
		inherited := paraSubject
		if inherited == nil {
			inherited = leadSubject
		}
		if inherited == nil {
			inherited = parties
		}
		st := x.newSentenceIn(ls.Text, buf)
		st.people = ppl
		st.short = short
		s, r := x.label(st, parties, inherited)
		if inList && leadCommits && (ls.ListItem || ls.Marker != "") && s.Type == entente.Narrative && s.Rationale.Type == nil && len(st.ws) > 0 {
			// an item with no verb under a lead-in that undertakes (…in the
			// following areas: - energy;) is one of the undertakings, soft
			s.Type, s.Strength, s.Actors = entente.Commitment, entente.Soft, st.unionCodes(inherited)
			s.Rationale.Type = &entente.Cue{Rule: "item of a list of undertakings"}
			s.Areas, s.Rationale.Areas = x.findAreas(st)
			if d := x.deadline(st); d != nil {
				s.Deadline, s.Rationale.Deadline = &d.Text, d
			}
		}
		if inList && leadCommits && bind && (ls.ListItem || ls.Marker != "") && s.Type == entente.Position && s.Rationale.Type != nil &&
			s.Rationale.Type.Rule == "support" && len(st.ws) > 0 && s.Rationale.Type.Start == st.ws[0].Start {
			// an instrument's item that opens with the noun of support and
			// no verb, under a lead-in that undertakes (dogovorile su se o
			// sledećem: 5. Podrška aktivnostima u vezi sa sportom za sve;):
			// the support the parties agreed to give, one of the
			// undertakings, soft as a verbless item is
			s.Type, s.Strength, s.Actors = entente.Commitment, entente.Soft, st.unionCodes(inherited)
			s.Rationale.Strength = s.Rationale.Type
		}
		if s.Type == entente.Narrative && s.Rationale.Type == nil && ls.Section != entente.SectionClosing && bind {
			x.operativeClause(st, &s, parties)
		} else if (s.Type == entente.Narrative || s.Type == entente.Appraisal && s.Rationale.Type != nil && s.Rationale.Type.Rule == "prediction") &&
			ls.Section != entente.SectionClosing && bind && x.shallApart(st, s.Rationale.Type) {
			// what the instrument says shall be done binds its parties, though
			// a deed in the passive (The Group will be co-chaired by…), a
			// title's "signed in" (… protected under the Agreement signed in
			// 2009) or a second "shall" (… and shall not be referred to…)
			// gave the sentence another reading
			typ, cue := s.Type, s.Rationale.Type
			s.Type, s.Rationale.Type = entente.Narrative, nil
			x.instrumentShall(st, &s, parties)
			if s.Type == entente.Narrative {
				s.Type, s.Rationale.Type = typ, cue
			}
		}
		if ls.Section != entente.SectionClosing {
			x.bindingFuture(st, &s, parties, bind)
			x.futurePassive(st, &s, parties)
			if binds(out.Document.Kind) {
				x.intentFuture(st, &s, parties)
			}
		}
		if inList && leadBases && (ls.ListItem || ls.Marker != "") && len(st.ws) > 0 {
			x.basisItem(st, &s, inherited)
		}
		if bodyBefore && s.Type == entente.Appraisal && bind && s.Rationale.Type != nil && s.Rationale.Type.Rule == "prediction" &&
			len(st.ws) > 0 && x.selfPronoun.has(&st.ws[0]) {
			// The Joint Working Group will be co-chaired… | It will meet
			// once a year: the pronoun is the body, whose "will" is the
			// parties' undertaking (jointBody), not a forecast
			x.commitAll(st, &s, entente.Firm, parties, s.Rationale.Type)
		}
		bodyBefore = x.opensWithBody(st)
		if s.Type != entente.Commitment && x.passiveSoft != nil {
			x.encouragedTo(st, &s, parties)
		}
		if (s.Type == entente.Position || s.Type == entente.Appraisal) && bind && x.selfSubject(st, s.Rationale.Type) {
			// The purpose of this Memorandum is…, Activities under this
			// Memorandum are subject to…, The termination of this
			// Memorandum will not affect…: the instrument states its terms
			s.Type, s.Actors, s.Areas, s.Rationale.Areas = entente.Narrative, []string{}, []string{}, nil
		}
		if ls.Section == entente.SectionClosing && (s.Type == entente.Position || s.Type == entente.Appraisal) {
			x.closingFormula(st, &s)
		}
		if inst && ls.Section == entente.SectionPreamble {
			recitalAim(&s, ls.Text)
		}
		if len(s.Areas) > 0 && len(s.Rationale.Areas) == 0 && inst {
			// [area-default] reads a statement's sentence with no area word
			// as framing the relationship; an instrument's article with none
			// (costs, confidentiality, the meetings of its body) sets out
			// procedure, and names no area
			s.Areas = []string{}
		}
		if weakField && s.Type != entente.Narrative {
			x.fieldPhrase(st, &s, field)
		}
		if field != nil && s.Type != entente.Narrative {
			x.inField(st, &s, field)
		}
		if field != nil && s.Type == entente.Commitment && len(s.Areas) == 0 && strings.HasSuffix(ls.Text, ":") {
			leadInField(&s, field)
		}
		if field != nil && s.Type == entente.Commitment && len(s.Areas) == 0 {
			x.fieldsBefore(st, &s, field)
		}
		if field != nil && ls.Section == entente.SectionPreamble {
			x.recitalFraming(st, &s, field)
		}
		if s.Type == entente.Commitment {
			// (nosioci: Ministarstvo … Republike Srbije i Ministarstvo …
			// Republike Slovenije): those who carry the measure out
			// undertake it, with its subject
			if codes := x.holderCodes(st); len(codes) > 0 {
				s.Actors = addCodes(slices.Clone(s.Actors), codes)
			}
		}
		pastDeadline(st, &s, signedYear)
		s.ID, s.Section, s.Marker, s.Paragraph = id, ls.Section, ls.Marker, ls.Paragraph
		s.References = refs.add(x.refs, id, st)
		mechs, projs := x.ents.find(st, s.References)
		mechs, projs = notDocument(st, mechs, title), notDocument(st, projs, title)
		// Mešovita komisija sastajaće se…: the sentence's capital hides
		// whether a name opens it; one the document named before does,
		// whatever other body the sentence names after it
		if c := x.ents.namedBefore(st, known); c != nil && !slices.ContainsFunc(mechs, func(m entente.Cue) bool { return m.Start < c.End && c.Start < m.End }) {
			mechs = append([]entente.Cue{*c}, mechs...)
		}
		// the short name the document gave a body named before (u daljem
		// tekstu: Komisija), alone with its capital in a later sentence
		if len(short) > 0 {
			mechs = append(mechs, x.ents.shortNamed(st, short, mechs)...)
		}
		for _, m := range mechs {
			known = x.ents.remember(st, known, m)
			if field != nil {
				bodies = x.rememberBodyField(bodies, m) // only an instrument's field is replaced
			}
			if k := x.ents.shortName(st, m); k != "" {
				short = append(short, k)
			}
		}
		s.Rationale.Mechanisms, s.Rationale.Projects = mechs, projs
		if field != nil && s.Type != entente.Narrative && len(mechs) > 0 && (len(s.Rationale.Areas) == 0 || onlyInstrumentField(s.Rationale.Areas)) {
			// the body's own field, where its full name gave one, over the
			// instrument's (Zajednička radna grupa … predlagaće nove oblike
			// saradnje: the migration group's cooperation is migration's)
			if own := x.bodyFieldOf(bodies, mechs[0], field); len(s.Rationale.Areas) == 0 || !slices.Equal(own, field) {
				bodyInField(&s, own, &mechs[0])
			}
		}
		if len(projs) > 0 && x.areaPlaces != nil {
			s.Areas, s.Rationale.Areas = x.placesInNames(s.Areas, s.Rationale.Areas, projs)
		}
		for _, m := range mechs {
			ents.mechs.add(m.Text, id)
			s.Mechanisms = append(s.Mechanisms, m.Text)
		}
		for _, p := range projs {
			ents.projs.add(p.Text, id)
			s.Projects = append(s.Projects, p.Text)
		}
		out.Sentences = append(out.Sentences, s)
		if r.subject != nil {
			paraSubject = r.subject
		}
		if strings.HasSuffix(ls.Text, ":") {
			leadSubject = r.actors
			if len(leadSubject) == 0 {
				leadSubject = r.subject
			}
			inList, leadCommits, leadSection = true, s.Type == entente.Commitment, ls.Section
			leadBases = x.endsOnBases(st)
		}
	}
	out.References = refs.list()
	out.Mechanisms, out.Projects = ents.list()
	return out
}

// sentenceIDs spells the ids of n sentences, s1 to sN, one after another
// in one string, for nextID to cut: one allocation for a document's ids,
// not one each.
func sentenceIDs(n int) string {
	b := make([]byte, 0, n*4)
	for i := 1; i <= n; i++ {
		b = append(b, 's')
		b = strconv.AppendInt(b, int64(i), 10)
	}
	return string(b)
}

// nextID cuts the first id off ids (sentenceIDs).
func nextID(ids string) (id, rest string) {
	end := min(2, len(ids))
	for end < len(ids) && ids[end] != 's' {
		end++
	}
	return ids[:end], ids[end:]
}

// sentence is a sentence as the spaced rules read it.
type sentence struct {
	s     string
	valid string // s, or s with invalid bytes spelt U+FFFD as in rs: what words' byte offsets count
	rs    []rune
	ws    []word
	cues  []scue
	ments []smention
	found []countryMatch // the countries mentions found, memory for the next sentence
	// cls and reads are the memory of classify's clauses and readings,
	// which nothing keeps once the sentence is read (for the next one)
	cls   []sclause
	reads []sreading
	// evidence gives the document's cues their memory (nil: each its own)
	evidence *cueSlab
	// people are the leaders' names the document has given a party so
	// far (nil: none are learnt, a sentence read alone)
	people *people
	// parties are the document's, for a subject that stands for them all
	// (its joint body: the Joint Committee will meet…)
	parties []string
	// short are the short names the document has given its bodies so far,
	// an acronym marked "=" (=bnc): one heads a subject as the body's
	// full name does (the BNC agreed…, the 10th Session of the BNC will…)
	short []string
}

// cueSlab hands out the evidence cues of documents from chunks: a
// document has dozens, each its own allocation before. No part of a chunk
// is handed out twice (the extractions keep the cues); what a document
// leaves of a chunk goes to the next document a reader reads (a short
// statement used half a chunk of each kind, and left the rest to the
// collector), so that two extractions may share a chunk, each its own
// part of it.
type cueSlab struct {
	free    []entente.Cue
	parties []entente.PartyCue
	areas   []entente.AreaCue
	clauses []entente.ClauseCue
	codes2  []string // the parties' codes of sentences (unionCodes)
	// codes and joined are the last party codes joined and their text: a
	// document names the same parties sentence after sentence
	codes  []string
	joined string
}

// partyCue returns a copy of c of the sentence's document (a subject's
// evidence, which the reading copies).
func (st *sentence) partyCue(c entente.PartyCue) *entente.PartyCue {
	if st.evidence == nil {
		p := new(entente.PartyCue) // (c itself stays on the stack)
		*p = c
		return p
	}
	e := st.evidence
	if len(e.parties) == 0 {
		e.parties = make([]entente.PartyCue, 16)
	}
	p := &e.parties[0]
	e.parties = e.parties[1:]
	*p = c
	return p
}

// areaCues returns a copy of cs of the sentence's document, its capacity
// its length (as slices.Clone's, which an append reallocates).
func (st *sentence) areaCues(cs []entente.AreaCue) []entente.AreaCue {
	e := st.evidence
	if e == nil {
		return slices.Clone(cs)
	}
	if len(e.areas) < len(cs) {
		e.areas = make([]entente.AreaCue, max(len(cs), 16))
	}
	out := e.areas[:len(cs):len(cs)]
	e.areas = e.areas[len(cs):]
	copy(out, cs)
	return out
}

// clauseCues returns an empty slice of capacity n of the sentence's
// document, for the clauses' evidence.
func (st *sentence) clauseCues(n int) []entente.ClauseCue {
	e := st.evidence
	if e == nil {
		return make([]entente.ClauseCue, 0, n)
	}
	if len(e.clauses) < n {
		e.clauses = make([]entente.ClauseCue, max(n, 32))
	}
	out := e.clauses[:0:n]
	e.clauses = e.clauses[n:]
	return out
}

// unionCodes is unionCodes(sets...) gathered on the stack and kept in the
// document's chunks, its capacity its length (an append reallocates).
func (st *sentence) unionCodes(sets ...[]string) []string {
	var buf [8]string
	out := gatherCodes(buf[:0], sets)
	if len(out) == 0 {
		return nil // as unionCodes
	}
	e := st.evidence
	if e == nil {
		return slices.Clip(slices.Clone(out))
	}
	if len(e.codes2) < len(out) {
		e.codes2 = make([]string, max(len(out), 64))
	}
	kept := e.codes2[:len(out):len(out)]
	e.codes2 = e.codes2[len(out):]
	copy(kept, out)
	return kept
}

// partyCues returns an empty slice of capacity n of the sentence's
// document, for the actors' evidence.
func (st *sentence) partyCues(n int) []entente.PartyCue {
	e := st.evidence
	if e == nil {
		return make([]entente.PartyCue, 0, n)
	}
	if len(e.parties) < n {
		e.parties = make([]entente.PartyCue, max(n, 16))
	}
	out := e.parties[:0:n]
	e.parties = e.parties[n:]
	return out
}

// settleAreas is settleAreas with the areas kept in the document's
// chunks, their capacity their length.
func (st *sentence) settleAreas(strong, weak []entente.AreaCue, dflt []string) ([]string, []entente.AreaCue) {
	e := st.evidence
	if e == nil {
		return settleAreas(strong, weak, dflt)
	}
	cues := strong
	if len(cues) == 0 {
		cues = weak
	}
	n := max(len(cues), len(dflt)) // at most the cues' or defaults' count
	if n == 0 {
		return []string{}, cues // empty, not nil: as settleAreas
	}
	if len(e.codes2) < n {
		e.codes2 = make([]string, max(n, 64))
	}
	areas := e.codes2[:0:n]
	e.codes2 = e.codes2[n:]
	return appendAreas(areas, cues, dflt), cues
}

// joinCodes is strings.Join(codes, ","), the text of the document's last
// codes joined when they are the same.
func (st *sentence) joinCodes(codes []string) string {
	e := st.evidence
	if e == nil || len(codes) < 2 {
		return strings.Join(codes, ",") // (one code is itself)
	}
	if !slices.Equal(codes, e.codes) {
		e.codes, e.joined = slices.Clone(codes), strings.Join(codes, ",")
	}
	return e.joined
}

// next returns a new cue.
func (c *cueSlab) next() *entente.Cue {
	if len(c.free) == 0 {
		c.free = make([]entente.Cue, 32)
	}
	e := &c.free[0]
	c.free = c.free[1:]
	return e
}

// scue is a cue phrase found in a sentence, in word offsets.
type scue struct {
	Start, End int // words
	Kind       cueKind
	Word       string // as in the table
}

// sentenceBuf holds the runes and words of the sentence being read, for
// the next one to reuse: nothing of a sentence keeps them once it is read.
type sentenceBuf struct {
	rs []rune
	ws []word
	// wsHigh is the most words ws has held since the buffer was last
	// kept: keepSentenceBuf clears those
	wsHigh int
	cues   []scue
	st     sentence
	slab   cueSlab         // the documents' evidence (never cleared: see cueSlab)
	keys   strings.Builder // the folded keys of the document's words
	// lines are the lines the layout and the metadata read, whose words
	// a sentence that is one of them takes instead of tokenizing again
	lines  lineWords
	layout structure.Buffers
	vocab  *structure.Vocabulary // the reader's, its tests reading lines (Extract)
}

// sentenceBuf returns a document's sentence buffer: one a document read
// before left (keepSentenceBuf), or a new one.
func (x *Spaced) sentenceBuf() *sentenceBuf {
	buf, ok := x.bufs.Get().(*sentenceBuf)
	if !ok {
		buf = &sentenceBuf{lines: lineWords{seen: map[string]tokenized{}}}
	}
	buf.lines.keys = &buf.keys
	return buf
}

// keepSentenceBuf leaves a document's buffer for the next document, with
// its memory but nothing of the document: no word, mention or sentence
// keeps its text alive. The folded keys are never reused (a new builder):
// the words of a document's sentences are slices of them.
func (x *Spaced) keepSentenceBuf(buf *sentenceBuf) {
	buf.reset()
	x.bufs.Put(buf)
}

// reset empties a document's buffer, keeping its memory (keepSentenceBuf).
func (buf *sentenceBuf) reset() {
	// only the words written: the rest of each array was never written
	// since it was made, or was cleared here (a word holds a pointer, and
	// clearing one costs a write barrier's work while the collector
	// marks; the lines' array is grown a word a character, a sixfold of
	// the words)
	clear(buf.ws[:min(buf.wsHigh, cap(buf.ws))])
	buf.wsHigh = 0
	clear(buf.st.ments[:cap(buf.st.ments)])
	clear(buf.st.found[:cap(buf.st.found)])
	clear(buf.st.reads[:cap(buf.st.reads)])
	buf.st = sentence{ments: buf.st.ments[:0], found: buf.st.found[:0], cls: buf.st.cls[:0], reads: buf.st.reads[:0]}
	buf.keys = strings.Builder{}
	l := &buf.lines
	clear(l.seen)
	l.lens = [4]uint64{}
	clear(l.ws) // its length is what lineTokens wrote
	l.rs, l.ws = l.rs[:0], l.ws[:0]
	buf.layout.Reset()
}

func (x *Spaced) newSentence(s string) *sentence { return x.newSentenceIn(s, nil) }

// begin makes buf's sentence the sentence s, with its runes and words, its
// other memory emptied (reads and evidence kept as they are). Field by
// field, and a buffer emptied in place (x = x[:0] writes no pointer): the
// whole struct written at once is a copy whose every pointer the collector
// is told of while it marks. TestSentenceBegin holds the fields to it.
func (buf *sentenceBuf) begin(s string, rs []rune, ws []word) *sentence {
	st := &buf.st
	st.s, st.valid, st.rs, st.ws = s, "", rs, ws
	st.cues = buf.cues[:0]
	st.ments = st.ments[:0]
	st.found = st.found[:0]
	st.cls = st.cls[:0]
	st.people = nil // the document's reader sets its own
	st.parties = nil
	st.short = nil
	return st
}

// newSentenceIn reads a sentence into buf's memory (nil for new memory).
func (x *Spaced) newSentenceIn(s string, buf *sentenceBuf) *sentence {
	var st *sentence
	valid := s
	if buf == nil {
		if !utf8.ValidString(s) {
			valid = "" // spelt from the runes below, as the tokenizer reads it
		}
		rs := []rune(s)
		st = &sentence{s: s, rs: rs, ws: tokenizeText(s, rs)}
	} else if t, ok := buf.lines.get(s); ok {
		// a line the layout or the metadata read (a closing formula of
		// one sentence): its words, marked, and changed by no one
		valid = t.valid
		st = buf.begin(s, nil, t.ws)
	} else {
		// the tokenizer reads the bytes: the characters are spelt out only
		// for a text that is not valid UTF-8, which is read as they spell it
		var rs []rune
		ws, ok := appendTokensString(buf.ws[:0], s, &buf.keys)
		buf.wsHigh = max(buf.wsHigh, len(ws))
		if !ok {
			if cap(buf.rs) < len(s) { // a character takes a byte at least
				buf.rs = make([]rune, 0, len(s)+len(s)/2)
			}
			rs, _ = decodeRunes(buf.rs[:len(s)], s)
			buf.rs = rs
			valid = string(rs)
			ws, _ = appendTokensString(ws[:0], valid, &buf.keys)
		}
		buf.ws = ws
		buf.wsHigh = max(buf.wsHigh, len(ws))
		st = buf.begin(s, rs, buf.ws)
	}
	if valid == "" && s != "" {
		valid = string(st.rs) // as the tokenizer reads it
	}
	st.valid = valid
	x.index.mark(st.ws)
	for m, ok := x.cues.next(st.ws, 0, nil); ok; m, ok = x.cues.next(st.ws, m.End, nil) {
		k := x.cueKinds[m.Payload]
		if k == cNeutral {
			continue
		}
		st.cues = append(st.cues, scue{Start: m.Start, End: m.End, Kind: k &^ cNeutral, Word: x.cueWords[m.Payload]})
	}
	x.inviteCue(st)
	if buf != nil {
		buf.cues = st.cues // grown, for the next sentence
	}
	return st
}

// inviteCue adds a position's cue at a verb of inviting ([invite-verb]:
// The Nigerian side invited Malaysian companies to invest in…) whose
// object, within four words, is the other side's economic actors
// ([invite-others]: companies, investors) followed by "to": what others
// should do, as a call on them is. An invitation to visit names persons,
// and stays the visit's story; a verb a cue already reads is left alone.
func (x *Spaced) inviteCue(st *sentence) {
	if x.inviteVerbs == nil {
		return
	}
	for i := 0; i+2 < len(st.ws); i++ {
		if st.ws[i].Punct || !x.inviteVerbs.has(&st.ws[i]) {
			continue
		}
		at := len(st.cues)
		for j, c := range st.cues {
			if c.End > i {
				at = j
				break
			}
		}
		if at < len(st.cues) && st.cues[at].Start <= i {
			continue // inside a cue of the table
		}
		for k := i + 1; k+1 < len(st.ws) && k <= i+4; k++ {
			if st.ws[k].Punct {
				break
			}
			if x.inviteOthers.has(&st.ws[k]) && st.ws[k+1].Key == "to" {
				st.cues = slices.Insert(st.cues, at, scue{Start: i, End: i + 1, Kind: cPosition, Word: st.ws[i].Key})
				break
			}
		}
	}
}

// urgedParty reads a verb of encouraging ([urge-party]) whose object is
// one party by its name (The United States encouraged Serbia to engage…;
// the article may stand before it) followed by "to": one party says what
// the other should do, a position, as a call on it is. The parties'
// encouragement of their businesses or of both sides stays their soft
// undertaking.
func (x *Spaced) urgedParty(st *sentence) {
	if x.urgeVerbs == nil {
		return
	}
	for i := range st.cues {
		c := &st.cues[i]
		if c.End != c.Start+1 || !c.Kind.has(cSoft) || !x.urgeVerbs.has(&st.ws[c.Start]) {
			continue
		}
		for _, m := range st.ments {
			if m.Start < c.End || m.Start > c.End+1 {
				continue
			}
			if len(m.Codes) == 1 && (m.Kind == mCountry || m.Kind == mDemonym) && m.End < len(st.ws) && st.ws[m.End].Key == "to" {
				c.Kind = cPosition
			}
			break
		}
	}
}

// decodeRunes writes the characters of s into rs, which has room for one a
// byte, as []rune(s) spells them (an invalid byte is U+FFFD), and reports
// whether s is valid UTF-8: one pass instead of a check and a decoding,
// with the two-byte characters of Serbian (Cyrillic, č ć đ š ž) decoded
// without a call.
func decodeRunes(rs []rune, s string) ([]rune, bool) {
	n, valid := 0, true
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			rs[n] = rune(c)
			i++
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			rs[n] = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 {
				valid = false
			}
			rs[n] = r
			i += w
		}
		n++
	}
	return rs[:n], valid
}

// span returns the text of words [a, b) as written, with its rune offsets.
func (st *sentence) span(a, b int) (string, int, int) {
	if a >= b || a >= len(st.ws) {
		return "", 0, 0
	}
	s, e := st.ws[a].Start, st.ws[b-1].End
	// a slice of the sentence, not a copy: the same text as its runes
	return st.valid[st.ws[a].from:st.ws[b-1].to], s, e
}

// offsets returns the rune offsets of words [a, b).
func (st *sentence) offsets(a, b int) (int, int) {
	if a >= b || a >= len(st.ws) {
		return 0, 0
	}
	return st.ws[a].Start, st.ws[b-1].End
}

func (st *sentence) cue(rule string, a, b int) *entente.Cue {
	text, s, e := st.span(a, b)
	if text == "" {
		return nil
	}
	if st.evidence == nil {
		return &entente.Cue{Rule: rule, Text: text, Start: s, End: e}
	}
	// field by field into the slab's zero slot: a struct copied whole
	// has each pointer of it told to the collector while it marks
	c := st.evidence.next()
	c.Rule, c.Text, c.Start, c.End = rule, text, s, e
	return c
}

// instrument reports a kind of document whose text binds its parties (a
// memorandum, an agreement), not a statement that reports and declares.
func instrument(kind entente.Kind) bool {
	return kind == entente.KindMoU || kind == entente.KindAgreement
}

// readsAsInstrument reports a document whose provisions are read as an
// instrument's: an agreement or memorandum, or a declaration whose title
// names it an arrangement of intent ([instrument-title]: a Joint
// Declaration of Intent, signed by ministries with final provisions, is a
// memorandum in all but name).
func (x *Spaced) readsAsInstrument(d *entente.Document) bool {
	if instrument(d.Kind) {
		return true
	}
	if x.intentTitles == nil || d.Kind != entente.KindDeclaration || d.Title == "" {
		return false
	}
	return len(x.intentTitles.FindAll(x.newSentence(d.Title).ws)) > 0
}

// binds reports a kind of document whose articles bind its parties as an
// instrument's do: an instrument, or an action or work plan whose articles
// (Strane obrazuju radnu grupu; Troškove snosi Strana koja upućuje; Ovaj
// plan ne predstavlja međunarodni ugovor) set out what the parties do and
// the plan's own terms. Its procedural articles keep the statement's
// default area, as the action plans' golds give it (instrument alone drops it).
func binds(kind entente.Kind) bool {
	return instrument(kind) || kind == entente.KindActionPlan
}

// operativeClause makes a sentence of an instrument with no cue a soft
// commitment when it opens with the parties, one of them or their joint
// body, and a verb after them: an instrument states what the parties do
// in the present (Strane osnivaju radnu grupu; Svaka Strana snosi svoje
// troškove; Radna grupa sastaje se dva puta godišnje), and that present
// binds them as "shall" does.
func (x *Spaced) operativeClause(st *sentence, s *entente.Sentence, parties []string) {
	if x.designationOnly(st) {
		// Министарство спорта Републике Србије, са једне стране; и
		// Министарство…, са друге стране; у даљем тексту „Стране“.: the
		// sentence names the parties and stops; the word after the first
		// party's head is its name running on, no verb
		return
	}
	if x.shall != nil {
		// what the instrument forbids (Strana koja prima podatke ne sme ih
		// dostavljati… bez saglasnosti Strane koja ih je dostavila) binds
		// firmly, before a party named further on is read as a fronted
		// object's subject
		if _, ok := x.shall.next(st.ws, 0, nil); ok {
			x.instrumentShall(st, s, parties)
			if s.Type == entente.Commitment {
				return
			}
		}
	}
	subj := x.subjectOfSpaced(st, 0, min(len(st.ws), 3), parties)
	if subj.kind != subjParty {
		// after an opening phrase and its comma (Radi sprovođenja ovog
		// memoranduma, Strane obrazuju…)
		comma := false
		for i := 1; i < len(st.ws) && i < 8; i++ {
			if st.ws[i].Punct && st.ws[i].Key == "," {
				subj, comma = x.subjectOfSpaced(st, i+1, min(len(st.ws), i+4), parties), true
				break
			}
		}
		if !comma {
			// or without one (Ради спровођења овог меморандума Стране
			// образују…): the parties named among the first words, not
			// after a preposition
			subj = x.subjectOfSpaced(st, 0, min(len(st.ws), 6), parties)
		}
		if subj.kind != subjParty && !st.ws[0].Punct && x.prep.has(&st.ws[0]) {
			// a phrase fronted with its preposition and no comma, in
			// lower case to the subject's capital (О резултатима свог
			// рада Заједничка радна група обавештава…)
			for k := 1; k < len(st.ws) && k < 6 && !st.ws[k].Punct; k++ {
				if st.ws[k].Upper {
					if sj := x.subjectOfSpaced(st, k, min(len(st.ws), k+4), parties); sj.kind == subjParty {
						subj = sj
					}
					break
				}
			}
		}
		if subj.kind != subjParty && !st.ws[0].Punct && !x.prep.has(&st.ws[0]) && !x.roleFirst(st) {
			// the object fronted, long, before its comma (Sva sporna
			// pitanja u vezi sa tumačenjem … ovog memoranduma Strane
			// rešavaju…): the parties with a capital inside the sentence,
			// after no preposition, and the verb after them
			for k := 6; k+1 < len(st.ws) && k < 18 && !st.ws[k].Punct; k++ {
				if !st.ws[k].Upper || !st.inMention(k) || st.ws[k-1].Punct || x.prep.has(&st.ws[k-1]) || st.ws[k-1].Upper {
					continue
				}
				if sj := x.subjectOfSpaced(st, k, min(len(st.ws), k+4), parties); sj.kind == subjParty {
					subj = sj
				}
				break
			}
		}
	}
	if subj.kind != subjParty || subj.cue == nil || len(subj.codes) == 0 {
		if c := x.cooperationConducted(st); c != nil {
			s.Type, s.Strength, s.Actors = entente.Commitment, entente.Soft, st.unionCodes(parties)
			s.Rationale.Type, s.Rationale.Strength = c, c
			s.Areas, s.Rationale.Areas = x.findAreas(st)
			return
		}
		if c := x.verbBeforeParty(st); c != nil {
			s.Type, s.Strength, s.Actors = entente.Commitment, entente.Soft, st.unionCodes(parties)
			s.Rationale.Type, s.Rationale.Strength = c, c
			s.Areas, s.Rationale.Areas = x.findAreas(st)
			return
		}
		x.instrumentShall(st, s, parties)
		return
	}
	k := 0
	for k < len(st.ws) && st.ws[k].Start < subj.cue.Cue.End {
		k++
	}
	for j := k; j+1 < len(st.ws); j++ {
		if x.names.has(&st.ws[j]) && st.ws[j+1].Upper {
			// Nadležni organi za sprovođenje ovog memoranduma su
			// Ministarstvo…: the instrument names who the subject is, a
			// definition, no undertaking
			return
		}
	}
	if k < len(st.ws) && !st.ws[k].Punct && x.prep.has(&st.ws[k]) {
		// The Government of India and the Government of…: the subject
		// runs on past its first noun; a preposition is no verb
		return
	}
	if k < len(st.ws) && (x.permissive.has(&st.ws[k]) || x.stateAt(st, k)) {
		// Each Party may invite…, Either Party may terminate…: the
		// instrument allows, and what it allows binds no one to do it
		return
	}
	if k+1 < len(st.ws) && x.reflexive != nil && x.reflexive.has(&st.ws[k]) && x.permissive.has(&st.ws[k+1]) {
		// Konsultacije se mogu odnositi na…: the reflexive clitic stands
		// second in its clause, before the modal that allows; the
		// instrument still only allows
		return
	}
	if k < len(st.ws) && subj.cue.Cue.Rule == "impersonal" && x.det.has(&st.ws[k]) {
		// It is an expression of the intentions of the Participants: "it
		// is" before a noun is the instrument's copula describing itself,
		// no passive recording what was agreed
		return
	}
	var c *entente.Cue
	if k < len(st.ws) && !st.ws[k].Punct && !st.ws[k].Upper {
		c = st.cue("operative clause of an instrument", k, k+1)
	}
	if c == nil {
		x.instrumentShall(st, s, parties) // The Parties, … shall be informed…
		return
	}
	strength := entente.Soft
	if x.shall != nil {
		if _, ok := x.shall.longestAt(st.ws, k); ok {
			// Each Party shall be responsible for…: the instrument's
			// "shall be", shielded from the cue table, still binds
			strength = entente.Firm
		}
	}
	s.Type, s.Strength, s.Actors = entente.Commitment, strength, st.unionCodes(subj.codes)
	s.Rationale.Type, s.Rationale.Strength = c, c
	s.Rationale.Actors = append(s.Rationale.Actors[:0:0], *subj.cue)
	s.Areas, s.Rationale.Areas = x.findAreas(st)
	if d := x.deadline(st); d != nil {
		s.Deadline, s.Rationale.Deadline = &d.Text, d
	}
}

// endsOnBases reports whether a lead-in ends with the bases its items name,
// the noun of [basis-lead] right before its colon (Republika Srbija i
// Republika Srpska uspostavljaju specijalne paralelne odnose na osnovama:).
func (x *Spaced) endsOnBases(st *sentence) bool {
	n := len(st.ws)
	return n >= 2 && st.ws[n-1].Punct && st.ws[n-1].Key == ":" && !st.ws[n-2].Punct && x.bases.has(&st.ws[n-2])
}

// basisItem reads an item under a lead-in that names the bases of a
// relation (na osnovama: - uverenja da…, - poštovanja suvereniteta…, - da je
// cilj … u skladu s…): each is a conviction or a principle the parties
// hold, a position of theirs, though it has no verb of its own, though the
// lead-in undertakes, and though its conviction forecasts (uverenja da će
// doprineti razvoju). An item with an undertaking of its own modal (firm or
// intent) keeps it, unless the modal stands inside the item's da-clause,
// the content of the conviction (uverenja da će saradnja doprineti…).
func (x *Spaced) basisItem(st *sentence, s *entente.Sentence, inherited []string) {
	if s.Type == entente.Commitment && !x.insideThat(st, s.Rationale.Type) {
		if s.Strength != entente.Soft {
			return
		}
		// a soft undertaking the item's own verb carries (- Strane
		// razmenjuju iskustva,) stays one; the list's own soft reading of a
		// verbless item, or of an instrument's present, gives way
		if c := s.Rationale.Type; c != nil && c.Rule != "item of a list of undertakings" && c.Rule != "operative clause of an instrument" {
			return
		}
	}
	s.Type, s.Strength, s.Actors = entente.Position, "", st.unionCodes(inherited)
	s.Rationale.Type = &entente.Cue{Rule: "item of the bases of a relation"}
	s.Rationale.Strength = nil
	if len(s.Areas) == 0 {
		s.Areas, s.Rationale.Areas = x.findAreas(st)
	}
}

// insideThat reports whether the cue stands after a "da" ([that]) of the
// sentence: in the content of a view, not the sentence's own clause.
func (x *Spaced) insideThat(st *sentence, c *entente.Cue) bool {
	if c == nil {
		return false
	}
	for i := range st.ws {
		if st.ws[i].Start >= c.Start {
			return false
		}
		if !st.ws[i].Punct && x.that.has(&st.ws[i]) {
			return true
		}
	}
	return false
}

// designationOnly reports whether the sentence ends with the formula that
// names the parties ([designation]: u daljem tekstu, hereinafter) and the
// names it gives, with no clause after them: an instrument's opening cut
// into its own sentence by a full stop (…, sa druge strane; u daljem
// tekstu pojedinačno „Strana“, a zajednički „Strane“.), which only names
// who the parties are. A lead-in (…, Strane: dogovorile su se…; ending in
// a colon) or a clause after a closing bracket is no mere designation.
func (x *Spaced) designationOnly(st *sentence) bool {
	if x.designation == nil || strings.HasSuffix(strings.TrimSpace(st.s), ":") {
		return false
	}
	ms := x.designation.FindAll(st.ws)
	if len(ms) == 0 {
		return false
	}
	m := ms[len(ms)-1]
	open := m.Start > 0 && st.ws[m.Start-1].Punct && st.ws[m.Start-1].Key == "("
	closed, n := false, 0
	for j := m.End; j < len(st.ws); j++ {
		w := &st.ws[j]
		if w.Punct {
			switch w.Key {
			case ";":
				return false
			case ")":
				closed = closed || open
			}
			continue
		}
		if closed {
			return false
		}
		if n++; n > 10 {
			return false
		}
	}
	return true
}

// roleFirst reports whether the sentence opens with a party in its role
// ([party-after-verb]: Strana domaćin, Strana koja upućuje), its subject:
// a party named later (troškove … druge Strane) is no subject then.
func (x *Spaced) roleFirst(st *sentence) bool {
	if x.roleAfter == nil {
		return false
	}
	m, ok := x.roleAfter.longestAt(st.ws, 0)
	return ok && m.End > 0
}

// verbBeforeParty finds the verb of an instrument's clause whose object comes
// first and its subject, a party in its role, after the verb (Troškove
// boravka snosi Strana domaćin; Трошкове путовања сноси Уговорна страна
// која упућује): Serbian orders so what each party bears, which binds the
// parties in their roles as a clause with the subject first does. The
// party's phrase ([party-after-verb]) is singular and qualified, so the
// genitive plural of the parties (uz saglasnost Strana) is not taken.
func (x *Spaced) verbBeforeParty(st *sentence) *entente.Cue {
	if x.roleAfter == nil {
		return nil
	}
	if m, ok := x.roleAfter.longestAt(st.ws, 0); ok && m.End > 0 && m.End < len(st.ws) {
		// the party in its role as the clause's subject, before its verb
		// (Strana domaćin snosi troškove…, Strana koja upućuje snosi…):
		// binding as the order with the object first, unless the clause
		// only allows (Strana koja … može odbiti…)
		v := &st.ws[m.End]
		if v.Punct || v.Upper || v.Digits || x.prep.has(v) || x.det.has(v) || x.stateAt(st, m.End) {
			return nil
		}
		for j := m.End; j < len(st.ws) && !st.ws[j].Punct; j++ {
			if x.permissive.has(&st.ws[j]) {
				return nil
			}
		}
		return st.cue("operative clause of an instrument", m.End, m.End+1)
	}
	for i := 2; i < len(st.ws); i++ {
		m, ok := x.roleAfter.longestAt(st.ws, i)
		if !ok || m.End <= i {
			continue
		}
		v := &st.ws[i-1]
		if v.Punct || v.Upper || v.Digits || x.prep.has(v) || x.det.has(v) {
			return nil
		}
		return st.cue("operative clause of an instrument", i-1, i)
	}
	return nil
}

// instrumentShall makes a sentence of an instrument with no cue and no
// party for subject a firm commitment of all its parties when it says
// what shall be done ([instrument-shall]: Any dispute … shall be settled
// through consultations; The costs shall be borne by each Party): the
// instrument's "shall" binds the parties that sign it, whatever the
// grammatical subject. A statement's "shall be" / "will be" stays
// neutral (the meeting will be held…).
func (x *Spaced) instrumentShall(st *sentence, s *entente.Sentence, parties []string) {
	if x.shall == nil || len(parties) == 0 {
		return
	}
	strength := entente.Firm
	m, ok := x.shall.next(st.ws, 0, nil)
	if !ok && x.settle != nil {
		// Sporovi u vezi sa tumačenjem … rešavaju se konsultacijama: what
		// the instrument settles in its present binds its parties, as the
		// parties' own present does (soft), as its future does (firm)
		if m, ok = x.settle.next(st.ws, 0, nil); ok {
			strength = entente.Soft
		}
	}
	if !ok {
		return
	}
	// the instrument itself as subject (This Memorandum shall be
	// amended…, It will be renewed…) states its own terms: a formula
	if w := &st.ws[0]; x.predict.has(w) || x.refs.self.has(w) {
		return
	}
	if x.stateAt(st, m.Start) {
		return // The implementation … shall be subject to the availability of funds
	}
	c := st.cue("shall of an instrument", m.Start, m.End)
	if c == nil {
		return
	}
	x.commitAll(st, s, strength, parties, c)
}

// stateAt reports whether an [instrument-state] phrase opens at word i:
// the instrument states a condition or a liability, which no one does.
func (x *Spaced) stateAt(st *sentence, i int) bool {
	if x.state == nil {
		return false
	}
	_, ok := x.state.longestAt(st.ws, i)
	return ok
}

// bindingFuture makes a sentence whose future has a noun for subject a
// firm commitment of all the parties when that future is theirs to carry
// out. The passive's future (Prva sednica biće održana u roku od šest
// meseci; U 2020. godini biće održana zajednička vežba) says what the
// parties will hold, sign or open, in a statement as in an instrument; a
// verb's future (Svi sporovi rešavaće se pregovorima) binds only in an
// instrument, whose "shall" binds those who sign it, where a statement's
// forecasts. A pronoun or the instrument itself for subject (Ovaj
// sporazum primenjivaće se…) keeps the formula it is.
func (x *Spaced) bindingFuture(st *sentence, s *entente.Sentence, parties []string, instrument bool) {
	if s.Rationale.Type == nil || len(parties) == 0 {
		return
	}
	if x.selfSubject(st, s.Rationale.Type) && x.selfNear(st, 4) {
		// The termination of this Memorandum will not affect…: the
		// instrument's own terms; a subject that only mentions it further
		// on (Svi sporovi u vezi sa primenom ovog sporazuma rešavaće se…)
		// is what the parties will do
		return
	}
	h := 0
	for h < len(st.ws) && st.ws[h].Start < s.Rationale.Type.Start {
		h++
	}
	if h >= len(st.ws) || st.ws[h].Start != s.Rationale.Type.Start {
		return
	}
	a, e := h, h+1 // the future's words [a, e); the subject ends before them
	switch {
	case instrument && s.Type == entente.Appraisal && s.Rationale.Type.Rule == "prediction":
		// the verb's future (rešavaće) and what its cue holds with it
		for e < len(st.ws) && st.ws[e].Start < s.Rationale.Type.End {
			e++
		}
		if x.effectAt(st, a, e+1) {
			// Realizacija projekta doprineće smanjenju emisija: a thing's
			// effect, which no one carries out, forecast as in a statement
			return
		}
		if x.relativeAfterPermission(st, a) {
			// Any state may accede to this Agreement on terms which would
			// be agreed…: the future describes the terms of what the main
			// clause only allows; the permission, a formula, decides
			return
		}
	case s.Type == entente.Narrative && s.Rationale.Type.Rule == "narrative" && x.willBe != nil:
		// the auxiliary right before the participle (biće održana)
		a = -1
		for k := max(0, h-2); k < h; k++ {
			if m, ok := x.willBe.longestAt(st.ws, k); ok && m.End == h {
				a = k
				break
			}
		}
		if a < 0 {
			return
		}
	default:
		return
	}
	// a noun for subject, or none before the future (U 2020. godini biće
	// održana vežba: the time, then the verb)
	if !x.noAgentBefore(st, a, parties) {
		return
	}
	if instrument && x.unaffectedAt(st, st.ws[a].Start) {
		// Termination will not affect…: what the instrument's end leaves
		// untouched is its own term, whatever the subject
		return
	}
	c := st.cue("future that binds the parties", a, e)
	if c == nil {
		return
	}
	x.commitAll(st, s, entente.Firm, parties, c)
}

// effectAt reports whether an [effect-future] verb opens at a word in
// [a, e): a future of contributing or enabling, said of what a work or an
// act will bring about.
func (x *Spaced) effectAt(st *sentence, a, e int) bool {
	if x.effect == nil {
		return false
	}
	for k := a; k < e && k < len(st.ws); k++ {
		if _, ok := x.effect.longestAt(st.ws, k); ok {
			return true
		}
	}
	return false
}

// bodySubject reports whether a subject is the parties' standing body or
// a meeting of it (jointBody), not the parties named.
func bodySubject(sj subject) bool {
	return sj.kind == subjParty && sj.cue != nil && sj.cue.Cue.Rule == jointBodyRule
}

// cooperationConducted returns the evidence of an instrument's article
// that says how the cooperation it governs is conducted, in the reflexive
// present (Saradnja se odvija na osnovu jednakosti…, Saradnja iz člana 2.
// ostvaruje se…): the parties' cooperation, their soft undertaking as
// their own present is. The cooperation is the framing word ([area-field])
// that opens the sentence; the reflexive comes within its first ten words,
// before any comma.
func (x *Spaced) cooperationConducted(st *sentence) *entente.Cue {
	if x.framing == nil || x.reflexive == nil || len(st.ws) < 3 {
		return nil
	}
	m, ok := x.framing.longestAt(st.ws, 0)
	if !ok || m.End != 1 {
		return nil
	}
	for j := 1; j < len(st.ws) && j < 10 && !(st.ws[j].Punct && st.ws[j].Key == ","); j++ {
		if x.reflexive.has(&st.ws[j]) {
			return st.cue("operative clause of an instrument", 0, j+1)
		}
	}
	return nil
}

// instrumentField returns the areas an instrument's title names with
// words of their own (… o saradnji u oblasti obrazovanja: people), nil for
// a statement, for a title that names none, or for a language whose table
// lists no [area-field] words. A plan or programme that binds as an
// instrument does (Програм сарадње у области културе…) has its field too.
func (x *Spaced) instrumentField(d *entente.Document) []string {
	if x.framing == nil || !binds(d.Kind) && !x.readsAsInstrument(d) || d.Title == "" {
		return nil
	}
	// the title's parties are read first: a ministry's portfolio up to its
	// country (Saveznog ministarstva za inovacije … Republike Austrije)
	// says who signs, not the field, as in a sentence
	st := x.newSentence(d.Title)
	st.ments = x.mentions(st, d.Parties)
	areas, cues := x.findAreas(st)
	if len(cues) == 0 || cues[0].Rule != "area" {
		return nil
	}
	return areas
}

// titleFieldPhrase is the field an instrument's title names by a weak
// phrase of more than one word, where it names none by a strong word
// (Sporazum … o ekonomskoj saradnji: trade and investment). Economic
// cooperation frames another field in a statement (Turizam predstavlja stub
// ekonomske saradnje), so its words are weak; the title of an instrument on
// it names what the instrument is about. A bare framing word (o saradnji)
// names no field.
func (x *Spaced) titleFieldPhrase(d *entente.Document) []string {
	if x.framing == nil || !binds(d.Kind) && !x.readsAsInstrument(d) || d.Title == "" {
		return nil
	}
	st := x.newSentence(d.Title)
	st.ments = x.mentions(st, d.Parties)
	var field []string
	for _, m := range x.weakPhrases(st) {
		for _, a := range x.areaWords[m.Payload].codes {
			if !slices.Contains(field, a) {
				field = append(field, a)
			}
		}
	}
	slices.Sort(field)
	return field
}

// weakPhrases are the matches in st of weak area phrases of more than one
// word (ekonomsk* saradnj*, ekonomsk* odnos*).
func (x *Spaced) weakPhrases(st *sentence) []phraseMatch {
	var out []phraseMatch
	for m, ok := x.areas.next(st.ws, 0, nil); ok; m, ok = x.areas.next(st.ws, m.End, nil) {
		w := x.areaWords[m.Payload]
		if w.weak && w.area != noArea && m.End-m.Start > 1 && !st.partyNamed(m.Start, m.End) {
			out = append(out, m)
		}
	}
	return out
}

// fieldPhrase reads, in an instrument whose title names its field by a weak
// phrase (titleFieldPhrase), that phrase's words in a sentence as strong: the
// economic cooperation of an agreement on economic cooperation is what it
// is about (U želji da prošire ekonomsku saradnju…; …u skladu sa
// međunarodnim obavezama, razvijati ekonomsku saradnju), beside another
// field's strong word, and over the weak words around it.
func (x *Spaced) fieldPhrase(st *sentence, s *entente.Sentence, field []string) {
	var add []entente.AreaCue
	for _, m := range x.weakPhrases(st) {
		w := x.areaWords[m.Payload]
		if !allIn(w.codes, field) {
			continue
		}
		text, a, b := st.span(m.Start, m.End)
		for _, code := range w.codes {
			add = append(add, entente.AreaCue{Area: code, Cue: entente.Cue{Rule: "area (the instrument's field phrase)", Text: text, Start: a, End: b}})
		}
	}
	if len(add) == 0 {
		return
	}
	var cues []entente.AreaCue
	for _, c := range s.Rationale.Areas {
		if c.Rule != "area (weak)" {
			cues = append(cues, c)
		}
	}
	cues = append(cues, add...)
	var areas []string
	for _, c := range cues {
		if !slices.Contains(areas, c.Area) {
			areas = append(areas, c.Area)
		}
	}
	slices.Sort(areas)
	s.Areas, s.Rationale.Areas = areas, cues
}

// allIn reports whether every code is in set.
func allIn(codes, set []string) bool {
	for _, c := range codes {
		if !slices.Contains(set, c) {
			return false
		}
	}
	return true
}

// inField places in the instrument's field a sentence whose only area
// words are weak and one of them is a word that frames the cooperation
// (Strane će razvijati saradnju u sledećim oblastima:, Radna grupa
// razmatraće rezultate saradnje): in an instrument on education the
// cooperation is education, where a statement's frames the relationship.
func (x *Spaced) inField(st *sentence, s *entente.Sentence, field []string) {
	var frame *entente.AreaCue
	for k := range s.Rationale.Areas {
		c := &s.Rationale.Areas[k]
		if c.Rule != "area (weak)" {
			return
		}
		for i := range st.ws {
			if st.ws[i].Start != c.Start {
				continue
			}
			if m, ok := x.framing.longestAt(st.ws, i); ok && m.End > i && frame == nil {
				frame = c
			}
			break
		}
	}
	if frame == nil {
		return
	}
	cues := make([]entente.AreaCue, len(field))
	for k, a := range field {
		cues[k] = entente.AreaCue{Area: a, Cue: entente.Cue{Rule: "area (the instrument's field)", Text: frame.Text, Start: frame.Start, End: frame.End}}
	}
	s.Areas, s.Rationale.Areas = slices.Clone(field), cues
}

// leadInField places in the instrument's field the lead-in that undertakes
// and names no area of its own (ДОГОВОРИЛЕ СУ СЕ О СЛЕДЕЋЕМ:, Saglasile su
// se o sledećem:): what the parties agree to follows it, and an instrument
// whose title names its field agrees on that field, where an article with no
// area word sets out procedure and names none.
func leadInField(s *entente.Sentence, field []string) {
	cues := make([]entente.AreaCue, len(field))
	for k, a := range field {
		cues[k] = entente.AreaCue{Area: a, Cue: entente.Cue{Rule: "area (the instrument's field: its lead-in)"}}
	}
	s.Areas, s.Rationale.Areas = slices.Clone(field), cues
}

// fieldsBefore places in the instrument's field an undertaking that names
// no area of its own but the fields by a word that points back to them
// (…institucije i organizacije koje se bave gore spomenutim oblastima, u
// navedenim oblastima): in an instrument whose title names its field, the
// fields the parties cooperate in are the title's.
func (x *Spaced) fieldsBefore(st *sentence, s *entente.Sentence, field []string) {
	if x.fieldsNamed == nil {
		return
	}
	for i := range st.ws {
		m, ok := x.fieldsNamed.longestAt(st.ws, i)
		if !ok || m.End <= i {
			continue
		}
		text, a, b := st.span(m.Start, m.End)
		cues := make([]entente.AreaCue, len(field))
		for k, code := range field {
			cues[k] = entente.AreaCue{Area: code, Cue: entente.Cue{Rule: "area (the instrument's field: the fields named)", Text: text, Start: a, End: b}}
		}
		s.Areas, s.Rationale.Areas = slices.Clone(field), cues
		return
	}
}

// recitalFraming drops from a preamble's areas the political one that only
// words framing the relationship give (Rukovodeći se željom da razvijaju
// prijateljske odnose…, [area-relationship]), when the instrument's field,
// which the title names, is not political and the sentence names an area
// of that field: the friendship recited is the instrument's formula, and
// its preamble is in its field.
func (x *Spaced) recitalFraming(st *sentence, s *entente.Sentence, field []string) {
	if x.relationship == nil || slices.Contains(field, "political") || !slices.Contains(s.Areas, "political") {
		return
	}
	inField := false
	for _, a := range s.Areas {
		inField = inField || slices.Contains(field, a)
	}
	if !inField {
		return
	}
	framed := 0
	for _, c := range s.Rationale.Areas {
		if c.Area != "political" {
			continue
		}
		framing := false
		for i := range st.ws {
			if st.ws[i].Start == c.Start {
				m, ok := x.relationship.longestAt(st.ws, i)
				framing = ok && st.ws[m.End-1].End >= c.End
				break
			}
		}
		if !framing {
			return
		}
		framed++
	}
	if framed == 0 {
		return
	}
	kept := s.Rationale.Areas[:0:0]
	for _, c := range s.Rationale.Areas {
		if c.Area != "political" {
			kept = append(kept, c)
		}
	}
	s.Areas = slices.DeleteFunc(slices.Clone(s.Areas), func(a string) bool { return a == "political" })
	s.Rationale.Areas = kept
}

// bodyField is a mechanism's field as its full name gives it (Zajedničku
// radnu grupu za migracije: security), keyed by its name's opening two words.
type bodyField struct {
	key   [2]string
	areas []string
}

// rememberBodyField adds to bodies the field a mechanism's name gives by an
// area word of its own (Zajednička radna grupa za migracije), the first time
// the document names it so.
func (x *Spaced) rememberBodyField(bodies []bodyField, m entente.Cue) []bodyField {
	ms := x.newSentence(m.Text)
	if len(ms.ws) < 3 {
		return bodies
	}
	key := [2]string{ms.ws[0].Key, ms.ws[1].Key}
	for _, b := range bodies {
		if sameStem(b.key[0], key[0]) && sameStem(b.key[1], key[1]) {
			return bodies
		}
	}
	areas, cues := x.findAreas(ms)
	if len(cues) == 0 || cues[0].Rule != "area" {
		return bodies
	}
	return append(bodies, bodyField{key, areas})
}

// bodyFieldOf returns the field of the body m names when its full name,
// named before, gave one (Zajednička radna grupa sastajaće se… after
// Zajedničku radnu grupu za migracije: security, in a memorandum whose
// title names education too); else the instrument's field.
func (x *Spaced) bodyFieldOf(bodies []bodyField, m entente.Cue, field []string) []string {
	if len(bodies) == 0 {
		return field
	}
	ms := x.newSentence(m.Text)
	if len(ms.ws) < 2 {
		return field
	}
	for _, b := range bodies {
		if sameStem(b.key[0], ms.ws[0].Key) && sameStem(b.key[1], ms.ws[1].Key) {
			return b.areas
		}
	}
	return field
}

// onlyInstrumentField reports whether every area cue is the instrument's
// field that a word framing the cooperation gave (inField).
func onlyInstrumentField(cues []entente.AreaCue) bool {
	for _, c := range cues {
		if c.Rule != "area (the instrument's field)" {
			return false
		}
	}
	return len(cues) > 0
}

// bodyInField places in the instrument's field a sentence with no area word
// that names a body (Zajednička radna grupa sastajaće se…, Prvi sastanak
// Mešovite komisije…): the body an instrument on a field sets up works in
// that field, as inField reads the cooperation it frames.
func bodyInField(s *entente.Sentence, field []string, body *entente.Cue) {
	cues := make([]entente.AreaCue, len(field))
	for k, a := range field {
		cues[k] = entente.AreaCue{Area: a, Cue: entente.Cue{Rule: "area (the instrument's field, its body)", Text: body.Text, Start: body.Start, End: body.End}}
	}
	s.Areas, s.Rationale.Areas = slices.Clone(field), cues
}

// futurePassive reads a sentence that no cue placed, whose verb is the
// future's auxiliary before a passive participle (Direktna linija biće
// uspostavljena do kraja godine, Program će biti pokrenut…): what will be
// done, with no agent named, is the parties' undertaking, firm, in a
// statement as in an instrument, as bindingFuture reads the participles the
// narrative table knows (biće održana). A party or a pronoun for subject, or
// the instrument itself (Ovaj memorandum biće primenjivan…), is left alone.
func (x *Spaced) futurePassive(st *sentence, s *entente.Sentence, parties []string) {
	if s.Type != entente.Narrative || s.Rationale.Type != nil || x.willBe == nil || x.passivePart == nil || len(parties) == 0 {
		return
	}
	a, e := -1, 0
	for k := range st.ws {
		m, ok := x.willBe.longestAt(st.ws, k)
		if !ok || m.End >= len(st.ws) {
			continue
		}
		if p, ok := x.passivePart.longestAt(st.ws, m.End); ok && p.End == m.End+1 {
			a, e = k, p.End
			break
		}
	}
	if a < 0 {
		return
	}
	if !x.noAgentBefore(st, a, parties) {
		return
	}
	c := st.cue("future that binds the parties", a, e)
	if c == nil || x.selfBefore(st, c.Start) && x.selfNear(st, 4) {
		return
	}
	x.commitAll(st, s, entente.Firm, parties, c)
}

// intentFuture reads, in an instrument or a plan, a sentence that no cue
// placed whose verb is an aim in the future's form (Narodni muzej … i
// Nacionalni muzej … razmotriće mogućnost…, Biblioteke nastojaće da…):
// the institutions a noun names act for the parties who sign, whose aim it
// is, as bindingFuture reads their future (razmenjivaće). A party, its
// office or the instrument itself for subject is left alone, and a
// statement's others' aim stays theirs.
func (x *Spaced) intentFuture(st *sentence, s *entente.Sentence, parties []string) {
	if s.Type != entente.Narrative || s.Rationale.Type != nil || x.futureForm == nil || len(parties) == 0 {
		return
	}
	for _, c := range st.cues {
		if !c.Kind.has(cIntent) || c.Kind.has(sNoun) {
			continue
		}
		future := false
		for j := c.Start; j < c.End && !future; j++ {
			m, ok := x.futureForm.longestAt(st.ws, j)
			future = ok && m.End == j+1
		}
		if !future || !x.noAgentBefore(st, c.Start, parties) {
			return
		}
		cue := st.cue("future that binds the parties", c.Start, c.End)
		if cue == nil || x.selfBefore(st, cue.Start) && x.selfNear(st, 4) {
			return
		}
		x.commitAll(st, s, entente.Intent, parties, cue)
		return
	}
}

// pastDeadline drops a sentence's deadline whose latest year comes before
// the year the document was signed (… posle posete u julu 2018. godine in a
// statement of 2019): a time limit cannot fall before the undertaking was
// made, so the time dates something done.
func pastDeadline(st *sentence, s *entente.Sentence, signedYear int) {
	d := s.Rationale.Deadline
	if d == nil || signedYear == 0 {
		return
	}
	latest := 0
	for i := range st.ws {
		if w := &st.ws[i]; w.Start >= d.Start && w.End <= d.End {
			latest = max(latest, yearOf(w))
		}
	}
	if latest > 0 && latest < signedYear {
		s.Deadline, s.Rationale.Deadline = nil, nil
	}
}

// noAgentBefore reports whether the words before a passive future at word
// a name no one who acts: a noun, nothing (a time, then the verb), or a
// noun that a party only owns (Dani kulture Azerbejdžana biće održani…:
// the party's event, which the parties who state it will hold), or the
// parties' joint body or its session (Zasedanje Mešovite komisije biće
// održano…: the parties hold it, as they hold its first sednica). A party,
// its office or body (Ambasada Srbije, ownsSubject) is left alone.
func (x *Spaced) noAgentBefore(st *sentence, a int, parties []string) bool {
	sj := x.subjectOfSpaced(st, 0, a, parties)
	switch sj.kind {
	case subjForeign, subjOmitted:
		return true
	case subjParty:
		if bodySubject(sj) {
			return true
		}
		return sj.cue != nil && sj.cue.Cue.Rule == "subject" && (x.ownsSubject(st, 0, a) || x.jointlyOwns(st, 0, a, parties))
	}
	return false
}

// jointlyOwns reports whether the parties named in words [a, b) together
// own the common noun that opens the subject (zajednička sednica dveju
// vlada, … Vlade Republike Srbije i Vlade Mađarske): each mention stands
// right after the noun's words, or after "i" right after the owner before
// it (an office and its country, Vlade | Republike Srbije, are one owner),
// and they name all the parties. Their event, which they will hold;
// one party's government alone (Vlada Mađarske biće obaveštena) is not
// read so.
func (x *Spaced) jointlyOwns(st *sentence, a, b int, parties []string) bool {
	var codes []string
	prevEnd := -1
	for _, m := range st.ments {
		if m.Start < a || m.End > b {
			continue
		}
		p := m.Start - 1
		if p < a {
			return false
		}
		w := &st.ws[p]
		switch {
		case m.Start == prevEnd: // one owner in two mentions: Vlade | Republike Srbije
		case prevEnd >= 0 && p == prevEnd && x.joins.has(w):
		case prevEnd < 0 && !w.Punct && !(w.Upper && p > 0) && !x.prep.has(w) && !x.det.has(w) && !x.joins.has(w) && !x.isOfficeEnd(st, p):
		default:
			return false
		}
		codes = append(codes, m.Codes...)
		prevEnd = m.End
	}
	if prevEnd < 0 {
		return false
	}
	for _, c := range parties {
		if !slices.Contains(codes, c) {
			return false
		}
	}
	return true
}

// commitAll makes s a commitment of all the parties at strength, c its
// evidence, and reads its areas and deadline as a commitment's.
func (x *Spaced) commitAll(st *sentence, s *entente.Sentence, strength entente.Strength, parties []string, c *entente.Cue) {
	s.Type, s.Strength, s.Actors = entente.Commitment, strength, st.unionCodes(parties)
	s.Rationale.Type, s.Rationale.Strength = c, c
	s.Areas, s.Rationale.Areas = x.findAreas(st)
	if d := x.deadline(st); d != nil {
		s.Deadline, s.Rationale.Deadline = &d.Text, d
	}
}

// encouragedTo makes a sentence that says in the passive whom the parties
// encourage (Research institutions of both countries are encouraged to
// take part…, [passive-soft]) their soft undertaking, as "The Parties
// encourage research institutions to…" is.
func (x *Spaced) encouragedTo(st *sentence, s *entente.Sentence, parties []string) {
	m, ok := x.passiveSoft.next(st.ws, 0, nil)
	if !ok || len(parties) == 0 {
		return
	}
	c := st.cue("passive undertaking", m.Start, m.End)
	if c == nil {
		return
	}
	x.commitAll(st, s, entente.Soft, parties, c)
}

// opensWithBody reports whether a sentence opens with the name of the
// parties' standing body (The Joint Working Group will…).
func (x *Spaced) opensWithBody(st *sentence) bool {
	i := 0
	for i < len(st.ws) && x.det.has(&st.ws[i]) {
		i++
	}
	return x.jointBody(st, i, len(st.ws)) > i
}

// selfNear reports whether a word naming the document itself (this, ovaj)
// stands among the sentence's first n words.
func (x *Spaced) selfNear(st *sentence, n int) bool {
	for i := 0; i < len(st.ws) && i < n; i++ {
		if x.refs.self.has(&st.ws[i]) {
			return true
		}
	}
	return false
}

// selfSubject reports whether the copula or the forecast's modal c (is,
// will) has for subject words that name the document itself (this
// Memorandum, the present Agreement) before it.
func (x *Spaced) selfSubject(st *sentence, c *entente.Cue) bool {
	if c == nil || c.Rule != "copula" && c.Rule != "prediction" {
		return false
	}
	return x.selfBefore(st, c.Start) || c.Rule == "prediction" && x.unaffectedAt(st, c.Start)
}

// unaffectedAt reports whether an [instrument-unaffected] phrase (will not
// affect) opens at the byte offset at: the future of what the instrument's
// end or change leaves untouched, its own term whatever its subject
// (Termination will not affect activities already under way).
func (x *Spaced) unaffectedAt(st *sentence, at int) bool {
	if x.unaffected == nil {
		return false
	}
	for i := range st.ws {
		if st.ws[i].Start == at {
			_, ok := x.unaffected.longestAt(st.ws, i)
			return ok
		}
	}
	return false
}

// selfBefore reports whether the instrument itself (this Memorandum, ovaj
// sporazum) is named before the byte offset at.
func (x *Spaced) selfBefore(st *sentence, at int) bool {
	for i := 0; i+1 < len(st.ws) && st.ws[i].Start < at; i++ {
		if !x.refs.self.has(&st.ws[i]) {
			continue
		}
		if m, ok := x.refs.heads.longestAt(st.ws, i+1); ok && m.End > i+1 && st.ws[m.End-1].Start < at {
			return true
		}
	}
	return false
}

// shallApart reports whether the sentence holds an [instrument-shall]
// phrase (shall be, will be) apart from its type cue c: not inside a
// narrative formula that holds one (shall be valid for).
func (x *Spaced) shallApart(st *sentence, c *entente.Cue) bool {
	if c == nil || x.shall == nil {
		return false
	}
	for m, ok := x.shall.next(st.ws, 0, nil); ok; m, ok = x.shall.next(st.ws, m.End, nil) {
		if st.ws[m.Start].Start < c.Start && st.ws[m.End-1].Start >= c.Start || st.ws[m.Start].Start >= c.Start && st.ws[m.Start].Start < c.End {
			continue // the formula's own words
		}
		return true
	}
	return false
}

// hostsVisitor returns the evidence that an appraisal's verb, the cue at
// rune offset at, welcomes a visitor to a place (President Biden welcomed
// Prime Minister Kishida Fumio to Washington): an office and the name after
// it, then a word of [visit-to] and a capitalised place. That tells the
// visit, a narrative, as "hosted" does; a welcome of the visitor's
// proposal or visit (President Xi's visit to Serbia) stays an appraisal.
func (x *Spaced) hostsVisitor(st *sentence, at int) *entente.Cue {
	k := 0
	for k < len(st.ws) && st.ws[k].Start != at {
		k++
	}
	c := -1
	for i := range st.cues {
		if st.cues[i].Start == k {
			c = i
			break
		}
	}
	if c < 0 {
		return nil
	}
	b := st.cues[c].End
	e := b
	for e < len(st.ws) && x.det.has(&st.ws[e]) {
		e++
	}
	var office *smention
	for i := range st.ments {
		if m := &st.ments[i]; m.Start >= b && m.Start <= e && m.Kind == mOffice {
			office = &st.ments[i]
			break
		}
	}
	if office == nil {
		return nil
	}
	// the bound counts the name's own words: a country after "of" and an
	// apposition the loop skips (President Ferdinand R. Marcos Jr. of the
	// Republic of the Philippines to…) lengthen the style, not the name
	skipped := 0
	for j := office.End; j < len(st.ws) && j <= office.End+10+skipped; j++ {
		w := &st.ws[j]
		if x.visitTo.has(w) {
			p := j + 1
			for p < len(st.ws) && x.det.has(&st.ws[p]) {
				p++
			}
			if p < len(st.ws) && st.ws[p].Upper && !st.ws[p].Punct {
				return st.cue("narrative", k, j+1)
			}
			return nil
		}
		if e := x.countryAfterPrep(st, j); e > j {
			skipped += e - 1 - j
			j = e - 1 // President Yoon Suk Yeol of the Republic of Korea
			continue
		}
		if a, e := apposition(x, st, j); e > a {
			skipped += e - j
			j = e // the Prime Minister of Australia, the Hon Anthony Albanese MP, to…
			continue
		}
		if w.Punct && w.Key == "." && j > office.End && initial(&st.ws[j-1]) {
			continue // Ferdinand R. Marcos Jr.: the mark of an initial
		}
		if w.Punct || !w.Upper || strings.ContainsAny(w.Key, "'’") {
			return nil // not a name: the visitor's proposal, visit or country
		}
	}
	return nil
}

// initial reports a capitalised word of one or two letters, which a
// period after it abbreviates (R., Jr.) rather than ends the sentence.
func initial(w *word) bool {
	return w.Upper && !w.Punct && utf8.RuneCountInString(w.Key) <= 2
}

// countryAfterPrep returns the end of a country named after a preposition
// at word j (of the Republic of Korea), or j when none is.
func (x *Spaced) countryAfterPrep(st *sentence, j int) int {
	if !x.prep.has(&st.ws[j]) {
		return j
	}
	if m := x.countryAt(st, st.ments, j+1); m != nil {
		return m.End
	}
	return j
}

// closingFormula makes a sentence of the closing section that holds a
// closing formula's words (This Joint Statement is done in…, all texts
// being equally authentic) a narrative: it records the signing, whatever
// verb it has (is, are), as the Chinese 本声明…签订，一式两份 does. A
// commitment stays one (the Parties shall settle any dispute…).
func (x *Spaced) closingFormula(st *sentence, s *entente.Sentence) {
	m, ok := x.closing.next(st.ws, 0, nil)
	if !ok {
		return
	}
	s.Type, s.Strength, s.Actors, s.Areas = entente.Narrative, "", []string{}, []string{}
	s.Rationale.Type, s.Rationale.Strength = st.cue("narrative", m.Start, m.End), nil
	s.Rationale.Actors, s.Rationale.Areas = nil, nil
}

// label reads one sentence: type, actors, strength, areas and deadline.
func (x *Spaced) label(st *sentence, parties, inherited []string) (entente.Sentence, sentenceReading) {
	st.ments = x.mentions(st, parties)
	x.urgedParty(st)
	st.parties = parties
	r := x.classify(st, inherited)
	s := entente.Sentence{
		Text: st.s, Type: r.typ, Actors: r.actors, Strength: r.strength,
		Areas: []string{}, References: []string{}, Mechanisms: []string{}, Projects: []string{},
	}
	if s.Actors == nil || s.Type == entente.Narrative {
		s.Actors = []string{}
	}
	s.Rationale = entente.Rationale{Type: r.typeCue, Strength: r.strengthCue, Actors: r.actorCues, Clauses: r.clauses}
	if s.Type == entente.Appraisal && r.typeCue != nil {
		if c := x.hostsVisitor(st, r.typeCue.Start); c != nil {
			s.Type, s.Actors, s.Rationale.Type, s.Rationale.Actors = entente.Narrative, []string{}, c, nil
			if st.people != nil {
				st.people.host(x, st, parties)
			}
		}
	}
	if s.Type != entente.Narrative {
		s.Areas, s.Rationale.Areas = x.findAreas(st)
	}
	if s.Type == entente.Commitment {
		if d := x.deadline(st); d != nil {
			s.Deadline = &d.Text
			s.Rationale.Deadline = d
		}
	}
	return s, r
}

// recitalAim reads a treaty's preamble, its recitals run on into the
// formula that opens the articles (Striving to develop trade…, Aiming at
// fostering economic activities, providing full employment…, have agreed
// as follows:), as the parties' reasons: a recital's verb with no modal
// (providing, increasing) names an aim, undertaken only in the articles,
// so the preamble states a view, as a recital of "Recognising…" does.
func recitalAim(s *entente.Sentence, text string) {
	t := strings.ToLower(strings.TrimSpace(text))
	if s.Type != entente.Commitment || s.Strength != entente.Soft || !strings.HasSuffix(t, "as follows:") {
		return
	}
	if s.Rationale.Type == nil || s.Rationale.Type.Rule != "own action" {
		return
	}
	c := *s.Rationale.Type
	c.Rule = "recital's aim"
	s.Type, s.Strength = entente.Position, ""
	s.Rationale.Type, s.Rationale.Strength = &c, nil
}

// relativeAfterPermission reports whether the future at word a opens a
// relative clause (which would be agreed, that will be set) whose main
// clause before it is a permission of [permissive] (Any state may accede
// to this Agreement on terms and conditions which would be agreed…).
func (x *Spaced) relativeAfterPermission(st *sentence, a int) bool {
	if x.permissive == nil || a < 2 {
		return false
	}
	switch st.ws[a-1].Key {
	case "which", "that", "who":
	default:
		return false
	}
	for i := 0; i < a-1; i++ {
		if w := &st.ws[i]; !w.Punct && x.permissive.has(w) {
			return true
		}
	}
	return false
}
