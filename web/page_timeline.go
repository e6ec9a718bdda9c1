package web

import (
	"fmt"
	"net/http"

	"github.com/entente/entente"
)

// The relationship timeline of a pair: every step its documents take, with
// runs of reaffirmations folded.

// relationView is one pair's relationship timeline.
type relationView struct {
	compareView
	Steps []entente.RelationshipStep
	// Runs are Steps as the page lists them: a run of reaffirmations of
	// one designation folded under one line
	Runs []stepRun
}

// stepRun is one step of a timeline, or a run of at least minFoldedRun
// reaffirmations of one designation in a row, listed under one line that
// opens on them. A pair followed for decades reaffirms its relationship in
// almost every statement: 1,606 steps for a pair of the library of
// 100,000, a page of 877 KB in which the few that established or upgraded
// it were lost.
type stepRun struct {
	Steps []entente.RelationshipStep
}

const minFoldedRun = 4

// Folded says whether the run is listed under one line.
func (r stepRun) Folded() bool { return len(r.Steps) >= minFoldedRun }

// First and Last are the run's first and last steps.
func (r stepRun) First() entente.RelationshipStep { return r.Steps[0] }
func (r stepRun) Last() entente.RelationshipStep  { return r.Steps[len(r.Steps)-1] }

// stepAt is one step as a template draws it, with the page's words (the
// timeline's and the pair's).
type stepAt struct {
	Page *compareView
	Step entente.RelationshipStep
}

// Step is s with the page's words, for the template that draws a step.
func (v *compareView) Step(s entente.RelationshipStep) stepAt { return stepAt{v, s} }

// foldSteps groups a timeline's reaffirmations of one designation in a
// row into runs; every other step is a run of its own.
func foldSteps(steps []entente.RelationshipStep) []stepRun {
	var out []stepRun
	for i := 0; i < len(steps); {
		j := i + 1
		if steps[i].Action == entente.Reaffirmed {
			for j < len(steps) && steps[j].Action == entente.Reaffirmed && steps[j].Designation == steps[i].Designation {
				j++
			}
		}
		if j-i < minFoldedRun {
			j = i + 1
		}
		out = append(out, stepRun{Steps: steps[i:j]})
		i = j
	}
	return out
}

func (s *Server) timelinePage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &relationView{compareView: compareView{frame: f, W: compareWordsFor(f.Lang)}}
	f.Title = v.W.Timeline
	q := r.URL.Query()
	if !s.pair(&v.compareView, q.Get("a"), q.Get("b")) {
		s.render(w, "timeline", v)
		return
	}
	svc, err := s.comparer()
	if err == nil {
		v.Steps, err = svc.Timeline(r.Context(), v.Codes[0], v.Codes[1])
		v.Runs = foldSteps(v.Steps)
	}
	if err != nil {
		s.pageFailed(w, "timeline", v, err)
		return
	}
	f.Title = fmt.Sprintf("%s · %s–%s", v.W.Timeline, v.Codes[0], v.Codes[1])
	s.render(w, "timeline", v)
}
