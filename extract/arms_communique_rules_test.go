package extract

import (
	"slices"
	"testing"
)

// TestArmsCommuniqueRules: the readings an older joint communiqué in
// Beijing's wording taught (China–US, 1982, reprinted in Traditional
// characters), each on sentences of our own in both scripts under a title
// that names the parties:
//   - a pronoun that is all of a clause's subject (它) resumes the party
//     named as a subject before it in the sentence: 美国政府声明，它准备…;
//   - 准备 + an action ("prepared to") is an intent, as 愿 is;
//   - 承认 (acknowledges a position) is a position verb;
//   - 欣赏 and 理解并欣赏 (appreciate a policy) are an appraisal;
//   - an instrument that confirmed or restated something (上海公报确认了…)
//     is told of, a narrative, not the parties' view;
//   - an effect already made (为…提供了有利的条件) weighs what exists;
//   - arms and their sale (武器, 军售) are security, 售台 is Taiwan.
func TestArmsCommuniqueRules(t *testing.T) {
	x := newTestExtractor(t)
	r := newTestRegistry(t)
	const title = "中华人民共和国和美利坚合众国联合公报\n\n"
	const hantTitle = "中華人民共和國和美利堅合眾國聯合公報\n\n"
	both := []string{"CN", "US"}
	us := []string{"US"}
	tests := []struct {
		hant                bool
		text, typ, strength string
		actors, areas       []string
	}{
		{false, "美国政府声明，它准备逐步减少对台湾的武器出售。", "commitment", "intent", us, []string{"security", "sovereignty"}},
		{true, "美國政府聲明，它準備逐步減少它對台灣的武器出售。", "commitment", "intent", us, []string{"security", "sovereignty"}},
		{false, "中方准备同美方加强教育交流。", "commitment", "intent", []string{"CN"}, []string{"people"}},
		// the pronoun with more than itself in the zone (它不寻求…) is no
		// resumed subject: 不寻求 negates what follows
		{false, "美国政府重申，它无意干涉中国的内政。", "position", "", us, []string{"sovereignty"}},
		// 准备工作 is preparatory work, no willingness
		{false, "双方高度评价博览会的准备工作。", "appraisal", "", both, []string{"trade"}},
		{false, "美国承认中国关于这一问题的一贯立场。", "position", "", us, []string{"political"}},
		{true, "美國政府理解並欣賞中國爭取和平解決台灣問題的政策。", "appraisal", "", us, []string{"sovereignty"}},
		{false, "中方欣赏美方为此所作的努力。", "appraisal", "", []string{"CN"}, []string{"political"}},
		{false, "一九七二年二月二十八日的上海公报确认了这些原则。", "narrative", "", []string{}, []string{}},
		{true, "一九七九年一月一日生效的建交公報又重申了這些原則。", "narrative", "", []string{}, []string{}},
		// the parties themselves confirming stays their view
		{false, "双方确认了这些原则。", "position", "", both, []string{"political"}},
		{true, "台灣問題上出現的新形勢也為解決兩國在美國售台武器問題上的分歧提供了有利的條件。", "appraisal", "", both, []string{"security", "sovereignty"}},
		{false, "双方将为两国企业合作创造有利条件。", "commitment", "firm", both, []string{"investment"}},
		{false, "美国向台湾出售武器的问题没有得到解决。", "", "", nil, []string{"security", "sovereignty"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			var s = extractOne(t, x, title+tc.text, tc.text).Sentences[0]
			if tc.hant {
				s = onlyHantExtraction(t, r, hantTitle+tc.text).Sentences[0]
			}
			if !slices.Equal(orEmpty(s.Areas), orEmpty(tc.areas)) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
			if tc.typ == "" {
				return // areas only
			}
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.typ != "narrative" && !slices.Equal(orEmpty(s.Actors), orEmpty(tc.actors)) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
		})
	}
}
