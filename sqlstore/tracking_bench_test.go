package sqlstore_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/entente/entente"
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
			tr, err := tracking.New(s)
			if err != nil {
				b.Fatal(err)
			}
			// as at startup: the tables are computed in full the first time
			// (after migration 0004: its backfill), or after seeding
			start := time.Now()
			if err := s.UseDueRules(ctx, tr.Rules); err != nil {
				b.Fatal(err)
			}
			backfill := time.Since(start)
			if st.name == "postgres" {
				// as autovacuum would after the backfill
				if _, err := s.DB().Exec("VACUUM ANALYZE"); err != nil {
					b.Fatal(err)
				}
			}
			all, err := tr.Commitments(ctx, entente.CommitmentFilter{Limit: 1})
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("%d statements, %d commitments; backfill at startup %v", n, all.Total, backfill)
			cases := []struct {
				name string
				run  func() error
			}{
				{"scorecard-all", func() error { _, err := tr.Scorecard(ctx, entente.CommitmentFilter{}); return err }},
				{"scorecard-party", func() error { _, err := tr.Scorecard(ctx, entente.CommitmentFilter{Party: "CN"}); return err }},
				{"page50-party-due", func() error {
					_, err := tr.Commitments(ctx, entente.CommitmentFilter{Party: "CN", Sort: "due", Limit: 50, Offset: 100})
					return err
				}},
				{"page50-area-status", func() error {
					_, err := tr.Commitments(ctx, entente.CommitmentFilter{Area: "trade", Status: entente.InProgress, Limit: 50})
					return err
				}},
				{"page50-one-document", func() error {
					_, err := tr.Commitments(ctx, entente.CommitmentFilter{Document: int64(n / 2), Limit: 50})
					return err
				}},
			}
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) {
					var lat []time.Duration
					for b.Loop() {
						start := time.Now()
						if err := c.run(); err != nil {
							b.Fatal(err)
						}
						lat = append(lat, time.Since(start))
					}
					b.ReportMetric(ms(pct(lat, 50)), "ms-p50")
					b.ReportMetric(ms(pct(lat, 95)), "ms-p95")
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
		 SELECT version_id, section, text_sha256, occurrence, $1 FROM sentences WHERE type = 'commitment' AND id % 5 = 0
		 ON CONFLICT DO NOTHING`,
		`INSERT INTO evidence (commitment_id, title, added_at) SELECT id, 'bench', $1 FROM commitments`,
		`INSERT INTO commitment_statuses (commitment_id, party, status, evidence_id, updated_at)
		 SELECT c.id, a.party, CASE c.id % 4 WHEN 0 THEN 'fulfilled' WHEN 1 THEN 'in_progress' WHEN 2 THEN 'stalled' ELSE 'not_started' END,
			e.id, $1
		 FROM commitments c JOIN evidence e ON e.commitment_id = c.id
		 JOIN sentences s ON s.version_id = c.version_id AND s.section = c.section AND s.text_sha256 = c.text_sha256 AND s.occurrence = c.occurrence
		 JOIN sentence_actors a ON a.sentence_id = s.id
		 ON CONFLICT DO NOTHING`,
	} {
		if _, err := s.DB().Exec(q, now); err != nil {
			b.Fatal(err)
		}
	}
}
