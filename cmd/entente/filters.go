package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// usageError is a command line that asks for something that does not
// exist (a filter value that matches nothing): main exits 2, as for a
// usage error, with the one line.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// filterFlags adds the filters of a list or a search to cmd.
func filterFlags(cmd *cobra.Command, f *entente.Filters, search bool) {
	codes := func(l entente.ValueList) string { return strings.Join(l.Codes(), ", ") }
	cmd.Flags().StringVar(&f.Party, "party", "", "a party: ISO code in any case, or its name in Chinese, English or Serbian (RS, 塞尔维亚, Serbia, Srbija)")
	cmd.Flags().StringVar(&f.Language, "lang", "", "a language: zh, zh-Hant, en, sr-Cyrl, sr-Latn")
	cmd.Flags().StringVar(&f.Area, "area", "", "a policy area, by code or by its label in Chinese or English (能源, energy): "+codes(entente.Areas()))
	cmd.Flags().StringVar(&f.From, "from", "", "signed on or after: YYYY, YYYY-MM or YYYY-MM-DD")
	cmd.Flags().StringVar(&f.To, "to", "", "signed on or before: YYYY, YYYY-MM or YYYY-MM-DD")
	if search {
		cmd.Flags().StringVar(&f.Type, "type", "", "a sentence type: "+codes(entente.SentenceTypes()))
		cmd.Flags().StringVar(&f.Strength, "strength", "", "a commitment's strength: "+codes(entente.Strengths()))
	} else {
		cmd.Flags().StringVar(&f.Kind, "kind", "", "a kind of document: "+codes(entente.DocumentKinds()))
	}
}

// resolvedFilters checks a command's filters before it opens the store
// (PreRunE): a refused value never creates or migrates a store.
func resolvedFilters(raw, out *entente.Filters) func(*cobra.Command, []string) error {
	return func(*cobra.Command, []string) error {
		f, err := resolveFilters(*raw)
		*out = f
		return err
	}
}

// resolveFilters resolves the filters as the API and the UI do (one
// entente.FilterParser); a refused
// value is a usage error naming its flag and the valid choices.
func resolveFilters(in entente.Filters) (entente.Filters, error) {
	fl, err := filterParser()
	if err != nil {
		return entente.Filters{}, err
	}
	out, err := fl.Resolve(in)
	var errs entente.FilterErrors
	if errors.As(err, &errs) {
		msgs := make([]string, len(errs))
		for i, e := range errs {
			msgs[i] = "--" + e.Error()
		}
		return entente.Filters{}, usageError{errors.New(strings.Join(msgs, "; "))}
	}
	return out, err
}

// filterParser reads parties from the lexicon's country table.
func filterParser() (*entente.FilterParser, error) {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		return nil, err
	}
	return entente.NewFilterParser(cs), nil
}

// describeFilters writes set filters as flags, for messages.
func describeFilters(f entente.Filters) string {
	var parts []string
	for _, name := range f.Set() {
		parts = append(parts, fmt.Sprintf("--%s %s", name, filterValue(f, name)))
	}
	return strings.Join(parts, " ")
}

func filterValue(f entente.Filters, name string) string {
	switch name {
	case "party":
		return f.Party
	case "kind":
		return f.Kind
	case "lang":
		return f.Language
	case "area":
		return f.Area
	case "type":
		return f.Type
	case "strength":
		return f.Strength
	case "from":
		return f.From
	case "to":
		return f.To
	}
	return ""
}

// queryArgs reorders a search's arguments so that words of the query that
// begin with "-" (-x, a minus sign, a dash) are the query, not unknown
// flags: known flags (and their values) come first, then "--", then the
// words. "entente search -- -x" and "entente search -x" both search "-x".
func queryArgs(flags *pflag.FlagSet, args []string) []string {
	var opts, words []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			words = append(words, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			words = append(words, a)
			continue
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		var f *pflag.Flag
		if strings.HasPrefix(a, "--") {
			f = flags.Lookup(name)
		} else if len(name) == 1 {
			f = flags.ShorthandLookup(name)
		}
		if a == "-h" || a == "--help" {
			opts = append(opts, a)
			continue
		}
		if f == nil {
			words = append(words, a)
			continue
		}
		opts = append(opts, a)
		if !hasValue && f.Value.Type() != "bool" && i+1 < len(args) {
			i++
			opts = append(opts, args[i])
		}
	}
	if len(words) == 0 {
		return opts
	}
	return append(append(opts, "--"), words...)
}
