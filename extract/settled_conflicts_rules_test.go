package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestSettledConflictAreas: a conflict settled by a peace agreement that
// statements still tend (Northern Ireland and its Good Friday Agreement,
// Nagorno-Karabakh) is a hotspot in each language, as the regions of open
// conflicts are.
func TestSettledConflictAreas(t *testing.T) {
	checkAreas(t, newTestExtractor(t), []areaCase{
		{"CN,IE", "双方支持北爱尔兰和平进程。", "hotspots"},
	})
	xs := map[string]*Spaced{"sr": newTestSpaced(t, "sr"), "en": newTestSpaced(t, "en")}
	tests := []struct{ lang, parties, text, want string }{
		{"en", "GB,IE", "Both governments remain committed to protecting the gains of the peace in Northern Ireland.", "hotspots"},
		{"en", "IE,US", "The leaders reaffirmed their support for the Good Friday Agreement in all its parts.", "hotspots"},
		{"en", "AZ,TR", "The sides welcomed the end of the conflict over Nagorno-Karabakh.", "hotspots"},
		{"sr", "IE,RS", "Strane podržavaju očuvanje mira u Severnoj Irskoj.", "hotspots"},
		{"sr", "IE,RS", "Стране подржавају очување мира у Северној Ирској.", "hotspots"},
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
