package decode

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode"

	"github.com/entente/entente/internal/skip"
)

// update rewrites the generated fixtures in testdata/ (mfa-page.html,
// encrypted.pdf): go test ./decode -run 'TestMFAPage|TestEncryptedPDF' -update
var update = flag.Bool("update", false, "rewrite the generated fixtures in testdata/")

// devStatement is the development statement, in every form the corpus holds.
const devStatement = "../testdata/corpus/cn-ae-2019-joint-statement.zh"

// mustRead returns the bytes of a file or stops the test.
func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// nonSpace drops all whitespace (the .txt indents with U+3000, which counts).
func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// paragraphs splits decoded text into its paragraphs.
func paragraphs(s string) []string {
	return strings.Split(s, "\n\n")
}

// needPDFToText skips a test loudly when pdftotext is missing, and fails it
// in CI, where the tests must run.
func needPDFToText(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("pdftotext"); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("pdftotext not found: CI must install Debian package poppler-utils")
	}
	skip.Group(tb, "PDF", "no pdftotext: apt-get install poppler-utils")
}

// mustDecode decodes or stops the test.
func mustDecode(tb testing.TB, name string, data []byte, opt Options) *Result {
	tb.Helper()
	res, err := Decode(context.Background(), name, data, opt)
	if err != nil {
		tb.Fatalf("Decode(%s): %v", name, err)
	}
	return res
}

// checkError checks that err is an *Error of that kind, naming the input,
// in one line.
func checkError(tb testing.TB, err error, name string, kind error) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("Decode(%s) succeeded, want %v", name, kind)
	}
	var de *Error
	if !errors.As(err, &de) {
		tb.Fatalf("Decode(%s) error %T %v, want *Error", name, err, err)
	}
	if !errors.Is(err, kind) {
		tb.Errorf("Decode(%s) = %q of kind %v, want %v", name, err, de.Kind, kind)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, name+": ") || len(msg) <= len(name)+2 {
		tb.Errorf("message %q does not start with %q and a problem", msg, name+": ")
	}
	if strings.ContainsAny(msg, "\r\n") {
		tb.Errorf("message %q is more than one line", msg)
	}
}

// zipOf returns a zip archive holding the named files.
func zipOf(tb testing.TB, files map[string][]byte) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// docxOf returns a minimal DOCX whose body holds these paragraphs.
func docxOf(tb testing.TB, paras ...string) []byte {
	tb.Helper()
	var body strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&body, `<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>`, p)
	}
	return zipOf(tb, map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`),
		"word/document.xml":   []byte(wordDocument(body.String())),
	})
}

// wordDocument wraps body XML in a WordprocessingML document.
func wordDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body + `</w:body></w:document>`
}

// minimalPDF returns a one-page PDF whose page draws content with
// resources; extra objects are numbered from 5 on. Offsets in the xref
// table are exact, so poppler reads it without reconstruction.
func minimalPDF(resources, content string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Resources " + resources + " /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
	}
	objs = append(objs, extra...)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// textPDF returns a PDF with one line of Latin text in Helvetica.
func textPDF(text string) []byte {
	return minimalPDF("<< /Font << /F1 5 0 R >> >>",
		"BT /F1 12 Tf 20 100 Td ("+text+") Tj ET",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
}

// scannedPDF returns a PDF whose page is only an image, as a scanner makes:
// no text layer.
func scannedPDF() []byte {
	pixels := bytes.Repeat([]byte{0x00, 0xff}, 32) // 8×8 grey checks
	return minimalPDF("<< /XObject << /Im0 5 0 R >> >>",
		"q 280 0 0 180 10 10 cm /Im0 Do Q",
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream", len(pixels), pixels))
}
