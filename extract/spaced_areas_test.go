package extract

import (
	"slices"
	"testing"
)

// TestSpacedAreaWords holds area words of the genre the Serbian table once
// lacked, in both scripts, and a word a short stem would have taken
// (gazdinstvo is no Gaza).
func TestSpacedAreaWords(t *testing.T) {
	x := newTestSpaced(t, "sr")
	parties := []string{"CN", "RS"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"Strane pozivaju na nesmetan humanitarni pristup Pojasu Gaze.", []string{"hotspots"}},
		{"Стране позивају на хуманитарни приступ Појасу Газе.", []string{"hotspots"}},
		{"Strane će otvoriti Nacionalni data centar u Kragujevcu.", []string{"digital"}},
		{"Strane će podržati rad francuske gimnazije u Beogradu.", []string{"people"}},
		{"Strane će podržati poljoprivredna gazdinstva.", []string{"development"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}
