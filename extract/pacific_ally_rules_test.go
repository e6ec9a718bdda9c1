package extract

import (
	"slices"
	"testing"
)

// TestAllyCommuniqueProvisions reads provisions of a joint communiqué of
// Taiwan's with an ally (the genre of tw-tv-joint-communique), sentences of
// our own: a lead-in that looks back (回顧…合作成果) before the talks is
// narrative, and the words such communiqués use for exports to Taiwan
// (輸臺), coastal protection, sport's coaches and athletes and Taipei's
// 永續發展.
func TestAllyCommuniqueProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖露西亞聯合公報\n\n一、合作\n\n"
	both := []string{"LC", "TW"}
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
	}{
		{"looking back over the cooperation is narrative", "雙方回顧兩國復交以來的合作成果，並就區域情勢交換意見。",
			"narrative", "", nil, nil},
		{"looking back, then an undertaking", "雙方回顧兩國合作成果，同意擴大農業技術合作。",
			"commitment", "firm", both, nil},
		{"exports to Taiwan are trade", "雙方將協助聖露西亞香蕉及可可輸臺。",
			"commitment", "firm", both, []string{"trade"}},
		{"exports to Taiwan written with 台", "雙方鼓勵聖國業者拓展農產品輸台。",
			"commitment", "soft", both, []string{"trade"}},
		{"coastal protection is disaster", "中華民國（臺灣）政府將協助聖方興建海岸防護設施。",
			"commitment", "firm", []string{"TW"}, []string{"disaster"}},
		{"a dependence on imports is no trade", "中華民國（臺灣）政府將協助聖方裝設太陽能系統，降低對進口燃油之依賴。",
			"commitment", "firm", []string{"TW"}, []string{"energy"}},
		{"coaches and athletes are people", "雙方同意推動兩國教練及選手之交流。",
			"commitment", "firm", both, []string{"people"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			checkHantLabels(t, s, tc.typ, tc.strength, tc.actors, tc.areas)
		})
	}
}

// TestTaipeiSustainableDevelopment: Taipei's 永續發展 is weak green, as
// 可持續發展 is: alone in its sentence it gives the field.
func TestTaipeiSustainableDevelopment(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖露西亞聯合公報\n\n一、合作\n\n"
	s := onlyHantExtraction(t, r, title+"雙方將共同推動聖露西亞之永續發展。").Sentences[0]
	if !slices.Equal(s.Areas, []string{"green"}) {
		t.Errorf("areas %v, want [green]", s.Areas)
	}
}

// TestTaskGroupMechanism: a body named 小組 with a proper part (both
// parties' short forms, a field) is a standing mechanism as 工作小組 is;
// a bare or generic one is none.
func TestTaskGroupMechanism(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖文森及格瑞那丁聯合公報\n\n一、合作\n\n"
	checkHantEntities(t, r, title, "mechanisms", map[string][]string{
		"雙方將透過「臺文菁英小組」定期檢視合作計畫。": {"「臺文菁英小組」"},
		"雙方同意臺文農業合作小組每年召開一次會議。":  {"臺文農業合作小組"},
		"雙方將成立專家小組研議相關事宜。":       nil,
		"雙方同意由相關小組跟進執行情形。":       nil,
	})
}

// TestPhaseWorksAndRoyalNames: a phase of works with nothing before its
// ordinal but a kind of place (第二期海岸防護工程) names no project, while
// one after a proper name still does; a hospital named after a royal
// person spelt out (瑪格麗特公主醫院, 伊麗莎白女王醫院) is a facility, and
// works on it joined by 之 (…醫院之擴建工程) name the facility, as works
// right after it (…體育場維修改造項目) do; a memorial hospital (…紀念醫院)
// is named by its nature, whoever it remembers.
func TestPhaseWorksAndRoyalNames(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖露西亞聯合公報\n\n一、合作\n\n"
	checkHantEntities(t, r, title, "projects", map[string][]string{
		"雙方同意完成第二期海岸防護工程之規劃。":        nil,
		"雙方同意完成卡斯翠港二期工程之規劃。":         {"卡斯翠港二期工程"},
		"雙方將完成瑪格麗特公主醫院之擴建。":          {"瑪格麗特公主醫院"},
		"中華民國（臺灣）政府將協助伊麗莎白女王醫院更新設備。": {"伊麗莎白女王醫院"},
		"雙方將共同推動伊麗莎白女王醫院之擴建工程。":      {"伊麗莎白女王醫院"},
		"雙方樂見喬治王子紀念醫院啟用。":            {"喬治王子紀念醫院"},
		"雙方將加速卡斯翠港之改造工程。":            {"卡斯翠港"},
	})
}

// TestLetterOfIntentKind: a letter of intent (意向書) cited is a memorandum
// of a kind, as a 備忘錄 is.
func TestLetterOfIntentKind(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與聖露西亞聯合公報\n\n一、合作\n\n"
	x := onlyHantExtraction(t, r, title+"雙方同意依據《臺露運動交流合作意向書》推動運動員互訪。")
	if len(x.References) != 1 || x.References[0].Kind != "mou" {
		t.Errorf("references %+v, want one of kind mou", x.References)
	}
}
