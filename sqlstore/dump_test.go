package sqlstore_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// library fills a store with what a dump must carry: statements (one with
// a second source in another encoding), a deleted statement (so that the
// id sequences run past the highest id), accounts with a session and a
// token, events, and rows of the tracking tables, including rows that
// point at a later row of their own table.
func fillLibrary(t testing.TB, s *sqlstore.Store) {
	t.Helper()
	ctx := context.Background()
	rs := mustCreate(t, s, corpusDoc(t, "cn-rs-2024-joint-statement.zh.txt"))
	ae := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
	aeID := mustCreate(t, s, ae)
	var aeVersion int64
	if err := s.DB().QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = $1`, aeID).Scan(&aeVersion); err != nil {
		t.Fatal(err)
	}
	gb := corpusDoc(t, "cn-ae-2019-joint-statement.zh.gb18030.txt")
	if _, err := s.AddSource(ctx, aeVersion, gb.Source, gb.Original); err != nil {
		t.Fatal(err)
	}
	gone := mustCreate(t, s, handDoc("en", "A statement deleted", "2020-01-01", []string{"CN", "FR"},
		sentence{text: "The two sides will build a railway.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "FR"}}))
	if err := s.DeleteDocument(ctx, gone); err != nil {
		t.Fatal(err)
	}
	u := &entente.User{Name: "ana", Role: entente.RoleAdmin, PasswordHash: "$argon2id$v=19$m=65536,t=1,p=4$c2FsdA$aGFzaA"}
	if _, err := s.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, strings.Repeat("a", 64), u.ID, fixed.Add(24*3600e9)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateToken(ctx, &entente.APIToken{UserID: u.ID, Name: "script", Hash: strings.Repeat("b", 64)}); err != nil {
		t.Fatal(err)
	}
	for i, action := range []string{"create", "update", "delete"} {
		if _, err := s.AppendEvent(ctx, &entente.Event{At: fixed.Add(time.Duration(i) * time.Second), UserID: u.ID, Actor: "ana", Action: action,
			Entity: "document", EntityID: int64(i + 1), After: `{"n":` + string(rune('0'+i)) + `}`}); err != nil {
			t.Fatal(err)
		}
	}
	var vid int64
	if err := s.DB().QueryRowContext(ctx, `SELECT id FROM versions WHERE document_id = $1`, rs).Scan(&vid); err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := s.DB().ExecContext(ctx, q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	// Registry entry 1 is merged into entry 2, written after it.
	exec(`INSERT INTO registry (id, kind, name, created_at) VALUES (1, 'instrument', '全球发展倡议', $1)`, fixed)
	exec(`INSERT INTO registry (id, kind, name, created_at) VALUES (2, 'instrument', 'Global Development Initiative', $1)`, fixed)
	exec(`UPDATE registry SET merged_into = 2 WHERE id = 1`)
	exec(`INSERT INTO commitments (id, version_id, section, text_sha256, occurrence, status, updated_at) VALUES (1, $1, '1', 'aa', 0, 'superseded', $2)`, vid, fixed)
	exec(`INSERT INTO commitments (id, version_id, section, text_sha256, occurrence, status, updated_at) VALUES (2, $1, '2', 'bb', 0, 'in_progress', $2)`, vid, fixed)
	exec(`UPDATE commitments SET superseded_by = 2 WHERE id = 1`)
	exec(`INSERT INTO evidence (id, commitment_id, url, title, added_by, added_at) VALUES (1, 2, 'https://example.org/rail', '铁路开通', $1, $2)`, u.ID, fixed)
	exec(`INSERT INTO status_changes (id, commitment_id, status, previous, evidence_id, user_id, at, why) VALUES (1, 2, 'in_progress', 'not_rated', 1, $1, $2, '开工')`, u.ID, fixed)
	exec(`INSERT INTO commitment_statuses (commitment_id, party, status, evidence_id, why, actor, updated_at) VALUES (2, 'RS', 'in_progress', 1, '开工', 'ana', $1)`, fixed)
	exec(`INSERT INTO document_corrections (id, document_id, field, extracted, value, actor, user_id, created_at) VALUES (1, $1, 'place', '"贝尔格莱德"', '"Beograd"', 'ana', $2, $3)`, rs, u.ID, fixed)
	exec(`INSERT INTO corrections (id, version_id, section, text_sha256, occurrence, field, extracted, value, user_id, created_at)
		VALUES (1, $1, '2', 'bb', 0, 'strength', '"intent"', '"firm"', $2, $3)`, vid, u.ID, fixed)
}

func dump(t *testing.T, s *sqlstore.Store) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.Dump(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func restore(t *testing.T, s *sqlstore.Store, b []byte) {
	t.Helper()
	if _, err := s.Restore(context.Background(), bytes.NewReader(b), int64(len(b))); err != nil {
		t.Fatal(err)
	}
}

// dumpFiles reads an archive's table files, by name.
func dumpFiles(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(data)
	}
	return files
}

// TestDumpRoundTrip: SQLite → PostgreSQL → SQLite gives back the same
// tables row for row (originals byte for byte, events in order, the
// tracking tables intact), the same id sequences, the same search
// results, and no secret on the way.
func TestDumpRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openSQLite(t)
	fillLibrary(t, src)
	d1 := dump(t, src)

	pg := openPostgres(t)
	restore(t, pg, d1)
	d2 := dump(t, pg)
	back := openSQLite(t)
	restore(t, back, d2)
	d3 := dump(t, back)

	f1, f2, f3 := dumpFiles(t, d1), dumpFiles(t, d2), dumpFiles(t, d3)
	for _, want := range []string{"tables/documents.jsonl", "tables/blobs.jsonl", "tables/events.jsonl", "tables/commitments.jsonl",
		"tables/evidence.jsonl", "tables/status_changes.jsonl", "tables/corrections.jsonl",
		"tables/commitment_statuses.jsonl", "tables/document_corrections.jsonl", "tables/users.jsonl", "tables/registry.jsonl"} {
		if strings.TrimSpace(f1[want]) == "" {
			t.Errorf("%s is empty in the first dump", want)
		}
	}
	jsonCols := jsonColumns(t, f2["manifest.json"])
	if len(jsonCols["events"]) == 0 {
		t.Fatal("PostgreSQL's manifest names no json column of events")
	}
	for name, data := range f1 {
		if !strings.HasPrefix(name, "tables/") {
			continue
		}
		table := strings.TrimSuffix(strings.TrimPrefix(name, "tables/"), ".jsonl")
		sameRows(t, "after PostgreSQL", name, data, f2[name], jsonCols[table])
		sameRows(t, "after the round trip", name, data, f3[name], jsonCols[table])
	}
	for name := range f3 {
		if _, ok := f1[name]; !ok {
			t.Errorf("%s appeared on the way", name)
		}
	}
	for _, secret := range []string{"tables/sessions.jsonl", "tables/api_tokens.jsonl"} {
		if _, ok := f1[secret]; ok {
			t.Errorf("the dump holds %s", secret)
		}
	}
	if strings.Contains(f1["tables/users.jsonl"], "argon2") || strings.Contains(string(d1), strings.Repeat("b", 64)) {
		t.Error("the dump holds a password or token hash")
	}

	// Originals byte for byte, through the store's own reading.
	srcDocs, _ := src.Documents(ctx, entente.DocumentFilter{})
	for _, d := range srcDocs {
		full, err := src.Document(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, so := range full.Sources {
			_, want, err := src.Original(ctx, so.ID)
			if err != nil {
				t.Fatal(err)
			}
			for name, st := range map[string]*sqlstore.Store{"postgres": pg, "sqlite again": back} {
				_, got, err := st.Original(ctx, so.ID)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s: source %d: %d bytes (%v), want %d", name, so.ID, len(got), err, len(want))
				}
			}
		}
	}
	// Events in order.
	want, _ := src.Events(ctx, 0, 100)
	for name, st := range map[string]*sqlstore.Store{"postgres": pg, "sqlite again": back} {
		got, err := st.Events(ctx, 0, 100)
		if err != nil || len(got) != len(want) {
			t.Fatalf("%s: %d events (%v), want %d", name, len(got), err, len(want))
		}
		for i := range want {
			if got[i].Seq != want[i].Seq || got[i].Action != want[i].Action || !got[i].At.Equal(want[i].At) {
				t.Errorf("%s: event %d is %+v, want %+v", name, i, got[i], want[i])
			}
		}
		// The search index was rebuilt: the same hits.
		q := entente.SearchQuery{Text: "铁路", Limit: 50}
		wh, _ := src.Search(ctx, q)
		gh, err := st.Search(ctx, q)
		if err != nil || len(wh) == 0 || len(gh) != len(wh) {
			t.Errorf("%s: search 铁路: %d hits (%v), want %d", name, len(gh), err, len(wh))
		}
		// The next document gets an id after the deleted one, as it would
		// have in the original.
		id, err := st.CreateDocument(ctx, handDoc("en", "After the move", "2026-11-30", []string{"CN", "RS"},
			sentence{text: "The two sides will meet.", typ: entente.Commitment, strength: entente.Intent, actors: []string{"CN", "RS"}}))
		if err != nil {
			t.Fatal(err)
		}
		if id != 4 {
			t.Errorf("%s: the next document is %d, want 4 (3 was deleted)", name, id)
		}
	}
}

// TestRestoreRefuses: a store with data, something that is not a dump, a
// dump from a newer schema.
func TestRestoreRefuses(t *testing.T) {
	src := openSQLite(t)
	fillLibrary(t, src)
	d := dump(t, src)
	err := func() error {
		_, err := src.Restore(context.Background(), bytes.NewReader(d), int64(len(d)))
		return err
	}()
	if !errors.Is(err, sqlstore.ErrNotEmpty) {
		t.Errorf("restore into a full store: %v", err)
	}
	// A store with only an account is not empty either.
	acc := openSQLite(t)
	if _, err := acc.CreateUser(context.Background(), &entente.User{Name: "x", Role: entente.RoleViewer, PasswordHash: "h"}); err != nil {
		t.Fatal(err)
	}
	if _, err := acc.Restore(context.Background(), bytes.NewReader(d), int64(len(d))); !errors.Is(err, sqlstore.ErrNotEmpty) {
		t.Errorf("restore into a store with an account: %v", err)
	}
	newer := rewriteManifest(t, d, func(m string) string {
		return strings.Replace(m, `"schema_version": `, `"schema_version": 9`, 1)
	})
	cases := map[string][]byte{
		"not a zip":      []byte("hello"),
		"no manifest":    zipOf(t, map[string]string{"tables/x.jsonl": "[]\n"}),
		"newer schema":   newer,
		"wrong row":      rewriteFile(t, d, "tables/document_parties.jsonl", "[1]\n"),
		"unknown column": rewriteManifest(t, d, func(m string) string { return strings.Replace(m, `"name": "title"`, `"name": "titel"`, 1) }),
	}
	for name, b := range cases {
		empty := openSQLite(t)
		if _, err := empty.Restore(context.Background(), bytes.NewReader(b), int64(len(b))); err == nil {
			t.Errorf("%s: restored", name)
		} else if n := count(t, empty, "documents"); n != 0 {
			t.Errorf("%s: a refused restore left %d documents", name, n)
		}
	}
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		w, _ := zw.Create(n)
		io.WriteString(w, files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func rewriteFile(t *testing.T, d []byte, name, data string) []byte {
	files := dumpFiles(t, d)
	files[name] = data
	return zipOf(t, files)
}

func rewriteManifest(t *testing.T, d []byte, fn func(string) string) []byte {
	files := dumpFiles(t, d)
	files["manifest.json"] = fn(files["manifest.json"])
	return zipOf(t, files)
}

// jsonColumns reads which columns of each table a manifest says are JSON
// values (PostgreSQL's jsonb).
func jsonColumns(t *testing.T, manifest string) map[string]map[int]bool {
	t.Helper()
	var m sqlstore.DumpManifest
	if err := json.Unmarshal([]byte(manifest), &m); err != nil {
		t.Fatal(err)
	}
	cols := map[string]map[int]bool{}
	for _, tb := range m.Tables {
		for i, c := range tb.Columns {
			if c.Kind == "json" {
				if cols[tb.Name] == nil {
					cols[tb.Name] = map[int]bool{}
				}
				cols[tb.Name][i] = true
			}
		}
	}
	return cols
}

// sameRows compares two dumps of a table line for line: exactly, but for
// JSON columns, which must hold equal JSON values (jsonb keeps the value,
// not its spacing or key order).
func sameRows(t *testing.T, when, name, want, got string, jsonCols map[int]bool) {
	t.Helper()
	if want == got {
		return
	}
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	if len(wl) != len(gl) {
		t.Errorf("%s %s: %d lines, want %d", name, when, len(gl), len(wl))
		return
	}
	for i := range wl {
		if wl[i] == gl[i] {
			continue
		}
		var w, g []any
		if json.Unmarshal([]byte(wl[i]), &w) != nil || json.Unmarshal([]byte(gl[i]), &g) != nil || len(w) != len(g) {
			t.Errorf("%s %s line %d:\nwant %.300s\ngot  %.300s", name, when, i+1, wl[i], gl[i])
			continue
		}
		for j := range w {
			if jsonCols[j] {
				var wv, gv any
				ws, _ := w[j].(string)
				gs, _ := g[j].(string)
				if json.Unmarshal([]byte(ws), &wv) == nil && json.Unmarshal([]byte(gs), &gv) == nil && reflect.DeepEqual(wv, gv) {
					continue
				}
			}
			if !reflect.DeepEqual(w[j], g[j]) {
				t.Errorf("%s %s line %d column %d: %v, want %v", name, when, i+1, j, g[j], w[j])
			}
		}
	}
}
