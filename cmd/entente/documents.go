package main

import (
	"bufio"
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
		return 0, fmt.Errorf("%q is not a %s id", s, what)
	}
	return id, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func notFound(what string, id int64, err error) error {
	if errors.Is(err, entente.ErrNotFound) {
		return fmt.Errorf("no %s %d", what, id)
	}
	return err
}

func newListCommand() *cobra.Command {
	var (
		dsn    string
		f      entente.DocumentFilter
		kind   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the stored documents",
		Args:  cobra.NoArgs,
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			f.Kind = entente.Kind(kind)
			docs, err := st.Documents(cmd.Context(), f)
			if err != nil {
				return err
			}
			if asJSON {
				if docs == nil {
					docs = []entente.StoredDocument{}
				}
				return writeJSON(cmd.OutOrStdout(), docs)
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSIGNED\tKIND\tPARTIES\tLANG\tSENTENCES\tCOMMITMENTS\tTITLE")
			for _, d := range docs {
				signed := "-"
				if d.SignedDate != nil {
					signed = *d.SignedDate
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", d.ID, signed, d.Kind, strings.Join(d.Parties, ","),
					d.Language, d.Sentences, d.Commitments, d.Title)
			}
			return tw.Flush()
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&f.Party, "party", "", "only documents with this party (ISO code)")
	choice(cmd, &kind, "kind", "only documents of this kind", entente.DocumentKinds())
	cmd.Flags().StringVar(&f.Language, "lang", "", "only documents with a version in this language")
	cmd.Flags().StringVar(&f.From, "from", "", "signed on or after this date (YYYY-MM-DD)")
	cmd.Flags().StringVar(&f.To, "to", "", "signed on or before this date (YYYY-MM-DD)")
	cmd.Flags().IntVar(&f.Limit, "limit", 100, "at most this many")
	cmd.Flags().IntVar(&f.Offset, "offset", 0, "skip this many")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
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
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
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
		q             entente.SearchQuery
		typ, strength string
		asJSON        bool
	)
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search sentences in Chinese, English or Serbian (either script)",
		Args:  cobra.MinimumNArgs(1),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			q.Text = strings.Join(args, " ")
			q.Type, q.Strength = entente.SentenceType(typ), entente.Strength(strength)
			hits, err := st.Search(cmd.Context(), q)
			if err != nil {
				return err
			}
			if asJSON {
				if hits == nil {
					hits = []entente.SearchHit{}
				}
				return writeJSON(cmd.OutOrStdout(), hits)
			}
			w := cmd.OutOrStdout()
			for _, h := range hits {
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
			if len(hits) == 0 {
				fmt.Fprintln(cmd.ErrOrStderr(), "no sentence matches")
			}
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&q.Language, "lang", "", "only sentences in this language (zh, en, sr-Cyrl, sr-Latn)")
	cmd.Flags().StringVar(&q.Party, "party", "", "only sentences with this party as actor, or in its documents")
	choice(cmd, &typ, "type", "only sentences of this type", entente.SentenceTypes())
	choice(cmd, &q.Area, "area", "only sentences in this policy area", entente.Areas())
	choice(cmd, &strength, "strength", "only commitments of this strength", entente.Strengths())
	cmd.Flags().StringVar(&q.From, "from", "", "documents signed on or after (YYYY-MM-DD)")
	cmd.Flags().StringVar(&q.To, "to", "", "documents signed on or before (YYYY-MM-DD)")
	cmd.Flags().IntVar(&q.Limit, "limit", 20, "at most this many hits")
	cmd.Flags().IntVar(&q.Offset, "offset", 0, "skip this many hits")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
