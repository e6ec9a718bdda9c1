package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestCommitteeAgreementProvisions holds the readings of an agreement that
// sets up a standing body of its parties (an intergovernmental cooperation
// committee): how the body is made, where it sits and what it does
// (由…组成, 下设, 履行…职责, 设在) is the parties' soft undertaking, as its
// meetings are, and so are the provisions of its organs (秘书处); what the
// parties may do (缔约双方可…商定) is soft though a firm word says it; the
// consent a provision waits on (经…商定，) undertakes nothing; settling
// differences (由缔约双方…解决) and telling each other (应及时相互通报) are
// the parties' own actions; what the instrument's end leaves unaffected
// (…的执行不受影响) is its formula of termination.
func TestCommitteeAgreementProvisions(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和蒙古国政府关于成立政府间合作委员会的协定\n\n"
	const statement = "中华人民共和国和蒙古国联合声明\n\n"
	tests := []oneSentence{
		{agreement, "委员会履行下列职责：", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "委员会由双方主席、秘书长和相关部门代表组成。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "委员会中方主席由国务院副总理担任，蒙方主席由政府副总理担任。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "联委会下设经贸、科技和人文三个分委会。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "委员会双方秘书处分别设在两国外交部，负责委员会的日常工作。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "各分委会会议可根据合作需要每年举行一次。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "秘书处负责筹备委员会会议。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "经委员会双方主席商定，可召开委员会特别会议。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "缔约双方可根据需要商定设立新的分委会。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "缔约双方应及时相互通报各自委员会组成人员的变动情况。", entente.Commitment, entente.Firm, "CN,MN"},
		{agreement, "因解释或执行本协定产生的分歧，由缔约双方通过友好协商解决。", entente.Commitment, entente.Soft, "CN,MN"},
		{agreement, "本协定终止后，委员会已作出的决定的执行不受影响，除非缔约双方另有约定。", entente.Narrative, "", ""},
		// the firm word stays firm where no permission stands before it
		{agreement, "缔约双方商定设立经贸合作分委会。", entente.Commitment, entente.Firm, "CN,MN"},
		// 经贸 opens no condition: the clause is read as any other
		{agreement, "经贸合作方面，缔约双方同意扩大贸易规模。", entente.Commitment, entente.Firm, "CN,MN"},
		// outside an instrument a committee's make-up is no undertaking
		{statement, "委员会由两国外长组成。", entente.Narrative, "", ""},
	}
	checkOneSentence(t, x, tests, true)
}

// TestStressedMust: 强调要 + the parties' own action is what they stress they
// must do, a soft commitment (the spec's 强调 rule); 需要 and 重要 are no 要.
func TestStressedMust(t *testing.T) {
	x := newTestExtractor(t)
	const statement = "中华人民共和国和阿拉伯埃及共和国联合声明\n\n"
	tests := []oneSentence{
		{statement, "双方强调要在打击恐怖主义和极端主义方面加强执法合作。", entente.Commitment, entente.Soft, "CN,EG"},
		{statement, "双方强调要深化两国关系。", entente.Commitment, entente.Soft, "CN,EG"},
		{statement, "双方强调需要加强执法合作。", entente.Position, "", ""},
		{statement, "双方强调重要的是维护地区和平。", entente.Position, "", ""},
		{statement, "双方强调两国合作的重要性。", entente.Position, "", ""},
	}
	checkOneSentence(t, x, tests, false)
}

// TestParticipationAndAccessAreas: enterprises taking part (企业参与) are
// investment whatever the works; a new-energy vehicle is energy, not
// science; humanitarian relief access is no market access, nor is a central
// business district trade.
func TestParticipationAndAccessAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, want string }{
		{"双方欢迎中国企业参与埃及光伏、风电等可再生能源项目。", "energy,investment"},
		{"埃方赞赏中国企业参与新行政首都中央商务区建设。", "investment"},
		{"双方鼓励两国企业在制造业、新能源汽车等领域扩大投资合作。", "energy,investment"},
		{"双方呼吁立即实现加沙地带停火，确保人道主义救援准入。", "hotspots"},
		{"双方同意扩大农产品市场准入。", "trade"},
	}
	for _, tt := range tests {
		s := mustLabel(t, x, tt.text, []string{"CN", "EG"}, []string{"CN", "EG"})
		if got := strings.Join(s.Areas, ","); got != tt.want {
			t.Errorf("%s: areas %s, want %s (%+v)", tt.text, got, tt.want, s.Rationale.Areas)
		}
	}
}

// TestCommitteeNamesAndRounds: the subcommittees an agreement lists are named
// standing bodies; an existing one the parties adjust (调整现有分委会) is
// none; a round of a dialogue (第四轮战略对话) is a meeting, not a body.
func TestCommitteeNamesAndRounds(t *testing.T) {
	x := newTestExtractor(t)
	names := func(doc string) []string {
		var out []string
		for _, s := range x.Extract(doc).Sentences {
			out = append(out, s.Mechanisms...)
		}
		return out
	}
	got := names("中华人民共和国政府和蒙古国政府关于成立政府间合作委员会的协定\n\n第四条\n\n一、委员会下设以下分委会：\n\n（一）经贸合作分委会；\n\n（二）人文合作分委会。\n\n二、缔约双方可根据需要商定设立新的分委会或调整现有分委会。\n")
	if !slices.Equal(got, []string{"经贸合作分委会", "人文合作分委会"}) {
		t.Errorf("subcommittees %q", got)
	}
	got = names("中华人民共和国和阿拉伯埃及共和国联合声明\n\n双方同意用好中埃外交部战略对话机制，年内在北京举行第四轮战略对话。\n")
	if !slices.Equal(got, []string{"中埃外交部战略对话机制"}) {
		t.Errorf("mechanisms %q, want the dialogue mechanism alone", got)
	}
}

// TestSpanBeforeEvent: a span counted back from an event (在委员会会议召开两个
// 月前) bounds the undertaking, the event with it; a span back from now
// (两个月前) tells when something was, no deadline.
func TestSpanBeforeEvent(t *testing.T) {
	x := newTestExtractor(t)
	tests := map[string]string{
		"秘书处应在委员会会议召开两个月前协商确定会议议程。": "在委员会会议召开两个月前",
		"双方应于联委会会议举行一个月前交换议题。":      "于联委会会议举行一个月前",
		"两个月前，双方签署了合作协议。":           "",
		"缔约双方应在两个月前交换议题。":           "",
	}
	for text, want := range tests {
		r := extractOne(t, x, "中华人民共和国政府和蒙古国政府关于成立政府间合作委员会的协定\n\n"+text+"\n", text)
		s := r.Sentences[0]
		got := ""
		if s.Deadline != nil {
			got = *s.Deadline
		}
		if got != want {
			t.Errorf("%s: deadline %q, want %q", text, got, want)
		}
	}
}

// TestTopicalForumAndEnvironment: a cooperation forum on one field
// (中印尼农业合作论坛) is an event held, not a standing mechanism, while
// China and a region alone name one (中阿合作论坛); a good environment made
// for something (创造良好环境) is no ecology, and making it is the parties'
// own action.
func TestTopicalForumAndEnvironment(t *testing.T) {
	x := newTestExtractor(t)
	var got []string
	for _, s := range x.Extract("中华人民共和国和印度尼西亚共和国联合声明\n\n双方同意每两年轮流举办一次中印尼农业合作论坛。双方将在中阿合作论坛框架下加强协调。\n").Sentences {
		got = append(got, s.Mechanisms...)
	}
	if !slices.Equal(got, []string{"中阿合作论坛"}) {
		t.Errorf("mechanisms %q, want 中阿合作论坛 alone", got)
	}
	s := mustLabel(t, x, "双方为两国企业相互投资创造良好环境。", []string{"CN", "ID"}, []string{"CN", "ID"})
	if got := strings.Join(s.Areas, ","); got != "investment" || s.Type != entente.Commitment || s.Strength != entente.Soft {
		t.Errorf("%s/%s %s, want commitment/soft investment (%+v)", s.Type, s.Strength, got, s.Rationale.Areas)
	}
	s = mustLabel(t, x, "双方将为两国企业相互投资创造良好环境。", []string{"CN", "ID"}, []string{"CN", "ID"})
	if got := strings.Join(s.Areas, ","); got != "investment" {
		t.Errorf("areas %s, want investment (%+v)", got, s.Rationale.Areas)
	}
}

// TestDisputeArticleArea: an instrument's article on settling differences
// names no field of its own: it is about the relationship (political), as
// the Chinese golds label it, not the field of the instrument's title; a
// named field beside it still decides.
func TestDisputeArticleArea(t *testing.T) {
	x := newTestExtractor(t)
	for text, want := range map[string]string{
		"因解释或执行本行动计划产生的任何分歧，双方应通过友好协商解决。": "political",
		"双方应通过友好协商解决执行本行动计划中产生的争议。":       "political",
		"双方应通过友好协商妥善解决农产品贸易中的分歧。":         "trade",
	} {
		r := extractOne(t, x, "中华人民共和国农业农村部和泰王国农业与合作部关于农业合作的行动计划（2026—2030年）\n\n"+text+"\n", text)
		if got := strings.Join(r.Sentences[0].Areas, ","); got != want {
			t.Errorf("%s: areas %s, want %s", text, got, want)
		}
	}
}

// TestJointGovernmentsBodyName: the standing body of two governments is
// named with both (中华人民共和国政府和乌克兰政府合作委员会): the 和 between
// two parties' names with the same head is inside the name; between two
// bare country names it still ends it.
func TestJointGovernmentsBodyName(t *testing.T) {
	x := newTestExtractor(t)
	for text, want := range map[string]string{
		"双方将发挥中华人民共和国政府和乌克兰政府合作委员会的统筹作用。": "中华人民共和国政府和乌克兰政府合作委员会",
		"双方将用好中国政府和乌克兰政府合作委员会。":           "中国政府和乌克兰政府合作委员会",
		"双方将用好中乌政府间合作委员会机制。":              "中乌政府间合作委员会",
	} {
		var got []string
		for _, s := range x.Extract("中华人民共和国和乌克兰联合声明\n\n" + text + "\n").Sentences {
			got = append(got, s.Mechanisms...)
		}
		if !slices.Equal(got, []string{want}) {
			t.Errorf("%s: mechanisms %q, want %q", text, got, want)
		}
	}
}

// TestNoTitleFromVerbPhrase: an unbracketed title does not take in the verb
// before it (续签…协议, 协商确定会议议程) nor open with 两国间 (两国间双边
// 协定: the agreements between them, no title).
func TestNoTitleFromVerbPhrase(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国政府和乌克兰政府关于成立政府间合作委员会的协定\n\n秘书处应在委员会会议召开两个月前协商确定会议议程。\n\n委员会就落实两国间双边协定提出建议。\n\n缔约双方同意续签双边本币互换协议。\n")
	for _, ref := range r.References {
		for _, bad := range []string{"协商确定", "两国间", "续签"} {
			if strings.Contains(ref.Title, bad) {
				t.Errorf("reference %q", ref.Title)
			}
		}
	}
}

// TestPermittedSigningAndInviting: in an instrument, what the parties may do
// (可签订, 可邀请) is their soft undertaking, not the fact of a signing or
// an invitation; a signing reported (签订了) stays narrative, and 不得 or
// 可持续 grant nothing.
func TestPermittedSigningAndInviting(t *testing.T) {
	x := newTestExtractor(t)
	const mou = "中华人民共和国政府和智利共和国政府农业合作谅解备忘录\n\n"
	tests := []oneSentence{
		{mou, "缔约双方可签订专门协议。", entente.Commitment, entente.Soft, "CL,CN"},
		{mou, "双方可邀请第三方专家参加合作项目。", entente.Commitment, entente.Soft, "CL,CN"},
		{mou, "双方或其指定机构可就具体项目签订执行计划。", entente.Commitment, entente.Soft, "CL,CN"},
		{mou, "双方签订了农业合作协议。", entente.Narrative, "", ""},
		{mou, "缔约双方同意推动农业可持续发展。", entente.Commitment, entente.Firm, "CL,CN"},
	}
	checkOneSentence(t, x, tests, true)
}

// TestMeansOpensClause: a clause opening with the means or way (以商定的方式
// 共同承担, 通过友好协商解决) has the subject left out, the parties named
// before; 以及 opening a clause is the connective, no means.
func TestMeansOpensClause(t *testing.T) {
	x := newTestExtractor(t)
	const agreement = "中华人民共和国政府和智利共和国政府关于科学技术与创新合作的协定\n\n"
	const statement = "中华人民共和国和塞尔维亚共和国联合声明\n\n"
	tests := []oneSentence{
		{agreement, "本协定项下合作活动所需费用，由缔约双方根据各自国内法律和预算能力，以商定的方式共同承担。", entente.Commitment, entente.Soft, "CL,CN"},
		{statement, "塞方欢迎中方宣布的《全球人工智能治理倡议》，以及中方为增强发展中国家权利所作努力。", entente.Appraisal, "", ""},
	}
	checkOneSentence(t, x, tests, true)
}

// TestFramingWordInTitle: inside a cited title, a framing word (联合国) gives
// way to the title's own keyword (《联合国气候变化框架公约》 is about the
// climate); a title of framing words alone (《联合国宪章》) keeps its area.
func TestFramingWordInTitle(t *testing.T) {
	x := newTestExtractor(t)
	for text, want := range map[string]string{
		"中方祝贺埃方成功举办《联合国气候变化框架公约》第二十七次缔约方大会。": "green",
		"双方重申恪守《联合国宪章》宗旨和原则。":                "international_order",
	} {
		s := mustLabel(t, x, text, []string{"CN", "EG"}, []string{"CN", "EG"})
		if got := strings.Join(s.Areas, ","); got != want {
			t.Errorf("%s: areas %s, want %s (%+v)", text, got, want, s.Rationale.Areas)
		}
	}
}

// TestCityTransitProject: a city's transit line before a generic head
// (斋月十日城轻轨项目) is the project named, as before a route head; a
// kind of line (城市轻轨项目) is none.
func TestCityTransitProject(t *testing.T) {
	x := newTestExtractor(t)
	for text, want := range map[string][]string{
		"双方将积极推进斋月十日城轻轨项目建设。": {"斋月十日城轻轨项目"},
		"双方将积极推进城市轻轨项目建设。":    nil,
	} {
		var got []string
		for _, s := range x.Extract("中华人民共和国和阿拉伯埃及共和国联合声明\n\n" + text + "\n").Sentences {
			got = append(got, s.Projects...)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: projects %q, want %q", text, got, want)
		}
	}
}
