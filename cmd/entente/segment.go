package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/tracking"
)

// The split and join commands: corrections of where sentences begin and
// end, kept over re-extraction like the other corrections.

func newSplitCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
		at     []int
	)
	cmd := &cobra.Command{
		Use:   "split DOC/sN --at N [--at M…]",
		Short: "Split a sentence in two or more at character offsets into its text",
		Long: "Each --at is where a part starts, in characters of the sentence's text (1 to its length - 1).\n" +
			"The parts become sentences of their own, with the sentence's labels; the sentences are numbered again.\n" +
			"A sentence with statuses, evidence or corrections cannot be split. Undo with entente undo.",
		Args: cobra.ExactArgs(1),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			doc, label, err := tracking.ParseRef(args[0])
			if err != nil {
				return err
			}
			if len(at) == 0 {
				return entente.Errorf(entente.EINVALID, "name where to split: --at N (characters into the sentence)")
			}
			c, err := tr.Split(cmd.Context(), tracking.SplitInput{Document: doc, Sentence: label, At: at, Why: why})
			if err != nil {
				return err
			}
			return printSegmentation(cmd, asJSON, c)
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().IntSliceVar(&at, "at", nil, "where a part starts, in characters (repeat for more parts)")
	cmd.Flags().StringVar(&why, "reason", "", "why")
	return cmd
}

func newJoinCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
		count  int
	)
	cmd := &cobra.Command{
		Use:   "join DOC/sN [--count K]",
		Short: "Join a sentence with the one after it (or the K-1 after it) in one",
		Long: "The sentences must be of one section. The joined sentence has the labels of all of them;\n" +
			"the sentences are numbered again. Undo with entente undo.",
		Args: cobra.ExactArgs(1),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			doc, label, err := tracking.ParseRef(args[0])
			if err != nil {
				return err
			}
			c, err := tr.Join(cmd.Context(), tracking.JoinInput{Document: doc, Sentence: label, Count: count, Why: why})
			if err != nil {
				return err
			}
			return printSegmentation(cmd, asJSON, c)
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().IntVar(&count, "count", 2, "how many sentences to join")
	cmd.Flags().StringVar(&why, "reason", "", "why")
	return cmd
}

func printSegmentation(cmd *cobra.Command, asJSON bool, c *entente.Correction) error {
	return output(cmd, asJSON, c, func(w io.Writer) error {
		g, _, err := entente.ParseSegmentation(c.Value)
		if err != nil {
			return err
		}
		what := "split"
		if g.Covers > 1 {
			what = fmt.Sprintf("joined %d sentences", g.Covers)
		}
		fmt.Fprintf(w, "%s %s at %d/%s (%s):\n", c.Ref, what, c.DocumentID, c.Sentence, c.State)
		for _, p := range g.Parts {
			fmt.Fprintf(w, "  %s\n", p)
		}
		return nil
	})
}
