// Command entente-load measures search as the library grows. It builds
// collections of generated statements (distinct texts of the genre in
// Chinese, English and Serbian in both scripts, genre.txt), stores them as
// a batch ingest does, and runs each query form many times through
// SearchPage (a page of 20 with its total and facets, what the UI and the
// API answer), printing p50/p95/p99 per form beside a plain scan of the
// same sentences in the same run (grep -F over a flat file of them), the
// growth between sizes ten times apart, and what ingest and storage cost
// against extraction and the text.
//
//	go run ./cmd/entente-load -docs 1000,10000               # SQLite, in -dir
//	go run ./cmd/entente-load -docs 10000 -db postgres://…   # a schema per size
//
// Collections are kept (a file, or a schema) and reused by later runs of
// the same size and seed.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "entente-load:", err)
		os.Exit(1)
	}
}

// config is what the flags say.
type config struct {
	sizes  []int
	db     string // "sqlite" or a postgres:// address
	dir    string
	rounds int
	seed   uint64
	prof   string // a CPU profile of the searches, if set
	bprof  string // a CPU profile of building the collections, if set
	trace  string // an execution trace of the batch, if set
	block  int    // the store's MaxCandidates; 0 for its default
	batch  int    // statements of the side-by-side ingest measure; 0 for none
	queue  int    // uploads of the queue measure; 0 for none
	group  int    // statements per transaction when building, after the sample
	// indexNow writes the batch's full-text index in its commits
	indexNow bool
	// keep leaves the batch's store (its file in -dir, its schema) for
	// measuring its size
	keep bool
	// chunks cuts the batch into this many parts, each timed against its
	// own extraction just before it (1: the whole batch between two
	// extractions of all its statements)
	chunks int
	// into starts the batch's store as a copy of the collection of this
	// many statements (SQLite's file, or on PostgreSQL the database that
	// holds its schema); 0 for an empty store
	into int
	// warmup ingests this many other statements into the batch's store,
	// in the same process and uncounted, before the timed batch
	warmup int
	// logPages counts what the batch wrote to SQLite's log by table and
	// index (logpages.go)
	logPages bool
	// repeat runs the batch measure this many times, each into a store of
	// its own, and sums them up: one run's ratio moves with the machine's
	// speed between its extraction and its batch
	repeat int
}

func run(ctx context.Context, argv []string, out io.Writer) error {
	fs := flag.NewFlagSet("entente-load", flag.ContinueOnError)
	var (
		c     config
		sizes string
	)
	fs.StringVar(&sizes, "docs", "1000,10000", "collection sizes, comma-separated")
	fs.StringVar(&c.db, "db", "sqlite", `"sqlite" (files in -dir) or a postgres:// address (a schema per size)`)
	fs.StringVar(&c.dir, "dir", os.TempDir(), "folder for the SQLite collections and the flat files of sentences")
	fs.IntVar(&c.rounds, "rounds", 30, "runs of each query form")
	fs.Uint64Var(&c.seed, "seed", 1, "the generator's seed")
	fs.IntVar(&c.block, "block", 0, "hits ranked together (the store's MaxCandidates); 0 for its default")
	fs.IntVar(&c.batch, "batch", 0, "also time a batch ingest of this many new statements against their extraction, and single uploads")
	fs.IntVar(&c.queue, "queue", 0, "also time a queue of this many uploads drained by a server's workers (one per core), claiming one job at a time and claiming many as one batch, against their extraction")
	fs.BoolVar(&c.indexNow, "index-now", false, "with -batch: write the full-text index in the batch's commits, as before it could lag, instead of catching it up after the batch")
	fs.IntVar(&c.chunks, "chunks", 1, "with -batch: ingest the statements in this many parts, each right after its own extraction alone, so that a change of load moves both sides of each pair")
	fs.IntVar(&c.into, "into", 0, "with -batch: ingest into a copy of the collection of this many statements (built if need be; on PostgreSQL a copy of -db's database, which no other session may use meanwhile) instead of an empty store")
	fs.IntVar(&c.repeat, "repeat", 1, "with -batch: run the batch measure this many times, each into a new store (or a new copy with -into), and print the runs' mean, median and range")
	fs.IntVar(&c.warmup, "warmup", 0, "with -batch: first ingest this many other statements into the batch's store in the same process, uncounted, so that the timed batch is a later batch of a process that has ingested before (its memory touched, its statements prepared, its near-duplicate filter read), not a new process's first")
	fs.BoolVar(&c.logPages, "logpages", false, "with -batch on SQLite: count the pages the batch wrote to the database's log by table and index (read after the batch's timing, with dbstat)")
	fs.BoolVar(&c.keep, "keep", false, "with -batch: keep the batch's store (a file in -dir, a schema; with -into on PostgreSQL a database), to measure its size")
	fs.IntVar(&c.group, "group", groupSize, "statements stored per transaction when building a collection (after the timed sample, which stores groups of 32)")
	fs.StringVar(&c.prof, "cpuprofile", "", "write a CPU profile of the searches (not of building) to this file")
	fs.StringVar(&c.trace, "trace", "", "with -batch: write an execution trace of the batch to this file (with the suffix .batch)")
	fs.StringVar(&c.bprof, "buildprofile", "", "write a CPU profile of building each collection to this file (a suffix per size)")
	if err := fs.Parse(argv); err != nil {
		return err
	}
	for _, f := range strings.Split(sizes, ",") {
		if strings.TrimSpace(f) == "" && (c.batch > 0 || c.queue > 0) {
			continue // -docs "" -batch N measures ingest alone
		}
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 || n > 10_000_000 {
			return fmt.Errorf("-docs: %q is not a size", f)
		}
		c.sizes = append(c.sizes, n)
	}
	if c.block < 0 || c.block > 1_000_000 {
		return fmt.Errorf("-block: %d is out of range", c.block)
	}
	if c.rounds < 1 || c.rounds > 100_000 {
		return fmt.Errorf("-rounds: %d is out of range", c.rounds)
	}
	if c.group < 1 || c.group > 10_000 {
		return fmt.Errorf("-group: %d is out of range", c.group)
	}
	if c.batch < 0 || c.batch > 1_000_000 {
		return fmt.Errorf("-batch: %d is out of range", c.batch)
	}
	if c.chunks < 1 || c.chunks > max(1, c.batch) {
		return fmt.Errorf("-chunks: %d is out of range (1 to -batch)", c.chunks)
	}
	if c.queue < 0 || c.queue > 100_000 {
		return fmt.Errorf("-queue: %d is out of range", c.queue)
	}
	if c.into < 0 || c.into > 10_000_000 || (c.into > 0 && c.batch == 0 && c.queue == 0) {
		return fmt.Errorf("-into: %d needs -batch or -queue, and a size", c.into)
	}
	if c.into > 0 && c.db != "sqlite" {
		if _, err := pgDatabase(c.db); err != nil {
			return err
		}
	}
	if c.repeat < 1 || c.repeat > 1000 || (c.repeat > 1 && c.batch == 0) {
		return fmt.Errorf("-repeat: %d needs -batch and a count from 1 to 1000", c.repeat)
	}
	if c.repeat > 1 && (c.prof != "" || c.trace != "" || c.keep) {
		return errors.New("-repeat with -cpuprofile, -trace or -keep: each run would write over the last one's")
	}
	if c.warmup < 0 || c.warmup > 1_000_000 || (c.warmup > 0 && c.batch == 0) {
		return fmt.Errorf("-warmup: %d needs -batch and a count up to 1,000,000", c.warmup)
	}
	if c.logPages && (c.batch == 0 || c.db != "sqlite") {
		return errors.New("-logpages needs -batch on SQLite")
	}
	if c.chunks > 1 && c.prof != "" {
		return errors.New("-chunks with -cpuprofile: a profile of the batch would hold the extractions between its parts")
	}
	if c.chunks > 1 && c.trace != "" {
		return errors.New("-chunks with -trace: a trace of the batch would hold the extractions between its parts")
	}
	g, err := loadGenre()
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	if c.batch > 0 {
		runs := make([]*batchFigures, 0, c.repeat)
		for range c.repeat {
			f, err := measureBatch(ctx, log, g, c, c.batch)
			if err != nil {
				return fmt.Errorf("-batch: %w", err)
			}
			f.print(out, c.db)
			runs = append(runs, f)
		}
		printBatchRuns(out, runs)
	}
	if c.queue > 0 {
		f, err := measureQueue(ctx, log, g, c, c.queue)
		if err != nil {
			return fmt.Errorf("-queue: %w", err)
		}
		f.print(out, c.db)
	}
	var results []*sizeResult
	for _, n := range c.sizes {
		r, err := measure(ctx, log, g, c, n)
		if err != nil {
			return fmt.Errorf("%d documents: %w", n, err)
		}
		results = append(results, r)
		r.print(out)
	}
	printGrowth(out, results)
	return nil
}
