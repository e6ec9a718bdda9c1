package sqlstore

import (
	"archive/zip"
	"bufio"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/entente/entente"
)

// DumpFormat names the archive's layout: a zip holding manifest.json and
// one JSON Lines file per table (tables/NAME.jsonl), each line a JSON
// array of the row's values in the manifest's column order.
const DumpFormat = "entente-dump/1"

// DumpManifest describes a dump: the schema version it was taken at, the
// database it came from, its tables with their columns and row counts, the
// last id each id sequence gave (so that a restored store never gives an
// id again, as the original would not), and what it leaves out.
type DumpManifest struct {
	Format        string           `json:"format"`
	SchemaVersion int              `json:"schema_version"`
	Database      string           `json:"database"`
	CreatedAt     time.Time        `json:"created_at"`
	Tables        []DumpTableInfo  `json:"tables"`
	Sequences     map[string]int64 `json:"sequences"`
	LeftOut       []string         `json:"left_out"`
}

// DumpTableInfo is one table of a dump.
type DumpTableInfo struct {
	Name    string       `json:"name"`
	File    string       `json:"file"`
	Columns []dumpColumn `json:"columns"`
	Rows    int64        `json:"rows"`
}

// maxManifest bounds the manifest a restore reads.
const maxManifest = 1 << 20

// Dump writes every table of the store (but the search index, the
// sessions and API tokens, and with password hashes empty) to w as one
// archive, from one snapshot.
func (s *Store) Dump(ctx context.Context, w io.Writer) (*DumpManifest, error) {
	m := &DumpManifest{Format: DumpFormat, Database: s.dialect.Name(), CreatedAt: s.now(), Sequences: map[string]int64{}}
	m.LeftOut = append(slices.Clone(notDumped), "search index (rebuilt on import)")
	for c := range secretColumns {
		m.LeftOut = append(m.LeftOut, c)
	}
	slices.Sort(m.LeftOut)
	zw := zip.NewWriter(w)
	err := s.read(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&m.SchemaVersion); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		tables, err := s.catalog(ctx, tx)
		if err != nil {
			return err
		}
		for _, t := range tables {
			info, err := dumpRows(ctx, tx, zw, t)
			if err != nil {
				return fmt.Errorf("dump %s: %w", t.Name, err)
			}
			m.Tables = append(m.Tables, info)
		}
		return s.readSequences(ctx, tx, tables, m.Sequences)
	})
	if err != nil {
		return nil, err
	}
	mw, err := zw.Create("manifest.json")
	if err != nil {
		return nil, fmt.Errorf("dump: %w", err)
	}
	enc := json.NewEncoder(mw)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("dump: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("dump: %w", err)
	}
	return m, nil
}

// dumpRows writes a table's rows in primary-key order (every column's
// order for a table without one), so that a dump of equal data is equal.
func dumpRows(ctx context.Context, tx *sql.Tx, zw *zip.Writer, t dumpTable) (DumpTableInfo, error) {
	info := DumpTableInfo{Name: t.Name, File: "tables/" + t.Name + ".jsonl", Columns: t.Columns}
	fw, err := zw.Create(info.File)
	if err != nil {
		return info, err
	}
	bw := bufio.NewWriter(fw)
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = quoteIdent(c.Name)
	}
	keys := t.PK
	if len(keys) == 0 {
		keys = make([]string, len(t.Columns))
		for i, c := range t.Columns {
			keys[i] = c.Name
		}
	}
	order := make([]string, len(keys))
	for i, k := range keys {
		order[i] = quoteIdent(k)
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+strings.Join(cols, ", ")+" FROM "+quoteIdent(t.Name)+" ORDER BY "+strings.Join(order, ", "))
	if err != nil {
		return info, err
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	out := make([]any, len(cols))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return info, err
		}
		for i, c := range t.Columns {
			if v, secret := secretColumns[t.Name+"."+c.Name]; secret {
				out[i] = v
				continue
			}
			if out[i], err = portable(c.Kind, vals[i]); err != nil {
				return info, fmt.Errorf("column %s: %w", c.Name, err)
			}
		}
		b, err := json.Marshal(out)
		if err != nil {
			return info, err
		}
		bw.Write(b)
		if err := bw.WriteByte('\n'); err != nil {
			return info, err
		}
		info.Rows++
	}
	if err := rows.Err(); err != nil {
		return info, err
	}
	return info, bw.Flush()
}

// portable turns a value as a driver returns it into the dump's JSON
// form: integers, reals and booleans as such, instants as RFC 3339 in UTC
// to the nanosecond, bytes in base64, text as text.
func portable(kind string, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch kind {
	case "integer":
		switch x := v.(type) {
		case int64:
			return x, nil
		case float64:
			return int64(x), nil
		case bool:
			return map[bool]int64{false: 0, true: 1}[x], nil
		}
	case "real":
		switch x := v.(type) {
		case float64:
			return x, nil
		case int64:
			return float64(x), nil
		}
	case "bool":
		switch x := v.(type) {
		case bool:
			return x, nil
		case int64:
			return x != 0, nil
		}
	case "timestamp":
		switch x := v.(type) {
		case time.Time:
			return x.UTC().Format(time.RFC3339Nano), nil
		case string:
			return x, nil
		}
	case "blob":
		switch x := v.(type) {
		case []byte:
			return base64.StdEncoding.EncodeToString(x), nil
		case string:
			return base64.StdEncoding.EncodeToString([]byte(x)), nil
		}
	case "json":
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		case map[string]any, []any:
			b, err := json.Marshal(x)
			return string(b), err
		}
	default:
		switch x := v.(type) {
		case string:
			return x, nil
		case []byte:
			return string(x), nil
		case int64, float64, bool:
			return fmt.Sprint(x), nil
		case time.Time:
			return x.UTC().Format(time.RFC3339Nano), nil
		}
	}
	return nil, fmt.Errorf("a %T where a %s was expected", v, kind)
}

// fromPortable turns a dump's JSON value back into what the driver writes
// into a column of the kind.
func fromPortable(kind string, v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	switch kind {
	case "integer":
		if n, ok := v.(json.Number); ok {
			return n.Int64()
		}
		if b, ok := v.(bool); ok {
			return map[bool]int64{false: 0, true: 1}[b], nil
		}
	case "real":
		if n, ok := v.(json.Number); ok {
			return n.Float64()
		}
	case "bool":
		if b, ok := v.(bool); ok {
			return b, nil
		}
		if n, ok := v.(json.Number); ok {
			return n.String() != "0", nil
		}
	case "timestamp":
		if s, ok := v.(string); ok {
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return nil, fmt.Errorf("%q is not an instant", s)
			}
			return t, nil
		}
	case "blob":
		if s, ok := v.(string); ok {
			return base64.StdEncoding.DecodeString(s)
		}
	default:
		switch x := v.(type) {
		case string:
			return x, nil
		case json.Number:
			return x.String(), nil
		}
	}
	return nil, fmt.Errorf("%v is not a %s", v, kind)
}

// readSequences records, for each table whose ids come from a sequence,
// the last id it gave.
func (s *Store) readSequences(ctx context.Context, tx *sql.Tx, tables []dumpTable, seqs map[string]int64) error {
	if s.dialect.Name() == "sqlite" {
		rows, err := tx.QueryContext(ctx, `SELECT name, seq FROM sqlite_sequence`)
		if err != nil {
			return nil // no AUTOINCREMENT table has had a row yet
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			var seq int64
			if err := rows.Scan(&name, &seq); err != nil {
				return fmt.Errorf("read sequences: %w", err)
			}
			if slices.ContainsFunc(tables, func(t dumpTable) bool { return t.Name == name }) {
				seqs[name] = seq
			}
		}
		return rows.Err()
	}
	for _, t := range tables {
		if len(t.PK) != 1 {
			continue
		}
		var last sql.NullInt64
		err := tx.QueryRowContext(ctx, `SELECT pg_sequence_last_value(pg_get_serial_sequence($1, $2)::regclass)`,
			quoteIdent(t.Name), t.PK[0]).Scan(&last)
		if err != nil {
			return fmt.Errorf("read sequence of %s: %w", t.Name, err)
		}
		if last.Valid {
			seqs[t.Name] = last.Int64
		}
	}
	return nil
}

// ErrNotEmpty is returned by Restore into a store that holds data.
var ErrNotEmpty = errors.New("the database is not empty")

// Restore loads a dump into this store, which must be empty (no row in
// any table a dump holds), in one transaction, and rebuilds the search
// index. A dump taken at a newer schema than this store's is refused.
func (s *Store) Restore(ctx context.Context, r io.ReaderAt, size int64) (*DumpManifest, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, entente.Errorf(entente.EINVALID, "not an entente dump (a zip): %v", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	m, err := readManifest(files["manifest.json"])
	if err != nil {
		return nil, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if m.SchemaVersion > current {
			return entente.Errorf(entente.EINVALID, "the dump is at schema version %d, this store at %d: import it with a newer entente", m.SchemaVersion, current)
		}
		tables, err := s.catalog(ctx, tx)
		if err != nil {
			return err
		}
		var full []string
		for _, t := range tables {
			var one int
			err := tx.QueryRowContext(ctx, "SELECT 1 FROM "+quoteIdent(t.Name)+" LIMIT 1").Scan(&one)
			if err == nil {
				full = append(full, t.Name)
			} else if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if len(full) > 0 {
			return fmt.Errorf("%w: %s hold rows; import only into a new database", ErrNotEmpty, strings.Join(full, ", "))
		}
		dumped := map[string]DumpTableInfo{}
		for _, t := range m.Tables {
			dumped[t.Name] = t
		}
		for _, t := range tables {
			info, ok := dumped[t.Name]
			if !ok {
				continue // a table newer than the dump: it stays empty
			}
			delete(dumped, t.Name)
			if err := s.restoreTable(ctx, tx, t, info, files[info.File]); err != nil {
				return fmt.Errorf("import %s: %w", t.Name, err)
			}
		}
		// a dump written before migration 0033 holds the sketches, which
		// are computed again below
		delete(dumped, "near_sketches")
		for name, info := range dumped {
			if _, ok := legacyLabelTables[name]; !ok {
				continue
			}
			delete(dumped, name)
			if err := s.restoreLegacyLabels(ctx, tx, info, files[info.File]); err != nil {
				return fmt.Errorf("import %s: %w", name, err)
			}
		}
		for name := range dumped {
			return entente.Errorf(entente.EINVALID, "the dump has a table %s this store does not know", name)
		}
		if err := s.restoreSequences(ctx, tx, tables, m.Sequences); err != nil {
			return err
		}
		// a dump written before migration 0026 holds every sentence's
		// text on its row: offsets where they can be, as stored now
		for after := int64(0); after >= 0; {
			var err error
			if after, err = s.compactSentenceTexts(ctx, tx, after, compactVersions); err != nil {
				return fmt.Errorf("sentence texts as offsets: %w", err)
			}
		}
		if err := s.sketchAll(ctx, tx); err != nil {
			return fmt.Errorf("near-duplicate sketches: %w", err)
		}
		// a dump written before migration 0036 holds deadlines as they
		// were: escaped where they would now read otherwise
		if m.SchemaVersion < deadlineSchema {
			if err := escapeDeadlines(ctx, tx); err != nil {
				return err
			}
		}
		// a dump written before migration 0033 holds sections as rows:
		// onto their versions, as stored now
		for after := int64(0); after >= 0; {
			var err error
			if after, err = s.packSectionsAfter(ctx, tx, after); err != nil {
				return fmt.Errorf("sections onto their versions: %w", err)
			}
		}
		if err := s.dialect.ClearIndex(ctx, tx); err != nil {
			return fmt.Errorf("rebuild search index: %w", err)
		}
		if err := s.reindex(ctx, tx); err != nil {
			return fmt.Errorf("rebuild search index: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	// PostgreSQL's index rows, rebuilt, into postings
	if _, err := s.foldIndex(ctx); err != nil {
		return nil, err
	}
	return m, nil
}

func readManifest(f *zip.File) (*DumpManifest, error) {
	if f == nil {
		return nil, entente.Errorf(entente.EINVALID, "not an entente dump: no manifest.json")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	defer rc.Close()
	var m DumpManifest
	dec := json.NewDecoder(io.LimitReader(rc, maxManifest))
	if err := dec.Decode(&m); err != nil {
		return nil, entente.Errorf(entente.EINVALID, "not an entente dump: manifest.json: %v", err)
	}
	if m.Format != DumpFormat {
		return nil, entente.Errorf(entente.EINVALID, "not an entente dump: format %q, want %q", m.Format, DumpFormat)
	}
	return &m, nil
}

// restoreTable inserts a table's rows as the dump has them. A column that
// points at its own table's rows is filled in after all of them are in,
// since a row may point at one that comes later.
func (s *Store) restoreTable(ctx context.Context, tx *sql.Tx, t dumpTable, info DumpTableInfo, f *zip.File) error {
	if f == nil {
		return fmt.Errorf("the dump lacks %s", info.File)
	}
	kinds := map[string]string{}
	for _, c := range t.Columns {
		kinds[c.Name] = c.Kind
	}
	cols := make([]string, len(info.Columns))
	colKinds := make([]string, len(info.Columns))
	selfAt := map[int]bool{}
	pkAt := make([]int, 0, len(t.PK))
	for i, c := range info.Columns {
		k, ok := kinds[c.Name]
		if !ok {
			return fmt.Errorf("the dump has a column %s this store does not know", c.Name)
		}
		cols[i], colKinds[i] = quoteIdent(c.Name), k
		if slices.Contains(t.Self, c.Name) {
			selfAt[i] = true
		}
	}
	for _, p := range t.PK {
		i := slices.IndexFunc(info.Columns, func(c dumpColumn) bool { return c.Name == p })
		if i < 0 {
			return fmt.Errorf("the dump lacks the key column %s", p)
		}
		pkAt = append(pkAt, i)
	}
	if len(selfAt) > 0 && len(pkAt) == 0 {
		return fmt.Errorf("a table that refers to itself needs a primary key")
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := json.NewDecoder(bufio.NewReader(rc))
	dec.UseNumber()
	type later struct{ key, vals []any }
	var fixups []later
	var batch [][]any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if t.Name == "sources" {
			if err := nameRestoredBlobs(ctx, tx, info.Columns, batch); err != nil {
				return err
			}
		}
		err := s.insertDumped(ctx, tx, t, cols, batch)
		batch = batch[:0]
		return err
	}
	var n int64
	for {
		var raw []any
		if err := dec.Decode(&raw); err == io.EOF {
			break
		} else if err != nil {
			return fmt.Errorf("row %d: %w", n+1, err)
		}
		n++
		if len(raw) != len(cols) {
			return fmt.Errorf("row %d has %d values for %d columns", n, len(raw), len(cols))
		}
		row := make([]any, len(raw))
		var self []any
		for i, v := range raw {
			if row[i], err = fromPortable(colKinds[i], v); err != nil {
				return fmt.Errorf("row %d, %s: %w", n, info.Columns[i].Name, err)
			}
			if selfAt[i] {
				self = append(self, row[i])
				row[i] = nil
			}
		}
		if slices.ContainsFunc(self, func(v any) bool { return v != nil }) {
			key := make([]any, len(pkAt))
			for j, i := range pkAt {
				key[j] = row[i]
			}
			fixups = append(fixups, later{key, self})
		}
		batch = append(batch, row)
		if len(batch) >= min(maxParams/len(cols), maxBatchRows) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if n != info.Rows {
		return fmt.Errorf("%d rows where the manifest says %d", n, info.Rows)
	}
	var selfCols []string
	for i := range info.Columns {
		if selfAt[i] {
			selfCols = append(selfCols, cols[i])
		}
	}
	for _, fx := range fixups {
		var a args
		var sets, where []string
		for i, c := range selfCols {
			sets = append(sets, c+" = "+a.add(fx.vals[i]))
		}
		for j, i := range pkAt {
			where = append(where, cols[i]+" = "+a.add(fx.key[j]))
		}
		if _, err := tx.ExecContext(ctx, "UPDATE "+quoteIdent(t.Name)+" SET "+strings.Join(sets, ", ")+" WHERE "+strings.Join(where, " AND "), a...); err != nil {
			return err
		}
	}
	return nil
}

// insertDumped inserts rows in one statement (the caller keeps batches
// under the databases' limits), with the ids as the dump has them.
func (s *Store) insertDumped(ctx context.Context, tx *sql.Tx, t dumpTable, cols []string, rows [][]any) error {
	var b strings.Builder
	b.WriteString("INSERT INTO " + quoteIdent(t.Name) + " (" + strings.Join(cols, ", ") + ")")
	if t.Identity {
		b.WriteString(" OVERRIDING SYSTEM VALUE")
	}
	b.WriteString(" VALUES ")
	a := make([]any, 0, len(rows)*len(cols))
	for i, row := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j, v := range row {
			if j > 0 {
				b.WriteString(", ")
			}
			a = append(a, v)
			b.WriteString(s.dialect.Placeholder(len(a)))
		}
		b.WriteByte(')')
	}
	_, err := tx.ExecContext(ctx, b.String(), a...)
	return err
}

// restoreSequences makes each id sequence go on after the last id the
// dumped store gave (or the highest restored, if more), so that no id is
// given twice.
func (s *Store) restoreSequences(ctx context.Context, tx *sql.Tx, tables []dumpTable, seqs map[string]int64) error {
	for _, t := range tables {
		if len(t.PK) != 1 {
			continue
		}
		last := seqs[t.Name]
		if s.dialect.Name() == "sqlite" {
			if !t.AutoInc || last == 0 {
				continue // SQLite keeps the highest id itself
			}
			if _, err := tx.ExecContext(ctx, `UPDATE sqlite_sequence SET seq = $1 WHERE name = $2 AND seq < $1`, last, t.Name); err != nil {
				return fmt.Errorf("restore sequence of %s: %w", t.Name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO sqlite_sequence (name, seq) SELECT $2, $1
				WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = $2)`, last, t.Name); err != nil {
				return fmt.Errorf("restore sequence of %s: %w", t.Name, err)
			}
			continue
		}
		var seq sql.NullString
		if err := tx.QueryRowContext(ctx, `SELECT pg_get_serial_sequence($1, $2)`, quoteIdent(t.Name), t.PK[0]).Scan(&seq); err != nil {
			return fmt.Errorf("restore sequence of %s: %w", t.Name, err)
		}
		if !seq.Valid {
			continue
		}
		var high int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max("+quoteIdent(t.PK[0])+"), 0) FROM "+quoteIdent(t.Name)).Scan(&high); err != nil {
			return fmt.Errorf("restore sequence of %s: %w", t.Name, err)
		}
		if v := max(last, high); v > 0 {
			if _, err := tx.ExecContext(ctx, `SELECT setval($1::regclass, $2)`, seq.String, v); err != nil {
				return fmt.Errorf("restore sequence of %s: %w", t.Name, err)
			}
		}
	}
	return nil
}
