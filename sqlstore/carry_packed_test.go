package sqlstore_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/sqlstore"
)

// sentenceRowColumns are the columns of a sentence row that migrations
// 0035 and 0036 must carry as they are (the text and its offsets aside,
// which the store's own carry of migration 0026 sets when it opens, and
// the deadline, whose form 0036 changes).
const sentenceRowColumns = `id, version_id, document_id, position, label, section, marker, paragraph, text_sha256,
	coalesce(lower(hex(anchor_sha256)), ''), occurrence, type, strength, evidence, coalesce(hex(evidence_z), ''), actors, areas`

// rowsAsText reads query's rows with every column as text.
func rowsAsText(t *testing.T, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string) [][]string {
	t.Helper()
	rows, err := db.QueryContext(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for rows.Next() {
		vals := make([]sql.NullString, len(cols))
		dest := make([]any, len(cols))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			row[i] = v.String
			if !v.Valid {
				row[i] = "NULL"
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// anchorBytes is the sha256 of a sentence's text as anchor_sha256 holds it.
func anchorBytes(text string) []byte {
	h := sha256.Sum256([]byte(text))
	return h[:]
}

// show prints a deadline: nil, or quoted.
func show(d *string) string {
	if d == nil {
		return "nil"
	}
	return strconv.Quote(*d)
}

func ptr(s string) *string { return &s }

// TestSentencesPackedCarryData: migrations 0035 and 0036 keep every
// sentence row of a database written before them, column for column, with
// its id, its deadline as it was (none, empty, one that begins with the
// escape, a plain one), its links (an entity's sentence), the triggers
// that check and cascade its rows and the foreign keys that name it
// (PostgreSQL rebuilds the table); ids go on after the ones there; a dump
// taken now and one as a binary before 0036 wrote it restore the same
// deadlines.
func TestSentencesPackedCarryData(t *testing.T) {
	deadlines := []*string{nil, ptr(""), ptr("\x01x"), ptr("by 2030"), nil}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0035")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			doc := oldDocument(t, db, now)
			var ver, entity int64
			text := "双方将加强铁路合作。双方将扩大贸易。双方将深化投资合作。双方同意。双方欢迎。"
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at,
				sentence_count) VALUES ($1, 'zh', 'abc', $2, 'old', $3, $4) RETURNING id`, doc, text, now, len(deadlines)).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section) VALUES ($1, 0, 'preamble')`, ver); err != nil {
				t.Fatal(err)
			}
			parts := strings.SplitAfter(text, "。")[:len(deadlines)]
			var ids []int64
			for i, d := range deadlines {
				var id int64
				if err := db.QueryRowContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, marker,
					paragraph, text, text_sha256, anchor_sha256, occurrence, type, strength, deadline, evidence, actors, areas)
					VALUES ($1, $2, $3, $4, 'preamble', $5, $6, $7, '', $8, 0, 'commitment', 'firm', $9, '{}', 'CN', 'trade')
					RETURNING id`, ver, doc, i, "s"+string(rune('1'+i)), []string{"", "1."}[i%2], i/2, parts[i],
					anchorBytes(parts[i]), d).Scan(&id); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			if err := db.QueryRowContext(ctx, `INSERT INTO entities (version_id, kind, position, name) VALUES ($1, 'project', 0, '铁路')
				RETURNING id`, ver).Scan(&entity); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO entity_sentences (entity_id, sentence_id, entity_pos, sentence_pos)
				VALUES ($1, $2, 0, 0)`, entity, ids[0]); err != nil {
				t.Fatal(err)
			}
			before := rowsAsText(t, db, `SELECT `+sentenceRowColumns+` FROM sentences ORDER BY id`)
			db.Close()

			s := st.open(t)
			if after := rowsAsText(t, s.DB(), `SELECT `+sentenceRowColumns+` FROM sentences ORDER BY id`); !reflect.DeepEqual(after, before) {
				t.Errorf("sentence rows after the upgrade:\n%v\nwant\n%v", after, before)
			}
			read := func(t *testing.T, s *sqlstore.Store) {
				t.Helper()
				d, err := s.Document(ctx, doc)
				if err != nil {
					t.Fatal(err)
				}
				if d.Extraction == nil || len(d.Extraction.Sentences) != len(deadlines) {
					t.Fatalf("document read %+v", d.Extraction)
				}
				for i, sent := range d.Extraction.Sentences {
					if !reflect.DeepEqual(sent.Deadline, deadlines[i]) || sent.Text != parts[i] {
						t.Errorf("sentence %d: deadline %v, text %q; want %v, %q", i, show(sent.Deadline), sent.Text, show(deadlines[i]), parts[i])
					}
				}
			}
			read(t, s)
			if st.name == "postgres" {
				var fks, triggers int
				if err := s.DB().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM pg_constraint WHERE confrelid = 'sentences'::regclass),
					(SELECT count(*) FROM pg_trigger WHERE tgrelid = 'sentences'::regclass AND NOT tgisinternal)`).Scan(&fks, &triggers); err != nil {
					t.Fatal(err)
				}
				// 0036 makes the three keys and seven triggers again; 0038 then
				// replaces the keys of entity_sentences and citation_sentences
				// by one trigger on sentences (relationships keeps its key),
				// and 0042 drops the one that marked inserted rows
				if fks != 1 || triggers != 7 {
					t.Errorf("after the rebuild: %d foreign keys name sentences, %d triggers on it; want 1 and 7", fks, triggers)
				}
				var next int64
				if err := s.DB().QueryRowContext(ctx, `SELECT nextval(pg_get_serial_sequence('sentences', 'id'))`).Scan(&next); err != nil || next <= ids[len(ids)-1] {
					t.Errorf("the next sentence id is %d (%v), after %d", next, err, ids[len(ids)-1])
				}
			}

			// a dump as this binary writes it, and as one before 0036 did
			fresh := func() *sqlstore.Store {
				if st.name == "postgres" {
					return openPostgres(t)
				}
				return openSQLite(t)
			}
			b := dump(t, s)
			now1 := fresh()
			restore(t, now1, b)
			read(t, now1)
			old := fresh()
			restore(t, old, dumpBeforePackedDeadlines(t, b))
			read(t, old)

			// the links and the checks the rebuild made again
			if _, err := s.DB().ExecContext(ctx, `DELETE FROM sentences WHERE id = $1`, ids[0]); err != nil {
				t.Fatal(err)
			}
			if n := count(t, s, "entity_sentences"); n != 0 {
				t.Errorf("%d entity_sentences rows left after their sentence was deleted", n)
			}
			if _, err := s.DB().ExecContext(ctx, `UPDATE sentences SET version_id = $1 WHERE id = $2`, int64(1<<40), ids[1]); err == nil {
				t.Error("a sentence moved to no version was accepted")
			}
		})
	}
}

// dumpBeforePackedDeadlines rewrites a dump as a binary before migration
// 0036 wrote it: no deadline as NULL, any other as it is (olderDumpTable).
func dumpBeforePackedDeadlines(t *testing.T, b []byte) []byte {
	t.Helper()
	files := dumpFiles(t, b)
	m, _, _ := olderDumpTable(t, files, 35, "sentences")
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	files["manifest.json"] = string(manifest)
	return zipFiles(t, files)
}
