package sqlstore

import (
	"context"
	"database/sql"
	"slices"

	"github.com/entente/entente"
)

// PartReader reads the parts of a split sentence again, each as a
// sentence of its own in its statement's text (so that its context, the
// parties that 双方 names, is the statement's): their labels, one
// sentence per part, or nil when it cannot (the parts do not come out as
// sentences of their own).
type PartReader interface {
	ReadParts(text string, covered entente.Sentence, parts []string) []entente.Sentence
}

type partHolder struct{ r PartReader }

// UsePartReader gives the store what reads a split's parts again: every
// split applied from then on (made, approved, reinstated, replayed, or
// applied again by a re-extraction) gives its parts their own labels.
// Without one, the parts keep the split sentence's labels.
func (s *Store) UsePartReader(r PartReader) {
	if r == nil {
		s.parts.Store(nil)
		return
	}
	s.parts.Store(&partHolder{r})
}

// resegment returns the sentences that replace covered, the sentences of
// version vid that g covers: a split's parts read again when the store
// has a reader, else as entente.Segmentation.Resegment gives them.
func (s *Store) resegment(ctx context.Context, tx *sql.Tx, vid int64, g *entente.Segmentation, covered []entente.Sentence) ([]entente.Sentence, error) {
	out := g.Resegment(covered)
	h := s.parts.Load()
	if h == nil || g.Covers != 1 || len(covered) != 1 {
		return out, nil
	}
	text, err := readVersionText(ctx, tx, vid)
	if err != nil {
		return nil, err
	}
	read := h.r.ReadParts(text, covered[0], g.Parts)
	if len(read) != len(out) {
		return out, nil // read as parts of the sentence: its labels
	}
	for i := range out {
		p, r := &out[i], &read[i]
		p.Type, p.Strength, p.Actors, p.Areas, p.Rationale = r.Type, r.Strength, nonNil(r.Actors), nonNil(r.Areas), r.Rationale
		p.Deadline = nil
		if r.Deadline != nil {
			d := *r.Deadline
			p.Deadline = &d
		}
		// instruments, mechanisms and projects are the statement's (its
		// lists name their sentences): a part names those of the sentence
		// that its reading finds in it
		p.References = within(r.References, covered[0].References)
		p.Mechanisms = within(r.Mechanisms, covered[0].Mechanisms)
		p.Projects = within(r.Projects, covered[0].Projects)
	}
	return out, nil
}

// within returns the values of xs that are in of, in order, never nil.
func within(xs, of []string) []string {
	out := []string{}
	for _, x := range xs {
		if slices.Contains(of, x) && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
