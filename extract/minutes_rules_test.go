package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// Rules of the genre read from the held-out minutes of a China–Mongolia
// intergovernmental committee (cn-mn-cooperation-committee-minutes), each in
// other wording than the minutes'.

// typeStrengthDeadlineOf reads a sentence's type, strength and deadline as
// one label, slash-joined.
func typeStrengthDeadlineOf(s entente.Sentence) (string, string) {
	d := ""
	if s.Deadline != nil {
		d = *s.Deadline
	}
	return "type/strength/deadline", string(s.Type) + "/" + string(s.Strength) + "/" + d
}

// TestNextSessionDeadline: minutes of a standing committee set tasks due
// before its next session (下次会议前, 下届会议前): a time limit as 年内 is.
func TestNextSessionDeadline(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方责成能源工作组在下次会议前提交合作方案。", "commitment/firm/下次会议前"},
		{"双方同意于委员会下届会议前完成联合研究报告。", "commitment/firm/下届会议前"},
		{"双方将于下次会议期间审议合作进展。", "commitment/firm/"},
	}
	checkProvisions(t, x, gulfTitle, typeStrengthDeadlineOf, tests)
}

// minutesDoc is the minutes of a committee's session with one provision
// and a block signed by the co-chairs, each titled by his side (中方主席).
const minutesDoc = "中华人民共和国政府和哈萨克斯坦共和国政府合作委员会第十二次会议纪要\n\n" +
	"委员会第十二次会议于2026年9月3日在阿斯塔纳举行。\n\n" +
	"一、双方同意加强能源合作。\n\n" +
	"本纪要于2026年9月3日在阿斯塔纳签署，一式两份，每份均用中文和哈萨克文写成，两种文本同等作准。\n\n" +
	"委员会中方主席　　　　　　委员会哈方主席\n丁薛祥　　　　　　　　　　斯克利亚尔\n"

// TestMinutesKindAndCoChairs: the minutes (纪要, 会议纪要) of a committee's
// session are its communiqué, as a mixed commission's protocol is; a
// co-chair titled by his side (中方主席, 哈方主席) signs for that side.
func TestMinutesKindAndCoChairs(t *testing.T) {
	x := newTestExtractor(t)
	d := x.Extract(minutesDoc).Document
	if d.Kind != entente.KindCommunique {
		t.Errorf("kind %s, want communique", d.Kind)
	}
	want := []string{"丁薛祥|委员会中方主席|CN", "斯克利亚尔|委员会哈方主席|KZ"}
	if got := signatoriesOf(x, minutesDoc); strings.Join(got, ";") != strings.Join(want, ";") {
		t.Errorf("signatories %q, want %q", got, want)
	}
}

// minutesTitle opens the minutes of a committee's session.
const minutesTitle = "中华人民共和国政府和沙特阿拉伯王国政府高级别联合委员会第四次会议纪要\n\n"

// TestMinutesShall: the minutes the co-chairs sign bind their sides as an
// agreement does: the parties' (or their organs') 应 before their own action
// is a firm undertaking; 应 of others stays a position.
func TestMinutesShall(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方应于2027年3月底前完成投资协定的修订工作。", "commitment/firm/于2027年3月底前"},
		{"双方海关应加强检验检疫合作。", "commitment/firm/"},
		{"双方认为，国际社会应加大对发展中国家的支持。", "position//"},
	}
	checkProvisions(t, x, minutesTitle, typeStrengthDeadlineOf, tests)
	// in a joint statement the same words stay what they were
	checkProvisions(t, x, gulfTitle, typeStrengthDeadlineOf, []provisionCase{
		{"双方认为，国际社会应加大对发展中国家的支持。", "position//"},
	})
}

// TestCoChairedSession: who co-chaired a session (共同主持会议, 主持了会议)
// is a fact of the meeting, no undertaking.
func TestCoChairedSession(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"中国商务部部长与沙特投资大臣共同主持会议。", "narrative//"},
		{"中华人民共和国国务院副总理丁薛祥与沙特阿拉伯王国王储共同主持了委员会会议。", "narrative//"},
		{"双方将共同主持第二届投资论坛。", "commitment/firm/"},
	}
	checkProvisions(t, x, minutesTitle, typeStrengthDeadlineOf, tests)
}

// TestVerbBeforeBareHead: extending and submitting (延长, 提交) end a name
// read backwards from its head, as 提供 and 制定 do: a bare 口岸 after them
// names no facility; a named crossing after them stays.
func TestVerbBeforeBareHead(t *testing.T) {
	x := newTestExtractor(t)
	tests := []provisionCase{
		{"双方将研究延长口岸开放时间。", ""},
		{"双方责成工作组在下次会议前提交口岸通关便利化方案。", ""},
		{"双方将研究延长二连浩特口岸开放时间。", "二连浩特口岸"},
	}
	checkProvisions(t, x, gulfTitle, projectsOf, tests)
}

// TestMonthDeadlineBeforeTitle: a year that a deadline with its month
// closes (应于2027年6月底前完成《…》的修订) is the date the task is due,
// not the cited instrument's year of signing, as 2025年底前 already was.
func TestMonthDeadlineBeforeTitle(t *testing.T) {
	x := newTestExtractor(t)
	for _, tc := range []struct {
		text string
		year int
	}{
		{"双方同意于2027年6月底前完成《中华人民共和国政府和沙特阿拉伯王国政府航空运输协定》的修订工作。", 0},
		{"双方将于2027年三月前完成《中沙投资合作备忘录》修订。", 0},
		{"双方同意落实2023年6月签署的《中沙投资合作备忘录》。", 2023},
	} {
		r := extractOne(t, x, gulfTitle+"一、"+tc.text+"\n", tc.text)
		year := 0
		if len(r.References) == 1 && r.References[0].Year != nil {
			year = *r.References[0].Year
		}
		if len(r.References) != 1 || year != tc.year {
			t.Errorf("%s: references %+v, want one of year %d", tc.text, r.References, tc.year)
		}
	}
}

// refCase is one sentence of a statement and the instruments it cites, each
// as title|bracketed|kind|year (year 0 when none is given), in order.
type refCase struct {
	name, text string
	want       []string
}

// checkReferences reads each case's sentence under a joint statement's
// title, Simplified (zh) or Traditional (Hant), and compares the
// document's references.
func checkReferences(t *testing.T, cases []refCase) {
	t.Helper()
	zh := newTestExtractor(t)
	hant := NewHant(zh)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r *entente.Extraction
			if strings.ContainsAny(c.text, "雙將簽於關") {
				r = hant.Extract("中華人民共和國和哈薩克斯坦共和國聯合聲明\n\n一、" + c.text + "\n")
			} else {
				r = zh.Extract("中华人民共和国和哈萨克斯坦共和国联合声明\n\n一、" + c.text + "\n")
			}
			got := []string{}
			for _, ref := range r.References {
				y := 0
				if ref.Year != nil {
					y = *ref.Year
				}
				got = append(got, fmt.Sprintf("%s|%t|%s|%d", ref.Title, ref.Bracketed, ref.Kind, y))
			}
			if strings.Join(got, ";") != strings.Join(c.want, ";") {
				t.Errorf("references %q, want %q", got, c.want)
			}
		})
	}
}

// TestSignedInstrumentUnquoted: an instrument cited without 《》 is
// introduced by the year and the verb of its signing (2019年签订的…,
// 1994年缔结的…, Taipei's 簽署之…) and ends at its first kind word (协定,
// 条约, 谅解备忘录, …), past the 的 that closes a 关于 frame; a bare or a
// generic kind (签署的协定, 相关协议) names none.
func TestSignedInstrumentUnquoted(t *testing.T) {
	checkReferences(t, []refCase{
		{"a memorandum named by its 关于 frame", "双方将继续落实2019年签订的中哈关于加强农业合作的谅解备忘录。",
			[]string{"中哈关于加强农业合作的谅解备忘录|false|mou|2019"}},
		{"a treaty concluded", "双方同意根据1994年缔结的中哈国界管理制度条约加强边境执法合作。",
			[]string{"中哈国界管理制度条约|false|agreement|1994"}},
		{"a month and a place between year and verb", "双方回顾了2023年5月在西安签署的两国政府关于互免签证的协定的执行情况。",
			[]string{"两国政府关于互免签证的协定|false|agreement|2023"}},
		{"Traditional, a memorandum", "雙方將繼續落實2019年簽訂的中哈關於加強農業合作的諒解備忘錄。",
			[]string{"中哈關於加強農業合作的諒解備忘錄|false|mou|2019"}},
		{"Traditional, 之 after the verb and in the frame", "雙方同意依據2011年簽署之兩國關於漁業合作之協定加強合作。",
			[]string{"兩國關於漁業合作之協定|false|agreement|2011"}},
		{"a bare kind names none", "根据1998年签署的协定，双方将加快推进铁路建设。", []string{}},
		{"a count of instruments names none", "双方满意地看到2024年签署的多项合作协议得到落实。", []string{}},
		{"a generic kind names none", "双方回顾了2020年签署的相关协议的执行情况。", []string{}},
		{"a bracketed title stays one", "双方将落实2022年签署的《中哈关于铁路建设的协定》。",
			[]string{"中哈关于铁路建设的协定|true|agreement|2022"}},
		{"a title in quotation marks is read as quoted", "双方欢迎2019年签署的“中哈农业合作协定”顺利实施。",
			[]string{"中哈农业合作协定|false|agreement|2019"}},
		{"Traditional, a title in corner brackets", "雙方歡迎2019年簽署的「中哈農業合作協定」順利實施。",
			[]string{"中哈農業合作協定|false|agreement|2019"}},
		// the set's reading, kept: a free trade agreement under study or
		// negotiation is cited unbracketed (cn-no, cn-co, cn-jp-kr golds)
		{"an FTA under study stays cited", "双方同意加快中哈自由贸易协定联合可行性研究。",
			[]string{"中哈自由贸易协定|false|agreement|0"}},
	})
}

// TestBracketedNameBeforePlanWord: a national policy or strategy cited by
// its name in 《》 and the kind after it (《光明之路》新经济政策, 《远景—2050》
// 长期发展政策) is a plan; a title with a kind of its own keeps it.
func TestBracketedNameBeforePlanWord(t *testing.T) {
	checkReferences(t, []refCase{
		{"a policy after its name", "中方支持哈方实施《光明之路》新经济政策。", []string{"光明之路|true|plan|0"}},
		{"a strategy after its name", "双方将推动共建“一带一路”倡议同哈方《哈萨克斯坦—2050》发展战略对接。", []string{"哈萨克斯坦—2050|true|plan|0", "“一带一路”倡议|false|initiative|0"}},
		{"Traditional, a policy", "中方支持哈方實施《光明之路》新經濟政策。", []string{"光明之路|true|plan|0"}},
		{"a charter keeps its kind", "双方重申恪守《联合国宪章》宗旨和原则。", []string{"联合国宪章|true|charter|0"}},
		{"a framework keeps its kind", "双方将落实《昆明—蒙特利尔全球生物多样性框架》行动计划。", []string{"昆明—蒙特利尔全球生物多样性框架|true|other|0"}},
		{"a plan word after 的 is another thing", "双方将制定《光明之路》的实施计划。", []string{"光明之路|true|other|0"}},
	})
}
