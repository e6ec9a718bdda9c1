package sqlstore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// BenchmarkTracking measures the tracking reads over a collection of
// about 100,000 commitments (3,000 generated statements; set
// ENTENTE_BENCH_TRACKING_DOCS for another size), a fifth of them with a
// status for each party: the scorecard of the whole collection and of one
// party, and a page of 50 of the commitments table, filtered and sorted.
func BenchmarkTracking(b *testing.B) {
	n := 3000
	if v := os.Getenv("ENTENTE_BENCH_TRACKING_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("ENTENTE_BENCH_TRACKING_DOCS=%q", v)
		}
	}
	for _, st := range []struct {
		name string
		open func(*testing.B, int) *sqlstore.Store
	}{{"sqlite", benchTrackingSQLite}, {"postgres", benchPostgres}} {
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

// benchTrackingSQLite opens a copy of the search benchmark's collection
// of n statements (built first if need be), so that the statuses seeded
// here never touch the file the search benchmarks share.
func benchTrackingSQLite(b *testing.B, n int) *sqlstore.Store {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("entente-bench-tracking-v1-%d.db", n))
	if _, err := os.Stat(path); err != nil {
		src := benchSQLite(b, n)
		if err := src.Backup(context.Background(), path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
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
