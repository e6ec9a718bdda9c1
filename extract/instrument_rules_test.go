package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestInstrumentProvisions holds the readings of an agreement's or a
// memorandum's provisions: 缔约双方 is both parties; its "shall" (应) binds
// those who sign it whatever the grammatical subject (a joint body, the
// costs, the other party), unless the subject names others; what the
// instrument itself is or becomes (本协定…生效, …得予修正) is a formula; an
// adverbial opener (依据…) is no subject; an item with a verb inside a
// modifier only (经双方同意的领域) is an item of the lead-in's undertaking.
func TestInstrumentProvisions(t *testing.T) {
	x := newTestExtractor(t)
	const mou = "中华人民共和国政府和泰王国政府关于渔业合作的谅解备忘录\n\n"
	const statement = "中华人民共和国和泰王国联合声明\n\n"
	const plan = "中华人民共和国农业农村部和泰王国农业与合作部关于农业合作的行动计划（2026—2030年）\n\n"
	tests := []oneSentence{
		{mou, "缔约双方同意在渔业领域开展合作。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "缔约双方将共同推动渔业资源养护。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "联合委员会应每年至少召开一次会议。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "本备忘录项下合作所需经费，应由缔约双方共同分担。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "缔约一方人员在他方境内执行任务时，他方应提供必要协助。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "执行机构应于本备忘录生效后三个月内相互通知联络人。", entente.Commitment, entente.Firm, "CN,TH"},
		{mou, "国际社会应加强渔业资源养护。", entente.Position, "", ""},
		// a clause saying a party is not bound (均无义务) is a limit of the
		// instrument, no undertaking, whatever action it names
		{mou, "任何一方均无义务提供超出其年度预算的经费。", entente.Narrative, "", ""},
		{mou, "双方并无义务交换涉及第三方的资料。", entente.Narrative, "", ""},
		// a short name defined in brackets after a party's full name
		// （以下简称“台北经文处”） stands before the joiner to the other party
		{"驻美国台北经济文化代表处与美国在台协会农业合作谅解备忘录\n\n", "驻美国台北经济文化代表处（以下简称“台北经文处”）与美国在台协会（以下简称“协会”）同意加强农业合作。", entente.Commitment, entente.Firm, "TW,US"},
		// a verb inside a party's other name (日本台湾交流协会: 交流) is part
		// of the name; the clause's own verb (同意) says what it does
		{"台北驻日经济文化代表处与日本台湾交流协会农业合作备忘录\n\n", "台北驻日经济文化代表处与日本台湾交流协会同意加强农业合作。", entente.Commitment, entente.Firm, "JP,TW"},
		{mou, "本备忘录自签署之日起生效。", entente.Narrative, "", ""},
		{mou, "本备忘录经缔约双方书面同意后得予修正。", entente.Narrative, "", ""},
		{mou, "本备忘录的终止不影响已在进行中的合作项目。", entente.Narrative, "", ""},
		{mou, "本备忘录的任何修改应经缔约双方书面同意。", entente.Narrative, "", ""},
		// the instrument only modifies the subject: the clause binds as any other
		{mou, "本备忘录项下的合作经费应由缔约双方共同承担。", entente.Commitment, entente.Firm, "CN,TH"},
		{statement, "联合委员会应每年召开一次会议。", entente.Position, "", ""},
		// 应X要求 opening a clause is "at X's request", no "shall"
		{mou, "应泰方要求，中方派遣渔业专家赴泰工作。", entente.Commitment, entente.Soft, "CN"},
		{mou, "双方应按照本备忘录要求履行各自义务。", entente.Commitment, entente.Firm, "CN,TH"},
		// an action plan of two ministries with articles binds as a memorandum
		// does, its title closed by a span of years in brackets
		{plan, "因解释或执行本行动计划产生的任何分歧，双方应通过友好协商解决。", entente.Commitment, entente.Firm, "CN,TH"},
		{plan, "联合工作组每年举行一次会议，审议年度工作计划。", entente.Commitment, entente.Soft, "CN,TH"},
		{plan, "本行动计划自双方签字之日起生效。", entente.Narrative, "", ""},
	}
	checkOneSentence(t, x, tests, false)
}

// TestInstrumentListItems: under a lead-in that undertakes, an item opening
// with an adverbial (依据…建立…) is the parties' own action, and an item whose
// only verb stands in a modifier (经双方同意的其他领域) has no verb of its own:
// both soft, with the lead-in's actors.
func TestInstrumentListItems(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国政府和泰王国政府关于渔业合作的谅解备忘录\n\n第一条　缔约双方应在下列领域开展合作：\n（一）依据《联合国海洋法公约》建立渔业资源养护合作框架；\n（二）其他经缔约双方同意的领域。\n")
	if len(r.Sentences) != 3 {
		t.Fatalf("%d sentences", len(r.Sentences))
	}
	for _, s := range r.Sentences[1:] {
		if s.Type != entente.Commitment || s.Strength != entente.Soft || strings.Join(s.Actors, ",") != "CN,TH" {
			t.Errorf("%s: %s/%s %v, want commitment/soft CN,TH", s.Text, s.Type, s.Strength, s.Actors)
		}
	}
}

// TestInstrumentSelfAndShortNames: the instrument itself (本协定) is never
// an instrument it cites, nor is "unless otherwise agreed" (另有协议); a
// short name a text defines for a body (以下简称“联合委员会”) and its later
// mentions are that body, no second mechanism; a quoted body's name takes
// its closing quote.
func TestInstrumentSelfAndShortNames(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国政府和泰王国政府渔业合作协定\n\n" +
		"缔约双方同意设立“中泰渔业合作联合委员会”（以下简称“联合委员会”），负责评估本协定的执行。\n\n" +
		"联合委员会应每年召开一次会议。\n\n" +
		"缔约双方因本协定所生之争议，应通过友好协商解决，除非缔约双方另有协议。\n")
	var mechs []string
	for _, m := range r.Mechanisms {
		mechs = append(mechs, m.Name)
	}
	if want := []string{"“中泰渔业合作联合委员会”"}; !slices.Equal(mechs, want) {
		t.Errorf("mechanisms %q, want %q", mechs, want)
	}
	for _, ref := range r.References {
		t.Errorf("cites %q: none is cited", ref.Title)
	}
}

// TestTaipeiPartyNotTopic: in Taipei's agreements 臺灣 is TW, one of the
// parties, never the Taiwan question (sovereignty); in Beijing's it is. Its
// meaningful participation in an international body (有意義參與國際民航組織)
// is about the international order, not flights.
func TestTaipeiPartyNotTopic(t *testing.T) {
	r := newTestRegistry(t)
	tests := []struct {
		title, text string
		areas       []string
	}{
		{"中華民國（臺灣）政府與巴拉圭共和國政府合作協定\n\n", "巴拉圭共和國政府歡迎臺灣企業投資巴國再生能源產業。", []string{"energy", "investment"}},
		{"中華民國（臺灣）政府與巴拉圭共和國政府合作協定\n\n", "中華民國（臺灣）政府將協助巴方建立碳權登錄平台。", []string{"green"}},
		{"中華民國（臺灣）與帛琉共和國聯合聲明\n\n", "帛方重申支持臺灣有意義參與國際民航組織。", []string{"international_order"}},
		{"中華人民共和國和老撾人民民主共和國聯合聲明\n\n", "老方重申台灣是中國領土不可分割的一部分。", []string{"sovereignty"}},
	}
	for _, tc := range tests {
		s := onlyHantExtraction(t, r, tc.title+tc.text).Sentences[0]
		if !slices.Equal(s.Areas, tc.areas) {
			t.Errorf("%s: areas %v, want %v", tc.text, s.Areas, tc.areas)
		}
	}
}

// TestCitedYearInChineseNumerals reads a cited instrument's year written
// digit by digit in Chinese numerals (二〇一七年签署之《…》), as formal texts
// and Taipei's agreements write it, as it reads 2017年.
func TestCitedYearInChineseNumerals(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		"回顾二〇一七年签署的《中泰渔业合作谅解备忘录》，双方同意加强合作。",
		"回顾2017年签署的《中泰渔业合作谅解备忘录》，双方同意加强合作。",
	} {
		r := x.Extract("中华人民共和国政府和泰王国政府渔业合作协定\n\n" + text + "\n")
		if len(r.References) != 1 || r.References[0].Year == nil || *r.References[0].Year != 2017 {
			t.Errorf("%s: references %+v, want one of 2017", text, r.References)
		}
	}
}

// TestLawYearInItsTitle reads the year a law was passed from a title that
// opens with it (《2022年芯片法案》, the CHIPS Act of 2022); a year opening
// another instrument's title is its target, no year of adoption.
func TestLawYearInItsTitle(t *testing.T) {
	x := newTestExtractor(t)
	for _, c := range []struct {
		text string
		want int
	}{
		{"在根据美国《2022年芯片法案》设立的基金支持下，双方将加强合作。", 2022},
		{"双方欢迎美国《2022年通胀削减法案》的实施。", 2022},
		{"双方致力于落实《2030年可持续发展议程》。", 0},
		{"双方将共同推进《2063年议程》。", 0},
	} {
		r := x.Extract("美利坚合众国和印度尼西亚共和国联合声明\n\n" + c.text + "\n")
		if len(r.References) != 1 {
			t.Errorf("%s: references %+v, want one", c.text, r.References)
			continue
		}
		got := 0
		if y := r.References[0].Year; y != nil {
			got = *y
		}
		if got != c.want {
			t.Errorf("%s: year %d, want %d", c.text, got, c.want)
		}
	}
}

// TestRecitalsRunIntoMainClause: the recitals of a treaty-style preamble
// (鉴于…；重申…；) run on into the main clause as one sentence, whose
// clauses all count by the spec's precedence: a recital's view (重申, 认识到)
// makes it a position over the formula that opens the articles
// (爰议定下列条款：, a narrative); a decision to act (决定采取下列行动：) makes
// it an undertaking; recitals with no cue leave the formula's narrative.
func TestRecitalsRunIntoMainClause(t *testing.T) {
	x := newTestExtractor(t)
	const title = "中华人民共和国政府和泰王国政府渔业合作协定\n\n"
	tests := []struct {
		text     string
		typ      entente.SentenceType
		strength entente.Strength
	}{
		{"中华人民共和国政府和泰王国政府（以下简称“缔约双方”），\n\n鉴于两国之间的传统友谊；\n\n重申双方致力于养护渔业资源的承诺；\n\n爰议定下列条款：", entente.Position, ""},
		{"缔约双方，\n\n认识到渔业资源面临的挑战；\n\n重申双方的共同立场；\n\n达成协议如下：", entente.Position, ""},
		{"缔约双方，\n\n鉴于两国之间的传统友谊；\n\n达成协议如下：", entente.Narrative, ""},
		{"双方，\n\n认识到渔业资源面临的挑战；\n\n重申双方的共同立场；\n\n决定采取下列行动：", entente.Commitment, entente.Firm},
	}
	for _, tc := range tests {
		r := extractOne(t, x, title+tc.text+"\n", tc.text)
		if s := r.Sentences[0]; s.Type != tc.typ || s.Strength != tc.strength {
			t.Errorf("%s: %s/%s, want %s/%s", s.Text, s.Type, s.Strength, tc.typ, tc.strength)
		}
	}
}

// TestTaipeiProjectHeads: 計畫, as Taiwan writes 計劃, heads a programme as
// 計劃 does, and a university named by the two countries (「臺灣－巴拉圭科技
// 大學」) is a facility; the two countries' universities are none.
func TestTaipeiProjectHeads(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）政府與巴拉圭共和國政府合作協定\n\n"
	tests := []struct {
		text  string
		projs []string
	}{
		{"巴方同意推動「查科地區造林碳匯計畫」之執行。", []string{"「查科地區造林碳匯計畫」"}},
		{"締約雙方同意透過「臺灣－巴拉圭科技大學」開設課程。", []string{"「臺灣－巴拉圭科技大學」"}},
		{"締約雙方鼓勵兩國大學開展交流。", nil},
	}
	for _, tc := range tests {
		s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
		if !slices.Equal(s.Projects, orEmpty(tc.projs)) {
			t.Errorf("%s: projects %q, want %q", tc.text, s.Projects, tc.projs)
		}
	}
}

// TestTaipeiDeadlineInMinguo: a deadline dated in the Minguo era keeps the
// era's name (於中華民國一一五年底前), as it is written.
func TestTaipeiDeadlineInMinguo(t *testing.T) {
	r := newTestRegistry(t)
	s := onlyHantExtraction(t, r, "中華民國（臺灣）與史瓦帝尼王國聯合公報\n\n雙方同意於中華民國一一五年底前完成國家電網強化工程。").Sentences[0]
	if s.Deadline == nil || *s.Deadline != "於中華民國一一五年底前" {
		got := "none"
		if s.Deadline != nil {
			got = *s.Deadline
		}
		t.Errorf("deadline %s, want 於中華民國一一五年底前", got)
	}
	if !slices.Equal(s.Areas, []string{"energy"}) {
		t.Errorf("areas %v, want energy", s.Areas)
	}
}

// TestBecomeComplementNoProject: what something becomes (已成为…的“黄金大
// 通道”), the head of the complement, is a description, no project; a
// project named inside the complement (成为中老经济走廊的重要节点) is one.
func TestBecomeComplementNoProject(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		text  string
		projs []string
	}{
		{"中老铁路已成为两国互联互通的“黄金大通道”。", []string{"中老铁路"}},
		{"双方将推动万象港成为中老经济走廊的重要节点。", []string{"中老经济走廊", "万象港"}},
		{"双方将共同建设“黄金大通道”。", []string{"“黄金大通道”"}},
	}
	for _, tc := range tests {
		r := x.Extract("中华人民共和国和老挝人民民主共和国联合声明\n\n" + tc.text + "\n")
		if got := r.Sentences[0].Projects; !slices.Equal(got, tc.projs) {
			t.Errorf("%s: projects %q, want %q", tc.text, got, tc.projs)
		}
	}
}

// TestTaipeiMemorandumItself: Taipei's memorandum is a 瞭解備忘錄; the
// instrument itself as subject is a formula there too.
func TestTaipeiMemorandumItself(t *testing.T) {
	r := newTestRegistry(t)
	s := onlyHantExtraction(t, r, "中華民國（臺灣）外交部與瓜地馬拉共和國外交部合作瞭解備忘錄\n\n本瞭解備忘錄經雙方書面同意後得予修正。").Sentences[0]
	if s.Type != entente.Narrative {
		t.Errorf("%s, want narrative", s.Type)
	}
}

// TestTaipeiAppraisalAndSolar: 高度肯定 (Taipei's 高度评价) appraises what
// was achieved, as 充分肯定 does; solar power is energy, desalination water
// resources.
func TestTaipeiAppraisalAndSolar(t *testing.T) {
	r := newTestRegistry(t)
	const title = "中華民國（臺灣）與馬紹爾群島共和國聯合公報\n\n"
	s := onlyHantExtraction(t, r, title+"兩國元首高度肯定臺馬建交以來各領域合作之豐碩成果。").Sentences[0]
	if s.Type != entente.Appraisal {
		t.Errorf("%s: %s, want appraisal", s.Text, s.Type)
	}
	s = onlyHantExtraction(t, r, title+"馬方感謝我國長期協助推動太陽能發電及海水淡化計畫。").Sentences[0]
	if !slices.Equal(s.Areas, []string{"energy", "resources"}) {
		t.Errorf("%s: areas %v, want energy, resources", s.Text, s.Areas)
	}
}

// oneSentence is what a document of a title and one sentence reads: the
// title gives its kind and parties; a commitment's actors are checked.
type oneSentence struct {
	title, text string
	typ         entente.SentenceType
	strength    entente.Strength
	actors      string
}

// checkOneSentence extracts each case as a document of its title and its
// one sentence and checks the sentence's type and strength and, for a
// commitment, its actors (and, with evidence, that the type has a cue).
func checkOneSentence(t *testing.T, x *Extractor, tests []oneSentence, evidence bool) {
	t.Helper()
	for _, tc := range tests {
		r := extractOne(t, x, tc.title+tc.text+"\n", tc.text)
		s := r.Sentences[0]
		if s.Type != tc.typ || s.Strength != tc.strength {
			t.Errorf("%s: %s/%s, want %s/%s (cue %+v)", tc.text, s.Type, s.Strength, tc.typ, tc.strength, s.Rationale.Type)
		}
		if got := strings.Join(s.Actors, ","); tc.typ == entente.Commitment && got != tc.actors {
			t.Errorf("%s: actors %s, want %s", tc.text, got, tc.actors)
		}
		if evidence && tc.typ == entente.Commitment && s.Rationale.Type == nil {
			t.Errorf("%s: no evidence of the type", tc.text)
		}
	}
}

// TestPartiesNamedByShortName: an instrument's opening names its parties in
// full and gives them a short name (…部（以下简称“双方”）); a verb inside a
// ministry's name (研究) is no predicate, and the short name is the subject.
func TestPartiesNamedByShortName(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("中华人民共和国农业农村部和泰王国农业与研究部关于农业合作的谅解备忘录\n\n中华人民共和国农业农村部和泰王国农业与研究部（以下简称“双方”），认识到农业合作对两国发展的重要意义，达成谅解如下：\n")
	if len(r.Sentences) != 1 {
		t.Fatalf("%d sentences", len(r.Sentences))
	}
	s := r.Sentences[0]
	if s.Type != entente.Position || strings.Join(s.Actors, ",") != "CN,TH" {
		t.Errorf("%s: %s %v, want position CN,TH", s.Text, s.Type, s.Actors)
	}
	// a body given a short name keeps the verbs before it
	r = x.Extract("中华人民共和国政府和泰王国政府关于渔业合作的谅解备忘录\n\n缔约双方同意设立渔业合作联合委员会（以下简称“联委会”）。\n")
	if s := r.Sentences[0]; s.Type != entente.Commitment || s.Strength != entente.Firm {
		t.Errorf("%s: %s/%s, want commitment/firm", s.Text, s.Type, s.Strength)
	}
}
