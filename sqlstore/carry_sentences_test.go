package sqlstore_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// oldSentence is a sentence row as a binary before migration 0018 wrote
// it, with the rows that refer to it.
type oldSentence struct {
	label, text, sha, evidence string
	actors, areas              []string
	want                       entente.Rationale
}

// TestLeanSentencesCarryData: migration 0018 makes SQLite's sentences
// table again (without the anchor's unique index) with foreign keys off,
// and drops PostgreSQL's constraint; 0019 adds the binary rationale and
// turns PostgreSQL's index rows into text. Every sentence keeps its id,
// labels and rationale (stored as JSON and in the compact form), the rows
// that refer to it (actors, areas, a relationship) are not deleted with
// the old table, the full-text index written before still finds it, a
// look-up by anchor still finds it, the anchor index is gone, and a dump
// as a binary before 0019 wrote it restores and reads the same; a
// statement stored after writes the binary form and reads back exactly.
func TestLeanSentencesCarryData(t *testing.T) {
	typeCue := entente.Cue{Rule: "modal", Text: "将", Start: 2, End: 3}
	sents := []oldSentence{
		{label: "s1", text: "双方将加强铁路合作。", sha: "aa", actors: []string{"CN", "RS"}, areas: []string{"infrastructure"},
			want: entente.Rationale{Type: &typeCue, Strength: &typeCue}},
		{label: "s2", text: "双方将加强铁路合作。", sha: "aa", areas: []string{"trade", "energy"},
			evidence: `~[["modal",2,3],1]`, want: entente.Rationale{Type: &typeCue, Strength: &typeCue}},
	}
	js, err := json.Marshal(sents[0].want)
	if err != nil {
		t.Fatal(err)
	}
	sents[0].evidence = string(js)
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0018")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var doc, ver int64
			doc = oldDocument(t, db, now)
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at,
				sentence_count) VALUES ($1, 'zh', 'abc', $2, 'old', $3, 2) RETURNING id`, doc, sents[0].text+sents[1].text, now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section) VALUES ($1, 0, 'preamble')`, ver); err != nil {
				t.Fatal(err)
			}
			ids := make([]int64, len(sents))
			for i, s := range sents {
				if err := db.QueryRowContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, paragraph,
					text, text_sha256, occurrence, type, strength, evidence) VALUES ($1, $2, $3, $4, 'preamble', 0, $5, $6, $7,
					'commitment', 'firm', $8) RETURNING id`, ver, doc, i, s.label, s.text, s.sha, i, s.evidence).Scan(&ids[i]); err != nil {
					t.Fatal(err)
				}
				for j, a := range s.actors {
					if _, err := db.ExecContext(ctx, `INSERT INTO sentence_actors (sentence_id, position, party) VALUES ($1, $2, $3)`,
						ids[i], j, a); err != nil {
						t.Fatal(err)
					}
				}
				for j, a := range s.areas {
					if _, err := db.ExecContext(ctx, `INSERT INTO sentence_areas (sentence_id, position, area) VALUES ($1, $2, $3)`,
						ids[i], j, a); err != nil {
						t.Fatal(err)
					}
				}
			}
			// the full-text index as the old binary wrote it, under the
			// analyzer of this one (so that it is kept, not built again)
			if _, err := db.ExecContext(ctx, `INSERT INTO store_settings (key, value) VALUES ('search.analyzer', $1)`,
				search.Analyzer); err != nil {
				t.Fatal(err)
			}
			for i, s := range sents {
				toks := search.Tokens(s.text)
				q := `INSERT INTO sentence_fts (rowid, tokens) VALUES ($1, $2)`
				arg := search.Join(toks)
				if st.name == "postgres" {
					q = `INSERT INTO sentence_search (sentence_id, tokens) VALUES ($1, CAST($2 AS tsvector))`
					arg = "'" + strings.Join(toks, "' '") + "'"
				}
				if _, err := db.ExecContext(ctx, q, ids[i], arg); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO relationships (document_id, sentence_id, party_a, party_b, designation, created_at)
				VALUES ($1, $2, 'CN', 'RS', 'partnership', $3)`, doc, ids[1], now); err != nil {
				t.Fatal(err)
			}
			var indexes int
			q := `SELECT count(*) FROM sqlite_master WHERE tbl_name = 'sentences' AND name LIKE 'sqlite_autoindex_%'`
			if st.name == "postgres" {
				// the catalog, not pg_indexes, whose definitions read every
				// schema's indexes while other tests drop theirs
				q = `SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
					JOIN pg_namespace n ON n.oid = c.relnamespace
					JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
					WHERE n.nspname = current_schema() AND c.relname = 'sentences' AND a.attname = 'text_sha256'`
			}
			if err := db.QueryRowContext(ctx, q).Scan(&indexes); err != nil || indexes != 1 {
				t.Fatalf("anchor indexes on sentences before the migration: %d, %v (the query finds none)", indexes, err)
			}
			db.Close()

			s := st.open(t)
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			if d.Extraction == nil || len(d.Extraction.Sentences) != len(sents) {
				t.Fatalf("the document stored before the migration reads %+v", d.Extraction)
			}
			for i, want := range sents {
				got := d.Extraction.Sentences[i]
				if got.ID != want.label || got.Text != want.text || got.Type != entente.Commitment || got.Strength != entente.Firm {
					t.Errorf("sentence %d reads %s %q %s %s", i, got.ID, got.Text, got.Type, got.Strength)
				}
				if !reflect.DeepEqual(got.Actors, nonNil(want.actors)) || !reflect.DeepEqual(got.Areas, nonNil(want.areas)) {
					t.Errorf("sentence %d: actors %v areas %v, want %v %v", i, got.Actors, got.Areas, want.actors, want.areas)
				}
				if !reflect.DeepEqual(got.Rationale, want.want) {
					t.Errorf("sentence %d: rationale %+v, want %+v", i, got.Rationale, want.want)
				}
			}
			var kept int64
			if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM sentences WHERE id IN ($1, $2)`, ids[0], ids[1]).Scan(&kept); err != nil || kept != 2 {
				t.Errorf("sentences kept under their ids: %d, %v", kept, err)
			}
			var rel int64
			if err := s.DB().QueryRowContext(ctx, `SELECT sentence_id FROM relationships WHERE document_id = $1`, doc).Scan(&rel); err != nil || rel != ids[1] {
				t.Errorf("the relationship refers to sentence %d (%v), want %d", rel, err, ids[1])
			}
			hits, err := s.Search(ctx, entente.SearchQuery{Text: "铁路"})
			if err != nil || len(hits) != 2 {
				t.Errorf("a search over the index written before the migrations: %d hits, %v; want 2", len(hits), err)
			}
			// a dump as a binary before migration 0019 wrote it (no
			// evidence_z) restores into a new store, which reads the
			// rationales stored before
			fresh := openSQLite(t)
			if st.name == "postgres" {
				fresh = openPostgres(t)
			}
			restore(t, fresh, dumpWithoutColumn(t, dump(t, s), "sentences", "evidence_z", 17))
			if got, err := fresh.Document(ctx, doc); err != nil || !reflect.DeepEqual(got.Extraction.Sentences, d.Extraction.Sentences) {
				t.Errorf("the document restored from an older dump reads otherwise (%v)", err)
			}
			// a statement stored now: its rationale in the binary form,
			// read back as extracted
			nd := corpusDoc(t, statement)
			id, err := s.CreateDocument(ctx, nd)
			if err != nil {
				t.Fatal(err)
			}
			var plain, binary int
			if err := s.DB().QueryRowContext(ctx, `SELECT sum(length(evidence)), sum(length(evidence_z)) FROM sentences
				WHERE document_id = $1`, id).Scan(&plain, &binary); err != nil || plain != 0 || binary == 0 {
				t.Errorf("a new statement's rationales: %d bytes in evidence, %d in evidence_z (%v)", plain, binary, err)
			}
			got, err := s.Document(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			for i, want := range nd.Extraction.Sentences {
				w, _ := json.Marshal(want.Rationale)
				g, _ := json.Marshal(got.Extraction.Sentences[i].Rationale)
				if string(w) != string(g) {
					t.Errorf("new sentence %s: rationale %s, want %s", want.ID, g, w)
					break
				}
			}
			if hits, err := s.Search(ctx, entente.SearchQuery{Text: "铁路"}); err != nil || len(hits) <= 2 {
				t.Errorf("a search after a new statement: %d hits, %v; want more than the old 2", len(hits), err)
			}
			ref, err := s.FindSentence(ctx, doc, "s2")
			if err != nil || ref.Anchor.TextSHA256 != "aa" || ref.Anchor.Occurrence != 1 {
				t.Fatalf("look-up by label: %+v, %v", ref, err)
			}
			if _, err := s.SetStatus(ctx, entente.StatusChange{Anchor: ref.Anchor, DocumentID: doc, Parties: []string{"CN"}, Status: entente.NotRated, Why: "carry", Revision: -1}); err != nil {
				t.Errorf("a status keyed to an old sentence's anchor: %v", err)
			}
			if err := s.DB().QueryRowContext(ctx, q).Scan(&indexes); err != nil || indexes != 0 {
				t.Errorf("anchor indexes left on sentences: %d, %v", indexes, err)
			}
		})
	}
}

// dumpWithoutColumn rewrites a dump as a binary whose schema lacked a
// column of table would have written it: the column left out of the
// manifest and of every row, the schema version set to version.
func dumpWithoutColumn(t *testing.T, b []byte, table, column string, version int) []byte {
	t.Helper()
	files := dumpFiles(t, b)
	var m map[string]any
	if err := json.Unmarshal([]byte(files["manifest.json"]), &m); err != nil {
		t.Fatal(err)
	}
	m["schema_version"] = version
	if version < 36 {
		oldDeadlines(t, files, m)
	}
	file, at := "", -1
	for _, ti := range m["tables"].([]any) {
		info := ti.(map[string]any)
		if info["name"] != table {
			continue
		}
		cols := info["columns"].([]any)
		for i, c := range cols {
			if c.(map[string]any)["name"] == column {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("the dump's %s has no column %s", table, column)
		}
		info["columns"] = append(cols[:at:at], cols[at+1:]...)
		file = info["file"].(string)
	}
	if file == "" {
		t.Fatalf("the dump has no table %s", table)
	}
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	files["manifest.json"] = string(manifest)
	var rows strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(files[file]), "\n") {
		if line == "" {
			continue
		}
		var row []json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("a row of %s: %v", file, err)
		}
		out, err := json.Marshal(append(row[:at:at], row[at+1:]...))
		if err != nil {
			t.Fatal(err)
		}
		rows.Write(out)
		rows.WriteByte('\n')
	}
	files[file] = rows.String()
	return zipFiles(t, files)
}

// zipFiles writes files, by name, as a dump's archive.
func zipFiles(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
