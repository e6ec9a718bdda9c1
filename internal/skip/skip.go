// Package skip records the test groups that could not run on this machine
// (no PostgreSQL, no Chromium, no pdftotext, no python3), so that the
// README's test command (scripts/test.sh) can end with one line naming each
// and why, rather than letting go test skip them without a word.
package skip

import (
	"fmt"
	"os"
	"testing"
)

// Env names the file that scripts/test.sh reads the skipped groups from.
const Env = "ENTENTE_SKIPPED"

// Group skips tb, and records "group (reason)" in the file Env names. Lines
// are appended in one write each, so test binaries running in parallel
// do not mix them; the script keeps one of each.
func Group(tb testing.TB, group, reason string) {
	tb.Helper()
	if path := os.Getenv(Env); path != "" {
		if f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o644); err == nil {
			fmt.Fprintf(f, "%s (%s)\n", group, reason)
			f.Close()
		}
	}
	tb.Skipf("SKIPPED %s: %s", group, reason)
}
