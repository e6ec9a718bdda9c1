package sqlstore_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// libraryStatistics are the planner's statistics (sqlite_stat1) of the
// tables around the registry in a library of 10,000 generated statements
// (entente-load), as ANALYZE wrote them: what the plan of a read of the
// registry is chosen against. The registry's and the citations' are taken
// by ANALYZE in the test, as that library's were.
var libraryStatistics = [][3]string{
	{"documents", "documents_signed_date", "10000 2 1 1 1 1"},
	{"documents", "documents_kind", "10000 10000"},
	{"versions", "versions_language", "10000 2500 1"},
	{"versions", "sqlite_autoindex_versions_1", "10000 1 1"},
	{"sentences", "sentences_order", "371187 38 1"},
	{"citation_sentences", "citation_sentences_sentence", "53941 1"},
	{"citation_sentences", "citation_sentences_citation", "53941 2"},
	{"citations", "sqlite_autoindex_citations_1", "44861 5 1"},
}

// TestCitedByReadsThroughTheRegistry: a document's backlinks are read from
// its registry entry, through the index of entries by document, however
// many entries are no stored document (here all of them: the document is
// no entry's, and nothing cites it). Before migration 0061 the index
// held every entry, its statistics counted the NULLs as one value shared
// by nearly all, and SQLite read the backlinks by scanning every document
// of the library in date order (92 ms at 10,000 statements for a document
// nothing cites).
func TestCitedByReadsThroughTheRegistry(t *testing.T) {
	s := openSQLite(t)
	ctx := t.Context()
	doc := mustCreate(t, s, corpusDoc(t, statement))
	// s.DB() is the writer's one connection: the statistics ANALYZE
	// reloads are those the plan below is made with
	db := s.DB()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.ExecContext(ctx, q, args...); err != nil {
			t.Fatal(err)
		}
	}
	// the citations of a library, analyzed before the registry was first
	// built (the store analyzes a table when it has grown, and the
	// registry links citations without adding any): none has an entry
	var version int64
	if err := db.QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = ?`, doc).Scan(&version); err != nil {
		t.Fatal(err)
	}
	exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
		INSERT INTO citations (version_id, title, kind) SELECT ?, 'title ' || i, 'other' FROM n`, version)
	exec("ANALYZE citations")
	// then the registry: entries none of which is a stored document, as in
	// a library that holds none of the instruments its statements cite
	var entries []entente.BuiltEntry
	for i := range 16000 {
		name := fmt.Sprintf("协定%d", i)
		entries = append(entries, entente.BuiltEntry{Kind: entente.RegInstrument, Name: name, Reason: "test", Confidence: 1,
			Aliases: []entente.RegistryAlias{{Alias: name, Language: "zh", Confidence: 1}}})
	}
	if _, err := s.SaveRegistry(ctx, entries, "test", nil); err != nil {
		t.Fatal(err)
	}
	exec("ANALYZE registry")
	for _, st := range libraryStatistics {
		exec(`DELETE FROM sqlite_stat1 WHERE tbl = ? AND idx = ?`, st[0], st[1])
		exec(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)`, st[0], st[1], st[2])
	}
	exec("ANALYZE sqlite_schema")
	plan := strings.Split(queryPlanOf(t, s, sqlstore.CitedBySQL, doc), "; ")
	if len(plan) == 0 || !strings.Contains(plan[0], "USING INDEX registry_document") {
		t.Errorf("CitedBy's plan: %q, want it to start from the registry entry of the document", plan)
	}
	for _, step := range plan {
		if strings.HasPrefix(step, "SCAN ") {
			t.Errorf("CitedBy's plan: %q, want no table read whole", plan)
		}
	}
}

// TestRegistryPastMarkPlan: whether a name past a mark is of a document
// read before is asked from the names past it, each looking its version
// up, with the planner's statistics of a library of 10,000 statements.
// As a join, SQLite walked the versions of every document read and probed
// the names of each.
func TestRegistryPastMarkPlan(t *testing.T) {
	s := openSQLite(t)
	ctx := t.Context()
	mustCreate(t, s, corpusDoc(t, statement))
	db := s.DB()
	for _, st := range libraryStatistics {
		for _, q := range []string{`DELETE FROM sqlite_stat1 WHERE tbl = ? AND idx = ?`, `INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)`} {
			args := []any{st[0], st[1], st[2]}
			if strings.HasPrefix(q, "DELETE") {
				args = args[:2]
			}
			if _, err := db.ExecContext(ctx, q, args...); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.ExecContext(ctx, "ANALYZE sqlite_schema"); err != nil {
		t.Fatal(err)
	}
	plan := queryPlanOf(t, s, sqlstore.RegistryPastMarkSQL, 9000, 40000, 20000)
	for _, want := range []string{"SEARCH c USING INTEGER PRIMARY KEY (rowid>?)", "SEARCH e USING INTEGER PRIMARY KEY (rowid>?)"} {
		if !strings.Contains(plan, want) {
			t.Errorf("the comparison with a mark: %q, want %q", plan, want)
		}
	}
	for _, step := range strings.Split(plan, "; ") {
		if strings.Contains(step, "document_id<") || (strings.HasPrefix(step, "SCAN ") && step != "SCAN CONSTANT ROW") {
			t.Errorf("the comparison with a mark walks the documents read, or reads a table whole: %q", plan)
		}
	}
}
