package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestLeadersIntroducedInChinese: a leader introduced with country, office
// and name (美国总统约瑟夫·拜登, 国家主席习近平) is that party's for the rest of
// the document, named by the whole name or, when transliterated, by a part
// of it (维多多总统, 佐科总统): their "intends" and "commits" are the
// party's undertakings, not what others should do. A name no sentence
// introduced stays others'.
func TestLeadersIntroducedInChinese(t *testing.T) {
	x := newTestExtractor(t)
	const head = "中华人民共和国和印度尼西亚共和国联合声明\n\n" +
		"应印度尼西亚共和国总统佐科·维多多邀请，中华人民共和国主席习近平于2025年5月10日至12日对印度尼西亚进行国事访问。\n"
	tests := []struct {
		text     string
		typ      entente.SentenceType
		strength entente.Strength
		actors   []string
	}{
		{"维多多总统打算于2026年访问中国。", entente.Commitment, entente.Intent, []string{"ID"}},
		{"佐科总统承诺将扩大中国农产品进口。", entente.Commitment, entente.Firm, []string{"ID"}},
		{"习近平主席表示，中方愿同印方加强数字经济合作。", entente.Commitment, entente.Intent, []string{"CN"}},
		{"习近平主席和维多多总统同意加快雅万高铁沿线开发。", entente.Commitment, entente.Firm, []string{"CN", "ID"}},
		// control: a name the statement never introduced names others
		{"哈里斯总统打算于2026年访问中国。", entente.Position, "", []string{"CN", "ID"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract(head + tc.text + "\n")
			if len(out.Sentences) != 2 {
				t.Fatalf("%d sentences, want 2", len(out.Sentences))
			}
			s := out.Sentences[1]
			if s.Type != tc.typ || s.Strength != tc.strength || !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%s %s %v (%+v), want %s %s %v", s.Type, s.Strength, s.Actors, s.Rationale.Type, tc.typ, tc.strength, tc.actors)
			}
		})
	}
}

// TestOutcomeLookedForward: looking forward (期待, 期望) to an outcome or an
// effort, a noun after 的 (…的成果, …的进一步努力), is an appraisal, as
// "look forward to" an event is; looking forward to the parties' own act
// is intent.
func TestOutcomeLookedForward(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		text     string
		typ      entente.SentenceType
		strength entente.Strength
	}{
		{"印尼方期待中方为印尼清洁能源转型提供融资的进一步努力。", entente.Appraisal, ""},
		{"双方期待联合委员会第五次会议取得的成果。", entente.Appraisal, ""},
		{"双方期望两国企业合作取得更大的成功。", entente.Appraisal, ""},
		// controls: the parties' own act
		{"双方期待为两国企业提供更多便利。", entente.Commitment, entente.Intent},
		{"双方期待尽早签署关于农业合作的协定。", entente.Commitment, entente.Intent},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			r := x.Extract("中华人民共和国和印度尼西亚共和国联合声明\n\n" + tc.text + "\n")
			if len(r.Sentences) != 1 {
				t.Fatalf("%d sentences, want 1", len(r.Sentences))
			}
			s := r.Sentences[0]
			if s.Type != tc.typ || s.Strength != tc.strength {
				t.Errorf("%s %s (%+v), want %s %s", s.Type, s.Strength, s.Rationale.Type, tc.typ, tc.strength)
			}
		})
	}
}

// TestLeaderSeatAndSecondTitle: the seat of a leader's office may stand
// between the country and the office (中华人民共和国国务院总理李强), and a
// second title may follow the office (埃米尔、武装部队总司令塔米姆…殿下): the
// name after them is the leader's all the same.
func TestLeaderSeatAndSecondTitle(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		title, intro, text string
		actors             []string
	}{
		{"中华人民共和国和马来西亚联合声明",
			"应马来西亚首相安瓦尔·易卜拉欣邀请，中华人民共和国国务院总理李强于2025年6月2日至4日对马来西亚进行正式访问。",
			"李强总理承诺将扩大马来西亚榴莲进口。", []string{"CN"}},
		{"中华人民共和国和卡塔尔国联合声明",
			"应中华人民共和国主席习近平邀请，卡塔尔国埃米尔、武装部队总司令塔米姆·本·哈马德·阿勒萨尼殿下于2025年3月5日至7日对中国进行国事访问。",
			"塔米姆埃米尔承诺将扩大对华液化天然气供应。", []string{"QA"}},
		// control: a name after two offices of different people stays unread
		{"中华人民共和国和卡塔尔国联合声明",
			"卡塔尔国外交部和卡塔尔投资局的代表出席了签字仪式。",
			"塔米姆埃米尔承诺将扩大对华液化天然气供应。", []string{"CN", "QA"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			out := x.Extract(tc.title + "\n\n" + tc.intro + "\n" + tc.text + "\n")
			if len(out.Sentences) != 2 {
				t.Fatalf("%d sentences, want 2", len(out.Sentences))
			}
			s := out.Sentences[1]
			if !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("%s %s %v (%+v), want actors %v", s.Type, s.Strength, s.Actors, s.Rationale.Type, tc.actors)
			}
		})
	}
}
