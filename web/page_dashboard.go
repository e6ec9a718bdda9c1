package web

import (
	"net/http"
	"net/url"

	"github.com/entente/entente"
)

// dashboardView is the library's commitments counted four ways, each a
// chart over a table with the same counts.
type dashboardView struct {
	*frame
	Stats  *entente.CommitmentStats
	Charts []chartView
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
}

// dashboardPage shows the library's commitments by area, party, strength
// and year: tables that work anywhere, drawn as charts by ECharts where
// JavaScript runs; every bar and row leads to the filtered search.
func (s *Server) dashboardPage(w http.ResponseWriter, r *http.Request, f *frame) {
	st, err := s.cfg.Store.CommitmentStats(r.Context())
	if err != nil {
		s.log.Error("dashboard", "err", err)
		f.Error = f.T.Failed
		st = &entente.CommitmentStats{}
	}
	f.Title = f.T.Dashboard
	s.render(w, "dashboard", &dashboardView{frame: f, Stats: st, Charts: charts(f.T, st)})
}

// charts lays out the dashboard: each count with the search it leads to.
func charts(t *texts, st *entente.CommitmentStats) []chartView {
	row := func(cs []entente.Count, link func(string) string, label func(string) string) []chartRow {
		out := make([]chartRow, len(cs))
		for i, c := range cs {
			out[i] = chartRow{Key: c.Key, Label: label(c.Key), Count: c.Count, Link: link(c.Key)}
		}
		return out
	}
	same := func(k string) string { return k }
	strength := func(k string) string { return t.StrengthLabel(entente.Strength(k)) }
	search := func(param string) func(string) string {
		return func(k string) string { return "/search?type=commitment&" + param + "=" + url.QueryEscape(k) }
	}
	return []chartView{
		{"area", t.ByArea, row(st.ByArea, search("area"), t.AreaLabel)},
		{"party", t.ByParty, row(st.ByParty, search("party"), same)},
		{"strength", t.ByStrength, row(st.ByStrength, search("strength"), strength)},
		{"year", t.ByYear, row(st.ByYear, func(y string) string {
			return "/search?type=commitment&from=" + url.QueryEscape(y) + "-01-01&to=" + url.QueryEscape(y) + "-12-31"
		}, same)},
	}
}
