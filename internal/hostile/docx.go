package hostile

import (
	"archive/zip"
	"bytes"
	"strings"
)

// Docx returns a DOCX whose document holds each string as a paragraph.
func Docx(paragraphs []string) []byte {
	var body strings.Builder
	body.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	for _, p := range paragraphs {
		body.WriteString("<w:p><w:r><w:t>")
		body.WriteString(p)
		body.WriteString("</w:t></w:r></w:p>")
	}
	body.WriteString("</w:body></w:document>")
	return zipOf(map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   body.String(),
	})
}

// DocxBomb returns a DOCX of a few hundred kilobytes whose document
// expands to size bytes of empty paragraphs: the ratio of a zip bomb.
func DocxBomb(size int) []byte {
	const para = "<w:p><w:r><w:t>a</w:t></w:r></w:p>"
	return zipOf(map[string]string{
		"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			strings.Repeat(para, size/len(para)) + "</w:body></w:document>",
	})
}

func zipOf(files map[string]string) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml"} {
		content, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			panic(err) // writing to memory does not fail
		}
		if _, err := w.Write([]byte(content)); err != nil {
			panic(err)
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return b.Bytes()
}
