package lexicon

import (
	"slices"
	"sort"
	"strings"

	"github.com/entente/entente"
)

// Filters resolves what people type in a filter (a party's name in
// Chinese, English or Serbian, an area's or a kind's label, a code in any
// case) to the codes the store keeps, and refuses what matches nothing
// with the valid choices. The CLI, the API and the UI use it alike. The
// closed lists (kinds, types, strengths, areas, with their labels) are the
// root package's.
type Filters struct {
	countries *Countries
	parties   map[string][]string // folded name or code → codes
	closed    map[string]closedList
}

// closedList is a closed list with every way of naming its values.
type closedList struct {
	list entente.ValueList
	keys map[string]string // folded code or label → code
	want string
}

// filterLanguages are the languages versions are read in: the extractor's
// and the search's.
var filterLanguages = entente.ValueList{
	{Code: "zh", Labels: entente.Labels{"zh": "中文", "en": "Chinese"}},
	{Code: "zh-Hant", Labels: entente.Labels{"zh": "繁体中文", "en": "Chinese (traditional)"}},
	{Code: "en", Labels: entente.Labels{"zh": "英文", "en": "English"}},
	{Code: "sr-Cyrl", Labels: entente.Labels{"zh": "塞尔维亚文（西里尔字母）", "en": "Serbian (Cyrillic)"}},
	{Code: "sr-Latn", Labels: entente.Labels{"zh": "塞尔维亚文（拉丁字母）", "en": "Serbian (Latin)"}},
}

// LoadFilters builds the resolver from the embedded country table and the
// root package's lists.
func LoadFilters() (*Filters, error) {
	cs, err := LoadCountries()
	if err != nil {
		return nil, err
	}
	return NewFilters(cs), nil
}

// NewFilters builds the resolver from a country table.
func NewFilters(cs *Countries) *Filters {
	f := &Filters{countries: cs, parties: map[string][]string{}, closed: map[string]closedList{}}
	add := func(key, code string) {
		key = fold(key)
		if key == "" || slices.Contains(f.parties[key], code) {
			return
		}
		f.parties[key] = append(f.parties[key], code)
	}
	for _, c := range cs.List {
		add(c.Code, c.Code)
		for lang, names := range c.Names {
			if lang == "zh-short" {
				continue // 塞, 中: shared by several parties, read only inside a document
			}
			for _, n := range names {
				add(n, c.Code)
			}
		}
	}
	for field, l := range map[string]struct {
		list entente.ValueList
		want string
	}{
		"kind":     {entente.DocumentKinds(), "not a kind of document; give one of"},
		"type":     {entente.SentenceTypes(), "not a sentence type; give one of"},
		"strength": {entente.Strengths(), "not a strength; give one of"},
		"area":     {entente.Areas(), "not a policy area; give a label or one of"},
		"lang":     {filterLanguages, "not a language Entente reads; give one of"},
	} {
		cl := closedList{list: l.list, keys: map[string]string{}, want: l.want}
		for _, v := range l.list {
			cl.keys[fold(v.Code)] = v.Code
			for _, label := range v.Labels {
				if _, taken := cl.keys[fold(label)]; !taken {
					cl.keys[fold(label)] = v.Code
				}
			}
		}
		f.closed[field] = cl
	}
	return f
}

// fold makes a key that ignores case, surrounding space, and the
// difference between spaces, hyphens and underscores (International order,
// international_order).
func fold(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// Parties returns the table's parties, by code.
func (f *Filters) Parties() []*Country { return f.countries.List }

// Languages returns the languages a version can be in, with their labels.
func (f *Filters) Languages() entente.ValueList { return filterLanguages }

// Resolve checks every filter of in and returns them as the store keeps
// them, or entente.FilterErrors with one error per refused field.
func (f *Filters) Resolve(in entente.Filters) (entente.Filters, error) {
	var (
		out  entente.Filters
		errs entente.FilterErrors
	)
	keep := func(dst *string, v string, err error) {
		if err != nil {
			errs = append(errs, err.(*entente.FilterError))
			return
		}
		*dst = v
	}
	v, err := f.Party(in.Party)
	keep(&out.Party, v, err)
	for _, c := range []struct {
		field string
		in    string
		dst   *string
	}{{"kind", in.Kind, &out.Kind}, {"lang", in.Language, &out.Language}, {"area", in.Area, &out.Area},
		{"type", in.Type, &out.Type}, {"strength", in.Strength, &out.Strength}} {
		v, err := f.Closed(c.field, c.in)
		keep(c.dst, v, err)
	}
	v, err = dateBound("from", in.From)
	keep(&out.From, v, err)
	v, err = dateBound("to", in.To)
	keep(&out.To, v, err)
	if out.From != "" && out.To != "" && out.To < out.From[:min(len(out.From), len(out.To))] {
		errs = append(errs, &entente.FilterError{Field: "to", Value: in.To, Want: "is before from " + out.From})
	}
	if len(errs) > 0 {
		return entente.Filters{}, errs
	}
	return out, nil
}

func dateBound(field, s string) (string, error) {
	v, err := entente.ParseDateBound(field, s)
	if err != nil {
		return "", err
	}
	return v, nil
}

// Closed resolves a value of a closed list (kind, type, strength, area,
// lang) given by its code in any case or by its label in a UI language.
func (f *Filters) Closed(field, s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	cl, ok := f.closed[field]
	if !ok {
		return "", &entente.FilterError{Field: field, Value: s, Want: "not a filter"}
	}
	if code, ok := cl.keys[fold(s)]; ok {
		return code, nil
	}
	return "", &entente.FilterError{Field: field, Value: s, Want: cl.want, Choices: cl.list.Codes()}
}

// Party resolves an ISO code in any case (rs, RS) or a name in Chinese,
// English or Serbian (塞尔维亚, Serbia, Srbija, Србија) to the party's code.
// A value that names nothing, or several parties, is refused with the
// parties it could mean or examples of what the field takes.
func (f *Filters) Party(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	codes := f.parties[fold(s)]
	if len(codes) == 1 {
		return codes[0], nil
	}
	if len(codes) > 1 {
		return "", &entente.FilterError{Field: "party", Value: s, Want: "names several parties; give one of", Choices: codes}
	}
	return "", &entente.FilterError{Field: "party", Value: s,
		Want: "no such party; give an ISO code or a name in Chinese, English or Serbian, such as", Choices: f.partiesLike(s)}
}

// partiesLike suggests parties whose code or a name holds s, or a few
// examples when none does.
func (f *Filters) partiesLike(s string) []string {
	key := fold(s)
	seen := map[string]bool{}
	var out []string
	if len([]rune(key)) >= 2 {
		for name, codes := range f.parties {
			if strings.Contains(name, key) {
				for _, c := range codes {
					seen[c] = true
				}
			}
		}
		for c := range seen {
			out = append(out, c)
		}
		sort.Strings(out)
		if len(out) > 8 {
			out = out[:8]
		}
	}
	if len(out) == 0 {
		out = []string{"CN", "中国", "China", "Kina", "RS", "塞尔维亚", "Serbia", "Srbija"}
	}
	return out
}
