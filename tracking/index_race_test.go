package tracking_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// duringRead is a store whose listing of commitments for an index runs
// hook (once) after it has read the collection's state and the first
// batch of documents, before the index takes that batch: a change that
// commits while the index is read.
type duringRead struct {
	*sqlstore.Store
	mu   sync.Mutex
	hook func()
}

func (d *duringRead) CommitmentChanges(ctx context.Context, since entente.CollectionState,
	each func(*entente.CommitmentBatch) error) (entente.CollectionState, bool, error) {
	return d.Store.CommitmentChanges(ctx, since, func(b *entente.CommitmentBatch) error {
		d.mu.Lock()
		hook := d.hook
		d.hook = nil
		d.mu.Unlock()
		if hook != nil {
			hook()
		}
		return each(b)
	})
}

// TestIndexWriteDuringRead: a change that commits while the index is
// read, after the documents it touches were read, is in the next read.
// The index holds the state read before the data (sqlstore's
// CommitmentChanges), so the change's event is after it and its document
// is read again; had the state been read after the data, the index would
// claim a state that includes the change without holding it, for good.
// Each case writes through another tracker during a full read and during
// an update.
func TestIndexWriteDuringRead(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		hooked := &duringRead{Store: s}
		tr := newTracker(t, s)
		tr.Store = hooked
		writer := newTracker(t, s)
		ref := newTracker(t, s)
		ref.Store = goOnly{s}
		doc := ingestStatement(t, ctx, s, statement)
		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: tracking.MaxLimit})
		if err != nil || all.Total < 4 {
			t.Fatalf("%v commitments (%v)", all, err)
		}
		status := func(i int, st entente.Status) func() {
			return func() {
				c := all.Commitments[i]
				e := addEvidence(t, ctx, writer, doc, c.Sentence.ID, "")
				if _, err := writer.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: c.Sentence.ID,
					Status: st, EvidenceID: e.ID, Why: "during a read", Revision: -1}); err != nil {
					t.Error(err)
				}
			}
		}
		cases := []struct {
			name  string
			write func()
		}{
			{"a status during the first read", status(0, entente.Stalled)},
			{"a status during an update", status(1, entente.Reversed)},
			{"the document's date corrected during an update", func() {
				if _, err := writer.Correct(ctx, tracking.CorrectInput{Document: doc, Field: "date", Value: []byte(`"2031-05-01"`),
					Why: "during a read"}); err != nil {
					t.Error(err)
				}
			}},
			{"a statement ingested during an update", func() { ingestStatement(t, ctx, s, "cn-ae-2019-joint-statement.zh.txt") }},
			{"the document withdrawn during an update", func() {
				if err := writer.Withdraw(ctx, doc, "during a read"); err != nil {
					t.Error(err)
				}
			}},
		}
		for i, c := range cases {
			// the index read up to now (holdsToGo's check event has it
			// read everything again), then a status for it to read: the
			// read with the hook is an update, but for the first
			if i > 0 {
				if _, err := tr.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
					t.Fatal(err)
				}
				status(2+i%2, entente.InProgress)()
			}
			b0, u0 := tracking.IndexBuilds(tr)
			hooked.mu.Lock()
			hooked.hook = c.write
			hooked.mu.Unlock()
			if _, err := tr.Commitments(ctx, entente.CommitmentFilter{}); err != nil {
				t.Fatal(err)
			}
			hooked.mu.Lock()
			ran := hooked.hook == nil
			hooked.mu.Unlock()
			if !ran {
				t.Fatalf("%s: the index read nothing, so nothing committed during a read", c.name)
			}
			if b, u := tracking.IndexBuilds(tr); i > 0 && (b != b0 || u != u0+1) {
				t.Errorf("%s: %d builds and %d updates, had %d and %d: the read was not an update", c.name, b, u, b0, u0)
			}
			holdsToGo(t, ctx, s, tr, ref, c.name)
		}
	})
}

// TestIndexReadsWhileWriting: readers page and count while writers set
// statuses, correct and ingest, each in its own transaction; once they
// are done, the next read is what the Go path reads.
func TestIndexReadsWhileWriting(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr, ref := withReference(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		all, err := ref.Commitments(ctx, entente.CommitmentFilter{Document: doc, Limit: tracking.MaxLimit})
		if err != nil || all.Total < 12 {
			t.Fatalf("%v commitments (%v)", all, err)
		}
		done := make(chan struct{})
		var readers sync.WaitGroup
		for r := range 2 {
			readers.Add(1)
			go func() {
				defer readers.Done()
				for n := 0; ; n++ {
					select {
					case <-done:
						return
					default:
					}
					var err error
					if r == 0 {
						_, err = tr.Commitments(ctx, entente.CommitmentFilter{Sort: []string{"", "due", "status"}[n%3]})
					} else {
						_, err = tr.Scorecard(ctx, entente.CommitmentFilter{Party: "CN"})
					}
					if err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		var writers sync.WaitGroup
		for w := range 3 {
			writers.Add(1)
			go func() {
				defer writers.Done()
				for i := w; i < 12; i += 3 {
					c := all.Commitments[i]
					var err error
					switch w {
					case 0:
						var e *entente.Evidence
						if e, err = tr.AddEvidence(ctx, tracking.EvidenceInput{Document: doc, Sentence: c.Sentence.ID,
							Evidence: entente.Evidence{Title: fmt.Sprintf("race %d", i)}}); err == nil {
							_, err = tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: c.Sentence.ID,
								Status: entente.Stalled, EvidenceID: e.ID, Why: "race", Revision: -1})
						}
					case 1:
						_, err = tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: c.Sentence.ID, Field: "areas",
							Value: []byte(fmt.Sprintf(`["trade","race%d"]`, i)), Why: "race"})
					default:
						_, err = s.CreateDocument(ctx, zhDoc(t, statement, fmt.Sprintf("\n双方将在%d年继续合作。\n", 2030+i)))
					}
					if err != nil {
						t.Error(err)
						return
					}
				}
			}()
		}
		writers.Wait()
		close(done)
		readers.Wait()
		holdsToGo(t, ctx, s, tr, ref, "after reads while writing")
	})
}
