package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestExtractLanguages runs extract on texts in each language: detected
// from the text, or given with --lang; a language without rules is read
// unlabelled with a warning on stderr, and an unknown --lang is refused
// with one line.
func TestExtractLanguages(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	sr := write("sr.txt", "Заједничка изјава Републике Србије и Мађарске\n\nДве стране ће продубити сарадњу у области енергетике.\n")
	fr := write("fr.txt", "Les deux parties sont convenues de renforcer la coopération dans le domaine de l'énergie.\n")
	tests := []struct {
		args     []string
		lang     string
		typ      string
		warning  bool
		exitCode int
	}{
		{[]string{"extract", "../../testdata/corpus/us-ie-2021-joint-statement.en.txt"}, "en", "narrative", false, 0},
		{[]string{"extract", sr}, "sr-Cyrl", "commitment", false, 0},
		{[]string{"extract", "--lang", "sr-Latn", sr}, "sr-Latn", "commitment", false, 0},
		{[]string{"extract", fr}, "und", "narrative", true, 0},
		{[]string{"extract", "--lang", "fr", fr}, "", "", false, 1},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			stdout, stderr, code := runBinary(t, "", tc.args...)
			if code != tc.exitCode {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.exitCode, stderr)
			}
			if code != 0 {
				if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 || !strings.Contains(stderr, "no rules for language") {
					t.Errorf("want one line naming the problem, got %q", stderr)
				}
				return
			}
			var x entente.Extraction
			if err := json.Unmarshal([]byte(stdout), &x); err != nil {
				t.Fatal(err)
			}
			if x.Document.Language != tc.lang || x.Sentences[0].Type != entente.SentenceType(tc.typ) {
				t.Errorf("language %s, first sentence %s; want %s, %s", x.Document.Language, x.Sentences[0].Type, tc.lang, tc.typ)
			}
			if got := strings.Contains(stderr, "warning: language not recognised"); got != tc.warning {
				t.Errorf("warning %v, want %v: %q", got, tc.warning, stderr)
			}
		})
	}
}

// TestIngestLanguages stores an English statement as English and a French
// one unlabelled, with the warning on stderr, and honours --lang.
func TestIngestLanguages(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	fr := filepath.Join(dir, "fr.txt")
	if err := os.WriteFile(fr, []byte("Les deux parties sont convenues de renforcer la coopération dans le domaine de l'énergie.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	en := "../../testdata/corpus/us-ie-2021-joint-statement.en.txt"
	stdout, stderr, code := runBinary(t, "", "ingest", "--progress=false", "--json", "--db", db, en, fr)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Outcomes []struct {
			Name     string   `json:"name"`
			Status   string   `json:"status"`
			Warnings []string `json:"warnings"`
		} `json:"outcomes"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	for _, o := range res.Outcomes {
		if want := strings.HasSuffix(o.Name, "fr.txt"); (len(o.Warnings) > 0) != want {
			t.Errorf("%s: warnings %v", o.Name, o.Warnings)
		}
	}
	stdout, _, _ = runBinary(t, "", "list", "--json", "--db", db)
	if !strings.Contains(stdout, `"en"`) || !strings.Contains(stdout, `"und"`) || strings.Contains(stdout, `"zh"`) {
		t.Errorf("stored languages: %s", stdout)
	}
	_, stderr, code = runBinary(t, "", "ingest", "--progress=false", "--lang", "xx", "--db", db, fr)
	if code == 0 || !strings.Contains(stderr, "no rules for language") {
		t.Errorf("--lang xx: exit %d, %q", code, stderr)
	}
}
