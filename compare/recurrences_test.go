package compare

import (
	"reflect"
	"testing"

	"github.com/entente/entente"
)

// TestRecurrencesAsChains: the compact list builds, for every commitment
// that came back, the recurrence its chain walked at once gives, in the
// same order (newest document first), with each earlier promise's score;
// its pages cut it as a slice would.
func TestRecurrencesAsChains(t *testing.T) {
	c := walkCorpus(t)
	var want []entente.Recurrence
	for k := len(c.docs) - 1; k >= 0; k-- {
		for _, it := range c.commitments[k] {
			if c.linkOf(it).prev != nil {
				want = append(want, c.recurrence(it))
			}
		}
	}
	if len(want) < 10 {
		t.Fatalf("%d recurrences in the corpus: the case is not made", len(want))
	}
	long := 0
	for _, r := range want {
		long = max(long, r.Repeated)
	}
	if long < 3 {
		t.Fatalf("the longest chain repeats %d times: the case is not made", long)
	}
	rs := c.recurrenceList(nil)
	if got := rs.Page(0, rs.Len()); !reflect.DeepEqual(got, want) {
		t.Fatalf("the compact list differs from its chains walked:\n%+v\nwant\n%+v", got[:min(2, len(got))], want[:2])
	}
	for _, p := range []struct{ offset, limit int }{{0, 3}, {5, 4}, {len(want) - 2, 10}, {len(want), 5}, {len(want) + 9, 5}} {
		got := rs.Page(p.offset, p.limit)
		lo := min(p.offset, len(want))
		hi := min(lo+p.limit, len(want))
		if got == nil || !reflect.DeepEqual(got, want[lo:hi]) && hi > lo {
			t.Errorf("page %d+%d: %d recurrences, want %d", p.offset, p.limit, len(got), hi-lo)
		}
	}
	// a page within a bound of earlier commitments: as many whole
	// recurrences as fit, at least one
	for _, bound := range []int{0, 1, long, 3 * long, 1 << 30} {
		got := rs.PageWithin(0, len(want), bound)
		listed := 0
		for _, r := range got {
			listed += len(r.Earlier)
		}
		fits := 0
		for sum := 0; fits < len(want) && sum+len(want[fits].Earlier) <= bound; fits++ {
			sum += len(want[fits].Earlier)
		}
		if len(got) != max(fits, 1) || !reflect.DeepEqual(got, want[:len(got)]) || (len(got) > 1 && listed > bound) {
			t.Errorf("within %d earlier: %d recurrences listing %d, want %d", bound, len(got), listed, max(fits, 1))
		}
	}
	// one commitment selected: its chain, as RecycledOf reads it
	head := want[len(want)/2].Commitment
	one := c.recurrenceList(func(it *item) bool { return it.doc == head.DocumentID && it.s.ID == head.Sentence })
	if one.Len() != 1 || !reflect.DeepEqual(one.At(0), want[len(want)/2]) {
		t.Errorf("one commitment: %d recurrences", one.Len())
	}
}
