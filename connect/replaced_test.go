package connect

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestMergeBy: the kept elements of a and all of b in the order of their
// keys, equal keys from a first; a part out of order is sorted.
func TestMergeBy(t *testing.T) {
	type el struct {
		key  int64
		from string
	}
	els := func(from string, keys ...int64) []el {
		out := make([]el, len(keys))
		for i, k := range keys {
			out[i] = el{k, from}
		}
		return out
	}
	cases := []struct {
		name string
		a, b []el
		gone []int64 // keys of a left out
		want []el
	}{
		{"both empty", nil, nil, nil, []el{}},
		{"only a", els("a", 1, 2, 3), nil, nil, els("a", 1, 2, 3)},
		{"only b", nil, els("b", 1, 2), nil, els("b", 1, 2)},
		{"b between", els("a", 1, 4, 9), els("b", 2, 5, 10), nil,
			[]el{{1, "a"}, {2, "b"}, {4, "a"}, {5, "b"}, {9, "a"}, {10, "b"}}},
		{"some of a left out", els("a", 1, 2, 3, 4), els("b", 3), []int64{2, 3},
			[]el{{1, "a"}, {3, "b"}, {4, "a"}}},
		{"all of a left out", els("a", 1, 2), els("b", 7), []int64{1, 2}, els("b", 7)},
		{"equal keys, a first", els("a", 5), els("b", 5), nil, []el{{5, "a"}, {5, "b"}}},
		{"a out of order", els("a", 3, 1), els("b", 2), nil, []el{{1, "a"}, {2, "b"}, {3, "a"}}},
		{"b out of order", els("a", 2), els("b", 3, 1), nil, []el{{1, "b"}, {2, "a"}, {3, "b"}}},
	}
	for _, c := range cases {
		got := mergeBy([]el{}, c.a, c.b, func(e *el) bool { return !slices.Contains(c.gone, e.key) },
			func(e *el) int64 { return e.key })
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestParts: the items of each part in their order, whether the parts
// stand in order or are mixed.
func TestParts(t *testing.T) {
	ref := func(row int64) entente.RegistryItem {
		return entente.RegistryItem{Kind: entente.RegInstrument, RowID: row}
	}
	ent := func(row int64) entente.RegistryItem {
		return entente.RegistryItem{Kind: entente.RegProject, RowID: row}
	}
	added := func(by int64) entente.RegistryItem {
		return entente.RegistryItem{Kind: entente.RegMechanism, AddedBy: by}
	}
	want := [3][]entente.RegistryItem{{ref(1), ref(2)}, {ent(3)}, {added(7)}}
	for name, items := range map[string][]entente.RegistryItem{
		"in order": {ref(1), ref(2), ent(3), added(7)},
		"mixed":    {ent(3), ref(1), added(7), ref(2)},
	} {
		got := parts(items)
		for p := range got {
			if !slices.EqualFunc(got[p], want[p], func(x, y entente.RegistryItem) bool { return x.RowID == y.RowID && x.AddedBy == y.AddedBy }) {
				t.Errorf("%s: part %d is %v, want %v", name, p, got[p], want[p])
			}
		}
	}
}
