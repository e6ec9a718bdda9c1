package sqlstore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/entente/entente"
)

// Corrections, stored apart from the extractor's output: a sentence's are
// keyed to its anchor (table corrections), a document's metadata to the
// document (document_corrections). Every change writes the correction whole
// into its event, so that the log alone rebuilds them.

// correctionQuery selects corrections.
type correctionQuery struct {
	document  int64           // of this document (its sentences' and its metadata's)
	documents []int64         // of these documents (when not empty)
	anchor    *entente.Anchor // of this sentence
	version   int64           // of this version's sentences
	ref       string          // this one
	all       bool            // also those not applied (proposed, rejected, withdrawn)
	review    bool            // only those waiting: proposed, or flagged and not withdrawn
}

const sentenceCorrectionColumns = `k.id, v.document_id, k.version_id, k.section, k.text_sha256, k.occurrence, k.sentence_label, k.field,
	k.extracted, k.value, k.state, k.flag, k.actor, k.created_at, k.reviewer, k.reviewed_at, k.withdrawn_at, k.why`

const documentCorrectionColumns = `k.id, k.document_id, k.field, k.extracted, k.value, k.state, k.flag, k.actor, k.created_at,
	k.reviewer, k.reviewed_at, k.withdrawn_at, k.why`

// findCorrections reads the corrections q selects, sentence corrections
// first, each kind oldest first.
func findCorrections(ctx context.Context, tx *sql.Tx, q correctionQuery) ([]entente.Correction, error) {
	return findCorrectionsWith(ctx, queryRows, tx, q)
}

// findCorrectionsWith is findCorrections running its queries with query.
func findCorrectionsWith(ctx context.Context, query queryFunc, tx *sql.Tx, q correctionQuery) ([]entente.Correction, error) {
	out := []entente.Correction{}
	var a args
	var conds []string
	var dconds []string
	var da args
	wantSentences, wantDocument := true, q.anchor == nil && q.version == 0
	if q.document != 0 {
		conds = append(conds, "v.document_id = "+a.add(q.document))
		dconds = append(dconds, "k.document_id = "+da.add(q.document))
	}
	if len(q.documents) > 0 {
		conds = append(conds, "v.document_id IN ("+list(&a, q.documents)+")")
		dconds = append(dconds, "k.document_id IN ("+list(&da, q.documents)+")")
	}
	if q.anchor != nil {
		conds = append(conds, "k.version_id = "+a.add(q.anchor.VersionID), "k.section = "+a.add(q.anchor.Section),
			"k.text_sha256 = "+a.add(q.anchor.TextSHA256), "k.occurrence = "+a.add(q.anchor.Occurrence))
	}
	if q.version != 0 {
		conds = append(conds, "k.version_id = "+a.add(q.version))
	}
	if q.ref != "" {
		doc, id, err := entente.ParseCorrectionRef(q.ref)
		if err != nil {
			return nil, err
		}
		wantSentences, wantDocument = !doc, doc
		conds = append(conds, "k.id = "+a.add(id))
		dconds = append(dconds, "k.id = "+da.add(id))
	}
	switch {
	case q.review:
		w := "(k.state = 'proposed' OR (k.flag <> '' AND k.state = 'approved')) AND k.withdrawn_at IS NULL"
		conds, dconds = append(conds, w), append(dconds, w)
	case !q.all:
		w := "k.state = 'approved' AND k.withdrawn_at IS NULL"
		conds, dconds = append(conds, w), append(dconds, w)
	}
	if wantSentences {
		err := query(ctx, tx, `SELECT `+sentenceCorrectionColumns+` FROM corrections k JOIN versions v ON v.id = k.version_id `+
			whereClause(conds)+` ORDER BY k.id`, a, func(rows *sql.Rows) error {
			var c entente.Correction
			var an entente.Anchor
			var extracted, value []byte
			var reviewed, withdrawn sql.NullTime
			if err := rows.Scan(&c.ID, &c.DocumentID, &an.VersionID, &an.Section, &an.TextSHA256, &an.Occurrence, &c.Sentence, &c.Field,
				&extracted, &value, &c.State, &c.Flag, &c.Actor, &c.CreatedAt, &c.ReviewedBy, &reviewed, &withdrawn, &c.Why); err != nil {
				return err
			}
			c.Anchor, c.Ref = &an, entente.CorrectionRef(false, c.ID)
			finishCorrection(&c, extracted, value, reviewed, withdrawn)
			out = append(out, c)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read corrections: %w", err)
		}
	}
	if wantDocument {
		err := query(ctx, tx, `SELECT `+documentCorrectionColumns+` FROM document_corrections k `+whereClause(dconds)+` ORDER BY k.id`, da,
			func(rows *sql.Rows) error {
				c, err := scanDocumentCorrection(rows)
				if err != nil {
					return err
				}
				out = append(out, c)
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("read document corrections: %w", err)
		}
	}
	return out, nil
}

// scanDocumentCorrection scans a row of documentCorrectionColumns.
func scanDocumentCorrection(rows *sql.Rows) (entente.Correction, error) {
	var c entente.Correction
	var extracted, value []byte
	var reviewed, withdrawn sql.NullTime
	if err := rows.Scan(&c.ID, &c.DocumentID, &c.Field, &extracted, &value, &c.State, &c.Flag, &c.Actor, &c.CreatedAt,
		&c.ReviewedBy, &reviewed, &withdrawn, &c.Why); err != nil {
		return c, err
	}
	c.Ref = entente.CorrectionRef(true, c.ID)
	finishCorrection(&c, extracted, value, reviewed, withdrawn)
	return c, nil
}

func finishCorrection(c *entente.Correction, extracted, value []byte, reviewed, withdrawn sql.NullTime) {
	c.Extracted, c.Value = canonicalJSON(extracted), canonicalJSON(value)
	c.CreatedAt, c.ReviewedAt, c.Withdrawn = c.CreatedAt.UTC(), fromNullTime(reviewed), withdrawn.Valid
}

// canonicalJSON re-encodes a value so that the same value reads the same
// from both databases (PostgreSQL's jsonb spaces its output).
func canonicalJSON(b []byte) json.RawMessage {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return json.RawMessage(bytes.Clone(b))
	}
	out, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage(bytes.Clone(b))
	}
	return out
}

// sameJSON reports whether two JSON values are equal.
func sameJSON(a, b []byte) bool { return bytes.Equal(canonicalJSON(a), canonicalJSON(b)) }

// AddCorrection stores a correction with its event.
func (s *Store) AddCorrection(ctx context.Context, n entente.NewCorrection) (*entente.Correction, error) {
	var out *entente.Correction
	err := s.write(ctx, func(tx *sql.Tx) error {
		actor := entente.ActorFromContext(ctx)
		var uid any
		if actor.UserID != 0 {
			uid = actor.UserID
		}
		now := s.now()
		var id int64
		var err error
		if n.Field == entente.FieldSegmentation {
			if n.Anchor == nil {
				return entente.Errorf(entente.EINVALID, "a document's metadata has no segmentation")
			}
			if n.Extracted, err = coveredBy(ctx, tx, *n.Anchor, n.Value); err != nil {
				return err
			}
		}
		if n.Anchor != nil {
			err = tx.QueryRowContext(ctx, `
				INSERT INTO corrections (version_id, section, text_sha256, occurrence, sentence_label, field, extracted, value, state,
					user_id, actor, created_at, why)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
				n.Anchor.VersionID, n.Anchor.Section, n.Anchor.TextSHA256, n.Anchor.Occurrence, n.Sentence, n.Field,
				string(n.Extracted), string(n.Value), n.State, uid, actor.Name, now, n.Why).Scan(&id)
		} else {
			err = tx.QueryRowContext(ctx, `
				INSERT INTO document_corrections (document_id, field, extracted, value, state, user_id, actor, created_at, why)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				n.DocumentID, n.Field, string(n.Extracted), string(n.Value), n.State, uid, actor.Name, now, n.Why).Scan(&id)
		}
		if err != nil {
			return fmt.Errorf("insert correction: %w", err)
		}
		cs, err := findCorrections(ctx, tx, correctionQuery{ref: entente.CorrectionRef(n.Anchor == nil, id), all: true})
		if err != nil || len(cs) == 0 {
			return fmt.Errorf("read back correction %d: %w", id, err)
		}
		out = &cs[0]
		if out.Field == entente.FieldSegmentation && out.Active() {
			if _, err := s.applySegmentation(ctx, tx, out); err != nil {
				return err
			}
		}
		return s.logCorrection(ctx, tx, "create", nil, out)
	})
	if err != nil {
		return nil, fmt.Errorf("add correction: %w", err)
	}
	return out, nil
}

func (s *Store) logCorrection(ctx context.Context, tx *sql.Tx, action string, before, after *entente.Correction) error {
	c := after
	if c == nil {
		c = before
	}
	ch := change{action: action, entity: "correction", id: c.ID, document: c.DocumentID, why: c.Why}
	if c.Anchor == nil {
		ch.entity = "document_correction"
	} else {
		ch.anchor = c.Anchor.String()
	}
	if before != nil {
		ch.before = before
	}
	if after != nil {
		ch.after = after
	}
	return s.logChangeOf(ctx, tx, ch)
}

// Corrections lists the corrections of a document (all of them, applied or
// not), or those waiting for review when doc is 0 and review is true.
func (s *Store) Corrections(ctx context.Context, doc int64, anchor *entente.Anchor, review bool) ([]entente.Correction, error) {
	var out []entente.Correction
	err := s.read(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = findCorrections(ctx, tx, correctionQuery{document: doc, anchor: anchor, all: !review, review: review})
		return err
	})
	return out, err
}

// Correction returns one correction by its ref (c12, d3).
func (s *Store) Correction(ctx context.Context, ref string) (*entente.Correction, error) {
	var out *entente.Correction
	err := s.read(ctx, func(tx *sql.Tx) error {
		cs, err := findCorrections(ctx, tx, correctionQuery{ref: ref, all: true})
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return notFound("correction", ref)
		}
		out = &cs[0]
		return nil
	})
	return out, err
}

// ReviewCorrection approves, rejects, withdraws or reinstates a
// correction, with its event.
func (s *Store) ReviewCorrection(ctx context.Context, ref, action, why string) (*entente.Correction, error) {
	doc, id, err := entente.ParseCorrectionRef(ref)
	if err != nil {
		return nil, err
	}
	table := "corrections"
	if doc {
		table = "document_corrections"
	}
	var out *entente.Correction
	err = s.write(ctx, func(tx *sql.Tx) error {
		cs, err := findCorrections(ctx, tx, correctionQuery{ref: ref, all: true})
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return notFound("correction", ref)
		}
		before := cs[0]
		actor := entente.ActorFromContext(ctx)
		now := s.now()
		var set string
		a := args{}
		seg := before.Field == entente.FieldSegmentation
		switch action {
		case entente.ActApprove:
			if before.Withdrawn || (before.State == entente.CorrectionApproved && before.Flag == "") {
				return entente.Errorf(entente.ECONFLICT, "correction %s waits for no approval", ref)
			}
			if seg && before.Flag != "" {
				return entente.Errorf(entente.ECONFLICT, "the sentences split or joined by %s changed (%s): withdraw it and split or join them again", ref, before.Flag)
			}
			set = "state = 'approved', flag = '', reviewer = " + a.add(actor.Name) + ", reviewed_at = " + a.add(now)
			// Approving a flagged correction accepts it against what the
			// extractor reads now, so the next re-extraction compares
			// with that.
			if before.Flag == entente.FlagChanged && before.Anchor == nil {
				ds, err := findDocuments(ctx, tx, []string{"d.id = $1"}, "", []any{before.DocumentID})
				if err != nil {
					return err
				}
				if len(ds) > 0 {
					v, err := entente.DocumentField(&ds[0].Document, before.Field)
					if err != nil {
						return err
					}
					set += ", extracted = " + a.add(string(v))
				}
			}
			if before.Flag == entente.FlagChanged && before.Anchor != nil && !seg {
				an := before.Anchor
				rows, err := findSentences(ctx, tx, "s.version_id = $1 AND s.section = $2 AND "+anchorSQL("s")+" = $3 AND s.occurrence = $4",
					[]any{an.VersionID, an.Section, an.TextSHA256, an.Occurrence})
				if err != nil {
					return err
				}
				if len(rows) > 0 {
					v, err := entente.SentenceField(&rows[0].Sentence, before.Field)
					if err != nil {
						return err
					}
					set += ", extracted = " + a.add(string(v))
				}
			}
		case entente.ActReject:
			if before.State != entente.CorrectionProposed || before.Withdrawn {
				return entente.Errorf(entente.ECONFLICT, "correction %s is not waiting for review", ref)
			}
			set = "state = 'rejected', reviewer = " + a.add(actor.Name) + ", reviewed_at = " + a.add(now)
		case entente.ActWithdraw:
			if before.Withdrawn {
				return entente.Errorf(entente.ECONFLICT, "correction %s is already withdrawn", ref)
			}
			set = "withdrawn_at = " + a.add(now)
		case entente.ActReinstate:
			if !before.Withdrawn {
				return entente.Errorf(entente.ECONFLICT, "correction %s is not withdrawn", ref)
			}
			set = "withdrawn_at = NULL"
		default:
			return entente.Errorf(entente.EINVALID, "unknown review action %q", action)
		}
		if why != "" {
			set += ", why = " + a.add(why)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE `+table+` SET `+set+` WHERE id = `+a.add(id), a...); err != nil {
			return err
		}
		cs, err = findCorrections(ctx, tx, correctionQuery{ref: ref, all: true})
		if err != nil {
			return err
		}
		out = &cs[0]
		// a split or join that starts or stops applying rewrites the
		// version's sentences, in this transaction
		if seg && before.Active() != out.Active() {
			if out.Active() {
				_, err = s.applySegmentation(ctx, tx, out)
			} else {
				err = s.undoSegmentation(ctx, tx, out)
			}
			if err != nil {
				return err
			}
		}
		return s.logCorrection(ctx, tx, action, &before, out)
	})
	if err != nil {
		return nil, fmt.Errorf("%s correction: %w", action, err)
	}
	return out, nil
}

// ReviewRequired reports whether an analyst's correction waits for an
// editor's approval (a store setting an editor sets).
func (s *Store) ReviewRequired(ctx context.Context) (bool, error) {
	var v string
	err := s.rdb.QueryRowContext(ctx, `SELECT value FROM store_settings WHERE key = 'corrections.review'`).Scan(&v)
	if err == sql.ErrNoRows {
		return false, nil
	}
	return v == "required", err
}

// SetReviewRequired sets whether analysts' corrections wait for approval.
func (s *Store) SetReviewRequired(ctx context.Context, required bool) error {
	v := map[bool]string{true: "required", false: "off"}[required]
	return s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO store_settings (key, value) VALUES ('corrections.review', $1)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, v); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "set", "setting", 0, nil, map[string]string{"corrections.review": v}, "")
	})
}

// applyDocumentCorrections applies a document's active corrections to its
// metadata and its sentences, and lists every correction of it (applied,
// waiting, flagged, withdrawn) with it.
func applyDocumentCorrections(ctx context.Context, query queryFunc, tx *sql.Tx, d *entente.StoredDocument) error {
	return applyDocumentCorrectionsIn(ctx, query, tx, d, 0, math.MaxInt32)
}

// applyDocumentCorrectionsIn is applyDocumentCorrections for a document
// whose extraction holds the sentences at positions [from, to) only (a
// page of it): only their anchors are read.
func applyDocumentCorrectionsIn(ctx context.Context, query queryFunc, tx *sql.Tx, d *entente.StoredDocument, from, to int) error {
	cs, err := findCorrectionsWith(ctx, query, tx, correctionQuery{document: d.ID, all: true})
	if err != nil || len(cs) == 0 {
		return err
	}
	d.Corrections = cs
	byAnchor := map[entente.Anchor][]entente.Correction{}
	for _, c := range cs {
		if c.Anchor == nil {
			if err := c.ApplyToDocument(&d.Document); err != nil {
				return fmt.Errorf("correction %s: %w", c.Ref, err)
			}
			continue
		}
		byAnchor[*c.Anchor] = append(byAnchor[*c.Anchor], c)
	}
	if d.Extraction == nil {
		return nil
	}
	d.Extraction.Document = d.Document
	if len(byAnchor) == 0 || len(d.Versions) == 0 {
		return nil
	}
	anchors, err := versionAnchors(ctx, query, tx, d.Versions[0].ID, from, to)
	if err != nil {
		return err
	}
	for i := range d.Extraction.Sentences {
		st := &d.Extraction.Sentences[i]
		if err := applyCorrections(byAnchor[anchors[st.ID]], st); err != nil {
			return err
		}
	}
	return nil
}

// versionAnchors maps the sentence ids (sN) of a version's sentences at
// positions [from, to) to their anchors.
func versionAnchors(ctx context.Context, query queryFunc, tx *sql.Tx, vid int64, from, to int) (map[string]entente.Anchor, error) {
	out := map[string]entente.Anchor{}
	err := query(ctx, tx, `SELECT s.label, s.section, `+anchorSQL("s")+`, s.occurrence FROM sentences s
		WHERE s.version_id = $1 AND s.position >= $2 AND s.position < $3`, []any{vid, from, to},
		func(rows *sql.Rows) error {
			var label string
			a := entente.Anchor{VersionID: vid}
			if err := rows.Scan(&label, &a.Section, &a.TextSHA256, &a.Occurrence); err != nil {
				return err
			}
			out[label] = a
			return nil
		})
	return out, err
}

// correctHitsWith applies the active corrections of the found sentences,
// so that a hit shows its labels as corrected, as the reader does; its
// queries run with query, the ids of each written by idsOf.
func correctHitsWith(ctx context.Context, query queryFunc, tx *sql.Tx, ids []int64, byID map[int64]*sentenceRow,
	idsOf func(*args, []int64) string) error {
	for chunk := range slices.Chunk(ids, maxIDList) {
		var a args
		err := query(ctx, tx, `
			SELECT s.id, k.field, k.value FROM corrections k
			JOIN sentences s ON s.version_id = k.version_id AND s.section = k.section AND `+anchorSQL("s")+` = k.text_sha256
				AND s.occurrence = k.occurrence
			WHERE s.id IN (`+idsOf(&a, chunk)+`) AND k.state = 'approved' AND k.withdrawn_at IS NULL ORDER BY k.id`, a,
			func(rows *sql.Rows) error {
				var id int64
				var c entente.Correction
				var value []byte
				if err := rows.Scan(&id, &c.Field, &value); err != nil {
					return err
				}
				r := byID[id]
				if r == nil {
					return nil
				}
				c.Value, c.State, c.Anchor = canonicalJSON(value), entente.CorrectionApproved, &entente.Anchor{}
				return c.ApplyTo(&r.Sentence)
			})
		if err != nil {
			return fmt.Errorf("read corrections of hits: %w", err)
		}
	}
	return nil
}
