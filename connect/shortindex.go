package connect

import "strings"

// shortIndex finds the groups whose names a group's names could be short
// forms of (shortOf), so that each group is compared with a few others
// rather than with every other one: a library of 100,000 statements may
// cite tens of thousands of instruments, and comparing every two took time
// that grew with their square.
//
// A Chinese short form keeps its full name's first character, last two
// and some of the others in order: nearly every full name begins with 中
// and ends with 协定 or the like, so a full name is indexed by those three
// with each other character it has, and a short form looks among the
// names that have its rarest. A short form written with spaces is its
// full name's first words: a full name is indexed by each of its
// beginnings of two words or more. Both are indexed by the parties of the
// documents that cite them, since a short form joins only a full name that
// the same parties cite (compatible).
type shortIndex struct {
	byChar   map[hanKey][]*group   // full names by their ends and one other character
	byWords  map[wordsKey][]*group // full names by a beginning of two words or more
	seen     map[*group]bool
	distinct map[rune]bool
}

// hanKey is a Chinese name's first character and last two, and one of its
// others, among the documents of parties.
type hanKey struct {
	parties string
	ends    [3]rune
	other   rune
}

// wordsKey is the first words of a name, as shortWords compares them, among
// the documents of parties.
type wordsKey struct {
	parties, words string
}

// newShortIndex indexes the names of the groups of gs that keep says may be
// full names.
func newShortIndex(gs []*group, keep func(*group) bool) *shortIndex {
	x := &shortIndex{byChar: map[hanKey][]*group{}, byWords: map[wordsKey][]*group{}, seen: map[*group]bool{}, distinct: map[rune]bool{}}
	for _, g := range gs {
		if !keep(g) {
			continue
		}
		for k, name := range g.names {
			// a full name is longer than its short form: five characters or
			// more (a short Chinese form has four at least), three words or
			// more (a short one has two at least)
			// (no others unless the name is Chinese)
			ends, others, _ := x.hanParts(bare(k), 5)
			// the beginnings of two words or more, each shorter than the name
			var beginnings []string
			if w := strings.Fields(strings.ToLower(name)); len(w) >= 3 {
				joined := joinWords(w[:len(w)-1])
				for i, n := 0, 0; i < len(joined); i++ {
					if joined[i] == 0 {
						if n++; n >= 2 {
							beginnings = append(beginnings, joined[:i])
						}
					}
				}
				beginnings = append(beginnings, joined)
			}
			for p := range g.parties {
				if p == "" {
					continue
				}
				for _, c := range others { // none unless han
					hk := hanKey{p, ends, c}
					x.byChar[hk] = appendOnce(x.byChar[hk], g)
				}
				for _, b := range beginnings {
					wk := wordsKey{p, b}
					x.byWords[wk] = appendOnce(x.byWords[wk], g)
				}
			}
		}
	}
	return x
}

// candidates calls fn with each indexed group a name of s could be a
// short form of, once, in no order, until fn returns false: a short form
// joins only the one full name it fits, so the search stops at a second.
func (x *shortIndex) candidates(s *group, fn func(*group) bool) {
	clear(x.seen)
	each := func(gs []*group) bool {
		for _, g := range gs {
			if !x.seen[g] {
				x.seen[g] = true
				if !fn(g) {
					return false
				}
			}
		}
		return true
	}
	for k, name := range s.names {
		ends, others, han := x.hanParts(bare(k), 4)
		w := strings.Fields(strings.ToLower(name))
		for p := range s.parties {
			if p == "" {
				continue
			}
			if han {
				// every other character of the short form is in its full
				// name: the names with its rarest are the only candidates
				var rarest []*group
				for i, c := range others {
					l := x.byChar[hanKey{p, ends, c}]
					if i == 0 || len(l) < len(rarest) {
						rarest = l
					}
				}
				if !each(rarest) {
					return
				}
			}
			if len(w) >= 2 && !each(x.byWords[wordsKey{p, joinWords(w)}]) {
				return
			}
		}
	}
}

// hanParts splits a Chinese key of at least min characters into its first
// character and last two, and its other characters, each once.
func (x *shortIndex) hanParts(k string, min int) (ends [3]rune, others []rune, ok bool) {
	if !isHan(k) {
		return ends, nil, false
	}
	r := []rune(k)
	if len(r) < min {
		return ends, nil, false
	}
	clear(x.distinct)
	for _, c := range r[1 : len(r)-2] {
		if !x.distinct[c] {
			x.distinct[c] = true
			others = append(others, c)
		}
	}
	return [3]rune{r[0], r[len(r)-2], r[len(r)-1]}, others, true
}

// joinWords is words as shortWords compares them, in one string.
func joinWords(words []string) string {
	ks := make([]string, len(words))
	for i, w := range words {
		ks[i] = key(w)
	}
	return strings.Join(ks, "\x00")
}

// appendOnce appends g unless it is the last of gs already (a group's
// names are indexed one after another).
func appendOnce(gs []*group, g *group) []*group {
	if len(gs) > 0 && gs[len(gs)-1] == g {
		return gs
	}
	return append(gs, g)
}
