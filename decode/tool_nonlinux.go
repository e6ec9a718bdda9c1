//go:build !linux

package decode

import "os/exec"

// Elsewhere than on Linux there is no prlimit, and nothing else here sets
// a child's address-space limit before it starts (macOS does not honour
// RLIMIT_AS): the converters of PDF and Word 97 files are not run, so that
// no input runs unbounded. Everything else decodes in the process.
const noPrlimit = "PDF and Word 97 files are converted only on Linux, where prlimit bounds the converter's memory and time: save the file as text, HTML or DOCX first"

func findPrlimit() (string, error) { return "", errNoPrlimit }

// isolate is never reached without prlimit; the program, were it run, is
// killed alone when its context ends (exec's default).
func isolate(*exec.Cmd) {}
