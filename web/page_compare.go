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

// Two documents compared, their texts side by side, and what the pages that
// read statements side by side share (the timeline's in page_timeline.go,
// the pair's in page_pair.go).

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
