// Package decode turns the bytes of a statement, in the form it arrives, into
// normalised UTF-8 text: plain text in any of the encodings ministries publish
// in (UTF-8, UTF-16, GB18030/GBK, Big5, the Serbian Cyrillic and Latin code
// pages), an HTML page or fragment, a DOCX file or a PDF.
//
// The format is read from the content first (magic bytes, HTML markers), then
// from a declared media type, then from the file name's extension: sites serve
// statements under misleading names, and a file's bytes do not lie about what
// they are. Every problem is an *Error naming the input, with a Kind that
// callers can test with errors.Is.
//
// PDF needs the pdftotext program (Debian package poppler-utils), legacy
// Word .doc the antiword program (Debian package antiword).
package decode

import (
	"context"
	"fmt"
	"strings"
)

// Result is a decoded statement.
type Result struct {
	Text      string // normalised UTF-8 text: NFC, one paragraph per line-block, paragraphs separated by a blank line
	Format    string // "text" | "html" | "docx" | "doc" | "pdf"
	Encoding  string // the character encoding read: "utf-8", "utf-16le", "utf-16be", "gb18030", "big5", "windows-1250", "windows-1251", "iso-8859-2", "iso-8859-5" (for docx/pdf: "utf-8" or what the container declares)
	MediaType string // e.g. "text/plain; charset=gb18030", "text/html; charset=utf-8", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	Title     string // the HTML <title> / article title when there is one
	Language  string // the HTML lang attribute when there is one
}

// Options tune Decode. The zero value is ready to use.
type Options struct {
	MaxSize   int64  // refuse inputs larger than this (0 = DefaultMaxSize, 20 MiB)
	PDFToText string // path of pdftotext ("" = look it up on PATH)
	Antiword  string // path of antiword, which reads legacy Word .doc ("" = look it up on PATH)
	MediaType string // a declared Content-Type (from HTTP), may carry a charset; optional
	// MaxChars, when set, bounds the text a container (PDF, DOCX, .doc)
	// may yield, so that a small file cannot fill memory with text; the
	// caller checks the exact count of characters afterwards.
	MaxChars int
	Tools    *Tools // runs pdftotext and antiword under limits; nil = the default limits, no bound on concurrency
}

// DefaultMaxSize is the largest input Decode reads unless Options.MaxSize
// says otherwise. Statements are a few hundred kilobytes even as PDF; a
// larger file is more likely a scan or the wrong file.
const DefaultMaxSize = 20 << 20

// The formats Decode reports in Result.Format.
const (
	formatText = "text"
	formatHTML = "html"
	formatDocx = "docx"
	formatPDF  = "pdf"
	formatDoc  = "doc"
)

// The media types of the container formats.
const (
	mediaPDF  = "application/pdf"
	mediaDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mediaDoc  = "application/msword"
)

// Decode reads one input. name is the file name or URL (used for the
// extension and in errors). Every error is an *Error whose Kind is one of
// ErrEmpty, ErrTooLarge, ErrUnknownFormat, ErrNoText, ErrEncrypted,
// ErrCorrupt, ErrMissingTool, ErrUndecodable, or the context's error when ctx
// ends while pdftotext runs.
func Decode(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, &Error{Name: name, Kind: err, Problem: "not decoded: " + err.Error()}
	}
	limit := opt.MaxSize
	if limit <= 0 {
		limit = DefaultMaxSize
	}
	if int64(len(data)) > limit {
		return nil, fail(name, ErrTooLarge, "%d bytes, more than the limit of %s", len(data), sizeString(limit))
	}
	if isBlank(data) {
		if len(data) == 0 {
			return nil, fail(name, ErrEmpty, "empty file")
		}
		return nil, fail(name, ErrEmpty, "only whitespace")
	}
	in, err := sniff(name, data, opt.MediaType)
	if err != nil {
		return nil, err
	}
	var res *Result
	switch in.format {
	case formatPDF:
		res, err = decodePDF(ctx, name, data, opt)
	case formatDoc:
		res, err = decodeDoc(ctx, name, data, opt)
	case formatDocx:
		res, err = decodeDocx(name, data, in.expectDocx, opt.MaxChars)
	case formatHTML:
		res, err = decodeHTML(name, in, declaredCharset(opt.MediaType))
	default:
		res, err = decodeText(name, in, declaredCharset(opt.MediaType))
	}
	if err != nil {
		return nil, err
	}
	res.Text = normalize(res.Text)
	if strings.TrimSpace(res.Text) == "" {
		if res.Format == formatText {
			return nil, fail(name, ErrEmpty, "only whitespace once decoded as %s", res.Encoding)
		}
		return nil, fail(name, ErrNoText, "no text in this %s", strings.ToUpper(res.Format))
	}
	// antiword reads a .doc's 8-bit text through a code page it cannot
	// know (a Chinese Word 6 file comes out as Latin letters): checked too.
	if res.Format == formatText || res.Format == formatHTML || res.Format == formatDoc {
		if err := checkMojibake(name, res.Text, res.Encoding); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// decodeText reads plain text. Its lines are kept as they are: the layout
// parser downstream reads meaning into line breaks (titles, numbered
// articles, signature blocks).
func decodeText(name string, in sniffed, declared string) (*Result, error) {
	text, enc, err := decodeCharset(name, in, declared, "")
	if err != nil {
		return nil, err
	}
	return &Result{Text: text, Format: formatText, Encoding: enc, MediaType: "text/plain; charset=" + enc}, nil
}

// isBlank reports whether data holds nothing but ASCII whitespace.
func isBlank(data []byte) bool {
	for _, b := range data {
		switch b {
		case ' ', '\t', '\n', '\r', '\f', '\v':
		default:
			return false
		}
	}
	return true
}

// sizeString renders a byte count for messages: "20 MiB", "1.5 MiB", "300 bytes".
func sizeString(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// textCap is how many bytes of text a container may yield: four per
// character allowed (the longest UTF-8 character), and never more than
// hard.
func textCap(maxChars, hard int) int {
	if maxChars <= 0 || maxChars > hard/4 {
		return hard
	}
	return 4*maxChars + 4<<10
}

// textTooLarge refuses a container whose text passed the cap: with a
// character limit, more bytes than four per character are more characters
// than the limit.
func textTooLarge(name, whose string, maxChars, capBytes int) *Error {
	if maxChars > 0 && capBytes < 4*maxChars+8<<10 {
		return fail(name, ErrTooLarge, "%s text is more than %d characters, the limit (--max-chars raises it)", whose, maxChars)
	}
	return fail(name, ErrTooLarge, "%s text is more than %s", whose, sizeString(int64(capBytes)))
}
