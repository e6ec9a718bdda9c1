package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/decode"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/internal/pgcpu"
	"github.com/entente/entente/search"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// batchFigures are the side-by-side timings of -batch: the same generated
// statements decoded and extracted alone on every core (twice, after one
// uncounted run: before and after the ingest, so that a change of load
// between them shows), then
// ingested as `entente ingest` does (decode and extract on every core
// ahead of one writer storing groups of the store's size, 96 statements on
// SQLite and on PostgreSQL) into an empty store; and
// single uploads, each stored in its own transaction.
type batchFigures struct {
	n                  int
	extract1, extract2 time.Duration
	batch              time.Duration
	// the process's CPU time (user and system) over each part: on a
	// loaded machine wall time stretches, CPU time much less
	extractCPU1, extractCPU2, batchCPU time.Duration
	// the system time within those (sysTime)
	extractSys1, extractSys2, batchSys time.Duration
	// the page faults of the counted extractions (each run's) and of the
	// batch (minorFaults)
	extractFaults []int64
	batchFaults   int64
	serverCPU     time.Duration // PostgreSQL's backends over the batch
	// the full-text index caught up after the batch (unless -index-now):
	// wall time, this process's CPU and PostgreSQL's backends'
	catchUp, catchUpCPU, catchUpServerCPU time.Duration
	// SQLite: the batch's log checkpointed into the file after it, wall
	// time and this process's CPU
	checkpoint, checkpointCPU time.Duration
	indexNow                  bool
	uploads                   []time.Duration // the store's time per upload
	uploadExtract             time.Duration   // the mean extraction of those
	// the CPU time of those uploads' stores (this process's, and
	// PostgreSQL's backends'), all of them: load stretches wall time
	uploadCPU, uploadServerCPU time.Duration
	// the groups the batch wrote, each in a transaction of its own
	groups int64
	// with -into: the statements the store held before the batch
	into int
	// with -warmup: the statements ingested before the batch, uncounted
	warmup int
	// with -logpages: the frames the batch wrote to SQLite's log
	logPages *logPages
	// with -chunks: each chunk's batch CPU (PostgreSQL's backends
	// included) over its own extraction's, in order
	chunkRatios []float64
}

// warmUp ingests c.warmup statements other than the batch's (and the
// collection's) into s through in, in dir, as a batch of their own with
// its full-text index caught up and its log checkpointed after it, so
// that the timed batch runs in a process that has ingested before.
// What a new process pays once (memory touched for the first time, the
// writer's statements prepared, the near-duplicate filter read) is then
// not in the batch's figures: with and without it, the two say how much
// of a batch's cost is the process's start.
func warmUp(ctx context.Context, g *genre, c config, in *ingest.Ingester, s *sqlstore.Store, dir string) error {
	ps, err := writeStatements(g, c.seed, dir, "w", 20_000_000, c.warmup)
	if err != nil {
		return err
	}
	bctx := ctx
	if !c.indexNow {
		bctx = sqlstore.DeferIndex(ctx)
	}
	if sum := in.Batch(bctx, ps, nil, nil); sum.Added != len(ps) {
		return fmt.Errorf("warm-up: %d of %d statements added (%+v)", sum.Added, len(ps), sum)
	}
	if _, err := s.DrainIndex(ctx); err != nil {
		return fmt.Errorf("warm-up: %w", err)
	}
	if c.db == "sqlite" {
		if _, err := s.DB().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return fmt.Errorf("warm-up: checkpoint: %w", err)
		}
	}
	return nil
}

// writeStatements writes n generated statements, numbered from first (a
// range of its own for each use, so that none repeats another's or the
// collection's), to files in dir named with prefix, and returns their
// paths in order.
func writeStatements(g *genre, seed uint64, dir, prefix string, first, n int) ([]string, error) {
	paths := make([]string, n)
	for i := range paths {
		text, _ := g.statement(seed, first+i)
		paths[i] = filepath.Join(dir, fmt.Sprintf("%s%06d.txt", prefix, i))
		if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// chunksOf cuts ps into k chunks of (about) equal size, at least one.
func chunksOf(ps []string, k int) [][]string {
	k = max(1, min(k, len(ps)))
	out := make([][]string, 0, k)
	for i := range k {
		out = append(out, ps[i*len(ps)/k:(i+1)*len(ps)/k])
	}
	return out
}

// copyCollection copies the SQLite collection of n statements (built if
// it is not there yet) to the store named name in c.dir.
func copyCollection(ctx context.Context, log *slog.Logger, g *genre, c config, n int, name string) error {
	cs, _, _, err := collection(ctx, log, g, c, n)
	if err != nil {
		return err
	}
	// closing the last connection checkpoints the log into the file
	if err := cs.Close(); err != nil {
		return err
	}
	from, err := os.Open(filepath.Join(c.dir, collectionName(c, n)+".db"))
	if err != nil {
		return err
	}
	defer from.Close()
	to, err := os.Create(filepath.Join(c.dir, name+".db"))
	if err != nil {
		return err
	}
	if _, err := io.Copy(to, from); err != nil {
		to.Close()
		return fmt.Errorf("copy the collection of %d: %w", n, err)
	}
	// A library's file is on disk before a batch comes; a copy just
	// written is not, and the batch's first checkpoint (an fsync of the
	// file) would write the whole copy back: 85–90 ms of a batch of 300
	// into 10,000 statements, charged to the batch.
	if err := to.Sync(); err != nil {
		to.Close()
		return fmt.Errorf("copy the collection of %d: %w", n, err)
	}
	return to.Close()
}

// singleUploads is how many statements are stored one by one.
const singleUploads = 40

// measureBatch runs -batch: n statements (numbered after the collections'
// so that none is already stored) written as files, into a throwaway store
// (a file in -dir, a schema; with -into on PostgreSQL a copied database)
// removed afterwards.
func measureBatch(ctx context.Context, log *slog.Logger, g *genre, c config, n int) (*batchFigures, error) {
	dir, err := os.MkdirTemp(c.dir, "entente-load-batch-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	paths, err := writeStatements(g, c.seed, dir, "s", 10_000_000, n+singleUploads)
	if err != nil {
		return nil, err
	}
	reg, err := extract.NewRegistry()
	if err != nil {
		return nil, err
	}
	x, err := reg.For("") // the language detected, as ingest does by default
	if err != nil {
		return nil, err
	}
	name := "entente-load-batch-" + strconv.Itoa(os.Getpid())
	app := strings.ReplaceAll(name, "-", "_")
	s, err := openMeasureStore(ctx, log, g, c, name)
	if err != nil {
		return nil, err
	}
	defer dropCollection(ctx, log, c, s, name)
	fig := &batchFigures{n: n, into: c.into}
	// extractAll decodes and extracts ps on every core, as the batch does
	// (and leaves its page faults in extractFaults).
	var extractFaults int64
	extractAll := func(ps []string) (wall, cpu, sys time.Duration, err error) {
		wall, cpu, sys, extractFaults, err = extractFiles(ctx, x, ps)
		return wall, cpu, sys, err
	}
	chunks := chunksOf(paths[:n], c.chunks)
	if len(chunks) == 1 {
		// Once uncounted first: the process's first extraction meets the
		// extractor's memory and the statements' files for the first time
		// (a thousand or two page faults, 10–40% slower than the next),
		// which the batch after it does not pay again; counted, it made
		// the extraction look slower and the batch's ratio lower.
		if _, _, _, err := extractAll(paths[:n]); err != nil {
			return nil, err
		}
		if fig.extract1, fig.extractCPU1, fig.extractSys1, err = extractAll(paths[:n]); err != nil {
			return nil, err
		}
		fig.extractFaults = append(fig.extractFaults, extractFaults)
	}
	ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "entente-load", Via: "cli"})
	groups := &groupCounter{Store: s}
	in := &ingest.Ingester{Store: groups, Extractor: x, ExtractorName: reg.ID()}
	// as `entente ingest` links each new document to its versions in
	// other languages
	if in.Linker, err = tracking.New(s); err != nil {
		return nil, err
	}
	// The search analyzer's tables (the Han table, some 100 ms of CPU) load
	// once per process, on the first ingest: warmed here, as the extractor
	// is by the extraction above, so that a one-time cost is not counted
	// as the batch's per-statement cost.
	if errs := search.FormsError(); len(errs) > 0 {
		return nil, fmt.Errorf("search tables: %v", errs)
	}
	// ingestAll stores ps as `entente ingest` does and adds its times to
	// fig's batch.
	ingestAll := func(ps []string) error {
		start := time.Now()
		cpu0, sys0, server0, faults0 := cputime.Process(), sysTime(), pgcpu.ReadOf(ctx, s.DB(), app), minorFaults()
		bctx := ctx
		if !c.indexNow {
			// as `entente ingest` does: the statements committed, their
			// full-text index caught up after the batch
			bctx = sqlstore.DeferIndex(ctx)
		}
		groups0 := groups.n.Load()
		sum := in.Batch(bctx, ps, nil, nil)
		fig.batch += time.Since(start)
		fig.groups += groups.n.Load() - groups0
		fig.batchCPU += cputime.Process() - cpu0
		fig.batchSys += sysTime() - sys0
		fig.batchFaults += minorFaults() - faults0
		fig.serverCPU += pgcpu.ReadOf(ctx, s.DB(), app).Since(server0)
		if sum.Added != len(ps) {
			return fmt.Errorf("batch ingest: %d of %d statements added (%+v)", sum.Added, len(ps), sum)
		}
		return nil
	}
	if c.warmup > 0 {
		if err := warmUp(ctx, g, c, in, s, dir); err != nil {
			return nil, err
		}
		fig.warmup = c.warmup
	}
	// what the log holds before the batch (the store's opening may have
	// written to it), so that only the batch's frames are counted
	var logBefore *logScan
	if c.logPages {
		if logBefore, err = scanLog(logPath(c, name)); err != nil {
			return nil, err
		}
	}
	if len(chunks) == 1 {
		stopProfile, err := startProfile(c.prof, "batch")
		if err != nil {
			return nil, err
		}
		stopTrace, err := startTrace(c.trace, "batch")
		if err != nil {
			stopProfile()
			return nil, err
		}
		err = ingestAll(paths[:n])
		stopTrace()
		stopProfile()
		if err != nil {
			return nil, err
		}
	} else {
		// Each chunk's extraction alone, then the same chunk ingested: a
		// change of load during the run moves both sides of each pair. The
		// first chunk is extracted once before, uncounted, so that the
		// process's first touch of the extractor's memory is neither
		// side's (with one chunk, the mean of an extraction before the
		// batch and one after does that).
		if _, _, _, err := extractAll(chunks[0]); err != nil {
			return nil, err
		}
		for _, ch := range chunks {
			wall, cpu, sys, err := extractAll(ch)
			if err != nil {
				return nil, err
			}
			fig.extract1 += wall
			fig.extractCPU1 += cpu
			fig.extractSys1 += sys
			fig.extractFaults = append(fig.extractFaults, extractFaults)
			before := fig.batchCPU + fig.serverCPU
			if err := ingestAll(ch); err != nil {
				return nil, err
			}
			fig.chunkRatios = append(fig.chunkRatios, float64(fig.batchCPU+fig.serverCPU-before)/float64(max(cpu, 1)))
		}
		fig.extract2, fig.extractCPU2, fig.extractSys2 = fig.extract1, fig.extractCPU1, fig.extractSys1
	}
	if c.db == "sqlite" {
		// What the batch left in SQLite's log is copied into the file by
		// the next checkpoint, whoever runs it (a later commit, or the
		// process's close): done here, timed apart, so that a batch whose
		// writer checkpoints less often is seen with the work it left.
		if c.logPages {
			if fig.logPages, err = readLogPages(ctx, s.DB(), logPath(c, name), logBefore); err != nil {
				return nil, err
			}
		}
		start, cpu0 := time.Now(), cputime.Process()
		if _, err := s.DB().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return nil, fmt.Errorf("checkpoint after the batch: %w", err)
		}
		fig.checkpoint, fig.checkpointCPU = time.Since(start), cputime.Process()-cpu0
	}
	fig.indexNow = c.indexNow
	if !c.indexNow {
		stopProfile, err := startProfile(c.prof, "catchup")
		if err != nil {
			return nil, err
		}
		start, cpu0, server0 := time.Now(), cputime.Process(), pgcpu.ReadOf(ctx, s.DB(), app)
		k, err := s.DrainIndex(ctx)
		if err != nil {
			return nil, err
		}
		fig.catchUp, fig.catchUpCPU, fig.catchUpServerCPU = time.Since(start), cputime.Process()-cpu0, pgcpu.ReadOf(ctx, s.DB(), app).Since(server0)
		stopProfile()
		if k != n {
			return nil, fmt.Errorf("search index: %d of %d statements indexed after the batch", k, n)
		}
	}
	if len(chunks) == 1 {
		if fig.extract2, fig.extractCPU2, fig.extractSys2, err = extractAll(paths[:n]); err != nil {
			return nil, err
		}
		fig.extractFaults = append(fig.extractFaults, extractFaults)
	}
	// single uploads: extraction apart, then the store's part alone
	var extracting time.Duration
	server0 := pgcpu.ReadOf(ctx, s.DB(), app)
	for _, p := range paths[n:] {
		t := time.Now()
		d, err := extractFile(ctx, x, p)
		if err != nil {
			return nil, err
		}
		extracting += time.Since(t)
		d.Extractor = reg.ID()
		t, cpu0 := time.Now(), cputime.Process()
		if _, err := s.CreateDocument(ctx, d); err != nil {
			return nil, fmt.Errorf("upload %s: %w", p, err)
		}
		fig.uploads = append(fig.uploads, time.Since(t))
		fig.uploadCPU += cputime.Process() - cpu0
	}
	fig.uploadServerCPU = pgcpu.ReadOf(ctx, s.DB(), app).Since(server0)
	fig.uploadExtract = extracting / singleUploads
	return fig, nil
}

// openMeasureStore opens the throwaway store named name of a measure:
// empty, or with -into a copy of the collection of that size (SQLite's
// file, or on PostgreSQL the database that holds its schema).
func openMeasureStore(ctx context.Context, log *slog.Logger, g *genre, c config, name string) (*sqlstore.Store, error) {
	switch {
	case c.into > 0 && c.db != "sqlite":
		app := strings.ReplaceAll(name, "-", "_")
		return copyPGCollection(ctx, log, g, c, c.into, app, app)
	case c.into > 0:
		// a library that holds statements already
		if err := copyCollection(ctx, log, g, c, c.into, name); err != nil {
			return nil, err
		}
	}
	return openCollection(ctx, c, name)
}

// extractFiles decodes and extracts ps on every core, as a batch does,
// and returns the wall, CPU and system time it took and its page faults.
func extractFiles(ctx context.Context, x ingest.Extractor, ps []string) (wall, cpu, sys time.Duration, faults int64, err error) {
	start := time.Now()
	cpu0, sys0, faults0 := cputime.Process(), sysTime(), minorFaults()
	jobs := make(chan string)
	errs := make(chan error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range jobs {
				if _, err := extractFile(ctx, x, p); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for _, p := range ps {
		jobs <- p
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return 0, 0, 0, 0, err
	default:
	}
	return time.Since(start), cputime.Process() - cpu0, sysTime() - sys0, minorFaults() - faults0, nil
}

// extractFile decodes and extracts one file into a new document.
func extractFile(ctx context.Context, x ingest.Extractor, path string) (*entente.NewDocument, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	res, err := decode.Decode(ctx, filepath.Base(path), b, decode.Options{})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &entente.NewDocument{Extraction: x.Extract(res.Text), Text: res.Text, Original: b,
		Source: entente.Source{Name: filepath.Base(path), Format: "text", Encoding: "utf-8", MediaType: "text/plain; charset=utf-8"}}, nil
}

// dropCollection closes s and removes its database: a file in c.dir, a
// schema, or with -into on PostgreSQL a copied database.
func dropCollection(ctx context.Context, log *slog.Logger, c config, s *sqlstore.Store, name string) {
	s.Close()
	if c.keep {
		log.Info("kept the batch's store", "name", name)
		return
	}
	if c.db == "sqlite" {
		for _, suffix := range []string{".db", ".db-wal", ".db-shm"} {
			os.Remove(filepath.Join(c.dir, name+suffix))
		}
		return
	}
	if c.into > 0 {
		dropPGCopy(ctx, log, c, strings.ReplaceAll(name, "-", "_"))
		return
	}
	admin, err := sql.Open("pgx", c.db)
	if err != nil {
		log.Warn("drop the batch schema", "err", err)
		return
	}
	defer admin.Close()
	if _, err := admin.ExecContext(ctx, "DROP SCHEMA "+strings.ReplaceAll(name, "-", "_")+" CASCADE"); err != nil {
		log.Warn("drop the batch schema", "err", err)
	}
}

// print writes the figures.
// extractFaultsEach is the page faults of one extraction of all the
// batch's statements, per statement: with -chunks the sum of the chunks'
// runs; without, the lower of the two runs, the first of which also meets
// the extractor's memory for the first time.
func (f *batchFigures) extractFaultsEach() float64 {
	if len(f.extractFaults) == 0 {
		return 0
	}
	all := slices.Min(f.extractFaults)
	if len(f.chunkRatios) > 0 {
		all = 0
		for _, n := range f.extractFaults {
			all += n
		}
	}
	return float64(all) / float64(max(f.n, 1))
}

func (f *batchFigures) print(out io.Writer, db string) {
	kind := "sqlite"
	if db != "sqlite" {
		kind = "postgres"
	}
	ext := f.extractWall()
	into := "an empty store"
	if f.into > 0 {
		into = fmt.Sprintf("a store of %d statements", f.into)
	}
	if f.warmup > 0 {
		into += fmt.Sprintf(", after %d others in the same process", f.warmup)
	}
	fmt.Fprintf(out, "\n## %s, batch ingest of %d statements into %s against their extraction, GOMAXPROCS=%d\n\n", kind, f.n, into, runtime.GOMAXPROCS(0))
	if len(f.chunkRatios) > 1 {
		fmt.Fprintf(out, "decode + extract alone, every core: %.2f ms each (in %d parts, each right before its ingest)\n",
			perDoc(ext, f.n), len(f.chunkRatios))
	} else {
		fmt.Fprintf(out, "decode + extract alone, every core: %.2f ms each (before the ingest %.2f, after %.2f)\n",
			perDoc(ext, f.n), perDoc(f.extract1, f.n), perDoc(f.extract2, f.n))
	}
	fmt.Fprintf(out, "batch ingest (decode, extract, store), every core: %.2f ms each: **%.2f× the extraction**\n",
		perDoc(f.batch, f.n), f.wallRatio())
	fmt.Fprintf(out, "the batch's commits: %d, of %.1f statements each\n", f.groups, float64(f.n)/float64(max(f.groups, 1)))
	extCPU := f.extractCPU()
	if kind == "sqlite" {
		fmt.Fprintf(out, "the batch's log checkpointed into the file after it: %.2f ms each, CPU %.2f ms each; batch and checkpoint together %.2f× the extraction, CPU %.2f×\n",
			perDoc(f.checkpoint, f.n), perDoc(f.checkpointCPU, f.n),
			f.checkpointedRatio(),
			float64(f.batchCPU+f.checkpointCPU)/float64(max(extCPU, 1)))
	}
	fmt.Fprintf(out, "CPU time: extraction %.2f ms each, batch ingest %.2f ms each in this process", perDoc(extCPU, f.n), perDoc(f.batchCPU, f.n))
	if kind == "postgres" {
		fmt.Fprintf(out, " + %.2f ms in PostgreSQL's backends", perDoc(f.serverCPU, f.n))
	}
	fmt.Fprintf(out, ": **%.2f× the extraction's CPU**", f.cpuRatio())
	if len(f.chunkRatios) > 1 {
		rs := slices.Clone(f.chunkRatios)
		slices.Sort(rs)
		parts := make([]string, len(f.chunkRatios))
		for i, r := range f.chunkRatios {
			parts[i] = fmt.Sprintf("%.2f", r)
		}
		fmt.Fprintf(out, "; by part, in order: %s× (median %.2f×)", strings.Join(parts, ", "), rs[len(rs)/2])
	}
	if f.indexNow {
		fmt.Fprint(out, " (the full-text index in the commit: -index-now)\n")
	} else {
		fmt.Fprint(out, " (the full-text index behind the commit)\n")
		fmt.Fprintf(out, "of which system time: extraction %.2f ms each, batch ingest %.2f ms each in this process\n",
			perDoc((f.extractSys1+f.extractSys2)/2, f.n), perDoc(f.batchSys, f.n))
		fmt.Fprintf(out, "page faults: extraction %.1f each (runs %v), batch ingest %.1f each in this process\n",
			f.extractFaultsEach(), f.extractFaults, float64(f.batchFaults)/float64(max(f.n, 1)))
		fmt.Fprintf(out, "the full-text index caught up after the batch: %.2f ms each, CPU %.2f ms each in this process", perDoc(f.catchUp, f.n), perDoc(f.catchUpCPU, f.n))
		if kind == "postgres" {
			fmt.Fprintf(out, " + %.2f ms in PostgreSQL's backends", perDoc(f.catchUpServerCPU, f.n))
		}
		fmt.Fprintf(out, "; batch and catch-up together %.2f× the extraction's CPU\n",
			float64(f.batchCPU+f.serverCPU+f.catchUpCPU+f.catchUpServerCPU)/float64(max(extCPU, 1)))
	}
	up := slices.Clone(f.uploads)
	slices.Sort(up)
	fmt.Fprintf(out, "one upload stored alone (%d statements, each its own transaction): median %s ms, p95 %s ms (its extraction %s ms)\n",
		len(up), ms(pct(up, 50)), ms(pct(up, 95)), ms(f.uploadExtract))
	fmt.Fprintf(out, "CPU time of one upload stored alone: %.2f ms in this process", perDoc(f.uploadCPU, len(up)))
	if kind == "postgres" {
		fmt.Fprintf(out, " + %.2f ms in PostgreSQL's backends", perDoc(f.uploadServerCPU, len(up)))
	}
	fmt.Fprint(out, "\n\n")
	if f.logPages != nil {
		f.logPages.print(out, f.n)
		fmt.Fprintln(out)
	}
}

// groupCounter is the batch's store, counting the groups of new documents
// the batch writes (CreateDocuments), each in a commit of its own: much of
// a commit's cost is the group's, whatever its size.
type groupCounter struct {
	*sqlstore.Store
	n atomic.Int64
}

func (g *groupCounter) CreateDocuments(ctx context.Context, docs []*entente.NewDocument) ([]int64, error) {
	g.n.Add(1)
	return g.Store.CreateDocuments(ctx, docs)
}
