package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/export"
)

func newExportCommand() *cobra.Command {
	var (
		dsn string
		all string
	)
	cmd := &cobra.Command{
		Use:   "export LIST|--all FILE",
		Short: "Export a list as CSV, XLSX or JSON, a document as Akoma Ntoso, or everything (--all)",
		Long: `export documents|sentences|search QUERY|events|commitments|scorecard [the list's filters] --format csv|xlsx|json [-o FILE]
export document ID --format akn|json [-o FILE]
export --all FILE    every table (no passwords, sessions or tokens) in one archive, for entente import`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if all == "" { // before the store is opened (or made)
				return entente.Errorf(entente.EINVALID, "export what? a list (documents, sentences, search QUERY, events, commitments, scorecard), document ID, or --all FILE")
			}
			return storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
				return dumpAll(cmd, st, all)
			})(cmd, args)
		},
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&all, "all", "", "write every table to this archive (a zip of JSON Lines)")
	cmd.AddCommand(newExportDocumentCommand(), newExportDocumentsCommand(), newExportSentencesCommand(false),
		newExportSentencesCommand(true), newExportEventsCommand(), newExportCommitmentsCommand(), newExportScorecardCommand())
	return cmd
}

// exportFlags are the flags every list export takes.
type exportFlags struct {
	dsn    string
	format string
	out    string
}

func (f *exportFlags) add(cmd *cobra.Command, formats []string) {
	dbFlag(cmd, &f.dsn)
	cmd.Flags().StringVar(&f.format, "format", formats[0], "output format: "+strings.Join(formats, ", "))
	cmd.Flags().StringVarP(&f.out, "output", "o", "", "write to this file (default: standard output)")
}

// output runs write onto the file -o names, or standard output. A file is
// written beside its final name and renamed when complete, so a failed
// export leaves no half file.
func (f *exportFlags) output(cmd *cobra.Command, write func(w io.Writer) error) error {
	if f.out == "" || f.out == "-" {
		return write(cmd.OutOrStdout())
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.out), "."+filepath.Base(f.out)+".*")
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	// CreateTemp makes the file private; an export is as readable as
	// any file the user writes.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("export: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.out); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportList writes a list: the table, then pages of rows from next until
// it returns none.
func exportList(cmd *cobra.Command, f *exportFlags, what string, filters []export.Filter, t export.Table,
	next func(ctx context.Context, emit func(row []any) error) error) error {
	return exportTables(cmd, f, what, filters, func(ctx context.Context, tw export.TableWriter) error {
		if err := tw.Begin(t); err != nil {
			return err
		}
		return next(ctx, tw.Row)
	})
}

// exportTables writes what write writes onto a table writer of the format
// asked, to the output asked, with what was exported, with which filters,
// when and by whom.
func exportTables(cmd *cobra.Command, f *exportFlags, what string, filters []export.Filter,
	write func(ctx context.Context, tw export.TableWriter) error) error {
	ctx := cmd.Context()
	about := export.About{What: what, Filters: filters, At: time.Now(), By: entente.ActorFromContext(ctx)}
	if _, err := export.NewTableWriter(f.format, io.Discard, about); err != nil {
		return err // an unknown format, before any file is made
	}
	return f.output(cmd, func(w io.Writer) error {
		tw, err := export.NewTableWriter(f.format, w, about)
		if err != nil {
			return err
		}
		if err := write(ctx, tw); err != nil {
			return err
		}
		return tw.Close()
	})
}

func newExportDocumentsCommand() *cobra.Command {
	var (
		f             exportFlags
		raw, filters  entente.Filters
		limit, offset int
	)
	cmd := &cobra.Command{
		Use:     "documents",
		Short:   "Export the library's list as filtered",
		Args:    cobra.NoArgs,
		PreRunE: resolvedFilters(&raw, &filters),
		RunE: storeRunE(&f.dsn, func(cmd *cobra.Command, st store, args []string) error {
			df := filters.Documents(limit, offset)
			about := export.FilterList("party", df.Party, "kind", string(df.Kind), "lang", df.Language, "area", df.Area,
				"from", df.From, "to", df.To, "limit", strconv.Itoa(limit), "offset", strconv.Itoa(offset))
			return exportList(cmd, &f, "documents", about, export.DocumentsTable, func(ctx context.Context, emit func([]any) error) error {
				return export.Pages(offset, limit, func(offset, limit int) (int, error) {
					page := df
					page.Offset, page.Limit = offset, limit
					docs, err := st.Documents(ctx, page)
					for i := range docs {
						if err := emit(export.DocumentRow(&docs[i])); err != nil {
							return 0, err
						}
					}
					return len(docs), err
				})
			})
		}),
	}
	f.add(cmd, export.Formats)
	filterFlags(cmd, &raw, false) // the same filters as list
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many (0: all)")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many")
	return cmd
}

// newExportSentencesCommand is `export sentences` (every sentence that
// passes the filters, in the library's order) or, with search, `export
// search QUERY` (the hits, best first).
func newExportSentencesCommand(search bool) *cobra.Command {
	var (
		f             exportFlags
		raw, filters  entente.Filters
		limit, offset int
	)
	use, short, nargs := "sentences", "Export sentences with their labels as filtered", cobra.NoArgs
	if search {
		use, short, nargs = "search QUERY", "Export a search's hits as filtered", cobra.MinimumNArgs(1)
	}
	cmd := &cobra.Command{
		Use:     use,
		Short:   short,
		Args:    nargs,
		PreRunE: resolvedFilters(&raw, &filters),
		RunE: storeRunE(&f.dsn, func(cmd *cobra.Command, st store, args []string) error {
			q := filters.Search(strings.Join(args, " "), limit, offset)
			what := "sentences"
			if search {
				what = "search"
			}
			about := export.FilterList("query", q.Text, "lang", q.Language, "party", q.Party, "type", string(q.Type), "area", q.Area,
				"strength", string(q.Strength), "from", q.From, "to", q.To, "limit", strconv.Itoa(limit), "offset", strconv.Itoa(offset))
			return exportList(cmd, &f, what, about, export.SentencesTable(search), func(ctx context.Context, emit func([]any) error) error {
				return export.Pages(offset, limit, func(offset, limit int) (int, error) {
					page := q
					page.Offset, page.Limit = offset, limit
					hits, err := st.Search(ctx, page)
					for i := range hits {
						if err := emit(export.HitRow(&hits[i], search)); err != nil {
							return 0, err
						}
					}
					return len(hits), err
				})
			})
		}),
	}
	f.add(cmd, export.Formats)
	filterFlags(cmd, &raw, true) // the same filters as search
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many (0: all)")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many")
	return cmd
}

func newExportEventsCommand() *cobra.Command {
	var (
		f            exportFlags
		after, limit int
	)
	cmd := &cobra.Command{
		Use:   "events",
		Short: "Export the event log, oldest first",
		Args:  cobra.NoArgs,
		RunE: storeRunE(&f.dsn, func(cmd *cobra.Command, st store, args []string) error {
			filters := export.FilterList("after", strconv.Itoa(after), "limit", strconv.Itoa(limit))
			return exportList(cmd, &f, "events", filters, export.EventsTable, func(ctx context.Context, emit func([]any) error) error {
				last, n := int64(after), 0
				for limit == 0 || n < limit {
					size := export.PageSize
					if limit > 0 {
						size = min(size, limit-n)
					}
					evs, err := st.Events(ctx, last, size)
					if err != nil {
						return err
					}
					for i := range evs {
						if err := emit(export.EventRow(&evs[i])); err != nil {
							return err
						}
						last = evs[i].Seq
					}
					n += len(evs)
					if len(evs) < size {
						return nil
					}
				}
				return nil
			})
		}),
	}
	f.add(cmd, export.Formats)
	cmd.Flags().IntVar(&after, "after", 0, "only events after this sequence number")
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many (0: all)")
	return cmd
}

func newExportDocumentCommand() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "document ID",
		Short: "Export a document as Akoma Ntoso 3.0 (akn) or as the extraction's JSON",
		Args:  cobra.ExactArgs(1),
		RunE: storeRunE(&f.dsn, func(cmd *cobra.Command, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			if f.format != "akn" && f.format != "json" {
				return entente.Errorf(entente.EINVALID, "%q is not a document export format: akn, json", f.format)
			}
			d, err := st.Document(cmd.Context(), id)
			if err != nil {
				return notFound("document", id, err)
			}
			return f.output(cmd, func(w io.Writer) error {
				if f.format == "json" {
					return writeJSON(w, d)
				}
				if len(d.Versions) == 0 {
					return fmt.Errorf("document %d has no version", id)
				}
				return export.AkomaNtoso(w, d, d.Versions[0], d.Extraction, time.Now())
			})
		}),
	}
	f.add(cmd, []string{"akn", "json"})
	return cmd
}
