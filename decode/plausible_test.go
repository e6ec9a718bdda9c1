package decode

import (
	"context"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// latin1Bytes returns the UTF-8 bytes of s each read as a Latin-1
// character and written out as UTF-8 again: double-encoded UTF-8.
func latin1Bytes(s string) []byte {
	var r []rune
	for _, b := range []byte(s) {
		r = append(r, rune(b))
	}
	return []byte(string(r))
}

// TestMojibake checks that text that decodes without an invalid byte but
// as gibberish is refused, and that real text in the same encodings is not.
func TestMojibake(t *testing.T) {
	zh := "中华人民共和国和塞尔维亚共和国联合声明。双方同意加强铁路合作。"
	cp1252, _ := charmap.Windows1252.NewDecoder().String(zh)
	tests := []struct {
		name string
		data []byte
		bad  error // nil: decodes
	}{
		{"double-utf8-latin1.txt", latin1Bytes(zh), ErrUndecodable},
		{"double-utf8-1252.txt", []byte(cp1252), ErrUndecodable},
		{"double-utf8-serbian.txt", latin1Bytes("Заједничка изјава о сарадњи Србије и Кине"), ErrUndecodable},
		{"gbk-as-1251.txt", encode(t, simplifiedchinese.GBK, "中华人民")[:8], ErrUndecodable},
		{"c1-bytes.txt", []byte("\x91\x8a\x80\x8c\v\x1a\x8b\x85\x93\x92"), ErrUndecodable},
		{"c1-bytes-2.txt", []byte("\t\x97\x97\x8d\x9a\n\t\x9a\x95\x9e"), ErrUndecodable},
		{"private-use.txt", []byte("双方同意\ue000\ue001\ue002\ue003\ue004\ue005\ue006\ue007加强合作。"), ErrUndecodable},
		{"french-1252.txt", encode(t, charmap.Windows1252, "Les deux parties conviennent de renforcer la coopération économique et réaffirment leur amitié."), nil},
		{"serbian-1251.txt", encode(t, charmap.Windows1251, sampleCyrillic), nil},
		{"serbian-1250.txt", encode(t, charmap.Windows1250, sampleLatin), nil},
		{"chinese-utf8.txt", []byte(zh), nil},
		{"chinese-utf16le-nobom.txt", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "联合声明\n\n"+zh+"\n"+zh+"\n"), nil},
		{"serbian-utf16be-nobom.txt", encode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), sampleCyrillic), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Decode(context.Background(), tc.name, tc.data, Options{})
			if tc.bad == nil {
				if err != nil {
					t.Fatalf("refused real text: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("stored %q (as %s), want refused", res.Text, res.Encoding)
			}
			checkError(t, err, tc.name, tc.bad)
		})
	}
}

// TestShortBinaryNotUTF16 checks that short runs of control bytes, which
// pair into Latin, Cyrillic or Arabic letters when read as UTF-16, are
// refused as binary rather than stored as one sentence of garbage.
func TestShortBinaryNotUTF16(t *testing.T) {
	for _, data := range []string{
		"\x06\x13\x04\x00\x01\x00\x01\x01\x01\x03",
		"\x16\x02\b\x04\x1f\x05\n\x00\t\x00",
		"\x00\t\x06\x18\x02\x03\x01\x00\x7f\x0f",
		"\x04\x03\x02\f\x00\r\x00\f\x01\x18",
		"\x00\x05\x16\x05\f\x05\x1d\x05\n\x00",
		"\x00\x05\x16\x05\f\x05\x1d\x05\n\x00\x00\x05\x16\x05\f\x05\x1d\x05\n\x00\x00\x05\x16\x05\f\x05\x1d\x05\n\x00\x00\x05\x16\x05\f\x05\x1d\x05\n\x00",
	} {
		res, err := Decode(context.Background(), "tiny.txt", []byte(data), Options{})
		if err == nil {
			t.Errorf("%q stored as %s %q, want refused", data, res.Encoding, res.Text)
			continue
		}
		checkError(t, err, "tiny.txt", ErrUnknownFormat)
	}
}
