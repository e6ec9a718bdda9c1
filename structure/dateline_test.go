package structure

import "testing"

// TestSignedDate: where the date and place of signing come from, in order
// of trust: a date-and-place line under the title, the closing formula, a
// dateline after the text, and last an agency dateline, whose month and day
// take their year from the text.
func TestSignedDate(t *testing.T) {
	tests := []struct {
		name, text, date, place, source string
	}{
		{"bracketed line under the title",
			"中华人民共和国和智利共和国联合声明\n（2025年11月3日，圣地亚哥）\n双方举行会谈。双方将深化合作。",
			"2025-11-03", "圣地亚哥", DateFromTitleLine},
		{"date then place, with a space",
			"中华人民共和国和葡萄牙共和国联合声明\n2019年12月4日 里斯本\n双方将深化合作。",
			"2019-12-04", "里斯本", DateFromTitleLine},
		{"place then date",
			"中华人民共和国和秘鲁共和国联合公报\n利马，2016年11月21日\n双方将深化合作。",
			"2016-11-21", "利马", DateFromTitleLine},
		{"a date in characters",
			"中华人民共和国和泰王国联合声明\n（二〇二四年十一月六日，北京）\n双方将深化合作。",
			"2024-11-06", "北京", DateFromTitleLine},
		{"the line under the title outranks the closing",
			"中华人民共和国和越南社会主义共和国联合声明\n（2023年12月13日，河内）\n双方将深化合作。\n本声明于2023年12月12日在河内签署，一式两份。",
			"2023-12-13", "河内", DateFromTitleLine},
		{"agency dateline: month and day, the year from the text",
			"中华人民共和国和斐济共和国联合声明\n新华社北京6月20日电　应邀请，斐济总理于2025年6月16日至21日对中国进行正式访问。双方将深化合作。",
			"2025-06-20", "北京", DateFromNews},
		{"agency dateline at the end",
			"中华人民共和国和马拉维共和国联合声明\n应邀请，马拉维总统于2024年10月对中国进行国事访问。双方将深化合作。\n（新华社北京10月13日电）",
			"2024-10-13", "北京", DateFromNews},
		{"agency dateline with no year in the text gives nothing",
			"中华人民共和国和多米尼克国联合声明\n新华社北京3月2日电　双方举行会谈。双方将深化合作。",
			"", "", ""},
		{"a closing date outranks the agency dateline",
			"中华人民共和国和南非共和国联合声明\n新华社北京9月3日电　双方将深化合作。\n本声明于2024年9月2日在北京签署，一式两份，两种文本同等作准。",
			"2024-09-02", "北京", DateFromClosing},
		{"the languages after the place end it",
			"香港特别行政区政府与阿拉伯联合酋长国政府关于金融合作的谅解备忘录\n双方将深化合作。\n本备忘录于二〇二六年三月十日在阿布扎比以中文及英文各签署两份，两种文本同等作准。",
			"2026-03-10", "阿布扎比", DateFromClosing},
		{"a place that opens with 以 keeps it",
			"中华人民共和国和以色列国联合声明\n双方将深化合作。\n本声明于2017年3月21日在以色列特拉维夫以中文、希伯来文和英文签署。",
			"2017-03-21", "以色列特拉维夫", DateFromClosing},
		{"a last item that gives the date the text ends is no closing",
			"中华人民共和国政府和柬埔寨王国政府关于经济合作的行动计划（2026—2030年）\n一、合作\n（一）双方将深化合作。\n（二）本行动计划自签署之日起生效，有效期至2030年12月31日。\n本行动计划于2026年4月18日在金边签署，一式两份，两种文本同等作准。",
			"2026-04-18", "金边", DateFromClosing},
		{"nor a last article that says until when it is in force",
			"中华人民共和国政府和老挝人民民主共和国政府关于农业合作的谅解备忘录\n第一条　双方将深化合作。\n第二条　本备忘录自签字之日起生效，有效期至2029年6月30日止。\n本备忘录于2026年3月2日在万象签订，一式两份。",
			"2026-03-02", "万象", DateFromClosing},
		{"a treaty database's header line gives the signing date and no place",
			"中华人民共和国政府和墨西哥合众国政府海运合作协定\n（签订日期1984年7月18日 生效日期1986年6月15日）\n第一条　双方将深化合作。",
			"1984-07-18", "", DateFromTitleLine},
		{"a sentence with a date under the title is no dateline",
			"中华人民共和国和加蓬共和国联合声明\n2024年9月3日，两国元首在北京举行会谈，宣布建立全面战略合作伙伴关系。双方将深化合作。",
			"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Parse(tt.text, zhVocabulary)
			if l.SignedDate != tt.date || l.SignedPlace != tt.place || l.SignedDateSource != tt.source {
				t.Errorf("signed %q in %q from %q, want %q in %q from %q",
					l.SignedDate, l.SignedPlace, l.SignedDateSource, tt.date, tt.place, tt.source)
			}
			for _, s := range l.Sentences {
				if s.Text == "" {
					t.Errorf("empty sentence")
				}
			}
		})
	}
}
