package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// searchView is a search: the query with its filters, one page of hits,
// the facets and the pager.
type searchView struct {
	*frame
	SearchQ entente.SearchQuery
	// TypeOptions, AreaOptions and StrengthOptions are the filters' choices.
	TypeOptions, AreaOptions, StrengthOptions []option
	RawQuery                                  template.URL // the query and filters, for the export links
	Facets                                    []facet
	Total                                     int
	Hits                                      []entente.SearchHit
	Pager                                     pagerView
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request, f *frame) {
	q := r.URL.Query()
	sq := entente.SearchQuery{Text: strings.TrimSpace(q.Get("q")), Type: entente.SentenceType(q.Get("type")), Party: q.Get("party"),
		Area: q.Get("area"), Strength: entente.Strength(q.Get("strength")), From: validDate(q.Get("from")), To: validDate(q.Get("to")),
		Language: q.Get("lang_filter"), Limit: facetWindow}
	offset, _ := strconv.Atoi(q.Get("offset"))
	offset = max(0, offset)
	f.Title, f.Query = f.T.Search, sq.Text
	v := &searchView{frame: f, SearchQ: sq, RawQuery: template.URL(q.Encode()),
		TypeOptions:     f.T.options(entente.SentenceTypes(), string(sq.Type)),
		AreaOptions:     f.T.options(entente.Areas(), sq.Area),
		StrengthOptions: f.T.options(entente.Strengths(), string(sq.Strength))}
	if sq.Text != "" || sq.Type != "" || sq.Party != "" || sq.Area != "" || sq.Strength != "" || sq.From != "" || sq.Language != "" {
		if len([]rune(sq.Text)) > 200 {
			f.Error = f.T.Failed
		} else if hits, err := s.cfg.Store.Search(r.Context(), sq); err != nil {
			s.log.Error("search page", "err", err)
			f.Error = f.T.Failed
		} else {
			v.Facets = facetsOf(hits, q)
			v.Total = len(hits)
			if offset < len(hits) {
				v.Hits = hits[offset:min(len(hits), offset+pageSize)]
			}
			v.Pager = pager(q, offset, len(hits))
		}
	}
	s.render(w, "search", v)
}
