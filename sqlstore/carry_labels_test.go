package sqlstore_test

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// TestLabelsOnSentencesCarryData: migration 0024 moves each sentence's
// actors and areas from a row per label onto the sentence's row, in their
// order, written as the store writes them (a label with a space or a
// backslash included), and drops the two tables. After it, on both
// stores, the document reads the same labels, the statistics count them,
// the document filter by area and the search filter by actor find them,
// and a dump as a binary before 0024 wrote it (the two tables, no
// columns) restores into a new store and reads the same.
func TestLabelsOnSentencesCarryData(t *testing.T) {
	type old struct {
		label, typ    string
		actors, areas []string
	}
	sents := []old{
		{label: "s1", typ: "commitment", actors: []string{"RS", "CN"}, areas: []string{"trade", "international_order"}},
		{label: "s2", typ: "commitment", actors: []string{"New Zealand", `a\b`}, areas: []string{"energy"}},
		{label: "s3", typ: "narrative"},
	}
	for _, st := range carryStores(t) {
		t.Run(st.name, func(t *testing.T) {
			ctx := context.Background()
			db := st.old(t, "0024")
			now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
			var doc, ver int64
			doc = oldDocument(t, db, now)
			text := "双方将加强铁路合作。双方将扩大贸易。两国关系良好。"
			if err := db.QueryRowContext(ctx, `INSERT INTO versions (document_id, language, text_sha256, text, extractor, created_at,
				sentence_count) VALUES ($1, 'zh', 'abc', $2, 'old', $3, 3) RETURNING id`, doc, text, now).Scan(&ver); err != nil {
				t.Fatal(err)
			}
			if _, err := db.ExecContext(ctx, `INSERT INTO sections (version_id, position, section) VALUES ($1, 0, 'preamble')`, ver); err != nil {
				t.Fatal(err)
			}
			texts := strings.SplitAfter(text, "。")
			for i, s := range sents {
				var id int64
				if err := db.QueryRowContext(ctx, `INSERT INTO sentences (version_id, document_id, position, label, section, paragraph,
					text, text_sha256, occurrence, type, evidence) VALUES ($1, $2, $3, $4, 'preamble', 0, $5, $6, 0, $7, '{}') RETURNING id`,
					ver, doc, i, s.label, texts[i], sha(texts[i]), s.typ).Scan(&id); err != nil {
					t.Fatal(err)
				}
				// the rows in reverse order of position: the migration
				// orders by position, not by insertion
				for j := len(s.actors) - 1; j >= 0; j-- {
					if _, err := db.ExecContext(ctx, `INSERT INTO sentence_actors (sentence_id, position, party) VALUES ($1, $2, $3)`,
						id, j, s.actors[j]); err != nil {
						t.Fatal(err)
					}
				}
				for j := len(s.areas) - 1; j >= 0; j-- {
					if _, err := db.ExecContext(ctx, `INSERT INTO sentence_areas (sentence_id, position, area) VALUES ($1, $2, $3)`,
						id, j, s.areas[j]); err != nil {
						t.Fatal(err)
					}
				}
			}
			db.Close()

			s := st.open(t)
			check := func(t *testing.T, s interface {
				Document(context.Context, int64) (*entente.StoredDocument, error)
			}) *entente.StoredDocument {
				t.Helper()
				d, err := s.Document(ctx, doc)
				if err != nil {
					t.Fatal(err)
				}
				if d.Extraction == nil || len(d.Extraction.Sentences) != len(sents) {
					t.Fatalf("the document reads %+v", d.Extraction)
				}
				for i, want := range sents {
					got := d.Extraction.Sentences[i]
					if !reflect.DeepEqual(got.Actors, nonNil(want.actors)) || !reflect.DeepEqual(got.Areas, nonNil(want.areas)) {
						t.Errorf("sentence %s: actors %q areas %q, want %q %q", want.label, got.Actors, got.Areas, want.actors, want.areas)
					}
				}
				return d
			}
			d := check(t, s)
			if _, err := s.DB().ExecContext(ctx, `SELECT 1 FROM sentence_actors`); err == nil {
				t.Error("sentence_actors is still there")
			}
			stats, err := s.CommitmentStats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			wantParties := []entente.Count{{Key: "CN", Count: 1}, {Key: "New Zealand", Count: 1}, {Key: "RS", Count: 1}, {Key: `a\b`, Count: 1}}
			wantAreas := []entente.Count{{Key: "energy", Count: 1}, {Key: "international_order", Count: 1}, {Key: "trade", Count: 1}}
			if !reflect.DeepEqual(stats.ByParty, wantParties) || !reflect.DeepEqual(stats.ByArea, wantAreas) {
				t.Errorf("statistics by party %v, by area %v; want %v, %v", stats.ByParty, stats.ByArea, wantParties, wantAreas)
			}
			for _, c := range []struct {
				area string
				want int
			}{{"energy", 1}, {"international_order", 1}, {"international", 0}, {"order", 0}, {"Energy", 0}, {"finance", 0}} {
				docs, err := s.Documents(ctx, entente.DocumentFilter{Area: c.area})
				if err != nil || len(docs) != c.want {
					t.Errorf("documents with area %q: %d (%v), want %d", c.area, len(docs), err, c.want)
				}
			}
			for _, c := range []struct {
				party, want string
			}{{"RS", "s1"}, {"New Zealand", "s2"}} {
				hits, err := s.Search(ctx, entente.SearchQuery{Party: c.party, Type: entente.Commitment})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, h := range hits {
					got = append(got, h.Sentence.ID)
				}
				if !reflect.DeepEqual(got, []string{c.want}) {
					t.Errorf("search by actor %s: %v, want [%s]", c.party, got, c.want)
				}
			}
			// a dump as a binary before migration 0024 wrote it restores
			fresh := openSQLite(t)
			if st.name == "postgres" {
				fresh = openPostgres(t)
			}
			restore(t, fresh, dumpBeforeLabelsOnSentences(t, dump(t, s)))
			if got := check(t, fresh); !reflect.DeepEqual(got.Extraction.Sentences, d.Extraction.Sentences) {
				t.Errorf("the document restored from an older dump reads otherwise")
			}
		})
	}
}

// dumpBeforeLabelsOnSentences rewrites a dump as a binary before
// migration 0024 would have written it: the sentences' actors and areas
// as rows of sentence_actors and sentence_areas, not columns.
func dumpBeforeLabelsOnSentences(t *testing.T, b []byte) []byte {
	t.Helper()
	files := dumpFiles(t, b)
	m, file, at := olderDumpTable(t, files, 23, "sentences", "actors", "areas")
	tables := m["tables"].([]any)
	unescape := strings.NewReplacer(`\\`, `\`, `\s`, ` `, `\e`, ``)
	labelRows := map[string]*strings.Builder{"actors": {}, "areas": {}}
	counts := map[string]int{}
	var rows strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(files[file]), "\n") {
		var row []json.RawMessage
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			t.Fatalf("a row of %s: %v", file, err)
		}
		var kept []json.RawMessage
		for i, v := range row {
			if i != at["actors"] && i != at["areas"] {
				kept = append(kept, v)
			}
		}
		for _, col := range []string{"actors", "areas"} {
			var packed string
			if err := json.Unmarshal(row[at[col]], &packed); err != nil {
				t.Fatal(err)
			}
			if packed == "" {
				continue
			}
			for j, item := range strings.Split(packed, " ") {
				out, err := json.Marshal([]any{row[at["id"]], j, unescape.Replace(item)})
				if err != nil {
					t.Fatal(err)
				}
				labelRows[col].Write(out)
				labelRows[col].WriteByte('\n')
				counts[col]++
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
	for col, table := range map[string]string{"actors": "sentence_actors", "areas": "sentence_areas"} {
		value := map[string]string{"actors": "party", "areas": "area"}[col]
		tables = append(tables, map[string]any{"name": table, "file": "tables/" + table + ".jsonl", "rows": counts[col],
			"columns": []any{map[string]any{"name": "sentence_id", "kind": "integer"}, map[string]any{"name": "position", "kind": "integer"},
				map[string]any{"name": value, "kind": "text"}}})
		files["tables/"+table+".jsonl"] = labelRows[col].String()
	}
	m["tables"] = tables
	manifest, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	files["manifest.json"] = string(manifest)
	return zipFiles(t, files)
}
