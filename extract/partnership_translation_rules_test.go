package extract

import (
	"testing"
)

// Rules of the genre read from the held-out United States–Indonesia
// statement (us-id-comprehensive-strategic-partnership-statement, a
// Simplified Chinese translation), each in other wording than the
// statement's.

const partnershipTitle = "美利坚合众国和印度尼西亚共和国领导人联合声明\n\n"

// TestRecognitionIsAppraisal: 认可 (recognises a role, a standing, an
// effort as what it is) weighs what exists, as 赞赏 does; mutual
// recognition of certificates (相互认可) is what the parties undertake, and
// 认可 as an attribute (认可且开放…之海港) weighs nothing.
func TestRecognitionIsAppraisal(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中方认可尼方在打击恐怖主义方面发挥的领导作用。", "appraisal"},
		{"两国领导人认可印度尼西亚在关键矿产价值链中的全球领先地位。", "appraisal"},
		{"双方认可两国在卫生领域合作中所作的重要努力。", "appraisal"},
		{"双方将相互认可对方签发的检验检疫证书。", "commitment"},
		{"缔约双方相互认可对方的学历学位证书。", "commitment"},
		// an attribute of what it qualifies weighs nothing
		{"本协定所称港口，系指缔约任一方领域内认可且开放国际航运之海港。", "narrative"},
	}
	checkProvisions(t, x, partnershipTitle, typeOf, tests)
}

// TestPlanVerbHeadsNoProgramme: 计划 before a frame or an action is "plan
// to", no generic head of a programme named by the country before it.
func TestPlanVerbHeadsNoProgramme(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"美国和印度尼西亚计划通过地区倡议共同努力，动员投资。", ""},
		{"美国和印度尼西亚计划加强在基础设施领域的合作。", ""},
		{"双方计划于2025年举行第二次会议。", ""},
	}
	checkProvisions(t, x, partnershipTitle, projectsOf, tests)
}

// TestQuotedNameBeforeGenericHead: a name quoted whole before a generic
// head (“…”项目) is the programme's, its verbs and all; an initiative in
// quotes (“一带一路”项目) names no programme.
func TestQuotedNameBeforeGenericHead(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"这项工作通过“负责任使用小型模块化反应堆技术基础设施”项目获得新的资金。", "“负责任使用小型模块化反应堆技术基础设施”项目"},
		{"双方将继续实施“共享发展成果”计划，扩大人员培训。", "“共享发展成果”计划"},
	}
	checkProvisions(t, x, partnershipTitle, projectsOf, tests)
}

// TestPossessiveOrSeaZoneNamesNoWorks: a name opening with the possessive
// 其 (its own) refers back, and a coastal state's exclusive economic zone
// (专属经济区) is a sea area under the law of the sea: neither is a works.
func TestPossessiveOrSeaZoneNamesNoWorks(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方尊重沿海国依据国际法对其专属经济区享有的主权权利。", ""},
		{"双方重申尊重各国在专属经济区内的航行自由。", ""},
		{"双方将加快推进苏伊士运河经济区建设。", "苏伊士运河经济区"},
	}
	checkProvisions(t, x, partnershipTitle, projectsOf, tests)
}
