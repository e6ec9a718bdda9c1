package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/entente/entente/decode"
	"github.com/entente/entente/ingest"
)

// inputLimits are the bounds on one input, shared by ingest and serve (an
// upload is refused the same way as a file on the command line).
type inputLimits struct {
	limits      ingest.Limits
	toolTimeout time.Duration
	toolMemory  int64
}

// addFlags registers the limits' flags on cmd.
func (l *inputLimits) addFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.IntVar(&l.limits.MaxChars, "max-chars", ingest.DefaultMaxChars, "refuse a statement of more characters than this")
	f.IntVar(&l.limits.MaxSentences, "max-sentences", ingest.DefaultMaxSentences, "refuse a statement of more sentences than this")
	f.IntVar(&l.limits.MaxSentenceChars, "max-sentence-chars", ingest.DefaultMaxSentenceChars, "refuse a statement with a sentence longer than this many characters")
	f.DurationVar(&l.toolTimeout, "tool-timeout", decode.DefaultToolTimeout, "time limit of pdftotext or antiword on one file")
	f.Int64Var(&l.toolMemory, "tool-memory", decode.DefaultToolMemory, "memory limit (bytes of address space) of pdftotext or antiword")
}

// apply sets the limits on in, with one runner of outside programs for the
// whole process.
func (l *inputLimits) apply(in *ingest.Ingester) {
	in.Limits = l.limits
	tools := decode.NewTools(0)
	tools.Timeout, tools.Memory = l.toolTimeout, l.toolMemory
	in.Tools = tools
}
