package tracking

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/entente/entente"
)

// History is the timeline of a document (doc, label "") or of one of its
// sentences (DOC/sN), oldest first; of everything when doc is 0.
func (t *Tracker) History(ctx context.Context, doc int64, label string, after int64, limit int) ([]entente.Event, error) {
	f := entente.EventFilter{Document: doc, After: after, Limit: limit}
	if label != "" {
		ref, err := t.Store.FindSentence(ctx, doc, label)
		if err != nil {
			return nil, err
		}
		f.Document, f.Anchor = 0, ref.Anchor.String()
	}
	return t.Store.History(ctx, f)
}

// statusSnapshot mirrors what the store writes into a status event.
type statusSnapshot struct {
	Anchor   string `json:"anchor"`
	Statuses map[string]struct {
		Status     entente.Status `json:"status"`
		EvidenceID int64          `json:"evidence_id"`
	} `json:"statuses"`
}

// Undo reverses the change of one event with a new change (and its own
// event): a status goes back to what it was, evidence added is retracted
// and retracted evidence reinstated, a correction is withdrawn or
// reinstated, a withdrawn document restored. Analysts may undo changes
// to statuses, evidence and corrections; documents need an editor.
func (t *Tracker) Undo(ctx context.Context, seq int64) error {
	e, err := t.Store.Event(ctx, seq)
	if err != nil {
		return err
	}
	why := fmt.Sprintf("undo of event %d", seq)
	need := entente.RoleAnalyst
	if e.Entity == "document" {
		need = entente.RoleEditor
	}
	if err := t.require(ctx, need, "undoing this change"); err != nil {
		return err
	}
	switch e.Entity + " " + e.Action {
	case "status set":
		var before statusSnapshot
		if err := json.Unmarshal([]byte(e.Before), &before); err != nil {
			return fmt.Errorf("event %d: %w", seq, err)
		}
		a, err := entente.ParseAnchor(before.Anchor)
		if err != nil {
			return err
		}
		// one change per previous (status, evidence), in a fixed order
		type prev struct {
			status   entente.Status
			evidence int64
		}
		groups := map[prev][]string{}
		var keys []prev
		for p, st := range before.Statuses {
			k := prev{st.Status, st.EvidenceID}
			if groups[k] == nil {
				keys = append(keys, k)
			}
			groups[k] = append(groups[k], p)
		}
		slices.SortFunc(keys, func(x, y prev) int { return compareStrings(string(x.status), string(y.status)) })
		for _, k := range keys {
			ps := groups[k]
			slices.Sort(ps)
			if _, err := t.Store.SetStatus(ctx, entente.StatusChange{Anchor: a, DocumentID: e.Document, Parties: ps, Status: k.status,
				EvidenceID: k.evidence, Why: why, Revision: -1}); err != nil {
				return err
			}
		}
		return nil
	case "evidence add", "evidence reinstate":
		_, err := t.Store.RetractEvidence(ctx, e.EntityID, why)
		return err
	case "evidence retract":
		_, err := t.Store.ReinstateEvidence(ctx, e.EntityID, why)
		return err
	case "correction create", "correction approve", "correction reinstate",
		"document_correction create", "document_correction approve", "document_correction reinstate":
		_, err := t.reviewCorrection(ctx, entente.CorrectionRef(e.Entity == "document_correction", e.EntityID), entente.ActWithdraw, why)
		return err
	case "correction withdraw", "document_correction withdraw":
		_, err := t.reviewCorrection(ctx, entente.CorrectionRef(e.Entity == "document_correction", e.EntityID), entente.ActReinstate, why)
		return err
	case "document withdraw":
		return t.Store.RestoreDocument(ctx, e.EntityID, why)
	case "document restore":
		return t.Store.WithdrawDocument(ctx, e.EntityID, why)
	case "document link", "document unlink":
		var after struct {
			Other int64 `json:"other"`
		}
		if err := json.Unmarshal([]byte(e.After), &after); err != nil || after.Other == 0 {
			return fmt.Errorf("event %d: no other document: %v", seq, err)
		}
		_, err := t.Store.SetVersionLink(ctx, e.EntityID, after.Other, e.Action == "unlink", entente.LinkManual, why)
		return err
	}
	return entente.Errorf(entente.EINVALID, "event %d (%s %s) cannot be undone", seq, e.Action, e.Entity)
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
