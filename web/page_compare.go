package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// The pages that read statements side by side: a pair's relationship
// timeline, two documents compared with their texts side by side, and a
// pair's page (documents on a time axis, the timeline, commitments by area
// and status, the scorecard, recycled promises and follow-ups, with the
// forms an editor decides them with).

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
	if v.Lang == "en" {
		return l.EN
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

// pairView is a pair's page.
type pairView struct {
	compareView
	V         *entente.PairView
	Followups []entente.Followup // the newest maxPairFollowups pending
	// FollowupsTotal counts every pending follow-up of the pair
	FollowupsTotal int
	Axis           []axisPoint
	Areas          []string
	Statuses       []entente.Status
	CanDecide      bool
	Message        string
	// Computing, if not 0, says that the pair has more statements than
	// this and its view is being computed in the background
	Computing int
}

// axisPoint is a document on the time axis: where it stands, in percent,
// and whether its date is written under it, on which of two rows (dates
// close together would overlap: a date that fits on neither row is left
// to the mark's title).
type axisPoint struct {
	Doc   entente.DocumentBrief
	Left  float64
	Label bool
	Row   int
}

// axisLabelGap is how far apart (in percent of the axis) two dates on one
// row must be not to overlap: a date is about 5 em wide, an axis at least
// 60 em.
const axisLabelGap = 9.0

// maxPairFollowups bounds the follow-ups a pair's page lists, each with
// its form: a pair of thousands of statements has thousands pending, which
// the API pages through.
const maxPairFollowups = 100

// showFollowups keeps the newest maxPairFollowups of the pending
// follow-ups, counting them all.
func (v *pairView) showFollowups() {
	v.FollowupsTotal = len(v.Followups)
	v.Followups = v.Followups[:min(len(v.Followups), maxPairFollowups)]
}

// FollowupsShown says how many of the pending follow-ups the page lists.
func (v *pairView) FollowupsShown() string {
	return fmt.Sprintf(v.W.FollowupsShown, len(v.Followups), v.FollowupsTotal)
}

// pairWaitStatements is the most statements of a pair whose view a page
// or an API call computes while its reader waits (about a second); a
// larger pair's is computed in the background, and the page reloads itself
// every pairPageRefresh seconds until it is kept (the API answers 202 with
// as many seconds in Retry-After).
const (
	pairWaitStatements = 300
	pairPageRefresh    = 3
)

// pairWait is the most statements of a pair whose view a reader waits
// for.
func (s *Server) pairWait() int { return cmp.Or(s.cfg.PairWait, pairWaitStatements) }

func (s *Server) pairPage(w http.ResponseWriter, r *http.Request, f *frame) {
	v := &pairView{compareView: compareView{frame: f, W: compareWordsFor(f.Lang)}, Statuses: entente.Statuses,
		CanDecide: f.User != nil && f.User.Role.AtLeast(entente.RoleEditor), Message: r.URL.Query().Get("done")}
	f.Title = v.W.Pair
	if !s.pair(&v.compareView, r.PathValue("a"), r.PathValue("b")) {
		w.WriteHeader(http.StatusUnprocessableEntity)
		s.render(w, "pair", v)
		return
	}
	svc, err := s.comparer()
	wait := s.pairWait()
	if err == nil {
		err = svc.PairReady(r.Context(), v.Codes[0], v.Codes[1], wait, s.log)
	}
	f.Title = fmt.Sprintf("%s · %s–%s", v.W.Pair, v.Codes[0], v.Codes[1])
	if entente.ErrorCode(err) == entente.ECOMPUTING {
		v.Computing, f.Refresh = wait, pairPageRefresh
		s.render(w, "pair", v)
		return
	}
	if err == nil {
		v.V, v.Followups, err = svc.PairWithFollowups(r.Context(), v.Codes[0], v.Codes[1])
	}
	if err != nil {
		s.pageFailed(w, "pair", v, err)
		return
	}
	v.showFollowups()
	v.Axis = timeAxis(v.V.Documents)
	for area := range v.V.ByArea {
		v.Areas = append(v.Areas, area)
	}
	slices.Sort(v.Areas)
	s.render(w, "pair", v)
}

// timeAxis places dated documents on a line from the first to the last
// date (a few percent in from each end, so that the marks stay inside).
func timeAxis(docs []entente.DocumentBrief) []axisPoint {
	var out []axisPoint
	var lo, hi time.Time
	days := map[int64]time.Time{}
	for _, d := range docs {
		t, err := time.Parse(time.DateOnly, d.SignedDate)
		if err != nil {
			continue
		}
		days[d.ID] = t
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	span := hi.Sub(lo).Hours()
	for _, d := range docs {
		t, ok := days[d.ID]
		if !ok {
			continue
		}
		left := 50.0
		if span > 0 {
			left = 3 + 94*t.Sub(lo).Hours()/span
		}
		out = append(out, axisPoint{Doc: d, Left: float64(int(left*10)) / 10})
	}
	// dates left to right, each on the first row where it clears the
	// date before it
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(out[i].Left, out[j].Left) })
	last := [2]float64{-100, -100}
	for _, i := range order {
		for row := range last {
			if out[i].Left-last[row] >= axisLabelGap {
				out[i].Label, out[i].Row, last[row] = true, row, out[i].Left
				break
			}
		}
	}
	return out
}

// Compliance is the scorecard's compliance to two decimals, or —.
func (v *pairView) Compliance() string {
	if v.V == nil || v.V.Scorecard == nil || v.V.Scorecard.Compliance == nil {
		return "—"
	}
	return strconv.FormatFloat(*v.V.Scorecard.Compliance, 'f', 2, 64)
}

// AreaTotal is the number of (commitment, party) pairs of an area.
func (v *pairView) AreaTotal(area string) int {
	n := 0
	for _, c := range v.V.ByArea[area] {
		n += c
	}
	return n
}

// followupSubmit accepts or dismisses a follow-up from the pair page and
// goes back to it.
func (s *Server) followupSubmit(w http.ResponseWriter, r *http.Request, f *frame) {
	action := r.PathValue("action")
	if action != "accept" && action != "dismiss" {
		http.NotFound(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	v := &pairView{compareView: compareView{frame: f, W: compareWordsFor(f.Lang)}}
	err := r.ParseForm()
	svc, serr := s.comparer()
	if err == nil {
		err = serr
	}
	back := "/pairs/" + url.PathEscape(r.PostFormValue("a")) + "/" + url.PathEscape(r.PostFormValue("b"))
	if err == nil {
		commitment, report, why := r.PostFormValue("commitment"), r.PostFormValue("report"), r.PostFormValue("reason")
		var d *entente.FollowupDecision
		if action == "accept" {
			d, err = svc.Accept(r.Context(), commitment, report, entente.Status(r.PostFormValue("status")), why)
		} else {
			d, err = svc.Dismiss(r.Context(), commitment, report, why)
		}
		if err == nil {
			http.Redirect(w, r, back+"?done="+url.QueryEscape(commitment+": "+d.Decision)+"#followups", http.StatusSeeOther)
			return
		}
	}
	s.pageFailed(w, "pair", v, err)
}
