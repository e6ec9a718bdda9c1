package extract

import (
	"slices"
	"testing"
)

// TestSpacedDocumentParties: a statement's parties from a title that joins
// two names with a hyphen (the EU-China Summit), or, with a title that
// names none, from the opening sentences, numbered or not; a compound of
// no countries names none.
func TestSpacedDocumentParties(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Joint Statement of the 24th EU-China Summit\n\nThe two sides will cooperate.\n", []string{"CN", "EU"}},
		{"en", "Joint Statement on China-Serbia Relations\n\nThe two sides will cooperate.\n", []string{"CN", "RS"}},
		{"en", "Joint Statement on the Indo-Pacific\n\nThe two sides will cooperate.\n", []string{}},
		{"en", "Joint Statement of the Summit\n\n1. The European Union and China held their Summit in Beijing.\n\n2. Both sides agreed to meet again.\n", []string{"CN", "EU"}},
		{"en", "Joint Statement of the Summit\n\n1. The two sides met in Beijing.\n\n2. They discussed Ukraine and Moldova.\n\n3. Both sides agreed to meet again.\n", []string{}},
		{"sr", "Zajednička izjava sa samita Srbija-Kina\n\nStrane će sarađivati.\n", []string{"CN", "RS"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got := newTestSpaced(t, tc.lang).Extract(tc.text).Document.Parties
			if !slices.Equal(got, tc.want) {
				t.Errorf("parties %v, want %v", got, tc.want)
			}
		})
	}
}
