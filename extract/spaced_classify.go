package extract

import (
	"slices"
	"strings"

	"github.com/entente/entente"
)

// sclause is a clause of a spaced-script sentence, in word offsets.
type sclause struct{ start, end int }

// sreading is one clause's reading with its evidence.
type sreading struct {
	clause   sclause
	reading  reading
	strength entente.Strength
	actors   []string
	subject  subject
	cue      *scue
	strCue   *scue
	rule     string
}

func (r *sreading) commit(s entente.Strength, c *scue, rule string) {
	if r.reading == rCommitment && r.strength.Rank() >= s.Rank() {
		return
	}
	r.reading, r.strength, r.strCue, r.rule = rCommitment, s, c, rule
	if r.cue == nil || r.cue.Kind&(cModal|sCommitTo|sNoun) == 0 {
		r.cue = c
	}
}

const sPredicate = cPredicate | sCommitTo | sLookForward

// classify reads a sentence clause by clause.
func (x *Spaced) classify(st *sentence, inherited []string) sentenceReading {
	hospitality := false
	for _, c := range st.cues {
		if c.Kind.has(cHospitality) {
			hospitality = true
		}
	}
	cls := x.clauses(st)
	// the clauses' readings: the sentence's memory, cleared (nothing
	// keeps a reading once resolveSpaced has read it)
	if cap(st.reads) < len(cls) {
		st.reads = make([]sreading, len(cls))
	}
	all := st.reads[:len(cls)]
	clear(all)
	readings := make([]*sreading, 0, len(cls))
	var last []string // the last party subject named, for an omitted one
	for k, cl := range cls {
		r := &all[k]
		r.clause = cl
		readings = append(readings, r)
		h := x.headOf(st, cl, cl.start)
		zoneEnd := cl.end
		if h >= 0 {
			zoneEnd = st.cues[h].Start
		}
		r.subject = x.subjectOfSpaced(st, cl.start, zoneEnd, inherited)
		switch r.subject.kind {
		case subjParty:
			r.actors = r.subject.codes
			if k > 0 && last != nil && x.participleOpens(st, cl.start) {
				// a recital that opens with its participle (Uzimajući u
				// obzir obaveze Republike Srbije…, Recalling the Agreement
				// between…) is the parties' named before it: those it
				// names are its objects
				r.actors = last
				break
			}
			last = r.subject.codes
		case subjOmitted:
			r.actors = last
			if r.actors == nil {
				r.actors = inherited
			}
		}
		if h < 0 {
			// Japan views Ghana as a strong partner: a verb of regard no
			// cue reads, its subject the words before it
			if v := x.regardVerb(st, cl.start, cl.end); v > cl.start {
				alt := &sreading{clause: cl, subject: x.subjectOfSpaced(st, cl.start, v, inherited)}
				alt.actors = alt.subject.codes
				if x.regardedAs(st, alt, v, cl.end) {
					r.subject, r.actors = alt.subject, alt.actors
					r.reading, r.rule = rAppraisal, "the other party regarded as"
				}
			}
			continue
		}
		r.cue = &st.cues[h]
		x.readHeadSpaced(st, r, h, hospitality)
		if codes := x.gappedSubject(st, st.cues[h].End, cl.end); codes != nil && len(r.actors) > 0 {
			r.actors = addCodes(slices.Clone(r.actors), codes)
		}
		// verbs coordinated with the head, and undertakings inside its object
		for j := h + 1; j < len(st.cues) && st.cues[j].Start < cl.end; j++ {
			c := &st.cues[j]
			if c.Kind.has(sNoun|sCommitTo) && r.reading < rCommitment && r.reading != rNone && x.ownBefore(st, c.Start, r.actors) {
				alt := &sreading{clause: cl, subject: r.subject, actors: r.actors, cue: c}
				x.readHeadSpaced(st, alt, j, hospitality)
				if alt.reading == rCommitment {
					r.commit(alt.strength, alt.strCue, "stance+"+alt.rule)
					r.cue = c
				} else if alt.reading > r.reading && c.Kind.has(sCommitTo) && !x.nounUse(st, c.Start) && x.coordinated(st, c.Start, cl.start) {
					// welcomed the partnership and committed to its
					// implementation: the coordinated verb's view outranks
					// the welcome
					r.reading, r.rule, r.cue = alt.reading, "coordinated "+alt.rule, c
				}
				continue
			}
			if !c.Kind.has(sPredicate&^cAction) && !x.coordinatedAction(st, c, &st.cues[h], cl.start) || !x.coordinated(st, c.Start, cl.start) && !x.commaModal(st, c, st.cues[h].End) || x.nounUse(st, c.Start) || x.participle(st, c) {
				continue
			}
			if x.insideThingContent(st, h, j, inherited) {
				continue
			}
			alt := &sreading{clause: cl, subject: r.subject, actors: r.actors, cue: c}
			x.readHeadSpaced(st, alt, j, hospitality)
			if alt.reading > r.reading || (alt.reading == rCommitment && r.reading == rCommitment && alt.strength.Rank() > r.strength.Rank()) {
				r.reading, r.strength, r.strCue, r.rule, r.cue = alt.reading, alt.strength, alt.strCue, "coordinated "+alt.rule, alt.cue
			}
		}
		// the content of a that-clause: a party that undertakes in it
		// (agreed that both sides will…) makes the sentence a commitment
		if r.reading != rCommitment && r.reading != rNone {
			x.readContent(st, r, h, cl, inherited)
		}
		// a view on something achieved (believe that the visit was a
		// success) is an appraisal, unless it says what should be done
		// (or noted that the companies have made remarkable progress: an
		// appraisal's words in the content), and so is a view of the
		// visit or the talks themselves (believe that this visit is of
		// far-reaching significance) that says nothing they will do
		if r.reading == rPosition && (r.rule == "opinion" || r.rule == "coordinated opinion") {
			achieved, should, modal := false, false, false
			for _, c := range st.cues {
				if c.Start > st.cues[h].Start && c.Start < cl.end {
					achieved = achieved || c.Kind.has(cAchievement|cAppraisal)
					should = should || c.Kind.has(cShould)
					modal = modal || c.Kind.has(cFirm|cIntent)
				}
			}
			if !achieved && !modal && x.occasionOpens(st, st.cues[h].End, cl.end) {
				achieved = true
			}
			// noted that trade falls short of its potential: a view of what
			// is, stated as a finding, is an appraisal of it
			if st.cues[h].Kind.has(sNoting) {
				achieved = true
			}
			if achieved && !should {
				r.reading, r.rule = rAppraisal, "opinion on an achievement"
			}
		}
	}
	// Working with Congress, | USAID plans to invest…: a phrase that opens
	// the sentence with its participle, its subject left out, is done by
	// the main clause's subject, not by the parties together
	if len(all) > 1 && cls[0].start == 0 && all[0].subject.kind == subjOmitted && all[1].subject.kind == subjParty &&
		x.participleOpens(st, 0) {
		all[0].actors = all[1].actors
	}
	return x.resolveSpaced(st, readings, inherited)
}

// gappedSubject finds, after the head that ends at word from, a second
// party that shares the head's verb left out (…je izrazila interesovanje
// za uvoz…, a srpska strana za uvoz…; …, and Serbia in…): a comma, a
// joining word, a party named, and a preposition or "da" right after it,
// with no verb of its own before the clause ends. Its codes, or nil.
func (x *Spaced) gappedSubject(st *sentence, from, end int) []string {
	for i := from; i+2 < end; i++ {
		if st.ws[i].Key != "," || st.ws[i+1].Punct || !x.joins.has(&st.ws[i+1]) {
			continue
		}
		for _, m := range st.ments {
			if m.Start != i+2 || m.Kind == mJoint || len(m.Codes) == 0 || m.End >= end {
				continue
			}
			if n := &st.ws[m.End]; n.Punct || !x.prep.has(n) && !x.that.has(n) && !x.objectToEnd(st, m.End, end) {
				continue
			}
			for _, c := range st.cues {
				if c.Start >= m.End && c.Start < end && c.Kind.has(sPredicate) && !x.nounUse(st, c.Start) {
					return nil // a verb of its own: a clause of its own
				}
			}
			return m.Codes
		}
	}
	return nil
}

// objectToEnd reports whether words [i, end) are a short object alone that
// runs to the end of the sentence (…, a srpska strana potrebne prostorije.):
// lowercase words, at most four, then only the final stop. An instrument
// divides a task so, the second party's share named by its object. The
// share may name a thing by its capitalised name and keep a time of its
// own (…, a kineska strana Dane kineske kulture u Beogradu u toku 2028.
// godine.): names and the time are no verb, and the lowercase words are
// still at most four.
func (x *Spaced) objectToEnd(st *sentence, i, end int) bool {
	var times map[int]int // the time limits in the share: their ends
	if x.deadlines != nil {
		for _, m := range x.deadlines.FindAll(st.ws[i:end]) {
			if times == nil {
				times = map[int]int{}
			}
			times[i+m.Start] = i + m.End
		}
	}
	n, named := 0, false
	for ; i < end; i++ {
		if e, ok := times[i]; ok && (n > 0 || named) {
			i = e - 1
			continue
		}
		w := &st.ws[i]
		if w.Punct {
			return i == end-1 && (n > 0 || named) && i == len(st.ws)-1
		}
		if w.Upper && !w.Digits {
			named = true
			continue
		}
		if w.Digits || n == 4 {
			return false
		}
		n++
	}
	return (n > 0 || named) && end == len(st.ws)
}

// occasionOpens reports whether the content of a view that begins at word
// i opens with the occasion the document reports (the visit, these talks,
// this state visit: [occasion]) and its verb: the view evaluates what was
// done, not a principle (believe that dialogue is of great significance).
func (x *Spaced) occasionOpens(st *sentence, i, end int) bool {
	if x.occasion == nil {
		return false
	}
	if i < end && x.that.has(&st.ws[i]) {
		i++
	}
	for n := 0; i < end && n < 4; i, n = i+1, n+1 {
		w := &st.ws[i]
		if w.Punct || x.prep.has(w) {
			return false
		}
		if x.occasion.has(w) {
			return i+1 < end && x.cueAt(st, i+1, cCopula|cAchievement)
		}
	}
	return false
}

// occasionEvaluated reads a clause whose subject is the occasion the
// statement reports, joined to what it is by a copula (This visit is of
// far-reaching significance for…, The talks are a milestone…) as the
// document's evaluation of what was done, the parties': an appraisal, as
// a view of it is (believe that this visit is…). It reports whether it did.
func (x *Spaced) occasionEvaluated(st *sentence, r *sreading) bool {
	if x.relationshipJudged(st, r) {
		return true
	}
	if !x.occasionOpens(st, r.clause.start, r.clause.end) {
		return false
	}
	for i := r.clause.start; i < r.clause.end && !x.occasion.has(&st.ws[i]); i++ {
		if x.occasionAhead.has(&st.ws[i]) {
			// the next meeting is scheduled for…: an occasion to come
			return false
		}
	}
	r.reading, r.rule = rAppraisal, "evaluation of the occasion"
	r.actors = st.unionCodes(st.parties)
	return true
}

// relationshipJudged reads a clause whose subject is the relationship
// between the parties itself ([relationship-noun]: the U.S.-Kenya bond, our
// partnership, bilateral relations), joined by its copula to what it is or
// how it fares (is stronger than ever, is expanding from a regional to a
// global one), as the parties' appraisal of it: the relationship is theirs
// both, whichever party names it. The noun stands right before the copula
// and no preposition or punctuation but a name's join stands before it in
// the clause (the future of our partnership is…: another subject); a
// participle after the copula (is based on, is founded on) states a
// principle, no judgement. It reports whether it did.
func (x *Spaced) relationshipJudged(st *sentence, r *sreading) bool {
	if x.bond == nil || r.cue == nil || !r.cue.Kind.has(cCopula) {
		return false
	}
	c := r.cue
	j := c.Start - 1
	if b := x.betweenParties(st, r.clause.start, c.Start); b >= 0 {
		j = b // ties between our two countries are at their strongest
	}
	if j < r.clause.start || j-r.clause.start > 8 || !x.bond.has(&st.ws[j]) {
		return false
	}
	for i := r.clause.start; i < j; i++ {
		w := &st.ws[i]
		if w.Punct && !joins(w) && w.Key != "." || !w.Punct && x.prep.has(w) {
			return false
		}
	}
	if c.End < r.clause.end {
		if k := st.ws[c.End].Key; strings.HasSuffix(k, "ed") && !st.ws[c.End].Punct {
			return false
		}
	}
	r.reading, r.rule = rAppraisal, "relationship judged"
	r.actors = st.unionCodes(st.parties)
	return true
}

// maxBetween is how many words may name the parties after "between" in a
// relationship's name (relations between China and the Republic of Serbia).
const maxBetween = 8

// betweenParties returns the relationship noun that "between" and the
// parties' names follow right before word end (ties between our two
// countries | are…, relations between China and Serbia | are…), or -1.
// The names must be the parties' (or their joint word): "the gap between
// supply and demand" names no relationship.
func (x *Spaced) betweenParties(st *sentence, start, end int) int {
	for k := end - 2; k > start && k >= end-1-maxBetween; k-- {
		w := &st.ws[k]
		if w.Punct {
			return -1
		}
		if !x.bondBetween.has(w) {
			continue
		}
		named := false
		for _, m := range st.ments {
			if m.Start > k && m.End <= end {
				named = true
			}
		}
		if !named || !x.bond.has(&st.ws[k-1]) {
			return -1
		}
		return k - 1
	}
	return -1
}

// cueAt reports whether a cue of one of kinds opens at word i.
func (x *Spaced) cueAt(st *sentence, i int, kinds cueKind) bool {
	for _, c := range st.cues {
		if c.Start == i && c.Kind&kinds != 0 {
			return true
		}
	}
	return false
}

// clauses cuts a sentence at semicolons, and at a joining word (and, while,
// i, dok) that a new subject and its verb follow.
func (x *Spaced) clauses(st *sentence) []sclause {
	ws := st.ws
	out := st.cls[:0] // the sentence's memory (classify reads them before the next sentence)
	start := 0
	for i := 0; i < len(ws); i++ {
		w := &ws[i]
		cut, next := false, i+1
		switch {
		case w.Punct && (w.Key == ";" || (w.Key == ":" && i+1 < len(ws))):
			cut = true
		case w.Punct && w.Key == "," && i > start && x.participleOpens(st, start) && x.newSubjectAt(st, i+1):
			cut = true // Recognizing the challenges, | China and Serbia decided…
		case w.Punct && w.Key == "," && i > start && x.lang == "sr" && (x.pastParticipleAt(st, i+1) || x.pastParticipleAt(st, start)):
			// …, | visoko ocenivši postignute rezultate | or Strane su, |
			// pozdravivši potpisivanje, | saglasile se…: the participle's phrase
			// is a clause of its own, read from its own cue
			cut = true
		case w.Punct && w.Key == "," && i > start && x.lang == "sr" && x.recitalOpens(st, i+1):
			cut = true // …, | U nameri da prošire saradnju, | Izražavajući spremnost…
		case w.Punct && w.Key == "," && i > start && x.lang == "sr" && (x.recitalOpens(st, start) || x.leadInClosesAt(st, i+1)) && x.mainVerbAt(st, i+1):
			// Rukovodeći se željom da…, | dogovorile su se o sledećem: the main verb after the
			// last recital, read on its own whether the recital states an aim or a view
			// (Svesne značaja…, | sporazumele su se…: agreeing as follows is firm)
			cut = true
		case !w.Punct && x.joins.has(w) && i > start:
			if x.headOf(st, sclause{start, i}, start) >= 0 && !x.afterObject(st, i) && (x.newSubjectAt(st, i+1) || x.subjectAfterSetting(st, i+1)) && !x.pairedSubject(st, start, i) {
				cut, next = true, i+1
			}
		}
		if cut {
			if i > start {
				out = append(out, sclause{start, i})
			}
			start = next
		}
	}
	if start < len(ws) {
		out = append(out, sclause{start, len(ws)})
	}
	if len(out) == 0 {
		out = append(out, sclause{0, len(ws)})
	}
	st.cls = out
	return out
}

// maxSetting is the longest phrase of time or place (over the visit, in
// the coming year) that may open a joined clause before its subject.
const maxSetting = 6

// subjectAfterSetting reports whether a phrase of time or place, opened by
// a preposition at word i, stands before a new subject and its verb (…, so
// over the visit the United States committed to…; and during the talks
// the two leaders agreed…): the joining word opens a clause all the same.
func (x *Spaced) subjectAfterSetting(st *sentence, i int) bool {
	if i >= len(st.ws) || st.ws[i].Punct || !x.prep.has(&st.ws[i]) {
		return false
	}
	for j := i + 2; j <= i+maxSetting && j < len(st.ws); j++ {
		if st.ws[j-1].Punct {
			return false
		}
		if x.newSubjectAt(st, j) {
			return true
		}
	}
	return false
}

// pairedSubject reports whether the word before the joining word at i ends
// a party that opens a subject (agreed that Australia | and Indonesia will
// hold…): the two are one subject, not two clauses.
func (x *Spaced) pairedSubject(st *sentence, start, i int) bool {
	for _, m := range st.ments {
		if m.End != i || m.Kind == mOffice {
			continue
		}
		p := m.Start - 1
		for p >= start && !st.ws[p].Punct && x.det.has(&st.ws[p]) && !x.that.has(&st.ws[p]) {
			p--
		}
		return p < start || x.that.has(&st.ws[p])
	}
	return false
}

// insideThingContent reports whether the cue j, joined by "and", belongs
// to a that-clause after the head h whose subject is no party: in "stressed
// that deepening relations is their shared aspiration and will contribute
// to peace", "will" predicts what the deepening does; nobody undertakes.
// A verb only a party does (agreed, decided) cannot be the thing's, and a
// comma before the "and" of a modal closes the content (believe that the
// dialogue is of great significance, and will continue to…): either
// returns to the parties' clause. An action after ", and" stays in it (is
// of great significance, and opens up new prospects).
func (x *Spaced) insideThingContent(st *sentence, h, j int, inherited []string) bool {
	if x.partyVerb != nil {
		if _, ok := x.partyVerb.longestAt(st.ws, st.cues[j].Start); ok {
			return false
		}
	}
	if k := x.joinBefore(st, st.cues[j].Start); k > 0 && st.ws[k-1].Punct && st.ws[k-1].Key == "," && st.cues[j].Kind.has(cModal) {
		return false
	}
	for t := st.cues[h].Start + 1; t < st.cues[j].Start; t++ {
		if !x.that.has(&st.ws[t]) {
			continue
		}
		for k := h + 1; k < j; k++ {
			if c := &st.cues[k]; c.Start > t && c.Kind.has(sPredicate) {
				return x.subjectOfSpaced(st, t+1, c.Start, inherited).kind != subjParty
			}
		}
		return false
	}
	return false
}

// participleOpens reports whether the clause at word i opens with a
// participle (Recognizing…, Noting…, Imajući u vidu…, Koristeći priliku
// koju pruža…): a phrase before the main clause, whose verb is the head.
// A cue that is no predicate (an action named as a noun) opens none.
func (x *Spaced) participleOpens(st *sentence, i int) bool {
	k := st.ws[i].Key
	if !strings.HasSuffix(k, "ing") && !strings.HasSuffix(k, "ći") || len([]rune(k)) < 6 {
		return false
	}
	pred, cue := st.predicateAt(i)
	return pred || !cue
}

// pastParticipleAt reports whether a past adverbial participle (ocenivši,
// pozdravivši, konstatovavši: -vši), or an adverb and one, opens at word i.
func (x *Spaced) pastParticipleAt(st *sentence, i int) bool {
	for j := i; j < len(st.ws) && j <= i+1; j++ {
		w := &st.ws[j]
		if w.Punct {
			return false
		}
		if strings.HasSuffix(w.Key, "vši") && len([]rune(w.Key)) >= 6 {
			return true
		}
	}
	return false
}

// recitalOpens reports whether a recital of a treaty-style preamble opens
// at word i of a sentence joined from its paragraphs: a capital after a
// comma, which Serbian writes only to open a name or a paragraph, on a cue
// (U nameri da…, Izražavajući spremnost…, Naglašavajući…). Each recital
// is a clause of its own, read from its own cue, as the main clause is.
func (x *Spaced) recitalOpens(st *sentence, i int) bool {
	if i >= len(st.ws) || !st.ws[i].Upper || st.ws[i].Punct || st.inMention(i) {
		return false
	}
	pred, _ := st.predicateAt(i)
	return pred
}

// leadInClosesAt reports whether the words from i run to the sentence's
// closing colon with no other stop (…, saglasile su se o sledećem:): the
// main clause of a treaty-style preamble, whatever opens its recitals. A
// preamble written as one running sentence opens them in lower case after
// the parties' designation (…, u daljem tekstu Strane, u želji da…, u
// uverenju da…, saglasile su se o sledećem:), where no capital marks them.
func (x *Spaced) leadInClosesAt(st *sentence, i int) bool {
	n := len(st.ws)
	if i >= n-1 || !st.ws[n-1].Punct || st.ws[n-1].Key != ":" {
		return false
	}
	for j := i; j < n-1; j++ {
		if st.ws[j].Punct {
			return false
		}
	}
	return true
}

// mainVerbAt reports whether a verb that only the parties do ([party-verb]:
// dogovorile su se, saglasile su se) opens a cue at word i: after a recital
// and its comma, the main clause of a treaty-style preamble, read on its own.
func (x *Spaced) mainVerbAt(st *sentence, i int) bool {
	if x.partyVerb == nil || i >= len(st.ws) {
		return false
	}
	if _, ok := x.partyVerb.longestAt(st.ws, i); !ok {
		return false
	}
	_, cue := st.predicateAt(i)
	return cue
}

// predicateAt reports whether a cue opens at word i (cue) and whether it
// is a predicate's (pred).
func (st *sentence) predicateAt(i int) (pred, cue bool) {
	for _, c := range st.cues {
		if c.Start == i {
			return c.Kind.has(sPredicate), true
		}
		if c.Start > i {
			break
		}
	}
	return false, false
}

// afterObject reports whether the joining word at i joins two names, not
// two clauses: after a party named as a preposition's object ("between
// China and Serbia", "s Kinom i Srbijom"), or between two parties that
// open a clause together ("Recognizing…, China and the United States
// decided…").
func (x *Spaced) afterObject(st *sentence, i int) bool {
	for _, m := range st.ments {
		if m.End != i {
			continue
		}
		j := m.Start - 1
		for j >= 0 && !st.ws[j].Punct && x.det.has(&st.ws[j]) {
			j--
		}
		if j >= 0 && !st.ws[j].Punct && x.prep.has(&st.ws[j]) {
			return true
		}
		if j >= 0 && !st.ws[j].Punct {
			return false
		}
		k := i + 1
		for k < len(st.ws) && !st.ws[k].Punct && x.det.has(&st.ws[k]) {
			k++
		}
		for _, n := range st.ments {
			if n.Start == i+1 || n.Start == k {
				return true
			}
		}
		return false
	}
	return false
}

// newSubjectAt reports whether a party subject and then a verb begin at
// word i (…, and they committed to…).
func (x *Spaced) newSubjectAt(st *sentence, i int) bool {
	for _, m := range st.ments {
		if m.Start < i {
			continue
		}
		if !x.onlyFiller(st, i, m.Start) {
			return false
		}
		end := x.namesEnd(st, m.End)
		if m.Kind == mOffice {
			// an office stands with its holder's name (President Biden)
			end = nameEnd(x, st, end, len(st.ws))
		}
		for _, c := range st.cues {
			if c.Start >= end && c.Kind.has(sPredicate) {
				return x.onlyFiller(st, end, c.Start)
			}
		}
		return false
	}
	return false
}

// namesEnd extends a party named up to word end over the parties joined to
// it (China and the United States): the end of the whole subject.
func (x *Spaced) namesEnd(st *sentence, end int) int {
	for end < len(st.ws) && !st.ws[end].Punct && x.joins.has(&st.ws[end]) {
		k := end + 1
		for k < len(st.ws) && !st.ws[k].Punct && x.det.has(&st.ws[k]) {
			k++
		}
		next := -1
		for _, n := range st.ments {
			if n.Start == end+1 || n.Start == k {
				next = n.End
				break
			}
		}
		if next < 0 {
			break
		}
		end = next
	}
	return end
}

// onlyFiller reports whether words [a, b) are only punctuation, articles
// and adverbs.
func (x *Spaced) onlyFiller(st *sentence, a, b int) bool {
	for i := a; i < b; {
		w := &st.ws[i]
		if w.Punct || x.det.has(w) || x.isAdverb(w) {
			i++
			continue
		}
		if m, ok := x.filler.longestAt(st.ws, i); ok && m.End <= b {
			i = m.End
			continue
		}
		return false
	}
	return true
}

// isAdverb reports whether an English word is an adverb in -ly (also
// further strongly): it may stand between a subject and its verb.
func (x *Spaced) isAdverb(w *word) bool {
	if w.Upper || w.Punct {
		return false
	}
	switch x.lang {
	case "en":
		return len(w.Key) > 4 && strings.HasSuffix(w.Key, "ly")
	case "sr": // snažno, aktivno, dosledno
		return len([]rune(w.Key)) >= 6 && strings.HasSuffix(w.Key, "no")
	}
	return false
}

// insideQuote reports whether word i stands inside quotation marks that
// open in the sentence before it (a cited title: „Strategije Evropske unije
// za Dunavski region“). Serbian opens with „ and closes with “; English
// opens with “ and closes with ”; a straight quote opens and closes alike.
func (x *Spaced) insideQuote(st *sentence, i int) bool {
	straight := false
	for j := i - 1; j >= 0; j-- {
		w := &st.ws[j]
		if !w.Punct {
			continue
		}
		switch w.Key {
		case "„", "«":
			return true
		case "”", "»":
			return false
		case "“":
			return x.lang != "sr"
		case "\"":
			straight = !straight
		}
	}
	return straight
}

// afterQuote reports whether word i follows a closing quotation mark,
// a comma between.
func afterQuote(st *sentence, i int) bool {
	j := i - 1
	if j >= 0 && st.ws[j].Punct && st.ws[j].Key == "," {
		j--
	}
	return j >= 0 && st.ws[j].Punct && strings.Contains("”“\"»", st.ws[j].Key)
}

// headOf returns the index of the clause's head cue: its first predicate
// that is not used as a noun (their support, in support of, efforts to
// strengthen), or -1.
func (x *Spaced) headOf(st *sentence, cl sclause, from int) int {
	for i, c := range st.cues {
		if c.Start < from || c.Start >= cl.end {
			continue
		}
		if !c.Kind.has(sPredicate) || x.insideMention(st, c.Start) {
			continue
		}
		if c.Start > cl.start && x.nounUse(st, c.Start) {
			continue
		}
		if c.Kind.has(cNarrative) && !c.Kind.has(sPredicate&^cNarrative) && afterQuote(st, c.Start) {
			continue // „Deklaraciju …“, potpisanu u Bakuu…: the cited title's signing
		}
		// an action named as a noun before another verb is the subject
		// (Strengthening trade will benefit…, Realizacija projekta će…)
		if c.Kind.has(cAction) && !c.Kind.has(cPredicate&^cAction) && x.nominal(st.ws[c.Start]) {
			later := false
			for _, d := range st.cues[i+1:] {
				if d.Start < cl.end && d.Kind.has(sPredicate) && !d.Kind.has(cAction) && !x.modifierVerb(st, d) {
					later = true
					break
				}
			}
			if later {
				continue
			}
		}
		return i
	}
	return -1
}

// modifierVerb reports whether a cue is a verb that modifies a noun
// rather than heads the sentence: a narrative past form alone (the
// Agreement signed in Manila) or a verb whose subject is a relative word
// after a comma (…, which will allow…). Neither makes an opening gerund
// the subject of a verb (Bringing into force the Agreement signed in…,
// a fact sheet's bullet, is the parties' own action).
func (x *Spaced) modifierVerb(st *sentence, d scue) bool {
	if d.Kind.has(cNarrative) && !d.Kind.has(sPredicate&^cNarrative) {
		return true
	}
	return d.Start >= 2 && x.predict.has(&st.ws[d.Start-1]) && st.ws[d.Start-2].Punct && st.ws[d.Start-2].Key == ","
}

// nominal reports whether a word names an action as a noun: an English
// -ing form, a Serbian verbal noun (jačanje, unapređenju) or -cija noun.
func (x *Spaced) nominal(w word) bool {
	k := w.Key
	switch x.lang {
	case "en":
		return strings.HasSuffix(k, "ing")
	default:
		for _, suf := range []string{"nje", "nja", "nju", "njem", "cija", "cije", "ciji", "ciju", "dnja", "dnje", "ena", "enu", "ene"} {
			if strings.HasSuffix(k, suf) {
				return true
			}
		}
	}
	return false
}

// nounUse reports whether the cue at word i is used as a noun or an
// infinitive inside a phrase: after an article, a preposition or "to". A
// word that is both a determiner and an adverb (further, both) is the
// adverb right after a party or before a past form: "the two sides
// further welcome…", "they further agreed to…" are verbs; so is a word
// after an adverbial phrase of several words ("Dve strane i dalje
// podržavaju…": still, where dalje alone may be further's adjective).
func (x *Spaced) nounUse(st *sentence, i int) bool {
	if i == 0 {
		return false
	}
	p := &st.ws[i-1]
	if p.Punct {
		return false
	}
	if f, ok := x.fillerEndingAt(st, i); ok {
		if x.lang == "en" && strings.HasSuffix(st.ws[i].Key, "ed") || f < i-1 {
			return false
		}
		for _, m := range st.ments {
			if m.End == f {
				return false
			}
		}
	}
	return x.det.has(p) || x.prep.has(p) || p.Key == "to"
}

// fillerEndingAt finds the filler (an adverb, a phrase such as "i dalje")
// that ends right before word i, and returns where it starts.
func (x *Spaced) fillerEndingAt(st *sentence, i int) (int, bool) {
	from := i - 1
	for from > max(0, i-3) && !st.ws[from-1].Punct {
		from--
	}
	for s := from; s < i; s++ { // the longest first
		if m, ok := x.filler.longestAt(st.ws, s); ok && m.End == i {
			return s, true
		}
	}
	return 0, false
}

func (x *Spaced) insideMention(st *sentence, i int) bool {
	for _, m := range st.ments {
		if i >= m.Start && i < m.End && m.Kind != mJoint {
			return true
		}
	}
	return false
}

// coordinated reports whether the cue at word i is joined to the verb
// before it: after and, a comma or as well as, with only adverbs between.
func (x *Spaced) coordinated(st *sentence, i, from int) bool {
	j := i - 1
	for j >= from {
		w := &st.ws[j]
		if !w.Punct && (x.isAdverb(w) || x.det.has(w) && w.Key != "the") {
			j--
			continue
		}
		if m, ok := x.filler.longestAt(st.ws, j); ok && m.End <= i && !x.joins.has(w) {
			j--
			continue
		}
		break
	}
	if j < from {
		return false
	}
	return x.joins.has(&st.ws[j])
}

// joinBefore returns the joining word (and, i) before word i, past
// adverbs and filler, or -1.
func (x *Spaced) joinBefore(st *sentence, i int) int {
	for j := i - 1; j >= 0; j-- {
		w := &st.ws[j]
		if x.joins.has(w) && !w.Punct {
			return j
		}
		if w.Punct || !x.isAdverb(w) && !(x.det.has(w) && w.Key != "the") {
			if m, ok := x.filler.longestAt(st.ws, j); !ok || m.End > i {
				return -1
			}
		}
	}
	return -1
}

// coordinatedAction reports whether the action cue c is a verb joined to
// the clause's head: after "and" with an adverb between (welcome the
// signing of X and actively promote Y) or after ", and" (…, and jointly
// build). A bare "and" before an action word is more often a noun in a
// list of objects (welcomed the visit and exchanges), unless both the head
// and the action word are verbs' bare forms with an object after the
// second (support the establishment of centres and promote cooperation):
// a present verb of the parties' is bare in English, a plural noun is not,
// and a bare noun is followed by "of" or nothing (support visits and
// exchange of students); two adjectives after a determiner are no verbs
// (share a commitment to a free and open region).
func (x *Spaced) coordinatedAction(st *sentence, c, head *scue, from int) bool {
	if !c.Kind.has(cAction) || c.Start < 2 {
		return false
	}
	j := x.joinBefore(st, c.Start)
	if j <= from {
		return false
	}
	for k := j + 1; k < c.Start; k++ {
		if x.isAdverb(&st.ws[k]) {
			return true
		}
	}
	if st.ws[j-1].Punct && st.ws[j-1].Key == "," {
		return true
	}
	if x.lang == "sr" && j == c.Start-1 {
		return x.pluralVerbsJoined(st, head, c)
	}
	return x.lang == "en" && j == c.Start-1 && j >= 2 && bareVerb(st.ws[head.Start].Key) && bareVerb(st.ws[c.Start].Key) &&
		c.End < len(st.ws) && !st.ws[c.End].Punct && st.ws[c.End].Key != "of" && !x.adjectivesJoined(st, j)
}

// pluralVerbsJoined reports whether a Serbian head and the action cue c
// after "i" are both verbs of the plural's present (-ju, -šu: podržavaju
// otvaranje filijala i jačaju razmenu…), so that c shares the head's
// subject, with no relative word between them to give c a subject of its
// own (podržavaju kompanije koje ulažu i razvijaju…). A noun of action
// (jačanje) or a singular verb joins an object, or another subject's verb.
func (x *Spaced) pluralVerbsJoined(st *sentence, head, c *scue) bool {
	if x.relative == nil || x.nominal(st.ws[c.Start]) || !pluralPresent(st.ws[head.Start].Key) || !pluralPresent(st.ws[c.Start].Key) {
		return false
	}
	for k := head.End; k < c.Start; k++ {
		if x.relative.has(&st.ws[k]) || x.that.has(&st.ws[k]) {
			return false
		}
	}
	return true
}

// pluralPresent reports whether a Serbian word ends as a verb of the
// present's third person plural does (-u: pružaju, promovišu).
func pluralPresent(key string) bool {
	return strings.HasSuffix(key, "u")
}

// adjectivesJoined reports whether the "and" at word j joins two words
// right after a determiner or a preposition (a free and open region, to
// safe and open seas): two adjectives of one noun, not two verbs.
func (x *Spaced) adjectivesJoined(st *sentence, j int) bool {
	w := &st.ws[j-2]
	return !w.Punct && (x.det.has(w) || x.prep.has(w) || w.Key == "to")
}

// bareVerb reports whether an English word has none of a verb's endings
// (-s, -ed, -ing): a present verb after a plural subject, or a noun in the
// singular.
func bareVerb(key string) bool {
	return !strings.HasSuffix(key, "s") && !strings.HasSuffix(key, "ed") && !strings.HasSuffix(key, "ing")
}

// commaModal reports whether the modal cue c follows a comma with nothing
// but adverbs between (…stressed the importance of X, will actively
// promote Y): a verb phrase of the clause's subject, in a list of its
// verbs, for a modal cannot open a clause without a subject of its own.
func (x *Spaced) commaModal(st *sentence, c *scue, from int) bool {
	if !c.Kind.has(cModal) {
		return false
	}
	if x.partyVerb != nil {
		// after recitals, "…, have agreed as follows:" is the main
		// verb itself, not one of a list
		if _, ok := x.partyVerb.longestAt(st.ws, c.Start); ok {
			return false
		}
	}
	for j := c.Start - 1; j > from; j-- {
		w := &st.ws[j]
		switch {
		case w.Punct:
			return w.Key == "," && !x.datedAside(st, j, from)
		case x.isAdverb(w):
		default:
			return false
		}
	}
	return false
}

// datedAside reports whether the comma at word j closes an aside that says
// when or where a thing named before it was signed or adopted (the
// Framework …, signed in Kuala Lumpur in 2025, will guide…): the modal
// after it is that thing's, not one more verb of the parties' list.
func (x *Spaced) datedAside(st *sentence, j, from int) bool {
	for p := j - 1; p > from; p-- {
		if !st.ws[p].Punct {
			continue
		}
		if st.ws[p].Key != "," {
			return false
		}
		if _, ok := x.refs.yearLeads.longestAt(st.ws, p+1); !ok {
			return false
		}
		for _, c := range st.cues {
			if c.Start == p+1 && c.Kind.has(cModal) {
				return false // agreed on …, : a verb of the list
			}
		}
		return true
	}
	return false
}

// participle reports whether a cue is an English -ing form (ensuring,
// pursuing): inside a list of objects, not a verb of the clause.
func (x *Spaced) participle(st *sentence, c *scue) bool {
	return x.lang == "en" && strings.HasSuffix(st.ws[c.Start].Key, "ing")
}

// ownBefore reports whether an undertaking noun at word i belongs to the
// parties whose clause it is (actors): their commitment to, our readiness
// to, a shared determination. Another's, named in the possessive just
// before it (the UK's decision to, the Chinese side's commitment to), is
// what the clause welcomes or notes, not an undertaking of its own.
func (x *Spaced) ownBefore(st *sentence, i int, actors []string) bool {
	if i > 0 && possessive(st, i-1) && !x.ownedBy(st, i, actors) {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if x.det.has(&st.ws[j]) {
			return true
		}
		if st.ws[j].Punct {
			return false
		}
	}
	return i > 0 && !st.ws[i-1].Punct
}

// possessive reports whether word j is written with a possessive ending
// ('s, ’s, s'), which its key drops.
func possessive(st *sentence, j int) bool {
	w := &st.ws[j]
	if w.Punct {
		return false
	}
	t := st.valid[w.from:w.to]
	for _, end := range []string{"'s", "’s", "s'", "s’"} {
		if strings.HasSuffix(t, end) {
			return true
		}
	}
	return false
}

// ownedBy reports whether the possessive that ends at word i names the
// actors: a party among them, all the parties (the two sides' decision
// to) or an office of no one country (the Government's, the President's,
// as before). Another party or a thing (the company's) is not.
func (x *Spaced) ownedBy(st *sentence, i int, actors []string) bool {
	for _, m := range st.ments {
		if m.End != i {
			continue
		}
		if m.Kind == mJoint || len(m.Codes) == 0 {
			return true
		}
		for _, c := range m.Codes {
			if !slices.Contains(actors, c) {
				return false
			}
		}
		return true
	}
	return false
}

// jointBodyRule is the evidence's rule of a subject that is the parties'
// standing body or its meeting (jointBody).
const jointBodyRule = "joint body"

// subjectOfSpaced reads the subject of a clause from words [a, b) before
// its head: parties named there (not as a preposition's object, unless
// after an office: the President of the Republic of Serbia), a joint word,
// two offices joined (the President and the Taoiseach), a pronoun that
// predicts (this, it), nothing, or another noun phrase.
// bothParties is the subject words i to e name when they are the parties'
// own (their joint body, their organs named by kind): the statement's
// parties, or those inherited where it names none, with rule as the cue.
func bothParties(st *sentence, i, e int, inherited []string, rule string) subject {
	codes := st.parties
	if len(codes) == 0 {
		codes = inherited
	}
	text, s, end := st.span(i, e)
	return subject{kind: subjParty, codes: codes, cue: st.partyCue(entente.PartyCue{
		Party: st.joinCodes(codes), Cue: entente.Cue{Rule: rule, Text: text, Start: s, End: end},
	})}
}

func (x *Spaced) subjectOfSpaced(st *sentence, a, b int, inherited []string) subject {
	if x.weVerb != nil && b < len(st.ws) && a < b && !x.namesPartyIn(st, a, b) {
		// kojima ćemo posvetiti, nastavićemo: the verb's own ending says
		// "we", and a joint statement's "we" is its parties, whatever noun
		// opens the clause (mir i napredak ciljevi su kojima ćemo…)
		if m, ok := x.weVerb.longestAt(st.ws, b); ok && m.End == b+1 {
			return bothParties(st, b, b+1, inherited, "first person")
		}
	}
	var codes []string
	var first, last = -1, -1
	found, offices, objectChain := false, 0, false
	ownerOnly := true // every party named is the owner of a noun (Robna razmena dveju zemalja)
	lastEnd := -1
	for _, m := range st.ments {
		if m.Start < a || m.End > b {
			continue
		}
		if x.insideQuote(st, m.Start) {
			continue // a party named in a cited title is none of the clause's subject
		}
		prev := m.Start - 1
		for prev >= a && !st.ws[prev].Punct && x.det.has(&st.ws[prev]) {
			prev--
		}
		object := false
		if prev >= a && !st.ws[prev].Punct && x.prep.has(&st.ws[prev]) {
			object = true
			// of after an office or a party head keeps the party the subject
			if o := prev - 1; o >= a && x.isOfficeEnd(st, o) {
				object = false
			}
			if x.lang == "en" && x.ownedName(st, a, prev) {
				// the Ministry of Interior of the State of Qatar will…:
				// the party owns the body that opens the subject, and
				// acts through it
				object = false
			}
		}
		// a dash joins too: of the China–Serbia Committee names both as one
		// object
		joined := prev >= a && prev == lastEnd && (x.joins.has(&st.ws[prev]) || st.ws[prev].Key == "," || joins(&st.ws[prev]))
		// a comma after an opening phrase (On Myanmar, the leaders called
		// for…) closes it: the name right before the verb is the subject,
		// not one more object of a list (with China, Serbia and…)
		if joined && objectChain && (st.ws[prev].Key != "," || !x.onlyFiller(st, m.End, b)) {
			object = true
		}
		lastEnd = m.End
		objectChain = object
		if object {
			continue
		}
		if m.Kind == mOffice && x.followedByOf(st, m.End, b) {
			continue // President of X: X names the party
		}
		found = true
		if !(m.Kind == mJoint && prev >= a && !st.ws[prev].Punct && !st.ws[prev].Upper && !x.joins.has(&st.ws[prev]) && !x.isOfficeEnd(st, prev)) {
			ownerOnly = false
		}
		if first < 0 {
			first = m.Start
		}
		last = m.End
		switch m.Kind {
		case mJoint:
			codes = addCodes(codes, m.Codes)
			if len(m.Codes) == 0 {
				codes = addCodes(codes, inherited)
			}
		case mOffice:
			offices++
			codes = addCodes(codes, m.Codes)
		default:
			codes = addCodes(codes, m.Codes)
		}
	}
	if found && ownerOnly && offices == 0 && x.futureAt(st, b) && x.reflexiveAt(st, b) {
		// Robna razmena dveju zemalja će se povećati: the parties own the
		// noun that is the subject, and the reflexive verb says it will
		// happen to it; nobody undertakes (Službe dveju zemalja zaključiće
		// sporazum: their bodies act)
		return subject{kind: subjForeign}
	}
	if found {
		if len(codes) == 0 && offices == 1 {
			codes = x.otherThanObject(st, b)
		}
		if len(codes) == 0 || offices >= 2 {
			codes = addCodes(codes, inherited)
		}
		text, s, e := st.span(first, last)
		return subject{kind: subjParty, codes: codes, cue: st.partyCue(entente.PartyCue{
			Party: st.joinCodes(codes), Cue: entente.Cue{Rule: "subject", Text: text, Start: s, End: e},
		})}
	}
	// a body's name that lists its fields with commas (the next session of
	// the Joint Committee on Economic, Scientific and Technical
	// Cooperation) opens the subject: its commas close no opening phrase
	if i := x.skipDeterminers(st, a, b); i < b {
		if e := x.jointBody(st, i, b); e > i && x.onlyFiller(st, e, b) && commaWithin(st, i, e) {
			return bothParties(st, i, e, inherited, jointBodyRule)
		}
	}
	// an introductory phrase before a comma is no subject
	z := a
	for i := b - 1; i >= a; i-- {
		if st.ws[i].Punct && st.ws[i].Key == "," {
			if i+1 < b {
				z = i + 1
			}
			break
		}
	}
	deadlineEnd := map[int]int{} // a time limit before the verb is no subject
	for _, m := range x.deadlines.FindAll(st.ws[z:b]) {
		deadlineEnd[z+m.Start] = z + m.End
	}
	for i := z; i < b; {
		w := &st.ws[i]
		if e, ok := deadlineEnd[i]; ok {
			i = e
			for i < b && (st.ws[i].Punct || strings.HasPrefix(st.ws[i].Key, "godin")) {
				i++
			}
			continue
		}
		if w.Punct || x.det.has(w) || x.isAdverb(w) {
			i++
			continue
		}
		if m, ok := x.filler.longestAt(st.ws, i); ok && m.End <= b {
			i = m.End
			continue
		}
		if x.impersonal != nil {
			// It was agreed that…, it was decided to…: the record of the
			// talks names no agent, and the agents are the parties
			if m, ok := x.impersonal.longestAt(st.ws, i); ok && m.End <= b && x.onlyFiller(st, m.End, b) {
				codes := st.parties
				if len(codes) == 0 {
					codes = inherited
				}
				text, s, end := st.span(i, m.End)
				return subject{kind: subjParty, codes: codes, cue: st.partyCue(entente.PartyCue{
					Party: st.joinCodes(codes), Cue: entente.Cue{Rule: "impersonal", Text: text, Start: s, End: end},
				})}
			}
		}
		if x.predict.has(w) {
			if x.bodyPronoun(st, i, b) {
				return bothParties(st, i, i+1, inherited, "the body before, by its pronoun")
			}
			return subject{kind: subjPrediction}
		}
		if e := x.jointBody(st, i, b); e > i {
			return bothParties(st, i, e, inherited, jointBodyRule)
		}
		if x.meetingSpeaks(st, i, b) {
			return bothParties(st, i, i+1, inherited, "the meeting, for its parties")
		}
		if e := x.organSubject(st, i, b); e > i {
			return bothParties(st, i, e, inherited, "subject")
		}
		return subject{kind: subjForeign}
	}
	return subject{kind: subjOmitted}
}

// meetingSpeaks reports whether the occasion's word at i ([occasion]: the
// meeting, the talks, the session) is the subject of a verb only the
// parties do ([party-verb]) at b, with only fillers between: "The meeting
// agreed to…", "The meeting reaffirmed…" is how a communiqué of a
// commission's session says its parties did, as "it was agreed" is. The
// occasion as the subject of any other verb (the visit will deepen…) is a
// thing, read as before.
func (x *Spaced) meetingSpeaks(st *sentence, i, b int) bool {
	if x.occasion == nil || x.partyVerb == nil || b >= len(st.ws) || !x.occasion.has(&st.ws[i]) || !x.onlyFiller(st, i+1, b) {
		return false
	}
	m, ok := x.partyVerb.longestAt(st.ws, b)
	return ok && m.End > b
}

// passiveView reports whether the position cue c is a participle in the
// passive (was underlined, were stressed, is recognised) with no agent
// after it (… was stressed by the Secretary-General is another's view), in
// a text of two parties or more.
func (x *Spaced) passiveView(st *sentence, c *scue) bool {
	if x.passiveAux == nil || len(st.parties) < 2 || c.Start < 1 || c.End != c.Start+1 || !strings.HasSuffix(st.ws[c.Start].Key, "ed") {
		return false
	}
	if !x.passiveAux.has(&st.ws[c.Start-1]) {
		return false
	}
	return c.End >= len(st.ws) || !x.passiveAgent.has(&st.ws[c.End])
}

// bodyPronoun reports whether the pronoun "it" that opens the sentence at
// word i is the subject of a verb only a party or its body does (The
// Committee discussed… It agreed on…, It also decided to…): in a bilateral
// text that verb's "it" is the parties' body named before, not a thing
// that predicts or reports. Only "it" (the [pronoun-self] word) and only
// with the verb right after it, or after fillers.
func (x *Spaced) bodyPronoun(st *sentence, i, b int) bool {
	if i != 0 || x.partyVerb == nil || x.selfPronoun == nil || len(st.parties) < 2 || b >= len(st.ws) || !x.selfPronoun.has(&st.ws[i]) {
		return false
	}
	if m, ok := x.partyVerb.longestAt(st.ws, b); !ok || m.End != b+1 {
		return false
	}
	return x.onlyFiller(st, i+1, b)
}

// futureAt reports whether the cue at word b is a future's (će, povećaće:
// firm), not a verb that is reflexive itself (pridržavaju se, zalažu se).
func (x *Spaced) futureAt(st *sentence, b int) bool {
	for _, c := range st.cues {
		if c.Start == b {
			return c.Kind.has(cFirm)
		}
	}
	return false
}

// reflexiveAt reports whether the verb whose cue opens at word b, or the
// word after it, is its reflexive (će se povećati, povećaće se).
func (x *Spaced) reflexiveAt(st *sentence, b int) bool {
	if x.reflexive == nil {
		return false
	}
	for j := b; j < len(st.ws) && j <= b+2; j++ {
		if x.reflexive.has(&st.ws[j]) {
			return true
		}
	}
	return false
}

// jointBody returns the end of a standing body's name that opens the
// subject at word i, before b (the Joint Working Group shall meet…,
// Mešoviti komitet sastajaće se…): the parties act through their body, so
// its "will" is theirs, not a forecast. The name is capitalised words and
// inner words up to a mechanism's head; an organisation of many states
// (the UN Security Council) is no body of the parties. It returns i when
// none opens there.
func (x *Spaced) jointBody(st *sentence, i, b int) int {
	// a meeting or a session of the body (The first meeting of the Joint
	// Working Group will take place…) is the body at work: a few lower-case
	// words and a preposition of a name (of) before it
	for k := i; k < b && k < i+4; k++ {
		w := &st.ws[k]
		if w.Punct || w.Upper && !x.sessionWord(st, k, b) {
			break
		}
		if !x.prep.has(w) {
			// the next Strategic Dialogue, the fourth Joint Commission: a
			// lower-case word before the body's name counts its meetings,
			// and the meeting is the body at work
			if e := x.jointBodyName(st, k+1, b); e > k+1 && x.onlyFiller(st, e, b) {
				return e
			}
		}
		if k > i && x.prep.has(w) && x.ents.inner.has(w) {
			n := k + 1
			for n < b && !st.ws[n].Punct && x.det.has(&st.ws[n]) {
				n++
			}
			// the body's name ends the subject (not the Committee's plan)
			if e := x.jointBodyName(st, n, b); e > n && x.onlyFiller(st, e, b) {
				return e
			}
			break
		}
	}
	return x.jointBodyName(st, i, b)
}

// sessionWord reports whether word k, before b, counts or names a body's
// session in capitals (the Fifth Session of the Joint Commission, the 5th
// Meeting of …): a word of [deadline-event], or the word right before one.
// A communiqué of a joint commission writes its sessions so; the session
// is then the body at work, as the lower-case "fifth session" is.
func (x *Spaced) sessionWord(st *sentence, k, b int) bool {
	if x.events == nil {
		return false
	}
	if x.events.has(&st.ws[k]) {
		return true
	}
	return k+1 < b && !st.ws[k+1].Punct && x.events.has(&st.ws[k+1])
}

// organSubject returns the end of the parties' organs named by their kind
// that head the subject at word i, before b (The competent authorities
// will…, Senior officials will…, The Ministries of Health intend to…, The
// two navies will…, Each of the working groups of the Joint Commission
// shall…): in a bilateral text, organs in the plural with no country are
// both parties' own, and their undertaking is the parties'. Only a
// modifier, a number or a determiner stands before the organ, and the
// subject ends after it or goes on with its owner (of Health, of the two
// countries, from both sides): a thing of theirs (The recommendations of the working
// groups…, The number of officials…) is what the subject is. It returns i
// when no organ heads the subject there.
func (x *Spaced) organSubject(st *sentence, i, b int) int {
	if x.organs == nil {
		return i
	}
	k := i
	if k < b && x.prep.has(&st.ws[k]) && st.ws[k].Key == "of" {
		k++ // Each of the working groups…
	}
	for ; k < b && k < i+6; k++ {
		if m, ok := x.organs.longestAt(st.ws, k); ok && m.End <= b {
			if m.End == b || st.ws[m.End].Key == "of" || st.ws[m.End].Key == "from" {
				return m.End
			}
			return i
		}
		w := &st.ws[k]
		if w.Punct || w.Upper && k > i || !(x.det.has(w) || x.organMods.has(w) || w.Digits || x.numbers[w.Key] > 0) {
			return i
		}
	}
	return i
}

// jointBodyName returns the end of a standing body's name in capitalised
// and inner words from word i, before b, or i when none opens there. The
// countries' lowercase compound adjective may stand inside it (Mešovita
// srpsko-meksička komisija, Zajednička srpsko-kineska radna grupa).
func (x *Spaced) jointBodyName(st *sentence, i, b int) int {
	for k := i; k < b && k < i+8; k++ {
		if m, ok := x.ents.mech.longestAt(st.ws, k); ok && m.End > k && m.End <= b {
			if _, ok := x.ents.exclude.next(st.ws[i:m.End], 0, nil); ok {
				return i
			}
			return x.fieldsOfName(st, m.End, b)
		}
		if w := &st.ws[k]; w.AllUpper && !w.Punct && !w.Digits && slices.Contains(st.short, "="+w.Key) {
			return k + 1 // the body's acronym the document gave it (the South Africa – Sweden BNC)
		}
		if e := countedName(st.ws, k, b); e > k {
			if e == b || st.ws[e].Punct || !st.ws[e].Upper {
				if k > i {
					// the fifth Japan–Philippines "2+2": the count of
					// ministers, quoted or not, is the meeting's name
					return e
				}
				return i
			}
			k = e - 1 // a count of ministers inside the name (the 2+2 Ministerial Dialogue)
			continue
		}
		w := &st.ws[k]
		if k > i && k+1 < b && joins(w) && upperName(&st.ws[k-1]) && upperName(&st.ws[k+1]) {
			continue // a dash between two names (China–Serbia Strategic Dialogue)
		}
		if w.Punct || !w.Upper && !(k > i && (x.ents.inner.has(w) || hyphenCompound(w) || x.adjectiveAfterName(st, i, k))) {
			return i
		}
	}
	return i
}

// skipDeterminers returns the first word from a, before b, that is no
// determiner, adverb or mark.
func (x *Spaced) skipDeterminers(st *sentence, a, b int) int {
	i := a
	for i < b && (st.ws[i].Punct || x.det.has(&st.ws[i]) || x.isAdverb(&st.ws[i])) {
		i++
	}
	return i
}

// commaWithin reports whether a comma stands among words [a, b).
func commaWithin(st *sentence, a, b int) bool {
	for k := a; k < b; k++ {
		if st.ws[k].Punct && st.ws[k].Key == "," {
			return true
		}
	}
	return false
}

// fieldsOfName returns the end of the fields a body's name lists after its
// head at word h, before b (the Joint Committee on Economic, Scientific and
// Technical Cooperation): an inner word, then capitalised words joined by
// inner words or by commas between two capitals, ending on a capital. It
// returns h when no such list follows.
func (x *Spaced) fieldsOfName(st *sentence, h, b int) int {
	if h+1 >= b || st.ws[h].Punct || !x.ents.inner.has(&st.ws[h]) || !upperName(&st.ws[h+1]) {
		return h
	}
	end := h
	for k := h + 1; k < b && k < h+16; k++ {
		w := &st.ws[k]
		switch {
		case upperName(w):
			end = k + 1
		case w.Punct && w.Key == "," && upperName(&st.ws[k-1]) && k+1 < b && upperName(&st.ws[k+1]):
		case !w.Punct && x.ents.inner.has(w) && upperName(&st.ws[k-1]):
		default:
			return end
		}
	}
	return end
}

// adjectiveAfterName reports whether the lowercase word k, after a name's
// capital at i, is one more adjective before its head (Međuvladin mešoviti
// komitet, Zajednička stalna radna grupa: a name in sentence case), every
// word from i to k an adjective ([entity-adjective]) and the capital no
// demonym (Srpska nacionalna komisija is one side's).
func (x *Spaced) adjectiveAfterName(st *sentence, i, k int) bool {
	if k-i > 2 {
		return false
	}
	if m, ok := x.ents.demonym.longestAt(st.ws, i); ok && m.End > i {
		return false
	}
	for j := i; j <= k; j++ {
		if !x.ents.adjectiveAt(st.ws, j) {
			return false
		}
	}
	return true
}

// otherThanObject returns, in a document of two parties, the party that
// an office named with no country stands for when its verb at word h
// takes the other party as its object (Prime Minister Modi thanked Japan
// for…, welcomed the UK's decision…): the one who thanks or welcomes is
// not the one thanked. It returns nil when no party is the object there.
func (x *Spaced) otherThanObject(st *sentence, h int) []string {
	if len(st.parties) != 2 || h >= len(st.ws) {
		return nil
	}
	end := -1
	for _, c := range st.cues {
		if c.Start == h {
			end = c.End
			break
		}
	}
	if end < 0 {
		return nil
	}
	for end < len(st.ws) {
		if x.det.has(&st.ws[end]) {
			end++
			continue
		}
		if f, ok := x.filler.longestAt(st.ws, end); ok && f.End > end {
			end = f.End // zahvalio je Francuskoj
			continue
		}
		break
	}
	for _, m := range st.ments {
		// the other party by name, or its leader known by office and name
		// (zahvalio je predsedniku Makronu)
		if m.Start != end || m.Kind == mJoint || len(m.Codes) != 1 {
			continue
		}
		for i, p := range st.parties {
			if p == m.Codes[0] {
				return []string{st.parties[1-i]}
			}
		}
	}
	return nil
}

// isOfficeEnd reports whether word o ends an office or a party head
// (President, Government, Prime Minister).
func (x *Spaced) isOfficeEnd(st *sentence, o int) bool {
	for _, m := range st.ments {
		if m.Kind == mOffice && m.End == o+1 {
			return true
		}
	}
	if m, ok := x.heads.longestAt(st.ws, o); ok && m.End == o+1 {
		return true
	}
	return false
}

// ownedName reports whether the words before a party's "of" at word of,
// back to a determiner, a joining word or the clause's start a, are one
// body's name: two or more capitalised words, with inner words (of, for)
// between them (the Home Office and the Ministry of Interior of …), and
// commas within a list of its fields (the Ministry of Economy, Trade and
// Industry of Japan).
func (x *Spaced) ownedName(st *sentence, a, of int) bool {
	names, k := 0, of-1
	for ; k >= a; k-- {
		w := &st.ws[k]
		if nameWord(w) && !x.det.has(w) && !x.joins.has(w) {
			names++
			continue
		}
		if !w.Punct && x.ents.inner.has(w) && k > a && nameWord(&st.ws[k-1]) {
			continue
		}
		if w.Key == "," && k > a && names > 0 && nameWord(&st.ws[k-1]) && !x.det.has(&st.ws[k-1]) {
			continue
		}
		break
	}
	if names < 2 || !nameWord(&st.ws[of-1]) || !nameWord(&st.ws[k+1]) {
		return false
	}
	for k >= a && !st.ws[k].Punct && x.det.has(&st.ws[k]) {
		k--
	}
	// a preposition before the name makes it an object (cooperation
	// between the Ministry of Interior of X and…), not the subject
	return k < a || !st.ws[k].Punct && x.joins.has(&st.ws[k]) && !x.prep.has(&st.ws[k])
}

// followedByOf reports whether an office is followed by "of" and a party
// (the President of the Republic of Serbia).
func (x *Spaced) followedByOf(st *sentence, end, b int) bool {
	if end >= b || !x.prep.has(&st.ws[end]) {
		return false
	}
	for _, m := range st.ments {
		if m.Start > end && m.Start <= end+3 && m.End <= b && m.Kind == mCountry {
			return true
		}
	}
	return false
}

// regardedAs reports whether a party of the clause's subject regards
// another party of the document as something, in words [a, end): a verb of
// [regard-as] (views, recognizes, regards), the other party named right
// after it, and "as" with an article (The United States views Kenya as a
// strong emergent partner…, recognizes Kenya as a model): the document
// judges that party, an appraisal, as praising it is. A country no party
// to the document (recognize Palestine as a state) or no article after
// "as" (regard Taiwan as part of China) is a stance, no judgement.
func (x *Spaced) regardedAs(st *sentence, r *sreading, a, end int) bool {
	if x.regardAs == nil || r.subject.kind != subjParty || len(r.actors) == 0 {
		return false
	}
	for i := a; i < end && i < a+12; i++ {
		if st.ws[i].Punct || !x.regardAs.has(&st.ws[i]) {
			continue
		}
		m := x.countryAt(st, st.ments, i+1)
		if m == nil || len(m.Codes) == 0 {
			return false
		}
		for _, code := range m.Codes {
			if !slices.Contains(st.parties, code) || slices.Contains(r.actors, code) {
				return false
			}
		}
		return m.End+1 < end && st.ws[m.End].Key == "as" && x.ents.apposed.has(&st.ws[m.End+1])
	}
	return false
}

// regardVerb returns the first word of [regard-as] in words [a, end), or -1.
func (x *Spaced) regardVerb(st *sentence, a, end int) int {
	if x.regardAs == nil {
		return -1
	}
	for i := a; i < end; i++ {
		if !st.ws[i].Punct && x.regardAs.has(&st.ws[i]) {
			return i
		}
	}
	return -1
}

// actionToJoined reports whether, after a goal's noun phrase that opens at
// word i (committed to closer cooperation), "and to" and an action follow
// within the phrase's next words before end, with no punctuation but a
// comma between: the coordinated "to" repeats the first one, whose verb
// it gives (…and to explore Kenya's participation). The caller asks it of
// the verb alone: "our commitment to the Paris Agreement and to achieving…"
// reaffirms a goal, as the golds read it.
func (x *Spaced) actionToJoined(st *sentence, i, end int) bool {
	for k := i; k+2 < end && k < i+8; k++ {
		w := &st.ws[k]
		if w.Punct && w.Key != "," {
			return false
		}
		if w.Key == "and" && st.ws[k+1].Key == "to" && x.verbFollows(st, k+2) {
			return true
		}
	}
	return false
}

// verbFollows reports whether an action follows word i: an English -ing
// form, a Serbian verbal noun or infinitive, an action cue or "da".
func (x *Spaced) verbFollows(st *sentence, i int) bool {
	owner := false // a determiner read past: what follows qualifies a noun
	for i < len(st.ws) {
		w := &st.ws[i]
		if x.det.has(w) && w.Key != "the" && x.lang == "en" || x.isAdverb(w) {
			owner = owner || x.det.has(w) && x.lang == "en"
			i++
			continue
		}
		if m, ok := x.filler.longestAt(st.ws, i); ok && !w.Punct {
			i = m.End
			continue
		}
		break
	}
	if i >= len(st.ws) {
		return false
	}
	w := &st.ws[i]
	if w.Punct {
		return false
	}
	if owner && strings.HasSuffix(w.Key, "ed") {
		// committed to our recently announced partnership: a participle
		// after a determiner qualifies the noun it heads, the goal's
		return false
	}
	for _, c := range st.cues {
		if c.Start == i && c.Kind.has(cAction|cModal|cSupport) {
			return true
		}
	}
	k := w.Key
	switch x.lang {
	case "en":
		if x.actNounOf(st, i) {
			return true // committed to early finalisation of a treaty: the deed
		}
		if x.attributive.has(w) && i+1 < len(st.ws) && !st.ws[i+1].Punct && !x.det.has(&st.ws[i+1]) && !x.prep.has(&st.ws[i+1]) {
			return false // committed to leading democracies: the noun's quality
		}
		return len(k) >= 5 && strings.HasSuffix(k, "ing") && !w.Upper || x.commitVerbs.has(w) && !w.Upper
	default:
		for _, suf := range []string{"nje", "nju", "nja", "njem", "ti", "ći"} {
			if strings.HasSuffix(k, suf) && len([]rune(k)) > len([]rune(suf))+2 {
				return true
			}
		}
		return x.that.has(w)
	}
}

// actNounOf reports whether the words from i are a noun of the parties' own
// act ([commit-noun]: finalisation, conclusion) with "of" after it, past the
// words of timing before it ([commit-noun-modifier]: the early, a speedy).
func (x *Spaced) actNounOf(st *sentence, i int) bool {
	for i < len(st.ws) && !st.ws[i].Punct && !st.ws[i].Upper && x.commitNounMods.has(&st.ws[i]) {
		i++
	}
	return i+1 < len(st.ws) && !st.ws[i].Upper && x.commitNouns.has(&st.ws[i]) && st.ws[i+1].Key == "of"
}

// readHeadSpaced reads a clause from its head cue.
func (x *Spaced) readHeadSpaced(st *sentence, r *sreading, h int, hospitality bool) {
	c := &st.cues[h]
	k := c.Kind
	switch {
	case r.subject.kind == subjPrediction:
		switch {
		case k.has(cNarrative):
			// this Memorandum shall enter into force: a formula of it
			r.reading, r.rule = rNarrative, "narrative"
		case k.has(cFirm):
			r.reading, r.rule = rWeakAppraisal, "prediction"
		}
	case r.subject.kind == subjForeign:
		switch {
		case k.has(cNarrative):
			r.reading, r.rule = rNarrative, "narrative"
		case k.has(cPosition) && x.passiveView(st, c):
			// The importance of … was underlined in the discussions: a
			// view in the passive with no agent is the talks' record of the
			// parties' own view, as "it was agreed that" is of their accord
			r.actors = st.unionCodes(st.parties)
			r.reading, r.rule = rPosition, "a view in the passive"
		case k.has(cAppraisal) && k.has(cAchievement):
			// The companies have made remarkable progress…: the document's
			// own evaluation of what others achieved, as the parties'
			// "welcome" would be; another's welcome (The UN welcomed…) is a
			// fact it reports
			r.actors = st.unionCodes(st.parties)
			r.reading, r.rule = rAppraisal, "evaluation of an achievement"
		case k.has(cFirm) && !k.has(sNoun) && x.bodyAfter(st, c.End, r.clause.end):
			// Sprovođenje deklaracije pratiće Visoki savet…: the object
			// before the verb, the parties' body after it is the subject
			r.actors = st.unionCodes(st.parties)
			r.commit(strengthOf(k), c, "modal, the parties' body after it")
		case k.has(cFirm) && !k.has(sNoun):
			r.reading, r.rule = rWeakAppraisal, "prediction"
		case k.has(cShould):
			r.reading, r.rule = rPosition, "should"
		case k.has(cCopula):
			r.reading, r.rule = rWeakPosition, "copula"
			x.occasionEvaluated(st, r)
		}
	case k.has(sCommitTo):
		if x.verbFollows(st, c.End) {
			r.commit(entente.Firm, c, "committed to an action")
		} else if !strings.HasPrefix(st.ws[c.Start].Key, "commitment") && x.actionToJoined(st, c.End, r.clause.end) {
			// committed to closer cooperation and to explore…: the
			// second "to" of the same "committed" opens an action
			r.commit(entente.Firm, c, "committed to a goal and an action")
		} else {
			r.reading, r.rule = rPosition, "committed to a goal"
		}
	case k.has(sLookForward):
		if x.verbFollows(st, c.End) {
			r.commit(entente.Intent, c, "looks forward to an action")
		} else {
			r.reading, r.rule = rAppraisal, "looks forward to an event"
		}
	case k.has(sNoun):
		if x.verbFollows(st, c.End) || k.has(cIntent) {
			r.commit(strengthOf(k), c, "undertaking")
		}
	case k.has(cModal) && x.agreedThat(st, r.clause, c):
		r.reading, r.rule = rPosition, "agreed that"
	case k.has(cModal):
		r.commit(strengthOf(k), c, "modal")
	case k.has(cShould):
		r.reading, r.rule = rPosition, "should"
		if r.subject.kind == subjParty && len(st.parties) > 0 && x.ownsSubject(st, r.clause.start, c.Start) {
			// Suverenitet i integritet Republike Srbije moraju biti
			// poštovani: the party only owns the subject's noun; what must
			// be is the view of the parties who state it
			r.actors = st.unionCodes(st.parties)
		}
	case k.has(cWeakStance):
		// expressed …: the noun after it decides
		r.reading, r.rule = rPosition, "stance"
		for j := h + 1; j < len(st.cues) && st.cues[j].Start <= c.End+4; j++ {
			n := st.cues[j]
			if n.Kind.has(cWeakStance) {
				continue
			}
			if x.thatBetween(st, c.End, n.Start) {
				break // izražavaju uverenje da će…: the cue is the content's, read there
			}
			alt := &sreading{clause: r.clause, subject: r.subject, actors: r.actors, cue: &st.cues[j]}
			x.readHeadSpaced(st, alt, j, hospitality)
			if alt.reading != rNone {
				r.reading, r.strength, r.strCue, r.rule, r.cue = alt.reading, alt.strength, alt.strCue, "stance+"+alt.rule, alt.cue
			}
			break
		}
	case k.has(cSupport):
		x.readSupportSpaced(st, r, c)
	case k.has(cOpinion):
		r.reading, r.rule = rPosition, "opinion"
	case k.has(cPosition) && x.permittedBefore(st, max(r.clause.start, c.Start-2), c.Start):
		// The Korean Participant may consider financing…: what a party
		// is free to weigh is allowed, as what it may do is, and no view
		r.reading, r.rule = rNarrative, "permission"
	case k.has(cPosition) && x.regardedAs(st, r, c.Start, r.clause.end):
		r.reading, r.rule = rAppraisal, "the other party regarded as"
	case k.has(cPosition) && x.relationshipObject(st, h):
		// reaffirmed the historic ties of friendship between…: a view
		// whose object is the parties' relationship itself judges it, as
		// the relationship as a copula's subject does
		r.reading, r.rule = rAppraisal, "relationship judged"
		r.actors = st.unionCodes(st.parties)
	case k.has(cPosition) && x.acknowledged(st, h):
		// acknowledged the progress made in…, recognized the achievements
		// of…: what is acknowledged is something done, and the verb
		// evaluates it, as "noted the progress" does
		r.reading, r.rule = rAppraisal, "achievement acknowledged"
	case k.has(cPosition):
		r.reading, r.rule = rPosition, "position"
	case k.has(cThanks) && hospitality:
		r.reading, r.rule = rNarrative, "thanks for hospitality"
	case k.has(cAppraisal):
		r.reading, r.rule = rAppraisal, "appraisal"
	case k.has(cNarrative):
		r.reading, r.rule = rNarrative, "narrative"
	case k.has(cCopula):
		r.reading, r.rule = rWeakPosition, "copula"
		if x.occasionEvaluated(st, r) {
			break
		}
		if j, p := x.cueAfterFiller(st, h); x.lang == "en" && r.subject.kind == subjParty && len(r.actors) > 0 && j >= 0 &&
			st.cues[j].Kind.has(cAction) && strings.HasSuffix(st.ws[p].Key, "ing") {
			// We are cooperating to finalize…: the copula is the
			// auxiliary of the parties' own action in progress, which
			// they undertake to carry on, a soft commitment as the
			// action alone is; no copula joining a state to them. An
			// adverb may stand between them (is also working to…, are
			// further deepening…), as between a subject and its verb
			r.commit(entente.Soft, &st.cues[j], "action in progress")
			break
		}
		// is grateful to, is (deeply) satisfied with: the word the copula
		// joins to its subject decides
		if j := h + 1; j < len(st.cues) && st.cues[j].Start <= c.End+1 && st.cues[j].Kind.has(cThanks|cAppraisal) {
			alt := &sreading{clause: r.clause, subject: r.subject, actors: r.actors, cue: &st.cues[j]}
			x.readHeadSpaced(st, alt, j, hospitality)
			if alt.reading != rNone {
				r.reading, r.rule, r.cue = alt.reading, "copula+"+alt.rule, alt.cue
			}
		}
	case k.has(cAction):
		if j := x.commitmentObject(st, h); j >= 0 {
			// renew our commitment to…, strengthen their shared commitment
			// to…: the verb restates a commitment; what it is to decides,
			// as after "reaffirmed their commitment to"
			alt := &sreading{clause: r.clause, subject: r.subject, actors: r.actors, cue: &st.cues[j]}
			x.readHeadSpaced(st, alt, j, hospitality)
			r.reading, r.strength, r.strCue, r.rule, r.cue = alt.reading, alt.strength, alt.strCue, alt.rule, alt.cue
			return
		}
		if len(r.actors) > 0 && !x.permittedBefore(st, r.clause.start, c.Start) {
			r.commit(entente.Soft, c, "own action")
		}
	}
}

// acknowledged reports whether the cue h is a verb of acknowledgement
// ([acknowledge]) whose object is an achievement ([achievement]): the
// achievement's cue starts within maxCommitmentModifiers words after it,
// with only lowercase words between (the, the important).
func (x *Spaced) acknowledged(st *sentence, h int) bool {
	if x.acknowledge == nil || h+1 >= len(st.cues) || !x.acknowledge.has(&st.ws[st.cues[h].Start]) {
		return false
	}
	end, n := st.cues[h].End, &st.cues[h+1]
	if !n.Kind.has(cAchievement) || n.Start > end+maxCommitmentModifiers {
		return false
	}
	for i := end; i < n.Start; i++ {
		if w := &st.ws[i]; w.Punct || w.Upper || w.Digits || x.that.has(w) {
			return false
		}
	}
	return true
}

// relationshipObject reports whether the object of the cue h is the
// parties' relationship ([relationship-noun]): the noun within
// maxCommitmentModifiers words after it, with only lowercase words and no
// cue or "that" between (the historic ties, our strategic partnership).
func (x *Spaced) relationshipObject(st *sentence, h int) bool {
	if x.bond == nil {
		return false
	}
	end := st.cues[h].End
	next := len(st.ws)
	if h+1 < len(st.cues) {
		next = st.cues[h+1].Start
	}
	for i := end; i < end+maxCommitmentModifiers && i < len(st.ws) && i < next; i++ {
		w := &st.ws[i]
		if w.Punct || w.Upper || w.Digits || x.that.has(w) {
			return false
		}
		if x.bond.has(w) {
			return true
		}
	}
	return false
}

// maxCommitmentModifiers is how many words (a possessive, adjectives) may
// stand between a verb and the "commitment to" that is its object.
const maxCommitmentModifiers = 3

// commitmentObject returns the cue of a "commitment to" that is the object
// of the action verb at cue h (renew our commitment to, reinforce our mutual
// commitment to), with only lowercase words of no cue between them; -1 if
// none.
func (x *Spaced) commitmentObject(st *sentence, h int) int {
	if h+1 >= len(st.cues) {
		return -1
	}
	end := st.cues[h].End
	n := &st.cues[h+1]
	if !n.Kind.has(sCommitTo) || n.Start <= end || n.Start > end+maxCommitmentModifiers || !strings.HasPrefix(st.ws[n.Start].Key, "commitment") {
		return -1
	}
	for i := end; i < n.Start; i++ {
		if w := &st.ws[i]; w.Punct || w.Upper || w.Digits {
			return -1
		}
	}
	return h + 1
}

// cueAfterFiller returns the cue that starts right after cue h, past the
// openers and adverbs of [filler] (are also working, is further
// deepening), and the word it starts at; -1 when none starts there.
func (x *Spaced) cueAfterFiller(st *sentence, h int) (int, int) {
	p := st.cues[h].End
	for p < len(st.ws) && !st.ws[p].Punct {
		m, ok := x.filler.longestAt(st.ws, p)
		if !ok {
			break
		}
		p = m.End
	}
	if p >= len(st.ws) {
		return -1, p
	}
	for j := h + 1; j < len(st.cues); j++ {
		if st.cues[j].Start == p {
			return j, p
		}
		if st.cues[j].Start > p {
			break
		}
	}
	return -1, p
}

// permittedBefore reports whether a modal that allows ([permissive]: may)
// stands in words [a, b) before an action verb at b (The Parties may, by
// mutual consent, establish working groups): what is allowed binds no one
// to do it, as "Each Party may invite…" binds no one.
func (x *Spaced) permittedBefore(st *sentence, a, b int) bool {
	if x.permissive == nil {
		return false
	}
	for i := max(a, b-8); i < b; i++ {
		if !st.ws[i].Punct && x.permissive.has(&st.ws[i]) {
			return true
		}
	}
	return false
}

// ownsSubject reports whether every country named in words [a, b) stands
// right after a common noun, as its owner in the genitive (integritet
// Republike Srbije): the noun, not the country, is the subject. A capital
// (Vlada Srbije), a preposition, a determiner, a join or an office before
// it leaves the country the subject; the sentence's first word is
// capitalised whatever it is.
func (x *Spaced) ownsSubject(st *sentence, a, b int) bool {
	owned := false
	for _, m := range st.ments {
		if m.Start < a || m.End > b {
			continue
		}
		if m.Kind == mJoint || m.Kind == mOffice {
			return false
		}
		p := m.Start - 1
		if p < a {
			return false
		}
		w := &st.ws[p]
		if w.Punct || w.Upper && p > 0 || x.prep.has(w) || x.det.has(w) || x.joins.has(w) || x.isOfficeEnd(st, p) {
			return false
		}
		owned = true
	}
	return owned
}

// bodyAfter reports whether the parties' standing body opens at word i,
// or after the infinitive there (Odluku će doneti Mešoviti komitet): the
// subject after its verb, as Serbian puts it when the object comes first.
func (x *Spaced) bodyAfter(st *sentence, i, end int) bool {
	if i < end && i < len(st.ws) && infinitive(&st.ws[i]) {
		i++
	}
	if i >= end {
		return false
	}
	if x.jointOrgansAt(st, i, end) {
		return true
	}
	e := x.jointBody(st, i, end)
	if e <= i {
		return false
	}
	// the words after the head may make it an organ of many states
	// (Savet bezbednosti UN), no body of the parties
	_, organ := x.ents.exclude.next(st.ws[i:min(end, e+3)], 0, nil)
	return !organ
}

// jointOrgansAt reports whether the words from i to the clause's end b
// are the parties' organs: a lowercase party head (ministarstva, vlade)
// that opens them and the parties' joint word that closes them, with only
// lowercase words between (Sprovođenje deklaracije pratiće ministarstva
// spoljnih poslova dveju zemalja): the subject after its verb, as their
// joint body is. A thing of theirs (korist privredama dveju zemalja) is
// no organ.
func (x *Spaced) jointOrgansAt(st *sentence, i, b int) bool {
	if h, ok := x.heads.longestAt(st.ws, i); !ok || h.Start != i || st.ws[i].Upper {
		return false
	}
	for _, m := range st.ments {
		if m.Kind != mJoint || m.Start <= i || m.Start > i+5 {
			continue
		}
		if m.End != b && (m.End >= len(st.ws) || !st.ws[m.End].Punct) {
			continue
		}
		for k := i + 1; k < m.Start; k++ {
			if w := &st.ws[k]; w.Punct || w.Upper || x.prep.has(w) {
				return false
			}
		}
		return true
	}
	return false
}

// readSupportSpaced reads "support": of the parties' own action or
// cooperation an undertaking (support deepening trade, support bilateral
// cooperation), of another's effort, a principle or an initiative a
// position.
func (x *Spaced) readSupportSpaced(st *sentence, r *sreading, c *scue) {
	if x.verbFollows(st, c.End) && x.ownWithin(st, c.End, 4) {
		// podržavaju jačanje saradnje, but not podržavaju proširenje EU;
		// support expanding bilateral trade, but not support increasing
		// the representation of developing countries (another's share)
		r.commit(entente.Soft, c, "support of own action")
		return
	}
	if x.verbFollows(st, c.End) && x.allCountriesWithin(st, c.End+1, 8) {
		// podržavaju izgradnju gasovoda Kina–Srbija: works named by all
		// the parties' countries, a link between them, are their own
		r.commit(entente.Soft, c, "support of own works")
		return
	}
	for i := c.End; i < len(st.ws) && i < c.End+3; i++ {
		if x.ownWord(st.ws[i].Key) {
			r.commit(entente.Soft, c, "support of own cooperation")
			return
		}
		if st.ws[i].Punct || x.prep.has(&st.ws[i]) {
			break
		}
	}
	r.reading, r.rule = rPosition, "support"
}

// allCountriesWithin reports whether every one of the document's parties
// (two or more) is named as a country among the n words from i, with no
// stop between.
func (x *Spaced) allCountriesWithin(st *sentence, i, n int) bool {
	if len(st.parties) < 2 {
		return false
	}
	end := i
	for end < len(st.ws) && end < i+n && !(st.ws[end].Punct && st.ws[end].Key != "–" && st.ws[end].Key != "-") {
		end++
	}
	seen := 0
	for _, p := range st.parties {
		for _, m := range st.ments {
			if m.Kind == mCountry && m.Start >= i && m.End <= end && slices.Contains(m.Codes, p) {
				seen++
				break
			}
		}
	}
	return seen == len(st.parties)
}

// ownWithin reports whether an own-cooperation word is among the n words
// from i.
func (x *Spaced) ownWithin(st *sentence, i, n int) bool {
	for j := i; j < len(st.ws) && j < i+n; j++ {
		if x.ownWord(st.ws[j].Key) {
			return true
		}
	}
	return false
}

// ownWord reports whether a word marks the parties' own cooperation
// (bilateral, mutual, their).
func (x *Spaced) ownWord(k string) bool {
	w := word{Key: k} // a word made outside tokenize, on the stack
	_, ok := x.own.wordPayload(&w)
	return ok
}

// thatBetween reports whether a word that opens a view's content (da,
// that) stands in words [a, b).
func (x *Spaced) thatBetween(st *sentence, a, b int) bool {
	for i := a; i < b && i < len(st.ws); i++ {
		if x.that.has(&st.ws[i]) {
			return true
		}
	}
	return false
}

// readContent reads the that-clause after a stance or view: a party (or
// the parties) that undertakes in it makes the clause a commitment.
func (x *Spaced) readContent(st *sentence, r *sreading, h int, cl sclause, inherited []string) {
	for i := st.cues[h].Start + 1; i < cl.end; i++ {
		if !x.that.has(&st.ws[i]) {
			continue
		}
		for j, c := range st.cues {
			if c.Start <= i || c.Start >= cl.end {
				continue
			}
			if !c.Kind.has(sPredicate) {
				continue
			}
			if st.ws[c.Start].Upper && c.Start > i+1 {
				continue // …that the Joint Working Group will…: a word of a name, no verb
			}
			if !c.Kind.has(cFirm|cIntent) && x.agreedToAct(st, r, h, c, i+1, inherited) {
				r.commit(entente.Firm, &st.cues[j], "undertaking in content")
				return
			}
			// a modal of any strength, "continue to" too (stressed that they
			// continue to give each other support): the parties' undertaking
			// when they are its subject
			if !c.Kind.has(cModal) {
				if x.continuedAct(st, r, c, i+1, inherited) {
					r.commit(entente.Soft, &st.cues[j], "act carried on in content")
					return
				}
				x.heldInContent(st, r, c, i+1, inherited)
				return
			}
			subj := x.subjectOfSpaced(st, i+1, c.Start, inherited)
			if subj.kind == subjPrediction && r.subject.kind == subjParty && len(r.subject.codes) == 1 && x.onlyPronounSelf(st, i+1, c.Start) {
				// India announced that it will…: "it" is the one party
				// whose view or announcement this is, as "they" is both
				subj = r.subject
			}
			if subj.kind == subjOmitted && x.lang == "sr" {
				// Serbian may set the subject after the modal (da će
				// trgovinska razmena nastaviti da raste: trade, no party;
				// da će obe strane nastaviti…), up to the verb it governs
				subj = x.subjectAfterModal(st, j, cl.end, inherited)
			}
			if subj.kind == subjOmitted && x.lang == "sr" && r.subject.kind != subjForeign {
				// smatraju da će…: Serbian leaves out a subject that stays
				subj = r.subject
				if subj.kind != subjParty {
					subj = subject{kind: subjParty, codes: r.actors}
				}
			}
			if subj.kind == subjParty {
				r.commit(strengthOf(c.Kind), &st.cues[j], "undertaking in content")
				r.actors = subj.codes
				r.subject = subj
			}
			return
		}
		return
	}
}

// continuedAct reports whether the content of a view, from word a, opens
// with the parties' own act carried on ([continued]: naglasile su da jedna
// drugoj i dalje pružaju čvrstu podršku…), their subject left out: what
// they stress they keep doing they undertake to keep doing, as "stressed
// that they continue to…" and 强调继续… do, a soft commitment.
func (x *Spaced) continuedAct(st *sentence, r *sreading, c scue, a int, inherited []string) bool {
	if x.continued == nil || r.subject.kind != subjParty || !c.Kind.has(cAction) || c.Kind.has(cPredicate&^cAction) || x.nominal(st.ws[c.Start]) {
		return false
	}
	carried := false
	for k := a; k < c.Start; k++ {
		if m, ok := x.continued.longestAt(st.ws, k); ok && m.End == c.Start {
			carried = true
			break
		}
	}
	return carried && x.subjectOfSpaced(st, a, c.Start, inherited).kind == subjOmitted
}

// agreedToAct reports whether the view cue h is one of agreement
// ([agree-that]: saglasne su da…) whose content, from word a, opens with
// the parties' own act, their subject left out (su saglasne da do kraja
// 2027. godine pripreme studiju): what the parties agree to do is an
// undertaking, as "agreed to" is, not a view.
func (x *Spaced) agreedToAct(st *sentence, r *sreading, h int, c scue, a int, inherited []string) bool {
	if x.agreeThat == nil || !c.Kind.has(cAction) || c.Kind.has(cPredicate&^cAction) || x.nominal(st.ws[c.Start]) {
		return false
	}
	if r.subject.kind != subjParty {
		return false
	}
	if m, ok := x.agreeThat.longestAt(st.ws, st.cues[h].Start); !ok || m.End < st.cues[h].End {
		return false
	}
	return x.subjectOfSpaced(st, a, c.Start, inherited).kind == subjOmitted
}

// heldInContent reads a narrative verb in the future's passive that opens
// the content of a view at word a (agreed that the next meeting of the
// Joint Commission will be held in Hanoi): what will be held, with the
// parties' body or its meeting, or a meeting of theirs (the next meeting,
// the next summit), for subject, is the parties' undertaking,
// firm: what the parties agree their body will do. (A statement's
// "will be held" standing alone reports an arrangement, a narrative.)
func (x *Spaced) heldInContent(st *sentence, r *sreading, c scue, a int, inherited []string) {
	if x.shall == nil || !c.Kind.has(cNarrative) {
		return
	}
	for k := max(a, c.Start-3); k < c.Start; k++ {
		if m, ok := x.shall.longestAt(st.ws, k); ok && m.End == c.Start {
			sj := x.subjectOfSpaced(st, a, k, inherited)
			switch {
			case bodySubject(sj):
				r.commit(entente.Firm, &c, "undertaking in content")
				r.actors, r.subject = sj.codes, sj
			case sj.kind == subjParty && x.jointlyNamedBody(st, a, k, sj.codes):
				// the fourth China–Serbia Strategic Dialogue: the parties
				// named together inside their body's name
				r.commit(entente.Firm, &c, "undertaking in content")
				r.actors, r.subject = sj.codes, sj
			case sj.kind == subjForeign && x.occasionWithin(st, a, k):
				// the next meeting, the next round of talks: the parties'
				// own meeting, theirs who agreed on it
				r.commit(entente.Firm, &c, "undertaking in content")
			}
			return
		}
	}
}

// countedName returns the end of a count of ministers written solid (2+2)
// at word k, before b, in straight or curly quotation marks or none
// ("2+2"), or k when none stands there.
func countedName(ws []word, k, b int) int {
	j := k
	quoted := j < b && ws[j].Punct && strings.Contains("\"“", ws[j].Key)
	if quoted {
		j++
	}
	if j+2 >= b || !countsPlus(ws, j+2) {
		return k
	}
	j += 3
	if quoted {
		if j >= b || !ws[j].Punct || !strings.Contains("\"”", ws[j].Key) {
			return k
		}
		j++
	}
	return j
}

// jointlyNamedBody reports whether words [a, b) are the parties' joint
// body named with all of them in its name (the next China–Serbia Strategic
// Dialogue): a few determiners and counting words, then a body's name that
// runs to b, with codes, the parties named, every party of the statement.
// One party's own body (the Serbian Railways Forum) is not the parties'.
func (x *Spaced) jointlyNamedBody(st *sentence, a, b int, codes []string) bool {
	if len(st.parties) < 2 || len(codes) != len(st.parties) {
		return false
	}
	for _, p := range st.parties {
		if !slices.Contains(codes, p) {
			return false
		}
	}
	i := a
	for i < b && !st.ws[i].Punct && x.det.has(&st.ws[i]) {
		i++
	}
	e := x.jointBody(st, i, b)
	return e > i && x.onlyFiller(st, e, b)
}

// occasionWithin reports whether a word of [occasion] (meeting, summit,
// talks) stands in words [a, b).
func (x *Spaced) occasionWithin(st *sentence, a, b int) bool {
	if x.occasion == nil {
		return false
	}
	for i := a; i < b; i++ {
		if !st.ws[i].Punct && x.occasion.has(&st.ws[i]) {
			return true
		}
	}
	return false
}

// onlyPronounSelf reports whether words [a, b) are a pronoun of
// [pronoun-self] with nothing but filler around it.
func (x *Spaced) onlyPronounSelf(st *sentence, a, b int) bool {
	for i := a; i < b; i++ {
		if !st.ws[i].Punct && x.selfPronoun.has(&st.ws[i]) {
			return x.onlyFiller(st, a, i) && x.onlyFiller(st, i+1, b)
		}
	}
	return false
}

// subjectAfterModal reads the subject between the modal cue j and the next
// predicate of the clause (its verb); omitted when no predicate follows
// within the clause, or nothing stands between the two.
func (x *Spaced) subjectAfterModal(st *sentence, j, end int, inherited []string) subject {
	c := st.cues[j]
	for _, v := range st.cues[j+1:] {
		if v.Start >= end {
			break
		}
		if v.Start >= c.End && v.Kind.has(sPredicate) {
			return x.subjectOfSpaced(st, c.End, v.Start, inherited)
		}
	}
	// no cue for the verb (da će nova gasna veza doprineti…): the verb
	// the modal governs is an infinitive, and words before it are the
	// subject
	for k := c.End; k < end && k < c.End+8; k++ {
		w := &st.ws[k]
		if w.Punct {
			break
		}
		if infinitive(w) {
			if k == c.End {
				break // da će doprineti: the subject is left out
			}
			return x.subjectOfSpaced(st, c.End, k, inherited)
		}
	}
	return subject{kind: subjOmitted}
}

// infinitive reports a Serbian infinitive (doprineti, pomoći): the form a
// modal governs, which no subject noun has (oblasti and vlasti, nouns in
// -ti, come after a subject's head, so they end a subject as the verb
// would).
func infinitive(w *word) bool {
	k := w.Key
	return !w.Upper && len(k) >= 4 && (strings.HasSuffix(k, "ti") || strings.HasSuffix(k, "ći"))
}

// resolveSpaced turns clause readings into the sentence's labels.
func (x *Spaced) resolveSpaced(st *sentence, readings []*sreading, inherited []string) sentenceReading {
	var out sentenceReading
	for _, r := range readings {
		if r.subject.kind == subjParty && out.subject == nil {
			out.subject = r.subject.codes
		}
	}
	best := rNone
	for _, r := range readings {
		if r.reading > best {
			best = r.reading
		}
	}
	switch best {
	case rCommitment:
		out.typ = entente.Commitment
	case rPosition, rWeakPosition:
		out.typ = entente.Position
	case rAppraisal, rWeakAppraisal:
		out.typ = entente.Appraisal
	default:
		out.typ = entente.Narrative
	}
	cueOfS := func(c *scue, rule string) *entente.Cue {
		if c == nil {
			return nil
		}
		return st.cue(rule, c.Start, c.End)
	}
	if len(readings) > 0 {
		out.clauses = st.clauseCues(len(readings))
	}
	for _, r := range readings {
		s, e := st.offsets(r.clause.start, r.clause.end)
		cc := entente.ClauseCue{Start: s, End: e, Actors: r.actors}
		if t := r.reading.sentenceType(); t != "" {
			cc.Type, cc.Strength = t, r.strength
			cc.Cue = cueOfS(r.cue, r.rule)
		}
		out.clauses = append(out.clauses, cc)
	}
	var winners []*sreading
	for _, r := range readings {
		if r.reading == best {
			winners = append(winners, r)
		}
	}
	if len(winners) > 0 && best != rNone {
		out.typeCue = cueOfS(winners[0].cue, winners[0].rule)
	}
	switch out.typ {
	case entente.Commitment:
		n := 0 // the winners' subjects' evidence, kept in one piece
		for _, r := range winners {
			if r.subject.cue != nil {
				n++
			}
		}
		if n > 0 {
			out.actorCues = st.partyCues(n)
		}
		for _, r := range winners {
			out.actors = addCodes(out.actors, r.actors)
			if r.strength.Rank() > out.strength.Rank() {
				out.strength = r.strength
				out.strengthCue = cueOfS(r.strCue, r.rule)
			}
			if r.subject.cue != nil {
				out.actorCues = append(out.actorCues, *r.subject.cue)
			}
		}
		if len(out.actors) == 0 {
			out.actors = st.unionCodes(inherited)
		}
	case entente.Narrative:
	default:
		for _, r := range winners {
			if len(r.actors) > 0 {
				out.actors = st.unionCodes(r.actors)
				if r.subject.cue != nil {
					out.actorCues = append(st.partyCues(1), *r.subject.cue)
				}
				break
			}
		}
		if out.actors == nil && out.subject != nil {
			out.actors = st.unionCodes(out.subject)
		}
		if out.actors == nil {
			out.actors = st.unionCodes(inherited)
		}
	}
	return out
}

// agreedThat reports whether a verb of agreement or decision takes a
// content clause that opens with a party of its own and has no
// undertaking verb (saglasile su se da Srbija i Kina neguju prijateljstvo:
// a view), not an action with the subject left out (saglasile su se da
// prošire…). Serbian da opens both; English says "agreed that" in the table.
func (x *Spaced) agreedThat(st *sentence, cl sclause, c *scue) bool {
	i := c.End
	if i >= cl.end || !x.that.has(&st.ws[i]) {
		return false
	}
	if c.Kind.has(cIntent) {
		// strives / is ready to…: the da-clause is the striver's own act; a
		// party right after da is its object (da srpskoj strani dostavlja…),
		// no subject of a thing agreed
		return false
	}
	if i+1 < cl.end && x.thatState.has(&st.ws[i+1]) {
		return true // saglasile su se da je…, da su…: a state or a fact agreed on
	}
	for _, n := range st.cues {
		if n.Start > i && n.Start < cl.end && n.Kind.has(sPredicate) {
			if n.Kind.has(cAction) && !n.Kind.has(cFirm|cIntent) && x.permittedBefore(st, i+1, n.Start) {
				// agreed that the Republic of Armenia may establish its
				// trade representation…: what a party is allowed to do is
				// agreed on as a state, as da je… is; no one undertakes it
				return true
			}
			if n.Kind.has(cFirm | cIntent | cAction) {
				return false
			}
			if n.Kind.has(cCopula) && n.Start > i+1 {
				// saglasile su se da tradicionalno prijateljstvo … predstavlja
				// vrednu tekovinu: a thing named and what it is, agreed on as
				// a view, as da je… is
				return true
			}
			break
		}
	}
	for _, m := range st.ments {
		if m.Start > i && m.Start < cl.end {
			return x.onlyFiller(st, i+1, m.Start)
		}
	}
	return false
}

// namesPartyIn reports whether a party is named between words a and b.
func (x *Spaced) namesPartyIn(st *sentence, a, b int) bool {
	for _, m := range st.ments {
		if m.Start >= a && m.End <= b {
			return true
		}
	}
	return false
}
