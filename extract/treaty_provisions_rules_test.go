package extract

import (
	"slices"
	"testing"
)

// TestTreatyProvisionRules reads provisions of a government agreement in
// Simplified Chinese (the 1984 China–Mexico maritime cooperation agreement
// taught them): a definition of a term undertakes nothing, whatever modal or
// copula stands in it; a case 当…时 is no clause of its own; what the
// agreement lets be done is a soft undertaking of its parties, unless it is
// the instrument's own procedure; an article of the instrument cited as a
// modifier leaves the clause to be read as any other; what is granted
// mutually is the parties' grant; 应对X…给予 and a treaty's 应该 are "shall".
func TestTreatyProvisionRules(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中华人民共和国政府和秘鲁共和国政府民用航空运输协定\n\n"
	both := []string{"CN", "PE"}
	tests := []struct {
		text, typ, strength string
		actors              []string
	}{
		// definitions: narrative, though 有权, 是 or 应 stand in them
		{"“指定空运企业”，是指缔约一方指定并有权经营协议航班的航空运输企业。", "narrative", "", nil},
		{"“航空当局”，在中国是中国民用航空局，在秘鲁是交通和通讯部。", "narrative", "", nil},
		{"在本协定中，国内运输系指在一国境内各地点之间进行的运输。", "narrative", "", nil},
		{"上述证件是：中国机组人员的“空勤登记证”和秘鲁机组人员的执照。", "narrative", "", nil},
		// what the agreement permits: a soft undertaking of the parties
		{"双方航空器可以在两国对外开放的国际机场之间飞行。", "commitment", "soft", both},
		{"当双方空运企业不能提供相应服务时，可以租用能为双方航空当局接受的航空器参加本条第一款规定的运输。", "commitment", "soft", both},
		{"在对方机场停留期间，持有本协定第八条所指证件的机组人员可获准进入市区。", "commitment", "soft", both},
		// …but not the instrument's own procedure
		{"如协商未能解决分歧，双方可通过外交途径处理。", "narrative", "", nil},
		// a provision of the instrument cited modifies the subject; a mutual grant binds the parties
		{"本协定第一条所指的航空器及其机组人员，在进出对方机场方面，相互给予不低于第三国航空器享有的待遇。", "commitment", "soft", both},
		// the case a provision is for holds no view, though 不能 stands in it
		{"当发生的事情牵连到的人员不是该机机组人员时；", "narrative", "", nil},
		// 应对X…给予: "shall", with the preposition, not 应对 "cope with"
		{"如果一方航空器在另一方领土内遇险，另一方应对该航空器及其机组人员给予一切可能的救助。", "commitment", "firm", both},
		// a treaty's 应该 is its "shall"
		{"一方的航空器和机组人员在另一方领土内，应该遵守另一方的法律和规章。", "commitment", "firm", both},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x, err := r.ExtractAs(title+tc.text, "zh")
			if err != nil {
				t.Fatal(err)
			}
			if len(x.Sentences) != 1 {
				t.Fatalf("%d sentences", len(x.Sentences))
			}
			s := x.Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.typ != "narrative" && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
		})
	}
}

// TestTreatyPapersAndZones: in an agreement, recognizing the other side's
// papers is a soft undertaking; a zone of the law of the sea and a verb of a
// ship's movement before a port's word name no project; a case listed after
// 或经…同意 is a condition.
func TestTreatyPapersAndZones(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中华人民共和国政府和秘鲁共和国政府海运协定\n\n"
	tests := []struct {
		text, typ, strength string
	}{
		{"一方承认另一方主管当局颁发的船舶国籍证书。", "commitment", "soft"},
		{"一方的使馆或领事馆的请求，或经它的同意；", "narrative", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x, err := r.ExtractAs(title+tc.text, "zh")
			if err != nil {
				t.Fatal(err)
			}
			s := x.Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
		})
	}
	for _, text := range []string{
		"一方的船舶在另一方港口、领海和专属经济区内，应遵守另一方的法律。",
		"双方应采取必要措施便利停靠和驶离码头等作业。",
	} {
		x, err := r.ExtractAs(title+text, "zh")
		if err != nil {
			t.Fatal(err)
		}
		if p := x.Sentences[0].Projects; len(p) != 0 {
			t.Errorf("%s: projects %v, want none", text, p)
		}
	}
}

// TestTreatyAreasAndTimeAfter: a crew's shore leave is people, criminal
// jurisdiction on board is security, what is saved from a ship in distress
// is disaster; a time counted after the instrument's own entry into force
// (在本协定生效一年后) is the time the parties are held to.
func TestTreatyAreasAndTimeAfter(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中华人民共和国政府和秘鲁共和国政府海运协定\n\n"
	areas := []struct{ text, area string }{
		{"一方船舶在另一方港口停泊期间，持有海员证的船员可获准上岸。", "people"},
		{"一方不得在悬挂对方国旗的船上行使刑事管辖权。", "security"},
		{"如果需要将从遇险船舶上救出的货物暂时卸下，另一方应提供适当的方便。", "disaster"},
	}
	for _, tc := range areas {
		x, err := r.ExtractAs(title+tc.text, "zh")
		if err != nil {
			t.Fatal(err)
		}
		if a := x.Sentences[0].Areas; !slices.Contains(a, tc.area) {
			t.Errorf("%s: areas %v, want %s among them", tc.text, a, tc.area)
		}
	}
	deadlines := []struct{ text, want string }{
		{"双方应在本协定生效一年后举行会议，就本协定的执行情况交换意见。", "在本协定生效一年后"},
		{"双方将于本备忘录签署六个月后评估合作进展。", "于本备忘录签署六个月后"},
		// a time after someone else's signing holds the parties to nothing
		{"该公司在合同签署一年后开工。", ""},
	}
	for _, tc := range deadlines {
		x, err := r.ExtractAs(title+tc.text, "zh")
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if d := x.Sentences[0].Deadline; d != nil {
			got = *d
		}
		if got != tc.want {
			t.Errorf("%s: deadline %q, want %q", tc.text, got, tc.want)
		}
	}
}
