package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// sampleDB is a store holding the sample statement (China–Serbia, signed
// 2024-05-08, in Chinese).
func sampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "entente.db")
	var out bytes.Buffer
	if err := run(context.Background(), []string{"ingest", "--db", db, sample}, nil, &out, &out); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out.String())
	}
	return db
}

// TestListFilterForms: a party by code in any case or by name in Chinese,
// English or Serbian, an area by code or label, dates by year, month or day.
func TestListFilterForms(t *testing.T) {
	db := sampleDB(t)
	tests := []struct {
		flags []string
		want  int // documents listed
	}{
		{[]string{"--party", "RS"}, 1},
		{[]string{"--party", "rs"}, 1},
		{[]string{"--party", "塞尔维亚"}, 1},
		{[]string{"--party", "Serbia"}, 1},
		{[]string{"--party", "Srbija"}, 1},
		{[]string{"--party", "Србија"}, 1},
		{[]string{"--party", "hungary"}, 0},
		{[]string{"--area", "infrastructure"}, 1},
		{[]string{"--area", "基础设施"}, 1},
		{[]string{"--area", "Infrastructure"}, 1},
		{[]string{"--kind", "JOINT_STATEMENT"}, 1},
		{[]string{"--from", "2024"}, 1},
		{[]string{"--from", "2024-05", "--to", "2024-05"}, 1},
		{[]string{"--to", "2024-05-07"}, 0},
		{[]string{"--lang", "ZH"}, 1},
	}
	for _, tc := range tests {
		stdout, stderr, code := runBinary(t, "", append([]string{"list", "--json", "--db", db}, tc.flags...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.flags, code, stderr)
			continue
		}
		var got documentList
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			t.Fatalf("%v: %v", tc.flags, err)
		}
		if len(got.Documents) != tc.want || got.Total != tc.want {
			t.Errorf("%v: %d documents, total %d, want %d", tc.flags, len(got.Documents), got.Total, tc.want)
		}
	}
}

// TestFilterRefused: a value that matches nothing is refused with exit 2
// and one line naming the flag and the valid choices.
func TestFilterRefused(t *testing.T) {
	db := sampleDB(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"list", "--party", "Narnia"}, []string{"--party", "Narnia", "CN"}},
		{[]string{"list", "--party", "Serb"}, []string{"--party", "RS"}},
		{[]string{"list", "--area", "railways"}, []string{"--area", "infrastructure", "energy"}},
		{[]string{"list", "--kind", "treaty"}, []string{"--kind", "joint_statement"}},
		{[]string{"list", "--from", "2024-13"}, []string{"--from", "YYYY-MM"}},
		{[]string{"list", "--to", "May"}, []string{"--to", "YYYY-MM-DD"}},
		{[]string{"search", "--strength", "strong", "合作"}, []string{"--strength", "firm, intent, soft"}},
		{[]string{"search", "--type", "promise", "合作"}, []string{"--type", "commitment"}},
		{[]string{"search", "--lang", "fr", "合作"}, []string{"--lang", "sr-Latn"}},
		{[]string{"search", "--party", "Narnia", "--area", "x", "合作"}, []string{"--party", "--area"}},
	}
	for _, tc := range tests {
		stdout, stderr, code := runBinary(t, "", append(tc.args, "--db", db)...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2", tc.args, code)
		}
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "entente: ") {
			t.Errorf("%v: stderr %q, want one line", tc.args, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%v: %q lacks %q", tc.args, stderr, w)
			}
		}
		if stdout != "" {
			t.Errorf("%v: printed %q", tc.args, stdout)
		}
	}
}

// TestSearchTotalsAndDeadEnds: the CLI says "N of M", its JSON carries the
// total, a search with no hit says which filters to drop, and a query that
// begins with - is a query.
func TestSearchTotalsAndDeadEnds(t *testing.T) {
	db := sampleDB(t)
	stdout, stderr, code := runBinary(t, "", "search", "--db", db, "--json", "--limit", "2", "合作")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Total int                 `json:"total"`
		Hits  []entente.SearchHit `json:"hits"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Total <= 2 {
		t.Fatalf("%d hits of %d, want 2 of more", len(res.Hits), res.Total)
	}
	_, stderr, _ = runBinary(t, "", "search", "--db", db, "--limit", "2", "合作")
	if want := "2 of " + itoa(res.Total) + " sentences"; !strings.Contains(stderr, want) {
		t.Errorf("stderr %q lacks %q", stderr, want)
	}

	// 铁路 holds commitments but no position in energy: drop --area.
	_, stderr, code = runBinary(t, "", "search", "--db", db, "--area", "energy", "--type", "position", "铁路")
	if code != 0 || !strings.Contains(stderr, "no sentence matches") || !strings.Contains(stderr, "without --area") {
		t.Errorf("empty search: exit %d, %q", code, stderr)
	}
	stdout, _, _ = runBinary(t, "", "search", "--db", db, "--json", "--area", "energy", "--type", "position", "铁路")
	var empty struct {
		Total  int                 `json:"total"`
		Loosen []entente.Loosening `json:"loosen"`
	}
	if err := json.Unmarshal([]byte(stdout), &empty); err != nil || empty.Total != 0 || len(empty.Loosen) == 0 {
		t.Errorf("empty search JSON: %v %+v", err, empty)
	}

	for _, args := range [][]string{{"search", "--db", db, "-x"}, {"search", "--db", db, "--", "-x"}, {"search", "-铁路", "--db", db}} {
		_, stderr, code := runBinary(t, "", args...)
		if code != 0 || strings.Contains(stderr, "unknown shorthand") || strings.Contains(stderr, "flag") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
	stdout, _, _ = runBinary(t, "", "search", "--db", db, "--json", "-铁路")
	if !strings.Contains(stdout, `"query": "-铁路"`) {
		t.Errorf("the query is not -铁路: %s", stdout[:min(200, len(stdout))])
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestListEmptyOrFiltered: an empty library says so, and so does a filter
// that matches nothing in a library that has documents.
func TestListEmptyOrFiltered(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.db")
	_, stderr, code := runBinary(t, "", "list", "--db", empty)
	if code != 0 || !strings.Contains(stderr, "no documents yet") || !strings.Contains(stderr, empty) {
		t.Errorf("empty library: exit %d, %q", code, stderr)
	}
	db := sampleDB(t)
	_, stderr, _ = runBinary(t, "", "list", "--db", db, "--party", "HU")
	if !strings.Contains(stderr, "no document matches --party HU (1 in the library)") {
		t.Errorf("filtered: %q", stderr)
	}
	_, stderr, _ = runBinary(t, "", "list", "--db", db)
	if !strings.Contains(stderr, "1 of 1 documents") {
		t.Errorf("total: %q", stderr)
	}
}

// TestJSONEverywhere: every command that prints data takes --json.
func TestJSONEverywhere(t *testing.T) {
	db := filepath.Join(t.TempDir(), "entente.db")
	stdout, stderr, code := runBinary(t, "", "extract", "--json", sample)
	var x entente.Extraction
	if code != 0 || json.Unmarshal([]byte(stdout), &x) != nil || len(x.Sentences) == 0 {
		t.Errorf("extract --json: exit %d, %s", code, stderr)
	}
	if _, _, code := runBinary(t, "", "extract", "--json", "--format", "text", sample); code != 1 {
		t.Errorf("extract --json --format text: exit %d, want 1", code)
	}
	stdout, stderr, code = runBinary(t, "correct horse battery staple\n", "user", "add", "ana", "--role", "admin", "--json", "--db", db)
	var u struct {
		ID   int64  `json:"id"`
		Name string `json:"name"`
		Role string `json:"role"`
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &u) != nil || u.ID == 0 || u.Name != "ana" || u.Role != "admin" {
		t.Errorf("user add --json: exit %d, %q %q", code, stdout, stderr)
	}
	abs, _ := filepath.Abs(db)
	if !strings.Contains(stderr, "store: "+abs) {
		t.Errorf("user add does not name its store: %q", stderr)
	}
	for _, args := range [][]string{{"user", "passwd", "ana"}, {"user", "disable", "ana"}, {"user", "list"}} {
		stdout, stderr, code := runBinary(t, "another horse battery staple\n", append(args, "--json", "--db", db)...)
		if code != 0 || !json.Valid([]byte(stdout)) || !strings.Contains(stdout, `"ana"`) {
			t.Errorf("%v --json: exit %d, %q %q", args, code, stdout, stderr)
		}
	}
}

func TestStoreName(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://u:secret@db.example:5432/entente": "postgres://u:xxxxx@db.example:5432/entente",
		"postgresql://u@host/db":                      "postgresql://u@host/db",
	} {
		if got := storeName(dsn); got != want {
			t.Errorf("storeName(%q) = %q, want %q", dsn, got, want)
		}
	}
	if got := storeName("entente.db"); !filepath.IsAbs(got) {
		t.Errorf("storeName(entente.db) = %q, not absolute", got)
	}
}
