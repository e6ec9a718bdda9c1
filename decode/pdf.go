package decode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// pdfMaxText caps what pdftotext may write: text streams compress well, but
// a statement's text is a few hundred kilobytes.
const pdfMaxText = 64 << 20

// errTextTooLarge reports that pdftotext wrote more than pdfMaxText.
var errTextTooLarge = errors.New("decode: pdftotext output too large")

// decodePDF runs pdftotext (poppler-utils) on a temporary copy of data and
// puts back the paragraphs and CJK spacing it takes apart. pdftotext is the
// most faithful extractor we found for CID and Type 3 fonts, and keeps the
// reading order (docs/decisions.md).
func decodePDF(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	tool := opt.PDFToText
	bin, err := findPDFToText(tool)
	if err != nil {
		return nil, fail(name, ErrMissingTool, "%v: install Debian package poppler-utils", err)
	}
	// A PDF ends with %%EOF (readers look in the last KiB); without it the
	// file was cut short, and poppler would reconstruct what it can and
	// return part of the statement as if it were whole.
	if !bytes.Contains(data[max(0, len(data)-1024):], []byte("%%EOF")) {
		return nil, fail(name, ErrCorrupt, "truncated PDF: no %%%%EOF at the end; download it again")
	}
	maxText := textCap(opt.MaxChars, pdfMaxText)
	text, err := runPDFToText(ctx, opt.Tools, bin, data, maxText)
	if err != nil {
		return nil, pdfError(ctx, opt, name, data, maxText, err)
	}
	if strings.TrimSpace(text) == "" {
		return nil, fail(name, ErrNoText, "PDF has no text layer (a scanned image?); run OCR first")
	}
	return &Result{Text: reflowPDF(text), Format: formatPDF, Encoding: "utf-8", MediaType: mediaPDF}, nil
}

// findPDFToText returns the path of pdftotext: tool if given, else the one
// on PATH.
func findPDFToText(tool string) (string, error) {
	if tool == "" {
		tool = "pdftotext"
	}
	path, err := exec.LookPath(tool)
	if err != nil {
		return "", fmt.Errorf("pdftotext not found")
	}
	return path, nil
}

// pdftotextError is a failed run: its exit code and what it said.
type pdftotextError struct {
	code   int
	stderr string
}

func (e *pdftotextError) Error() string {
	if e.stderr == "" {
		return fmt.Sprintf("pdftotext exited with status %d", e.code)
	}
	return e.stderr
}

// runPDFToText runs pdftotext -enc UTF-8 -nopgbrk FILE - under the
// tools' limits and returns its output with form feeds dropped.
func runPDFToText(ctx context.Context, tools *Tools, bin string, data []byte, maxText int) (string, error) {
	stdout := &cappedBuffer{max: maxText, strict: true}
	stderr := &cappedBuffer{max: 4 << 10} // poppler can print an error per damaged object
	err := tools.run(ctx, toolRun{bin: bin, args: []string{"-enc", "UTF-8", "-nopgbrk", "{input}", "-"}, input: data, ext: ".pdf", stdout: stdout, stderr: stderr})
	if stdout.over && ctx.Err() == nil {
		return "", errTextTooLarge
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return "", &pdftotextError{code: exit.ExitCode(), stderr: strings.TrimSpace(stderr.String())}
	}
	if err != nil {
		return "", err
	}
	return strings.ReplaceAll(stdout.String(), "\f", ""), nil
}

// pdfError turns a failed pdftotext run into an *Error of the right kind.
func pdfError(ctx context.Context, opt Options, name string, data []byte, maxText int, err error) *Error {
	if ctx.Err() != nil {
		return &Error{Name: name, Kind: ctx.Err(), Problem: "pdftotext stopped: " + ctx.Err().Error()}
	}
	switch {
	case errors.Is(err, errTextTooLarge):
		return textTooLarge(name, "the PDF's", opt.MaxChars, maxText)
	case errors.Is(err, errToolTimeout), errors.Is(err, errToolMemory):
		return fail(name, ErrTooLarge, "%s", opt.Tools.limitProblem("pdftotext", err))
	case errors.Is(err, errNoPrlimit):
		return fail(name, ErrMissingTool, "%v", err)
	}
	var pe *pdftotextError
	if !errors.As(err, &pe) {
		return fail(name, ErrCorrupt, "cannot read the PDF: %v", err) // could not start pdftotext
	}
	switch {
	case strings.Contains(pe.stderr, "Incorrect password"):
		return fail(name, ErrEncrypted, "PDF is encrypted with a password; decrypt it first (qpdf --decrypt --password=…)")
	case pe.code == 3:
		return fail(name, ErrEncrypted, "PDF forbids copying its text")
	case bytes.Contains(data, []byte("/Encrypt")):
		return fail(name, ErrEncrypted, "PDF is encrypted and pdftotext cannot open it: %s", firstLine(pe.Error()))
	}
	return fail(name, ErrCorrupt, "damaged PDF: %s", firstLine(pe.Error()))
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// cappedBuffer keeps up to max bytes. Past that, a strict buffer refuses
// more, which stops the command; another drops the rest quietly. The
// buffer is a field, not embedded: an embedded bytes.Buffer would lend
// cappedBuffer its ReadFrom, and io.Copy (which os/exec uses to fill it)
// would read through that past every limit.
type cappedBuffer struct {
	buf    bytes.Buffer
	max    int
	strict bool
	over   bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if b.buf.Len()+len(p) <= b.max {
		return b.buf.Write(p)
	}
	b.over = true
	if b.strict {
		return 0, errTextTooLarge
	}
	b.buf.Write(p[:b.max-b.buf.Len()])
	return len(p), nil
}

// String returns what was kept.
func (b *cappedBuffer) String() string { return b.buf.String() }
