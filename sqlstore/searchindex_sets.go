package sqlstore

import (
	"maps"
	"slices"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente"
)

// The facet families, in the order a set of labels lists them.
const (
	famType = iota
	famStrength
	famActor
	famArea
	famYear
	famLanguage
	famCount
)

// facetValue is one label of a facet: its family and its key.
type facetValue struct {
	family uint8
	key    string
}

// facetSets are the sentences' labels of some facet families, as sets: a
// sentence's number names its set (of), and a trie numbers the sets. The
// facets of a result are then counted hit by hit (facetsByHits): one
// look-up of each hit's set, one count per set, instead of one
// intersection per label over the whole collection, whose cost grows
// with the collection whatever the number of hits.
//
// A sentence's own labels (type, strength, actors, areas) and its
// document's (year, first language) are kept as two kinds of set: kept
// as one, the sets would be nearly as many as the documents.
type facetSets struct {
	families []int      // the facet families its sets hold
	trie     *labelSets // shared by the indexes an update derives from one another
	of       []uint32   // each sentence's set by its number; 0 (the empty set) where a number holds none
}

func newFacetSets() [2]facetSets {
	return [2]facetSets{
		{families: []int{famType, famStrength, famActor, famArea}, trie: newLabelSets()},
		{families: []int{famYear, famLanguage}, trie: newLabelSets()},
	}
}

// labelSets numbers sets of facet labels. A set is a node of a trie: the
// empty set is node 0, and a set is its labels added one at a time, each
// family in turn and the keys of a family in order (setLabels), so that
// the same labels always end at the same node. A node's labels are its
// own (value) and its parent's; a node is numbered after its parent.
//
// The trie only grows, and is shared by the indexes an update derives
// from one another (each update's new sets join it): a reader takes its
// slices under mu and reads the nodes it knows of, which no later growth
// changes. A build anew starts tries of its own.
type labelSets struct {
	mu      sync.Mutex
	parent  []uint32          // by node; node 0 (the empty set) has none
	value   []uint32          // the label a node adds to its parent's, by node
	child   map[uint64]uint32 // node<<32 | label → node
	values  []facetValue      // by label
	valueID map[facetValue]uint32
}

func newLabelSets() *labelSets {
	return &labelSets{parent: []uint32{0}, value: []uint32{0}, child: map[uint64]uint32{}, valueID: map[facetValue]uint32{}}
}

// setLabels adds the labels of the families' collectors to the sets of
// the sentences they name (sets, by number; the sets of the sentences
// read again were reset to the empty set). Labels are added in the
// trie's order: each family in turn, its keys sorted.
func (ls *labelSets) setLabels(sets []uint32, fams *[famCount]collector, families []int) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	for _, f := range families {
		c := fams[f]
		for _, k := range slices.Sorted(maps.Keys(c)) {
			v := ls.label(facetValue{uint8(f), k})
			// neighbouring sentences mostly share their set so far: the
			// last step taken is remembered
			from, to := uint32(noNumber), uint32(0)
			for _, n := range c[k] {
				if at := sets[n]; at != from {
					from, to = at, ls.step(at, v)
				}
				sets[n] = to
			}
		}
	}
}

// label returns the number of a facet's label, numbering it if new.
func (ls *labelSets) label(fv facetValue) uint32 {
	if id, ok := ls.valueID[fv]; ok {
		return id
	}
	id := uint32(len(ls.values))
	ls.values = append(ls.values, fv)
	ls.valueID[fv] = id
	return id
}

// step returns the node of node's set with label v added. A label the
// set ends with already leaves it as it is (a label read twice).
func (ls *labelSets) step(node, v uint32) uint32 {
	if node != 0 && ls.value[node] == v {
		return node
	}
	k := uint64(node)<<32 | uint64(v)
	if n, ok := ls.child[k]; ok {
		return n
	}
	n := uint32(len(ls.parent))
	ls.parent = append(ls.parent, node)
	ls.value = append(ls.value, v)
	ls.child[k] = n
	return n
}

// setsView is what a reader of a trie sees: the nodes and labels there
// were when it looked, which later growth leaves as they are.
type setsView struct {
	parent, value []uint32
	values        []facetValue
}

func (ls *labelSets) view() setsView {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return setsView{parent: ls.parent, value: ls.value, values: ls.values}
}

// facetsByHits counts the sentences of r by each label, hit by hit. The
// same counts as facetsByBitmaps.
func (x *labelIndex) facetsByHits(r *roaring.Bitmap) entente.Facets {
	labels, perLabel := x.countLabels(r)
	return labelFacets(labels, perLabel)
}

// facetsByComplement counts the sentences of r by each label as each
// label's sentences less those of the collection that are not in r,
// counted hit by hit. r must be within the collection (every result is:
// its numbers are the sentences search sees); should it not be, it is
// counted by bitmaps. The same counts as facetsByBitmaps.
func (x *labelIndex) facetsByComplement(r *roaring.Bitmap) entente.Facets {
	rest := roaring.AndNot(x.all, r)
	if rest.GetCardinality()+r.GetCardinality() != x.all.GetCardinality() {
		return x.facetsByBitmaps(r)
	}
	labels, perLabel := x.countLabels(rest)
	fams := [famCount]bitmaps{famType: x.typ, famStrength: x.strength, famActor: x.actor, famArea: x.area, famYear: x.year, famLanguage: x.docLang}
	for i, ls := range labels {
		for id, fv := range ls {
			// a label no sentence holds any more has no bitmap: 0 - 0
			if b := fams[fv.family][fv.key]; b != nil {
				perLabel[i][id] = int(b.GetCardinality()) - perLabel[i][id]
			}
		}
	}
	return labelFacets(labels, perLabel)
}

// countLabels counts the sentences of r under each label of each kind of
// set (labels): each hit's sets are counted, then each set's count is
// added to its labels (a node's count to its parent's, from the last node
// to the first, and to its own label).
func (x *labelIndex) countLabels(r *roaring.Bitmap) (labels [2][]facetValue, perLabel [2][]int) {
	var (
		views   [len(x.sets)]setsView
		perNode [len(x.sets)][]uint32
	)
	for i := range x.sets {
		views[i] = x.sets[i].trie.view()
		perNode[i] = make([]uint32, len(views[i].parent))
	}
	own, doc := x.sets[0].of, x.sets[1].of
	ownN, docN := perNode[0], perNode[1]
	buf := make([]uint32, 512)
	it := r.ManyIterator()
	for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
		for _, h := range buf[:n] {
			ownN[own[h]]++
			docN[doc[h]]++
		}
	}
	for i, v := range views {
		labels[i] = v.values
		perLabel[i] = make([]int, len(v.values))
		counts := perNode[i]
		for node := len(counts) - 1; node > 0; node-- {
			if c := counts[node]; c > 0 {
				perLabel[i][v.value[node]] += int(c)
				counts[v.parent[node]] += c
			}
		}
	}
	return labels, perLabel
}

// labelFacets returns the facets of the counts of each label.
func labelFacets(labels [2][]facetValue, perLabel [2][]int) entente.Facets {
	var out [famCount][]entente.Count
	for i, ls := range labels {
		for id, fv := range ls {
			if c := perLabel[i][id]; c > 0 {
				out[fv.family] = append(out[fv.family], entente.Count{Key: fv.key, Count: c})
			}
		}
	}
	for f := range out {
		if out[f] == nil {
			out[f] = []entente.Count{}
		}
		sortCounts(out[f])
	}
	return entente.Facets{Type: out[famType], Strength: out[famStrength], Party: out[famActor], Area: out[famArea],
		Year: out[famYear], Language: out[famLanguage]}
}
