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
		Short: "Serve the web UI and the JSON API",
		Long: "Serves the web UI (library, reader, search, dashboard, in Chinese or English) at /, the JSON\n" +
			"API under /api/v1, its OpenAPI description at /api/openapi.json, and /healthz and /readyz.\n" +
			"Says on stderr which store it serves. Stops gracefully on SIGINT or SIGTERM.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			log := slog.New(slog.NewJSONHandler(cmd.ErrOrStderr(), nil))
			st, err := openAnnounced(cmd, dsn)
			if err != nil {
				return err
			}
			defer st.Close()
			x, err := extract.New("zh")
			if err != nil {
				return err
			}
			filters, err := filterParser()
			if err != nil {
				return err
			}
			srv, err := web.New(web.Config{Filters: filters,
				Store: st, StoreName: storeName(dsn), Logger: log, PublicRead: publicRead, SecureCookies: secure,
				Ingester: &ingest.Ingester{Store: st, Extractor: x, ExtractorName: "entente-zh/1", Logger: log},
			})
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			return web.Run(ctx, addr, srv.Handler(), log, func(a string) {
				fmt.Fprintf(out, "serving on http://%s\n", a)
				if srv.NeedsSetUp(ctx) {
					fmt.Fprint(out, "\n"+web.SetUpHint(storeName(dsn)))
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
