package web

import (
	"html/template"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// commitmentsView is the tracking workspace's table: commitments filtered,
// sorted and paged, each with its status per party and due date, and the
// scorecard of the same set above it.
type commitmentsView struct {
	*frame
	W         *trackWords
	Filter    commitmentsFilter
	Page      *tracking.Page
	Scorecard *entente.Scorecard
	Statuses  []entente.Status
	Counts    []statusCount
	Prev      string // links to the neighbouring pages, "" when none
	Next      string
	RawQuery  template.URL         // the filters, for the export links
	Export    []exportField        // the filters, for the export form
	Scales    []entente.Vocabulary // the vocabularies an export can give statuses in
}

// exportField is one filter the export form carries.
type exportField struct{ Name, Value string }

// commitmentsQuery reads the table's filters from a query as the page
// does; the page and its exports both use it, so that an export holds the
// rows the page lists.
func commitmentsQuery(q url.Values) (commitmentsFilter, entente.CommitmentFilter) {
	v := commitmentsFilter{
		Doc: q.Get("doc"), Party: q.Get("party"), Area: q.Get("area"), Strength: q.Get("strength"), Status: q.Get("status"),
		DueBefore: validDate(q.Get("due_before")), Sort: q.Get("sort"), Overdue: q.Get("overdue") == "1", Upcoming: q.Get("upcoming") == "1"}
	cf := entente.CommitmentFilter{Party: v.Party, Area: v.Area, Strength: entente.Strength(v.Strength),
		Status: entente.Status(v.Status), Overdue: v.Overdue, DueBefore: v.DueBefore, Sort: v.Sort, Limit: 50}
	cf.Document, _ = strconv.ParseInt(v.Doc, 10, 64)
	cf.Offset, _ = strconv.Atoi(q.Get("offset"))
	cf.Offset = max(cf.Offset, 0)
	return v, cf
}

// exportQuery is the page's query without its paging: an export holds
// every page of the list.
func exportQuery(q url.Values) url.Values {
	out := url.Values{}
	for k, vs := range q {
		if k != "offset" && k != "limit" {
			out[k] = vs
		}
	}
	return out
}

// commitmentsFilter is the table's filter as the form shows it.
type commitmentsFilter struct {
	Doc, Party, Area, Strength, Status, DueBefore, Sort string
	Overdue, Upcoming                                   bool
}

type statusCount struct {
	Status entente.Status
	Count  int
}

func (s *Server) commitmentsPage(w http.ResponseWriter, r *http.Request, f *frame) {
	q := r.URL.Query()
	v := &commitmentsView{frame: f, W: trackWordsFor(f.Lang), Statuses: entente.Statuses}
	var cf entente.CommitmentFilter
	v.Filter, cf = commitmentsQuery(q)
	eq := exportQuery(q)
	v.RawQuery = template.URL(eq.Encode())
	for _, k := range slices.Sorted(maps.Keys(eq)) {
		if k != "format" && k != "vocabulary" {
			v.Export = append(v.Export, exportField{k, eq.Get(k)})
		}
	}
	v.Scales = entente.Vocabularies()
	f.Title = v.W.Commitments
	tr, err := s.tracker()
	if err == nil {
		if v.Filter.Upcoming {
			v.Page, err = tr.Upcoming(r.Context(), cf)
		} else {
			v.Page, err = tr.Commitments(r.Context(), cf)
		}
	}
	if err == nil {
		v.Scorecard, err = tr.Scorecard(r.Context(), cf)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.EINTERNAL {
			s.log.Error("commitments page", "err", err)
		}
		w.WriteHeader(problemStatus(entente.ErrorCode(err)))
		f.Error = entente.ErrorMessage(err)
		s.render(w, "commitments", v)
		return
	}
	for _, st := range entente.Statuses {
		v.Counts = append(v.Counts, statusCount{st, v.Scorecard.Counts[st]})
	}
	link := func(offset int) string {
		q2 := url.Values{}
		for k, vs := range q {
			q2[k] = vs
		}
		q2.Set("offset", strconv.Itoa(offset))
		return "/commitments?" + q2.Encode()
	}
	if cf.Offset > 0 {
		v.Prev = link(max(cf.Offset-cf.Limit, 0))
	}
	if cf.Offset+cf.Limit < v.Page.Total {
		v.Next = link(cf.Offset + cf.Limit)
	}
	s.render(w, "commitments", v)
}

// Compliance is the scorecard's compliance to two decimals, signed, or —
// when nothing is rated.
func (v *commitmentsView) Compliance() string {
	if v.Scorecard == nil || v.Scorecard.Compliance == nil {
		return "—"
	}
	return strconv.FormatFloat(*v.Scorecard.Compliance, 'f', 2, 64)
}

// validDate keeps a YYYY-MM-DD date and drops anything else, so that a
// mistyped due-date bound shows every commitment rather than none.
func validDate(s string) string {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return ""
	}
	return s
}
