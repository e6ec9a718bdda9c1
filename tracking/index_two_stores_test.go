package tracking_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestIndexTwoStoresOneDatabase: two servers on one database, each with
// its own store (its own pool of connections) and tracker: what one
// writes (statuses, corrections that move a document in the order and
// change its parties, a re-extraction that drops commitments and one
// that brings them back, a withdrawal, a new statement, a purge) is in
// the other's next read, which updates its index rather than reading it
// anew.
func TestIndexTwoStoresOneDatabase(t *testing.T) {
	for _, db := range []struct {
		name string
		open func(t *testing.T) func() *sqlstore.Store
	}{
		{"sqlite", func(t *testing.T) func() *sqlstore.Store {
			path := filepath.Join(t.TempDir(), "entente.db")
			return func() *sqlstore.Store {
				s, err := sqlite.Open(context.Background(), path)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				return s
			}
		}},
		{"postgres", func(t *testing.T) func() *sqlstore.Store {
			dsn := pgtest.DSN(t)
			return func() *sqlstore.Store {
				s, err := postgres.Open(context.Background(), dsn)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { s.Close() })
				return s
			}
		}},
	} {
		t.Run(db.name, func(t *testing.T) {
			t.Parallel()
			open := db.open(t)
			ws, rs := open(), open()
			ctx := as(context.Background(), "ed", entente.RoleEditor)
			writer := newTracker(t, ws)
			reader := newTracker(t, rs)
			ref := newTracker(t, rs)
			ref.Store = goOnly{rs}
			docs := []int64{ingestStatement(t, ctx, ws, statement), ingestStatement(t, ctx, ws, "cn-ae-2019-joint-statement.zh.txt")}
			check := func(when string) {
				t.Helper()
				// the reader's update first: holdsToGo's own check event
				// makes the read after it one in full
				b0, u0 := tracking.IndexBuilds(reader)
				if _, err := reader.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
					t.Fatal(err)
				}
				if b, u := tracking.IndexBuilds(reader); b0 > 0 && (b != b0 || u != u0+1) {
					t.Errorf("%s: %d builds, %d updates; had %d and %d: want one update", when, b, u, b0, u0)
				}
				holdsToGo(t, ctx, rs, reader, ref, when)
			}
			check("after ingest")
			trackSome(t, ctx, writer, docs)
			check("after statuses and corrections")
			correct := func(doc int64, field, value string) {
				t.Helper()
				if _, err := writer.Correct(ctx, tracking.CorrectInput{Document: doc, Field: field, Value: []byte(value), Why: "test"}); err != nil {
					t.Fatal(err)
				}
			}
			correct(docs[1], "date", `"2030-01-01"`)
			correct(docs[0], "parties", `["CN","RS","HU"]`)
			check("after a date and parties corrected")

			writer.Extractor, writer.ExtractorName = changedExtractor(t), "extract/zh (changed)"
			before, err := reader.Commitments(ctx, entente.CommitmentFilter{Document: docs[0]})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := writer.Reextract(ctx, docs[0]); err != nil {
				t.Fatal(err)
			}
			check("after a re-extraction that drops commitments")
			after, err := reader.Commitments(ctx, entente.CommitmentFilter{Document: docs[0]})
			if err != nil {
				t.Fatal(err)
			}
			if after.Total >= before.Total {
				t.Errorf("the changed extractor left %d commitments of %d", after.Total, before.Total)
			}
			writer.Extractor, writer.ExtractorName = zhExtractor(t), "extract/zh"
			if _, err := writer.Reextract(ctx, docs[0]); err != nil {
				t.Fatal(err)
			}
			check("after a re-extraction that brings them back")
			back, err := reader.Commitments(ctx, entente.CommitmentFilter{Document: docs[0]})
			if err != nil {
				t.Fatal(err)
			}
			if back.Total != before.Total {
				t.Errorf("back to the first extractor: %d commitments, had %d", back.Total, before.Total)
			}

			if err := writer.Withdraw(ctx, docs[1], "test"); err != nil {
				t.Fatal(err)
			}
			check("after a withdrawal")
			docs = append(docs, ingestStatement(t, ctx, ws, "us-ie-2021-joint-statement.en.txt"))
			check("after a new statement")
			if err := writer.Purge(as(ctx, "ad", entente.RoleAdmin), docs[0], "test"); err != nil {
				t.Fatal(err)
			}
			check("after a purge")
		})
	}
}
