package tracking

import (
	"context"
	"encoding/json"
	"slices"
	"strings"

	"github.com/entente/entente"
)

// SplitInput splits the sentence DOC/sN: at the given character offsets
// into its text (each part starts at one), or into the given parts, whose
// texts together must be the sentence's.
type SplitInput struct {
	Document int64
	Sentence string
	At       []int
	Parts    []string
	Why      string
}

// JoinInput joins the sentence DOC/sN with the Count-1 sentences after it
// (Count 0 means 2), all of one section.
type JoinInput struct {
	Document int64
	Sentence string
	Count    int
	Why      string
}

// Split stores a correction that splits a sentence: analysts and above,
// waiting for an editor when review is required. Once applied, the parts
// are sentences of their own (numbered again with the rest), with the
// sentence's labels, each open to corrections of its own.
func (t *Tracker) Split(ctx context.Context, in SplitInput) (*entente.Correction, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "splitting a sentence"); err != nil {
		return nil, err
	}
	ref, err := t.Store.FindSentence(ctx, in.Document, in.Sentence)
	if err != nil {
		return nil, err
	}
	parts := in.Parts
	if len(in.At) > 0 {
		if len(parts) > 0 {
			return nil, entente.Errorf(entente.EINVALID, "split at offsets or into parts, not both")
		}
		if parts, err = cut(ref.Sentence.Text, in.At); err != nil {
			return nil, err
		}
	}
	return t.segment(ctx, ref, in.Sentence, entente.Segmentation{Covers: 1, Parts: parts}, in.Why)
}

// Join stores a correction that joins sentences in one, as Split does.
func (t *Tracker) Join(ctx context.Context, in JoinInput) (*entente.Correction, error) {
	if err := t.require(ctx, entente.RoleAnalyst, "joining sentences"); err != nil {
		return nil, err
	}
	if in.Count == 0 {
		in.Count = 2
	}
	if in.Count < 2 || in.Count > entente.MaxSegmentParts {
		return nil, entente.Errorf(entente.EINVALID, "a join makes one sentence of 2 to %d", entente.MaxSegmentParts)
	}
	ref, err := t.Store.FindSentence(ctx, in.Document, in.Sentence)
	if err != nil {
		return nil, err
	}
	d, err := t.Store.Document(ctx, in.Document)
	if err != nil {
		return nil, err
	}
	var texts []string
	if d.Extraction != nil {
		i := slices.IndexFunc(d.Extraction.Sentences, func(s entente.Sentence) bool { return s.ID == in.Sentence })
		for j := i; i >= 0 && j < len(d.Extraction.Sentences) && len(texts) < in.Count; j++ {
			s := d.Extraction.Sentences[j]
			if s.Section != ref.Sentence.Section {
				break
			}
			texts = append(texts, s.Text)
		}
	}
	if len(texts) < in.Count {
		return nil, entente.Errorf(entente.EINVALID, "%d/%s is not followed by %d sentences of its section", in.Document, in.Sentence, in.Count-1)
	}
	return t.segment(ctx, ref, in.Sentence, entente.Segmentation{Covers: in.Count, Parts: []string{entente.JoinTexts(texts)}}, in.Why)
}

func (t *Tracker) segment(ctx context.Context, ref *entente.SentenceRef, label string, g entente.Segmentation, why string) (*entente.Correction, error) {
	raw, err := json.Marshal(g)
	if err != nil {
		return nil, err
	}
	_, value, err := entente.ParseSegmentation(raw)
	if err != nil {
		return nil, err
	}
	if g.Covers == 1 && !g.Matches([]string{ref.Sentence.Text}) {
		return nil, entente.Errorf(entente.EINVALID, "the parts together must be the sentence's text")
	}
	state, err := t.correctionState(ctx)
	if err != nil {
		return nil, err
	}
	return t.Store.AddCorrection(ctx, entente.NewCorrection{DocumentID: ref.DocumentID, Anchor: &ref.Anchor, Sentence: label,
		Field: entente.FieldSegmentation, Value: value, State: state, Why: why})
}

// cut splits text at character offsets, each strictly inside it and
// increasing.
func cut(text string, at []int) ([]string, error) {
	rs := []rune(text)
	prev := 0
	var parts []string
	for _, n := range at {
		if n <= prev || n >= len(rs) {
			return nil, entente.Errorf(entente.EINVALID, "split offsets are characters inside the sentence (1 to %d), increasing", len(rs)-1)
		}
		parts = append(parts, string(rs[prev:n]))
		prev = n
	}
	parts = append(parts, string(rs[prev:]))
	for _, p := range parts {
		if strings.TrimSpace(p) == "" {
			return nil, entente.Errorf(entente.EINVALID, "a split part would be empty")
		}
	}
	return parts, nil
}
