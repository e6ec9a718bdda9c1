package web

import (
	"net/url"
	"sort"
	"strconv"

	"github.com/entente/entente"
)

// A search page shows pageSize hits, and facets that count the whole
// result set (the store's counts): what the results hold, by party, type,
// area, strength, year and language, each a link that narrows the search.
const pageSize = 20

type facet struct {
	Name   string
	Values []facetValue
}

type facetValue struct {
	Key   string
	Count int
	Link  string
}

func facetsOf(fs entente.Facets, q url.Values) []facet {
	counts := map[string][]entente.Count{"type": fs.Type, "party": fs.Party, "area": fs.Area, "strength": fs.Strength,
		"year": fs.Year, "lang": fs.Language}
	var out []facet
	for _, name := range []string{"type", "party", "area", "strength", "year", "lang"} {
		f := facet{Name: name}
		if name == "lang" {
			f.Name = "language"
		}
		for _, c := range counts[name] {
			k, n := c.Key, c.Count
			nq := url.Values{}
			for key, vs := range q {
				nq[key] = vs
			}
			nq.Del("offset")
			switch name {
			case "year":
				nq.Set("from", k)
				nq.Set("to", k)
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

// pager links the pages around one that shows n hits from offset.
func pager(q url.Values, offset, n, total int) pagerView {
	link := func(off int) string {
		nq := url.Values{}
		for k, vs := range q {
			nq[k] = vs
		}
		nq.Set("offset", strconv.Itoa(off))
		return "/search?" + nq.Encode()
	}
	p := pagerView{From: min(offset+1, total), To: min(total, offset+n), Total: total}
	if offset > 0 {
		p.Prev = link(max(0, offset-pageSize))
	}
	if offset+pageSize < total {
		p.Next = link(offset + pageSize)
	}
	return p
}
