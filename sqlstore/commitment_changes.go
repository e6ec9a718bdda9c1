package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/entente/entente"
)

// The commitments a tracking index holds (package tracking) are read from
// here: the whole collection once, then the documents each new event
// names. The store keeps no copy of them; see docs/decisions.md, "The
// commitments table from an index in memory, not from tracked tables".

// commitmentBatch is how many documents one read of commitments covers:
// a bounded transaction and a bounded list of placeholders.
const commitmentBatch = 500

// CollectionState reads the state of the collection a tracking index is
// of: one look at the event log's newest entry and the versions' sums.
func (s *Store) CollectionState(ctx context.Context) (entente.CollectionState, error) {
	return readCollectionState(ctx, s.rdb)
}

func readCollectionState(ctx context.Context, q rowQuerier) (entente.CollectionState, error) {
	var st entente.CollectionState
	err := q.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(seq), 0) FROM events),
		(SELECT CAST(coalesce(sum(versions), 0) AS BIGINT) FROM collection_stats)`).Scan(&st.Events, &st.Versions)
	if err != nil {
		return st, fmt.Errorf("read the state of the collection: %w", err)
	}
	return st, nil
}

// CommitmentChanges gives each the commitments of the documents that
// changed since the state since, in batches of documents, or of every
// document when since is the zero state or the events since it do not
// tell what changed (all is then true, and the index replaces everything
// it held). It returns the state it read before the commitments: a change
// that commits while they are read is in a later event, whose document
// the next call reads again.
func (s *Store) CommitmentChanges(ctx context.Context, since entente.CollectionState,
	each func(*entente.CommitmentBatch) error) (now entente.CollectionState, all bool, err error) {
	now, err = s.CollectionState(ctx)
	if err != nil {
		return now, false, err
	}
	var docs []int64
	all = since == (entente.CollectionState{}) || now.Events < since.Events
	if !all {
		var changed map[int64]bool
		changed, all, err = s.changedForTracking(ctx, since.Events)
		if err != nil {
			return now, false, err
		}
		docs = slices.Sorted(maps.Keys(changed))
		if len(docs) == 0 && now.Versions != since.Versions {
			all = true // versions came or went without an event that says which
		}
	}
	if all {
		if docs, err = s.documentIDs(ctx); err != nil {
			return now, false, err
		}
	}
	if err := s.eachCommitmentBatch(ctx, docs, each); err != nil {
		return now, false, err
	}
	return now, all, nil
}

// eachCommitmentBatch reads the commitments of docs a batch at a time,
// each batch in its own read transaction, and hands them to each in the
// order of docs. Up to one batch a core is read ahead while each takes in
// the one before: read one after another, the batches of a tracker's
// first read left a core idle (30 s at 100,000 statements, two million
// commitments, on two cores). What is read ahead is bounded by the
// number of readers, and each returning an error stops the reading.
func (s *Store) eachCommitmentBatch(ctx context.Context, docs []int64, each func(*entente.CommitmentBatch) error) error {
	size := commitmentBatch
	if s.commitmentBatchSize > 0 {
		size = s.commitmentBatchSize
	}
	chunks := slices.Collect(slices.Chunk(docs, size))
	if len(chunks) == 0 {
		return nil
	}
	type read struct {
		b   *entente.CommitmentBatch
		err error
	}
	results := make([]chan read, len(chunks))
	for i := range results {
		results[i] = make(chan read, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	// the readers end before this returns: the store may be closed next
	defer wg.Wait()
	defer cancel()
	slots := make(chan struct{}, min(runtime.GOMAXPROCS(0), len(chunks))) // batches read and not yet handed on
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i, c := range chunks {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				for _, r := range results[i:] { // the reader waits for each in turn
					r <- read{err: ctx.Err()}
				}
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				b, err := s.commitmentBatch(ctx, c)
				results[i] <- read{b, err}
			}()
		}
	}()
	for i := range chunks {
		r := <-results[i]
		<-slots
		if r.err == nil {
			r.err = ctx.Err() // read before the caller gave up: not handed on
		}
		if r.err != nil {
			return r.err
		}
		if err := each(r.b); err != nil {
			return err
		}
	}
	return nil
}

// changedForTracking returns the documents the events after seq name,
// and whether an event names none and may change commitments (an import,
// a replay), which asks for every document to be read again. The full-text
// index's catching up changes no commitment.
func (s *Store) changedForTracking(ctx context.Context, seq int64) (docs map[int64]bool, rebuild bool, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		docs, rebuild, err = documentsChangedSince(ctx, tx, seq, func(entity, action string, doc int64) bool {
			return entity == "document" && action == "index" || doc == 0 && unseenByTracking(entity)
		})
		return err
	})
	return docs, rebuild, err
}

// unseenByTracking says whether changes of entity that name no document
// leave every commitment as it was: evidence (a status names its own),
// accounts and their tokens, settings, the registry of names and
// follow-up decisions (one accepted sets a status, with its own event).
func unseenByTracking(entity string) bool {
	switch entity {
	case "evidence", "user", "api_token", "setting", "registry", "source", "followup":
		return true
	}
	return false
}

// documentIDs lists every document, withdrawn or not.
func (s *Store) documentIDs(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := s.read(ctx, func(tx *sql.Tx) error {
		return queryRows(ctx, tx, `SELECT id FROM documents ORDER BY id`, nil, func(rows *sql.Rows) error {
			var id int64
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	return ids, nil
}

// commitmentBatch reads the commitments of docs, in one transaction.
func (s *Store) commitmentBatch(ctx context.Context, docs []int64) (*entente.CommitmentBatch, error) {
	b := &entente.CommitmentBatch{Asked: docs}
	err := s.read(ctx, func(tx *sql.Tx) error {
		var a args
		in := list(&a, docs)
		byID := map[int64]int{}
		err := queryRows(ctx, tx, `SELECT id, signed_date, withdrawn_at IS NOT NULL FROM documents WHERE id IN (`+in+`) ORDER BY id`, a,
			func(rows *sql.Rows) error {
				var d entente.CommitmentDocument
				var date sql.NullString
				if err := rows.Scan(&d.ID, &date, &d.Withdrawn); err != nil {
					return err
				}
				d.SignedDate, d.Parties = date.String, []string{}
				byID[d.ID] = len(b.Documents)
				b.Documents = append(b.Documents, d)
				return nil
			})
		if err != nil {
			return fmt.Errorf("read documents: %w", err)
		}
		err = queryRows(ctx, tx, `SELECT document_id, party FROM document_parties WHERE document_id IN (`+in+`) ORDER BY document_id, position`, a,
			func(rows *sql.Rows) error {
				var id int64
				var p string
				if err := rows.Scan(&id, &p); err != nil {
					return err
				}
				if i, ok := byID[id]; ok {
					b.Documents[i].Parties = append(b.Documents[i].Parties, p)
				}
				return nil
			})
		if err != nil {
			return fmt.Errorf("read parties: %w", err)
		}
		if len(b.Documents) == 0 {
			return nil
		}
		ls, err := listCommitmentsOf(ctx, tx, docs)
		if err != nil {
			return err
		}
		b.Commitments = make([]entente.ListedCommitment, len(ls))
		for i := range ls {
			b.Commitments[i] = entente.ListedCommitment{TrackedCommitment: ls[i].TrackedCommitment, SentenceID: ls[i].sentenceID}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read commitments: %w", err)
	}
	return b, nil
}

// CommitmentsBySentence reads the commitments of the sentences ids in
// full (text, statuses, corrections applied), in the order of ids; a
// sentence that is no longer a commitment is left out.
func (s *Store) CommitmentsBySentence(ctx context.Context, ids []int64) ([]entente.TrackedCommitment, error) {
	page := []entente.TrackedCommitment{}
	if len(ids) == 0 {
		return page, nil
	}
	err := s.read(ctx, func(tx *sql.Tx) error {
		ls, err := listCommitments(ctx, tx, entente.CommitmentFilter{Withdrawn: true}, ids)
		if err != nil {
			return err
		}
		byID := make(map[int64]*listed, len(ls))
		for i := range ls {
			byID[ls[i].sentenceID] = &ls[i]
		}
		for _, id := range ids {
			if l := byID[id]; l != nil {
				page = append(page, l.TrackedCommitment)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read a page of commitments: %w", err)
	}
	return page, nil
}
