package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/internal/pgcpu"
	"github.com/entente/entente/search"
	"github.com/entente/entente/tracking"
)

// queueFigures are the timings of -queue: the same generated statements
// decoded and extracted alone on every core (before and after), and
// queued as uploads that the server's workers (one per core, as `entente
// serve` runs them) drain, once claiming one job at a time and once
// claiming many and ingesting them as a batch, each into a store of its
// own.
type queueFigures struct {
	n, workers, into        int
	extract, extractCPU     time.Duration // the mean of the two extractions
	drain                   [2]queueDrain // one job at a time, in batches
	oneAtATime, batchedJobs int           // the workers' Batch in each
}

// queueDrain is one drain of the queue: wall time from the first claim
// to the last job settled, this process's CPU and PostgreSQL's backends',
// and how long the jobs waited from the drain's start until each was
// settled (p50, p95: an uploader's wait for an outcome, all queued at
// once).
type queueDrain struct {
	wall, cpu, serverCPU   time.Duration
	settledP50, settledP95 time.Duration
}

// measureQueue runs -queue: n statements (numbered apart from the
// collections' and the batch's) queued as uploads into a throwaway store
// (empty, or with -into a copy of the collection), drained by the workers
// of one server.
func measureQueue(ctx context.Context, log *slog.Logger, g *genre, c config, n int) (*queueFigures, error) {
	dir, err := os.MkdirTemp(c.dir, "entente-load-queue-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	paths, err := writeStatements(g, c.seed, dir, "q", 30_000_000, n)
	if err != nil {
		return nil, err
	}
	uploads := make([]entente.NewJob, n)
	for i, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		uploads[i] = entente.NewJob{Name: p, MediaType: "text/plain", Data: b}
	}
	reg, err := extract.NewRegistry()
	if err != nil {
		return nil, err
	}
	x, err := reg.For("")
	if err != nil {
		return nil, err
	}
	if errs := search.FormsError(); len(errs) > 0 {
		return nil, fmt.Errorf("search tables: %v", errs)
	}
	fig := &queueFigures{n: n, workers: runtime.GOMAXPROCS(0), into: c.into, oneAtATime: 1, batchedJobs: ingest.DefaultBatch}
	// once uncounted first, as -batch does: the first extraction of a
	// process is slower than those after it
	if _, _, _, _, err := extractFiles(ctx, x, paths); err != nil {
		return nil, err
	}
	wall1, cpu1, _, _, err := extractFiles(ctx, x, paths)
	if err != nil {
		return nil, err
	}
	ctx = entente.NewContextWithActor(ctx, entente.Actor{Name: "entente-load", Via: "api"})
	// interleaved, so that a change of load meets both
	for k, batch := range []int{fig.oneAtATime, fig.batchedJobs} {
		name := "entente-load-queue-" + strconv.Itoa(os.Getpid()) + "-" + strconv.Itoa(k)
		d, err := drainQueue(ctx, log, g, c, name, x, reg.ID(), uploads, batch)
		if err != nil {
			return nil, err
		}
		fig.drain[k] = d
	}
	wall2, cpu2, _, _, err := extractFiles(ctx, x, paths)
	if err != nil {
		return nil, err
	}
	fig.extract, fig.extractCPU = (wall1+wall2)/2, (cpu1+cpu2)/2
	return fig, nil
}

// drainQueue queues uploads into a new store named name and times the
// server's workers, each claiming up to batch jobs at once, until every
// job is settled; every upload must make a new document. As in a server,
// each document's full-text index is written in its commit.
func drainQueue(ctx context.Context, log *slog.Logger, g *genre, c config, name string, x ingest.Extractor, extractor string,
	uploads []entente.NewJob, batch int) (queueDrain, error) {
	var d queueDrain
	s, err := openMeasureStore(ctx, log, g, c, name)
	if err != nil {
		return d, err
	}
	defer dropCollection(ctx, log, c, s, name)
	in := &ingest.Ingester{Store: s, Extractor: x, ExtractorName: extractor}
	if in.Linker, err = tracking.New(s); err != nil {
		return d, err
	}
	jobs, err := s.EnqueueJobs(ctx, uploads)
	if err != nil {
		return d, err
	}
	app := strings.ReplaceAll(name, "-", "_")
	start, cpu0, server0 := time.Now(), cputime.Process(), pgcpu.ReadOf(ctx, s.DB(), app)
	var (
		wg   sync.WaitGroup
		errs = make(chan error, runtime.GOMAXPROCS(0))
	)
	for i := range runtime.GOMAXPROCS(0) {
		w := &ingest.Worker{Ingester: in, Queue: s, Name: fmt.Sprintf("load/%d", i), Batch: batch}
		wg.Go(func() {
			for {
				worked, err := w.Once(ctx)
				if err != nil {
					errs <- err
					return
				}
				if !worked {
					return // what is left is held by the other workers
				}
			}
		})
	}
	wg.Wait()
	d.wall, d.cpu, d.serverCPU = time.Since(start), cputime.Process()-cpu0, pgcpu.ReadOf(ctx, s.DB(), app).Since(server0)
	select {
	case err := <-errs:
		return d, fmt.Errorf("queue: %w", err)
	default:
	}
	waits := make([]time.Duration, 0, len(jobs))
	for _, j := range jobs {
		got, err := s.Job(ctx, j.ID)
		if err != nil {
			return d, err
		}
		if got.State != entente.JobDone || got.Outcome == nil || got.Outcome.Status != string(ingest.Added) || got.FinishedAt == nil {
			return d, fmt.Errorf("queue: job %d (%s) %s with %+v, want a new document", got.ID, got.Name, got.State, got.Outcome)
		}
		waits = append(waits, got.FinishedAt.Sub(start))
	}
	slices.Sort(waits)
	d.settledP50, d.settledP95 = waits[len(waits)/2], waits[(len(waits)*95)/100]
	return d, nil
}

func (f *queueFigures) print(out io.Writer, db string) {
	kind := "sqlite"
	if db != "sqlite" {
		kind = "postgres"
	}
	into := "an empty store"
	if f.into > 0 {
		into = fmt.Sprintf("a store of %d statements", f.into)
	}
	each := func(t time.Duration) float64 { return float64(t.Microseconds()) / 1000 / float64(max(f.n, 1)) }
	fmt.Fprintf(out, "\n## %s, a queue of %d uploads drained by %d workers into %s, against their extraction, GOMAXPROCS=%d\n\n",
		kind, f.n, f.workers, into, runtime.GOMAXPROCS(0))
	fmt.Fprintf(out, "decode + extract alone, every core: %.2f ms each, CPU %.2f ms each\n", each(f.extract), each(f.extractCPU))
	for k, label := range []string{
		fmt.Sprintf("one job at a time (Batch %d)", f.oneAtATime),
		fmt.Sprintf("claimed together, ingested as a batch (Batch %d)", f.batchedJobs),
	} {
		d := f.drain[k]
		fmt.Fprintf(out, "%s: %.2f ms each: **%.2f× the extraction**; CPU %.2f ms each (%.2f×); settled after p50 %s ms, p95 %s ms",
			label, each(d.wall), float64(d.wall)/float64(max(f.extract, 1)), each(d.cpu), float64(d.cpu)/float64(max(f.extractCPU, 1)),
			ms(d.settledP50), ms(d.settledP95))
		if kind == "postgres" {
			fmt.Fprintf(out, ", PostgreSQL's backends %.2f ms each", each(d.serverCPU))
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintf(out, "batches against one job at a time: %.2f× the wall time\n",
		float64(f.drain[1].wall)/float64(max(f.drain[0].wall, 1)))
}
