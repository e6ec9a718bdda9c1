package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testlibrary"
)

// TestCompareCommands drives the commands that read statements side by
// side over compare's test library: each answers with --json, parties are
// taken as typed, a refused party exits 2 with one line, and accepting a
// follow-up records who did it.
// TestWriteJSONArray: a list written a value at a time reads as the list
// written at once, byte for byte.
func TestWriteJSONArray(t *testing.T) {
	type inner struct {
		Text string   `json:"text"`
		List []string `json:"list"`
	}
	values := []inner{{"a<b>", []string{"x", "y"}}, {"二", nil}, {"", []string{}}}
	for n := range len(values) + 1 {
		var want, got bytes.Buffer
		if err := writeJSON(&want, values[:n]); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONArray(&got, n, func(i int) any { return values[i] }); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d values:\n%s\nwant\n%s", n, got.String(), want.String())
		}
	}
}

func TestCompareCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	t.Setenv("ENTENTE_USER", "")
	args := []string{"ingest", "--db", db}
	for _, n := range testlibrary.Chinese() {
		args = append(args, testlibrary.Path(n))
	}
	runJSON(t, nil, args...)

	var steps []entente.RelationshipStep
	runJSON(t, &steps, "timeline", "--db", db, "塞尔维亚", "cn")
	var actions []string
	for _, s := range steps {
		actions = append(actions, string(s.Action))
	}
	if strings.Join(actions, " ") != "established reaffirmed upgraded reaffirmed upgraded" {
		t.Errorf("timeline actions %v", actions)
	}

	var docs []entente.DocumentBrief
	for _, s := range steps {
		docs = append(docs, entente.DocumentBrief{ID: s.DocumentID, SignedDate: s.SignedDate})
	}
	// 2016 and 2019: the free trade agreement to be explored, then negotiated
	var c entente.Comparison
	runJSON(t, &c, "compare", "--db", db, strconv.FormatInt(docs[2].ID, 10), strconv.FormatInt(docs[3].ID, 10))
	if c.A.ID != docs[2].ID || len(c.Rows) == 0 || c.Summary[entente.Strengthened] != 1 {
		t.Errorf("compare %d %d: %+v", docs[2].ID, docs[3].ID, c.Summary)
	}

	var fs []entente.Followup
	runJSON(t, &fs, "followups", "--db", db, "--pair", "CN,Srbija")
	if len(fs) == 0 {
		t.Fatal("no follow-up offered")
	}
	f := fs[0]
	var d entente.FollowupDecision
	runJSON(t, &d, "followups", "accept", f.Commitment.Ref, f.Report.Ref, "--db", db, "--as", "carla", "--reason", "reported done")
	if d.Decision != entente.FollowupAccepted || d.Actor != "carla" || d.EvidenceID == 0 {
		t.Errorf("accepted: %+v", d)
	}
	var left []entente.Followup
	runJSON(t, &left, "followups", "--db", db)
	if len(left) != len(fs)-1 {
		t.Errorf("%d pending after accepting one of %d", len(left), len(fs))
	}

	var r entente.Recurrence
	runJSON(t, &r, "recycled", "--db", db, f.Commitment.Ref)
	if r.Commitment.Ref != f.Commitment.Ref {
		t.Errorf("recycled of %s: %+v", f.Commitment.Ref, r)
	}
	var all []entente.Recurrence
	runJSON(t, &all, "recycled", "--db", db, "CN", "RS")
	if !slices.ContainsFunc(all, func(x entente.Recurrence) bool {
		return x.Commitment.Ref == r.Commitment.Ref && x.Repeated == r.Repeated
	}) {
		t.Errorf("recycled CN RS: %d recurrences, none of %s repeated %d times", len(all), r.Commitment.Ref, r.Repeated)
	}
	var v entente.PairView
	runJSON(t, &v, "pair", "--db", db, "CN", "RS")
	if len(v.Documents) != len(testlibrary.Chinese()) || len(v.Timeline) != len(steps) || v.Scorecard == nil || v.Scorecard.Counts[entente.Fulfilled] == 0 {
		t.Errorf("pair: %d documents, %d steps, %+v", len(v.Documents), len(v.Timeline), v.Scorecard)
	}

	for _, args := range [][]string{{"timeline", "CN", "Narnia"}, {"compare", "1", "x"}, {"followups", "1/x"}, {"pair", "CN", "CN"}} {
		var out, errb bytes.Buffer
		err := run(context.Background(), append(args, "--db", db), nil, &out, &errb)
		var usage usageError
		if err == nil || (!errors.As(err, &usage) && exitCode(err) != 2) {
			t.Errorf("%v: %v (exit %d), want exit 2", args, err, exitCode(err))
		}
	}
}
