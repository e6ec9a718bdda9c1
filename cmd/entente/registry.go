package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
)

// The registry commands: the instruments, mechanisms and projects across
// documents (package connect builds them), an editor's merges, splits and
// renames, and what a document cites and what cites it.

// connectorRunE wraps a command that reads or changes the registry. A
// read does not rebuild it (the commands that write do, once done); when
// the library moved under it meanwhile (another process's write), it says
// so on stderr.
func connectorRunE(dsn *string, fn func(cmd *cobra.Command, c *connect.Connector, st store, args []string) error) func(*cobra.Command, []string) error {
	return storeRunE(dsn, func(cmd *cobra.Command, st store, args []string) error {
		c, err := connect.New(st)
		if err != nil {
			return err
		}
		if behind, err := c.Behind(cmd.Context()); err != nil {
			return err
		} else if behind && cmd.Name() != "rebuild" {
			fmt.Fprintln(cmd.ErrOrStderr(), "entente: the registry is behind the library; entente registry rebuild brings it up to date")
		}
		return fn(cmd, c, st, args)
	})
}

func newRegistryCommand() *cobra.Command {
	var (
		dsn           string
		asJSON        bool
		kind          string
		limit, offset int
	)
	cmd := &cobra.Command{
		Use:   "registry [QUERY]",
		Short: "Instruments, mechanisms and projects across documents, with their names (show, merge, split, rename)",
		Args:  cobra.MaximumNArgs(1),
		RunE: connectorRunE(&dsn, func(cmd *cobra.Command, c *connect.Connector, st store, args []string) error {
			k, err := entente.ParseRegistryKind(kind)
			if err != nil {
				return err
			}
			f := entente.RegistryFilter{Kind: k, Limit: limit, Offset: offset}
			if len(args) == 1 {
				f.Query = args[0]
			}
			if f.Limit <= 0 || f.Limit > 1000 {
				return entente.Errorf(entente.EINVALID, "--limit is 1 to 1000")
			}
			es, total, err := st.RegistryEntries(cmd.Context(), f)
			if err != nil {
				return err
			}
			page := struct {
				Total   int                     `json:"total"`
				Entries []entente.RegistryEntry `json:"entries"`
			}{total, es}
			return output(cmd, asJSON, page, func(w io.Writer) error {
				if total == 0 {
					_, err := fmt.Fprintln(w, "no registry entry matches")
					return err
				}
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "ID\tKIND\tNAME\tDOCS\tMENTIONS\tALIASES\tSURE")
				for _, e := range es {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%.2f\n", e.ID, e.Kind, clip(e.Name, 60), e.DocumentCount, e.MentionCount, len(e.Aliases), e.Confidence)
				}
				if err := tw.Flush(); err != nil {
					return err
				}
				_, err := fmt.Fprintf(w, "%d of %d\n", len(es), total)
				return err
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().StringVar(&kind, "kind", "", "only entries of this kind: "+strings.Join(entente.RegistryKinds().Codes(), ", "))
	cmd.Flags().IntVar(&limit, "limit", 50, "at most this many")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many")
	cmd.AddCommand(newRegistryShowCommand(), newRegistryMergeCommand(), newRegistrySplitCommand(), newRegistryRenameCommand(),
		newRegistryRebuildCommand())
	return cmd
}

func printEntry(w io.Writer, e *entente.RegistryEntry) error {
	fmt.Fprintf(w, "%d  %s  %s\n", e.ID, e.Kind, e.Name)
	if e.InstrumentKind != "" {
		fmt.Fprintf(w, "kind of instrument: %s\n", e.InstrumentKind)
	}
	if e.Year != nil {
		fmt.Fprintf(w, "year: %d\n", *e.Year)
	}
	if len(e.Parties) > 0 {
		fmt.Fprintf(w, "parties: %s\n", strings.Join(e.Parties, ", "))
	}
	if e.Document != nil {
		fmt.Fprintf(w, "document: %d  %s\n", e.Document.ID, e.Document.Title)
	}
	fmt.Fprintf(w, "why (%.2f): %s\n", e.Confidence, e.Reason)
	fmt.Fprintf(w, "%d mentions in %d documents\n\naliases:\n", e.MentionCount, e.DocumentCount)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, a := range e.Aliases {
		fmt.Fprintf(tw, "  %s\t%s\t%.2f\t%s\n", a.Alias, a.Language, a.Confidence, a.Reason)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(e.MentionList) > 0 {
		fmt.Fprintln(w, "\nmentions:")
	}
	for _, m := range e.MentionList {
		date := ""
		if m.SignedDate != nil {
			date = *m.SignedDate
		}
		fmt.Fprintf(w, "  %d/%s  %s  %s\n", m.DocumentID, m.Sentence, date, clip(m.Text, 80))
	}
	return nil
}

func newRegistryShowCommand() *cobra.Command {
	var (
		dsn      string
		asJSON   bool
		mentions int
	)
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "One registry entry: its names with why each was joined, its document, every sentence that mentions it",
		Args:  cobra.ExactArgs(1),
		RunE: connectorRunE(&dsn, func(cmd *cobra.Command, c *connect.Connector, st store, args []string) error {
			id, err := parseID("registry entry", args[0])
			if err != nil {
				return err
			}
			if mentions < 0 || mentions > 10000 {
				return entente.Errorf(entente.EINVALID, "--mentions is 0 to 10000")
			}
			e, err := st.RegistryEntry(cmd.Context(), id, mentions)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, e, func(w io.Writer) error { return printEntry(w, e) })
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().IntVar(&mentions, "mentions", 200, "list at most this many mentions")
	return cmd
}

// decisionCommand makes merge, split and rename: each prints the entry as
// it stands after the decision.
func decisionCommand(use, short string, args cobra.PositionalArgs,
	act func(cmd *cobra.Command, c *connect.Connector, args []string, why string) (*entente.RegistryEntry, error)) *cobra.Command {
	var (
		dsn    string
		asJSON bool
		why    string
	)
	cmd := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  args,
		RunE: func(cmd *cobra.Command, a []string) error {
			fmt.Fprintf(cmd.ErrOrStderr(), "store: %s\n", storeName(dsn))
			return connectorRunE(&dsn, func(cmd *cobra.Command, c *connect.Connector, st store, args []string) error {
				e, err := act(cmd, c, args, why)
				if err != nil {
					return err
				}
				if e == nil {
					return entente.Errorf(entente.ENOTFOUND, "the entry is gone after the change")
				}
				return output(cmd, asJSON, e, func(w io.Writer) error { return printEntry(w, e) })
			})(cmd, a)
		},
	}
	commonFlags(cmd, &dsn, &asJSON)
	cmd.Flags().StringVar(&why, "reason", "", "why")
	return cmd
}

func newRegistryMergeCommand() *cobra.Command {
	return decisionCommand("merge FROM INTO", "Merge entry FROM into entry INTO (editors); kept over every rebuild", cobra.ExactArgs(2),
		func(cmd *cobra.Command, c *connect.Connector, args []string, why string) (*entente.RegistryEntry, error) {
			from, err := parseID("registry entry", args[0])
			if err != nil {
				return nil, err
			}
			into, err := parseID("registry entry", args[1])
			if err != nil {
				return nil, err
			}
			return c.Merge(cmd.Context(), from, into, why)
		})
}

func newRegistrySplitCommand() *cobra.Command {
	return decisionCommand("split ID ALIAS...", "Take aliases (and the sentences that use them) out of an entry into one of their own (editors)",
		cobra.MinimumNArgs(2), func(cmd *cobra.Command, c *connect.Connector, args []string, why string) (*entente.RegistryEntry, error) {
			id, err := parseID("registry entry", args[0])
			if err != nil {
				return nil, err
			}
			return c.Split(cmd.Context(), id, args[1:], why)
		})
}

func newRegistryRenameCommand() *cobra.Command {
	return decisionCommand("rename ID NAME", "Give an entry a new canonical name (editors)", cobra.ExactArgs(2),
		func(cmd *cobra.Command, c *connect.Connector, args []string, why string) (*entente.RegistryEntry, error) {
			id, err := parseID("registry entry", args[0])
			if err != nil {
				return nil, err
			}
			return c.Rename(cmd.Context(), id, args[1], why)
		})
}

func newRegistryRebuildCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "rebuild",
		Short: "Build the registry again from a whole read of every stored extraction, replaying the editors' decisions",
		Args:  cobra.NoArgs,
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			fmt.Fprintf(cmd.ErrOrStderr(), "store: %s\n", storeName(dsn))
			c, err := connect.New(st)
			if err != nil {
				return err
			}
			sum, err := c.RebuildWhole(cmd.Context())
			if err != nil {
				return err
			}
			return output(cmd, asJSON, sum, func(w io.Writer) error {
				_, err := fmt.Fprintf(w, "%d entries from %d names, %d links between languages, %d decisions replayed\n",
					sum.Entries, sum.Items, sum.Links, sum.Decisions)
				return err
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}

// newCitesCommand makes "cites ID" (the instruments a document cites) and
// "cited-by ID" (the documents that cite it).
func newCitesCommand(use string) *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	short := "The instruments a document cites, each with its stored document if the library has it"
	if use == "cited-by" {
		short = "The documents that cite a document (backlinks)"
	}
	cmd := &cobra.Command{
		Use:   use + " ID",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: connectorRunE(&dsn, func(cmd *cobra.Command, c *connect.Connector, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			read := st.Cites
			if use == "cited-by" {
				read = st.CitedBy
			}
			ls, err := read(cmd.Context(), id)
			if err != nil {
				return err
			}
			return output(cmd, asJSON, ls, func(w io.Writer) error {
				if len(ls) == 0 {
					msg := "document %d cites no instrument\n"
					if use == "cited-by" {
						msg = "no stored document cites document %d\n"
					}
					_, err := fmt.Fprintf(w, msg, id)
					return err
				}
				tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
				if use == "cited-by" {
					fmt.Fprintln(tw, "DOCUMENT\tDATE\tTITLE\tAS\tSENTENCES")
				} else {
					fmt.Fprintln(tw, "ENTRY\tINSTRUMENT\tDOCUMENT\tSENTENCES")
				}
				for _, l := range ls {
					sents := strings.Join(l.Sentences, ", ")
					if use == "cited-by" {
						date := ""
						if l.Document.SignedDate != nil {
							date = *l.Document.SignedDate
						}
						fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", l.Document.ID, date, clip(l.Document.Title, 50), clip(l.EntryName, 40), sents)
						continue
					}
					doc := "-"
					if l.Document != nil {
						doc = fmt.Sprint(l.Document.ID)
					}
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", l.EntryID, clip(l.EntryName, 60), doc, sents)
				}
				return tw.Flush()
			})
		}),
	}
	commonFlags(cmd, &dsn, &asJSON)
	return cmd
}
