package export

import (
	"strings"

	"github.com/entente/entente"
)

// The lists Entente shows, as tables: their columns and how a stored value
// becomes a row. The columns are those of the UI's and the API's lists.

// DocumentsTable is the library's list.
var DocumentsTable = Table{Name: "documents", Columns: []Column{
	{Name: "id", Kind: Int},
	{Name: "title", Kind: Text, Width: 50},
	{Name: "kind", Kind: Text, Width: 16},
	{Name: "language", Kind: Text},
	{Name: "parties", Kind: Text, Width: 14},
	{Name: "signed_date", Kind: Date},
	{Name: "signed_place", Kind: Text, Width: 14},
	{Name: "sentences", Kind: Int},
	{Name: "commitments", Kind: Int},
	{Name: "stored_at", Kind: DateTime},
}}

// DocumentRow is one document of the library's list.
func DocumentRow(d *entente.StoredDocument) []any {
	return []any{d.ID, d.Title, string(d.Kind), d.Language, d.Parties, d.SignedDate, d.SignedPlace,
		d.Sentences, d.Commitments, d.CreatedAt}
}

// SentencesTable is a list of sentences with their labels; a search adds
// each hit's score and its text with the matches marked.
func SentencesTable(search bool) Table {
	t := Table{Name: "sentences", Columns: []Column{
		{Name: "document_id", Kind: Int},
		{Name: "document_title", Kind: Text, Width: 40},
		{Name: "signed_date", Kind: Date},
		{Name: "language", Kind: Text},
		{Name: "section", Kind: Text},
		{Name: "sentence", Kind: Text},
		{Name: "type", Kind: Text, Width: 12},
		{Name: "strength", Kind: Text},
		{Name: "actors", Kind: Text, Width: 12},
		{Name: "areas", Kind: Text, Width: 20},
		{Name: "deadline", Kind: Text, Width: 12},
		{Name: "text", Kind: Text, Width: 80},
	}}
	if search {
		t.Name = "search"
		t.Columns = append(t.Columns, Column{Name: "score", Kind: Float}, Column{Name: "highlighted", Kind: Text, Width: 80})
	}
	return t
}

// HitRow is one sentence of a list (search: with its score and marks).
func HitRow(h *entente.SearchHit, search bool) []any {
	s := &h.Sentence
	row := []any{h.DocumentID, h.DocumentTitle, h.SignedDate, h.Language, h.Section, s.ID, string(s.Type),
		string(s.Strength), s.Actors, s.Areas, s.Deadline, s.Text}
	if search {
		row = append(row, h.Score, h.Highlighted)
	}
	return row
}

// EventsTable is the event log.
var EventsTable = Table{Name: "events", Columns: []Column{
	{Name: "seq", Kind: Int},
	{Name: "at", Kind: DateTime},
	{Name: "actor", Kind: Text, Width: 14},
	{Name: "user_id", Kind: Int},
	{Name: "action", Kind: Text, Width: 12},
	{Name: "entity", Kind: Text, Width: 12},
	{Name: "entity_id", Kind: Int},
	{Name: "why", Kind: Text, Width: 30},
	{Name: "before", Kind: Text, Width: 40},
	{Name: "after", Kind: Text, Width: 40},
}}

// EventRow is one entry of the event log.
func EventRow(e *entente.Event) []any {
	var user any
	if e.UserID != 0 {
		user = e.UserID
	}
	return []any{e.Seq, e.At, e.Actor, user, e.Action, e.Entity, e.EntityID, e.Why, e.Before, e.After}
}

// FilterList names the filters that are set, in the order given, for the
// About sheet: pairs of name and value, empty values left out.
func FilterList(pairs ...string) []Filter {
	var fs []Filter
	for i := 0; i+1 < len(pairs); i += 2 {
		if v := strings.TrimSpace(pairs[i+1]); v != "" && v != "0" {
			fs = append(fs, Filter{Name: pairs[i], Value: v})
		}
	}
	return fs
}

// CorrectionsTable is a list of corrections (the review queue).
var CorrectionsTable = Table{Name: "corrections", Columns: []Column{
	{Name: "ref", Kind: Text},
	{Name: "document_id", Kind: Int},
	{Name: "sentence", Kind: Text},
	{Name: "field", Kind: Text, Width: 12},
	{Name: "extracted", Kind: Text, Width: 30},
	{Name: "value", Kind: Text, Width: 30},
	{Name: "state", Kind: Text},
	{Name: "flag", Kind: Text},
	{Name: "by", Kind: Text, Width: 14},
	{Name: "at", Kind: DateTime},
	{Name: "reviewed_by", Kind: Text, Width: 14},
	{Name: "reviewed_at", Kind: DateTime},
	{Name: "withdrawn", Kind: Bool},
	{Name: "why", Kind: Text, Width: 30},
}}

// CorrectionRow is one correction; its values are the JSON they are kept as.
func CorrectionRow(c *entente.Correction) []any {
	return []any{c.Ref, c.DocumentID, c.Sentence, c.Field, string(c.Extracted), string(c.Value), c.State, c.Flag,
		c.Actor, c.CreatedAt, c.ReviewedBy, c.ReviewedAt, c.Withdrawn, c.Why}
}

// UsersTable is the accounts (never their secrets).
var UsersTable = Table{Name: "users", Columns: []Column{
	{Name: "id", Kind: Int},
	{Name: "name", Kind: Text, Width: 16},
	{Name: "role", Kind: Text},
	{Name: "disabled", Kind: Bool},
	{Name: "created_at", Kind: DateTime},
}}

// UserRow is one account.
func UserRow(u *entente.User) []any {
	return []any{u.ID, u.Name, string(u.Role), u.Disabled, u.CreatedAt}
}
