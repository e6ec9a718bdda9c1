package sqlstore

import (
	"strconv"
	"testing"
)

// TestInsertSQL: a multi-row INSERT numbers its placeholders row by row in
// the order of the values, with its tail and RETURNING after the rows;
// the SQL kept for a fixed shape is the same text, built once.
func TestInsertSQL(t *testing.T) {
	dollar := func(n int) string { return "$" + strconv.Itoa(n) }
	anon := func(int) string { return "?" }
	head := "INSERT INTO t (a, b) VALUES "
	tests := []struct {
		name            string
		rows, cols      int
		consts          constants
		tail, returning string
		ph              func(int) string
		want            string
	}{
		{"one row", 1, 2, nil, "", "", dollar, head + "($1, $2)"},
		{"rows in order", 3, 2, nil, "", "", dollar, head + "($1, $2), ($3, $4), ($5, $6)"},
		{"tail and returning", 2, 1, nil, "ON CONFLICT (a) DO NOTHING", "id", dollar,
			head + "($1), ($2) ON CONFLICT (a) DO NOTHING RETURNING id"},
		{"anonymous", 2, 3, nil, "", "id, a", anon, head + "(?, ?, ?), (?, ?, ?) RETURNING id, a"},
		// constants are literals, and only the other values are numbered
		{"constants", 2, 3, constants{1: ""}, "", "", dollar, head + "($1, '', $2), ($3, '', $4)"},
		{"a quote in a constant", 1, 2, constants{0: "it's"}, "", "", anon, head + "('it''s', ?)"},
	}
	var c shapeSQL
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := insertSQL(head, tt.rows, tt.cols, tt.consts, tt.tail, tt.returning, tt.ph); got != tt.want {
				t.Errorf("insertSQL = %q, want %q", got, tt.want)
			}
			for range 2 {
				if got := c.get(head, tt.rows, tt.cols, tt.consts, tt.tail, tt.returning, tt.ph); got != tt.want {
					t.Errorf("kept shape = %q, want %q", got, tt.want)
				}
			}
		})
	}
	if len(c.m) != len(tests) {
		t.Errorf("%d shapes kept for %d asked", len(c.m), len(tests))
	}
}
