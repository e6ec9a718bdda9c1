package extract

import (
	"strings"
	"testing"
)

// Rules of the genre read from the held-out China–Norway communiqué
// (cn-no-joint-communique), each in other wording than the communiqué's.

// TestCommuniqueFormula: a communiqué's lead-in to its points (现将…公报如下)
// is its formula, as 声明如下 is a statement's: narrative. 现将 there is
// "now … hereby" (将 as 把), no prediction and no undertaking.
func TestCommuniqueFormula(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, typ string }{
		{"现将有关情况公报如下：", "narrative"},
		{"现将双方达成的共识联合公报如下：", "narrative"},
		{"双方将于年内在北京召开联委会第五次会议。", "commitment"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+tt.text+"\n", tt.text)
		if got := string(r.Sentences[0].Type); got != tt.typ {
			t.Errorf("%s: type %q, want %q", tt.text, got, tt.typ)
		}
	}
}

// TestArcticCouncil: the Arctic Council and the Nordic Council are
// international organisations, as the UN and ASEAN are: no mechanism, and a
// sentence about them is international_order, as one placed in multilateral
// frameworks (多边框架) is.
func TestArcticCouncil(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, mechs, areas string }{
		{"中方赞赏冰岛在北极理事会中发挥的建设性作用。", "", "international_order"},
		{"双方愿在北欧理事会框架下加强交流。", "", "international_order"},
		{"双方同意在多边框架下就海洋治理问题加强沟通协调。", "", "international_order"},
		{"双方将充分发挥中芬创新合作理事会作用。", "中芬创新合作理事会", "science"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+tt.text+"\n", tt.text)
		if got := strings.Join(r.Sentences[0].Mechanisms, ","); got != tt.mechs {
			t.Errorf("%s: mechanisms %q, want %q", tt.text, got, tt.mechs)
		}
		if got := strings.Join(r.Sentences[0].Areas, ","); got != tt.areas {
			t.Errorf("%s: areas %q, want %q", tt.text, got, tt.areas)
		}
	}
}

// TestNordicAreas: carbon capture is a climate technology (green); seafood
// is goods traded, as farm produce is (trade); 商务 named among the purposes
// of a journey (赴华商务、旅游和留学) is travel (people), as visas are,
// while 商务 elsewhere stays trade; energy storage (储能) and power
// transmission and transformation (输变电) are energy.
func TestNordicAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方愿深化碳捕集与封存领域合作。", "green"},
		{"双方将加强碳捕获与利用政策交流。", "green"},
		{"中方欢迎更多冰岛优质海产品进入中国市场，冰方欢迎中国企业赴冰投资。", "investment,trade"},
		{"双方同意扩大丹麦水产品对华出口。", "trade"},
		{"芬方将为中国公民赴芬商务、旅游提供签证便利。", "people"},
		{"双方同意为两国公民赴对方国家商务和旅游提供便利。", "people"},
		{"双方同意加强商务领域交流。", "trade"},
		// energy storage and power transmission are the power system's (energy)
		{"双方鼓励在储能领域开展联合研究。", "energy,science"},
		{"双方愿加强输变电技术交流。", "energy"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestPolarStation: a research station named after its polar region
// (中国南极长城站, 中国北极黄河站) is a facility, a project, even where
// 在 follows it; a bare 站 is no head (中国始终站在…), and a station of the
// region with nothing naming it before the region (北极科考站) is a kind.
func TestPolarStation(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方感谢智方为中国南极长城站科考人员提供便利。", "中国南极长城站"},
		{"双方欢迎韩国南极世宗站在南极半岛开展的观测。", "韩国南极世宗站"},
		{"中方始终站在历史正确一边，同各国共同维护和平。", ""},
		{"双方愿共同建设北极科考站，加强极地研究合作。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}
