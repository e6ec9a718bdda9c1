package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
)

func newExtractCommand() *cobra.Command {
	var (
		format, lang string
		asJSON       bool
	)
	cmd := &cobra.Command{
		Use:   "extract [--json | --format json|text] FILE|-",
		Short: "Print what one UTF-8 plain-text statement yields",
		Long: "Reads one statement in UTF-8 plain text (- for standard input) and prints its structure\n" +
			"and every sentence's labels, with the cue that decided each, as JSON or as a listing.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if asJSON {
				if cmd.Flags().Changed("format") && format != "json" {
					return fmt.Errorf("--json and --format %s contradict each other", format)
				}
				format = "json"
			}
			if format != "json" && format != "text" {
				return fmt.Errorf("--format must be json or text, not %q", format)
			}
			name := args[0]
			text, err := readStatement(name, cmd.InOrStdin())
			if err != nil {
				return err
			}
			reg, err := extract.NewRegistry()
			if err != nil {
				return err
			}
			out, err := reg.ExtractAs(text, lang)
			if err != nil {
				return err
			}
			for _, w := range out.Warnings {
				fmt.Fprintf(cmd.ErrOrStderr(), "entente: %s: warning: %s\n", name, w)
			}
			if format == "text" {
				return writeListing(cmd.OutOrStdout(), out)
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			return enc.Encode(out)
		},
	}
	cmd.Flags().StringVar(&format, "format", "json", "output format: json or text")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON (as every command that prints data takes; the default here)")
	cmd.Flags().StringVar(&lang, "lang", "", "the text's language ("+strings.Join(extract.Languages, ", ")+"); detected when empty")
	return cmd
}

// maxStatement bounds what extract reads: statements are tens of kilobytes.
const maxStatement = 32 << 20

// readStatement reads a UTF-8 statement from a file or "-", with errors that
// name the file and the problem.
func readStatement(name string, stdin io.Reader) (string, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			switch {
			case errors.Is(err, fs.ErrNotExist):
				return "", fmt.Errorf("%s: no such file", name)
			case errors.Is(err, fs.ErrPermission):
				return "", fmt.Errorf("%s: permission denied", name)
			}
			return "", fmt.Errorf("%s: %w", name, err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return "", fmt.Errorf("%s: is a directory, not a file", name)
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxStatement+1))
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxStatement {
		return "", fmt.Errorf("%s: larger than %d MiB, not a statement", name, maxStatement>>20)
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return "", fmt.Errorf("%s: empty file", name)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("%s: not UTF-8 text (other encodings are read by entente ingest)", name)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", fmt.Errorf("%s: binary data, not a text statement", name)
	}
	return string(b), nil
}

// writeListing prints the readable form: one line per sentence.
func writeListing(w io.Writer, x *entente.Extraction) error {
	d := x.Document
	fmt.Fprintf(w, "%s\n", d.Title)
	fmt.Fprintf(w, "kind %s · language %s · parties %s", d.Kind, d.Language, strings.Join(d.Parties, ", "))
	if d.SignedDate != nil {
		fmt.Fprintf(w, " · signed %s", *d.SignedDate)
	}
	if d.SignedPlace != nil {
		fmt.Fprintf(w, " in %s", *d.SignedPlace)
	}
	fmt.Fprintln(w)
	for _, s := range d.Signatories {
		fmt.Fprintf(w, "signed by %s, %s (%s)\n", s.Name, s.Title, s.Party)
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSECTION\tTYPE\tSTRENGTH\tACTORS\tAREAS\tSENTENCE")
	for _, s := range x.Sentences {
		strength := string(s.Strength)
		if strength == "" {
			strength = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Section, s.Type, strength,
			dash(strings.Join(s.Actors, ",")), dash(strings.Join(s.Areas, ",")), s.Text)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(x.References) > 0 {
		fmt.Fprintln(w, "\nreferences:")
		for _, r := range x.References {
			year := ""
			if r.Year != nil {
				year = fmt.Sprintf(" (%d)", *r.Year)
			}
			br := ""
			if !r.Bracketed {
				br = " [unbracketed]"
			}
			fmt.Fprintf(w, "  %s%s · %s%s · %s\n", r.Title, year, r.Kind, br, strings.Join(r.Sentences, " "))
		}
	}
	for _, group := range []struct {
		name string
		list []entente.Entity
	}{{"mechanisms", x.Mechanisms}, {"projects", x.Projects}} {
		if len(group.list) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", group.name)
		for _, e := range group.list {
			fmt.Fprintf(w, "  %s · %s\n", e.Name, strings.Join(e.Sentences, " "))
		}
	}
	return nil
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
