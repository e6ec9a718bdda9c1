package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// spacedEntities finds the named mechanisms and projects of an English or
// Serbian sentence. A head word from the cue table ([mechanism-head]:
// Committee, Dialogue, komitet*; [project-head]: railway, Fund, prug*)
// names something when a name stands around it: capitalised words before
// it (the Belgrade–Budapest railway, the Joint Committee, Mešoviti
// komitet), capitalised words after it (pruga Beograd–Budimpešta, the
// Committee for Economic Cooperation), or, in Serbian, the complement that
// opens with [entity-complement] (komitet za ekonomsku i trgovinsku
// saradnju). A bare head (a working group, the railway) is generic and
// names nothing; organisations of many states and their organs, summits
// and fora ([entity-exclude]) are never one. A quoted name after a
// project head and a word of [entity-lead] (a programme titled “…”) is a
// project.
type spacedEntities struct {
	mech, proj *phraseMatcher
	exclude    *phraseMatcher
	domestic   *phraseMatcher // State Council: a name opening so is one state's own organ
	demonym    *phraseMatcher
	stop       *phraseMatcher
	lead       *phraseMatcher
	// acrClass are the class nouns before a name that its bracketed
	// acronym makes a named work (the information platforms … (WACCA))
	acrClass   *keyWords
	ends       *phraseMatcher
	more       *phraseMatcher // u oblasti: a complement's field after its noun
	adjective  *phraseMatcher // endings of an adjective (strateškog): between an ordinal and its head
	genitive   *phraseMatcher // endings of a word in the genitive (poseta, privrednika, redovnih)
	genHead    *phraseMatcher // mehanizam: a head that a genitive after it names
	numbers    *keyWords      // dve: a number opens a phrase of its own (dve zemlje)
	inner      *keyWords      // of, and, for; i, za
	complement *keyWords      // za, o
	drop       *keyWords      // the, a: no part of a name
	prep       *keyWords      // na, u: a phrase's, not a name's
	months     *keyWords      // a month opens a date after a name (…Dialogue on June 1)
	through    *phraseMatcher // through, under, association to: a bare name after them is the programme used
	events     *keyWords      // Exercise, Operation: a bare name they open after "participation in" is an event, no programme
	innerThe   *phraseMatcher // for the: an inner word and its article before a region's name (Facility for the Western Balkans)
	runs       *phraseMatcher // program*: a programme's head, lower case, before its field and its name
	part       *keyWords      // Article, Section: a part of an instrument, no programme after "under"
	parties    *phraseMatcher // Strane, Ugovorne strane: the parties, capitalised as a defined term, never a name's part
	pair       *keyWords      // i: joins a second capitalised owner to a first after a lowercase head
	orgEnd     *keyWords      // Administration, Agency: a name ending so is an organisation's
	apposed    *keyWords      // a, an: after a name and its comma, an apposition that says what it is
	cityOpen   *keyWords      // Port: opening a capitalised name with no head of its own, a city's (Port Vila)
	// Partnership: a project's head only in a pair's named work
	// ([partnership-head]); Strategic, Comprehensive: before it, the
	// relationship's grade ([relationship-grade])
	partnershipHead, grade *keyWords

	// agent ends a hyphenated modifier that says who runs a body
	// ([entity-agent]: the EU-facilitated | Belgrade–Pristina Dialogue)
	agent *keyWords
}

func newSpacedEntities(t *lexicon.Table) *spacedEntities {
	return &spacedEntities{
		mech:            phrasesOf(t.Words("mechanism-head")),
		proj:            phrasesOf(t.Words("project-head")),
		exclude:         phrasesOf(t.Words("entity-exclude")),
		domestic:        phrasesOf(t.Words("domestic-organ")),
		demonym:         phrasesOf(t.Words("demonym")),
		stop:            phrasesOf(t.Words("entity-stop")),
		lead:            phrasesOf(t.Words("entity-lead")),
		acrClass:        newKeyWords(t.Words("acronym-project-class")),
		ends:            phrasesOf(t.Words("entity-complement-end")),
		more:            phrasesOf(t.Words("entity-complement-field")),
		adjective:       phrasesOf(t.Words("entity-adjective")),
		genitive:        phrasesOf(t.Words("entity-genitive")),
		genHead:         phrasesOf(t.Words("mechanism-genitive-head")),
		numbers:         newKeyWords(t.Words("number")),
		inner:           newKeyWords(t.Words("entity-inner")),
		complement:      newKeyWords(t.Words("entity-complement")),
		drop:            newKeyWords(t.Words("entity-drop")),
		agent:           newKeyWords(t.Words("entity-agent")),
		prep:            newKeyWords(t.Words("preposition")),
		months:          newKeyWords(t.Words("month")),
		through:         phrasesOf(t.Words("project-through")),
		innerThe:        phrasesOf(t.Words("entity-inner-article")),
		events:          newKeyWords(t.Words("through-event")),
		runs:            optionalPhrases(t, "programme-head"),
		part:            newKeyWords(t.Words("instrument-part")),
		parties:         phrasesOf(t.Words("party-joint")),
		pair:            newKeyWords(t.Words("entity-pair")),
		orgEnd:          newKeyWords(t.Words("organisation-end")),
		apposed:         newKeyWords(t.Words("reference-indefinite")),
		cityOpen:        newKeyWords(t.Words("city-opening")),
		partnershipHead: newKeyWords(t.Words("partnership-head")),
		grade:           newKeyWords(t.Words("relationship-grade")),
	}
}

// cityName reports whether the capitalised word at i opens a city's name
// ([city-opening]: Port Vila, Port Moresby, Port Louis): a capitalised word
// follows it directly, and the capitalised run after it holds no head or
// organisation's end of its own. A port named so is the Port of Honiara
// or the Honiara Port; a name that runs on to a head (the Port Moresby
// Sports Centre, the Port Vila Urban Road Upgrading Project) is that
// head's, and the Port Authority an organisation.
func (e *spacedEntities) cityName(ws []word, i int) bool {
	if i+1 >= len(ws) || !upperName(&ws[i]) || !e.cityOpen.has(&ws[i]) || !upperName(&ws[i+1]) {
		return false
	}
	for k := i + 1; k < len(ws) && upperName(&ws[k]); k++ {
		if e.startsHead(ws, k) || e.orgEnd.has(&ws[k]) {
			return false
		}
	}
	return true
}

// appositionHead reports whether a lowercase project head (a submarine
// cable, a joint project) follows at i after at most three lowercase
// modifiers, with no punctuation or capitalised word before it.
func (e *spacedEntities) appositionHead(ws []word, i int) bool {
	for k := i; k < len(ws) && k < i+4; k++ {
		if ws[k].Punct || ws[k].Upper {
			return false
		}
		if m, ok := e.proj.longestAt(ws, k); ok && m.End > k {
			return true
		}
	}
	return false
}

// maxComplement bounds a lowercase complement, in words.
const maxComplement = 7

// joins reports a punctuation mark that joins two parts of a name
// (Belgrade–Budapest, Ireland/Northern Ireland).
func joins(w *word) bool {
	return w.Punct && (w.Key == "–" || w.Key == "—" || w.Key == "-" || w.Key == "/" || w.Key == "‑")
}

// pluralPossessive reports whether word i is the apostrophe of a plural
// possessive written right after its capitalised noun (the Foreign
// Ministers' Strategic Dialogue): inside a name it joins, as a dash does.
func pluralPossessive(ws []word, i int) bool {
	if i < 1 || !ws[i].Punct || ws[i].Key != "'" || ws[i-1].End != ws[i].Start || !upperName(&ws[i-1]) {
		return false
	}
	k := ws[i-1].Key
	return len(k) > 1 && k[len(k)-1] == 's'
}

// countsPlus reports whether word i is the last of a count of ministers
// written solid with a plus (2+2, 3+3): figures, a plus and figures with no
// space between them.
func countsPlus(ws []word, i int) bool {
	if i < 2 || !ws[i].Digits || !ws[i-2].Digits || !ws[i-1].Punct || ws[i-1].Key != "+" {
		return false
	}
	return ws[i-2].End == ws[i-1].Start && ws[i-1].End == ws[i].Start
}

// abbreviationStop reports whether word i is the full stop of a capital
// letter written right before it (the S. of U.S., the U. of Japan-U.):
// part of an abbreviation, not the end of anything.
func abbreviationStop(ws []word, i int) bool {
	if i < 1 || !ws[i].Punct || ws[i].Key != "." || ws[i-1].End != ws[i].Start || !ws[i-1].Upper || ws[i-1].Punct {
		return false
	}
	k := ws[i-1].Key
	if j := strings.LastIndexAny(k, "-–/"); j >= 0 {
		k = k[j+1:]
	}
	return utf8.RuneCountInString(k) == 1
}

// upperName reports a word that can belong to a name: capitalised, not a
// mark, not a number.
func upperName(w *word) bool { return w.Upper && !w.Punct && !w.Digits }

// romanNumeral reports whether w is a Roman numeral in capitals (X, VII,
// XI): a corridor's or a block's designation.
func romanNumeral(w *word) bool {
	if !w.AllUpper || w.Punct || w.Digits || len(w.Key) > 6 {
		return false
	}
	return strings.Trim(w.Key, "ivxlc") == ""
}

// fieldListEnd is where a list of fields after a comma at i ends when it
// closes with an inner word and the capitalised words after it (…on Trade,
// Science and Technology): the end of those words; i when the words after
// the comma are no such list. A name of a month (nil: none) ends a run of
// capitalised words: it opens a date.
func fieldListEnd(st *sentence, i int, inner *keyWords, months *keyWords) int {
	ws := st.ws
	k := i
	for k < len(ws) && ws[k].Punct && ws[k].Key == "," {
		n := k + 1
		for n < len(ws) && upperName(&ws[n]) && !st.inMention(n) && (months == nil || !months.has(&ws[n])) {
			n++
		}
		if n == k+1 || n >= len(ws) {
			return i
		}
		k = n
		if !ws[k].Punct && inner.has(&ws[k]) {
			j := k + 1
			for j < len(ws) && upperName(&ws[j]) && !st.inMention(j) {
				j++
			}
			if j == k+1 {
				return i
			}
			return j
		}
	}
	return i
}

// leftName extends a name leftwards from a head at h over capitalised
// words, the joins between them and inner words between two capitalised
// ones. It returns where the name begins and whether a capitalised word
// (other than the sentence's first, a demonym or an inner word) was taken.
func (e *spacedEntities) leftName(st *sentence, h int) (int, bool) {
	ws := st.ws
	a := h
	counted := false // a count of ministers (2+2) opens the name
	for a > 0 {
		p := &ws[a-1]
		if e.agentModifier(p) {
			break // the EU-facilitated | Belgrade–Pristina Dialogue: who runs it
		}
		if e.months.has(p) {
			break // the June | trilateral dialogue: a month dates the meeting, names none
		}
		// an inner word before a capitalised adjective of a head of its own
		// ends the name there (… Subotica i | Industrijsku zonu Zrenjanin)
		innerJoin := !p.Punct && e.inner.has(p) && a < h && !(e.adjectiveOfLower(ws, a) && e.startsHead(ws, a+1))
		if upperName(p) || (joins(p) || pluralPossessive(ws, a-1) || innerJoin) && a-2 >= 0 && upperName(&ws[a-2]) {
			a--
			continue
		}
		if a-2 >= 0 && abbreviationStop(ws, a-1) {
			a -= 2 // the Japan-U.S. Economic Policy Committee: U.S.'s stops are the name's
			continue
		}
		if a == h && a-2 >= 0 && p.Punct && p.Key == "+" && upperName(&ws[a-2]) && p.Start == ws[a-2].End {
			a -= 2 // the Erasmus+ programme: a name that ends with a plus, as rightName reads it
			continue
		}
		if countsPlus(ws, a-1) && a-3 >= 0 {
			// the Australia–Viet Nam 2+2 Strategic Dialogue: a count of
			// ministers written solid is the name's, and it names the
			// dialogue after a lower-case word too (the second 2+2
			// Ministerial Dialogue, the next 2+2 Dialogue)
			a -= 3
			counted = true
			continue
		}
		break
	}
	for a < h && (ws[a].Punct || e.inner.has(&ws[a]) || e.drop.has(&ws[a]) || openingGerund(st, a)) {
		a++
	}
	a = st.ownerCountryEnd(a, h)
	named := counted
	for k := a; k < h; k++ {
		if !upperName(&ws[k]) || k == 0 {
			continue
		}
		if m, ok := e.demonym.longestAt(ws, k); ok && m.End > k && !e.nameDemonym(ws, k) {
			continue
		}
		named = true
	}
	return a, named
}

// nameDemonym reports whether the demonym at k, capitalised, opens a name:
// in a language that writes its demonyms in lower case (Serbian: češki,
// srpski; one with [entity-complement]), a capital inside the sentence
// is the name's (Češki centar, Srpski kulturni centar); the sentence's
// first word is capitalised anyway.
func (e *spacedEntities) nameDemonym(ws []word, k int) bool {
	return len(e.complement.keys) > 0 && k > firstWord(ws) && upperName(&ws[k])
}

// sentenceCaseStart returns where a name in sentence case that ends in a
// lower-case head at h begins: a capitalised word one or two words before
// it (not the sentence's first, not a country, a demonym, a cue or a unit
// after a number) with only lower-case words between, none of them a
// preposition; -1 when none does, and in a language whose names run in
// title case (no [entity-complement]).
func (e *spacedEntities) sentenceCaseStart(st *sentence, h int) int {
	if len(e.complement.keys) == 0 {
		return -1 // a language whose names run in title case (English)
	}
	ws := st.ws
	// the sentence's first word (after a list's mark) is capitalised
	// anyway; a demonym after it is written in lower case unless it opens
	// a name (Kinesko-emiratski demonstracioni park, Srpsko-kineski
	// industrijski park)
	for k := h - 1; k > firstWord(ws) && k >= h-3; k-- {
		w := &ws[k]
		if w.Punct || w.Digits || st.cueAt(k) || st.inMention(k) {
			return -1
		}
		if !w.Upper {
			if e.inner.has(w) || e.prep.has(w) || infinitive(w) {
				// Petrovića na | projektu: a phrase, not a name; SlovakAid
				// finansirati | projekte: a verb, not a name's word
				return -1
			}
			if m, ok := e.stop.longestAt(ws, k); ok && m.End > k {
				// Škoda Transportation da izgradi | fabriku: a clause's
				// word (da, je, će) opens a clause after the name, no part of it
				return -1
			}
			continue
		}
		if ws[k-1].Digits {
			return -1 // 5 GW solar park: a unit after a number
		}
		return k
	}
	return -1
}

// adjectivesFromFirst returns the sentence's first word when it and every
// word up to a lowercase head at h are adjectives ([entity-adjective]), the
// first capitalised and no demonym, the others lowercase, two or three of
// them (Međuvladin mešoviti komitet, Zajednička stalna radna grupa): a name
// in sentence case that the sentence opens, whose capital cannot tell it, so
// that only a complement after the head names it; -1 otherwise. One
// adjective before the head is leftName's.
func (e *spacedEntities) adjectivesFromFirst(st *sentence, h int) int {
	ws := st.ws
	f := firstWord(ws)
	if h-f < 2 || h-f > 3 || !upperName(&ws[f]) || st.inMention(f) {
		return -1
	}
	if m, ok := e.demonym.longestAt(ws, f); ok && m.End > f {
		return -1
	}
	for k := f; k < h; k++ {
		w := &ws[k]
		if w.Punct || w.Digits || k > f && w.Upper || st.cueAt(k) || !e.adjectiveAt(ws, k) {
			return -1
		}
	}
	return f
}

// firstWord returns the index of the sentence's first word, past a list's
// marks and numbers (- Kineska strana…, 3. Strane…).
func firstWord(ws []word) int {
	for i := range ws {
		if !ws[i].Punct && !ws[i].Digits {
			return i
		}
	}
	return len(ws)
}

// ordinalStart returns where a mechanism whose head at h follows an
// ordinal begins (5. strateškog političkog dijaloga): the Nth round of a
// dialogue or session of a body is one of a standing mechanism, which
// the ordinal names though its words are in lower case. Only adjectives
// ([entity-adjective]) may stand between (2. sednicu komiteta is a
// session of an unnamed one); a year or a date's day is no ordinal. It
// returns -1 when none does.
func (e *spacedEntities) ordinalStart(st *sentence, h int) int {
	ws := st.ws
	k := h - 1
	for k >= 0 && h-k <= 3 && !ws[k].Punct && !ws[k].Upper && !ws[k].Digits && !e.months.has(&ws[k]) {
		if m, ok := e.adjective.longestAt(ws, k); !ok || m.End != k+1 {
			return -1
		}
		k--
	}
	if k < 1 || !ws[k].Punct || ws[k].Key != "." || !ws[k-1].Digits || yearOf(&ws[k-1]) != 0 || ws[k-1].End != ws[k].Start {
		return -1
	}
	return k + 1
}

// genitiveOf returns where a phrase in the genitive after b ends
// (uzajamnih poseta privrednika; ministara spoljnih poslova): lower-case
// words of [entity-genitive], at most maxGenitive, before a mark, a
// capital, a number or a word of a phrase's own (a preposition, i, za, a
// stop word), ending on a noun, not an adjective ([entity-adjective]). It
// returns b when there is none.
func (e *spacedEntities) genitiveOf(st *sentence, b int) int {
	ws := st.ws
	end := b
	for k := b; k < len(ws) && k-b < maxGenitive; k++ {
		w := &ws[k]
		if w.Punct || w.Digits || w.Upper || e.prep.has(w) || e.inner.has(w) || e.complement.has(w) || e.numbers.has(w) || st.cueAt(k) {
			break
		}
		if m, ok := e.stop.longestAt(ws, k); ok && m.End > k {
			break
		}
		if m, ok := e.genitive.longestAt(ws, k); !ok || m.End != k+1 {
			break
		}
		if m, ok := e.adjective.longestAt(ws, k); !ok || m.End != k+1 {
			end = k + 1 // a noun: the phrase may end here
		}
	}
	return end
}

// genitiveWord reports whether word i is one lowercase word in the
// genitive ([entity-genitive]), no stop word.
func (e *spacedEntities) genitiveWord(ws []word, i int) bool {
	w := &ws[i]
	if w.Punct || w.Digits || w.Upper {
		return false
	}
	if m, ok := e.stop.longestAt(ws, i); ok && m.End > i {
		return false
	}
	m, ok := e.genitive.longestAt(ws, i)
	return ok && m.End == i+1
}

// adjectiveAt reports whether word i ends as an adjective does
// ([entity-adjective]).
func (e *spacedEntities) adjectiveAt(ws []word, i int) bool {
	m, ok := e.adjective.longestAt(ws, i)
	return ok && m.End == i+1
}

// maxGenitive bounds a genitive phrase after a head, in words.
const maxGenitive = 5

// maxModifiers bounds the lowercase words between a name and its head.
const maxModifiers = 3

// modifiedNameStart returns where a title-case name begins that lowercase
// modifiers, or a number, part from its lowercase head (the Lao Cai–Hanoi
// standard-gauge railway, the Thai Binh 2 thermal power plant, the Ban
// Gioc Waterfall cross-border tourism cooperation area): capitalised words
// right after the determiner that opens the phrase, then a number or up to
// maxModifiers lowercase words, none a preposition, an inner word, a
// determiner, a cue or a party. Without the determiner the capitalised
// words may be a subject and the lowercase ones its verb, as they are
// after a body's name (the Committee approved power plant…), and a
// party's own name before a generic head (the Viet Nam energy programme)
// is no name of the thing: -1.
func (e *spacedEntities) modifiedNameStart(st *sentence, h int) int {
	ws := st.ws
	k, n := h-1, 0
	for k >= 1 && !ws[k].Upper && !ws[k].Digits {
		w := &ws[k]
		if w.Punct || e.inner.has(w) || e.prep.has(w) || e.drop.has(w) || st.cueAt(k) || st.inMention(k) {
			return -1
		}
		if n++; n > maxModifiers {
			return -1
		}
		k--
	}
	if k >= 1 && ws[k].Digits && !ws[k].Punct && upperName(&ws[k-1]) && yearOf(&ws[k]) == 0 {
		k, n = k-1, n+1 // Thai Binh 2
	}
	if n == 0 || k < 1 || !upperName(&ws[k]) {
		return -1
	}
	a, named := e.leftName(st, k+1)
	if !named || a < 1 || !e.drop.has(&ws[a-1]) {
		return -1
	}
	party := true
	for i := a; i <= k; i++ {
		if upperName(&ws[i]) && !st.inMention(i) {
			party = false
		}
		if m, ok := e.mech.longestAt(ws, i); ok && m.End == k+1 {
			return -1 // the Committee approved…: a body, and its verb
		}
	}
	if party {
		return -1
	}
	return a
}

// rightName extends a name rightwards from the end of a head at b:
// capitalised words with their joins (pruga Beograd–Budimpešta); after a
// capitalised head, also inner words followed by a capitalised one
// (Committee for Economic and Trade Cooperation). It says whether a
// capitalised word was taken.
func (e *spacedEntities) rightName(st *sentence, b int, headUpper bool) (int, bool) {
	ws := st.ws
	end := b
	for end < len(ws) {
		w := &ws[end]
		// a month opens a date, never a name's part (…Dialogue on June 1)
		next := end+1 < len(ws) && upperName(&ws[end+1]) && !e.months.has(&ws[end+1]) && !e.startsHead(ws, end+1)
		if p, ok := e.parties.longestAt(ws, end); ok && p.End > end && upperName(w) {
			break // u okviru tog programa Strane će…: the parties, the next clause's subject
		}
		// after a lowercase head, "i" joins a second capitalised owner to a
		// first (dijalog Beograda i Prištine, luka Bari i Bar), or a
		// lowercase genitive with its own capitalised name (Kine i zemalja
		// Centralne i Istočne Evrope); a capitalised adjective of a
		// lowercase noun after it (i Višegradske grupe) is another body
		// (a Roman numeral is the head's designation, no owner: Koridora X
		// | i reke Dunav)
		pair := !headUpper && end > b && upperName(&ws[end-1]) && !romanNumeral(&ws[end-1]) && !w.Punct && e.pair.has(w)
		if pair && e.ownerGenitive(ws, end+1) {
			end += 2
			continue
		}
		pair = pair && next && !e.partyAt(ws, end+1) && !e.adjectiveOfLower(ws, end+1)
		// after a capitalised head, an inner word joins a capitalised word
		// (Committee for Economic and Trade Cooperation), but not a
		// capitalised adjective before a head of its own: a second name
		// (Slobodnu zonu Subotica | i Industrijsku zonu Zrenjanin)
		inner := headUpper && !w.Punct && e.inner.has(w) && next && !(e.adjectiveOfLower(ws, end+1) && e.startsHead(ws, end+2))
		// after a capitalised head, an inner word with its article before
		// a capitalised name that is no party's (the Reform and Growth
		// Facility | for the Western Balkans) keeps the name going
		if m, ok := e.innerThe.longestAt(ws, end); ok && headUpper && m.End > end+1 && m.End < len(ws) &&
			upperName(&ws[m.End]) && !e.months.has(&ws[m.End]) && !e.partyAt(ws, m.End) && !e.startsHead(ws, m.End) {
			end = m.End
			continue
		}
		if upperName(w) && !e.months.has(w) || (joins(w) && end > b && next) || inner || pair {
			end++
			continue
		}
		if w.Punct && w.Key == "+" && end > b && upperName(&ws[end-1]) && w.Start == ws[end-1].End {
			end++ // a programme's name that ends with a plus (Erazmus+)
			continue
		}
		if headUpper && end > b && w.Punct && w.Key == "," {
			if k := e.fieldList(st, end); k > end {
				end = k // Joint Commission on Economic, Trade, Scientific and Technological Cooperation
				continue
			}
		}
		// a number right after the head names it (Koridor 10, Blok 3), and
		// so does one after a capitalised word of the name (Hidroelektrana
		// Đerdap 2), but not a year, nor an ordinal with its stop that words
		// follow (a day: 15. maja; … 2020. godine)
		if (end == b || upperName(&ws[end-1])) && w.Digits && yearOf(w) == 0 && !(end+2 < len(ws) && ws[end+1].Punct && ws[end+1].Key == ".") {
			end++
			continue
		}
		break
	}
	if headUpper && end > b && end < len(ws) && !ws[end].Punct && !upperName(&ws[end]) && !e.inner.has(&ws[end]) {
		// … Programme | for Japanese and Dutch students: demonyms that
		// qualify the lowercase noun after them say whom it is for
		// (between Indian and UAE ports: a country's name may stand so
		// beside a demonym, never alone, where it may end a link's name)
		k, demonym := end, false
		for k > b && !ws[k-1].Punct && (e.inner.has(&ws[k-1]) || e.demonymCovers(ws, k-1) || st.countryCovers(k-1)) {
			demonym = demonym || e.demonymCovers(ws, k-1)
			k--
		}
		for k < end && !e.inner.has(&ws[k]) {
			k++
		}
		if k < end && demonym && (e.demonymCovers(ws, end-1) || st.countryCovers(end-1)) {
			end = k
		}
	}
	return end, end > b
}

// demonymCovers reports whether the capitalised word at i is (part of) a
// country's demonym: Japanese, South African.
func (e *spacedEntities) demonymCovers(ws []word, i int) bool {
	if !ws[i].Upper {
		return false
	}
	for a := i; a >= 0 && a >= i-1; a-- {
		if m, ok := e.demonym.longestAt(ws, a); ok && m.End > i {
			return true
		}
	}
	return false
}

// ownerGenitive reports whether the word at i is a lowercase genitive that
// a capitalised name follows, itself no adjective of a lowercase noun
// (zemalja Centralne…): an owner named by its kind and its name.
func (e *spacedEntities) ownerGenitive(ws []word, i int) bool {
	if i+1 >= len(ws) || ws[i].Punct || ws[i].Digits || upperName(&ws[i]) || !upperName(&ws[i+1]) {
		return false
	}
	if m, ok := e.genitive.longestAt(ws, i); !ok || m.End != i+1 {
		return false
	}
	if m, ok := e.stop.longestAt(ws, i); ok && m.End > i {
		return false
	}
	return !e.partyAt(ws, i+1) && !e.adjectiveOfLower(ws, i+1)
}

// adjectiveOfLower reports whether the capitalised word at i is an
// adjective whose noun, lowercase, follows it (Višegradske grupe,
// Evropske unije): the start of another name, not an owner.
func (e *spacedEntities) adjectiveOfLower(ws []word, i int) bool {
	if i+1 >= len(ws) || ws[i+1].Punct || ws[i+1].Digits || upperName(&ws[i+1]) {
		return false
	}
	// a join, a preposition or a verb after it ends a noun as well
	// (Prištine uz…, Centralne i Istočne)
	f := &ws[i+1]
	if e.inner.has(f) || e.pair.has(f) || e.prep.has(f) || e.complement.has(f) {
		return false
	}
	if m, ok := e.stop.longestAt(ws, i+1); ok && m.End > i+1 {
		return false
	}
	m, ok := e.adjective.longestAt(ws, i)
	return ok && m.End == i+1
}

// paired reports whether the words [i, j) are joined to a name by a join
// mark (EU–Uzbekistan Cooperation Council, ASEAN-Japan Centre): an
// organisation of many states that is one party of a body, not the body.
func (e *spacedEntities) paired(ws []word, i, j int) bool {
	return j+1 < len(ws) && joins(&ws[j]) && upperName(&ws[j+1]) || i >= 2 && joins(&ws[i-1]) && upperName(&ws[i-2])
}

// headCovers reports whether a mechanism's head ([mechanism-head]) that
// opens inside the name, from a on, before the excluded word at i runs over
// it to j (Ministerial Forum over Forum): the pair's standing body is named
// by the longer head, no forum of many states.
func (e *spacedEntities) headCovers(ws []word, a, i, j int) bool {
	for k := a; k < i; k++ {
		if m, ok := e.mech.longestAt(ws, k); ok && m.End >= j {
			return true
		}
	}
	return false
}

// fieldList returns where a list of fields inside a name ends that opens
// with the comma at i (…on Economic, Trade, Scientific and Technological
// Cooperation): capitalised words between commas, then an inner word and
// a capitalised one; i when the words after the comma are no such list (a
// party, as in "the Committee on Trade, China and Serbia will…", or a
// list that never closes with an inner word).
func (e *spacedEntities) fieldList(st *sentence, i int) int {
	return fieldListEnd(st, i, e.inner, e.months)
}

// ownerEnd extends a name past its complement at b over the capitalised
// owner after it (Fond za razvoj Abu Dabija), but not over the opening
// adjective of another name that its head follows (… za ekonomiju i
// trgovinu i Zajednički komitet …): the owner then ends before the last
// inner word or join, or there is none.
func (e *spacedEntities) ownerEnd(st *sentence, b int) int {
	end, _ := e.rightName(st, b, true)
	if end >= len(st.ws) || !e.startsHead(st.ws, end) {
		return end
	}
	for k := end - 1; k > b; k-- {
		if w := &st.ws[k]; !upperName(w) {
			return k
		}
	}
	return b
}

// startsHead reports whether a head word opens at i (Industrijski park
// Borča i Fond za …: two names, not one).
func (e *spacedEntities) startsHead(ws []word, i int) bool {
	for _, pm := range []*phraseMatcher{e.mech, e.proj} {
		if m, ok := pm.longestAt(ws, i); ok && m.End > i {
			return true
		}
	}
	return false
}

// complementOf reads a lowercase complement after b ([entity-complement]:
// komitet za ekonomsku i trgovinsku saradnju) within maxComplement words,
// before a stop word or a mark; it returns where it ends, b when there is
// none.
func (e *spacedEntities) complementOf(st *sentence, b int, toMark bool) int {
	ws := st.ws
	if b >= len(ws) || !e.complement.has(&ws[b]) {
		return b
	}
	// it ends on a word of [entity-complement-end] (saradnju, razvoj):
	// without one, where it ends cannot be told from a verb after it,
	// unless the name opened with a capital inside the sentence (toMark)
	// and a mark closes the complement before any stop word: then the
	// mark ends it (Stanice za praćenje kritične zone krasa u Srbiji, …)
	end := b
	for k := b + 1; k < len(ws) && k-b <= maxComplement; k++ {
		w := &ws[k]
		if w.Punct && toMark && end == b && k > b+1 && !joins(w) {
			return k
		}
		if w.Punct || w.Digits {
			break
		}
		if m, ok := e.stop.longestAt(ws, k); ok && m.End > k {
			break
		}
		if m, ok := e.ends.longestAt(ws, k); ok && m.End > k {
			end = m.End
			if m.End < len(ws) && e.inner.has(&ws[m.End]) {
				if m.End+1 < len(ws) && upperName(&ws[m.End+1]) {
					break // … za trgovinu i Zajednički komitet: another name
				}
				continue // … saradnju i razvoj: the next may end it again
			}
			if f, ok := e.more.longestAt(ws, m.End); ok && f.End > m.End && k-b < maxComplement {
				k = f.End - 1 // … za saradnju | u oblasti infrastrukture: the field's noun ends it
				continue
			}
			break
		}
	}
	return end
}

// find returns the sentence's mechanisms and projects with their spans.
// Names of instruments it cites (refs) are not projects.
func (e *spacedEntities) find(st *sentence, refs []string) (mechs, projs []entente.Cue) {
	ws := st.ws
	used := make([]bool, len(ws)+1)
	var taken [][2]int
	take := func(list *[]entente.Cue, rule string, a, b int) {
		for k := a; k < b; k++ {
			if used[k] {
				return
			}
		}
		for _, t := range taken {
			if sameName(ws, t[0], t[1], a, b) {
				return // named again in another case (teretne vozove …, teretnim vozovima …): once
			}
		}
		text, s, end := st.span(a, b)
		if text == "" {
			return
		}
		for _, r := range refs {
			if strings.Contains(r, text) || strings.Contains(text, r) {
				return
			}
		}
		// an organisation of many states in the name, or opening in it
		// and running on past it in lower case (programa Evropske unije:
		// the EU's programmes, not a named one), unless it is joined to a
		// party's name as one side of a body (EU–Uzbekistan Cooperation
		// Council)
		if m, ok := e.exclude.next(ws[a:min(len(ws), b+3)], 0, nil); ok && m.Start < b-a && !e.paired(ws, a+m.Start, a+m.End) && !e.headCovers(ws, a, a+m.Start, a+m.End) {
			return
		}
		// one state's own organ, opening the name (Premier of the State
		// Council Li Qiang, the Standing Committee of the National
		// People's Congress)
		if m, ok := e.domestic.longestAt(ws, a); ok && m.End > a {
			return
		}
		for k := a; k < b; k++ {
			used[k] = true
		}
		taken = append(taken, [2]int{a, b})
		*list = append(*list, entente.Cue{Rule: rule, Text: text, Start: s, End: end})
	}
	// quoted names after a project head and a lead (a programme titled
	// “…”), or right after the head, in apposition (projekat „Beograd na
	// vodi“, the project “Green Corridor”)
	for i := 0; i < len(ws); i++ {
		q, head, from := -1, false, -1
		if m, ok := e.lead.longestAt(ws, i); ok && m.End > i {
			q = m.End
			for k := max(0, i-4); k < i; k++ {
				if p, ok := e.proj.longestAt(ws, k); ok && p.End > k {
					head = true
				}
			}
		} else if p, ok := e.proj.longestAt(ws, i); ok && p.End > i {
			q, head = p.End, true
			// a head named by its own capital takes the quoted name with
			// it (Kulturnog centra „Junus Emre“)
			if a, named := e.leftName(st, i); named || upperName(&ws[i]) && i > firstWord(ws) {
				from = a
			} else if q+1 < len(ws) && e.genitiveWord(ws, q) && ws[q+1].Punct && strings.Contains("“\"«„", ws[q+1].Key) {
				q++ // u programu obuke „Danube Skills“: the head's genitive, then its name
			}
		}
		if q < 0 || q >= len(ws) || !ws[q].Punct || !strings.Contains("“\"«„", ws[q].Key) {
			continue
		}
		j := q + 1
		for j < len(ws) && !(ws[j].Punct && strings.Contains("”\"»“", ws[j].Key)) {
			j++
		}
		if head && j < len(ws) && j > q+1 && j-q < 12 {
			if from >= 0 {
				take(&projs, "quoted name", from, j+1)
			} else {
				take(&projs, "quoted name", q+1, j)
			}
		}
	}
	// a name with its acronym after a class noun (the information
	// platforms Water and Climate Change Information for Africa (WACCA)
	// and Drought Early Warning Detection (DEWD)): the named works
	prev := -1 // where the last such name's acronym closed
	for i := 2; i+2 < len(ws); i++ {
		if !ws[i].Punct || ws[i].Key != "(" {
			continue
		}
		if a := e.acronymName(ws, i, prev); a >= 0 {
			take(&projs, "name with its acronym", a, i)
			prev = i + 2
		}
	}
	// a bare name of two capitalised words or more that the parties act
	// through (share imagery through Sentinel Asia, fund research under
	// Horizon Europe): a programme named without a head word. With a
	// determiner it is a body or an instrument (through the Japan
	// International Cooperation Agency, under the Paris Agreement), and a
	// party, an office or a head word in it makes it theirs to read.
	for k := 0; k+2 < len(ws); k++ {
		m, ok := e.through.longestAt(ws, k)
		if !ok || ws[k].Punct || m.End >= len(ws) || !upperName(&ws[m.End]) {
			continue
		}
		i := m.End - 1 // the last word of the lead
		if e.part.has(&ws[i+1]) {
			continue // under Article 6 of the Paris Agreement: a part of an instrument
		}
		if e.events.has(&ws[i+1]) {
			continue // participation in Exercise Malabar: an event, no programme
		}
		b, _ := e.rightName(st, i+1, true)
		if b-(i+1) < 2 || b < len(ws) && !ws[b].Punct && ws[b].Upper {
			continue
		}
		bare := true
		for k := i + 1; k < b; k++ {
			if st.inMention(k) || e.startsHead(ws, k) || e.months.has(&ws[k]) {
				bare = false
			}
		}
		if bare {
			take(&projs, "name after through", i+1, b)
		}
	}
	// a programme's lowercase head, its field in the genitive, then its
	// bare name (u okviru programa razvojne saradnje SlovakAid): the name
	// is the programme, as a quoted one after the field is
	if e.runs != nil {
		for m, ok := e.runs.next(ws, 0, nil); ok; m, ok = e.runs.next(ws, m.End, nil) {
			if i := m.Start; m.End <= i || ws[i].Upper || ws[i].Punct {
				continue
			}
			g := e.genitiveOf(st, m.End)
			if g <= m.End || g-m.End > 3 || g >= len(ws) || !upperName(&ws[g]) || st.inMention(g) || e.startsHead(ws, g) {
				continue
			}
			b := g + 1
			for b < len(ws) && upperName(&ws[b]) && !st.inMention(b) {
				b++
			}
			take(&projs, "name after a programme's field", g, b)
		}
	}
	// a bare name that an apposition calls a facility or a programme (the
	// Arctic Digital Link, a submarine cable connecting…): the head word
	// after the comma and its article says what the name is, as a head
	// word right after it would
	for c := 3; c+2 < len(ws); c++ {
		if !ws[c].Punct || ws[c].Key != "," || !e.apposed.has(&ws[c+1]) || !e.appositionHead(ws, c+2) {
			continue
		}
		a, named := e.leftName(st, c)
		if !named || c-a < 2 || a == 0 || !e.drop.has(&ws[a-1]) {
			continue
		}
		bare := true
		for k := a; k < c; k++ {
			if st.inMention(k) || e.startsHead(ws, k) || e.months.has(&ws[k]) || !upperName(&ws[k]) && !e.inner.has(&ws[k]) && !joins(&ws[k]) {
				bare = false
			}
		}
		if bare {
			take(&projs, "name in apposition", a, c)
		}
	}
	first := firstWord(ws)
	for _, kind := range []struct {
		heads *phraseMatcher
		list  *[]entente.Cue
	}{{e.mech, &mechs}, {e.proj, &projs}} {
		for m, ok := kind.heads.next(ws, 0, nil); ok; m, ok = kind.heads.next(ws, m.End, nil) {
			a, leftNamed := e.leftName(st, m.Start)
			headUpper := upperName(&ws[m.Start])
			round := false // named by its ordinal: a round (4. strateški dijalog)
			if !leftNamed && !headUpper {
				if c := e.sentenceCaseStart(st, m.Start); c >= 0 {
					// Zajednički investicioni fond Srbije i Azerbejdžana: a
					// name in sentence case, whose capital opens it; it
					// reads on after its head as a capitalised one does
					a, leftNamed, headUpper = c, true, true
				} else if c := e.ordinalStart(st, m.Start); c >= 0 && kind.list == &mechs {
					a, leftNamed, headUpper, round = c, true, true, true
				} else if c := e.modifiedNameStart(st, m.Start); c >= 0 {
					a, leftNamed = c, true // the Thai Binh 2 thermal power plant
				} else if c := e.adjectivesFromFirst(st, m.Start); c >= 0 {
					a = c // Međuvladin mešoviti komitet za …: named by its complement, as below
				}
			}
			toMark := a > first && upperName(&ws[a])
			b, rightNamed := e.rightName(st, m.End, headUpper)
			if rightNamed && !leftNamed && !headUpper && b-m.End > 1 && e.startsHead(ws, m.End) {
				// deonica Koridora 10: a lowercase head whose name after it
				// opens with a head of its own, named in turn, is a part of
				// that named thing, which is the project, not a name of its
				// own (radne grupe Saveta: a body's own groups, the body
				// unnamed there, stay one name)
				continue
			}
			// a name opens with a capital: before the head, the head itself
			// (not the sentence's first word, which is capitalised anyway),
			// or after it
			// (or, after the first word, a head of several words
			// capitalised: Strateški dijalog, a name in sentence case)
			named := leftNamed || rightNamed || (headUpper && m.Start > 0 && (a < m.Start || m.End-m.Start > 1))
			if opens := a == first && upperName(&ws[first]) && m.Start > first || m.Start == first && headUpper; !named && (opens || headUpper) {
				// the Joint Committee for …, Mešoviti komitet za …: a
				// capitalised opening counts with a complement after it
				if c := e.complementOf(st, b, toMark); c > b {
					named, b = true, c
				}
			} else if named {
				b = e.complementOf(st, b, toMark)
			}
			if named && b > m.End && !upperName(&ws[b-1]) {
				// a complement's owner, capitalised after it, is the
				// name's too (Fond za razvoj Abu Dabija, Savet za
				// saradnju Srbije i Grčke), after a short genitive too
				// that opens with an adjective (Komitet za saradnju
				// zakonodavnih tela Kine i Srbije; a verb may look like a
				// noun in the genitive, razmatra, not like an adjective)
				if o := e.ownerEnd(st, b); o > b {
					b = o
				} else if g := e.genitiveOf(st, b); g > b && g-b <= 3 && e.adjectiveAt(ws, b) {
					if o := e.ownerEnd(st, g); o > g {
						b = o
					}
				}
			}
			if kind.list == &projs && !named && headUpper && m.Start > first && m.End-m.Start == 1 && b == m.End {
				// Doma slovačke kulture: a capitalised head inside the
				// sentence opens a name, and a genitive of two words or
				// more after it that opens with an adjective is the rest
				// of that name, as a complement is
				if g := e.genitiveOf(st, m.End); g >= m.End+2 && e.adjectiveAt(ws, m.End) {
					named, b = true, g
				}
			}
			if kind.list == &mechs && !upperName(&ws[m.Start]) && b == m.End {
				// mehanizam uzajamnih poseta privrednika: the mechanism of
				// what a genitive of two words or more says is one; so is
				// a round's mechanism, its genitive too (4. strateški
				// dijalog ministara spoljnih poslova)
				// A name's capitals before the head (rad Zajedničkog komiteta
				// predstavnike drugih organa) leave the words after it to the
				// clause: an object in the accusative reads as a genitive
				g := e.genitiveOf(st, m.End)
				if named && round && g > m.End {
					b = g
				} else if h, ok := e.genHead.longestAt(ws, m.Start); ok && h.End == m.End && g >= m.End+2 && a == m.Start {
					named, b = true, g
				}
			}
			if !named {
				continue // a generic head names nothing
			}
			if !leftNamed && !headUpper && rightNamed && b < len(ws) && !ws[b].Punct && e.startsHead(ws, b) {
				// sekretarijati Mešovitog komiteta: the capitals after a
				// lowercase head open another name with a head of its own,
				// the body it belongs to, which its own head names
				continue
			}
			if kind.list == &projs && !leftNamed && !headUpper && st.countryOnly(m.End, b) {
				continue // železničke mreže Srbije: a country's own network, not a named work
			}
			if kind.list == &projs && e.partnershipHead.has(&ws[m.Start]) && !e.pairPartnership(ws, a, m.Start) {
				// the Comprehensive Strategic Partnership: the relationship
				// itself, no work of the parties
				continue
			}
			if kind.list == &projs && a == m.Start && e.cityName(ws, m.Start) {
				continue // in Port Vila: a capital named by its port, no works
			}
			if kind.list == &projs && b > m.End && e.orgEnd.has(&ws[b-1]) {
				continue // the Defense Acquisition Program Administration: an agency, no programme
			}
			if kind.list == &mechs && e.oneCountrys(st, a, b) {
				// the British Council, the South African Medical Research
				// Council, the Indian Council of Medical Research: one
				// country's institution, no body of the parties
				continue
			}
			take(kind.list, "head word", a, b)
		}
	}
	return mechs, projs
}

// pairPartnership reports whether a capitalised Partnership whose name
// opens at word a and whose head is at h is a named work of the two
// parties (the Canada–Philippines Disaster Risk Reduction Partnership, the
// U.S.-Kenya Strategic Trade and Investment Partnership): the name opens
// with two capitalised names joined by a dash, as a pair's works are named,
// and the word right before the head is its field, no grade of a
// relationship ([relationship-grade]: the India–UAE Comprehensive Strategic
// Partnership is the relationship itself, the Indonesia–Australia
// Comprehensive Economic Partnership a trade agreement's).
func (e *spacedEntities) pairPartnership(ws []word, a, h int) bool {
	if !upperName(&ws[h]) || h-1 <= a || e.grade.has(&ws[h-1]) {
		return false
	}
	for k := a; k+1 < h && k <= a+4; k++ {
		if k > a && joins(&ws[k]) && upperName(&ws[k+1]) && (upperName(&ws[k-1]) || ws[k-1].Key == ".") {
			return true
		}
		if upperName(&ws[k]) && strings.Contains(strings.Trim(ws[k].Key, "-"), "-") {
			return true // Ghana-Japan, written as one word
		}
	}
	return false
}

// oneCountrys reports whether the name in words [a, b) opens with one
// country's demonym and names no other country, party or demonym after it,
// nor joins two with a dash (the Korean–Polish Joint Committee is theirs).
func (e *spacedEntities) oneCountrys(st *sentence, a, b int) bool {
	ws := st.ws
	d, ok := e.demonym.longestAt(ws, a)
	if !ok || d.End <= a || d.End >= b {
		return false
	}
	for k := a; k < b; k++ {
		if ws[k].Punct && ws[k].Key != "," || strings.ContainsAny(ws[k].Key, "-–—") {
			return false // Korean–Polish, Srpsko-emiratski: two countries joined
		}
		if k < d.End {
			continue
		}
		if o, ok := e.demonym.longestAt(ws, k); ok && o.End > k {
			return false
		}
	}
	for _, m := range st.ments {
		if m.Start >= d.End && m.Start < b {
			return false
		}
	}
	return true
}

// sameName reports whether the words a1..b1 and a2..b2 are one name in
// two cases: as many words, each the same mark or a form of the same stem
// (teretne vozove Kina–Evropa, teretnim vozovima Kina–Evropa).
func sameName(ws []word, a1, b1, a2, b2 int) bool {
	if b1-a1 != b2-a2 {
		return false
	}
	for k := 0; k < b1-a1; k++ {
		x, y := &ws[a1+k], &ws[a2+k]
		if x.Key != y.Key && (x.Punct || y.Punct || !sameStem(x.Key, y.Key)) {
			return false
		}
	}
	return true
}

// remember adds to known the keys of the first two words of a mechanism
// named in the sentence (Mešovitu komisiju za saradnju…), for namedBefore.
// A lowercase compound of two words joined by a hyphen after the first
// (Zajedničku srpsko-mađarsku radnu grupu: the two countries' adjective)
// is left out the second time (Zajednička radna grupa), so the first word
// with the one after the compound is remembered too.
func (e *spacedEntities) remember(st *sentence, known [][2]string, c entente.Cue) [][2]string {
	for i := 0; i+1 < len(st.ws); i++ {
		if st.ws[i].Start == c.Start {
			if st.ws[i].Upper && !st.ws[i+1].Punct && st.ws[i+1].End <= c.End {
				known = append(known, [2]string{st.ws[i].Key, st.ws[i+1].Key})
				if i+2 < len(st.ws) && hyphenCompound(&st.ws[i+1]) && !st.ws[i+2].Punct && st.ws[i+2].End <= c.End {
					known = append(known, [2]string{st.ws[i].Key, st.ws[i+2].Key})
				}
				// Srpsko-austrijski zajednički komitet: the compound opens
				// the name, and the two words after it open it the second
				// time (Zajednički komitet sastaje se…)
				if i+2 < len(st.ws) && compoundKey(st.ws[i].Key) && !st.ws[i+1].Upper && !st.ws[i+2].Punct && st.ws[i+2].End <= c.End {
					known = append(known, [2]string{st.ws[i+1].Key, st.ws[i+2].Key})
				}
			}
			break
		}
	}
	return known
}

// agentModifier reports whether w is a hyphenated modifier whose last
// part, in lower case, is a participle of [entity-agent] (EU-facilitated,
// UN-led): it says who runs or funds a body, and opens no name.
func (e *spacedEntities) agentModifier(w *word) bool {
	if w.Punct || len(e.agent.keys) == 0 {
		return false
	}
	k := strings.LastIndex(w.Key, "-")
	if k <= 0 || k == len(w.Key)-1 {
		return false
	}
	return e.agent.keys[w.Key[k+1:]]
}

// hyphenCompound reports whether w is a lowercase word of two joined by a
// hyphen (srpsko-mađarsku), not a capitalised pair (Srbija-Mađarska).
func hyphenCompound(w *word) bool {
	if w.Punct || w.Upper {
		return false
	}
	return compoundKey(w.Key)
}

// compoundKey reports whether a word's key is two joined by a hyphen.
func compoundKey(key string) bool {
	k := strings.Index(key, "-")
	return k > 0 && k < len(key)-1
}

// namedBefore returns the mechanism that opens a sentence with an
// adjective and a head alone (Mešovita komisija sastajaće se…, Zajednička
// radna grupa podnosiće izveštaje…) when the
// document named it before with a capital inside a sentence (Mešovitu
// komisiju za saradnju…): the same words in another case. It returns nil
// when none does.
func (e *spacedEntities) namedBefore(st *sentence, known [][2]string) *entente.Cue {
	ws := st.ws
	if len(known) == 0 || len(ws) < 3 || !upperName(&ws[0]) {
		return nil
	}
	m, ok := e.mech.longestAt(ws, 1)
	if !ok || m.End <= 1 {
		return nil
	}
	for _, k := range known {
		if sameStem(ws[0].Key, k[0]) && sameStem(ws[1].Key, k[1]) {
			// the head whole, of one word or more (Zajednička radna grupa)
			text, s, end := st.span(0, m.End)
			return &entente.Cue{Rule: "named before", Text: text, Start: s, End: end}
		}
	}
	return nil
}

// sameStem reports whether two inflected forms of a word share their stem:
// all but the last three letters of the shorter, and at least four
// (komisiju, komisija; Mešovitu, Mešovita).
func sameStem(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= 4 && n >= min(len(ra), len(rb))-3
}

// countryOnly reports whether the words a..b are one country's name and
// nothing more (Srbije; not Bugarska–Srbija, a link's two ends, nor Abu
// Dabija, a city): after a lowercase head, the owner of a generic thing.
func (st *sentence) countryOnly(a, b int) bool {
	for k := a; k < b; k++ {
		if strings.ContainsAny(st.ws[k].Key, "-–—") || st.ws[k].Punct {
			return false // Mađarska-Srbija: two ends of a link
		}
	}
	for _, m := range st.ments {
		if m.Kind == mCountry && m.Start == a && m.End == b {
			return true
		}
	}
	return false
}

// countryCovers reports whether word i is (part of) a country's name.
func (st *sentence) countryCovers(i int) bool {
	for _, m := range st.ments {
		if m.Kind == mCountry && m.Start <= i && i < m.End {
			return true
		}
	}
	return false
}

// ownerCountryEnd returns where a country's name written with a possessive
// ending ('s) ends when it opens the words at a before the head at h (India's
// Unified Payments Interface): the country owns the name, which begins after
// it; a otherwise.
func (st *sentence) ownerCountryEnd(a, h int) int {
	for _, m := range st.ments {
		if m.Kind == mCountry && m.Start <= a && a < m.End && m.End < h && possessive(st, m.End-1) {
			return m.End
		}
	}
	return a
}

// partyAt reports whether the words that name every party open at i.
func (e *spacedEntities) partyAt(ws []word, i int) bool {
	p, ok := e.parties.longestAt(ws, i)
	return ok && p.End > i
}

// notDocument returns cs without the names that are the document's own
// title's opening words (a plan of consultations naming itself: утврдиле
// су следећи План консултација:), in any case of theirs: the document, no
// body or project of its parties. title is nil when the document has none.
func notDocument(st *sentence, cs []entente.Cue, title *sentence) []entente.Cue {
	if title == nil || len(cs) == 0 {
		return cs
	}
	var out []entente.Cue
	for k, c := range cs {
		if !opensTitle(st, c, title) {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]entente.Cue, 0, len(cs)-1), cs[:k]...)
		}
	}
	if out == nil {
		return cs
	}
	return out
}

// opensTitle reports whether the name c in the sentence is two words or
// more that open the title, each the title's word or its stem.
func opensTitle(st *sentence, c entente.Cue, title *sentence) bool {
	n := 0
	for i := range st.ws {
		w := &st.ws[i]
		if w.Start < c.Start || w.End > c.End {
			continue
		}
		if w.Punct || n >= len(title.ws) {
			return false
		}
		t := &title.ws[n]
		if t.Key != w.Key && (t.Punct || !sameStem(t.Key, w.Key)) {
			return false
		}
		n++
	}
	return n >= 2
}

// shortName returns the key of the one-word short name a document gives a
// mechanism right after naming it, in a parenthesis that closes on a
// capitalised head word after a colon (Mešovita komisija za ekonomsku
// saradnju … (u daljem tekstu: Komisija)), or "" when none follows.
func (e *spacedEntities) shortName(st *sentence, c entente.Cue) string {
	ws := st.ws
	i := 0
	for i < len(ws) && ws[i].Start < c.End {
		i++
	}
	if i >= len(ws) || !ws[i].Punct || ws[i].Key != "(" {
		return ""
	}
	if k := acronymAfter(ws, i, c.Text); k != "" {
		return k
	}
	for j := i + 1; j+2 < len(ws) && j < i+6; j++ {
		if !ws[j].Punct {
			continue
		}
		if ws[j].Key != ":" {
			return ""
		}
		if m, ok := e.mech.longestAt(ws, j+1); ok && m.End == j+2 && upperName(&ws[j+1]) && ws[j+2].Punct && ws[j+2].Key == ")" {
			return ws[j+1].Key
		}
		return ""
	}
	return ""
}

// acronymAfter returns, marked as an acronym ("=bnc"), the acronym a
// document gives a body in brackets right after its name (the Bi-national
// Commission (BNC) between…, the Joint Commission for Cooperation (JCC)):
// two to six capitals and nothing else, whose first letter is the name's,
// as the genre names a body once in full and then by its initials; or "".
// ws[open] is the opening bracket.
func acronymAfter(ws []word, open int, name string) string {
	if open+2 >= len(ws) || !ws[open+2].Punct || ws[open+2].Key != ")" {
		return ""
	}
	w := &ws[open+1]
	if w.Punct || w.Digits || !w.AllUpper || len(w.Key) < 2 || len(w.Key) > 6 || name == "" {
		return ""
	}
	for _, r := range w.Key {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	if unicode.ToLower(first) != rune(w.Key[0]) {
		return ""
	}
	return "=" + w.Key
}

// acronymName returns where a name opens whose acronym stands in brackets
// at ws[open] (… Water and Climate Change Information for Africa (WACCA)):
// capitalised words and inner words, two capitalised at least, the
// acronym's first and last letters the initials of the name's first and
// last words, right after a class noun of [acronym-project-class] or after
// the name of the same kind before it and "and" or a comma (prev: where
// that one's acronym closed). It returns -1 for none.
func (e *spacedEntities) acronymName(ws []word, open, prev int) int {
	if e.acrClass == nil || acronymAfter(ws, open, "x") == "" && acronymAfter(ws, open, ws[open+1].Key) == "" {
		return -1
	}
	acr := ws[open+1].Key
	a, caps := open, 0
	for k := open - 1; k >= 0; k-- {
		w := &ws[k]
		if upperName(w) {
			a, caps = k, caps+1
			continue
		}
		if !w.Punct && e.inner.has(w) && k > 0 && upperName(&ws[k-1]) {
			continue
		}
		break
	}
	if caps < 2 || a == 0 || ws[a].Key[0] != acr[0] || ws[open-1].Key[0] != acr[len(acr)-1] {
		return -1
	}
	if e.acrClass.has(&ws[a-1]) || a-1 == prev && a-2 >= 0 || (ws[a-1].Key == "and" || ws[a-1].Key == ",") && a-1 == prev+1 && prev > 0 {
		return a
	}
	return -1
}

// shortNamed returns the mentions of the short names a document gave its
// mechanisms (Komisija, Komisije, Komisiji): each a capitalised head word
// alone, another case of the same word, outside the mechanisms found.
func (e *spacedEntities) shortNamed(st *sentence, short []string, mechs []entente.Cue) []entente.Cue {
	var out []entente.Cue
	for i := range st.ws {
		w := &st.ws[i]
		if !upperName(w) || slices.ContainsFunc(mechs, func(m entente.Cue) bool { return m.Start < w.End && w.Start < m.End }) {
			continue
		}
		if slices.Contains(short, "="+w.Key) && w.AllUpper {
			// an acronym the document gave a body (the BNC): the body
		} else if !slices.ContainsFunc(short, func(k string) bool { return !strings.HasPrefix(k, "=") && sameStem(w.Key, k) }) {
			continue
		} else if m, ok := e.mech.longestAt(st.ws, i); !ok || m.End != i+1 {
			continue
		}
		text, s, end := st.span(i, i+1)
		out = append(out, entente.Cue{Rule: "short name", Text: text, Start: s, End: end})
	}
	return out
}

// openingGerund reports whether word k opens the sentence with the gerund
// of a cue (a fact sheet's bullet: Expanding Canada's … program): the
// parties' doing, capitalised as the first word, no part of the name after
// it.
func openingGerund(st *sentence, k int) bool {
	return k == 0 && strings.HasSuffix(st.ws[0].Key, "ing") && st.cueAt(0)
}
