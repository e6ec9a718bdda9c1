package decode

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestHTML checks paragraphs, title, language and what is left out.
func TestHTML(t *testing.T) {
	tests := []struct {
		name, html string
		text       string // the whole result
		title      string
		lang       string
	}{
		{
			name: "fragment.html",
			html: "<P align=center>中华人民共和国和塞尔维亚共和国</P>\n<P>　　双方同意<B>继续</B>开展合作。<BR>第二行</P>",
			text: "中华人民共和国和塞尔维亚共和国\n\n　　双方同意继续开展合作。\n第二行",
		},
		{
			name:  "page.html",
			html:  `<!DOCTYPE html><html lang="sr-Latn"><head><title>Izjava</title><style>p{color:red}</style><script>var x = "skripta";</script></head><body><p>Prva   rečenica,` + "\n" + `  ista   rečenica.</p><div>Drugi <em>pasus</em></div><!-- komentar --><noscript>bez skripte</noscript></body></html>`,
			text:  "Prva rečenica, ista rečenica.\n\nDrugi pasus",
			title: "Izjava", lang: "sr-Latn",
		},
		{
			name: "pre-and-table.html",
			html: "<html><body><pre>  1.  Prvi\n  2.  Drugi</pre><table><tr><td>Strana</td><td>Potpis</td></tr><tr><td>Srbija</td><td>A. B.</td></tr></table></body></html>",
			text: "  1.  Prvi\n  2.  Drugi\n\nStrana\tPotpis\n\nSrbija\tA. B.",
		},
		{
			name: "decomposed.html", // NFC: c + combining caron becomes č
			html: "<p>sarad\u0063\u030cnja</p>",
			text: "sarad\u010dnja",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustDecode(t, tt.name, []byte(tt.html), Options{})
			if res.Format != "html" {
				t.Errorf("format %q", res.Format)
			}
			if res.Text != tt.text {
				t.Errorf("text\n%q\nwant\n%q", res.Text, tt.text)
			}
			if res.Title != tt.title || res.Language != tt.lang {
				t.Errorf("title %q lang %q, want %q %q", res.Title, res.Language, tt.title, tt.lang)
			}
		})
	}
}

// TestHTMLNoMainText checks pages with chrome but no article: a removed
// statement's page still has its menus and footer.
func TestHTMLNoMainText(t *testing.T) {
	pages := map[string]string{
		"removed.html": `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>外交部</title>
<script>var _hmt = [];</script></head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zyxw/">重要新闻</a></li><li><a href="/wjdt/">外交动态</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/ziliao/">资料</a></div>
<div class="content"></div>
<div class="footer"><p><a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a></p><p>版权所有：中华人民共和国外交部</p></div>
<script>document.write("统计");</script></body></html>`,
		"scripts-only.html": `<html><head><title>x</title></head><body><script>render()</script><noscript>JavaScript required</noscript></body></html>`,
		"links-only.html":   `<html><body><nav><a href="/a">Početna</a> <a href="/b">Vesti</a></nav><ul><li><a href="/1">Izjava o saradnji</a></li><li><a href="/2">Memorandum o razumevanju</a></li></ul></body></html>`,
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			_, err := Decode(context.Background(), name, []byte(page), Options{})
			checkError(t, err, name, ErrNoText)
		})
	}
}

// TestHTMLSniff checks that HTML is recognised by its content whatever its
// name, and by name or declared type when its content does not say.
func TestHTMLSniff(t *testing.T) {
	tests := []struct {
		name, mediaType, data, format string
	}{
		{"statement.txt", "", "<!DOCTYPE html><p>Izjava</p>", "html"},
		{"t1683011.shtml", "", "Izjava <b>o</b> saradnji", "html"},
		{"https://example.org/izjava", "text/html; charset=utf-8", "Izjava <b>o</b> saradnji", "html"},
		{"notes.txt", "", "a < b and b > c <p", "text"},
		{"mfa.bin", "", "\n  <P>双方</P>", "html"},
	}
	for _, tt := range tests {
		res := mustDecode(t, tt.name, []byte(tt.data), Options{MediaType: tt.mediaType})
		if res.Format != tt.format {
			t.Errorf("%s: format %q, want %q", tt.name, res.Format, tt.format)
		}
	}
}

// TestHTMLMetaCharset checks that <meta http-equiv> is read too.
func TestHTMLMetaCharset(t *testing.T) {
	page := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>双方同意继续开展交流合作。</p></body></html>`
	data, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	res := mustDecode(t, "page.htm", data, Options{})
	if res.Encoding != "gb18030" || !strings.Contains(res.Text, "双方同意继续开展交流合作。") {
		t.Errorf("got %s %q", res.Encoding, res.Text)
	}
}
