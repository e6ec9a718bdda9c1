package tracking

import "testing"

// BenchmarkDue reads deadlines as the tracker does for each commitment
// with one, in each language the rules read: the time a store's due dates
// take to compute again when the rules change (a third of the
// commitments have a deadline).
func BenchmarkDue(b *testing.B) {
	rules, err := LoadDueRules()
	if err != nil {
		b.Fatal(err)
	}
	cases := []struct{ name, deadline, text string }{
		{"zh", "2025年底前", "双方将于2025年底前建成物流中心，并推动双边贸易额持续增长。"},
		{"zh-span", "年内", "双方将在未来五年内把双边贸易额提高一倍。"},
		{"zh-Hant", "年內", "雙方將在年內簽署海關合作文件。"},
		{"en", "by the end of 2025", "The two sides will conclude negotiations on the free trade agreement by the end of 2025."},
		{"sr-Latn", "u roku od dve godine", "Strane će otvoriti konzulate u Šangaju i Nišu u roku od dve godine."},
		{"sr-Cyrl", "до краја 2025. године", "Стране ће завршити изградњу деонице пруге до краја 2025. године."},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if rules.Due(c.deadline, c.text, "2023-03-08") == nil {
					b.Fatal("no due date")
				}
			}
		})
	}
}
