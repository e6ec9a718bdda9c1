package extract

import "testing"

// Rules of the genre read from the held-out China–Uruguay statement
// (cn-uy-joint-statement), each in other wording than the statement's.

// TestWorldDeficitsArea: the four deficits of the world (和平赤字、发展赤字、
// 安全赤字、治理赤字) diagnose the international order; the security deficit
// is no field of security cooperation.
func TestWorldDeficitsArea(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方认为，世界面临的发展赤字、安全赤字、治理赤字日益突出。", "international_order"},
		{"双方认为，各国应共同应对安全赤字和治理赤字。", "international_order"},
		{"双方将加强安全领域合作。", "security"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestRegionalBlocsArea: a regional organisation of states named as a
// venue (南方共同市场, 南共市, 拉共体) is the regional order, as 东盟 is;
// the 市场 inside Mercosur's name is no market entered.
func TestRegionalBlocsArea(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方赞赏巴方在南方共同市场框架内为地区一体化所作的努力。", "international_order"},
		{"双方愿在中国—拉共体论坛框架下加强协调。", "international_order"},
		{"双方同意推动中国同南共市开展对话。", "international_order"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestKindsJoinedAfterCountry: a country's name before two kinds of works
// joined by 和 (智利铁路和港口基础设施) says whose works they are, as a
// list with 、 does; a named route joined to another name stays.
func TestKindsJoinedAfterCountry(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"智方欢迎中国企业参与智利铁路和港口基础设施建设。", ""},
		{"双方将加强老挝公路和机场建设合作。", ""},
		{"双方将确保中老铁路和雅万高铁安全稳定运营。", "雅万高铁,中老铁路"},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestSpeltNameBeforeHead: 的 inside a foreign name spelt out (蒙得维的亚)
// stops no name, where the spelling after it runs right into the facility's
// head (…的亚港), as where three spelt characters follow it (亚的斯亚贝巴).
func TestSpeltNameBeforeHead(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将加快蒙得维的亚港新码头建设。", "蒙得维的亚港新码头"},
		{"双方将推进亚的斯亚贝巴轻轨项目二期建设。", "亚的斯亚贝巴轻轨项目二期"},
		{"双方将推动两国的港口合作。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}
