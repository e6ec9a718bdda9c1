package connect

import (
	"reflect"
	"testing"

	"github.com/entente/entente"
)

// TestEntriesOnManyCoresAsOnOne: the entries made by several goroutines
// are those one makes, in the same order, for a whole build and for a
// decision's build from a prepared builder (whose unchanged groups take
// their prepared entries); some documents are instruments the library
// cites, so that entries read the index of titles too.
func TestEntriesOnManyCoresAsOnOne(t *testing.T) {
	in := manyInstruments(12000, 11)
	for i := range in.Documents {
		if i%7 == 0 {
			in.Documents[i].Title = in.Items[(i*13)%len(in.Items)].Name
		}
	}
	var ds []entente.RegistryDecision
	for i := range 40 {
		it := in.Items[(i*7919)%len(in.Items)]
		ds = append(ds, entente.RegistryDecision{Action: entente.DecisionSplit, Kind: it.Kind, Names: []string{it.Name}, Why: "not one"})
	}
	build := func(workers int, prepared bool) []entente.BuiltEntry {
		b := prepare(in, nil, nil)
		b.workers = workers
		if prepared {
			b.prepared = b.prepareEntries()
			b = b.clone()
		}
		return b.decide(ds).entries()
	}
	for _, prepared := range []bool{false, true} {
		one := build(1, prepared)
		if len(one) < entriesApart {
			t.Fatalf("%d entries, too few to be made apart (%d)", len(one), entriesApart)
		}
		if many := build(4, prepared); !reflect.DeepEqual(many, one) {
			t.Errorf("prepared %v: the entries of four goroutines differ from one's", prepared)
		}
	}
}

// BenchmarkEntries: the entries of a library citing many instruments made
// by one goroutine (the baseline) and by one a core.
func BenchmarkEntries(b *testing.B) {
	in := manyInstruments(40000, 7)
	for _, workers := range []int{1, 0} {
		bu := prepare(in, nil, nil)
		bu.workers = workers
		bu.entries() // the index of titles, made once
		name := "one"
		if workers == 0 {
			name = "cores"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				bu.entries()
			}
		})
	}
}
