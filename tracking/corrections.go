package tracking

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// CorrectInput is a correction of one field of a sentence (Sentence set)
// or of a document's metadata (Sentence empty). Value is JSON: "firm",
// ["CN","RS"], null.
type CorrectInput struct {
	Document int64
	Sentence string
	Field    string
	Value    json.RawMessage
	Why      string
}

// Correct stores a correction: analysts and above. When review is
// required, an analyst's correction waits for an editor's approval; an
// editor's applies at once. A value equal to what is shown is refused.
func (t *Tracker) Correct(ctx context.Context, in CorrectInput) (*entente.Correction, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "correcting"); err != nil {
		return nil, err
	}
	if len(in.Value) > 64<<10 {
		return nil, entente.Errorf(entente.ETOOLARGE, "a corrected value is at most 64 KiB")
	}
	state, err := t.correctionState(ctx)
	if err != nil {
		return nil, err
	}
	n := entente.NewCorrection{DocumentID: in.Document, Sentence: in.Sentence, Field: in.Field, State: state, Why: in.Why}
	var shown json.RawMessage
	if in.Sentence != "" {
		value, err := entente.CheckSentenceValue(in.Field, in.Value)
		if err != nil {
			return nil, err
		}
		ref, err := t.Store.FindSentence(ctx, in.Document, in.Sentence)
		if err != nil {
			return nil, err
		}
		// What the extractor gave, without corrections, is what a
		// re-extraction compares with.
		d, err := t.Store.Document(ctx, in.Document)
		if err != nil {
			return nil, err
		}
		if shown, err = entente.SentenceField(&ref.Sentence, in.Field); err != nil {
			return nil, err
		}
		extracted, err := extractedField(d, ref, in.Field)
		if err != nil {
			return nil, err
		}
		n.Anchor, n.Value, n.Extracted = &ref.Anchor, value, extracted
	} else {
		value, err := entente.CheckDocumentValue(in.Field, in.Value)
		if err != nil {
			return nil, err
		}
		d, err := t.Store.Document(ctx, in.Document)
		if err != nil {
			return nil, err
		}
		if shown, err = entente.DocumentField(&d.Document, in.Field); err != nil {
			return nil, err
		}
		n.Value, n.Extracted = value, shown
	}
	if string(shown) == string(n.Value) {
		return nil, entente.Errorf(entente.EINVALID, "%s is already %s", in.Field, shown)
	}
	c, err := t.Store.AddCorrection(ctx, n)
	if err != nil || !c.Active() {
		return c, err
	}
	return c, t.readAgainAfter(ctx, c)
}

// readAgainAfter reads a document again when a correction of its parties
// or its language has just come into force or gone out of it, so that its
// sentences follow the analyst's decision at once (the two sides stand for
// the corrected parties; the corrected language's rules read it), not at
// the next re-extraction. Whoever made the correction is who re-reads: the
// re-extraction writes its own event in its own transaction, after the
// correction's; if it fails, the correction stays, and the error says that
// the labels wait for `reextract`. Without an extractor (a tracker that
// does not read texts) nothing is read again.
func (t *Tracker) readAgainAfter(ctx context.Context, c *entente.Correction) error {
	if c == nil || c.Anchor != nil || !changesReading(c.Field) || t.Extractor == nil {
		return nil
	}
	if err := t.reextract(ctx, c.DocumentID, func(entente.Reextracted) error { return nil }); err != nil {
		return fmt.Errorf("%s is stored, but reading document %d again with it failed (run reextract): %w", c.Ref, c.DocumentID, err)
	}
	return nil
}

// changesReading says whether a correction of a document's field changes
// how its sentences are read.
func changesReading(field string) bool { return field == "parties" || field == "language" }

// correctionState is the state of a new correction by who acts in ctx:
// proposed when review is required and they are below editor.
func (t *Tracker) correctionState(ctx context.Context) (string, error) {
	review, err := t.Store.ReviewRequired(ctx)
	if err != nil {
		return "", err
	}
	if review && !t.role(ctx).AtLeast(entente.RoleEditor) {
		return entente.CorrectionProposed, nil
	}
	return entente.CorrectionApproved, nil
}

// extractedField is the field as the extractor gave it: the shown value
// with the sentence's active corrections of that field taken off, i.e. the
// first such correction's extracted value, else the shown one.
func extractedField(d *entente.StoredDocument, ref *entente.SentenceRef, field string) (json.RawMessage, error) {
	for _, c := range d.Corrections {
		if c.Anchor != nil && *c.Anchor == ref.Anchor && c.Field == field && c.Active() {
			return c.Extracted, nil
		}
	}
	return entente.SentenceField(&ref.Sentence, field)
}

// Review approves or rejects a correction that waits (or is flagged):
// editors and above.
func (t *Tracker) Review(ctx context.Context, ref, action, why string) (*entente.Correction, error) {
	if err := t.require(ctx, entente.RoleEditor, "reviewing corrections"); err != nil {
		return nil, err
	}
	if action != entente.ActApprove && action != entente.ActReject {
		return nil, entente.Errorf(entente.EINVALID, "review is approve or reject")
	}
	return t.reviewCorrection(ctx, ref, action, why)
}

// reviewCorrection approves, rejects, withdraws or reinstates a correction
// and, when that brought it into force or took it out (a proposed one
// rejected or withdrawn changes nothing), reads its document again as
// readAgainAfter says.
func (t *Tracker) reviewCorrection(ctx context.Context, ref, action, why string) (*entente.Correction, error) {
	was := false
	if before, err := t.Store.Correction(ctx, ref); err == nil {
		was = before.Active()
	} // else the review meets the same error and says it
	c, err := t.Store.ReviewCorrection(ctx, ref, action, why)
	if err != nil || c.Active() == was {
		return c, err
	}
	return c, t.readAgainAfter(ctx, c)
}

// ReviewQueue lists the corrections that wait for an editor: proposed,
// or flagged by a re-extraction.
func (t *Tracker) ReviewQueue(ctx context.Context) ([]entente.Correction, error) {
	return t.Store.Corrections(ctx, 0, nil, true)
}

// SetReviewRequired turns review of analysts' corrections on or off:
// editors and above.
func (t *Tracker) SetReviewRequired(ctx context.Context, on bool) error {
	if err := t.require(ctx, entente.RoleEditor, "requiring review"); err != nil {
		return err
	}
	return t.Store.SetReviewRequired(ctx, on)
}

// Reextract runs the current extractor again over one document's versions
// (doc 0: every document's): corrections stay, and those whose field now
// reads differently, or whose sentence is gone, are flagged, never dropped.
// Editors and above.
func (t *Tracker) Reextract(ctx context.Context, doc int64) ([]entente.Reextracted, error) {
	out := []entente.Reextracted{}
	err := t.ReextractEach(ctx, doc, func(r entente.Reextracted) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// ReextractEach re-extracts as Reextract does and hands each version's
// result to each as soon as it is stored, so that a re-extraction of a
// large collection reports as it goes (each version is its own
// transaction: one stopped half-way leaves every version either done or
// as it was).
func (t *Tracker) ReextractEach(ctx context.Context, doc int64, each func(entente.Reextracted) error) error {
	if err := t.require(ctx, entente.RoleEditor, "re-extracting"); err != nil {
		return err
	}
	return t.reextract(ctx, doc, each)
}

// reextract is ReextractEach for whoever acts in ctx: the caller has
// checked that they may.
func (t *Tracker) reextract(ctx context.Context, doc int64, each func(entente.Reextracted) error) error {
	if t.Extractor == nil {
		return entente.Errorf(entente.EUNSUPPORTED, "no extractor configured")
	}
	for after := int64(0); ; {
		vs, err := t.Store.VersionsToReextract(ctx, doc, after, reextractPage)
		if err != nil {
			return err
		}
		if len(vs) == 0 {
			return nil
		}
		for _, v := range vs {
			if err := ctx.Err(); err != nil {
				return err
			}
			x, err := t.extractAs(v)
			if err != nil {
				return err
			}
			r, err := t.Store.ReplaceExtraction(ctx, v.ID, x, t.ExtractorName)
			if err != nil {
				return err
			}
			if err := each(*r); err != nil {
				return err
			}
		}
		after = vs[len(vs)-1].ID
	}
}

// reextractPage is how many versions a re-extraction holds in memory at
// once (with their text).
const reextractPage = 64

// givenReader reads a text as an analyst decided: in a given language
// (empty: detected) and with given document parties (nil: read from the
// text) for its joint subjects (the registry of extractors does).
type givenReader interface {
	ExtractGiven(text, lang string, parties []string) (*entente.Extraction, error)
}

// extractAs reads version v again. The language an analyst corrected it
// to decides the rules that read it, and the parties an analyst corrected
// the document's to are those its joint subjects (the two sides, 双方)
// stand for, so that each correction survives in the labels and not only
// in what the document shows; then a language chosen at ingest (--lang);
// otherwise the extractor detects the language again, so that a better
// detector mends what an older one stored.
func (t *Tracker) extractAs(v entente.VersionToRead) (*entente.Extraction, error) {
	gr, ok := t.Extractor.(givenReader)
	if !ok {
		return nonNil(v, t.Extractor.Extract(v.Text))
	}
	lang, what := "", "the corrected parties"
	switch {
	case v.CorrectedLanguage != "":
		lang, what = v.CorrectedLanguage, "the corrected language"
	case v.LanguageGiven:
		// chosen at ingest: a decision like a correction, and the stored
		// language is that choice, not a detector's reading
		lang, what = v.Language, "the language given at ingest"
	}
	x, err := gr.ExtractGiven(v.Text, lang, v.CorrectedParties)
	if err != nil {
		return nil, entente.Errorf(entente.EINVALID, "version %d: %s: %v", v.ID, what, err)
	}
	if v.CorrectedLanguage != "" && x != nil {
		// the stored language stays the extractor's own reading, which the
		// correction overlays as every correction does: the correction is
		// flagged only when that reading changes
		if d := t.Extractor.Extract(v.Text); d != nil {
			x.Document.Language = d.Document.Language
		}
	}
	return nonNil(v, x)
}

// nonNil is x, or an error naming version v when the extractor gave
// nothing.
func nonNil(v entente.VersionToRead, x *entente.Extraction) (*entente.Extraction, error) {
	if x == nil {
		return nil, fmt.Errorf("version %d: the extractor gave nothing", v.ID)
	}
	return x, nil
}

// Withdraw hides a document, keeping it: editors and above.
func (t *Tracker) Withdraw(ctx context.Context, doc int64, why string) error {
	if err := t.require(ctx, entente.RoleEditor, "withdrawing a document"); err != nil {
		return err
	}
	if strings.TrimSpace(why) == "" {
		return entente.Errorf(entente.EINVALID, "a withdrawal needs a reason")
	}
	return t.Store.WithdrawDocument(ctx, doc, why)
}

// Restore undoes a withdrawal: editors and above.
func (t *Tracker) Restore(ctx context.Context, doc int64, why string) error {
	if err := t.require(ctx, entente.RoleEditor, "restoring a document"); err != nil {
		return err
	}
	return t.Store.RestoreDocument(ctx, doc, why)
}

// Purge removes a document with everything users entered on it, which
// the event log keeps: admins only.
func (t *Tracker) Purge(ctx context.Context, doc int64, why string) error {
	if err := t.require(ctx, entente.RoleAdmin, "purging a document"); err != nil {
		return err
	}
	if strings.TrimSpace(why) == "" {
		return entente.Errorf(entente.EINVALID, "a purge needs a reason")
	}
	return t.Store.PurgeDocument(ctx, doc, why)
}
