package align

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
)

const parallelDir = "../extract/testdata/parallel/"

func read(t *testing.T, r *extract.Registry, lang string) *entente.Extraction {
	t.Helper()
	b, err := os.ReadFile(parallelDir + "cn-rs-2025-green." + lang + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	x, err := r.ExtractAs(string(b), lang)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// truth maps each sentence of the English text to its counterparts: the
// Chinese text says in two sentences what the English says in its eighth;
// the Serbian texts follow the English one by one.
func truth(from, to string) map[string][]string {
	enZh := map[string][]string{}
	for i := 1; i <= 13; i++ {
		switch {
		case i < 8:
			enZh[id(i)] = []string{id(i)}
		case i == 8:
			enZh[id(i)] = []string{"s8", "s9"}
		default:
			enZh[id(i)] = []string{id(i + 1)}
		}
	}
	identity := map[string][]string{}
	for i := 1; i <= 13; i++ {
		identity[id(i)] = []string{id(i)}
	}
	invert := func(m map[string][]string) map[string][]string {
		out := map[string][]string{}
		for a, bs := range m {
			for _, b := range bs {
				out[b] = append(out[b], a)
			}
		}
		return out
	}
	zh := func(l string) bool { return l == "zh" }
	switch {
	case !zh(from) && zh(to):
		return enZh
	case zh(from) && !zh(to):
		return invert(enZh)
	}
	return identity
}

func id(i int) string { return fmt.Sprintf("s%d", i) }

// TestParallel aligns the parallel statement's versions pairwise: at least
// 95% of the sentences of each must find their true counterparts.
func TestParallel(t *testing.T) {
	r, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"en", "zh", "sr-Latn", "sr-Cyrl"}
	xs := map[string]*entente.Extraction{}
	for _, l := range langs {
		xs[l] = read(t, r, l)
	}
	for _, a := range langs {
		for _, b := range langs {
			if a == b {
				continue
			}
			t.Run(a+"→"+b, func(t *testing.T) {
				got := Counterparts(Sentences(xs[a], xs[b]))
				want := truth(a, b)
				ok := 0
				for _, s := range xs[a].Sentences {
					w := append([]string{}, want[s.ID]...)
					sort.Strings(w)
					if slices.Equal(got[s.ID], w) {
						ok++
					} else {
						t.Logf("%s → %v, want %v", s.ID, got[s.ID], w)
					}
				}
				share := float64(ok) / float64(len(xs[a].Sentences))
				t.Logf("%d of %d aligned (%.2f)", ok, len(xs[a].Sentences), share)
				if share < 0.95 {
					t.Errorf("%.2f of the sentences aligned, want at least 0.95", share)
				}
			})
		}
	}
}

// TestMissingSentence aligns versions one of which lacks a sentence: the
// sentence is left without a counterpart and the rest stay aligned.
func TestMissingSentence(t *testing.T) {
	r, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	en := read(t, r, "en")
	b, err := os.ReadFile(parallelDir + "cn-rs-2025-green.sr-Latn.txt")
	if err != nil {
		t.Fatal(err)
	}
	cut := strings.Replace(string(b), " Kina će podsticati svoje kompanije da ulažu u obnovljive izvore energije u Srbiji.", "", 1)
	sr, _ := r.ExtractAs(cut, "sr-Latn")
	if len(sr.Sentences) != len(en.Sentences)-1 {
		t.Fatalf("%d sentences", len(sr.Sentences))
	}
	got := Counterparts(Sentences(en, sr))
	if len(got["s6"]) != 0 {
		t.Errorf("the missing sentence s6 aligned to %v", got["s6"])
	}
	for i := 7; i <= 13; i++ {
		if w := []string{id(i - 1)}; !slices.Equal(got[id(i)], w) {
			t.Errorf("%s → %v, want %v", id(i), got[id(i)], w)
		}
	}
}

func TestNumbersIn(t *testing.T) {
	tests := map[string][]string{
		"od 14. do 16. oktobra 2025. godine": {"14", "16", "2025"},
		"于2025年10月14日":                       {"2025", "10", "14"},
		"10,000 hectares and 1.5 million":    {"10000", "1", "5"},
		"no numbers":                         {},
	}
	for in, want := range tests {
		var got []string
		for k := range numbersIn(in) {
			got = append(got, k)
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("numbersIn(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestVersions recognises the parallel statement's texts as versions of one
// statement, and tells apart statements of other parties or dates.
func TestVersions(t *testing.T) {
	r, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	langs := []string{"en", "zh", "sr-Latn", "sr-Cyrl"}
	for _, a := range langs {
		for _, b := range langs {
			if a < b {
				if ok, why := Versions(read(t, r, a), read(t, r, b)); !ok {
					t.Errorf("%s and %s not versions: %s", a, b, why)
				}
			}
		}
	}
	usie, err := os.ReadFile("../testdata/corpus/us-ie-2021-joint-statement.en.txt")
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := Versions(read(t, r, "en"), r.Extract(string(usie))); ok {
		t.Errorf("China–Serbia and US–Ireland taken for versions: %s", why)
	}
	b, _ := os.ReadFile(parallelDir + "cn-rs-2025-green.en.txt")
	later, _ := r.ExtractAs(strings.ReplaceAll(string(b), "16 October 2025", "17 October 2025"), "en")
	if ok, why := Versions(read(t, r, "zh"), later); ok {
		t.Errorf("texts signed on different days taken for versions: %s", why)
	}
}
