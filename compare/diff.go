package compare

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/entente/entente"
)

// Compare aligns the commitments and positions of two documents: each pair
// that says the same thing is marked repeated, reworded, strengthened or
// weakened (by strength, a position counting below any commitment), and
// what is left is added (only in b) or dropped (only in a).
func (s *Service) Compare(ctx context.Context, a, b int64) (*entente.Comparison, error) {
	if a == b {
		return nil, entente.Errorf(entente.EINVALID, "compare two different documents")
	}
	da, err := s.Store.Document(ctx, a)
	if err != nil {
		return nil, err
	}
	db, err := s.Store.Document(ctx, b)
	if err != nil {
		return nil, err
	}
	return Diff(da, db), nil
}

// Diff compares two loaded documents (Compare without the store).
func Diff(da, db *entente.StoredDocument) *entente.Comparison {
	ba, bb := brief(da), brief(db)
	var left, right, all []*item
	for i, st := range sentences(da) {
		if compared(&st) {
			left = append(left, newItem(da.ID, ba.SignedDate, &sentences(da)[i]))
		}
	}
	for i, st := range sentences(db) {
		if compared(&st) {
			right = append(right, newItem(db.ID, bb.SignedDate, &sentences(db)[i]))
		}
	}
	all = append(append(all, left...), right...)
	weigh(all)

	type cand struct {
		i, j  int
		score float64
	}
	var cands []cand
	for i, x := range left {
		for j, y := range right {
			if sc := similarity(x, y); sc >= AlignThreshold {
				cands = append(cands, cand{i, j, sc})
			}
		}
	}
	// the best pairs first; ties in reading order, so the result is stable
	slices.SortFunc(cands, func(p, q cand) int {
		if c := cmp.Compare(q.score, p.score); c != 0 {
			return c
		}
		if c := cmp.Compare(p.i, q.i); c != 0 {
			return c
		}
		return cmp.Compare(p.j, q.j)
	})
	matchL, matchR := make([]int, len(left)), make([]int, len(right))
	for i := range matchL {
		matchL[i] = -1
	}
	for j := range matchR {
		matchR[j] = -1
	}
	rowOf := map[int]entente.Alignment{}
	for _, c := range cands {
		if matchL[c.i] >= 0 || matchR[c.j] >= 0 {
			continue
		}
		matchL[c.i], matchR[c.j] = c.j, c.i
		rowOf[c.i] = entente.Alignment{Mark: markOf(left[c.i], right[c.j], c.score), A: side(left[c.i]), B: side(right[c.j]),
			Score: round(c.score), Why: explain(left[c.i], right[c.j])}
	}

	cmpn := &entente.Comparison{A: ba, B: bb, Rows: []entente.Alignment{}, Summary: map[entente.Mark]int{}, ByArea: map[string]map[entente.Mark]int{}}
	for _, m := range entente.Marks {
		cmpn.Summary[m] = 0
	}
	// rows follow the second statement's order, each dropped sentence of
	// the first placed after the row of its predecessor in the first
	emitDropped := func(upto int, done []bool) {
		for i := 0; i < upto; i++ {
			if matchL[i] < 0 && !done[i] {
				done[i] = true
				cmpn.Rows = append(cmpn.Rows, entente.Alignment{Mark: entente.Dropped, A: side(left[i])})
			}
		}
	}
	done := make([]bool, len(left))
	for j := range right {
		if i := matchR[j]; i >= 0 {
			emitDropped(i, done)
			cmpn.Rows = append(cmpn.Rows, rowOf[i])
			continue
		}
		cmpn.Rows = append(cmpn.Rows, entente.Alignment{Mark: entente.Added, B: side(right[j])})
	}
	emitDropped(len(left), done)
	for _, r := range cmpn.Rows {
		cmpn.Summary[r.Mark]++
		for _, ar := range rowAreas(&r) {
			if cmpn.ByArea[ar] == nil {
				cmpn.ByArea[ar] = map[entente.Mark]int{}
			}
			cmpn.ByArea[ar][r.Mark]++
		}
	}
	return cmpn
}

// markOf says how a matched pair changed.
func markOf(a, b *item, score float64) entente.Mark {
	ra, rb := rank(a.s), rank(b.s)
	switch {
	case rb > ra:
		return entente.Strengthened
	case rb < ra:
		return entente.Weakened
	case score >= SameThreshold:
		return entente.Repeated
	}
	return entente.Reworded
}

// rank orders what a sentence undertakes: a commitment's strength (1 … 3)
// above a position (0).
func rank(s *entente.Sentence) int {
	if s.Type != entente.Commitment {
		return 0
	}
	return s.Strength.Rank()
}

func side(it *item) *entente.ComparedSentence {
	return &entente.ComparedSentence{DocumentID: it.doc, Sentence: it.s.ID, Text: it.s.Text, Type: it.s.Type,
		Strength: it.s.Strength, Areas: nonNil(it.s.Areas)}
}

// rowAreas are the areas a row counts under: both sides', once each, or
// "none" for a sentence with none.
func rowAreas(r *entente.Alignment) []string {
	var out []string
	for _, sd := range []*entente.ComparedSentence{r.A, r.B} {
		if sd != nil {
			out = append(out, sd.Areas...)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) == 0 {
		out = []string{"none"}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func round(x float64) float64 { return math.Round(x*100) / 100 }

func refOf(doc int64, sentence string) string { return fmt.Sprintf("%d/%s", doc, sentence) }
