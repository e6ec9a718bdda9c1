package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestMacaoMemorandumProvisions reads provisions of a memorandum of Macao's
// government with a state in Traditional script (the genre of
// mo-pt-cooperation-memorandum), sentences of our own: years written with
// 零 as Macao writes them (二零二七年), 認同 whose view runs over the
// clauses after it, a welcome whose object takes a base or platform
// (以…為平台) before its verb, and the area words of such memoranda
// (展銷, 人才, a market opened up, a seminar held beside 辦學, a bridge's
// role that is a metaphor, an economic and trade office's name, the arts and museums,
// clinical research, food and food safety).
func TestMacaoMemorandumProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "澳門特別行政區政府與葡萄牙共和國政府關於科技合作的諒解備忘錄\n\n第一條　合作\n\n"
	both := []string{"MO", "PT"}
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
		deadline, notArea         string
	}{
		{"a year written with 零 ends a deadline", "雙方同意於二零二七年底前設立海洋科學研究中心。",
			"commitment", "firm", both, []string{"science"}, "二零二七年底前", ""},
		{"a half of a year written with 零", "聯合委員會第三次會議將於二零二八年上半年在澳門舉行。",
			"commitment", "firm", both, nil, "二零二八年上半年", ""},
		{"認同 runs over the clauses after it", "雙方認同，加強兩地科研人員的交流，對提升科研水平具有重要意義。",
			"position", "", both, []string{"science"}, "", ""},
		{"a welcome whose object takes a platform before its verb", "澳門特別行政區政府歡迎葡萄牙科技企業以澳門為平台，參與中國內地市場的投資活動。",
			"appraisal", "", []string{"MO"}, nil, "", ""},
		{"a seminar held is no school run", "雙方將在澳門舉辦學術研討會，交流海洋科學研究成果。",
			"commitment", "firm", both, []string{"science"}, "", ""},
		{"an exhibition and sale is trade", "雙方將共同舉辦葡萄牙食品展銷活動。",
			"commitment", "firm", both, []string{"trade"}, "", ""},
		{"talent trained is people", "雙方將共同培養通曉中葡雙語的法律人才。",
			"commitment", "firm", both, []string{"people"}, "", ""},
		{"talent in a quoted programme's name", "雙方同意共同實施「中葡法律人才計劃」。",
			"commitment", "firm", both, []string{"people"}, "", ""},
		{"a market enterprises open up is trade", "雙方將鼓勵兩地中小企業共同開拓葡語國家市場。",
			"commitment", "firm", both, []string{"investment", "trade"}, "", ""},
		{"a bridge's role is no works", "雙方認同澳門在中葡合作中發揮的橋樑作用。",
			"position", "", both, nil, "", "infrastructure"},
		{"a bridge and link's role is no works", "葡方將支持澳門繼續發揮橋樑和紐帶作用。",
			"commitment", "firm", []string{"PT"}, nil, "", "infrastructure"},
		{"an economic and trade office's name is no field", "雙方將透過澳門駐里斯本經濟貿易代表處保持聯繫。",
			"commitment", "firm", both, nil, "", "trade"},
		{"art troupes are culture", "雙方將鼓勵兩地藝術團體互訪演出。",
			"commitment", "firm", both, []string{"people"}, "", ""},
		{"museums are culture", "雙方將支持兩地博物館合辦展覽。",
			"commitment", "firm", both, []string{"people"}, "", ""},
		{"clinical research is science beside medicine", "雙方將支持兩地中醫藥機構開展臨床研究合作。",
			"commitment", "firm", both, []string{"health", "science"}, "", ""},
		{"food and beverages promoted are trade", "雙方同意共同推廣葡語國家的食品及飲料。",
			"commitment", "firm", both, []string{"trade"}, "", ""},
		{"food safety is no trade", "雙方將加強在食品安全領域的交流。",
			"commitment", "firm", both, nil, "", "trade"},
		{"food safety is no security", "雙方將加強農產品食品安全標準的資訊交換。",
			"commitment", "firm", both, nil, "", "security"},
		{"an emerging market is no trade", "雙方認為，兩地同為重要的新興市場經濟體。",
			"position", "", both, nil, "", "trade"},
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
			if tc.notArea != "" && slices.Contains(s.Areas, tc.notArea) {
				t.Errorf("areas %v, want no %s", s.Areas, tc.notArea)
			}
			switch {
			case tc.deadline == "" && s.Deadline != nil:
				t.Errorf("deadline %q, want none", *s.Deadline)
			case tc.deadline != "" && (s.Deadline == nil || !strings.Contains(*s.Deadline, tc.deadline)):
				t.Errorf("deadline %v, want %q", s.Deadline, tc.deadline)
			}
		})
	}
}

// TestJointOfficialNamesBodyName: a standing body named after both parties
// by their official names joined with 與, with no 政府 after either
// (澳門特別行政區與葡萄牙共和國合作混合委員會, as Macao's framework
// agreement with Portugal names its commission), keeps both names; two
// bare names (中國和巴西合作) still end it at the conjunction.
func TestJointOfficialNamesBodyName(t *testing.T) {
	r := newTestRegistry(t)
	const title = "澳門特別行政區政府與葡萄牙共和國政府關於科技合作的諒解備忘錄\n\n第一條　合作\n\n"
	for text, want := range map[string]string{
		"雙方將發揮澳門特別行政區與葡萄牙共和國合作混合委員會的統籌作用。":          "澳門特別行政區與葡萄牙共和國合作混合委員會",
		"雙方同意由中華人民共和國澳門特別行政區與葡萄牙共和國聯合委員會跟進本備忘錄的執行。": "中華人民共和國澳門特別行政區與葡萄牙共和國聯合委員會",
		"雙方將支持澳門與葡萄牙科技合作委員會的工作。":                    "葡萄牙科技合作委員會",
	} {
		s := onlyHantExtraction(t, r, title+text).Sentences[0]
		if !slices.Equal(s.Mechanisms, []string{want}) {
			t.Errorf("%s: mechanisms %q, want %q", text, s.Mechanisms, want)
		}
	}
}

// TestRoleAfterBecome: a name after 作為 followed by the role it is valued
// in (…平台的角色, …平台的獨特優勢) is the role its subject plays, no
// project; 成為…的節點 still names the corridor.
func TestRoleAfterBecome(t *testing.T) {
	r := newTestRegistry(t)
	const title = "澳門特別行政區政府與葡萄牙共和國政府關於經貿合作的諒解備忘錄\n\n第一條　合作\n\n"
	checkHantEntities(t, r, title, "projects", map[string][]string{
		"雙方重視澳門作為中葡商貿合作服務平台的角色。":    nil,
		"雙方將發揮澳門作為中葡商貿合作服務平台的獨特優勢。": nil,
		"該港口已成為中老經濟走廊的重要節點。":        {"中老經濟走廊"},
	})
}

// TestIntellectualPropertyArea: 知識產權 is science in a memorandum on
// trade, as Taipei's 智慧財產權 is and as the golds read intellectual
// property: the field named, not the memorandum's.
func TestIntellectualPropertyArea(t *testing.T) {
	r := newTestRegistry(t)
	const title = "香港特別行政區政府與沙特阿拉伯王國政府關於經貿合作的諒解備忘錄\n\n第一條　合作\n\n"
	s := onlyHantExtraction(t, r, title+"雙方會繼續加強在知識產權保護方面的合作。").Sentences[0]
	if !slices.Equal(s.Areas, []string{"science"}) {
		t.Errorf("areas %v, want [science]", s.Areas)
	}
}
