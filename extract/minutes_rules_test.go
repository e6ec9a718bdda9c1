package extract

import (
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
