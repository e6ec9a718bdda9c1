package extract

import "testing"

// TestDateRoleMasks holds the role masks' shortcut (isDate) to the roles
// themselves, for every character of the Basic Multilingual Plane and some
// beyond, every role and none, on the Chinese table and on a small table
// whose characters share their low six bits (年 and a rune 64 apart).
func TestDateRoleMasks(t *testing.T) {
	x := newTestExtractor(t)
	small := &grammar{}
	for _, e := range []struct {
		r    rune
		role dateRoleCode
	}{{'年', dYear}, {'年' + 64, dBefore}, {'前', dBefore}, {'内', dWithin}, {0x20000, dAt}} {
		small.date.add(e.r, e.role)
	}
	tests := []struct {
		name string
		g    *grammar
	}{{"zh table", x.g}, {"small", small}, {"empty", &grammar{}}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for r := rune(0); r < 0x10000+256; r++ {
				for role := dateRoleCode(0); role <= dRoles; role++ {
					if got, want := tc.g.isDate(r, role), tc.g.date.role(r) == role; got != want {
						t.Fatalf("isDate(%q, %d) = %v, want %v", r, role, got, want)
					}
				}
			}
			for _, r := range []rune{0x20000, 0x20000 + 64, 0x10FFFF, -1} {
				for role := dateRoleCode(0); role <= dRoles; role++ {
					if got, want := tc.g.isDate(r, role), tc.g.date.role(r) == role; got != want {
						t.Fatalf("isDate(%q, %d) = %v, want %v", r, role, got, want)
					}
				}
			}
		})
	}
}
