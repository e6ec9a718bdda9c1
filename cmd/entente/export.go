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
	"github.com/entente/entente/connect"
	"github.com/entente/entente/export"
	"github.com/entente/entente/tracking"
)

func newExportCommand() *cobra.Command {
	var (
		dsn, all, dataset string
		ds                datasetFlags
	)
	cmd := &cobra.Command{
		Use:   "export LIST|--all FILE|--dataset DIR",
		Short: "Export a list as CSV, XLSX or JSON, a document as Akoma Ntoso, everything (--all), or a dataset release (--dataset)",
		Long: `export documents|sentences|search QUERY|events|commitments|scorecard|registry [QUERY]|compare A B [the list's filters] --format csv|xlsx|json [-o FILE]
export document ID --format akn|json [-o FILE]
export --all FILE       every table (no passwords, sessions or tokens) in one archive, for entente import
export --dataset DIR    every document, sentence, label, commitment, status and evidence item as CSV and JSON,
                        with a codebook and a citation line, into a new folder`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if (all == "") == (dataset == "") { // before the store is opened (or made)
				return entente.Errorf(entente.EINVALID, "export what? a list (documents, sentences, search QUERY, events, commitments, scorecard, registry, compare A B), document ID, --all FILE or --dataset DIR")
			}
			if dataset != "" {
				return trackerRunE(&dsn, func(cmd *cobra.Command, tr *tracking.Tracker, st store, args []string) error {
					return writeDataset(cmd, tr, st, dataset, &ds)
				})(cmd, args)
			}
			return storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
				return dumpAll(cmd, st, all)
			})(cmd, args)
		},
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&all, "all", "", "write every table to this archive (a zip of JSON Lines)")
	cmd.Flags().StringVar(&dataset, "dataset", "", "write a dataset release into this new folder")
	ds.add(cmd)
	cmd.AddCommand(newExportDocumentCommand(), newExportDocumentsCommand(), newExportSentencesCommand(false),
		newExportSentencesCommand(true), newExportEventsCommand(), newExportCommitmentsCommand(), newExportScorecardCommand(),
		newExportRegistryCommand(), newExportCompareCommand())
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
	var (
		f    exportFlags
		lang string
		all  bool
	)
	cmd := &cobra.Command{
		Use:   "document ID",
		Short: "Export a document as Akoma Ntoso 3.0 (akn: a version, or every one) or as the extraction's JSON",
		Long: `export document ID --format akn [--lang LANG] [-o FILE]   one version (the first, or the one in LANG)
export document ID --format akn --all-versions -o DIR     every version, DIR/ID.LANG.xml: one FRBR work, an expression each
export document ID --format json [-o FILE]`,
		Args: cobra.ExactArgs(1),
		RunE: storeRunE(&f.dsn, func(cmd *cobra.Command, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			if f.format != "akn" && f.format != "json" {
				return entente.Errorf(entente.EINVALID, "%q is not a document export format: akn, json", f.format)
			}
			if all && (f.format != "akn" || f.out == "" || f.out == "-") {
				return entente.Errorf(entente.EINVALID, "--all-versions writes Akoma Ntoso files into a folder: --format akn -o DIR")
			}
			d, err := st.Document(cmd.Context(), id)
			if err != nil {
				return notFound("document", id, err)
			}
			if f.format == "json" {
				return f.output(cmd, func(w io.Writer) error { return writeJSON(w, d) })
			}
			if len(d.Versions) == 0 {
				return fmt.Errorf("document %d has no version", id)
			}
			versions := d.Versions[:1]
			if lang != "" {
				versions = nil
				for _, v := range d.Versions {
					if strings.EqualFold(v.Language, lang) {
						versions = append(versions, v)
					}
				}
				if len(versions) == 0 {
					var have []string
					for _, v := range d.Versions {
						have = append(have, v.Language)
					}
					return entente.Errorf(entente.ENOTFOUND, "document %d has no version in %s (it has %s)", id, lang, strings.Join(have, ", "))
				}
				versions = versions[:1]
			}
			if all {
				versions = d.Versions
			}
			return exportAkomaNtoso(cmd, st, d, versions, &f, all)
		}),
	}
	f.add(cmd, []string{"akn", "json"})
	cmd.Flags().StringVar(&lang, "lang", "", "with akn: the version in this language (default: the first)")
	cmd.Flags().BoolVar(&all, "all-versions", false, "with akn: every version, each its own file in the folder -o names")
	return cmd
}

// versionReader reads a version's extraction and citations (the SQL
// stores do).
type versionReader interface {
	VersionExtraction(ctx context.Context, doc, vid int64) (*entente.Extraction, error)
	VersionCitations(ctx context.Context, vid int64) ([]entente.VersionCitation, error)
}

// exportAkomaNtoso writes versions of d as Akoma Ntoso, their cited
// instruments linked through the registry (brought up to date first):
// to the output, or with all into the folder -o names, a file per version.
func exportAkomaNtoso(cmd *cobra.Command, st store, d *entente.StoredDocument, versions []entente.Version, f *exportFlags, all bool) error {
	ctx := cmd.Context()
	vr, ok := st.(versionReader)
	if !ok {
		return entente.Errorf(entente.EUNSUPPORTED, "this store cannot read a document's versions")
	}
	c, err := connect.New(st)
	if err != nil {
		return err
	}
	if err := c.Fresh(ctx); err != nil {
		return err
	}
	now := time.Now()
	write := func(v entente.Version) func(w io.Writer) error {
		return func(w io.Writer) error {
			x, err := vr.VersionExtraction(ctx, d.ID, v.ID)
			if err != nil {
				return err
			}
			cs, err := vr.VersionCitations(ctx, v.ID)
			if err != nil {
				return err
			}
			cited := map[int64]*entente.StoredDocument{}
			for _, c := range cs {
				if c.DocumentID != 0 && cited[c.DocumentID] == nil {
					if cd, err := st.Document(ctx, c.DocumentID); err == nil {
						cited[c.DocumentID] = cd
					}
				}
			}
			return export.AkomaNtosoVersion(w, d, v, x, export.CitationLinks(cs, cited), now)
		}
	}
	if !all {
		return f.output(cmd, write(versions[0]))
	}
	if err := os.MkdirAll(f.out, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	for _, v := range versions {
		one := *f
		one.out = filepath.Join(f.out, fmt.Sprintf("%d.%s.xml", d.ID, v.Language))
		if err := one.output(cmd, write(v)); err != nil {
			return err
		}
		fmt.Fprintln(cmd.OutOrStdout(), one.out)
	}
	return nil
}
