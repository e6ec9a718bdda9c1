package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/cputime"
	"github.com/entente/entente/postgres"
	"github.com/entente/entente/postgres/pgtest"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// BenchmarkTracking measures the tracking reads over a collection of
// about 100,000 commitments (4,000 generated statements; set
// ENTENTE_BENCH_TRACKING_DOCS for another size), a fifth of them with a
// status for each party: the scorecard of the whole collection and of one
// party, and a page of 50 of the commitments table, filtered and sorted.
// Its collections are its own (file entente-bench-tracking-v2-N.db in
// the temporary folder, schema bench_tracking_v2_N), built the first
// time, so that seeding statuses never touches the search benchmark's.
func BenchmarkTracking(b *testing.B) {
	n := 4000
	if v := os.Getenv("ENTENTE_BENCH_TRACKING_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("ENTENTE_BENCH_TRACKING_DOCS=%q", v)
		}
	}
	for _, st := range []struct {
		name string
		open func(*testing.B, int) *sqlstore.Store
	}{{"sqlite", benchTrackingSQLite}, {"postgres", benchTrackingPostgres}} {
		b.Run(st.name, func(b *testing.B) {
			s := st.open(b, n)
			ctx := context.Background()
			seedStatuses(b, s)
			seedDeadlines(b, s)
			tr, err := tracking.New(s)
			if err != nil {
				b.Fatal(err)
			}
			serverCPU := func() time.Duration { return 0 }
			if st.name == "postgres" {
				// as autovacuum would after the backfill
				if _, err := s.DB().Exec("VACUUM ANALYZE"); err != nil {
					b.Fatal(err)
				}
				// one connection, whose server process's CPU is read
				// beside the wall time: on a loaded machine the steadier
				// figure
				s.DB().SetMaxOpenConns(1)
				serverCPU = func() time.Duration { return backendCPU(b, s) }
			}
			// as at a server's first read with no snapshot of the index
			// kept (an earlier run's is dropped): the index of the
			// commitments is read in full, and its snapshot saved; the
			// heap it leaves behind, after a collection on each side, is
			// what the tracker holds of it
			if _, err := s.DB().Exec(`DELETE FROM tracked_snapshot`); err != nil {
				b.Fatal(err)
			}
			heapBefore := liveHeap()
			start, cpu, scpu := time.Now(), cputime.Process(), serverCPU()
			all, err := tr.Commitments(ctx, entente.CommitmentFilter{Limit: 1})
			if err != nil {
				b.Fatal(err)
			}
			took, cpu, scpu := time.Since(start), cputime.Process()-cpu, serverCPU()-scpu
			held := liveHeap() - heapBefore
			b.Logf("%d statements, %d commitments; index read in full in %v (CPU %v, the server's %v); heap held %.1f MB, %.0f bytes a commitment",
				n, all.Total, took.Round(time.Millisecond), cpu.Round(time.Millisecond), scpu, float64(held)/1e6, float64(held)/float64(max(all.Total, 1)))
			// and as at the next start: another tracker reads the snapshot
			if next, err := tracking.New(s); err != nil {
				b.Fatal(err)
			} else {
				start = time.Now()
				if _, err := next.Commitments(ctx, entente.CommitmentFilter{Limit: 1}); err != nil {
					b.Fatal(err)
				}
				b.Logf("index read from its snapshot in %v", time.Since(start))
			}
			first := all.Commitments[0]
			page := func(f entente.CommitmentFilter) func() error {
				return func() error {
					f.Limit = 50
					p, err := tr.Commitments(ctx, f)
					if err == nil && p.Total == 0 {
						err = fmt.Errorf("%+v: nothing matches, so nothing is measured", f)
					}
					return err
				}
			}
			cases := []struct {
				name string
				run  func() error
			}{
				{"scorecard-all", func() error { _, err := tr.Scorecard(ctx, entente.CommitmentFilter{}); return err }},
				{"scorecard-party", func() error { _, err := tr.Scorecard(ctx, entente.CommitmentFilter{Party: "CN"}); return err }},
				// a page of 50 of the commitments table for each of its
				// filters, alone and combined, in its default order
				// (newest signed first) unless named
				{"page50-all", page(entente.CommitmentFilter{})},
				{"page50-party", page(entente.CommitmentFilter{Party: "CN"})},
				{"page50-rare-party", page(entente.CommitmentFilter{Party: "HU"})},
				{"page50-area", page(entente.CommitmentFilter{Area: "trade"})},
				{"page50-strength", page(entente.CommitmentFilter{Strength: entente.Firm})},
				{"page50-status", page(entente.CommitmentFilter{Status: entente.InProgress})},
				{"page50-due-before", page(entente.CommitmentFilter{DueBefore: "2020-12-31", Sort: "due"})},
				{"page50-overdue", page(entente.CommitmentFilter{Overdue: true})},
				{"page50-one-document", page(entente.CommitmentFilter{Document: int64(n / 2)})},
				{"page50-party-due", page(entente.CommitmentFilter{Party: "CN", Sort: "due", Offset: 100})},
				{"page50-party-due-before", page(entente.CommitmentFilter{Party: "CN", DueBefore: "2020-12-31", Sort: "due"})},
				{"page50-area-status", page(entente.CommitmentFilter{Area: "trade", Status: entente.InProgress})},
				{"page50-party-status", page(entente.CommitmentFilter{Party: "CN", Status: entente.Stalled})},
				{"page50-area-strength-overdue", page(entente.CommitmentFilter{Area: "infrastructure", Strength: entente.Intent, Overdue: true})},
				{"page50-status-sorted", page(entente.CommitmentFilter{Area: "science", Sort: "status", Offset: 200})},
				// a status set, then a page: the index brought up to date
				// by reading the one document again
				{"status-then-page50", func() error {
					ctx := entente.NewContextWithActor(ctx, entente.Actor{Name: "bench", Via: "cli"})
					if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: first.DocumentID, Sentence: first.Sentence.ID,
						Status: entente.NotRated, Why: "bench", Revision: -1}); err != nil {
						return err
					}
					return page(entente.CommitmentFilter{})()
				}},
			}
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) {
					var lat []time.Duration
					scpu := serverCPU()
					cpu := cputime.Process()
					for b.Loop() {
						start := time.Now()
						if err := c.run(); err != nil {
							b.Fatal(err)
						}
						lat = append(lat, time.Since(start))
					}
					b.ReportMetric(ms(pct(lat, 50)), "ms-p50")
					b.ReportMetric(ms(pct(lat, 95)), "ms-p95")
					// this process's CPU (on PostgreSQL the server's is not in it)
					b.ReportMetric(ms(cputime.Process()-cpu)/float64(len(lat)), "cpu-ms/op")
					if st.name == "postgres" {
						b.ReportMetric(ms(serverCPU()-scpu)/float64(len(lat)), "server-cpu-ms/op")
					}
				})
			}
		})
	}
}

// benchTrackingSQLite opens the tracking benchmark's SQLite collection of
// n statements, building it the first time.
func benchTrackingSQLite(b *testing.B, n int) *sqlstore.Store {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("entente-bench-tracking-v2-%d.db", n))
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if have := count(b, s, "documents"); have != n {
		if have != 0 {
			b.Fatalf("%s holds %d documents, not %d: remove it", path, have, n)
		}
		fillBench(b, s, n, 1)
	}
	return s
}

// benchTrackingPostgres opens the tracking benchmark's PostgreSQL
// collection of n statements, in a schema of the test database kept for
// later runs, building it the first time.
func benchTrackingPostgres(b *testing.B, n int) *sqlstore.Store {
	base := os.Getenv(pgtest.Env)
	if base == "" {
		pgtest.DSN(b) // skips, or fails under CI
	}
	schema := fmt.Sprintf("bench_tracking_v2_%d", n)
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
	}
	return s
}

// seedStatuses gives every fifth commitment of the collection evidence
// and a status for each party, once (by SQL: the benchmark measures
// reads).
func seedStatuses(b *testing.B, s *sqlstore.Store) {
	b.Helper()
	if count(b, s, "commitment_statuses") > 0 {
		return
	}
	now := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	for _, q := range []string{
		`INSERT INTO commitments (version_id, section, text_sha256, occurrence, updated_at)
		 SELECT version_id, section, text_sha256 || coalesce(lower(hex(anchor_sha256)), ''), occurrence, $1 FROM sentences
		 WHERE type = 'commitment' AND id % 5 = 0
		 ON CONFLICT DO NOTHING`,
		`INSERT INTO evidence (commitment_id, title, added_at) SELECT id, 'bench', $1 FROM commitments`,
		`INSERT INTO commitment_statuses (commitment_id, party, status, evidence_id, updated_at)
		 SELECT c.id, CASE WHEN s.actors LIKE 'CN%' THEN 'CN' ELSE 'RS' END, CASE c.id % 4 WHEN 0 THEN 'fulfilled' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'stalled' ELSE 'not_started' END,
			e.id, $1
		 FROM commitments c JOIN evidence e ON e.commitment_id = c.id
		 JOIN sentences s ON s.version_id = c.version_id AND s.section = c.section AND s.text_sha256 || coalesce(lower(hex(s.anchor_sha256)), '') = c.text_sha256 AND s.occurrence = c.occurrence
		 WHERE s.actors <> ''
		 ON CONFLICT DO NOTHING`,
	} {
		if _, err := s.DB().Exec(q, now); err != nil {
			b.Fatal(err)
		}
	}
}

// seedDeadlines gives every third commitment without a deadline one that
// the due rules read as a date (the end of the signing year, of the next,
// five years after signing), once (by SQL, as seedStatuses): the
// generated statements' own deadlines (尽快, 按期) have no date, and the
// due-date filters and sort would measure nothing.
func seedDeadlines(b *testing.B, s *sqlstore.Store) {
	b.Helper()
	var n int
	if err := s.DB().QueryRow(`SELECT count(*) FROM sentences WHERE deadline = '明年'`).Scan(&n); err != nil {
		b.Fatal(err)
	}
	if n > 0 {
		return
	}
	if _, err := s.DB().Exec(`UPDATE sentences SET deadline = CASE id % 9 WHEN 0 THEN '年内' WHEN 3 THEN '明年' ELSE '未来五年内' END
		WHERE type = 'commitment' AND coalesce(deadline, '') = '' AND id % 3 = 0`); err != nil {
		b.Fatal(err)
	}
}

// liveHeap is the bytes of the Go heap still reachable after a garbage
// collection (what modernc's SQLite allocates is outside it).
func liveHeap() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// backendCPU is the CPU time (user and system) of the PostgreSQL process
// serving the store's one connection: the server runs on this machine in
// tests, so its /proc entry is readable (clock ticks of 10 ms).
func backendCPU(b *testing.B, s *sqlstore.Store) time.Duration {
	b.Helper()
	var pid int
	if err := s.DB().QueryRow(`SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		b.Fatal(err)
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Fatalf("the server's CPU: %v", err)
	}
	// the fields after the command's closing parenthesis: utime is the
	// 12th of them, stime the 13th
	f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		b.Fatalf("the server's CPU: %q", f[11:13])
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}

// BenchmarkReextractAll re-extracts every statement of the tracking
// benchmark's SQLite collection (ENTENTE_BENCH_REEXTRACT_DOCS, 10,000 by
// default; built the first time) after correcting a label of one
// sentence in every tenth statement, and checks that every correction is
// still there and still applies (flagged or not): `entente reextract
// --all` at that size. One iteration is the whole collection.
func BenchmarkReextractAll(b *testing.B) {
	n := 10000
	if v := os.Getenv("ENTENTE_BENCH_REEXTRACT_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("ENTENTE_BENCH_REEXTRACT_DOCS=%q", v)
		}
	}
	s := benchTrackingSQLite(b, n)
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "bench", Via: "cli"})
	tr, err := tracking.New(s)
	if err != nil {
		b.Fatal(err)
	}
	// The store is not given the due rules: its tracked tables (and the
	// filter keys) are left to the next startup, which computes them for
	// the whole collection (a migration's backfill, 27 minutes at 4,000
	// statements on a loaded machine). What this measures is the
	// re-extraction and what it does to corrections.
	var start time.Time
	extractorOnce.Do(func() { extractor, extractorErr = extract.New("zh") })
	if extractorErr != nil {
		b.Fatal(extractorErr)
	}
	tr.Extractor, tr.ExtractorName = extractor, "extract/zh"
	if count(b, s, "corrections") == 0 {
		start = time.Now()
		for doc := int64(1); doc <= int64(n); doc += 10 {
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: "s5", Field: "areas",
				Value: []byte(`["culture","trade"]`), Why: "bench"}); err != nil && entente.ErrorCode(err) != entente.EINVALID {
				b.Fatal(err)
			}
		}
		b.Logf("%d corrections in %v", count(b, s, "corrections"), time.Since(start))
	}
	before := count(b, s, "corrections")
	for b.Loop() {
		start = time.Now()
		res, err := tr.Reextract(ctx, 0)
		if err != nil {
			b.Fatal(err)
		}
		kept, flagged := 0, 0
		for _, r := range res {
			kept += r.Kept
			flagged += len(r.Flagged)
		}
		b.Logf("re-extracted %d versions in %v: %d corrections kept, %d flagged", len(res), time.Since(start), kept, flagged)
		var active int
		if err := s.DB().QueryRow(`SELECT count(*) FROM corrections WHERE state = 'approved' AND withdrawn_at IS NULL`).Scan(&active); err != nil {
			b.Fatal(err)
		}
		if active != before || kept != before {
			b.Fatalf("%d corrections before, %d active after, %d kept", before, active, kept)
		}
	}
}
