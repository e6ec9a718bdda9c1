package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/entente/entente"
)

// Replay rebuilds every status, evidence item and correction from the
// event log alone, in one transaction: the tracking tables are emptied and
// each tracking event, oldest first, puts back the state its "after"
// holds. It shows that the log is the whole history; it also repairs
// tracking tables that were damaged by hand. Items of documents that are
// gone (purged) are skipped: their record stays in the log.
func (s *Store) Replay(ctx context.Context) (int, error) {
	applied := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM commitment_statuses`, `DELETE FROM status_changes`, `DELETE FROM evidence`,
			`DELETE FROM corrections`, `DELETE FROM document_corrections`, `DELETE FROM commitments`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("clear: %w", err)
			}
		}
		versions := map[int64]bool{}
		err := queryRows(ctx, tx, `SELECT id FROM versions`, nil, func(rs *sql.Rows) error {
			var id int64
			err := rs.Scan(&id)
			versions[id] = true
			return err
		})
		if err != nil {
			return err
		}
		docs := map[int64]bool{}
		err = queryRows(ctx, tx, `SELECT id FROM documents`, nil, func(rs *sql.Rows) error {
			var id int64
			err := rs.Scan(&id)
			docs[id] = true
			return err
		})
		if err != nil {
			return err
		}
		var after int64
		for {
			es, err := scanEvents(ctx, tx, `SELECT `+eventColumns+` FROM events WHERE seq > $1
				AND entity IN ('status', 'evidence', 'correction', 'document_correction') ORDER BY seq LIMIT 1000`, after)
			if err != nil {
				return err
			}
			if len(es) == 0 {
				break
			}
			for i := range es {
				e := &es[i]
				after = e.Seq
				ok, err := replayEvent(ctx, tx, e, versions, docs)
				if err != nil {
					return fmt.Errorf("event %d: %w", e.Seq, err)
				}
				if ok {
					applied++
				}
			}
		}
		return s.logChange(ctx, tx, "replay", "tracking", 0, nil, map[string]int{"events": applied}, "")
	})
	if err != nil {
		return 0, fmt.Errorf("replay: %w", err)
	}
	return applied, nil
}

func replayEvent(ctx context.Context, tx *sql.Tx, e *entente.Event, versions, docs map[int64]bool) (bool, error) {
	actor := entente.Actor{UserID: e.UserID, Name: e.Actor, Via: e.Via}
	switch e.Entity {
	case "status":
		var before, after statusSnapshot
		if err := jsonUnmarshal(e.Before, &before); err != nil {
			return false, err
		}
		if err := jsonUnmarshal(e.After, &after); err != nil {
			return false, err
		}
		a, err := entente.ParseAnchor(after.Anchor)
		if err != nil || !versions[a.VersionID] {
			return false, nil
		}
		if err := putCommitment(ctx, tx, after.Commitment, a, after.Revision, e); err != nil {
			return false, err
		}
		for _, p := range sortedStrings(keysOf(after.Statuses)) {
			prev := before.Statuses[p].Status
			if prev == "" {
				prev = entente.NotRated
			}
			if err := putStatus(ctx, tx, after.Commitment, p, after.Statuses[p], prev, actor, e.At); err != nil {
				return false, err
			}
		}
		return true, nil
	case "evidence":
		var snap evidenceSnapshot
		if err := jsonUnmarshal(e.After, &snap); err != nil {
			return false, err
		}
		a, err := entente.ParseAnchor(snap.Anchor)
		if err != nil || !versions[a.VersionID] {
			return false, nil
		}
		if err := putCommitment(ctx, tx, snap.CommitmentID, a, -1, e); err != nil {
			return false, err
		}
		return true, putEvidence(ctx, tx, &snap.Evidence, docs)
	case "correction", "document_correction":
		var c entente.Correction
		if err := jsonUnmarshal(e.After, &c); err != nil {
			return false, err
		}
		if c.ID == 0 || !docs[c.DocumentID] || (c.Anchor != nil && !versions[c.Anchor.VersionID]) {
			return false, nil
		}
		return true, putCorrection(ctx, tx, &c)
	}
	return false, nil
}

func keysOf[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// putCommitment writes a tracking row as an event left it; a revision of
// -1 leaves the revision as it is.
func putCommitment(ctx context.Context, tx *sql.Tx, id int64, a entente.Anchor, revision int, e *entente.Event) error {
	rev := max(revision, 0)
	_, err := tx.ExecContext(ctx, `
		INSERT INTO commitments (id, version_id, section, text_sha256, occurrence, revision, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (id) DO NOTHING`, id, a.VersionID, a.Section, a.TextSHA256, a.Occurrence, rev, e.At)
	if err != nil {
		return fmt.Errorf("put commitment: %w", err)
	}
	if revision >= 0 {
		_, err = tx.ExecContext(ctx, `UPDATE commitments SET revision = $1, updated_at = $2 WHERE id = $3`, revision, e.At, id)
	}
	return err
}

func putEvidence(ctx context.Context, tx *sql.Tx, ev *entente.Evidence, docs map[int64]bool) error {
	var retractedAt, reason any
	if ev.Retracted {
		retractedAt, reason = ev.RetractedAt, ev.RetractReason
	}
	var sdoc any
	if ev.SentenceDocument != 0 && docs[ev.SentenceDocument] {
		sdoc = ev.SentenceDocument
	}
	// An upsert, not a delete and insert: statuses refer to the row.
	_, err := tx.ExecContext(ctx, `
		INSERT INTO evidence (id, commitment_id, url, title, publisher, published, accessed, quote, note, official,
			sentence_anchor, sentence_document, archive_sha256, archive_problem, added_by_name, added_at,
			retracted_at, retracted_by_name, retracted_reason)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
			(SELECT sha256 FROM blobs WHERE sha256 = $13), $14, $15, $16, $17, $18, $19)
		ON CONFLICT (id) DO UPDATE SET retracted_at = excluded.retracted_at, retracted_by_name = excluded.retracted_by_name,
			retracted_reason = excluded.retracted_reason`,
		ev.ID, ev.CommitmentID, ev.URL, ev.Title, ev.Publisher, emptyNull(ev.EventDate), emptyNull(ev.Accessed), ev.Quote, ev.Note,
		ev.Official, ev.SentenceAnchor, sdoc, ev.ArchiveSHA256, ev.ArchiveProblem, ev.AddedBy, ev.AddedAt,
		retractedAt, ev.RetractedBy, reason)
	if err != nil {
		return fmt.Errorf("put evidence: %w", err)
	}
	return nil
}

func putCorrection(ctx context.Context, tx *sql.Tx, c *entente.Correction) error {
	var reviewed, withdrawn any
	if !c.ReviewedAt.IsZero() {
		reviewed = c.ReviewedAt
	}
	if c.Withdrawn {
		withdrawn = c.CreatedAt // the time is not in the snapshot; that it is withdrawn is
	}
	var err error
	if c.Anchor != nil {
		if _, err = tx.ExecContext(ctx, `DELETE FROM corrections WHERE id = $1`, c.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO corrections (id, version_id, section, text_sha256, occurrence, sentence_label, field, extracted, value, state,
				flag, actor, created_at, reviewer, reviewed_at, withdrawn_at, why)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
			c.ID, c.Anchor.VersionID, c.Anchor.Section, c.Anchor.TextSHA256, c.Anchor.Occurrence, c.Sentence, c.Field,
			string(c.Extracted), string(c.Value), c.State, c.Flag, c.Actor, c.CreatedAt, c.ReviewedBy, reviewed, withdrawn, c.Why)
	} else {
		if _, err = tx.ExecContext(ctx, `DELETE FROM document_corrections WHERE id = $1`, c.ID); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO document_corrections (id, document_id, field, extracted, value, state, flag, actor, created_at, reviewer,
				reviewed_at, withdrawn_at, why)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
			c.ID, c.DocumentID, c.Field, string(c.Extracted), string(c.Value), c.State, c.Flag, c.Actor, c.CreatedAt,
			c.ReviewedBy, reviewed, withdrawn, c.Why)
	}
	if err != nil {
		return fmt.Errorf("put correction: %w", err)
	}
	return nil
}
