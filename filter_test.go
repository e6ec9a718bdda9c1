package entente_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

func loadFilters(t testing.TB) *entente.FilterParser {
	t.Helper()
	cs, err := lexicon.LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	return entente.NewFilterParser(cs)
}

func TestFiltersResolve(t *testing.T) {
	f := loadFilters(t)
	tests := []struct {
		name string
		in   entente.Filters
		want entente.Filters
	}{
		{"code upper", entente.Filters{Party: "RS"}, entente.Filters{Party: "RS"}},
		{"code lower", entente.Filters{Party: "rs"}, entente.Filters{Party: "RS"}},
		{"organisation code any case", entente.Filters{Party: "asean"}, entente.Filters{Party: "ASEAN"}},
		{"Chinese name", entente.Filters{Party: "塞尔维亚"}, entente.Filters{Party: "RS"}},
		{"Chinese full name", entente.Filters{Party: "匈牙利"}, entente.Filters{Party: "HU"}},
		{"English name", entente.Filters{Party: "serbia"}, entente.Filters{Party: "RS"}},
		{"English name spaced", entente.Filters{Party: "  United Arab Emirates "}, entente.Filters{Party: "AE"}},
		{"Serbian Latin", entente.Filters{Party: "Srbija"}, entente.Filters{Party: "RS"}},
		{"Serbian Cyrillic", entente.Filters{Party: "Србија"}, entente.Filters{Party: "RS"}},
		{"area code", entente.Filters{Area: "energy"}, entente.Filters{Area: "energy"}},
		{"area code upper", entente.Filters{Area: "INTERNATIONAL_ORDER"}, entente.Filters{Area: "international_order"}},
		{"area English label", entente.Filters{Area: "International order"}, entente.Filters{Area: "international_order"}},
		{"area Chinese label", entente.Filters{Area: "能源"}, entente.Filters{Area: "energy"}},
		{"kind any case", entente.Filters{Kind: "Joint_Statement"}, entente.Filters{Kind: "joint_statement"}},
		{"kind with a space", entente.Filters{Kind: "joint statement"}, entente.Filters{Kind: "joint_statement"}},
		{"language any case", entente.Filters{Language: "SR-CYRL"}, entente.Filters{Language: "sr-Cyrl"}},
		{"type and strength", entente.Filters{Type: "Commitment", Strength: "FIRM"}, entente.Filters{Type: "commitment", Strength: "firm"}},
		{"year", entente.Filters{From: "2024", To: "2024"}, entente.Filters{From: "2024", To: "2024"}},
		{"month and day", entente.Filters{From: "2019-02", To: "2024-05-08"}, entente.Filters{From: "2019-02", To: "2024-05-08"}},
		{"nothing", entente.Filters{}, entente.Filters{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.Resolve(tc.in)
			if err != nil {
				t.Fatalf("Resolve(%+v): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("Resolve(%+v) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
}

func TestFiltersRefuse(t *testing.T) {
	f := loadFilters(t)
	tests := []struct {
		name   string
		in     entente.Filters
		field  string
		choice string // one of the choices the error must offer
	}{
		{"unknown party", entente.Filters{Party: "Narnia"}, "party", "CN"},
		{"party part of a name suggests it", entente.Filters{Party: "Serb"}, "party", "RS"},
		{"short form alone", entente.Filters{Party: "塞"}, "party", "CN"},
		{"unknown area", entente.Filters{Area: "railways"}, "area", "infrastructure"},
		{"unknown kind", entente.Filters{Kind: "treaty"}, "kind", "joint_statement"},
		{"unknown language", entente.Filters{Language: "fr"}, "lang", "sr-Latn"},
		{"unknown type", entente.Filters{Type: "promise"}, "type", "commitment"},
		{"unknown strength", entente.Filters{Strength: "strong"}, "strength", "firm"},
		{"day out of range", entente.Filters{From: "2024-02-30"}, "from", "YYYY-MM-DD"},
		{"month out of range", entente.Filters{To: "2024-13"}, "to", "YYYY-MM"},
		{"not a date", entente.Filters{From: "May 2024"}, "from", "YYYY"},
		{"other order", entente.Filters{From: "08/05/2024"}, "from", "YYYY"},
		{"to before from", entente.Filters{From: "2025", To: "2024-12"}, "to", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.Resolve(tc.in)
			var errs entente.FilterErrors
			if !errors.As(err, &errs) {
				t.Fatalf("Resolve(%+v) = %v, want FilterErrors", tc.in, err)
			}
			e := errs.Field(tc.field)
			if e == nil {
				t.Fatalf("no error for %s in %v", tc.field, errs)
			}
			if tc.choice != "" && !strings.Contains(e.Error(), tc.choice) {
				t.Errorf("%q does not offer %q", e.Error(), tc.choice)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message is not one line: %q", err)
			}
			if !errors.Is(err, entente.ErrInvalid) || entente.ErrorCode(e) != entente.EINVALID {
				t.Errorf("%v is not an invalid-input error", err)
			}
		})
	}
}

func TestFiltersRefuseEveryField(t *testing.T) {
	f := loadFilters(t)
	_, err := f.Resolve(entente.Filters{Party: "x1", Area: "x2", Kind: "x3", Language: "x4", Type: "x5", Strength: "x6", From: "x7", To: "x8"})
	var errs entente.FilterErrors
	if !errors.As(err, &errs) || len(errs) != 8 {
		t.Fatalf("want 8 errors, one per field: %v", err)
	}
}

func TestClosedListsTakeEveryLabel(t *testing.T) {
	f := loadFilters(t)
	for field, list := range map[string]entente.ValueList{"area": entente.Areas(), "kind": entente.DocumentKinds(),
		"type": entente.SentenceTypes(), "strength": entente.Strengths(), "lang": entente.VersionLanguages()} {
		for _, v := range list {
			for _, lang := range entente.UILanguages() {
				label := v.Labels[lang]
				if label == "" {
					t.Errorf("%s %s has no %s label", field, v.Code, lang)
					continue
				}
				if got, err := f.Closed(field, label); err != nil || got != v.Code {
					t.Errorf("%s %q = %q, %v; want %s", field, label, got, err, v.Code)
				}
			}
		}
	}
}

// FuzzFiltersResolve: any input gets a value or a one-line refusal, never a
// panic, and a resolved value resolves to itself.
func FuzzFiltersResolve(f *testing.F) {
	fl := loadFilters(f)
	for _, s := range []string{"RS", "塞尔维亚", "能源", "2024-05", "joint statement", "", "-", "2024-02-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		in := entente.Filters{Party: s, Kind: s, Language: s, Area: s, Type: s, Strength: s, From: s, To: s}
		for _, one := range []entente.Filters{{Party: s}, {Area: s}, {From: s}, {Kind: s}, in} {
			got, err := fl.Resolve(one)
			if err != nil {
				if strings.Contains(err.Error(), "\n") && !strings.Contains(s, "\n") {
					t.Fatalf("message is not one line: %q", err)
				}
				continue
			}
			again, err := fl.Resolve(got)
			if err != nil || again != got {
				t.Fatalf("Resolve(%+v) = %+v, then %+v, %v", one, got, again, err)
			}
		}
	})
}

// TestFilterParserWithoutTable: without a country table a party is taken
// by its code only, and the closed lists still resolve.
func TestFilterParserWithoutTable(t *testing.T) {
	p := entente.NewFilterParser(nil)
	if got, err := p.Resolve(entente.Filters{Party: "RS", Area: "能源"}); err != nil || got.Party != "RS" || got.Area != "energy" {
		t.Errorf("Resolve = %+v, %v", got, err)
	}
	if _, err := p.Resolve(entente.Filters{Party: "Serbia"}); err == nil {
		t.Error("a name was taken without a table to read it")
	}
}
