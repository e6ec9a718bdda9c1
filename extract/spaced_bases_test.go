package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestBasesOfARelation reads whole Serbian agreements whose opening lead-in
// names the bases a relation is established on (… odnose na osnovama:) and
// lists them: each item is a conviction or a principle the parties hold, a
// position of both, whatever its content forecasts; an item with a modal
// of its own still undertakes, and a list under a lead-in of undertakings
// (u sledećim oblastima:) stays one of undertakings. A party that is no
// state (Republika Srpska, BA-SRP) is a party by its own name, the
// participants in the Agreement (učesnice u Sporazumu) are both parties,
// and a dash stuck to an item's first word (-uverenja) still opens an item
// of the dashed list before it.
func TestBasesOfARelation(t *testing.T) {
	both := []string{"BA-SRP", "RS"}
	type want struct {
		text, typ, strength string
		actors              []string
	}
	tests := []struct {
		name, lang, text string
		parties          []string
		want             []want
	}{
		{
			name: "bases, then an article of undertakings",
			lang: "sr",
			text: "Sporazum o saradnji između Republike Srbije i Republike Srpske\n\n" +
				"Republika Srbija i Republika Srpska [u daljem tekstu: učesnice u Sporazumu] razvijaju odnose na osnovama:\n\n" +
				"- uverenja da će bliska saradnja doprineti privrednom razvoju regiona,\n\n" +
				"- poštovanja teritorijalnog integriteta susednih država,\n\n" +
				"-da je saradnja u interesu građana,\n\n" +
				"- Strane će se redovno konsultovati.\n\n" +
				"Član 1.\n\nUčesnice u Sporazumu će razvijati saradnju u sledećim oblastima:\n\n" +
				"- nauka i tehnologija,\n\n- zaštita okoline,\n\n- informisanje.\n",
			parties: both,
			want: []want{
				{"Republika Srbija i Republika Srpska [u daljem tekstu: učesnice u Sporazumu] razvijaju odnose na osnovama:", "commitment", "soft", both},
				{"uverenja da će bliska saradnja doprineti privrednom razvoju regiona,", "position", "", both},
				{"poštovanja teritorijalnog integriteta susednih država,", "position", "", both},
				{"da je saradnja u interesu građana,", "position", "", both},
				{"Strane će se redovno konsultovati.", "commitment", "firm", both},
				{"Učesnice u Sporazumu će razvijati saradnju u sledećim oblastima:", "commitment", "firm", both},
				{"nauka i tehnologija,", "commitment", "soft", both},
				{"zaštita okoline,", "commitment", "soft", both},
				{"informisanje.", "commitment", "soft", both},
			},
		},
		{
			name: "the principles of cooperation in Cyrillic",
			lang: "sr",
			text: "Меморандум о сарадњи између Републике Србије и Републике Српске\n\n" +
				"Република Србија и Република Српска сарађују на начелима:\n\n" +
				"- уверења да ће сарадња допринети миру,\n\n- поштовања уставног поретка.\n",
			parties: both,
			want: []want{
				{"Република Србија и Република Српска сарађују на начелима:", "commitment", "soft", both},
				{"уверења да ће сарадња допринети миру,", "position", "", both},
				{"поштовања уставног поретка.", "position", "", both},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := newTestSpaced(t, tc.lang)
			out := x.Extract(tc.text)
			if !slices.Equal(out.Document.Parties, tc.parties) {
				t.Errorf("parties %v, want %v", out.Document.Parties, tc.parties)
			}
			if len(out.Sentences) != len(tc.want) {
				for _, s := range out.Sentences {
					t.Logf("%q", s.Text)
				}
				t.Fatalf("%d sentences, want %d", len(out.Sentences), len(tc.want))
			}
			for i, w := range tc.want {
				s := out.Sentences[i]
				if s.Text != w.text {
					t.Errorf("sentence %d: %q, want %q", i+1, s.Text, w.text)
				}
				if s.Type != entente.SentenceType(w.typ) || string(s.Strength) != w.strength || !slices.Equal(s.Actors, w.actors) {
					t.Errorf("%q: %s %q %v, want %s %q %v", w.text, s.Type, s.Strength, s.Actors, w.typ, w.strength, w.actors)
				}
			}
		})
	}
}
