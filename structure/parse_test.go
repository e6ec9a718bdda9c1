package structure

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// zhVocabulary is the layout vocabulary of the Chinese cue table, kept
// small here so that the layout tests do not depend on the lexicon.
var zhVocabulary = Vocabulary{
	TitleEndings: []string{"联合声明", "声明", "联合公报", "公报", "协定", "协议", "谅解备忘录", "备忘录", "行动计划", "宣言"},
	Closing:      []string{"一式两份", "同等作准", "签订", "签署于", "本声明", "本协定", "本备忘录", "本谅解备忘录", "作准"},
	Offices:      []string{"主席", "总统", "总理", "部长", "外长", "代表", "国王"},
	NewsAgencies: []string{"新华社", "中新社"},
	Subjects:     []string{"双方", "两国"},
	EndsAt:       []string{"有效期至", "有效期到", "有效至"},
	// as the Chinese reader sets it (extract.newExtractor)
	RecitalsRunOn: true,
}

func TestParseLayouts(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		title       string
		sections    []string
		sentences   []string
		date, place string
		signatories int
	}{
		{
			name: "numbered articles, closing, signature block, agency dateline",
			text: "中华人民共和国和巴西联邦共和国联合声明\n\n应邀访问。双方举行会谈。\n\n一、双方同意深化合作。\n\n二、双方将加强交流。\n\n" +
				"本声明于二〇二三年四月十四日在北京签订，一式两份，两种文本同等作准。\n中华人民共和国主席 巴西联邦共和国总统\n习近平 卢拉\n(新华社北京4月14日电)",
			title:    "中华人民共和国和巴西联邦共和国联合声明",
			sections: []string{"preamble", "1", "2", "closing"},
			sentences: []string{"应邀访问。", "双方举行会谈。", "双方同意深化合作。", "双方将加强交流。",
				"本声明于二〇二三年四月十四日在北京签订，一式两份，两种文本同等作准。"},
			date: "2023-04-14", place: "北京", signatories: 2,
		},
		{
			name:      "title on two lines, dash list, full-width indents, bare dateline",
			text:      "中华人民共和国和埃及\n\n关于深化全面战略伙伴关系的联合声明\n\n\u3000\u3000双方一致同意：\n\n\u3000\u3000——加强经贸合作。\n\n\u3000\u3000——扩大人文交流。\n\n\u3000\u30002016年1月21日于开罗",
			title:     "中华人民共和国和埃及关于深化全面战略伙伴关系的联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方一致同意：", "加强经贸合作。", "扩大人文交流。"},
			date:      "2016-01-21", place: "开罗",
		},
		{
			name:     "recitals ending in ；run on to the preamble's lead-in",
			text:     "中华人民共和国政府和巴西联邦共和国政府（以下简称“双方”），\n\n忆及两国建交以来的友好关系；\n\n重申两国签署的合作协定的精神；\n\n认识到深化合作符合两国人民的利益，\n\n兹声明如下：\n\n一、双方同意深化合作。",
			sections: []string{"preamble", "1"},
			sentences: []string{"中华人民共和国政府和巴西联邦共和国政府（以下简称“双方”），忆及两国建交以来的友好关系；重申两国签署的合作协定的精神；认识到深化合作符合两国人民的利益，兹声明如下：",
				"双方同意深化合作。"},
		},
		{
			// an exchange programme's examples: 1. … under one lead-in, 1. …
			// again under the next, （三）（四） and later （一）（二）: lists, no articles
			name:     "numbers that start again from one are list items",
			text:     "交流计划\n\n双方将鼓励互访。例如：\n\n1.甲团将访华。\n\n2.乙团将访英。\n\n（三）双方将鼓励展览。例如：\n\n1.丙展将在英展出。\n\n（四）双方将鼓励出版。\n\n通则\n\n（一）本计划须遵守法律。\n\n（二）费用由双方商定。",
			title:    "交流计划",
			sections: []string{"preamble"},
			sentences: []string{"双方将鼓励互访。", "例如：", "甲团将访华。", "乙团将访英。", "双方将鼓励展览。", "例如：", "丙展将在英展出。",
				"双方将鼓励出版。", "本计划须遵守法律。", "费用由双方商定。"},
		},
		{
			name:      "items under a lead-in ending in ；stay apart",
			text:      "联合声明\n\n双方同意：\n\n加强港口合作；\n\n扩大旅游往来；\n\n具体安排如下：\n\n双方将继续合作。",
			title:     "联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方同意：", "加强港口合作；", "扩大旅游往来；", "具体安排如下：", "双方将继续合作。"},
		},
		{
			name:      "paragraphs ending in ；that lead to no lead-in stay apart",
			text:      "联合声明\n\n双方将加强港口合作；\n\n双方将扩大旅游往来。",
			title:     "联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方将加强港口合作；", "双方将扩大旅游往来。"},
		},
		{
			name:      "sentence broken over a blank line",
			text:      "联合声明\n\n双方反对就有关问题\n\n强加任何方案。双方将继续合作。",
			title:     "联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方反对就有关问题强加任何方案。", "双方将继续合作。"},
		},
		{
			name:      "articles numbered 第一条 with sub-items (一)",
			text:      "中华人民共和国政府和希腊共和国政府谅解备忘录\n第一条 双方同意：\n（一）加强港口合作；\n（二）扩大旅游往来。\n第二条 本备忘录自签署之日起生效。",
			title:     "中华人民共和国政府和希腊共和国政府谅解备忘录",
			sections:  []string{"1", "2"},
			sentences: []string{"双方同意：", "加强港口合作；", "扩大旅游往来。", "本备忘录自签署之日起生效。"},
		},
		{
			name:      "chapters (第一章) over articles numbered on through them are headings, no sections",
			text:      "广东省人民政府与香港特别行政区政府合作框架协议\n\n第一章　总则\n\n第一条　合作目标\n\n双方将深化合作。\n\n第二章　机制安排\n\n第二条　联席会议\n\n双方同意每年举行一次联席会议。\n\n第三条　双方将加强交流。",
			title:     "广东省人民政府与香港特别行政区政府合作框架协议",
			sections:  []string{"1", "2", "3"},
			sentences: []string{"双方将深化合作。", "双方同意每年举行一次联席会议。", "双方将加强交流。"},
		},
		{
			name:      "a term's end (有效期至) is no signing date: the article stays, the signing line closes",
			text:      "广东省人民政府与香港特别行政区政府合作框架协议\n\n第一条　双方将深化合作。\n\n第二条　生效\n\n本协议自双方签署之日起生效，有效期至二〇三五年十二月三十一日。\n\n本协议于二〇二六年十一月二十日在广州签署，一式两份，两份文本具有同等效力。",
			title:     "广东省人民政府与香港特别行政区政府合作框架协议",
			sections:  []string{"1", "2", "closing"},
			sentences: []string{"双方将深化合作。", "本协议自双方签署之日起生效，有效期至二〇三五年十二月三十一日。", "本协议于二〇二六年十一月二十日在广州签署，一式两份，两份文本具有同等效力。"},
			date:      "2026-11-20", place: "广州",
		},
		{
			name:      "chapters alone number the sections",
			text:      "中华人民共和国政府和希腊共和国政府合作规划\n第一章 双方将深化合作。\n第二章 双方将加强交流。",
			title:     "中华人民共和国政府和希腊共和国政府合作规划",
			sections:  []string{"1", "2"},
			sentences: []string{"双方将深化合作。", "双方将加强交流。"},
		},
		{
			name:      "a numbered topic line over items of its own is the section's title",
			text:      "中法联合声明\n\n一、加强政治对话，促进政治互信\n\n1．中法两国将继续举行年度会晤。\n\n2．双方同意举办对话。\n\n二、双方将扩大贸易，深化投资合作\n\n三、经济合作\n\n3．双方将扩大贸易。",
			title:     "中法联合声明",
			sections:  []string{"1", "2", "3"},
			sentences: []string{"中法两国将继续举行年度会晤。", "双方同意举办对话。", "双方将扩大贸易，深化投资合作", "双方将扩大贸易。"},
		},
		{
			name:      "unnumbered heading line",
			text:      "联合声明\n\n双方愿加强合作。\n\n经贸合作\n\n双方将扩大贸易。",
			title:     "联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方愿加强合作。", "双方将扩大贸易。"},
		},
		{
			name:      "a longer topic line standing as a paragraph of its own is a heading, whoever opens the next",
			text:      "联合声明\n\n双方愿加强合作。\n\n通过创新、可持续发展和数字化转型促进包容性经济增长\n\n两国领导人重申增长的重要性。\n\n促进印太及其他地区的和平与稳定\n\n拜登总统祝贺维多多总统。",
			title:     "联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方愿加强合作。", "两国领导人重申增长的重要性。", "拜登总统祝贺维多多总统。"},
		},
		{
			name:      "a sentence broken across a blank line is no heading: an open end or a carried-on start",
			text:      "联合声明\n\n双方愿加强合作。\n\n进一步扩大在经贸投资和人文的\n\n合作。\n\n深化两国在港口、铁路和基础设施建设\n\n等领域的合作。",
			title:     "联合声明",
			sections:  []string{"preamble"},
			sentences: []string{"双方愿加强合作。", "进一步扩大在经贸投资和人文的合作。", "深化两国在港口、铁路和基础设施建设等领域的合作。"},
		},
		{
			name:      "closing formula naming the text itself, with a date",
			text:      "中欧领导人会晤联合声明\n\n1. 双方同意加强合作。\n\n本联合声明于2026年7月14日在布鲁塞尔发表。",
			title:     "中欧领导人会晤联合声明",
			sections:  []string{"1", "closing"},
			sentences: []string{"双方同意加强合作。", "本联合声明于2026年7月14日在布鲁塞尔发表。"},
			date:      "2026-07-14", place: "布鲁塞尔",
		},
		{
			name:      "closing formula with a Minguo date and the same day in the common era before the place",
			text:      "中华民国政府与巴拉圭共和国政府合作协定\n\n第一条　双方同意加强合作。\n\n本协定于中华民国一一四年十月二十日，即公历二〇二五年十月二十日，在台北市签署。",
			title:     "中华民国政府与巴拉圭共和国政府合作协定",
			sections:  []string{"1", "closing"},
			sentences: []string{"双方同意加强合作。", "本协定于中华民国一一四年十月二十日，即公历二〇二五年十月二十日，在台北市签署。"},
			date:      "2025-10-20", place: "台北市",
		},
		{
			name:      "closing formula done at a place (订于) after a Minguo date and the same day in the common era",
			text:      "中华民国政府与危地马拉共和国政府农业合作协定\n\n第一条　双方同意加强合作。\n\n本协定于中华民国一百十四年三月十日，即西元二〇二五年三月十日订于危地马拉市。",
			title:     "中华民国政府与危地马拉共和国政府农业合作协定",
			sections:  []string{"1", "closing"},
			sentences: []string{"双方同意加强合作。", "本协定于中华民国一百十四年三月十日，即西元二〇二五年三月十日订于危地马拉市。"},
			date:      "2025-03-10", place: "危地马拉市",
		},
		{
			name:      "closing formula with a Minguo date and no place",
			text:      "中华民国政府与巴拉圭共和国政府合作协定\n\n第一条　双方同意加强合作。\n\n本协定于中华民国一一四年十月二十日签署。",
			title:     "中华民国政府与巴拉圭共和国政府合作协定",
			sections:  []string{"1", "closing"},
			sentences: []string{"双方同意加强合作。", "本协定于中华民国一一四年十月二十日签署。"},
			date:      "2025-10-20",
		},
		{
			name:      "no title, body only",
			text:      "双方同意加强合作。中方愿扩大进口。",
			sections:  []string{"preamble"},
			sentences: []string{"双方同意加强合作。", "中方愿扩大进口。"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Parse(tc.text, zhVocabulary)
			if l.Title != tc.title {
				t.Errorf("title %q, want %q", l.Title, tc.title)
			}
			var ids []string
			for _, s := range l.Sections {
				ids = append(ids, s.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tc.sections, " ") {
				t.Errorf("sections %v, want %v", ids, tc.sections)
			}
			var got []string
			for _, s := range l.Sentences {
				got = append(got, s.Text)
			}
			if strings.Join(got, "|") != strings.Join(tc.sentences, "|") {
				t.Errorf("sentences\n got %q\nwant %q", got, tc.sentences)
			}
			if l.SignedDate != tc.date || l.SignedPlace != tc.place {
				t.Errorf("signed %q in %q, want %q in %q", l.SignedDate, l.SignedPlace, tc.date, tc.place)
			}
			if len(l.Signatories) != tc.signatories {
				t.Errorf("%d signatories, want %d: %+v", len(l.Signatories), tc.signatories, l.Signatories)
			}
			checkCoverage(t, tc.text, l)
		})
	}
}

// checkCoverage asserts that nothing is silently dropped: every character
// of the text is in a block (title, body, metadata), in order, and the
// sentences hold exactly the body's characters.
func checkCoverage(t *testing.T, text string, l *Layout) {
	t.Helper()
	var want strings.Builder
	read, lines := splitLines(text, nil)
	soft := map[int]bool{} // where, in want without spaces, a line ends in a hyphen
	n := 0                 // the length of want without spaces
	for _, ln := range lines {
		want.WriteString(ln.text)
		n += len(noSpace(ln.text))
		if strings.HasSuffix(ln.text, "-") {
			soft[n-1] = true
		}
		if read[ln.at:ln.at+len(ln.text)] != ln.text {
			t.Errorf("line %q is not at its offset %d", ln.text, ln.at)
		}
	}
	if l.Text != read {
		t.Errorf("Layout.Text is not the text read")
	}
	for _, s := range l.Sentences {
		if (s.Start < 0) != (s.End < 0) || s.Start >= 0 && l.Text[s.Start:s.End] != s.Text {
			t.Errorf("sentence %q is not at its offsets %d:%d", s.Text, s.Start, s.End)
		}
	}
	var blocks, body, sents strings.Builder
	for _, b := range l.Blocks {
		blocks.WriteString(b.Marker + b.Text)
		if b.Role == RoleBody || b.Role == RoleClosing {
			body.WriteString(b.Text)
		}
	}
	for _, s := range l.Sentences {
		sents.WriteString(s.Text)
	}
	if a, b := noSpace(want.String()), noSpace(blocks.String()); !coversBut(a, b, soft) {
		t.Errorf("blocks do not cover the text:\ntext   %q\nblocks %q", a, b)
	}
	if a, b := noSpace(body.String()), noSpace(sents.String()); a != b {
		t.Errorf("sentences do not cover the body:\nbody      %q\nsentences %q", a, b)
	}
}

// coversBut reports whether got is want, but for hyphens that ended a
// line (at the byte offsets soft gives) and that a join took out, as it
// does of a word broken at a line's end.
func coversBut(want, got string, soft map[int]bool) bool {
	i, j := 0, 0
	for i < len(want) && j < len(got) {
		switch {
		case want[i] == got[j]:
			i, j = i+1, j+1
		case soft[i]:
			i++
		default:
			return false
		}
	}
	for i < len(want) && soft[i] {
		i++
	}
	return i == len(want) && j == len(got)
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/layouts/*.txt")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("联合声明\n\n一、双方同意。\n二、双方将。\n本声明于2020年1月1日在北京签订，一式两份。\n主席 总统\n甲 乙")
	f.Add("——\n（一）\n第一条\n1.\n\n\u3000\u3000")
	f.Add("\xff\xfe\x00a。b\r\nc")
	f.Fuzz(func(t *testing.T, text string) {
		l := Parse(text, zhVocabulary)
		checkCoverage(t, text, l)
	})
}

func FuzzSegment(f *testing.F) {
	f.Add("双方同意。中方愿意！塞方？“好。”")
	f.Add("Mr. Smith met Dr. Jones on 8. maja 2024. They agreed. No. 5 is here.")
	f.Add("...!!!???。。。")
	f.Add("双方\xff同意。é中方！\u3000")
	f.Fuzz(func(t *testing.T, para string) {
		got := Segment(para)
		if a, b := noSpace(para), noSpace(strings.Join(got, "")); a != b {
			t.Errorf("segments lose text: %q → %q", para, got)
		}
		// a valid paragraph's sentences are cut from its own bytes, in order
		if utf8.ValidString(para) {
			rest := para
			for _, s := range got {
				k := strings.Index(rest, s)
				if k < 0 {
					t.Fatalf("sentence %q is not in what follows in %q", s, para)
				}
				rest = rest[k+len(s):]
			}
		}
		for _, s := range got {
			if strings.TrimSpace(s) == "" {
				t.Errorf("empty sentence in %q", got)
			}
		}
	})
}

func TestSegment(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"双方同意。中方愿意！塞方呢？", []string{"双方同意。", "中方愿意！", "塞方呢？"}},
		{"他说：“双方同意。”随后离开。", []string{"他说：“双方同意。”", "随后离开。"}},
		{"双方特此声明如下：", []string{"双方特此声明如下："}},
		{"Mr. Vučić met Dr. Li. They agreed.", []string{"Mr. Vučić met Dr. Li.", "They agreed."}},
		{"Potpisano 8. maja 2024. u Beogradu. Strane su se složile.", []string{"Potpisano 8. maja 2024. u Beogradu.", "Strane su se složile."}},
		{"The text (No. 5) stands.", []string{"The text (No. 5) stands."}},
	}
	for _, tc := range tests {
		if got := Segment(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Segment(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestParseCNNumber(t *testing.T) {
	for in, want := range map[string]int{"一": 1, "十": 10, "十二": 12, "二十": 20, "二十八": 28, "三十一": 31, "一百零五": 105, "12": 12, "１２": 12, "一一四": 114, "一〇九": 109} {
		if got, ok := parseCNNumber(in); !ok || got != want {
			t.Errorf("parseCNNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	if _, ok := parseCNNumber("塞"); ok {
		t.Error("parseCNNumber accepted a non-number")
	}
}

func TestFindDate(t *testing.T) {
	for in, want := range map[string]string{
		"2019年7月23日于北京":         "2019-07-23",
		"本声明于二〇二四年五月八日在贝尔格莱德签订": "2024-05-08",
		"于 2019 年 7 月 23 日":     "2019-07-23",
		"二〇二二年十二月九日于利雅得":        "2022-12-09",
		"二0一0年三月二十一日於北京":        "2010-03-21", // an Arabic zero typed for 〇
		"二０一一年十月二日":             "2011-10-02",
		"中華民國一百一十三年八月十三日於亞松森":   "2024-08-13", // Taiwan's calendar
		"民國113年8月13日":           "2024-08-13",
		"中華民國一一四年五月二十日在臺北":      "2025-05-20", // a Minguo year digit by digit
		"中華民國一○九年十月一日":          "2020-10-01",
	} {
		d, ok := findDate(in)
		if !ok || d.ISO() != want {
			t.Errorf("findDate(%q) = %v %v, want %s", in, d.ISO(), ok, want)
		}
	}
	if _, ok := findDate("2019年13月40日"); ok {
		t.Error("findDate accepted month 13")
	}
}

// TestSentenceOffsets: a sentence of a paragraph that stands in the text as
// it is gets its byte offsets there; one of a paragraph the layout joined
// from two lines or squeezed gets -1.
func TestSentenceOffsets(t *testing.T) {
	tests := []struct {
		name, text string
		v          Vocabulary
		want       map[string]bool // sentence → has offsets
	}{
		{"Chinese, one paragraph a line", "中塞联合声明\n\n双方同意。中方愿意！\n二、塞方支持“一带一路”。", zhVocabulary,
			map[string]bool{"双方同意。": true, "中方愿意！": true, "塞方支持“一带一路”。": true}},
		{"a line broken mid-sentence", "双方同意加强\n合作。\u3000\u3000中方愿意。", zhVocabulary,
			map[string]bool{"双方同意加强合作。": false, "中方愿意。": false}},
		{"spaced script, CRLF and a BOM", "\ufeffThe two sides met.  They agreed.\r\n\r\n- The sides will trade.", latinVocabulary,
			map[string]bool{"The two sides met.": false, "They agreed.": false, "The sides will trade.": true}},
		{"spaced script", "The two sides met. They agreed on trade.\n\n1. The sides will trade.", latinVocabulary,
			map[string]bool{"The two sides met.": true, "They agreed on trade.": true, "The sides will trade.": true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Parse(tc.text, tc.v)
			got := map[string]bool{}
			for _, s := range l.Sentences {
				got[s.Text] = s.Start >= 0
				if s.Start >= 0 && l.Text[s.Start:s.End] != s.Text {
					t.Errorf("%q is not at %d:%d", s.Text, s.Start, s.End)
				}
			}
			for s, want := range tc.want {
				if has, ok := got[s]; !ok || has != want {
					t.Errorf("sentence %q: offsets %v (found %v), want %v; sentences %v", s, has, ok, want, got)
				}
			}
		})
	}
}

// TestChineseSignatureBlock holds how a Chinese signature block pairs each
// name with its office: the office set beside the name on its line (外交部部长
// 林佳龙) is the title, and the line of governments over the block (中华民国政府,
// over a line of 代表) is whom each column signs for, not the office.
func TestChineseSignatureBlock(t *testing.T) {
	v := zhVocabulary
	v.Offices = append([]string{"政府", "长官", "省长", "主任"}, v.Offices...)
	tests := []struct {
		name, tail string
		want       []Signatory
	}{
		{"government, representative, office and name",
			"中华民国（台湾）政府　　　　巴拉圭共和国政府\n代表　　　　　　　　代表\n外交部部长　林佳龙　　　　外交部部长　拉米瑞兹",
			[]Signatory{{Title: "外交部部长", Name: "林佳龙", For: "中华民国（台湾）政府"}, {Title: "外交部部长", Name: "拉米瑞兹", For: "巴拉圭共和国政府"}}},
		{"an office a party's name does not open",
			"香港特别行政区政府　　　　泰王国政府\n代表　　　　　　　　代表\n行政长官　李家超　　　　副总理兼商业部长　披猜",
			[]Signatory{{Title: "行政长官", Name: "李家超", For: "香港特别行政区政府"}, {Title: "副总理兼商业部长", Name: "披猜", For: "泰王国政府"}}},
		{"government, then office and name",
			"广东省人民政府　　　　　　香港特别行政区政府\n省长　王伟中　　　　　　　行政长官　李家超",
			[]Signatory{{Title: "省长", Name: "王伟中", For: "广东省人民政府"}, {Title: "行政长官", Name: "李家超", For: "香港特别行政区政府"}}},
		{"offices over names",
			"中华人民共和国主席　　　巴西联邦共和国总统\n习近平　　　　　　卢拉",
			[]Signatory{{Title: "中华人民共和国主席", Name: "习近平"}, {Title: "巴西联邦共和国总统", Name: "卢拉"}}},
		{"ministries, representative, names, then offices",
			"中华人民共和国商务部　　　　印度尼西亚共和国贸易部\n代表　　　　　　　　代表\n王文涛　　　　　　　　布迪·桑托索\n部长　　　　　　　　部长",
			[]Signatory{{Title: "部长", Name: "王文涛", For: "中华人民共和国商务部"}, {Title: "部长", Name: "布迪·桑托索", For: "印度尼西亚共和国贸易部"}}},
		{"ministries, representative, names",
			"中华人民共和国生态环境部　　　　巴西联邦共和国环境部\n代表　　　　　　　　代表\n黄润秋　　　　　　　　玛丽娜·席尔瓦",
			[]Signatory{{Title: "代表", Name: "黄润秋", For: "中华人民共和国生态环境部"}, {Title: "代表", Name: "玛丽娜·席尔瓦", For: "巴西联邦共和国环境部"}}},
		{"a commission named in full with its country, over representatives",
			"中华人民共和国国家发展和改革委员会　　希腊共和国环境和能源部\n代表　　　　　　　　代表\n郑栅洁　　　　　　　　斯塔夫罗斯·帕帕斯塔夫鲁\n主任　　　　　　　　部长",
			[]Signatory{{Title: "主任", Name: "郑栅洁", For: "中华人民共和国国家发展和改革委员会"}, {Title: "部长", Name: "斯塔夫罗斯·帕帕斯塔夫鲁", For: "希腊共和国环境和能源部"}}},
		{"names over offices",
			"习近平　　　　　　卢拉\n中华人民共和国主席　　　巴西联邦共和国总统",
			[]Signatory{{Title: "中华人民共和国主席", Name: "习近平"}, {Title: "巴西联邦共和国总统", Name: "卢拉"}}},
		{"one signatory a line",
			"中华人民共和国主席　习近平\n巴西联邦共和国总统　卢拉",
			[]Signatory{{Title: "中华人民共和国主席", Name: "习近平"}, {Title: "巴西联邦共和国总统", Name: "卢拉"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := "中华民国政府与巴拉圭共和国政府合作协定\n\n第一条　双方同意加强合作。\n\n本协定于二〇二五年十月二十日在台北签署，一式两份，同等作准。\n\n" + tc.tail
			l := Parse(text, v)
			if len(l.Signatories) != len(tc.want) {
				t.Fatalf("signatories %+v, want %+v", l.Signatories, tc.want)
			}
			for i, s := range l.Signatories {
				if s != tc.want[i] {
					t.Errorf("signatory %d %+v, want %+v", i, s, tc.want[i])
				}
			}
		})
	}
}
