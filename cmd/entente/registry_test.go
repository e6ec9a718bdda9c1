package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testlibrary"
)

// TestRegistryCommands drives the registry from the command line: list,
// query, kind, show, split, rename, merge (each recorded under --as), cites
// and cited-by, and a refused kind with exit status 2.
func TestRegistryCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	var lib []string
	for _, n := range testlibrary.Names() {
		lib = append(lib, testlibrary.Path(n))
	}
	runJSON(t, nil, append([]string{"ingest", "--db", db}, lib...)...)

	type page struct {
		Total   int                     `json:"total"`
		Entries []entente.RegistryEntry `json:"entries"`
	}
	var all, q, mech page
	runJSON(t, &all, "registry", "--db", db)
	runJSON(t, &q, "registry", "中塞自贸", "--db", db)
	runJSON(t, &mech, "registry", "--db", db, "--kind", "机制")
	if all.Total < 5 || all.Total != len(all.Entries) || q.Total != 1 || len(q.Entries[0].Aliases) < 2 {
		t.Fatalf("registry: %d entries, query gives %+v", all.Total, q)
	}
	for _, e := range mech.Entries {
		if e.Kind != entente.RegMechanism {
			t.Errorf("--kind 机制 lists %+v", e)
		}
	}
	fta := q.Entries[0]
	var shown entente.RegistryEntry
	runJSON(t, &shown, "registry", "show", idArg(fta.ID), "--db", db)
	if shown.ID != fta.ID || len(shown.MentionList) != fta.MentionCount {
		t.Errorf("show: %+v", shown)
	}

	var split, renamed, merged entente.RegistryEntry
	runJSON(t, &split, "registry", "split", idArg(fta.ID), "中塞自贸协定", "--db", db, "--as", "edith", "--reason", "check")
	runJSON(t, &renamed, "registry", "rename", idArg(fta.ID), "中塞自由贸易协定", "--db", db, "--as", "edith")
	runJSON(t, &merged, "registry", "merge", idArg(split.ID), idArg(fta.ID), "--db", db, "--as", "edith")
	if split.ID == fta.ID || renamed.Name != "中塞自由贸易协定" || merged.ID != fta.ID || len(merged.Aliases) != len(fta.Aliases) {
		t.Errorf("split %+v, renamed %+v, merged %+v", split, renamed, merged)
	}
	var hist []entente.Event
	runJSON(t, &hist, "history", "--db", db)
	n := 0
	for _, e := range hist {
		if e.Entity == "registry" {
			n++
			if e.Actor != "edith" || e.Via != "cli" {
				t.Errorf("event %+v", e)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d registry events, want 3", n)
	}

	// the 2023 statement cites the 2016 one, which is cited by it
	var docs struct {
		Documents []entente.StoredDocument `json:"documents"`
	}
	runJSON(t, &docs, "list", "--db", db, "--from", "2016", "--to", "2016")
	if len(docs.Documents) != 1 {
		t.Fatalf("documents of 2016: %+v", docs)
	}
	var by []entente.CitationLink
	runJSON(t, &by, "cited-by", idArg(docs.Documents[0].ID), "--db", db)
	if len(by) != 1 || by[0].Document == nil || by[0].Document.SignedDate == nil || *by[0].Document.SignedDate != "2023-10-17" {
		t.Fatalf("cited-by: %+v", by)
	}
	var cites []entente.CitationLink
	runJSON(t, &cites, "cites", idArg(by[0].Document.ID), "--db", db)
	if len(cites) == 0 || cites[0].Document == nil || cites[0].Document.ID != docs.Documents[0].ID {
		t.Errorf("cites: %+v", cites)
	}

	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"registry", "--db", db, "--kind", "treaty"}, nil, &out, &errb)
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "instrument, mechanism, project") {
		t.Errorf("a bad kind: exit %d, %v", exitCode(err), err)
	}
	err = run(context.Background(), []string{"cites", "999", "--db", db}, nil, &out, &errb)
	if exitCode(err) != 3 {
		t.Errorf("cites of no document: exit %d, %v", exitCode(err), err)
	}
}

func idArg(id int64) string { return strconv.FormatInt(id, 10) }
