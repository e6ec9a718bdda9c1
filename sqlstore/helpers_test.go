package sqlstore_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// Every test here runs against both databases: SQLite in a temporary file
// and PostgreSQL in a schema of its own (pgtest). Without
// ENTENTE_TEST_POSTGRES the PostgreSQL half skips, loudly; with CI=true it
// fails.

var fixed = time.Date(2026, 11, 25, 9, 30, 0, 123456000, time.UTC)

func openSQLite(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "entente.db"))
	if err != nil {
		tb.Fatal(err)
	}
	s.Now = func() time.Time { return fixed }
	tb.Cleanup(func() { s.Close() })
	return s
}

func openPostgres(tb testing.TB) *sqlstore.Store {
	tb.Helper()
	s, err := postgres.Open(context.Background(), pgtest.DSN(tb))
	if err != nil {
		tb.Fatal(err)
	}
	s.Now = func() time.Time { return fixed }
	tb.Cleanup(func() { s.Close() })
	return s
}

// stores are the databases under test, by name.
var stores = []struct {
	name string
	open func(testing.TB) *sqlstore.Store
}{
	{"sqlite", openSQLite},
	{"postgres", openPostgres},
}

// forEachStore runs fn as a subtest on each database, in parallel.
func forEachStore(t *testing.T, fn func(t *testing.T, s *sqlstore.Store)) {
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			t.Parallel()
			fn(t, st.open(t))
		})
	}
}

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
	extractorErr  error
)

// corpusDoc reads a development statement and extracts it, as ingest will.
func corpusDoc(tb testing.TB, name string) *entente.NewDocument {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		tb.Fatal(err)
	}
	return extractDoc(tb, name, b)
}

func extractDoc(tb testing.TB, name string, original []byte) *entente.NewDocument {
	tb.Helper()
	extractorOnce.Do(func() { extractor, extractorErr = extract.New("zh") })
	if extractorErr != nil {
		tb.Fatal(extractorErr)
	}
	text := string(original)
	return &entente.NewDocument{
		Extraction: extractor.Extract(text),
		Text:       text,
		Extractor:  "extract/zh",
		Source: entente.Source{
			Name: name, URL: "https://example.org/" + name, Format: "text", Encoding: "utf-8",
			MediaType: "text/plain; charset=utf-8", RetrievedAt: fixed.Add(-time.Hour),
		},
		Original: original,
	}
}

// sentence is a labelled sentence for handDoc.
type sentence struct {
	text     string
	typ      entente.SentenceType
	strength entente.Strength
	actors   []string
	areas    []string
}

// handDoc builds a document whose extraction is given by hand, for
// languages the extractor does not read yet.
func handDoc(lang, title, date string, parties []string, sents ...sentence) *entente.NewDocument {
	x := &entente.Extraction{
		Document: entente.Document{
			Title: title, Kind: entente.KindJointStatement, Language: lang, Parties: parties,
			SignedDate: &date, Signatories: []entente.Signatory{}, AuthenticLanguages: []string{},
		},
		Sections:   []entente.Section{{ID: "1", Heading: "1"}},
		References: []entente.Reference{}, Mechanisms: []entente.Entity{}, Projects: []entente.Entity{},
	}
	var text []string
	for i, s := range sents {
		typ := s.typ
		if typ == "" {
			typ = entente.Narrative
		}
		x.Sentences = append(x.Sentences, entente.Sentence{
			ID: fmt.Sprintf("s%d", i+1), Section: "1", Paragraph: i, Text: s.text, Type: typ, Strength: s.strength,
			Actors: nonNil(s.actors), Areas: nonNil(s.areas), References: []string{}, Mechanisms: []string{}, Projects: []string{},
			Rationale: entente.Rationale{Type: &entente.Cue{Rule: "hand", Text: s.text, End: len([]rune(s.text))}},
		})
		text = append(text, s.text)
	}
	t := title + "\n\n" + strings.Join(text, "\n")
	return &entente.NewDocument{
		Extraction: x, Text: t, Extractor: "hand",
		Source:   entente.Source{Name: title + ".txt", Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
		Original: []byte(t),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func mustCreate(tb testing.TB, s *sqlstore.Store, d *entente.NewDocument) int64 {
	tb.Helper()
	id, err := s.CreateDocument(context.Background(), d)
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

// count returns the number of rows of a table, for checks after deletes
// and failed writes.
func count(tb testing.TB, s *sqlstore.Store, table string) int {
	tb.Helper()
	var n int
	if err := s.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil && err != sql.ErrNoRows {
		tb.Fatal(err)
	}
	return n
}

// indexTable is the search index of each database.
func indexTable(s *sqlstore.Store) string {
	if _, ok := s.Dialect().(sqlite.Dialect); ok {
		return "sentence_fts"
	}
	return "sentence_search"
}

// tables that hang on a document.
var documentTables = []string{
	"documents", "document_parties", "signatories", "versions", "sources", "blobs", "sections", "sentences",
	"citations", "citation_sentences", "entities", "entity_sentences",
}

func rowCounts(tb testing.TB, s *sqlstore.Store) map[string]int {
	tb.Helper()
	n := map[string]int{}
	for _, t := range append(documentTables, indexTable(s)) {
		n[t] = count(tb, s, t)
	}
	return n
}

func sha(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

func openSQLitePath(path string) (*sqlstore.Store, error) {
	return sqlite.Open(context.Background(), path)
}

func openPostgresDSN(dsn string) (*sqlstore.Store, error) {
	return postgres.Open(context.Background(), dsn)
}

func pgDSN(tb testing.TB) string { return pgtest.DSN(tb) }

// queryPlanOf is SQLite's plan of q, its steps joined by "; ".
func queryPlanOf(t *testing.T, s *sqlstore.Store, q string, args ...any) string {
	t.Helper()
	rows, err := s.DB().QueryContext(t.Context(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// idsOf runs a query of one id a row and returns the ids in its order.
func idsOf(t *testing.T, s *sqlstore.Store, q string, args ...any) []int64 {
	t.Helper()
	rows, err := s.DB().QueryContext(t.Context(), q, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
