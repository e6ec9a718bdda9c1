package decode

import (
	"context"
	"errors"
	"os/exec"
	"strings"
)

// docMaxText caps what antiword may write, as pdfMaxText does for pdftotext.
const docMaxText = 64 << 20

// decodeDoc reads a legacy Word document (Word 97–2003 .doc) with antiword
// (Debian package antiword), under the tools' limits. antiword follows the
// document's piece table, which says which runs of text are UTF-16; catdoc,
// the other Debian reader, guesses that per 256-byte block and reads a
// block of Chinese without an ASCII space or punctuation mark as 8-bit
// garbage (docs/decisions.md).
func decodeDoc(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	tool := opt.Antiword
	if tool == "" {
		tool = "antiword"
	}
	bin, err := exec.LookPath(tool)
	if err != nil {
		return nil, fail(name, ErrMissingTool, "antiword not found: install Debian package antiword to read legacy Word .doc files, or save the file as DOCX")
	}
	maxText := textCap(opt.MaxChars, docMaxText)
	stdout := &cappedBuffer{max: maxText, strict: true}
	stderr := &cappedBuffer{max: 4 << 10}
	// -m UTF-8.txt: write UTF-8; -w 0: no wrapping, one line per paragraph.
	err = opt.Tools.run(ctx, toolRun{bin: bin, args: []string{"-m", "UTF-8.txt", "-w", "0", "{input}"}, input: data, ext: ".doc", stdout: stdout, stderr: stderr})
	problem := strings.TrimSpace(stderr.String())
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return nil, &Error{Name: name, Kind: ctx.Err(), Problem: "antiword stopped: " + ctx.Err().Error()}
	case stdout.over:
		return nil, textTooLarge(name, "the Word document's", opt.MaxChars, maxText)
	case errors.Is(err, errToolTimeout), errors.Is(err, errToolMemory):
		return nil, fail(name, ErrTooLarge, "%s", opt.Tools.limitProblem("antiword", err))
	case errors.Is(err, errNoPrlimit):
		return nil, fail(name, ErrMissingTool, "%v", err)
	case strings.Contains(strings.ToLower(problem), "encrypted"):
		return nil, fail(name, ErrEncrypted, "password-protected Word document; save it again without a password")
	case errors.As(err, &exit):
		if problem == "" {
			problem = exit.Error()
		}
		return nil, fail(name, ErrCorrupt, "antiword cannot read this Word document (%s); save it as DOCX", firstLine(problem))
	case err != nil:
		return nil, fail(name, ErrCorrupt, "cannot read the Word document: %v", err)
	}
	return &Result{Text: docParagraphs(stdout.String()), Format: formatDoc, Encoding: "utf-8", MediaType: mediaDoc}, nil
}

// docParagraphs puts antiword's one line per paragraph into Result's shape:
// paragraphs separated by a blank line.
func docParagraphs(s string) string {
	var paras []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r", "\n"), "\n") {
		if strings.TrimSpace(line) != "" {
			paras = append(paras, line)
		}
	}
	return strings.Join(paras, "\n\n")
}
