package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestGuangdongHongKongFrameworkProvisions reads provisions of a cooperation
// framework agreement between Guangdong's provincial government and Hong
// Kong's (the genre of hk-gd-cooperation-framework), sentences of our own:
// the province is a party by the name its government signs under (CN-GD), 粵
// joins 港 as the pair (粵港), 廣東省 is its side; the two's joint
// conference is their standing body, unquoted as quoted.
func TestGuangdongHongKongFrameworkProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "廣東省人民政府與香港特別行政區政府合作框架協議\n\n第一條　合作\n\n"
	both := []string{"CN-GD", "HK"}
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
		mechanisms, projects      []string
	}{
		{"the pair 粵港 is both parties", "粵港兩地將推動文化交流活動常態化。",
			"commitment", "firm", both, []string{"people"}, nil, nil},
		{"the province is its side", "廣東省將支持香港青年到廣東實習及就業。",
			"commitment", "firm", []string{"CN-GD"}, []string{"people"}, nil, nil},
		{"the parties' names in the recital are no port", "廣東省人民政府與香港特別行政區政府將進一步深化兩地合作。",
			"commitment", "firm", both, nil, nil, nil},
		{"the joint conference unquoted is their body", "雙方同意繼續以粵港合作聯席會議作為統籌兩地合作的機制。",
			"commitment", "firm", both, nil, []string{"粵港合作聯席會議"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if tc.areas != nil && !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
			mech := make([]string, 0, len(s.Mechanisms))
			for _, m := range s.Mechanisms {
				mech = append(mech, strings.Trim(m, "「」"))
			}
			if !slices.Equal(mech, tc.mechanisms) && (len(mech) > 0 || len(tc.mechanisms) > 0) {
				t.Errorf("mechanisms %q, want %q", s.Mechanisms, tc.mechanisms)
			}
			proj := slices.Clone(s.Projects)
			slices.Sort(proj)
			want := slices.Clone(tc.projects)
			slices.Sort(want)
			if !slices.Equal(proj, want) && (len(proj) > 0 || len(want) > 0) {
				t.Errorf("projects %q, want %q", s.Projects, tc.projects)
			}
		})
	}
}
