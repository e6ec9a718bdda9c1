package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
)

func parseID(what, s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 {
		return 0, entente.Errorf(entente.EINVALID, "%q is not a %s id", s, what)
	}
	return id, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeJSONArray writes n values as writeJSON writes a list, building
// each only as it is written.
func writeJSONArray(w io.Writer, n int, at func(i int) any) error {
	if n == 0 {
		_, err := io.WriteString(w, "[]\n")
		return err
	}
	bw := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("  ", "  ")
	bw.WriteString("[\n")
	for i := range n {
		buf.Reset()
		if err := enc.Encode(at(i)); err != nil {
			return err
		}
		bw.WriteString("  ")
		bw.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if i < n-1 {
			bw.WriteString(",")
		}
		bw.WriteString("\n")
	}
	bw.WriteString("]\n")
	return bw.Flush()
}

func notFound(what string, id int64, err error) error {
	if errors.Is(err, entente.ErrNotFound) {
		return entente.Errorf(entente.ENOTFOUND, "no %s %d", what, id)
	}
	return err
}

func newListCommand() *cobra.Command {
	var (
		dsn           string
		raw, f        entente.Filters
		limit, offset int
		asJSON        bool
	)
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List the stored documents",
		Args:    cobra.NoArgs,
		PreRunE: resolvedFilters(&raw, &f),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			ctx := cmd.Context()
			docs, err := st.Documents(ctx, f.Documents(limit, offset))
			if err != nil {
				return err
			}
			total, err := st.CountDocuments(ctx, f.Documents(0, 0))
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), documentList{Documents: docs, Total: total, Limit: limit, Offset: offset, Filters: f})
			}
			if len(docs) == 0 {
				return noDocuments(cmd, st, f, total, dsn)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSIGNED\tKIND\tPARTIES\tLANG\tSENTENCES\tCOMMITMENTS\tTITLE")
			for _, d := range docs {
				signed := "-"
				if d.SignedDate != nil {
					signed = *d.SignedDate
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", d.ID, signed, d.Kind, strings.Join(d.Parties, ","),
					d.Language, d.Sentences, d.Commitments, documentLabel(d.ID, d.Title, d.Document))
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s of %d documents\n", shown(offset, len(docs)), total)
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	filterFlags(cmd, &raw, false)
	cmd.Flags().IntVar(&limit, "limit", 100, "at most this many")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// documentList is list's JSON: the page, the number of documents that
// meet the filters, and the filters as resolved.
type documentList struct {
	Documents []entente.StoredDocument `json:"documents"`
	Total     int                      `json:"total"`
	Limit     int                      `json:"limit"`
	Offset    int                      `json:"offset"`
	Filters   entente.Filters          `json:"filters"`
}

// shown says which items a page holds: "20", or "21–40" past the first.
func shown(offset, n int) string {
	if offset == 0 || n == 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d–%d", offset+1, offset+n)
}

// noDocuments tells an empty library from filters that match nothing.
func noDocuments(cmd *cobra.Command, st store, f entente.Filters, total int, dsn string) error {
	w := cmd.ErrOrStderr()
	if total > 0 { // the page is past the end
		fmt.Fprintf(w, "0 of %d documents: --offset is past the last\n", total)
		return nil
	}
	all, err := st.CountDocuments(cmd.Context(), entente.DocumentFilter{})
	if err != nil {
		return err
	}
	if all == 0 {
		fmt.Fprintf(w, "no documents yet in %s: add some with entente ingest FILE\n", storeName(dsn))
		return nil
	}
	fmt.Fprintf(w, "no document matches %s (%d in the library): drop a filter\n", describeFilters(f), all)
	return nil
}

// documentLabel is what a document is called in a list: its title, or,
// when it has none, its kind, parties and date, so that it can be told
// from the others.
func documentLabel(id int64, title string, d entente.Document) string {
	if strings.TrimSpace(title) != "" {
		return title
	}
	parts := []string{string(d.Kind)}
	if len(d.Parties) > 0 {
		parts = append(parts, strings.Join(d.Parties, "–"))
	}
	if d.SignedDate != nil {
		parts = append(parts, *d.SignedDate)
	}
	if parts[0] == "" {
		parts[0] = fmt.Sprintf("document %d", id)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func newShowCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: "Show a document as the extractor sees it: sections, sentences, labels",
		Args:  cobra.ExactArgs(1),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			d, err := st.Document(cmd.Context(), id)
			if err != nil {
				return notFound("document", id, err)
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), d)
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "document %d\n", d.ID)
			for _, s := range d.Sources {
				fmt.Fprintf(w, "source %d: %s (%s, %s, %d bytes, sha256 %s…, %s)\n", s.ID, s.Name, s.Format, s.Encoding,
					s.Size, s.SHA256[:12], s.RetrievedAt.Format("2006-01-02 15:04"))
				writeNearSource(w, s)
			}
			if d.Extraction == nil {
				return nil
			}
			return writeListing(w, d.Extraction)
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newDeleteCommand() *cobra.Command {
	var (
		dsn    string
		yes    bool
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a document with its versions, sources and labels",
		Args:  cobra.ExactArgs(1),
		RunE: writeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			id, err := parseID("document", args[0])
			if err != nil {
				return err
			}
			d, err := st.Document(cmd.Context(), id)
			if err != nil {
				return notFound("document", id, err)
			}
			if !yes {
				fmt.Fprintf(cmd.ErrOrStderr(), "Delete document %d «%s» with its %d source(s)? [y/N] ", id, d.Title, len(d.Sources))
				answer, _ := bufio.NewReader(cmd.InOrStdin()).ReadString('\n')
				if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
					return errors.New("not deleted")
				}
			}
			if err := st.DeleteDocument(cmd.Context(), id); err != nil {
				return notFound("document", id, err)
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), map[string]any{"deleted": id})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "deleted document %d\n", id)
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask (for scripts)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newOriginalCommand() *cobra.Command {
	var dsn string
	cmd := &cobra.Command{
		Use:   "original SOURCE_ID > FILE",
		Short: "Write a source's original bytes, exactly as they came, to standard output",
		Args:  cobra.ExactArgs(1),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			id, err := parseID("source", args[0])
			if err != nil {
				return err
			}
			_, data, err := st.Original(cmd.Context(), id)
			if err != nil {
				return notFound("source", id, err)
			}
			_, err = cmd.OutOrStdout().Write(data)
			return err
		}),
	}
	dbFlag(cmd, &dsn)
	return cmd
}

func newBackupCommand() *cobra.Command {
	var (
		dsn    string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "backup FILE",
		Short: "Write a consistent copy of the store while it is in use",
		Args:  cobra.ExactArgs(1),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			if err := st.Backup(cmd.Context(), args[0]); err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), map[string]string{"backup": args[0]})
			}
			fmt.Fprintf(cmd.OutOrStdout(), "backup written to %s\n", args[0])
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func newSearchCommand() *cobra.Command {
	var (
		dsn           string
		raw, f        entente.Filters
		limit, offset int
		asJSON        bool
	)
	cmd := &cobra.Command{
		Use:   "search [flags] [--] QUERY",
		Short: "Search sentences in Chinese, English or Serbian (either script)",
		Long: "Searches sentences, best first. A query that begins with - is a query, not a flag\n" +
			"(entente search -x, or entente search -- -x). Says how many sentences match, and when none\n" +
			"does, which filters to drop.",
		Args:    cobra.MinimumNArgs(1),
		PreRunE: resolvedFilters(&raw, &f),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			ctx := cmd.Context()
			text := strings.Join(args, " ")
			res, err := st.SearchPage(ctx, f.Search(text, limit, offset))
			if err != nil {
				return err
			}
			out := searchJSON{Query: text, Filters: f, SearchResults: res, Loosen: []entente.Loosening{}}
			if res.Total == 0 {
				loosen, err := entente.Loosen(ctx, st, text, f)
				if err != nil {
					return err
				}
				out.Loosen = append(out.Loosen, loosen...)
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), out)
			}
			w := cmd.OutOrStdout()
			for _, h := range res.Hits {
				s := h.Sentence
				label := string(s.Type)
				if s.Strength != "" {
					label += " " + string(s.Strength)
				}
				if len(s.Actors) > 0 {
					label += " " + strings.Join(s.Actors, ",")
				}
				fmt.Fprintf(w, "document %d §%s %s [%s]\n  %s\n", h.DocumentID, s.Section, s.ID, label, h.Highlighted)
			}
			fmt.Fprintln(cmd.ErrOrStderr(), searchSummary(text, f, offset, out))
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	filterFlags(cmd, &raw, true)
	cmd.Flags().IntVar(&limit, "limit", 20, "at most this many hits")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many hits")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

// searchJSON is search's JSON: the query and the filters as resolved, the
// page of hits, the total and facets of the whole result set, and, when
// nothing matched, the filters whose removal would find something.
type searchJSON struct {
	Query   string          `json:"query"`
	Filters entente.Filters `json:"filters"`
	*entente.SearchResults
	Loosen []entente.Loosening `json:"loosen"`
}

// searchSummary is the line under the hits: how many of how many, or why
// nothing and what to try.
func searchSummary(text string, f entente.Filters, offset int, out searchJSON) string {
	res := out.SearchResults
	if res.Total > 0 {
		of := strconv.Itoa(res.Total)
		if res.Estimated {
			of = "at least " + of
		}
		if len(res.Hits) == 0 {
			return fmt.Sprintf("0 of %s sentences: --offset is past the last", of)
		}
		return fmt.Sprintf("%s of %s sentences", shown(offset, len(res.Hits)), of)
	}
	if len(f.Set()) == 0 {
		return fmt.Sprintf("no sentence matches %q: try fewer or other words, or another language", text)
	}
	msg := fmt.Sprintf("no sentence matches %q with %s", text, describeFilters(f))
	if len(out.Loosen) == 0 {
		return msg + ", nor without them: try fewer or other words"
	}
	var tries []string
	for _, l := range out.Loosen {
		flags := make([]string, len(l.Drop))
		for i, d := range l.Drop {
			flags[i] = "--" + d
		}
		tries = append(tries, fmt.Sprintf("without %s: %d", strings.Join(flags, " "), l.Total))
	}
	return msg + "; " + strings.Join(tries, "; ")
}
