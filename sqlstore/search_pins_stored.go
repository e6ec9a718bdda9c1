package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente/internal/snapbytes"
	"github.com/entente/entente/search"
)

// The pinned matches written down (migration 0066): a row of search_pins
// each, of the state of the search index's snapshot (its events), written
// with it. A store that reads the snapshot lists the rows (lazy) and reads
// one when a search of its query comes: a command reads the one it needs,
// where reading them all with the snapshot cost 0.7 s at 100,000
// statements. An index that must be brought up to date reads them all
// first, so that the update keeps them (update).

var errBadPin = errors.New("not a pinned query's row")

// maxPinnedRow bounds a row of search_pins as read: a bitmap of 100
// million numbers in roaring's dense containers is 12.5 MB.
const maxPinnedRow = 1 << 26

// lazyPin is a row of search_pins not read yet: the count of the index of
// its query's one term (-1 unknown), and that term's key in the dfCache.
type lazyPin struct {
	df    int64
	dfKey string
}

// listPins notes the rows of search_pins of the snapshot x was read from
// as the pinned matches x's searches read when they need them.
func (s *Store) listPins(ctx context.Context, tx *sql.Tx, x *labelIndex) error {
	lazy := map[string]lazyPin{}
	err := queryRows(ctx, tx, `SELECT query, df, terms FROM search_pins WHERE events = $1`, []any{x.key.events}, func(rows *sql.Rows) error {
		var (
			key   string
			p     lazyPin
			terms []byte
		)
		if err := rows.Scan(&key, &p.df, &terms); err != nil {
			return err
		}
		r := &snapReader{snapbytes.NewReader(terms, errBadPin, maxPinnedRow)}
		if q := r.terms(); r.Err == nil && len(q) > 0 && termsKey(q) == key {
			if len(q) == 1 {
				p.dfKey = dfKey(q[0])
			} else {
				p.df = -1
			}
			lazy[key] = p
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("list pinned matches: %w", err)
	}
	c := x.cache
	c.mu.Lock()
	c.lazy, c.lazyEvents = lazy, x.key.events
	c.mu.Unlock()
	return nil
}

// readPin reads the pinned matches of key written with the snapshot of
// events, or nil when the row is gone (another process wrote a newer
// snapshot) or does not read back whole.
func (s *Store) readPin(ctx context.Context, tx *sql.Tx, x *labelIndex, key string, events, df int64) (*matchEntry, error) {
	var e *matchEntry
	err := s.queryRows(ctx, tx, `SELECT terms, data FROM search_pins WHERE query = $1 AND events = $2`, []any{key, events}, func(rows *sql.Rows) error {
		var terms, data []byte
		if err := rows.Scan(&terms, &data); err != nil {
			return err
		}
		e = decodePin(terms, data, len(x.ids), key, df)
		s.pinsRead.Add(1)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read the pinned matches of %s: %w", key, err)
	}
	return e, nil
}

// readLazyPins reads every pinned match of x's rows not read yet, so that
// an update keeps them, and returns how many it read.
func (s *Store) readLazyPins(ctx context.Context, tx *sql.Tx, x *labelIndex) (int, error) {
	c := x.cache
	c.mu.Lock()
	pending, events := len(c.lazy), c.lazyEvents
	c.mu.Unlock()
	if pending == 0 {
		return 0, nil
	}
	read := map[string]*matchEntry{}
	err := queryRows(ctx, tx, `SELECT query, df, terms, data FROM search_pins WHERE events = $1`, []any{events}, func(rows *sql.Rows) error {
		var (
			key         string
			df          int64
			terms, data []byte
		)
		if err := rows.Scan(&key, &df, &terms, &data); err != nil {
			return err
		}
		if e := decodePin(terms, data, len(x.ids), key, df); e != nil {
			read[key] = e
		}
		s.pinsRead.Add(1)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("read the pinned matches: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for key := range c.lazy {
		if e := read[key]; e != nil && c.matches[key] == nil {
			c.add(key, e)
		}
	}
	c.lazy = nil
	return len(read), nil
}

// decodePin makes a row's pinned matches, or nil when they do not read
// back whole as a query of key with numbers under limit.
func decodePin(terms, data []byte, limit int, key string, df int64) *matchEntry {
	if len(terms) > maxPinnedRow || len(data) > maxPinnedRow {
		return nil
	}
	r := &snapReader{snapbytes.NewReader(terms, errBadPin, maxPinnedRow)}
	q := r.terms()
	if r.Err != nil || len(r.B) != 0 || q.Positional() || termsKey(q) != key || df >= 0 && len(q) != 1 {
		return nil
	}
	b := roaring.New()
	if read, err := readBitmap(b, data); err != nil || read != int64(len(data)) || !b.IsEmpty() && int64(b.Maximum()) >= int64(limit) {
		return nil
	}
	return &matchEntry{terms: q, b: b, pinned: true, df: df, stored: true}
}

// savePins writes the pinned matches of x as the rows of its snapshot,
// in tx, which wrote that snapshot, and returns those it wrote: rows of the snapshot its cache was
// read from stay, their matches the same (a cache is shared only by
// states whose searches find the same), and are marked of x's; others go.
func (s *Store) savePins(ctx context.Context, tx *sql.Tx, x *labelIndex) ([]*matchEntry, error) {
	c := x.cache
	c.mu.Lock()
	from := c.lazyEvents
	var write []*matchEntry
	for _, e := range c.matches {
		if e.pinned && !(e.stored && from != 0) {
			write = append(write, e)
		}
	}
	c.mu.Unlock()
	if from != 0 && from != x.key.events {
		if _, err := tx.ExecContext(ctx, `UPDATE search_pins SET events = $1 WHERE events = $2`, x.key.events, from); err != nil {
			return nil, fmt.Errorf("keep the pinned matches: %w", err)
		}
	}
	keep := x.key.events
	if from == 0 {
		keep = -1 // none of the rows is of this cache
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM search_pins WHERE events <> $1`, keep); err != nil {
		return nil, fmt.Errorf("drop the pinned matches of an older snapshot: %w", err)
	}
	for _, e := range write {
		var w snapWriter
		w.terms(e.terms)
		var data bytes.Buffer
		if _, err := e.b.WriteTo(&data); err != nil {
			return nil, fmt.Errorf("write a bitmap: %w", err)
		}
		// the count of the index is of x's state, or -1
		_, err := tx.ExecContext(ctx, `INSERT INTO search_pins (query, events, terms, df, data) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (query) DO UPDATE SET events = excluded.events, terms = excluded.terms, df = excluded.df, data = excluded.data`,
			termsKey(e.terms), x.key.events, w.B, e.df, data.Bytes())
		if err != nil {
			return nil, fmt.Errorf("save the pinned matches of %v: %w", e.terms, err)
		}
	}
	return write, nil
}

// markPinsSaved records that x's snapshot was saved with the rows of
// written and those its cache had (matches pinned meanwhile are written
// by the next).
func markPinsSaved(x *labelIndex, written []*matchEntry) {
	c := x.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.lazyEvents = x.key.events
	for _, e := range written {
		e.stored = true
	}
}

// terms writes a query's terms by their parts.
func (w *snapWriter) terms(q search.Terms) {
	w.Uvarint(uint64(len(q)))
	for _, t := range q {
		run, words := t.Parts()
		w.String(run)
		if run == "" {
			w.Uvarint(uint64(len(words)))
			for _, word := range words {
				w.String(word)
			}
		}
	}
}

// terms reads a query's terms, or fails r and returns nil.
func (r *snapReader) terms() search.Terms {
	n := r.Count("terms", 2)
	if n == 0 || n > search.MaxTerms {
		r.Fail("%d terms", n)
		return nil
	}
	q := make(search.Terms, 0, n)
	for range n {
		run := r.String("run")
		var words []string
		if run == "" {
			words = make([]string, r.Count("reductions", 1))
			for i := range words {
				words[i] = r.String("reduction")
			}
		}
		if r.Err != nil {
			return nil
		}
		t, err := search.TermFromParts(run, words)
		if err != nil {
			r.Fail("%v", err)
			return nil
		}
		q = append(q, t)
	}
	return q
}
