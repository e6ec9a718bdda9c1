package decode

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"controls", "a\x00b\x07c\fd\x1b\u0080e\tf", "abcde\tf"},
		{"bom inside", "\ufeffa\ufeffb", "ab"},
		{"nfc", "c\u030cas i Z\u030c", "čas i Ž"},
		{"trailing space", "a  \t\nb\u3000\n", "a\nb"},
		{"leading indent kept", "\u3000\u3000应邀\n  b", "\u3000\u3000应邀\n  b"},
		{"blank lines", "\n\n a\n\n\n \n\t\nb\n\n", " a\n\nb"},
		{"separators", "a\u2028b\u2029c\u0085d", "a\nb\n\nc\nd"},
		{"lines kept", "第一条\n双方同意\n", "第一条\n双方同意"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("%s: normalize(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestReflowPDF(t *testing.T) {
	full := "双方一致同意继续开展交流合作并在下阶段重点关注以下领域的合作与发展问题和" // a full line: 38 CJK characters
	tests := []struct{ name, in, want string }{
		{
			"title lines stay apart, wrapped lines join, digits close up",
			"中华人民共和国和塞尔维亚共和国\n联合声明\n" + full + "\n于 2019 年 7 月访问。\n" + full + "\n" + full + "\n" + full + "\n结束。\n2019 年 7 月 23 日于北京\n\f",
			"中华人民共和国和塞尔维亚共和国\n\n联合声明\n\n" + full + "于2019年7月访问。\n\n" + full + full + full + "结束。\n\n2019年7月23日于北京",
		},
		{
			"latin words join with a space, hyphenation undone",
			"The parties agree to deepen their compre-\nhensive strategic partnership and to\nmeet every year.\nArticle 2\n",
			"The parties agree to deepen their comprehensive strategic partnership and to meet every year.\n\nArticle 2",
		},
		{
			"closing marks that wrap do not start a paragraph",
			full + "\n" + full + "。\n”双方还同意加强合作。\n",
			full + full + "。”双方还同意加强合作。",
		},
		{
			"page numbers between pages are dropped",
			full + "\n- 2 -\n" + full + "\n第 3 页 共 5 页\n结束。\nPage 4 of 5\n",
			full + full + "结束。",
		},
		{
			"blank line ends a paragraph",
			"a line without an end\n\nnext paragraph\n",
			"a line without an end\n\nnext paragraph",
		},
		{
			"spaces between CJK and Latin, not between Latin words",
			"中方 赞赏 UAE 的 立场 and Mr. Smith 于 5% 。\n",
			"中方赞赏UAE的立场and Mr. Smith于5%。",
		},
	}
	for _, tt := range tests {
		if got := reflowPDF(tt.in); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestIsPageNumber(t *testing.T) {
	for _, s := range []string{"3", "- 3 -", "— 12 —", "第3页", "第 3 页 共 5 页", "3 / 5", "Page 3", "page 3 of 5", "Strana 3", "Страна 3 од 5"} {
		if !isPageNumber(s) {
			t.Errorf("isPageNumber(%q) = false", s)
		}
	}
	for _, s := range []string{"2019", "3.", "第三条", "1. Strane se slažu", "2019 年 7 月", "Page", "3 of", "5%"} {
		if isPageNumber(s) {
			t.Errorf("isPageNumber(%q) = true", s)
		}
	}
}

func TestExtension(t *testing.T) {
	tests := map[string]string{
		"statement.PDF":  ".pdf",
		`C:\docs\a.docx`: ".docx",
		"https://www.fmprc.gov.cn/web/ziliao_674904/t1683011.shtml?id=3#top": ".shtml",
		"https://example.org/izjava":                                         "",
		"noext":                                                              "",
	}
	for in, want := range tests {
		if got := extension(in); got != want {
			t.Errorf("extension(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeclaredCharsetParse(t *testing.T) {
	tests := map[string]string{
		"text/html; charset=GB2312":   "GB2312",
		`text/html; charset="utf-8"`:  "utf-8",
		"text/html;charset=big5;x=1":  "big5",
		"text/html; charset=gbk; bad": "gbk",
		"text/html":                   "",
		"":                            "",
	}
	for in, want := range tests {
		if got := declaredCharset(in); got != want {
			t.Errorf("declaredCharset(%q) = %q, want %q", in, got, want)
		}
	}
}
