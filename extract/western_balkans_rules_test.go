package extract

import "testing"

// TestWesternBalkansIsARegion: the Western Balkans are a region whose
// cooperation, integration and stability statements discuss, no conflict
// by their name: English reads them as Serbian does (the Serbian golds
// give regional cooperation there international_order, never hotspots).
func TestWesternBalkansIsARegion(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"en", "AT,RS", "The sides support regional cooperation in the Western Balkans.", "international_order"},
		{"en", "GR,RS", "The ministers welcomed the progress of the Western Balkans towards the European Union.", "international_order"},
		{"sr", "GR,RS", "Strane podržavaju regionalnu saradnju na Zapadnom Balkanu.", "international_order"},
		{"sr", "IT,RS", "Стране се залажу за јачање регионалне сарадње на Западном Балкану.", "international_order"},
	})
}
