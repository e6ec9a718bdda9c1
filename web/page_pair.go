package web

import (
	"cmp"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/entente/entente"
)

// A pair's page: its documents on a time axis, its relationship timeline,
// its commitments by area and status, its scorecard, recycled promises and
// follow-ups, with the forms an editor decides them with.

// pairView is a pair's page.
type pairView struct {
	compareView
	V         *entente.PairView
	Followups []entente.Followup // the newest maxPairFollowups pending
	// FollowupsTotal counts every pending follow-up of the pair
	FollowupsTotal int
	// Docs are the documents listed, newest first: the newest
	// maxPairDocuments, or all of them with ?docs=all (AllDocs)
	Docs    []pairListed
	AllDocs bool
	// Steps are the relationship steps listed, oldest first: all of them,
	// or, beyond maxPairSteps, those that changed the relationship and the
	// newest reaffirmations
	Steps []entente.RelationshipStep
	// Runs are Steps with a timeline's reaffirmations in a row folded
	Runs []stepRun
	// Years says that the axis marks years (a mark for each year with
	// documents), the pair sharing more dated documents than maxAxisMarks
	Years     bool
	Axis      []axisPoint
	Areas     []string
	Statuses  []entente.Status
	CanDecide bool
	Message   string
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
	// Year and Count, on an axis of years, are the year a mark stands for
	// and how many documents of it the pair shares
	Year  string
	Count int
}

// pairListed is a document in the pair's list; YearAnchor is its year when it
// is the list's first of that year, the target of the axis's year marks.
type pairListed struct {
	entente.DocumentBrief
	YearAnchor string
}

// A pair followed for decades shares thousands of documents (2,231 for
// one pair of the library of 100,000 statements, with 1,606 relationship
// steps): listed whole, they made a page of a megabyte whose scorecard,
// recycled promises and follow-ups lay below thousands of lines. The page
// lists the newest maxPairDocuments (all with ?docs=all; the exports hold
// all), the relationship steps that changed it and the newest
// reaffirmations up to maxPairSteps (the timeline page has all), and a
// mark a year on the axis beyond maxAxisMarks dated documents.
const (
	maxPairDocuments = 50
	maxPairSteps     = 30
	maxAxisMarks     = 150
)

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
	v.bound(r.URL.Query().Get("docs") == "all")
	for area := range v.V.ByArea {
		v.Areas = append(v.Areas, area)
	}
	slices.Sort(v.Areas)
	s.render(w, "pair", v)
}

// bound chooses what the page lists of a pair's documents (all of them,
// or the newest) and relationship steps, and how its axis marks them.
func (v *pairView) bound(allDocs bool) {
	v.AllDocs = allDocs
	v.Docs = pairDocs(v.V.Documents, allDocs)
	v.Steps = pairSteps(v.V.Timeline, maxPairSteps)
	v.Runs = foldSteps(v.Steps)
	if dated(v.V.Documents) > maxAxisMarks {
		v.Years, v.Axis = true, yearAxis(v.V.Documents)
	} else {
		v.Years, v.Axis = false, timeAxis(v.V.Documents)
	}
}

// DocsShown says how many of the pair's documents the page lists.
func (v *pairView) DocsShown() string {
	return fmt.Sprintf(v.W.DocsShown, len(v.Docs), len(v.V.Documents))
}

// StepsShown says how many of the relationship's steps the page lists.
func (v *pairView) StepsShown() string {
	return fmt.Sprintf(v.W.StepsShown, len(v.Steps), len(v.V.Timeline))
}

// YearTitle names a year's mark: the year and its documents.
func (v *pairView) YearTitle(p axisPoint) string {
	return fmt.Sprintf(v.W.YearDocs, p.Year, p.Count)
}

// pairDocs lists documents (oldest first, as the view holds them) newest
// first, the newest maxPairDocuments unless all, each first of its year
// anchored.
func pairDocs(docs []entente.DocumentBrief, all bool) []pairListed {
	n := len(docs)
	if !all {
		n = min(n, maxPairDocuments)
	}
	out := make([]pairListed, 0, n)
	year := ""
	for i := len(docs) - 1; i >= 0 && len(out) < n; i-- {
		d := pairListed{DocumentBrief: docs[i]}
		if y := yearOf(d.SignedDate); y != "" && y != year {
			d.YearAnchor, year = y, y
		}
		out = append(out, d)
	}
	return out
}

// pairSteps keeps at most max of a timeline's steps (oldest first), in its
// order: every step that established or upgraded the relationship first,
// newest first, then the newest reaffirmations.
func pairSteps(steps []entente.RelationshipStep, max int) []entente.RelationshipStep {
	if len(steps) <= max {
		return steps
	}
	keep := make([]bool, len(steps))
	kept := 0
	for _, changes := range []bool{true, false} {
		for i := len(steps) - 1; i >= 0 && kept < max; i-- {
			if (steps[i].Action != entente.Reaffirmed) == changes && !keep[i] {
				keep[i] = true
				kept++
			}
		}
	}
	out := make([]entente.RelationshipStep, 0, kept)
	for i, s := range steps {
		if keep[i] {
			out = append(out, s)
		}
	}
	return out
}

// yearOf is the year of a YYYY-MM-DD date, "" for anything else.
func yearOf(date string) string {
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return ""
	}
	return date[:4]
}

// dated counts the documents with a date.
func dated(docs []entente.DocumentBrief) int {
	n := 0
	for _, d := range docs {
		if yearOf(d.SignedDate) != "" {
			n++
		}
	}
	return n
}

// yearAxis places a mark for each year with dated documents on a line
// from the first year to the last, each year's mark at its middle.
func yearAxis(docs []entente.DocumentBrief) []axisPoint {
	counts := map[int]int{}
	for _, d := range docs {
		if y := yearOf(d.SignedDate); y != "" {
			n, _ := strconv.Atoi(y)
			counts[n]++
		}
	}
	years := slices.Sorted(maps.Keys(counts))
	if len(years) == 0 {
		return nil
	}
	lo, hi := years[0], years[len(years)-1]
	out := make([]axisPoint, 0, len(years))
	last := [2]float64{-100, -100}
	for _, y := range years {
		left := 50.0
		if hi > lo {
			left = 3 + 94*float64(y-lo)/float64(hi-lo)
		}
		p := axisPoint{Left: float64(int(left*10)) / 10, Year: strconv.Itoa(y), Count: counts[y]}
		for row := range last {
			if p.Left-last[row] >= axisYearGap {
				p.Label, p.Row, last[row] = true, row, p.Left
				break
			}
		}
		out = append(out, p)
	}
	return out
}

// axisYearGap is axisLabelGap for a year, about 2.5 em wide.
const axisYearGap = 4.5

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
