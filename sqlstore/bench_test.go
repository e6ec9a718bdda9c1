package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/entente/entente"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// BenchmarkCreateDocument stores the extraction of the development
// statement (79 sentences), a new copy each time, one document per
// transaction and in groups as a batch ingest writes them, and reports the
// time per document beside the time extraction takes (store/extract: the
// goal is under 0.5). The "batch" cases write as `entente ingest` does:
// the full-text index behind the commit (DeferIndex), and original bytes
// that end in a line break the decoded text does not have, as a text
// file's do (so the bytes and the text are stored apart).
func BenchmarkCreateDocument(b *testing.B) {
	base := corpusDoc(b, statement)
	extractNs := extractTime(b, base.Text)
	for _, st := range stores {
		for _, c := range []struct {
			group int
			batch bool
		}{{1, false}, {32, false}, {128, true}} {
			name := fmt.Sprintf("%s/group=%d", st.name, c.group)
			if c.batch {
				name += "/batch"
			}
			group := c.group
			b.Run(name, func(b *testing.B) {
				s := st.open(b)
				ctx := context.Background()
				if c.batch {
					ctx = sqlstore.DeferIndex(ctx)
				}
				i := 0
				b.ReportAllocs()
				batch := make([]*entente.NewDocument, 0, group)
				for b.Loop() {
					i++
					nd := *base
					nd.Text = base.Text + strconv.Itoa(i)
					nd.Original = []byte(nd.Text)
					if c.batch {
						nd.Original = append(nd.Original, '\n')
					}
					batch = append(batch, &nd)
					if len(batch) < group {
						continue
					}
					if _, err := s.CreateDocuments(ctx, batch); err != nil {
						b.Fatal(err)
					}
					batch = batch[:0]
				}
				if len(batch) > 0 {
					if _, err := s.CreateDocuments(ctx, batch); err != nil {
						b.Fatal(err)
					}
				}
				perDoc := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
				b.ReportMetric(perDoc/extractNs, "store/extract")
			})
		}
	}
}

// extractTime returns the nanoseconds one extraction of text takes.
func extractTime(b *testing.B, text string) float64 {
	const n = 50
	start := time.Now()
	for range n {
		extractor.Extract(text)
	}
	return float64(time.Since(start).Nanoseconds()) / n
}

// benchDocs is the size of the search benchmark's collection; set
// ENTENTE_BENCH_DOCS to try another.
func benchDocs(b *testing.B) int {
	if v := os.Getenv("ENTENTE_BENCH_DOCS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			b.Fatalf("ENTENTE_BENCH_DOCS=%q", v)
		}
		return n
	}
	return 10000
}

// benchQueries are what an analyst types, with and without filters, a page
// of 20 each: rare and common words, one character, phrases.
var benchQueries = []entente.SearchQuery{
	{Text: "铁路"}, {Text: "签证"}, {Text: "铁"}, {Text: "合作"}, {Text: "一带一路"}, {Text: "基础设施建设"},
	{Text: "中方 塞方"}, {Text: "全面战略伙伴关系"}, {Text: "联合国"}, {Text: "贸易 投资"}, {Text: "新能源"},
	{Text: "命运共同体"}, {Text: "人文交流"}, {Text: "台湾"}, {Text: "匈塞铁路"},
	{Text: "合作", Type: entente.Commitment}, {Text: "铁路", Party: "RS"}, {Text: "投资", From: "2010", To: "2015"},
	{Text: "发展", Strength: entente.Firm, Language: "zh"}, {Type: entente.Commitment, Party: "HU"},
}

// BenchmarkSearch runs benchQueries over 10,000 statements, made by varying
// the development statements (partner country, years, paragraphs left out),
// and reports the median and 99th percentile latency. The collection is
// built once and kept (SQLite: a file in the temporary directory;
// PostgreSQL: a schema of the test database) for later runs.
func BenchmarkSearch(b *testing.B) {
	n := benchDocs(b)
	for _, st := range []struct {
		name string
		open func(*testing.B, int) *sqlstore.Store
	}{{"sqlite", benchSQLite}, {"postgres", benchPostgres}} {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b, n)
			ctx := context.Background()
			lat := make([][]time.Duration, len(benchQueries))
			i := 0
			for b.Loop() {
				q := i % len(benchQueries)
				i++
				q0 := benchQueries[q]
				q0.Limit = 20
				start := time.Now()
				if _, err := s.Search(ctx, q0); err != nil {
					b.Fatal(err)
				}
				lat[q] = append(lat[q], time.Since(start))
			}
			var all []time.Duration
			for q, ds := range lat {
				all = append(all, ds...)
				if len(ds) > 0 && testing.Verbose() {
					b.Logf("%-40s median %6.2f ms  p99 %6.2f ms", fmt.Sprintf("%+v", queryLabel(benchQueries[q])), ms(pct(ds, 50)), ms(pct(ds, 99)))
				}
			}
			b.ReportMetric(ms(pct(all, 50)), "ms-p50")
			b.ReportMetric(ms(pct(all, 99)), "ms-p99")
		})
	}
}

// BenchmarkSearchPage is BenchmarkSearch through SearchPage, which also
// counts the whole result set and its facets (what the UI and the API
// answer); compare the two to see what the counts cost.
func BenchmarkSearchPage(b *testing.B) {
	n := benchDocs(b)
	for _, st := range []struct {
		name string
		open func(*testing.B, int) *sqlstore.Store
	}{{"sqlite", benchSQLite}, {"postgres", benchPostgres}} {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b, n)
			ctx := context.Background()
			var all []time.Duration
			i := 0
			for b.Loop() {
				q := benchQueries[i%len(benchQueries)]
				i++
				q.Limit = 20
				start := time.Now()
				if _, err := s.SearchPage(ctx, q); err != nil {
					b.Fatal(err)
				}
				all = append(all, time.Since(start))
			}
			b.ReportMetric(ms(pct(all, 50)), "ms-p50")
			b.ReportMetric(ms(pct(all, 99)), "ms-p99")
		})
	}
}

func queryLabel(q entente.SearchQuery) string {
	parts := []string{q.Text}
	for _, f := range []string{q.Language, q.Party, string(q.Type), q.Area, string(q.Strength), q.From, q.To} {
		if f != "" {
			parts = append(parts, f)
		}
	}
	return strings.Join(parts, " ")
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// benchSQLite returns the SQLite collection of n documents, building it
// the first time.
func benchSQLite(b *testing.B, n int) *sqlstore.Store {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("entente-bench-search-v5-%d.db", n))
	if s, err := sqlite.Open(context.Background(), path); err == nil {
		if count(b, s, "documents") == n {
			b.Cleanup(func() { s.Close() })
			return s
		}
		s.Close()
	}
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := sqlite.Open(context.Background(), tmp)
	if err != nil {
		b.Fatal(err)
	}
	fillBench(b, s, n, 1)
	if _, err := s.DB().Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		b.Fatal(err)
	}
	s.Close()
	os.Remove(tmp + "-wal")
	os.Remove(tmp + "-shm")
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	s, err = sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// benchPostgres returns the PostgreSQL collection of n documents, in a
// schema of the test database that is kept for later runs.
func benchPostgres(b *testing.B, n int) *sqlstore.Store {
	base := os.Getenv(pgtest.Env)
	if base == "" {
		pgtest.DSN(b) // skips, or fails under CI
	}
	schema := fmt.Sprintf("bench_search_v5_%d", n)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		b.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE SCHEMA IF NOT EXISTS " + schema); err != nil {
		b.Fatal(err)
	}
	s, err := postgres.Open(context.Background(), pgtest.WithSearchPath(base, schema))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if have := count(b, s, "documents"); have != n {
		if have != 0 {
			b.Fatalf("schema %s holds %d documents, not %d: drop it", schema, have, n)
		}
		fillBench(b, s, n, 2)
		if _, err := s.DB().Exec("VACUUM ANALYZE"); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// partners replace Serbia (and the UAE) in the generated statements.
var partners = []string{"匈牙利", "哈萨克斯坦", "巴西", "埃及", "印度尼西亚", "阿根廷", "越南", "南非", "土耳其", "希腊",
	"波兰", "泰国", "肯尼亚", "秘鲁", "蒙古国", "老挝", "柬埔寨", "智利", "墨西哥", "沙特阿拉伯"}

// fillBench stores n statements varied from the two development statements:
// partner country, years, and about a fifth of the paragraphs left out.
func fillBench(b *testing.B, s *sqlstore.Store, n, writers int) {
	b.Helper()
	start := time.Now()
	var bases []string
	for _, name := range []string{"cn-rs-2024-joint-statement.zh.txt", "cn-ae-2019-joint-statement.zh.txt"} {
		bases = append(bases, corpusDoc(b, name).Text)
	}
	jobs := make(chan int)
	docs := make(chan *entente.NewDocument, 16)
	var extractors sync.WaitGroup
	for range 2 {
		extractors.Go(func() {
			for i := range jobs {
				text := varyStatement(bases[i%2], i)
				docs <- extractDoc(b, fmt.Sprintf("bench-%d.txt", i), []byte(text))
			}
		})
	}
	go func() {
		for i := range n {
			jobs <- i
		}
		close(jobs)
		extractors.Wait()
		close(docs)
	}()
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for range writers {
		wg.Go(func() {
			// in groups, as a batch ingest writes them
			var group []*entente.NewDocument
			for d := range docs {
				if group = append(group, d); len(group) < 32 {
					continue
				}
				if _, err := s.CreateDocuments(context.Background(), group); err != nil {
					errs <- err
					for range docs {
					}
					return
				}
				group = group[:0]
			}
			if _, err := s.CreateDocuments(context.Background(), group); err != nil && len(group) > 0 {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		b.Fatal(err)
	}
	b.Logf("built a collection of %d documents in %v", n, time.Since(start).Round(time.Second))
}

func varyStatement(text string, i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	partner := partners[i%len(partners)]
	year := strconv.Itoa(2000 + i%25)
	text = strings.NewReplacer("塞尔维亚", partner, "阿拉伯联合酋长国", partner, "阿联酋", partner,
		"2024", year, "2019", year, "二〇二四", hanYear(year), "2016", strconv.Itoa(1995+i%20)).Replace(text)
	paras := strings.Split(text, "\n")
	kept := paras[:0]
	for j, p := range paras {
		// keep the title, the first and the last paragraphs: the layout
		if j < 4 || j > len(paras)-8 || r.IntN(5) > 0 {
			kept = append(kept, p)
		}
	}
	// a number in the first paragraph makes every text unique and leaves
	// the closing (date, place, signatures) last
	kept[4] = strings.TrimRight(kept[4], "。") + fmt.Sprintf("（第%d号）。", i)
	return strings.Join(kept, "\n")
}

// hanYear writes a year in Chinese numerals (2005 → 二〇〇五), as a
// signature line dates it.
func hanYear(year string) string {
	digits := []rune("〇一二三四五六七八九")
	var b strings.Builder
	for _, c := range year {
		b.WriteRune(digits[c-'0'])
	}
	return b.String()
}

// BenchmarkDocument reads a stored statement whole (its versions' texts
// inflated, its sentences and labels), as the reader and the pair views
// read each of theirs.
func BenchmarkDocument(b *testing.B) {
	for _, st := range stores {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b)
			ctx := context.Background()
			id, err := s.CreateDocument(ctx, corpusDoc(b, statement))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Document(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
