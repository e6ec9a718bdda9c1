package export

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestCodebookDescribesEveryColumn: every column of every dataset table,
// with each vocabulary and without, is described; a coded column lists
// exactly its closed list's codes; a column nobody described is refused.
func TestCodebookDescribesEveryColumn(t *testing.T) {
	vocabs := []*entente.Vocabulary{nil}
	for _, v := range entente.Vocabularies() {
		vocabs = append(vocabs, &v)
	}
	lists := map[string]entente.ValueList{"kind": entente.DocumentKinds(), "type": entente.SentenceTypes(),
		"strength": entente.Strengths(), "areas": entente.Areas(), "status": entente.StatusLabels(), "rule": entente.Rules(),
		"due_precision": entente.Precisions()}
	for _, v := range vocabs {
		for _, table := range []Table{DocumentsTable, SentencesTable(false), LabelsTable, CommitmentsTableFor(v), StatusesTableFor(v), EvidenceTable} {
			f, err := codebookOf(table, v, 0)
			if err != nil {
				t.Errorf("vocabulary %v: %v", v, err)
				continue
			}
			for _, c := range f.Columns {
				if len(c.Description) < 10 || c.Type == "" {
					t.Errorf("%s.%s: %q (%s)", table.Name, c.Name, c.Description, c.Type)
				}
				if l, ok := lists[c.Name]; ok {
					var codes []string
					for _, val := range c.Values {
						codes = append(codes, val.Code)
						if val.Label == "" || val.Zh == "" {
							t.Errorf("%s.%s: %q has no label", table.Name, c.Name, val.Code)
						}
					}
					if !slices.Equal(codes, l.Codes()) {
						t.Errorf("%s.%s lists %v, the code's list is %v", table.Name, c.Name, codes, l.Codes())
					}
				}
				if v != nil && strings.HasPrefix(c.Name, "statuses_") && len(c.Values) != len(v.Values) {
					t.Errorf("%s.%s lists %d values of %s", table.Name, c.Name, len(c.Values), v.Code)
				}
			}
		}
	}
	extra := DocumentsTable
	extra.Columns = append(slices.Clone(extra.Columns), Column{Name: "undescribed", Kind: Text})
	if _, err := codebookOf(extra, nil, 0); err == nil || !strings.Contains(err.Error(), "undescribed") {
		t.Errorf("an undescribed column: %v", err)
	}
}

// TestLabelRows: one row per value of each label, with the rule that gave
// it; a corrected deadline (the rule read other words) has none.
func TestLabelRows(t *testing.T) {
	deadline := "2030年前"
	h := entente.SearchHit{DocumentID: 7, Sentence: entente.Sentence{ID: "s3", Type: entente.Commitment, Strength: entente.Firm,
		Actors: []string{"CN", "RS"}, Areas: []string{"trade", "energy"}, Deadline: &deadline, References: []string{"《协定》"},
		Rationale: entente.Rationale{Type: &entente.Cue{Rule: "modal", Text: "将"}, Strength: &entente.Cue{Rule: "modal", Text: "将"},
			Areas:    []entente.AreaCue{{Area: "energy", Cue: entente.Cue{Rule: "area", Text: "能源"}}},
			Deadline: &entente.Cue{Rule: "deadline", Text: "年内"}, References: []entente.Cue{{Rule: "bracketed title", Text: "《协定》"}}}}}
	var got []string
	for _, r := range LabelRows(&h) {
		if len(r) != len(LabelsTable.Columns) {
			t.Fatalf("row %v", r)
		}
		got = append(got, strings.Join([]string{r[2].(string), r[3].(string), text(Text, r[4]), text(Text, r[5])}, "|"))
	}
	want := []string{"type|commitment|modal|将", "strength|firm|modal|将", "actor|CN||", "actor|RS||", "area|trade||",
		"area|energy|area|能源", "deadline|2030年前||", "reference|《协定》|bracketed title|《协定》"}
	if !slices.Equal(got, want) {
		t.Errorf("rows\n%q\nwant\n%q", got, want)
	}
}
