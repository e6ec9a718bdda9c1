package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/entente/entente/tracking"
)

// Versions of one statement kept as separate documents: link, unlink and
// list them (the matcher at ingest links those that read alike).

func newVersionLinkCommand(use, short string, link bool) *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
	)
	cmd := &cobra.Command{
		Use:   use + " ID OTHER_ID --reason R",
		Short: short,
		Args:  cobra.ExactArgs(2),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			a, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			b, err := parseID("document", args[1])
			if err != nil {
				return err
			}
			act := tr.Unlink
			if link {
				act = tr.Link
			}
			if err := act(cmd.Context(), a, b, why); err != nil {
				return err
			}
			return output(cmd, asJSON, map[string]any{"document": a, "other": b, "linked": link}, func(w io.Writer) error {
				verb := "linked"
				if !link {
					verb = "unlinked"
				}
				_, err := fmt.Fprintf(w, "%s documents %d and %d as versions of one statement\n", verb, a, b)
				return err
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().StringVar(&why, "reason", "", "why (required)")
	return cmd
}

func newVersionsCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "versions ID",
		Short: "The documents linked to a document as versions of one statement, and those said not to be",
		Args:  cobra.ExactArgs(1),
		RunE: trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			ls, err := tr.Versions(cmd.Context(), id)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, ls, func(w io.Writer) error {
				if len(ls) == 0 {
					_, err := fmt.Fprintf(w, "document %d has no linked versions\n", id)
					return err
				}
				for _, l := range ls {
					state := "version"
					if !l.Linked {
						state = "not a version"
					}
					if _, err := fmt.Fprintf(w, "%d\t%s\t%s\t%s (%s by %s: %s)\n", l.Other, l.Language, printable(l.Title), state,
						l.Origin, printable(l.Actor), printable(l.Reason)); err != nil {
						return err
					}
				}
				return nil
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}
