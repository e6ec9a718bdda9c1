package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/entente/entente"
)

// Filters resolves what people type in a filter (a party's name in
// Chinese, English or Serbian, an area's label, a code in any case) to the
// codes the store keeps, and refuses what matches nothing with the valid
// choices. The CLI, the API and the UI use it alike.
type Filters struct {
	countries *Countries
	areas     []Area
	parties   map[string][]string // folded name or code → codes
	areaKeys  map[string]string   // folded code or label → code
}

// Area is a policy area with its labels in the UI's languages.
type Area struct {
	Code   string
	Labels map[string]string // "zh", "en"
}

// Label returns the area's label in lang, or its code.
func (a Area) Label(lang string) string {
	if l := a.Labels[lang]; l != "" {
		return l
	}
	return a.Code
}

var areaColumns = []string{"zh", "en"}

// The values of the closed filters. They follow the contract's codes;
// versions are read in the languages of the extractor and of the search.
var (
	filterKinds = []string{string(entente.KindJointStatement), string(entente.KindAgreement), string(entente.KindMoU),
		string(entente.KindActionPlan), string(entente.KindCommunique), string(entente.KindDeclaration), string(entente.KindOther)}
	filterTypes     = []string{string(entente.Commitment), string(entente.Position), string(entente.Appraisal), string(entente.Narrative)}
	filterStrengths = []string{string(entente.Firm), string(entente.Intent), string(entente.Soft)}
	filterLanguages = []string{"zh", "zh-Hant", "en", "sr-Cyrl", "sr-Latn"}
)

// LoadFilters builds the resolver from the embedded country and area
// tables.
func LoadFilters() (*Filters, error) {
	cs, err := LoadCountries()
	if err != nil {
		return nil, err
	}
	const name = "data/areas.tsv"
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	areas, err := ParseAreas(name, f)
	if err != nil {
		return nil, err
	}
	return NewFilters(cs, areas), nil
}

// ParseAreas reads an area table: tab-separated code, Chinese label,
// English label.
func ParseAreas(name string, r io.Reader) ([]Area, error) {
	var out []Area
	seen := map[string]bool{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 1+len(areaColumns) {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated columns, have %d", name, n, 1+len(areaColumns), len(cols))
		}
		a := Area{Code: strings.TrimSpace(cols[0]), Labels: map[string]string{}}
		if a.Code == "" || seen[a.Code] {
			return nil, fmt.Errorf("%s:%d: empty or repeated code %q", name, n, a.Code)
		}
		seen[a.Code] = true
		for i, lang := range areaColumns {
			if l := strings.TrimSpace(cols[1+i]); l != "" {
				a.Labels[lang] = l
			}
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// NewFilters builds the resolver from a country table and areas.
func NewFilters(cs *Countries, areas []Area) *Filters {
	f := &Filters{countries: cs, areas: areas, parties: map[string][]string{}, areaKeys: map[string]string{}}
	add := func(key, code string) {
		key = fold(key)
		if key == "" {
			return
		}
		for _, c := range f.parties[key] {
			if c == code {
				return
			}
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
	for _, a := range areas {
		f.areaKeys[fold(a.Code)] = a.Code
		for _, l := range a.Labels {
			f.areaKeys[fold(l)] = a.Code
		}
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

// Areas returns the policy areas in the table's order.
func (f *Filters) Areas() []Area { return f.areas }

// Parties returns the table's parties, by code.
func (f *Filters) Parties() []*Country { return f.countries.List }

// Kinds, Types, Strengths and Languages return the values of the closed
// filters.
func (f *Filters) Kinds() []string     { return filterKinds }
func (f *Filters) Types() []string     { return filterTypes }
func (f *Filters) Strengths() []string { return filterStrengths }
func (f *Filters) Languages() []string { return filterLanguages }

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
	v, err = closed("kind", in.Kind, filterKinds, "not a kind of document; give one of")
	keep(&out.Kind, v, err)
	v, err = closed("lang", in.Language, filterLanguages, "not a language Entente reads; give one of")
	keep(&out.Language, v, err)
	v, err = f.Area(in.Area)
	keep(&out.Area, v, err)
	v, err = closed("type", in.Type, filterTypes, "not a sentence type; give one of")
	keep(&out.Type, v, err)
	v, err = closed("strength", in.Strength, filterStrengths, "not a strength; give one of")
	keep(&out.Strength, v, err)
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

// closed resolves a value of a closed list, in any case.
func closed(field, s string, values []string, want string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	for _, v := range values {
		if fold(v) == fold(s) {
			return v, nil
		}
	}
	return "", &entente.FilterError{Field: field, Value: s, Want: want, Choices: values}
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

// Area resolves an area's code or its label in a UI language (能源,
// Energy) to its code; anything else is refused with every code.
func (f *Filters) Area(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if code, ok := f.areaKeys[fold(s)]; ok {
		return code, nil
	}
	codes := make([]string, len(f.areas))
	for i, a := range f.areas {
		codes[i] = a.Code
	}
	return "", &entente.FilterError{Field: "area", Value: s, Want: "not a policy area; give a label or one of", Choices: codes}
}
