// Package web serves Entente over HTTP: the JSON API under /api/v1,
// described by OpenAPI 3.1 at /api/openapi.json, health checks, and
// accounts with roles. Every route declares the least role it needs in one
// place (routes.go); a middleware checks it on every request.
package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/tracking"
)

// Store is what the server needs of a store: documents to read and
// delete, search, and accounts. Uploads go through the Ingester.
type Store interface {
	entente.Library
	entente.Searcher
	entente.AccountStore
}

// Config sets up a server.
type Config struct {
	Store      Store
	Ingester   *ingest.Ingester
	Logger     *slog.Logger
	PublicRead bool // anonymous visitors may read and search
	// Filters resolves the filters of lists and searches (the binary gives
	// it the lexicon's country table); without one, a party is taken by its
	// code only.
	Filters *entente.FilterParser
	// StoreName is the store as --db names it (an absolute SQLite path or a
	// redacted address), for the set-up hint.
	StoreName string
	// SecureCookies marks the session cookie Secure; set when served over
	// TLS (directly or behind a proxy that terminates it).
	SecureCookies bool
	SessionTTL    time.Duration
	Now           func() time.Time
	// PasswordParams are the argon2id costs; tests lower them.
	PasswordParams auth.Params
	// Tracker records what came of commitments; nil builds one over Store
	// when the store tracks (with the Ingester's extractor).
	Tracker *tracking.Tracker
	// PasswordChecks bounds the password verifications running at once
	// (each holds PasswordParams.Memory); 0 means DefaultPasswordChecks.
	PasswordChecks int
	// TrustedProxies are the proxies whose X-Forwarded-For names the
	// client; from anyone else the header is ignored.
	TrustedProxies []netip.Prefix
	// Queue, if set, queues uploads: they are answered at once and read by
	// workers on any server sharing the database (uploads.go). nil stores
	// each upload in its request.
	Queue entente.JobQueue
	// Workers is how many workers this server runs on the Queue; 0 only
	// queues (other servers read).
	Workers int
	// WorkerName names this server's workers in the jobs they hold
	// (default host:pid).
	WorkerName string
	// JobLease and JobPoll tune the workers (ingest.Worker's Lease and
	// Poll); 0 takes the defaults.
	JobLease, JobPoll time.Duration
	// PairViewsWatch is how often the server looks for writes it did not
	// answer that made pairs' kept views stale; 0 is pairViewsWatchEvery.
	PairViewsWatch time.Duration
	// PairWait is the most statements of a pair whose view its page and
	// the API compute while the reader waits; 0 is pairWaitStatements.
	PairWait int
}

// DefaultPasswordChecks is how many password verifications run at once
// when Config does not say: 4 × 64 MiB.
const DefaultPasswordChecks = 4

// Server is the HTTP server's handler and state.
type Server struct {
	cfg       Config
	api       huma.API
	mux       *http.ServeMux
	handler   http.Handler
	guard     *auth.Guard
	tokenUses *tokenUses
	passwords *auth.Pool
	setUp     atomic.Bool // true once an account exists
	log       *slog.Logger
	dummyHash string // verified against when the account does not exist
	templates map[string]*template.Template
	filters   *entente.FilterParser // resolves the filters of lists and searches
	track     *tracking.Tracker
	compare   *compare.Service // nil when the store cannot give what it reads
	// conn keeps the registry (nil when the store keeps none)
	conn      *connect.Connector
	stopWatch context.CancelFunc // ends the watches of the registry and the pairs' views
	regStore  registryStore
	responses respCache    // encoded responses of cached reads (doccache.go)
	queue     *uploadQueue // nil: uploads are stored in their request
}

// SessionCookie is the name of the session cookie.
const SessionCookie = "entente_session"

// New builds the server.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = func() time.Time { return time.Now().UTC() }
	}
	if cfg.SessionTTL == 0 {
		cfg.SessionTTL = 14 * 24 * time.Hour
	}
	if cfg.PasswordParams == (auth.Params{}) {
		cfg.PasswordParams = auth.Default
	}
	if cfg.PasswordChecks <= 0 {
		cfg.PasswordChecks = DefaultPasswordChecks
	}
	dummy, err := auth.Hash("not a password of anyone", cfg.PasswordParams)
	if err != nil {
		return nil, err
	}
	filters := cfg.Filters
	if filters == nil {
		filters = entente.NewFilterParser(nil)
	}
	s := &Server{
		cfg: cfg, mux: http.NewServeMux(), log: cfg.Logger, dummyHash: dummy, filters: filters,
		guard:     auth.NewGuard(),
		tokenUses: newTokenUses(cfg.Store, cfg.Logger, time.Minute),
		// As many again may wait a little for a slot: a short burst of
		// honest sign-ins queues; a flood is refused at once.
		passwords: auth.NewPool(cfg.PasswordChecks, 2*cfg.PasswordChecks, 2*time.Second),
	}
	config := huma.DefaultConfig("Entente API", "1.0.0")
	config.Info.Description = "Commitments in diplomatic statements: documents, sentences with their labels, search, accounts."
	config.OpenAPIPath = "/api/openapi"
	config.DocsPath = ""
	// No $schema links in bodies nor Link headers: huma builds them from
	// the request's Host (or X-Forwarded-Host), which a client chooses.
	config.CreateHooks = nil
	config.Transformers = append(config.Transformers, hideSubmittedValues)
	config.SchemasPath = "/api/schemas"
	config.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"session": {Type: "apiKey", In: "cookie", Name: SessionCookie},
		"token":   {Type: "http", Scheme: "bearer", Description: "A personal API token (POST /api/v1/tokens)."},
	}
	s.track = cfg.Tracker
	if ts, ok := cfg.Store.(tracking.Store); ok && s.track == nil {
		if s.track, err = tracking.New(ts); err != nil {
			return nil, err
		}
		if cfg.Ingester != nil {
			s.track.Extractor, s.track.ExtractorName = cfg.Ingester.Extractor, cfg.Ingester.ExtractorName
		}
		s.track.Fetcher = ingest.NewFetcher()
		s.track.Log = s.log
	}
	if cs, ok := cfg.Store.(compare.Store); ok {
		if s.compare, err = compare.New(cs, s.track); err != nil {
			return nil, err
		}
	}
	if cfg.Ingester != nil && cfg.Ingester.Linker == nil && s.track != nil {
		cfg.Ingester.Linker = s.track
	}
	if rs, ok := cfg.Store.(registryStore); ok {
		if s.conn, err = connect.New(rs); err != nil {
			return nil, err
		}
		s.conn.Log = s.log
		s.regStore = rs
	}
	if s.conn != nil || s.compare != nil {
		var watch context.Context
		watch, s.stopWatch = context.WithCancel(context.Background())
		if s.conn != nil {
			go s.conn.Watch(watch, registryWatchEvery)
		}
		if s.compare != nil {
			go watchPairViews(watch, s.compare, s.log, cmp.Or(cfg.PairViewsWatch, pairViewsWatchEvery))
		}
	}
	s.api = humago.New(s.mux, config)
	s.api.UseMiddleware(s.authorize)
	s.routes()
	s.describeListFormats()
	if err := s.registerPages(); err != nil {
		return nil, fmt.Errorf("web: pages: %w", err)
	}

	var h http.Handler = s.mux
	h = s.rebuildAfterWrites(h)
	h = s.listFormats(h) // inside findCaller: an export names its caller
	h = s.findCaller(h)
	h = s.setupGate(h)
	h = http.NewCrossOriginProtection().Handler(h)
	h = s.accessLog(h)
	h = s.withClientAddr(h)
	h = securityHeaders(h)
	s.handler = h
	if cfg.Queue != nil && cfg.Ingester != nil {
		s.startQueue()
	}
	return s, nil
}

// Close stops the upload workers and records what the server keeps in
// memory (tokens' last uses); call it after the last request.
func (s *Server) Close(ctx context.Context) error {
	if s.queue != nil {
		s.queue.close()
	}
	if s.stopWatch != nil {
		s.stopWatch()
	}
	if s.conn != nil {
		s.conn.Wait()
	}
	if s.compare != nil {
		s.compare.Wait()
	}
	if err := s.tokenUses.flush(ctx); err != nil {
		return fmt.Errorf("web: close: %w", err)
	}
	return nil
}

// Tracker returns the tracker the server records and reads commitments
// with, nil when its store keeps no tracking.
func (s *Server) Tracker() *tracking.Tracker { return s.track }

// Handler is the server's root handler.
func (s *Server) Handler() http.Handler { return s.handler }

// API is the huma API, for the OpenAPI description.
func (s *Server) API() huma.API { return s.api }

// NeedsSetUp reports whether the instance has no account yet.
func (s *Server) NeedsSetUp(ctx context.Context) bool {
	if s.setUp.Load() {
		return false
	}
	n, err := s.cfg.Store.CountUsers(ctx)
	if err == nil && n > 0 {
		s.setUp.Store(true)
		return false
	}
	return true
}

// SetUpHint is what an instance with no accounts says and serves: the
// command that creates the first administrator, naming the store the
// server uses (db, as --db takes it) so that the account lands where the
// server looks for it.
func SetUpHint(db string) string {
	cmd := "entente user add NAME --role admin"
	if db != "" {
		cmd += " --db " + shellQuote(db)
	}
	return "Entente has no accounts yet. Create the first administrator on the server with:\n\n" +
		"    " + cmd + "\n\nthen reload this page.\n"
}

// shellQuote quotes s for a POSIX shell when it holds anything but safe
// characters.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-:@+=,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// setupGate serves only the hint until the first account exists (health
// checks excepted).
func (s *Server) setupGate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// With --public-read the operator chose anonymous reading: the
		// library is readable before the first account exists.
		if r.URL.Path != "/healthz" && r.URL.Path != "/readyz" && !s.cfg.PublicRead && s.NeedsSetUp(r.Context()) {
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("Retry-After", "60")
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprint(w, SetUpHint(s.cfg.StoreName))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Health is the answer of the health checks.
type Health struct {
	Status string `json:"status" enum:"ok,ready"`
	// Queue is what waits in the queue of uploads shared by every server
	// on the database, when the store keeps one.
	Queue *entente.QueueDepth `json:"queue,omitempty"`
	// SearchLag is what the full-text index has still to catch up with
	// (statements stored by a batch ingest and not yet searchable), when
	// the store's index can lag.
	SearchLag *entente.SearchLag `json:"search_lag,omitempty"`
}

// queueDepther is a store that tells how deep its queue of uploads is.
type queueDepther interface {
	QueueDepth(ctx context.Context) (entente.QueueDepth, error)
}

type healthOutput struct{ Body Health }

// healthz says the process is up.
func (s *Server) healthz(ctx context.Context, _ *struct{}) (*healthOutput, error) {
	return &healthOutput{Body: Health{Status: "ok"}}, nil
}

// readyz says the store answers, so a load balancer can route to us.
func (s *Server) readyz(ctx context.Context, _ *struct{}) (*healthOutput, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if _, err := s.cfg.Store.CountUsers(ctx); err != nil {
		s.log.Error("not ready", "err", err)
		return nil, huma.Error503ServiceUnavailable("store unavailable")
	}
	out := &healthOutput{Body: Health{Status: "ready"}}
	if q, ok := s.cfg.Store.(queueDepther); ok {
		d, err := q.QueueDepth(ctx)
		if err != nil {
			s.log.Error("not ready", "err", err)
			return nil, huma.Error503ServiceUnavailable("store unavailable")
		}
		out.Body.Queue = &d
	}
	if l, ok := s.cfg.Store.(searchLagger); ok {
		lag, err := l.SearchLag(ctx)
		if err != nil {
			s.log.Error("not ready", "err", err)
			return nil, huma.Error503ServiceUnavailable("store unavailable")
		}
		out.Body.SearchLag = &lag
	}
	return out, nil
}

type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int
}

// statusClientClosed is logged for a request whose client hung up before
// the answer (nginx's convention): not a server error.
const statusClientClosed = 499

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }
func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += n
	return n, err
}
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// accessLog writes one structured line per request.
func (s *Server) accessLog(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		next.ServeHTTP(sw, r)
		status := sw.status
		if r.Context().Err() != nil && (status == 0 || status >= 500) {
			// the client hung up: what we answered (if anything) reached
			// no one, and it is not the server's fault (nginx's 499)
			status = statusClientClosed
		}
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", status,
			"bytes", sw.bytes, "duration_ms", time.Since(start).Milliseconds(), "remote", clientAddrFrom(r.Context()))
	})
}

// Run serves handler on addr until ctx ends, then shuts down gracefully:
// requests in flight get shutdownGrace to finish.
func Run(ctx context.Context, addr string, handler http.Handler, log *slog.Logger, ready func(addr string)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // uploads of several files
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	if ready != nil {
		ready(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

const shutdownGrace = 30 * time.Second
