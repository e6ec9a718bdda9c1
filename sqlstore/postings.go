package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/entente/entente/search"
)

// PostgreSQL's full-text index in two tiers (migration 0032; issue 18,
// item 3). New sentences are written as before, a row each in
// sentence_search under its GIN index (the fresh tier: cheap to insert
// and to delete). foldIndex then moves them into search_postings, a row
// per token and block of sentence ids listing the sentences that hold it
// (postings_codec.go), which costs some 0.5 times the text where the
// fresh rows with their GIN index cost 2.8 times. A sentence is in one
// tier at a time: the fold deletes the rows it moves in the transaction
// that appends them. A deleted sentence's id is noted in search_gone by a
// trigger, and readers take it out of what the postings list, until a
// fold finds enough of them to purge them from their blocks
// (postings_purge.go).

// postingsDialect is a Dialect whose full-text index is folded into
// postings (PostgreSQL).
type postingsDialect interface {
	Postings() bool
}

func (s *Store) postings() bool {
	d, ok := s.dialect.(postingsDialect)
	return ok && d.Postings()
}

// foldIndex moves every fresh index row into the postings, a block of
// sentence ids per transaction (at most some 900 statements' rows: a few
// MB of tokens read, so that a writer waits a fraction of a second and an
// upgrade stopped halfway keeps what it folded), and returns how many it
// moved. A block's rows are written once when its fresh rows are folded
// together, as in an upgrade or after a batch; a fold of part of a block
// appends to its rows, which leaves their old versions for VACUUM. One
// folder runs at a time per database (an advisory lock; another that
// finds it taken returns at once, the rows being folded by the first).
func (s *Store) foldIndex(ctx context.Context) (int, error) {
	if !s.postings() {
		return 0, nil
	}
	total := 0
	for {
		n := 0
		err := s.write(ctx, func(tx *sql.Tx) error {
			var got bool
			if err := tx.QueryRowContext(ctx, `SELECT pg_try_advisory_xact_lock(hashtext('entente fold ' || current_schema()))`).Scan(&got); err != nil || !got {
				return err
			}
			var err error
			n, err = s.foldChunk(ctx, tx)
			return err
		})
		total += n
		if err != nil {
			return total, fmt.Errorf("fold search index: %w", err)
		}
		if n == 0 {
			break
		}
	}
	if err := s.purgeGone(ctx); err != nil {
		return total, err
	}
	if total < foldCompact {
		return total, nil
	}
	// The fresh rows' table and its indexes keep the pages the moved rows
	// held: after a large fold (an upgrade, a batch), they are compacted.
	if err := s.compactTable(ctx, "sentence_search"); err != nil {
		return total, fmt.Errorf("fold search index: %w", err)
	}
	return total, nil
}

// tableCompacter is a dialect that can give back the pages of a table
// whose rows were moved elsewhere (PostgreSQL; SQLite keeps freed pages in
// the file until VACUUM or a backup).
type tableCompacter interface {
	CompactTable(ctx context.Context, db *sql.DB, table string) error
}

func (s *Store) compactTable(ctx context.Context, table string) error {
	if c, ok := s.dialect.(tableCompacter); ok {
		return c.CompactTable(ctx, s.db, table)
	}
	return nil
}

// foldCompact is the number of rows moved from which a fold compacts the
// fresh rows' table.
const foldCompact = 10000

// postingKey is a row of search_postings.
type postingKey struct {
	token string
	block int32
}

// foldChunk moves the fresh rows of the block of the lowest id.
func (s *Store) foldChunk(ctx context.Context, tx *sql.Tx) (int, error) {
	var first sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT min(sentence_id) FROM sentence_search`).Scan(&first); err != nil || !first.Valid {
		return 0, err
	}
	block, base := postingBlock(first.Int64)
	var (
		ids  []int64
		runs = map[postingKey][]int64{}
	)
	err := queryRows(ctx, tx, `SELECT sentence_id, tokens FROM sentence_search WHERE sentence_id < $1 ORDER BY sentence_id`,
		[]any{base + 1<<postingBlockBits}, func(rows *sql.Rows) error {
			var (
				id     int64
				tokens string
			)
			if err := rows.Scan(&id, &tokens); err != nil {
				return err
			}
			if id < 0 || id > math.MaxUint32 {
				return fmt.Errorf("sentence id %d beyond 32 bits", id)
			}
			ids = append(ids, id)
			for t := range strings.SplitSeq(tokens, " ") {
				if t == "" {
					continue
				}
				k := postingKey{t, block}
				runs[k] = append(runs[k], id) // ascending: rows come in id order
			}
			return nil
		})
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	keys := make([]postingKey, 0, len(runs))
	for k := range runs {
		keys = append(keys, k)
	}
	// in the primary key's order, so that concurrent folds (none: the lock)
	// or readers meet rows in one order
	slices.SortFunc(keys, func(a, b postingKey) int {
		if c := strings.Compare(a.token, b.token); c != 0 {
			return c
		}
		return int(a.block) - int(b.block)
	})
	tokens := make([]string, len(keys))
	blocks := make([]int32, len(keys))
	data := make([][]byte, len(keys))
	for i, k := range keys {
		tokens[i], blocks[i], data[i] = k.token, k.block, appendRun(nil, base, runs[k])
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_postings (token, block, ids)
		SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS integer[]), CAST($3 AS bytea[]))
		ON CONFLICT (token, block) DO UPDATE SET ids = search_postings.ids || excluded.ids`, tokens, blocks, data); err != nil {
		return 0, fmt.Errorf("append postings: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sentence_search WHERE sentence_id = ANY($1)`, ids); err != nil {
		return 0, fmt.Errorf("delete folded rows: %w", err)
	}
	return len(ids), nil
}

// prefixEnd returns the least string above every string that starts with
// p, and false when there is none (p's last character is the last one).
func prefixEnd(p string) (string, bool) {
	r, n := utf8.DecodeLastRuneInString(p)
	if r == utf8.RuneError || r >= utf8.MaxRune {
		return "", false
	}
	next := r + 1
	if next == 0xD800 {
		next = 0xE000 // past the surrogates, which UTF-8 does not hold
	}
	return p[:len(p)-n] + string(next), true
}

// postingMatches returns the sentences that hold terms as the full-text
// index finds them (what MatchIDs lists on the other dialect): the fresh
// rows by their GIN index and the postings of the terms' tokens, read in
// one statement (one snapshot: a fold committing between two reads would
// hide the rows it moved), less the sentences deleted since.
func (s *Store) postingMatches(ctx context.Context, tx *sql.Tx, terms search.Terms) (*roaring.Bitmap, error) {
	var exact, los, his []string
	for _, t := range terms {
		for _, tok := range t.Tokens {
			if !t.Prefix {
				exact = append(exact, tok)
				continue
			}
			end, ok := prefixEnd(tok)
			if !ok {
				end = string(utf8.MaxRune) + string(utf8.MaxRune)
			}
			los, his = append(los, tok), append(his, end)
		}
	}
	var a args
	q := `SELECT 0, '', 0, CAST(NULL AS bytea), sentence_id FROM sentence_search
			WHERE array_to_tsvector(string_to_array(tokens, ' ')) @@ CAST(` + a.add(s.dialect.MatchQuery(terms)) + ` AS tsquery)
		UNION ALL SELECT 1, token, block, ids, 0 FROM search_postings WHERE token = ANY(CAST(` + a.add(exact) + ` AS text[]))
		UNION ALL SELECT 1, p.token, p.block, p.ids, 0 FROM unnest(CAST(` + a.add(los) + ` AS text[]), CAST(` + a.add(his) + ` AS text[])) r (lo, hi)
			JOIN search_postings p ON p.token >= r.lo COLLATE "C" AND p.token < r.hi COLLATE "C"
		UNION ALL SELECT 2, '', 0, CAST(NULL AS bytea), sentence_id FROM search_gone`
	fresh, gone := roaring.New(), roaring.New()
	byToken := map[string]*roaring.Bitmap{}
	err := s.queryRows(ctx, tx, q, a, func(rows *sql.Rows) error {
		var (
			kind  int
			token string
			block int64
			ids   []byte
			id    int64
		)
		if err := rows.Scan(&kind, &token, &block, &ids, &id); err != nil {
			return err
		}
		switch kind {
		case 1:
			b := byToken[token]
			if b == nil {
				b = roaring.New()
				byToken[token] = b
			}
			return decodePostings(ids, block<<postingBlockBits, b.Add)
		case 0, 2:
			if id < 0 || id > math.MaxUint32 {
				return fmt.Errorf("sentence id %d beyond 32 bits", id)
			}
			if kind == 0 {
				fresh.Add(uint32(id))
			} else {
				gone.Add(uint32(id))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := evalPostings(terms, byToken)
	out.Or(fresh)
	out.AndNot(gone)
	return out, nil
}

// evalPostings applies terms to the postings read: every term (of a term
// whose tokens are alternatives, one of them; else all), a prefix token
// standing for every token it begins.
func evalPostings(terms search.Terms, byToken map[string]*roaring.Bitmap) *roaring.Bitmap {
	var out *roaring.Bitmap
	for _, t := range terms {
		var set *roaring.Bitmap
		for _, tok := range t.Tokens {
			var b *roaring.Bitmap
			if t.Prefix {
				b = roaring.New()
				for k, kb := range byToken {
					if strings.HasPrefix(k, tok) {
						b.Or(kb)
					}
				}
			} else if kb := byToken[tok]; kb != nil {
				b = kb.Clone()
			} else {
				b = roaring.New()
			}
			switch {
			case set == nil:
				set = b
			case t.Any:
				set.Or(b)
			default:
				set.And(b)
			}
		}
		if set == nil {
			set = roaring.New()
		}
		if out == nil {
			out = set
		} else {
			out.And(set)
		}
	}
	if out == nil {
		return roaring.New()
	}
	return out
}
