package sqlstore

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestRowIndex: every id set is found at its index, dense or far past
// the bound or negative, and an id never set is not found.
func TestRowIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	x := newRowIndex(100)
	want := map[int64]int{}
	for i := range 500 {
		var id int64
		switch r.IntN(4) {
		case 0:
			id = r.Int64N(1 << 40) // past the bound
		case 1:
			id = -r.Int64N(1000) - 1
		default:
			id = r.Int64N(600)
		}
		x.set(id, i)
		want[id] = i
	}
	for id, i := range want {
		if got, ok := x.get(id); !ok || got != i {
			t.Errorf("get(%d) = %d, %v; want %d", id, got, ok, i)
		}
	}
	for _, id := range []int64{600, 1 << 41, -5000} {
		if _, set := want[id]; set {
			continue
		}
		if got, ok := x.get(id); ok {
			t.Errorf("get(%d) = %d, found; it was never set", id, got)
		}
	}
}

// TestLayOutSentences: each item gets the sentences of its mentions in the
// order read, each once, as appending them one by one gave; an item
// without a mention gets an empty list, and appending to one item's list
// leaves the next item's alone.
func TestLayOutSentences(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	items := make([]entente.RegistryItem, 50)
	want := make([][]int64, len(items))
	var owner []int32
	var said []int64
	for range 400 {
		i, s := r.IntN(len(items)-5), r.Int64N(30) // the last five have none
		owner, said = append(owner, int32(i)), append(said, s)
		if !slices.Contains(want[i], s) {
			want[i] = append(want[i], s)
		}
	}
	layOutSentences(items, owner, said)
	for i, it := range items {
		if it.Sentences == nil || !slices.Equal(it.Sentences, want[i]) && len(want[i])+len(it.Sentences) > 0 {
			t.Errorf("item %d: sentences %v, want %v", i, it.Sentences, want[i])
		}
	}
	next := slices.Clone(items[1].Sentences)
	items[0].Sentences = append(items[0].Sentences, -1)
	if !slices.Equal(items[1].Sentences, next) {
		t.Errorf("appending to the first item's sentences changed the second's: %v, was %v", items[1].Sentences, next)
	}
}
