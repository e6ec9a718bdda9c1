package web

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/internal/pgcpu"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

// The load test runs on the 10,000-document collections that the store's
// search benchmark builds and keeps (go test ./sqlstore -run '^$' -bench
// BenchmarkSearch): a SQLite file in the temporary directory (or the one
// ENTENTE_BENCH_SQLITE names) and a schema of the PostgreSQL test
// database.
const benchCollection = "entente-bench-search-v5-10000"

// benchApp is the application_name of the benchmarks' PostgreSQL
// connections, by which their backends' CPU is read (package pgcpu).
const benchApp = "entente_bench_api"

// benchStores opens the collections, and for PostgreSQL also returns what
// reads the CPU time of the backends serving its connections.
func benchStores(b *testing.B) (map[string]fullStore, map[string]func() pgcpu.Reading) {
	out := map[string]fullStore{}
	server := map[string]func() pgcpu.Reading{}
	path := filepath.Join(os.TempDir(), benchCollection+".db")
	if p := os.Getenv("ENTENTE_BENCH_SQLITE"); p != "" {
		path = p // another collection, one of entente-load's (go run ./cmd/entente-load -docs 10000)
	}
	if _, err := os.Stat(path); err == nil {
		st, err := sqlite.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { st.Close() })
		out["sqlite"] = st
	}
	if base := os.Getenv(pgtest.Env); base != "" {
		schema := strings.ReplaceAll(strings.TrimPrefix(benchCollection, "entente-"), "-", "_")
		if v := os.Getenv("ENTENTE_BENCH_PG_SCHEMA"); v != "" {
			schema = v // entente-load's: entente_load_s1_10000
		}
		var n int
		if db, err := sql.Open("pgx", pgtest.WithSearchPath(base, schema)); err == nil {
			_ = db.QueryRow("SELECT count(*) FROM documents").Scan(&n)
			db.Close()
		}
		if n > 0 {
			dsn := pgtest.WithSearchPath(base, schema)
			if u, err := url.Parse(dsn); err == nil && u.Scheme != "" {
				q := u.Query()
				q.Set("application_name", benchApp)
				u.RawQuery = q.Encode()
				dsn = u.String()
			} else {
				dsn += " application_name=" + benchApp
			}
			st, err := postgres.Open(context.Background(), dsn)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { st.Close() })
			out["postgres"] = st
			server["postgres"] = func() pgcpu.Reading { return pgcpu.ReadOf(context.Background(), st.DB(), benchApp) }
		}
	}
	if len(out) == 0 {
		b.Skip("no 10,000-document collection: build it with go test ./sqlstore -run '^$' -bench BenchmarkSearch")
	}
	return out, server
}

// benchToken returns an admin token on st, making the account once.
func benchToken(b *testing.B, st fullStore) string {
	ctx := context.Background()
	u, err := st.UserByName(ctx, "bench-admin")
	if err != nil {
		hash, _ := auth.Hash(testPassword, auth.Fast)
		u = &entente.User{Name: "bench-admin", Role: entente.RoleAdmin, PasswordHash: hash}
		if _, err := st.CreateUser(ctx, u); err != nil {
			b.Fatal(err)
		}
	}
	tok, hash, _ := auth.NewToken("ent_")
	if _, err := st.CreateToken(ctx, &entente.APIToken{UserID: u.ID, Name: "bench", Hash: hash}); err != nil {
		b.Fatal(err)
	}
	return tok
}

// BenchmarkAPI measures requests per second and latency percentiles over
// loopback, with 8 concurrent clients: getting a document, searching, and
// searching while another client uploads statements (SQLite's WAL lets
// readers go on while a writer writes).
func BenchmarkAPI(b *testing.B) {
	queries := []string{"铁路", "签证", "铁", "合作", "一带一路", "全面战略伙伴关系", "联合国", "贸易 投资", "新能源", "人工智能"}
	stores, servers := benchStores(b)
	for name, st := range stores {
		server := servers[name]
		docs, err := st.Documents(context.Background(), entente.DocumentFilter{Limit: 1})
		if err != nil || len(docs) == 0 {
			b.Fatalf("%s: %v", name, err)
		}
		maxID := docs[0].ID
		srv, err := New(Config{Store: st, PasswordParams: auth.Fast,
			Ingester: &ingest.Ingester{Store: st, Extractor: sharedExtractor(b), ExtractorName: "bench"}})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { srv.Close(context.Background()) })
		ts := httptest.NewServer(srv.Handler())
		b.Cleanup(ts.Close)
		token := benchToken(b, st)
		get := func(path string) {
			req, _ := http.NewRequest("GET", ts.URL+path, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := ts.Client().Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 200 && resp.StatusCode != 404 {
				b.Errorf("%s: %d", path, resp.StatusCode)
			}
		}
		getDocument := func(r *rand.Rand) { get(fmt.Sprintf("/api/v1/documents/%d", 1+r.Int64N(maxID))) }
		search := func(r *rand.Rand) {
			get("/api/v1/search?" + url.Values{"q": {queries[r.IntN(len(queries))]}}.Encode())
		}
		searchPage := func(r *rand.Rand) {
			get("/search?" + url.Values{"q": {queries[r.IntN(len(queries))]}}.Encode())
		}
		// a server that has run a while: the search index built and each
		// query's matches read (the first search after start pays those)
		for _, q := range queries {
			get("/api/v1/search?" + url.Values{"q": {q}}.Encode())
		}
		b.Run(name+"/get-document", func(b *testing.B) { load(b, getDocument, server) })
		b.Run(name+"/search", func(b *testing.B) { load(b, search, server) })
		b.Run(name+"/search-page", func(b *testing.B) { load(b, searchPage, server) })
		if name == "sqlite" {
			b.Run(name+"/search-during-upload", func(b *testing.B) {
				stop := make(chan struct{})
				done := make(chan []int64)
				go func() { done <- uploadLoop(b, ts.URL, token, stop) }()
				load(b, search, server)
				close(stop)
				ids := <-done
				b.ReportMetric(float64(len(ids)), "uploads")
				// leave the shared collection as it was
				for _, id := range ids {
					if err := st.DeleteDocument(context.Background(), id); err != nil {
						b.Error(err)
					}
				}
			})
		}
	}
}

// load runs op from 8 clients and reports requests per second and the
// median and 99th percentile latency, the CPU per request of this process
// (the clients and the server) and, when server is given, of the
// database's backends (PostgreSQL's, on this machine).
func load(b *testing.B, op func(r *rand.Rand), server func() pgcpu.Reading) {
	var mu sync.Mutex
	var all []time.Duration
	b.SetParallelism(4) // 4 × GOMAXPROCS clients (8 on two cores)
	var (
		db0 pgcpu.Reading
		db  time.Duration
	)
	if server != nil {
		db0 = server()
	}
	cpu := cputime.Process()
	b.RunParallel(func(pb *testing.PB) {
		r := rand.New(rand.NewPCG(rand.Uint64(), 1))
		var mine []time.Duration
		for pb.Next() {
			start := time.Now()
			op(r)
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		all = append(all, mine...)
		mu.Unlock()
	})
	used := cputime.Process() - cpu
	if server != nil {
		db = server().Since(db0)
	}
	slices.Sort(all)
	if len(all) == 0 {
		return
	}
	if server != nil {
		// the database's backends share the cores: the rate the cores
		// could give to both
		dbPerReq := db.Seconds() / float64(len(all))
		b.ReportMetric(dbPerReq*1000, "db-cpu-ms/req")
		b.ReportMetric(float64(runtime.GOMAXPROCS(0))/(used.Seconds()/float64(len(all))+dbPerReq), "with-db-cpu-bound-req/s")
	}
	// CPU per request, the clients' included (an upper bound on the
	// server's): on a machine shared with other work, the rate the cores
	// could give is GOMAXPROCS seconds over it
	perReq := used.Seconds() / float64(len(all))
	b.ReportMetric(perReq*1000, "cpu-ms/req")
	b.ReportMetric(float64(runtime.GOMAXPROCS(0))/perReq, "cpu-bound-req/s")
	p := func(q float64) float64 { return float64(all[int(q*float64(len(all)-1))].Microseconds()) / 1000 }
	b.ReportMetric(float64(len(all))/b.Elapsed().Seconds(), "req/s")
	b.ReportMetric(p(0.5), "p50-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}

// uploadLoop uploads new statements until stop closes; it returns the new
// documents' ids.
func uploadLoop(b *testing.B, base, token string, stop chan struct{}) []int64 {
	raw, err := os.ReadFile(filepath.Join(corpus, "cn-ae-2019-joint-statement.zh.txt"))
	if err != nil {
		b.Error(err)
		return nil
	}
	var ids []int64
	for n := 0; ; n++ {
		select {
		case <-stop:
			return ids
		default:
		}
		text := strings.Replace(string(raw), "双方一致同意继续开展交流合作", fmt.Sprintf("双方一致同意继续开展第%d轮交流合作", time.Now().UnixNano()), 1)
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		w, _ := mw.CreateFormFile("files", fmt.Sprintf("upload-%d.txt", n))
		w.Write([]byte(text))
		mw.Close()
		req, _ := http.NewRequest("POST", base+"/api/v1/documents", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Error(err)
			return ids
		}
		var res UploadResult
		_ = json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		for _, o := range res.Outcomes {
			if o.DocumentID != 0 && o.Status == "added" {
				ids = append(ids, o.DocumentID)
			}
		}
	}
}
