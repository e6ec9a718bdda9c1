package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/entente/entente/lexicon"
)

// TestEveryCountryNameFindsItsCountry reads every name of the country
// table, in English and in both Serbian scripts, inside a sentence, and
// expects that country alone: a name that opens like another's (Niger and
// Nigeria, Mali and Malta, Sudan and South Sudan) must not be read as it.
func TestEveryCountryNameFindsItsCountry(t *testing.T) {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	frames := map[string]string{
		"en":      "The two sides discussed relations with %s in detail.",
		"sr-Latn": "Strane su razgovarale o odnosima sa %s detaljno.",
		"sr-Cyrl": "Стране су разговарале о односима са %s детаљно.",
	}
	readers := map[string]*Spaced{"en": newTestSpaced(t, "en"), "sr": newTestSpaced(t, "sr")}
	// the names two entries of the table share, which no reader can tell
	// apart; counted, so that a new one is seen
	owners := map[string][]string{}
	for _, c := range cs.List {
		for col := range frames {
			for _, n := range c.Names[col] {
				key := col + "\x00" + strings.ToLower(n)
				if !slices.Contains(owners[key], c.Code) {
					owners[key] = append(owners[key], c.Code)
				}
			}
		}
	}
	checked := 0
	for _, c := range cs.List {
		for col, frame := range frames {
			x := readers[col[:2]]
			for _, n := range c.Names[col] {
				if len(owners[col+"\x00"+strings.ToLower(n)]) > 1 {
					continue
				}
				_, ws := x.lineTokens(nil, strings.Replace(frame, "%s", n, 1))
				got := x.countries.codes(ws)
				checked++
				if !slices.Equal(got, []string{c.Code}) {
					t.Errorf("%s %q: found %v, want [%s]", col, n, got, c.Code)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d names checked", checked)
	}
	// and the Serbian names of one word in other cases than the table's:
	// Malezijom, Nigeriji, Maltu, Nigeru
	x := readers["sr"]
	for _, c := range cs.List {
		for col, frame := range frames {
			if col == "en" {
				continue
			}
			for _, n := range c.Names[col] {
				if strings.Contains(n, " ") || len(owners[col+"\x00"+strings.ToLower(n)]) > 1 {
					continue
				}
				for _, f := range serbianCaseForms(n) {
					_, ws := x.lineTokens(nil, strings.Replace(frame, "%s", f, 1))
					if got := x.countries.codes(ws); !slices.Equal(got, []string{c.Code}) {
						t.Errorf("%s %q (of %q): found %v, want [%s]", col, f, n, got, c.Code)
					}
				}
			}
		}
	}
}

// serbianCaseForms spells a Serbian name of one word in the dative and
// instrumental cases, by the regular endings (no sound change): SAD-u,
// SAD-om; -ija
// names as -iji, -ijom; other -a names as -u, -om; names ending in a
// consonant with -u, -om added; others not at all.
func serbianCaseForms(name string) []string {
	type endings struct{ ija, a, u, om, iji, ijom string }
	e := endings{"ija", "a", "u", "om", "iji", "ijom"}
	if strings.IndexFunc(name, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }) >= 0 {
		e = endings{"ија", "а", "у", "ом", "ији", "ијом"}
	}
	switch {
	case isAllCaps(name): // an abbreviation takes its ending after a hyphen
		return []string{name + "-" + e.u, name + "-" + e.om}
	case strings.HasSuffix(name, e.ija):
		stem := strings.TrimSuffix(name, e.ija)
		return []string{stem + e.iji, stem + e.ijom}
	case strings.HasSuffix(name, e.a):
		stem := strings.TrimSuffix(name, e.a)
		return []string{stem + e.u, stem + e.om}
	}
	r := []rune(name)
	if last := r[len(r)-1]; strings.ContainsRune("aeiouаеиоу", last) || !unicode.IsLetter(last) {
		return nil
	}
	return []string{name + e.u, name + e.om}
}
