package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// searchView is a search: the query with its filters, one page of hits,
// the total and facets of the whole result set, the pager, and when
// nothing matched, the filters to drop.
type searchView struct {
	*frame
	Form      filterForm
	Words     *filterWords
	Searched  bool // a search ran (a query or a filter was given)
	RawQuery  template.URL
	Facets    []facet
	Total     int
	Estimated bool
	FacetsOf  int // the hits the facets count, when fewer than Total
	Hits      []searchRow
	Pager     pagerView
	Loosen    []loosenLink
	// Lag is how many stored statements search does not find yet (their
	// full-text index is catching up: a batch ingest's)
	Lag int
}

// searchLagger is a store whose full-text index may lag behind its
// commits.
type searchLagger interface {
	SearchLag(ctx context.Context) (entente.SearchLag, error)
}

// searchLag is how many statements are not yet searchable, 0 when the
// store cannot say (logged).
func (s *Server) searchLag(ctx context.Context) int {
	l, ok := s.cfg.Store.(searchLagger)
	if !ok {
		return 0
	}
	lag, err := l.SearchLag(ctx)
	if err != nil {
		s.log.Error("search lag", "err", err)
		return 0
	}
	return lag.Statements
}

// searchRow is a hit with the label of its document.
type searchRow struct {
	entente.SearchHit
	Label string
}

// searchExportLimit bounds a search's export: the whole result set the
// pages show, up to the store's candidate bound.
const searchExportLimit = 5000

// searchQuery reads a search from a query string with the form's filters;
// the page and its export both use it. ok is false when there is nothing
// to search for.
func (s *Server) searchQuery(q url.Values, t *texts) (text string, filters entente.Filters, form filterForm, ok bool) {
	text = strings.TrimSpace(q.Get("q"))
	filters, form = s.readFilters(q, t, true)
	return text, filters, form, text != "" || len(filters.Set()) > 0
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, f *frame) {
	q := r.URL.Query()
	text, filters, form, ok := s.searchQuery(q, f.T)
	offset, _ := strconv.Atoi(q.Get("offset"))
	offset = max(0, offset)
	f.Title, f.Query = f.T.Search, text
	v := &searchView{frame: f, Form: form, Words: wordsFor(f.T), RawQuery: template.URL(q.Encode())}
	switch {
	case !ok || form.Invalid():
	case len([]rune(text)) > 200:
		f.Error = f.T.Failed
	default:
		v.Searched = true
		v.Lag = s.searchLag(r.Context())
		res, err := s.cfg.Store.SearchPage(r.Context(), filters.Search(text, pageSize, offset))
		if err != nil {
			s.log.Error("search page", "err", err)
			f.Error = f.T.Failed
			break
		}
		v.Total, v.Estimated = res.Total, res.Estimated
		if res.FacetsOf < res.Total {
			v.FacetsOf = res.FacetsOf
		}
		v.Facets = facetsOf(res.Facets, q)
		for _, h := range res.Hits {
			v.Hits = append(v.Hits, searchRow{SearchHit: h, Label: documentLabel(f.T.Code, h.DocumentTitle, h.DocumentKind, h.DocumentParties, h.SignedDate)})
		}
		v.Pager = pager(q, offset, len(res.Hits), res.Total)
		if res.Total == 0 {
			ls, err := entente.Loosen(r.Context(), s.cfg.Store, text, filters)
			if err != nil {
				s.log.Error("search page: loosen", "err", err)
			}
			v.Loosen = loosenLinks(q, f.T, ls)
		}
	}
	s.render(w, "search", v)
}
