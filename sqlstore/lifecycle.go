package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/entente/entente"
)

// A document's life beyond ingest: withdrawn (hidden from lists, kept,
// restorable), restored, purged (an admin's removal of a document that
// carries users' work, which first writes all of that work to the event
// log).

func (s *Store) logChangeOf(ctx context.Context, tx *sql.Tx, c change) error {
	_, err := s.logEvent(ctx, tx, c)
	return err
}

// docSummary is what the event log keeps of a document when it changes.
type docSummary struct {
	Title   string   `json:"title"`
	Parties []string `json:"parties"`
	Signed  *string  `json:"signed_date,omitempty"`
	Sources int      `json:"sources"`
}

func documentSummary(ctx context.Context, tx *sql.Tx, id int64) (*docSummary, error) {
	ds, err := findDocuments(ctx, tx, []string{"d.id = $1"}, "", []any{id})
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, notFound("document", id)
	}
	d := &docSummary{Title: ds[0].Title, Parties: ds[0].Parties, Signed: ds[0].SignedDate}
	err = tx.QueryRowContext(ctx, `SELECT count(*) FROM sources s JOIN versions v ON v.id = s.version_id WHERE v.document_id = $1`, id).Scan(&d.Sources)
	return d, err
}

// trackedCount counts what users entered on a document: commitments with
// a status or evidence, corrections, and evidence elsewhere that cites one
// of its sentences.
func trackedCount(ctx context.Context, tx *sql.Tx, id int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `
		SELECT
			(SELECT count(*) FROM commitments c JOIN versions v ON v.id = c.version_id WHERE v.document_id = $1)
			+ (SELECT count(*) FROM corrections c JOIN versions v ON v.id = c.version_id WHERE v.document_id = $1)
			+ (SELECT count(*) FROM document_corrections WHERE document_id = $1)
			+ (SELECT count(*) FROM evidence WHERE sentence_document = $1)`, id).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count tracking data: %w", err)
	}
	return n, nil
}

// WithdrawDocument hides a document from lists, search and scorecards,
// keeping it and all that hangs on it.
func (s *Store) WithdrawDocument(ctx context.Context, id int64, why string) error {
	return s.setWithdrawn(ctx, id, true, why)
}

// RestoreDocument undoes a withdrawal.
func (s *Store) RestoreDocument(ctx context.Context, id int64, why string) error {
	return s.setWithdrawn(ctx, id, false, why)
}

func (s *Store) setWithdrawn(ctx context.Context, id int64, withdraw bool, why string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var at sql.NullTime
		if err := tx.QueryRowContext(ctx, `SELECT withdrawn_at FROM documents WHERE id = $1`, id).Scan(&at); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return notFound("document", id)
			}
			return err
		}
		if at.Valid == withdraw {
			state := "withdrawn"
			if !withdraw {
				state = "not withdrawn"
			}
			return entente.Errorf(entente.ECONFLICT, "document %d is already %s", id, state)
		}
		action, set := "withdraw", any(s.now())
		if !withdraw {
			action, set = "restore", nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET withdrawn_at = $1, withdrawn_reason = $2 WHERE id = $3`, set, why, id); err != nil {
			return err
		}
		return s.logChangeOf(ctx, tx, change{action: action, entity: "document", id: id, why: why, document: id,
			before: map[string]bool{"withdrawn": !withdraw}, after: map[string]bool{"withdrawn": withdraw}})
	})
	if err != nil {
		return fmt.Errorf("withdraw document: %w", err)
	}
	return nil
}

// purged is what the event log keeps of a purged document: everything
// users entered on it, so that nothing is lost even then.
type purged struct {
	Document    *docSummary          `json:"document"`
	Statuses    []map[string]any     `json:"statuses"`
	Changes     []map[string]any     `json:"status_changes"`
	Evidence    []entente.Evidence   `json:"evidence"`
	Corrections []entente.Correction `json:"corrections"`
}

// PurgeDocument removes a document whatever it carries (an admin's act):
// the event it writes first holds every status, status change, evidence
// item and correction it removes.
func (s *Store) PurgeDocument(ctx context.Context, id int64, why string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		d, err := documentSummary(ctx, tx, id)
		if err != nil {
			return err
		}
		p := purged{Document: d}
		if p.Statuses, err = rowMaps(ctx, tx, `
			SELECT c.id AS commitment_id, c.section, c.text_sha256, c.occurrence, cs.party, cs.status, cs.evidence_id, cs.why, cs.actor
			FROM commitment_statuses cs JOIN commitments c ON c.id = cs.commitment_id JOIN versions v ON v.id = c.version_id
			WHERE v.document_id = $1 ORDER BY c.id, cs.party`, id); err != nil {
			return err
		}
		if p.Changes, err = rowMaps(ctx, tx, `
			SELECT sc.commitment_id, sc.party, sc.status, sc.previous, sc.evidence_id, sc.actor, sc.why
			FROM status_changes sc JOIN commitments c ON c.id = sc.commitment_id JOIN versions v ON v.id = c.version_id
			WHERE v.document_id = $1 ORDER BY sc.id`, id); err != nil {
			return err
		}
		if p.Evidence, err = findEvidence(ctx, tx, "c.version_id IN (SELECT id FROM versions WHERE document_id = $1)", id); err != nil {
			return err
		}
		if p.Corrections, err = findCorrections(ctx, tx, correctionQuery{document: id, all: true}); err != nil {
			return err
		}
		if err := s.logChangeOf(ctx, tx, change{action: "purge", entity: "document", id: id, before: p, why: why, document: id}); err != nil {
			return err
		}
		// Evidence elsewhere that cited one of its sentences keeps its
		// anchor text; only the link to the document goes.
		if _, err := tx.ExecContext(ctx, `UPDATE evidence SET sentence_document = NULL WHERE sentence_document = $1`, id); err != nil {
			return err
		}
		return s.removeDocument(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("purge document: %w", err)
	}
	return nil
}

// rowMaps reads a query's rows as column → value maps, for the log.
func rowMaps(ctx context.Context, tx *sql.Tx, query string, a ...any) ([]map[string]any, error) {
	rows, err := tx.QueryContext(ctx, query, a...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	out := []map[string]any{}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		m := make(map[string]any, len(cols))
		for i, c := range cols {
			if b, ok := vals[i].([]byte); ok {
				vals[i] = string(b)
			}
			m[c] = vals[i]
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
