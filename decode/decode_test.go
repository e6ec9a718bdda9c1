package decode

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// encode converts UTF-8 text with an x/text encoder.
func encode(tb testing.TB, e encoding.Encoding, s string) []byte {
	tb.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encode: %v", err)
	}
	return b
}

// TestCorpusForms decodes the development statement in every form it
// arrives in: each must give the characters of the UTF-8 .txt (whitespace
// aside, since the .txt indents with U+3000 and PDF and HTML lay out
// differently) in the same 38 paragraphs.
func TestCorpusForms(t *testing.T) {
	txt := string(mustRead(t, devStatement+".txt"))
	wantParas := len(paragraphs(strings.TrimSpace(txt)))
	tests := []struct {
		name      string
		data      func(t *testing.T) []byte
		format    string
		encoding  string
		mediaType string
		pdf       bool
	}{
		{"statement.txt", func(t *testing.T) []byte { return []byte(txt) }, "text", "utf-8", "text/plain; charset=utf-8", false},
		{"statement.gb18030.txt", func(t *testing.T) []byte { return mustRead(t, devStatement+".gb18030.txt") }, "text", "gb18030", "text/plain; charset=gb18030", false},
		{"statement.utf16le.txt", func(t *testing.T) []byte { return mustRead(t, devStatement+".utf16le.txt") }, "text", "utf-16le", "text/plain; charset=utf-16le", false},
		{"statement.html", func(t *testing.T) []byte { return mustRead(t, devStatement+".html") }, "html", "utf-8", "text/html; charset=utf-8", false},
		{"statement.docx", func(t *testing.T) []byte { return mustRead(t, devStatement+".docx") }, "docx", "utf-8", mediaDocx, false},
		{"statement.pdf", func(t *testing.T) []byte { return mustRead(t, devStatement+".pdf") }, "pdf", "utf-8", "application/pdf", true},
		// Generated here with x/text encoders.
		{"bom-utf8.txt", func(t *testing.T) []byte { return append([]byte("\xEF\xBB\xBF"), txt...) }, "text", "utf-8", "text/plain; charset=utf-8", false},
		{"bom-utf16be.txt", func(t *testing.T) []byte {
			return encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), txt)
		}, "text", "utf-16be", "text/plain; charset=utf-16be", false},
		{"nobom-utf16le.txt", func(t *testing.T) []byte {
			return encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), txt)
		}, "text", "utf-16le", "text/plain; charset=utf-16le", false},
		{"nobom-utf16be.txt", func(t *testing.T) []byte {
			return encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), txt)
		}, "text", "utf-16be", "text/plain; charset=utf-16be", false},
		{"gbk.txt", func(t *testing.T) []byte { return encode(t, simplifiedchinese.GBK, txt) }, "text", "gb18030", "text/plain; charset=gb18030", false},
		{"statement", func(t *testing.T) []byte { return encode(t, simplifiedchinese.GB18030, txt) }, "text", "gb18030", "text/plain; charset=gb18030", false},
		{"https://www.fmprc.gov.cn/web/ziliao_674904/1179_674909/t1683011.shtml", func(t *testing.T) []byte {
			return encode(t, simplifiedchinese.GBK, string(mustRead(t, devStatement+".html")))
		}, "html", "gb18030", "text/html; charset=gb18030", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.pdf {
				needPDFToText(t)
			}
			res := mustDecode(t, tt.name, tt.data(t), Options{})
			if res.Format != tt.format || res.Encoding != tt.encoding || res.MediaType != tt.mediaType {
				t.Errorf("got %s / %s / %s, want %s / %s / %s", res.Format, res.Encoding, res.MediaType, tt.format, tt.encoding, tt.mediaType)
			}
			if got, want := nonSpace(res.Text), nonSpace(txt); got != want {
				t.Errorf("text differs from the .txt at character %d:\n%s", firstDiff(got, want), res.Text)
			}
			if n := len(paragraphs(res.Text)); n != wantParas {
				t.Errorf("%d paragraphs, want %d", n, wantParas)
			}
		})
	}
}

// firstDiff returns the index of the first rune where a and b differ.
func firstDiff(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	for i := range min(len(ra), len(rb)) {
		if ra[i] != rb[i] {
			return i
		}
	}
	return min(len(ra), len(rb))
}

// The samples for the legacy encodings, written for these tests.
const (
	sampleLatin = "Republika Srbija i Narodna Republika Kina složile su se da će produbiti sveobuhvatno strateško partnerstvo. " +
		"Obe strane će ojačati saradnju u oblastima privrede, energetike, infrastrukture, poljoprivrede i kulture, uz poštovanje suvereniteta i teritorijalnog integriteta. " +
		"Đaci i studenti iz obe zemlje učestvovaće u razmenama, a čelnici će se redovno sastajati.\n\n" +
		"Šefovi diplomatija potpisali su \"Memorandum o razumevanju\" u Beogradu 8. maja 2024. godine."
	sampleCyrillic = "Република Србија и Народна Република Кина сложиле су се да ће продубити свеобухватно стратешко партнерство. " +
		"Обе стране ће ојачати сарадњу у областима привреде, енергетике, инфраструктуре, пољопривреде и културе, уз поштовање суверенитета и територијалног интегритета. " +
		"Ђаци и студенти из обе земље учествоваће у разменама, а челници ће се редовно састајати.\n\n" +
		"Шефови дипломатија потписали су \"Меморандум о разумевању\" у Београду 8. маја 2024. године. Џ."
	sampleBig5 = "中華人民共和國和阿拉伯聯合酋長國關於加強全面戰略夥伴關係的聯合聲明。\n\n" +
		"雙方同意繼續開展交流合作，深化兩國特殊關係，促進地區和平與穩定，並就共同關心的國際和地區問題保持密切溝通。"
)
