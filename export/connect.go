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

// TimelineTable is a pair's relationship timeline, one row per step,
// oldest first.
var TimelineTable = Table{Name: "timeline", Columns: []Column{
	{Name: "signed_date", Kind: Text, Width: 12},
	{Name: "document_id", Kind: Int},
	{Name: "document_title", Kind: Text, Width: 40},
	{Name: "sentence", Kind: Text},
	{Name: "action", Kind: Text, Width: 12},
	{Name: "inferred", Kind: Bool},
	{Name: "designation", Kind: Text, Width: 30},
	{Name: "label_zh", Kind: Text, Width: 20},
	{Name: "label_en", Kind: Text, Width: 30},
	{Name: "label_sr", Kind: Text, Width: 30},
	{Name: "rank", Kind: Int},
	{Name: "from", Kind: Text, Width: 30},
	{Name: "text", Kind: Text, Width: 60},
}}

// TimelineRow is one step of a relationship timeline.
func TimelineRow(s *entente.RelationshipStep) []any {
	var date, from any
	if s.SignedDate != "" {
		date = s.SignedDate
	}
	if s.From != "" {
		from = s.From
	}
	return []any{date, s.DocumentID, s.DocumentTitle, s.Sentence, string(s.Action), s.Inferred, s.Designation,
		s.Label.ZH, s.Label.EN, s.Label.SR, s.Rank, from, s.Text}
}

// CitationsTable is what a document cites and what cites it, as its
// citations page lists them: the instruments it cites first ("cites"),
// then the documents that cite it ("cited_by").
var CitationsTable = Table{Name: "citations", Columns: []Column{
	{Name: "direction", Kind: Text, Width: 10},
	{Name: "entry_id", Kind: Int},
	{Name: "entry_name", Kind: Text, Width: 50},
	{Name: "document_id", Kind: Int},
	{Name: "document_title", Kind: Text, Width: 50},
	{Name: "signed_date", Kind: Text, Width: 12},
	{Name: "sentences", Kind: Text, Width: 20},
}}

// CitationRow is one link of a document's citations; the document is the
// instrument's own (cites) or the citing one (cited_by), empty when the
// instrument is not in the library.
func CitationRow(direction string, l *entente.CitationLink) []any {
	var doc, title, date any
	if d := l.Document; d != nil {
		doc, title = d.ID, d.Title
		if d.SignedDate != nil {
			date = *d.SignedDate
		}
	}
	return []any{direction, l.EntryID, l.EntryName, doc, title, date, l.Sentences}
}

// PairDocumentsTable is the documents two parties share, oldest first, as
// their pair's page lists them.
var PairDocumentsTable = Table{Name: "pair_documents", Columns: []Column{
	{Name: "id", Kind: Int},
	{Name: "signed_date", Kind: Text, Width: 12},
	{Name: "title", Kind: Text, Width: 60},
	{Name: "language", Kind: Text},
	{Name: "parties", Kind: Text, Width: 12},
}}

// PairDocumentRow is one document of a pair.
func PairDocumentRow(d *entente.DocumentBrief) []any {
	var date any
	if d.SignedDate != "" {
		date = d.SignedDate
	}
	return []any{d.ID, date, d.Title, d.Language, d.Parties}
}
