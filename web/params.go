package web

import (
	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
)

// Query parameters whose values come from one of the domain's closed
// lists: their schema (and so the API's description and validation) is
// built from the list, never typed out again. The empty value means no
// filter.
type (
	kindParam     string
	typeParam     string
	strengthParam string
)

func (kindParam) Schema(huma.Registry) *huma.Schema {
	return enumSchema(entente.DocumentKinds(), "Document kind")
}

func (typeParam) Schema(huma.Registry) *huma.Schema {
	return enumSchema(entente.SentenceTypes(), "Sentence type")
}

func (strengthParam) Schema(huma.Registry) *huma.Schema {
	return enumSchema(entente.Strengths(), "Strength of a commitment")
}

func enumSchema(list entente.ValueList, doc string) *huma.Schema {
	s := &huma.Schema{Type: huma.TypeString, Description: doc}
	for _, v := range list {
		s.Enum = append(s.Enum, v.Code)
	}
	s.Enum = append(s.Enum, "")
	return s
}
