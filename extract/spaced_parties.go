package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/entente/entente/lexicon"
)

// spacedCountries finds countries in a spaced-script sentence by their names
// in the country table (English, or Serbian in both scripts) and by the
// demonyms of the language's cue table.
type spacedCountries struct {
	pm    *phraseMatcher
	names []countryName
	// capitalOnly: every name and demonym opens with a capital (English),
	// so words in lower case need no look-up
	capitalOnly bool
}

type caseRule int

const (
	anyCase     caseRule = iota
	capitalised          // China, not china
	allCaps              // US, not us
)

type countryName struct {
	code    string
	codes   []string // code alone, shared by the mentions of the name (never changed)
	demonym bool
	// alias: another name of a party ([party-alias]: USAID), read as that
	// party only where it is one of the document's
	alias bool
	rule  caseRule
}

// newSpacedCountries reads the names; forms spells a name's stems with
// their sound changes (Amerik* as Americi).
func newSpacedCountries(cs *lexicon.Countries, lang string, demonyms, aliases []lexicon.Entry, forms func(string) []string) *spacedCountries {
	sc := &spacedCountries{pm: newPhraseMatcher(), capitalOnly: lang == "en"}
	// a code's slice is shared by its names (a country has several, in
	// forms and scripts): one object per country, not per name
	shared := map[string][]string{}
	add := func(text string, n countryName) {
		if shared[n.code] == nil {
			shared[n.code] = []string{n.code}
		}
		n.codes = shared[n.code]
		for _, f := range forms(text) {
			sc.pm.Add(f, len(sc.names))
		}
		sc.names = append(sc.names, n)
	}
	cols := []string{"en"}
	if lang == "sr" {
		cols = []string{"sr-Latn", "sr-Cyrl"}
	}
	seen := map[string]bool{}
	for _, c := range cs.List {
		for _, col := range cols {
			for _, n := range c.Names[col] {
				rule := capitalised
				if isAllCaps(n) {
					rule = allCaps
				}
				text := n
				if lang == "sr" && rule != allCaps {
					text = serbianStems(n)
				}
				if seen[text+"\x00"+c.Code] {
					continue
				}
				seen[text+"\x00"+c.Code] = true
				add(text, countryName{code: c.Code, rule: rule})
				if lang == "sr" && rule == allCaps && !strings.Contains(n, " ") {
					// Serbian declines an abbreviation after a hyphen
					// (sa SAD-om, u EU-u): a word no longer all in
					// capitals, opening with the capitals and the hyphen
					add(foldKey(n)+"-*", countryName{code: c.Code, rule: capitalised})
				}
			}
		}
	}
	for _, e := range demonyms {
		rule := anyCase
		if lang == "en" {
			rule = capitalised
		}
		add(e.Text, countryName{code: e.Value, demonym: true, rule: rule})
	}
	for _, e := range aliases {
		rule := capitalised
		if isAllCaps(e.Text) {
			rule = allCaps
		}
		add(e.Text, countryName{code: e.Value, alias: true, rule: rule})
	}
	return sc
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters > 0
}

// serbianStems turns a Serbian name into a pattern that finds its case
// forms: every word of five letters or more loses a final vowel and matches
// any ending (Srbija → srbij*: Srbije, Srbiji, Srbijom); shorter words and
// words ending in a consonant match themselves with any ending.
func serbianStems(name string) string {
	var out []string
	for _, w := range strings.Fields(name) {
		k := foldKey(w)
		rs := []rune(k)
		if len(rs) < 3 || strings.IndexFunc(k, isNotLetter) >= 0 {
			// a word with a mark in it ("(Tajvan)") is written out: a
			// stem after its bracket would open no word of a text
			out = append(out, k)
			continue
		}
		if len(rs) >= 5 && strings.ContainsRune("aeiou", rs[len(rs)-1]) {
			rs = rs[:len(rs)-1]
		} else if strings.ContainsRune("aeiou", rs[len(rs)-1]) && len(rs) == 4 {
			rs = rs[:len(rs)-1] // Kina → kin*
		}
		out = append(out, string(rs)+"*")
	}
	return strings.Join(out, " ")
}

func isNotLetter(r rune) bool { return !unicode.IsLetter(r) }

// a found country name, in word offsets.
type countryMatch struct {
	Start, End int
	countryName
}

func (sc *spacedCountries) find(ws []word) []countryMatch { return sc.findInto(nil, ws) }

// findInto is find appending to out (a sentence's memory, reused).
func (sc *spacedCountries) findInto(out []countryMatch, ws []word) []countryMatch {
	var opens func(*word) bool
	if sc.capitalOnly {
		opens = func(w *word) bool { return w.Upper }
	}
	for m, ok := sc.pm.next(ws, 0, opens); ok; m, ok = sc.pm.next(ws, m.End, opens) {
		n := sc.names[m.Payload]
		first := ws[m.Start]
		switch n.rule {
		case capitalised:
			if !first.Upper {
				continue
			}
		case allCaps:
			if !first.AllUpper {
				continue
			}
		}
		out = append(out, countryMatch{Start: m.Start, End: m.End, countryName: n})
	}
	return out
}

// codes returns the countries named in a sentence's words, in order,
// each once.
func (sc *spacedCountries) codes(ws []word) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range sc.find(ws) {
		if m.demonym || m.alias || seen[m.code] {
			continue
		}
		seen[m.code] = true
		out = append(out, m.code)
	}
	return out
}

type mentionKind int

const (
	mCountry mentionKind = iota // Serbia, the United States
	mJoint                      // the two sides, both leaders, they
	mOffice                     // the President, Taoiseach
	mDemonym                    // the Chinese side, the Serbian Government
)

// smention is a party or a person of a party named in a sentence.
type smention struct {
	Start, End int // words
	Codes      []string
	Kind       mentionKind
}

// mentions finds the parties named in a sentence: countries, joint words
// (standing for all the document's parties), offices and demonyms before a
// party head (the Chinese side).
func (x *Spaced) mentions(st *sentence, parties []string) []smention {
	ws := st.ws
	var short [64]bool // most sentences: no allocation
	taken := short[:]
	if len(ws)+1 > len(short) {
		taken = make([]bool, len(ws)+1)
	}
	out := st.ments[:0] // the last sentence's memory, when the document's buffer gave it
	for m, ok := x.joint.next(ws, 0, nil); ok; m, ok = x.joint.next(ws, m.End, nil) {
		out = append(out, smention{Start: m.Start, End: m.End, Codes: parties, Kind: mJoint})
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	st.found = x.countries.findInto(st.found[:0], ws) // read here only: the next sentence may reuse it
	for _, m := range st.found {
		if taken[m.Start] || m.alias && !slices.Contains(parties, m.code) {
			continue
		}
		if m.demonym {
			if e := x.agencyName(ws, m.End, m.codes, parties); e > m.End {
				// British International Investment, the British Council:
				// a party's own agency, its name opening with the
				// party's adjective, acts for that party alone
				out = append(out, smention{Start: m.Start, End: e, Codes: m.codes, Kind: mDemonym})
				for i := m.Start; i < e; i++ {
					taken[i] = true
				}
				continue
			}
			end, _ := x.heads.longestAt(ws, min(m.End, len(ws)-1))
			if m.End >= len(ws) || end.End <= 0 || end.Start != m.End {
				continue
			}
			out = append(out, smention{Start: m.Start, End: end.End, Codes: m.codes, Kind: mDemonym})
			for i := m.Start; i < end.End; i++ {
				taken[i] = true
			}
			continue
		}
		// a gerund that opens the sentence (a fact sheet's bullet: Expanding
		// Canada's Dark Vessel Detection program) is capitalised as the
		// first word, no name word
		openingGerund := m.Start == 1 && strings.HasSuffix(ws[0].Key, "ing")
		if x.lang == "en" && m.Start > 0 && m.End < len(ws) && nameWord(&ws[m.Start-1]) && !x.det.has(&ws[m.Start-1]) && !openingGerund && nameWord(&ws[m.End]) {
			continue // South China Sea, East China Sea: a country inside a place's name
		}
		out = append(out, smention{Start: m.Start, End: m.End, Codes: m.codes, Kind: mCountry})
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	var upper func(*word) bool
	if x.lang == "en" {
		upper = func(w *word) bool { return w.Upper }
	}
	for m, ok := x.offices.next(ws, 0, upper); ok; m, ok = x.offices.next(ws, m.End, upper) {
		if taken[m.Start] || (x.lang == "en" && !ws[m.Start].Upper) {
			continue // Serbian writes offices in lower case (predsednik Vučić)
		}
		codes := x.officeCodes[m.Payload]
		if st.people != nil {
			// out holds the sentence's countries by now
			codes = st.people.officeCodes(x, st, m.Start, m.End, codes, out)
		}
		out = append(out, smention{Start: m.Start, End: m.End, Codes: codes, Kind: mOffice})
	}
	sortMentions(out)
	return out
}

// agencyName returns the end of the capitalised name that follows a
// demonym ending at word i, in English, when the demonym is one document
// party's (British International Investment, the British Council), or i
// when no such name follows.
func (x *Spaced) agencyName(ws []word, i int, codes, parties []string) int {
	if x.lang != "en" || len(codes) != 1 || !slices.Contains(parties, codes[0]) {
		return i
	}
	e := i
	for e < len(ws) && nameWord(&ws[e]) {
		e++
	}
	return e
}

// nameWord reports a capitalised word, no mark or number: a part of a
// proper name.
func nameWord(w *word) bool { return w.Upper && !w.Punct && !w.Digits }

func sortMentions(ms []smention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// unionCodes returns the codes of the sets, each once, sorted (nil for
// none), as union does, without the map: a sentence's lists of parties
// hold a few codes.
func unionCodes(sets ...[]string) []string {
	return gatherCodes(nil, sets)
}

// addCodes is unionCodes(dst, src) written into dst, which the caller
// owns (made by addCodes or unionCodes, held by no one else).
func addCodes(dst, src []string) []string {
	n := len(dst)
	for _, c := range src {
		if !slices.Contains(dst, c) {
			if len(dst) == cap(dst) {
				dst = slices.Grow(dst, len(src)) // room for all of src at once
			}
			dst = append(dst, c)
		}
	}
	if len(dst) > n {
		slices.Sort(dst)
	}
	return dst
}
