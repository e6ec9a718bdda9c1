package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// arrayInserter is a dialect that inserts any number of rows with one
// statement of one parameter per column, each an array of the column's
// values (PostgreSQL: INSERT … SELECT FROM unnest($1, …, $k)). Its SQL is
// the same whatever the rows' count, so a session prepares it once: a
// multi-row INSERT's SQL changes with its count, and PostgreSQL parsed
// and planned each new count again, a round trip more (Parse and
// Describe) for every table of a batch's group whose rows return their
// ids or meet an ON CONFLICT.
type arrayInserter interface {
	// InsertArraysSQL is the INSERT of cols into table from arrays of
	// types (the columns' SQL types, in order), then tail and returning
	// when they are not empty.
	InsertArraysSQL(table string, cols, types []string, tail, returning string) string
	// ColumnTypes returns the SQL type of each of table's columns by name.
	ColumnTypes(ctx context.Context, tx *sql.Tx, table string) (map[string]string, error)
}

// arrayRows is how many rows one INSERT from arrays takes at most: a bound
// on one statement's memory, above any group a batch writes.
const arrayRows = 10000

// columnTypes keeps each table's column types, read once per process
// (a migration can change them only at open).
type columnTypes struct {
	mu     sync.Mutex
	tables map[string]map[string]string
}

// typesOf returns the SQL types of table's cols, in order.
func (s *Store) typesOf(ctx context.Context, tx *sql.Tx, a arrayInserter, table string, cols []string) ([]string, error) {
	s.colTypes.mu.Lock()
	byName := s.colTypes.tables[table]
	s.colTypes.mu.Unlock()
	if byName == nil {
		var err error
		if byName, err = a.ColumnTypes(ctx, tx, table); err != nil {
			return nil, fmt.Errorf("column types of %s: %w", table, err)
		}
		s.colTypes.mu.Lock()
		if s.colTypes.tables == nil {
			s.colTypes.tables = map[string]map[string]string{}
		}
		s.colTypes.tables[table] = byName
		s.colTypes.mu.Unlock()
	}
	types := make([]string, len(cols))
	for i, c := range cols {
		if types[i] = byName[c]; types[i] == "" {
			return nil, fmt.Errorf("column types of %s: no column %s", table, c)
		}
	}
	return types, nil
}

// insertArrays writes n rows of cols into table as insertRowsWith does,
// one statement per arrayRows rows, from one array per column.
func (s *Store) insertArrays(ctx context.Context, tx *sql.Tx, a arrayInserter, table string, cols []string, n int,
	row func(i int) []any, tail, returning string, scan func(*sql.Rows) error) error {
	types, err := s.typesOf(ctx, tx, a, table, cols)
	if err != nil {
		return err
	}
	query := a.InsertArraysSQL(table, cols, types, tail, returning)
	for lo := 0; lo < n; lo += arrayRows {
		hi := min(n, lo+arrayRows)
		arrays := make([][]any, len(cols))
		for j := range arrays {
			arrays[j] = make([]any, 0, hi-lo)
		}
		for i := lo; i < hi; i++ {
			r := row(i)
			if len(r) != len(cols) {
				return fmt.Errorf("insert into %s: %d values for a row of %d columns", table, len(r), len(cols))
			}
			for j, v := range r {
				arrays[j] = append(arrays[j], v)
			}
		}
		args := make([]any, len(arrays))
		for j := range arrays {
			args[j] = arrays[j]
		}
		if err := execRows(ctx, tx, nil, query, args, returning != "", scan); err != nil {
			return fmt.Errorf("insert into %s: %w", table, err)
		}
	}
	return nil
}
