// Package hostile makes, at test time, the inputs an attacker or a careless
// user sends: decompression bombs, a megabyte sentence, a hundred thousand
// sentences, deep nesting, mis-encoded text. Tests in several packages feed
// them to the code that must refuse them; nothing here is used in production.
package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// PDF assembles a PDF from object bodies (object 1 is the first), with a
// correct cross-reference table, so that a reader spends its effort on the
// content rather than on repairing the file.
func PDF(objects ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objects))
	for i, o := range objects {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
	return b.Bytes()
}

// stream renders a stream object with its length.
func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// PDFBomb returns a PDF of a few kilobytes whose one page draws a form that
// draws the form below it fan times, depth levels deep: the text at the
// bottom is drawn fan^depth times (10^9 for 10 and 9), the "billion laughs"
// of PDF. A text extractor without limits keeps every drawn word of the
// page in memory.
func PDFBomb(fan, depth int) []byte {
	// 1 catalog, 2 pages, 3 page, 4 font, 5 the page's content, 6.. forms
	first := 6
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> /XObject << /X%d %d 0 R >> >> >>", depth, first+depth),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		stream("", fmt.Sprintf("/X%d Do", depth)),
	}
	// form 0 draws text; form k draws form k-1 fan times
	objs = append(objs, stream("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /Font << /F1 4 0 R >> >>",
		"BT /F1 12 Tf 20 400 Td (Both sides agree to cooperate) Tj ET"))
	for k := 1; k <= depth; k++ {
		body := strings.Repeat(fmt.Sprintf("/X%d Do ", k-1), fan)
		objs = append(objs, stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /XObject << /X%d %d 0 R >> >>", k-1, first+k-1), body))
	}
	return PDF(objs...)
}

// TextPDF returns a one-page PDF showing each line (ASCII) in Helvetica,
// in a font small enough for 700 lines to fit the page.
func TextPDF(lines ...string) []byte {
	var content strings.Builder
	content.WriteString("BT /F1 1 Tf 1 TL 20 790 Td ")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) '\n", l)
	}
	content.WriteString("ET")
	return PDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 5 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		stream("", content.String()),
	)
}
