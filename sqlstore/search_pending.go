package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/search"
)

// The full-text index behind the commit (issue 18, item 3). A batch
// ingest may leave the index of its new versions to a background indexer:
// the versions are committed with their sentences and labels, and queued
// in search_pending in the same transaction; IndexPending writes their
// index rows later, in transactions of its own. Nothing is lost on a
// crash: a version committed is indexed or queued, and the next indexer
// (any server's, or the CLI's) resumes. Search finds a queued version's
// sentences once it is indexed; IndexLag says how many statements wait.
// Single writes (an upload, a correction, a re-extraction) index at once.

// deferIndexKey marks a context whose new documents leave their index to
// the background indexer.
type deferIndexKey struct{}

// DeferIndex returns a context under which CreateDocuments commits new
// documents without their full-text index and queues them for
// IndexPending: a batch ingest's commits then cost less, and search finds
// the documents once the indexer has caught up.
func DeferIndex(ctx context.Context) context.Context {
	return context.WithValue(ctx, deferIndexKey{}, true)
}

func indexDeferred(ctx context.Context) bool {
	v, _ := ctx.Value(deferIndexKey{}).(bool)
	return v
}

// queueIndex writes the search_pending rows of the versions of vs whose
// index is deferred.
func (s *Store) queueIndex(ctx context.Context, tx *sql.Tx, vs []*versionWrite, now time.Time) error {
	var queued []*versionWrite
	for _, w := range vs {
		if w.deferIndex {
			queued = append(queued, w)
		}
	}
	err := s.insertRows(ctx, tx, "search_pending", []string{"version_id", "document_id", "sentences", "queued_at"}, len(queued),
		func(i int) []any { return []any{queued[i].vid, queued[i].did, len(queued[i].sents), now} }, "", nil)
	if err != nil {
		return fmt.Errorf("queue search index: %w", err)
	}
	return nil
}

// SearchLag reads how far the full-text index is behind the commits:
// the statements (versions) queued and not yet searchable.
func (s *Store) SearchLag(ctx context.Context) (entente.SearchLag, error) {
	var (
		l      entente.SearchLag
		oldest sql.NullTime
	)
	err := s.rdb.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(sentences), 0) FROM search_pending`).
		Scan(&l.Statements, &l.Sentences)
	if err != nil || l.Statements == 0 {
		if err != nil {
			return entente.SearchLag{}, fmt.Errorf("read search index lag: %w", err)
		}
		return l, nil
	}
	// apart, so that SQLite's driver sees the column's type (an aggregate
	// of it comes back as text); versions are queued in order of their ids
	err = s.rdb.QueryRowContext(ctx, `SELECT queued_at FROM search_pending ORDER BY version_id LIMIT 1`).Scan(&oldest)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return entente.SearchLag{}, fmt.Errorf("read search index lag: %w", err)
	}
	if oldest.Valid {
		t := oldest.Time.UTC()
		l.Oldest = &t
	}
	return l, nil
}

// indexChunk is how many queued versions one transaction of the indexer
// takes: some forty sentences each, so about as many index rows as a
// batch's group of new documents writes.
const indexChunk = 32

// IndexPending indexes up to limit queued versions (indexChunk when limit
// is 0) in one transaction and returns how many it indexed. Each version's
// sentences are tokenized, their index rows written, the version's token
// count set and its queue row deleted, and the document gets an "index"
// event, which tells the in-memory search index to read the document again
// (searchindex_update.go) instead of building anew. On PostgreSQL the
// versions are claimed with FOR UPDATE SKIP LOCKED, so indexers on several
// servers take different versions and each version is indexed once.
func (s *Store) IndexPending(ctx context.Context, limit int) (int, error) {
	if limit <= 0 {
		limit = indexChunk
	}
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		n = 0
		type queued struct{ vid, did int64 }
		var qs []queued
		err := queryRows(ctx, tx, `SELECT version_id, document_id FROM search_pending ORDER BY version_id LIMIT `+
			strconv.Itoa(limit)+` `+s.dialect.SkipLocked(), nil, func(rows *sql.Rows) error {
			var q queued
			err := rows.Scan(&q.vid, &q.did)
			qs = append(qs, q)
			return err
		})
		if err != nil || len(qs) == 0 {
			return err
		}
		vids := make([]int64, len(qs))
		for i, q := range qs {
			vids[i] = q.vid
		}
		rows, tokens, err := s.indexRowsOf(ctx, tx, vids)
		if err != nil {
			return err
		}
		if err := s.planWrites(ctx, tx); err != nil {
			return err
		}
		for _, q := range qs {
			if _, err := tx.ExecContext(ctx, `UPDATE versions SET token_count = $1 WHERE id = $2`, tokens[q.vid], q.vid); err != nil {
				return fmt.Errorf("version %d: token count: %w", q.vid, err)
			}
			if err := s.logChangeOf(ctx, tx, change{action: "index", entity: "document", id: q.did, document: q.did,
				after: map[string]any{"version": q.vid}}); err != nil {
				return err
			}
		}
		var a args
		if _, err := tx.ExecContext(ctx, `DELETE FROM search_pending WHERE version_id IN (`+idList(s.dialect, &a, vids)+`)`, a...); err != nil {
			return fmt.Errorf("dequeue: %w", err)
		}
		// last, as CreateDocuments does: SQLite's FTS5 flushes once
		if err := s.insertIndex(ctx, tx, rows); err != nil {
			return fmt.Errorf("insert search index: %w", err)
		}
		n = len(qs)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("index queued versions: %w", err)
	}
	return n, nil
}

// indexRowsOf reads the sentences of versions vids and returns their index
// rows and each version's token count.
func (s *Store) indexRowsOf(ctx context.Context, tx *sql.Tx, vids []int64) ([]IndexRow, map[int64]int, error) {
	var (
		a    args
		rows []IndexRow
		ts   []storedText
	)
	err := queryRows(ctx, tx, `SELECT id, `+sentenceTextSQL("sentences")+` FROM sentences WHERE version_id IN (`+idList(s.dialect, &a, vids)+
		`) ORDER BY version_id, position`, a, func(r *sql.Rows) error {
		var (
			id int64
			t  storedText
		)
		if err := r.Scan(append([]any{&id}, t.dest()...)...); err != nil {
			return err
		}
		rows, ts = append(rows, IndexRow{SentenceID: id}), append(ts, t)
		return nil
	})
	if err != nil {
		return nil, nil, fmt.Errorf("read queued sentences: %w", err)
	}
	// most rows hold offsets into their version's text (migration 0026)
	texts, err := sentenceTexts(ctx, queryRows, tx, nil, ts)
	if err != nil {
		return nil, nil, fmt.Errorf("read queued sentences' texts: %w", err)
	}
	tokens := make(map[int64]int, len(vids))
	tz := search.NewTokenizer()
	lastVersion := int64(-1)
	for i := range rows {
		if vid := ts[i].version; vid != lastVersion {
			tz, lastVersion = search.NewTokenizer(), vid // one per version, as a write has
		}
		rows[i].Tokens = tz.Tokens(texts[i])
		tokens[ts[i].version] += len(rows[i].Tokens)
	}
	return rows, tokens, nil
}

// DrainIndex indexes every queued version, a transaction at a time, and
// returns how many it indexed. Another indexer may take some meanwhile.
// Then it merges the near-duplicate sketches staged on SQLite once they
// are many (mergeStagedSketches), on PostgreSQL it folds the index rows
// written since the last fold into the postings (postings.go), whoever
// wrote them, and on SQLite it merges the full-text index's segments that
// writes left (mergeIndex).
func (s *Store) DrainIndex(ctx context.Context) (int, error) {
	total := 0
	for {
		n, err := s.IndexPending(ctx, 0)
		total += n
		if err != nil {
			return total, err
		}
		if n == 0 {
			// the near-duplicate sketches staged, merged in one pass
			// once they are many (near_recent.go)
			if err := s.mergeStagedSketches(ctx); err != nil {
				return total, err
			}
			if _, err := s.foldIndex(ctx); err != nil {
				return total, err
			}
			_, err := s.mergeIndex(ctx)
			return total, err
		}
	}
}

// indexMerger is a dialect whose full-text index leaves the merging of
// its segments to the indexer (SQLite's FTS5 with automerge off, its
// migration 0050): each write adds a segment, and the indexer merges them
// in steps of bounded work, so that no write waits for the merge of a
// level that grows with the collection.
type indexMerger interface {
	// MergeIndexStep merges a bounded amount in tx and says whether
	// there was anything to merge.
	MergeIndexStep(ctx context.Context, tx *sql.Tx) (bool, error)
}

// mergeIndex merges the full-text index's segments, a step a transaction,
// until no level is left to merge, and returns how many steps merged.
// Other writes, this process's or another's, go on between the steps.
func (s *Store) mergeIndex(ctx context.Context) (int, error) {
	m, ok := s.dialect.(indexMerger)
	if !ok {
		return 0, nil
	}
	steps := 0
	for {
		more := false
		err := s.write(ctx, func(tx *sql.Tx) error {
			var err error
			more, err = m.MergeIndexStep(ctx, tx)
			return err
		})
		if err != nil {
			return steps, fmt.Errorf("merge search index: %w", err)
		}
		if !more {
			return steps, nil
		}
		steps++
	}
}

// RunIndexer drains the queue every interval (and at once) until ctx
// ends: a server's background indexer. Failures are logged and tried
// again at the next tick. Every statisticsEvery it also refreshes the
// planner's statistics (RefreshStatistics), as the store's open did.
func (s *Store) RunIndexer(ctx context.Context, log *slog.Logger, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	analyzed := time.Now()
	for {
		if n, err := s.DrainIndex(ctx); err != nil && ctx.Err() == nil {
			log.Error("search indexer", "err", err)
		} else if n > 0 {
			log.Info("search indexer caught up", "statements", n)
		}
		if time.Since(analyzed) >= s.statisticsEvery() {
			analyzed = time.Now()
			if err := s.RefreshStatistics(ctx); err != nil && ctx.Err() == nil {
				log.Error("planner's statistics", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
