package web

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

const corpus = "../testdata/corpus"

// fullStore is a store as the program opens it: the server's part, and
// the writing that uploads do through the Ingester.
type fullStore interface {
	entente.Store
	entente.AccountStore
}

// harness is a real server over loopback on a real store, with one account
// and one API token per role, and every response checked against the
// server's own OpenAPI description.
type harness struct {
	t      testing.TB
	srv    *Server
	ts     *httptest.Server
	store  fullStore
	tokens map[entente.Role]string
	users  map[entente.Role]*entente.User
	router routers.Router
}

const testPassword = "correct horse battery"

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
)

func sharedExtractor(t testing.TB) *extract.Extractor {
	extractorOnce.Do(func() {
		x, err := extract.New("zh")
		if err != nil {
			t.Fatal(err)
		}
		extractor = x
	})
	return extractor
}

// openSQLite opens a store in a temporary file, closed when t ends.
func openSQLite(t testing.TB) fullStore {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// forEachStore runs fn on SQLite and on PostgreSQL.
func forEachStore(t *testing.T, fn func(t *testing.T, h *harness)) {
	forEachStoreWith(t, Config{PasswordParams: auth.Fast}, fn)
}

// forEachStoreWith runs fn on SQLite and on PostgreSQL, each with a server
// configured as cfg.
func forEachStoreWith(t *testing.T, cfg Config, fn func(t *testing.T, h *harness)) {
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var st fullStore
			var err error
			if name == "sqlite" {
				st, err = sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "entente.db"))
			} else {
				st, err = postgres.Open(context.Background(), pgtest.DSN(t))
			}
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			fn(t, newHarnessWith(t, st, cfg))
		})
	}
}

func newHarness(t testing.TB, st fullStore, publicRead bool) *harness {
	t.Helper()
	return newHarnessWith(t, st, Config{PublicRead: publicRead, PasswordParams: auth.Fast})
}

// newHarnessWith is newHarness with more of the server's configuration.
func newHarnessWith(t testing.TB, st fullStore, cfg Config) *harness {
	t.Helper()
	ctx := context.Background()
	h := &harness{t: t, store: st, tokens: map[entente.Role]string{}, users: map[entente.Role]*entente.User{}}
	for _, r := range entente.Roles {
		hash, err := auth.Hash(testPassword, auth.Fast)
		if err != nil {
			t.Fatal(err)
		}
		u := &entente.User{Name: string(r) + "-user", Role: r, PasswordHash: hash}
		if _, err := st.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		// tokens that may make tokens: the matrix tests the role policy
		tok, th, _ := auth.NewToken(mintPrefix)
		if _, err := st.CreateToken(ctx, &entente.APIToken{UserID: u.ID, Name: "test", Hash: th}); err != nil {
			t.Fatal(err)
		}
		h.tokens[r], h.users[r] = tok, u
	}
	if cfg.Filters == nil {
		countries, err := lexicon.LoadCountries()
		if err != nil {
			t.Fatal(err)
		}
		cfg.Filters = entente.NewFilterParser(countries)
	}
	cfg.Store = st
	cfg.Ingester = &ingest.Ingester{Store: st, Extractor: sharedExtractor(t), ExtractorName: "test"}
	if cfg.Workers > 0 && cfg.Queue == nil {
		cfg.Queue = st.(entente.JobQueue) // uploads queued, read by cfg.Workers
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	// the workers and the watches stop before the store closes (when the
	// store's cleanup was registered first), and a finished test's server
	// is not kept alive by them
	t.Cleanup(func() { srv.Close(context.Background()) })
	h.ts = httptest.NewServer(srv.Handler())
	t.Cleanup(h.ts.Close)

	h.router = openAPIRouter(t, h.ts.URL)
	return h
}

// openAPIRouter loads the OpenAPI description a server at base serves,
// checks that it is valid, and returns a router over it for validating
// responses.
func openAPIRouter(t testing.TB, base string) routers.Router {
	t.Helper()
	ctx := context.Background()
	// the served description must be a valid OpenAPI document
	resp, err := http.Get(base + "/api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(raw)
	if err != nil {
		t.Fatalf("load OpenAPI: %v", err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("the OpenAPI description is invalid: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: base}}
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return router
}

// do sends a request as a role ("" for anonymous), validates the response
// against the OpenAPI description, and returns it with its body.
func (h *harness) do(role entente.Role, method, path string, body io.Reader, contentType string) (*http.Response, []byte) {
	h.t.Helper()
	req, err := http.NewRequest(method, h.ts.URL+path, body)
	if err != nil {
		h.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+h.tokens[role])
	}
	resp, err := h.ts.Client().Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	h.validate(req, resp, data)
	return resp, data
}

// validate checks a response against the schema of its operation.
func (h *harness) validate(req *http.Request, resp *http.Response, data []byte) {
	h.t.Helper()
	route, params, err := h.router.FindRoute(req)
	if err != nil {
		return // not an API route (health checks)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
		Status: resp.StatusCode, Header: resp.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	in.SetBodyBytes(data)
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		h.t.Errorf("%s %s → %d does not match the OpenAPI description: %v\n%s", req.Method, req.URL.Path, resp.StatusCode, err, clip(data))
	}
}

func clip(b []byte) string {
	if len(b) > 400 {
		return string(b[:400]) + "…"
	}
	return string(b)
}

// upload sends statement files as a multipart form.
func (h *harness) upload(role entente.Role, files map[string][]byte) (*http.Response, []byte) {
	h.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, data := range files {
		w, err := mw.CreateFormFile("files", name)
		if err != nil {
			h.t.Fatal(err)
		}
		w.Write(data)
	}
	mw.Close()
	resp, data := h.do(role, http.MethodPost, "/api/v1/documents", &buf, mw.FormDataContentType())
	h.settleRegistry()
	return resp, data
}

// settleRegistry brings the registry up to date at once, as the rebuild
// the upload started in the background would: tests read it right after.
func (h *harness) settleRegistry() {
	h.t.Helper()
	if c := h.srv.conn; c != nil {
		c.Wait()
		if err := c.Fresh(context.Background()); err != nil {
			h.t.Fatal(err)
		}
	}
}

// queueUploads posts files to the upload queue.
func (h *harness) queueUploads(role entente.Role, files map[string][]byte) (*http.Response, []byte) {
	h.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for name, data := range files {
		w, err := mw.CreateFormFile("files", name)
		if err != nil {
			h.t.Fatal(err)
		}
		w.Write(data)
	}
	mw.Close()
	return h.do(role, http.MethodPost, "/api/v1/uploads", &buf, mw.FormDataContentType())
}

func readCorpus(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join(corpus, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func jsonBody(v any) io.Reader {
	b, _ := json.Marshal(v)
	return bytes.NewReader(b)
}

func isProblem(resp *http.Response, data []byte) bool {
	var p struct {
		Status int    `json:"status"`
		Title  string `json:"title"`
	}
	return strings.HasPrefix(resp.Header.Get("Content-Type"), "application/problem+json") &&
		json.Unmarshal(data, &p) == nil && p.Status == resp.StatusCode && p.Title != ""
}
