package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
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
// for the README's figures): decoding and extraction alone, then the whole
// ingest into SQLite and into PostgreSQL. The difference is what the store
// adds per document.
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
	b.Run("extract-only", func(b *testing.B) {
		b.SetBytes(int64(len(raw)))
		i := 0
		for b.Loop() {
			x.Extract(string(generated(base, i)))
			i++
		}
	})
	stores := map[string]func(b *testing.B) entente.Store{
		"sqlite": func(b *testing.B) entente.Store {
			st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "entente.db"))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
		"postgres": func(b *testing.B) entente.Store {
			st, err := postgres.Open(context.Background(), pgtest.DSN(b))
			if err != nil {
				b.Fatal(err)
			}
			return st
		},
	}
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			st := stores[name](b)
			defer st.Close()
			in := &Ingester{Store: st, Extractor: x, ExtractorName: "bench"}
			b.SetBytes(int64(len(raw)))
			i := 0
			for b.Loop() {
				o := in.Ingest(context.Background(), Input{Name: fmt.Sprintf("s%d.txt", i), Data: generated(base, i)})
				if o.Status != Added {
					b.Fatalf("%+v", o)
				}
				i++
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
