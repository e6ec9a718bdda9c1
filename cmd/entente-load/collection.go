package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver, to create schemas

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// ingestSample is how many statements are extracted alone and then stored
// alone, each timed, so that the two costs are compared side by side in
// the same run; the rest of a collection is built as a batch ingest does,
// extraction on every core ahead of one writer.
const ingestSample = 300

// groupSize is the sample's groups: ingest's default group, which a
// batch writes per transaction on PostgreSQL (SQLite's are larger).
const groupSize = 32

// logEvery is how often building logs its progress, in statements.
const logEvery = 2000

// ingestFigures are what building a collection cost.
type ingestFigures struct {
	sampled         int
	extract, store  time.Duration // for the sample
	build, buildCPU time.Duration // the whole collection: wall, and this process's CPU
	// the build's CPU a statement in its last tenth against its first: a
	// store that grows in one process should cost as much a statement at
	// the end as at the start (docs/decisions.md, "Statistics of a few rows
	// kept while the tables grow")
	growth            float64
	textBytes, dbSize int64
	relations         []relationSize // where the bytes go
	sentences         int
}

// collection opens the collection of n statements, building it if it is
// not there yet. The flat file holds every stored sentence, one a line.
func collection(ctx context.Context, log *slog.Logger, g *genre, c config, n int) (*sqlstore.Store, string, *ingestFigures, error) {
	name := collectionName(c, n)
	flat := filepath.Join(c.dir, name+".txt")
	opening := time.Now()
	s, err := openCollection(ctx, c, name)
	if err != nil {
		return nil, "", nil, err
	}
	// an existing collection of an older schema is upgraded as it opens:
	// this is the upgrade's time
	log.Info("opened the collection", "name", name, "elapsed", time.Since(opening).Round(time.Millisecond))
	var have int
	if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM documents").Scan(&have); err != nil {
		s.Close()
		return nil, "", nil, fmt.Errorf("count documents: %w", err)
	}
	if _, err := os.Stat(flat); have == n && err == nil {
		log.Info("reusing the collection", "documents", n, "flat", flat)
		fig := &ingestFigures{}
		if err := sizes(ctx, s, c, name, flat, fig); err != nil {
			s.Close()
			return nil, "", nil, err
		}
		return s, flat, fig, nil
	}
	if have == n {
		s.Close()
		return nil, "", nil, fmt.Errorf("collection %s has no flat file of its sentences (%s): remove it, or put the file there", name, flat)
	}
	if have != 0 {
		s.Close()
		return nil, "", nil, fmt.Errorf("collection %s holds %d documents, not %d: remove it", name, have, n)
	}
	fig, err := build(ctx, log, g, c, s, n, flat)
	if err != nil {
		s.Close()
		return nil, "", nil, err
	}
	if err := sizes(ctx, s, c, name, flat, fig); err != nil {
		s.Close()
		return nil, "", nil, err
	}
	return s, flat, fig, nil
}

// schemaName is the PostgreSQL schema of the collection of n statements
// (also its connections' application_name).
func schemaName(c config, n int) string {
	return strings.ReplaceAll(collectionName(c, n), "-", "_")
}

// collectionName names the collection of n statements: its SQLite file,
// flat file and schema.
func collectionName(c config, n int) string {
	return fmt.Sprintf("entente-load-s%d-%d", c.seed, n)
}

func openCollection(ctx context.Context, c config, name string) (*sqlstore.Store, error) {
	return openStore(ctx, c, name)
}

// openStore opens the store named name: a SQLite file in c.dir, or a
// PostgreSQL schema.
func openStore(ctx context.Context, c config, name string) (*sqlstore.Store, error) {
	if c.db == "sqlite" {
		return sqlite.Open(ctx, filepath.Join(c.dir, name+".db"))
	}
	admin, err := sql.Open("pgx", c.db)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	defer admin.Close()
	schema := strings.ReplaceAll(name, "-", "_")
	if _, err := admin.ExecContext(ctx, "CREATE SCHEMA IF NOT EXISTS "+schema); err != nil {
		return nil, fmt.Errorf("create schema %s: %w", schema, err)
	}
	return postgres.Open(ctx, withSearchPath(c.db, schema))
}

// build generates, extracts and stores n statements, timing a sample of
// extraction and storage apart, and writes the flat file of sentences.
func build(ctx context.Context, log *slog.Logger, g *genre, c config, s *sqlstore.Store, n int, flat string) (*ingestFigures, error) {
	reg, err := extract.NewRegistry()
	if err != nil {
		return nil, err
	}
	f, err := os.Create(flat + ".part")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	fig := &ingestFigures{}
	if c.bprof != "" {
		pf, err := os.Create(fmt.Sprintf("%s.%d", c.bprof, n))
		if err != nil {
			return nil, err
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	cpu := cputime.Process()
	start := time.Now()
	doc := func(i int) (*entente.NewDocument, error) {
		text, lang := g.statement(c.seed, i)
		x, err := reg.ExtractAs(text, lang)
		if err != nil {
			return nil, err
		}
		return &entente.NewDocument{Extraction: x, Text: text, Extractor: reg.ID(), Original: []byte(text),
			Source: entente.Source{Name: fmt.Sprintf("load-%d.txt", i), Format: "text", Encoding: "utf-8",
				MediaType: "text/plain; charset=utf-8", RetrievedAt: time.Now().UTC()}}, nil
	}
	store := func(group []*entente.NewDocument) error {
		if _, err := s.CreateDocuments(ctx, group); err != nil {
			return fmt.Errorf("store: %w", err)
		}
		for _, d := range group {
			fig.textBytes += int64(len(d.Text))
			for _, st := range d.Extraction.Sentences {
				fig.sentences++
				w.WriteString(strings.ReplaceAll(st.Text, "\n", " "))
				w.WriteByte('\n')
			}
		}
		return nil
	}
	// The sample: extraction alone, then storage alone.
	fig.sampled = min(n, ingestSample)
	var sample []*entente.NewDocument
	t := time.Now()
	for i := range fig.sampled {
		d, err := doc(i)
		if err != nil {
			return nil, err
		}
		sample = append(sample, d)
	}
	fig.extract = time.Since(t)
	t = time.Now()
	for lo := 0; lo < len(sample); lo += groupSize {
		if err := store(sample[lo:min(lo+groupSize, len(sample))]); err != nil {
			return nil, err
		}
	}
	fig.store = time.Since(t)
	// The rest as a batch ingest: extractors on every core, one writer.
	jobs := make(chan int)
	docs := make(chan *entente.NewDocument, 64)
	errs := make(chan error, runtime.GOMAXPROCS(0)+1)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range jobs {
				d, err := doc(i)
				if err != nil {
					errs <- err
					continue
				}
				docs <- d
			}
		})
	}
	go func() {
		for i := fig.sampled; i < n; i++ {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		close(docs)
	}()
	var group []*entente.NewDocument
	stored := fig.sampled
	var tenths cpuTenths
	tenths.mark(stored, cputime.Process())
	for d := range docs {
		if group = append(group, d); len(group) < c.group {
			continue
		}
		if err := store(group); err != nil {
			return nil, err
		}
		stored += len(group)
		if stored*10/n != (stored-len(group))*10/n {
			tenths.mark(stored, cputime.Process())
		}
		if stored/logEvery != (stored-len(group))/logEvery {
			log.Info("building", "stored", stored, "of", n, "elapsed", time.Since(start).Round(time.Second),
				"cpu_ms_per_statement", perDoc(cputime.Process()-cpu, stored))
		}
		group = group[:0]
	}
	if len(group) > 0 {
		if err := store(group); err != nil {
			return nil, err
		}
	}
	select {
	case err := <-errs:
		return nil, err
	default:
	}
	fig.build, fig.buildCPU = time.Since(start), cputime.Process()-cpu
	tenths.mark(stored, cputime.Process())
	fig.growth = tenths.growth()
	if err := w.Flush(); err != nil {
		return nil, err
	}
	if err := f.Close(); err != nil {
		return nil, err
	}
	// as an ingest ends: PostgreSQL's index rows folded into postings
	if _, err := s.DrainIndex(ctx); err != nil {
		return nil, err
	}
	if c.db == "sqlite" {
		if _, err := s.DB().ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			return nil, err
		}
		if _, err := s.DB().ExecContext(ctx, "ANALYZE"); err != nil {
			return nil, err
		}
	} else if _, err := s.DB().ExecContext(ctx, "VACUUM ANALYZE"); err != nil {
		return nil, err
	}
	return fig, os.Rename(flat+".part", flat)
}

// sizes fills in the database's size and the text it holds.
func sizes(ctx context.Context, s *sqlstore.Store, c config, name, flat string, fig *ingestFigures) error {
	if fig.textBytes == 0 {
		var err error
		if fig.textBytes, err = s.TextBytes(ctx); err != nil {
			return err
		}
		if err := s.DB().QueryRowContext(ctx, "SELECT count(*) FROM sentences").Scan(&fig.sentences); err != nil {
			return fmt.Errorf("count sentences: %w", err)
		}
	}
	var err error
	if fig.relations, err = relationSizes(ctx, s, c); err != nil {
		return err
	}
	if c.db == "sqlite" {
		for _, suffix := range []string{".db", ".db-wal"} {
			if st, err := os.Stat(filepath.Join(c.dir, name+suffix)); err == nil {
				fig.dbSize += st.Size()
			}
		}
		return nil
	}
	err = s.DB().QueryRowContext(ctx, `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')`).Scan(&fig.dbSize)
	if err != nil {
		return fmt.Errorf("database size: %w", err)
	}
	return nil
}

// withSearchPath returns a postgres:// dsn with its search_path set, and
// the schema as the connections' application_name, by which package pgcpu
// finds their backends.
func withSearchPath(dsn, schema string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return dsn + " search_path=" + schema + " application_name=" + schema
	}
	q := u.Query()
	q.Set("search_path", schema)
	q.Set("application_name", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// cpuTenths records a build's CPU as it passes each tenth of the
// statements it stores: (statements stored, the process's CPU) pairs.
type cpuTenths struct {
	stored []int
	cpu    []time.Duration
}

// mark records that stored statements had cost cpu.
func (t *cpuTenths) mark(stored int, cpu time.Duration) {
	if k := len(t.stored); k > 0 && t.stored[k-1] == stored {
		return // the last group ended on a tenth, marked already
	}
	t.stored = append(t.stored, stored)
	t.cpu = append(t.cpu, cpu)
}

// growth is the CPU a statement between the last two marks against that
// between the first two, or 0 with fewer than three marks.
func (t *cpuTenths) growth() float64 {
	k := len(t.stored)
	if k < 3 {
		return 0
	}
	per := func(i int) float64 {
		return float64(t.cpu[i+1]-t.cpu[i]) / float64(max(1, t.stored[i+1]-t.stored[i]))
	}
	return per(k-2) / max(per(0), 1)
}
