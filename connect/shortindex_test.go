package connect

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// manyInstruments is a library citing n instruments, most distinct, as a
// large real library does: Chinese titles of agreements, memoranda and
// plans between the governments of many pairs, some cited again by a short
// form (a few characters of the title kept in order), and English titles,
// some cited by their first words; years and kinds where titles say.
func manyInstruments(n int, seed uint64) entente.RegistryInput {
	rng := rand.New(rand.NewPCG(seed, 1))
	// topics drawn from 600 characters, as titles' topics vary
	var han []rune
	for r := rune(0x4E00); len(han) < 600; r += 23 {
		han = append(han, r)
	}
	heads := []string{"协定", "备忘录", "计划", "协议", "纲要"}
	words := []string{"trade", "investment", "science", "culture", "health", "energy", "transport", "customs", "tourism", "finance", "aviation", "education", "climate", "digital", "ports"}
	parties := []string{"CN", "RS", "HU", "AE", "IE", "US", "FR", "DE", "BR", "ZA", "KZ", "PK"}
	countries := map[string]string{"CN": "中国", "RS": "塞尔维亚", "HU": "匈牙利", "AE": "阿联酋", "IE": "爱尔兰", "US": "美国", "FR": "法国",
		"DE": "德国", "BR": "巴西", "ZA": "南非", "KZ": "哈萨克斯坦", "PK": "巴基斯坦"}
	d := func(s string) *string { return &s }
	var in entente.RegistryInput
	for i := 0; i < n/4+1; i++ {
		a, b := parties[rng.IntN(len(parties))], parties[rng.IntN(len(parties))]
		if a == b {
			b = "CN"
		}
		in.Documents = append(in.Documents, entente.RegistryDocument{ID: int64(i + 1), Language: "zh", Parties: []string{a, b}, SignedDate: d("2024-01-01")})
	}
	add := func(doc int64, name, lang string, year *int) {
		in.Items = append(in.Items, entente.RegistryItem{Kind: entente.RegInstrument, Name: name, Bracketed: rng.IntN(2) == 0,
			VersionID: doc, DocumentID: doc, Language: lang, Year: year, RowID: int64(len(in.Items) + 1), Sentences: []int64{doc*1000 + 1}})
	}
	for len(in.Items) < n {
		doc := int64(rng.IntN(len(in.Documents)) + 1)
		var year *int
		if rng.IntN(3) == 0 {
			y := 2000 + rng.IntN(25)
			year = &y
		}
		if rng.IntN(3) > 0 {
			topic := make([]rune, 2+rng.IntN(5))
			for j := range topic {
				topic[j] = han[rng.IntN(len(han))]
			}
			other := []rune(countries[in.Documents[doc-1].Parties[1]])
			head := heads[rng.IntN(len(heads))]
			full := "中华人民共和国政府和" + string(other) + "政府关于" + string(topic) + "合作的" + head
			add(doc, full, "zh", year)
			switch rng.IntN(6) {
			case 0: // a short form as statements write one: 中塞自贸协定
				add(int64(rng.IntN(len(in.Documents))+1), "中"+string(other[0])+string(topic[:2])+head, "zh", nil)
			case 1: // any characters of the title in order: often fits many titles
				r := []rune(full)
				short := []rune{r[0]}
				for _, c := range r[1 : len(r)-2] {
					if rng.IntN(4) == 0 {
						short = append(short, c)
					}
				}
				add(int64(rng.IntN(len(in.Documents))+1), string(append(short, r[len(r)-2:]...)), "zh", nil)
			}
			continue
		}
		w := []string{"Agreement", "on"}
		for j := 0; j < 2+rng.IntN(4); j++ {
			w = append(w, words[rng.IntN(len(words))])
		}
		add(doc, strings.Join(w, " ")+" Cooperation", "en", year)
		if rng.IntN(3) == 0 {
			add(int64(rng.IntN(len(in.Documents))+1), strings.Join(w[:2+rng.IntN(len(w)-2)], " "), "en", nil)
		}
	}
	return in
}

// shortFormsEveryPair is shortForms as it was before the index: every
// instrument group compared with every other. The index must join exactly
// the same groups.
func (b *builder) shortFormsEveryPair() {
	gs := b.groups()
	var joins []shortJoin
	for _, s := range gs {
		if b.in.Items[s.root].Kind != entente.RegInstrument {
			continue
		}
		var found []shortJoin
		for _, f := range gs {
			if f == s || b.in.Items[f.root].Kind != entente.RegInstrument || !compatible(s, f) {
				continue
			}
			if j, ok := shortFormOf(s, f); ok {
				found = append(found, j)
			}
		}
		if len(found) == 1 {
			joins = append(joins, found[0])
		}
	}
	for _, j := range joins {
		b.union(j.full.root, j.short.root, j.reason, j.conf)
	}
}

// builderAfterSameNames is Build's builder up to its short forms.
func builderAfterSameNames(in entente.RegistryInput) *builder {
	b := newBuilder(in, nil)
	b.sameNames()
	return b
}

// TestShortFormsIndexed: the index of names joins the same short forms,
// with the same reasons, as comparing every two groups.
func TestShortFormsIndexed(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4, 5} {
		in := manyInstruments(1500, seed)
		indexed, every := builderAfterSameNames(in), builderAfterSameNames(in)
		indexed.shortForms()
		every.shortFormsEveryPair()
		joined := 0
		for i := range in.Items {
			if every.find(i) != i {
				joined++
			}
			if indexed.find(i) != every.find(i) || indexed.why[i] != every.why[i] {
				t.Fatalf("seed %d: item %d (%s) in group %d because %q, comparing every pair: %d because %q",
					seed, i, in.Items[i].Name, indexed.find(i), indexed.why[i], every.find(i), every.why[i])
			}
		}
		short := 0
		for _, w := range every.why {
			if strings.Contains(w, "short_form") || strings.Contains(w, "first_words") {
				short++
			}
		}
		if short == 0 {
			t.Fatalf("seed %d: no short form joined (%d items joined): the library tests nothing", seed, joined)
		}
	}
}

// TestShortFormsScale: the index offers a group a few full names to compare
// with, among 40,000 instruments as among 5,000: 2.5 and 1.2, where
// comparing every two groups offered each all the others, eight times as
// many in the larger library. (The rarest character's names still grow
// with the library, slowly: a title's characters are many.) Counted, not
// timed, so that a busy machine cannot fail it; BenchmarkShortForms times
// it.
func TestShortFormsScale(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 45,000 instruments")
	}
	offered := func(n int) (per float64, groups int) {
		b := builderAfterSameNames(manyInstruments(n, 7))
		gs := b.groups()
		instrument := func(g *group) bool { return b.in.Items[g.root].Kind == entente.RegInstrument }
		idx := newShortIndex(gs, instrument)
		total := 0
		for _, g := range gs {
			idx.candidates(g, func(*group) bool { total++; return true })
		}
		return float64(total) / float64(len(gs)), len(gs)
	}
	small, gs := offered(5000)
	large, gl := offered(40000)
	t.Logf("full names offered a group: %.1f among %d groups, %.1f among %d", small, gs, large, gl)
	if large > 3*small || large > 10 {
		t.Errorf("the index offers %.1f full names a group among %d groups, against %.1f among %d: it grows with the library", large, gl, small, gs)
	}
}

// BenchmarkShortForms: the index against comparing every two groups (the
// builder made again for each run is not timed).
func BenchmarkShortForms(b *testing.B) {
	for _, n := range []int{2000, 8000, 40000} {
		in := manyInstruments(n, 7)
		for _, how := range []string{"indexed", "every-pair"} {
			if how == "every-pair" && n > 8000 {
				continue // minutes
			}
			b.Run(fmt.Sprintf("n=%d/%s", n, how), func(b *testing.B) {
				for range b.N {
					b.StopTimer()
					bl := builderAfterSameNames(in)
					b.StartTimer()
					if how == "indexed" {
						bl.shortForms()
					} else {
						bl.shortFormsEveryPair()
					}
				}
			})
		}
	}
}

// BenchmarkBuildManyInstruments: a whole build of a library citing many
// distinct instruments, so that no other rule grows with their square.
func BenchmarkBuildManyInstruments(b *testing.B) {
	for _, n := range []int{10000, 40000} {
		in := manyInstruments(n, 7)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for range b.N {
				Build(in, nil, nil, nil)
			}
		})
	}
}

// BenchmarkBuildWithSplits: editors' splits replayed over a library citing
// many instruments, each split costing what the groups it touches hold.
func BenchmarkBuildWithSplits(b *testing.B) {
	in := manyInstruments(40000, 7)
	for _, n := range []int{0, 300} {
		var ds []entente.RegistryDecision
		for i := range n {
			it := in.Items[(i*7919)%len(in.Items)]
			ds = append(ds, entente.RegistryDecision{Action: entente.DecisionSplit, Kind: it.Kind, Names: []string{it.Name}, Why: "not one"})
		}
		b.Run(fmt.Sprintf("splits=%d", n), func(b *testing.B) {
			for range b.N {
				Build(in, nil, ds, nil)
			}
		})
	}
}
