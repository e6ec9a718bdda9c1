package web

import (
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// dashboardView is a set of commitments (the library's, or those the
// filters select) counted four ways, and its scorecard: each a chart over
// a table with the same numbers.
type dashboardView struct {
	*frame
	W         *dashWords
	Words     *filterWords
	Form      dashForm
	Scorecard *entente.Scorecard
	Charts    []chartView   // the set by area, party, strength and year
	Status    chartView     // the scorecard's counts per status
	Score     []scoreRow    // commitments, pairs, rated, compliance, overdue
	Timeline  *timelineView // change over time
	Data      dashData      // what dashboard.js draws
	RawQuery  template.URL  // the filters, for the scorecard's export links
}

// chartView is one dashboard chart with its table rows.
type chartView struct {
	ID    string     `json:"id"`
	Title string     `json:"title"`
	Rows  []chartRow `json:"rows"`
}

type chartRow struct {
	Key   string `json:"key"`
	Label string `json:"label"` // the key in the UI's language
	Count int    `json:"count"`
	Link  string `json:"link"`
	Color string `json:"color,omitempty"`
}

// scoreRow is one figure of the scorecard's summary.
type scoreRow struct {
	Key, Label, Value string
}

// timelineView is the scorecard at the end of each month with a change.
type timelineView struct {
	Statuses []chartRow // the columns: each status's label and colour
	Months   []timelineMonth
}

type timelineMonth struct {
	Month      string `json:"month"`
	Counts     []int  `json:"counts"` // in the order of Statuses
	Compliance string `json:"compliance"`
}

// dashData is the JSON the page carries for its charts.
type dashData struct {
	Charts     []chartView       `json:"charts"`
	Compliance *float64          `json:"compliance"`
	Statuses   []chartRow        `json:"statuses"`
	Months     []timelineMonth   `json:"months"`
	Words      map[string]string `json:"words"`
}

// dashForm is the dashboard's filter form: values as typed, choices, and a
// message beside each refused value.
type dashForm struct {
	Party, Pair, Area, From, To string
	Errors                      map[string]string
	Parties, Areas              []option
}

// statusColors give each status its colour on every chart; not rated is
// grey, apart from the failures (red) and the successes (green).
var statusColors = map[entente.Status]string{
	entente.NotRated: "#9e9e9e", entente.NotStarted: "#e0a030", entente.InProgress: "#5b9bd5",
	entente.PartiallyFulfilled: "#8fbf5a", entente.Fulfilled: "#2e7d32", entente.Stalled: "#d9622b",
	entente.Reversed: "#b71c1c", entente.Superseded: "#7e57c2",
}

// dashboardPage shows the commitments the filters select (party, pair of
// parties, area, signing years) by area, party, strength and year, and
// their scorecard from the tracker: tables that work anywhere, drawn as
// charts by ECharts where JavaScript runs.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request, f *frame) {
	wd := dashWordsFor(f.T.Code)
	f.Title = f.T.Dashboard
	cf, form := s.readDashFilters(r.URL.Query(), f.T, wd)
	v := &dashboardView{frame: f, W: wd, Words: wordsFor(f.T), Form: form, RawQuery: template.URL(dashExportQuery(r.URL.Query()).Encode())}
	tr, err := s.tracker()
	var counted *entente.Breakdown
	if err == nil {
		v.Scorecard, err = tr.Scorecard(r.Context(), cf)
	}
	if err == nil {
		counted, err = tr.Breakdown(r.Context(), cf)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.EINTERNAL {
			s.log.Error("dashboard", "err", err)
			f.Error = f.T.Failed
		} else {
			f.Error = entente.ErrorMessage(err)
		}
		v.Scorecard = &entente.Scorecard{Counts: map[entente.Status]int{}}
		counted = entente.NewBreakdown()
	}
	v.Charts = charts(f.T, counted, form)
	v.Status = statusChart(f.T.Code, wd, v.Scorecard, form)
	v.Score = scoreRows(wd, v.Scorecard)
	v.Timeline = timeline(f.T.Code, v.Scorecard)
	v.Data = dashData{Charts: append(slices.Clone(v.Charts), v.Status), Compliance: v.Scorecard.Compliance,
		Statuses: v.Timeline.Statuses, Months: v.Timeline.Months,
		Words: map[string]string{"compliance": wd.Compliance, "none": wd.NoneRated}}
	s.render(w, "dashboard", v)
}

// readDashFilters resolves the dashboard's filters with the parser the
// library and search use; a refused value is left out (the page still
// shows the rest) and its message shown beside its field.
func (s *Server) readDashFilters(q url.Values, t *texts, wd *dashWords) (entente.CommitmentFilter, dashForm) {
	raw := entente.Filters{Party: q.Get("party"), Area: q.Get("area"), From: q.Get("from"), To: q.Get("to")}
	form := dashForm{Party: raw.Party, Pair: q.Get("pair"), Area: raw.Area, From: raw.From, To: raw.To, Errors: map[string]string{}}
	words := wordsFor(t)
	say := func(e *entente.FilterError) string {
		msg := fmt.Sprintf(words.Refused, e.Value)
		if len(e.Choices) > 0 {
			return msg + words.Choices + strings.Join(e.Choices, ", ")
		}
		return msg + e.Want
	}
	fl, err := s.filters.Resolve(raw)
	var errs entente.FilterErrors
	if errors.As(err, &errs) {
		var bad []string
		for _, e := range errs {
			form.Errors[e.Field] = say(e)
			bad = append(bad, e.Field)
		}
		fl, _ = s.filters.Resolve(raw.Without(bad...))
	}
	cf := entente.CommitmentFilter{Party: fl.Party, Area: fl.Area, From: fl.From, To: fl.To}
	if p := strings.TrimSpace(form.Pair); p != "" {
		names := strings.FieldsFunc(p, func(r rune) bool { return r == ',' || r == '，' || r == '、' || r == '/' })
		var codes []string
		for _, n := range names {
			code, err := s.filters.Party(n)
			var fe *entente.FilterError
			if errors.As(err, &fe) {
				form.Errors["pair"] = say(fe)
				break
			}
			codes = append(codes, code)
		}
		switch {
		case form.Errors["pair"] != "":
		case len(codes) != 2 || codes[0] == codes[1]:
			form.Errors["pair"] = fmt.Sprintf(words.Refused, p) + wd.PairHint
		default:
			cf.Pair = codes
			form.Pair = strings.Join(codes, ",")
		}
	}
	if fl.Party != "" {
		form.Party = fl.Party
	}
	for _, code := range s.filters.PartyCodes() {
		form.Parties = append(form.Parties, option{Value: code, Label: s.filters.PartyName(code, t.Code)})
	}
	for _, a := range entente.Areas() {
		form.Areas = append(form.Areas, option{Value: a.Code, Label: t.AreaLabel(a.Code), Selected: a.Code == fl.Area})
	}
	return cf, form
}

// charts lists the set's counts by area, party (the parties each
// commitment binds), strength and signing year, each count with the
// search it leads to under the same filters.
func charts(t *texts, counted *entente.Breakdown, form dashForm) []chartView {
	byArea, byParty, byStrength, byYear := counted.Area, counted.Party, counted.Strength, counted.Year
	search := func(set map[string]string) string {
		q := url.Values{"type": {"commitment"}}
		for k, v := range map[string]string{"party": form.Party, "area": form.Area, "from": form.From, "to": form.To} {
			if v != "" && form.Errors[k] == "" {
				q.Set(k, v)
			}
		}
		for k, v := range set {
			q.Set(k, v)
		}
		return "/search?" + q.Encode()
	}
	rows := func(m map[string]int, order func(a, b chartRow) int, label func(string) string, link func(string) string) []chartRow {
		out := make([]chartRow, 0, len(m))
		for k, n := range m {
			out = append(out, chartRow{Key: k, Label: label(k), Count: n, Link: link(k)})
		}
		slices.SortFunc(out, order)
		return out
	}
	most := func(a, b chartRow) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	}
	byKey := func(a, b chartRow) int { return strings.Compare(a.Key, b.Key) }
	strengthOrder := func(a, b chartRow) int {
		return cmp.Compare(entente.Strength(b.Key).Rank(), entente.Strength(a.Key).Rank())
	}
	same := func(k string) string { return k }
	return []chartView{
		{"area", t.ByArea, rows(byArea, most, t.AreaLabel, func(k string) string { return search(map[string]string{"area": k}) })},
		{"party", t.ByParty, rows(byParty, most, same, func(k string) string { return search(map[string]string{"party": k}) })},
		{"strength", t.ByStrength, rows(byStrength, strengthOrder, func(k string) string { return t.StrengthLabel(entente.Strength(k)) },
			func(k string) string { return search(map[string]string{"strength": k}) })},
		{"year", t.ByYear, rows(byYear, byKey, same, func(y string) string {
			return search(map[string]string{"from": y + "-01-01", "to": y + "-12-31"})
		})},
	}
}

// statusChart is the scorecard's (commitment, party) pairs per status,
// each status in its colour, leading to the commitments table.
func statusChart(lang string, wd *dashWords, sc *entente.Scorecard, form dashForm) chartView {
	labels := entente.StatusLabels()
	out := chartView{ID: "status", Title: wd.ByStatus}
	for _, st := range entente.Statuses {
		q := url.Values{"status": {string(st)}}
		for k, v := range map[string]string{"party": form.Party, "area": form.Area} {
			if v != "" && form.Errors[k] == "" {
				q.Set(k, v)
			}
		}
		out.Rows = append(out.Rows, chartRow{Key: string(st), Label: labels.Label(string(st), lang), Count: sc.Counts[st],
			Link: "/commitments?" + q.Encode(), Color: statusColors[st]})
	}
	return out
}

func scoreRows(wd *dashWords, sc *entente.Scorecard) []scoreRow {
	return []scoreRow{
		{"commitments", wd.Commitments, strconv.Itoa(sc.Commitments)},
		{"pairs", wd.Pairs, strconv.Itoa(sc.Pairs)},
		{"rated", wd.Rated, strconv.Itoa(sc.Rated)},
		{"compliance", wd.Compliance, compliance(sc.Compliance, wd.NoneRated)},
		{"overdue", wd.Overdue, strconv.Itoa(sc.Overdue)},
	}
}

// compliance is a score to two decimals, signed, or none when nothing is
// rated.
func compliance(v *float64, none string) string {
	if v == nil {
		return none
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

func timeline(lang string, sc *entente.Scorecard) *timelineView {
	labels := entente.StatusLabels()
	tv := &timelineView{Months: []timelineMonth{}}
	for _, st := range entente.Statuses {
		tv.Statuses = append(tv.Statuses, chartRow{Key: string(st), Label: labels.Label(string(st), lang), Color: statusColors[st]})
	}
	for _, p := range sc.Timeline {
		m := timelineMonth{Month: p.Month, Compliance: compliance(p.Compliance, "")}
		for _, st := range entente.Statuses {
			m.Counts = append(m.Counts, p.Counts[st])
		}
		tv.Months = append(tv.Months, m)
	}
	return tv
}
