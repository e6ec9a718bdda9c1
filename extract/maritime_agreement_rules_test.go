package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestMaritimeAgreementRules reads provisions of our own in the treaty
// Chinese of Taipei's transport agreements (a maritime one with Guatemala
// taught them): an article's "shall" binds the parties whatever stands
// before it, what it lets someone do is a soft undertaking, its conditions
// and its own scope undertake nothing, and nothing in it is an appraisal.
func TestMaritimeAgreementRules(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國(臺灣)政府與貝里斯政府航空服務協定\n\n"
	both := []string{"BZ", "TW"}
	tests := []hantProvision{
		// a demonstrative or a thing before an instrument's 應: shall, not a forecast
		{"此等費用應於收到帳單後三十日內支付。", "commitment", "firm", both, ""},
		{"該航空器暨其機組員應比照締約他方之航空器，享受同等待遇。", "commitment", "firm", both, ""},
		// recognition and grants after 應 are obligations (shall-comply)
		{"締約一方應承認締約他方核發之適航證書。", "commitment", "firm", both, ""},
		{"相關機關應予必要之協助。", "commitment", "firm", both, ""},
		// a party's deeming in a relative clause is no view of the parties
		{"機組員因其他經主管機關認為正當之理由而須停留者，相關機關應予必要之允許。", "commitment", "firm", both, ""},
		// what the agreement permits or entitles: a soft undertaking
		{"持有效證件之機組員，在締約他方主管機關同意下，有權利進入締約他方之領域。", "commitment", "soft", both, ""},
		{"持有效證件之機組員，如其返國經主管機關保證，得獲發過境簽證。", "commitment", "soft", both, "people"},
		// a frame 在…下 opens no clause of its own
		{"在各自之法令規範下，鼓勵雙方之航空公司增加航班。", "commitment", "soft", both, ""},
		// an article's own scope, and a provision restated, are formulas
		{"本條第二項不應解釋為排除締約他方相關法令之適用。", "narrative", "", nil, ""},
		{"此措施只在機長交付機組員名單時始獲適用。", "narrative", "", nil, ""},
		// Taipei's 盼 is "hope", as 希望 is
		{"雙方盼進一步加強兩國間之航空運輸合作。", "commitment", "intent", both, ""},
		// currency exchange is finance; identity papers are people; a ship in distress is a disaster
		{"締約任一方應允許他方航空公司之收入享有兌換外幣自由匯兌之權利。", "commitment", "firm", both, "finance"},
		{"締約一方應承認締約他方核發之機組員身分證件。", "commitment", "firm", both, "people"},
		{"船舶如在締約他方領域內遇難，締約他方應提供協助。", "commitment", "firm", both, "disaster"},
	}
	checkHantProvisions(t, r, title, tests)
}

// TestStatementDemonstrativeShould: in a statement, a demonstrative before
// "should" says what ought to be, a position; before "will" it predicts.
func TestStatementDemonstrativeShould(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華人民共和國和塞爾維亞共和國聯合聲明\n\n"
	tests := []struct{ text, typ string }{
		{"這應成為兩國互利合作的典範。", "position"},
		{"這將造福兩國人民。", "appraisal"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ {
				t.Errorf("%s, want %s", s.Type, tc.typ)
			}
		})
	}
}

// TestTaipeiDoneAtWesternEra: Taipei's treaty ends on a "done at" line that
// may open with the Western era's name (西元…訂於…); an article whose only
// paragraph speaks of the equally valid texts stays an article, not the
// closing.
func TestTaipeiDoneAtWesternEra(t *testing.T) {
	r := newTestRegistry(t)
	const text = "中華民國(臺灣)政府與貝里斯政府海運協定\n\n" +
		"中華民國(臺灣)政府與貝里斯政府（以下簡稱「雙方」），爰經協議如下：\n\n" +
		"第一條 合作\n\n雙方應促進兩國間之海上運輸。\n\n" +
		"第二條 有效文本\n\n本協定英文及中文所有版本皆同等有效；若協定釋義有差異時，以英文版本為準。\n\n" +
		"為此，雙方各經其政府正式授權之代表，爰於本協定簽字，以昭信守。\n\n" +
		"西元2010年5月4日訂於貝爾墨邦，以中文及英文各繕打兩份。\n"
	x, err := r.ExtractAs(text, "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	d := x.Document
	if d.SignedDate == nil || *d.SignedDate != "2010-05-04" {
		t.Errorf("signed date %v, want 2010-05-04", d.SignedDate)
	}
	if d.SignedPlace == nil || *d.SignedPlace != "貝爾墨邦" {
		t.Errorf("signed place %v, want 貝爾墨邦", d.SignedPlace)
	}
	if !slices.Equal(d.AuthenticLanguages, []string{"en", "zh"}) {
		t.Errorf("authentic languages %v, want [en zh]", d.AuthenticLanguages)
	}
	var ids []string
	for _, s := range x.Sections {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, " ") != "preamble 1 2 closing" {
		t.Errorf("sections %v, want preamble 1 2 closing", ids)
	}
}

// hantProvision is a provision of a Traditional instrument read alone under
// its title: its type, strength, actors and an area it must hold (if any).
type hantProvision struct {
	text, typ, strength string
	actors              []string
	area                string
}

// checkHantProvisions reads each provision under title and checks it.
func checkHantProvisions(t *testing.T, r *Registry, title string, tests []hantProvision) {
	t.Helper()
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.typ != "narrative" && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if tc.area != "" && !slices.Contains(s.Areas, tc.area) {
				t.Errorf("areas %v, want %s among them", s.Areas, tc.area)
			}
		})
	}
}
