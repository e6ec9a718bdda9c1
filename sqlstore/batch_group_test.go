package sqlstore_test

import (
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestBatchGroupSize: both databases ask a batch for groups of 96 (their
// commits cost mostly per group), not the batch's default.
func TestBatchGroupSize(t *testing.T) {
	want := map[string]int{"sqlite": 96, "postgres": 96}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			s := st.open(t)
			if got := s.BatchGroupSize(); got != want[st.name] {
				t.Errorf("BatchGroupSize() = %d, want %d", got, want[st.name])
			}
		})
	}
	var _ interface{ BatchGroupSize() int } = (*sqlstore.Store)(nil)
}
