package decode

import (
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
)

// TestLegacyEncodings checks that detection names the encoding each sample
// was saved in, and that the text comes back exactly.
func TestLegacyEncodings(t *testing.T) {
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
		want string
	}{
		{"big5.txt", traditionalchinese.Big5, sampleBig5, "big5"},
		{"gbk-short.txt", simplifiedchinese.GBK, "双方同意继续开展交流合作，深化两国特殊关系。", "gb18030"},
		{"sr-latin-1250.txt", charmap.Windows1250, sampleLatin, "windows-1250"},
		{"sr-latin-8859-2.txt", charmap.ISO8859_2, sampleLatin, "iso-8859-2"},
		{"sr-cyrillic-1251.txt", charmap.Windows1251, sampleCyrillic, "windows-1251"},
		{"sr-cyrillic-8859-5.txt", charmap.ISO8859_5, sampleCyrillic, "iso-8859-5"},
		{"sr-latin-utf8.txt", unicode.UTF8, sampleLatin, "utf-8"},
		{"sr-cyrillic-utf8.txt", unicode.UTF8, sampleCyrillic, "utf-8"},
		{"sr-cyrillic-utf16le.txt", unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), sampleCyrillic, "utf-16le"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := encode(t, tt.enc, tt.text)
			res := mustDecode(t, tt.name, data, Options{})
			if res.Encoding != tt.want {
				t.Errorf("encoding %q, want %q", res.Encoding, tt.want)
			}
			if res.Text != tt.text {
				t.Errorf("text\n%s\nwant\n%s", res.Text, tt.text)
			}
		})
	}
}

// TestSerbianOneLine checks detection on a single short line, the least
// evidence a statement's file gives (a title saved on its own).
func TestSerbianOneLine(t *testing.T) {
	tests := []struct {
		enc  encoding.Encoding
		text string
		want string
	}{
		{charmap.Windows1251, "Заједничка изјава о сарадњи Србије и Кине", "windows-1251"},
		{charmap.Windows1251, "„Заједничка изјава“ – Београд, 8. мај 2024.", "windows-1251"},
		{charmap.Windows1250, "„Zajednička izjava“ – Beograd, 8. maj 2024.", "windows-1250"},
		{charmap.ISO8859_5, "Заједничка изјава о сарадњи Србије и Кине", "iso-8859-5"},
		{charmap.Windows1250, "Zajednička izjava o saradnji Srbije i Kine, šest tačaka", "windows-1250"},
		{charmap.ISO8859_2, "Zajednička izjava o saradnji Srbije i Kine, šest tačaka", "iso-8859-2"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			res := mustDecode(t, "title.txt", encode(t, tt.enc, tt.text), Options{})
			if res.Encoding != tt.want || res.Text != tt.text {
				t.Errorf("got %s %q, want %s %q", res.Encoding, res.Text, tt.want, tt.text)
			}
		})
	}
}

// TestDeclaredCharset checks the charset of a Content-Type: used when it
// decodes the bytes, passed over when it does not (servers declare UTF-8
// for pages that are not).
func TestDeclaredCharset(t *testing.T) {
	tests := []struct {
		name      string
		mediaType string
		data      []byte
		want      string
		text      string
	}{
		{"cyr.txt", "text/plain; charset=windows-1251", encode(t, charmap.Windows1251, sampleCyrillic), "windows-1251", sampleCyrillic},
		{"gbk.txt", "text/plain; charset=utf-8", encode(t, simplifiedchinese.GBK, "中华人民共和国外交部发言人答记者问。"), "gb18030", "中华人民共和国外交部发言人答记者问。"},
		{"page.html", "text/html; charset=GB2312", encode(t, simplifiedchinese.GBK, "<p>双方同意继续开展交流合作。</p>"), "gb18030", "双方同意继续开展交流合作。"},
		// The HTTP header wins over the page's own <meta>, as in browsers.
		{"meta.html", "text/html; charset=big5", encode(t, traditionalchinese.Big5, `<meta charset="gbk"><p>雙方同意繼續開展交流合作。</p>`), "big5", "雙方同意繼續開展交流合作。"},
		{"unknown-label.txt", "text/plain; charset=x-no-such", []byte("plain ASCII"), "utf-8", "plain ASCII"},
		{"ascii.txt", "text/plain; charset=windows-1251", []byte("plain ASCII"), "windows-1251", "plain ASCII"},
		// Valid UTF-8 beyond ASCII wins over a stale declaration.
		{"converted.html", "", []byte(`<meta charset="gb2312"><p>双方同意继续开展交流合作。</p>`), "utf-8", "双方同意继续开展交流合作。"},
		{"old-server.html", "text/html; charset=ISO-8859-1", []byte(`<p>Čelnici su se složili.</p>`), "utf-8", "Čelnici su se složili."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustDecode(t, tt.name, tt.data, Options{MediaType: tt.mediaType})
			if res.Encoding != tt.want || res.Text != tt.text {
				t.Errorf("got %s %q, want %s %q", res.Encoding, res.Text, tt.want, tt.text)
			}
		})
	}
}

// TestMostlyUTF8 checks that a stray byte in a long UTF-8 text does not send
// it to detection, which would read it as something else.
func TestMostlyUTF8(t *testing.T) {
	txt := mustRead(t, devStatement+".txt")
	data := append(append(append([]byte{}, txt[:300]...), 0xff), txt[300:]...)
	res := mustDecode(t, "stray.txt", data, Options{})
	if res.Encoding != "utf-8" {
		t.Fatalf("encoding %q, want utf-8", res.Encoding)
	}
	if nonSpace(res.Text) != nonSpace(string(txt[:300])+"\uFFFD"+string(txt[300:])) {
		t.Errorf("text changed beyond the stray byte")
	}
}

// TestSerbianScore checks the scoring on its own: the right code page
// scores best for each script.
func TestSerbianScore(t *testing.T) {
	for _, tt := range []struct {
		enc  encoding.Encoding
		text string
		want string
	}{
		{charmap.Windows1251, sampleCyrillic, "windows-1251"},
		{charmap.ISO8859_5, sampleCyrillic, "iso-8859-5"},
		{charmap.Windows1250, sampleLatin, "windows-1250"},
		{charmap.ISO8859_2, sampleLatin, "iso-8859-2"},
	} {
		c, ok := guessSerbian(encode(t, tt.enc, tt.text))
		if !ok || c.name != tt.want {
			t.Errorf("guessSerbian = %q, %v; want %q", c.name, ok, tt.want)
		}
	}
	if _, ok := guessSerbian(encode(t, charmap.Windows1252, "Déclaration conjointe: la coopération économique reste forte à l'été.")); ok {
		t.Errorf("French in windows-1252 taken for Serbian")
	}
}
