package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente/search"
)

// analyzerSetting is the store_settings key that names the analyzer the
// search index was built with.
const analyzerSetting = "search.analyzer"

// ensureIndex rebuilds the search index, in one transaction, when it was
// built with another analyzer than this binary's (or never recorded one):
// the tokens a query looks up must be the tokens the index holds. It runs
// once after an upgrade; on an index that is current it reads one row.
func (s *Store) ensureIndex(ctx context.Context) error {
	current := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (bool, error) {
		var v string
		err := q.QueryRowContext(ctx, `SELECT value FROM store_settings WHERE key = $1`, analyzerSetting).Scan(&v)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return v == search.Analyzer, err
	}
	if ok, err := current(s.db); err != nil || ok {
		if err != nil {
			return fmt.Errorf("read search index settings: %w", err)
		}
		return nil
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		// Two processes opening the store at once rebuild it once.
		if err := s.dialect.LockMigrations(ctx, tx); err != nil {
			return err
		}
		if ok, err := current(tx); err != nil || ok {
			return err
		}
		if err := s.dialect.ClearIndex(ctx, tx); err != nil {
			return err
		}
		if err := s.reindex(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			INSERT INTO store_settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, analyzerSetting, search.Analyzer)
		return err
	})
	if err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	return nil
}

// reindex writes the index rows of every sentence, a page at a time, and
// each version's token count, which ranking normalises by.
func (s *Store) reindex(ctx context.Context, tx *sql.Tx) error {
	// every sentence is indexed here, the queued ones too
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_pending`); err != nil {
		return fmt.Errorf("clear the index queue: %w", err)
	}
	const pageSize = 5000
	tokens := map[int64]int{} // by version
	for last := int64(0); ; {
		var (
			rows []IndexRow
			ts   []storedText
		)
		err := queryRows(ctx, tx, `SELECT id, `+sentenceTextSQL("sentences")+` FROM sentences WHERE id > $1 ORDER BY id LIMIT $2`,
			[]any{last, pageSize}, func(r *sql.Rows) error {
				var t storedText
				if err := r.Scan(append([]any{&last}, t.dest()...)...); err != nil {
					return err
				}
				rows, ts = append(rows, IndexRow{SentenceID: last}), append(ts, t)
				return nil
			})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			break
		}
		texts, err := sentenceTexts(ctx, queryRows, tx, nil, ts)
		if err != nil {
			return err
		}
		for i := range rows {
			rows[i].Tokens = search.Tokens(texts[i])
			tokens[ts[i].version] += len(rows[i].Tokens)
		}
		if err := s.dialect.InsertIndex(ctx, tx, rows); err != nil {
			return err
		}
	}
	for vid, n := range tokens {
		if _, err := tx.ExecContext(ctx, `UPDATE versions SET token_count = $1 WHERE id = $2`, n, vid); err != nil {
			return err
		}
	}
	return nil
}
