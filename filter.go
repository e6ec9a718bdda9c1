package entente

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Filters are the filters of a list or a search as people give them (a
// party's name, an area's label, a year) or, once resolved, as the store
// keeps them (codes, ISO dates). The CLI, the API and the UI all resolve
// them with a FilterParser (Resolve), so that a value means the same thing,
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

// PartyTable is what the filter parser needs of the table of parties
// (lexicon's country table, which the binary hands it).
type PartyTable interface {
	// Lookup returns the codes of the parties s names: a code in any case
	// or a name in Chinese, English or Serbian.
	Lookup(s string) []string
	// Like returns up to max codes of parties whose code or a name holds
	// fragment.
	Like(fragment string, max int) []string
	// Codes returns every party's code, in the table's order.
	Codes() []string
	// Name returns a party's name in a UI language, or its code.
	Name(code, lang string) string
}

// FilterParser resolves what people type in a filter (a party's name, an
// area's or a kind's label, a code in any case, a year) to the codes the
// store keeps, and refuses what matches nothing with the valid choices.
// The CLI, the API and the UI use one, so that a value means the same
// thing, and is refused the same way, wherever it is typed.
type FilterParser struct {
	parties PartyTable
	closed  map[string]closedList
}

// closedList is a closed list with every way of naming its values.
type closedList struct {
	list ValueList
	keys map[string]string // folded code or label → code
	want string
}

// VersionLanguages are the languages a document's version can be in: the
// extractor's and the search's.
func VersionLanguages() ValueList {
	return ValueList{
		value("zh", "中文", "Chinese", "kineski"),
		value("zh-Hant", "繁体中文", "Chinese (traditional)", "kineski (tradicionalni)"),
		value("en", "英文", "English", "engleski"),
		value("sr-Cyrl", "塞尔维亚文（西里尔字母）", "Serbian (Cyrillic)", "srpski (ćirilica)"),
		value("sr-Latn", "塞尔维亚文（拉丁字母）", "Serbian (Latin)", "srpski (latinica)"),
	}
}

// NewFilterParser returns a parser that reads parties from parties; with
// nil it takes a party's code only, as given in capitals.
func NewFilterParser(parties PartyTable) *FilterParser {
	p := &FilterParser{parties: parties, closed: map[string]closedList{}}
	for field, l := range map[string]struct {
		list ValueList
		want string
	}{
		"kind":     {DocumentKinds(), "not a kind of document; give one of"},
		"type":     {SentenceTypes(), "not a sentence type; give one of"},
		"strength": {Strengths(), "not a strength; give one of"},
		"area":     {Areas(), "not a policy area; give a label or one of"},
		"lang":     {VersionLanguages(), "not a language Entente reads; give one of"},
	} {
		cl := closedList{list: l.list, keys: map[string]string{}, want: l.want}
		for _, v := range l.list {
			cl.keys[foldFilter(v.Code)] = v.Code
		}
		for _, v := range l.list {
			for _, label := range v.Labels {
				if _, taken := cl.keys[foldFilter(label)]; !taken {
					cl.keys[foldFilter(label)] = v.Code
				}
			}
		}
		p.closed[field] = cl
	}
	return p
}

// foldFilter ignores case, surrounding space, and the difference between
// spaces, hyphens and underscores (International order,
// international_order).
func foldFilter(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// PartyCodes returns every party's code, and PartyName a party's name in a
// UI language, for the choices of a form.
func (p *FilterParser) PartyCodes() []string {
	if p.parties == nil {
		return nil
	}
	return p.parties.Codes()
}

// PartyName returns a party's name in a UI language, or its code.
func (p *FilterParser) PartyName(code, lang string) string {
	if p.parties == nil {
		return code
	}
	return p.parties.Name(code, lang)
}

// Resolve checks every filter of in and returns them as the store keeps
// them, or FilterErrors with one error per refused field.
func (p *FilterParser) Resolve(in Filters) (Filters, error) {
	var (
		out  Filters
		errs FilterErrors
	)
	keep := func(dst *string, v string, err error) {
		var fe *FilterError
		if errors.As(err, &fe) {
			errs = append(errs, fe)
			return
		}
		*dst = v
	}
	v, err := p.Party(in.Party)
	keep(&out.Party, v, err)
	for _, c := range []struct {
		field, in string
		dst       *string
	}{{"kind", in.Kind, &out.Kind}, {"lang", in.Language, &out.Language}, {"area", in.Area, &out.Area},
		{"type", in.Type, &out.Type}, {"strength", in.Strength, &out.Strength}} {
		v, err := p.Closed(c.field, c.in)
		keep(c.dst, v, err)
	}
	v, err = ParseDateBound("from", in.From)
	keep(&out.From, v, err)
	v, err = ParseDateBound("to", in.To)
	keep(&out.To, v, err)
	if out.From != "" && out.To != "" && out.To < out.From[:min(len(out.From), len(out.To))] {
		errs = append(errs, &FilterError{Field: "to", Value: in.To, Want: "is before from " + out.From})
	}
	if len(errs) > 0 {
		return Filters{}, errs
	}
	return out, nil
}

// Closed resolves a value of a closed list (kind, type, strength, area,
// lang) given by its code in any case or by its label in a UI language.
func (p *FilterParser) Closed(field, s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	cl, ok := p.closed[field]
	if !ok {
		return "", &FilterError{Field: field, Value: s, Want: "not a filter"}
	}
	if code, ok := cl.keys[foldFilter(s)]; ok {
		return code, nil
	}
	return "", &FilterError{Field: field, Value: s, Want: cl.want, Choices: cl.list.Codes()}
}

// Party resolves an ISO code in any case (rs, RS) or a name in Chinese,
// English or Serbian (塞尔维亚, Serbia, Srbija, Србија) to the party's code.
// A value that names nothing, or several parties, is refused with the
// parties it could mean or examples of what the field takes.
func (p *FilterParser) Party(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if p.parties == nil {
		if s == strings.ToUpper(s) && len(s) <= 8 && !strings.ContainsAny(s, " -_") {
			return s, nil
		}
		return "", &FilterError{Field: "party", Value: s, Want: "give a party's code in capitals, such as", Choices: []string{"CN", "RS"}}
	}
	codes := p.parties.Lookup(s)
	if len(codes) == 1 {
		return codes[0], nil
	}
	if len(codes) > 1 {
		return "", &FilterError{Field: "party", Value: s, Want: "names several parties; give one of", Choices: codes}
	}
	like := p.parties.Like(s, 8)
	if len(like) == 0 {
		like = []string{"CN", "中国", "China", "Kina", "RS", "塞尔维亚", "Serbia", "Srbija"}
	}
	return "", &FilterError{Field: "party", Value: s,
		Want: "no such party; give an ISO code or a name in Chinese, English or Serbian, such as", Choices: like}
}
