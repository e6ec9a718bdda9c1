package connect

import (
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestPreparedEntriesOnlyForGroupsAsPrepared: a builder cloned from a
// prepared one takes the prepared entry of a group only while the group
// is as it was prepared; a group whose items joined for another reason,
// that was given a name, or that gained or lost an item, is made again,
// as a builder that was never prepared makes it.
func TestPreparedEntriesOnlyForGroupsAsPrepared(t *testing.T) {
	in := lib(
		entente.RegistryItem{Kind: entente.RegInstrument, Name: "联合国宪章", Bracketed: true, DocumentID: 1, RowID: 1, Sentences: []int64{1}},
		entente.RegistryItem{Kind: entente.RegInstrument, Name: "《联合国宪章》", DocumentID: 2, RowID: 2, Sentences: []int64{2}},
		entente.RegistryItem{Kind: entente.RegInstrument, Name: "巴黎协定", Bracketed: true, DocumentID: 1, RowID: 3, Sentences: []int64{3}},
		entente.RegistryItem{Kind: entente.RegInstrument, Name: "中塞自贸协定", DocumentID: 2, RowID: 4, Sentences: []int64{4}},
	)
	base := prepare(in, nil, nil)
	base.prepared = base.prepareEntries()
	for _, c := range []struct {
		what   string
		change func(b *builder)
	}{
		{"nothing", func(b *builder) {}},
		{"an item joined for another reason", func(b *builder) {
			b.why[1], b.conf[1], b.rank[1] = entente.NewReason("decision", "checked"), 1, rankOther
		}},
		{"a group named", func(b *builder) { b.name[b.find(2)] = "《巴黎协定》" }},
		{"a group joined to another", func(b *builder) { b.union(b.find(2), 3, entente.NewReason("decision", "one"), 1) }},
		{"a group split", func(b *builder) { b.detach([]int{1}, entente.NewReason("decision", "two")) }},
	} {
		got := base.clone()
		c.change(got)
		unprepared := base.clone()
		unprepared.prepared = nil
		c.change(unprepared)
		a, b := got.entries(), unprepared.entries()
		if !slices.EqualFunc(a, b, func(x, y entente.BuiltEntry) bool { return fmt.Sprint(x) == fmt.Sprint(y) }) {
			t.Errorf("%s: from the prepared entries\n%v\nmade anew\n%v", c.what, a, b)
		}
	}
}
