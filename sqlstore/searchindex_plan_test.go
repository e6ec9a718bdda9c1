package sqlstore_test

import (
	"strings"
	"testing"

	"github.com/entente/entente/sqlstore"
)

// TestIndexUpdateReadsByIndex: when the search index takes in a few
// changed documents, SQLite reads their sentences through their versions
// by index, never by scanning every sentence of the library (sentences
// have no index by document since migration 0043). A build reads them all.
func TestIndexUpdateReadsByIndex(t *testing.T) {
	s := openSQLite(t)
	for _, c := range []struct {
		cond string
		scan bool
	}{
		{"document_id IN (?, ?)", false},
		{"1 = 1", true},
	} {
		all := queryPlanOf(t, s, `SELECT id, version_id FROM sentences WHERE `+sqlstore.SentencesOfDocuments(c.cond)+
			` ORDER BY version_id, position DESC`, 1, 2)
		if scans := strings.Contains(all, "SCAN sentences"); scans != c.scan {
			t.Errorf("%s: plan %q, want a scan of every sentence: %v", c.cond, all, c.scan)
		}
	}
}
