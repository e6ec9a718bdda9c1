package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// matchIDsChunk is how many matches one statement of matchIDs lists: a
// text of some 500 kB at most, however many a query has.
const matchIDsChunk = 1 << 16

// matchIDs passes found the id of every sentence the full-text index
// matches with match (Dialect.MatchQuery or PhraseQuery), in chunks of
// chunk (matchIDsChunk, or math.MaxInt32 for all at once) listed in one
// text each (Dialect.MatchIDs).
func (s *Store) matchIDs(ctx context.Context, tx *sql.Tx, match string, chunk int, found func(int64)) error {
	if s.matchChunk > 0 {
		chunk = s.matchChunk
	}
	var after int64
	for {
		var a args
		q := s.dialect.MatchIDs(a.add(match), a.add(after), chunk)
		var list sql.NullString
		err := s.queryRows(ctx, tx, q, a, func(rows *sql.Rows) error { return rows.Scan(&list) })
		if err != nil {
			return err
		}
		n, last, err := eachListedID(list.String, found)
		if err != nil {
			return fmt.Errorf("read matches: %w", err)
		}
		if n < chunk {
			return nil
		}
		if last <= after {
			return errors.New("read matches: the index listed no id past the last chunk")
		}
		after = last
	}
}

// eachListedID passes found each id of list, decimals joined by commas, and
// returns how many there were and the largest.
func eachListedID(list string, found func(int64)) (n int, largest int64, err error) {
	if list == "" {
		return 0, 0, nil
	}
	var id int64
	digits := 0
	for i := 0; i <= len(list); i++ {
		if i < len(list) && list[i] != ',' {
			c := list[i]
			if c < '0' || c > '9' || digits == 18 {
				return 0, 0, fmt.Errorf("not an id at byte %d", i)
			}
			id, digits = id*10+int64(c-'0'), digits+1
			continue
		}
		if digits == 0 {
			return 0, 0, fmt.Errorf("an empty id at byte %d", i)
		}
		found(id)
		n, largest = n+1, max(largest, id)
		id, digits = 0, 0
	}
	return n, largest, nil
}
