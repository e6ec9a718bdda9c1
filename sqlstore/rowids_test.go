package sqlstore

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "modernc.org/sqlite"
)

// TestRowidsAsReserved: rows inserted without their ids pass the check
// only when SQLite numbered them as reserved (one past the largest rowid,
// in order); a row written in between, or rows numbered past a gap the
// reservation did not see, fail it, so a write never keeps sentence ids
// other than the ones its mentions and index rows were given.
func TestRowidsAsReserved(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct {
		name   string
		before []string // statements after the reservation, before the rows
		ok     bool
	}{
		{"as reserved", nil, true},
		{"a row written in between", []string{"INSERT INTO t (a) VALUES ('x')"}, false},
		{"a higher rowid written in between", []string{"INSERT INTO t (id, a) VALUES (100, 'x')"}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "x.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.ExecContext(ctx, "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT); INSERT INTO t (a) VALUES ('old'), ('old')"); err != nil {
				t.Fatal(err)
			}
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			var last int64
			if err := tx.QueryRowContext(ctx, "SELECT max(id) FROM t").Scan(&last); err != nil {
				t.Fatal(err)
			}
			ids := []int64{last + 1, last + 2, last + 3}
			for _, q := range tt.before {
				if _, err := tx.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO t (a) VALUES ('n'), ('n'), ('n')"); err != nil {
				t.Fatal(err)
			}
			if err := rowidsAsReserved(ctx, tx, "t", ids); (err == nil) != tt.ok {
				t.Errorf("check: %v, want ok %v", err, tt.ok)
			}
		})
	}
}
