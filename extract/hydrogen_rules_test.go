package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestDemonymSides: a country's adjective before a party head is that
// party, for every country a statement may be signed with, not only those
// the first statements came from (the Ghanaian Side, the Senegalese
// delegation, the Tanzanian Government).
func TestDemonymSides(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct {
		text    string
		parties []string
		actors  []string
	}{
		{"The Ghanaian Side will designate a focal point for this work.", []string{"DE", "GH"}, []string{"GH"}},
		{"The Senegalese delegation will host the next session.", []string{"FR", "SN"}, []string{"SN"}},
		{"The Tanzanian Government will facilitate the issuing of permits.", []string{"IN", "TZ"}, []string{"TZ"}},
		{"The Mozambican side will provide land for the project.", []string{"MZ", "PT"}, []string{"MZ"}},
		{"The Ivorian Side will send experts to the training.", []string{"CI", "MA"}, []string{"CI"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s, _ := x.label(x.newSentence(tc.text), tc.parties, tc.parties)
			if s.Type != entente.Commitment || !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%s %v, want a commitment of %v", s.Type, s.Actors, tc.actors)
			}
		})
	}
}
