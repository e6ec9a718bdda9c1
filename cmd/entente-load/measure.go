package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/internal/pgcpu"
	"github.com/entente/entente/sqlstore"
)

// form is one query form: what is searched, and what a plain scan of the
// flat file looks for (any of needles on a line; none: every line).
type form struct {
	label   string
	q       entente.SearchQuery
	needles []string
}

// forms are the query forms the issue names: one and two characters,
// common words, phrases, English and Serbian words (either script), each
// filter, a filter that matches most documents, and a page far down.
func forms() []form {
	zh := func(label, text string, q entente.SearchQuery) form {
		q.Text = text
		return form{label: label, q: q, needles: []string{text}}
	}
	return []form{
		zh("one common character 合", "合", entente.SearchQuery{}),
		zh("one character 铁", "铁", entente.SearchQuery{}),
		zh("two characters 铁路", "铁路", entente.SearchQuery{}),
		zh("two characters 签证", "签证", entente.SearchQuery{}),
		zh("common word 合作", "合作", entente.SearchQuery{}),
		zh("common word 发展", "发展", entente.SearchQuery{}),
		zh("phrase 全面战略伙伴关系", "全面战略伙伴关系", entente.SearchQuery{}),
		zh("phrase 基础设施建设", "基础设施建设", entente.SearchQuery{}),
		{label: "English word railways", q: entente.SearchQuery{Text: "railways"}, needles: []string{"railway"}},
		{label: "English common word cooperation", q: entente.SearchQuery{Text: "cooperation"}, needles: []string{"cooperat"}},
		{label: "English phrase climate change", q: entente.SearchQuery{Text: "climate change"}, needles: []string{"climate change"}},
		{label: "Serbian Latin saradnju", q: entente.SearchQuery{Text: "saradnju"}, needles: []string{"saradnju", "сарадњу"}},
		{label: "Serbian Cyrillic сарадње", q: entente.SearchQuery{Text: "сарадње"}, needles: []string{"saradnje", "сарадње"}},
		zh("铁路, party CN (most documents)", "铁路", entente.SearchQuery{Party: "CN"}),
		zh("合, party CN (most documents)", "合", entente.SearchQuery{Party: "CN"}),
		zh("合作, party NZ (rare)", "合作", entente.SearchQuery{Party: "NZ"}),
		zh("合作, type commitment", "合作", entente.SearchQuery{Type: entente.Commitment}),
		zh("投资, signed 2010–2015", "投资", entente.SearchQuery{From: "2010-01-01", To: "2015-12-31"}),
		zh("发展, strength firm, language zh", "发展", entente.SearchQuery{Strength: entente.Firm, Language: "zh"}),
		zh("能源, area energy", "能源", entente.SearchQuery{Area: "energy"}),
		zh("铁路, page at offset 5,000", "铁路", entente.SearchQuery{Offset: 5000}),
		{label: "no text, party CN (most)", q: entente.SearchQuery{Party: "CN"}},
		{label: "no text, party HU, type commitment", q: entente.SearchQuery{Party: "HU", Type: entente.Commitment}},
	}
}

// formResult is what one form measured: each run's wall time and the
// CPU time the process spent in it (getrusage, so with the collector;
// PostgreSQL's own work is not in it), with the results the store keeps
// per state of the collection (kept) and with them counted and ranked
// anew (anew; the full-text index's matches are still kept).
type formResult struct {
	form
	lat, cpu       []time.Duration
	latNew, cpuNew []time.Duration
	srv, srvNew    []time.Duration // PostgreSQL's backends' CPU per search (package pgcpu), kept and anew
	first          time.Duration   // the first run, before anything is cached
	firstCPU       time.Duration
	// the first run in a store opened anew after the commonest words'
	// matches were pinned, as a server that starts reads its index
	firstStart, firstStartCPU time.Duration
	scan                      []time.Duration
	total                     int
	estimated                 bool
	hits                      int
	scanLines                 int
}

// sizeResult is what one collection measured.
type sizeResult struct {
	docs   int
	db     string
	ingest *ingestFigures
	forms  []*formResult
	edits  []edit
	// the registry's builds and reads
	registry *registryFigures
	// the live heap after the first search (the label index) and after
	// each form ran once (with their matches and results kept)
	heapIndex, heapForms uint64
	// the commonest words' matches pinned, as a server's start pins them
	pins pinFigures
}

// pinFigures is what PinCommon did and cost.
type pinFigures struct {
	queries   int    // pinned by PinCommon
	held      int    // pinned in all, the forms' first runs' too
	bytes     uint64 // what the pinned matches hold
	wall, cpu time.Duration
}

// liveHeap is the heap in use after a collection: what the process keeps.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// edit is what the first search after a change cost: the index built or
// brought up to date, the form 合作 with its matches kept.
type edit struct {
	what      string
	wall, cpu time.Duration
}

// measureEdits makes changes that search does not see and changes that it
// does (a document withdrawn and restored: the same as a correction to
// the index, one document read again), timing the first search after
// each. The collection is left as it was, but for two events.
func measureEdits(ctx context.Context, s *sqlstore.Store, res *sizeResult) error {
	ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "entente-load", Via: "cli"})
	q := entente.SearchQuery{Text: "合作", Limit: 20}
	timed := func(what string, change func() error) error {
		if err := change(); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		runtime.GC() // the collector's debt from what came before is not this search's
		start, cpu := time.Now(), cputime.Process()
		if _, err := s.SearchPage(ctx, q); err != nil {
			return err
		}
		res.edits = append(res.edits, edit{what, time.Since(start), cputime.Process() - cpu})
		return nil
	}
	if err := timed("a search again, nothing changed", func() error { return nil }); err != nil {
		return err
	}
	if err := timed("after an event search cannot see (a status)", func() error {
		_, err := s.AppendEvent(ctx, entente.NewEvent(ctx, "set", "status", 0))
		return err
	}); err != nil {
		return err
	}
	var doc int64
	if err := s.DB().QueryRowContext(ctx, "SELECT min(id) FROM documents").Scan(&doc); err != nil {
		return err
	}
	if err := timed("after a document withdrawn (read again)", func() error { return s.WithdrawDocument(ctx, doc, "entente-load") }); err != nil {
		return err
	}
	return timed("after it is restored (read again)", func() error { return s.RestoreDocument(ctx, doc, "entente-load") })
}

func measure(ctx context.Context, log *slog.Logger, g *genre, c config, n int) (*sizeResult, error) {
	s, flat, fig, err := collection(ctx, log, g, c, n)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if c.block > 0 {
		s.MaxCandidates = c.block
	}
	res := &sizeResult{docs: n, db: c.db, ingest: fig}
	// the label index built from the whole collection (a search without
	// text reads no match from the full-text index): the snapshot a
	// collection kept from an earlier run is cleared first
	if _, err := s.DB().ExecContext(ctx, `DELETE FROM search_snapshot`); err != nil {
		return nil, fmt.Errorf("clear the search snapshot: %w", err)
	}
	s.SearchSnapshotAfter = 1
	start, cpu := time.Now(), cputime.Process()
	if _, err := s.SearchPage(ctx, entente.SearchQuery{Limit: 1}); err != nil {
		return nil, err
	}
	res.edits = append(res.edits, edit{"the index built at the first search", time.Since(start), cputime.Process() - cpu})
	// and read from the snapshot that search wrote, by a store opened
	// anew as a command opens one; the forms are timed after the write
	s.WaitBackground()
	if err := timeSnapshotRead(ctx, c, n, res); err != nil {
		return nil, err
	}
	res.heapIndex = liveHeap()
	if c.db != "sqlite" {
		res.db = "postgres"
	}
	for _, f := range forms() {
		res.forms = append(res.forms, &formResult{form: f})
	}
	// Run each form once (its first run, reported apart: the store caches
	// counts of the index), then run the forms in turn, so that a pause
	// of the shared machine falls on every form alike.
	for _, r := range res.forms {
		q := r.q
		q.Limit = 20
		start, cpu := time.Now(), cputime.Process()
		sr, err := s.SearchPage(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.label, err)
		}
		r.first, r.firstCPU = time.Since(start), cputime.Process()-cpu
		r.total, r.estimated, r.hits = sr.Total, sr.Estimated, len(sr.Hits)
	}
	res.heapForms = liveHeap()
	if err := timeServerStart(ctx, c, n, s, res); err != nil {
		return nil, err
	}
	log.Info("searching", "documents", n, "rounds", c.rounds)
	if c.prof != "" {
		f, err := os.Create(fmt.Sprintf("%s.%d", c.prof, n))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	for range c.rounds {
		// the backends serving the store's connections, read once a round
		// (outside the timed searches): their CPU is PostgreSQL's share
		var backends []int
		if res.db == "postgres" {
			backends = pgcpu.Backends(ctx, s.DB(), schemaName(c, n))
		}
		for _, r := range res.forms {
			q := r.q
			q.Limit = 20
			for _, anew := range []bool{false, true} {
				s.NoResultCache = anew
				srv0 := pgcpu.Read(backends)
				start, cpu := time.Now(), cputime.Process()
				if _, err := s.SearchPage(ctx, q); err != nil {
					return nil, fmt.Errorf("%s: %w", r.label, err)
				}
				lat, used := time.Since(start), cputime.Process()-cpu
				srv := pgcpu.Read(backends).Since(srv0)
				if anew {
					r.latNew, r.cpuNew, r.srvNew = append(r.latNew, lat), append(r.cpuNew, used), append(r.srvNew, srv)
				} else {
					r.lat, r.cpu, r.srv = append(r.lat, lat), append(r.cpu, used), append(r.srv, srv)
				}
			}
		}
	}
	s.NoResultCache = false
	if c.prof != "" {
		pprof.StopCPUProfile() // not the scans
	}
	if err := measureEdits(ctx, s, res); err != nil {
		return nil, err
	}
	if res.registry, err = measureRegistry(ctx, s); err != nil {
		return nil, err
	}
	scanRounds := max(3, c.rounds/5)
	for range scanRounds {
		for _, r := range res.forms {
			start := time.Now()
			lines, err := scan(flat, r.needles)
			if err != nil {
				return nil, err
			}
			r.scan = append(r.scan, time.Since(start))
			r.scanLines = lines
		}
	}
	return res, nil
}

// scan reads the flat file and counts the lines that hold any of needles
// (every line without needles): what grep -c -F does.
func scan(path string, needles []string) (int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	if len(needles) == 0 {
		return bytes.Count(b, []byte{'\n'}), nil
	}
	n := 0
	for len(b) > 0 {
		end := bytes.IndexByte(b, '\n')
		if end < 0 {
			end = len(b)
		}
		line := b[:end]
		for _, nd := range needles {
			if bytes.Contains(line, []byte(nd)) {
				n++
				break
			}
		}
		b = b[min(end+1, len(b)):]
	}
	return n, nil
}

func mean(ds []time.Duration) time.Duration {
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return sum / time.Duration(max(len(ds), 1))
}

func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d.Microseconds())/1000) }

func (r *sizeResult) print(out io.Writer) {
	fmt.Fprintf(out, "\n## %s, %d documents (%d sentences, %.1f MB of text), GOMAXPROCS=%d\n\n", r.db, r.docs, r.ingest.sentences,
		float64(r.ingest.textBytes)/1e6, runtime.GOMAXPROCS(0))
	if f := r.ingest; f.sampled > 0 {
		fmt.Fprintf(out, "ingest sample of %d statements: extraction %.2f ms each, storage (groups of %d) %.2f ms each: store/extract %.1f×; whole build %v (%.2f ms each, %.2f ms of CPU; the last tenth %.2f× the CPU a statement of the first)\n",
			f.sampled, perDoc(f.extract, f.sampled), groupSize, perDoc(f.store, f.sampled), float64(f.store)/float64(max(f.extract, 1)), f.build.Round(time.Second),
			perDoc(f.build, r.docs), perDoc(f.buildCPU, r.docs), f.growth)
	} else {
		fmt.Fprintln(out, "collection reused: no ingest figures in this run")
	}
	fmt.Fprintf(out, "database %.1f MB for %.1f MB of text: %.1f×\n\n", float64(r.ingest.dbSize)/1e6, float64(r.ingest.textBytes)/1e6,
		float64(r.ingest.dbSize)/float64(max(r.ingest.textBytes, 1)))
	printSizes(out, r.ingest.relations, r.ingest.textBytes)
	fmt.Fprintf(out, "live heap: %.0f MB with the label index built, %.0f MB once every form ran (their matches and results kept)\n\n",
		float64(r.heapIndex)/1e6, float64(r.heapForms)/1e6)
	fmt.Fprintf(out, "the commonest words' matches pinned as a server's start pins them: %d queries in %.1f s (CPU %.1f s); %d pinned in all, holding %.1f MB\n\n",
		r.pins.queries, r.pins.wall.Seconds(), r.pins.cpu.Seconds(), r.pins.held, float64(r.pins.bytes)/1e6)
	fmt.Fprintln(out, "| the first search after | wall ms | CPU ms |\n|---|---|---|")
	for _, e := range r.edits {
		fmt.Fprintf(out, "| %s | %s | %s |\n", e.what, ms(e.wall), ms(e.cpu))
	}
	r.registry.print(out)
	fmt.Fprintln(out)
	fmt.Fprintln(out, "Kept: the store's results of the query in this state (its hits, facets and ranked block), as a page of a query already seen. "+
		"Anew: counted, faceted and ranked again (the full-text index's matches kept). CPU: this process's, per search (mean). "+
		"First: the form's first search, its matches read from the full-text index; at a server's start: its first search in a store opened anew "+
		"once the commonest words' matches were pinned (read with the index's snapshot).")
	pg := r.db == "postgres"
	srvHead, srvCols := "", ""
	if pg {
		fmt.Fprintln(out, "Server CPU: PostgreSQL's backends serving this process, per search (mean; /proc, in ticks of 10 ms).")
		srvHead, srvCols = " kept server CPU ms | anew server CPU ms |", "---|---|"
	}
	fmt.Fprintln(out)
	fmt.Fprintln(out, "| query form | total | first ms (CPU) | first at a server's start ms (CPU) | kept p50 / p95 / p99 ms | kept CPU ms | anew p50 / p95 / p99 ms | anew CPU ms | scan p50 ms | scan lines | p95 / scan, kept | anew |"+srvHead)
	fmt.Fprintln(out, "|---|---|---|---|---|---|---|---|---|---|---|---|"+srvCols)
	srvOf := func(kept, anew []time.Duration) string {
		if !pg {
			return ""
		}
		return " " + ms(mean(kept)) + " | " + ms(mean(anew)) + " |"
	}
	var all, allNew, cpu, cpuNew, scans, srv, srvNew []time.Duration
	for _, f := range r.forms {
		total := fmt.Sprint(f.total)
		if f.estimated {
			total += " (estimate)"
		}
		if f.hits == 0 && f.total > 0 {
			total += ", empty page"
		}
		sp := pct(f.scan, 50)
		fmt.Fprintf(out, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d | %.2f | %.2f |%s\n", f.label, total, ms(f.first)+" ("+ms(f.firstCPU)+")",
			ms(f.firstStart)+" ("+ms(f.firstStartCPU)+")", triple(f.lat), ms(mean(f.cpu)),
			triple(f.latNew), ms(mean(f.cpuNew)), ms(sp), f.scanLines, ratio(pct(f.lat, 95), sp), ratio(pct(f.latNew, 95), sp), srvOf(f.srv, f.srvNew))
		all, allNew = append(all, f.lat...), append(allNew, f.latNew...)
		srv, srvNew = append(srv, f.srv...), append(srvNew, f.srvNew...)
		cpu, cpuNew = append(cpu, f.cpu...), append(cpuNew, f.cpuNew...)
		scans = append(scans, f.scan...)
	}
	sp := pct(scans, 50)
	fmt.Fprintf(out, "| **all forms** | | | | %s | %s | %s | %s | %s | | %.2f | %.2f |%s\n", triple(all), ms(mean(cpu)), triple(allNew), ms(mean(cpuNew)),
		ms(sp), ratio(pct(all, 95), sp), ratio(pct(allNew, 95), sp), srvOf(srv, srvNew))
}

func triple(ds []time.Duration) string {
	return ms(pct(ds, 50)) + " / " + ms(pct(ds, 95)) + " / " + ms(pct(ds, 99))
}

func ratio(a, b time.Duration) float64 { return float64(a) / float64(max(b, 1)) }

func perDoc(d time.Duration, n int) float64 {
	return float64(d.Microseconds()) / 1000 / float64(max(n, 1))
}

// printGrowth prints, for sizes ten times apart, how each form's p95 grew.
func printGrowth(out io.Writer, rs []*sizeResult) {
	for _, small := range rs {
		for _, big := range rs {
			if big.docs != 10*small.docs || big.db != small.db {
				continue
			}
			fmt.Fprintf(out, "\n## growth of p95, %d → %d documents (%s)\n\n| query form | kept p95 %d | kept p95 %d | growth | anew p95 %d | anew p95 %d | growth |\n|---|---|---|---|---|---|---|\n",
				small.docs, big.docs, small.db, small.docs, big.docs, small.docs, big.docs)
			var a, b, an, bn []time.Duration
			for i, f := range small.forms {
				g := big.forms[i]
				fmt.Fprintf(out, "| %s | %s | %s | %.1f× | %s | %s | %.1f× |\n", f.label, ms(pct(f.lat, 95)), ms(pct(g.lat, 95)), ratio(pct(g.lat, 95), pct(f.lat, 95)),
					ms(pct(f.latNew, 95)), ms(pct(g.latNew, 95)), ratio(pct(g.latNew, 95), pct(f.latNew, 95)))
				a, b = append(a, f.lat...), append(b, g.lat...)
				an, bn = append(an, f.latNew...), append(bn, g.latNew...)
			}
			fmt.Fprintf(out, "| **all forms** | %s | %s | %.1f× | %s | %s | %.1f× |\n", ms(pct(a, 95)), ms(pct(b, 95)), ratio(pct(b, 95), pct(a, 95)),
				ms(pct(an, 95)), ms(pct(bn, 95)), ratio(pct(bn, 95), pct(an, 95)))
		}
	}
}

// timeServerStart pins the commonest words' matches as a server's start
// does (PinCommon, after the forms' first runs, which pinned those of
// their queries that match many), waits for the snapshot that writes them
// down, and times each form's first search in a store opened anew, which
// reads them with the index, as a server started again would.
func timeServerStart(ctx context.Context, c config, n int, s *sqlstore.Store, res *sizeResult) error {
	start, cpu := time.Now(), cputime.Process()
	pinned, err := s.PinCommon(ctx)
	if err != nil {
		return err
	}
	res.pins = pinFigures{queries: pinned, wall: time.Since(start), cpu: cputime.Process() - cpu}
	res.pins.held, res.pins.bytes = s.PinnedMatches()
	s.WaitBackground()
	r, err := openCollection(ctx, c, collectionName(c, n))
	if err != nil {
		return err
	}
	defer r.Close()
	if err := r.WarmSearch(ctx); err != nil {
		return err
	}
	for _, f := range res.forms {
		q := f.q
		q.Limit = 20
		start, cpu := time.Now(), cputime.Process()
		if _, err := r.SearchPage(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", f.label, err)
		}
		f.firstStart, f.firstStartCPU = time.Since(start), cputime.Process()-cpu
	}
	return nil
}

// timeSnapshotRead times the first search of a store opened anew on the
// collection of n statements, which reads the search index's snapshot.
func timeSnapshotRead(ctx context.Context, c config, n int, res *sizeResult) error {
	r, err := openCollection(ctx, c, collectionName(c, n))
	if err != nil {
		return err
	}
	defer r.Close()
	start, cpu := time.Now(), cputime.Process()
	if _, err := r.SearchPage(ctx, entente.SearchQuery{Limit: 1}); err != nil {
		return err
	}
	res.edits = append(res.edits, edit{"the index read from its snapshot by a store opened anew", time.Since(start), cputime.Process() - cpu})
	return nil
}
