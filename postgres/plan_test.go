package postgres_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"net/url"
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
	d := plansDoc()
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

// plansDoc is a document of one sentence.
func plansDoc() *entente.NewDocument {
	date := "2022-03-04"
	text := "Both sides agree to meet."
	return &entente.NewDocument{
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
}

// TestLookupsKeepPlans: the look-ups by key outside transactions run on
// sessions that keep a statement's generic plan from its first run
// (postgres.Open), where the store's other sessions plan every statement
// for its values; a look-up run several times is then planned once, and
// still finds what it looks for. A plan_cache_mode in the address is kept
// on both.
func TestLookupsKeepPlans(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := mustOpen(t, dsn)
	d := plansDoc()
	if _, err := s.CreateDocument(ctx, d); err != nil {
		t.Fatal(err)
	}
	s.LookupDB().SetMaxOpenConns(1) // the look-ups and the check share the session
	sum := sha256.Sum256([]byte(d.Text))
	for range 8 {
		v, err := s.VersionByTextSHA256(ctx, hex.EncodeToString(sum[:]))
		if err != nil || v.Text != d.Text {
			t.Fatalf("look-up: %v, %v", v, err)
		}
	}
	for _, c := range []struct {
		db   *sql.DB
		want string
	}{{s.LookupDB(), "force_generic_plan"}, {s.DB(), "force_custom_plan"}} {
		var mode string
		if err := c.db.QueryRowContext(ctx, "SHOW plan_cache_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != c.want {
			t.Errorf("plan_cache_mode %q, want %q", mode, c.want)
		}
	}
	var generic int
	if err := s.LookupDB().QueryRowContext(ctx, `SELECT coalesce(sum(generic_plans), 0) FROM pg_prepared_statements
		WHERE statement LIKE '%text_sha256 = $1%'`).Scan(&generic); err != nil {
		t.Fatal(err)
	}
	if generic == 0 {
		t.Error("the look-up by text was planned for its values every time")
	}

	given := mustOpen(t, withParam(t, dsn, "plan_cache_mode", "auto"))
	for _, db := range []*sql.DB{given.LookupDB(), given.DB()} {
		var mode string
		if err := db.QueryRowContext(ctx, "SHOW plan_cache_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "auto" {
			t.Errorf("plan_cache_mode %q, given auto", mode)
		}
	}
}

// withParam adds a run-time parameter to a postgres:// address.
func withParam(t *testing.T, dsn, key, value string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

// TestLookupsReadIndexes: the look-up sessions are told to take an index
// where one answers (postgres.Open): in a new store's first batch the
// near-duplicate look-up's plan, kept for the session while near_sketches
// held a few rows, read the whole table instead of its GIN index for every
// input as the batch filled it. The store's other sessions plan as usual,
// and an enable_seqscan in the address is kept.
func TestLookupsReadIndexes(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	s := mustOpen(t, dsn)
	given := mustOpen(t, withParam(t, dsn, "enable_seqscan", "on"))
	for _, c := range []struct {
		name string
		db   *sql.DB
		want string
	}{{"look-ups", s.LookupDB(), "off"}, {"the store", s.DB(), "on"}, {"look-ups, given on", given.LookupDB(), "on"}} {
		var v string
		if err := c.db.QueryRowContext(ctx, "SHOW enable_seqscan").Scan(&v); err != nil {
			t.Fatal(err)
		}
		if v != c.want {
			t.Errorf("%s: enable_seqscan %q, want %q", c.name, v, c.want)
		}
	}
}
