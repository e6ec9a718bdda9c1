package lexicon

import (
	"slices"
	"testing"
)

func TestCountryNames(t *testing.T) {
	cs, err := LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string][]string{
		"rs": {"RS"}, " RS ": {"RS"}, "塞尔维亚": {"RS"}, "serbia": {"RS"}, "Srbija": {"RS"}, "Србија": {"RS"},
		"united arab emirates": {"AE"}, "united-arab-emirates": {"AE"}, "塞": nil, "Narnia": nil, "": nil,
	} {
		if got := cs.Lookup(in); !slices.Equal(got, want) {
			t.Errorf("Lookup(%q) = %v, want %v", in, got, want)
		}
	}
	if got := cs.Like("serb", 8); !slices.Contains(got, "RS") {
		t.Errorf("Like(serb) = %v, want RS among them", got)
	}
	if got := cs.Like("s", 8); got != nil {
		t.Errorf("Like of one letter = %v, want nothing", got)
	}
	if got := cs.Like("a", 3); len(got) > 3 {
		t.Errorf("Like keeps %d, over its bound", len(got))
	}
	if cs.Name("RS", "zh") == "RS" || cs.Name("RS", "en") == "RS" || cs.Name("XX", "en") != "XX" {
		t.Errorf("Name: %q %q %q", cs.Name("RS", "zh"), cs.Name("RS", "en"), cs.Name("XX", "en"))
	}
	if codes := cs.Codes(); len(codes) != len(cs.List) || codes[0] != cs.List[0].Code {
		t.Errorf("Codes: %d of %d", len(codes), len(cs.List))
	}
}
