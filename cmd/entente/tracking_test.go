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

// runJSON runs a command in process and decodes its JSON output.
func runJSON(t *testing.T, v any, args ...string) {
	t.Helper()
	var out, errb bytes.Buffer
	if err := run(context.Background(), append(args, "--json"), nil, &out, &errb); err != nil {
		t.Fatalf("%v: %v (%s)", args, err, errb.String())
	}
	if v != nil {
		if err := json.Unmarshal(out.Bytes(), v); err != nil {
			t.Fatalf("%v: %v in %s", args, err, out.String())
		}
	}
}

// TestTrackingCommands drives tracking from the command line as a script
// would: every change carries who made it (--as, else $ENTENTE_USER, else
// the OS user) and the way it came in, a document with evidence refuses
// deletion with the conflict exit status, and the scorecard's JSON has the
// keys scripts read.
func TestTrackingCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	t.Setenv("ENTENTE_USER", "")
	runJSON(t, nil, "ingest", "--db", db, sample)

	var page struct {
		Commitments []entente.TrackedCommitment `json:"commitments"`
		Total       int                         `json:"total"`
	}
	runJSON(t, &page, "commitments", "--db", db, "--doc", "1", "--limit", "5")
	if page.Total == 0 || len(page.Commitments) != 5 {
		t.Fatalf("commitments: %d of %d", len(page.Commitments), page.Total)
	}
	ref := page.Commitments[1].Ref()

	var ev entente.Evidence
	runJSON(t, &ev, "evidence", "add", ref, "--db", db, "--as", "alice", "--title", "Works began", "--no-fetch", "--official")
	if ev.ID == 0 || ev.AddedBy != "alice" {
		t.Fatalf("evidence %+v", ev)
	}
	runJSON(t, nil, "status", "set", ref, "in_progress", "--db", db, "--as", "alice", "--evidence", "1", "--reason", "works began")
	t.Setenv("ENTENTE_USER", "bob")
	runJSON(t, nil, "correct", ref, "--db", db, "--areas", "trade", "--reason", "about trade")

	var hist []entente.Event
	runJSON(t, &hist, "history", ref, "--db", db)
	var who []string
	for _, e := range hist {
		who = append(who, e.Actor+"/"+e.Via+"/"+e.Action)
	}
	if got := strings.Join(who, " "); got != "alice/cli/add alice/cli/set bob/cli/create" {
		t.Errorf("history: %s", got)
	}

	var sc map[string]json.RawMessage
	runJSON(t, &sc, "scorecard", "--db", db, "--doc", "1")
	for _, k := range []string{"counts", "rated", "compliance", "overdue"} {
		if _, ok := sc[k]; !ok {
			t.Errorf("scorecard JSON lacks %q: %v", k, sc)
		}
	}
	var counts map[string]int
	if err := json.Unmarshal(sc["counts"], &counts); err != nil || len(counts) != len(entente.Statuses) || counts["in_progress"] < 1 {
		t.Errorf("counts %s", sc["counts"])
	}

	// Refusals have their exit status: conflict 4, bad input 2, not found 3.
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"delete", "1", "--yes", "--db", db}, 4, "withdraw it instead"},
		{[]string{"status", "set", ref, "fulfilled", "--reason", "x", "--db", db}, 2, "evidence"},
		{[]string{"status", "set", "1/s9999", "not_rated", "--reason", "x", "--db", db}, 3, "no sentence s9999"},
		{[]string{"status", "set", ref, "in_progress", "--evidence", "1", "--reason", "x", "--revision", "0", "--db", db}, 4, "alice set"},
		{[]string{"undo", "1", "--db", db}, 2, "cannot be undone"},
	} {
		_, stderr, code := runBinary(t, "", tc.args...)
		// commands that write name their store on a line of its own first
		if strings.HasPrefix(stderr, "store: ") {
			stderr = stderr[strings.Index(stderr, "\n")+1:]
		}
		if code != tc.code || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want %d and one line with %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}

	// Withdrawn: hidden from the list, kept, restorable.
	runJSON(t, nil, "withdraw", "1", "--reason", "duplicate", "--db", db)
	var list struct {
		Documents []entente.StoredDocument `json:"documents"`
	}
	runJSON(t, &list, "list", "--db", db)
	if len(list.Documents) != 0 {
		t.Errorf("a withdrawn document is listed: %d", len(list.Documents))
	}
	runJSON(t, nil, "restore", "1", "--db", db)
	runJSON(t, &list, "list", "--db", db)
	if len(list.Documents) != 1 {
		t.Errorf("a restored document is not listed")
	}
}

// TestSplitJoinCommands: split and join from the command line, with their
// events under the acting user, and their refusals' exit statuses.
func TestSplitJoinCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	t.Setenv("ENTENTE_USER", "carol")
	runJSON(t, nil, "ingest", "--db", db, sample)
	var page struct {
		Commitments []entente.TrackedCommitment `json:"commitments"`
	}
	runJSON(t, &page, "commitments", "--db", db, "--doc", "1", "--limit", "5")
	c := page.Commitments[0]
	rs := []rune(c.Sentence.Text)

	var split entente.Correction
	runJSON(t, &split, "split", c.Ref(), "--at", "4", "--db", db, "--reason", "two promises")
	var g entente.Segmentation
	if err := json.Unmarshal(split.Value, &g); err != nil || split.Field != entente.FieldSegmentation || split.Actor != "carol" ||
		len(g.Parts) != 2 || g.Parts[0] != string(rs[:4]) || g.Parts[1] != string(rs[4:]) {
		t.Fatalf("split: %+v (%v)", split, err)
	}
	// the parts are sentences: joining them back is a join of two
	var join entente.Correction
	runJSON(t, &join, "join", c.Ref(), "--db", db, "--as", "dave")
	if err := json.Unmarshal(join.Value, &g); err != nil || g.Covers != 2 || len(g.Parts) != 1 || join.Actor != "dave" {
		t.Fatalf("join: %+v (%v)", join, err)
	}
	var hist []entente.Event
	runJSON(t, &hist, "history", "1", "--db", db)
	var who []string
	for _, e := range hist[len(hist)-2:] {
		who = append(who, e.Actor+"/"+e.Entity+"/"+e.Action)
	}
	if got := strings.Join(who, " "); got != "carol/correction/create dave/correction/create" {
		t.Errorf("history ends %s", got)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"split", c.Ref(), "--db", db}, 2, "--at"},
		{[]string{"split", c.Ref(), "--at", "0", "--db", db}, 2, "offsets"},
		{[]string{"join", "1/s99999", "--db", db}, 3, "no sentence"},
		{[]string{"join", c.Ref(), "--count", "1", "--db", db}, 2, "a join"},
	} {
		_, stderr, code := runBinary(t, "", tc.args...)
		if strings.HasPrefix(stderr, "store: ") {
			stderr = stderr[strings.Index(stderr, "\n")+1:]
		}
		if code != tc.code || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, %q; want %d with %q", tc.args, code, stderr, tc.code, tc.want)
		}
	}
}

// TestReextractAllReports: `reextract --all` prints a line for each
// version as it is stored and a summary at the end, and keeps a
// correction made before it.
func TestReextractAllReports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "t.db")
	corpus := filepath.Join("..", "..", "testdata", "corpus")
	runJSON(t, nil, "ingest", "--db", db, filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"),
		filepath.Join(corpus, "us-ie-2021-joint-statement.en.txt"))
	runJSON(t, nil, "correct", "1/s3", "--db", db, "--as", "alice", "--areas", "trade", "--reason", "about trade")
	var out, errb bytes.Buffer
	if err := run(context.Background(), []string{"reextract", "--all", "--db", db, "--as", "ed"}, nil, &out, &errb); err != nil {
		t.Fatalf("reextract: %v (%s)", err, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "document 1: ") || !strings.HasPrefix(lines[1], "document 2: ") ||
		lines[2] != "2 versions re-extracted: 1 corrections kept, 0 flagged for review" {
		t.Errorf("reextract --all printed:\n%s", out.String())
	}
}
