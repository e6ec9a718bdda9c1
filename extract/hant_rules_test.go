package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestHantRules reads sentences of our own in Traditional Chinese (Taiwan
// and Hong Kong forms: 將, 願, 歡迎, 鐵路, 與) under a title that names the
// parties: the Chinese rules' labels, the text kept as written.
func TestHantRules(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華人民共和國和塞爾維亞共和國聯合聲明\n\n"
	both := []string{"CN", "RS"}
	tests := []struct {
		text, typ, strength string
		actors, areas       []string
	}{
		{"雙方將加快推進鐵路現代化改造。", "commitment", "firm", both, []string{"infrastructure"}},
		{"雙方願擴大農產品貿易。", "commitment", "intent", both, []string{"trade"}},
		{"雙方同意加強執法與安全合作。", "commitment", "firm", both, []string{"security"}},
		{"雙方鼓勵兩國青年和學生交流。", "commitment", "soft", both, []string{"people"}},
		{"塞方將為中國公民辦理簽證提供便利。", "commitment", "firm", []string{"RS"}, []string{"people"}},
		{"雙方歡迎太陽能電站順利竣工。", "appraisal", "", both, []string{"energy"}},
		{"雙方重申堅定支持彼此主權和領土完整。", "position", "", both, []string{"sovereignty"}},
		{"雙方反對單邊主義和保護主義。", "position", "", both, []string{"international_order"}},
		{"兩國元首在貝爾格萊德舉行會談。", "narrative", "", []string{}, []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if s.Text != tc.text {
				t.Errorf("text %q, not as written", s.Text)
			}
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.typ != "narrative" && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}

// TestHantCornerQuotes: 「」 and 『』 are read as “” are (initiatives,
// quoted programmes, mechanisms and titles named in them); a title in them
// is cited unbracketed, as only 《》 bracket one.
func TestHantCornerQuotes(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華人民共和國和巴西聯邦共和國聯合聲明\n\n"
	tests := []struct {
		text         string
		mechs, projs []string
		refs         []string // titles cited, "+" before a bracketed one
	}{
		{"中方將繼續實施「絲路獎學金」項目。", nil, []string{"「絲路獎學金」項目"}, nil},
		{"雙方將共同推進『中巴地球資源衛星』計劃。", nil, []string{"『中巴地球資源衛星』計劃"}, nil},
		{"雙方將推進「兩國雙園」建設。", nil, []string{"「兩國雙園」"}, nil},
		{"雙方同意推動「一帶一路」倡議同巴西發展戰略對接。", nil, nil, []string{"「一帶一路」倡議"}},
		{"雙方將共同推動「一帶一路」自然災害防治和應急管理國際合作機制建設。", []string{"「一帶一路」自然災害防治和應急管理國際合作機制"}, nil, nil},
		{"雙方將依據2019年「中巴教育合作諒解備忘錄」推動交流。", nil, nil, []string{"中巴教育合作諒解備忘錄"}},
		{"雙方將落實「中巴投資保護協定」。", nil, nil, []string{"中巴投資保護協定"}},
		{"雙方將落實《中巴投資保護協定》。", nil, nil, []string{"+中巴投資保護協定"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x := onlyHantExtraction(t, r, title+tc.text)
			s := x.Sentences[0]
			if !slices.Equal(s.Mechanisms, orEmpty(tc.mechs)) {
				t.Errorf("mechanisms %q, want %q", s.Mechanisms, tc.mechs)
			}
			if !slices.Equal(s.Projects, orEmpty(tc.projs)) {
				t.Errorf("projects %q, want %q", s.Projects, tc.projs)
			}
			var refs []string
			for _, rf := range x.References {
				if rf.Bracketed {
					refs = append(refs, "+"+rf.Title)
				} else {
					refs = append(refs, rf.Title)
				}
			}
			if !slices.Equal(refs, tc.refs) {
				t.Errorf("references %q, want %q", refs, tc.refs)
			}
		})
	}
}

// TestHantTaiwanForms reads what statements from Taiwan write their own
// way: titles in corner brackets (「…協定」, cited unbracketed), the Minguo calendar, and the
// Republic of China as a party; and a deadline's year is never taken for
// a cited instrument's year of signing, in either script.
func TestHantTaiwanForms(t *testing.T) {
	r := newTestRegistry(t)
	text := "中華民國與巴拉圭共和國聯合公報\n\n" +
		"一、雙方將於2026年底前完成「中華民國政府與巴拉圭共和國政府投資保障協定」之修訂。\n\n" +
		"二、雙方歡迎2019年簽署的「臺巴農業合作協定」順利實施。\n\n" +
		"中華民國一百一十四年三月五日於臺北\n"
	x, err := r.ExtractAs(text, "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	d := x.Document
	if !slices.Equal(d.Parties, []string{"PY", "TW"}) {
		t.Errorf("parties %v, want [PY TW]", d.Parties)
	}
	if d.SignedDate == nil || *d.SignedDate != "2025-03-05" {
		t.Errorf("signed %v, want 2025-03-05 (Minguo 114)", d.SignedDate)
	}
	type ref struct {
		title string
		year  int
	}
	var got []ref
	for _, rf := range x.References {
		y := 0
		if rf.Year != nil {
			y = *rf.Year
		}
		if rf.Bracketed {
			t.Errorf("%s: bracketed, but only 《》 bracket a title", rf.Title)
		}
		got = append(got, ref{rf.Title, y})
	}
	want := []ref{{"中華民國政府與巴拉圭共和國政府投資保障協定", 0}, {"臺巴農業合作協定", 2019}}
	if !slices.Equal(got, want) {
		t.Errorf("references %v, want %v", got, want)
	}
	zh, err := r.ExtractAs("中华人民共和国和塞尔维亚共和国联合声明\n\n双方将于2026年底前完成《中塞投资保护协定》的修订。\n", "zh")
	if err != nil {
		t.Fatal(err)
	}
	if len(zh.References) != 1 || zh.References[0].Year != nil {
		t.Errorf("references %+v, want one without a year", zh.References)
	}
}

// onlyHantExtraction reads text as Traditional Chinese and returns its
// extraction, which holds one sentence.
func onlyHantExtraction(t *testing.T, r *Registry, text string) *entente.Extraction {
	t.Helper()
	x, err := r.ExtractAs(text, "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	if len(x.Sentences) != 1 {
		t.Fatalf("%d sentences", len(x.Sentences))
	}
	return x
}

// TestHantTaiwanWording reads the words statements from Taiwan use where
// Beijing's use others (醫事人員, 資通訊, 智慧財產權, 國際場域, 區域架構,
// 臺灣海峽), and 欣見, whose object runs on as 樂見's does: sentences of
// our own under a title that names Taiwan and an ally.
func TestHantTaiwanWording(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與帛琉共和國聯合公報\n\n"
	both := []string{"PW", "TW"}
	tests := []struct {
		text, typ, strength string
		actors, areas       []string
	}{
		{"雙方欣見臺灣技術團長期駐帛，協助提升帛國糧食自給能力。", "appraisal", "", both, []string{"development"}},
		{"雙方同意加強醫事人員交流。", "commitment", "firm", both, []string{"health", "people"}},
		{"雙方將擴大資通訊產業合作。", "commitment", "firm", both, []string{"digital", "investment"}},
		{"雙方應依各自法令保護智慧財產權。", "position", "", both, []string{"science"}},
		{"帛方將持續在國際場域為臺灣發聲。", "commitment", "firm", []string{"PW"}, []string{"international_order"}},
		{"雙方同意在相關區域架構下加強協調。", "commitment", "firm", both, []string{"international_order"}},
		{"雙方強調維護臺灣海峽和平穩定至關重要。", "position", "", both, []string{"hotspots"}},
		{"雙方反對以武力或脅迫片面改變現狀。", "position", "", both, []string{"hotspots"}},
		{"臺灣將協助帛方培訓在地農民。", "commitment", "firm", []string{"TW"}, []string{"development", "people"}},
		{"臺灣將協助帛方推動基礎建設及數位轉型。", "commitment", "firm", []string{"TW"}, []string{"digital", "infrastructure"}},
		{"雙方將擴大基建合作。", "commitment", "firm", both, []string{"infrastructure"}},
		// 咸認 (all hold), 期盼 (look forward to), 誓言 (vow): Taiwan's formal words
		{"雙方咸認，兩國邦誼堅若磐石。", "appraisal", "", both, []string{"political"}},
		{"雙方期盼進一步擴大雙邊貿易。", "commitment", "intent", both, []string{"trade"}},
		{"雙方誓言共同捍衛民主價值。", "commitment", "firm", both, []string{"political"}},
		// 駐 (stationed in) + a party: where a mission sits, not who acts; 技術團 is
		// Taipei's technical mission, development aid, not science
		{"駐帛琉臺灣技術團將繼續推動園藝作物生產。", "commitment", "firm", []string{"TW"}, []string{"development"}},
		{"帛琉駐臺大使館將簡化簽證申請程序。", "commitment", "firm", []string{"PW"}, []string{"people"}},
		{"臺灣技術團將協助帛方提升稻米產量。", "commitment", "firm", []string{"TW"}, []string{"development"}},
		// Taipei's aid in other words: e-government, cybersecurity, its coast guard,
		// chronic disease; 國防 read across 帛國|防治 is no defence
		{"臺灣將協助帛方建置電子公文交換系統。", "commitment", "firm", []string{"TW"}, []string{"digital"}},
		{"雙方將加強資安合作。", "commitment", "firm", both, []string{"digital", "security"}},
		{"帛方感謝臺灣協助帛國防治糖尿病。", "appraisal", "", []string{"PW"}, []string{"health"}},
		{"臺灣海巡署將與帛方執行聯合巡護。", "commitment", "firm", []string{"TW"}, []string{"security"}},
		{"雙方認為氣候變遷威脅兩國糧食安全及海域安全。", "position", "", both, []string{"development", "green", "security"}},
		{"帛方將於每年三月底前提交援助款項之執行報告。", "commitment", "firm", []string{"PW"}, []string{"finance"}},
		{"帛方將派遣海岸防衛隊人員赴臺受訓。", "commitment", "firm", []string{"PW"}, []string{"security"}},
		// Taiwan's words for data and the cloud (資料中心, 巨量資料, 雲端)
		{"臺灣將協助帛方建置國家資料中心。", "commitment", "firm", []string{"TW"}, []string{"digital"}},
		{"雙方將推動巨量資料及雲端服務之應用。", "commitment", "firm", both, []string{"digital"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}

// TestHongKongParty: the Hong Kong SAR government signs arrangements of
// its own under its full name; there it is a party (HK), its shorter
// names (香港特區政府) its subject. In a statement of two states 香港 is a
// topic, as before.
func TestHongKongParty(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("中華人民共和國香港特別行政區政府與阿拉伯聯合酋長國政府關於經貿合作的諒解備忘錄\n\n"+
		"第一條\n\n香港特區政府將推動兩地金融機構開展合作。\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(x.Document.Parties, []string{"AE", "HK"}) {
		t.Errorf("parties %v, want [AE HK]", x.Document.Parties)
	}
	if s := x.Sentences[0]; s.Type != entente.Commitment || !slices.Equal(s.Actors, []string{"HK"}) {
		t.Errorf("%s %v, want a commitment of HK", s.Type, s.Actors)
	}
	zh, err := r.ExtractAs("中华人民共和国和英国联合声明\n\n双方支持香港保持长期繁荣稳定。\n", "zh")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(zh.Document.Parties, []string{"CN", "GB"}) || !slices.Contains(zh.Sentences[0].Areas, "sovereignty") {
		t.Errorf("parties %v, areas %v: 香港 is a topic here", zh.Document.Parties, zh.Sentences[0].Areas)
	}
}

// TestTaiwanTreatyClosing: the closing of Taipei's agreements — the
// authentic-texts clause, the testimonium (為此，雙方代表…爰於本協定簽字，以昭
// 信守) and the date "done at" a place (…訂於瓜地馬拉市) — is the closing
// section, whose languages and place the document takes.
func TestTaiwanTreatyClosing(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("中華民國（臺灣）政府與瓜地馬拉共和國政府農業合作協定\n\n第一條\n\n締約雙方應加強農業合作。\n\n"+
		"本協定以中文、西班牙文及英文各繕兩份，三種約本同一作準。\n\n"+
		"為此，雙方代表經合法授權，爰於本協定簽字，以昭信守。\n\n"+
		"本協定於中華民國一百十四年三月十日，即西元二〇二五年三月十日訂於瓜地馬拉市。\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	d := x.Document
	if d.SignedPlace == nil || *d.SignedPlace != "瓜地馬拉市" {
		t.Errorf("signed at %v, want 瓜地馬拉市", d.SignedPlace)
	}
	if !slices.Equal(d.AuthenticLanguages, []string{"en", "es", "zh"}) {
		t.Errorf("authentic %v, want [en es zh]", d.AuthenticLanguages)
	}
	for _, s := range x.Sentences[1:] {
		if s.Section != "closing" {
			t.Errorf("%s: section %s, want closing", s.Text, s.Section)
		}
	}
}

// TestTaiwanTreatyDoneAtLine: Taipei's treaties end with a line of their own
// that is only the date, counted both ways, and the place (中華民國一百十五年
// 四月二十二日即西元二〇二六年四月二十二日訂於馬久羅。): a closing formula, the
// date and place of signing, with no 本協定 before it.
func TestTaiwanTreatyDoneAtLine(t *testing.T) {
	r := newTestRegistry(t)
	for _, line := range []string{
		"中華民國一百十五年四月二十二日即西元二〇二六年四月二十二日訂於馬久羅。",
		"中華民國一百一十五年四月二十二日，即公曆二〇二六年四月二十二日，訂於馬久羅。",
		"中华民国一百一十五年四月二十二日即公历二〇二六年四月二十二日订于马久罗。",
	} {
		t.Run(line, func(t *testing.T) {
			x, err := r.ExtractAs("中華民國（臺灣）政府與馬紹爾群島共和國政府發展合作備忘錄\n\n第一條　目的\n\n雙方應加強農業合作。\n\n"+
				"為此，雙方代表經各自政府正式授權，爰於本備忘錄簽字，以昭信守。\n\n"+
				"本備忘錄以中文及英文各繕兩份，兩種文本同等作準。\n\n"+line+"\n", "zh-Hant")
			if err != nil {
				t.Fatal(err)
			}
			d := x.Document
			if d.SignedDate == nil || *d.SignedDate != "2026-04-22" {
				t.Errorf("signed on %v, want 2026-04-22", d.SignedDate)
			}
			if d.SignedPlace == nil || (*d.SignedPlace != "馬久羅" && *d.SignedPlace != "马久罗") {
				t.Errorf("signed at %v, want 馬久羅", d.SignedPlace)
			}
			if !slices.Equal(d.AuthenticLanguages, []string{"en", "zh"}) {
				t.Errorf("authentic %v, want [en zh]", d.AuthenticLanguages)
			}
			for _, s := range x.Sentences[1:] {
				if s.Section != "closing" {
					t.Errorf("%s: section %s, want closing", s.Text, s.Section)
				}
			}
		})
	}
}

// TestLeadersBySignature: a leader who signs the statement, named in it by
// the name (布里塞諾總理) or by the surname and the office (賴總統), is the
// party whose leader he is, as the spec has "the President".
func TestLeadersBySignature(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("中華民國（臺灣）與貝里斯聯合公報\n\n一、賴總統感謝貝國在聯合國大會總辯論中為臺灣執言。布里塞諾總理感謝臺灣長期協助貝國發展。\n\n"+
		"本聯合公報於2026年5月20日在臺北簽署。\n\n中華民國（臺灣）總統　　　　　　　　貝里斯總理\n賴清德　　　　　　　　　　　　　　　布里塞諾\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range [][]string{{"TW"}, {"BZ"}} {
		if s := x.Sentences[i]; !slices.Equal(s.Actors, want) {
			t.Errorf("%s: actors %v, want %v", s.Text, s.Actors, want)
		}
	}
}

// TestSARSideNames: a SAR's instrument calls its own side 澳方/港方 (as 中方)
// and itself 本澳/本港 ("this territory"): the SAR, where it is a party.
func TestSARSideNames(t *testing.T) {
	r := newTestRegistry(t)
	for _, tc := range []struct{ title, text, want string }{
		{"澳門特別行政區政府與佛得角共和國政府關於旅遊合作的諒解備忘錄", "澳方將協助佛方推廣旅遊產品。", "MO"},
		{"澳門特別行政區政府與佛得角共和國政府關於旅遊合作的諒解備忘錄", "本澳將為佛方旅遊從業人員舉辦培訓課程。", "MO"},
		{"中華人民共和國香港特別行政區政府與泰王國政府關於加強經濟關係的諒解備忘錄", "港方會為泰國企業提供便利。", "HK"},
		{"中華人民共和國香港特別行政區政府與泰王國政府關於加強經濟關係的諒解備忘錄", "本港會為泰國企業提供便利。", "HK"},
	} {
		x, err := r.ExtractAs(tc.title+"\n\n第一條\n\n"+tc.text+"\n", "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		if s := x.Sentences[0]; s.Type != entente.Commitment || !slices.Equal(s.Actors, []string{tc.want}) {
			t.Errorf("%s: %s %v, want a commitment of %s", tc.text, s.Type, s.Actors, tc.want)
		}
	}
}

// TestAgenciesAsSubject: two parties' agencies joined as the subject of a
// memorandum's provision (澳門旅遊局與佛得角旅遊部將…) act for both parties,
// and a country's name that holds a permission's character (得 of 佛得角) grants
// nothing: the 將 stays firm.
func TestAgenciesAsSubject(t *testing.T) {
	r := newTestRegistry(t)
	const title = "澳門特別行政區政府與佛得角共和國政府關於旅遊合作的諒解備忘錄\n\n第一條\n\n"
	for _, text := range []string{
		"澳門旅遊局與佛得角旅遊部將加強合作。",
		"澳門特區政府旅遊局與佛得角旅遊部將每兩年舉行一次工作會議。",
		"佛得角旅遊部與澳門旅遊局將共同舉辦旅遊推介活動。",
	} {
		x, err := r.ExtractAs(title+text+"\n", "zh-Hant")
		if err != nil {
			t.Fatal(err)
		}
		s := x.Sentences[0]
		if s.Type != entente.Commitment || s.Strength != entente.Firm || !slices.Equal(s.Actors, []string{"CV", "MO"}) {
			t.Errorf("%s: %s/%s %v, want a firm commitment of CV and MO", text, s.Type, s.Strength, s.Actors)
		}
	}
}

// TestHantJointCommission reads the communiqué of a joint commission's
// session between Taipei and an ally: 肯定 (affirm) holds a view whose type
// is that of its content, as 認為 does (an achievement appraised, a
// principle's importance a position), and runs on past a frame that looks
// back and over the clauses after it; the lead-in that reports the session
// (…並達成以下共識：) is narrative; the words of Taipei's aid reviewed there.
func TestHantJointCommission(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與貝里斯第五屆經濟合作混合委員會會議聯合公報\n\n"
	both := []string{"BZ", "TW"}
	tests := []struct {
		text, typ, strength string
		actors, areas       []string
	}{
		{"雙方肯定兩國自建交以來，秉持共享價值，合作關係日益緊密。", "appraisal", "", both, []string{"political"}},
		{"雙方肯定「貝里斯稻作推廣計畫」自2023年推動以來，已協助逾五百名農民提高收入。", "appraisal", "", both, []string{"development"}},
		{"雙方高度肯定「貝里斯醫院管理計畫」已完成第一階段，有效提升醫院服務品質。", "appraisal", "", both, []string{"health"}},
		{"貝方感謝臺灣提供獎學金，並肯定歷屆受獎生之貢獻。", "appraisal", "", []string{"BZ"}, []string{"people"}},
		{"雙方肯定醫療合作計畫順利結案。", "appraisal", "", both, []string{"health"}},
		{"雙方肯定多邊貿易體制的重要性。", "position", "", both, []string{"international_order", "trade"}},
		{"雙方在友好氣氛中全面檢視各項合作計畫之執行成果，並達成以下共識：", "narrative", "", nil, nil},
		{"雙方同意於南部地區設立慢性腎臟病篩檢據點。", "commitment", "firm", both, []string{"health"}},
		{"臺灣將協助貝方建置政府電子採購系統。", "commitment", "firm", []string{"TW"}, []string{"digital"}},
		{"雙方將推動符合貝國國家發展優先事項之計畫。", "commitment", "firm", both, []string{"development"}},
		{"雙方將加強醫療資訊交流。", "commitment", "firm", both, []string{"digital", "health"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if len(s.Actors)+len(tc.actors) > 0 && !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if len(s.Areas)+len(tc.areas) > 0 && !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}

// TestHantJointCommissionLayout: a commission's communiqué is signed by its
// co-chairs, a vice minister (政務次長) and a ministry's chief executive
// officer (執行長) whose ministry's name lists its fields with 、: the
// block is the signatories', and the done-at sentence above it the
// closing; an agreement's name inside a quoted body's name
// (「臺貝經濟合作協定執行委員會」) is the body's, no instrument cited.
func TestHantJointCommissionLayout(t *testing.T) {
	r := newTestRegistry(t)
	x, err := r.ExtractAs("中華民國（臺灣）與貝里斯第五屆經濟合作混合委員會會議聯合公報\n\n"+
		"一、雙方將透過「臺貝經濟合作協定執行委員會」，定期檢討市場進入相關議題。\n\n"+
		"本聯合公報於2026年11月19日在貝爾墨潘簽署，以中文及英文各繕兩份，兩種文本同等作準。\n\n"+
		"中華民國外交部政務次長　　　　貝里斯外交、外貿暨移民部執行長\n"+
		"周立文　　　　　　　　　　　　羅德里格斯\n", "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	d := x.Document
	if len(d.Signatories) != 2 || d.Signatories[1].Title != "貝里斯外交、外貿暨移民部執行長" || d.Signatories[0].Name != "周立文" {
		t.Errorf("signatories %+v", d.Signatories)
	}
	if d.SignedPlace == nil || *d.SignedPlace != "貝爾墨潘" {
		t.Errorf("signed at %v, want 貝爾墨潘", d.SignedPlace)
	}
	if len(x.Sentences) != 2 || x.Sentences[1].Section != "closing" {
		t.Errorf("%d sentences, want the commitment and the closing", len(x.Sentences))
	}
	if len(x.References) != 0 {
		t.Errorf("references %+v, want none", x.References)
	}
	if len(x.Sentences) > 0 && !slices.Equal(x.Sentences[0].Mechanisms, []string{"「臺貝經濟合作協定執行委員會」"}) {
		t.Errorf("mechanisms %v", x.Sentences[0].Mechanisms)
	}
}

// TestSessionDecisionsNotCited: the decisions of a body's own last or
// present session (上屆會議決議, 本届会议决议) are what the meeting reviews,
// no instrument cited by title.
func TestSessionDecisionsNotCited(t *testing.T) {
	r := newTestRegistry(t)
	for _, text := range []string{
		"中華民國（臺灣）與貝里斯聯合公報\n\n雙方同意落實上屆會議決議之各項事項。\n",
		"中华人民共和国和哥伦比亚共和国联合声明\n\n双方同意落实本届会议决议。\n",
	} {
		if x := r.Extract(text); len(x.References) != 0 {
			t.Errorf("%q: references %+v, want none", text, x.References)
		}
	}
}

// checkHantLabels compares a sentence's type and strength, its actors
// (nil: none) and, unless want is nil, its areas.
func checkHantLabels(t *testing.T, s entente.Sentence, typ, strength string, actors, areas []string) {
	t.Helper()
	if string(s.Type) != typ || string(s.Strength) != strength {
		t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, typ, strength)
	}
	if !slices.Equal(s.Actors, actors) && !(len(s.Actors) == 0 && actors == nil) {
		t.Errorf("actors %v, want %v", s.Actors, actors)
	}
	if areas != nil && !slices.Equal(s.Areas, areas) {
		t.Errorf("areas %v, want %v", s.Areas, areas)
	}
}

// checkHantNames compares a sentence's mechanisms (named in 「」 or not)
// and projects (in any order) with the wanted ones.
func checkHantNames(t *testing.T, mechanisms, projects, wantMechanisms, wantProjects []string) {
	t.Helper()
	mech := make([]string, 0, len(mechanisms))
	for _, m := range mechanisms {
		mech = append(mech, strings.Trim(m, "「」"))
	}
	if !slices.Equal(mech, wantMechanisms) && (len(mech) > 0 || len(wantMechanisms) > 0) {
		t.Errorf("mechanisms %q, want %q", mechanisms, wantMechanisms)
	}
	proj, want := slices.Sorted(slices.Values(projects)), slices.Sorted(slices.Values(wantProjects))
	if !slices.Equal(proj, want) && (len(proj) > 0 || len(want) > 0) {
		t.Errorf("projects %q, want %q", projects, wantProjects)
	}
}

// checkHantEntities reads each text as the first provision of a
// Traditional statement that opens with title and compares its mechanisms
// or its projects (kind) with want.
func checkHantEntities(t *testing.T, r *Registry, title, kind string, cases map[string][]string) {
	t.Helper()
	for text, want := range cases {
		s := onlyHantExtraction(t, r, title+text).Sentences[0]
		got := s.Projects
		if kind == "mechanisms" {
			got = s.Mechanisms
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: %s %q, want %q", text, kind, got, want)
		}
	}
}
