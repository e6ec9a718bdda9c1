package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestFinancialMemorandumProvisions reads provisions of a memorandum on
// finance in Traditional script (a SAR's memorandum with a state, the genre
// of hk-ae-financial-memorandum), sentences of our own: an instrument's
// "shall" with what the parties' conduct keeps to, who leads a standing
// body, an action reported as already done, the day an amendment takes
// effect, and the words of finance.
func TestFinancialMemorandumProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "香港特別行政區政府與阿拉伯聯合酋長國政府關於金融合作的諒解備忘錄\n\n第一條　合作\n\n"
	both := []string{"AE", "HK"}
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
	}{
		{"shall comply, the cooperation as subject", "雙方在本備忘錄下的合作，應符合各自的法律、法規及國際義務。",
			"commitment", "firm", both, []string{"finance"}},
		{"shall comply, the parties as subject", "雙方應遵守各自的法律及法規。",
			"commitment", "firm", both, []string{"finance"}},
		{"who leads a standing body", "聯合工作小組由香港財經事務及庫務局與阿聯酋財政部共同牽頭，成員包括雙方金融監管機構的代表。",
			"commitment", "soft", both, []string{"finance"}},
		{"who chairs a standing body", "聯合工作小組由雙方代表輪流主持。",
			"commitment", "soft", both, []string{"finance"}},
		{"already done, with a partner between", "此前，香港證券及期貨事務監察委員會已與阿聯酋證券及商品管理局建立監管合作安排。",
			"narrative", "", nil, []string{}},
		{"already signed", "雙方已簽署合作協議。", "narrative", "", nil, []string{}},
		{"already agreed is still agreed", "雙方已同意加強監管合作。", "commitment", "firm", both, []string{"finance"}},
		{"an amendment's day of effect", "修訂內容自雙方書面確認之日起生效。", "narrative", "", nil, []string{}},
		{"a time limit counted from a day keeps its shall", "雙方應自收到通知之日起三十日內作出答覆。",
			"commitment", "firm", both, []string{"finance"}},
		{"wealth management, and the office that helps", "香港特區政府將透過香港駐杜拜經濟貿易辦事處，協助阿聯酋企業在香港開展財富管理業務。",
			"commitment", "firm", []string{"HK"}, []string{"finance"}},
		{"a sovereign fund is finance", "阿聯酋政府將鼓勵其主權基金更多利用香港的資本市場。",
			"commitment", "firm", []string{"AE"}, []string{"finance"}},
		{"green bonds are finance and green", "阿聯酋政府將鼓勵其企業在香港發行綠色債券。",
			"commitment", "firm", []string{"AE"}, []string{"finance", "green"}},
		{"panda bonds are finance", "香港特區政府歡迎阿聯酋政府在內地發行熊貓債。",
			"appraisal", "", []string{"HK"}, []string{"finance"}},
		{"an agency whose name holds a verb, with will", "香港金融管理局將協助阿聯酋金融機構參與監管沙盒。",
			"commitment", "firm", []string{"HK"}, []string{"finance"}},
		{"an agency whose name holds a verb, with Hong Kong's will", "香港貿易發展局會在阿布扎比舉辦商貿推廣活動。",
			"commitment", "firm", []string{"HK"}, []string{"trade"}},
		{"a verb before a part of something is still a verb", "阿聯酋將推動部分金融機構在香港設立分行。",
			"commitment", "firm", []string{"AE"}, []string{"finance"}},
		{"payment systems linked", "雙方將研究兩地快速支付系統互聯的可行性。",
			"commitment", "firm", both, []string{"finance"}},
		{"the tribunal a dispute is kept from", "雙方因解釋或執行本備忘錄而產生的任何分歧，應通過友好協商解決，而不提交任何第三方或國際法庭。",
			"commitment", "firm", both, []string{"political"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.typ != "narrative" && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
			if len(s.Mechanisms) > 0 {
				t.Errorf("mechanisms %v: a market's regulator is one side's organ", s.Mechanisms)
			}
		})
	}
}

// TestRecitalsAfterSemicolon: a semicolon ends a recital of a preamble, and
// the next recital's left-out subject is the parties', not what the last one
// named (…為兩地的資金往來奠定良好基礎；致力…); a goal modal before a phrase
// that fills its clause (致力在平等互利的基礎上，深化…) undertakes the action
// of the next clause.
func TestRecitalsAfterSemicolon(t *testing.T) {
	r := newTestRegistry(t)
	const head = "香港特別行政區政府與阿拉伯聯合酋長國政府關於金融合作的諒解備忘錄\n\n香港特別行政區政府與阿拉伯聯合酋長國政府（以下統稱「雙方」），\n\n"
	const tail = "\n\n達成以下諒解：\n\n第一條　合作\n\n雙方將加強合作。\n"
	for _, recitals := range []string{
		"鑑於雙方簽署投資協定，為兩地的資金往來奠定良好基礎；\n\n致力深化雙方在金融領域的合作，",
		"鑑於兩地資金往來日益密切；\n\n致力在平等互利的基礎上，並在各自法律框架下，深化雙方在金融領域的合作，",
	} {
		x, err := r.ExtractAs(head+recitals+tail, "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		s := x.Sentences[0]
		if s.Type != entente.Commitment || s.Strength != entente.Intent || !slices.Equal(s.Actors, []string{"AE", "HK"}) {
			t.Errorf("%s: %s/%s %v, want an intent of AE and HK", recitals, s.Type, s.Strength, s.Actors)
		}
	}
}

// TestRespectiveYears: titles cited in a row after their years and a word
// for "respectively" (分别于2014年及2019年签署《A》及《B》) each take their
// own year, in order; without that word they share the last, as before.
func TestRespectiveYears(t *testing.T) {
	r := newTestRegistry(t)
	tests := []struct {
		text  string
		years []int
	}{
		{"雙方已分別於二〇一四年及二〇一九年簽署《全面性避免雙重課稅協定》及《促進和保護投資協定》。", []int{2014, 2019}},
		{"双方分别于2014年、2017年和2019年签署了《经济合作协定》、《投资协定》和《科技合作协定》。", []int{2014, 2017, 2019}},
		{"双方于2019年签署了《经济合作协定》和《投资协定》。", []int{2019, 2019}},
	}
	for _, tc := range tests {
		x := r.Extract("中华人民共和国和阿拉伯联合酋长国联合声明\n\n" + tc.text + "\n")
		var years []int
		for _, ref := range x.References {
			y := 0
			if ref.Year != nil {
				y = *ref.Year
			}
			years = append(years, y)
		}
		if !slices.Equal(years, tc.years) {
			t.Errorf("%s: years %v, want %v", tc.text, years, tc.years)
		}
	}
}

// TestInstrumentKindsCiteNoTitle: a kind of financial instrument named
// without a proper name before it (续签双边本币互换协议, 签署货币互换协议,
// 商签避免双重征税协定) cites no title, as 商签自由贸易协定 cites none; with
// the parties' names before it, it is cited.
func TestInstrumentKindsCiteNoTitle(t *testing.T) {
	r := newTestRegistry(t)
	tests := []struct {
		text string
		refs []string
	}{
		{"双方同意续签双边本币互换协议。", nil},
		{"雙方將探討於二〇二七年內簽訂貨幣互換協議的可能性。", nil},
		{"双方同意尽快商签避免双重征税协定。", nil},
		{"双方欢迎签署中埃避免双重征税协定。", []string{"中埃避免双重征税协定"}},
		{"双方同意续签中埃双边本币互换协议。", []string{"中埃双边本币互换协议"}},
	}
	for _, tc := range tests {
		x := r.Extract("中华人民共和国和阿拉伯埃及共和国联合声明\n\n" + tc.text + "\n")
		var refs []string
		for _, ref := range x.References {
			refs = append(refs, ref.Title)
		}
		if !slices.Equal(refs, tc.refs) {
			t.Errorf("%s: cites %v, want %v", tc.text, refs, tc.refs)
		}
	}
}

// TestLongAgencyNameHoldingVerb: a state's agency whose long name holds an
// action word (泰國國家科學技術發展署) is its party, and Hong Kong's "will"
// (會就…) after it undertakes, as after 香港金融管理局.
func TestLongAgencyNameHoldingVerb(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("香港特別行政區政府與泰王國政府關於加強經濟關係的諒解備忘錄\n\n第一條　合作\n\n泰國國家科學技術發展署會就此進行磋商。\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	if s := x.Sentences[0]; s.Type != entente.Commitment || s.Strength != entente.Firm || !slices.Equal(s.Actors, []string{"TH"}) {
		t.Errorf("%s/%s %v, want a firm commitment of TH", s.Type, s.Strength, s.Actors)
	}
}

// TestDeterminedTo: 决心 ("determined to") before the parties' action, in a
// preamble or a body, undertakes it firmly, as English "are determined to"
// and Serbian "rešene su" do.
func TestDeterminedTo(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("香港特別行政區政府與卡塔爾國政府關於金融科技合作的諒解備忘錄\n\n香港特別行政區政府與卡塔爾國政府（以下統稱「雙方」），\n\n"+
		"認同金融科技對提升金融服務效率的重要作用；\n\n決心在互惠互利的基礎上加強雙方的合作，\n\n達成以下諒解：\n\n第一條　合作\n\n雙方決心共同打擊跨境金融犯罪。\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range x.Sentences {
		if s.Type != entente.Commitment || s.Strength != entente.Firm || !slices.Equal(s.Actors, []string{"HK", "QA"}) {
			t.Errorf("%s: %s/%s %v, want a firm commitment of HK and QA", s.Text, s.Type, s.Strength, s.Actors)
		}
	}
}
