package entente

import (
	"context"
	"fmt"
)

// Loosening is a way out of a search with no hit: the filters to drop and
// how many sentences the search then finds.
type Loosening struct {
	Drop  []string `json:"drop"` // filter names: party, lang, area, type, strength, from, to
	Total int      `json:"total"`
}

// pageSearcher is what Loosen needs of a store.
type pageSearcher interface {
	SearchPage(ctx context.Context, q SearchQuery) (*SearchResults, error)
}

// Loosen suggests, for a search of text under f that found nothing, which
// filters to drop: each filter alone (the two dates count as one), those
// that then find something, most hits first; when none alone helps, all of
// them together. It returns nothing when even the text alone finds nothing:
// then the words are what to change.
func Loosen(ctx context.Context, s pageSearcher, text string, f Filters) ([]Loosening, error) {
	var groups [][]string
	for _, name := range f.Set() {
		switch name {
		case "kind": // not a filter of sentences
		case "to":
			if f.From == "" {
				groups = append(groups, []string{"to"})
			}
		case "from":
			if f.To != "" {
				groups = append(groups, []string{"from", "to"})
			} else {
				groups = append(groups, []string{"from"})
			}
		default:
			groups = append(groups, []string{name})
		}
	}
	count := func(drop []string) (int, error) {
		g := f.Without(drop...)
		res, err := s.SearchPage(ctx, g.Search(text, 1, 0))
		if err != nil {
			return 0, fmt.Errorf("loosen search: %w", err)
		}
		return res.Total, nil
	}
	var out []Loosening
	for _, drop := range groups {
		n, err := count(drop)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out = append(out, Loosening{Drop: drop, Total: n})
		}
	}
	if len(out) == 0 && len(groups) > 1 {
		var all []string
		for _, g := range groups {
			all = append(all, g...)
		}
		n, err := count(all)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out = append(out, Loosening{Drop: all, Total: n})
		}
	}
	for i := 1; i < len(out); i++ { // most hits first; few entries
		for j := i; j > 0 && out[j].Total > out[j-1].Total; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out, nil
}

// Without returns f with the named filters cleared.
func (f Filters) Without(names ...string) Filters {
	for _, n := range names {
		switch n {
		case "party":
			f.Party = ""
		case "kind":
			f.Kind = ""
		case "lang":
			f.Language = ""
		case "area":
			f.Area = ""
		case "type":
			f.Type = ""
		case "strength":
			f.Strength = ""
		case "from":
			f.From = ""
		case "to":
			f.To = ""
		}
	}
	return f
}
