package extract

import (
	"slices"
	"testing"
)

// TestWorksBeforeSuffix: the works a project does to a facility (升级改造,
// 改扩建, 维修改造) written between its name and a generic suffix (项目, 工程)
// belong to the project's name, not a verb that ends it; a facility with a
// head of its own (码头, 体育场) is the project named, as it is before a
// bare suffix (蒙贝拉水电站项目).
func TestWorksBeforeSuffix(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		rule, text string
		projs      []string
	}{
		{"works on a road named by a country", "双方满意地看到，中国企业承建的老挝国家公路改造项目进展顺利。", []string{"老挝国家公路"}},
		{"works on a facility without a head", "双方同意推进汤加努库阿洛法滨海大道升级改造工程。", []string{"汤加努库阿洛法滨海大道升级改造工程"}},
		{"a stadium's repair names the stadium", "中方愿协助萨方完成萨摩亚国家体育场维修改造项目。", []string{"萨摩亚国家体育场"}},
		{"a wharf's extension names the wharf", "双方同意推进努库阿洛法港国际码头改扩建项目。", []string{"努库阿洛法港国际码头"}},
		{"a gymnasium named by its city", "中方将援建莫尔斯比港体育馆。", []string{"莫尔斯比港体育馆"}},
		{"works with no proper name are none", "双方同意推进道路升级改造项目。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			st := x.newText(tt.text)
			_, projs, _, _ := newEntityCollector().add(x, "s", st)
			if !slices.Equal(projs, orEmpty(tt.projs)) {
				t.Errorf("projects %q, want %q", projs, tt.projs)
			}
		})
	}
}

// TestPacificAreas: the police are security (警务 was), as 公安 is; economic
// and technical aid is development, not science by its 技术 (aid in a
// disaster or an epidemic keeps the field of what it answers).
func TestPacificAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,VU", "中方将为瓦方警察提供装备支持。", "security"},
		{"CN,TO", "双方同意加强两国警察部门交流。", "security"},
		{"CN,WS", "中方将继续向萨方提供经济技术援助。", "development"},
		{"CN,PG", "中方将继续向巴新提供不附加政治条件的经济援助，支持巴新实现可持续发展。", "development"},
	}
	checkAreas(t, x, tests)
}

// TestAppraisedInitiative: an initiative an appraisal bears on (赞赏X倡议,
// 高度评价中方提出的X倡议, 赞赏并支持…) is named as a global initiative, its
// field no topic, as it is in a list of them; support alone keeps the
// field, and so does an initiative that frames what is appraised (…项下,
// …框架下).
func TestAppraisedInitiative(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,TO", "汤方高度评价中方提出的全球安全倡议。", "international_order"},
		{"CN,VU", "瓦方赞赏并支持中方提出的全球发展倡议。", "international_order"},
		{"CN,WS", "萨方欢迎中方提出的全球文明倡议，愿在倡议框架下加强合作。", "international_order"},
		{"CN,PG", "巴新支持中方提出的全球安全倡议，愿同中方加强沟通。", "international_order,security"},
		{"CN,FJ", "双方欢迎全球发展倡议项下首批项目落地。", "development,international_order"},
		{"CN,SB", "所方高度评价中方在全球发展倡议框架下提供的支持。", "development,international_order"},
	}
	checkAreas(t, x, tests)
}
