package postgres_test

import (
	"context"
	"testing"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
)

// TestCopyRowsInChunks: rows are copied a chunk of copyChunk rows a COPY
// statement (counted by a statement trigger), all of them; a
// chunk with a value only pgx's CopyFrom parses sends it and the rows
// after it through pgx, once each.
func TestCopyRowsInChunks(t *testing.T) {
	defer postgres.SetCopyChunk(2)()
	s := mustOpen(t, pgtest.DSN(t))
	ctx := context.Background()
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, q := range []string{
		`CREATE TABLE chunked (k int8, at timestamptz)`,
		`CREATE TABLE statements (n int)`,
		`INSERT INTO statements VALUES (0)`,
		`CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN UPDATE statements SET n = n + 1; RETURN NULL; END $$`,
		`CREATE TRIGGER counted AFTER INSERT ON chunked FOR EACH STATEMENT EXECUTE FUNCTION count_statement()`,
	} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	cols := []string{"k", "at"}
	for _, c := range []struct {
		name       string
		at         []any // the at of each row
		statements int
	}{
		{"five rows", []any{nil, nil, nil, nil, nil}, 3},
		{"four rows", []any{nil, nil, nil, nil}, 2},
		{"one row", []any{nil}, 1},
		// rows 0 and 1 encoded here, 2 to 4 by pgx in one COPY
		{"a string for a time in the second chunk", []any{nil, nil, "2024-05-06 07:08:09+00", nil, nil}, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			for _, q := range []string{`DELETE FROM chunked`, `UPDATE statements SET n = 0`} {
				if _, err := conn.ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			row := func(i int) []any { return []any{int64(i), c.at[i]} }
			if err := (postgres.Dialect{}).CopyRows(ctx, conn, "chunked", cols, len(c.at), row); err != nil {
				t.Fatal(err)
			}
			rs, err := conn.QueryContext(ctx, `SELECT k, at IS NOT NULL FROM chunked ORDER BY k`)
			if err != nil {
				t.Fatal(err)
			}
			defer rs.Close()
			var i int64
			for ; rs.Next(); i++ {
				var k int64
				var timed bool
				if err := rs.Scan(&k, &timed); err != nil {
					t.Fatal(err)
				}
				if k != i || timed != (c.at[i] != nil) {
					t.Errorf("row %d: k %d, a time %v", i, k, timed)
				}
			}
			if err := rs.Err(); err != nil {
				t.Fatal(err)
			}
			if int(i) != len(c.at) {
				t.Errorf("%d rows copied, want %d", i, len(c.at))
			}
			var n int
			if err := conn.QueryRowContext(ctx, `SELECT n FROM statements`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != c.statements {
				t.Errorf("%d COPY statements, want %d", n, c.statements)
			}
		})
	}
}
