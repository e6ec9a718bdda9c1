package sqlstore

import (
	"math/rand/v2"
	"testing"
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
