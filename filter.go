package entente

import (
	"fmt"
	"strings"
	"time"
)

// Filters are the filters of a list or a search as people give them (a
// party's name, an area's label, a year) or, once resolved, as the store
// keeps them (codes, ISO dates). The CLI, the API and the UI all resolve
// them with lexicon.Filters.Resolve, so that a value means the same thing,
// and is refused the same way, wherever it is typed.
type Filters struct {
	Party    string `json:"party,omitempty"`
	Kind     string `json:"kind,omitempty"`
	Language string `json:"lang,omitempty"`
	Area     string `json:"area,omitempty"`
	Type     string `json:"type,omitempty"`
	Strength string `json:"strength,omitempty"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
}

// Documents returns the document filter of resolved filters.
func (f Filters) Documents(limit, offset int) DocumentFilter {
	return DocumentFilter{Party: f.Party, Kind: Kind(f.Kind), Language: f.Language, Area: f.Area,
		From: f.From, To: f.To, Limit: limit, Offset: offset}
}

// Search returns the search query of resolved filters and a text.
func (f Filters) Search(text string, limit, offset int) SearchQuery {
	return SearchQuery{Text: text, Party: f.Party, Language: f.Language, Area: f.Area, Type: SentenceType(f.Type),
		Strength: Strength(f.Strength), From: f.From, To: f.To, Limit: limit, Offset: offset}
}

// Set lists the names of the filters that are set, in a fixed order: what a
// search with no hit can drop.
func (f Filters) Set() []string {
	var out []string
	for _, p := range []struct{ name, v string }{{"party", f.Party}, {"kind", f.Kind}, {"lang", f.Language},
		{"area", f.Area}, {"type", f.Type}, {"strength", f.Strength}, {"from", f.From}, {"to", f.To}} {
		if p.v != "" {
			out = append(out, p.name)
		}
	}
	return out
}

// FilterError is a filter value that matches nothing known, with what the
// field takes: the message is one line fit for a user.
type FilterError struct {
	Field   string   // party, kind, lang, area, type, strength, from, to
	Value   string   // as given
	Want    string   // what the field takes, in words
	Choices []string // the valid values, or some of them with Want saying so
}

func (e *FilterError) Error() string {
	msg := fmt.Sprintf("%s %q: %s", e.Field, e.Value, e.Want)
	if len(e.Choices) > 0 {
		msg += ": " + strings.Join(e.Choices, ", ")
	}
	return msg
}

// Unwrap makes a FilterError an invalid-input error for ErrorCode and
// errors.Is(err, ErrInvalid).
func (e *FilterError) Unwrap() error { return &Error{Code: EINVALID, Message: e.Error()} }

// FilterErrors are every refused value of one set of filters, so that a
// form can say what is wrong beside each field.
type FilterErrors []*FilterError

func (es FilterErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// Unwrap lets errors.As find each FilterError.
func (es FilterErrors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// Field returns the error of one field, or nil.
func (es FilterErrors) Field(name string) *FilterError {
	for _, e := range es {
		if e.Field == name {
			return e
		}
	}
	return nil
}

// ParseDateBound checks a date filter: a year, a month or a day, ISO 8601
// (2024, 2024-05, 2024-05-08), which the store compares as a prefix (a
// bound of 2024-05 takes all of May). It returns the bound as given, or an
// error naming the forms it takes.
func ParseDateBound(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return s, nil
			}
		}
	}
	return "", &FilterError{Field: field, Value: s, Want: "not a date; give a year, a month or a day",
		Choices: []string{"YYYY", "YYYY-MM", "YYYY-MM-DD"}}
}
