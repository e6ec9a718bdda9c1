package extract

import (
	"slices"
	"testing"
)

// TestCooperationMeetingProvisions reads provisions of the joint press
// release of a bilateral cooperation meeting between Taiwan and an ally (the
// genre of tw-lc-cooperation-press-release), sentences of our own.
func TestCooperationMeetingProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖文森及格瑞那丁雙邊合作會議聯合新聞稿\n\n一、合作\n\n"
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
		deadline                  string
	}{
		{"a part of a Minguo year bounds the undertaking", "臺方將於民國116年第三季前援贈文方兩艘巡邏艇。",
			"commitment", "firm", []string{"TW"}, []string{"security"}, "於民國116年第三季前"},
		{"the next session in a half of a Minguo year", "雙方同意下屆會議於民國117年下半年在臺北舉行。",
			"commitment", "firm", []string{"TW", "VC"}, nil, "於民國117年下半年"},
		{"the next N years without 內", "雙方同意於未來兩年優先推動下列農業合作事項：",
			"commitment", "firm", []string{"TW", "VC"}, []string{"development"}, "於未來兩年"},
		{"thanks given with 謝忱 are an appraisal", "臺方對文方長期在國際場域為臺灣發聲表達誠摯謝忱。",
			"appraisal", "", []string{"TW"}, nil, ""},
		{"thanks with 謝忱 for the hospitality stay a formula", "臺方代表團對文方之周詳安排及熱情款待表達謝忱。",
			"narrative", "", nil, nil, ""},
		{"a delegation's members and who attended are narrative", "臺方代表團成員包括農業部、數位發展部及財團法人國際合作發展基金會之代表；文方則由衛生及農業等部會代表與會。",
			"narrative", "", nil, nil, ""},
		{"a channel of exchange is no pipeline", "雙方同意就海上犯罪情資建立定期交換管道。",
			"commitment", "firm", []string{"TW", "VC"}, []string{"security"}, ""},
		{"seedlings are agriculture", "雙方將協助文方建立種苗繁殖中心。",
			"commitment", "firm", []string{"TW", "VC"}, []string{"development"}, ""},
		{"health insurance is health, not finance", "臺方願與文方分享全民健康保險經驗。",
			"commitment", "intent", []string{"TW"}, []string{"health"}, ""},
		{"patrol boats are security", "臺方將援贈文方兩艘巡邏艇。",
			"commitment", "firm", []string{"TW"}, []string{"security"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			checkHantLabels(t, s, tc.typ, tc.strength, tc.actors, tc.areas)
			if got := deref(s.Deadline); got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}

// TestDiplomaticChannelNoProject: Taipei's 管道 is a channel (外交管道,
// 溝通管道): no pipeline, no energy and no project.
func TestDiplomaticChannelNoProject(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖文森及格瑞那丁雙邊合作會議聯合新聞稿\n\n一、合作\n\n"
	s := onlyHantExtraction(t, r, title+"雙方同意下屆會議在臺北舉行，確切日期將透過外交管道另行商定。").Sentences[0]
	if len(s.Projects) != 0 || slices.Contains(s.Areas, "energy") {
		t.Errorf("projects %v areas %v, want none and no energy", s.Projects, s.Areas)
	}
}

// TestCooperationMeetingMechanism: a bilateral cooperation meeting named by
// both parties' short forms and held in sessions (第三屆臺露雙邊合作會議) is a
// standing mechanism, as a joint meeting (聯席會議) is; a bare meeting is none.
func TestCooperationMeetingMechanism(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖文森及格瑞那丁雙邊合作會議聯合新聞稿\n\n一、合作\n\n"
	checkHantEntities(t, r, title, "mechanisms", map[string][]string{
		"雙方同意第四屆臺文雙邊合作會議於2028年在臺北舉行。": {"臺文雙邊合作會議"},
		"雙方同意下屆會議於2028年在臺北舉行。":        nil,
	})
}

// TestPowerPlantKind: a power plant named only by its kind (地熱發電示範電廠,
// 燃氣電廠) is no facility named; one named by its place still is.
func TestPowerPlantKind(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖文森及格瑞那丁雙邊合作會議聯合新聞稿\n\n一、合作\n\n"
	checkHantEntities(t, r, title, "projects", map[string][]string{
		"雙方將共同評估於文國南部興建地熱發電示範電廠之可行性。": nil,
		"臺方將協助文方汰換老舊燃氣電廠之機組。":         nil,
		"臺方將協助文方完成卡爾斯頓地熱電廠之建設。":       {"卡爾斯頓地熱電廠"},
	})
}
