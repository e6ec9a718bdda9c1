package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/tracking"
	"github.com/entente/entente/web"
)

func newServeCommand() *cobra.Command {
	var (
		dsn, addr          string
		publicRead, secure bool
		trusted            []string
		passwordChecks     int
		limits             inputLimits
		workers            int
		syncUploads        bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the JSON API",
		Long: "Serves the web UI (library, reader, search, dashboard, in Chinese or English) at /, the JSON\n" +
			"API under /api/v1, its OpenAPI description at /api/openapi.json, and /healthz and /readyz.\n" +
			"Says on stderr which store it serves. Stops gracefully on SIGINT or SIGTERM.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
			proxies, err := web.ParseTrustedProxies(trusted)
			if err != nil {
				return err
			}
			if passwordChecks <= 0 {
				passwordChecks = defaultPasswordChecks(auth.Default.Memory)
			}
			st, err := openAnnounced(cmd, dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			x, err := extract.NewRegistry()
			if err != nil {
				return err
			}
			x.Log = log // a reader's failure on a text, with its stack
			filters, err := filterParser()
			if err != nil {
				return err
			}
			in := &ingest.Ingester{Store: st, Extractor: x, ExtractorName: x.ID(), Logger: log}
			limits.apply(in)
			cfg := web.Config{
				Store: st, StoreName: storeName(dsn), Filters: filters, Logger: log, PublicRead: publicRead, SecureCookies: secure,
				TrustedProxies: proxies, PasswordChecks: passwordChecks, Ingester: in,
			}
			// Uploads go through the queue in the database, so that they
			// are answered at once, survive a restart, and are read by the
			// workers of every server on the same database.
			if q, ok := st.(entente.JobQueue); ok && !syncUploads {
				if workers < 0 {
					return fmt.Errorf("--workers: %d is not a number of workers", workers)
				}
				cfg.Queue, cfg.Workers = q, workers
			}
			srv, err := web.New(cfg)
			if err != nil {
				return err
			}
			warmUp(ctx, st, srv.Tracker(), log)
			// The full-text index of statements a batch ingest queued
			// (`entente ingest --index-later`, or one stopped before it had
			// indexed them) is caught up here, by every server on the
			// same database, each taking its own versions.
			ictx, stopIndexer := context.WithCancel(entente.NewContextWithActor(ctx, entente.Actor{Name: "search indexer", Via: "system"}))
			indexerDone := make(chan struct{})
			go func() { defer close(indexerDone); st.RunIndexer(ictx, log, 2*time.Second) }()
			defer func() { stopIndexer(); <-indexerDone }()
			out := cmd.OutOrStdout()
			err = web.Run(ctx, addr, srv.Handler(), log, func(a string) {
				fmt.Fprintf(out, "serving on http://%s\n", a)
				if srv.NeedsSetUp(ctx) {
					fmt.Fprint(out, "\n"+web.SetUpHint(storeName(dsn)))
				}
			})
			// the requests are over: record what the server kept in memory
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
			defer cancel()
			return errors.Join(err, srv.Close(cctx))
		},
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&publicRead, "public-read", false, "let anonymous visitors read and search")
	limits.addFlags(cmd)
	cmd.Flags().IntVar(&workers, "workers", runtime.GOMAXPROCS(0),
		"workers reading queued uploads (default: one per core); 0 only queues them, for other servers on the same database to read")
	cmd.Flags().BoolVar(&syncUploads, "sync-uploads", false, "read and store each upload in its request instead of queueing it")
	cmd.Flags().BoolVar(&secure, "secure-cookies", false, "mark the session cookie Secure (serving over TLS or behind a TLS proxy)")
	cmd.Flags().StringSliceVar(&trusted, "trusted-proxy", nil,
		"proxies (CIDRs or addresses, e.g. 127.0.0.1,10.0.0.0/8) whose X-Forwarded-For names the client; without it the socket's address is the client")
	cmd.Flags().IntVar(&passwordChecks, "password-checks", 0,
		"password verifications at once, each holding 64 MiB (default: what a quarter of the memory allows, at most 4)")
	return cmd
}

// defaultPasswordChecks is how many password verifications of memKiB each
// fit in a quarter of the memory the process may use (GOMEMLIMIT, else the
// machine's), between 1 and 4.
func defaultPasswordChecks(memKiB uint32) int {
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		limit = machineMemory()
	}
	if limit <= 0 {
		return web.DefaultPasswordChecks
	}
	return int(min(max(limit/4/(int64(memKiB)<<10), 1), web.DefaultPasswordChecks))
}

// machineMemory reads MemTotal from /proc/meminfo; 0 when it cannot.
func machineMemory() int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			f := strings.Fields(rest)
			if len(f) >= 1 {
				kb, err := strconv.ParseInt(f[0], 10, 64)
				if err == nil {
					return kb << 10
				}
			}
		}
	}
	return 0
}

// warmUp reads, in the background while the server starts listening,
// what its first readers would otherwise wait for: the search index (some
// 5 s at 10,000 statements) with the matches of its commonest words, and
// the index of the commitments (the commitments table, scorecards). Readers that come meanwhile wait for
// the same reading.
func warmUp(ctx context.Context, st any, tr *tracking.Tracker, log *slog.Logger) {
	if w, ok := st.(interface{ WarmSearch(context.Context) error }); ok {
		go func() {
			warm(ctx, log, "search index built", "search index not built at start; the first search builds it", w.WarmSearch)
			if p, ok := st.(interface {
				PinCommon(context.Context) (int, error)
			}); ok {
				pinCommon(ctx, log, p.PinCommon)
			}
		}()
	}
	if tr != nil {
		go warm(ctx, log, "commitments read", "commitments not read at start; the first read of the table reads them", tr.Warm)
	}
}

// pinCommon reads the matches of the commonest characters and words into
// the search index (sqlstore's PinCommon) and logs how many and how long.
func pinCommon(ctx context.Context, log *slog.Logger, pin func(context.Context) (int, error)) {
	start := time.Now()
	n, err := pin(ctx)
	if err != nil {
		if ctx.Err() == nil {
			log.Warn("common words' matches not read at start; their first searches read them", "err", err)
		}
		return
	}
	log.Info("common words' matches read", "queries", n, "took", time.Since(start).Round(time.Millisecond).String())
}

// warm runs fn and logs done with how long it took, or failed with why.
func warm(ctx context.Context, log *slog.Logger, done, failed string, fn func(context.Context) error) {
	start := time.Now()
	if err := fn(ctx); err != nil {
		if ctx.Err() == nil {
			log.Warn(failed, "err", err)
		}
		return
	}
	log.Info(done, "took", time.Since(start).Round(time.Millisecond).String())
}
