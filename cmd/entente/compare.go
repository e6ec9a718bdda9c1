package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/tracking"
)

// The commands that read statements side by side: timeline, compare,
// recycled, followups, pair. Each prints a table, or JSON with --json.

// compareRunE wraps a command that works through the compare stage.
func compareRunE(dsn *string, fn func(cmd *cobra.Command, svc *compare.Service, args []string) error) func(*cobra.Command, []string) error {
	return trackerRunE(dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
		svc, err := compare.New(st, tr)
		if err != nil {
			return err
		}
		return fn(cmd, svc, args)
	})
}

// partyPair resolves two parties as typed (codes or names).
func partyPair(args []string) (string, string, error) {
	fl, err := filterParser()
	if err != nil {
		return "", "", err
	}
	var codes [2]string
	for i, a := range args[:2] {
		if codes[i], err = fl.Party(a); err != nil {
			var fe *entente.FilterError
			if errors.As(err, &fe) {
				return "", "", usageError{err}
			}
			return "", "", err
		}
	}
	return codes[0], codes[1], nil
}

func newTimelineCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "timeline A B",
		Short: "The relationship of two parties as each of their documents names it (established, upgraded, reaffirmed)",
		Args:  cobra.ExactArgs(2),
		RunE: compareRunE(&dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
			a, b, err := partyPair(args)
			if err != nil {
				return err
			}
			steps, err := svc.Timeline(cmd.Context(), a, b)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, steps, func(w io.Writer) error {
				if len(steps) == 0 {
					_, err := fmt.Fprintf(w, "no document of %s and %s names their relationship\n", a, b)
					return err
				}
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "SIGNED\tSENTENCE\tACTION\tDESIGNATION\tFROM\tTEXT")
				for _, s := range steps {
					action := string(s.Action)
					if s.Inferred {
						action += " (inferred)"
					}
					from := "-"
					if s.From != "" {
						from = svc.Words.Label(s.From).EN
					}
					fmt.Fprintf(tw, "%s\t%d/%s\t%s\t%s (%s)\t%s\t%s\n", orDash(s.SignedDate), s.DocumentID, s.Sentence, action,
						s.Label.EN, s.Label.ZH, from, clip(s.Text, 50))
				}
				return tw.Flush()
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func newCompareCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Two documents' commitments and positions aligned: repeated, reworded, strengthened, weakened, added, dropped",
		Args:  cobra.ExactArgs(2),
		RunE: compareRunE(&dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
			c, err := compareDocuments(cmd, svc, args)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, c, func(w io.Writer) error {
				fmt.Fprintf(w, "A: %d %s (%s)\nB: %d %s (%s)\n\n", c.A.ID, c.A.Title, orDash(c.A.SignedDate), c.B.ID, c.B.Title, orDash(c.B.SignedDate))
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "MARK\tA\tB\tSCORE\tTEXT")
				for _, r := range c.Rows {
					sa, sb, text := "-", "-", ""
					if r.A != nil {
						sa, text = r.A.Sentence+" "+string(r.A.Strength), r.A.Text
					}
					if r.B != nil {
						sb, text = r.B.Sentence+" "+string(r.B.Strength), r.B.Text
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%.2f\t%s\n", r.Mark, strings.TrimSpace(sa), strings.TrimSpace(sb), r.Score, clip(text, 50))
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				var parts []string
				for _, m := range entente.Marks {
					parts = append(parts, fmt.Sprintf("%d %s", c.Summary[m], m))
				}
				_, err := fmt.Fprintf(w, "\n%s\n", strings.Join(parts, ", "))
				return err
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}

func newRecycledCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "recycled DOC/sN | recycled A B",
		Short: "Earlier commitments of the same parties that promised the same thing: of one commitment, or of every commitment of a pair",
		Args:  cobra.RangeArgs(1, 2),
		RunE: compareRunE(&dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
			if len(args) == 1 {
				r, err := svc.RecycledOf(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				return output(cmd, asJSON, r, func(w io.Writer) error { return writeRecurrence(w, r) })
			}
			a, b, err := partyPair(args)
			if err != nil {
				return err
			}
			rs, err := svc.Recycled(cmd.Context(), a, b)
			if err != nil {
				return err
			}
			// one recurrence built at a time: the whole list of a long
			// pair, each with its chain, is gigabytes
			w := cmd.OutOrStdout()
			if asJSON {
				return writeJSONArray(w, rs.Len(), func(i int) any { return rs.At(i) })
			}
			for i := range rs.Len() {
				r := rs.At(i)
				if err := writeRecurrence(w, &r); err != nil {
					return err
				}
			}
			if rs.Len() == 0 {
				fmt.Fprintln(w, "no promise of these parties came back")
			}
			return nil
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}

// writeRecurrence writes a recurrence as text: the commitment, then its
// earlier promises, oldest first.
func writeRecurrence(w io.Writer, r *entente.Recurrence) error {
	fmt.Fprintf(w, "%s  %s\n", r.Commitment.Ref, clip(r.Commitment.Text, 60))
	if r.Repeated == 0 {
		_, err := fmt.Fprintln(w, "  promised here for the first time")
		return err
	}
	fmt.Fprintf(w, "  first promised on %s, repeated %d times\n", r.FirstPromised, r.Repeated)
	for _, e := range r.Earlier {
		if _, err := fmt.Fprintf(w, "  %s  %s  %.2f  %s\n", e.SignedDate, e.Ref, e.Score, clip(e.Text, 50)); err != nil {
			return err
		}
	}
	return nil
}

func newFollowupsCommand() *cobra.Command {
	var (
		dsn, pair, status, why string
		asJSON, all            bool
	)
	cmd := &cobra.Command{
		Use:   "followups [DOC/sN]",
		Short: "Later statements that report on earlier commitments, offered as evidence (pending; --all for decided too)",
		Args:  cobra.MaximumNArgs(1),
		RunE: compareRunE(&dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
			q := compare.FollowupQuery{All: all}
			if len(args) == 1 {
				q.Ref = args[0]
			}
			if pair != "" {
				ps := strings.Split(pair, ",")
				if len(ps) != 2 {
					return usageError{errors.New("--pair takes two parties: CN,RS")}
				}
				a, b, err := partyPair(ps)
				if err != nil {
					return err
				}
				q.Pair = []string{a, b}
			}
			fs, err := svc.Followups(cmd.Context(), q)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, fs, func(w io.Writer) error {
				if len(fs) == 0 {
					_, err := fmt.Fprintln(w, "no follow-up pending")
					return err
				}
				for _, f := range fs {
					state := "pending"
					if d := f.Decision; d != nil {
						state = fmt.Sprintf("%s by %s: %s", d.Decision, d.Actor, d.Why)
					}
					fmt.Fprintf(w, "%s  %s\n  reported by %s (%s): %s\n  suggests %s (%q, score %.2f); %s\n",
						f.Commitment.Ref, clip(f.Commitment.Text, 60), f.Report.Ref, orDash(f.Report.SignedDate),
						clip(f.Report.Text, 60), f.SuggestedStatus, f.Cue, f.Score, state)
				}
				return nil
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().StringVar(&pair, "pair", "", "only statements both parties signed: CN,RS")
	cmd.Flags().BoolVar(&all, "all", false, "list accepted and dismissed ones too")

	decide := func(use, short string, accept bool) *cobra.Command {
		var (
			dsn    string
			asJSON bool
		)
		c := &cobra.Command{
			Use:   use,
			Short: short,
			Args:  cobra.ExactArgs(2),
			RunE: compareRunE(&dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
				var d *entente.FollowupDecision
				var err error
				if accept {
					d, err = svc.Accept(cmd.Context(), args[0], args[1], entente.Status(status), why)
				} else {
					d, err = svc.Dismiss(cmd.Context(), args[0], args[1], why)
				}
				if err != nil {
					return err
				}
				return output(cmd, asJSON, d, func(w io.Writer) error {
					if accept {
						_, err := fmt.Fprintf(w, "accepted: %s is %s, evidence %d\n", args[0], d.Status, d.EvidenceID)
						return err
					}
					_, err := fmt.Fprintf(w, "dismissed: %s does not report on %s\n", args[1], args[0])
					return err
				})
			}),
		}
		commonFlags(c, &dsn, &asJSON)
		c.Flags().StringVar(&why, "reason", "", "why (required)")
		if accept {
			c.Flags().StringVar(&status, "status", "", "the status to set (default: the suggested one)")
		}
		return c
	}
	cmd.AddCommand(
		decide("accept COMMITMENT REPORT", "Record a follow-up as evidence and a status of the commitment (editors)", true),
		decide("dismiss COMMITMENT REPORT", "Record that a follow-up does not report on the commitment (editors)", false))
	return cmd
}

func newPairCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "pair A B",
		Short: "Two parties at a glance: documents, relationship timeline, commitments by area and status, scorecard, recycled promises",
		Args:  cobra.ExactArgs(2),
		RunE: compareRunE(&dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
			a, b, err := partyPair(args)
			if err != nil {
				return err
			}
			v, err := svc.Pair(cmd.Context(), a, b)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, v, func(w io.Writer) error {
				fmt.Fprintf(w, "%s and %s: %d documents, %d commitments\n\n", a, b, len(v.Documents), v.Commitments)
				for _, d := range v.Documents {
					fmt.Fprintf(w, "  %s  %d  %s\n", orDash(d.SignedDate), d.ID, d.Title)
				}
				fmt.Fprintln(w, "\nrelationship:")
				for _, s := range v.Timeline {
					fmt.Fprintf(w, "  %s  %s %s\n", orDash(s.SignedDate), s.Action, s.Label.EN)
				}
				fmt.Fprintln(w, "\ncommitments by area (commitment-party pairs):")
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprint(tw, "  AREA")
				for _, s := range entente.Statuses {
					fmt.Fprintf(tw, "\t%s", s)
				}
				fmt.Fprintln(tw)
				for _, area := range sortedKeys(v.ByArea) {
					fmt.Fprintf(tw, "  %s", area)
					for _, s := range entente.Statuses {
						fmt.Fprintf(tw, "\t%d", v.ByArea[area][s])
					}
					fmt.Fprintln(tw)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				if sc := v.Scorecard; sc != nil && sc.Compliance != nil {
					fmt.Fprintf(w, "\ncompliance %+.2f over %d rated of %d pairs\n", *sc.Compliance, sc.Rated, sc.Pairs)
				}
				fmt.Fprintln(w, "\nmost recycled promises:")
				for _, r := range v.MostRecycled {
					fmt.Fprintf(w, "  %s  first promised on %s, repeated %d times: %s\n", r.Commitment.Ref, r.FirstPromised, r.Repeated, clip(r.Commitment.Text, 50))
				}
				return nil
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func newCompareCommands() []*cobra.Command {
	return []*cobra.Command{newTimelineCommand(), newCompareCommand(), newRecycledCommand(), newFollowupsCommand(), newPairCommand()}
}

// compareDocuments compares the two documents named by args (A B), for
// entente compare and entente export compare alike.
func compareDocuments(cmd *cobra.Command, svc *compare.Service, args []string) (*entente.Comparison, error) {
	a, err := parseID("document", args[0])
	if err != nil {
		return nil, err
	}
	b, err := parseID("document", args[1])
	if err != nil {
		return nil, err
	}
	return svc.Compare(cmd.Context(), a, b)
}
