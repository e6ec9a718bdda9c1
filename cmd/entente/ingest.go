package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/entente/entente"
	"github.com/entente/entente/decode"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

func newIngestCommand() *cobra.Command {
	var (
		dsn      string
		maxSize  int64
		asJSON   bool
		progress bool
		show     bool
		lang     string
		later    bool
		limits   inputLimits
	)
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL|- ...",
		Short: "Store statements: files, folders, web pages or standard input",
		Long: "Reads statements as plain text, HTML, DOCX or PDF, in UTF-8, UTF-16, GB18030/GBK, Big5 or the\n" +
			"Serbian code pages; keeps every original; recognises bytes and texts it already has.\n" +
			"Folders are read recursively. Bad inputs are reported and the batch goes on; the exit\n" +
			"status is 1 when any input was refused.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			st, err := openAnnounced(cmd, dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			defer rebuildRegistry(cmd, st) // once the statements are stored, before the store closes
			ctx = entente.NewContextWithActor(ctx, cliActor(ctx, cmd, st))
			reg, err := extract.NewRegistry()
			if err != nil {
				return err
			}
			x, err := reg.For(lang)
			if err != nil {
				return err
			}
			fetcher := ingest.NewFetcher()
			fetcher.MaxSize = maxSize
			in := &ingest.Ingester{Store: st, Extractor: x, ExtractorName: reg.ID(), MaxSize: maxSize, Fetcher: fetcher,
				LanguageGiven: lang != ""}
			if in.Linker, err = tracking.New(st); err != nil {
				return err
			}
			limits.apply(in)
			inputs, skipped := ingest.Expand(args)
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if !asJSON {
				for _, s := range skipped {
					fmt.Fprintf(stdout, "skipped: %s: %s\n", printable(s.Name), printable(s.Reason))
				}
			}

			var bar *progressbar.ProgressBar
			if progress && len(inputs) > 1 && isTerminal(stdout) {
				bar = progressbar.NewOptions(len(inputs), progressbar.OptionSetWriter(stderr),
					progressbar.OptionSetDescription("ingest"), progressbar.OptionShowCount(),
					progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100_000_000))
			}
			var outcomes []ingest.Outcome
			// The batch commits its statements without their full-text
			// index and indexes them after (sqlstore/search_pending.go):
			// its commits cost less, and a crash between leaves them
			// queued for the next indexer.
			sum := in.Batch(sqlstore.DeferIndex(ctx), inputs, cmd.InOrStdin(), func(o ingest.Outcome) {
				if bar != nil {
					bar.Clear()
				}
				if asJSON {
					outcomes = append(outcomes, o)
				} else {
					reportOutcome(stdout, stderr, o)
					if show && o.DocumentID != 0 {
						if d, err := st.Document(ctx, o.DocumentID); err == nil && d.Extraction != nil {
							fmt.Fprintln(stdout)
							_ = writeListing(stdout, d.Extraction)
							fmt.Fprintln(stdout)
						}
					}
				}
				if bar != nil {
					bar.Add(1)
				}
			})
			if bar != nil {
				bar.Finish()
			}
			if !later {
				if _, err := st.DrainIndex(ctx); err != nil {
					return fmt.Errorf("search index: %w (the statements are stored; a server's indexer or the next ingest indexes them)", err)
				}
			}
			if asJSON {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				if skipped == nil {
					skipped = []ingest.Skipped{}
				}
				if err := enc.Encode(struct {
					Outcomes []ingest.Outcome `json:"outcomes"`
					Skipped  []ingest.Skipped `json:"skipped"`
					Summary  ingest.Summary   `json:"summary"`
				}{outcomes, skipped, sum}); err != nil {
					return err
				}
			} else if sum.Total() > 1 || sum.Refused > 0 || len(skipped) > 0 {
				fmt.Fprintln(stdout, summaryLine(sum, len(skipped)))
			}
			if sum.Refused > 0 {
				return silentError{fmt.Errorf("%d of %d inputs refused", sum.Refused, sum.Total())}
			}
			return ctx.Err()
		},
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().Int64Var(&maxSize, "max-size", decode.DefaultMaxSize, "refuse inputs larger than this many bytes")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the outcomes as JSON")
	cmd.Flags().BoolVar(&progress, "progress", true, "show a progress bar when writing to a terminal")
	cmd.Flags().BoolVar(&show, "show", false, "print what was extracted from each document")
	cmd.Flags().BoolVar(&later, "index-later", false, "return once the statements are stored, leaving their full-text index to a server's background indexer (search finds them once it has caught up)")
	cmd.Flags().StringVar(&lang, "lang", "", "read every input as this language ("+strings.Join(extract.Languages, ", ")+"); detected when empty")
	limits.addFlags(cmd)
	return cmd
}

// reportOutcome prints one line per input: what was stored on stdout, what
// was refused on stderr, naming the input and the problem.
func reportOutcome(stdout, stderr io.Writer, o ingest.Outcome) {
	switch o.Status {
	case ingest.Added:
		fmt.Fprintf(stdout, "added: document %d  %s  (%s)\n", o.DocumentID, printable(o.Title), countsLine(o.Counts))
		for _, v := range o.Versions {
			fmt.Fprintf(stdout, "  linked as a version of document %d (entente unlink %d %d --reason … undoes it)\n", v, o.DocumentID, v)
		}
		for _, w := range o.Warnings {
			fmt.Fprintf(stderr, "entente: %s: warning: %s\n", printable(o.Name), printable(w))
		}
	case ingest.NewSource:
		fmt.Fprintf(stdout, "new source %d of document %d: %s (%s, %s)\n", o.SourceID, o.DocumentID, printable(o.Name), o.Format, o.Encoding)
		if o.Coverage > 0 {
			fmt.Fprintf(stdout, "  the same statement from another publisher (common body %.1f%%): entente show %d lists the differences\n", 100*o.Coverage, o.DocumentID)
		}
	case ingest.AlreadyHave:
		fmt.Fprintf(stdout, "already have: document %d (%s)\n", o.DocumentID, printable(o.Name))
	default:
		fmt.Fprintf(stderr, "entente: %s\n", printable(o.Problem))
	}
}

// summaryLine counts a batch's outcomes, and says plainly whether every
// statement went in: the files a folder held in other forms are listed
// above it and do not make the batch fail.
func summaryLine(sum ingest.Summary, skipped int) string {
	line := fmt.Sprintf("%d inputs: %d added, %d new sources, %d already had, %d refused",
		sum.Total(), sum.Added, sum.NewSources, sum.AlreadyHave, sum.Refused)
	if skipped > 0 {
		line += fmt.Sprintf("; %d other files skipped", skipped)
	}
	if sum.Refused == 0 {
		return line + "; every statement is in the library"
	}
	return line
}

func countsLine(c map[string]int) string {
	total := 0
	var parts []string
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		total += c[k]
		parts = append(parts, fmt.Sprintf("%d %s", c[k], k))
	}
	return fmt.Sprintf("%d sentences: %s", total, strings.Join(parts, ", "))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
