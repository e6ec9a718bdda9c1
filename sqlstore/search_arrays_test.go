package sqlstore_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestHitsReadAtOnce holds PostgreSQL's one statement for a page of hits
// to the nine statements it replaces (which SQLite runs): every stored
// sentence with its lists (actors, areas, instruments cited, mechanisms,
// projects) as corrected, after corrections of each kind and an undo, and
// every document's title, kind, date, language and parties.
func TestHitsReadAtOnce(t *testing.T) {
	s := openPostgres(t)
	user := &entente.User{Name: "ed", Role: entente.RoleEditor}
	ctx := entente.NewContextWithActor(entente.NewContextWithUser(context.Background(), user), entente.Actor{Name: "ed", Via: "api"})
	zhDoc, _ := searchCorpus(t, s)
	tr, err := tracking.New(s)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(ctx, entente.DocumentFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var docIDs []int64
	for _, d := range docs {
		docIDs = append(docIDs, d.ID)
	}
	zh := slices.IndexFunc(docs, func(d entente.StoredDocument) bool { return d.Title == zhDoc.Extraction.Document.Title })
	if zh < 0 {
		t.Fatal("no Chinese statement")
	}
	d, err := s.Document(ctx, docs[zh].ID)
	if err != nil {
		t.Fatal(err)
	}
	var commitments []entente.Sentence
	for _, st := range d.Extraction.Sentences {
		if st.Type == entente.Commitment {
			commitments = append(commitments, st)
		}
	}
	if len(commitments) < 3 {
		t.Fatalf("%d commitments; the test needs 3", len(commitments))
	}
	for _, c := range []struct{ sentence, field, value string }{
		{commitments[0].ID, "type", `"position"`},
		{commitments[0].ID, "areas", `["culture","energy"]`},
		{commitments[1].ID, "actors", `["HU","CN"]`},
		{commitments[1].ID, "strength", `"soft"`},
		{commitments[2].ID, "type", `"narrative"`},
		{"", "parties", `["CN","KZ"]`},
	} {
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: d.ID, Sentence: c.sentence, Field: c.field, Value: json.RawMessage(c.value), Why: "test"}); err != nil {
			t.Fatal(err)
		}
	}
	events, err := s.History(ctx, entente.EventFilter{Document: d.ID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(events, func(e entente.Event) bool { return e.Entity == "correction" }); i >= 0 {
		if err := tr.Undo(ctx, events[i].Seq); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	rows, err := s.DB().QueryContext(ctx, "SELECT id FROM sentences")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	atOnce, apart, atOnceDocs, apartDocs, err := sqlstore.HitsBothWays(ctx, s, ids, docIDs)
	if err != nil {
		t.Fatal(err)
	}
	if len(apart) != len(ids) || len(apartDocs) != len(docIDs) {
		t.Fatalf("read apart: %d sentences of %d, %d documents of %d", len(apart), len(ids), len(apartDocs), len(docIDs))
	}
	if diff := cmp.Diff(apart, atOnce); diff != "" {
		t.Errorf("sentences (-nine statements +one):\n%s", diff)
	}
	if diff := cmp.Diff(apartDocs, atOnceDocs); diff != "" {
		t.Errorf("documents (-nine statements +one):\n%s", diff)
	}
	// the corrections and the lists are there to compare
	var corrected, lists int
	for _, st := range apart {
		if st.Type != "" && slices.ContainsFunc(commitments, func(c entente.Sentence) bool { return c.Text == st.Text && c.Type != st.Type }) {
			corrected++
		}
		if len(st.Mechanisms)+len(st.Projects)+len(st.References) > 0 {
			lists++
		}
	}
	if corrected == 0 || lists == 0 {
		t.Errorf("%d sentences corrected, %d with mechanisms, projects or instruments: the comparison tests neither", corrected, lists)
	}
}
