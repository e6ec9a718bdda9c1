package sqlstore_test

import (
	"context"
	"database/sql"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// searchIndexTables are the only tables one dialect has and the other has
// not: each database keeps its full-text index its own way (SQLite an FTS5
// table and its shadow tables, PostgreSQL a table under a GIN index whose
// rows are folded into postings, and the deleted sentences those list),
// and SQLite stages new near-duplicate sketches (near_recent) where
// PostgreSQL's GIN index has a pending list of its own, and keeps a filter
// of their keys (near_filter) where PostgreSQL probes its index once.
var searchIndexTables = map[string]func(table string) bool{
	"sqlite": func(t string) bool {
		return t == "sentence_fts" || strings.HasPrefix(t, "sentence_fts_") || t == "near_recent" || t == "near_middle" || t == "near_filter"
	},
	"postgres": func(t string) bool {
		return t == "sentence_search" || t == "search_postings" || t == "search_gone"
	},
}

// TestSchemasMatch: after every migration, SQLite and PostgreSQL have the
// same tables with the same columns, the search index aside, so that one
// SQL store reads and writes both alike.
func TestSchemasMatch(t *testing.T) {
	ctx := context.Background()
	sqliteSchema := tableColumns(t, ctx, openSQLite(t), `
		SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'`)
	pgSchema := tableColumns(t, ctx, openPostgres(t), `
		SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema()`)
	for name, schema := range map[string]map[string][]string{"sqlite": sqliteSchema, "postgres": pgSchema} {
		found := false
		for table := range schema {
			if searchIndexTables[name](table) {
				found = true
				delete(schema, table)
			}
		}
		if !found {
			t.Errorf("%s has no search index table: the exception above is stale", name)
		}
	}
	if len(sqliteSchema) < 10 {
		t.Fatalf("SQLite has %d tables: the query reads no schema", len(sqliteSchema))
	}
	for table, cols := range sqliteSchema {
		pgCols, ok := pgSchema[table]
		if !ok {
			t.Errorf("table %s is in SQLite only", table)
			continue
		}
		if !slices.Equal(cols, pgCols) {
			t.Errorf("table %s: SQLite columns %v, PostgreSQL columns %v", table, cols, pgCols)
		}
	}
	for table := range pgSchema {
		if _, ok := sqliteSchema[table]; !ok {
			t.Errorf("table %s is in PostgreSQL only", table)
		}
	}
}

// tableColumns runs a query of (table, column) rows and returns each
// table's columns, sorted.
func tableColumns(t *testing.T, ctx context.Context, s *sqlstore.Store, query string) map[string][]string {
	t.Helper()
	rows, err := s.DB().QueryContext(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var table, col sql.NullString
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		out[table.String] = append(out[table.String], col.String)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, cols := range out {
		slices.Sort(cols)
	}
	return out
}
