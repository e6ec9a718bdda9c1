package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// defaultDB is the embedded store's file in the working directory.
const defaultDB = "entente.db"

// dbFlag adds --db to a command that opens the store.
func dbFlag(cmd *cobra.Command, dsn *string) {
	def := os.Getenv("ENTENTE_DB")
	if def == "" {
		def = defaultDB
	}
	cmd.Flags().StringVar(dsn, "db", def, "store: a SQLite file, or postgres://… (default $ENTENTE_DB or "+defaultDB+")")
}

// store is what the commands need of a store: documents, accounts and
// tracking.
type store interface {
	entente.Store
	entente.AccountStore
	tracking.Store
	connect.Store
	// the snapshot of the registry's input, read by a command's first
	// build instead of the whole library (connect/snapshot.go)
	connect.InputSnapshots
	entente.RegistryReader
	Replay(ctx context.Context) (int, error)
	UsePartReader(r sqlstore.PartReader)
	// the full-text index behind a batch's commits (sqlstore/search_pending.go)
	DrainIndex(ctx context.Context) (int, error)
	RunIndexer(ctx context.Context, log *slog.Logger, interval time.Duration)
}

// slowOpen is how long opening the store may take before the command says
// why it waits: an upgrade's migrations run as the store opens, once, and
// some take a while on a large library (migration 0053 rebuilds SQLite's
// search index: about a minute at 100,000 statements).
const slowOpen = 3 * time.Second

// openStore opens the embedded SQLite store, or PostgreSQL for a
// postgres:// address; either runs its migrations first, and if that
// takes longer than slowOpen a line on stderr says so. The store is given
// what reads a split's parts again.
func openStore(ctx context.Context, dsn string, stderr io.Writer) (store, error) {
	return openStoreNoticed(ctx, dsn, stderr, slowOpen)
}

// openStoreNoticed is openStore with the wait before the line.
func openStoreNoticed(ctx context.Context, dsn string, stderr io.Writer, after time.Duration) (store, error) {
	var (
		mu   sync.Mutex
		done bool
	)
	notice := time.AfterFunc(after, func() {
		mu.Lock()
		defer mu.Unlock()
		if !done { // never after the store opened: the line would stand among the command's output
			fmt.Fprintf(stderr, "entente: still opening %s: after an upgrade its migrations run once as it opens (minutes for a large library)\n", storeName(dsn))
		}
	})
	defer func() {
		notice.Stop()
		mu.Lock()
		done = true
		mu.Unlock()
	}()
	var st store
	var err error
	if isPostgres(dsn) {
		st, err = postgres.Open(ctx, dsn)
	} else {
		st, err = sqlite.Open(ctx, dsn)
	}
	if err != nil {
		return nil, err
	}
	// a split's parts are read again by the extractor that re-extraction
	// uses (loaded at the first split)
	st.UsePartReader(tracking.NewPartReader(func() (tracking.Extractor, error) { return extract.NewRegistry() }))
	return st, nil
}

func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// storeName names the store for people: the SQLite file's absolute path
// (entente.db is relative to the working directory, and another folder
// holds another library), or the PostgreSQL address without its password.
func storeName(dsn string) string {
	if isPostgres(dsn) {
		if u, err := url.Parse(dsn); err == nil {
			return u.Redacted()
		}
		return "a postgres:// address"
	}
	if abs, err := filepath.Abs(dsn); err == nil {
		return abs
	}
	return dsn
}

// openAnnounced opens the store of a command that writes or serves, and
// says on stderr which store that is.
func openAnnounced(cmd *cobra.Command, dsn string) (store, error) {
	fmt.Fprintf(cmd.ErrOrStderr(), "store: %s\n", storeName(dsn))
	return openStore(cmd.Context(), dsn, cmd.ErrOrStderr())
}

// storeRunE wraps the body of a command that needs the store: it opens the
// store --db names, runs fn, and closes the store.
func storeRunE(dsn *string, fn func(cmd *cobra.Command, st store, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		st, err := openStore(cmd.Context(), *dsn, cmd.ErrOrStderr())
		if err != nil {
			return err
		}
		defer st.Close()
		// every change the command makes is recorded under its actor
		ctx := cmd.Context()
		a := cliActor(ctx, cmd, st)
		if a.UserID != 0 {
			if u, err := st.UserByID(ctx, a.UserID); err == nil {
				ctx = entente.NewContextWithUser(ctx, u)
			}
		}
		cmd.SetContext(entente.NewContextWithActor(ctx, a))
		err = fn(cmd, st, args)
		if registryWriters[cmd.Name()] {
			rebuildRegistry(cmd, st)
		}
		return err
	}
}

// writeRunE is storeRunE for a command that changes the store: it says
// which store it opens.
func writeRunE(dsn *string, fn func(cmd *cobra.Command, st store, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		st, err := openAnnounced(cmd, *dsn)
		if err != nil {
			return err
		}
		defer st.Close()
		err = fn(cmd, st, args)
		if cmd.Name() != "serve" {
			rebuildRegistry(cmd, st)
		}
		return err
	}
}

// registryWriters are the commands opened by storeRunE whose changes the
// registry is built from: document corrections, version links, a
// re-extraction's new names, a withdrawal, an undo, an import.
var registryWriters = map[string]bool{
	"correct": true, "split": true, "join": true, "reextract": true, "undo": true, "review": true,
	"link": true, "unlink": true, "withdraw": true, "restore": true, "purge": true, "import": true,
}

// rebuildRegistry brings the registry up to date after a command that
// wrote, when the write moved the library under it: reads of the registry
// never rebuild it (docs/decisions.md). A failure is said, not fatal: the
// write is done, and entente registry rebuild can follow.
func rebuildRegistry(cmd *cobra.Command, st store) {
	c, err := connect.New(st)
	if err == nil {
		err = c.Fresh(cmd.Context())
	}
	if err != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), "entente: the registry was not brought up to date: %v (entente registry rebuild)\n", err)
	}
}
