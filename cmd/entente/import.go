package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// dumper is what export --all and import need of a store: both stores are
// a sqlstore.Store.
type dumper interface {
	Dump(ctx context.Context, w io.Writer) (*sqlstore.DumpManifest, error)
	Restore(ctx context.Context, r io.ReaderAt, size int64) (*sqlstore.DumpManifest, error)
}

// dumpAll writes the whole store to path, through a file beside it renamed
// when complete.
func dumpAll(cmd *cobra.Command, st store, path string) error {
	d, ok := st.(dumper)
	if !ok {
		return errors.New("export --all: this store cannot be dumped")
	}
	f := exportFlags{out: path}
	var m *sqlstore.DumpManifest
	err := f.output(cmd, func(w io.Writer) error {
		var err error
		m, err = d.Dump(cmd.Context(), w)
		return err
	})
	if err != nil {
		return fmt.Errorf("export --all: %w", err)
	}
	rows := int64(0)
	for _, t := range m.Tables {
		rows += t.Rows
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %d tables, %d rows, schema version %d (no passwords, sessions or tokens)\n",
		path, len(m.Tables), rows, m.SchemaVersion)
	return nil
}

func newImportCommand() *cobra.Command {
	var dsn string
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Load an archive of export --all into an empty store (SQLite or PostgreSQL)",
		Long: `Load an archive written by export --all into an empty store of either kind, in one
transaction, and rebuild the search index. Accounts come without passwords: set one with
entente user passwd.`,
		Args: cobra.ExactArgs(1),
		RunE: storeRunE(&dsn, func(cmd *cobra.Command, st store, args []string) error {
			d, ok := st.(dumper)
			if !ok {
				return errors.New("import: this store cannot be loaded")
			}
			f, err := os.Open(args[0])
			if err != nil {
				return fmt.Errorf("import: %w", err)
			}
			defer f.Close()
			info, err := f.Stat()
			if err != nil {
				return fmt.Errorf("import: %w", err)
			}
			if !info.Mode().IsRegular() {
				return entente.Errorf(entente.EINVALID, "import: %s is not a file", filepath.Base(args[0]))
			}
			m, err := d.Restore(cmd.Context(), f, info.Size())
			if err != nil {
				return fmt.Errorf("import %s: %w", args[0], err)
			}
			rows := int64(0)
			for _, t := range m.Tables {
				rows += t.Rows
			}
			// The import is a change like any other: it goes to the log,
			// after the events it brought.
			ev := entente.NewEvent(cmd.Context(), "import", "store", 0)
			after, _ := json.Marshal(map[string]any{"file": filepath.Base(args[0]), "from": m.Database,
				"schema_version": m.SchemaVersion, "dumped_at": m.CreatedAt, "tables": len(m.Tables), "rows": rows})
			ev.After = string(after)
			if _, err := st.AppendEvent(cmd.Context(), ev); err != nil {
				return fmt.Errorf("import: record the import: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "imported %s: %d tables, %d rows from %s (schema version %d); accounts have no password until `entente user passwd`\n",
				args[0], len(m.Tables), rows, m.Database, m.SchemaVersion)
			return nil
		}),
	}
	dbFlag(cmd, &dsn)
	return cmd
}
