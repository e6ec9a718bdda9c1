package sqlite_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSentencesOrderAscending: the sentence rows' order index is unique
// and ascending (migration 0047), so a batch's new versions are appended
// at its right edge, and the readers' orders are still served by it:
// a version's sentences by position without a sort, the two
// whole-collection orders by a sort of each version's rows alone (the
// plan's "temp b-tree for last term" or "for right part" of the ORDER
// BY), never of the whole table.
func TestSentencesOrderAscending(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "order.db"))
	db := s.DB()
	rows, err := db.Query(`SELECT name, desc FROM pragma_index_xinfo('sentences_order') WHERE key = 1 ORDER BY seqno`)
	if err != nil {
		t.Fatal(err)
	}
	var cols []string
	for rows.Next() {
		var name string
		var desc bool
		if err := rows.Scan(&name, &desc); err != nil {
			t.Fatal(err)
		}
		if desc {
			name += " DESC"
		}
		cols = append(cols, name)
	}
	rows.Close()
	if got := strings.Join(cols, ", "); got != "version_id, position" {
		t.Errorf("sentences_order is (%s), want (version_id, position)", got)
	}
	var unique bool
	if err := db.QueryRow(`SELECT "unique" FROM pragma_index_list('sentences') WHERE name = 'sentences_order'`).Scan(&unique); err != nil || !unique {
		t.Errorf("sentences_order unique: %v, %v", unique, err)
	}
	checkPlans(t, db, []planCase{
		{`SELECT id FROM sentences WHERE version_id = 1 ORDER BY position`, "sentences_order", "TEMP B-TREE"},
		{`SELECT s.id FROM sentences s JOIN documents d ON d.id = s.document_id WHERE s.type = 'commitment'
			ORDER BY s.version_id DESC, s.position`, "USING INDEX sentences_order", "USE TEMP B-TREE FOR ORDER BY"},
		{`SELECT id FROM sentences WHERE document_id IN (1, 2) ORDER BY version_id, position DESC`, "USING INDEX sentences_order",
			"USE TEMP B-TREE FOR ORDER BY"},
	})
}
