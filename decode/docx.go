package decode

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Limits on word/document.xml, against zip bombs: a statement's document.xml
// is well under a megabyte and compresses about tenfold, so a part that
// expands past 50 MiB or a hundred times its compressed size is an attack or
// a broken file, and reading it would cost memory for nothing.
const (
	docxMaxXML   = 50 << 20
	docxMaxRatio = 100
	docxRatioMin = 1 << 20 // below this size the ratio is not checked: tiny parts compress oddly
	docxMainPart = "word/document.xml"
	// The WordprocessingML namespaces, transitional and strict.
	wordNS       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	wordStrictNS = "http://purl.oclc.org/ooxml/wordprocessingml/main"
)

// errExpands reports that a part expanded past the limits.
var errExpands = errors.New("decode: zip part expands past the limit")

// decodeDocx reads the text of a DOCX's main part, one paragraph per w:p.
// expected says whether the name or media type claimed DOCX: a zip without
// word/document.xml is then a broken DOCX, otherwise just some other zip.
func decodeDocx(name string, data []byte, expected bool, maxChars int) (*Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(name, ErrCorrupt, "not a readable DOCX: %v", err)
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == docxMainPart {
			part = f
			break
		}
	}
	switch {
	case part == nil && expected:
		return nil, fail(name, ErrCorrupt, "not a Word document: the zip archive has no %s", docxMainPart)
	case part == nil:
		return nil, fail(name, ErrUnknownFormat, "a zip archive without %s, not a DOCX", docxMainPart)
	case part.Flags&0x1 != 0:
		return nil, fail(name, ErrEncrypted, "the zip archive is encrypted; save the document again without a password")
	case part.UncompressedSize64 > docxMaxXML:
		return nil, fail(name, ErrTooLarge, "%s expands beyond %s (a zip bomb?)", docxMainPart, sizeString(docxMaxXML))
	}
	rc, err := part.Open()
	if err != nil {
		return nil, fail(name, ErrCorrupt, "cannot open %s: %v", docxMainPart, err)
	}
	defer rc.Close()
	maxText := textCap(maxChars, docxMaxXML)
	text, enc, err := docxText(&boundedReader{r: rc, max: docxLimit(part.CompressedSize64)}, maxText)
	switch {
	case errors.Is(err, errTextTooLarge):
		return nil, textTooLarge(name, "the DOCX's", maxChars, maxText)
	case errors.Is(err, errExpands):
		return nil, fail(name, ErrTooLarge, "%s expands beyond %s or %d times its compressed size (a zip bomb?)", docxMainPart, sizeString(docxMaxXML), docxMaxRatio)
	case err != nil:
		return nil, fail(name, ErrCorrupt, "cannot read %s: %v", docxMainPart, err)
	}
	return &Result{Text: text, Format: formatDocx, Encoding: enc, MediaType: mediaDocx}, nil
}

// docxLimit is how many bytes a part of that compressed size may expand to.
func docxLimit(compressed uint64) int64 {
	limit := uint64(docxMaxXML)
	if r := compressed * docxMaxRatio; r < limit {
		limit = max(r, docxRatioMin)
	}
	return int64(limit)
}

// boundedReader fails with errExpands once more than max bytes are read.
// The sizes in a zip's headers are the attacker's to choose; archive/zip
// refuses to read past the declared size, and we count the bytes as they
// come as well, so the limits hold whatever the headers say.
type boundedReader struct {
	r    io.Reader
	max  int64
	read int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.read += int64(n)
	if b.read > b.max {
		return n, errExpands
	}
	return n, err
}

// docxText streams WordprocessingML and returns its text with the
// encoding its XML declaration names: w:t is text, w:tab a tab, w:br and
// w:cr a line break inside the paragraph, w:p ends a paragraph. Deleted
// text (w:delText) and field codes (w:instrText) are not w:t and drop out.
func docxText(r io.Reader, maxText int) (string, string, error) {
	br := bufio.NewReader(r)
	enc := "utf-8"
	var in io.Reader = br
	// encoding/xml reads only UTF-8; OOXML allows UTF-16 with a BOM.
	if bom, _ := br.Peek(2); bytes.Equal(bom, []byte{0xFF, 0xFE}) || bytes.Equal(bom, []byte{0xFE, 0xFF}) {
		enc = "utf-16le"
		if bom[0] == 0xFE {
			enc = "utf-16be"
		}
		in = transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	d := xml.NewDecoder(in)
	d.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		if strings.HasPrefix(strings.ToLower(label), "utf-16") {
			return input, nil // transcoded above
		}
		return charset.NewReaderLabel(label, input)
	}
	var (
		paras  []string
		cur    strings.Builder
		inText bool
		inRun  int
	)
	total := 0
	flush := func() {
		if cur.Len() > 0 {
			total += cur.Len() + 2
			paras = append(paras, cur.String())
			cur.Reset()
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", "", err
		}
		switch t := tok.(type) {
		case xml.ProcInst:
			if t.Target == "xml" && enc == "utf-8" {
				if e := xmlDeclEncoding(string(t.Inst)); e != "" {
					enc = e
				}
			}
		case xml.StartElement:
			if !isWordNS(t.Name.Space) {
				continue
			}
			switch t.Name.Local {
			case "p":
				flush() // a paragraph inside a text box interrupts the outer one
			case "r":
				inRun++
			case "t":
				inText = true
			case "tab", "ptab":
				if inRun > 0 { // w:tab in w:pPr/w:tabs is a tab stop, not text
					cur.WriteByte('\t')
				}
			case "br", "cr":
				if inRun > 0 {
					cur.WriteByte('\n')
				}
			case "noBreakHyphen":
				cur.WriteByte('-')
			}
		case xml.EndElement:
			if !isWordNS(t.Name.Space) {
				continue
			}
			switch t.Name.Local {
			case "p":
				flush()
			case "r":
				inRun = max(inRun-1, 0)
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
		// A run of short paragraphs compresses as well as one long one;
		// the text, not the XML, is what fills memory downstream.
		if total+cur.Len() > maxText {
			return "", "", errTextTooLarge
		}
	}
	flush()
	return strings.Join(paras, "\n\n"), enc, nil
}

// isWordNS reports whether a namespace is WordprocessingML's.
func isWordNS(ns string) bool { return ns == wordNS || ns == wordStrictNS }

// xmlDeclEncoding returns the encoding named in an XML declaration's
// content ("version="1.0" encoding="UTF-8"…"), lower case.
func xmlDeclEncoding(inst string) string {
	_, rest, ok := strings.Cut(inst, "encoding=")
	if !ok || rest == "" {
		return ""
	}
	q := rest[0]
	if q != '"' && q != '\'' {
		return ""
	}
	v, _, ok := strings.Cut(rest[1:], string(q))
	if !ok {
		return ""
	}
	return strings.ToLower(v)
}
