package extract

import (
	"strings"
	"testing"
)

// TestSteppeAreas: China's framework with Central Asia (中国—中亚机制, 中国—
// 中亚峰会) is a regional framework, as 中东欧 is, while a pipeline named
// after the two (中国—中亚天然气管道) is not; Chinese-funded enterprises
// abroad (中资企业) are investment, the spec's enterprises' participation;
// an environment said only by its qualities (公平、透明的环境) is the business
// environment, no green; infrastructure that serves a park (配套基础设施,
// 基础设施配套) takes the park's field; 研究 before the verb of an action
// (研究开通, 研究制定) is "consider", no research; planting (种植) and the
// processing of farm produce (农产品加工) are agriculture (development),
// not trade.
func TestSteppeAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,UZ", "双方愿在中国—中亚机制框架下加强协调。", "international_order"},
		{"CN,KZ", "双方同意共同落实中国—中亚峰会成果。", "international_order"},
		{"CN,TM", "双方同意保障中国—中亚天然气管道安全稳定运营。", "energy,security"},
		{"CN,KG", "吉方将为在吉中资企业人员办理工作签证提供便利。", "investment,people"},
		{"CN,TJ", "双方将为两国企业相互投资营造稳定、公平、透明的环境。", "investment"},
		{"CN,KZ", "双方将加快完善工业园区配套基础设施。", "investment"},
		{"CN,UZ", "双方商定共同推进产业园建设，完成园区基础设施配套。", "investment"},
		{"CN,UZ", "双方将在交通运输合作分委会框架下研究开通新的国际道路运输线路。", "infrastructure"},
		{"CN,KZ", "双方将研究制定新的合作规划。", "political"},
		{"CN,KZ", "双方鼓励两国科研机构开展联合研究。", "science"},
		{"CN,UZ", "双方鼓励两国企业开展棉花种植和农产品加工合作。", "development,investment"},
		{"CN,KZ", "双方将扩大小麦种植合作。", "development"},
		{"CN,KZ", "中方欢迎哈方更多优质农产品输华。", "trade"},
	}
	checkAreas(t, x, tests)
}

// TestSteppeEntities: a plan to be drawn up for a span of years (制定2027—
// 2029年合作计划) names no programme: 制定, the verb of drawing up, ends a
// name read back from its head; a quoted day of a country's culture
// (“乌兹别克斯坦文化日”) is a programme of events, as a themed year is; a
// name reaches back across a verb to the parties before it (中巴扩大产能合作
// 基金), but not to a place after 在 (在埃及开设更多孔子学院: where they open
// them).
func TestSteppeEntities(t *testing.T) {
	x := newTestExtractor(t)
	tests := []entityCase{
		{"双方责成各分委会于2027年3月底前分别制定2027—2029年合作计划。", nil, nil},
		{"双方同意制定新的年度合作计划。", nil, nil},
		{"双方商定2027年在中国举办“哈萨克斯坦文化日”活动。", nil, []string{"“哈萨克斯坦文化日”"}},
		{"双方将共同办好“中乌旅游年”系列活动。", nil, []string{"“中乌旅游年”"}},
		{"双方支持在埃及开设更多孔子学院和鲁班工坊。", nil, []string{"鲁班工坊"}},
		{"双方支持在越南开设更多中文教学项目。", nil, nil},
		{"双方同意发挥中巴扩大产能合作基金作用。", nil, []string{"中巴扩大产能合作基金"}},
	}
	checkEntities(t, x, tests)
}

// TestSteppeTypes: the next regular meeting that will be held (中乌总理第四
// 次定期会晤将于2027年在中国举行) is the parties' undertaking to hold it, as a
// 会议 that will be held is (cn-jp-kr's gold): 会晤 right before 将 and a
// verb of holding is the meeting named, no narrative of the talks; the
// talks held (举行会晤, 举行了…定期会晤) stay narrative. Both parties' support
// of an action in one of their own lands (双方支持在哈萨克斯坦开设鲁班工坊) is
// their own action, a soft commitment, as the golds read it where another
// clause carries it (cn-co, cn-fj, cn-vn, cn-eg); one side's support of
// what is done in the other's land, and support on a basis (在“两国方案”
// 基础上), stay positions.
func TestSteppeTypes(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ parties, text, typ, strength, actors string }{
		{"CN,UZ", "中乌总理第四次定期会晤将于2027年在中国举行。", "commitment", "firm", "CN,UZ"},
		{"CN,KZ", "两国总理下一次会晤将于明年在阿斯塔纳举行。", "commitment", "firm", "CN,KZ"},
		{"CN,UZ", "两国总理于2026年11月25日在塔什干举行中乌总理第三次定期会晤。", "narrative", "", ""},
		{"CN,KZ", "李强总理同哈萨克斯坦总理举行会晤。", "narrative", "", ""},
		{"CN,KZ", "会晤后，两国总理共同见证了合作文件的签署。", "narrative", "", ""},
		{"CN,KZ", "双方支持在哈萨克斯坦开设鲁班工坊。", "commitment", "soft", "CN,KZ"},
		{"CN,FJ", "双方支持在斐济国立大学设立鲁班工坊。", "commitment", "soft", "CN,FJ"},
		{"CN,UZ", "两国支持在乌兹别克斯坦开设更多中文教学项目。", "commitment", "soft", "CN,UZ"},
		{"CN,KZ", "中方支持在哈萨克斯坦举办世界游牧运动会。", "position", "", "CN"},
		{"CN,EG", "双方支持在“两国方案”基础上全面公正解决巴勒斯坦问题。", "position", "", "CN,EG"},
		{"CN,SA", "双方支持在1967年边界基础上建立以东耶路撒冷为首都的独立的巴勒斯坦国。", "position", "", "CN,SA"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			parties := strings.Split(tt.parties, ",")
			s := mustLabel(t, x, tt.text, parties, parties)
			if string(s.Type) != tt.typ || string(s.Strength) != tt.strength || strings.Join(s.Actors, ",") != tt.actors {
				t.Errorf("%s %s %v, want %s %s %s (%+v)", s.Type, s.Strength, s.Actors, tt.typ, tt.strength, tt.actors, s.Rationale.Type)
			}
		})
	}
}
