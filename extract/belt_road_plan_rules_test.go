package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// Rules of the genre read from the held-out China–Tanzania Belt and Road
// cooperation plan (cn-tz-belt-and-road-plan), each in other wording than
// the plan's.

const beltRoadPlanTitle = "中华人民共和国政府与肯尼亚共和国政府关于共同推进“一带一路”建设的合作规划\n\n"

// TestCooperationPlanKind: a cooperation plan or work plan two governments
// or ministries sign (…合作规划, …合作计划, …工作计划, …规划纲要) is a plan
// of action, as a 行动计划 is; a bare 规划 or 计划 in a title (a national
// plan published alone) is none of the genre's kinds.
func TestCooperationPlanKind(t *testing.T) {
	x := newTestExtractor(t)
	for _, c := range []struct {
		title string
		want  entente.Kind
	}{
		{"中华人民共和国政府与阿根廷共和国政府关于共同推进“一带一路”建设的合作规划", entente.KindActionPlan},
		{"中华人民共和国政府和老挝人民民主共和国政府关于共建中老经济走廊的合作计划", entente.KindActionPlan},
		{"中华人民共和国教育部与智利共和国教育部2026—2028年教育交流工作计划", entente.KindActionPlan},
		{"中华人民共和国政府和蒙古国政府关于建设中蒙俄经济走廊规划纲要", entente.KindActionPlan},
		{"国家中长期科学和技术发展规划", entente.KindOther},
	} {
		if got := x.documentKind(c.title); got != c.want {
			t.Errorf("%s: kind %s, want %s", c.title, got, c.want)
		}
	}
}

// TestBeltAndRoadActedOn: the Belt and Road that the parties build or
// advance (推动共建“一带一路”高质量发展, 推进高质量共建“一带一路”) is what
// they act on, the sentence's topic beside the fields it names; named as
// the frame of another field's cooperation (在共建“一带一路”框架下…) or
// opening the name of a body (推动“一带一路”能源合作伙伴关系建设) it stays weak.
func TestBeltAndRoadActedOn(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将坚持开放、绿色、廉洁理念，推动共建“一带一路”高质量发展。", "green,international_order"},
		{"双方同意推进高质量共建“一带一路”，深化数字经济合作。", "digital,international_order"},
		{"双方愿在共建“一带一路”框架下加强能源合作。", "energy"},
		{"双方将共同推动“一带一路”能源合作伙伴关系建设，加强电力合作。", "energy"},
	}
	checkProvisions(t, x, beltRoadPlanTitle, areasOf, tests)
}

// TestPolicyCoordination: policy coordination (政策沟通), the first of the
// Belt and Road's five connectivities, is about what the policies are: the
// plans it names (发展规划: development), as heldout9 reads it under a
// climate dialogue (climate alone); said alone it takes the plan's field
// (the Belt and Road), as a provision with no field word does. The other
// four name their fields (设施联通, 贸易畅通, 资金融通). A guard: it held
// before the plan was read.
func TestPolicyCoordination(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将加强政策沟通，就各自发展规划开展交流。", "development"},
		{"双方将深化政策沟通。", "international_order"},
		{"双方将推进设施联通。", "infrastructure"},
		{"双方将促进贸易畅通。", "trade"},
		{"双方将推进资金融通。", "finance"},
	}
	checkProvisions(t, x, beltRoadPlanTitle, areasOf, tests)
}

// TestPlanBodyProvisions: in a cooperation plan, as in an agreement, how
// the plan's working group is led and when it meets are provisions both
// parties undertake (soft), whatever the body's name.
func TestPlanBodyProvisions(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		"工作组由两国外交部共同牵头。",
		"工作组原则上每年召开一次会议，评估本合作规划执行情况。",
	} {
		r := extractOne(t, x, beltRoadPlanTitle+"一、"+text+"\n", text)
		s := r.Sentences[0]
		if s.Type != entente.Commitment || s.Strength != entente.Soft || strings.Join(s.Actors, ",") != "CN,KE" {
			t.Errorf("%s: %s %s %v, want a soft commitment of CN,KE", text, s.Type, s.Strength, s.Actors)
		}
	}
}

// TestCommissionOfGovernment: a government department named a commission
// (国家发展和改革委员会, 国家卫生健康委员会) is an organ of one party, no
// standing body of the two; a joint commission stays one.
func TestCommissionOfGovernment(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方由中华人民共和国国家发展和改革委员会负责本规划的协调。", ""},
		{"双方同意由中国国家卫生健康委员会和肯方卫生部共同实施该项目。", ""},
		{"双方将发挥中肯经贸联合委员会的作用。", "中肯经贸联合委员会"},
	}
	checkProvisions(t, x, beltRoadPlanTitle, mechanismsOf, tests)
}

// TestCorridorRailway: a railway named by the corridor it runs along
// (中央走廊标准轨距铁路, 北部走廊铁路) is a route of its own: the route head
// and the gauge words before it stay in the project's name.
func TestCorridorRailway(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将推进北部走廊标准轨距铁路建设。", "北部走廊标准轨距铁路"},
		{"双方将推动北部走廊铁路升级改造。", "北部走廊铁路"},
	}
	checkProvisions(t, x, beltRoadPlanTitle, projectsOf, tests)
}

// TestMarketPrinciples: cooperation that follows market principles or
// rules (遵循市场原则, 按照市场规律) names how it is done, no market entered:
// no trade, as 市场化 is none.
func TestMarketPrinciples(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方合作遵循市场原则和国际通行规则，发挥企业主体作用。", "investment"},
		{"两国企业将按照市场规律开展能源合作。", "energy"},
		{"双方支持两国企业开拓对方市场。", "investment,trade"},
	}
	checkProvisions(t, x, beltRoadPlanTitle, areasOf, tests)
}

// TestHantCooperationPlanKind: a work plan titled in Traditional characters
// (工作計畫, 合作計畫, as Taipei writes 計畫) is a plan of action too, and its
// working group's meetings the parties' undertaking.
func TestHantCooperationPlanKind(t *testing.T) {
	r := newTestRegistry(t)
	for _, title := range []string{
		"中華民國政府與巴拉圭共和國政府關於農業合作的工作計畫",
		"中華民國政府與史瓦帝尼王國政府醫療衛生合作計畫",
		"中華人民共和國政府與哈薩克共和國政府關於共同推進「一帶一路」建設的合作規劃",
	} {
		x, err := r.ExtractAs(title+"\n\n第一條\n\n工作小組原則上每年召開一次會議。\n", "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		if x.Document.Kind != entente.KindActionPlan {
			t.Errorf("%s: kind %s, want action_plan", title, x.Document.Kind)
		}
		if len(x.Sentences) != 1 || x.Sentences[0].Type != entente.Commitment {
			t.Errorf("%s: the working group's meetings are no commitment: %+v", title, x.Sentences)
		}
	}
}
