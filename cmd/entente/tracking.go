package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/tracking"
)

// The tracking commands: statuses, evidence, corrections, re-extraction,
// history, undo, scorecards, and a document's withdrawal and purge.

// trackerRunE wraps a command that works through a tracker.
func trackerRunE(dsn *string, fn func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error) func(*cobra.Command, []string) error {
	return storeRunE(dsn, func(cmd *cobra.Command, st store, args []string) error {
		tr, err := tracking.New(st)
		if err != nil {
			return err
		}
		return fn(cmd, tr, st, args)
	})
}

// readingRunE is trackerRunE with the tracker given the extractor, for
// commands whose change reads a document again: re-extraction, and a
// correction of a document's parties or language (made, reviewed, undone).
func readingRunE(dsn *string, fn func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error) func(*cobra.Command, []string) error {
	return trackerRunE(dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
		x, err := extract.NewRegistry()
		if err != nil {
			return err
		}
		tr.Extractor, tr.ExtractorName = x, x.ID()
		return fn(cmd, tr, st, args)
	})
}

// output prints v as JSON with --json, else calls text.
func output(cmd *cobra.Command, asJSON bool, v any, text func(w io.Writer) error) error {
	if asJSON {
		return writeJSON(cmd.OutOrStdout(), v)
	}
	return text(cmd.OutOrStdout())
}

func commonFlags(cmd *cobra.Command, dsn *string, asJSON *bool) {
	dbFlag(cmd, dsn)
	cmd.Flags().BoolVar(asJSON, "json", false, "print JSON")
}

func newCommitmentsCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		cf     commitmentFlags
	)
	cmd := &cobra.Command{
		Use:   "commitments",
		Short: "List commitments with their status per party and due date",
		Args:  cobra.NoArgs,
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			f := cf.filter()
			var p *tracking.Page
			var err error
			if cf.upcoming {
				p, err = tr.Upcoming(cmd.Context(), f)
			} else {
				p, err = tr.Commitments(cmd.Context(), f)
			}
			if err != nil {
				return err
			}
			return output(cmd, asJSON, p, func(w io.Writer) error {
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "COMMITMENT\tSIGNED\tDUE\tSTATUS\tSTRENGTH\tAREAS\tTEXT")
				for _, c := range p.Commitments {
					due := "-"
					if c.Due != nil {
						due = c.Due.Date
						if due == "" {
							due = "open"
						}
						if c.Overdue {
							due += " OVERDUE"
						}
					}
					var sts []string
					for _, s := range c.Statuses {
						sts = append(sts, s.Party+":"+string(s.Status))
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Ref(), c.SignedDate, due, strings.Join(sts, " "),
						c.Sentence.Strength, strings.Join(c.Sentence.Areas, ","), clip(c.Sentence.Text, 40))
				}
				fmt.Fprintf(tw, "%d of %d\n", len(p.Commitments), p.Total)
				return tw.Flush()
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cf.add(cmd, true, 50)
	return cmd
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func newEvidenceCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "evidence", Short: "Add or retract evidence of what came of a commitment"}
	var (
		dsn      string
		asJSON   bool
		in       tracking.EvidenceInput
		noFetch  bool
		retractR string
	)
	add := &cobra.Command{
		Use:   "add DOC/sN --url U --title T",
		Short: "Attach evidence to a commitment (the page is fetched and kept); prints the evidence id",
		Args:  cobra.ExactArgs(1),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			doc, label, err := tracking.ParseRef(args[0])
			if err != nil {
				return err
			}
			in.Document, in.Sentence = doc, label
			if !noFetch {
				tr.Fetcher = ingest.NewFetcher()
			}
			e, err := tr.AddEvidence(cmd.Context(), in)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, e, func(w io.Writer) error {
				_, err := fmt.Fprintln(w, e.ID)
				if e.ArchiveProblem != "" {
					fmt.Fprintf(cmd.ErrOrStderr(), "entente: no copy kept: %s\n", e.ArchiveProblem)
				}
				return err
			})
		}),
	}
	commonFlags(add, &dsn, &asJSON)
	fl := add.Flags()
	fl.StringVar(&in.URL, "url", "", "the address of the page")
	fl.StringVar(&in.Title, "title", "", "its title")
	fl.StringVar(&in.Publisher, "publisher", "", "who published it")
	fl.StringVar(&in.EventDate, "date", "", "when what it reports happened (YYYY-MM-DD)")
	fl.StringVar(&in.Accessed, "accessed", "", "when it was read (YYYY-MM-DD; default today)")
	fl.StringVar(&in.Quote, "quote", "", "the passage that is the evidence")
	fl.StringVar(&in.Note, "note", "", "a note")
	fl.BoolVar(&in.Official, "official", false, "an official source")
	fl.StringVar(&in.Cites, "cites", "", "a sentence of another stored statement as evidence: DOC/sN")
	fl.BoolVar(&noFetch, "no-fetch", false, "do not fetch the page")

	var rdsn string
	var rjson bool
	retract := &cobra.Command{
		Use:   "retract EID --reason R",
		Short: "Retract evidence (it is kept, marked retracted, with the reason)",
		Args:  cobra.ExactArgs(1),
		RunE: trackerRunE(&rdsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			id, err := parseID("evidence", args[0])
			if err != nil {
				return err
			}
			e, err := tr.RetractEvidence(cmd.Context(), id, retractR)
			if err != nil {
				return err
			}
			return output(cmd, rjson, e, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "retracted evidence %d\n", e.ID)
				return err
			})
		}),
	}
	commonFlags(retract, &rdsn, &rjson)
	retract.Flags().StringVar(&retractR, "reason", "", "why (required)")
	cmd.AddCommand(add, retract)
	return cmd
}

func newStatusCommand() *cobra.Command {
	cmd := &cobra.Command{Use: "status", Short: "Set where a commitment stands"}
	var (
		dsn    string
		asJSON bool
		in     tracking.SetStatusInput
	)
	set := &cobra.Command{
		Use:   "set DOC/sN STATUS --evidence EID --reason R [--party P]",
		Short: "Set a commitment's status for all its parties, or one (--party)",
		Long:  "STATUS is one of " + statusList() + ". Every status but not_rated names its evidence.",
		Args:  cobra.ExactArgs(2),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			doc, label, err := tracking.ParseRef(args[0])
			if err != nil {
				return err
			}
			in.Document, in.Sentence, in.Status = doc, label, entente.Status(args[1])
			rev, err := tr.SetStatus(cmd.Context(), in)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, map[string]any{"commitment": args[0], "status": in.Status, "revision": rev}, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "%s %s (revision %d)\n", args[0], in.Status, rev)
				return err
			})
		}),
	}
	commonFlags(set, &dsn, &asJSON)
	set.Flags().Int64Var(&in.EvidenceID, "evidence", 0, "the evidence id (entente evidence add)")
	set.Flags().StringVar(&in.Why, "reason", "", "why (required)")
	set.Flags().StringVar(&in.Party, "party", "", "only this party")
	set.Flags().IntVar(&in.Revision, "revision", -1, "the revision you saw: refused if it changed since")
	cmd.AddCommand(set)
	return cmd
}

func statusList() string {
	var s []string
	for _, x := range entente.Statuses {
		s = append(s, string(x))
	}
	return strings.Join(s, ", ")
}

func newCorrectCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
	)
	sentenceFlags := map[string]*string{}
	documentFlags := map[string]*string{}
	cmd := &cobra.Command{
		Use:   "correct DOC/sN|DOC --field VALUE…",
		Short: "Correct a sentence's labels (DOC/sN) or a document's metadata (DOC)",
		Long: "A sentence: --type, --actors CN,RS, --strength firm|intent|soft|none, --areas, --deadline TEXT|none,\n" +
			"--references, --mechanisms, --projects (lists comma-separated).\n" +
			"A document: --title, --parties CN,RS, --date YYYY-MM-DD, --place, --kind, --lang.\n" +
			"Corrections are kept apart from the extractor's output and survive re-extraction.",
		Args: cobra.ExactArgs(1),
		RunE: readingRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			var doc int64
			var label string
			flags := documentFlags
			if strings.Contains(args[0], "/") {
				d, l, err := tracking.ParseRef(args[0])
				if err != nil {
					return err
				}
				doc, label, flags = d, l, sentenceFlags
			} else {
				d, err := parseID("document", args[0])
				if err != nil {
					return err
				}
				doc = d
			}
			var out []*entente.Correction
			for _, name := range slices.Sorted(maps.Keys(flags)) {
				if !cmd.Flags().Changed(name) {
					continue
				}
				field := name
				if field == "lang" {
					field = "language"
				}
				value := flagValue(field, *flags[name])
				c, err := tr.Correct(cmd.Context(), tracking.CorrectInput{Document: doc, Sentence: label, Field: field, Value: value, Why: why})
				if err != nil {
					return fmt.Errorf("--%s: %w", name, err)
				}
				out = append(out, c)
			}
			if len(out) == 0 {
				return entente.Errorf(entente.EINVALID, "nothing to correct: name a field (entente correct --help)")
			}
			return output(cmd, asJSON, out, func(w io.Writer) error {
				for _, c := range out {
					fmt.Fprintf(w, "%s %s = %s (%s)\n", c.Ref, c.Field, c.Value, c.State)
				}
				return nil
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	for _, f := range entente.SentenceFields {
		sentenceFlags[f] = cmd.Flags().String(f, "", "a sentence's "+f)
	}
	for _, f := range []string{"title", "parties", "date", "place", "kind", "lang"} {
		documentFlags[f] = cmd.Flags().String(f, "", "a document's "+f)
	}
	cmd.Flags().StringVar(&why, "reason", "", "why")
	return cmd
}

// flagValue turns a flag's text into the field's JSON value: lists are
// comma-separated, "none" is null for the fields that may be empty.
func flagValue(field, v string) json.RawMessage {
	var x any = v
	switch field {
	case "actors", "areas", "references", "mechanisms", "projects", "parties":
		l := []string{}
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				l = append(l, p)
			}
		}
		x = l
	case "strength", "deadline", "date", "place":
		if v == "none" || v == "" {
			x = nil
		}
	}
	b, _ := json.Marshal(x)
	return b
}

func newReviewCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
	)
	cmd := &cobra.Command{
		Use:   "review [approve|reject REF | require on|off]",
		Short: "The corrections waiting for an editor: list, approve, reject; or require review of analysts' corrections",
		Args:  cobra.RangeArgs(0, 2),
		RunE: readingRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			ctx := cmd.Context()
			switch {
			case len(args) == 0:
				q, err := tr.ReviewQueue(ctx)
				if err != nil {
					return err
				}
				return output(cmd, asJSON, q, func(w io.Writer) error {
					for _, c := range q {
						fmt.Fprintf(w, "%s doc %d %s %s: %s → %s (%s%s, by %s)\n", c.Ref, c.DocumentID, c.Sentence, c.Field, c.Extracted, c.Value, c.State,
							map[bool]string{true: ", flagged " + c.Flag, false: ""}[c.Flag != ""], c.Actor)
					}
					return nil
				})
			case len(args) == 2 && args[0] == "require":
				on := args[1] == "on"
				if !on && args[1] != "off" {
					return entente.Errorf(entente.EINVALID, "review require on|off")
				}
				return tr.SetReviewRequired(ctx, on)
			case len(args) == 2 && (args[0] == entente.ActApprove || args[0] == entente.ActReject):
				c, err := tr.Review(ctx, args[1], args[0], why)
				if err != nil {
					return err
				}
				return output(cmd, asJSON, c, func(w io.Writer) error {
					_, err := fmt.Fprintf(w, "%s %s\n", c.Ref, c.State)
					return err
				})
			}
			return entente.Errorf(entente.EINVALID, "review, review approve REF, review reject REF, or review require on|off")
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().StringVar(&why, "reason", "", "why")
	return cmd
}

func newReextractCommand() *cobra.Command {
	var (
		dsn         string
		asJSON, all bool
	)
	cmd := &cobra.Command{
		Use:   "reextract ID|--all",
		Short: "Run the current extractor again; corrections stay, and those it contradicts are flagged for review",
		Args:  cobra.MaximumNArgs(1),
		RunE: readingRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			var doc int64
			switch {
			case all && len(args) == 0:
			case !all && len(args) == 1:
				d, err := parseID("document", args[0])
				if err != nil {
					return err
				}
				doc = d
			default:
				return entente.Errorf(entente.EINVALID, "name a document, or --all")
			}
			if asJSON {
				res, err := tr.Reextract(cmd.Context(), doc)
				if err != nil {
					return err
				}
				return writeJSON(cmd.OutOrStdout(), res)
			}
			// a line per version as it is stored: --all over a large
			// collection takes minutes, and an interrupted run has kept
			// what the lines say
			w := cmd.OutOrStdout()
			var versions, kept, flagged int
			err := tr.ReextractEach(cmd.Context(), doc, func(r entente.Reextracted) error {
				versions++
				kept += r.Kept
				flagged += len(r.Flagged)
				_, err := fmt.Fprintf(w, "document %d: %d sentences, %d corrections kept, %d flagged for review\n", r.DocumentID, r.Sentences, r.Kept, len(r.Flagged))
				return err
			})
			if err != nil {
				return err
			}
			if versions > 1 {
				_, err = fmt.Fprintf(w, "%d versions re-extracted: %d corrections kept, %d flagged for review\n", versions, kept, flagged)
			}
			return err
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().BoolVar(&all, "all", false, "every document")
	return cmd
}

func newHistoryCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		after  int64
		limit  int
	)
	cmd := &cobra.Command{
		Use:   "history [DOC|DOC/sN]",
		Short: "Who changed what, from what, and why: a document's, a sentence's, or the whole log",
		Args:  cobra.MaximumNArgs(1),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			var doc int64
			var label string
			if len(args) == 1 {
				if strings.Contains(args[0], "/") {
					d, l, err := tracking.ParseRef(args[0])
					if err != nil {
						return err
					}
					doc, label = d, l
				} else {
					d, err := parseID("document", args[0])
					if err != nil {
						return err
					}
					doc = d
				}
			}
			es, err := tr.History(cmd.Context(), doc, label, after, limit)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, es, func(w io.Writer) error {
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "EVENT\tAT\tWHO\tVIA\tDID\tWHAT\tWHY\tAFTER")
				for _, e := range es {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s %d\t%s\t%s\n", e.Seq, e.At.Format("2006-01-02 15:04:05"), e.Actor, e.Via, e.Action,
						e.Entity, e.EntityID, e.Why, clip(e.After, 60))
				}
				return tw.Flush()
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().Int64Var(&after, "after", 0, "only events after this one")
	cmd.Flags().IntVar(&limit, "limit", 1000, "at most this many")
	return cmd
}

func newUndoCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "undo EVENT_ID",
		Short: "Reverse a change, as a new change of its own",
		Args:  cobra.ExactArgs(1),
		RunE: readingRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			seq, err := parseID("event", args[0])
			if err != nil {
				return err
			}
			if err := tr.Undo(cmd.Context(), seq); err != nil {
				return err
			}
			return output(cmd, asJSON, map[string]any{"undone": seq}, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "undid event %d\n", seq)
				return err
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}

func newScorecardCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		cf     commitmentFlags
	)
	cmd := &cobra.Command{
		Use:   "scorecard",
		Short: "Counts per status, compliance (G7/G20 scale, rated pairs only), overdue, change over time",
		Args:  cobra.NoArgs,
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			sc, err := tr.Scorecard(cmd.Context(), cf.filter())
			if err != nil {
				return err
			}
			return output(cmd, asJSON, sc, func(w io.Writer) error {
				comp := "-"
				if sc.Compliance != nil {
					comp = fmt.Sprintf("%+.2f", *sc.Compliance)
				}
				fmt.Fprintf(w, "%d commitments, %d (commitment, party) pairs, %d rated, compliance %s, %d overdue\n",
					sc.Commitments, sc.Pairs, sc.Rated, comp, sc.Overdue)
				for _, s := range entente.Statuses {
					fmt.Fprintf(w, "  %-20s %d\n", s, sc.Counts[s])
				}
				return nil
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cf.add(cmd, false, 0)
	return cmd
}

// newLifecycleCommand makes withdraw, restore and purge.
func newLifecycleCommand(use, short string, needReason bool, act func(tr *tracking.Tracker, cmd *cobra.Command, id int64, why string) error) *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
	)
	cmd := &cobra.Command{
		Use:   use + " ID",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			if err := act(tr, cmd, id, why); err != nil {
				return err
			}
			return output(cmd, asJSON, map[string]any{use: id}, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "%s document %d\n", use, id)
				return err
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	help := "why"
	if needReason {
		help += " (required)"
	}
	cmd.Flags().StringVar(&why, "reason", "", help)
	return cmd
}

func newTrackingCommands() []*cobra.Command {
	return []*cobra.Command{
		newCommitmentsCommand(), newEvidenceCommand(), newStatusCommand(), newCorrectCommand(), newSplitCommand(), newJoinCommand(), newReviewCommand(),
		newReextractCommand(), newHistoryCommand(), newUndoCommand(), newScorecardCommand(),
		newLifecycleCommand("withdraw", "Hide a document from lists, keeping it and all that hangs on it (editors)", true,
			func(tr *tracking.Tracker, cmd *cobra.Command, id int64, why string) error {
				return tr.Withdraw(cmd.Context(), id, why)
			}),
		newLifecycleCommand("restore", "Show a withdrawn document again", false,
			func(tr *tracking.Tracker, cmd *cobra.Command, id int64, why string) error {
				return tr.Restore(cmd.Context(), id, why)
			}),
		newLifecycleCommand("purge", "Remove a document with its statuses, evidence and corrections, kept in the event log (admins)", true,
			func(tr *tracking.Tracker, cmd *cobra.Command, id int64, why string) error {
				return tr.Purge(cmd.Context(), id, why)
			}),
		newVersionLinkCommand("link", "Say that two documents are one statement in two languages or scripts (editors)", true),
		newVersionLinkCommand("unlink", "Undo a link of two documents as versions; the matcher will not link them again (editors)", false),
		newVersionsCommand(),
	}
}
