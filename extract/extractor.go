// Package extract reads a statement: its layout (through package structure),
// then every sentence's type, actors, strength, areas, deadline, and the
// instruments, mechanisms and projects it cites. The rules are those of the
// genre (its grammar, its cue words, its layout); the words live in the
// language's cue table (package lexicon).
package extract

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/structure"
)

// Extractor reads statements in one language. It is safe for concurrent use:
// everything in it is built once and only read afterwards.
type Extractor struct {
	lang      string
	table     *lexicon.Table
	countries *countryIndex
	cues      *cueMatcher
	vocab     structure.Vocabulary

	preposition, nonAgent, partyHead, own *wordSet

	areas     *areaMatcher
	deadlines *lexicon.Matcher
	refs      *referenceRules
	entities  *entityRules
	docKinds  map[string]string
	languages *lexicon.Matcher
	langCodes []string
	authentic []string
}

// required sections of a cue table, checked at start-up.
var requiredSections = []string{
	"party-joint", "party-suffix", "party-head", "non-agent", "preposition", "deadline",
	"area", "area-weak", "area-default", "reference-kind", "unbracketed-suffix", "entity-stop",
	"generic-determiner", "mechanism-suffix", "project-strong", "project-weak",
	"list-head", "not-mechanism", "document-kind", "closing", "signature-office", "news-agency",
	"language", "authentic",
}

// New builds the extractor for a language from its embedded cue table.
func New(lang string) (*Extractor, error) {
	t, err := lexicon.Load(lang)
	if err != nil {
		return nil, err
	}
	cs, err := lexicon.LoadCountries()
	if err != nil {
		return nil, err
	}
	return NewWith(lang, t, cs)
}

// NewWith builds an extractor from a given cue table and country table.
func NewWith(lang string, t *lexicon.Table, cs *lexicon.Countries) (*Extractor, error) {
	if err := t.Require(requiredSections...); err != nil {
		return nil, err
	}
	cm, err := newCueMatcher(t)
	if err != nil {
		return nil, err
	}
	x := &Extractor{
		lang:        lang,
		table:       t,
		countries:   newCountryIndex(cs),
		cues:        cm,
		preposition: newWordSet(t.Words("preposition")),
		nonAgent:    newWordSet(t.Words("non-agent")),
		partyHead:   newWordSet(t.Words("party-head")),
		docKinds:    t.Map("document-kind"),
		authentic:   t.Words("authentic"),
	}
	x.own = newWordSet(append(t.Words("party-joint"), "双边", "彼此", "相互", "互设", "互派", "两国间", "双方间"))
	if x.areas, err = newAreaMatcher(t); err != nil {
		return nil, err
	}
	x.deadlines = lexicon.NewMatcher()
	for _, w := range t.Words("deadline") {
		x.deadlines.Add(w, 0)
	}
	x.refs = newReferenceRules(t)
	x.entities = newEntityRules(t)
	x.entities.proper = x.isProper
	x.entities.opensWithParty = x.opensWithParty
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
	}
	return x, nil
}

// Extract reads one statement.
func (x *Extractor) Extract(text string) *entente.Extraction {
	lay := structure.Parse(text, x.vocab)
	out := &entente.Extraction{
		Sections:   lay.Sections,
		Sentences:  []entente.Sentence{},
		References: []entente.Reference{},
		Mechanisms: []entente.Entity{},
		Projects:   []entente.Entity{},
	}
	if out.Sections == nil {
		out.Sections = []entente.Section{}
	}
	x.document(lay, &out.Document)
	pi := x.newPartyIndex(out.Document.Parties)

	var (
		paraSubject []string // the subject the paragraph's sentences share
		leadSubject []string // the subject of the lead-in that opened a list
		inList      bool
		lastPara    = -1
	)
	refs := newReferenceCollector()
	ents := newEntityCollector()
	for i, ls := range lay.Sentences {
		id := "s" + strconv.Itoa(i+1)
		if ls.Paragraph != lastPara {
			lastPara = ls.Paragraph
			paraSubject = nil
			if !ls.ListItem && !inList {
				leadSubject = nil
			}
		}
		inherited := paraSubject
		if inherited == nil {
			inherited = leadSubject
		}
		if inherited == nil {
			inherited = out.Document.Parties
		}
		st := x.newText(ls.Text)
		s, r := x.label(st, pi, inherited)
		s.ID, s.Section, s.Marker, s.Paragraph = id, ls.Section, ls.Marker, ls.Paragraph
		s.References, s.Rationale.References = refs.add(x.refs, id, st)
		s.Mechanisms, s.Projects, s.Rationale.Mechanisms, s.Rationale.Projects = ents.add(x, id, st)
		out.Sentences = append(out.Sentences, s)

		if r.subject != nil {
			paraSubject = r.subject
		}
		if strings.HasSuffix(ls.Text, "：") || strings.HasSuffix(ls.Text, ":") {
			leadSubject = r.actors
			if len(leadSubject) == 0 {
				leadSubject = r.subject
			}
			inList = true
		} else if !ls.ListItem && ls.First && inList && ls.Marker == "" && lay.Sentences[max(0, i-1)].ListItem {
			// a paragraph without a marker inside a list keeps the lead-in
			inList = true
		}
	}
	out.References = refs.list()
	out.Mechanisms, out.Projects = ents.list()
	return out
}

// label reads one sentence: its type, actors, strength, areas and deadline,
// with their evidence.
func (x *Extractor) label(st *text, pi *partyIndex, inherited []string) (entente.Sentence, sentenceReading) {
	r := x.classify(st, pi, inherited)
	s := entente.Sentence{
		Text: st.s, Type: r.typ, Actors: r.actors, Strength: r.strength,
		Areas: []string{}, References: []string{}, Mechanisms: []string{}, Projects: []string{},
	}
	if s.Actors == nil || s.Type == entente.Narrative {
		s.Actors = []string{}
	}
	s.Rationale = entente.Rationale{Type: r.typeCue, Strength: r.strengthCue, Actors: r.actorCues, Clauses: r.clauses}
	if s.Type != entente.Narrative {
		s.Areas, s.Rationale.Areas = x.areas.find(st)
	}
	if s.Type == entente.Commitment {
		if d := x.deadline(st); d != nil {
			s.Deadline = &d.Text
			s.Rationale.Deadline = d
		}
	}
	return s, r
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
	if d.Parties == nil {
		d.Parties = []string{}
	}
	if lay.SignedDate != "" {
		d.SignedDate = &lay.SignedDate
	}
	if lay.SignedPlace != "" {
		d.SignedPlace = &lay.SignedPlace
	}
	d.Signatories = []entente.Signatory{}
	for _, s := range lay.Signatories {
		sig := entente.Signatory{Name: s.Name, Title: s.Title}
		if cs := x.countries.find(s.Title); len(cs) > 0 {
			sig.Party = cs[0]
		}
		d.Signatories = append(d.Signatories, sig)
	}
	d.AuthenticLanguages = x.authenticLanguages(lay.Closing)
	d.NewsDateline = lay.NewsDateline
}

func (x *Extractor) documentKind(title string) entente.Kind {
	best := ""
	for w := range x.docKinds {
		if strings.HasSuffix(title, w) && len(w) > len(best) {
			best = w
		}
	}
	if best == "" {
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
	if d := dateDeadline(rs); d != nil {
		return d
	}
	for _, m := range x.deadlines.FindAll(st.masked) {
		return &entente.Cue{Rule: "deadline", Text: string(rs[m.Start:m.End]), Start: m.Start, End: m.End}
	}
	return nil
}

// dateDeadline reads "[于|在]YYYY年[M月][底]前|之前|以前".
func dateDeadline(rs []rune) *entente.Cue {
	for i := 0; i < len(rs); i++ {
		if rs[i] != '前' {
			continue
		}
		end := i + 1
		j := i
		if j > 0 && (rs[j-1] == '之' || rs[j-1] == '以') {
			j--
		}
		if j > 0 && (rs[j-1] == '底' || rs[j-1] == '末') {
			j--
		}
		if j == 0 || (rs[j-1] != '年' && rs[j-1] != '月' && rs[j-1] != '日') {
			continue
		}
		k := j - 1
		for k > 0 && (isDigitRune(rs[k-1]) || rs[k-1] == '年' || rs[k-1] == '月' || rs[k-1] == '日' || rs[k-1] == ' ') {
			k--
		}
		if k > 0 && (rs[k-1] == '于' || rs[k-1] == '在') {
			k--
		}
		text := strings.TrimSpace(string(rs[k:end]))
		if !strings.ContainsFunc(text, isDigitRune) {
			continue
		}
		return &entente.Cue{Rule: "deadline date", Text: text, Start: k, End: end}
	}
	return nil
}

func isDigitRune(r rune) bool {
	return (r >= '0' && r <= '9') || (r >= '０' && r <= '９') || strings.ContainsRune("〇一二三四五六七八九十", r)
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

// opensWithParty reports whether a name opens with two short forms in a row
// (中巴, 中欧) or with a country's name.
func (x *Extractor) opensWithParty(name string) bool {
	rs := []rune(name)
	if len(rs) >= 2 && x.countries.isShort(string(rs[0])) && x.countries.isShort(string(rs[1])) {
		return true
	}
	if end, _ := x.countries.m.LongestAt(rs, 0); end > 0 {
		return true
	}
	return false
}

// isProper reports whether a name has a proper part: a country's name, two
// short forms in a row (匈塞, 中欧), quotation marks, a hyphen or Latin
// letters. A generic head (项目, 中心) needs one to be a named entity.
func (x *Extractor) isProper(name string) bool {
	if len(x.countries.find(name)) > 0 || strings.ContainsAny(name, "“”-－—·") {
		return true
	}
	// a number that is no date names a thing (资源卫星06星)
	rs := []rune(name)
	for i, r := range rs {
		if r >= '0' && r <= '9' && (i+1 == len(rs) || !strings.ContainsRune("0123456789年月日", rs[i+1])) {
			return true
		}
	}
	// a phase of works (二期工程) names one
	if i := strings.Index(name, "期"); i > 0 {
		before := []rune(name[:i])
		if n := len(before); n > 2 && strings.ContainsRune("一二三四五六七八九十", before[n-1]) {
			return true
		}
	}
	for i, r := range rs {
		if r < 0x80 && unicode.IsLetter(r) {
			return true
		}
		if i+1 < len(rs) && x.countries.isShort(string(r)) && x.countries.isShort(string(rs[i+1])) {
			return true
		}
	}
	return false
}
