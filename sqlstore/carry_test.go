package sqlstore_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// migrateBefore applies a dialect's migrations numbered below before, as
// a binary of before that migration did (and records them the same way),
// without the current code's start-up work.
func migrateBefore(t *testing.T, db *sql.DB, d sqlstore.Dialect, before string) {
	t.Helper()
	ctx := context.Background()
	names, err := fs.Glob(d.Migrations(), "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,
		applied_at TIMESTAMP NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if n >= before {
			continue
		}
		b, err := fs.ReadFile(d.Migrations(), n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, string(b)); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		v, _ := strconv.Atoi(n[:4])
		if _, err := db.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, CURRENT_TIMESTAMP)`,
			v, n); err != nil {
			t.Fatal(err)
		}
	}
}

// storeAt opens the same database twice: first migrated up to before a
// migration (old), then as the current binary opens it (current).
type storeAt struct {
	name string
	old  func(t *testing.T, before string) *sql.DB
	open func(t *testing.T) *sqlstore.Store
}

func carryStores(t *testing.T) []storeAt {
	path := filepath.Join(t.TempDir(), "entente.db")
	dsn := ""
	return []storeAt{
		{"sqlite", func(t *testing.T, before string) *sql.DB {
			db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_txlock=immediate")
			if err != nil {
				t.Fatal(err)
			}
			db.SetMaxOpenConns(1)
			migrateBefore(t, db, sqlite.Dialect{}, before)
			return db
		}, func(t *testing.T) *sqlstore.Store {
			s, err := sqlite.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}},
		{"postgres", func(t *testing.T, before string) *sql.DB {
			dsn = pgtest.DSN(t)
			db, err := sql.Open("pgx", dsn)
			if err != nil {
				t.Fatal(err)
			}
			migrateBefore(t, db, postgres.Dialect{}, before)
			return db
		}, func(t *testing.T) *sqlstore.Store {
			s, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s
		}},
	}
}

// TestLeanStorageCarriesData: migrations 0016 and 0017 keep what a
// database held before them: original bytes and a version's text stored
// as they came read back exactly (and a new upload of compressible text is
// stored deflated beside them, and reads back exactly), and every
// near-duplicate sketch row is carried into the rebuilt table.
func TestLeanStorageCarriesData(t *testing.T) {
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0016")
			original := []byte(strings.Repeat("双方同意深化务实合作。", 50))
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var doc, ver, src int64
			steps := []func() error{
				func() error {
					return db.QueryRowContext(ctx, `INSERT INTO documents (title, kind, language, created_at)
						VALUES ('old', 'joint_statement', 'zh', $1) RETURNING id`, now).Scan(&doc)
				},
				func() error {
					return db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at)
						VALUES ($1, 'zh', 'abc', $2, 'old', $3) RETURNING id`, doc, string(original), now).Scan(&ver)
				},
				func() error {
					_, err := db.ExecContext(ctx, `INSERT INTO blobs (sha256, size, data, created_at) VALUES ('b1', $1, $2, $3)`,
						len(original), original, now)
					return err
				},
				func() error {
					return db.QueryRowContext(ctx, `INSERT INTO sources (version_id, sha256, size, format, created_at)
						VALUES ($1, 'b1', $2, 'text', $3) RETURNING id`, ver, len(original), now).Scan(&src)
				},
				func() error {
					// as a binary since migration 0013 records its sketches
					// (sqlstore/near.go: nearSetting, nearSketchID), so
					// that the rows below are kept, not computed again
					_, err := db.ExecContext(ctx, `INSERT INTO store_settings (key, value) VALUES ($1, $2)`, sqlstore.NearSetting, sqlstore.NearSketchID)
					return err
				},
				func() error {
					_, err := db.ExecContext(ctx, `INSERT INTO near_sketches (hash, version_id) VALUES (-5, $1), (7, $1), (9000000000, $1)`, ver)
					return err
				},
			}
			for i, step := range steps {
				if err := step(); err != nil {
					t.Fatalf("old schema, step %d: %v", i, err)
				}
			}
			db.Close()

			s := st.open(t)
			_, got, err := s.Original(ctx, src)
			if err != nil || !bytes.Equal(got, original) {
				t.Fatalf("the original stored before the migration reads %d bytes, %v; want its %d", len(got), err, len(original))
			}
			if od, err := s.Document(ctx, doc); err != nil || len(od.Versions) != 1 || od.Versions[0].Text != string(original) {
				t.Errorf("the version stored before the migrations reads %+v, %v", od, err)
			}
			var hashes []int64
			q := `SELECT hash FROM near_sketches WHERE version_id = $1 ORDER BY hash`
			if st.name == "postgres" {
				q = `SELECT h FROM near_sketches, unnest(hash) h WHERE version_id = $1 ORDER BY h` // one array (migration 0033)
			}
			rows, err := s.DB().QueryContext(ctx, q, ver)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var h int64
				if err := rows.Scan(&h); err != nil {
					t.Fatal(err)
				}
				hashes = append(hashes, h)
			}
			rows.Close()
			if len(hashes) != 3 || hashes[0] != -5 || hashes[2] != 9000000000 {
				t.Errorf("sketches after the migration: %v, want [-5 7 9000000000]", hashes)
			}
			// a new upload beside the old: stored deflated, read exactly
			d := corpusDoc(t, statement)
			id, err := s.CreateDocument(ctx, d)
			if err != nil {
				t.Fatal(err)
			}
			sum := sha256.Sum256(d.Original)
			sha := hex.EncodeToString(sum[:])
			ns, err := s.SourceBySHA256(ctx, sha)
			if err != nil || ns.DocumentID != id {
				t.Fatalf("the new source: %+v, %v", ns, err)
			}
			var comp string
			var stored int
			if err := s.DB().QueryRowContext(ctx, `SELECT compression, length(data) FROM blobs WHERE sha256 = $1`,
				sha).Scan(&comp, &stored); err != nil {
				t.Fatal(err)
			}
			if comp != "deflate" || stored >= len(d.Original) {
				t.Errorf("a new statement's bytes are stored %q in %d bytes (of %d)", comp, stored, len(d.Original))
			}
			var plain string
			var z []byte
			if err := s.DB().QueryRowContext(ctx, `SELECT text, text_z FROM versions WHERE document_id = $1`, id).Scan(&plain, &z); err != nil {
				t.Fatal(err)
			}
			if plain != "" || len(z) == 0 || len(z) >= len(d.Text) {
				t.Errorf("a new version's text is stored as %d bytes plain and %d deflated (of %d)", len(plain), len(z), len(d.Text))
			}
			if nd, err := s.Document(ctx, id); err != nil || nd.Versions[0].Text != d.Text {
				t.Errorf("the new version's text does not read back: %v", err)
			}
			// every reader of a version's text reads it whole
			for _, c := range []struct {
				doc  int64
				want string
			}{{doc, string(original)}, {id, d.Text}} {
				vs, err := s.VersionsToReextract(ctx, c.doc, 0, 10)
				if err != nil || len(vs) != 1 || vs[0].Text != c.want {
					t.Errorf("document %d to re-extract: %d versions, %v; the text does not read back", c.doc, len(vs), err)
				}
			}
			if n, err := s.TextBytes(ctx); err != nil || n != int64(len(original)+len(d.Text)) {
				t.Errorf("TextBytes = %d, %v; want %d", n, err, len(original)+len(d.Text))
			}
			_, got, err = s.Original(ctx, ns.ID)
			if err != nil || !bytes.Equal(got, d.Original) {
				t.Errorf("the new original reads %d bytes, %v; want %d", len(got), err, len(d.Original))
			}
		})
	}
}

// olderDumpTable turns a dump's manifest into what a binary at schema
// version would have written for table: its columns without drop. It
// returns the manifest (the caller encodes it back once it has rewritten
// the rows), the table's file in the dump, and each column's position in
// the rows as they are dumped now (dropped columns included), so each
// legacy-dump test rewrites only its own rows.
func olderDumpTable(t *testing.T, files map[string]string, version int, table string, drop ...string) (m map[string]any, file string, at map[string]int) {
	t.Helper()
	if err := json.Unmarshal([]byte(files["manifest.json"]), &m); err != nil {
		t.Fatal(err)
	}
	m["schema_version"] = version
	if version < 36 {
		oldDeadlines(t, files, m)
	}
	at = map[string]int{}
	for _, ti := range m["tables"].([]any) {
		info := ti.(map[string]any)
		if info["name"] != table {
			continue
		}
		file = info["file"].(string)
		var kept []any
		for i, c := range info["columns"].([]any) {
			name := c.(map[string]any)["name"].(string)
			at[name] = i
			if !slices.Contains(drop, name) {
				kept = append(kept, c)
			}
		}
		info["columns"] = kept
	}
	if file == "" {
		t.Fatalf("the dump has no %s table", table)
	}
	return m, file, at
}

// oldDeadlines writes the deadlines of a dump's sentences as a binary
// before migration 0036 did: NULL for none, any other unescaped
// (sqlstore/deadline.go).
func oldDeadlines(t *testing.T, files map[string]string, m map[string]any) {
	t.Helper()
	col := -1
	for _, ti := range m["tables"].([]any) {
		if info := ti.(map[string]any); info["name"] == "sentences" {
			for i, c := range info["columns"].([]any) {
				if c.(map[string]any)["name"] == "deadline" {
					col = i
				}
			}
		}
	}
	file := dumpTableFile(m, "sentences")
	if col < 0 || file == "" {
		t.Fatal("the dump has no sentences' deadlines")
	}
	var out []byte
	for _, line := range strings.Split(strings.TrimSpace(files[file]), "\n") {
		if line == "" {
			continue
		}
		var row []json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatal(err)
		}
		var d *string
		if err := json.Unmarshal(row[col], &d); err != nil {
			t.Fatal(err)
		}
		switch {
		case d == nil || *d == "":
			row[col] = json.RawMessage("null")
		case strings.HasPrefix(*d, "\x01"):
			row[col], _ = json.Marshal(strings.TrimPrefix(*d, "\x01"))
		}
		b, err := json.Marshal(row)
		if err != nil {
			t.Fatal(err)
		}
		out = append(append(out, b...), '\n')
	}
	files[file] = string(out)
}

// dumpTableFile is the file that holds table's rows in a dump's manifest.
func dumpTableFile(m map[string]any, table string) string {
	for _, ti := range m["tables"].([]any) {
		if info := ti.(map[string]any); info["name"] == table {
			return info["file"].(string)
		}
	}
	return ""
}

// oldDocument inserts a document row as a store at an older schema holds
// it, for the carry tests to hang their old versions on.
func oldDocument(t *testing.T, db *sql.DB, now time.Time) int64 {
	t.Helper()
	var doc int64
	if err := db.QueryRowContext(context.Background(), `INSERT INTO documents (title, kind, language, created_at)
		VALUES ('old', 'joint_statement', 'zh', $1) RETURNING id`, now).Scan(&doc); err != nil {
		t.Fatal(err)
	}
	return doc
}
