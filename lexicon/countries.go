package lexicon

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Country is a state or an organisation that can be party to a statement.
type Country struct {
	Code string // ISO 3166-1 alpha-2, or EU, ASEAN… for organisations
	Kind string // country | organisation
	// Names per language tag: "zh" full and common names, "zh-short" the
	// abbreviations used in compounds (中塞) and party forms (塞方), "en",
	// "sr-Latn", "sr-Cyrl".
	Names map[string][]string
}

// Countries is the table of parties, by code.
type Countries struct {
	List   []*Country
	byCode map[string]*Country
	names  names // the index of names, for filters (names.go)
}

var countryColumns = []string{"zh", "zh-short", "en", "sr-Latn", "sr-Cyrl"}

// LoadCountries returns the embedded country table.
func LoadCountries() (*Countries, error) {
	const name = "data/countries.tsv"
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	return ParseCountries(name, f)
}

// ParseCountries reads a country table: tab-separated code, kind and one
// column per name language, names within a column separated by "|".
func ParseCountries(name string, r io.Reader) (*Countries, error) {
	cs := &Countries{byCode: map[string]*Country{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 2+len(countryColumns) {
			return nil, fmt.Errorf("%s:%d: want %d tab-separated columns, have %d", name, n, 2+len(countryColumns), len(cols))
		}
		c := &Country{Code: strings.TrimSpace(cols[0]), Kind: strings.TrimSpace(cols[1]), Names: map[string][]string{}}
		if c.Code == "" {
			return nil, fmt.Errorf("%s:%d: empty code", name, n)
		}
		if _, dup := cs.byCode[c.Code]; dup {
			return nil, fmt.Errorf("%s:%d: code %s appears twice", name, n, c.Code)
		}
		for i, lang := range countryColumns {
			for _, v := range strings.Split(cols[2+i], "|") {
				if v = strings.TrimSpace(v); v != "" {
					c.Names[lang] = append(c.Names[lang], v)
				}
			}
		}
		cs.List = append(cs.List, c)
		cs.byCode[c.Code] = c
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return cs, nil
}

// Get returns the country with a code, or nil.
func (cs *Countries) Get(code string) *Country { return cs.byCode[code] }
