package tracking

import (
	"testing"
	"time"

	"github.com/entente/entente"
)

// FuzzDue: any deadline, sentence and date of signing give no due date,
// an open one, or a date YYYY-MM-DD that exists; never a panic. The index
// of the commitments reads due dates as YYYYMMDD and the Go path compares
// them as text, which agree only on dates of that form (a year of five
// digits read as none by the one, before every date by the other).
func FuzzDue(f *testing.F) {
	rules, err := LoadDueRules()
	if err != nil {
		f.Fatal(err)
	}
	for _, c := range [][3]string{
		{"未来五十年内", "双方将在未来五十年内保持合作。", "9990-01-01"},
		{"3年内", "该项目将在3年内完工。", "2023-03-08"},
		{"明年", "双方同意明年举办文化年活动。", "9999-06-01"},
		{"2024年6月15日前", "双方将于2024年6月15日前交换批准书。", ""},
		{"二〇二六年底前", "工程将于二〇二六年底前竣工。", "0001-01-01"},
		{"年内", "年内", "2024-02-29"},
	} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, deadline, text, signed string) {
		if len(deadline) > 200 || len(text) > 4000 {
			return // what a correction and a sentence hold at most, about
		}
		d := rules.Due(deadline, text, signed)
		if d == nil {
			return
		}
		if d.Date == "" {
			if d.Precision != entente.PrecisionOpen {
				t.Errorf("Due(%q, %q, %q) = %+v: no date but a precision", deadline, text, signed, d)
			}
			return
		}
		if at, err := time.Parse(time.DateOnly, d.Date); err != nil || at.Format(time.DateOnly) != d.Date {
			t.Errorf("Due(%q, %q, %q) = %q: not a date YYYY-MM-DD", deadline, text, signed, d.Date)
		}
	})
}
