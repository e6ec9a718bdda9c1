package connect

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// detachEveryItem is detach as it was before groups kept their members:
// every item of the library visited, every group rooted again at its
// first item. The split through members must make the same entries.
func (b *builder) detachEveryItem(items []int, why string) {
	leaving := map[int]bool{}
	for _, i := range items {
		leaving[i] = true
	}
	roots := make([]int, len(b.parent))
	for i := range b.parent {
		roots[i] = b.find(i)
	}
	newRoot := map[int]int{}
	for i := range b.parent {
		if leaving[i] {
			continue
		}
		r := roots[i]
		if _, ok := newRoot[r]; !ok {
			newRoot[r] = i
		}
		b.parent[i] = newRoot[r]
	}
	names := map[int]string{}
	for r, nm := range b.name {
		if nr, ok := newRoot[r]; ok {
			names[nr] = nm
		}
	}
	b.name = names
	for _, i := range items {
		b.parent[i] = items[0]
		b.why[i], b.conf[i], b.rank[i] = why, confDecision, rankOther
	}
}

// TestSplitsThroughMembers: random sequences of merges, splits and renames
// over a library of many instruments make the same entries (their items,
// names, aliases and counts) whether a split visits the groups it touches
// or every item of the library. The reason an alias shows may differ: a
// merge after a split notes its decision on the joining group's root,
// which the split no longer moves to the group's first item, so a name a
// merge joined may now say so where it said "the same name" before.
func TestSplitsThroughMembers(t *testing.T) {
	for seed := range uint64(8) {
		in := manyInstruments(600, seed)
		rng := rand.New(rand.NewPCG(seed, 2))
		// the decisions name a few of the library's names, so that they meet
		// the same groups again: a rename after a split, a merge into a
		// group split before
		var pool []string
		for range 12 {
			pool = append(pool, in.Items[rng.IntN(len(in.Items))].Name)
		}
		name := func() string { return pool[rng.IntN(len(pool))] }
		var ds []entente.RegistryDecision
		for j := range 40 {
			d := entente.RegistryDecision{Kind: entente.RegInstrument, Actor: "ed", Why: fmt.Sprint(j)}
			switch rng.IntN(3) {
			case 0:
				d.Action, d.Names = entente.DecisionSplit, []string{name(), name()}[:1+rng.IntN(2)]
			case 1:
				d.Action, d.Names, d.Into = entente.DecisionMerge, []string{name()}, []string{name()}
			default:
				d.Action, d.Names, d.Name = entente.DecisionRename, []string{name()}, fmt.Sprintf("改名%d", j)
			}
			ds = append(ds, d)
		}
		got := Build(in, nil, ds, nil)

		b := newBuilder(in, nil)
		b.sameNames()
		b.shortForms()
		for _, d := range ds {
			if d.Action == entente.DecisionSplit {
				if out := b.itemsNamed(d.Kind, d.Names); len(out) > 0 {
					b.detachEveryItem(out, entente.NewReason("decision", d.Action, d.Actor, d.Why))
				}
				continue
			}
			b.apply(d)
		}
		want := b.entries()
		if len(got) != len(want) {
			t.Fatalf("seed %d: %d entries, %d visiting every item", seed, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Name != w.Name || g.Mentions != w.Mentions || !reflect.DeepEqual(g.Items, w.Items) || !slices.Equal(aliasesOf(g), aliasesOf(w)) {
				t.Fatalf("seed %d: entry %d\n%+v\nvisiting every item:\n%+v", seed, i, g, w)
			}
		}
	}
}

func aliasesOf(e entente.BuiltEntry) []string {
	var out []string
	for _, a := range e.Aliases {
		out = append(out, a.Alias+" "+a.Language)
	}
	return out
}
