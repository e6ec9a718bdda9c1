package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// areaMatcher places a sentence in policy areas from its keywords: [area]
// words decide; [area-weak] words (一带一路, 安全) count only when no [area]
// word is present; a sentence with neither frames the relationship itself
// ([area-default]).
type areaMatcher struct {
	m     *lexicon.Matcher
	words []areaWord
	dflt  []string
}

// noArea marks a word that contains an area keyword but is not about it.
const noArea = "none"

type areaWord struct {
	area string
	weak bool
}

func newAreaMatcher(t *lexicon.Table) (*areaMatcher, error) {
	am := &areaMatcher{m: lexicon.NewMatcher(), dflt: t.Words("area-default")}
	for _, sec := range []struct {
		name string
		weak bool
	}{{"area", false}, {"area-weak", true}} {
		for _, e := range t.Entries(sec.name) {
			if e.Value == "" {
				return nil, fmt.Errorf("%s:%d: area word %q needs =area", t.Name, e.Line, e.Text)
			}
			am.m.Add(e.Text, len(am.words))
			am.words = append(am.words, areaWord{area: e.Value, weak: sec.weak})
		}
	}
	return am, nil
}

// find returns the sorted areas of a sentence and the words that placed it.
func (am *areaMatcher) find(st *text, g *grammar, countries *countryIndex) ([]string, []entente.AreaCue) {
	rs := st.rs
	var strong, weak []entente.AreaCue
	shielded := am.shieldedRunes(st, g)
	// a country's name inside a project's name (a road named after a
	// country) locates the project and is not the sentence's topic
	inProject := make([]bool, len(rs))
	for _, n := range st.named {
		if !n.mechanism {
			for i := max(n.Start, 0); i < n.End && i < len(rs); i++ {
				inProject[i] = true
			}
		}
	}
	for _, m := range am.m.FindAll(rs) {
		w := am.words[m.Payload]
		if w.area == noArea {
			continue // a word that shields a keyword inside it (健康发展)
		}
		// Inside an instrument's title (《…电子商务…备忘录》), a quoted name
		// (“绿色丝路使者计划”), a mechanism's name or a background clause, a
		// keyword says what the sentence is about only when nothing outside
		// does; so does a country's name inside a project's name.
		inTitle := shielded[m.Start] || (inProject[m.Start] && inProject[m.End-1] && len(countries.find(string(rs[m.Start:m.End]))) > 0)
		codes := strings.Split(w.area, "+")
		if len(codes) > 1 && inEnumeration(rs, m.Start, m.End) {
			codes = codes[:1]
		}
		for _, area := range codes {
			c := entente.AreaCue{Area: area, Cue: entente.Cue{Rule: "area", Text: string(rs[m.Start:m.End]), Start: m.Start, End: m.End}}
			if w.weak || inTitle {
				c.Rule = "area (weak)"
				weak = append(weak, c)
			} else {
				strong = append(strong, c)
			}
		}
	}
	return settleAreas(strong, weak, am.dflt)
}

// settleAreas decides a sentence's areas from the keywords found in it, in
// any language: the strong keywords when there are any, else the weak ones
// (a framing word alone still places a sentence), else the default areas;
// each area once, sorted, never nil.
func settleAreas(strong, weak []entente.AreaCue, dflt []string) ([]string, []entente.AreaCue) {
	cues := strong
	if len(cues) == 0 {
		cues = weak
	}
	seen := map[string]bool{}
	areas := []string{}
	for _, c := range cues {
		if !seen[c.Area] {
			seen[c.Area] = true
			areas = append(areas, c.Area)
		}
	}
	if len(areas) == 0 {
		areas = append(areas, dflt...)
	}
	sort.Strings(areas)
	return areas, cues
}

// inEnumeration reports whether the word at [start, end) is an item of an
// enumeration: an enumeration comma stands right before or after it.
func inEnumeration(rs []rune, start, end int) bool {
	return (start > 0 && rs[start-1] == '、') || (end < len(rs) && rs[end] == '、')
}

// shieldedRunes marks the runes whose area keywords are weak: inside a
// title, a quoted name, a mechanism's name after its first keyword (中塞海关
// 安全合作机制 is about customs), or a background clause (在…的背景下). A
// quotation that is one keyword alone (“科索沃”, “台独”) is no name: it
// stays the topic.
func (am *areaMatcher) shieldedRunes(st *text, g *grammar) []bool {
	out := make([]bool, len(st.rs))
	open := -1
	for i, r := range st.masked {
		out[i] = r == '□'
		switch r {
		case '“':
			open = i
		case '”':
			if open >= 0 {
				if end, _ := am.m.LongestAt(st.rs, open+1); end != i {
					for j := open + 1; j < i; j++ {
						out[j] = true
					}
				}
				open = -1
			}
		}
	}
	for _, n := range st.named {
		if !n.mechanism {
			continue
		}
		// the name's first strong keyword names its domain; the rest are
		// its kind
		i := max(n.Start, 0)
		for i < n.End && i < len(out) {
			if end, p := am.m.LongestAt(st.rs, i); end > i {
				i = end
				if !am.words[p].weak {
					break
				}
				continue
			}
			i++
		}
		for ; i < n.End && i < len(out); i++ {
			out[i] = true
		}
	}
	for _, c := range st.clauseSpans() {
		if g.background.endsAt(st.masked, c.End) > c.Start {
			for i := c.Start; i < c.End; i++ {
				out[i] = true
			}
		}
	}
	return out
}
