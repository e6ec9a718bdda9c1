package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The views of pairs of parties (migration 0014): package compare computes
// what a pair's page reads of its documents and keeps it here with the
// signature of the pair's documents it was computed from.

// pairSignatureQuery is the state of the documents both parties of a pair
// are parties to (as corrected, not withdrawn): how many, their ids, and
// the newest event that changed one of them. Every write that changes a
// document's text, labels or metadata logs an event on the document
// (ingest, re-extraction, corrections, withdrawal); the events of tracking
// (statuses, evidence, follow-up decisions) change nothing the view keeps,
// and are left out so that tracking does not make views stale.
func pairSignatureQuery(a, b string) (string, []any) {
	var as args
	// the candidates through the parties' indexes first (one of the two,
	// China, may be in every document), then the corrected parties' rule
	var conds []string
	for _, p := range []string{a, b} {
		x := as.add(p)
		conds = append(conds, `d.id IN (SELECT document_id FROM document_parties WHERE party = `+x+`
			UNION SELECT document_id FROM corrected_document_parties WHERE party = `+x+`)`)
	}
	conds = append(conds, documentConds(&as, entente.DocumentFilter{Party: a})...)
	conds = append(conds, documentConds(&as, entente.DocumentFilter{Party: b})...)
	conds = append(conds, "d.withdrawn_at IS NULL")
	return `SELECT count(*), coalesce(sum(d.id), 0), coalesce(max((SELECT max(e.seq) FROM events e
			WHERE e.document_id = d.id AND e.entity NOT IN ('status', 'evidence', 'followup'))), 0)
		FROM documents d ` + whereClause(conds), as
}

// pairViewKey is the row's key: the two codes sorted.
func pairViewKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "," + b
}

func pairSignature(ctx context.Context, tx *sql.Tx, a, b string) (string, error) {
	q, as := pairSignatureQuery(a, b)
	var n, ids, seq int64
	if err := tx.QueryRowContext(ctx, q, as...).Scan(&n, &ids, &seq); err != nil {
		return "", fmt.Errorf("signature of %s: %w", pairViewKey(a, b), err)
	}
	return strconv.FormatInt(n, 10) + ":" + strconv.FormatInt(ids, 10) + ":" + strconv.FormatInt(seq, 10), nil
}

// PairSignature returns the signature of the pair's documents now.
func (s *Store) PairSignature(ctx context.Context, a, b string) (string, error) {
	var now string
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		now, err = pairSignature(ctx, tx, a, b)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("pair view: %w", err)
	}
	return now, nil
}

// PairView returns the kept view of the pair and the signature it was
// computed from ("" and nil for none).
func (s *Store) PairView(ctx context.Context, a, b string) (built string, body []byte, err error) {
	err = s.read(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT signature, body FROM pair_views WHERE pair = $1`, pairViewKey(a, b)).Scan(&built, &body)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		return err
	})
	if err != nil {
		return "", nil, fmt.Errorf("pair view: %w", err)
	}
	return built, body, nil
}

// LockPairView holds, until unlock, the computation of the pair's view
// across the processes on the database: several servers on one
// PostgreSQL each refresh the views a write made stale, and without it
// each would compute every one of them.
func (s *Store) LockPairView(ctx context.Context, a, b string) (unlock func(), err error) {
	unlock, err = s.dialect.LockNamed(ctx, s.db, "entente pair view "+pairViewKey(a, b))
	if err != nil {
		return nil, fmt.Errorf("lock the view of %s: %w", pairViewKey(a, b), err)
	}
	return unlock, nil
}

// SavePairView keeps the view of a pair computed from its documents as
// they were at signature.
func (s *Store) SavePairView(ctx context.Context, a, b, signature string, body []byte) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO pair_views (pair, signature, body, built_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (pair) DO UPDATE SET signature = excluded.signature, body = excluded.body, built_at = excluded.built_at`,
			pairViewKey(a, b), signature, string(body), s.now())
		return err
	})
	if err != nil {
		return fmt.Errorf("save the view of %s: %w", pairViewKey(a, b), err)
	}
	return nil
}

// StalePairViews lists the pairs whose kept view's signature is not
// version followed by their documents' signature now, each as its two
// codes.
func (s *Store) StalePairViews(ctx context.Context, version string) ([][2]string, error) {
	var out [][2]string
	err := s.read(ctx, func(tx *sql.Tx) error {
		kept := map[string]string{}
		var keys []string
		err := queryRows(ctx, tx, `SELECT pair, signature FROM pair_views ORDER BY pair`, nil, func(rows *sql.Rows) error {
			var k, sig string
			if err := rows.Scan(&k, &sig); err != nil {
				return err
			}
			kept[k] = sig
			keys = append(keys, k)
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range keys {
			a, b, ok := strings.Cut(k, ",")
			if !ok {
				continue
			}
			now, err := pairSignature(ctx, tx, a, b)
			if err != nil {
				return err
			}
			if version+now != kept[k] {
				out = append(out, [2]string{a, b})
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("stale pair views: %w", err)
	}
	return out, nil
}
