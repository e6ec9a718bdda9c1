package decode

import (
	"errors"
	"fmt"
	"strings"
)

// The kinds of problem Decode reports. Each *Error unwraps to one of them,
// so callers can branch with errors.Is without parsing messages.
var (
	ErrEmpty         = errors.New("decode: empty input")
	ErrTooLarge      = errors.New("decode: input too large")
	ErrUnknownFormat = errors.New("decode: unknown format")
	ErrNoText        = errors.New("decode: no text")
	ErrEncrypted     = errors.New("decode: encrypted")
	ErrCorrupt       = errors.New("decode: corrupt input")
	ErrMissingTool   = errors.New("decode: missing tool")
	ErrUndecodable   = errors.New("decode: undecodable text")
)

// Error is every problem Decode reports. Error() gives "NAME: problem" on
// one line, the form the command line prints; Kind is one of the ErrX
// sentinels (or the context's error when the caller gave up).
type Error struct {
	Name    string // the file name or URL given to Decode
	Kind    error  // ErrEmpty, ErrTooLarge, …; what errors.Is matches
	Problem string // what is wrong and, where there is one, what to do
}

// Error returns "NAME: problem", the problem in one line. The name is kept
// as it is (a file's name can hold any byte but / and NUL): whoever prints
// it to a terminal escapes it, and so shows the name truly.
func (e *Error) Error() string {
	name := e.Name
	if name == "" {
		name = "-"
	}
	return name + ": " + oneLine(e.Problem)
}

// Unwrap returns Kind.
func (e *Error) Unwrap() error { return e.Kind }

// fail builds an *Error. Causes from other packages are folded into the
// problem text with %v: callers branch on Kind, and the cause's own types
// (zip, exec) are implementation details we may change.
func fail(name string, kind error, format string, args ...any) *Error {
	return &Error{Name: name, Kind: kind, Problem: fmt.Sprintf(format, args...)}
}

// oneLine keeps messages to a single line: tools such as pdftotext print
// several lines on stderr, and a log line or CLI message must not break.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return strings.Join(lines, "; ")
}
