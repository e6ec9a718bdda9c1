package sqlstore

import "github.com/entente/entente"

// noFacets are the facets of no hit: empty lists, not nulls.
func noFacets() entente.Facets {
	return entente.Facets{Type: []entente.Count{}, Party: []entente.Count{}, Area: []entente.Count{}, Strength: []entente.Count{},
		Year: []entente.Count{}, Language: []entente.Count{}}
}
