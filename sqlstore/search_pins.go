package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/entente/entente/search"
)

// Pinned matches (issue 18, item 1). A query's first search reads its
// matches from the full-text index: on SQLite FTS5 lists them a row at a
// time through its virtual table, some 0.2 µs a match, so that the
// commonest character of a library of 100,000 statements (合, 1.4 million
// matches) took 0.6 s and a common word 0.2 s, however often they had
// been searched before the library last changed. The matches of a query
// that many sentences hold are pinned: kept through every update of the
// index (each sentence read again is checked against all pinned queries
// with one scan of its text, search.TokenSet), never dropped to make room,
// and written down beside the index's snapshot, a row each, which a new
// process reads as its searches need them (search_pins_stored.go). A server reads those of the commonest tokens once the index
// is built (PinCommon), so that the first reader of 合 does not wait.
// Phrases are not pinned: a token set does not keep positions, and a
// phrase's matches are fewer than its rarest bigram's.

// defaultPinMatches is how many matches make a query's pinned: listing
// that many takes FTS5 some 20 ms on this machine, a third of a search's
// budget.
const defaultPinMatches = 100_000

// maxPinnedBytes bounds the pinned matches of one index: at 100,000
// statements (3.7 million sentences) a query held by a tenth of them
// takes some 0.4 MB, so this pins the 150 or so commonest.
const maxPinnedBytes = 64 << 20

func (s *Store) pinMatches() int {
	if s.PinMatches > 0 {
		return s.PinMatches
	}
	return defaultPinMatches
}

// pinnable says whether terms whose index lists listed matches are pinned.
func (s *Store) pinnable(terms search.Terms, listed int) bool {
	return listed >= s.pinMatches() && !terms.Positional()
}

// matchChecker checks the sentences an update reads again against the
// kept matches: pinned ones by their tokens, one scan of a text for all,
// the others each by counting its terms in the text.
type matchChecker struct {
	counted, pinned []*matchCheck
	tokens          *search.Tokenizer
	set             *search.TokenSet
}

func newMatchChecker(checks []*matchCheck) *matchChecker {
	m := &matchChecker{}
	for _, c := range checks {
		if c.pinned {
			m.pinned = append(m.pinned, c)
		} else {
			m.counted = append(m.counted, c)
		}
	}
	if len(m.pinned) > 0 {
		m.tokens, m.set = search.NewTokenizer(), search.NewTokenSet()
	}
	return m
}

// check adds sentence n, whose text is text, to the matches it holds.
func (m *matchChecker) check(n uint32, text string) {
	for _, c := range m.counted {
		c.check(n, text)
	}
	if len(m.pinned) == 0 {
		return
	}
	m.set.Reset(m.tokens.Tokens(text))
	for _, c := range m.pinned {
		if c.terms.HeldIn(m.set) {
			c.added = append(c.added, n)
		}
	}
}

// vocabularyDialect is a Dialect whose full-text index tells how many
// sentences hold each token (SQLite's FTS5, through fts5vocab).
type vocabularyDialect interface {
	// CommonTokens is a query of one parameter, the least count, that
	// lists the tokens held by at least that many sentences with their
	// counts.
	CommonTokens(least string) string
}

// maxPinCandidates bounds the tokens PinCommon reads the matches of.
const maxPinCandidates = 400

// PinCommon reads and pins the matches of the characters and two-character
// words that the most sentences hold, commonest first, until the pinned
// matches reach their bound, and returns how many it pinned. A server runs
// it in the background once its index is built (at 100,000 statements
// some 15-20 s of one core, once: the pins are kept beside the snapshot). Only
// an index that lists its tokens' counts is read so (SQLite); PostgreSQL's
// postings list a common token's matches in some 70 ms.
func (s *Store) PinCommon(ctx context.Context) (int, error) {
	vd, ok := s.dialect.(vocabularyDialect)
	if !ok {
		return 0, nil
	}
	type candidate struct {
		text  string
		count int64
	}
	var cands []candidate
	err := s.read(ctx, func(tx *sql.Tx) error {
		chars := map[rune]int64{}
		words := map[string]int64{}
		var a args
		err := queryRows(ctx, tx, vd.CommonTokens(a.add(s.pinMatches()/4)), a, func(rows *sql.Rows) error {
			var (
				tok   string
				count int64
			)
			if err := rows.Scan(&tok, &count); err != nil {
				return err
			}
			runes := []rune(tok)
			if q := search.Query(tok); len(runes) > 2 || len(q) != 1 || !q[0].Characters() || !slices.Equal(q[0].Tokens, []string{tok}) {
				return nil // a word, whose query looks up its reductions, not this token
			}
			// a character's matches are the sentences holding any token it
			// begins: their counts' sum bounds them
			chars[runes[0]] += count
			if len(runes) == 2 {
				words[tok] = count
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("read the commonest tokens: %w", err)
		}
		least := int64(s.pinMatches())
		for r, n := range chars {
			if n >= least {
				cands = append(cands, candidate{string(r), n})
			}
		}
		for w, n := range words {
			if n >= least {
				cands = append(cands, candidate{w, n})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.count, a.count), cmp.Compare(a.text, b.text))
	})
	pinned := 0
	for _, c := range cands[:min(len(cands), maxPinCandidates)] {
		terms := search.Query(c.text)
		if len(terms) == 0 || terms.Positional() {
			continue
		}
		full := false
		err := s.read(ctx, func(tx *sql.Tx) error {
			x, err := s.labels(ctx, tx)
			if err != nil {
				return err
			}
			e, err := s.matchEntry(ctx, tx, x, terms)
			if err != nil {
				return err
			}
			if e.pinned {
				pinned++
			}
			x.cache.mu.Lock()
			full = x.cache.pinned >= maxPinnedBytes*15/16
			x.cache.mu.Unlock()
			return nil
		})
		if err != nil {
			return pinned, fmt.Errorf("pin the matches of %q: %w", c.text, err)
		}
		if full {
			break
		}
	}
	s.keepSnapshot(ctx)
	return pinned, nil
}

// PinnedMatches says how many queries' matches the search index held
// now pins (those written down and not read yet among them), and the
// bytes those read hold.
func (s *Store) PinnedMatches() (queries int, bytes uint64) {
	x := s.index.get()
	if x == nil {
		return 0, 0
	}
	x.cache.mu.Lock()
	defer x.cache.mu.Unlock()
	for _, e := range x.cache.matches {
		if e.pinned {
			queries++
		}
	}
	return queries + len(x.cache.lazy), x.cache.pinned
}
