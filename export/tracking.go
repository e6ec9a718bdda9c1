package export

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// The tracking lists as tables: the commitments table (one row per
// commitment, as the UI lists them, with each party's status and the
// evidence), the same statuses and evidence one row per item (an XLSX
// export's further sheets, and the dataset's files), and the scorecard.

// CommitmentsTable is the commitments table with Entente's statuses.
var CommitmentsTable = CommitmentsTableFor(nil)

// CommitmentsTableFor is the commitments table with, when v is given, each
// party's status on v's scale beside Entente's (on the G7/G20 scale also
// the commitment's score, the mean of its parties', and as a percentage).
func CommitmentsTableFor(v *entente.Vocabulary) Table {
	t := commitmentsBase
	t.Columns = slices.Clone(t.Columns)
	if v != nil {
		t.Columns = append(t.Columns, Column{Name: "statuses_" + v.Code, Kind: Text, Width: 36})
		if v.Code == "g7" {
			t.Columns = append(t.Columns, Column{Name: "g7_score", Kind: Float}, Column{Name: "g7_percent", Kind: Float})
		}
	}
	return t
}

var commitmentsBase = Table{Name: "commitments", Columns: []Column{
	{Name: "document_id", Kind: Int},
	{Name: "sentence", Kind: Text, Width: 10},
	{Name: "document_title", Kind: Text, Width: 40},
	{Name: "signed_date", Kind: Date},
	{Name: "section", Kind: Text},
	{Name: "text", Kind: Text, Width: 80},
	{Name: "strength", Kind: Text},
	{Name: "actors", Kind: Text, Width: 12},
	{Name: "areas", Kind: Text, Width: 20},
	{Name: "deadline", Kind: Text, Width: 12},
	{Name: "due_date", Kind: Date},
	{Name: "due_precision", Kind: Text},
	{Name: "overdue", Kind: Bool},
	{Name: "statuses", Kind: Text, Width: 36},
	{Name: "evidence", Kind: Int},
	{Name: "evidence_items", Kind: Text, Width: 60},
	{Name: "revision", Kind: Int},
}}

// statusJSON is one party's status as a commitment's JSON row holds it:
// party, status, evidence_id, why, by, at, and the status on the
// vocabulary's scale under the vocabulary's code.
func statusJSON(p *entente.PartyStatus, v *entente.Vocabulary) map[string]any {
	m := map[string]any{"party": p.Party, "status": string(p.Status)}
	if p.EvidenceID != 0 {
		m["evidence_id"] = p.EvidenceID
	}
	if p.Why != "" {
		m["why"] = p.Why
	}
	if p.Actor != "" {
		m["by"] = p.Actor
	}
	if !p.UpdatedAt.IsZero() {
		m["at"] = p.UpdatedAt.UTC()
	}
	if v != nil {
		m[v.Code] = scaleValue(p.Status, v)
	}
	return m
}

// scaleValue is a status on a vocabulary's scale: the G7/G20 score as a
// number, another scale's wording; nil when the status is not on it.
func scaleValue(s entente.Status, v *entente.Vocabulary) any {
	if v.Code == "g7" {
		if n, ok := s.Score(); ok {
			return n
		}
		return nil
	}
	if t := v.Term(s); t != "" {
		return t
	}
	return nil
}

// scaleText is a status on a vocabulary's scale as text: a G7/G20 score
// signed (+1, 0, -1), "" when the status is not on the scale.
func scaleText(s entente.Status, v *entente.Vocabulary) string {
	switch x := scaleValue(s, v).(type) {
	case int:
		if x > 0 {
			return "+1"
		}
		return fmt.Sprint(x)
	case string:
		return x
	}
	return ""
}

// G7Percent is a mean G7/G20 score (−1 … +1) as the Group's percentage.
func G7Percent(mean float64) float64 { return (mean + 1) / 2 * 100 }

// evidenceJSON is one evidence item as a commitment's JSON row holds it.
type evidenceJSON struct {
	ID        int64  `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	EventDate string `json:"event_date,omitempty"`
	Official  bool   `json:"official"`
}

// CommitmentRow is one commitment of the table with its evidence (the
// retracted items left out: the evidence table keeps them), with its
// statuses also on v's scale when v is given.
func CommitmentRow(c *entente.TrackedCommitment, evidence []entente.Evidence, v *entente.Vocabulary) []any {
	s := &c.Sentence
	var dueDate, precision any
	if c.Due != nil {
		if c.Due.Date != "" {
			dueDate = c.Due.Date
		}
		precision = string(c.Due.Precision)
	}
	sts := make([]map[string]any, len(c.Statuses))
	texts := make([]string, len(c.Statuses))
	scaled := make([]string, len(c.Statuses))
	sum, scored := 0, 0
	for i := range c.Statuses {
		p := &c.Statuses[i]
		sts[i] = statusJSON(p, v)
		texts[i] = p.Party + ": " + string(p.Status)
		if v != nil {
			scaled[i] = p.Party + ": " + scaleText(p.Status, v)
			if n, ok := p.Status.Score(); ok {
				sum, scored = sum+n, scored+1
			}
		}
	}
	evs := []evidenceJSON{}
	var etexts []string
	for _, e := range evidence {
		if e.Retracted {
			continue
		}
		evs = append(evs, evidenceJSON{ID: e.ID, Title: e.Title, URL: e.URL, Publisher: e.Publisher, EventDate: e.EventDate, Official: e.Official})
		t := fmt.Sprintf("#%d %s", e.ID, e.Title)
		if e.URL != "" {
			t += " <" + e.URL + ">"
		}
		if e.EventDate != "" {
			t += " (" + e.EventDate + ")"
		}
		etexts = append(etexts, t)
	}
	var strength any
	if s.Strength != "" {
		strength = string(s.Strength)
	}
	row := []any{c.DocumentID, s.ID, c.DocumentTitle, c.SignedDate, s.Section, s.Text, strength, s.Actors, s.Areas, s.Deadline,
		dueDate, precision, c.Overdue, Nested{Text: strings.Join(texts, "; "), Value: sts}, len(evs),
		Nested{Text: strings.Join(etexts, "; "), Value: evs}, c.Revision}
	if v != nil {
		row = append(row, strings.Join(scaled, "; "))
		if v.Code == "g7" {
			var score, percent any
			if scored > 0 {
				m := float64(sum) / float64(scored)
				score, percent = m, G7Percent(m)
			}
			row = append(row, score, percent)
		}
	}
	return row
}

// StatusesTable is every party's status of each commitment, one row each.
var StatusesTable = StatusesTableFor(nil)

// StatusesTableFor is StatusesTable with, when v is given, the status on
// v's scale (a number on the G7/G20 scale, the scale's wording on others).
func StatusesTableFor(v *entente.Vocabulary) Table {
	t := statusesBase
	t.Columns = slices.Clone(t.Columns)
	if v != nil {
		k := Text
		if v.Code == "g7" {
			k = Int
		}
		t.Columns = append(t.Columns, Column{Name: v.Code, Kind: k, Width: 20})
	}
	return t
}

var statusesBase = Table{Name: "statuses", Columns: []Column{
	{Name: "document_id", Kind: Int},
	{Name: "sentence", Kind: Text, Width: 10},
	{Name: "party", Kind: Text},
	{Name: "status", Kind: Text, Width: 20},
	{Name: "evidence_id", Kind: Int},
	{Name: "why", Kind: Text, Width: 40},
	{Name: "changed_by", Kind: Text, Width: 14},
	{Name: "changed_at", Kind: DateTime},
}}

// StatusRows are the rows of a commitment's statuses, one per party.
func StatusRows(c *entente.TrackedCommitment, v *entente.Vocabulary) [][]any {
	rows := make([][]any, len(c.Statuses))
	for i, p := range c.Statuses {
		var ev any
		if p.EvidenceID != 0 {
			ev = p.EvidenceID
		}
		rows[i] = []any{c.DocumentID, c.Sentence.ID, p.Party, string(p.Status), ev, p.Why, p.Actor, p.UpdatedAt}
		if v != nil {
			rows[i] = append(rows[i], scaleValue(p.Status, v))
		}
	}
	return rows
}

// EvidenceTable is every evidence item of each commitment, retracted
// ones included (marked), one row each.
var EvidenceTable = Table{Name: "evidence", Columns: []Column{
	{Name: "evidence_id", Kind: Int},
	{Name: "document_id", Kind: Int},
	{Name: "sentence", Kind: Text, Width: 10},
	{Name: "title", Kind: Text, Width: 40},
	{Name: "url", Kind: Text, Width: 40},
	{Name: "publisher", Kind: Text, Width: 20},
	{Name: "event_date", Kind: Date},
	{Name: "accessed", Kind: Date},
	{Name: "quote", Kind: Text, Width: 50},
	{Name: "note", Kind: Text, Width: 30},
	{Name: "official", Kind: Bool},
	{Name: "cited_document", Kind: Int},
	{Name: "cited_sentence_anchor", Kind: Text, Width: 30},
	{Name: "archive_sha256", Kind: Text, Width: 20},
	{Name: "archive_problem", Kind: Text, Width: 20},
	{Name: "added_by", Kind: Text, Width: 14},
	{Name: "added_at", Kind: DateTime},
	{Name: "retracted", Kind: Bool},
	{Name: "retracted_by", Kind: Text, Width: 14},
	{Name: "retracted_at", Kind: DateTime},
	{Name: "retract_reason", Kind: Text, Width: 30},
}}

// EvidenceRow is one evidence item of the commitment c.
func EvidenceRow(c *entente.TrackedCommitment, e *entente.Evidence) []any {
	var cited any
	if e.SentenceDocument != 0 {
		cited = e.SentenceDocument
	}
	return []any{e.ID, c.DocumentID, c.Sentence.ID, e.Title, e.URL, e.Publisher, e.EventDate, e.Accessed, e.Quote, e.Note,
		e.Official, cited, e.SentenceAnchor, e.ArchiveSHA256, e.ArchiveProblem, e.AddedBy, e.AddedAt, e.Retracted,
		e.RetractedBy, e.RetractedAt, e.RetractReason}
}

// CommitmentSource reads the commitments an export writes: Page is the
// list as filtered and sorted, offset and limit rows of it (at most
// PageSize); Evidence a commitment's evidence.
type CommitmentSource struct {
	Page     func(ctx context.Context, offset, limit int) ([]entente.TrackedCommitment, error)
	Evidence func(ctx context.Context, a entente.Anchor) ([]entente.Evidence, error)
}

// PageSize is how many rows an export reads from the store at a time.
const PageSize = 500

// WriteCommitments writes the commitments src lists, from offset, at most
// limit of them (0: all), a page at a time as they are read. A workbook
// gets two further sheets, the statuses and the evidence of the same
// commitments one row per item, read again page by page so that memory
// stays bounded; the flat formats hold one table, whose rows carry both.
// With v, statuses are given on its scale too.
func WriteCommitments(ctx context.Context, tw TableWriter, src CommitmentSource, offset, limit int, v *entente.Vocabulary) error {
	if err := tw.Begin(CommitmentsTableFor(v)); err != nil {
		return err
	}
	if err := writeCommitmentRows(ctx, tw, src, offset, limit, v); err != nil || !multiTable(tw) {
		return err
	}
	if err := tw.Begin(StatusesTableFor(v)); err != nil {
		return err
	}
	if err := writeStatusRows(ctx, tw, src, offset, limit, v); err != nil {
		return err
	}
	if err := tw.Begin(EvidenceTable); err != nil {
		return err
	}
	return writeEvidenceRows(ctx, tw, src, offset, limit)
}

// eachCommitment calls each with every commitment src lists, from offset,
// at most limit (0: all), a page at a time.
func eachCommitment(ctx context.Context, src CommitmentSource, offset, limit int, each func(c *entente.TrackedCommitment) error) error {
	return Pages(offset, limit, func(offset, limit int) (int, error) {
		cs, err := src.Page(ctx, offset, limit)
		for i := range cs {
			if err := each(&cs[i]); err != nil {
				return 0, err
			}
		}
		return len(cs), err
	})
}

// evidenceOf reads a commitment's evidence; one with nothing recorded has
// none.
func evidenceOf(ctx context.Context, src CommitmentSource, c *entente.TrackedCommitment) ([]entente.Evidence, error) {
	if c.ID == 0 || src.Evidence == nil {
		return nil, nil
	}
	es, err := src.Evidence(ctx, c.Anchor)
	if err != nil {
		return nil, fmt.Errorf("evidence of %s: %w", c.Ref(), err)
	}
	return es, nil
}

func writeCommitmentRows(ctx context.Context, tw TableWriter, src CommitmentSource, offset, limit int, v *entente.Vocabulary) error {
	return eachCommitment(ctx, src, offset, limit, func(c *entente.TrackedCommitment) error {
		es, err := evidenceOf(ctx, src, c)
		if err != nil {
			return err
		}
		return tw.Row(CommitmentRow(c, es, v))
	})
}

func writeStatusRows(ctx context.Context, tw TableWriter, src CommitmentSource, offset, limit int, v *entente.Vocabulary) error {
	return eachCommitment(ctx, src, offset, limit, func(c *entente.TrackedCommitment) error {
		for _, r := range StatusRows(c, v) {
			if err := tw.Row(r); err != nil {
				return err
			}
		}
		return nil
	})
}

func writeEvidenceRows(ctx context.Context, tw TableWriter, src CommitmentSource, offset, limit int) error {
	return eachCommitment(ctx, src, offset, limit, func(c *entente.TrackedCommitment) error {
		es, err := evidenceOf(ctx, src, c)
		for i := range es {
			if err := tw.Row(EvidenceRow(c, &es[i])); err != nil {
				return err
			}
		}
		return err
	})
}

// multiTable reports whether tw holds several tables (a workbook's sheets).
func multiTable(tw TableWriter) bool {
	_, ok := tw.(*xlsxWriter)
	return ok
}

// Pages reads a list a page at a time from offset, at most limit rows (0:
// all): read returns how many rows a page had; a short page is the last.
func Pages(offset, limit int, read func(offset, limit int) (int, error)) error {
	for n := 0; limit == 0 || n < limit; {
		size := PageSize
		if limit > 0 {
			size = min(size, limit-n)
		}
		got, err := read(offset+n, size)
		if err != nil {
			return err
		}
		n += got
		if got < size {
			return nil
		}
	}
	return nil
}

// ScorecardTable is a scorecard: the set as it stands ("current"), then
// the set at the end of each month in which a status changed, each with
// its (commitment, party) pairs counted per status; with v, also counted
// per value of v's scale (v's code, "_", the value's), and on the G7/G20
// scale the compliance as the Group's percentage.
func ScorecardTable(v *entente.Vocabulary) Table {
	t := Table{Name: "scorecard", Columns: []Column{
		{Name: "period", Kind: Text, Width: 10},
		{Name: "commitments", Kind: Int},
		{Name: "pairs", Kind: Int},
		{Name: "rated", Kind: Int},
		{Name: "compliance", Kind: Float},
		{Name: "overdue", Kind: Int},
	}}
	for _, s := range entente.Statuses {
		t.Columns = append(t.Columns, Column{Name: string(s), Kind: Int, Width: float64(len(s) + 4)})
	}
	if v != nil {
		if v.Code == "g7" {
			t.Columns = append(t.Columns, Column{Name: "g7_percent", Kind: Float})
		}
		for _, val := range v.Values {
			name := v.Code + "_" + val.Code
			t.Columns = append(t.Columns, Column{Name: name, Kind: Int, Width: float64(len(name) + 4)})
		}
	}
	return t
}

// ScorecardRows are the scorecard's rows: the current state, then one per
// month of its timeline (commitments and overdue are counted for the
// current state only).
func ScorecardRows(sc *entente.Scorecard, v *entente.Vocabulary) [][]any {
	row := func(period string, commitments, overdue any, counts map[entente.Status]int, rated int, compliance *float64) []any {
		pairs := 0
		for _, n := range counts {
			pairs += n
		}
		r := []any{period, commitments, pairs, rated, compliance, overdue}
		for _, s := range entente.Statuses {
			r = append(r, counts[s])
		}
		if v == nil {
			return r
		}
		if v.Code == "g7" {
			var percent any
			if compliance != nil {
				percent = G7Percent(*compliance)
			}
			r = append(r, percent)
		}
		for _, val := range v.Values {
			n := 0
			for s, c := range counts {
				if v.Of(s) == val.Code {
					n += c
				}
			}
			r = append(r, n)
		}
		return r
	}
	rows := [][]any{row("current", sc.Commitments, sc.Overdue, sc.Counts, sc.Rated, sc.Compliance)}
	for _, p := range sc.Timeline {
		rows = append(rows, row(p.Month, nil, nil, p.Counts, p.Rated, p.Compliance))
	}
	return rows
}

// WriteScorecard writes a scorecard as one table, with v's scale when
// given.
func WriteScorecard(tw TableWriter, sc *entente.Scorecard, v *entente.Vocabulary) error {
	if err := tw.Begin(ScorecardTable(v)); err != nil {
		return err
	}
	for _, r := range ScorecardRows(sc, v) {
		if err := tw.Row(r); err != nil {
			return err
		}
	}
	return nil
}
