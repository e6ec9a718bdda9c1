package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestIslandsAreas: the fields of a Chinese statement with a Pacific island
// state in the MFA's English. Post-disaster reconstruction and emergency
// relief are disaster work; Juncao technology is farming (zh's 菌草), not
// science by its "technology"; a Luban Workshop is vocational education
// (zh's 鲁班工坊), and an institute of technology a college; the Pacific
// Islands Forum is a regional framework; nuclear-contaminated water is
// pollution, no water resource; a capital named "Port X" (Port Vila, Port
// Moresby) is a place, no port, while a port named so stays one. The
// synergy of the Belt and Road with a national plan (发展战略对接) is
// development, where no field word of its own names another.
func TestIslandsAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"CN", "VU"}
	tests := []struct {
		text  string
		areas []string
	}{
		{"The Chinese side spoke highly of the progress made by Vanuatu in post-disaster reconstruction.", []string{"disaster"}},
		{"The Chinese side will provide Tonga with a batch of emergency relief supplies.", []string{"disaster"}},
		{"The two sides will continue to implement the Juncao technology demonstration project.", []string{"development"}},
		{"The two sides agreed to set up a Luban Workshop.", []string{"people"}},
		{"The Chinese side will train teachers of the Vanuatu Institute of Technology.", []string{"people"}},
		{"The Chinese side supports the Pacific Islands Forum in playing its role in regional affairs.", []string{"international_order"}},
		{"The two sides expressed serious concern over the discharge of nuclear-contaminated water into the ocean.", []string{"green"}},
		{"The Chinese side will send a medical team to Port Vila.", []string{"health"}},
		{"The two sides will hold the dialogue alternately in Beijing and Port Moresby.", []string{"political"}},
		{"The two sides will upgrade the Port of Honiara.", []string{"infrastructure"}},
		{"The two sides will upgrade the port in Port Vila.", []string{"infrastructure"}},
		// the synergy (对接) of the Belt and Road with a national plan is the
		// development strategies aligned; a field word of its own decides
		{"The two sides agreed to strengthen the synergy between the Belt and Road Initiative and \"Vanuatu 2030: The People's Plan\".", []string{"development", "international_order"}},
		{"The two sides will seek synergy between their digital economy strategies.", []string{"digital"}},
	}
	checkSentenceAreas(t, x, parties, tests)
}

// TestIslandsEntities: a capital named "Port X" is a place, no project (the
// port head opens the city's name); a name that runs on to a head of its
// own (the Port Moresby Convention Centre) and a port of a place (the Port
// of Honiara) stay projects. A named wharf, jetty or trunk road is works, as
// a named railway or highway is, and a named institute of technology a
// college, as a named university is. An instrument's head before a
// facility's head ([reference-facility]: the National Convention Centre)
// names the building, no convention.
func TestIslandsEntities(t *testing.T) {
	tests := []struct {
		text  string
		projs []string
	}{
		{"The two sides will hold the dialogue annually, alternately in Beijing and Port Vila.", nil},
		{"The first round of consultations will be held in Port Moresby.", nil},
		{"The Chinese side will build the Port Moresby Sports Centre.", []string{"Port Moresby Sports Centre"}},
		{"The two sides will upgrade the Port of Honiara.", []string{"Port of Honiara"}},
		{"The two sides agreed to complete the feasibility study of the Port Vila Urban Road Upgrading Project by June 30, 2027.", []string{"Port Vila Urban Road Upgrading Project"}},
		{"The two sides spoke highly of the role of the Luganville Wharf and the Malekula Trunk Road in improving connectivity among the islands.", []string{"Luganville Wharf", "Malekula Trunk Road"}},
		{"The Chinese side will extend the Nuku'alofa Jetty.", []string{"Nuku'alofa Jetty"}},
		{"The two sides agreed to set up a Luban Workshop at the Vanuatu Institute of Technology.", []string{"Luban Workshop", "Vanuatu Institute of Technology"}},
		{"The two sides will build wharves and trunk roads on the outer islands.", nil},
		// a head of an instrument before a facility's head (a Convention
		// Centre, a Declaration Hall) names the building, no instrument
		{"The Chinese side will renovate the Vanuatu National Convention Centre.", []string{"Vanuatu National Convention Centre"}},
		{"The two sides will build the Port Moresby Convention Center.", []string{"Port Moresby Convention Center"}},
	}
	x := newTestSpaced(t, "en")
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			out := x.Extract(tt.text)
			var projs, refs []string
			for _, s := range out.Sentences {
				projs = append(projs, s.Projects...)
				refs = append(refs, s.References...)
			}
			if !slices.Equal(projs, tt.projs) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
			if len(refs) > 0 {
				t.Errorf("references %q, want none", refs)
			}
		})
	}
}

// TestStoodTheTest: relations said to have stood the test of time or of
// changes (the translated 经受住了…考验) are evaluated for what they have
// been: an appraisal, as "have set an example" is.
func TestStoodTheTest(t *testing.T) {
	x := newTestSpaced(t, "en")
	parties := []string{"CN", "VU"}
	for _, text := range []string{
		"The two sides agreed that since the establishment of diplomatic relations, China-Vanuatu relations have stood the test of changes in the international landscape and set an example of equality between countries of different sizes.",
		"The two sides believe that the friendship between the two countries has stood the test of time.",
	} {
		s, _ := x.label(x.newSentence(text), parties, parties)
		if s.Type != entente.Appraisal {
			t.Errorf("%s: type %s, want appraisal", text, s.Type)
		}
	}
}

// TestFinalTimeBeforeNextVerb: a time of [deadline-final] that ends one
// undertaking before "and" and the parties' next verb (send a team in 2027 |
// and support…) is the time the first is set for, as it is at the
// sentence's end; a second year or a determiner after "and" is no next
// verb, and a time after a narrative verb still dates what was done.
func TestFinalTimeBeforeNextVerb(t *testing.T) {
	x := newTestSpaced(t, "en")
	tests := []struct{ text, deadline string }{
		{"The Chinese side will send a new medical team to Vanuatu in 2027 and support the upgrading of Vila Central Hospital.", "in 2027"},
		{"The two sides will hold the first meeting in Suva in early 2027 and review the projects.", "in early 2027"},
		{"The two sides will hold consultations in 2026 and 2027.", ""},
		{"The two sides will hold consultations in 2026 and beyond.", ""},
		{"The two sides signed the agreement in 2019 and will implement it fully.", ""},
	}
	checkDeadlines(t, x, tests)
}
