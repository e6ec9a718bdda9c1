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
// conference is their standing body, unquoted as quoted; 前 ends a name
// only as a date's (年前), not opening a place (前海); 優化 is an action, and
// what it optimises is named after it; a metropolitan area (都會區) named by
// its place is a project.
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
		{"a zone whose place opens with 前 keeps it (前海)", "廣東省將支持更多香港金融機構在前海深港現代服務業合作區設立分支機構。",
			"commitment", "firm", []string{"CN-GD"}, nil, nil, []string{"前海深港現代服務業合作區"}},
		{"a year's 前 still ends a name", "雙方將於二〇三〇年前建成瓜達爾港。",
			"commitment", "firm", both, nil, nil, []string{"瓜達爾港"}},
		{"what is optimised is named after 優化", "雙方同意優化港珠澳大橋的跨境運輸安排。",
			"commitment", "firm", both, nil, nil, []string{"港珠澳大橋"}},
		{"optimising is the parties' action", "雙方優化兩地口岸的通關安排。",
			"commitment", "soft", both, nil, nil, nil},
		{"a metropolitan area named by its place", "香港特別行政區政府將推動北部都會區建設。",
			"commitment", "firm", []string{"HK"}, nil, nil, []string{"北部都會區"}},
		{"a limit each year's first quarter", "雙方將每年共同制定年度重點工作，並於每年第一季度內報聯席會議審定。",
			"commitment", "firm", both, nil, nil, nil},
		{"one country, two systems is sovereignty", "雙方堅持「一國兩制」方針，尊重兩地不同的社會制度。",
			"position", "", both, []string{"sovereignty"}, nil, nil},
		{"financial markets joined are finance, no transport", "雙方將深化兩地金融市場互聯互通。",
			"commitment", "firm", both, []string{"finance"}, nil, nil},
		{"joint research on key problems is science", "雙方將加強在生物醫藥領域的聯合攻關。",
			"commitment", "firm", both, []string{"health", "science"}, nil, nil},
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
			checkHantNames(t, s.Mechanisms, s.Projects, tc.mechanisms, tc.projects)
		})
	}
}

// TestLimitEachYear: a limit that recurs each year (每年第一季度內) is the
// commitment's deadline, whole, as a named year's quarter is.
func TestLimitEachYear(t *testing.T) {
	r := newTestRegistry(t)
	const title = "廣東省人民政府與香港特別行政區政府合作框架協議\n\n第一條　合作\n\n"
	s := onlyHantExtraction(t, r, title+"雙方將每年共同制定年度重點工作，並於每年第一季度內報聯席會議審定。").Sentences[0]
	if s.Deadline == nil || !strings.Contains(*s.Deadline, "每年第一季度內") {
		t.Errorf("deadline %v, want 每年第一季度內", s.Deadline)
	}
}

// TestMainlandArrangementKind: the Mainland's closer economic partnership
// arrangement with a SAR (CEPA) is an agreement; a ministries' arrangement
// between states stays other.
func TestMainlandArrangementKind(t *testing.T) {
	r := newTestRegistry(t)
	for text, want := range map[string]string{
		"廣東省人民政府與香港特別行政區政府合作框架協議\n\n第一條　合作\n\n雙方同意在《內地與香港關於建立更緊密經貿關係的安排》框架下擴大開放。": "agreement",
		"中華人民共和國和新西蘭聯合新聞稿\n\n一、合作\n\n雙方歡迎續簽《中華人民共和國教育部和新西蘭教育部教育合作安排》。":            "other",
	} {
		x, err := r.ExtractAs(text, "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		if len(x.References) != 1 || string(x.References[0].Kind) != want {
			t.Errorf("%s: references %+v, want one of kind %s", text, x.References, want)
		}
	}
}
