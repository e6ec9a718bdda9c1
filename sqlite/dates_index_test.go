package sqlite_test

import (
	"path/filepath"
	"testing"
)

// TestDatesIndexCovers: the version matcher's look-up of same-day
// documents in another language (the join of sqlstore's
// VersionCandidates) reads the index of signing dates alone, not each
// candidate's row (migration 0056), and the documents list's order by date
// and id is still read from that index without a sort.
func TestDatesIndexCovers(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "dates.db"))
	db := s.DB()
	checkPlans(t, db, []planCase{
		{`SELECT d.id, o.id FROM documents d
			JOIN documents o ON o.signed_date = d.signed_date AND o.language <> d.language AND o.id <> d.id
			WHERE d.id IN (1, 2) AND o.withdrawn_at IS NULL
				AND (EXISTS (SELECT 1 FROM document_corrections k WHERE k.document_id = o.id) OR o.kind = d.kind)
			ORDER BY d.id, o.id`, "SEARCH o USING COVERING INDEX documents_signed_date (signed_date=?)", "SCAN o"},
		{`SELECT d.id, d.title FROM documents d ORDER BY d.signed_date DESC NULLS LAST, d.id DESC LIMIT 20`,
			"USING INDEX documents_signed_date", "TEMP B-TREE"},
	})
}
