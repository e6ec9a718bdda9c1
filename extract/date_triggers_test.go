package extract

import "testing"

// TestDateTriggers holds dateTriggers to a scan asking isDate of every
// character: the deadline rules are skipped on its word, so a role it
// missed would lose a deadline.
func TestDateTriggers(t *testing.T) {
	g := newTestExtractor(t).g
	for _, s := range []string{
		"双方将于2026年6月前完成谈判",
		"未来三年内",
		"2025年底之前",
		"双方同意加强合作",
		"前",
		"年",
		"",
		"于2030年内建成",
		"目前两国关系良好",
	} {
		rs := []rune(s)
		var wantBefore, wantYear bool
		for _, r := range rs {
			wantBefore = wantBefore || g.isDate(r, dBefore)
			wantYear = wantYear || g.isDate(r, dYear)
		}
		before, year := g.dateTriggers(rs)
		if before != wantBefore || year != wantYear {
			t.Errorf("%q: dateTriggers = %v, %v; isDate says %v, %v", s, before, year, wantBefore, wantYear)
		}
	}
	if b, y := g.dateTriggers([]rune("2026年6月前")); !b || !y {
		t.Errorf("2026年6月前: dateTriggers = %v, %v, want both (the table's 前 and 年)", b, y)
	}
}
