package main

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente/postgres"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

// TestBatchMeasure: -batch alone times a batch ingest against the
// extraction of the same statements and single uploads, prints a ratio
// computed from its own timings, and leaves no store behind.
func TestBatchMeasure(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-batch", "12", "-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	m := regexp.MustCompile(`every core: ([0-9.]+) ms each \(before`).FindStringSubmatch(report)
	b := regexp.MustCompile(`every core: ([0-9.]+) ms each: \*\*([0-9.]+)× the extraction`).FindStringSubmatch(report)
	if m == nil || b == nil || !regexp.MustCompile(`one upload stored alone \(40 statements`).MatchString(report) {
		t.Fatalf("missing figures in\n%s", report)
	}
	ext, _ := strconv.ParseFloat(m[1], 64)
	batch, _ := strconv.ParseFloat(b[1], 64)
	ratio, _ := strconv.ParseFloat(b[2], 64)
	if ext <= 0 || batch <= 0 || ratio < batch/ext*0.9 || ratio > batch/ext*1.1 {
		t.Errorf("extraction %.2f ms, batch %.2f ms, ratio %.2f: the ratio is not theirs\n%s", ext, batch, ratio, report)
	}
	// the batch's commits: at least one, none empty
	g := regexp.MustCompile(`the batch's commits: ([0-9]+), of ([0-9.]+) statements each`).FindStringSubmatch(report)
	if g == nil {
		t.Fatalf("no commits of the batch in\n%s", report)
	}
	if n, _ := strconv.Atoi(g[1]); n < 1 || n > 12 {
		t.Errorf("%s commits for a batch of 12\n%s", g[1], report)
	}
	// what the batch left in SQLite's log, checkpointed after it: the
	// figure with it adds to the batch's, never less
	c := regexp.MustCompile(`the batch's log checkpointed into the file after it: ([0-9.]+) ms each, CPU [0-9.]+ ms each; batch and checkpoint together ([0-9.]+)× the extraction`).FindStringSubmatch(report)
	if c == nil {
		t.Fatalf("no checkpoint after the batch in\n%s", report)
	}
	if both, _ := strconv.ParseFloat(c[2], 64); both < ratio*0.99 {
		t.Errorf("batch and checkpoint %.2f×, less than the batch alone %.2f×\n%s", both, ratio, report)
	}
	// the uploads' CPU time, which load stretches less than their wall time
	u := regexp.MustCompile(`CPU time of one upload stored alone: ([0-9.]+) ms in this process`).FindStringSubmatch(report)
	if u == nil {
		t.Fatalf("no CPU time of the uploads in\n%s", report)
	}
	if cpu, _ := strconv.ParseFloat(u[1], 64); cpu <= 0 {
		t.Errorf("CPU time of one upload %s ms\n%s", u[1], report)
	}
	// the batch's page faults: storing statements touches new memory (the
	// writer's pages, its log), so a batch without any was not counted
	f := regexp.MustCompile(`page faults: extraction ([0-9.]+) each \(runs \[[0-9 ]+\]\), batch ingest ([0-9.]+) each`).FindStringSubmatch(report)
	if f == nil {
		t.Fatalf("no page faults in\n%s", report)
	}
	if n, _ := strconv.ParseFloat(f[2], 64); n <= 0 {
		t.Errorf("the batch's page faults: %s each\n%s", f[2], report)
	}
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(left) != 0 {
		t.Errorf("left behind in -dir: %v", left)
	}
	if err := run(context.Background(), []string{"-docs", "", "-dir", dir}, &out); err == nil {
		t.Error("-docs \"\" without -batch was accepted")
	}
}

// TestBatchChunks: -chunks cuts the batch into parts of about equal size,
// each timed against its own extraction, and prints a ratio per part; a
// count out of range, or with a profile, is refused.
func TestBatchChunks(t *testing.T) {
	for _, c := range []struct {
		n, k  int
		sizes []int
	}{
		{10, 3, []int{3, 3, 4}},
		{2, 5, []int{1, 1}},
		{7, 1, []int{7}},
	} {
		ps := make([]string, c.n)
		var got []int
		total := 0
		for _, ch := range chunksOf(ps, c.k) {
			got = append(got, len(ch))
			total += len(ch)
		}
		if !slices.Equal(got, c.sizes) || total != c.n {
			t.Errorf("%d statements in %d parts: %v, want %v", c.n, c.k, got, c.sizes)
		}
	}
	if testing.Short() {
		t.Skip("ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-batch", "9", "-chunks", "3", "-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`by part, in order: ([0-9.]+), ([0-9.]+), ([0-9.]+)× \(median`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no ratio for each of 3 parts in\n%s", out.String())
	}
	for _, args := range [][]string{
		{"-docs", "", "-batch", "9", "-chunks", "10", "-dir", dir},
		{"-docs", "", "-batch", "9", "-chunks", "0", "-dir", dir},
		{"-docs", "", "-batch", "9", "-chunks", "3", "-cpuprofile", dir + "/p", "-dir", dir},
		{"-docs", "", "-batch", "9", "-chunks", "3", "-trace", dir + "/t", "-dir", dir},
	} {
		if err := run(context.Background(), args, &out); err == nil {
			t.Errorf("%v was accepted", args)
		}
	}
}

// TestBatchInto: -into ingests the batch into a copy of a collection,
// which it builds if need be and leaves as it was; a size without -batch,
// and a PostgreSQL address that names no database, are refused.
func TestBatchInto(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a collection and ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-batch", "6", "-into", "20", "-dir", dir, "-trace", filepath.Join(dir, "t")}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "batch ingest of 6 statements into a store of 20 statements") {
		t.Fatalf("no mention of the store it went into in\n%s", out.String())
	}
	// -trace: an execution trace of the batch, as go tool trace reads it
	if tr, err := os.ReadFile(filepath.Join(dir, "t.batch")); err != nil || !bytes.HasPrefix(tr, []byte("go 1.")) || len(tr) < 1024 {
		t.Errorf("-trace wrote %d bytes (%.12q), %v; want an execution trace", len(tr), tr, err)
	}
	keptItsDocuments(t)(sqlite.Open(context.Background(), filepath.Join(dir, "entente-load-s1-20.db")))
	left, _ := filepath.Glob(filepath.Join(dir, "entente-load-batch-*"))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	for _, args := range [][]string{
		{"-docs", "", "-batch", "6", "-into", "20", "-db", "postgres://localhost", "-dir", dir},
		{"-docs", "", "-batch", "6", "-into", "20", "-db", "host=localhost dbname=x", "-dir", dir},
		{"-docs", "20", "-into", "20", "-dir", dir},
	} {
		if err := run(context.Background(), args, &out); err == nil {
			t.Errorf("%v was accepted", args)
		}
	}
}

// TestBatchIntoPostgres: on PostgreSQL -into ingests the batch into a copy
// of the database that holds the collection's schema, and drops the copy;
// the collection keeps its statements.
func TestBatchIntoPostgres(t *testing.T) {
	dsn := os.Getenv("ENTENTE_TEST_POSTGRES")
	if dsn == "" || testing.Short() {
		t.Skip("ENTENTE_TEST_POSTGRES is not set, or -short")
	}
	ctx := context.Background()
	admin, err := maintenance(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	// a database of its own: the shared one has other sessions, and a
	// database is copied only without them
	db := fmt.Sprintf("entente_load_into_test_%d", os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + db); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)"); err != nil {
			t.Error(err)
		}
	}()
	addr, err := pgAddress(dsn, db)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := run(ctx, []string{"-docs", "", "-batch", "6", "-into", "20", "-db", addr, "-dir", t.TempDir()}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "postgres, batch ingest of 6 statements into a store of 20 statements") {
		t.Fatalf("no mention of the store it went into in\n%s", out.String())
	}
	if !regexp.MustCompile(`\+ [0-9.]+ ms in PostgreSQL's backends: \*\*`).MatchString(out.String()) {
		t.Errorf("no CPU time of the copy's backends in\n%s", out.String())
	}
	keptItsDocuments(t)(postgres.Open(ctx, withSearchPath(addr, "entente_load_s1_20")))
	var left int
	if err := admin.QueryRow("SELECT count(*) FROM pg_database WHERE datname = $1", fmt.Sprintf("entente_load_batch_%d", os.Getpid())).Scan(&left); err != nil || left != 0 {
		t.Errorf("the batch's copy is left behind (%d, %v)", left, err)
	}
}

// keptItsDocuments returns a check that the collection of 20 statements,
// opened after a batch into its copy, still holds its 20 (and closes it).
func keptItsDocuments(t *testing.T) func(*sqlstore.Store, error) {
	return func(s *sqlstore.Store, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		var docs int
		if err := s.DB().QueryRow("SELECT count(*) FROM documents").Scan(&docs); err != nil || docs != 20 {
			t.Errorf("the collection holds %d documents after the batch (%v), want its 20", docs, err)
		}
	}
}

// TestBatchRepeat: -repeat runs the batch measure into a store of its own
// each time and sums the runs' ratios up; it is refused where each run
// would write over the last one's profile, trace or kept store.
func TestBatchRepeat(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-batch", "5", "-repeat", "3", "-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	ratio := regexp.MustCompile(`\*\*([0-9.]+)× the extraction\*\*`)
	var wall []float64
	for _, m := range ratio.FindAllStringSubmatch(got, -1) {
		r, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			t.Fatal(err)
		}
		wall = append(wall, r)
	}
	if len(wall) != 3 {
		t.Fatalf("%d runs' ratios, want 3, in\n%s", len(wall), got)
	}
	m := regexp.MustCompile(`## over 3 runs\n\nbatch against the extraction, every core: mean \*\*([0-9.]+)×\*\*, median ([0-9.]+)×, ([0-9.]+)–([0-9.]+)×`).FindStringSubmatch(got)
	if m == nil {
		t.Fatalf("no summary of 3 runs in\n%s", got)
	}
	slices.Sort(wall)
	mean := (wall[0] + wall[1] + wall[2]) / 3
	for i, want := range []float64{mean, wall[1], wall[0], wall[2]} {
		if g, _ := strconv.ParseFloat(m[i+1], 64); math.Abs(g-want) > 0.011 {
			t.Errorf("summary figure %d is %s, want %.2f (runs %v)", i+1, m[i+1], want, wall)
		}
	}
	if !strings.Contains(got, "batch's CPU against the extraction's: mean **") {
		t.Errorf("no CPU summary in\n%s", got)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "entente-load-batch-*"))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	for _, args := range [][]string{
		{"-docs", "", "-batch", "5", "-repeat", "0", "-dir", dir},
		{"-docs", "20", "-repeat", "2", "-dir", dir},
		{"-docs", "", "-batch", "5", "-repeat", "2", "-trace", dir + "/t", "-dir", dir},
		{"-docs", "", "-batch", "5", "-repeat", "2", "-cpuprofile", dir + "/p", "-dir", dir},
		{"-docs", "", "-batch", "5", "-repeat", "2", "-keep", "-dir", dir},
	} {
		if err := run(context.Background(), args, &out); err == nil {
			t.Errorf("%v was accepted", args)
		}
	}
}

// TestBatchWarmup: -warmup ingests other statements into the batch's store
// before the timed batch, so the kept store holds them with the batch's
// and the uploads'; the report says the batch came after them; a count
// without -batch, or out of range, is refused.
func TestBatchWarmup(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-batch", "5", "-warmup", "7", "-keep", "-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "into an empty store, after 7 others in the same process against their extraction") {
		t.Errorf("the report does not say the batch came after the warm-up:\n%s", out.String())
	}
	kept, err := filepath.Glob(filepath.Join(dir, "entente-load-batch-*.db"))
	if err != nil || len(kept) != 1 {
		t.Fatalf("kept stores %v (%v), want one", kept, err)
	}
	s, err := sqlite.Open(context.Background(), kept[0])
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var docs int
	if err := s.DB().QueryRow("SELECT count(*) FROM documents").Scan(&docs); err != nil || docs != 7+5+singleUploads {
		t.Errorf("the kept store holds %d documents (%v), want %d: the warm-up's, the batch's and the uploads'", docs, err, 7+5+singleUploads)
	}
	for _, args := range [][]string{
		{"-docs", "1000", "-warmup", "5", "-dir", dir},
		{"-docs", "", "-batch", "5", "-warmup", "-1", "-dir", dir},
	} {
		if err := run(context.Background(), args, &out); err == nil || !strings.Contains(err.Error(), "-warmup") {
			t.Errorf("%v: %v, want -warmup refused", args, err)
		}
	}
}
