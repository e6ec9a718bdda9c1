package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// Rules of the held-out China–Colombia statement (fifty-fourth session), each
// a class of the genre written here in other wording.

// TestThingSeenGoesOn: after an appraisal that sees a named project doing
// well (满意地看到，X项目进展顺利，), a clause with no subject of its own and a
// bare "will" goes on about the project: a forecast of its effect, not the
// parties' undertaking. Cooperation seen going well, and a welcome of an
// action with no evaluation, keep the parties as those who will act.
func TestThingSeenGoesOn(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		parties, text string
		typ           entente.SentenceType
		strength      entente.Strength
	}{
		{"CN,KE", "双方满意地看到，蒙内铁路运营成效显著，将为东非互联互通作出更大贡献。", entente.Appraisal, ""},
		{"CN,LA", "双方高兴地看到，万象赛色塔综合开发区已吸引多家企业入驻，将进一步带动老挝工业化进程。", entente.Appraisal, ""},
		{"CN,KE", "双方欢迎中国企业参与肯尼亚经济特区建设，将为此提供便利。", entente.Commitment, entente.Firm},
		{"CN,KE", "双方满意地看到，蒙内铁路运营成效显著，愿继续推进铁路沿线开发。", entente.Commitment, entente.Intent},
		{"CN,KE", "双方满意地看到，各领域务实合作取得积极进展，将继续深化互利合作。", entente.Commitment, entente.Firm},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			parties := strings.Split(tt.parties, ",")
			s := mustLabel(t, x, tt.text, parties, parties)
			if s.Type != tt.typ || s.Strength != tt.strength {
				t.Errorf("%s/%s, want %s/%s (cue %+v)\nclauses %+v", s.Type, s.Strength, tt.typ, tt.strength, s.Rationale.Type, s.Rationale.Clauses)
			}
		})
	}
}

// TestReplyToInvitation: the host's thanks in reply to the invitation of the
// sentence before (…并邀请X访问。X对此表示感谢。) closes the visit, as the
// thanks for hospitality does: narrative. Thanks in reply to support are an
// appraisal.
func TestReplyToInvitation(t *testing.T) {
	x := newTestExtractor(t)
	text := "中华人民共和国和秘鲁共和国联合声明\n\n" +
		"双方同意加强农业合作。\n\n" +
		"秘方重申坚定支持中方举办亚太经合组织会议。中方对此表示感谢。\n\n" +
		"秘鲁总统对中方的热情友好接待表示感谢，并邀请中国国家主席在双方方便的时候访问秘鲁。中国国家主席对此表示感谢。\n"
	out := x.Extract(text)
	want := map[string]entente.SentenceType{}
	for i, s := range out.Sentences {
		want[s.Text] = s.Type
		if strings.Contains(s.Text, "对此表示感谢") {
			typ := entente.Narrative
			if strings.Contains(out.Sentences[i-1].Text, "亚太经合组织") {
				typ = entente.Appraisal
			}
			if s.Type != typ {
				t.Errorf("%s: %s, want %s (cue %+v)", s.Text, s.Type, typ, s.Rationale.Type)
			}
			if c := s.Rationale.Type; c != nil && !entente.KnownRule(c.Rule) {
				t.Errorf("rule %q is not in entente.Rules", c.Rule)
			}
		}
	}
	if len(want) != 5 {
		t.Fatalf("%d sentences, want 5", len(want))
	}
}

// TestSeenAreas: an urban rail line is infrastructure; a regional community
// of states, its rotating chair and the cooperation of China with a whole
// region are regional frameworks; a national development plan aligned with
// an initiative is development (a title aligned is a topic, as one abided by
// is); enterprises building under contract are investment, as enterprises
// taking part are.
func TestSeenAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,PE", "双方同意推进利马地铁二号线建设。", "infrastructure"},
		{"CN,NG", "双方将推动拉各斯城际轻轨按期通车。", "infrastructure"},
		{"CN,CL", "中方赞赏智方作为拉美和加勒比国家共同体轮值主席国所作的贡献。", "international_order"},
		{"CN,CL", "双方愿在拉共体框架内加强沟通。", "international_order"},
		{"CN,SN", "中方感谢塞方为推动中非整体合作发挥的积极作用。", "international_order"},
		{"CN,PE", "双方同意推动共建“一带一路”倡议同秘鲁《国家发展计划》深入对接。", "development,international_order"},
		{"CN,KE", "肯方赞赏中国企业承建的内马铁路一期工程建设。", "infrastructure,investment"},
	}
	checkAreas(t, x, tests)
}

// TestSeenEntities: a mechanism the parties' ministries hold is named by
// them (外交部政治磋商机制), while a round of it (新一轮…政治磋商) is a meeting
// held, not a body; what a new body is set up as (作为…对话机制) is
// its role, not a second body; a line listed before 等项目 is a project.
func TestSeenEntities(t *testing.T) {
	x := newTestExtractor(t)
	tests := []entityCase{
		{"双方同意用好两国外交部政治磋商机制，加强战略沟通。", []string{"外交部政治磋商机制"}, nil},
		{"双方将举行中秘外交部政治磋商。", []string{"中秘外交部政治磋商"}, nil},
		{"双方同意建立政治磋商机制。", nil, nil},
		{"双方同意年底前举行新一轮外交部间政治磋商。", nil, nil},
		{"双方同意加强两国外交部门磋商。", nil, nil},
		{"双方将建立两国国防部防务安全磋商机制。", []string{"国防部防务安全磋商机制"}, nil},
		{"双方将于年内举行第五轮中秘外交部政治磋商。", nil, nil},
		{"双方同意用好中秘外交部政治磋商机制，举行第五轮磋商。", []string{"中秘外交部政治磋商机制"}, nil},
		{"双方决定设立中秘政府间合作委员会，作为统筹两国合作的高级别对话机制。", []string{"中秘政府间合作委员会"}, nil},
		{"双方将积极探讨利马地铁三号线等项目合作。", nil, []string{"利马地铁三号线"}},
		{"中方欢迎秘方作为观察员加入中国—中亚机制。", []string{"中国—中亚机制"}, nil},
		{"双方将推进雅加达轻轨1号线建设。", nil, []string{"雅加达轻轨1号线"}},
		{"双方将推进地铁二号线建设。", nil, nil},
	}
	checkEntities(t, x, tests)
}
