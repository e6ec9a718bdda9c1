package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// AddEvidence stores an evidence item (and its page's bytes, once, in
// blobs) and returns it as stored.
func (s *Store) AddEvidence(ctx context.Context, n entente.NewEvidence) (*entente.Evidence, error) {
	var out *entente.Evidence
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.addEvidence(ctx, tx, n)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("add evidence: %w", err)
	}
	return out, nil
}

// addEvidence writes an evidence item with its event in tx.
func (s *Store) addEvidence(ctx context.Context, tx *sql.Tx, n entente.NewEvidence) (*entente.Evidence, error) {
	cid, _, err := s.ensureCommitment(ctx, tx, n.Anchor)
	if err != nil {
		return nil, err
	}
	e := n.Evidence
	e.CommitmentID = cid
	actor := entente.ActorFromContext(ctx)
	e.AddedBy, e.AddedAt = actor.Name, s.now()
	if n.Archive != nil && len(n.Archive.Data) > 0 {
		e.ArchiveSHA256 = sha256Hex(n.Archive.Data)
		stored, compression := s.deflate.packBlob(n.Archive.Data)
		if err := insertBlob(ctx, tx, e.ArchiveSHA256, n.Archive.Data, stored, compression, e.AddedAt); err != nil {
			return nil, fmt.Errorf("insert archived page: %w", err)
		}
	}
	var uid any
	if actor.UserID != 0 {
		uid = actor.UserID
	}
	err = tx.QueryRowContext(ctx, `
		INSERT INTO evidence (commitment_id, url, title, publisher, published, accessed, quote, note, official,
			sentence_anchor, sentence_document, archive_sha256, archive_problem, added_by, added_by_name, added_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
		RETURNING id`,
		cid, e.URL, e.Title, e.Publisher, emptyNull(e.EventDate), emptyNull(e.Accessed), e.Quote, e.Note, e.Official,
		e.SentenceAnchor, zeroNull(e.SentenceDocument), emptyNull(e.ArchiveSHA256), e.ArchiveProblem, uid, e.AddedBy, e.AddedAt,
	).Scan(&e.ID)
	if err != nil {
		return nil, fmt.Errorf("insert evidence: %w", err)
	}
	err = s.logChangeOf(ctx, tx, change{action: "add", entity: "evidence", id: e.ID, after: evidenceSnapshot{Anchor: n.Anchor.String(), Evidence: e},
		document: n.DocumentID, anchor: n.Anchor.String()})
	if err != nil {
		return nil, err
	}
	return &e, nil
}

// evidenceSnapshot is what an evidence event keeps: the item whole and the
// commitment it supports.
type evidenceSnapshot struct {
	Anchor string `json:"anchor"`
	entente.Evidence
}

// RetractEvidence marks an evidence item retracted, with a reason; it is
// kept and still shown.
func (s *Store) RetractEvidence(ctx context.Context, id int64, reason string) (*entente.Evidence, error) {
	return s.setRetracted(ctx, id, true, reason)
}

// ReinstateEvidence undoes a retraction.
func (s *Store) ReinstateEvidence(ctx context.Context, id int64, why string) (*entente.Evidence, error) {
	return s.setRetracted(ctx, id, false, why)
}

func (s *Store) setRetracted(ctx context.Context, id int64, retract bool, why string) (*entente.Evidence, error) {
	if retract && why == "" {
		return nil, entente.Errorf(entente.EINVALID, "a retraction needs a reason")
	}
	var out *entente.Evidence
	err := s.write(ctx, func(tx *sql.Tx) error {
		es, err := findEvidence(ctx, tx, "e.id = $1", id)
		if err != nil {
			return err
		}
		if len(es) == 0 {
			return notFound("evidence", id)
		}
		before := es[0]
		if before.Retracted == retract {
			return entente.Errorf(entente.ECONFLICT, "evidence %d is already %s", id, map[bool]string{true: "retracted", false: "not retracted"}[retract])
		}
		actor := entente.ActorFromContext(ctx)
		var uid any
		if actor.UserID != 0 {
			uid = actor.UserID
		}
		if retract {
			_, err = tx.ExecContext(ctx, `UPDATE evidence SET retracted_at = $1, retracted_by = $2, retracted_by_name = $3, retracted_reason = $4 WHERE id = $5`,
				s.now(), uid, actor.Name, why, id)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE evidence SET retracted_at = NULL, retracted_by = NULL, retracted_by_name = '', retracted_reason = NULL WHERE id = $1`, id)
		}
		if err != nil {
			return err
		}
		es, err = findEvidence(ctx, tx, "e.id = $1", id)
		if err != nil {
			return err
		}
		out = &es[0]
		a, doc, err := commitmentAnchor(ctx, tx, out.CommitmentID)
		if err != nil {
			return err
		}
		action := map[bool]string{true: "retract", false: "reinstate"}[retract]
		return s.logChangeOf(ctx, tx, change{action: action, entity: "evidence", id: id, why: why, document: doc, anchor: a.String(),
			before: evidenceSnapshot{Anchor: a.String(), Evidence: before}, after: evidenceSnapshot{Anchor: a.String(), Evidence: *out}})
	})
	if err != nil {
		return nil, fmt.Errorf("retract evidence: %w", err)
	}
	return out, nil
}

// commitmentAnchor returns the anchor and document of a tracking row.
func commitmentAnchor(ctx context.Context, tx *sql.Tx, id int64) (entente.Anchor, int64, error) {
	var a entente.Anchor
	var doc int64
	err := tx.QueryRowContext(ctx, `SELECT c.version_id, c.section, c.text_sha256, c.occurrence, v.document_id
		FROM commitments c JOIN versions v ON v.id = c.version_id WHERE c.id = $1`, id).Scan(&a.VersionID, &a.Section, &a.TextSHA256, &a.Occurrence, &doc)
	if errors.Is(err, sql.ErrNoRows) {
		return a, 0, notFound("commitment", id)
	}
	return a, doc, err
}

// Evidence lists the evidence of the commitment at anchor, oldest first,
// retracted items included.
func (s *Store) Evidence(ctx context.Context, a entente.Anchor) ([]entente.Evidence, error) {
	var out []entente.Evidence
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = findEvidence(ctx, tx, "c.version_id = $1 AND c.section = $2 AND c.text_sha256 = $3 AND c.occurrence = $4",
			a.VersionID, a.Section, a.TextSHA256, a.Occurrence)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("list evidence: %w", err)
	}
	return out, nil
}

// EvidenceByID returns one evidence item.
func (s *Store) EvidenceByID(ctx context.Context, id int64) (*entente.Evidence, entente.Anchor, error) {
	var out *entente.Evidence
	var a entente.Anchor
	err := s.read(ctx, func(tx *sql.Tx) error {
		es, err := findEvidence(ctx, tx, "e.id = $1", id)
		if err != nil {
			return err
		}
		if len(es) == 0 {
			return notFound("evidence", id)
		}
		out = &es[0]
		a, _, err = commitmentAnchor(ctx, tx, out.CommitmentID)
		return err
	})
	if err != nil {
		return nil, a, fmt.Errorf("find evidence: %w", err)
	}
	return out, a, nil
}

// findEvidence reads the evidence e (of commitment c) that matches where.
func findEvidence(ctx context.Context, tx *sql.Tx, where string, a ...any) ([]entente.Evidence, error) {
	out := []entente.Evidence{}
	err := queryRows(ctx, tx, `
		SELECT e.id, e.commitment_id, e.url, e.title, e.publisher, e.published, e.accessed, e.quote, e.note, e.official,
			e.sentence_anchor, e.sentence_document, e.archive_sha256, e.archive_problem, e.added_by_name, e.added_at,
			e.retracted_at, e.retracted_by_name, e.retracted_reason
		FROM evidence e JOIN commitments c ON c.id = e.commitment_id
		WHERE `+where+` ORDER BY e.id`, a,
		func(rows *sql.Rows) error {
			var e entente.Evidence
			var published, accessed, archive, reason sql.NullString
			var sdoc sql.NullInt64
			var retracted sql.NullTime
			if err := rows.Scan(&e.ID, &e.CommitmentID, &e.URL, &e.Title, &e.Publisher, &published, &accessed, &e.Quote, &e.Note,
				&e.Official, &e.SentenceAnchor, &sdoc, &archive, &e.ArchiveProblem, &e.AddedBy, &e.AddedAt,
				&retracted, &e.RetractedBy, &reason); err != nil {
				return err
			}
			e.EventDate, e.Accessed, e.ArchiveSHA256, e.RetractReason = published.String, accessed.String, archive.String, reason.String
			e.SentenceDocument, e.AddedAt = sdoc.Int64, e.AddedAt.UTC()
			e.Retracted, e.RetractedAt = retracted.Valid, fromNullTime(retracted)
			out = append(out, e)
			return nil
		})
	return out, err
}

// Archived returns the kept copy of an evidence page.
func (s *Store) Archived(ctx context.Context, sha string) ([]byte, error) {
	data, err := readBlob(ctx, s.rdb, sha)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("archived page", sha)
	}
	return data, err
}

func zeroNull(n int64) any {
	if n == 0 {
		return nil
	}
	return n
}

func jsonUnmarshal(s string, v any) error {
	if s == "" {
		return nil
	}
	return json.Unmarshal([]byte(s), v)
}

func sortedStrings(l []string) []string {
	slices.Sort(l)
	return l
}
