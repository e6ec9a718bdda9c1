package main

import (
	"context"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/export"
)

// registryPage is the most entries the registry lists at a time.
const registryPage = 1000

func newExportRegistryCommand() *cobra.Command {
	var (
		f             exportFlags
		kind          string
		limit, offset int
	)
	cmd := &cobra.Command{
		Use:   "registry [QUERY]",
		Short: "Export the registry of instruments, mechanisms and projects as entente registry lists it",
		Args:  cobra.MaximumNArgs(1),
		RunE: connectorRunE(&f.dsn, func(cmd *cobra.Command, c *connect.Connector, st store, args []string) error {
			k, err := entente.ParseRegistryKind(kind)
			if err != nil {
				return err
			}
			if limit < 0 || offset < 0 {
				return entente.Errorf(entente.EINVALID, "--limit and --offset must not be negative")
			}
			rf := entente.RegistryFilter{Kind: k}
			if len(args) == 1 {
				rf.Query = args[0]
			}
			filters := export.FilterList("query", rf.Query, "kind", kind, "limit", strconv.Itoa(limit), "offset", strconv.Itoa(offset))
			return exportList(cmd, &f, "registry", filters, export.RegistryTable, func(ctx context.Context, emit func([]any) error) error {
				// the registry's own pages hold up to 1000 entries
				for n := 0; limit == 0 || n < limit; {
					page := rf
					page.Offset, page.Limit = offset+n, registryPage
					if limit > 0 {
						page.Limit = min(registryPage, limit-n)
					}
					es, _, err := st.RegistryEntries(ctx, page)
					if err != nil {
						return err
					}
					for i := range es {
						if err := emit(export.RegistryRow(&es[i])); err != nil {
							return err
						}
					}
					n += len(es)
					if len(es) < page.Limit {
						return nil
					}
				}
				return nil
			})
		}),
	}
	f.add(cmd, export.Formats)
	cmd.Flags().StringVar(&kind, "kind", "", "only entries of this kind: "+strings.Join(entente.RegistryKinds().Codes(), ", "))
	cmd.Flags().IntVar(&limit, "limit", 0, "at most this many (0: all)")
	cmd.Flags().IntVar(&offset, "offset", 0, "skip this many")
	return cmd
}

func newExportCompareCommand() *cobra.Command {
	var f exportFlags
	cmd := &cobra.Command{
		Use:   "compare A B",
		Short: "Export two documents' commitments and positions aligned, as entente compare A B lists them",
		Args:  cobra.ExactArgs(2),
		RunE: compareRunE(&f.dsn, func(cmd *cobra.Command, svc *compare.Service, args []string) error {
			c, err := compareDocuments(cmd, svc, args)
			if err != nil {
				return err
			}
			filters := export.FilterList("a", args[0], "b", args[1])
			return exportTables(cmd, &f, "compare", filters, func(ctx context.Context, tw export.TableWriter) error {
				return export.WriteComparison(tw, c)
			})
		}),
	}
	f.add(cmd, export.Formats)
	return cmd
}
