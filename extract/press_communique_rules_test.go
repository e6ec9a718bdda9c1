package extract

import "testing"

// TestFieldPairBodyName: a standing body named by two fields joined by a
// conjunction (矿业和能源合作分委会, 贸易与投资工作组) is one body; a list of
// bodies each with its own head (经贸合作分委会和能源合作分委会) stays two.
func TestFieldPairBodyName(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方商定设立矿业和能源合作分委会。", "矿业和能源合作分委会"},
		{"双方同意成立投资与产业合作工作组。", "投资与产业合作工作组"},
		{"双方将发挥经贸合作分委会和能源合作分委会的作用。", "经贸合作分委会,能源合作分委会"},
	}
	checkProvisions(t, x, gulfTitle, sortedMechanismsOf, tests)
}

// TestAccessProcessNoBody: a market-access or approval process (输华准入进程)
// is work under way, no named process of the parties such as a regional
// dialogue (伊斯坦布尔进程).
func TestAccessProcessNoBody(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方愿同阿方加快推进阿根廷高粱和苜蓿草输华准入进程。", ""},
		{"双方将加快智利鲜食蓝莓输华审批进程。", ""},
	}
	checkProvisions(t, x, gulfTitle, sortedMechanismsOf, tests)
}

// TestSpaceGroundStation: a deep-space or satellite ground station named by
// its place (内乌肯深空站, 喀什深空站) is a facility, a project; a kind of
// station (卫星地面站) is none.
func TestSpaceGroundStation(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方高度评价内乌肯深空站建成以来为两国航天合作发挥的重要作用。", "内乌肯深空站"},
		{"双方将继续做好内乌肯深空站的联合运营。", "内乌肯深空站"},
		{"双方愿共建卫星地面站。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestProtocolTitleAreas: a plant-quarantine or a veterinary-health protocol
// on exports to China is an agri-food inspection approval, trade, as the
// cn-no gold reads its aquatic products' protocol; the ministry that signs
// it (农牧渔业国务秘书处) adds no field.
func TestProtocolTitleAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方欢迎访问期间签署的《中华人民共和国海关总署和阿根廷共和国农牧渔业国务秘书处关于阿根廷冷冻带骨牛肉输华检验检疫和兽医卫生要求的议定书》。", "trade"},
		{"双方欢迎签署《中华人民共和国海关总署和阿根廷共和国农牧渔业国务秘书处关于阿根廷鲜食樱桃输华植物检疫要求的议定书》。", "trade"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestProtocolWordsKeepFields: outside an inspection protocol's title the
// fields stay (a health cooperation, the fisheries sector's cooperation).
func TestProtocolWordsKeepFields(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方同意加强两国农牧渔业部门合作。", "development"},
		{"双方将深化卫生领域合作。", "health"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestFieldPairBodyAreas: both fields a body's name joins (矿业和能源合作
// 分委会) name its domain; a body named by one field keeps only that one
// (海关安全合作机制 is about customs).
func TestFieldPairBodyAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方商定设立矿业和能源合作分委会。", "energy,resources"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}
