package postgres_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
)

// TestCopyRowsAsPgx: the rows CopyRows encodes itself read back exactly as
// the same rows copied by pgx's CopyFrom, for every kind of value the
// store writes (integers of each width, texts, bytes, NULLs as nil and as
// a nil byte slice, booleans, floats) and for values it leaves to pgx (a
// time, an array, a string for a timestamp column, which only pgx's
// CopyFrom parses); a value out of a column's range is refused.
func TestCopyRowsAsPgx(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	ctx := context.Background()
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	const shape = `(k int8, i int4, h int2, t text, v varchar, b bytea, ok bool, f float8, at timestamptz, hs int8[])`
	for _, table := range []string{"by_entente", "by_pgx"} {
		if _, err := conn.ExecContext(ctx, "CREATE TABLE "+table+" "+shape); err != nil {
			t.Fatal(err)
		}
	}
	cols := []string{"k", "i", "h", "t", "v", "b", "ok", "f", "at", "hs"}
	at := time.Date(2024, 5, 6, 7, 8, 9, 123456000, time.UTC)
	rows := [][]any{
		{int64(1), 2, int64(-3), "文本 text", "v", []byte{0, 1, 255}, true, 1.5, at, []int64{1, -2}},
		{int64(math.MaxInt64), int64(math.MinInt32), int32(math.MaxInt16), "", "", []byte{}, false, math.Inf(-1), nil, nil},
		{int64(3), nil, nil, nil, nil, []byte(nil), nil, nil, "2024-05-06 07:08:09+00", []int64{}},
	}
	// the first two rows encoded here (a time and an array by pgx's type
	// map), the last with a string only pgx's CopyFrom parses: copied
	// through it
	for _, part := range [][][]any{rows[:2], rows[2:]} {
		row := func(i int) []any { return part[i] }
		if err := (postgres.Dialect{}).CopyRows(ctx, conn, "by_entente", cols, len(part), row); err != nil {
			t.Fatal(err)
		}
	}
	err = conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{"by_pgx"}, cols,
			pgx.CopyFromSlice(len(rows), func(i int) ([]any, error) { return rows[i], nil }))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	read := func(table string) []string {
		var out []string
		rs, err := conn.QueryContext(ctx, "SELECT r::text FROM "+table+" r ORDER BY k")
		if err != nil {
			t.Fatal(err)
		}
		defer rs.Close()
		for rs.Next() {
			var r string
			if err := rs.Scan(&r); err != nil {
				t.Fatal(err)
			}
			out = append(out, r)
		}
		return out
	}
	got, want := read("by_entente"), read("by_pgx")
	if len(got) != len(rows) || len(got) != len(want) {
		t.Fatalf("%d and %d rows read back, %d copied", len(got), len(want), len(rows))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("row %d: %s, pgx copied %s", i, got[i], want[i])
		}
	}
	// out of range for int4: refused, nothing copied
	bad := func(int) []any {
		return []any{int64(9), int64(math.MaxInt32) + 1, nil, nil, nil, nil, nil, nil, nil, nil}
	}
	if err := (postgres.Dialect{}).CopyRows(ctx, conn, "by_entente", cols, 1, bad); err == nil {
		t.Error("an int4 out of range was copied")
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM by_entente").Scan(&n); err != nil || n != len(rows) {
		t.Errorf("%d rows after the refused copy (%v), want %d", n, err, len(rows))
	}
}
