package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestDeclaredPoliciesRules: the readings a joint declaration ratified as a
// treaty taught (China–United Kingdom on Hong Kong, 1984, in Traditional
// characters), each on documents of our own in both scripts:
//   - one party's lead-in that declares its policies (X政府声明，X对…的基本
//     方针政策如下：) makes every item under it, in its section, that
//     party's: an item with no cue of its own is a principle it declares (a
//     position), what it lets be done (可, 可以) is its soft undertaking, a
//     将 that would forecast (特别行政区将保持…) is the policy undertaken;
//   - the parties opening a sentence by declaring (X和Y声明：…将…) undertake
//     what they declare will be;
//   - a list a numbered section leads in ends with its section;
//   - a text that provides for the exchange of its ratification
//     (互换批准书) binds as an agreement does, whatever its title: its entry
//     into force is the instrument itself, its "shall" binds the parties.
func TestDeclaredPoliciesRules(t *testing.T) {
	x := newTestExtractor(t)
	r := newTestRegistry(t)
	cn, both := []string{"CN"}, []string{"CN", "PT"}
	type want struct {
		text, typ, strength string
		actors              []string
	}
	tests := []struct {
		hant bool
		doc  string
		want []want
	}{
		{false, "中华人民共和国政府和葡萄牙共和国政府关于澳门问题的联合声明\n\n" +
			"一、中华人民共和国政府声明，中华人民共和国对澳门的基本方针政策如下：\n\n" +
			"（一）澳门特别行政区享有高度的自治权。\n\n" +
			"（二）澳门特别行政区将保持自由港的地位。\n\n" +
			"（三）澳门特别行政区可以同各国保持和发展经济关系，并签订有关协定。\n\n" +
			"（四）原在澳门任职的公务人员可以留用。\n\n" +
			"二、双方将加强文化交流。\n\n" +
			"三、中华人民共和国政府和葡萄牙共和国政府声明：联络小组将根据附件的规定履行职责。\n\n" +
			"四、本联合声明须经批准，并自互换批准书之日起生效。批准书应于一九八八年一月十五日前在北京互换。",
			[]want{
				{"中华人民共和国政府声明，中华人民共和国对澳门的基本方针政策如下：", "narrative", "", nil},
				{"澳门特别行政区享有高度的自治权。", "position", "", cn},
				{"澳门特别行政区将保持自由港的地位。", "commitment", "firm", cn},
				{"澳门特别行政区可以同各国保持和发展经济关系，并签订有关协定。", "commitment", "soft", cn},
				{"原在澳门任职的公务人员可以留用。", "commitment", "soft", cn},
				{"双方将加强文化交流。", "commitment", "firm", both},
				{"中华人民共和国政府和葡萄牙共和国政府声明：联络小组将根据附件的规定履行职责。", "commitment", "firm", both},
				{"本联合声明须经批准，并自互换批准书之日起生效。", "narrative", "", nil},
				{"批准书应于一九八八年一月十五日前在北京互换。", "commitment", "firm", both},
			}},
		{true, "中華人民共和國政府和葡萄牙共和國政府關於澳門問題的聯合聲明\n\n" +
			"一、中華人民共和國政府聲明，中華人民共和國對澳門的基本方針政策如下：\n\n" +
			"（一）現行的法律基本不變。\n\n" +
			"（二）澳門特別行政區將保持財政獨立。\n\n" +
			"（三）澳門特別行政區政府可自行簽發旅行證件。\n\n" +
			"二、中華人民共和國政府和葡萄牙共和國政府聲明：有關事項將根據附件的規定處理。\n\n" +
			"三、本聯合聲明須經批准，並自互換批准書之日起生效。批准書應於一九八八年一月十五日前在北京互換。",
			[]want{
				{"中華人民共和國政府聲明，中華人民共和國對澳門的基本方針政策如下：", "narrative", "", nil},
				{"現行的法律基本不變。", "position", "", cn},
				{"澳門特別行政區將保持財政獨立。", "commitment", "firm", cn},
				{"澳門特別行政區政府可自行簽發旅行證件。", "commitment", "soft", cn},
				{"中華人民共和國政府和葡萄牙共和國政府聲明：有關事項將根據附件的規定處理。", "commitment", "firm", both},
				{"本聯合聲明須經批准，並自互換批准書之日起生效。", "narrative", "", nil},
				{"批准書應於一九八八年一月十五日前在北京互換。", "commitment", "firm", both},
			}},
		// no ratification: the statement's "须" is a view, as before; a
		// lead-in both parties declare leaves its items as they read
		{false, "中华人民共和国和葡萄牙共和国联合声明\n\n" +
			"双方声明如下：\n\n" +
			"一、两国关系的发展符合两国人民的根本利益。\n\n" +
			"二、本联合声明须经批准。",
			[]want{
				{"两国关系的发展符合两国人民的根本利益。", "position", "", both},
				{"本联合声明须经批准。", "position", "", both},
			}},
	}
	for _, tc := range tests {
		name, _, _ := strings.Cut(tc.doc, "\n")
		t.Run(name, func(t *testing.T) {
			var out *entente.Extraction
			if tc.hant {
				var err error
				if out, err = r.ExtractAs(tc.doc, "zh-Hant"); err != nil {
					t.Fatal(err)
				}
			} else {
				out = x.Extract(tc.doc)
			}
			got := map[string]entente.Sentence{}
			for _, s := range out.Sentences {
				got[s.Text] = s
			}
			for _, w := range tc.want {
				s, ok := got[w.text]
				if !ok {
					t.Errorf("no sentence %q", w.text)
					continue
				}
				if string(s.Type) != w.typ || string(s.Strength) != w.strength {
					t.Errorf("%s: %s/%s, want %s/%s", w.text, s.Type, s.Strength, w.typ, w.strength)
				}
				if w.actors != nil && !slices.Equal(s.Actors, w.actors) {
					t.Errorf("%s: actors %v, want %v", w.text, s.Actors, w.actors)
				}
			}
		})
	}
}

// TestDeclaredPoliciesWords: the words such a declaration taught, on
// sentences of our own:
//   - a word of a party's official name (北爱尔兰 in 大不列颠及北爱尔兰联合王国)
//     is the party, no place it speaks of;
//   - 港币 is a currency (finance), 财政独立 public finance, 财政部 no field;
//   - 所有权 (ownership) grants no permission;
//   - a span followed by what holds through it (五十年内不变) is no deadline;
//   - 同意声明如下 is the statement's formula, no undertaking.
func TestDeclaredPoliciesWords(t *testing.T) {
	x := newTestExtractor(t)
	const cngb = "中华人民共和国和大不列颠及北爱尔兰联合王国联合声明\n\n"
	const cnpt = "中华人民共和国和葡萄牙共和国联合声明\n\n"
	tests := []struct {
		doc, typ, strength string
		areas              []string
		deadline           string
	}{
		{cngb + "中华人民共和国政府和大不列颠及北爱尔兰联合王国政府将加强教育交流。", "commitment", "firm", []string{"people"}, ""},
		// the place named on its own stays the conflict
		{cngb + "双方支持北爱尔兰和平进程。", "position", "", []string{"hotspots"}, ""},
		{cnpt + "双方将便利港币的兑换。", "commitment", "firm", []string{"finance"}, ""},
		{cnpt + "双方支持葡萄牙保持财政独立。", "", "", []string{"finance"}, ""},
		{cnpt + "双方财政部将举行会晤。", "", "", []string{"political"}, ""},
		{cnpt + "双方同意企业所有权受法律保护。", "commitment", "firm", nil, ""},
		{cnpt + "双方同意该协定的规定在五十年内不变。", "commitment", "firm", nil, ""},
		{cnpt + "双方同意在五十年内完成该项工程。", "commitment", "firm", nil, "五十年内"},
		{cnpt + "双方回顾了两国的友好关系，一致认为深化合作有助于两国发展，同意声明如下：", "position", "", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.doc, func(t *testing.T) {
			r := x.Extract(tc.doc)
			if len(r.Sentences) != 1 {
				t.Fatalf("%d sentences", len(r.Sentences))
			}
			s := r.Sentences[0]
			if tc.typ != "" && (string(s.Type) != tc.typ || string(s.Strength) != tc.strength) {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.areas != nil && !slices.Equal(orEmpty(s.Areas), tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
			got := ""
			if s.Deadline != nil {
				got = *s.Deadline
			}
			if got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}
