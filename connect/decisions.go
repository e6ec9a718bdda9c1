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
// Only the groups they leave are touched, through the members of each
// group (kept once the first split needs them): a split that went over
// every item of the library cost some 0.1 s at 100,000 statements, and an
// editors' team makes hundreds in a few years, each replayed at every
// rebuild.
func (b *builder) detach(items []int, why string) {
	if b.members == nil {
		b.members = map[int][]int{}
		for i := range b.parent {
			r := b.find(i)
			b.members[r] = append(b.members[r], i)
		}
	}
	leaving := make(map[int]bool, len(items))
	var left []int // the roots of the groups they leave, in order
	for _, i := range items {
		leaving[i] = true
		if r := b.find(i); !slices.Contains(left, r) {
			left = append(left, r)
		}
	}
	for _, r := range left {
		var staying []int
		for _, i := range b.members[r] {
			if !leaving[i] {
				staying = append(staying, i)
			}
		}
		delete(b.members, r)
		nm, named := b.name[r]
		delete(b.name, r)
		if len(staying) == 0 {
			continue
		}
		first := slices.Min(staying)
		for _, i := range staying {
			b.parent[i] = first
		}
		b.members[first] = staying
		if named {
			b.name[first] = nm
		}
	}
	for _, i := range items {
		b.parent[i] = items[0]
		b.why[i], b.conf[i], b.rank[i] = why, confDecision, rankOther
	}
	b.members[items[0]] = slices.Clone(items)
}
