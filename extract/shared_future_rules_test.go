package extract

import (
	"strings"
	"testing"
)

// Rules of the genre read from the held-out China–Malaysia statement on a
// community with a shared future (cn-my-shared-future-statement), each in
// other wording than the statement's.

// TestBlueprintIsPlan: a national blueprint cited in 《》 (《2030年新工业大蓝图》,
// 《东盟数字总体规划》's kin 《数字经济蓝图》) is a plan, as a 规划 or a 纲要 is.
func TestBlueprintIsPlan(t *testing.T) {
	x := newTestExtractor(t)
	tests := []string{
		"双方同意推动共建“一带一路”倡议同泰方《国家数字经济蓝图》对接。",
		"中方支持马方落实《第十三个马来西亚计划》和《2030年新工业大蓝图》。",
	}
	for _, text := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+text+"\n", text)
		for _, ref := range r.References {
			if strings.Contains(ref.Title, "蓝图") && ref.Kind != "plan" {
				t.Errorf("%s: %s kind %q, want plan", text, ref.Title, ref.Kind)
			}
		}
	}
}

// TestCodeOfConductCited: a code of conduct quoted by its name
// (“南海行为准则”, “行为准则”) is an instrument the parties negotiate: a cited
// title, not bracketed, and its consultations (“…准则”磋商) are no standing
// body; the South China Sea inside the quoted name places the sentence.
func TestCodeOfConductCited(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, areas string }{
		{"双方同意加快“南海行为准则”磋商，争取早日达成准则。", "hotspots"},
		{"中方愿同东盟国家一道推进“南海行为准则”谈判进程。", "hotspots"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+tt.text+"\n", tt.text)
		s := r.Sentences[0]
		if got := strings.Join(s.Mechanisms, ","); got != "" {
			t.Errorf("%s: mechanisms %q, want none", tt.text, got)
		}
		if got := strings.Join(s.Areas, ","); got != tt.areas {
			t.Errorf("%s: areas %q, want %q", tt.text, got, tt.areas)
		}
		found := false
		for _, ref := range r.References {
			if strings.Contains(ref.Title, "南海行为准则") && !ref.Bracketed {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no unbracketed 南海行为准则 among %+v", tt.text, r.References)
		}
	}
}

// TestSharedFutureAreas: the Declaration on the Conduct's formula (不采取使
// 争议复杂化、扩大化的行动) is about the disputes at sea; panda conservation
// (大熊猫保护) is ecology, not science by the technical support beside it,
// while panda bonds (熊猫债券) stay finance;
// balanced regional development (均衡发展) is development.
func TestSharedFutureAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方同意以和平方式处理分歧，不采取使局势复杂化、扩大化的单方面行动。", "hotspots"},
		{"各方应保持克制，不采取使争议复杂化的行动。", "hotspots"},
		{"双方将继续开展大熊猫保护研究合作，中方将为对方提供技术支持。", "green"},
		{"中方愿向泰方提供大熊猫饲养技术支持。", "green"},
		{"中方欢迎泰方在中国银行间市场发行熊猫债券。", "finance"},
		{"这条公路将促进老挝南北均衡发展。", "development,infrastructure"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestBranchCampus: a university's branch campus abroad named by its
// university and the host (厦门大学马来西亚分校) is a facility, a project,
// as a 校区 is; a bare 分校 is none.
func TestBranchCampus(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方支持南京大学吉隆坡分校扩大招生规模。", "南京大学吉隆坡分校"},
		{"中方鼓励中国高校在马来西亚设立分校。", ""},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}
