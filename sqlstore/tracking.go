package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Storage of what analysts record about commitments: statuses per party,
// evidence, and the sentence each is keyed to. The rules (who may, what a
// change needs, due dates) are package tracking's; here each change is
// written with its event in one transaction.

// FindSentence resolves DOC/sN: the sentence sN of the document's first
// version, with its corrections applied.
func (s *Store) FindSentence(ctx context.Context, doc int64, label string) (*entente.SentenceRef, error) {
	var ref *entente.SentenceRef
	err := s.read(ctx, func(tx *sql.Tx) error {
		ds, err := findDocuments(ctx, tx, []string{"d.id = $1"}, "", []any{doc})
		if err != nil {
			return err
		}
		if len(ds) == 0 {
			return notFound("document", doc)
		}
		rows, err := findSentences(ctx, tx, `s.version_id = (SELECT min(id) FROM versions WHERE document_id = $1) AND s.label = $2`, []any{doc, label})
		if err != nil {
			return err
		}
		if len(rows) == 0 {
			return entente.Errorf(entente.ENOTFOUND, "document %d has no sentence %s", doc, label)
		}
		var sha string
		var occ int
		if err := tx.QueryRowContext(ctx, `SELECT `+anchorSQL("s")+`, s.occurrence FROM sentences s WHERE s.id = $1`, rows[0].id).Scan(&sha, &occ); err != nil {
			return err
		}
		ref = &entente.SentenceRef{DocumentID: doc, Sentence: rows[0].Sentence, Parties: ds[0].Parties, Title: ds[0].Title,
			Anchor: entente.Anchor{VersionID: rows[0].versionID, Section: rows[0].Section, TextSHA256: sha, Occurrence: occ}}
		if ds[0].SignedDate != nil {
			ref.SignedDate = *ds[0].SignedDate
		}
		cs, err := findCorrections(ctx, tx, correctionQuery{anchor: &ref.Anchor})
		if err != nil {
			return err
		}
		return applyCorrections(cs, &ref.Sentence)
	})
	if err != nil {
		return nil, fmt.Errorf("find sentence %d/%s: %w", doc, label, err)
	}
	return ref, nil
}

// applyCorrections applies the active corrections of one sentence, oldest
// first, so that the latest of a field wins.
func applyCorrections(cs []entente.Correction, s *entente.Sentence) error {
	for i := range cs {
		if err := cs[i].ApplyTo(s); err != nil {
			return fmt.Errorf("correction %d: %w", cs[i].ID, err)
		}
	}
	return nil
}

// ensureCommitment returns the tracking row of the commitment at anchor,
// creating it, and its revision.
func (s *Store) ensureCommitment(ctx context.Context, tx *sql.Tx, a entente.Anchor) (int64, int, error) {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO commitments (version_id, section, text_sha256, occurrence, updated_at) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (version_id, section, text_sha256, occurrence) DO NOTHING`,
		a.VersionID, a.Section, a.TextSHA256, a.Occurrence, s.now())
	if err != nil {
		return 0, 0, fmt.Errorf("insert commitment: %w", err)
	}
	var id int64
	var rev int
	err = tx.QueryRowContext(ctx, `SELECT id, revision FROM commitments
		WHERE version_id = $1 AND section = $2 AND text_sha256 = $3 AND occurrence = $4`,
		a.VersionID, a.Section, a.TextSHA256, a.Occurrence).Scan(&id, &rev)
	return id, rev, err
}

// statusSnapshot is what the event of a status change keeps, before and
// after: enough to undo it and to replay it.
type statusSnapshot struct {
	Anchor     string                         `json:"anchor"`
	Commitment int64                          `json:"commitment"`
	Revision   int                            `json:"revision"`
	Statuses   map[string]statusSnapshotParty `json:"statuses"`
}

type statusSnapshotParty struct {
	Status     entente.Status `json:"status"`
	EvidenceID int64          `json:"evidence_id,omitempty"`
	Why        string         `json:"why,omitempty"`
}

// SetStatus records a status change and returns the commitment's new
// revision.
func (s *Store) SetStatus(ctx context.Context, c entente.StatusChange) (int, error) {
	if !c.Status.Valid() {
		return 0, entente.Errorf(entente.EINVALID, "%q is not a status (one of %v)", c.Status, entente.Statuses)
	}
	if len(c.Parties) == 0 {
		return 0, entente.Errorf(entente.EINVALID, "the commitment has no party to set a status for")
	}
	var rev int
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		rev, err = s.setStatus(ctx, tx, c)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("set status: %w", err)
	}
	return rev, nil
}

// setStatus writes a status change with its event in tx and returns the
// commitment's new revision.
func (s *Store) setStatus(ctx context.Context, tx *sql.Tx, c entente.StatusChange) (int, error) {
	var rev int
	err := func() error {
		id, cur, err := s.ensureCommitment(ctx, tx, c.Anchor)
		if err != nil {
			return err
		}
		if c.Revision >= 0 && c.Revision != cur {
			return s.staleError(ctx, tx, c.Anchor, c.Revision, cur)
		}
		if c.EvidenceID != 0 {
			var owner int64
			var retracted sql.NullTime
			err := tx.QueryRowContext(ctx, `SELECT commitment_id, retracted_at FROM evidence WHERE id = $1`, c.EvidenceID).Scan(&owner, &retracted)
			if errors.Is(err, sql.ErrNoRows) {
				return entente.Errorf(entente.EINVALID, "no evidence %d", c.EvidenceID)
			} else if err != nil {
				return err
			}
			if owner != id {
				return entente.Errorf(entente.EINVALID, "evidence %d belongs to another commitment", c.EvidenceID)
			}
			if retracted.Valid && c.Revision >= 0 {
				return entente.Errorf(entente.EINVALID, "evidence %d is retracted", c.EvidenceID)
			}
		} else if c.Status != entente.NotRated {
			return entente.Errorf(entente.EINVALID, "a status other than not_rated needs evidence")
		}
		if c.Revision >= 0 {
			// The revision moves only if nobody moved it meanwhile: on
			// PostgreSQL a concurrent change waits on this row and then
			// finds the revision gone.
			res, err := tx.ExecContext(ctx, `UPDATE commitments SET revision = revision + 1, updated_at = $1 WHERE id = $2 AND revision = $3`,
				s.now(), id, cur)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return s.staleError(ctx, tx, c.Anchor, cur, cur+1)
			}
			rev = cur + 1
		} else {
			// No revision asked for: the change goes after whatever
			// came first. On PostgreSQL a concurrent change read the
			// same revision; this waits on the row for it, and the
			// before-snapshot below is read after it, so the event
			// says what this change replaced.
			err := tx.QueryRowContext(ctx, `UPDATE commitments SET revision = revision + 1, updated_at = $1 WHERE id = $2 RETURNING revision`,
				s.now(), id).Scan(&rev)
			if err != nil {
				return err
			}
			cur = rev - 1
		}
		before := statusSnapshot{Anchor: c.Anchor.String(), Commitment: id, Revision: cur, Statuses: map[string]statusSnapshotParty{}}
		after := statusSnapshot{Anchor: c.Anchor.String(), Commitment: id, Revision: rev, Statuses: map[string]statusSnapshotParty{}}
		actor := entente.ActorFromContext(ctx)
		now := s.now() // one time for the rows and the event, as a replay writes them
		for _, p := range c.Parties {
			prev := statusSnapshotParty{Status: entente.NotRated}
			var ev sql.NullInt64
			err := tx.QueryRowContext(ctx, `SELECT status, evidence_id, why FROM commitment_statuses WHERE commitment_id = $1 AND party = $2`,
				id, p).Scan(&prev.Status, &ev, &prev.Why)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			prev.EvidenceID = ev.Int64
			before.Statuses[p] = prev
			next := statusSnapshotParty{Status: c.Status, EvidenceID: c.EvidenceID, Why: c.Why}
			after.Statuses[p] = next
			if err := putStatus(ctx, tx, id, p, next, prev.Status, actor, now); err != nil {
				return err
			}
		}
		return s.logChangeOf(ctx, tx, change{action: "set", entity: "status", id: id, before: before, after: after,
			why: c.Why, document: c.DocumentID, anchor: c.Anchor.String(), at: now})
	}()
	return rev, err
}

// putStatus writes one party's status and its history row.
func putStatus(ctx context.Context, tx *sql.Tx, id int64, party string, st statusSnapshotParty, prev entente.Status, actor entente.Actor, now time.Time) error {
	var ev, uid any
	if st.EvidenceID != 0 {
		ev = st.EvidenceID
	}
	if actor.UserID != 0 {
		uid = actor.UserID
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO commitment_statuses (commitment_id, party, status, evidence_id, why, actor, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (commitment_id, party) DO UPDATE SET status = excluded.status, evidence_id = excluded.evidence_id,
			why = excluded.why, actor = excluded.actor, updated_at = excluded.updated_at`,
		id, party, string(st.Status), ev, st.Why, actor.Name, now)
	if err != nil {
		return fmt.Errorf("write status: %w", err)
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO status_changes (commitment_id, party, status, previous, evidence_id, user_id, actor, at, why)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		id, party, string(st.Status), string(prev), ev, uid, actor.Name, now, st.Why)
	if err != nil {
		return fmt.Errorf("write status history: %w", err)
	}
	return nil
}

// staleError is the conflict of a change made against revision saw when
// the commitment is at cur: it names the change made since.
func (s *Store) staleError(ctx context.Context, tx *sql.Tx, a entente.Anchor, saw, cur int) error {
	es, err := scanEvents(ctx, tx, `SELECT `+eventColumns+` FROM events WHERE anchor = $1 AND entity = 'status' ORDER BY seq DESC LIMIT 1`, a.String())
	if err != nil {
		return err
	}
	msg := fmt.Sprintf("the commitment changed since revision %d (now %d)", saw, cur)
	if len(es) > 0 {
		e := es[0]
		var after statusSnapshot
		_ = jsonUnmarshal(e.After, &after)
		var parts []string
		for p, st := range after.Statuses {
			parts = append(parts, p+" "+string(st.Status))
		}
		msg += fmt.Sprintf(": %s set %s at %s", e.Actor, strings.Join(sortedStrings(parts), ", "), e.At.Format(time.RFC3339))
		if e.Why != "" {
			msg += " (" + e.Why + ")"
		}
	}
	return entente.Errorf(entente.ECONFLICT, "%s; reload and try again", msg)
}
