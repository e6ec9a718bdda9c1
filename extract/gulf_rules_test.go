package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

const gulfTitle = "中华人民共和国和沙特阿拉伯王国联合新闻公报\n\n"

// TestImplementationSchemeKind: an implementation scheme (实施方案, 方案)
// cited in 《》 is a plan, as a 规划 or 计划 is.
func TestImplementationSchemeKind(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract(gulfTitle + "一、双方将落实好2022年签署的《中华人民共和国政府和沙特阿拉伯王国政府关于共建“一带一路”倡议与“2030愿景”对接实施方案》。\n")
	found := false
	for _, ref := range r.References {
		if strings.HasSuffix(ref.Title, "实施方案") {
			found = true
			if ref.Kind != entente.RefPlan {
				t.Errorf("%s: kind %s, want plan", ref.Title, ref.Kind)
			}
		}
	}
	if !found {
		t.Fatalf("no 实施方案 among %+v", r.References)
	}
}

// TestRegionalOrganisationPair: the Gulf Cooperation Council is a regional
// organisation (as 东盟 is): neither a mechanism nor, by its 海湾, a
// hotspot; China paired with such an organisation (中国—海湾阿拉伯国家合作委员会
// before 自由贸易协定) names the two sides, no body; a dialogue of the pair
// stays a mechanism.
func TestRegionalOrganisationPair(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		text, mechs, areas string
	}{
		{"双方同意推动尽快完成中国—海湾阿拉伯国家合作委员会自由贸易协定谈判。", "", "trade"},
		{"双方同意加快推进中国—海合会自由贸易协定谈判。", "", "trade"},
		{"中方支持海湾阿拉伯国家合作委员会在地区事务中发挥积极作用。", "", "international_order"},
		{"双方同意加强在中国—海湾阿拉伯国家合作委员会战略对话框架下的协调。", "中国—海湾阿拉伯国家合作委员会战略对话", "political"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+tt.text+"\n", tt.text)
		s := r.Sentences[0]
		if got := strings.Join(s.Mechanisms, ","); got != tt.mechs {
			t.Errorf("%s: mechanisms %q, want %q", tt.text, got, tt.mechs)
		}
		if got := strings.Join(s.Areas, ","); got != tt.areas {
			t.Errorf("%s: areas %q, want %q", tt.text, got, tt.areas)
		}
	}
}

// TestNewlySetUpBody: 新设 (to set up anew) is a verb before a body's name,
// as 设立 is, never part of it.
func TestNewlySetUpBody(t *testing.T) {
	x := newTestExtractor(t)
	var got []string
	for _, s := range x.Extract(gulfTitle + "一、双方同意尽快在委员会框架下新设数字经济分委会。\n").Sentences {
		got = append(got, s.Mechanisms...)
	}
	if !slices.Equal(got, []string{"数字经济分委会"}) {
		t.Errorf("mechanisms %q, want [数字经济分委会]", got)
	}
}
