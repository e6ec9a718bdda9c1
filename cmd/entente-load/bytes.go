package main

import (
	"context"
	"fmt"
	"io"
	"sort"

	"github.com/entente/entente/sqlstore"
)

// relationSize is what one table or index occupies.
type relationSize struct {
	name  string
	bytes int64
}

// relationSizes reads where the database's bytes go: SQLite's dbstat
// (pages of each table and index, the full-text index's shadow tables
// included), PostgreSQL's size of each table (with its TOAST) and index.
func relationSizes(ctx context.Context, s *sqlstore.Store, c config) ([]relationSize, error) {
	query := `SELECT name, sum(pgsize) FROM dbstat GROUP BY name`
	if c.db != "sqlite" {
		query = `SELECT c.relname, CASE WHEN c.relkind = 'i' THEN pg_relation_size(c.oid)
				ELSE pg_table_size(c.oid) END
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i', 'm')`
	}
	rows, err := s.DB().QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("sizes of tables and indexes: %w", err)
	}
	defer rows.Close()
	var out []relationSize
	for rows.Next() {
		var r relationSize
		if err := rows.Scan(&r.name, &r.bytes); err != nil {
			return nil, fmt.Errorf("sizes of tables and indexes: %w", err)
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].bytes > out[j].bytes })
	return out, rows.Err()
}

// printSizes prints the largest relations against the text.
func printSizes(out io.Writer, rs []relationSize, text int64) {
	if len(rs) == 0 {
		return
	}
	fmt.Fprintln(out, "| table or index | MB | × text |")
	fmt.Fprintln(out, "|---|---|---|")
	var rest int64
	for i, r := range rs {
		if i >= 15 {
			rest += r.bytes
			continue
		}
		fmt.Fprintf(out, "| %s | %.2f | %.2f |\n", r.name, float64(r.bytes)/1e6, float64(r.bytes)/float64(max(text, 1)))
	}
	if rest > 0 {
		fmt.Fprintf(out, "| the %d others | %.2f | %.2f |\n", len(rs)-15, float64(rest)/1e6, float64(rest)/float64(max(text, 1)))
	}
	fmt.Fprintln(out)
}
