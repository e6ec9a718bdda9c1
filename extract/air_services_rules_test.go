package extract

import (
	"testing"
)

// TestAirServicesAgreementRules reads provisions of our own in the treaty
// Chinese of Taipei's air services agreements (one with Guatemala taught
// them): "each party" (各方) opening a provision is each of the two parties,
// a definition of a term says what it means, a provision's deeming is its
// own scope, conformity to a rule is no view, a 為…時 or 當…時 clause is the
// case a provision is for, and 將 after "shall" puts the parties' own object
// first.
func TestAirServicesAgreementRules(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國(臺灣)政府與巴拉圭共和國政府間空運協定\n\n"
	both := []string{"PY", "TW"}
	tests := []hantProvision{
		// 各方 opening a provision of an instrument of two: each party
		{"各方應確保其機場當局向另一方之航空公司提供必要之地勤服務。", "commitment", "firm", both, ""},
		{"各方同意：", "commitment", "firm", both, ""},
		{"各方得在另一方領域內設立其航空公司之營業所。", "commitment", "soft", both, ""},
		// 任一方: any one party, as 任何一方 is
		{"任一方應以書面通知另一方其指定之航空公司。", "commitment", "firm", both, ""},
		// a definition of a quoted term: what it means, a narrative
		{"「機場」：指供航空器起降並經主管機關核准開放之區域，包括已取得認證之設施；", "narrative", "", nil, ""},
		{"「航空器」、「機組員」及「旅客」：各指公約所賦予之意義。", "narrative", "", nil, ""},
		// deeming: the provision's own scope
		{"任一方均不得被視為違反本協定，除非其未於合理期間內採取補正措施。", "narrative", "", nil, ""},
		// conformity to a rule or standard, as an object checked: no view
		{"本檢查係為查核航空器之文件是否符合相關標準。", "narrative", "", nil, ""},
		// "when" a provision applies: the case it is for, no forecast
		{"當發生危及飛航安全之緊急情況時，雙方應立即相互通報。", "commitment", "firm", both, "security"},
		{"為確保旅客安全而有必要時，各方應立即通知另一方。", "commitment", "firm", both, "security"},
		// 應將: the parties do something to their object, their own act; 各方面 names no one
		{"如一方認定另一方未能在各方面維持安全標準時，應將其認定通知另一方。", "commitment", "firm", both, "security"},
		// civil aviation's security, airports and competition
		{"雙方應相互協助，以防止劫持民用航空器之行為。", "commitment", "firm", both, "security"},
		{"使用費不得超過提供航空站設施之成本。", "commitment", "firm", both, "infrastructure"},
		{"雙方應確保各指定航空公司有公平均等之競爭機會。", "commitment", "firm", both, "trade"},
		// consultations on the instrument's own interpretation: the relationship itself
		{"雙方應就本協定之解釋進行諮商。", "commitment", "firm", both, "political"},
	}
	checkHantProvisions(t, r, title, tests)
}

// TestEachPartyOnlyInAnInstrument: in a joint statement of two, 各方 is
// still others (呼籲各方保持克制), a call on them and no undertaking.
func TestEachPartyOnlyInAnInstrument(t *testing.T) {
	r := newTestRegistry(t)
	s := onlyHantExtraction(t, r, "中華人民共和國和老撾人民民主共和國聯合聲明\n\n各方應保持克制，通過對話解決分歧。").Sentences[0]
	if s.Type != "position" {
		t.Errorf("%s, want position", s.Type)
	}
}

// TestSignedConventionFromInternational reads a convention cited without
// 《》 after the year and the verb of its signing, whose own name opens with
// 國際 (國際民用航空公約), as a title; 簽署之國際公約 stays generic.
func TestSignedConventionFromInternational(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國(臺灣)政府與巴拉圭共和國政府間空運協定\n\n"
	tests := []struct {
		text, want string
		year       int
	}{
		{"雙方應遵守1944年12月7日於芝加哥開放簽署之國際民用航空公約。", "國際民用航空公約", 1944},
		{"雙方應遵守1973年在倫敦簽訂之國際防止船舶污染公約。", "國際防止船舶污染公約", 1973},
		{"雙方應遵守2001年簽署之國際公約。", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x := onlyHantExtraction(t, r, title+tc.text)
			if tc.want == "" {
				if len(x.References) != 0 {
					t.Errorf("references %+v, want none", x.References)
				}
				return
			}
			if len(x.References) != 1 || x.References[0].Title != tc.want || x.References[0].Year == nil || *x.References[0].Year != tc.year {
				t.Errorf("references %+v, want %s (%d)", x.References, tc.want, tc.year)
			}
		})
	}
}

// TestProvisionCaseIsNoForecast: a provision's 為…時 or 當…時 clause is the
// case it is for; its "ensure" (確保) forecasts nothing, so a sentence with
// no undertaking besides is no appraisal.
func TestProvisionCaseIsNoForecast(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國(臺灣)政府與巴拉圭共和國政府間空運協定\n\n"
	for _, text := range []string{
		"為確保飛航安全而有必要採取緊急行動時，各方保留暫停營運許可之權利。",
		"當確保旅客安全之措施不復存在時，前述限制即予解除。",
	} {
		t.Run(text, func(t *testing.T) {
			if s := onlyHantExtraction(t, r, title+text).Sentences[0]; s.Type == "appraisal" {
				t.Errorf("appraisal, want none")
			}
		})
	}
}
