package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestWesternBalkansIsARegion: the Western Balkans are a region whose
// cooperation, integration and stability statements discuss, no conflict
// by their name: English reads them as Serbian does (the Serbian golds
// give regional cooperation there international_order, never hotspots).
func TestWesternBalkansIsARegion(t *testing.T) {
	xs := map[string]*Spaced{"sr": newTestSpaced(t, "sr"), "en": newTestSpaced(t, "en")}
	tests := []struct{ lang, parties, text, want string }{
		{"en", "AT,RS", "The sides support regional cooperation in the Western Balkans.", "international_order"},
		{"en", "GR,RS", "The ministers welcomed the progress of the Western Balkans towards the European Union.", "international_order"},
		{"sr", "GR,RS", "Strane podržavaju regionalnu saradnju na Zapadnom Balkanu.", "international_order"},
		{"sr", "IT,RS", "Стране се залажу за јачање регионалне сарадње на Западном Балкану.", "international_order"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x, parties := xs[tc.lang], strings.Split(tc.parties, ",")
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if want := strings.Split(tc.want, ","); !slices.Equal(s.Areas, want) {
				t.Errorf("areas %v, want %v (%+v)", s.Areas, want, s.Rationale.Areas)
			}
		})
	}
}
