package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// spacedRefs finds the instruments a spaced-script sentence cites: a title
// in quotation marks that names an instrument ("Hope Rhymes" is no
// instrument), or a capitalised name around an instrument's head word (the
// Paris Agreement, the Memorandum of Understanding on Trade, the
// Comprehensive Strategic Partnership Action Plan).
type spacedRefs struct {
	heads *phraseMatcher // Agreement, Memorandum of Understanding, Sporazum
	kinds []string
	inner *keyWords // words that may sit inside a title: of, on, and, for
	// innerUpper sit inside a title only when capitalised (the Agreement
	// Establishing the World Trade Organization)
	innerUpper *keyWords
	// later sit inside a title only once it has run on past its head
	// ([reference-inner-later]: the Agreement on the Path to Normalisation)
	later *keyWords
	// Titles in sentence case (Serbian: Sporazum o slobodnoj trgovini
	// između Kine i Srbije) run on in lower case after an opening word
	// (o), up to a word that ends them (iz 2013. godine, potpisan, koji).
	opens, stops *keyWords
	// self are the words that make a head the document itself (This Joint
	// Statement, the present Agreement): no citation
	self *keyWords
	// drop are the words that open a noun phrase (the, a): a title never
	// holds one before its head (Recalling | the … Agreement)
	drop *keyWords
	// joins are the words that join clauses (and): a title runs on over
	// "and" to a capitalised word, not over "and the" (the Paris Agreement
	// and the United States will…)
	joins *keyWords
	// pair are the words after which a title names two (between the
	// Government of X and the Government of Y): "and the" runs on there
	pair *keyWords
	// indefinite are the articles that make an instrument one described,
	// not named (a Memorandum of Understanding between the Departments
	// of…): its words do not run on over two small words
	indefinite *keyWords
	// making are the verbs that make an instrument still to come ("develop
	// a “Sustainability Roadmap”"): a quoted title after one of them and an
	// indefinite article names no instrument that exists, none is cited
	making *keyWords
	// yearLeads are the phrases between a title and its year (signed in,
	// adopted on): the Joint Statement … signed in 2015
	yearLeads *phraseMatcher
	// months are the month words of dates, which Serbian writes in lower
	// case (potpisan 17. oktobra 2023.): the reader's, set after it reads
	// them
	months *phraseMatcher
	// runs are the heads that, when an unquoted title ends on them, name
	// a programme the parties run (the Indian Technical and Economic
	// Cooperation Programme): a project, not an instrument; nil for a
	// language whose table leaves [programme-head] out
	runs *phraseMatcher
	// period are the words that lead from a head to the years it covers
	// (the Plan of Action for the period 2024–2028): those years name the
	// instrument as a name would; nil for a language whose table leaves
	// [reference-period] out
	period *phraseMatcher
	// agents are the phrases between a title and those who signed or
	// adopted it (signed by): the date after them is the title's; nil for
	// a language whose table leaves [reference-agent-lead] out
	agents *phraseMatcher
	// agentVerbs, where the table lists them, are the verbs of signing or
	// adopting a clause after an agent lead must hold before its date
	// counts (a relative clause: „…“, koji je Evropska unija usvojila
	// 2024. godine; a relative that says anything else gives no year);
	// nil where the lead itself says signed or adopted (signed by)
	agentVerbs *phraseMatcher
	// demonyms are the adjectives of countries (Japanese, Dutch): a title
	// does not run on over those that qualify a lowercase noun after it
	// (the Scholarship Programme | for Japanese and Dutch students)
	demonyms *phraseMatcher
	// occasions are the phrases between a title and the occasion it was
	// agreed at (agreed during the State Visit of … in December 2024):
	// the occasion's date, before the clause ends, is the title's year;
	// nil for a language whose table leaves [reference-occasion-lead] out
	occasions *phraseMatcher
	// signed are the participles of signing after a quoted name (“…”,
	// signed in 2019): what was signed is an instrument, whatever its
	// head; nil for a language whose table leaves [reference-signed] out
	signed *phraseMatcher
	// facility are the heads of buildings that, right after an
	// instrument's head, make it their modifier (the National Convention
	// Centre): a facility, no instrument ([reference-facility])
	facility *keyWords
	// running are the words that, after a programme's head, open the time
	// it has run (the … Cooperation Programme | since 1980): no years it
	// covers ([programme-running])
	running *keyWords
	// times are the words that, right after a programme's head, open a
	// time the sentence sets (the … Programme | in 2027): no years it
	// covers ([programme-time])
	times *keyWords
	// spanFrom and spanTo open and close a span of years a title covers
	// in words (za period | od 2027. do 2030. godine): with both years,
	// the span is the title's; units are the words of time after it
	spanFrom, spanTo *keyWords
	units            *phraseMatcher
}

func newSpacedRefs(t *lexicon.Table) *spacedRefs {
	r := &spacedRefs{heads: newPhraseMatcher(), inner: newKeyWords(t.Words("reference-inner")),
		opens: newKeyWords(t.Words("reference-open")), stops: newKeyWords(t.Words("reference-stop")),
		self: newKeyWords(t.Words("reference-self")), drop: newKeyWords(t.Words("entity-drop")),
		joins: newKeyWords(t.Words("clause-join")), indefinite: newKeyWords(t.Words("reference-indefinite")),
		making: newKeyWords(t.Words("reference-making")),
		pair:   newKeyWords(t.Words("reference-pair")), innerUpper: newKeyWords(t.Words("reference-inner-upper")),
		later:     newKeyWords(t.Words("reference-inner-later")),
		yearLeads: phrasesOf(t.Words("reference-year-lead")), runs: optionalPhrases(t, "programme-head"),
		period: optionalPhrases(t, "reference-period"), occasions: optionalPhrases(t, "reference-occasion-lead"),
		demonyms: phrasesOf(t.Words("demonym")), agents: optionalPhrases(t, "reference-agent-lead"),
		agentVerbs: optionalPhrases(t, "reference-agent-verb"),
		signed:     optionalPhrases(t, "reference-signed"), facility: newKeyWords(t.Words("reference-facility")),
		running: newKeyWords(t.Words("programme-running")), times: newKeyWords(t.Words("programme-time")),
		spanFrom: newKeyWords(t.Words("reference-span-from")), spanTo: newKeyWords(t.Words("reference-span-to")),
		units: phrasesOf(t.Words("time-unit"))}
	for _, e := range t.Entries("reference-head") {
		r.heads.Add(e.Text, len(r.kinds))
		r.kinds = append(r.kinds, e.Value)
	}
	return r
}

type spacedCitation struct {
	title     string
	kind      string
	bracketed bool
	year      int
	a, b      int // the words it spans in the sentence
}

// find returns the citations of a sentence of a document signed in
// docYear (0: not known).
func (r *spacedRefs) find(st *sentence, docYear int) []spacedCitation {
	ws := st.ws
	var out []spacedCitation
	used := make([]bool, len(ws))
	// quoted titles
	for i := 0; i < len(ws); i++ {
		if !ws[i].Punct || !strings.Contains("“\"«„", ws[i].Key) {
			continue
		}
		j := i + 1
		for j < len(ws) && !(ws[j].Punct && strings.Contains("”\"»“", ws[j].Key)) {
			j++
		}
		if j >= len(ws) || j-i > 45 {
			continue // a bilateral agreement's full title runs to some forty words
		}
		if i >= 2 && r.indefinite.has(&ws[i-1]) && r.making.has(&ws[i-2]) {
			// to develop a “Sustainability Roadmap”: the instrument is yet
			// to be made, and a title cited is one that exists
			for k := i; k <= j; k++ {
				used[k] = true
			}
			i = j
			continue
		}
		kind := r.quotedKind(ws[i+1 : j])
		if kind != "" && r.runsQuoted(ws[i+1:j]) {
			// „Program za talentovane mlade naučnike“: a programme the
			// parties run, a project, no instrument cited under another head
			for k := i; k <= j; k++ {
				used[k] = true
			}
			i = j
			continue
		}
		if kind == "" {
			kind = r.headBefore(ws, i) // their joint statement “…”
		}
		if kind == "" {
			kind = r.headAfter(ws, j) // the “Two Corridors and One Economic Circle” framework
		}
		if kind == "" && r.signedAfter(ws, j+1) {
			kind = "other" // the “Partnership on Sustainable Connectivity…”, signed in 2019
		}
		if kind != "" {
			text, _, _ := st.span(i+1, j)
			year := r.yearAfter(ws, j+1)
			if y := yearNear(ws, j); y > 0 {
				year = y
			}
			if year == 0 {
				year = r.yearBefore(ws, i)
			}
			if n := len(out); year > 0 && n > 0 && out[n-1].bracketed && out[n-1].year == 0 && r.listedBefore(ws, out[n-1].b+1, i) {
				// the “A” and the “B” signed in 2022: the year is both's
				out[n-1].year = year
			}
			out = append(out, spacedCitation{title: text, kind: kind, bracketed: true, year: year, a: i + 1, b: j})
			for k := i; k <= j; k++ {
				used[k] = true
			}
		}
		i = j
	}
	var stepsBuf []int
	for m, ok := r.heads.next(ws, 0, nil); ok; m, ok = r.heads.next(ws, m.End, nil) {
		if used[m.Start] {
			continue
		}
		if m.End < len(ws) && r.facility.has(&ws[m.End]) {
			continue // the National Convention | Centre: a building, no convention
		}
		if !ws[m.Start].Upper {
			if a := r.sentenceCaseStart(st, m.Start); a >= 0 {
				text, _, _ := st.span(a, m.End)
				out = append(out, spacedCitation{title: text, kind: r.kinds[m.Payload], year: yearNear(ws, m.End), a: a, b: m.End})
			}
			continue
		}
		a := m.Start
		for a > 0 {
			if a >= 2 && joins(&ws[a-1]) && ws[a-2].Upper && !ws[a-2].Punct && ws[a-2].End == ws[a-1].Start && ws[a-1].End == ws[a].Start {
				a -= 2 // the Indonesia–Australia Comprehensive Economic Partnership Agreement
				continue
			}
			if ws[a-1].Punct || r.drop.has(&ws[a-1]) || !(ws[a-1].Upper || (r.inner.has(&ws[a-1]) && a-2 >= 0 && ws[a-2].Upper)) {
				break
			}
			if len(r.opens.keys) > 0 && (r.headAt(ws, a-1) || r.inner.has(&ws[a-1])) {
				break // Povelju UN i | Rezoluciju: a title in sentence case opens with its head
			}
			if possessive(st, a-1) && st.inMention(a-1) {
				break // Brazil's | Ecological Transformation Plan: the owner, not the title
			}
			a--
		}
		for a < m.Start && r.inner.has(&ws[a]) {
			a++
		}
		if r.self.has(&ws[a]) || a > 0 && r.self.has(&ws[a-1]) {
			continue // This Joint Statement is done in…: the document itself
		}
		b := m.End
		// … on Trade and Investment, … between China and Serbia, … on the
		// Law of the Sea
		described := a > 0 && r.indefinite.has(&ws[a-1])
		steps := stepsBuf[:0] // where each run on began
		for {
			for k := r.innerRun(ws, m.Start, m.End, b, described); k > b; k = r.innerRun(ws, m.Start, m.End, b, described) {
				if r.joins.has(&ws[b]) && k < len(ws) && possessive(st, k) {
					break // the Belt and Road Initiative | and Brazil's New Industry plan: a second title
				}
				steps = append(steps, b)
				b = k
				for b < len(ws) && (!ws[b].Punct && ws[b].Upper || r.joinedName(ws, b) || r.lowerOfParty(st, b)) {
					b++ // … on the Korea–Kenya Economic Development Cooperation Fund
				}
			}
			if b > m.End {
				if f := r.fieldList(st, b); f > b {
					steps = append(steps, b)
					b = f // … in Science, Technology and Innovation
					continue
				}
			}
			break
		}
		if b < len(ws) && !ws[b].Punct && !ws[b].Upper && !r.inner.has(&ws[b]) {
			// … Programme | for Japanese and Dutch students: the demonyms
			// qualify the lowercase noun after them and say whom the
			// programme is for; the runs on that hold only them go
			for n := len(steps) - 1; n >= 0 && r.onlyDemonyms(ws, steps[n], b); n-- {
				b = steps[n]
			}
		}
		stepsBuf = steps
		if b < len(ws) && yearOf(&ws[b]) > 0 && len(r.opens.keys) == 0 {
			// a number right after a title's word is its name's (Vision
			// 2025, Roadmap 2030), in a language whose titles run in
			// title case (Serbian writes a year after a title: … 2013. godine)
			b++
			if b+1 < len(ws) && joins(&ws[b]) && ws[b].Start == ws[b-1].End && yearOf(&ws[b+1]) > 0 {
				// and so are the years it covers (the Sendai Framework for
				// Disaster Risk Reduction 2015–2030)
				b += 2
			}
		} else if b < len(ws) && yearSpan(&ws[b]) && len(r.opens.keys) == 0 {
			b++ // the years written in one word (… 2026-2030)
		}
		if b == m.End {
			// only a language whose titles run in sentence case (its opening
			// words) reads on past a head of several words
			b = r.sentenceCaseEnd(st, b, len(r.opens.keys) > 0 && m.End-m.Start > 1)
		}
		if b > m.End && len(r.opens.keys) > 0 && b+1 < len(ws) && r.opens.has(&ws[b]) && !ws[b+1].Upper {
			// … između Vlade Republike Srbije i Vlade Republike Austrije |
			// o međunarodnom drumskom prevozu…: after its parties, a title in
			// sentence case reads on from its opening word
			b = r.sentenceCaseEnd(st, b, false)
		}
		if b == m.End && len(r.opens.keys) > 0 {
			if b < len(ws) && ws[b].Digits && yearOf(&ws[b]) == 0 && !(b+2 < len(ws) && ws[b+1].Key == ".") {
				// Rezolucija 1244 (Saveta bezbednosti): a number after the
				// head names the instrument, as br. 1244 after its name
				// does; an ordinal's stop inside the sentence (… 2. jula)
				// makes it a date
				b++
			}
			b = r.genitiveName(st, b)
		}
		if a > 0 && docYear > 0 && yearOf(&ws[a-1]) > docYear {
			// a year before the title after the document's own is no year
			// of adoption but a target its name holds (the 2030 Agenda for…)
			a--
		}
		if e := r.periodAfter(ws, b); e > b {
			b = e // the Plan of Action for the period 2024–2028
		} else if e := r.spanAfter(ws, b); e > b {
			b = e // Program saradnje … za period | od 2027. do 2030. godine
		}
		if a == m.Start && b == m.End {
			continue // a bare "the Agreement" names nothing
		}
		if b == m.End && r.runsProgramme(ws, m.Start, m.End) {
			continue // the Working Holiday Programme: a project the parties run
		}
		text, _, _ := st.span(a, b)
		year := r.yearAfter(ws, b)
		if year == 0 && a > 0 {
			year = yearOf(&ws[a-1]) // the 1951 Mutual Defense Treaty
		}
		out = append(out, spacedCitation{title: text, kind: r.kinds[m.Payload], year: year, a: a, b: b})
	}
	return dropNested(out)
}

// onlyDemonyms reports whether words [a, b) are demonyms (one at least)
// and the small words of [reference-inner] between them, ending on a
// demonym: for Japanese and Dutch.
func (r *spacedRefs) onlyDemonyms(ws []word, a, b int) bool {
	seen, last := false, false
	for k := a; k < b; {
		if m, ok := r.demonyms.longestAt(ws, k); ok && m.End > k && m.End <= b && ws[k].Upper {
			seen, last, k = true, true, m.End
			continue
		}
		if ws[k].Punct || !r.inner.has(&ws[k]) {
			return false
		}
		last = false
		k++
	}
	return seen && last
}

// fieldList returns where a list of fields inside a title ends that opens
// with the comma at i (…in Science, Technology and Innovation; …in
// Culture, Education and Sport): capitalised words between commas, then an
// inner word and a capitalised one; i when the words after the comma are
// no such list (a party: "the Agreement on Trade, China and Serbia will…",
// or a list that never closes with an inner word).
func (r *spacedRefs) fieldList(st *sentence, i int) int {
	return fieldListEnd(st, i, r.inner, nil)
}

// joinedName reports whether word i is a join mark written tight between
// two capitalised words (Korea–Kenya): a title runs on over it.
func (r *spacedRefs) joinedName(ws []word, i int) bool {
	return i > 0 && i+1 < len(ws) && joins(&ws[i]) && ws[i-1].Upper && !ws[i-1].Punct && ws[i+1].Upper && !ws[i+1].Punct &&
		ws[i-1].End == ws[i].Start && ws[i].End == ws[i+1].Start
}

// periodAfter returns where the years an instrument covers end that
// follow its title at b over a phrase of [reference-period] (for the
// period 2024–2028, for 2021–2025), or b when none does.
func (r *spacedRefs) periodAfter(ws []word, b int) int {
	if r.period == nil || b >= len(ws) {
		return b
	}
	m, ok := r.period.longestAt(ws, b)
	if !ok || m.End >= len(ws) || yearOf(&ws[m.End]) == 0 && !yearSpan(&ws[m.End]) {
		return b
	}
	e := m.End + 1
	if e+1 < len(ws) && joins(&ws[e]) && yearOf(&ws[e+1]) > 0 {
		e += 2
	}
	return e
}

// spanAfter returns where a span of years written in words that opens at
// b ends ([reference-span-from], a year, [reference-span-to], a year, each
// year with its stop, and a word of time after it: od 2027. do 2030.
// godine), or b when none opens there. Both years must be there: a year
// alone after a title (od 2013. godine) is the year it was adopted.
func (r *spacedRefs) spanAfter(ws []word, b int) int {
	k := b
	if k >= len(ws) || !r.spanFrom.has(&ws[k]) {
		return b
	}
	k++
	for _, to := range []bool{false, true} {
		if k >= len(ws) || yearOf(&ws[k]) == 0 {
			return b
		}
		k++
		if k < len(ws) && ws[k].Key == "." {
			k++
		}
		if !to {
			if k >= len(ws) || !r.spanTo.has(&ws[k]) {
				return b
			}
			k++
		}
	}
	if m, ok := r.units.longestAt(ws, k); ok && m.Start == k && m.End > k {
		k = m.End
	}
	return k
}

// yearSpan reports a word that is two years joined by a hyphen
// (2024-2028), as a text may write a period in one word.
func yearSpan(w *word) bool {
	k := w.Key
	if len(k) != 9 || k[4] != '-' {
		return false
	}
	a, b := word{Key: k[:4], Digits: true}, word{Key: k[5:], Digits: true}
	return yearOf(&a) > 0 && yearOf(&b) > 0
}

// runsProgramme reports whether the head at [h, e) is one of
// [programme-head] and no period of years follows it: an instrument
// programme is one for its years (the Cultural Exchange Programme for
// 2024–2027), a programme run is named by its name alone.
func (r *spacedRefs) runsProgramme(ws []word, h, e int) bool {
	if r.runs == nil {
		return false
	}
	if m, ok := r.runs.longestAt(ws, h); !ok || m.End != e {
		return false
	}
	if e < len(ws) && !ws[e].Punct && r.times.has(&ws[e]) {
		return true // launched in a year, run by one: the sentence's time, not the programme's years
	}
	for k := e; k < len(ws) && k < e+4; k++ {
		if r.running.has(&ws[k]) {
			return true // run since a year: the programme's history
		}
		if yearOf(&ws[k]) > 0 {
			return false
		}
		if ws[k].Punct && !joins(&ws[k]) {
			break
		}
	}
	return true
}

// runsQuoted reports whether a quoted title opens with a head of
// [programme-head] and holds no year: a programme of cooperation cited as
// an instrument is one for its period (Program saradnje … za period
// 2026–2028. godine), a programme the parties run is named without one.
func (r *spacedRefs) runsQuoted(ws []word) bool {
	if r.runs == nil || len(ws) == 0 {
		return false
	}
	if m, ok := r.runs.longestAt(ws, 0); !ok || m.End == 0 {
		return false
	}
	for k := range ws {
		if yearOf(&ws[k]) > 0 || yearSpan(&ws[k]) {
			return false
		}
	}
	return true
}

// quotedKind returns the kind of a quoted title's head: the first head
// that ends the title or that an inner word follows (Free Trade Agreement
// between…, Memorandum of Understanding on…), not one that qualifies
// the next capitalised word (… Cooperation Framework Initiative); the
// first head when none does so, "" when the title has none.
func (r *spacedRefs) quotedKind(ws []word) string {
	first := ""
	for m, ok := r.heads.next(ws, 0, nil); ok; m, ok = r.heads.next(ws, m.End, nil) {
		kind := r.kinds[m.Payload]
		if first == "" {
			first = kind
		}
		if m.End >= len(ws) || ws[m.End].Punct || !ws[m.End].Upper {
			return kind
		}
	}
	return first
}

// yearBefore returns the year of a date given before a quoted title that
// opens at word i, over a phrase of [reference-year-lead] right before it
// (od kada je 2016. godine potpisana „…“), or 0; an article may stand
// between the phrase and the title (the signing, in March 2025, of the
// “…”).
func (r *spacedRefs) yearBefore(ws []word, i int) int {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		m, ok := r.yearLeads.longestAt(ws, k)
		if !ok || m.End != i && !(m.End == i-1 && r.drop.has(&ws[i-1])) {
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if y := yearOf(&ws[j]); y > 0 {
				return y
			}
		}
		return 0
	}
	return 0
}

// listedBefore reports whether the words [a, b) between two quoted
// titles only list them (and, the, as well as, a comma).
func (r *spacedRefs) listedBefore(ws []word, a, b int) bool {
	if a >= b {
		return false
	}
	for k := a; k < b; k++ {
		w := &ws[k]
		if !(w.Punct && w.Key == ",") && !r.joins.has(w) && !r.inner.has(w) {
			return false
		}
	}
	return true
}

// headBefore returns the kind of an instrument's head word that ends
// right before the quotation mark at word q (their joint statement “The
// Republic of Korea and Canada: Stronger Together”): the quoted words are
// that instrument's title, though they hold no head of their own. A head
// that is the document itself (this Memorandum “…”) names none, nor does a
// lowercase head of [programme-head] (programa „…“, the programme “…”): the
// quoted name is a programme the parties run, a project.
func (r *spacedRefs) headBefore(ws []word, q int) string {
	for k := max(0, q-4); k < q; k++ {
		if m, ok := r.heads.longestAt(ws, k); ok && m.End == q {
			if r.self.has(&ws[k]) || k > 0 && r.self.has(&ws[k-1]) {
				return ""
			}
			if !ws[k].Upper && r.runs != nil {
				if p, ok := r.runs.longestAt(ws, k); ok && p.End == q {
					return "" // programa „Bolashak“, the programme “…”: a programme the parties run, a project
				}
			}
			return r.kinds[m.Payload]
		}
	}
	return ""
}

// signedAfter reports whether a participle of signing ([reference-signed])
// follows at word i, after a comma or none: the quoted name before it is
// an instrument signed, though it holds no head word.
func (r *spacedRefs) signedAfter(ws []word, i int) bool {
	if r.signed == nil {
		return false
	}
	if i < len(ws) && ws[i].Punct && ws[i].Key == "," {
		i++
	}
	m, ok := r.signed.longestAt(ws, i)
	return ok && m.End > i
}

// headAfter returns the kind of an instrument's head word that follows
// the closing quotation mark at word q (the “Two Corridors and One
// Economic Circle” framework, the “Made in China 2025” strategy): the
// quoted words are its name, as they are after a head (headBefore).
func (r *spacedRefs) headAfter(ws []word, q int) string {
	if m, ok := r.heads.longestAt(ws, q+1); ok && m.End > q+1 {
		return r.kinds[m.Payload]
	}
	return ""
}

// lowerOfParty reports whether word k is a lowercase noun between a
// capitalised adjective and a party's name (Savezne | vlade | Republike
// Austrije, Kraljevske vlade Tajlanda): a government's own title, inside
// the title of an instrument between governments.
func (r *spacedRefs) lowerOfParty(st *sentence, k int) bool {
	ws := st.ws
	if k < 1 || k+1 >= len(ws) || ws[k].Punct || ws[k].Digits || ws[k].Upper || !ws[k-1].Upper || ws[k-1].Punct {
		return false
	}
	if r.inner.has(&ws[k]) || r.stops.has(&ws[k]) || st.cueAt(k) {
		return false
	}
	return ws[k+1].Upper && st.inMention(k+1)
}

// innerRun returns the end of one or two inner words at k that a
// capitalised word follows (of Japan, on the Law, between the United
// States) in a title read from word h, or k: one only after an instrument
// described (one), and two that join clauses (and the …) only after a
// word of [reference-pair] (between the Government of X and the
// Government of Y). A word of [reference-inner-later] joins only a title
// already run on past its head's end e (the Agreement on the Path | to
// Normalisation), never the head itself (the Agreement | to Parliament).
func (r *spacedRefs) innerRun(ws []word, h, e, k int, one bool) int {
	most := 2
	if one && r.paired(ws, h, min(k+1, len(ws))) {
		// a Memorandum of Understanding | between the Departments of…: a
		// described instrument's parties are the sentence's, but its
		// subject keeps its article (an Agreement on the Avoidance of
		// Double Taxation)
		most = 1
	}
	j := k
	// an article may stand inside a named title (on the Establishment of
	// a Comprehensive Strategic Partnership), not in one described
	for j < len(ws) && j-k < most && !ws[j].Punct && (r.inner.has(&ws[j]) || ws[j].Upper && j == k && r.innerUpper.has(&ws[j]) || j == k && k > e && !one && r.later.has(&ws[j]) || !one && r.indefinite.has(&ws[j])) {
		j++
	}
	for j > k {
		if j < len(ws) && ws[j].Upper && !ws[j].Punct && !r.monthAt(ws, j) && (j-k == 1 || !r.joins.has(&ws[k]) && !r.joins.has(&ws[k+1]) || r.paired(ws, h, k)) {
			return j
		}
		j--
	}
	return k
}

// monthAt reports whether a month's name opens at word j: after an inner
// word (the … Agreement | in September 2025) it opens a date, the day the
// instrument was signed or entered into force, no word of its title.
func (r *spacedRefs) monthAt(ws []word, j int) bool {
	if r.months == nil {
		return false
	}
	m, ok := r.months.longestAt(ws, j)
	return ok && m.End > j
}

// paired reports whether a word of [reference-pair] is among words [h, k).
func (r *spacedRefs) paired(ws []word, h, k int) bool {
	for i := h; i < k; i++ {
		if r.pair.has(&ws[i]) {
			return true
		}
	}
	return false
}

// yearAfter returns the year given after a title that ends at word b: of
// 2015, in 2015 (yearNear), or after a phrase of [reference-year-lead]
// (signed in 2015, adopted on 25 September 2015, potpisanog u Astani 15.
// marta 2019.), the year of the date that follows within six words: a
// place and a month on the way.
func (r *spacedRefs) yearAfter(ws []word, b int) int {
	if y := yearNear(ws, b); y > 0 {
		return y
	}
	if b < len(ws) && ws[b].Punct && ws[b].Key == "," {
		b++
	}
	if b >= len(ws) {
		// the title ends the sentence's words: a listed title with no
		// final stop (the documents exchanged during a visit)
		return 0
	}
	if r.occasions != nil {
		if m, ok := r.occasions.longestAt(ws, b); ok && m.End > b {
			// the occasion's name may be long (the State Visit of His
			// Highness the Amir … to the United Kingdom): its date comes
			// before the clause's comma
			for j := m.End; j < len(ws) && j < m.End+24 && !ws[j].Punct; j++ {
				if y := yearOf(&ws[j]); y > 0 {
					return y
				}
			}
			return 0
		}
	}
	if r.agents != nil {
		if m, ok := r.agents.longestAt(ws, b); ok && m.End > b {
			// signed by the two governments in 2023, by the two Prime
			// Ministers on 3 May 2019: the signers come before the date,
			// which ends the clause
			verb := r.agentVerbs == nil
			for j := m.End; j < len(ws) && j < m.End+12 && !ws[j].Punct; j++ {
				if !verb {
					if v, ok := r.agentVerbs.longestAt(ws, j); ok && v.End > j {
						verb, j = true, v.End-1
						continue
					}
				}
				if y := yearOf(&ws[j]); y > 0 && verb {
					return y
				}
			}
			return 0
		}
	}
	m, ok := r.yearLeads.longestAt(ws, b)
	if !ok || m.End <= b {
		return 0
	}
	limit := m.End + 6
	for j := m.End; j < len(ws) && j < limit; j++ {
		if y := yearOf(&ws[j]); y > 0 {
			return y
		}
		if r.months != nil {
			if mo, ok := r.months.longestAt(ws, j); ok && mo.End > j {
				j = mo.End - 1 // potpisan 17. oktobra 2023.
				continue
			}
		}
		if j > m.End && j+1 < len(ws) && ws[j-1].Upper && ws[j+1].Upper && !ws[j].Upper && !ws[j].Punct && !ws[j].Digits {
			limit++ // a place's name with a lowercase word inside: Brdo kod Kranja, Frankfurt am Main
			continue
		}
		if !ws[j].Digits && !ws[j].Upper && !ws[j].Punct && !r.inner.has(&ws[j]) {
			return 0 // signed in Beijing by the ministers…
		}
	}
	return 0
}

// dropNested drops a title read from one head that another head's title
// holds (Trade and Investment Framework | Agreement: the second head reads
// the whole).
func dropNested(cs []spacedCitation) []spacedCitation {
	if len(cs) < 2 {
		return cs
	}
	var out []spacedCitation
	for i, c := range cs {
		nested := false
		for j, o := range cs {
			if j != i && o.b > o.a && o.a <= c.a && c.b <= o.b && o.b-o.a > c.b-c.a {
				nested = true
				break
			}
		}
		if !nested {
			out = append(out, c)
		}
	}
	return out
}

// sentenceCaseEnd returns where a title written in sentence case ends when
// an opening word follows its head at b (Sporazum | o slobodnoj trgovini
// između Kine i Srbije), or any inner word a head of several words
// (Memorandum o razumevanju | u oblasti poljoprivrede): at punctuation, a
// word that ends titles, a cue of the sentence, or twelve words on; b when
// none follows.
func (r *spacedRefs) sentenceCaseEnd(st *sentence, b int, longHead bool) int {
	ws := st.ws
	if b+1 >= len(ws) || ws[b].Punct || ws[b+1].Punct || !(r.opens.has(&ws[b]) || longHead && r.inner.has(&ws[b])) {
		return b
	}
	k := b + 1
	// twelve words on, but a party's name is never cut (… između Vlade
	// Republike Srbije i Vlade Savezne Republike | Brazil)
	for k < len(ws) && (k-b <= 12 || k-b <= 16 && st.inMention(k) && st.inMention(k-1)) {
		if ws[k].Punct && k+1 < len(ws) && joins(&ws[k]) && yearOf(&ws[k-1]) > 0 && yearOf(&ws[k+1]) > 0 {
			k += 2 // za period 2024–2027: a span of years is the title's
			continue
		}
		if ws[k].Punct || r.stops.has(&ws[k]) || st.cueAt(k) || r.nextTitle(ws, k) || dayOrdinal(ws, k) {
			break
		}
		k++
	}
	for k > b+1 && r.inner.has(&ws[k-1]) {
		k-- // … i | will not end a title
	}
	if k == b+1 {
		return b
	}
	return k
}

// genitiveName returns where a name in the genitive that follows a head at
// b ends, in a language whose titles run in sentence case (Povelja |
// Ujedinjenih nacija, Rezolucija | Saveta bezbednosti UN): a capitalised
// word, then words in lower case or capitals up to a mark, a word that
// ends titles, a cue or an abbreviation, four words at most; b when no
// capital follows.
func (r *spacedRefs) genitiveName(st *sentence, b int) int {
	ws := st.ws
	if b+1 < len(ws) && ws[b].Digits && yearOf(&ws[b]) == 0 && ws[b+1].Upper && !ws[b+1].Punct {
		// Rezolucije 1244 Saveta bezbednosti: the instrument's number
		// before its author's name
		if e := r.genitiveName(st, b+1); e > b+1 {
			return e
		}
		return b
	}
	if b >= len(ws) || ws[b].Punct || !ws[b].Upper || ws[b].Digits || r.headAt(ws, b) || r.stops.has(&ws[b]) {
		// … organi Protokola | Strana: the parties' defined term says whose
		// the service is, no author of an instrument
		return b
	}
	k := b + 1
	for k < len(ws) && k-b < 4 && !ws[k].Punct && !ws[k].Digits && !r.stops.has(&ws[k]) && !st.cueAt(k) && !r.headAt(ws, k) {
		if !ws[k].Upper && len(ws[k].Key) <= 2 && k+1 < len(ws) && ws[k+1].Key == "." {
			break // br. 1244: an abbreviation leads to a number
		}
		k++
	}
	for k > b+1 && r.inner.has(&ws[k-1]) {
		k-- // … i | Povelje: the next title's
	}
	return k
}

// headAt reports whether an instrument's head opens at word i.
func (r *spacedRefs) headAt(ws []word, i int) bool {
	m, ok := r.heads.longestAt(ws, i)
	return ok && m.End > i
}

// dayOrdinal reports whether word k is a number of one or two digits
// closed by a period: a date's day (… između Srbije i Kine | 1. jula 2024)
// or an ordinal, which a title in sentence case does not hold.
func dayOrdinal(ws []word, k int) bool {
	key := ws[k].Key
	return len(key) >= 1 && len(key) <= 2 && key[0] >= '0' && key[0] <= '9' && k+1 < len(ws) && ws[k+1].Punct && ws[k+1].Key == "."
}

// nextTitle reports whether word k joins another title to the one at hand
// (Inicijativu za globalni razvoj | i Globalnu bezbednosnu inicijativu): an
// inner word followed within three words by an instrument's head.
func (r *spacedRefs) nextTitle(ws []word, k int) bool {
	if !r.inner.has(&ws[k]) || k+1 >= len(ws) {
		return false
	}
	m, ok := r.heads.next(ws[:min(len(ws), k+5)], k+1, nil)
	return ok && m.Start <= k+3
}

// sentenceCaseStart returns where a name in sentence case that ends in a
// lower-case head at h begins (Globalnu razvojnu | inicijativu): one to
// three words before it, the first capitalised and the others in lower
// case, none of them a cue, a party or a title's inner word; else -1.
// Only a language whose titles run in sentence case has opening words.
func (r *spacedRefs) sentenceCaseStart(st *sentence, h int) int {
	if len(r.opens.keys) == 0 {
		return -1
	}
	ws := st.ws
	for a := h - 1; a >= 0 && h-a <= 3; a-- {
		w := &ws[a]
		if w.Punct || w.Digits || r.inner.has(w) || r.stops.has(w) || st.cueAt(a) || st.inMention(a) {
			return -1
		}
		if w.Upper {
			if a == 0 {
				return -1 // a sentence's first word is capitalised anyway
			}
			return a
		}
	}
	return -1
}

// inMention reports whether word i names a party.
func (st *sentence) inMention(i int) bool {
	for _, m := range st.ments {
		if i >= m.Start && i < m.End {
			return true
		}
	}
	return false
}

// yearNear reads "of 2021", "(2016)" or "in 2016" right after a title.
func yearNear(ws []word, i int) int {
	for j := i; j < len(ws) && j < i+3; j++ {
		if y := yearOf(&ws[j]); y > 0 {
			return y
		}
		if !ws[j].Punct && ws[j].Key != "of" && ws[j].Key != "in" && ws[j].Key != "iz" && ws[j].Key != "od" {
			return 0
		}
	}
	return 0
}

type spacedRefCollector struct {
	list_   []entente.Reference
	docYear int // the year the document was signed, 0 when it does not say
}

func newSpacedRefCollector(signed *string) *spacedRefCollector {
	c := &spacedRefCollector{}
	if signed != nil && len(*signed) >= 4 {
		c.docYear, _ = strconv.Atoi((*signed)[:4])
	}
	return c
}

func (c *spacedRefCollector) add(r *spacedRefs, id string, st *sentence) []string {
	out := []string{}
	for _, cit := range r.find(st, c.docYear) {
		// a document cites a few instruments: a scan folding case beats
		// lowering each title for a map (slow for Cyrillic)
		i := slices.IndexFunc(c.list_, func(ref entente.Reference) bool { return strings.EqualFold(ref.Title, cit.title) })
		if i < 0 {
			i = len(c.list_)
			ref := entente.Reference{Title: cit.title, Bracketed: cit.bracketed, Kind: entente.ReferenceKind(cit.kind), Sentences: []string{}}
			if cit.year > 0 {
				y := cit.year
				ref.Year = &y
			}
			c.list_ = append(c.list_, ref)
		}
		ref := &c.list_[i]
		if n := len(ref.Sentences); n == 0 || ref.Sentences[n-1] != id {
			ref.Sentences = append(ref.Sentences, id)
		}
		out = append(out, cit.title)
	}
	return out
}

func (c *spacedRefCollector) list() []entente.Reference {
	if c.list_ == nil {
		return []entente.Reference{}
	}
	return c.list_
}

// cueAt reports whether a predicate cue of the sentence opens at word k.
func (st *sentence) cueAt(k int) bool {
	for _, c := range st.cues {
		if c.Start == k {
			return c.Kind.has(sPredicate)
		}
		if c.Start > k {
			break
		}
	}
	return false
}
