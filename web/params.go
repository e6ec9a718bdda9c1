package web

import (
	"strings"

	"github.com/danielgtaylor/huma/v2"

	"github.com/entente/entente"
)

// Query parameters whose values come from one of the domain's closed
// lists: their schema (and so the API's description and validation) is
// built from the list, never typed out again. The empty value means no
// filter. A kind, a type and a strength are codes (the schema's enum); an
// area is a code or a label in a UI language, which the filter parser the
// CLI and the UI share (entente.FilterParser) resolves, refusing what matches
// nothing with a 422 problem naming the choices.
type (
	kindParam     string
	typeParam     string
	strengthParam string
	areaParam     string
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

func (areaParam) Schema(huma.Registry) *huma.Schema {
	maxLen := 64
	return &huma.Schema{Type: huma.TypeString, MaxLength: &maxLen,
		Description: "Policy area: a code (" + strings.Join(entente.Areas().Codes(), ", ") +
			") in any case, or its label in Chinese or English (能源, energy)"}
}
