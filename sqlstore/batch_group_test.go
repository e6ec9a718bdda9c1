package sqlstore_test

import (
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestBatchGroupSize: SQLite asks a batch for groups of 96 (its commits
// cost mostly per group), PostgreSQL for the batch's default (0).
func TestBatchGroupSize(t *testing.T) {
	want := map[string]int{"sqlite": 96, "postgres": 0}
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
