package web

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The pages that read statements side by side: a pair's relationship
// timeline and two documents compared with their texts side by side. A
// pair's page, which shows both and more, is in page_pair.go.

// compareView is the frame and the words the three pages share.
type compareView struct {
	*frame
	W    *compareWords
	A, B string // the parties as typed
	// Codes are the resolved pair, empty until both are known.
	Codes []string
	// PairQuery is the resolved pair as a query (a=CN&b=RS), for the
	// export links.
	PairQuery template.URL
}

// Label is a relationship designation in the page's language.
func (v *compareView) Label(l entente.Label) string {
	switch v.Lang {
	case "en":
		return l.EN
	case "sr":
		return l.SR
	}
	return l.ZH
}

// pair resolves the page's two parties; a refused one is said beside the
// form and the page is drawn without results.
func (s *Server) pair(v *compareView, a, b string) bool {
	v.A, v.B = a, b
	if a == "" || b == "" {
		return false
	}
	var msgs []string
	var codes []string
	for _, x := range []string{a, b} {
		code, err := s.filters.Party(x)
		if err != nil {
			msgs = append(msgs, err.Error())
			continue
		}
		codes = append(codes, code)
	}
	if len(msgs) > 0 {
		v.Error = strings.Join(msgs, " ")
		return false
	}
	if codes[0] == codes[1] {
		v.Error = v.W.PairPick
		return false
	}
	v.Codes = codes
	v.PairQuery = template.URL(url.Values{"a": {codes[0]}, "b": {codes[1]}}.Encode())
	return true
}

// pageFailed draws a refusal or logs an internal error.
func (s *Server) pageFailed(w http.ResponseWriter, name string, v pageView, err error) {
	code := entente.ErrorCode(err)
	if code == entente.EINTERNAL {
		s.log.Error("page", "page", name, "err", err)
	}
	v.base().Error = entente.ErrorMessage(err)
	w.WriteHeader(problemStatus(code))
	s.render(w, name, v)
}

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

// stepAt is one step as its template draws it, with the page's words.
type stepAt struct {
	Page *relationView
	Step entente.RelationshipStep
}

func stepOf(v *relationView, s entente.RelationshipStep) stepAt { return stepAt{v, s} }

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

// comparisonView is two documents side by side.
type comparisonView struct {
	compareView
	DocA, DocB string // as typed
	C          *entente.Comparison
	Areas      []string
	Marks      []entente.Mark
	RawQuery   template.URL // the two documents, for the export links
}

func (s *Server) comparePage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &comparisonView{compareView: compareView{frame: f, W: compareWordsFor(f.Lang)}, Marks: entente.Marks}
	f.Title = v.W.Compare
	q := r.URL.Query()
	v.DocA, v.DocB = q.Get("a"), q.Get("b")
	if v.DocA == "" || v.DocB == "" {
		s.render(w, "compare", v)
		return
	}
	a, b, err := compareDocuments(q)
	if err != nil {
		s.pageFailed(w, "compare", v, err)
		return
	}
	svc, err := s.comparer()
	if err == nil {
		v.C, err = svc.Compare(r.Context(), a, b)
		v.RawQuery = template.URL(url.Values{"a": {strconv.FormatInt(a, 10)}, "b": {strconv.FormatInt(b, 10)}}.Encode())
	}
	if err != nil {
		s.pageFailed(w, "compare", v, err)
		return
	}
	for area := range v.C.ByArea {
		v.Areas = append(v.Areas, area)
	}
	slices.Sort(v.Areas)
	f.Title = fmt.Sprintf("%s · %d ↔ %d", v.W.Compare, a, b)
	s.render(w, "compare", v)
}

// MarkLabel is a mark in the page's language.
func (v *comparisonView) MarkLabel(m entente.Mark) string { return v.W.Marks[m] }

// AreaName is an area's label, "—" for a sentence with none.
func (v *compareView) AreaName(a string) string {
	if a == "none" {
		return "—"
	}
	return v.T.AreaLabel(a)
}
