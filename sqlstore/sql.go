package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// args collects the arguments of a statement and names their
// placeholders, so that filters are built as where clauses with $n and
// never by pasting values into SQL.
type args []any

// add appends v and returns its placeholder.
func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// list appends vs and returns their placeholders joined by commas, for IN.
func list[T any](a *args, vs []T) string {
	ps := make([]string, len(vs))
	for i, v := range vs {
		ps[i] = a.add(v)
	}
	return strings.Join(ps, ", ")
}

// idList is list with the dialect's placeholders: SQLite looks each $n up
// by name when it prepares a statement, a step per name already seen, so
// a list of a thousand ids cost a million steps (a fifth of a search's
// CPU, for the facets and the hits); its anonymous ? is numbered in order.
// The list must come after every other placeholder of its statement.
func idList[T any](d Dialect, a *args, vs []T) string {
	ps := make([]string, len(vs))
	for i, v := range vs {
		*a = append(*a, v)
		ps[i] = d.Placeholder(len(*a))
	}
	return strings.Join(ps, ", ")
}

// whereClause joins conditions with AND, or returns "" for none.
func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return "WHERE " + strings.Join(conds, " AND ")
}

// maxParams bounds the placeholders of one statement, under SQLite's limit
// (32766) and PostgreSQL's (65535).
const maxParams = 30000

// maxBatchRows bounds the rows of one multi-row INSERT.
const maxBatchRows = 500

// insertRows inserts n rows into table with as few statements as the
// limits allow: one multi-row INSERT costs about what one row does, which
// matters when a document brings hundreds of rows. row returns the values of
// row i in the order of cols; every path has read them before it calls row
// again, so row may return the same slice each time. returning, if not
// empty, is appended as "RETURNING …" and each returned row is passed to
// scan.
func (s *Store) insertRows(ctx context.Context, tx *sql.Tx, table string, cols []string, n int, row func(i int) []any,
	returning string, scan func(*sql.Rows) error) error {
	return s.insertRowsWith(ctx, tx, table, cols, nil, n, row, "", returning, scan)
}

// constants are the columns of an INSERT whose value is the same text in
// every row, by their index in its columns. On SQLite's direct path
// (direct.go) each is written into the statement as a literal instead of
// bound for every row: the driver copies each bound text into C memory,
// binds it, frees it and unbinds it again, a cost per value that is about
// what SQLite's own work for it is. The row function still returns them
// (every other path binds or copies them), and a row whose value is not
// the constant is refused, never written otherwise.
type constants map[int]string

// insertRowsWith is insertRows with the columns consts holds constant (nil
// for none) and a clause after the rows (ON CONFLICT …). Rows that return
// nothing, with no clause, are copied where the dialect can (PostgreSQL's
// COPY, copy.go).
func (s *Store) insertRowsWith(ctx context.Context, tx *sql.Tx, table string, cols []string, consts constants, n int,
	row func(i int) []any, tail, returning string, scan func(*sql.Rows) error) error {
	if returning == "" && tail == "" && n > 0 {
		if c, conn := s.copyConn(tx); c != nil {
			return c.CopyRows(ctx, conn, table, cols, n, row)
		}
	}
	if a, ok := s.dialect.(arrayInserter); ok && n > 0 {
		return s.insertArrays(ctx, tx, a, table, cols, n, row, tail, returning, scan)
	}
	per := min(maxParams/len(cols), maxBatchRows)
	fixed := s.dialect.Name() == "sqlite"
	head := "INSERT INTO "
	if fixed {
		head = sqliteInsert
	}
	head += table + " (" + strings.Join(cols, ", ") + ") VALUES "
	var direct *sql.Conn // the writer's connection, where its values are bound directly
	if fixed && returning == "" {
		direct = s.directConn(tx)
	}
	for lo := 0; lo < n; {
		size := min(per, n-lo)
		if fixed {
			size = fixedShape(size)
		}
		hi := lo + size
		if direct != nil {
			query := s.shapes.get(head, size, len(cols), consts, tail, returning, s.dialect.Placeholder)
			if err := s.direct.exec(ctx, direct, query, len(cols), consts, lo, hi, row); err != nil {
				return fmt.Errorf("insert into %s: %w", table, err)
			}
			lo = hi
			continue
		}
		a := make([]any, 0, (hi-lo)*len(cols))
		for i := lo; i < hi; i++ {
			a = append(a, row(i)...)
		}
		if len(a) != size*len(cols) {
			return fmt.Errorf("insert into %s: %d values for %d rows of %d columns", table, len(a), size, len(cols))
		}
		var (
			query string
			st    *sql.Stmt
		)
		if fixed {
			// a fixed shape's SQL is built once and its statement kept
			// (a statement of 256 rows of 21 columns was 5,000
			// placeholders written and hashed for every group)
			query = s.shapes.get(head, size, len(cols), nil, tail, returning, s.dialect.Placeholder)
			if p := s.insertStatement(query); p != nil {
				st = tx.StmtContext(ctx, p)
			}
		} else {
			query = insertSQL(head, size, len(cols), nil, tail, returning, s.dialect.Placeholder)
		}
		if err := execRows(ctx, tx, st, query, a, returning != "", scan); err != nil {
			return err
		}
		lo = hi
	}
	return nil
}

// sqliteInsert begins SQLite's multi-row INSERTs. Under the default
// conflict resolution (ABORT), a statement that may write several rows and
// fail keeps a statement journal, so that its failure undoes that
// statement alone: before the statement first changes a page, SQLite
// copies the page into memory. A batch's group runs hundreds of such
// statements in one transaction, and each copied again every index leaf it
// touched (4% of a batch's CPU into 100,000 statements, by perf's
// samples). OR FAIL stops at the failing row and leaves the rows before
// it, which needs no journal. No write keeps a statement that failed: a
// transaction is abandoned whole at its first error (Store.write rolls it
// back), which TestFailedGroupLeavesNothing holds. Tables with foreign keys still journal: SQLite checks them at a
// multi-row statement's end, and undoes the statement when one fails.
const sqliteInsert = "INSERT OR FAIL INTO "

// insertSQL is the SQL of a multi-row INSERT: head (INSERT INTO … VALUES),
// rows of cols values each, then tail and RETURNING returning when they are
// not empty. A value is a placeholder (ph of its number, from 1, in
// order), or for a column of consts its constant as an SQL literal.
func insertSQL(head string, rows, cols int, consts constants, tail, returning string, ph func(int) string) string {
	var b strings.Builder
	b.WriteString(head)
	k := 0
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range cols {
			if j > 0 {
				b.WriteString(", ")
			}
			if c, ok := consts[j]; ok {
				b.WriteString(sqlString(c))
				continue
			}
			k++
			b.WriteString(ph(k))
		}
		b.WriteByte(')')
	}
	if tail != "" {
		b.WriteString(" " + tail)
	}
	if returning != "" {
		b.WriteString(" RETURNING " + returning)
	}
	return b.String()
}

// sqlString is s as an SQL string literal.
func sqlString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// shapeSQL keeps the SQL of the fixed-shape INSERTs (insertSQL) by their
// head, row count, constants, tail and RETURNING: a few dozen (some
// fifteen tables, five shapes). A store has one dialect, so one kind of
// placeholder.
type shapeSQL struct {
	mu sync.Mutex
	m  map[shapeKey]string
}

type shapeKey struct {
	head, consts, tail, returning string
	rows, cols                    int
}

// get returns insertSQL of its arguments, built on the first call.
func (c *shapeSQL) get(head string, rows, cols int, consts constants, tail, returning string, ph func(int) string) string {
	k := shapeKey{head, consts.key(), tail, returning, rows, cols}
	c.mu.Lock()
	q, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return q
	}
	q = insertSQL(head, rows, cols, consts, tail, returning, ph)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[shapeKey]string{}
	}
	c.m[k] = q
	c.mu.Unlock()
	return q
}

// constantsOf returns the constants of values, by column name, as indexes
// in cols.
func constantsOf(cols []string, values map[string]string) constants {
	c := constants{}
	for j, name := range cols {
		if v, ok := values[name]; ok {
			c[j] = v
		}
	}
	if len(c) != len(values) {
		panic(fmt.Sprintf("constants %v: not all among the columns %v", values, cols))
	}
	return c
}

// byColumn returns the constants of a row of cols columns by column, nil
// for a column bound.
func (c constants) byColumn(cols int) []*string {
	out := make([]*string, cols)
	for j, v := range c {
		if j >= 0 && j < cols {
			out[j] = &v
		}
	}
	return out
}

// key is the constants as one string, "" for none.
func (c constants) key() string {
	if len(c) == 0 {
		return ""
	}
	cols := slices.Sorted(maps.Keys(c))
	var b strings.Builder
	for _, j := range cols {
		fmt.Fprintf(&b, "%d=%q;", j, c[j])
	}
	return b.String()
}

// fixedShapes are the row counts of the multi-row INSERTs SQLite runs:
// a statement of each shape is prepared once and kept (insertStatement),
// as parsing a statement of hundreds of rows was a fifth of the writer's
// CPU, and SQLite, in the process, runs a few more statements for nothing.
// PostgreSQL takes any count in one statement, a round trip each.
var fixedShapes = [...]int{256, 64, 16, 4, 1}

// fixedShape is the largest fixed shape of at most n rows.
func fixedShape(n int) int {
	for _, k := range fixedShapes {
		if k <= n {
			return k
		}
	}
	return 1
}

// execRows runs an INSERT, prepared (st) or not, and scans what it
// returns when query has a RETURNING clause.
func execRows(ctx context.Context, tx *sql.Tx, st *sql.Stmt, query string, a []any, returns bool, scan func(*sql.Rows) error) error {
	if !returns {
		var err error
		if st != nil {
			_, err = st.ExecContext(ctx, a...)
		} else {
			_, err = tx.ExecContext(ctx, query, a...)
		}
		return err
	}
	var (
		rows *sql.Rows
		err  error
	)
	if st != nil {
		rows, err = st.QueryContext(ctx, a...)
	} else {
		rows, err = tx.QueryContext(ctx, query, a...)
	}
	return eachRow(rows, err, scan)
}

// queryRows runs a query and calls scan for each row.
func queryRows(ctx context.Context, tx *sql.Tx, query string, a []any, scan func(*sql.Rows) error) error {
	rows, err := tx.QueryContext(ctx, query, a...)
	return eachRow(rows, err, scan)
}

// eachRow calls scan for each of rows, the result of a query that
// returned err, and closes them.
func eachRow(rows *sql.Rows, err error, scan func(*sql.Rows) error) error {
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// nullString is a *string as a column value.
func nullString(s *string) any {
	if s == nil {
		return nil
	}
	return *s
}

// nullTime stores the zero time as NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// nullInt is a *int as a column value.
func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// fromNullString returns the string of a nullable column, nil for NULL.
func fromNullString(ns sql.NullString) *string {
	if !ns.Valid {
		return nil
	}
	s := ns.String
	return &s
}

// fromNullTime returns the UTC time of a nullable column, zero for NULL.
func fromNullTime(nt sql.NullTime) time.Time {
	if !nt.Valid {
		return time.Time{}
	}
	return nt.Time.UTC()
}
