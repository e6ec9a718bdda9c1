package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/decode"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

// generated returns the i-th generated statement: the development statement
// with a numbered sentence of its own, so that every one is a new text.
func generated(base string, i int) []byte {
	return []byte(strings.Replace(base, "双方特此声明如下：", fmt.Sprintf("双方同意举行第%d次联合委员会会议。双方特此声明如下：", i+1), 1))
}

// BenchmarkIngest ingests generated statements (run with -benchtime 1000x
// for the README's figures): decoding and extraction alone, on one core and
// on every core; then the whole ingest into SQLite and into PostgreSQL, one
// statement per call as an upload does, and as a batch (Batch: extraction
// on every core, new documents written in groups). The difference is what
// the store adds per document.
func BenchmarkIngest(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"))
	if err != nil {
		b.Fatal(err)
	}
	base := string(raw)
	x, err := extract.New("zh")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	extractOne := func(i int) {
		res, err := decode.Decode(ctx, "s.txt", generated(base, i), decode.Options{})
		if err != nil {
			b.Fatal(err)
		}
		x.Extract(res.Text)
	}
	b.Run("extract-only/one-core", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		i := 0
		for b.Loop() {
			extractOne(i)
			i++
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	})
	b.Run("extract-only/all-cores", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		jobs := make(chan int)
		var wg sync.WaitGroup
		b.ResetTimer()
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range jobs {
					extractOne(i)
				}
			})
		}
		for i := range b.N {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	})
	stores := map[string]func(b *testing.B) entente.Store{
		"sqlite": func(b *testing.B) entente.Store {
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "entente.db"))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
		"postgres": func(b *testing.B) entente.Store {
			st, err := postgres.Open(ctx, pgtest.DSN(b))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
	}
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name+"/one-by-one", func(b *testing.B) {
			st := stores[name](b)
			defer st.Close()
			in := &Ingester{Store: st, Extractor: x, ExtractorName: "bench"}
			b.SetBytes(int64(len(raw)))
			i := 0
			for b.Loop() {
				o := in.Ingest(ctx, Input{Name: fmt.Sprintf("s%d.txt", i), Data: generated(base, i)})
				if o.Status != Added {
					b.Fatalf("%+v", o)
				}
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
		b.Run(name+"/batch", func(b *testing.B) {
			st := stores[name](b)
			defer st.Close()
			dir := b.TempDir()
			paths := make([]string, b.N)
			for i := range paths {
				paths[i] = filepath.Join(dir, fmt.Sprintf("s%05d.txt", i))
				if err := os.WriteFile(paths[i], generated(base, i), 0o644); err != nil {
					b.Fatal(err)
				}
			}
			in := &Ingester{Store: st, Extractor: x, ExtractorName: "bench"}
			b.SetBytes(int64(len(raw)))
			b.ResetTimer()
			sum := in.Batch(ctx, paths, nil, nil)
			b.StopTimer()
			if sum.Added != b.N {
				b.Fatalf("%+v", sum)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
