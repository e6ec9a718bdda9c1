package extract

import (
	"slices"
	"testing"
)

// TestSpacedPeople: a leader named once with a country (after the office,
// after the name, in the signature block, or as the host of a visitor of
// the other party) is that party's when named later by office and name
// alone; a name never given a party stands, as before, for the parties.
func TestSpacedPeople(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             map[string][]string // sentence id → actors
	}{
		{"a visitor of the other party, and the host", "en",
			"Joint Statement of the United States and the Republic of Korea\n\n" +
				"President Joseph R. Biden, Jr. welcomed President Yoon Suk Yeol of the Republic of Korea to the White House.\n\n" +
				"President Yoon will expand the Republic of Korea's contribution to regional security.\n\n" +
				"President Biden reaffirmed that the alliance is ironclad.\n\n" +
				"President Kim will visit Seoul.\n",
			map[string][]string{"s2": {"KR"}, "s3": {"US"}, "s4": {"KR", "US"}}},
		{"the country after the name", "en",
			"Joint Statement of the United States and Japan\n\n" +
				"The President met Prime Minister Kishida Fumio of Japan in Washington.\n\n" +
				"Prime Minister Kishida will host the next summit in Tokyo.\n",
			map[string][]string{"s2": {"JP"}}},
		{"the name set off by commas after the office and its country", "en",
			"Joint Statement of Australia and the Republic of Indonesia\n\n" +
				"The President of the Republic of Indonesia, H.E. Prabowo Subianto, welcomed the Prime Minister of Australia, the Hon Anthony Albanese MP, to Jakarta.\n\n" +
				"President Prabowo will visit Canberra next year.\n\n" +
				"Prime Minister Albanese will open a consulate in Makassar.\n",
			map[string][]string{"s1": {}, "s2": {"ID"}, "s3": {"AU"}}},
		{"a courtesy title (Mr., Ms.) and a hyphenated name set off by commas", "en",
			"Joint Statement between the Republic of Korea and the Republic of Kazakhstan\n\n" +
				"At the invitation of the President of the Republic of Kazakhstan, H.E. Mr. Kassym-Jomart Tokayev, the President of the Republic of Korea, H.E. Mr. Lee Jae-myung, paid a state visit to Kazakhstan.\n\n" +
				"President Tokayev will attend the forum in Seoul.\n\n" +
				"President Lee Jae-myung will visit Almaty in 2027.\n\n" +
				"President Lee will open the centre.\n",
			map[string][]string{"s2": {"KZ"}, "s3": {"KR"}, "s4": {"KR"}}},
		{"a country inside a place's name names no party", "en",
			"Joint Statement of the United States and Viet Nam\n\n" +
				"On the South China Sea, the leaders called for the peaceful resolution of disputes.\n\n" +
				"The United States and Viet Nam will work with Japan on maritime security.\n",
			map[string][]string{"s1": {"US", "VN"}, "s2": {"US", "VN"}}},
		{"Serbian, the country after the office", "sr",
			"Zajednička izjava Republike Srbije i Narodne Republike Kine\n\n" +
				"Predsednik Srbije Aleksandar Vučić i predsednik Kine Si Đinping održali su razgovore u Beogradu.\n\n" +
				"Predsednik Vučić će posetiti Kinu naredne godine.\n\n" +
				"Predsednik Si će podržati Ekspo 2027.\n",
			map[string][]string{"s2": {"RS"}, "s3": {"CN"}}},
		{"the signature block", "en",
			"Joint Statement between the Republic of Serbia and the Republic of Kazakhstan\n\n" +
				"1. President Vučić will attend the Expo in Astana.\n\n" +
				"For the Republic of Serbia                For the Republic of Kazakhstan\n" +
				"Aleksandar Vučić                          Kassym-Jomart Tokayev\n",
			map[string][]string{"s1": {"RS"}}},
		{"one thanking the other party's leader known by name", "en",
			"Joint Statement of the People's Republic of China and the Republic of Serbia\n\n" +
				"President Aleksandar Vučić of the Republic of Serbia paid a state visit to China.\n\n" +
				"President Wang thanked President Vučić for his support.\n",
			map[string][]string{"s2": {"CN"}}},
		{"a Cyrillic signature names a Latin or Cyrillic mention", "sr",
			"Декларација о стратешком партнерству између Републике Србије и Арапске Републике Египат\n\n" +
				"1. Председник Вучић подржава напоре Египта.\n\n2. Predsednik Vučić podržava napore Egipta.\n\n" +
				"Председник Арапске Републике Египат\nАбдел Фатах ел Сиси\n\nПредседник Републике Србије\nАлександар Вучић\n",
			map[string][]string{"s1": {"RS"}, "s2": {"RS"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := newTestSpaced(t, tc.lang).Extract(tc.text)
			for _, s := range got.Sentences {
				want, ok := tc.want[s.ID]
				if ok && !slices.Equal(s.Actors, want) {
					t.Errorf("%s %q: actors %v, want %v", s.ID, s.Text, s.Actors, want)
				}
			}
		})
	}
}
