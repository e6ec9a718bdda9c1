package web

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
)

// The registry's pages at the size of a real library: ENTENTE_BENCH_REGISTRY_DOCS
// statements (10,000 by default) of China with 40 partners over 25 years,
// each citing its partner's agreements by full title and by short form,
// the UN Charter and other multilateral titles, the pair's founding
// statement (a stored document), its intergovernmental committee and a
// project. The collection is generated once and kept (a SQLite file in the
// temporary directory, a schema of the PostgreSQL test database).

func registryBenchDocs(b *testing.B) int {
	n := 10000
	if v := os.Getenv("ENTENTE_BENCH_REGISTRY_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 50 {
			b.Fatalf("ENTENTE_BENCH_REGISTRY_DOCS=%q: a number of 50 or more", v)
		}
	}
	return n
}

// benchPartner is one of China's partners in the generated statements.
type benchPartner struct{ code, name, short string }

// registryBenchPartners are the 40 partners the generated statements are
// China's with, in order.
func registryBenchPartners(b *testing.B) []benchPartner {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		b.Fatal(err)
	}
	var ps []benchPartner
	for _, c := range cs.List {
		if c.Kind != "country" || c.Code == "CN" || len(c.Names["zh"]) == 0 || len(c.Names["zh-short"]) == 0 || len([]rune(c.Names["zh-short"][0])) != 1 {
			continue
		}
		ps = append(ps, benchPartner{c.Code, c.Names["zh"][0], c.Names["zh-short"][0]})
		if len(ps) == 40 {
			break
		}
	}
	return ps
}

// registryBenchTexts writes n generated statements into dir.
func registryBenchTexts(b *testing.B, dir string, n int) []string {
	ps := registryBenchPartners(b)
	topics := []string{"相互促进和保护投资", "互免持普通护照人员签证", "经济技术合作", "文化合作", "科学技术合作", "民用航空运输",
		"海关行政互助", "卫生合作", "教育交流", "旅游合作", "农业合作", "能源合作", "铁路运输", "金融监管合作", "避免双重征税",
		"民事和商事司法协助", "引渡", "体育交流", "青年交流", "新闻媒体交流"}
	multilateral := []string{"联合国宪章", "巴黎协定", "联合国2030年可持续发展议程", "联合国海洋法公约", "不扩散核武器条约",
		"世界贸易组织协定", "生物多样性公约", "联合国气候变化框架公约", "全球发展倡议", "全球安全倡议"}
	projects := []string{"友谊大桥", "工业园", "光伏电站", "港口扩建", "铁路", "水电站"}
	r := rand.New(rand.NewPCG(7, 14))
	files := make([]string, n)
	for i := range n {
		p := ps[i%len(ps)]
		k := i / len(ps) // the statement's rank in its pair
		year := 2000 + k*25/max(n/len(ps), 1)
		title := "中华人民共和国和" + p.name + "联合声明"
		if k == 0 {
			title = "中华人民共和国和" + p.name + "关于建立全面战略伙伴关系的联合声明"
		}
		t1, t2 := topics[r.IntN(len(topics))], topics[r.IntN(len(topics))]
		text := fmt.Sprintf(`%s

（%d年%d月%d日，北京）

一、双方回顾了《中华人民共和国和%s关于建立全面战略伙伴关系的联合声明》的落实情况，同意第%d次深化合作。
二、双方将落实《中华人民共和国政府和%s政府关于%s的协定》。
三、双方欢迎中%s%s协定生效，将扩大双边合作。
四、双方将继续发挥中%s经贸合作政府间委员会作用。
五、双方重申恪守《%s》宗旨和原则，支持《%s》。
六、双方将加快推进中%s%s项目建设。
`, title, year, 1+r.IntN(12), 1+r.IntN(28), p.name, k+1, p.name, t1, p.short, string([]rune(t2)[:2]), p.short,
			multilateral[r.IntN(len(multilateral))], multilateral[r.IntN(len(multilateral))], p.short, projects[r.IntN(len(projects))])
		if k == 0 {
			text = fmt.Sprintf("%s\n\n（%d年%d月%d日，北京）\n\n一、双方决定建立全面战略伙伴关系。\n二、双方将继续发挥中%s经贸合作政府间委员会作用。\n",
				title, year, 1+r.IntN(12), 1+r.IntN(28), p.short)
		}
		files[i] = filepath.Join(dir, fmt.Sprintf("s%05d.txt", i))
		if err := os.WriteFile(files[i], []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return files
}

// registryBenchStore opens (filling it the first time) the benchmark's
// collection on one database, with its registry built, and says how long
// the build took.
func registryBenchStore(b *testing.B, name string, n int) (fullStore, time.Duration) {
	ctx := context.Background()
	var st interface {
		fullStore
		connect.Store
	}
	switch name {
	case "sqlite":
		s, err := sqlite.Open(ctx, filepath.Join(os.TempDir(), fmt.Sprintf("entente-bench-registry-v1-%d.db", n)))
		if err != nil {
			b.Fatal(err)
		}
		st = s
	default:
		base := os.Getenv(pgtest.Env)
		if base == "" {
			b.Skip("PostgreSQL: set " + pgtest.Env)
		}
		schema := fmt.Sprintf("bench_registry_v1_%d", n)
		admin, err := sql.Open("pgx", base)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := admin.Exec("CREATE SCHEMA IF NOT EXISTS " + schema); err != nil {
			b.Fatal(err)
		}
		admin.Close()
		s, err := postgres.Open(ctx, pgtest.WithSearchPath(base, schema))
		if err != nil {
			b.Fatal(err)
		}
		st = s
	}
	b.Cleanup(func() { st.Close() })
	have, err := st.CountDocuments(ctx, entente.DocumentFilter{Withdrawn: true})
	if err != nil {
		b.Fatal(err)
	}
	if have != n {
		if have != 0 {
			b.Fatalf("%s: the collection holds %d documents, not %d: remove it", name, have, n)
		}
		start := time.Now()
		in := &ingest.Ingester{Store: st, Extractor: sharedExtractor(b), ExtractorName: "bench"}
		sum := in.Batch(ctx, registryBenchTexts(b, b.TempDir(), n), nil, func(ingest.Outcome) {})
		if sum.Added != n {
			b.Fatalf("%s: ingest %+v", name, sum)
		}
		b.Logf("%s: %d statements stored in %v", name, n, time.Since(start).Round(time.Second))
	}
	c, err := connect.New(st)
	if err != nil {
		b.Fatal(err)
	}
	// the registry is built again (and timed) for a new collection, or
	// when ENTENTE_BENCH_REGISTRY_BUILD is set
	if have == n && os.Getenv("ENTENTE_BENCH_REGISTRY_BUILD") == "" {
		if err := c.Fresh(ctx); err != nil {
			b.Fatal(err)
		}
		return st, 0
	}
	start := time.Now()
	sum, err := c.Rebuild(ctx)
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	b.Logf("%s: registry of %d entries from %d names built in %v", name, sum.Entries, sum.Items, took.Round(time.Millisecond))
	return st, took
}

// BenchmarkRegistryPages measures the registry's pages and API over
// loopback, one client at a time, at p50 and p95: the list, the list
// searched by a name, an entry with its mentions, a document's citations,
// the library's graph, and the API's list.
func BenchmarkRegistryPages(b *testing.B) {
	n := registryBenchDocs(b)
	for _, name := range []string{"sqlite", "postgres"} {
		b.Run(name, func(b *testing.B) {
			st, build := registryBenchStore(b, name, n)
			srv, err := New(Config{Store: st, PasswordParams: auth.Fast})
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(func() { srv.Close(context.Background()) })
			ts := httptest.NewServer(srv.Handler())
			b.Cleanup(ts.Close)
			token := benchToken(b, st)
			es, _, err := st.(entente.RegistryReader).RegistryEntries(context.Background(), entente.RegistryFilter{Limit: 500})
			if err != nil || len(es) == 0 {
				b.Fatalf("registry: %d entries, %v", len(es), err)
			}
			get := func(path string) {
				req, _ := http.NewRequest("GET", ts.URL+path, nil)
				req.Header.Set("Authorization", "Bearer "+token)
				resp, err := ts.Client().Do(req)
				if err != nil {
					b.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatalf("%s: %d", path, resp.StatusCode)
				}
			}
			names := []string{"投资", "中塞", "联合国宪章", "经贸合作政府间委员会", "项目", "签证"}
			partners := registryBenchPartners(b)
			pages := []struct {
				name string
				path func(r *rand.Rand) string
			}{
				{"list", func(r *rand.Rand) string {
					return []string{"/registry", "/registry?kind=instrument", "/registry?kind=mechanism&offset=50"}[r.IntN(3)]
				}},
				{"search", func(r *rand.Rand) string { return "/registry?" + url.Values{"q": {names[r.IntN(len(names))]}}.Encode() }},
				{"entry", func(r *rand.Rand) string { return fmt.Sprintf("/registry/%d", es[r.IntN(len(es))].ID) }},
				{"citations", func(r *rand.Rand) string { return fmt.Sprintf("/documents/%d/citations", 1+r.IntN(n)) }},
				{"graph", func(*rand.Rand) string { return "/graph" }},
				{"pair", func(r *rand.Rand) string { return "/pairs/CN/" + partners[r.IntN(len(partners))].code }},
				{"timeline", func(r *rand.Rand) string { return "/timeline?a=CN&b=" + partners[r.IntN(len(partners))].code }},
				{"api-list", func(r *rand.Rand) string {
					return "/api/v1/registry?" + url.Values{"q": {names[r.IntN(len(names))]}}.Encode()
				}},
			}
			// each pair's view is computed once (the first read, or the
			// refresh a write starts) and kept until its documents change:
			// computed here for every pair before the pages are measured
			start, cpu0 := time.Now(), cputime.Process()
			for _, p := range partners {
				get("/pairs/CN/" + p.code)
			}
			b.Logf("%s: the views of %d pairs computed in %v (%v of CPU)", name, len(partners),
				time.Since(start).Round(time.Millisecond), (cputime.Process() - cpu0).Round(time.Millisecond))
			for _, p := range pages {
				b.Run(p.name, func(b *testing.B) {
					r := rand.New(rand.NewPCG(1, 2))
					var lat []time.Duration
					cpu0 := cputime.Process()
					for b.Loop() {
						start := time.Now()
						get(p.path(r))
						lat = append(lat, time.Since(start))
					}
					// the process's CPU time per request (client and server):
					// what a loaded machine's wall clock cannot say
					b.ReportMetric(float64((cputime.Process()-cpu0).Microseconds())/1000/float64(len(lat)), "cpu-ms/op")
					slices.Sort(lat)
					q := func(f float64) float64 { return float64(lat[int(f*float64(len(lat)-1))].Microseconds()) / 1000 }
					b.ReportMetric(q(0.5), "p50-ms")
					b.ReportMetric(q(0.95), "p95-ms")
					if build > 0 {
						b.ReportMetric(float64(build.Milliseconds()), "build-ms")
					}
				})
			}
		})
	}
}
