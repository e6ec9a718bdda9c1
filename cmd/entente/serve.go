package main

import (
	"fmt"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/web"
)

func newServeCommand() *cobra.Command {
	var (
		dsn, addr          string
		publicRead, secure bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the JSON API (and, later, the web UI)",
		Long: "Serves the API under /api/v1, its OpenAPI description at /api/openapi.json, and /healthz\n" +
			"and /readyz. Stops gracefully on SIGINT or SIGTERM.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
			st, err := openStore(ctx, dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			x, err := extract.NewRegistry()
			if err != nil {
				return err
			}
			srv, err := web.New(web.Config{
				Store: st, Logger: log, PublicRead: publicRead, SecureCookies: secure,
				Ingester: &ingest.Ingester{Store: st, Extractor: x, ExtractorName: extractorName, Logger: log},
			})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			return web.Run(ctx, addr, srv.Handler(), log, func(a string) {
				fmt.Fprintf(out, "serving on http://%s\n", a)
				if srv.NeedsSetUp(ctx) {
					fmt.Fprint(out, "\n"+web.SetUpHint)
				}
			})
		},
	}
	dbFlag(cmd, &dsn)
	cmd.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on")
	cmd.Flags().BoolVar(&publicRead, "public-read", false, "let anonymous visitors read and search")
	cmd.Flags().BoolVar(&secure, "secure-cookies", false, "mark the session cookie Secure (serving over TLS or behind a TLS proxy)")
	return cmd
}
