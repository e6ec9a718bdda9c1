package extract

import (
	"slices"
	"testing"
)

// TestCEPAArrangementParties reads an arrangement of the central
// government's ministries with a SAR in the style of CEPA and its
// supplements (the genre of cn-mo-services-trade-amendment-hant), texts of
// our own: the Mainland (內地) is the central government's side where CN is
// a party, a SAR's officer signs under its shorter name (澳門特別行政區…司長),
// 以中文書就 names the one authentic language, and the day an article says
// the text applies from (自…起實施) is no date of signing.
func TestCEPAArrangementParties(t *testing.T) {
	r := newTestRegistry(t)
	const sign = "\n\n中華人民共和國商務部副部長　　　　澳門特別行政區經濟財政司司長\n凌激　　　　　　　　　　　　　　　戴建業\n"
	t.Run("the Mainland is CN's side", func(t *testing.T) {
		x, err := r.ExtractAs("內地與澳門關於加強旅遊合作的安排\n\n第一條　合作\n\n內地將支持澳門旅遊業界開拓內地市場。"+sign, "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		checkHantLabels(t, x.Sentences[0], "commitment", "firm", []string{"CN"}, []string{"people"})
		if got := x.Document.Signatories; len(got) != 2 || got[1].Party != "MO" {
			t.Errorf("signatories %+v, want the second MO's", got)
		}
	})
	t.Run("the Mainland in a text without CN is a place", func(t *testing.T) {
		s := onlyHantExtraction(t, r, "香港特別行政區政府與印度尼西亞共和國政府關於旅遊合作的諒解備忘錄\n\n第一條　合作\n\n"+
			"雙方將推廣經香港前往內地的旅遊路線。").Sentences[0]
		checkHantLabels(t, s, "commitment", "firm", []string{"HK", "ID"}, nil)
	})
	t.Run("written in Chinese, applies from a later day", func(t *testing.T) {
		x, err := r.ExtractAs("內地與澳門關於加強旅遊合作的安排\n\n第一條　合作\n\n雙方將加強旅遊合作。\n\n第二條　生效\n\n"+
			"本協議自雙方代表正式簽署之日起生效，自二〇二七年六月一日起實施。\n\n"+
			"本協議以中文書就，一式兩份，於二〇二六年十二月四日在澳門簽署。"+sign, "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		d := x.Document
		if d.SignedDate == nil || *d.SignedDate != "2026-12-04" || d.SignedPlace == nil || *d.SignedPlace != "澳門" {
			t.Errorf("signed %v at %v, want 2026-12-04 at 澳門", d.SignedDate, d.SignedPlace)
		}
		if !slices.Equal(d.AuthenticLanguages, []string{"zh"}) {
			t.Errorf("authentic %v, want [zh]", d.AuthenticLanguages)
		}
		if n := len(x.Sentences); n != 3 || x.Sentences[1].Section != "2" {
			t.Errorf("%d sentences, the article's in %q, want 3 and 2", n, x.Sentences[1].Section)
		}
	})
}

// TestCitedShortName: an instrument given a short name where it is first
// cited (《…安排》（以下簡稱《安排》）) is cited again by it: a later 《安排》
// is that instrument, and the short name is no instrument of its own, in
// both scripts.
func TestCitedShortName(t *testing.T) {
	r := newTestRegistry(t)
	for _, tc := range []struct{ lang, doc, full string }{
		{"zh-Hant", "內地與澳門關於加強旅遊合作的安排\n\n為深化兩地合作，根據二〇〇三年簽署的《內地與澳門關於建立更緊密經貿關係的安排》（以下簡稱《安排》），雙方決定簽署本協議。\n\n第一條　合作\n\n雙方將在《安排》框架下加強旅遊合作。",
			"內地與澳門關於建立更緊密經貿關係的安排"},
		{"zh", "中华人民共和国政府和某国政府经济合作协定\n\n根据2015年签署的《中华人民共和国政府和某国政府贸易协定》（以下简称《贸易协定》），经友好协商，达成协议如下：\n\n第一条　合作\n\n双方将落实《贸易协定》。",
			"中华人民共和国政府和某国政府贸易协定"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			x, err := r.ExtractAs(tc.doc, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			if len(x.References) != 1 || x.References[0].Title != tc.full || len(x.References[0].Sentences) != 2 {
				t.Errorf("references %+v, want %s cited twice", x.References, tc.full)
			}
			if last := x.Sentences[len(x.Sentences)-1]; !slices.Equal(last.References, []string{tc.full}) {
				t.Errorf("the later citation %v, want %s", last.References, tc.full)
			}
		})
	}
}
