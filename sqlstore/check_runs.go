package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/entente/entente/search"
)

// checkRunsChunk is how many candidates checkRuns reads in one statement.
const checkRunsChunk = 1000

// checkRuns returns the numbers in x of the sentences ids whose text holds
// every term as the analyzer finds it: the candidates of a run of three or
// more characters, which an index of bigrams without positions cannot
// decide (matches; PostgreSQL's postings, where SQLite's FTS5 answers the
// phrase from its positions). It reads the candidates and their versions a chunk at a
// time on tx, and inflates and checks each chunk on other goroutines
// meanwhile: for a phrase common to most of a library of 100,000 statements,
// inflating the versions' texts was about as long as reading them (2.4 s
// in all), and the first search of such a phrase waited for both in turn
// (docs/decisions.md, "First searches").
func (s *Store) checkRuns(ctx context.Context, tx *sql.Tx, x *labelIndex, ids []int64, terms search.Terms) ([]uint32, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	s.runCandidates.Add(int64(len(ids)))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type chunk struct {
		ids   []int64
		texts *storedSentenceTexts
	}
	// at most one chunk waits for a checker, so that what is read and not
	// yet checked stays a few chunks' worth
	chunks := make(chan chunk, 1)
	var (
		mu      sync.Mutex
		out     []uint32
		failure error
	)
	fail := func(err error) {
		mu.Lock()
		if failure == nil {
			failure = err
		}
		mu.Unlock()
		cancel()
	}
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (len(ids)+checkRunsChunk-1)/checkRunsChunk) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var f inflater
			counter := terms.Counter()
			var found []uint32
			for c := range chunks {
				texts, err := c.texts.texts(&f, &s.texts)
				if err != nil {
					fail(fmt.Errorf("check candidates: %w", err))
					continue // drain, so that the reader is never stuck
				}
				for i, id := range c.ids {
					if slices.Contains(counter.Count(texts[i]).Counts, 0) {
						continue // the index holds every token, not the run
					}
					if n, ok := x.number(id); ok {
						found = append(found, n)
					}
				}
			}
			mu.Lock()
			out = append(out, found...)
			mu.Unlock()
		}()
	}
	err := s.readRunCandidates(ctx, tx, ids, func(read []int64, ts []storedText) error {
		texts, err := readSentenceTexts(ctx, s.candidateQuery(), tx, &s.texts, ts)
		if err != nil {
			return err
		}
		select {
		case chunks <- chunk{read, texts}:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(chunks)
	wg.Wait()
	switch {
	case failure != nil:
		return nil, failure
	case err != nil:
		return nil, fmt.Errorf("check candidates: %w", err)
	}
	return out, nil
}

// candidateQuery is how checkRuns reads: with an array through the
// statement cache where the dialect has arrays, else a list of each
// length, run unprepared.
func (s *Store) candidateQuery() queryFunc {
	if s.arrays() {
		return s.queryRows
	}
	return queryRows
}

// readRunCandidates reads the texts' rows of the sentences ids, a chunk
// at a time, passing each chunk's ids and rows (in the same order) to each.
func (s *Store) readRunCandidates(ctx context.Context, tx *sql.Tx, ids []int64, each func([]int64, []storedText) error) error {
	query := s.candidateQuery()
	for chunk := range slices.Chunk(ids, checkRunsChunk) {
		var a args
		in := "id IN (" + idList(s.dialect, &a, chunk) + ")"
		if s.arrays() {
			a = nil
			in = s.idsIn("id", &a, chunk)
		}
		var (
			read []int64
			ts   []storedText
		)
		err := query(ctx, tx, "SELECT id, "+sentenceTextSQL("sentences")+" FROM sentences WHERE "+in, a, func(rows *sql.Rows) error {
			var (
				id int64
				t  storedText
			)
			if err := rows.Scan(append([]any{&id}, t.dest()...)...); err != nil {
				return err
			}
			read, ts = append(read, id), append(ts, t)
			return nil
		})
		if err != nil {
			return err
		}
		if err := each(read, ts); err != nil {
			return err
		}
	}
	return nil
}
