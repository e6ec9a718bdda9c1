package extract

import (
	"slices"
	"testing"
)

// TestPartiesFromTitle holds how a title names the parties: in full, or only
// by a run of short forms that opens with China's (中日, 中德), where a short
// form shared by several countries (阿) names none.
func TestPartiesFromTitle(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		title string
		want  []string
	}{
		{"中华人民共和国和德意志联邦共和国联合声明", []string{"CN", "DE"}},
		{"第五轮中德政府磋商联合声明", []string{"CN", "DE"}},
		{"中日联合声明", []string{"CN", "JP"}},
		{"第五輪中德政府磋商聯合聲明", []string{"CN", "DE"}},
		{"中阿联合声明", nil},
		{"联合声明", nil},
		{"中华人民共和国和塞尔维亚共和国关于深化中塞全面战略伙伴关系的联合声明", []string{"CN", "RS"}},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			got := x.Extract(tc.title + "\n双方同意加强合作。\n").Document.Parties
			if !slices.Equal(got, tc.want) {
				t.Errorf("parties %v, want %v", got, tc.want)
			}
		})
	}
}
