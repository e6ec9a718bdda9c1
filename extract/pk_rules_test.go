package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestRepublishedStatementNames: the names a PRC statement republished in
// Traditional script gives its projects. A unit numbered after a plant
// (…核電站3號機組) and a serial in Chinese numerals after a satellite
// (…衛星二號) belong to the name; a verb of solving before a port (儘快解決
// …港) ends it; a framework quoted before a generic head (共建「一帶一路」
// 示範項目) says under what a project is done and names none; a project
// named inside a standing body's name (中巴經濟走廊聯合合作委員會) is the
// body's, no project of the sentence; a special economic zone (特別經濟區)
// is a facility named by its place.
func TestRepublishedStatementNames(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華人民共和國和巴基斯坦伊斯蘭共和國聯合聲明\n\n"
	tests := []struct {
		rule, text string
		projs      []string
	}{
		{"a plant's numbered unit", "雙方同意穩步推進卡拉奇核電站3號機組建設。", []string{"卡拉奇核電站3號機組"}},
		{"a satellite's serial in Chinese numerals", "雙方將共同研製巴基斯坦通信衛星二號。", []string{"巴基斯坦通信衛星二號"}},
		{"a port after a verb of solving", "雙方將儘快解決卡拉奇港用水用電問題。", []string{"卡拉奇港"}},
		{"a framework quoted before a generic head", "雙方一致認為，中巴經濟走廊是共建「一帶一路」示範項目。", []string{"中巴經濟走廊"}},
		{"a hospital's front line is no serial", "中方讚賞卡拉奇醫院一線醫護人員的貢獻。", []string{"卡拉奇醫院"}},
		{"a project inside a body's name is the body's", "雙方將充分發揮中巴經濟走廊聯合合作委員會統籌協調作用。", nil},
		{"a special economic zone named by its place", "中方支持中國企業參與拉沙卡伊特別經濟區建設。", []string{"拉沙卡伊特別經濟區"}},
		{"an economic zone named by its place", "雙方同意推進蘇伊士運河經濟區建設。", []string{"蘇伊士運河經濟區"}},
		{"regional economic cooperation names no zone", "雙方同意加強區域經濟合作。", nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tt.text).Sentences[0]
			if !slices.Equal(s.Projects, orEmpty(tt.projs)) {
				t.Errorf("projects %q, want %q", s.Projects, tt.projs)
			}
		})
	}
}

// TestSupportOfOwnSide: 支持 + the supporter's own side's enterprises or
// institutions (中方支持中國企業…) is the party's own undertaking, a soft
// commitment, as support of the parties' joint cooperation is; support of
// the other side's (中方支持巴方企業…) stays a position.
func TestSupportOfOwnSide(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華人民共和國和巴基斯坦伊斯蘭共和國聯合聲明\n\n"
	tests := []struct{ text, typ, strength, actors string }{
		{"中方支持中國企業按照市場化原則赴巴投資興業。", "commitment", "soft", "CN"},
		{"巴方支持巴基斯坦企業參與兩國經貿合作區建設。", "commitment", "soft", "PK"},
		{"中方支持巴方企業擴大對華出口。", "position", "", "CN"},
		{"中方支持巴方維護國家主權和領土完整。", "position", "", "CN"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tt.text).Sentences[0]
			if string(s.Type) != tt.typ || string(s.Strength) != tt.strength || strings.Join(s.Actors, ",") != tt.actors {
				t.Errorf("%s/%s %v, want %s/%s %s", s.Type, s.Strength, s.Actors, tt.typ, tt.strength, tt.actors)
			}
		})
	}
}

// TestRelationshipAndResolutionAreas: the place of the relationship in a
// party's diplomacy (置於外交優先方向) frames the relationship, political
// beside the sovereignty of what is supported; the Security Council's
// resolutions cited on a dispute or a conflict (根據安理會有關決議解決,
// 執行安理會第2231號決議) place the sentence in that conflict, not in the
// UN's governance; the Council's reform stays international order.
func TestRelationshipAndResolutionAreas(t *testing.T) {
	x := newTestExtractor(t)
	tests := []areaCase{
		{"CN,PK", "中方重申将中巴关系置于中国外交的优先方向。", "political"},
		{"CN,PK", "中方重申始终把中巴关系置于外交优先方向，坚定支持巴方维护国家主权和领土完整。", "political,sovereignty"},
		{"CN,PK", "中方重申，克什米尔问题应根据联合国安理会有关决议妥善解决。", "hotspots"},
		{"CN,IR", "双方重申，联合国安理会第2231号决议应得到全面有效执行。", "hotspots"},
		{"CN,EG", "双方呼吁有关各方切实执行安理会相关决议，推动巴勒斯坦问题早日解决。", "hotspots"},
		{"CN,BR", "双方支持对安理会进行必要、合理的改革。", "international_order"},
	}
	checkAreas(t, x, tests)
}
