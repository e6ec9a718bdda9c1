package decode

import (
	"bytes"
	"errors"
	"mime"
	"net/url"
	"path"
	"strings"
)

// sniffed is what the first look at an input found.
type sniffed struct {
	format     string
	expectDocx bool   // the name or media type says DOCX: a zip without word/document.xml is then corrupt, not unknown
	data       []byte // text and HTML: the bytes to decode (UTF-8 already when enc is set)
	enc        string // set when a byte-order mark or the UTF-16 zero pattern fixed the encoding
}

// Magic numbers of the containers we read or recognise.
const (
	magicPDF = "%PDF-"
	magicZip = "PK\x03\x04"
	magicOLE = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" // Compound File Binary: legacy Office, and encrypted OOXML
	magicRTF = "{\\rtf"
	// An encrypted DOCX is a CFB file holding a stream of this name
	// (MS-OFFCRYPTO); directory entry names are UTF-16LE.
	oleEncryptedPackage = "E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00"
	// A legacy Word document is a CFB file holding a WordDocument stream.
	oleWordDocument = "W\x00o\x00r\x00d\x00D\x00o\x00c\x00u\x00m\x00e\x00n\x00t\x00"
)

// sniff decides the format from the content first, then from the declared
// media type, then from the name's extension. It reports inputs that claim a
// container format they are not, and binary content in no format we read.
func sniff(name string, data []byte, mediaType string) (sniffed, error) {
	ext := extension(name)
	declared := declaredType(mediaType)
	wantDocx := ext == ".docx" || declared == mediaDocx
	wantPDF := ext == ".pdf" || declared == mediaPDF
	wantDoc := ext == ".doc" || declared == mediaDoc

	// PDF readers accept the header anywhere in the first KiB (some
	// generators put junk or a BOM before it), and so does pdftotext.
	if bytes.Contains(data[:min(len(data), 1024)], []byte(magicPDF)) {
		return sniffed{format: formatPDF}, nil
	}
	switch {
	case bytes.HasPrefix(data, []byte(magicZip)) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return sniffed{format: formatDocx, expectDocx: wantDocx}, nil
	case bytes.HasPrefix(data, []byte(magicOLE)):
		switch {
		case bytes.Contains(data, []byte(oleEncryptedPackage)):
			return sniffed{}, fail(name, ErrEncrypted, "password-protected Word document; save it again without a password")
		case bytes.Contains(data, []byte(oleWordDocument)):
			return sniffed{format: formatDoc}, nil
		}
		return sniffed{}, fail(name, ErrUnknownFormat, "legacy Office file (.xls, .ppt or .msg), not a Word document")
	case bytes.HasPrefix(data, []byte(magicRTF)):
		return sniffed{}, fail(name, ErrUnknownFormat, "RTF is not read; save it as DOCX")
	}

	in := sniffed{format: formatText, data: data}
	if b, enc, ok := unicodeView(data); ok {
		in.data, in.enc = b, enc
	}
	if looksBinary(in.data) {
		switch {
		case wantPDF:
			return sniffed{}, fail(name, ErrCorrupt, "not a PDF: no %s header", magicPDF)
		case wantDocx:
			return sniffed{}, fail(name, ErrCorrupt, "not a DOCX: not a zip archive")
		case wantDoc:
			return sniffed{}, fail(name, ErrCorrupt, "not a Word .doc: no Compound File header")
		}
		return sniffed{}, fail(name, ErrUnknownFormat, "binary content, not text, HTML, DOCX, .doc or PDF")
	}
	switch {
	case looksHTML(in.data):
		in.format = formatHTML
	case declared == "text/html" || declared == "application/xhtml+xml":
		in.format = formatHTML
	case wantPDF:
		return sniffed{}, fail(name, ErrCorrupt, "not a PDF: no %s header", magicPDF)
	case wantDocx:
		return sniffed{}, fail(name, ErrCorrupt, "not a DOCX: not a zip archive")
	case wantDoc:
		return sniffed{}, fail(name, ErrCorrupt, "not a Word .doc: no Compound File header")
	case ext == ".htm" || ext == ".html" || ext == ".xhtml" || ext == ".shtml":
		in.format = formatHTML
	}
	// A file of plain text under another format's extension (.json, .csv,
	// .xml, .md) is data or notes, not a statement: a folder of mixed files
	// must not turn them into documents. Addresses and standard input carry
	// no reliable extension and are read by content.
	if in.format == formatText && ext != "" && !textExtensions[ext] && !strings.Contains(name, "://") {
		return sniffed{}, fail(name, ErrUnknownFormat, "unknown extension %s: statements are read from .txt, .html, .docx, .doc or .pdf", ext)
	}
	return in, nil
}

// textExtensions are the extensions a plain-text statement is saved under.
var textExtensions = map[string]bool{".txt": true, ".text": true, ".utf8": true, ".asc": true}

// extension returns the lower-case extension of a file name or of a URL's
// path ("" when there is none).
func extension(name string) string {
	p := name
	if strings.Contains(name, "://") {
		if u, err := url.Parse(name); err == nil {
			p = u.Path
		}
	}
	p = strings.ReplaceAll(p, `\`, "/")
	return strings.ToLower(path.Ext(p))
}

// declaredType returns the media type of a Content-Type value, lower case,
// without parameters ("" when there is none or it does not parse).
func declaredType(contentType string) string {
	if contentType == "" {
		return ""
	}
	t, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		// A header such as "text/html; charset" is common enough; keep the type.
		t, _, _ = strings.Cut(contentType, ";")
	}
	return strings.ToLower(strings.TrimSpace(t))
}

// declaredCharset returns the charset parameter of a Content-Type value.
func declaredCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return params["charset"]
	}
	_, rest, ok := strings.Cut(strings.ToLower(contentType), "charset=")
	if !ok {
		return ""
	}
	rest, _, _ = strings.Cut(rest, ";")
	return strings.Trim(strings.TrimSpace(rest), `"'`)
}

// looksBinary reports whether data has more control bytes than text does.
// Text may carry tabs, line and page breaks, ESC (ISO-2022 shifts) and the
// DOS end-of-file SUB; more than 1% of other control bytes is not text.
func looksBinary(data []byte) bool {
	n := 0
	for _, b := range data {
		if b < 0x20 || b == 0x7f {
			switch b {
			case '\t', '\n', '\r', '\f', '\v', 0x1a, 0x1b:
			default:
				n++
			}
		}
	}
	return n*100 > len(data)
}

// Markers that make a text HTML. Strong markers count anywhere in the head of
// the file; weak ones (tags that also open a bare fragment such as the MFA's
// statement pages, which are just a run of <P> elements) count when the text
// opens with a tag, or when several of them occur.
var (
	htmlStrong = []string{"<!doctype html", "<html", "<head>", "<body"}
	htmlWeak   = []string{"<p>", "<p ", "</p>", "<div", "<br", "<meta ", "<title>", "<table", "<span", "<h1", "<h2", "<h3", "<article", "<section"}
)

// looksHTML reports whether the start of data is HTML.
func looksHTML(data []byte) bool {
	head := asciiLower(data[:min(len(data), 4096)])
	for _, m := range htmlStrong {
		if bytes.Contains(head, []byte(m)) {
			return true
		}
	}
	opens := bytes.HasPrefix(bytes.TrimLeft(head, " \t\r\n\f\ufeff"), []byte("<"))
	weak := 0
	for _, m := range htmlWeak {
		weak += bytes.Count(head, []byte(m))
	}
	return (opens && weak > 0) || weak >= 3
}

// asciiLower lowercases ASCII letters only, leaving every other byte (of any
// encoding) as it is.
func asciiLower(b []byte) []byte {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return out
}

// formExtensions are the extensions of the forms Decode reads: a folder's
// files under other extensions (README.md, data.json, a photo) are not
// statements.
var formExtensions = map[string]bool{
	".htm": true, ".html": true, ".xhtml": true, ".shtml": true, ".docx": true, ".doc": true, ".pdf": true,
}

// Reads reports whether a file of that name is in a form Decode reads, by
// its extension alone; a name without an extension is read by content.
func Reads(name string) bool {
	ext := extension(name)
	return ext == "" || textExtensions[ext] || formExtensions[ext]
}

// InProcess reports whether Decode reads data in the process alone, by
// its first bytes: everything but a PDF (pdftotext), a DOCX (an archive)
// and a Word .doc (antiword), which are the reads that cost more than
// finding the bytes stored. Ingest decodes such an input before looking
// it up, and looks its bytes and its text up at once.
func InProcess(data []byte) bool {
	return !bytes.Contains(data[:min(len(data), 1024)], []byte(magicPDF)) &&
		!bytes.HasPrefix(data, []byte(magicZip)) && !bytes.HasPrefix(data, []byte("PK\x05\x06")) &&
		!bytes.HasPrefix(data, []byte(magicOLE))
}

// SniffHead is the size of the head that Precheck looks at.
const SniffHead = 64 << 10

// Precheck looks at the first bytes of a longer input and refuses what its
// head already shows Decode would refuse (binary content in no form we
// read, a form we do not read, a container under another's name), so that
// a large file of the wrong kind is not read whole to be refused.
func Precheck(name string, head []byte) error {
	_, err := sniff(name, head, "")
	var de *Error
	if errors.As(err, &de) && (errors.Is(err, ErrUnknownFormat) || errors.Is(err, ErrCorrupt)) {
		return err
	}
	return nil
}
