package connect

import (
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestWithAddedKeepsTheWholeReadsOrder: the merged input is each part of
// the kept input followed by the same part of what was added, whatever
// parts either lacks, and inputs out of the parts' order are merged item
// by item into the same order.
func TestWithAddedKeepsTheWholeReadsOrder(t *testing.T) {
	item := func(code byte, n int) entente.RegistryItem {
		it := entente.RegistryItem{Name: fmt.Sprintf("%c%d", code, n), RowID: int64(n) + 1}
		switch code {
		case 'c':
			it.Kind = entente.RegInstrument
		case 'm':
			it.Kind = entente.RegMechanism
		case 'a':
			it.Kind, it.RowID = entente.RegInstrument, 0
		}
		return it
	}
	items := func(codes string, from int) []entente.RegistryItem {
		var out []entente.RegistryItem
		for i := range len(codes) {
			out = append(out, item(codes[i], from+i))
		}
		return out
	}
	names := func(its []entente.RegistryItem) string {
		var s string
		for _, it := range its {
			s += it.Name[:1]
		}
		return s
	}
	for _, c := range []struct{ kept, added, want string }{
		{"ccmma", "cma", "ccc" + "mmm" + "aa"},
		{"", "cma", "cma"},
		{"ccmma", "", "ccmma"},
		{"aa", "cc", "ccaa"},
		{"mm", "a", "mma"},
		{"cc", "mm", "ccmm"},
		{"mcam", "ca", "cc" + "mm" + "aa"}, // out of order: merged item by item
	} {
		for _, room := range []int{0, len(c.added)} { // a new array, or laid out in the kept one
			kept, added := items(c.kept, 0), items(c.added, 100)
			kept = slices.Grow(kept, room)
			// within a part, the kept before the added, each in its order
			var want []entente.RegistryItem
			for p := range 3 {
				for _, its := range [][]entente.RegistryItem{kept, added} {
					for i := range its {
						if itemPart(&its[i]) == p {
							want = append(want, its[i])
						}
					}
				}
			}
			got := withAdded(&entente.RegistryInput{Items: kept}, &entente.RegistryInput{Items: added})
			if names(got.Items) != c.want {
				t.Errorf("kept %q, added %q, room %d: merged %q, want %q", c.kept, c.added, room, names(got.Items), c.want)
			}
			if !slices.EqualFunc(got.Items, want, func(a, b entente.RegistryItem) bool { return a.Name == b.Name }) {
				t.Errorf("kept %q, added %q, room %d: merged %v, want %v", c.kept, c.added, room, got.Items, want)
			}
		}
	}
}
