package extract

import (
	"strings"
	"testing"
)

// TestStateVisitCommuniqueProvisions reads provisions of a joint communiqué
// Taiwan and an ally issue after a head of state's visit (the genre of
// tw-ht-joint-communique), sentences of our own.
func TestStateVisitCommuniqueProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國與巴拉圭共和國聯合公報\n\n一、合作\n\n"
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
		deadline                  string
	}{
		{"issues of common concern are no view held: the lead-in is narrative",
			"雙方就區域情勢及共同關切之國際議題交換意見，茲發表聯合公報如下：",
			"narrative", "", nil, nil, ""},
		{"thanks for the other's support, the support being what is thanked for",
			"我國對巴國政府長期堅定支持表示誠摯感謝。",
			"appraisal", "", []string{"TW"}, nil, ""},
		{"thanks for the support given, with 的",
			"中華民國對巴拉圭在國際場合給予的支持表達誠摯謝忱。",
			"appraisal", "", []string{"TW"}, nil, ""},
		{"support of the other's effort stays a position",
			"中華民國支持巴拉圭政府為改善社會治安所作之努力。",
			"position", "", []string{"TW"}, []string{"security"}, ""},
		{"public order and elections: security and political",
			"中華民國支持巴拉圭政府為恢復社會治安及推動民主選舉所作之努力。",
			"position", "", []string{"TW"}, []string{"political", "security"}, ""},
		{"a capital named by 港 is a place, no port",
			"雙方同意於明年在路易港召開混合委員會第三屆會議。",
			"commitment", "firm", []string{"PY", "TW"}, []string{"political"}, ""},
		{"at the latest on a full date",
			"雙方同意最遲於2028年3月31日完成職訓中心之整建。",
			"commitment", "firm", []string{"PY", "TW"}, nil, "最遲於2028年3月31日"},
		{"a target date's month and day are the target's",
			"雙方同意爭取於2027年9月底完成第一期工程。",
			"commitment", "firm", []string{"PY", "TW"}, nil, "於2027年9月底"},
		{"rice is agriculture, past an industry word",
			"臺方將協助巴方於2028年底前將稻米單位產量提高百分之十。",
			"commitment", "firm", []string{"TW"}, []string{"development"}, "於2028年底前"},
		{"an economy's reconstruction is development",
			"雙方認為，穩定的電力供應是巴國經濟重建之關鍵。",
			"position", "", []string{"PY", "TW"}, []string{"development", "energy"}, ""},
		{"the safety of a mission's staff, with 之 as 的",
			"巴方承諾確保計畫人員之安全。",
			"commitment", "firm", []string{"PY"}, []string{"security"}, ""},
		{"Mandarin teaching is education",
			"巴方歡迎臺灣華語教師赴巴國任教，並將協助設立華語學習中心。",
			"commitment", "firm", []string{"PY"}, []string{"people"}, ""},
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

// TestQuotedBodyBackReference: a body Taipei names in 「」 and then again by
// its head (「臺巴合作混合委員會」…，召開混合委員會第八屆會議) is one body; the
// head alone names no second mechanism.
func TestQuotedBodyBackReference(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("中華民國與巴拉圭共和國聯合公報\n\n一、雙方同意透過「臺巴合作混合委員會」定期檢視各項合作計畫之進展。雙方同意於年內召開混合委員會第八屆會議。\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range x.Sentences {
		for _, m := range s.Mechanisms {
			if strings.Trim(m, "「」") != "臺巴合作混合委員會" {
				t.Errorf("%s: mechanism %q", s.Text, m)
			}
		}
	}
}

// TestAforementionedNoProject: works referred back to (前述示範計畫第一期工程,
// 上述中心) are named before, not here: no project.
func TestAforementionedNoProject(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國與巴拉圭共和國聯合公報\n\n一、合作\n\n"
	checkHantEntities(t, r, title, "projects", map[string][]string{
		"雙方同意於2027年底前完成前述示範計畫第一期工程。": nil,
		"臺方將持續支持上述醫療中心之營運。":          nil,
	})
}
