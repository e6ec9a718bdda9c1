package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestHongKongJointStatementProvisions reads provisions of a joint statement
// of Hong Kong's government with a foreign government in Traditional script
// (the genre of hk-sg-cooperation-joint-statement), sentences of our own:
// 港 joined with the partner's short form (港新, 新港) names the pair, no
// port; the Greater Bay Area is a region, no port and no works; a
// high-level meeting or joint conference of the two (「港新經濟合作聯席會議」)
// is their standing body, and its next session to be held is their
// undertaking; an economic partnership agreement is trade, and a regional
// body inside an agreement's title is its counterpart, no regional order; a ministry that
// the partner's name opens (新加坡律政部) acts with its own party, and so
// does a department of Hong Kong's (律政司); travellers (旅客) are tourism;
// science parks and science cities are facilities.
func TestHongKongJointStatementProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "香港特別行政區政府與新加坡共和國政府關於深化合作的聯合聲明\n\n一、合作\n\n"
	both := []string{"HK", "SG"}
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
		deadline, notArea         string
		mechanisms, projects      []string
	}{
		{"港 joined with the partner's short form is the pair", "雙方同意在「新港合作聯席會議」框架下加強旅遊合作。",
			"commitment", "firm", both, []string{"people"}, "", "infrastructure", []string{"新港合作聯席會議"}, nil},
		{"the Greater Bay Area is no port", "香港特區政府會協助新加坡初創企業在粵港澳大灣區拓展業務。",
			"commitment", "firm", []string{"HK"}, nil, "", "infrastructure", nil, nil},
		{"a market entered in the Greater Bay Area", "新加坡政府會鼓勵新加坡企業透過香港進入粵港澳大灣區市場。",
			"commitment", "firm", []string{"SG"}, nil, "", "infrastructure", nil, nil},
		{"a joint conference's next session to be held", "「港新經濟合作聯席會議」第二次會議將於二〇二八年上半年在新加坡舉行。",
			"commitment", "firm", both, nil, "二〇二八年上半年", "infrastructure", []string{"港新經濟合作聯席會議"}, nil},
		{"a high-level meeting co-chaired", "兩地財政部門首長將共同主持「港新金融合作高層會議」。",
			"commitment", "firm", both, nil, "", "", []string{"港新金融合作高層會議"}, nil},
		{"an economic partnership agreement is trade", "新加坡政府歡迎香港申請加入《區域全面經濟夥伴關係協定》。",
			"appraisal", "", []string{"SG"}, []string{"trade"}, "", "", nil, nil},
		{"a ministry the partner's name opens acts with its party", "香港律政司與新加坡律政部會定期交換有關調解制度的資訊。",
			"commitment", "firm", both, nil, "", "", nil, nil},
		{"a regional body in a trade agreement's title is its counterpart", "雙方歡迎《東盟—香港自由貿易協定》的全面實施。",
			"appraisal", "", both, []string{"trade"}, "", "", nil, nil},
		{"a regional body in an investment agreement's title", "雙方將共同落實《東盟—香港投資協定》。",
			"commitment", "firm", both, []string{"investment"}, "", "", nil, nil},
		{"travellers are tourism", "雙方樂見訪港的新加坡旅客人數持續增加。",
			"appraisal", "", both, []string{"people"}, "", "infrastructure", nil, nil},
		{"a science park and a science city are facilities", "雙方將促進香港科學園與新加坡緯壹科技城之間的交流。",
			"commitment", "firm", both, nil, "", "", nil, []string{"香港科學園", "新加坡緯壹科技城"}},
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
			checkHantNames(t, s.Mechanisms, s.Projects, tc.mechanisms, tc.projects)
		})
	}
}

// TestBodyNameHoldsNoVerb: the words inside a standing body's name (合作 in
// 中老经济合作委员会) are no verb of the clause, so the body's next session
// that will be held is the parties' undertaking to hold it, as it is for a
// body whose name holds no such word; founding a body (成立) is the
// parties' own action, as 设立 and 建立 are.
func TestBodyNameHoldsNoVerb(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中华人民共和国和老挝人民民主共和国联合声明\n\n一、合作\n\n"
	both := []string{"CN", "LA"}
	for text, want := range map[string]struct {
		typ, strength string
	}{
		"中老经济合作委员会第二次会议将于2028年上半年在万象举行。":  {"commitment", "firm"},
		"中老政府间合作委员会第五次会议将于2027年下半年在北京举行。": {"commitment", "firm"},
		"双方成立中老农业合作委员会。":                  {"commitment", "soft"},
	} {
		x, err := r.ExtractAs(title+text, "zh")
		if err != nil {
			t.Fatal(err)
		}
		if len(x.Sentences) != 1 {
			t.Fatalf("%s: %d sentences", text, len(x.Sentences))
		}
		s := x.Sentences[0]
		if string(s.Type) != want.typ || string(s.Strength) != want.strength || !slices.Equal(s.Actors, both) {
			t.Errorf("%s: %s/%s %v, want %s/%s %v", text, s.Type, s.Strength, s.Actors, want.typ, want.strength, both)
		}
	}
}
