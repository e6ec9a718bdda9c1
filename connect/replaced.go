package connect

import (
	"cmp"
	"math"
	"slices"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/hugepages"
)

// withChanged returns the input in with what the store read past its
// mark: what was added (withAdded), and the documents it read again whole
// in place of what in holds of them (added.Replaced: a re-extraction, a
// sentence split or joined, a deletion, a correction). The result is in
// the order a whole read gives (documents by id; the references, then the
// mechanisms and projects, each by row; then the names analysts added, in
// the order of their corrections), so that the build makes what it makes
// of a whole read. With documents replaced, or names analysts added, it
// is laid out in new arrays, and in is left as it was.
func withChanged(in, added *entente.RegistryInput) *entente.RegistryInput {
	if len(added.Replaced) == 0 && !slices.ContainsFunc(added.Items, func(it entente.RegistryItem) bool { return it.RowID == 0 }) {
		return withAdded(in, added)
	}
	gone := make(map[int64]bool, len(added.Replaced))
	for _, d := range added.Replaced {
		gone[d] = true
	}
	out := &entente.RegistryInput{Mark: added.Mark,
		Documents: make([]entente.RegistryDocument, 0, len(in.Documents)+len(added.Documents))}
	kept := func(d *entente.RegistryDocument) bool { return !gone[d.ID] }
	out.Documents = mergeBy(out.Documents, in.Documents, added.Documents, kept,
		func(d *entente.RegistryDocument) int64 { return d.ID })

	n := len(in.Items) + len(added.Items)
	// with room for later additions, as a whole read leaves
	items := hugepages.Make[entente.RegistryItem](0, n+n/16+64)
	keptItem := func(it *entente.RegistryItem) bool { return !gone[it.DocumentID] }
	row := func(it *entente.RegistryItem) int64 { return it.RowID }
	a, b := parts(in.Items), parts(added.Items)
	for p := range 2 {
		items = mergeBy(items, a[p], b[p], keptItem, row)
	}
	out.Items = mergeBy(items, a[2], b[2], keptItem, addedOrder)
	return out
}

// addedOrder is where a whole read puts a name an analyst added: by the
// correction that added it, then by its place in that correction's list.
func addedOrder(it *entente.RegistryItem) int64 {
	return it.AddedBy<<16 | int64(min(it.AddedAt, 1<<16-1))
}

// parts returns the items of each part (itemPart), in their order.
func parts(items []entente.RegistryItem) [3][]entente.RegistryItem {
	var out [3][]entente.RegistryItem
	if at, ok := itemParts(items); ok {
		for p := range out {
			out[p] = items[at[p]:at[p+1]]
		}
		return out
	}
	for i := range items {
		p := itemPart(&items[i])
		out[p] = append(out[p], items[i])
	}
	return out
}

// mergeBy appends to out the elements of a that keep says stay and every
// element of b, in the order of key (a and b are each in that order, as
// the store reads them; should either not be, the part is sorted). The
// runs of a between two elements of b or a left out are copied whole: a
// is some 830,000 items at 100,000 statements.
func mergeBy[T any](out, a, b []T, keep func(*T) bool, key func(*T) int64) []T {
	start := len(out)
	sorted := true
	for k := 1; k < len(b); k++ {
		sorted = sorted && key(&b[k-1]) <= key(&b[k])
	}
	i, j := 0, 0
	last := int64(math.MinInt64)
	for i < len(a) {
		run := i
		for i < len(a) && keep(&a[i]) && (j == len(b) || key(&a[i]) <= key(&b[j])) {
			k := key(&a[i])
			sorted = sorted && last <= k
			last = k
			i++
		}
		out = append(out, a[run:i]...)
		switch {
		case i == len(a):
		case !keep(&a[i]):
			i++
		default:
			out = append(out, b[j])
			j++
		}
	}
	out = append(out, b[j:]...)
	if !sorted {
		slices.SortStableFunc(out[start:], func(x, y T) int { return cmp.Compare(key(&x), key(&y)) })
	}
	return out
}

// without returns what was carried from a build of the documents docs
// (in their order) that still holds once the documents replaced are read
// again: no pair with one of them, compared or aligned, and the titles'
// keys only as far as the first of them.
func (k carried) without(replaced []int64, docs []entente.RegistryDocument) carried {
	if len(replaced) == 0 {
		return k
	}
	gone := make(map[int64]bool, len(replaced))
	for _, d := range replaced {
		gone[d] = true
	}
	out := carried{unlike: make(map[[2]int64]bool, len(k.unlike)), aligned: make(map[[2]int64]*alignedPair, len(k.aligned))}
	for pair, v := range k.unlike {
		if !gone[pair[0]] && !gone[pair[1]] {
			out.unlike[pair] = v
		}
	}
	for pair, v := range k.aligned {
		if !gone[pair[0]] && !gone[pair[1]] {
			out.aligned[pair] = v
		}
	}
	first, _ := slices.BinarySearchFunc(docs, slices.Min(replaced), func(d entente.RegistryDocument, id int64) int { return cmp.Compare(d.ID, id) })
	out.titleKeys = k.titleKeys[:min(len(k.titleKeys), first)]
	return out
}
