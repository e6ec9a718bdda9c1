package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

// BenchmarkDocumentVsBare measures, in one run, a document's JSON and its
// reader page over loopback with 8 concurrent clients against a bare
// handler that sends the same bytes: requests per second, the ratio
// (the goal is at least 0.25) and the 99th percentile. The store holds the
// China–Serbia statement (79 sentences). Run with -benchtime 1x: each
// measurement runs for ENTENTE_BENCH_SECONDS (2 by default).
func BenchmarkDocumentVsBare(b *testing.B) {
	stores := map[string]func() fullStore{
		"sqlite": func() fullStore {
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "entente.db"))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
		"postgres": func() fullStore {
			st, err := postgres.Open(context.Background(), pgtest.DSN(b))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
	}
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			st := stores[name]()
			b.Cleanup(func() { st.Close() })
			h := newHarness(b, st, false)
			ing := &ingest.Ingester{Store: st, Extractor: sharedExtractor(b), ExtractorName: "bench"}
			out := ing.Ingest(context.Background(), ingest.Input{Name: "rs.txt", Data: readCorpus(b, "cn-rs-2024-joint-statement.zh.txt")})
			if out.DocumentID == 0 {
				b.Fatalf("ingest: %+v", out)
			}
			token := h.tokens[entente.RoleViewer]
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
			get := func(base, path string, header map[string]string) (int, []byte, string) {
				req, _ := http.NewRequest("GET", base+path, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				for k, v := range header {
					req.Header.Set(k, v)
				}
				resp, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return 0, nil, ""
				}
				defer resp.Body.Close()
				data, _ := io.ReadAll(resp.Body)
				return resp.StatusCode, data, resp.Header.Get("Content-Type") + "\x00" + resp.Header.Get("ETag")
			}
			for _, p := range []struct{ name, path string }{
				{"document-json", fmt.Sprintf("/api/v1/documents/%d", out.DocumentID)},
				{"reader", fmt.Sprintf("/documents/%d", out.DocumentID)},
			} {
				status, body, meta := get(h.ts.URL, p.path, nil)
				if status != 200 {
					b.Fatalf("%s: %d", p.path, status)
				}
				contentType, etag, _ := cut(meta)
				bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", contentType)
					w.Write(body)
				}))
				b.Cleanup(bare.Close)
				served := measureRate(func() { get(h.ts.URL, p.path, nil) })
				plain := measureRate(func() { get(bare.URL, p.path, nil) })
				notModified := measureRate(func() { get(h.ts.URL, p.path, map[string]string{"If-None-Match": etag}) })
				b.ReportMetric(float64(len(body)), p.name+"-bytes")
				b.ReportMetric(served.rate, p.name+"-req/s")
				b.ReportMetric(plain.rate, p.name+"-bare-req/s")
				b.ReportMetric(served.rate/plain.rate, p.name+"-ratio")
				b.ReportMetric(ms(served.p99), p.name+"-p99-ms")
				b.ReportMetric(notModified.rate, p.name+"-304-req/s")
			}
		})
	}
}

func cut(meta string) (string, string, bool) {
	for i := range len(meta) {
		if meta[i] == 0 {
			return meta[:i], meta[i+1:], true
		}
	}
	return meta, "", false
}

// rate is what measureRate measured.
type rate struct {
	rate float64 // requests per second
	p99  time.Duration
}

// measureRate runs op from 8 clients for the benchmark's duration and
// returns the requests per second and the 99th percentile latency.
func measureRate(op func()) rate {
	d := 2 * time.Second
	if v, err := time.ParseDuration(os.Getenv("ENTENTE_BENCH_SECONDS") + "s"); err == nil && v > 0 {
		d = v
	}
	var (
		mu   sync.Mutex
		all  []time.Duration
		stop atomic.Bool
		wg   sync.WaitGroup
	)
	start := time.Now()
	for range 8 {
		wg.Go(func() {
			var mine []time.Duration
			for !stop.Load() {
				t := time.Now()
				op()
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		})
	}
	time.Sleep(d)
	stop.Store(true)
	wg.Wait()
	elapsed := time.Since(start)
	slices.Sort(all)
	return rate{rate: float64(len(all)) / elapsed.Seconds(), p99: all[min(len(all)-1, len(all)*99/100)]}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
