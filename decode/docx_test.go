package decode

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"context"
	"hash/crc32"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// TestDocx checks the WordprocessingML that carries text and what does not.
func TestDocx(t *testing.T) {
	body := `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
		`<w:r><w:t>Član</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">1. </w:t></w:r>` +
		`<w:r><w:t>Strane</w:t><w:br/><w:t>se</w:t><w:noBreakHyphen/><w:t>slažu</w:t></w:r>` +
		`<w:del><w:r><w:delText>obrisano</w:delText></w:r></w:del>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
		`</w:p><w:p/><w:p/><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Za Republiku Srbiju</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	data := zipOf(t, map[string][]byte{"word/document.xml": []byte(wordDocument(body))})
	res := mustDecode(t, "clan.docx", data, Options{})
	want := "Član\t1. Strane\nse-slažu\n\nZa Republiku Srbiju"
	if res.Text != want || res.Format != "docx" || res.Encoding != "utf-8" || res.MediaType != mediaDocx {
		t.Errorf("got %q (%s %s %s), want %q", res.Text, res.Format, res.Encoding, res.MediaType, want)
	}
}

// TestDocxUTF16 checks a document.xml saved in UTF-16, which OOXML allows.
func TestDocxUTF16(t *testing.T) {
	doc := strings.Replace(wordDocument(`<w:p><w:r><w:t>双方同意</w:t></w:r></w:p>`), "UTF-8", "UTF-16", 1)
	xml16 := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), doc)
	res := mustDecode(t, "utf16.docx", zipOf(t, map[string][]byte{"word/document.xml": xml16}), Options{})
	if res.Text != "双方同意" || res.Encoding != "utf-16le" {
		t.Errorf("got %q %s", res.Text, res.Encoding)
	}
}

// TestDocxErrors checks broken, encrypted and hostile DOCX files.
func TestDocxErrors(t *testing.T) {
	encrypted := append([]byte(magicOLE), make([]byte, 512)...)
	encrypted = append(encrypted, oleEncryptedPackage...)
	tests := []struct {
		name string
		data []byte
		kind error
		says string
	}{
		{"not-a-zip.docx", []byte("PK but not really a zip"), ErrCorrupt, "not a DOCX"},
		{"broken-zip.docx", []byte("PK\x03\x04 and then nothing a zip reader wants"), ErrCorrupt, "not a readable DOCX"},
		{"no-document.docx", zipOf(t, map[string][]byte{"word/styles.xml": []byte("<w:styles/>")}), ErrCorrupt, "no word/document.xml"},
		{"archive.zip", zipOf(t, map[string][]byte{"readme.txt": []byte("hello")}), ErrUnknownFormat, "not a DOCX"},
		{"bad-xml.docx", zipOf(t, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + wordNS + `"><w:p><w:t>x</w:p>`)}), ErrCorrupt, "cannot read word/document.xml"},
		{"encrypted.docx", encrypted, ErrEncrypted, "password"},
		{"empty.docx", docxOf(t), ErrNoText, "no text"},
		{"bomb-declared.docx", bomb(t, 60<<20, false), ErrTooLarge, "expands beyond 50 MiB"},
		{"bomb-ratio.docx", bomb(t, 20<<20, false), ErrTooLarge, "expands beyond"},
		// archive/zip stops at the size the header declares.
		{"bomb-lying.docx", bomb(t, 60<<20, true), ErrCorrupt, "cannot read word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Decode(context.Background(), tt.name, tt.data, Options{})
			checkError(t, err, tt.name, tt.kind)
			if err != nil && !strings.Contains(err.Error(), tt.says) {
				t.Errorf("message %q does not say %q", err, tt.says)
			}
		})
	}
}

// bomb returns a DOCX whose document.xml is size bytes of one repeated
// byte, deflated about a thousandfold. With lie set, the zip headers claim
// the part is 1 KiB, as a crafted bomb's would.
func bomb(tb testing.TB, size int, lie bool) []byte {
	tb.Helper()
	var raw bytes.Buffer
	fw, err := flate.NewWriter(&raw, flate.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("a"), 1<<20)
	crc := crc32.NewIEEE()
	for n := 0; n < size; n += len(chunk) {
		fw.Write(chunk)
		crc.Write(chunk)
	}
	if err := fw.Close(); err != nil {
		tb.Fatal(err)
	}
	fh := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(raw.Len()), UncompressedSize64: uint64(size)}
	if lie {
		fh.UncompressedSize64 = 1 << 10
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.CreateRaw(fh)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := w.Write(raw.Bytes()); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}
