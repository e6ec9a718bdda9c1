package sqlstore_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestSentenceTextCarryData: migration 0026 lets a sentence hold its text
// as byte offsets into its version's text. On both stores, sentences
// written before it (their text on their rows) read as they were written
// through every read that shows a sentence's text (the document, its
// page, search hits and a phrase's check, the commitments list); a
// statement stored after it keeps no copy of a sentence's text that is a
// run of its version's text, the others on their rows, and reads, finds
// and dumps exactly what was stored.
func TestSentenceTextCarryData(t *testing.T) {
	const text = "双方将加强铁路合作。\n双方将扩大贸易。\n双方将深化\n投资合作。"
	sents := []struct{ label, text, typ string }{
		{"s1", "双方将加强铁路合作。", "commitment"},
		{"s2", "双方将扩大贸易。", "commitment"},
		{"s3", "双方将深化投资合作。", "commitment"}, // not a run of the text: kept
	}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0026")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var doc, ver int64
			doc = oldDocument(t, db, now)
			if _, err := db.ExecContext(ctx, `INSERT INTO document_parties (document_id, position, party) VALUES ($1, 0, 'CN'), ($1, 1, 'RS')`,
				doc); err != nil {
				t.Fatal(err)
			}
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at,
				sentence_count) VALUES ($1, 'zh', $2, $3, 'old', $4, 3) RETURNING id`, doc, sha(text), text, now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section) VALUES ($1, 0, 'preamble')`, ver); err != nil {
				t.Fatal(err)
			}
			for i, s := range sents {
				if _, err := db.ExecContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, paragraph,
					text, text_sha256, occurrence, type, strength, evidence, actors) VALUES ($1, $2, $3, $4, 'preamble', 0, $5, $6, 0,
					$7, 'firm', '{}', 'CN')`, ver, doc, i, s.label, s.text, sha(s.text), s.typ); err != nil {
					t.Fatal(err)
				}
			}
			// no tracking marks, to see that the upgrade sets none
			if _, err := db.ExecContext(ctx, `DELETE FROM tracked_dirty`); err != nil {
				t.Fatal(err)
			}
			db.Close()

			s := st.open(t)
			var marks int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM tracked_dirty`).Scan(&marks); err != nil || marks != 0 {
				t.Errorf("after the upgrade, %d documents marked for tracking (%v), want 0", marks, err)
			}
			// opening gave the old rows offsets where their text is a run
			// of their version's
			for _, c := range sents {
				var kept string
				var start, end sql.NullInt64
				if err := s.DB().QueryRowContext(ctx, `SELECT text, text_start, text_end FROM sentences WHERE document_id = $1 AND label = $2`,
					doc, c.label).Scan(&kept, &start, &end); err != nil {
					t.Fatal(err)
				}
				if run := strings.Index(text, c.text); run >= 0 != start.Valid || kept != "" != (run < 0) ||
					run >= 0 && (start.Int64 != int64(run) || end.Int64 != int64(run+len(c.text))) {
					t.Errorf("old sentence %s stored as %q, [%v, %v)", c.label, kept, start, end)
				}
			}
			want := map[string]string{}
			for _, c := range sents {
				want[c.label] = c.text
			}
			checkTexts(t, ctx, s, doc, want, "铁路合作")

			// a statement stored now
			nd := corpusDoc(t, statement)
			id, err := s.CreateDocument(ctx, nd)
			if err != nil {
				t.Fatal(err)
			}
			var runs, copies, runBytes int
			for _, c := range nd.Extraction.Sentences {
				if strings.Contains(nd.Text, c.Text) {
					runs++
				} else {
					copies++
				}
			}
			if runs == 0 || copies == 0 {
				t.Fatalf("the statement should have sentences of both kinds: %d runs of its text, %d not", runs, copies)
			}
			var gotRuns, gotCopies int
			if err := s.DB().QueryRowContext(ctx, `SELECT count(text_start), count(*) - count(text_start),
					coalesce(sum(CASE WHEN text_start IS NOT NULL THEN length(text) ELSE 0 END), 0)
				FROM sentences WHERE document_id = $1`, id).Scan(&gotRuns, &gotCopies, &runBytes); err != nil {
				t.Fatal(err)
			}
			if gotRuns != runs || gotCopies != copies || runBytes != 0 {
				t.Errorf("a new statement: %d sentences as offsets and %d with their text (%d bytes of text beside offsets), want %d and %d (0)",
					gotRuns, gotCopies, runBytes, runs, copies)
			}
			want = map[string]string{}
			var phrase string
			for _, c := range nd.Extraction.Sentences {
				want[c.ID] = c.Text
				if r := []rune(c.Text); phrase == "" && len(r) > 12 && strings.Contains(nd.Text, c.Text) {
					phrase = string(r[2:8])
				}
			}
			checkTexts(t, ctx, s, id, want, phrase)

			// a dump of both kinds restores to the same reads
			var dump bytes.Buffer
			if _, err := s.Dump(ctx, &dump); err != nil {
				t.Fatal(err)
			}
			other := openSQLite(t)
			if _, err := other.Restore(ctx, bytes.NewReader(dump.Bytes()), int64(dump.Len())); err != nil {
				t.Fatal(err)
			}
			checkTexts(t, ctx, other, id, want, phrase)

			// a dump as a binary before migration 0026 wrote it (every
			// text on its row) restores to the same reads, as offsets
			texts := map[int64]string{}
			for _, d := range []int64{doc, id} {
				rows, err := s.DB().QueryContext(ctx, `SELECT id, label FROM sentences WHERE document_id = $1`, d)
				if err != nil {
					t.Fatal(err)
				}
				got, err := s.Document(ctx, d)
				if err != nil {
					t.Fatal(err)
				}
				byLabel := map[string]string{}
				for _, c := range got.Extraction.Sentences {
					byLabel[c.ID] = c.Text
				}
				for rows.Next() {
					var sid int64
					var label string
					if err := rows.Scan(&sid, &label); err != nil {
						t.Fatal(err)
					}
					texts[sid] = byLabel[label]
				}
				rows.Close()
			}
			older := openSQLite(t)
			restore(t, older, dumpBeforeTextOffsets(t, dump.Bytes(), texts))
			checkTexts(t, ctx, older, id, want, phrase)
			var both, restoredRuns int
			if err := older.DB().QueryRowContext(ctx, `SELECT count(*) FROM sentences WHERE document_id = $1 AND text_start IS NOT NULL
				AND text <> ''`, id).Scan(&both); err != nil || both != 0 {
				t.Errorf("restored from an older dump: %d sentences with offsets and a copy (%v)", both, err)
			}
			if err := older.DB().QueryRowContext(ctx, `SELECT count(text_start) FROM sentences WHERE document_id = $1`, id).
				Scan(&restoredRuns); err != nil || restoredRuns != gotRuns {
				t.Errorf("restored from an older dump: %d sentences as offsets, want %d (%v)", restoredRuns, gotRuns, err)
			}
		})
	}
}

// dumpBeforeTextOffsets rewrites a dump as a binary before migration 0026
// would have written it: each sentence's text (texts, by id) on its row,
// no offsets.
func dumpBeforeTextOffsets(t *testing.T, b []byte, texts map[int64]string) []byte {
	t.Helper()
	files := dumpFiles(t, b)
	m, file, at := olderDumpTable(t, files, 25, "sentences", "text_start", "text_end")
	if _, ok := at["text_start"]; !ok {
		t.Fatal("the dump has no sentences with offsets")
	}
	var rows strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(files[file]), "\n") {
		var row []json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("a row of %s: %v", file, err)
		}
		var id int64
		if err := json.Unmarshal(row[at["id"]], &id); err != nil {
			t.Fatal(err)
		}
		text, err := json.Marshal(texts[id])
		if err != nil {
			t.Fatal(err)
		}
		row[at["text"]] = text
		var kept []json.RawMessage
		for i, v := range row {
			if i != at["text_start"] && i != at["text_end"] {
				kept = append(kept, v)
			}
		}
		out, err := json.Marshal(kept)
		if err != nil {
			t.Fatal(err)
		}
		rows.Write(out)
		rows.WriteByte('\n')
	}
	files[file] = rows.String()
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	files["manifest.json"] = string(manifest)
	return zipFiles(t, files)
}

// checkTexts checks that each sentence of document doc reads with the
// text of want (by label) in the document, its page, the commitments list
// and search, and that phrase (a run that needs its candidates' texts
// checked) finds sentences of it with their texts.
func checkTexts(t *testing.T, ctx context.Context, s *sqlstore.Store, doc int64, want map[string]string, phrase string) {
	t.Helper()
	d, err := s.Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Extraction.Sentences) != len(want) {
		t.Errorf("document %d reads %d sentences, want %d", doc, len(d.Extraction.Sentences), len(want))
	}
	for _, got := range d.Extraction.Sentences {
		if got.Text != want[got.ID] {
			t.Errorf("document %d, sentence %s reads %q, want %q", doc, got.ID, got.Text, want[got.ID])
		}
	}
	pd, _, err := s.DocumentPage(ctx, doc, 1, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(pd.Extraction.Sentences) != 1 {
		t.Errorf("document %d's page of one reads %d sentences", doc, len(pd.Extraction.Sentences))
	}
	for _, got := range pd.Extraction.Sentences {
		if got.Text != want[got.ID] {
			t.Errorf("document %d's page, sentence %s reads %q, want %q", doc, got.ID, got.Text, want[got.ID])
		}
	}
	cs, err := s.Commitments(ctx, entente.CommitmentFilter{Document: doc})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) == 0 {
		t.Errorf("document %d lists no commitments", doc)
	}
	for _, c := range cs {
		if c.Sentence.Text != want[c.Sentence.ID] {
			t.Errorf("document %d's commitment %s reads %q, want %q", doc, c.Sentence.ID, c.Sentence.Text, want[c.Sentence.ID])
		}
	}
	hits, err := s.Search(ctx, entente.SearchQuery{Text: phrase})
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, h := range hits {
		if h.DocumentID != doc {
			continue
		}
		found = append(found, h.Sentence.ID)
		if h.Sentence.Text != want[h.Sentence.ID] || !strings.Contains(h.Sentence.Text, phrase) {
			t.Errorf("search %q: sentence %s reads %q, want %q", phrase, h.Sentence.ID, h.Sentence.Text, want[h.Sentence.ID])
		}
	}
	var holding []string
	for label, text := range want {
		if strings.Contains(text, phrase) {
			holding = append(holding, label)
		}
	}
	slices.Sort(found)
	slices.Sort(holding)
	if !slices.Equal(found, holding) {
		t.Errorf("search %q in document %d finds %v, want %v", phrase, doc, found, holding)
	}
}
