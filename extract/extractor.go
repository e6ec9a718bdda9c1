// Package extract reads a statement: its layout (through package structure),
// then every sentence's type, actors, strength, areas, deadline, and the
// instruments, mechanisms and projects it cites. The rules are those of the
// genre (its grammar, its cue words, its layout); the words live in the
// language's cue table (package lexicon).
package extract

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/structure"
)

// Name and Version identify the extractor whose labels a stored version
// carries (versions.extractor), so that a later extractor can tell which
// labels it would replace. Raise Version with every change of rules or cue
// tables that changes any output (the golden files show it).
const (
	Name    = "entente"
	Version = "2"
)

// ID is what a store records for labels this extractor made: its name,
// language and version, as entente-zh/2.
func (x *Extractor) ID() string { return Name + "-" + x.lang + "/" + Version }

// Extractor reads statements in one language. It is safe for concurrent use:
// everything in it is built once and only read afterwards.
type Extractor struct {
	lang      string
	table     *lexicon.Table
	countries *countryIndex
	cues      *cueMatcher
	vocab     structure.Vocabulary

	preposition, nonAgent, partyHead *wordSet
	// predicateJoin joins a second predicate of a clause's subject after
	// the first one's object (承认X并同意Y)
	predicateJoin *wordSet
	// offices and nameStops read the leaders a document introduces
	// (美国总统约瑟夫·拜登和…: withLeaders)
	offices, nameStops *wordSet
	// lookForward and awaitedOutcome read what is looked forward to
	// (期待…的成果: awaitsOutcome)
	lookForward, awaitedOutcome *wordSet
	g                           *grammar

	areas     *areaMatcher
	deadlines *lexicon.Matcher
	refs      *referenceRules
	entities  *entityRules
	docKinds  map[string]string
	// records is [signed-record]: the title endings of minutes the sides'
	// co-chairs sign, read as an instrument
	records   []string
	languages *lexicon.Matcher
	langCodes []string
	authentic []string
	// ratification is [ratification]: a text that provides for its own
	// ratification binds as an agreement does, whatever its title
	ratification []string
	// declareLead is [declare-lead]: the verb of one party's lead-in that
	// declares its policies (X政府声明，…如下：)
	declareLead []string
	parties     *partyCache
	// scratches holds *scratch: a document's buffers, kept for the next
	// document (put back emptied of what points into the text)
	scratches sync.Pool
}

// required sections of a cue table, checked at start-up.
var requiredSections = []string{
	"party-joint", "party-suffix", "party-head", "non-agent", "preposition", "deadline",
	"area", "area-weak", "area-default", "reference-kind", "unbracketed-suffix", "entity-stop",
	"generic-determiner", "mechanism-suffix", "project-strong", "project-weak", "project-after-quote",
	"list-head", "not-mechanism", "document-kind", "closing", "signature-office", "news-agency",
	"language", "authentic", "topic-verb", "topic-modifier", "example-head", "background-open", "attributive", "frame-close", "alignment",
	"state-form", "name-stop", "look-forward", "awaited-outcome", "ratification", "declare-lead",
}

// checkDisjoint refuses a table where one word has two readings in sections
// read as one lookup: a strong and a weak area word, a strong and a weak
// project head, and a word both shielded as [neutral] and a cue.
func checkDisjoint(t *lexicon.Table) error {
	groups := [][]string{{"area", "area-weak"}, {"project-strong", "project-weak"}}
	for _, s := range cueSections {
		if s.kind != cNeutral {
			groups = append(groups, []string{s.section, "neutral"})
		}
	}
	for _, g := range groups {
		if err := t.Disjoint(g...); err != nil {
			return err
		}
	}
	return nil
}

// New builds the extractor for a language from its embedded cue table.
func New(lang string) (*Extractor, error) {
	t, cs, err := loadTables(lang)
	if err != nil {
		return nil, err
	}
	return NewWith(lang, t, cs)
}

// loadTables reads a language's embedded cue table and the country table,
// which every reader needs.
func loadTables(lang string) (*lexicon.Table, *lexicon.Countries, error) {
	t, err := lexicon.Load(lang)
	if err != nil {
		return nil, nil, err
	}
	cs, err := lexicon.LoadCountries()
	if err != nil {
		return nil, nil, err
	}
	return t, cs, nil
}

// NewWith builds an extractor from a given cue table and country table.
func NewWith(lang string, t *lexicon.Table, cs *lexicon.Countries) (*Extractor, error) {
	if err := t.Require(append(requiredSections, grammarSections...)...); err != nil {
		return nil, err
	}
	if err := checkDisjoint(t); err != nil {
		return nil, err
	}
	cm, err := newCueMatcher(t)
	if err != nil {
		return nil, err
	}
	x := &Extractor{parties: &partyCache{},
		lang:           lang,
		table:          t,
		countries:      newCountryIndex(cs),
		cues:           cm,
		preposition:    newWordSet(t.Words("preposition")),
		nonAgent:       newWordSet(t.Words("non-agent")),
		partyHead:      newWordSet(t.Words("party-head")),
		predicateJoin:  newWordSet(t.Words("predicate-join")),
		offices:        newWordSet(t.Words("signature-office")),
		nameStops:      newWordSet(t.Words("name-stop")),
		lookForward:    newWordSet(t.Words("look-forward")),
		awaitedOutcome: newWordSet(t.Words("awaited-outcome")),
		docKinds:       t.Map("document-kind"),
		records:        t.Words("signed-record"),
		authentic:      t.Words("authentic"),
		ratification:   t.Words("ratification"),
		declareLead:    t.Words("declare-lead"),
	}
	if x.g, err = newGrammar(t); err != nil {
		return nil, err
	}
	x.cues.markGrammar(x.g)
	if x.areas, err = newAreaMatcher(t); err != nil {
		return nil, err
	}
	x.areas.frameEdge = unionStarts(x.areas.frameClose.fwd, x.g.frameOpen.fwd)
	x.deadlines = lexicon.NewMatcher()
	for _, w := range t.Words("deadline") {
		x.deadlines.Add(w, 0)
	}
	x.refs = newReferenceRules(t, x.g)
	x.entities = newEntityRules(t, x.g)
	x.entities.proper = x.isProper
	x.refs.proper = x.isProper
	x.entities.opensWithParty = x.opensWithParty
	x.entities.countryEnd = func(rs []rune) int {
		end, _ := x.countries.m.LongestAt(rs, 0)
		if x.countries.aliases != nil {
			// a SAR by the name its government signs under (澳门特别行政区)
			if a, _ := x.countries.aliases.LongestAt(rs, 0); a > end {
				end = a
			}
		}
		return end
	}
	x.entities.shortForm = x.countries.isShort
	x.entities.fieldOnly = func(rs []rune) bool {
		end, _ := x.areas.m.LongestAt(rs, 0)
		return end > 0 && end == len(rs)
	}
	x.countries.addAliases(t.Entries("party-alias"))
	x.languages = lexicon.NewMatcher()
	for _, e := range t.Entries("language") {
		x.languages.Add(e.Text, len(x.langCodes))
		x.langCodes = append(x.langCodes, e.Value)
	}
	x.vocab = structure.Vocabulary{
		TitleEndings: keys(x.docKinds),
		Closing:      t.Words("closing"),
		Offices:      t.Words("signature-office"),
		NewsAgencies: t.Words("news-agency"),
		Subjects:     t.Words("party-joint"),
		EndsAt:       t.Words("ends-at"),
		// recitals (认识到……；) run on to the preamble's lead-in
		RecitalsRunOn: true,
	}
	return x, nil
}

// Extract reads one statement. It cannot be stopped; ExtractContext can.
func (x *Extractor) Extract(text string) *entente.Extraction {
	out, _ := x.ExtractContext(context.Background(), text) // a background context never ends
	return out
}

// ExtractContext reads one statement, checking between sentences and
// between runs of clauses of a long sentence whether ctx has ended; then it
// returns ctx.Err() and no extraction. Its time is linear in the text.
func (x *Extractor) ExtractContext(ctx context.Context, text string) (*entente.Extraction, error) {
	return x.extract(ctx, text, nil, nil)
}

// extract is ExtractContext, reading the text through a twin when tw is
// not nil (zh-Hant: text is the Simplified mapping of tw.written, and each
// sentence is given back as written where the layout gives it so). Given
// parties, when not nil, are those a joint subject (双方) stands for in
// place of the ones the document is read to have (see Registry.ExtractGiven).
func (x *Extractor) extract(ctx context.Context, text string, tw *twin, given []string) (*entente.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	scr := x.getScratch()
	defer x.putScratch(scr)
	var lay *structure.Layout // its blocks and sentences are the scratch's: nothing below keeps them
	if tw != nil {
		lay = structure.ParseTwinInto(text, tw.written, x.vocab, &scr.layout)
	} else {
		lay = structure.ParseInto(text, x.vocab, &scr.layout)
	}
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
	x.document(lay, &out.Document)
	if tw != nil {
		tw.title = lay.TitleWritten
	}
	parties := out.Document.Parties
	if given != nil {
		parties = given
	}
	pi := x.parties.get(parties, x.newPartyIndex)
	pi = x.withSignatories(pi, out.Document.Signatories)
	// an action plan with articles (两部关于…的行动计划（2026—2030年）) binds its
	// parties as a memorandum does: its provisions are read as an instrument's
	scr.instrument = instrument(out.Document.Kind) || out.Document.Kind == entente.KindActionPlan
	if !scr.instrument && x.ratifies(lay.Sentences) {
		// 本联合声明须经批准，并自互换批准书之日起生效: a joint declaration
		// ratified as a treaty binds its parties as an agreement does
		scr.instrument = true
	}
	// the minutes two co-chairs sign (…第五次会议纪要: 双方应于…前完成…) bind
	// the sides by their "shall" as well
	scr.record = x.signedRecord(out.Document.Title)
	var topicAreas []string
	if scr.instrument {
		topicAreas = x.topicAreas(out.Document.Title, scr, pi.all)
	}

	var (
		paraSubject []string // the subject the paragraph's sentences share
		leadSubject []string // the subject of the lead-in that opened a list
		inList      bool
		// listCommits is set from a lead-in that undertakes (双方同意采取下列
		// 措施：) to the end of its items: an item with no verb of its own
		// is one of the undertakings
		listCommits bool
		listSection string
		// declarer is set from one party's lead-in that declares its
		// policies (X政府声明，X对…的基本方针政策如下：) to the end of its
		// items: what an item with no cue of its own says is that party's
		declarer    []string
		declSection string
		lastPara    = -1
		// invited: the sentence before was a narrative of the visit's close
		// (thanks for the hospitality, an invitation)
		invited bool
	)
	refs := newReferenceCollector()
	ents := newEntityCollector()
	ids := sentenceIDs(len(lay.Sentences)) // one string, cut id by id (as the spaced reader's)
	for i, ls := range lay.Sentences {
		var id string
		id, ids = nextID(ids)
		if ls.Paragraph != lastPara {
			lastPara = ls.Paragraph
			paraSubject = nil
			if inList && listSection != entente.SectionPreamble && ls.Section != listSection {
				// a list a numbered section leads in (三、X声明，…如下：) ends
				// with its section: the next section's subject is its own
				inList, leadSubject = false, nil
			}
			if !ls.ListItem && !inList {
				leadSubject = nil
			}
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		inherited := paraSubject
		if inherited == nil {
			inherited = leadSubject
		}
		if inherited == nil {
			inherited = parties
		}
		st := x.newTextWith(ls.Text, scr)
		mechs, projs, mechSpans, projSpans := ents.add(x, id, st) // first: their names shield area words
		// the sentence is labelled in its slot of the result (room for
		// every sentence was made above): a Sentence is some 400 bytes,
		// copied twice when returned and appended
		out.Sentences = append(out.Sentences, entente.Sentence{})
		s := &out.Sentences[len(out.Sentences)-1]
		r, err := x.labelInto(ctx, s, st, pi, inherited)
		if err != nil {
			return nil, err
		}
		pi = x.withShortNames(pi, st)
		pi = x.withLeaders(pi, st)
		s.ID, s.Section, s.Marker, s.Paragraph = id, ls.Section, ls.Marker, ls.Paragraph
		if ls.Section == entente.SectionClosing && (s.Type == entente.Position || s.Type == entente.Appraisal) {
			x.closingFormula(ls.Text, s)
		}
		if t := x.replyThanks(st); invited && !ls.First && s.Type == entente.Appraisal && t != nil {
			// …并邀请习近平主席访问哥伦比亚。习近平主席对此表示感谢。: the
			// reply to the invitation closes the visit, as the thanks for
			// the hospitality before it do
			s.Type, s.Strength, s.Actors, s.Areas = entente.Narrative, "", []string{}, []string{}
			s.Rationale.Type = &entente.Cue{Rule: "thanks for hospitality", Text: st.sub(t.Start, t.End), Start: t.Start, End: t.End}
			s.Rationale.Strength, s.Rationale.Actors, s.Rationale.Areas = nil, nil, nil
		}
		invited = s.Type == entente.Narrative && hasKind(st.toks, cHospitality)
		s.References, s.Rationale.References = refs.add(x.refs, id, st)
		s.Mechanisms, s.Projects, s.Rationale.Mechanisms, s.Rationale.Projects = mechs, projs, mechSpans, projSpans
		// an item: a list marker or a sub-item's number (（一）) in the lead-in's
		// section, or a later sentence of the item's paragraph
		listCommits = listCommits && ls.Section == listSection && (ls.ListItem || ls.Marker != "" || !ls.First)
		if listCommits && s.Type == entente.Narrative && s.Rationale.Type == nil && st.s != "" {
			// an item with no verb of its own under a lead-in that
			// undertakes (数字转型与电子商务；) is soft, with the lead-in's
			// actors, as the spec has a list's items without a modal
			s.Type, s.Strength, s.Actors = entente.Commitment, entente.Soft, append([]string(nil), inherited...)
			s.Rationale.Type = &entente.Cue{Rule: "item of a list of undertakings"}
			s.Areas, s.Rationale.Areas = x.areas.find(st, x.g, x.countries, pi.all)
			if d := x.deadline(st); d != nil {
				s.Deadline, s.Rationale.Deadline = &d.Text, d
			}
		}
		if ls.Section != declSection || !ls.ListItem && ls.Marker == "" && ls.First {
			declarer = nil
		}
		if declarer != nil && st.s != "" {
			x.declaredItem(s, st, pi, declarer)
		}
		if by := x.declaredBy(s, st); by != nil && s.Type == entente.Appraisal && s.Rationale.Type.Rule == "prediction" {
			// 中华人民共和国政府和联合王国政府声明：…联合联络小组将根据…履行职责: what
			// the parties declare will be is what they undertake, no forecast
			s.Type, s.Strength, s.Actors = entente.Commitment, entente.Firm, append([]string(nil), by...)
			cue := *s.Rationale.Type
			cue.Rule = "declared policy"
			s.Rationale.Type, s.Rationale.Strength = &cue, &cue
		}
		if topicAreas != nil && s.Type != entente.Narrative && len(s.Rationale.Areas) == 0 {
			// a provision of an agreement on science that names no field
			// of its own (缔约双方应通过友好协商解决分歧) is in the
			// instrument's field, not the relationship's framing
			s.Areas = append([]string(nil), topicAreas...)
		}
		if tw != nil {
			tw.sentence(s, ls.Written, ls.End, st)
		}

		if r.subject != nil {
			paraSubject = r.subject
		}
		if strings.HasSuffix(ls.Text, "：") || strings.HasSuffix(ls.Text, ":") {
			leadSubject = r.actors
			if len(leadSubject) == 0 {
				leadSubject = r.subject
			}
			inList = true
			listCommits, listSection = s.Type == entente.Commitment, ls.Section
			declarer, declSection = nil, ls.Section
			if s.Type == entente.Narrative && len(r.subject) == 1 && x.declaresPolicies(ls.Text) {
				declarer = r.subject
			}
		} else if !ls.ListItem && ls.First && inList && ls.Marker == "" && lay.Sentences[max(0, i-1)].ListItem {
			// a paragraph without a marker inside a list keeps the lead-in
			inList = true
		}
	}
	out.References = refs.list()
	out.Mechanisms, out.Projects = ents.list()
	return out, nil
}

// ratifies reports whether the text provides for its own ratification
// ([ratification]: 互换批准书): a joint declaration whose parties exchange
// instruments of ratification is a treaty, its provisions read as an
// agreement's.
func (x *Extractor) ratifies(sents []structure.Sentence) bool {
	for _, ls := range sents {
		for _, w := range x.ratification {
			if strings.Contains(ls.Text, w) {
				return true
			}
		}
	}
	return false
}

// declaresPolicies reports whether a lead-in is one party declaring what
// follows ([declare-lead] before 如下：, as in 中华人民共和国政府声明，中华人民共和国
// 对香港的基本方针政策如下：).
func (x *Extractor) declaresPolicies(text string) bool {
	rs := []rune(strings.TrimSpace(text))
	if len(rs) < 2 || rs[len(rs)-1] != '：' {
		return false
	}
	start := x.g.enactClose.endsAt(rs, len(rs)-1) // [enact-close]: 如下
	if start < 0 {
		return false
	}
	for _, w := range x.declareLead {
		if strings.Contains(string(rs[:start]), w) {
			return true
		}
	}
	return false
}

// declaredBy returns the parties a sentence opens by declaring what
// follows (中华人民共和国政府和联合王国政府声明：…): its first clause is the
// parties and a [declare-lead] verb, right before a colon. Else nil.
func (x *Extractor) declaredBy(s *entente.Sentence, st *text) []string {
	if s.Rationale.Type == nil || len(s.Rationale.Clauses) < 2 {
		return nil
	}
	c := s.Rationale.Clauses[0]
	if len(c.Actors) == 0 || c.End >= len(st.rs) || st.rs[c.End] != '：' {
		return nil
	}
	head := string(st.rs[c.Start:c.End])
	for _, w := range x.declareLead {
		if strings.HasSuffix(head, w) {
			return c.Actors
		}
	}
	return nil
}

// declaredItem reads an item under one party's declaration of its policies:
// the item is that party's, whoever its grammatical subject (香港特别行政区将
// 保持…, 联合王国…的经济利益将得到照顾). An item with no cue of its own is a
// principle the party declares (现行的法律基本不变: a position), or what it
// lets be done (…可以留用: a soft undertaking, as a permission in an
// instrument); a 将 that would forecast is the declared policy, undertaken.
func (x *Extractor) declaredItem(s *entente.Sentence, st *text, pi *partyIndex, declarer []string) {
	switch {
	case s.Type == entente.Narrative && s.Rationale.Type == nil:
		if at := x.permittedAt(st.masked, 0, len(st.masked)); at >= 0 {
			cue := &entente.Cue{Rule: "permission declared", Text: st.sub(at, x.g.permission.startsAt(st.masked, at)), Start: at, End: x.g.permission.startsAt(st.masked, at)}
			s.Type, s.Strength = entente.Commitment, entente.Soft
			s.Rationale.Type, s.Rationale.Strength = cue, cue
		} else {
			s.Type = entente.Position
			s.Rationale.Type = &entente.Cue{Rule: "item of a declaration"}
		}
		s.Areas, s.Rationale.Areas = x.areas.find(st, x.g, x.countries, pi.all)
	case s.Type == entente.Appraisal && s.Rationale.Type != nil && s.Rationale.Type.Rule == "prediction":
		s.Type, s.Strength = entente.Commitment, entente.Firm
		cue := *s.Rationale.Type
		cue.Rule = "declared policy"
		s.Rationale.Type, s.Rationale.Strength = &cue, &cue
	case s.Type == entente.Narrative:
		if at := x.permittedAt(st.masked, 0, s.Rationale.Type.Start); at >= 0 {
			// 香港特别行政区可以…同各国…保持和发展经济、文化关系，并签订有关协定:
			// what the declaring party lets be done, a signing included, is
			// its soft undertaking, no fact of a signing
			cue := &entente.Cue{Rule: "permission declared", Text: st.sub(at, x.g.permission.startsAt(st.masked, at)), Start: at, End: x.g.permission.startsAt(st.masked, at)}
			s.Type, s.Strength = entente.Commitment, entente.Soft
			s.Rationale.Type, s.Rationale.Strength = cue, cue
			s.Areas, s.Rationale.Areas = x.areas.find(st, x.g, x.countries, pi.all)
		} else {
			return
		}
	}
	s.Actors = append([]string(nil), declarer...)
}

// closingFormula reads a closing-section sentence that names the
// instrument's closing ([closing]: 本备忘录, 一式两份) as the formula it
// is (下列签署人经各自政府正式授权，已签署本备忘录，以昭信守): narrative,
// whatever verb reports the signing (已签署 reads as something achieved).
func (x *Extractor) closingFormula(text string, s *entente.Sentence) {
	for _, w := range x.vocab.Closing {
		if strings.Contains(text, w) {
			s.Type, s.Strength, s.Actors, s.Areas = entente.Narrative, "", []string{}, []string{}
			s.Rationale.Type = &entente.Cue{Rule: "closing formula", Text: w}
			s.Rationale.Strength, s.Rationale.Actors, s.Rationale.Areas = nil, nil, nil
			return
		}
	}
}

// label reads one sentence: its type, actors, strength, areas and deadline,
// with their evidence.
func (x *Extractor) label(ctx context.Context, st *text, pi *partyIndex, inherited []string) (entente.Sentence, sentenceReading, error) {
	var s entente.Sentence
	r, err := x.labelInto(ctx, &s, st, pi, inherited)
	if err != nil {
		return entente.Sentence{}, r, err
	}
	return s, r, nil
}

// labelInto is label writing the sentence into s, which is zero (a fresh
// slot of the result). Only the fields that hold something are written,
// one by one: a Sentence is some 400 bytes with thirty pointer words, and
// a copy of a whole one pays the collector's write barrier on every word
// while a collection marks.
func (x *Extractor) labelInto(ctx context.Context, s *entente.Sentence, st *text, pi *partyIndex, inherited []string) (sentenceReading, error) {
	r, err := x.classify(ctx, st, pi, inherited)
	if err != nil {
		return r, err
	}
	s.Text, s.Type, s.Strength = st.s, r.typ, r.strength
	if r.actors == nil || r.typ == entente.Narrative {
		s.Actors = []string{}
	} else {
		s.Actors = r.actors
	}
	s.Areas, s.References, s.Mechanisms, s.Projects = []string{}, []string{}, []string{}, []string{}
	if r.typeCue != nil {
		s.Rationale.Type = r.typeCue
	}
	if r.strengthCue != nil {
		s.Rationale.Strength = r.strengthCue
	}
	if r.actorCues != nil {
		s.Rationale.Actors = r.actorCues
	}
	if r.clauses != nil {
		s.Rationale.Clauses = r.clauses
	}
	if s.Type != entente.Narrative {
		s.Areas, s.Rationale.Areas = x.areas.find(st, x.g, x.countries, pi.all)
	}
	if s.Type == entente.Commitment {
		if d := x.deadline(st); d != nil {
			s.Deadline = &d.Text
			s.Rationale.Deadline = d
		}
	}
	return r, nil
}

// document fills in the metadata.
func (x *Extractor) document(lay *structure.Layout, d *entente.Document) {
	d.Title = lay.Title
	d.Language = x.lang
	d.Kind = x.documentKind(lay.Title)
	var offices []string
	for _, s := range lay.Signatories {
		offices = append(offices, s.Title)
	}
	d.Parties = x.documentParties(lay.Title, offices)
	if len(d.Parties) < 2 {
		// a title without the parties (…西安宣言): the preamble names them
		for _, s := range lay.Sentences {
			if len(d.Parties) >= 2 || s.Section != entente.SectionPreamble {
				break
			}
			d.Parties = union(d.Parties, x.countries.find(s.Text))
		}
	}
	if len(d.Parties) == 0 {
		// a communiqué that names no country in full (澜湄…外长会联合新闻公报)
		// still speaks of a side by its party form: 中方 is China's alone.
		// Where a party is named, a party form is read against the
		// document's parties only: a short form of a country the text
		// does not name (贝方 where 贝里斯 is spelt as the table does
		// not know) adds no party
		for _, s := range lay.Sentences {
			if s.Section != entente.SectionPreamble {
				break
			}
			d.Parties = union(d.Parties, x.sides(s.Text))
		}
	}
	if d.Parties == nil {
		d.Parties = []string{}
	}
	if lay.SignedDate != "" {
		d.SignedDate = &lay.SignedDate
		if lay.SignedDateSource == structure.DateFromNews {
			// an inference, not a date the text states: say so
			d.SignedDateSource = lay.SignedDateSource
		}
	}
	if lay.SignedPlace != "" {
		d.SignedPlace = &lay.SignedPlace
	}
	d.Signatories = []entente.Signatory{}
	for _, s := range lay.Signatories {
		sig := entente.Signatory{Name: s.Name, Title: s.Title}
		if c := x.countries.partyIn(s.For, d.Parties); c != "" {
			// 外交部部长 林佳龙 under 中华民国政府 (and a line of 代表):
			// the line a column signs under names its party, whatever
			// country the office holds (驻美国代表 is Taipei's)
			sig.Party = c
		} else if cs := x.countries.find(s.Title); len(cs) > 0 {
			sig.Party = cs[0]
		} else if c := x.countries.partyIn(s.Title, d.Parties); c != "" {
			// a SAR's officer signs under its shorter name, one of the
			// document's parties (澳門特別行政區經濟財政司司長)
			sig.Party = c
		} else if cs := intersect(x.sides(s.Title), d.Parties); len(cs) == 1 {
			// 委员会中方主席, 蒙方主席: a co-chair titled by his side signs
			// for that side
			sig.Party = cs[0]
		}
		d.Signatories = append(d.Signatories, sig)
	}
	d.AuthenticLanguages = x.authenticLanguages(lay.Closing)
	d.NewsDateline = lay.NewsDateline
}

// signedRecord reports a title that ends in a [signed-record] word (纪要).
func (x *Extractor) signedRecord(title string) bool {
	title = string(trimTrailingBrackets([]rune(strings.TrimSpace(title))))
	for _, w := range x.records {
		if strings.HasSuffix(title, w) {
			return true
		}
	}
	return false
}

func (x *Extractor) documentKind(title string) entente.Kind {
	// a span of years after the kind (…行动计划（2026—2030年）) is no part of it
	title = string(trimTrailingBrackets([]rune(strings.TrimSpace(title))))
	best := ""
	for w := range x.docKinds {
		if strings.HasSuffix(title, w) && len(w) > len(best) {
			best = w
		}
	}
	if best == "" {
		// 领导人联合声明：将两国关系提升为全面战略伙伴关系 | "Joint
		// Statement: Elevating Relations…": a subtitle after a colon says
		// what the text is about; its kind ends the title before the colon
		if i := strings.LastIndexAny(title, "：:"); i > 0 {
			return x.documentKind(title[:i])
		}
		return entente.KindOther
	}
	return entente.Kind(x.docKinds[best])
}

// authenticLanguages reads the clause on equally authentic texts.
func (x *Extractor) authenticLanguages(closing []string) []string {
	var out []string
	for _, c := range closing {
		auth := false
		for _, a := range x.authentic {
			if strings.Contains(c, a) {
				auth = true
			}
		}
		if !auth {
			continue
		}
		for _, m := range x.languages.FindAll([]rune(c)) {
			out = append(out, x.langCodes[m.Payload])
		}
	}
	out = union(out)
	if out == nil {
		out = []string{}
	}
	return out
}

// deadline finds the time limit on a commitment: a deadline word (按期,
// 尽快) or a date followed by 前 (2025年前, 于2026年6月前, 年底前).
func (x *Extractor) deadline(st *text) *entente.Cue {
	rs := st.rs
	// a date inside a title or a quoted name (“2030年前…行动方案”) bounds
	// nothing the parties undertake
	masked := st.masked // read only: without a “ the quotations' mask is the same
	if st.has(markQuote) {
		masked = maskQuotesInto(st.scratchOf().quotedFor(len(st.masked)), st.masked)
	}
	// the three date rules each act only at a character of one role (前
	// for dateDeadline, 年 for the other two): one pass says which roles
	// the sentence has, and a rule without its character makes no pass
	before, year := x.g.dateTriggers(masked)
	if before {
		if d := x.g.dateDeadline(masked); d != nil {
			d.Text = strings.TrimSpace(string(rs[d.Start:d.End]))
			return d
		}
	}
	if year {
		if d := x.g.spanDeadline(masked); d != nil {
			d.Text = string(rs[d.Start:d.End])
			return d
		}
		if d := x.yearTarget(masked); d != nil {
			d.Text = string(rs[d.Start:d.End])
			return d
		}
		if d := x.g.byYear(masked); d != nil {
			d.Text = string(rs[d.Start:d.End])
			return d
		}
		if d := x.g.yearPartDeadline(masked); d != nil {
			d.Text = string(rs[d.Start:d.End])
			return d
		}
		if d := x.g.targetYear(masked); d != nil {
			d.Text = string(rs[d.Start:d.End])
			return d
		}
	}
	if d := x.g.unitSpanDeadline(masked); d != nil {
		d.Text = string(rs[d.Start:d.End])
		return d
	}
	if d := x.g.afterEventDeadline(masked); d != nil {
		d.Text = string(rs[d.Start:d.End])
		return d
	}
	for _, m := range x.deadlines.FindAll(masked) {
		if x.g.spanHolds.startsAt(masked, m.End) > m.End {
			continue // (五十)年内不变: how long a thing holds
		}
		return &entente.Cue{Rule: "deadline", Text: string(rs[m.Start:m.End]), Start: m.Start, End: m.End}
	}
	return nil
}

// yearTarget reads "[at]YYYY年" right before a deadline word (于2027年如期
// 建成): the year named is the target the word holds the parties to.
func (x *Extractor) yearTarget(rs []rune) *entente.Cue {
	g := x.g
	for i := 5; i+1 < len(rs); i++ {
		if !g.isDate(rs[i], dYear) || !g.isDate(rs[i-5], dAt) {
			continue
		}
		if !g.isDigit(rs[i-4]) || !g.isDigit(rs[i-3]) || !g.isDigit(rs[i-2]) || !g.isDigit(rs[i-1]) {
			continue
		}
		if end, _ := x.deadlines.LongestAt(rs, i+1); end > i+1 {
			return &entente.Cue{Rule: "deadline date", Start: i - 5, End: i + 1}
		}
	}
	return nil
}

// byYear reads "[by]YYYY年[period-end]" (到2030年实现…, 到2025年底): the year
// the parties hold themselves to reaching. A 到 that closes a span of dates
// (2021年到2025年) follows a date, and bounds nothing.
func (g *grammar) byYear(rs []rune) *entente.Cue {
	for i := 0; i+5 < len(rs); i++ {
		if !g.isDate(rs[i], dBy) || i > 0 && (g.isDigit(rs[i-1]) || g.isDateUnit(rs[i-1])) {
			continue
		}
		if !g.isDigit(rs[i+1]) || !g.isDigit(rs[i+2]) || !g.isDigit(rs[i+3]) || !g.isDigit(rs[i+4]) || !g.isDate(rs[i+5], dYear) {
			continue
		}
		end := i + 6
		if end < len(rs) && g.isDate(rs[end], dPeriodEnd) {
			end++
		}
		return &entente.Cue{Rule: "deadline date", Start: i, End: end}
	}
	return nil
}

// targetYear reads "[target-open][at]YYYY年" (争取于2027年启动…,
// 力争2030年建成…): the year the parties strive to reach is their target date. A year
// named with no such word (会议将于2027年在中国举行) schedules, and bounds
// nothing.
func (g *grammar) targetYear(rs []rune) *entente.Cue {
	for i := 4; i < len(rs); i++ {
		if !g.isDate(rs[i], dYear) || !g.isDigit(rs[i-4]) || !g.isDigit(rs[i-3]) || !g.isDigit(rs[i-2]) || !g.isDigit(rs[i-1]) {
			continue
		}
		k := i - 4
		if k > 0 && g.isDate(rs[k-1], dAt) {
			k--
		}
		latest := g.latestOpen.endsAt(rs, k)
		if latest >= 0 || g.targetOpen.endsAt(rs, k) >= 0 {
			end := g.monthDayAfter(rs, i+1)
			if end < len(rs) && g.isDate(rs[end], dPeriodEnd) {
				end++ // 争取2027年底, 争取于2027年9月底
			}
			if latest >= 0 {
				k = latest // 至迟于2027年6月30日: the word that makes the date a limit
			}
			return &entente.Cue{Rule: "deadline date", Start: k, End: end}
		}
	}
	return nil
}

// monthDayAfter returns the end of the month and day written from i, right
// after a year (2027年6月30日, 2027年9月): i itself when there are none.
func (g *grammar) monthDayAfter(rs []rune, i int) int {
	end := i
	for _, role := range []dateRoleCode{dMonth, dDay} {
		j := end
		for j < len(rs) && j-end < 3 && g.isDigit(rs[j]) {
			j++
		}
		if j == end || j >= len(rs) || !g.isDate(rs[j], role) {
			break
		}
		end = j + 1
	}
	return end
}

// spanDeadline reads "[span-open]N年内" (未来三年内, 两年内): a span of years
// from signing, or "[at]YYYY年内" (于2030年内), within a year named. 年内
// with no count before it is the signing year, a deadline word of its own.
func (g *grammar) spanDeadline(rs []rune) *entente.Cue {
	for i := 1; i+1 < len(rs); i++ {
		if !g.isDate(rs[i], dYear) {
			continue
		}
		if !g.isDate(rs[i+1], dWithin) {
			if c := g.atSpanStart(rs, i); c >= 0 {
				return &entente.Cue{Rule: "deadline span", Text: string(rs[c : i+1]), Start: c, End: i + 1}
			}
			continue
		}
		k := i
		for k > 0 && (g.isDigit(rs[k-1]) || g.spanCount.has(rs[k-1])) {
			k--
		}
		if i-k == 4 {
			// 于2030年内: within a year named, not a span of years
			if k > 0 && g.isDate(rs[k-1], dAt) {
				k--
			}
			return &entente.Cue{Rule: "deadline date", Text: string(rs[k : i+2]), Start: k, End: i + 2}
		}
		if k == i || i-k > 2 {
			continue // no count: 年内 alone is the signing year
		}
		if g.spanHolds.startsAt(rs, i+2) > i+2 {
			continue // 并在五十年内不变: how long a thing holds, no time to act within
		}
		if s := g.spanOpen.endsAt(rs, k); s >= 0 && s < k {
			k = s
		} else if at := g.spanEventStart(rs, k); at >= 0 {
			k = at // 于本协定生效后两年内, 自本备忘录生效之日起一年内
		}
		return &entente.Cue{Rule: "deadline span", Text: string(rs[k : i+2]), Start: k, End: i + 2}
	}
	return nil
}

// yearPartDeadline reads "[at]YYYY年[year-part]" (于2025年上半年, 于2027年第一
// 季度): a part of a year named, the target it holds the parties to. A year of
// Taiwan's calendar has fewer digits, after its era (於民國116年第三季前).
func (g *grammar) yearPartDeadline(rs []rune) *entente.Cue {
	for i := 2; i+1 < len(rs); i++ {
		if !g.isDate(rs[i], dYear) {
			continue
		}
		k := i
		for k > 0 && i-k < 4 && g.isDigit(rs[k-1]) {
			k--
		}
		switch {
		case i-k == 4:
		case i-k >= 2 && g.era.endsAt(rs, k) >= 0:
			k = g.era.endsAt(rs, k) // 於民國117年下半年: the era is part of the date
		default:
			continue
		}
		end := g.yearPart.startsAt(rs, i+1)
		if end < 0 {
			continue
		}
		if k > 0 && g.isDate(rs[k-1], dAt) {
			k--
		}
		// 于2027年第一季前, 第一季度之前: the part of the year is the limit
		if end < len(rs) && g.isDate(rs[end], dBefore) {
			end++
		} else if end+1 < len(rs) && g.isDate(rs[end], dLink) && g.isDate(rs[end+1], dBefore) {
			end += 2
		}
		return &entente.Cue{Rule: "deadline date", Start: k, End: end}
	}
	return nil
}

// atSpanStart returns where "[at][span-open]N年" opens (於未來兩年優先推動…,
// 在今后三年为…): the next years the parties act in, with no 内 after them,
// when the year at i closes it; a span that modifies a noun (未來兩年之合作方向)
// or stands with no [at] is no limit; else -1.
func (g *grammar) atSpanStart(rs []rune, i int) int {
	k := i
	for k > 0 && i-k < 2 && (g.isDigit(rs[k-1]) || g.spanCount.has(rs[k-1])) {
		k--
	}
	if k == i || k > 0 && (g.isDigit(rs[k-1]) || g.spanCount.has(rs[k-1])) {
		return -1
	}
	s := g.spanOpen.endsAt(rs, k)
	if s <= 0 || s >= k || !g.isDate(rs[s-1], dAt) {
		return -1
	}
	if g.attributive.startsAt(rs, i+1) >= 0 || g.isDate(rs[i+1], dLink) {
		return -1
	}
	return s - 1
}

// maxSpanEvent bounds how far back unitSpanDeadline reads for the [at]
// that opens the event a span is counted from.
const maxSpanEvent = 16

// unitSpanDeadline reads "[at]N[span-unit]内" (于六个月内, 三周内, 30日内) and,
// where the span counts from an event, the event with it from its [at]
// (于本备忘录生效后三个月内). A span before an event (应在委员会会议召开两个
// 月前…) bounds the undertaking as well, the event with it from its [at].
// Spans of years are spanDeadline's.
func (g *grammar) unitSpanDeadline(rs []rune) *entente.Cue {
	for i := 2; i < len(rs); i++ {
		before := g.isDate(rs[i], dBefore)
		if !g.isDate(rs[i], dWithin) && !before {
			continue
		}
		u := g.spanUnit.endsAt(rs, i)
		if u <= 0 {
			continue
		}
		k := u
		for k > 0 && u-k < 4 && (g.isDigit(rs[k-1]) || g.spanCount.has(rs[k-1])) {
			k--
		}
		if k == u || k > 0 && (g.isDigit(rs[k-1]) || g.spanCount.has(rs[k-1])) {
			continue // no count, or one too long to be a span's
		}
		if before {
			// 召开两个月前: only with the event it counts back from, read
			// back to its [at]; a bare 两个月前 tells when something was
			at := -1
			for j := k - 1; j >= 0 && k-j <= maxSpanEvent && !isFillerRune(rs[j]); j-- {
				if g.isDate(rs[j], dAt) {
					at = j
					break
				}
			}
			if at < 0 || at == k-1 {
				continue
			}
			return &entente.Cue{Rule: "deadline span", Start: at, End: i + 1}
		}
		if g.spanHolds.startsAt(rs, i+1) > i+1 {
			continue // 并在五十年内不变: how long a thing holds, no time to act within
		}
		if g.spanAfter.endsAt(rs, k) > 0 {
			if at := g.spanEventStart(rs, k); at >= 0 {
				k = at
			}
		} else if k > 0 && g.isDate(rs[k-1], dAt) {
			k--
		}
		return &entente.Cue{Rule: "deadline span", Start: k, End: i + 1}
	}
	return nil
}

// afterEventDeadline reads "[self-reference][after-event]N年后" (在本协定生效
// 一年后, 本备忘录签署六个月后): a time counted from the instrument's event,
// read back to the instrument and the [at] before it.
func (g *grammar) afterEventDeadline(rs []rune) *entente.Cue {
	for i := 0; i < len(rs); i++ {
		e := g.afterEvent.startsAt(rs, i)
		if e < 0 {
			continue
		}
		k := e
		for k < len(rs) && k-e < 4 && (g.isDigit(rs[k]) || g.spanCount.has(rs[k])) {
			k++
		}
		if k == e || k >= len(rs) {
			continue
		}
		u := k + 1
		if !g.isDate(rs[k], dYear) {
			if u = g.spanUnit.startsAt(rs, k); u < 0 {
				continue
			}
		}
		if u >= len(rs) || !g.afterMark.has(rs[u]) {
			continue
		}
		start := -1
		for j := i - 1; j >= 0 && i-j <= maxSpanEvent && !isFillerRune(rs[j]); j-- {
			if g.selfRef.startsAt(rs, j) == i {
				start = j
				break
			}
		}
		if start < 0 {
			continue // a time after someone else's signing holds the parties to nothing
		}
		if start > 0 && g.isDate(rs[start-1], dAt) {
			start--
		}
		return &entente.Cue{Rule: "deadline span", Start: start, End: u + 1}
	}
	return nil
}

// spanEventStart returns where the event a span is counted from opens, its
// [at] or [span-from] (于本协定生效后…, 自本备忘录生效之日起…), when a
// [span-after] word closes it right before the span's count at k; else -1.
func (g *grammar) spanEventStart(rs []rune, k int) int {
	a := g.spanAfter.endsAt(rs, k)
	if a <= 0 {
		return -1
	}
	for j := a - 1; j >= 0 && a-j <= maxSpanEvent && !isFillerRune(rs[j]); j-- {
		if g.isDate(rs[j], dAt) || g.spanFrom.has(rs[j]) {
			return j
		}
	}
	return -1
}

// dateDeadline reads "[at]YYYY<year>[M<month>][period-end][link]before"
// (于2026年6月前, 2025年底之前): a date that bounds an undertaking.
func (g *grammar) dateDeadline(rs []rune) *entente.Cue {
	for i := 0; i < len(rs); i++ {
		if !g.isDate(rs[i], dBefore) {
			continue
		}
		end := i + 1
		j := i
		if j > 0 && g.isDate(rs[j-1], dLink) {
			j--
		}
		if j > 0 && g.isDate(rs[j-1], dPeriodEnd) {
			j--
		}
		if j == 0 || !g.isDateUnit(rs[j-1]) {
			continue
		}
		k := j - 1
		for k > 0 && (g.isDigit(rs[k-1]) || g.isDateUnit(rs[k-1]) || rs[k-1] == ' ') {
			k--
		}
		if e := g.era.endsAt(rs, k); e >= 0 {
			k = e // 于中华民国一一五年底前: the era is part of the date
		}
		if k > 0 && g.isDate(rs[k-1], dEvery) {
			k-- // 于每年三月底前: a date that recurs
		}
		if k > 0 && g.isDate(rs[k-1], dAt) {
			k--
		}
		text := strings.TrimSpace(string(rs[k:end]))
		if !strings.ContainsFunc(text, g.isDigit) {
			continue
		}
		return &entente.Cue{Rule: "deadline date", Text: text, Start: k, End: end}
	}
	return nil
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// String gives the extractor's language, for error messages.
func (x *Extractor) String() string { return fmt.Sprintf("extractor(%s)", x.lang) }

// portAfter reports whether r, the second of two short forms in a row, is a
// [place-head] that a short form also spells (Hong Kong's): after another
// name it is a port's head (拉各斯港), no pair of parties; after a short form
// that ends no place's name ([pair-before-port]: 粤港) it is the pair's.
func (x *Extractor) portAfter(prev, r rune) bool {
	return x.g.placeHead[string(r)] && !x.g.pairBeforePort[string(prev)]
}

// opensWithParty reports whether a name opens with two short forms in a row
// (中巴, 中欧) or with a country's name.
func (x *Extractor) opensWithParty(rs []rune) bool {
	if len(rs) >= 2 && x.countries.isShortRune(rs[0]) && x.countries.isShortRune(rs[1]) && !x.portAfter(rs[0], rs[1]) {
		return true
	}
	if end, _ := x.countries.m.LongestAt(rs, 0); end > 0 {
		return true
	}
	return false
}

// isProper reports whether a name has a proper part: a country's name, two
// short forms in a row (匈塞, 中欧), quotation marks, a hyphen, Latin
// letters, a foreign name spelt out or a place named by its kind (东海岸). A generic head (项目, 中心) needs one to be a named entity.
func (x *Extractor) isProper(name string) bool {
	if len(x.countries.find(name)) > 0 || strings.ContainsAny(name, "“”-－—·") {
		return true
	}
	var buf [32]rune // a name fits: no copy on the heap
	rs := appendRunes(buf[:0], name)
	nm := maskOfRunes(rs) // a word with a character the name lacks is not searched for
	g := x.g
	// a route between two places (A至B高速公路) is named by them
	for k, w := range g.routeLinkMasks.words {
		if g.routeLinkMasks.masks[k]&^nm != 0 {
			continue
		}
		if j := strings.Index(name, w); j > 0 && j+len(w) < len(name) {
			return true
		}
	}
	// a number that is no date names a thing (资源卫星06星)
	for i, r := range rs {
		if r >= '0' && r <= '9' && (i+1 == len(rs) || !(rs[i+1] >= '0' && rs[i+1] <= '9') && !g.isDateUnit(rs[i+1])) {
			return true
		}
	}
	// a phase of works (二期工程) names one
	for i, r := range rs {
		if g.isDate(r, dPhase) && i > 2 && g.numerals.has(rs[i-1]) {
			return true
		}
	}
	// a foreign place spelt out (比雷埃夫斯, 瓜达尔): three characters of
	// [transliteration] in a row
	run := 0
	for _, r := range rs {
		if !g.transliteration.has(r) {
			run = 0
			continue
		}
		if run++; run >= 3 {
			return true
		}
	}
	// a river basin, sea or range (澜湄, 图们江) is a place as a city is
	for k, w := range g.basinMasks.words {
		if g.basinMasks.masks[k]&^nm == 0 && strings.Contains(name, w) {
			return true
		}
	}
	// a place named by its kind after another word (东海岸); a phase of
	// works alone before it (第二期海岸防护工程) names no place
	for k, w := range g.placeWordMasks.words {
		if g.placeWordMasks.masks[k]&^nm != 0 {
			continue
		}
		if j := strings.Index(name, w); j > 0 && !g.phaseOnly([]rune(name[:j])) {
			return true
		}
	}
	for i, r := range rs {
		if r < 0x80 && unicode.IsLetter(r) {
			return true
		}
		if i+1 < len(rs) && x.countries.isShortRune(r) && x.countries.isShortRune(rs[i+1]) && !x.portAfter(r, rs[i+1]) {
			return true
		}
	}
	return false
}

// topicAreas returns the areas an instrument's title names after its topic
// word (…关于科学技术与创新合作的协定: science), nil when it names none: the
// field its provisions are in when they name none of their own.
func (x *Extractor) topicAreas(title string, scr *scratch, parties []string) []string {
	topic := title
	for _, w := range x.g.titleTopic {
		if i := strings.LastIndex(title, w); i >= 0 && i+len(w) < len(title) {
			topic = title[i+len(w):]
			break
		}
	}
	if topic == "" {
		return nil
	}
	st := x.newTextWith(topic, scr)
	areas, cues := x.areas.find(st, x.g, x.countries, parties)
	if len(cues) == 0 {
		return nil
	}
	return append([]string(nil), areas...)
}

// replyThanks returns the thanks word of a sentence that thanks in reply to
// the one before (X对此表示感谢: a [reply-reference] before it), else nil.
func (x *Extractor) replyThanks(st *text) *token {
	for i, t := range st.toks {
		if t.Kind.has(cThanks) {
			if x.g.replyRef.indexIn(st.masked, 0, t.Start) >= 0 {
				return &st.toks[i]
			}
			return nil
		}
	}
	return nil
}
