package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestJointPressReleaseTitle: a joint press release (联合新闻稿) is the
// communiqué genre told as a visit's record; its name on the title's second
// line ends the title, and its kind is a communiqué, as 联合新闻公报 is.
func TestJointPressReleaseTitle(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, title string }{
		{"中华人民共和国政府和澳大利亚联邦政府\n联合新闻稿\n\n应澳大利亚总理邀请，国务院总理于2025年6月15日至18日对澳大利亚进行正式访问。\n双方同意加强合作。\n",
			"中华人民共和国政府和澳大利亚联邦政府联合新闻稿"},
		{"中国和马来西亚联合新闻稿\n\n双方同意扩大贸易。\n", "中国和马来西亚联合新闻稿"},
	}
	for _, tt := range tests {
		r := x.Extract(tt.text)
		if r.Document.Title != tt.title {
			t.Errorf("title %q, want %q", r.Document.Title, tt.title)
		}
		if r.Document.Kind != entente.KindCommunique {
			t.Errorf("%s: kind %s, want communique", tt.title, r.Document.Kind)
		}
	}
}

// TestRegionalOrganisationArea: a regional organisation of states (the
// Pacific Islands Forum, the African Union, the Arab League) places the
// sentence in the regional order beside the other topics, as 东盟 and 上合组织
// do; it is no mechanism.
func TestRegionalOrganisationArea(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, areas string }{
		{"双方重视太平洋岛国论坛在地区事务中的作用，支持岛国应对气候变化的努力。", "green,international_order"},
		{"双方支持非洲联盟在推进非洲一体化和减贫方面发挥主导作用。", "development,international_order"},
		{"中方赞赏埃方在阿拉伯国家联盟中发挥的积极作用。", "international_order"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+tt.text+"\n", tt.text)
		s := r.Sentences[0]
		if got := strings.Join(s.Areas, ","); got != tt.areas {
			t.Errorf("%s: areas %q, want %q", tt.text, got, tt.areas)
		}
		if len(s.Mechanisms) > 0 {
			t.Errorf("%s: mechanisms %q, want none", tt.text, s.Mechanisms)
		}
	}
}

// TestDifferencesClause: a clause that acknowledges the parties' differences
// (两国在社会制度、历史文化等方面存在差异) sets the scene of what they agree to
// do about them; the fields it lists are not the sentence's topics.
func TestDifferencesClause(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方认识到，两国在历史文化、发展阶段等方面存在分歧，同意加强在应对气候变化领域的合作。", "green"},
		{"尽管两国在社会制度、文化传统和发展阶段上存在差异，双方同意继续扩大贸易往来。", "trade"},
	}
	checkProvisions(t, x, gulfTitle, areasOf, tests)
}

// TestParallelViewHolders: parallel views or welcomes, each clause with a
// party of its own as subject (中方欢迎…，新方欢迎…), are held by every party
// named; a view with one party named stays that party's.
func TestParallelViewHolders(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct{ text, actors string }{
		{"中方欢迎沙方积极参加中国国际进口博览会，沙方欢迎更多中国企业赴沙投资兴业。", "CN,SA"},
		{"中方赞赏沙方为地区和平所作努力，沙方赞赏中方在国际事务中发挥的建设性作用。", "CN,SA"},
		{"中方赞赏沙方为地区和平所作的努力。", "CN"},
	}
	for _, tt := range tests {
		r := extractOne(t, x, gulfTitle+"一、"+tt.text+"\n", tt.text)
		s := r.Sentences[0]
		if s.Type == entente.Commitment {
			t.Errorf("%s: a commitment, want a view", tt.text)
		}
		if got := strings.Join(s.Actors, ","); got != tt.actors {
			t.Errorf("%s: actors %q, want %q", tt.text, got, tt.actors)
		}
	}
}
