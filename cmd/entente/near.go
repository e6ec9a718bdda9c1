package main

import (
	"fmt"
	"io"

	"github.com/entente/entente"
)

// writeNearSource says, under a near-duplicate source, that it is the same
// statement from another publisher and how its text differs.
func writeNearSource(w io.Writer, s entente.Source) {
	if !s.NearSource() {
		return
	}
	fmt.Fprintf(w, "  the same statement from another publisher: common body %.1f%% of the longer text\n", 100*s.Coverage)
	for _, d := range s.Differences {
		switch d.Where {
		case "start", "end":
			fmt.Fprintf(w, "  at the %s: stored %q, this source %q\n", d.Where, d.Stored, d.Source)
		default:
			fmt.Fprintf(w, "  in the body: %q where the stored text has %q (%d places)\n", d.Source, d.Stored, d.Count)
		}
	}
}
