package lexicon

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// The country table as a filter reads it: a party by its code in any case
// or by any of its names in Chinese, English or Serbian (entente's filter
// parser asks through these methods). The short forms (塞, 中) are left
// out: several parties share them, and they resolve only inside a
// document, against its parties.

// names indexes every code and name, folded, to the codes it stands for;
// built on first use.
type names struct {
	once   sync.Once
	byName map[string][]string
}

func (cs *Countries) index() map[string][]string {
	cs.names.once.Do(func() {
		cs.names.byName = map[string][]string{}
		add := func(key, code string) {
			key = foldName(key)
			if key != "" && !slices.Contains(cs.names.byName[key], code) {
				cs.names.byName[key] = append(cs.names.byName[key], code)
			}
		}
		for _, c := range cs.List {
			add(c.Code, c.Code)
			for lang, ns := range c.Names {
				if lang == "zh-short" {
					continue
				}
				for _, n := range ns {
					add(n, c.Code)
				}
			}
		}
	})
	return cs.names.byName
}

// foldName ignores case, surrounding space, and the difference between
// spaces, hyphens and underscores.
func foldName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// Lookup returns the codes of the parties that s names: a code in any
// case (rs), or a name (塞尔维亚, Serbia, Srbija, Србија). A name shared by
// several parties returns them all.
func (cs *Countries) Lookup(s string) []string { return cs.index()[foldName(s)] }

// Like returns up to max codes of parties whose code or a name holds
// fragment (two characters at least), sorted.
func (cs *Countries) Like(fragment string, max int) []string {
	key := foldName(fragment)
	if len([]rune(key)) < 2 {
		return nil
	}
	seen := map[string]bool{}
	for name, codes := range cs.index() {
		if strings.Contains(name, key) {
			for _, c := range codes {
				seen[c] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Strings(out)
	if len(out) > max {
		out = out[:max]
	}
	return out
}

// Codes returns every party's code, in the table's order.
func (cs *Countries) Codes() []string {
	out := make([]string, len(cs.List))
	for i, c := range cs.List {
		out[i] = c.Code
	}
	return out
}

// Name returns a party's first name in lang ("zh", "en", "sr-Latn",
// "sr-Cyrl"), or its code.
func (cs *Countries) Name(code, lang string) string {
	if c := cs.byCode[code]; c != nil && len(c.Names[lang]) > 0 {
		return c.Names[lang][0]
	}
	return code
}
