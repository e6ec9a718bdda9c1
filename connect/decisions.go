package connect

import (
	"slices"

	"github.com/entente/entente"
)

// Editors' decisions name entries by their aliases, not by ids, so that a
// rebuild (new documents, a better extractor) keeps them: a merge joins
// every group that has one of its names to every group that has one of its
// targets' names; a split takes the items of the names it lists out of
// their groups into one group of their own; a rename names the group that
// has its names. A decision whose names are gone (their documents deleted)
// does nothing.

// apply replays one decision over the groups as they stand.
func (b *builder) apply(d entente.RegistryDecision) {
	by := entente.NewReason("decision", d.Action, d.Actor, d.Why)
	switch d.Action {
	case entente.DecisionMerge:
		from, into := b.itemsNamed(d.Kind, d.Names), b.itemsNamed(d.Kind, d.Into)
		if len(from) == 0 || len(into) == 0 {
			return
		}
		target := into[0]
		for _, i := range into[1:] {
			b.union(target, i, by, confDecision)
		}
		for _, i := range from {
			b.union(target, i, by, confDecision)
		}
	case entente.DecisionSplit:
		out := b.itemsNamed(d.Kind, d.Names)
		if len(out) == 0 {
			return
		}
		b.detach(out, by)
	case entente.DecisionRename:
		is := b.itemsNamed(d.Kind, d.Names)
		if len(is) == 0 || d.Name == "" {
			return
		}
		b.name[b.find(is[0])] = d.Name
	}
}

// itemsNamed returns the items of kind whose name is one of names, in
// order.
func (b *builder) itemsNamed(kind entente.RegistryKind, names []string) []int {
	var out []int
	for _, n := range names {
		out = append(out, b.byKey[string(kind)+"|"+key(n)]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// detach makes the items one group of their own: the rest of each group
// they leave stays together (under its first staying item) with its name.
func (b *builder) detach(items []int, why string) {
	leaving := map[int]bool{}
	for _, i := range items {
		leaving[i] = true
	}
	roots := make([]int, len(b.parent))
	for i := range b.parent {
		roots[i] = b.find(i)
	}
	newRoot := map[int]int{} // old root → its first staying item
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
