package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
)

// The dump (dump.go) works over the schema as the database describes it,
// not over a list in the code, so that a table a migration adds comes
// along without a change here. This file reads that description on each
// database and orders the tables so that every row's references are
// written before it.

// dumpTable is one table of the schema as the dump sees it.
type dumpTable struct {
	Name    string
	Columns []dumpColumn
	PK      []string // primary key columns, in order
	Refs    []string // tables its foreign keys point at, other than itself
	Self    []string // columns that point at its own rows
	AutoInc bool     // SQLite AUTOINCREMENT: ids never given again
	// Identity: PostgreSQL makes its ids (GENERATED … AS IDENTITY); a
	// restore writes them with OVERRIDING SYSTEM VALUE.
	Identity bool
}

// dumpColumn is a column and the portable kind of its values.
type dumpColumn struct {
	Name string `json:"name"`
	// Kind is integer, real, text, bool, timestamp, blob, or json: a
	// PostgreSQL jsonb column, which keeps the value but not its spacing or
	// key order (SQLite keeps the text; the dump writes both as text).
	Kind string `json:"kind"`
}

// notDumped are the tables a dump leaves out: the migrations' own record,
// the store's settings, the counts triggers keep (collection_stats), the
// search index and its queue and the
// near-duplicate sketches (computed again after a restore; each store
// keeps sketches its own way since migration 0033), and the secrets:
// browser sessions and API tokens are credentials, not data.
var notDumped = []string{"schema_migrations", "store_settings", "collection_stats", "sentence_search", "search_postings", "search_gone",
	"search_pending", "near_sketches", "near_recent", "near_middle", "near_filter", "sessions", "api_tokens"}

// secretColumns are written empty: a restored account has no password
// until an administrator sets one (entente user passwd).
var secretColumns = map[string]string{"users.password_hash": ""}

// kindOf maps a declared column type of either database to a dump kind.
func kindOf(declared string) string {
	t := strings.ToLower(declared)
	switch {
	case strings.Contains(t, "json"):
		return "json"
	case strings.Contains(t, "int"):
		return "integer"
	case strings.Contains(t, "bool"):
		return "bool"
	case strings.Contains(t, "timestamp"):
		return "timestamp"
	case strings.Contains(t, "blob"), strings.Contains(t, "bytea"):
		return "blob"
	case strings.Contains(t, "real"), strings.Contains(t, "double"), strings.Contains(t, "numeric"), strings.Contains(t, "float"):
		return "real"
	}
	return "text"
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// catalog reads the dumpable tables of the store's schema, in an order
// where every table comes after those it refers to.
func (s *Store) catalog(ctx context.Context, q queryer) ([]dumpTable, error) {
	var (
		tables []dumpTable
		err    error
	)
	switch s.dialect.Name() {
	case "sqlite":
		tables, err = sqliteCatalog(ctx, q)
	case "postgres":
		tables, err = postgresCatalog(ctx, q)
	default:
		return nil, fmt.Errorf("dump: no catalog for %s", s.dialect.Name())
	}
	if err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	// The tracked_ tables are derived, so they are neither dumped nor
	// restored: tracked_dirty's marks, which a restore's triggers set for
	// every restored document and its transaction settles (the corrected
	// labels computed again), and the snapshot of a tracker's index
	// (migration 0044), which a tracker makes again; so are the snapshot of
	// search's index (migration 0052), which a search makes again, and of
	// the registry's input (migration 0064), which a build makes again.
	tables = slices.DeleteFunc(tables, func(t dumpTable) bool {
		return strings.HasPrefix(t.Name, "tracked_") || t.Name == "search_snapshot" || t.Name == "search_pins" || t.Name == "registry_input_snapshot"
	})
	for i := range tables {
		for _, ref := range checkedRefs[tables[i].Name] {
			tables[i].addRef(ref, "")
		}
	}
	return fkOrder(tables)
}

// checkedRefs are references that no foreign key declares, which the
// catalogs therefore do not list: PostgreSQL checks them per statement by
// trigger (migrations 0017, 0038 and 0046), SQLite by the store writing a
// sentence with its version (migration 0034). A restore must still write
// the parents first.
var checkedRefs = map[string][]string{
	"versions":           {"documents"},
	"sources":            {"versions", "blobs"},
	"sentences":          {"versions", "documents"},
	"entities":           {"versions"},
	"citations":          {"versions"},
	"entity_sentences":   {"entities", "sentences"},
	"citation_sentences": {"citations", "sentences"},
	"document_parties":   {"documents"},
}

func strings1(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func sqliteCatalog(ctx context.Context, q queryer) ([]dumpTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	type def struct{ name, sql string }
	var defs []def
	var virtual []string
	for rows.Next() {
		var d def
		if err := rows.Scan(&d.name, &d.sql); err != nil {
			rows.Close()
			return nil, err
		}
		if strings.HasPrefix(strings.ToUpper(d.sql), "CREATE VIRTUAL") {
			virtual = append(virtual, d.name)
		}
		defs = append(defs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var tables []dumpTable
	for _, d := range defs {
		// A virtual table (the full-text index) and its shadow tables are
		// rebuilt, not dumped.
		if slices.ContainsFunc(virtual, func(v string) bool { return d.name == v || strings.HasPrefix(d.name, v+"_") }) ||
			slices.Contains(notDumped, d.name) {
			continue
		}
		t := dumpTable{Name: d.name, AutoInc: strings.Contains(strings.ToUpper(d.sql), "AUTOINCREMENT")}
		crows, err := q.QueryContext(ctx, `SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid`, d.name)
		if err != nil {
			return nil, err
		}
		type pkcol struct {
			name string
			n    int
		}
		var pks []pkcol
		for crows.Next() {
			var name, typ string
			var pk int
			if err := crows.Scan(&name, &typ, &pk); err != nil {
				crows.Close()
				return nil, err
			}
			t.Columns = append(t.Columns, dumpColumn{Name: name, Kind: kindOf(typ)})
			if pk > 0 {
				pks = append(pks, pkcol{name, pk})
			}
		}
		crows.Close()
		slices.SortFunc(pks, func(a, b pkcol) int { return a.n - b.n })
		for _, p := range pks {
			t.PK = append(t.PK, p.name)
		}
		frows, err := q.QueryContext(ctx, `SELECT "table", "from" FROM pragma_foreign_key_list($1)`, d.name)
		if err != nil {
			return nil, err
		}
		for frows.Next() {
			var ref, from string
			if err := frows.Scan(&ref, &from); err != nil {
				frows.Close()
				return nil, err
			}
			t.addRef(ref, from)
		}
		frows.Close()
		tables = append(tables, t)
	}
	return tables, nil
}

func postgresCatalog(ctx context.Context, q queryer) ([]dumpTable, error) {
	names, err := strings1(ctx, q, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)
	if err != nil {
		return nil, err
	}
	var tables []dumpTable
	for _, name := range names {
		if slices.Contains(notDumped, name) {
			continue
		}
		t := dumpTable{Name: name}
		crows, err := q.QueryContext(ctx, `SELECT column_name, data_type, is_identity FROM information_schema.columns
			WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, name)
		if err != nil {
			return nil, err
		}
		for crows.Next() {
			var c, typ, identity string
			if err := crows.Scan(&c, &typ, &identity); err != nil {
				crows.Close()
				return nil, err
			}
			t.Columns = append(t.Columns, dumpColumn{Name: c, Kind: kindOf(typ)})
			t.Identity = t.Identity || identity == "YES"
		}
		crows.Close()
		dumpOrder(&t)
		if t.PK, err = strings1(ctx, q, `SELECT a.attname FROM pg_index i
			JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
			WHERE i.indrelid = $1::regclass AND i.indisprimary
			ORDER BY array_position(i.indkey, a.attnum)`, quoteIdent(name)); err != nil {
			return nil, err
		}
		frows, err := q.QueryContext(ctx, `SELECT c.confrelid::regclass::text, a.attname FROM pg_constraint c
			JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
			WHERE c.contype = 'f' AND c.conrelid = $1::regclass`, quoteIdent(name))
		if err != nil {
			return nil, err
		}
		for frows.Next() {
			var ref, from string
			if err := frows.Scan(&ref, &from); err != nil {
				frows.Close()
				return nil, err
			}
			t.addRef(strings.Trim(ref, `"`), from)
		}
		frows.Close()
		tables = append(tables, t)
	}
	return tables, nil
}

// rebuiltColumns are the columns of tables that a PostgreSQL migration
// wrote again in another order (0036: sentences, its fixed-size columns
// first), in the order they had before, which SQLite's table keeps: a
// dump lists them so on both stores, whatever their order on disk.
var rebuiltColumns = map[string][]string{
	"sentences": {"id", "version_id", "document_id", "position", "label", "section", "marker", "paragraph", "text",
		"text_sha256", "occurrence", "type", "strength", "deadline", "evidence", "evidence_z", "actors", "areas",
		"anchor_sha256", "text_start", "text_end"},
}

// dumpOrder puts a rebuilt table's columns in their order of before; any
// column not named there (one a later migration adds) follows, in the
// database's order.
func dumpOrder(t *dumpTable) {
	order, ok := rebuiltColumns[t.Name]
	if !ok {
		return
	}
	at := func(c dumpColumn) int {
		if i := slices.Index(order, c.Name); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortStableFunc(t.Columns, func(a, b dumpColumn) int { return at(a) - at(b) })
}

func (t *dumpTable) addRef(ref, from string) {
	if ref == t.Name {
		t.Self = append(t.Self, from)
	} else if !slices.Contains(t.Refs, ref) {
		t.Refs = append(t.Refs, ref)
	}
}

// fkOrder sorts tables so that each comes after the tables it refers to
// (by name among equals, so that a dump is always in the same order).
func fkOrder(tables []dumpTable) ([]dumpTable, error) {
	byName := map[string]dumpTable{}
	for _, t := range tables {
		byName[t.Name] = t
	}
	var out []dumpTable
	done := map[string]bool{}
	for len(out) < len(tables) {
		progressed := false
		for _, t := range tables { // tables are in name order
			if done[t.Name] {
				continue
			}
			ready := true
			for _, r := range t.Refs {
				if _, known := byName[r]; known && !done[r] {
					ready = false
				}
			}
			if ready {
				out = append(out, t)
				done[t.Name] = true
				progressed = true
				break
			}
		}
		if !progressed {
			var left []string
			for _, t := range tables {
				if !done[t.Name] {
					left = append(left, t.Name)
				}
			}
			return nil, fmt.Errorf("dump: the foreign keys of %s form a cycle", strings.Join(left, ", "))
		}
	}
	return out, nil
}

// quoteIdent quotes a name the catalog gave, for both databases.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
