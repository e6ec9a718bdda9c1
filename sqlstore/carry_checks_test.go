package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSentenceChecksCarryData: migration 0034 makes SQLite's sentences
// table again without its foreign keys to versions and documents
// (PostgreSQL's went in 0017; its 0034 does nothing). On both stores a
// database written before it keeps every sentence row as it was, column
// for column, and the rows that refer to a sentence; deleting a version
// or a document still deletes its sentences and what refers to them, and
// nothing of the others; on SQLite the foreign keys are gone and the
// integrity check finds a sentence whose version is missing or of another
// document, which they used to refuse.
func TestSentenceChecksCarryData(t *testing.T) {
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0034")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var docs, vers []int64
			for i := range 3 {
				doc := oldDocument(t, db, now)
				var v int64
				if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at)
					VALUES ($1, 'zh', $2, '双方同意深化合作。', 'old', $3) RETURNING id`, doc, sha(fmt.Sprint("v", i)), now).Scan(&v); err != nil {
					t.Fatal(err)
				}
				docs, vers = append(docs, doc), append(vers, v)
			}
			// rows of every kind: a text of its own or offsets, JSON or
			// binary evidence, labels, a deadline or none
			for i, v := range vers {
				for pos := range 3 {
					var deadline any
					if pos == 1 {
						deadline = "2030"
					}
					var start, end any
					text := "别的话" // not a run of the version's text, which the store would make offsets
					if pos == 2 {
						start, end, text = int64(0), int64(12), ""
					}
					if _, err := db.ExecContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, marker,
						paragraph, text, text_sha256, occurrence, type, strength, deadline, evidence, evidence_z, actors, areas,
						anchor_sha256, text_start, text_end)
						VALUES ($1, $2, $3, $4, 'body', $5, $6, $7, '', $8, 'commitment', 'firm', $9, $10, $11, $12, $13, $14, $15, $16)`,
						v, docs[i], pos, fmt.Sprint("s", pos+1), fmt.Sprint(pos, "."), i, text, pos%2, deadline,
						`{"cues":["同意"]}`, []byte{byte(i), byte(pos)}, "CN\x1fRS", "trade", []byte(sha("a"))[:32], start, end); err != nil {
						t.Fatal(err)
					}
				}
			}
			var entity int64
			if err := db.QueryRowContext(ctx, `INSERT INTO entities (version_id, kind, name) VALUES ($1, 'project', '铁路') RETURNING id`,
				vers[0]).Scan(&entity); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO entity_sentences (entity_id, sentence_id, sentence_pos)
				SELECT $1, id, 0 FROM sentences WHERE version_id = $2`, entity, vers[0]); err != nil {
				t.Fatal(err)
			}
			before := sentenceRows(t, db)
			db.Close()

			s := st.open(t)
			if after := sentenceRows(t, s.DB()); !slices.Equal(after, before) {
				t.Errorf("sentences after the upgrade:\n%s\nbefore:\n%s", strings.Join(after, "\n"), strings.Join(before, "\n"))
			}
			counts := func() (sentences, mentions int) {
				t.Helper()
				if err := s.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM sentences), (SELECT count(*) FROM entity_sentences)`).
					Scan(&sentences, &mentions); err != nil {
					t.Fatal(err)
				}
				return sentences, mentions
			}
			if n, m := counts(); n != 9 || m != 3 {
				t.Fatalf("after the upgrade: %d sentences, %d mentions, want 9 and 3", n, m)
			}
			if st.name == "sqlite" {
				var fks int
				if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM pragma_foreign_key_list('sentences')`).Scan(&fks); err != nil {
					t.Fatal(err)
				}
				if fks != 0 {
					t.Errorf("sentences has %d foreign keys after 0034", fks)
				}
				if err := s.IntegrityCheck(ctx); err != nil {
					t.Errorf("integrity check after the upgrade: %v", err)
				}
			}
			// a document deleted takes its versions' sentences, and what
			// refers to them
			if err := s.DeleteDocument(ctx, docs[0]); err != nil {
				t.Fatal(err)
			}
			if n, m := counts(); n != 6 || m != 0 {
				t.Errorf("after deleting a document: %d sentences, %d mentions, want 6 and 0", n, m)
			}
			// a version deleted alone takes its own
			if _, err := s.DB().ExecContext(ctx, `DELETE FROM versions WHERE id = $1`, vers[1]); err != nil {
				t.Fatal(err)
			}
			var left []int64
			rows, err := s.DB().QueryContext(ctx, `SELECT DISTINCT version_id FROM sentences`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var v int64
				if err := rows.Scan(&v); err != nil {
					t.Fatal(err)
				}
				left = append(left, v)
			}
			rows.Close()
			if !slices.Equal(left, vers[2:]) {
				t.Errorf("after deleting a version, sentences of versions %v, want %v", left, vers[2:])
			}
			if st.name != "sqlite" {
				return
			}
			if err := s.IntegrityCheck(ctx); err != nil {
				t.Errorf("integrity check after the deletes: %v", err)
			}
			// what the foreign keys refused, the integrity check finds
			for _, c := range []struct {
				version, doc int64
				want         string
			}{
				{999999, docs[2], "missing version 999999"},
				{vers[2], docs[1], fmt.Sprintf("is of document %d, its version %d of document %d", docs[1], vers[2], docs[2])},
			} {
				if _, err := s.DB().ExecContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section,
					paragraph, text, text_sha256, occurrence, type) VALUES ($1, $2, 100, 'x', 'body', 0, 'x', '', 0, 'narrative')`,
					c.version, c.doc); err != nil {
					t.Fatal(err)
				}
				err := s.IntegrityCheck(ctx)
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Errorf("integrity check with a sentence of version %d, document %d: %v, want %q", c.version, c.doc, err, c.want)
				}
				if _, err := s.DB().ExecContext(ctx, `DELETE FROM sentences WHERE position = 100`); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// sentenceRows returns every sentence row, every column, as text, in
// order of id.
func sentenceRows(t *testing.T, db *sql.DB) []string {
	t.Helper()
	// the deadline as it reads (sqlstore/deadline.go): migration 0036
	// stores none as '' and escapes an empty one, where NULL was none
	rows, err := db.Query(`SELECT id, version_id, document_id, position, label, section, marker, paragraph, text, text_sha256,
		occurrence, type, strength,
		CASE WHEN deadline = '' THEN NULL WHEN substr(deadline, 1, 1) = $1 THEN substr(deadline, 2) ELSE deadline END,
		evidence, evidence_z, actors, areas, anchor_sha256, text_start, text_end
		FROM sentences ORDER BY id`, "\x01")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		vals := make([]any, 21)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%q", vals))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
