package compare

import (
	"context"

	"github.com/entente/entente"
)

// Timeline is the relationship between two parties as their documents
// name it, oldest first: one step per document that names it. It is read
// from the pair's kept view when that is current; otherwise from the
// documents alone, while the view, whose recycled promises and follow-ups
// take many times longer (about 17 s of CPU for a pair of 2,400
// statements, against 2.5 s to read them), is computed in the background
// for the reads after it.
func (s *Service) Timeline(ctx context.Context, a, b string) ([]entente.RelationshipStep, error) {
	if err := checkPair(a, b); err != nil {
		return nil, err
	}
	if s.Views != nil {
		x, y := min(a, b), max(a, b)
		p, _, ok, err := s.keptParts(ctx, x, y)
		if err != nil {
			return nil, err
		}
		if ok {
			return p.Timeline, nil
		}
		s.views.later(ctx, "view:"+x+","+y, nil, s.viewOf(x, y))
	}
	docs, err := s.pairDocuments(ctx, a, b)
	if err != nil {
		return nil, err
	}
	return s.Words.Steps(docs), nil
}

// Steps reads the relationship steps of documents given oldest first.
func (w *Words) Steps(docs []*entente.StoredDocument) []entente.RelationshipStep {
	steps := []entente.RelationshipStep{}
	var prev *entente.RelationshipStep
	for _, d := range docs {
		st, ok := w.step(d, prev)
		if !ok {
			continue
		}
		steps = append(steps, st)
		prev = &steps[len(steps)-1]
	}
	return steps
}

// step is the document's designation: its highest one, from the sentence
// that says what it does with it when several name it.
func (w *Words) step(d *entente.StoredDocument, prev *entente.RelationshipStep) (entente.RelationshipStep, bool) {
	var (
		best      entente.RelationshipStep
		bestFound found
		bestCue   bool
		ok        bool
	)
	for _, st := range sentences(d) {
		f := w.read(st.Text)
		if len(f.designations) == 0 {
			continue
		}
		top, words := f.designations[0], f.words[0]
		for i, c := range f.designations {
			if w.rank[c] > w.rank[top] {
				top, words = c, f.words[i]
			}
		}
		cue := f.upgrade || f.establish || f.reaffirm
		r := w.rank[top]
		if ok && (r < best.Rank || (r == best.Rank && (bestCue || !cue))) {
			continue
		}
		best = entente.RelationshipStep{DocumentID: d.ID, DocumentTitle: d.Title, SignedDate: brief(d).SignedDate,
			Sentence: st.ID, Text: st.Text, Designation: top, Label: w.labels[top], Rank: r, Words: words}
		bestFound, bestCue, ok = f, cue, true
	}
	if !ok {
		return best, false
	}
	// the lower level the sentence itself names (from … to …), else the step before's
	for _, c := range bestFound.designations {
		if w.rank[c] < best.Rank && (best.From == "" || w.rank[c] > w.rank[best.From]) {
			best.From = c
		}
	}
	prevRank := 0
	if prev != nil {
		prevRank = prev.Rank
		if best.From == "" && prev.Rank < best.Rank {
			best.From = prev.Designation
		}
	}
	if best.From != "" {
		l := w.labels[best.From]
		best.FromLabel = &l
	}
	switch {
	case bestFound.upgrade:
		best.Action = entente.Upgraded
	case bestFound.establish && prev != nil && best.Rank > prevRank:
		best.Action = entente.Upgraded // founded anew, above what stood before
	case bestFound.establish && prev == nil:
		best.Action = entente.Established
	case bestFound.establish:
		best.Action = entente.Reaffirmed // founded before: an anniversary, a reminder
	case bestFound.reaffirm:
		best.Action = entente.Reaffirmed
	case prev != nil && best.Rank > prevRank:
		best.Action, best.Inferred = entente.Upgraded, true
	default:
		best.Action, best.Inferred = entente.Reaffirmed, true
	}
	return best, true
}
