package export

import (
	"strings"

	"github.com/entente/entente"
)

// The registry and a comparison of two statements as tables.

// RegistryTable is the registry's list of entries.
var RegistryTable = Table{Name: "registry", Columns: []Column{
	{Name: "id", Kind: Int},
	{Name: "kind", Kind: Text, Width: 12},
	{Name: "name", Kind: Text, Width: 50},
	{Name: "instrument_kind", Kind: Text, Width: 16},
	{Name: "year", Kind: Int},
	{Name: "parties", Kind: Text, Width: 12},
	{Name: "document_id", Kind: Int},
	{Name: "documents", Kind: Int},
	{Name: "mentions", Kind: Int},
	{Name: "aliases", Kind: Text, Width: 50},
	{Name: "confidence", Kind: Float},
	{Name: "reason", Kind: Text, Width: 40},
}}

// RegistryRow is one registry entry; its aliases are joined with "; ".
func RegistryRow(e *entente.RegistryEntry) []any {
	var year, doc any
	if e.Year != nil {
		year = *e.Year
	}
	if e.Document != nil {
		doc = e.Document.ID
	}
	aliases := make([]string, len(e.Aliases))
	for i, a := range e.Aliases {
		aliases[i] = a.Alias
	}
	return []any{e.ID, string(e.Kind), e.Name, string(e.InstrumentKind), year, e.Parties, doc, e.DocumentCount, e.MentionCount,
		aliases, e.Confidence, e.Reason}
}

// CompareTable is two statements' commitments and positions aligned, one
// row per alignment, A the first statement and B the second.
var CompareTable = Table{Name: "compare", Columns: []Column{
	{Name: "mark", Kind: Text, Width: 12},
	{Name: "score", Kind: Float},
	{Name: "a_document", Kind: Int},
	{Name: "a_sentence", Kind: Text},
	{Name: "a_type", Kind: Text},
	{Name: "a_strength", Kind: Text},
	{Name: "a_text", Kind: Text, Width: 60},
	{Name: "b_document", Kind: Int},
	{Name: "b_sentence", Kind: Text},
	{Name: "b_type", Kind: Text},
	{Name: "b_strength", Kind: Text},
	{Name: "b_text", Kind: Text, Width: 60},
	{Name: "areas", Kind: Text, Width: 20},
	{Name: "why", Kind: Text, Width: 30},
}}

// CompareRow is one alignment of a comparison; a side it lacks is empty.
func CompareRow(r *entente.Alignment) []any {
	side := func(s *entente.ComparedSentence) []any {
		if s == nil {
			return []any{nil, nil, nil, nil, nil}
		}
		var strength any
		if s.Strength != "" {
			strength = string(s.Strength)
		}
		return []any{s.DocumentID, s.Sentence, string(s.Type), strength, s.Text}
	}
	var score any
	if r.Score != 0 {
		score = r.Score
	}
	row := []any{string(r.Mark), score}
	row = append(row, side(r.A)...)
	row = append(row, side(r.B)...)
	var areas []string
	for _, s := range []*entente.ComparedSentence{r.A, r.B} {
		if s == nil {
			continue
		}
		for _, a := range s.Areas {
			if !strings.Contains(";"+strings.Join(areas, ";")+";", ";"+a+";") {
				areas = append(areas, a)
			}
		}
	}
	return append(row, areas, r.Why)
}

// WriteComparison writes a comparison as one table.
func WriteComparison(tw TableWriter, c *entente.Comparison) error {
	if err := tw.Begin(CompareTable); err != nil {
		return err
	}
	for i := range c.Rows {
		if err := tw.Row(CompareRow(&c.Rows[i])); err != nil {
			return err
		}
	}
	return nil
}
