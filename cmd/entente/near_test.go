package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNearDuplicateCommands: ingest says a near-duplicate is a new source
// of the stored statement, and show lists how its text differs.
func TestNearDuplicateCommands(t *testing.T) {
	base, err := os.ReadFile(filepath.Join("..", "..", "testdata", "near", "statement.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	ministry, agency := filepath.Join(dir, "ministry.txt"), filepath.Join(dir, "agency.txt")
	os.WriteFile(ministry, base, 0o644)
	os.WriteFile(agency, []byte("新华社贝尔格莱德5月8日电\n"+strings.ReplaceAll(string(base), "，", ",")+"\n（完）"), 0o644)
	runOK(t, "ingest", "--db", db, ministry)
	out := string(runOK(t, "ingest", "--db", db, agency))
	if !strings.Contains(out, "new source 2 of document 1") || !strings.Contains(out, "the same statement from another publisher") {
		t.Errorf("ingest said %q", out)
	}
	show := string(runOK(t, "show", "--db", db, "1"))
	for _, want := range []string{`at the start: stored "", this source "新华社贝尔格莱德5月8日电"`, `in the body: "," where the stored text has "，"`, `at the end: stored "", this source "（完）"`} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}
