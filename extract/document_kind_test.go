package extract

import (
	"testing"

	"github.com/entente/entente"
)

// TestDocumentKindBracketedSpan reads a document's kind from its title's
// last word when a span of years in brackets closes the title, as action
// plans and programmes are titled.
func TestDocumentKindBracketedSpan(t *testing.T) {
	x := newTestExtractor(t)
	for _, c := range []struct {
		title string
		want  entente.Kind
	}{
		{"中华人民共和国农业农村部和巴基斯坦伊斯兰共和国国家粮食安全与研究部关于农业合作的五年行动计划（2026—2030年）", entente.Kind("action_plan")},
		{"中国—东盟全面战略伙伴关系行动计划（2026—2030）", entente.Kind("action_plan")},
		{"中华人民共和国政府和某国政府经济技术合作协定 (2025)", entente.Kind("agreement")},
		{"中华人民共和国和越南社会主义共和国联合声明", entente.Kind("joint_statement")},
		{"关于加强合作的说明（草案）", entente.KindOther},
		// a subtitle after a colon: the kind ends the title before it
		{"美利坚合众国和印度尼西亚共和国领导人联合声明：将两国关系提升为全面战略伙伴关系", entente.Kind("joint_statement")},
		{"中华人民共和国和某国关于加强合作的谅解备忘录：落实两国元首共识", entente.Kind("mou")},
		{"关于加强合作的说明：草案", entente.KindOther},
	} {
		if got := x.documentKind(c.title); got != c.want {
			t.Errorf("%s: kind %s, want %s", c.title, got, c.want)
		}
	}
}

// TestSignedDateNotTheDayItEnds: an instrument's last item that says until
// when it is in force (有效期至…) is a provision of its section, and its date
// is not the date of signing; the closing formula after it gives that.
func TestSignedDateNotTheDayItEnds(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		"中华人民共和国政府和柬埔寨王国政府关于经济合作的行动计划（2026—2030年）\n\n一、合作\n\n（一）双方将深化经贸合作。\n\n（二）本行动计划自签署之日起生效，有效期至2030年12月31日。\n\n本行动计划于2026年4月18日在金边签署，一式两份，两种文本同等作准。",
	} {
		out := x.Extract(text)
		d := out.Document
		if d.SignedDate == nil || *d.SignedDate != "2026-04-18" {
			t.Errorf("signed date %v, want 2026-04-18", d.SignedDate)
		}
		last := out.Sentences[len(out.Sentences)-2]
		if last.Section == "closing" {
			t.Errorf("%q read as the closing", last.Text)
		}
	}
}
