package tracking

import (
	"testing"
	"time"

	"github.com/entente/entente"
)

// FuzzDue: any deadline, sentence and date of signing give no due date,
// an open one, or a date YYYY-MM-DD that exists, the same as the rules
// give run without their filter (due_filter.go); never a panic. The index
// of the commitments reads due dates as YYYYMMDD and the Go path compares
// them as text, which agree only on dates of that form (a year of five
// digits read as none by the one, before every date by the other).
func FuzzDue(f *testing.F) {
	rules, err := LoadDueRules()
	if err != nil {
		f.Fatal(err)
	}
	unfiltered := withoutFilter(rules)
	for _, c := range [][3]string{
		{"未来五十年内", "双方将在未来五十年内保持合作。", "9990-01-01"},
		{"3年内", "该项目将在3年内完工。", "2023-03-08"},
		{"明年", "双方同意明年举办文化年活动。", "9999-06-01"},
		{"2024年6月15日前", "双方将于2024年6月15日前交换批准书。", ""},
		{"二〇二六年底前", "工程将于二〇二六年底前竣工。", "0001-01-01"},
		{"年内", "年内", "2024-02-29"},
		// runs a filter reads with and without a space after a full stop
		{"30.i 31. maja 2025", "Sastanak će biti održan 30.i 31. maja 2025.", "2025-01-10"},
		{"31.decembra 2025.godine", "Strane će do 31.decembra 2025.godine potpisati sporazum.", "2025-01-10"},
		{"by the end of september 2026", "The sides will, by the end of September 2026, review the plan.", "2025-01-10"},
	} {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, deadline, text, signed string) {
		if len(deadline) > 200 || len(text) > 4000 {
			return // what a correction and a sentence hold at most, about
		}
		d := rules.Due(deadline, text, signed)
		if want := unfiltered.Due(deadline, text, signed); (d == nil) != (want == nil) || (d != nil && *d != *want) {
			t.Errorf("Due(%q, %q, %q) = %+v, without the filter %+v", deadline, text, signed, d, want)
		}
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
