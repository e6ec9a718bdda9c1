package connect

import (
	"slices"
	"strings"
	"unicode"

	"github.com/entente/entente/lexicon"
)

// PartyFinder finds the parties a name names (匈塞铁路: HU and RS), so that
// a name that says whose it is can be joined across documents of other
// parties.
type PartyFinder interface {
	PartiesIn(name string) []string
}

// Parties finds parties in names by the lexicon's country table: a
// Chinese full name (塞尔维亚), two or more Chinese short forms in a row (中塞,
// 匈塞), or an English or Serbian name as whole words (China-Serbia).
type Parties struct {
	zh       map[string]string // full Chinese name → code
	zhLen    int               // the longest, in runes
	zhFirst  map[rune]bool     // the first characters of the full names
	short    map[rune][]string // one-character short form → codes (塞: Serbia and Cyprus)
	words    map[string]string // words of a spaced name, lower case, joined by one space → code
	maxWords int
}

// NewParties indexes the country table.
func NewParties(cs *lexicon.Countries) *Parties {
	p := &Parties{zh: map[string]string{}, zhFirst: map[rune]bool{}, short: map[rune][]string{}, words: map[string]string{}}
	for _, c := range cs.List {
		for _, n := range c.Names["zh"] {
			if r := []rune(n); len(r) >= 2 {
				p.zh[n] = c.Code
				p.zhLen = max(p.zhLen, len(r))
				p.zhFirst[r[0]] = true
			}
		}
		for _, n := range c.Names["zh-short"] {
			if r := []rune(n); len(r) == 1 && !slices.Contains(p.short[r[0]], c.Code) {
				p.short[r[0]] = append(p.short[r[0]], c.Code)
			}
		}
		for _, lang := range []string{"en", "sr-Latn", "sr-Cyrl"} {
			for _, n := range c.Names[lang] {
				ws := splitWords(n)
				if len(ws) > 0 {
					p.words[strings.Join(ws, " ")] = c.Code
					p.maxWords = max(p.maxWords, len(ws))
				}
			}
		}
	}
	return p
}

func splitWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// PartiesIn returns the codes of the parties name names, in code order; a
// short form shared by several parties (塞) gives them all.
//
// A registry's build asks this of every name of a library (some 100,000
// at 100,000 statements): the names are looked up as parts of name itself,
// by byte offsets, not as new strings.
func (p *Parties) PartiesIn(name string) []string {
	var out []string
	add := func(c string) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	var rs []rune
	var at []int // each rune's byte offset, and the end
	for off, r := range name {
		rs, at = append(rs, r), append(at, off)
	}
	at = append(at, len(name))
	for i := 0; i < len(rs); {
		matched := 0
		if p.zhFirst[rs[i]] {
			for n := min(p.zhLen, len(rs)-i); n >= 2; n-- {
				if c, ok := p.zh[name[at[i]:at[i+n]]]; ok {
					add(c)
					matched = n
					break
				}
			}
		}
		if matched > 0 {
			i += matched
			continue
		}
		j := i
		for j < len(rs) && len(p.short[rs[j]]) > 0 {
			j++
		}
		if j-i >= 2 {
			for _, r := range rs[i:j] {
				for _, c := range p.short[r] {
					add(c)
				}
			}
			i = j
			continue
		}
		i++
	}
	ws := splitWords(name)
	joined := strings.Join(ws, " ")
	starts := make([]int, len(ws)+1) // each word's offset in joined, and the end plus one
	off := 0
	for i, w := range ws {
		starts[i] = off
		off += len(w) + 1
	}
	starts[len(ws)] = off
	for i := 0; i < len(ws); i++ {
		for n := min(p.maxWords, len(ws)-i); n >= 1; n-- {
			if c, ok := p.words[joined[starts[i]:starts[i+n]-1]]; ok {
				add(c)
				i += n - 1
				break
			}
		}
	}
	slices.Sort(out)
	return out
}
