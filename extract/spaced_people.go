package extract

import (
	"slices"
	"strings"

	"github.com/entente/entente"
)

// A statement names its leaders in full once, with their country
// (President of the Republic of Korea Yoon Suk Yeol, Prime Minister Kishida
// Fumio of Japan, predsednik Srbije Aleksandar Vučić) or in its signature
// block, and then by office and name alone (President Yoon reaffirmed…).
// The office alone names no party when several may hold it, so the later
// mention would stand for all the parties; people remembers, for one
// document, each name's words with the party they were first given, so
// that "President Yoon" is the Republic of Korea's.

// people maps the words of the names read in a document (folded keys) to
// their party's codes; a word given two parties names neither.
type people struct {
	codes map[string][]string
}

func newPeople() *people { return &people{codes: map[string][]string{}} }

// learnName records the words of a name written as text (a signatory's),
// keyed as the tokenizer keys a sentence's words: a Cyrillic signature
// (Александар Вучић) names the Вучић of a sentence, whose key is Latin.
func (p *people) learnName(name string, codes []string) {
	ws := tokenize([]rune(name))
	for i, w := range ws {
		if w.Punct || i+1 < len(ws) && ws[i+1].Punct && ws[i+1].Key == "." {
			continue // an initial or an abbreviation (R., Jr.) tells no one
		}
		p.learnKey(w.Key, codes)
	}
}

func (p *people) learnKey(k string, codes []string) {
	if !nameKey(k) || len(codes) == 0 {
		return
	}
	old, ok := p.codes[k]
	switch {
	case !ok:
		p.codes[k] = slices.Clone(codes)
	case old != nil && !slices.Equal(old, codes):
		p.codes[k] = nil // two people of two parties share it
	}
}

// nameKey reports whether a word can tell a person: not an initial or an
// abbreviation (R., Jr.), two letters or more (Xi).
func nameKey(k string) bool {
	return len(k) >= 2 && !strings.ContainsAny(k, ".")
}

// signatories learns the names of a signature block.
func (p *people) signatories(ss []entente.Signatory) {
	for _, s := range ss {
		if s.Party != "" {
			p.learnName(s.Name, []string{s.Party})
		}
	}
}

// officeCodes returns the codes of the office mention [a, b) of st, whose
// own codes are codes (nil: any party's office): its country named beside
// it and its holder's name after it, learnt; or, with no country, the
// party learnt for that name. ments are the sentence's country mentions.
func (p *people) officeCodes(x *Spaced, st *sentence, a, b int, codes []string, ments []smention) []string {
	ws := st.ws
	country := func(at int) *smention { return x.countryAt(st, ments, at) }
	// the country right after the office (predsednik Srbije), or after
	// its preposition (President of the Republic of Korea)
	n := b
	c := country(b)
	if c == nil && b < len(ws) && x.prep.has(&ws[b]) {
		c = country(b + 1)
	}
	if c != nil {
		n = c.End
	}
	e := nameEnd(x, st, n, len(ws))
	if e == n {
		// the Prime Minister of Australia, the Hon Anthony Albanese MP, …
		n, e = apposition(x, st, n)
	}
	for k := n; k < e; k++ {
		if country(k) != nil {
			e = k
		}
	}
	// Prime Minister Kishida Fumio of Japan; President Joseph R. Biden,
	// Jr. of the United States, past the generation's suffix
	if c == nil && e > n {
		at := x.pastNameSuffix(ws, e)
		if at+1 < len(ws) && x.prep.has(&ws[at]) {
			c = country(at + 1)
		}
	}
	if len(codes) == 0 && c != nil {
		codes = c.Codes
	}
	if len(codes) > 0 {
		for i := n; i < e; i++ {
			p.learnKey(ws[i].Key, codes)
		}
		return codes
	}
	for i := n; i < e; i++ {
		if got := p.codes[ws[i].Key]; got != nil {
			return got
		}
	}
	return nil
}

// host learns the party of the leader who welcomes another to a place
// (President Joseph R. Biden, Jr. welcomed President Yoon Suk Yeol of the
// Republic of Korea to the White House): between two parties, the host is
// the party the visitor is not. The first office of the sentence is the
// host's, the next the visitor's (hostsVisitor has read them).
func (p *people) host(x *Spaced, st *sentence, parties []string) {
	var offices []*smention
	for i := range st.ments {
		if st.ments[i].Kind == mOffice {
			offices = append(offices, &st.ments[i])
		}
	}
	if len(parties) != 2 || len(offices) != 2 || len(offices[0].Codes) > 0 || len(offices[1].Codes) != 1 {
		return
	}
	visitor := offices[1].Codes[0]
	if !slices.Contains(parties, visitor) {
		return
	}
	other := parties[0]
	if other == visitor {
		other = parties[1]
	}
	ws := st.ws
	for i := offices[0].End; i < nameEnd(x, st, offices[0].End, offices[1].Start); i++ {
		p.learnKey(ws[i].Key, []string{other})
	}
}

// apposition returns the words [a, e) of a name set off by commas at word
// n, after an office and its country (the President of the Republic of
// Indonesia, H.E. Prabowo Subianto, …): past articles and honorifics of
// [office] (H.E., Hon) and courtesy titles of [courtesy-title] (Mr., Ms.),
// up to four capitalised words that the second comma
// ends. It returns n, n when no such name stands there.
func apposition(x *Spaced, st *sentence, n int) (int, int) {
	ws := st.ws
	if n >= len(ws) || !ws[n].Punct || ws[n].Key != "," {
		return n, n
	}
	p := n + 1
	for p < len(ws) {
		if x.det.has(&ws[p]) {
			p++
			continue
		}
		if m, ok := x.offices.longestAt(ws, p); ok && m.End > p && ws[p].Upper {
			p = m.End
			continue
		}
		if ws[p].Upper && x.courtesy.has(&ws[p]) {
			// H.E. Mr. Kassym-Jomart Tokayev: a courtesy title and its
			// full stop open the name
			p++
			if p < len(ws) && ws[p].Punct && ws[p].Key == "." {
				p++
			}
			continue
		}
		break
	}
	e := nameEnd(x, st, p, len(ws))
	if e == p || e >= len(ws) || !ws[e].Punct || ws[e].Key != "," {
		return n, n
	}
	return p, e
}

// nameEnd returns where a name that may begin at word a ends (before b):
// up to four capitalised words, the full stop of an initial among them
// (Joseph R. Biden); a when none begins there.
func nameEnd(x *Spaced, st *sentence, a, b int) int {
	ws := st.ws
	e, words := a, 0
	for e < b && words < 4 {
		w := &ws[e]
		switch {
		case w.Punct && w.Key == "." && e > a && len([]rune(ws[e-1].Key)) == 1:
			e++ // the full stop of an initial
		case !w.Punct && w.Upper && !x.det.has(w):
			e++
			words++
		default:
			return e
		}
	}
	return e
}

// countryAt returns the country mention of ments that begins at word at,
// past its determiners (of the Republic of Korea), or nil.
func (x *Spaced) countryAt(st *sentence, ments []smention, at int) *smention {
	for at < len(st.ws) && x.det.has(&st.ws[at]) {
		at++
	}
	for i := range ments {
		if ments[i].Start == at && ments[i].Kind == mCountry {
			return &ments[i]
		}
	}
	return nil
}

// pastNameSuffix returns the word after a generation's suffix (", Jr.")
// that follows a name ending at word e, or e when none does.
func (x *Spaced) pastNameSuffix(ws []word, e int) int {
	k := e
	if k < len(ws) && ws[k].Punct && ws[k].Key == "," {
		k++
	}
	if k >= len(ws) || ws[k].Punct || !x.nameSuffix.has(&ws[k]) {
		return e
	}
	k++
	if k < len(ws) && ws[k].Punct && ws[k].Key == "." {
		k++
	}
	return k
}
