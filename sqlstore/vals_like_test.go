package sqlstore_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestValsLike: a pair's second value is checked on each entry's vals
// with LIKE (migration 0039), so an id must match only itself, never an
// id it is a prefix, a suffix or a middle of (1 in 11, 21, 111, 210), in
// both databases' LIKE, first and last in the list too.
func TestValsLike(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		for _, held := range [][]int64{{}, {1}, {11}, {11, 21, 111, 210}, {1, 10, 101}, {0, 5}, {12, 120, 1200}} {
			vals := sqlstore.EncodeVals(held)
			for _, id := range []int64{0, 1, 2, 5, 10, 11, 12, 20, 21, 101, 111, 120, 210, 1200} {
				var got bool
				if err := s.DB().QueryRowContext(ctx, `SELECT CAST($1 AS TEXT) LIKE CAST($2 AS TEXT)`, vals, sqlstore.ValsHas(id)).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if want := slices.Contains(held, id); got != want {
					t.Errorf("%q LIKE %q: %v, want %v", vals, sqlstore.ValsHas(id), got, want)
				}
			}
		}
	})
}
