package extract

import "testing"

// TestIntegrationProcessNoBody: a country's integration or modernization
// process (欧洲一体化进程, 现代化进程) is a course it follows, no standing body
// or named process of the parties such as a regional dialogue (伊斯坦布尔进程).
func TestIntegrationProcessNoBody(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方尊重黑山推进欧洲一体化进程的自主选择。", ""},
		{"双方支持西巴尔干国家的区域一体化进程。", ""},
		{"中方愿支持阿方加快国家现代化进程。", ""},
	}
	checkProvisions(t, x, gulfTitle, sortedMechanismsOf, tests)
}

// TestEuropeanIntegrationArea: European integration is a regional framework,
// international order, as regional integration is; a river basin where
// power plants are built (在…流域开展水电合作) is the place, and gives water
// resources only where nothing else names the field.
func TestEuropeanIntegrationArea(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方支持西巴尔干国家的欧洲一体化进程。", "international_order"},
		{"中方愿同黑方探讨在莫拉查河流域开展水电和太阳能项目合作。", "energy"},
		{"双方同意加强流域综合治理合作。", "resources"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}
