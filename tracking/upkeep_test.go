package tracking_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// trackedTables are the tables a write keeps current (the corrected
// labels search reads), with the order that makes a dump of each
// comparable.
var trackedTables = []struct{ name, order string }{
	{"corrected_sentences", "sentence_id"},
	{"corrected_actors", "sentence_id, party"},
	{"corrected_areas", "sentence_id, area"},
	{"corrected_documents", "document_id"},
	{"corrected_document_parties", "document_id, party"},
}

// dumpTracked returns every row of the tracked tables, as text.
func dumpTracked(t *testing.T, ctx context.Context, s *sqlstore.Store) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, tb := range trackedTables {
		rows, err := s.DB().QueryContext(ctx, `SELECT * FROM `+tb.name+` ORDER BY `+tb.order)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]sql.NullString, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[tb.name] = append(out[tb.name], fmt.Sprint(vals))
		}
		if err := rows.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// sameAsFull holds the tracker's index of the commitments, as the writes
// so far brought it up to date (each update reading again only the
// documents the events since named), to one read anew from the whole
// collection; and the corrected labels, as the writes kept them, to the
// same computed again for every document.
func sameAsFull(t *testing.T, ctx context.Context, s *sqlstore.Store, tr *tracking.Tracker, when string) {
	t.Helper()
	kept, err := tracking.IndexDump(ctx, tr)
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := tracking.FreshIndexDump(ctx, tr)
	if err != nil {
		t.Fatal(err)
	}
	if kept != fresh {
		t.Errorf("%s: the index kept by updates differs from one read anew:\n kept %.2000s\n anew %.2000s", when, kept, fresh)
	}
	before := dumpTracked(t, ctx, s)
	// every document marked, and a write, which settles the marks
	if _, err := s.DB().ExecContext(ctx, `INSERT INTO tracked_dirty (document_id) SELECT id FROM documents
		WHERE id NOT IN (SELECT document_id FROM tracked_dirty)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AppendEvent(ctx, &entente.Event{Action: "check", Entity: "test"}); err != nil {
		t.Fatal(err)
	}
	full := dumpTracked(t, ctx, s)
	for _, tb := range trackedTables {
		k, f := before[tb.name], full[tb.name]
		if strings.Join(k, "\n") != strings.Join(f, "\n") {
			t.Errorf("%s: %s kept by the writes differs from it computed in full:\n kept %d rows %.600v\n full %d rows %.600v",
				when, tb.name, len(k), k, len(f), f)
		}
	}
}

// zhDoc is the corpus statement name, extracted, as ingestStatement
// stores it, with more appended to its text when more is not empty (a
// near-duplicate).
func zhDoc(tb testing.TB, name, more string) *entente.NewDocument {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		tb.Fatal(err)
	}
	b = append(b, more...)
	return &entente.NewDocument{
		Extraction: zhExtractor(tb).Extract(string(b)), Text: string(b), Extractor: "extract/zh",
		Source:   entente.Source{Name: name, Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
		Original: b,
	}
}

// TestUpkeepMatchesFull: the index of the commitments a tracker keeps,
// updating it from the events since (reading again only the documents
// they name), is the one a full reading gives, and the corrected labels
// a write keeps are those a full computation gives, after a batch of new documents, statuses, a
// correction, a re-extraction, a withdrawal, a deletion and a purge, and
// after writers racing on the same store.
func TestUpkeepMatchesFull(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		names := []string{statement, "cn-ae-2019-joint-statement.zh.txt", "us-ie-2021-joint-statement.en.txt"}
		var batch []*entente.NewDocument
		for _, n := range names {
			batch = append(batch, zhDoc(t, n, ""))
		}
		// a near-duplicate in the same batch: two documents with the same
		// commitments and one more
		batch = append(batch, zhDoc(t, statement, "\n双方承诺于2027年底前完成铁路建设。\n"))
		docs, err := s.CreateDocuments(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, ctx, s, tr, "after a batch")

		all, err := tr.Commitments(ctx, entente.CommitmentFilter{Limit: tracking.MaxLimit, Withdrawn: true})
		if err != nil {
			t.Fatal(err)
		}
		if all.Total < 20 {
			t.Fatalf("only %d commitments", all.Total)
		}
		for i, c := range all.Commitments[:12] {
			e := addEvidence(t, ctx, tr, c.DocumentID, c.Sentence.ID, "")
			st := []entente.Status{entente.Fulfilled, entente.Stalled, entente.InProgress}[i%3]
			if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
				Status: st, EvidenceID: e.ID, Why: "seen", Revision: -1}); err != nil {
				t.Fatal(err)
			}
		}
		sameAsFull(t, ctx, s, tr, "after statuses")

		c := all.Commitments[0]
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: c.DocumentID, Sentence: c.Sentence.ID, Field: "areas",
			Value: []byte(`["trade","culture"]`), Why: "test"}); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: docs[1], Field: "date", Value: []byte(`"2027-01-15"`), Why: "test"}); err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, ctx, s, tr, "after corrections")

		tr.Extractor, tr.ExtractorName = changedExtractor(t), "extract/zh (changed)"
		if _, err := tr.Reextract(ctx, docs[0]); err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, ctx, s, tr, "after re-extraction")

		if err := tr.Withdraw(ctx, docs[1], "duplicate"); err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, ctx, s, tr, "after withdrawal")

		if err := s.DeleteDocument(ctx, docs[3]); err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, ctx, s, tr, "after a deletion")

		if err := tr.Purge(as(ctx, "ad", entente.RoleAdmin), docs[2], "test"); err != nil {
			t.Fatal(err)
		}
		sameAsFull(t, ctx, s, tr, "after a purge")

		// writers at once: batches of new documents, and statuses set on
		// commitments of one document, each in its own transaction
		left, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: docs[0], Limit: tracking.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		errs := make(chan error, 8)
		for w := range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if w%2 == 0 {
					_, err := s.CreateDocuments(ctx, []*entente.NewDocument{zhDoc(t, names[w/2], fmt.Sprintf("\n双方将在%d年继续合作。\n", 2030+w)),
						zhDoc(t, names[2], fmt.Sprintf("\nThe two sides will meet again in %d.\n", 2030+w))})
					errs <- err
					return
				}
				for i := w; i < len(left.Commitments) && i < w+6; i += 2 {
					c := left.Commitments[i]
					e, err := tr.AddEvidence(ctx, tracking.EvidenceInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
						Evidence: entente.Evidence{Title: fmt.Sprintf("race %d/%d", w, i), Publisher: "Ministry", EventDate: "2025-03-01"}})
					if err == nil {
						_, err = tr.SetStatus(ctx, tracking.SetStatusInput{Document: c.DocumentID, Sentence: c.Sentence.ID,
							Status: entente.NotStarted, EvidenceID: e.ID, Why: "race", Revision: -1})
					}
					if err != nil {
						errs <- err
						return
					}
				}
				errs <- nil
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		sameAsFull(t, ctx, s, tr, "after writers at once")
	})
}
