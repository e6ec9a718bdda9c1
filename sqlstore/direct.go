package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync"
	"time"
)

// directBinder is a dialect whose writer runs its multi-row INSERTs on the
// driver's own statements, with the values bound from one reused slice
// (SQLite, in process). Through database/sql each run of a statement
// converts every value into a new slice of driver.NamedValue (5,376 of
// them for a group's sentence rows, 215 KB): an eighth of a batch's
// allocation, and large objects whose fresh pages fault on first use.
type directBinder interface {
	BindsDirectly() bool
}

// bindsDirectly says whether s's writer runs its INSERTs on the driver's
// statements (directStmts).
func (s *Store) bindsDirectly() bool {
	d, ok := s.dialect.(directBinder)
	return ok && d.BindsDirectly()
}

// directStmts are the writer's multi-row INSERTs prepared on its driver
// connection, by their SQL. A statement prepared on the driver is not
// known to database/sql: it is prepared inside the transaction that first
// runs it (on the connection the transaction holds, so nothing waits for
// another), and closed by the store's Close, before its connection.
type directStmts struct {
	mu   sync.Mutex
	dc   any // the driver connection the statements are prepared on
	m    map[string]driver.Stmt
	args []driver.NamedValue // reused: the driver has bound (copied) them when a run returns
}

// exec runs the INSERT query with the rows lo to hi-1 of row (each of cols
// values) on conn, the connection of the writer's transaction. Each value
// is converted as database/sql converts an argument; the values of the
// columns of consts are in query as literals, so they are checked, not
// bound.
func (d *directStmts) exec(ctx context.Context, conn *sql.Conn, query string, cols int, consts constants, lo, hi int,
	row func(i int) []any) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return conn.Raw(func(dc any) error {
		if d.dc != dc {
			// a connection the pool opened again (the old one is
			// closed, and its statements with it): start afresh
			d.dc, d.m = dc, nil
		}
		st, ok := d.m[query]
		if !ok {
			p, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return fmt.Errorf("direct insert: %T cannot prepare with a context", dc)
			}
			var err error
			if st, err = p.PrepareContext(ctx, query); err != nil {
				return err
			}
			if d.m == nil {
				d.m = map[string]driver.Stmt{}
			}
			d.m[query] = st
		}
		x, ok := st.(driver.StmtExecContext)
		if !ok {
			return fmt.Errorf("direct insert: %T cannot execute with a context", st)
		}
		args := d.args[:0]
		byCol := consts.byColumn(cols)
		for i := lo; i < hi; i++ {
			var err error
			if args, err = appendRow(args, row(i), byCol); err != nil {
				clear(args)
				d.args = args[:0]
				return err
			}
		}
		_, err := x.ExecContext(ctx, args)
		// keep the slice, not what it points to
		clear(args)
		d.args = args[:0]
		return err
	})
}

// appendArgs appends to args the values of one row of cols columns,
// numbered on from the last of args and converted as database/sql converts
// an argument, but for the columns of consts: those are literals in the
// statement, so their values are checked, not appended.
func appendArgs(args []driver.NamedValue, vals []any, cols int, consts constants) ([]driver.NamedValue, error) {
	return appendRow(args, vals, consts.byColumn(cols))
}

// appendRow is appendArgs with the constants by column (constants.byColumn):
// a row's values are many, and a map's look-up for each was a tenth of
// what binding them cost in Go.
func appendRow(args []driver.NamedValue, vals []any, consts []*string) ([]driver.NamedValue, error) {
	if len(vals) != len(consts) {
		return args, fmt.Errorf("%d values for a row of %d columns", len(vals), len(consts))
	}
	for j, v := range vals {
		if c := consts[j]; c != nil {
			if s, ok := v.(string); !ok || s != *c {
				return args, fmt.Errorf("column %d: %#v where the statement has the constant %q", j+1, v, *c)
			}
			continue
		}
		v, err := driverValue(v)
		if err != nil {
			return args, fmt.Errorf("argument %d: %w", len(args)+1, err)
		}
		args = append(args, driver.NamedValue{Ordinal: len(args) + 1, Value: v})
	}
	return args, nil
}

// close closes the statements, through conn when it is still the
// connection they were prepared on. It waits for the connection without
// holding d.mu: a write in progress holds the connection and may run one
// more INSERT (which takes d.mu) before it lets it go, so holding d.mu
// while waiting for the connection would wait for ever (a Close while a
// background write ran did).
func (d *directStmts) close(ctx context.Context, db *sql.DB) {
	d.mu.Lock()
	none := len(d.m) == 0
	d.mu.Unlock()
	if none {
		return
	}
	conn, err := db.Conn(ctx)
	d.mu.Lock()
	defer d.mu.Unlock()
	if err == nil {
		conn.Raw(func(dc any) error {
			if dc == d.dc {
				for _, st := range d.m {
					st.Close()
				}
			}
			return nil
		})
		conn.Close()
	}
	d.dc, d.m = nil, nil
}

// driverValue converts v as database/sql converts an argument
// (driver.DefaultParameterConverter), without its reflection for the kinds
// the store's rows hold.
func driverValue(v any) (driver.Value, error) {
	switch x := v.(type) {
	case nil, int64, string, []byte, bool, float64, time.Time:
		return v, nil
	case int:
		return int64(x), nil
	}
	return driver.DefaultParameterConverter.ConvertValue(v)
}
