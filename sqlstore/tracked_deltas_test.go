package sqlstore

import "testing"

// TestMultiRowUpsert: applyDeltas repeats the VALUES tuple of one key's
// upsert for each key of a statement, numbering the placeholders on, and
// refuses a statement whose tuple is not its arguments' placeholders in
// order (it would bind the wrong values).
func TestMultiRowUpsert(t *testing.T) {
	for _, c := range []struct {
		q          string
		rows, cols int
		want       string // "" for refused
	}{
		{`INSERT INTO t (key, n) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET n = t.n + excluded.n`, 3, 2,
			`INSERT INTO t (key, n) VALUES ($1, $2), ($3, $4), ($5, $6) ON CONFLICT (key) DO UPDATE SET n = t.n + excluded.n`},
		{"INSERT INTO t (a, b, n)\n\t\tVALUES ($1,$2, $3) ON CONFLICT (a, b) DO NOTHING", 2, 3,
			"INSERT INTO t (a, b, n)\n\t\tVALUES ($1, $2, $3), ($4, $5, $6) ON CONFLICT (a, b) DO NOTHING"},
		{`INSERT INTO t (key, n) VALUES ($1, $2)`, 1, 2, `INSERT INTO t (key, n) VALUES ($1, $2)`},
		{`INSERT INTO t (key, n) VALUES ($2, $1)`, 2, 2, ""},
		{`INSERT INTO t (key, n) VALUES ($1, 1)`, 2, 1, ""},
		{`INSERT INTO t (key, n) VALUES ($1, $2)`, 2, 3, ""},
		{`UPDATE t SET n = n + $2 WHERE key = $1`, 2, 2, ""},
	} {
		got, err := multiRowUpsert(c.q, c.rows, c.cols)
		if c.want == "" {
			if err == nil {
				t.Errorf("%q: accepted as %q", c.q, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q, %d rows:\n got %q (%v)\nwant %q", c.q, c.rows, got, err, c.want)
		}
	}
}

// TestDeltaShapes: applyDeltas cuts any number of keys into statements
// of the few fixed shapes, every key in one, the largest shapes first.
func TestDeltaShapes(t *testing.T) {
	for n := 1; n <= 300; n++ {
		left, statements := n, 0
		for left > 0 {
			k := deltaShape(left)
			if k < 1 || k > left {
				t.Fatalf("%d keys: a statement of %d keys with %d left", n, k, left)
			}
			left -= k
			statements++
		}
		// at most 3 of each smaller shape after the 64s
		if max := n/64 + 3*(len(deltaShapes)-1); statements > max {
			t.Errorf("%d keys in %d statements, want at most %d", n, statements, max)
		}
	}
}
