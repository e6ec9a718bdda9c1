package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestSentenceWritesCarryData: migration 0030 replaces the index of every
// sentence's type and strength by one of the commitments' strength, and
// (SQLite) the tracking triggers of sentences by ones that test the mark
// first; migration 0042 drops the marks of inserted sentences and parties
// (sqlstore/corrected_marks.go), and migration 0043 the index of sentences
// by document, and 0045 the commitments' index of 0030. On both stores, a
// database written before them counts its commitments as before; the old
// indexes are gone; inserting a document's sentences or parties marks
// nothing, alone or with other documents in one statement, and a document
// whose sentences are deleted is marked exactly once.
func TestSentenceWritesCarryData(t *testing.T) {
	type sent struct{ typ, strength string }
	sents := []sent{{"commitment", "firm"}, {"commitment", "firm"}, {"commitment", "soft"}, {"narrative", ""},
		{"position", ""}, {"commitment", ""}}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0030")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			docs := make([]int64, 3)
			vers := make([]int64, 3)
			for i := range docs {
				if err := db.QueryRowContext(ctx, `INSERT INTO documents (title, kind, language, signed_date, created_at)
					VALUES ('old', 'joint_statement', 'zh', '2020-01-02', $1) RETURNING id`, now).Scan(&docs[i]); err != nil {
					t.Fatal(err)
				}
				if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at)
					VALUES ($1, 'zh', $2, 'x', 'old', $3) RETURNING id`, docs[i], sha(string(rune('a'+i))), now).Scan(&vers[i]); err != nil {
					t.Fatal(err)
				}
			}
			for i, s := range sents {
				if _, err := db.ExecContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, paragraph,
					text, text_sha256, occurrence, type, strength, evidence) VALUES ($1, $2, $3, $4, 'preamble', 0, 'x', $5, 0, $6, $7, '{}')`,
					vers[0], docs[0], i, "s"+string(rune('1'+i)), sha(string(rune('a'+i))), s.typ, s.strength); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()

			s := st.open(t)
			stats, err := s.CommitmentStats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := []entente.Count{{Key: "", Count: 1}, {Key: "firm", Count: 2}, {Key: "soft", Count: 1}}
			if !slices.Equal(stats.ByStrength, want) || stats.Total != 4 {
				t.Errorf("commitments by strength %v (total %d), want %v (4)", stats.ByStrength, stats.Total, want)
			}
			// 0043: a document's sentences are found through its versions;
			// 0045: the strengths are counted with the parties and areas
			if got := indexesOf(t, s.DB(), st.name); slices.Contains(got, "sentences_commitments") || slices.Contains(got, "sentences_type") ||
				slices.Contains(got, "sentences_document") {
				t.Errorf("indexes of sentences: %v", got)
			}
			marked := func() []int64 {
				t.Helper()
				var ids []int64
				rows, err := s.DB().QueryContext(ctx, `SELECT document_id FROM tracked_dirty ORDER BY document_id`)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				for rows.Next() {
					var id int64
					if err := rows.Scan(&id); err != nil {
						t.Fatal(err)
					}
					ids = append(ids, id)
				}
				return ids
			}
			exec := func(q string, a ...any) {
				t.Helper()
				if _, err := s.DB().ExecContext(ctx, q, a...); err != nil {
					t.Fatal(err)
				}
			}
			insert := `INSERT INTO sentences (version_id, document_id, position, label, section, paragraph, text, text_sha256,
				occurrence, type, evidence) VALUES `
			exec(`DELETE FROM tracked_dirty`)
			// one document, three rows in one statement
			exec(insert+sentenceRow(10, 1, 2)+", "+sentenceRow(11, 1, 2)+", "+sentenceRow(12, 1, 2), vers[1], docs[1])
			if got := marked(); len(got) != 0 {
				t.Errorf("after inserting a document's rows, marked %v, want none", got)
			}
			// rows of two documents in one statement
			exec(insert+sentenceRow(13, 1, 2)+", "+sentenceRow(0, 3, 4)+", "+sentenceRow(1, 3, 4), vers[1], docs[1], vers[2], docs[2])
			exec(`INSERT INTO document_parties (document_id, position, party) VALUES ($1, 0, 'CN'), ($1, 1, 'RS'), ($2, 0, 'CN')`,
				docs[1], docs[2])
			if got := marked(); len(got) != 0 {
				t.Errorf("after inserting two documents' rows and parties, marked %v, want none", got)
			}
			exec(`DELETE FROM sentences WHERE document_id IN ($1, $2)`, docs[0], docs[2])
			if got := marked(); !slices.Equal(got, []int64{docs[0], docs[2]}) {
				t.Errorf("after deleting two documents' rows, marked %v, want %v", got, []int64{docs[0], docs[2]})
			}
			stats, err = s.CommitmentStats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if want := []entente.Count{{Key: "", Count: 4}}; !slices.Equal(stats.ByStrength, want) {
				t.Errorf("after the deletes, commitments by strength %v, want %v", stats.ByStrength, want)
			}
		})
	}
}

// sentenceRow is a row of a sentence at pos whose version and document
// are the parameters numbered p1 and p2.
func sentenceRow(pos, p1, p2 int) string {
	return fmt.Sprintf(`($%d, $%d, %d, 'n%d', 'preamble', 0, 'x', '', 0, 'commitment', '{}')`, p1, p2, pos, pos)
}

// indexesOf lists the indexes of sentences.
func indexesOf(t *testing.T, db *sql.DB, dialect string) []string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sentences'`
	if dialect == "postgres" {
		q = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'sentences'`
	}
	rows, err := db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}
