package web

import (
	"net/url"
	"sort"
	"strconv"

	"github.com/entente/entente"
)

// A search page shows pageSize hits of the best facetWindow, and facets
// counted over those: what the results hold, by party, type, area,
// strength and year, each a link that narrows the search.
const (
	pageSize    = 20
	facetWindow = 500
)

type facet struct {
	Name   string
	Values []facetValue
}

type facetValue struct {
	Key   string
	Count int
	Link  string
}

func facetsOf(hits []entente.SearchHit, q url.Values) []facet {
	counts := map[string]map[string]int{"type": {}, "party": {}, "area": {}, "strength": {}, "year": {}, "lang": {}}
	for _, h := range hits {
		s := h.Sentence
		counts["type"][string(s.Type)]++
		for _, a := range s.Actors {
			counts["party"][a]++
		}
		for _, a := range s.Areas {
			counts["area"][a]++
		}
		if s.Strength != "" {
			counts["strength"][string(s.Strength)]++
		}
		if len(h.SignedDate) >= 4 {
			counts["year"][h.SignedDate[:4]]++
		}
		if h.Language != "" {
			counts["lang"][h.Language]++
		}
	}
	var out []facet
	for _, name := range []string{"type", "party", "area", "strength", "year", "lang"} {
		f := facet{Name: name}
		if name == "lang" {
			f.Name = "language"
		}
		for k, n := range counts[name] {
			nq := url.Values{}
			for key, vs := range q {
				nq[key] = vs
			}
			nq.Del("offset")
			switch name {
			case "year":
				nq.Set("from", k+"-01-01")
				nq.Set("to", k+"-12-31")
			case "lang": // ?lang= switches the UI's language
				nq.Set("lang_filter", k)
			default:
				nq.Set(name, k)
			}
			f.Values = append(f.Values, facetValue{Key: k, Count: n, Link: "/search?" + nq.Encode()})
		}
		sort.Slice(f.Values, func(i, j int) bool {
			if f.Values[i].Count != f.Values[j].Count {
				return f.Values[i].Count > f.Values[j].Count
			}
			return f.Values[i].Key < f.Values[j].Key
		})
		if len(f.Values) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// pagerView links the previous and next pages of a search.
type pagerView struct {
	From, To, Total int
	Prev, Next      string
}

func pager(q url.Values, offset, total int) pagerView {
	link := func(off int) string {
		nq := url.Values{}
		for k, vs := range q {
			nq[k] = vs
		}
		nq.Set("offset", strconv.Itoa(off))
		return "/search?" + nq.Encode()
	}
	p := pagerView{From: offset + 1, To: min(total, offset+pageSize), Total: total}
	if offset > 0 {
		p.Prev = link(max(0, offset-pageSize))
	}
	if offset+pageSize < total {
		p.Next = link(offset + pageSize)
	}
	return p
}
