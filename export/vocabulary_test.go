package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

var update = flag.Bool("update", false, "rewrite docs/vocabularies.md from the code")

// TestVocabularyDoc: docs/vocabularies.md is the mapping the code holds.
func TestVocabularyDoc(t *testing.T) {
	const path = "../docs/vocabularies.md"
	want := VocabularyDoc()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != want {
		t.Errorf("%s differs from the code's mapping (%v): go test ./export -run TestVocabularyDoc -update", path, err)
	}
	for _, v := range entente.Vocabularies() {
		for _, val := range v.Values {
			if !strings.Contains(want, val.Labels["en"]) {
				t.Errorf("the doc lacks %s's %q", v.Code, val.Labels["en"])
			}
		}
	}
}

// TestStatusesOnScales: each vocabulary's columns give each party's status
// on its scale (an empty cell off it), the G7/G20 score and percentage of
// the rated parties, and the scorecard's pairs per value of the scale.
func TestStatusesOnScales(t *testing.T) {
	c := entente.TrackedCommitment{DocumentID: 3, Sentence: entente.Sentence{ID: "s4", Text: "双方同意"}, Statuses: []entente.PartyStatus{
		{Party: "CN", Status: entente.Fulfilled}, {Party: "RS", Status: entente.Stalled}, {Party: "AE", Status: entente.Superseded},
		{Party: "FR", Status: entente.InProgress}}}
	cases := []struct {
		vocab, text string
		scores      []any // the statuses table's last column, per party
		score       any   // g7_score
	}{
		{"g7", "CN: +1; RS: -1; AE: ; FR: 0", []any{1, -1, nil, 0}, 0.0},
		{"politifact", "CN: Promise Kept; RS: Stalled; AE: ; FR: In the Works", []any{"Promise Kept", "Stalled", nil, "In the Works"}, nil},
		{"ogp", "CN: Complete; RS: Limited; AE: Withdrawn; FR: Limited", []any{"Complete", "Limited", "Withdrawn", "Limited"}, nil},
	}
	for _, tc := range cases {
		v, err := entente.FindVocabulary(tc.vocab)
		if err != nil {
			t.Fatal(err)
		}
		table := CommitmentsTableFor(v)
		row := CommitmentRow(&c, nil, v)
		if len(row) != len(table.Columns) {
			t.Fatalf("%s: %d values for %d columns", tc.vocab, len(row), len(table.Columns))
		}
		at := slices.IndexFunc(table.Columns, func(col Column) bool { return col.Name == "statuses_"+tc.vocab })
		if at < 0 || row[at] != tc.text {
			t.Errorf("%s: statuses %q, want %q", tc.vocab, row[at], tc.text)
		}
		if tc.vocab == "g7" && (row[at+1] != tc.score || row[at+2] != 50.0) {
			t.Errorf("g7: score %v, percent %v", row[at+1], row[at+2])
		}
		for i, r := range StatusRows(&c, v) {
			if r[len(r)-1] != tc.scores[i] {
				t.Errorf("%s: %s's status on the scale %v, want %v", tc.vocab, r[2], r[len(r)-1], tc.scores[i])
			}
		}
		// JSON: each status object carries the scale's value under its code.
		var buf bytes.Buffer
		tw, _ := NewTableWriter("json", &buf, About{At: time.Now()})
		tw.Begin(table)
		tw.Row(row)
		tw.Close()
		var js struct{ Rows []map[string]any }
		if err := json.Unmarshal(buf.Bytes(), &js); err != nil {
			t.Fatal(err)
		}
		sts := js.Rows[0]["statuses"].([]any)
		if first := sts[0].(map[string]any); first[tc.vocab] == nil {
			t.Errorf("%s: JSON status %v lacks the scale", tc.vocab, first)
		}

		// The scorecard counts the pairs per value of the scale.
		sc := &entente.Scorecard{Commitments: 1, Counts: map[entente.Status]int{entente.Fulfilled: 3, entente.Stalled: 2,
			entente.Superseded: 1, entente.InProgress: 4, entente.NotRated: 5}}
		comp := 0.2
		sc.Compliance, sc.Rated = &comp, 9
		st := ScorecardTable(v)
		srow := ScorecardRows(sc, v)[0]
		if len(srow) != len(st.Columns) {
			t.Fatalf("%s: scorecard %d values for %d columns", tc.vocab, len(srow), len(st.Columns))
		}
		total := 0
		for i, col := range st.Columns {
			if strings.HasPrefix(col.Name, tc.vocab+"_") && col.Name != "g7_percent" {
				total += srow[i].(int)
			}
		}
		onScale := 0
		for s, n := range sc.Counts {
			if v.Of(s) != "" {
				onScale += n
			}
		}
		if total != onScale {
			t.Errorf("%s: the scale's columns count %d pairs, %d are on it", tc.vocab, total, onScale)
		}
		if tc.vocab == "g7" && srow[len(entente.Statuses)+6] != G7Percent(comp) {
			t.Errorf("g7_percent %v", srow[len(entente.Statuses)+6])
		}
	}
	// Entente's own: no scale columns.
	if len(CommitmentRow(&c, nil, nil)) != len(CommitmentsTable.Columns) || len(ScorecardTable(nil).Columns) != 6+len(entente.Statuses) {
		t.Error("without a vocabulary the tables have scale columns")
	}
	// CSV keeps a scale's value that starts like a formula as text.
	var buf bytes.Buffer
	g7, _ := entente.FindVocabulary("g7")
	tw, _ := NewTableWriter("csv", &buf, About{})
	tw.Begin(StatusesTableFor(g7))
	for _, r := range StatusRows(&c, g7) {
		tw.Row(r)
	}
	tw.Close()
	recs, _ := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\uFEFF")))).ReadAll()
	if len(recs) != 5 || recs[2][8] != "-1" || recs[3][8] != "" {
		t.Errorf("statuses CSV %q", recs)
	}
}
