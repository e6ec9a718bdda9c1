package extract

import "testing"

// TestSettledConflictAreas: a conflict settled by a peace agreement that
// statements still tend (Northern Ireland and its Good Friday Agreement,
// Nagorno-Karabakh) is a hotspot in each language, as the regions of open
// conflicts are.
func TestSettledConflictAreas(t *testing.T) {
	checkAreas(t, newTestExtractor(t), []areaCase{
		{"CN,IE", "双方支持北爱尔兰和平进程。", "hotspots"},
	})
	checkLangAreas(t, []langAreaCase{
		{"en", "GB,IE", "Both governments remain committed to protecting the gains of the peace in Northern Ireland.", "hotspots"},
		{"en", "IE,US", "The leaders reaffirmed their support for the Good Friday Agreement in all its parts.", "hotspots"},
		{"en", "AZ,TR", "The sides welcomed the end of the conflict over Nagorno-Karabakh.", "hotspots"},
		{"sr", "IE,RS", "Strane podržavaju očuvanje mira u Severnoj Irskoj.", "hotspots"},
		{"sr", "IE,RS", "Стране подржавају очување мира у Северној Ирској.", "hotspots"},
	})
}
