package postgres_test

import (
	"context"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres/pgtest"
)

// TestWritesKeepSearchPlanning: a transaction writing new documents keeps
// its statements' plans (PlanWrites), for itself only: the connection it
// ran on plans each statement for its values again afterwards, as search
// needs (postgres.Open).
func TestWritesKeepSearchPlanning(t *testing.T) {
	s := mustOpen(t, pgtest.DSN(t))
	s.DB().SetMaxOpenConns(1) // the write and the check share the connection
	ctx := context.Background()
	date := "2022-03-04"
	text := "Both sides agree to meet."
	d := &entente.NewDocument{
		Extraction: &entente.Extraction{
			Document: entente.Document{Title: "Plans", Kind: entente.KindJointStatement, Language: "en", Parties: []string{"CN"},
				SignedDate: &date, Signatories: []entente.Signatory{}, AuthenticLanguages: []string{}},
			Sections: []entente.Section{{ID: "1", Heading: "1"}},
			Sentences: []entente.Sentence{{ID: "s1", Section: "1", Text: text, Type: entente.Commitment,
				Actors: []string{"CN"}, Areas: []string{}, References: []string{}, Mechanisms: []string{}, Projects: []string{}}},
			References: []entente.Reference{}, Mechanisms: []entente.Entity{}, Projects: []entente.Entity{},
		},
		Text: text, Extractor: "hand", Original: []byte(text),
		Source: entente.Source{Name: "plans.txt", Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
	}
	if _, err := s.CreateDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := s.DB().QueryRowContext(ctx, "SHOW plan_cache_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "force_custom_plan" {
		t.Errorf("plan_cache_mode after a write: %q, want force_custom_plan", mode)
	}
}
