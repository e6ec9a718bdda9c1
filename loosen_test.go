package entente

import (
	"context"
	"slices"
	"testing"
)

// fakeSearcher finds hits only when the query leaves out given filters.
type fakeSearcher struct {
	hits func(q SearchQuery) int
}

func (f fakeSearcher) SearchPage(_ context.Context, q SearchQuery) (*SearchResults, error) {
	return &SearchResults{Total: f.hits(q)}, nil
}

func TestLoosen(t *testing.T) {
	tests := []struct {
		name string
		f    Filters
		hits func(q SearchQuery) int
		want []Loosening
	}{
		{"drop the area", Filters{Party: "RS", Area: "energy"},
			func(q SearchQuery) int {
				if q.Area == "" {
					return 4
				}
				return 0
			}, []Loosening{{Drop: []string{"area"}, Total: 4}}},
		{"dates go together", Filters{From: "2024", To: "2024"},
			func(q SearchQuery) int {
				if q.From == "" && q.To == "" {
					return 2
				}
				return 0
			}, []Loosening{{Drop: []string{"from", "to"}, Total: 2}}},
		{"most hits first", Filters{Type: "commitment", Strength: "firm"},
			func(q SearchQuery) int {
				switch {
				case q.Type == "" && q.Strength == "":
					return 9
				case q.Type == "":
					return 1
				case q.Strength == "":
					return 3
				}
				return 0
			}, []Loosening{{Drop: []string{"strength"}, Total: 3}, {Drop: []string{"type"}, Total: 1}}},
		{"only all together", Filters{Party: "RS", Type: "position"},
			func(q SearchQuery) int {
				if q.Party == "" && q.Type == "" {
					return 5
				}
				return 0
			}, []Loosening{{Drop: []string{"party", "type"}, Total: 5}}},
		{"the words are the problem", Filters{Party: "RS"}, func(SearchQuery) int { return 0 }, nil},
		{"no filters", Filters{}, func(SearchQuery) int { return 0 }, nil},
	}
	for _, tc := range tests {
		got, err := Loosen(context.Background(), fakeSearcher{tc.hits}, "x", tc.f)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.EqualFunc(got, tc.want, func(a, b Loosening) bool { return slices.Equal(a.Drop, b.Drop) && a.Total == b.Total }) {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

func TestParseDateBound(t *testing.T) {
	for s, ok := range map[string]bool{"2024": true, "2024-05": true, "2024-02-29": true, "2023-02-29": false, "2024-5": false,
		"24": false, "2024-05-08T00:00": false, "": true, "２０２４": false} {
		_, err := ParseDateBound("from", s)
		if (err == nil) != ok {
			t.Errorf("ParseDateBound(%q): %v", s, err)
		}
	}
}

func FuzzParseDateBound(f *testing.F) {
	for _, s := range []string{"2024", "2024-05", "2024-05-08", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseDateBound("to", s)
		if err != nil {
			return
		}
		if again, err := ParseDateBound("to", v); err != nil || again != v {
			t.Fatalf("%q → %q → %q, %v", s, v, again, err)
		}
	})
}
