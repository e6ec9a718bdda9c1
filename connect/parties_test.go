package connect

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/lexicon"
)

// partiesInByNewStrings is PartiesIn as first written, each candidate name
// made as a new string: the reference FuzzPartiesIn holds PartiesIn to.
func partiesInByNewStrings(p *Parties, name string) []string {
	var out []string
	add := func(c string) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	rs := []rune(name)
	for i := 0; i < len(rs); {
		matched := 0
		for n := min(p.zhLen, len(rs)-i); n >= 2; n-- {
			if c, ok := p.zh[string(rs[i:i+n])]; ok {
				add(c)
				matched = n
				break
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
	for i := 0; i < len(ws); i++ {
		for n := min(p.maxWords, len(ws)-i); n >= 1; n-- {
			if c, ok := p.words[strings.Join(ws[i:i+n], " ")]; ok {
				add(c)
				i += n - 1
				break
			}
		}
	}
	slices.Sort(out)
	return out
}

// FuzzPartiesIn: PartiesIn finds the same parties as the reference in any
// text, valid UTF-8 or not.
func FuzzPartiesIn(f *testing.F) {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		f.Fatal(err)
	}
	p := NewParties(cs)
	for _, s := range []string{"匈塞铁路", "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定", "China-Serbia Free Trade Agreement",
		"Sporazum između Vlade Republike Srbije i Vlade Narodne Republike Kine", "Споразум између Србије и Кине", "中\xff塞铁路",
		"the United Kingdom of Great Britain and Northern Ireland", "中塞匈", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if got, want := p.PartiesIn(name), partiesInByNewStrings(p, name); !slices.Equal(got, want) {
			t.Errorf("PartiesIn(%q) = %q, want %q", name, got, want)
		}
	})
}
