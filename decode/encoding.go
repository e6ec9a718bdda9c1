package decode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/saintfish/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// A codec is an encoding under the name Result.Encoding reports for it.
type codec struct {
	name string
	enc  encoding.Encoding
}

// detectSample is how much of a large input charset detection looks at;
// the chosen decoder is then checked against the whole input.
const detectSample = 64 << 10

// cjkCharsets are the chardet answers that come from its multi-byte
// recognisers. Those are reliable at confidence 50 and above (GB18030 and
// Big5 statements score 99–100); its single-byte answers are not (Serbian
// windows-1251 text scores 30), so those go to guessSerbian first.
var cjkCharsets = map[string]bool{
	"GB-18030": true, "Big5": true, "EUC-JP": true, "EUC-KR": true, "Shift_JIS": true,
	"ISO-2022-JP": true, "ISO-2022-KR": true, "ISO-2022-CN": true,
}

// decodeCharset turns in.data into UTF-8, trying in order: the encoding a
// BOM or the UTF-16 zero pattern fixed; UTF-8, when the bytes are valid
// UTF-8 beyond ASCII; the declared charset (HTTP), then the one the page
// declares (<meta>), each only if it decodes cleanly; chardet's multi-byte
// answers; the Serbian code pages; any other answer chardet is fairly sure
// of.
//
// Valid UTF-8 goes before the declarations, which are often stale: sites
// convert their pages to UTF-8 and keep <meta charset=gb2312>, and old
// servers declare ISO-8859-1 for everything. Text in another encoding is
// valid UTF-8 only by accident, and not for long.
func decodeCharset(name string, in sniffed, declared, meta string) (string, string, error) {
	if in.enc != "" {
		return string(in.data), in.enc, nil
	}
	data := in.data
	valid := utf8.Valid(data)
	if valid && !isASCII(data) {
		return string(data), "utf-8", nil
	}
	for _, label := range []string{declared, meta} {
		if c, ok := lookupCharset(label); ok {
			if s, ok := c.decode(data); ok {
				return s, c.name, nil
			}
		}
	}
	if valid {
		return string(data), "utf-8", nil
	}
	if mostlyUTF8(data) {
		return strings.ToValidUTF8(string(data), "\uFFFD"), "utf-8", nil
	}
	if s, enc, ok := detectCharset(data, in.format == formatHTML); ok {
		return s, enc, nil
	}
	return "", "", fail(name, ErrUndecodable, "cannot tell the character encoding: not UTF-8, UTF-16, GB18030, Big5 or a Serbian code page")
}

// isASCII reports whether data is all 7-bit bytes.
func isASCII(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return false
		}
	}
	return true
}

// detectCharset guesses the encoding of data that is not UTF-8.
func detectCharset(data []byte, isHTML bool) (string, string, bool) {
	sample := data[:min(len(data), detectSample)]
	det := chardet.NewTextDetector()
	if isHTML {
		det = chardet.NewHtmlDetector() // ignores the markup, which is ASCII
	}
	results, _ := det.DetectAll(sample) // the error only says nothing was found
	for _, r := range results {
		if cjkCharsets[r.Charset] && r.Confidence >= 50 {
			if s, enc, ok := tryCharset(r.Charset, data); ok {
				return s, enc, true
			}
		}
	}
	if c, ok := guessSerbian(sample); ok {
		if s, ok := c.decode(data); ok {
			return s, c.name, true
		}
	}
	for _, r := range results {
		if r.Confidence >= 20 && !strings.HasPrefix(r.Charset, "UTF-") {
			if s, enc, ok := tryCharset(r.Charset, data); ok {
				return s, enc, true
			}
		}
	}
	return "", "", false
}

// tryCharset decodes data with the charset of that label.
func tryCharset(label string, data []byte) (string, string, bool) {
	c, ok := lookupCharset(label)
	if !ok {
		return "", "", false
	}
	s, ok := c.decode(data)
	return s, c.name, ok
}

// lookupCharset finds the decoder for a charset label (WHATWG labels first,
// as browsers read them, then IANA names). GBK and GB2312 labels get the
// GB18030 decoder, a superset, and the name "gb18030". UTF-16 labels are
// refused: UTF-16 is recognised from the bytes, and a page that declares it
// without a BOM is, as browsers also assume, not UTF-16.
func lookupCharset(label string) (codec, bool) {
	label = strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	if label == "" {
		return codec{}, false
	}
	if label == "gb-18030" { // chardet's spelling
		label = "gb18030"
	}
	e, err := htmlindex.Get(label)
	if err != nil {
		e, err = ianaindex.IANA.Encoding(label)
		if err != nil || e == nil {
			return codec{}, false
		}
	}
	name, err := htmlindex.Name(e)
	if err != nil {
		if name, err = ianaindex.IANA.Name(e); err != nil {
			name = label
		}
	}
	name = strings.ToLower(name)
	switch {
	case name == "gbk" || name == "gb18030" || name == "gb2312":
		return codec{"gb18030", simplifiedchinese.GB18030}, true
	case name == "utf-8":
		return codec{"utf-8", unicode.UTF8}, true
	case strings.HasPrefix(name, "utf-16"), name == "replacement":
		return codec{}, false
	}
	return codec{name, e}, true
}

// decode converts data to UTF-8 and reports whether it fits: decoders put
// U+FFFD where bytes make no sense in their encoding, and more than one in a
// thousand characters means the encoding is wrong.
func (c codec) decode(data []byte) (string, bool) {
	out, err := c.enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", false
	}
	s := string(out)
	return s, fits(s)
}

// fits reports whether at most one character in a thousand of s is U+FFFD.
func fits(s string) bool {
	bad := strings.Count(s, "\uFFFD")
	return bad == 0 || bad*1000 <= utf8.RuneCountInString(s)
}

// mostlyUTF8 reports whether data is UTF-8 with a few stray bytes: at least
// a hundred valid multi-byte characters for each invalid byte. Legacy
// encodings form valid UTF-8 sequences only by accident, far more rarely.
func mostlyUTF8(data []byte) bool {
	good, bad := 0, 0
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && n == 1:
			bad++
		case n > 1:
			good++
		}
		data = data[n:]
	}
	return bad > 0 && good >= 100*bad
}

// unicodeView recognises the encodings that announce themselves: a byte-order
// mark (UTF-8, UTF-16LE, UTF-16BE) or the zero bytes of UTF-16 without one.
// It returns the text as UTF-8 and the encoding's name, or with an empty name
// the bytes still to be decoded.
func unicodeView(data []byte) ([]byte, string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")):
		// A UTF-8 BOM on bytes that are not UTF-8 is a mislabelled
		// conversion: drop it and let detection decide.
		if rest := data[3:]; utf8.Valid(rest) {
			return rest, "utf-8", true
		}
		return data[3:], "", true
	case bytes.HasPrefix(data, []byte("\xFF\xFE")):
		return utf16Decode(data[2:], unicode.LittleEndian), "utf-16le", true
	case bytes.HasPrefix(data, []byte("\xFE\xFF")):
		return utf16Decode(data[2:], unicode.BigEndian), "utf-16be", true
	}
	return utf16Guess(data)
}

// utf16Guess recognises UTF-16 without a BOM by its zero bytes. Zeros are
// frequent in UTF-16 (ASCII characters, newlines, and Han characters such
// as 一 U+4E00 or 开 U+5F00), rare in text in any other encoding. Both
// byte orders are decoded and the one whose characters fall in the scripts
// of real text wins; the other turns ASCII into U+xx00 and Han into
// scattered blocks.
//
// Without a BOM, a few code units prove nothing: pairs of control bytes
// decode to Latin, Cyrillic and Arabic letters (a 10-byte binary file read
// as five "letters"). So a guess needs utf16MinUnits units and the marks of
// running text: word spaces or CJK punctuation, which control bytes can
// never form.
func utf16Guess(data []byte) ([]byte, string, bool) {
	zeros := bytes.Count(data, []byte{0})
	units := len(data) / 2
	if units < utf16MinUnits || zeros < 2 || zeros*100 < units {
		return nil, "", false
	}
	le := utf16Decode(data, unicode.LittleEndian)
	be := utf16Decode(data, unicode.BigEndian)
	sl, sb := textLikeShare(le), textLikeShare(be)
	switch {
	case sl >= sb && sl >= 0.95 && runningText(le):
		return le, "utf-16le", true
	case sb > sl && sb >= 0.95 && runningText(be):
		return be, "utf-16be", true
	}
	return nil, "", false
}

// utf16MinUnits is the shortest input guessed to be UTF-16 without a BOM:
// 16 characters, shorter than any statement's title.
const utf16MinUnits = 16

// runningText reports whether s has at least one word space or CJK
// punctuation mark (、。，：；！？ and the ideographic space) per 40
// characters, as sentences do in every language we read.
func runningText(s []byte) bool {
	chars, marks := 0, 0
	for _, r := range string(s) {
		chars++
		switch {
		case r == ' ', r >= 0x3000 && r <= 0x3002, r >= 0xff01 && r <= 0xff1f && r != 0xff10:
			marks++
		}
	}
	return marks > 0 && marks*40 >= chars
}

// utf16Decode decodes UTF-16 without a BOM; unpaired surrogates and an odd
// last byte become U+FFFD.
func utf16Decode(data []byte, order unicode.Endianness) []byte {
	out, err := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		return []byte(strings.ToValidUTF8(string(out), "\uFFFD"))
	}
	return out
}

// textLikeShare returns the share of the characters of s that belong to the
// scripts and punctuation of real text: ASCII, Latin, Greek, Cyrillic,
// Hebrew, Arabic, general punctuation, CJK, kana, Hangul, full-width forms.
func textLikeShare(s []byte) float64 {
	total, good := 0, 0
	for _, r := range string(s) {
		total++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
			good++
		case r < 0x20 || (r >= 0x7f && r < 0xa0) || r == utf8.RuneError:
		case r < 0x250, r >= 0x370 && r < 0x530, r >= 0x590 && r < 0x700,
			r >= 0x2000 && r < 0x2070, r >= 0x20a0 && r < 0x20d0,
			r >= 0x3000 && r < 0x3100, r >= 0x3400 && r < 0x4dc0, r >= 0x4e00 && r < 0xa000,
			r >= 0xac00 && r < 0xd7b0, r >= 0xfe30 && r < 0xfe50, r >= 0xff00 && r < 0xfff0:
			good++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(good) / float64(total)
}
