package walwrite_test

import (
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// series is n rows numbered from 1, for the INSERTs below.
const series = `WITH RECURSIVE s(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM s WHERE x < ?) `

// BenchmarkCommit: transactions that dirty pages spread over an index, as
// a batch's groups do into a large library, and append rows, committed
// without a sync (as a batch's groups are) through the default VFS and
// through this one, interleaved in the same run. Each op is one commit on
// each database; the metrics are each side's time a commit and their
// ratio.
func BenchmarkCommit(b *testing.B) {
	dir := b.TempDir()
	open := func(name string, gathered bool) *sql.DB {
		db := open(b, filepath.Join(dir, name+".db"), gathered, "&_pragma=synchronous(NORMAL)&_pragma=wal_autocheckpoint(0)")
		for _, q := range []string{
			`CREATE TABLE t (id INTEGER PRIMARY KEY, b BLOB)`,
			`CREATE TABLE k (key BLOB, n INTEGER)`,
			`CREATE INDEX k_key ON k (key)`,
		} {
			if _, err := db.Exec(q); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := db.Exec(series+`INSERT INTO k SELECT randomblob(16), x FROM s`, 50000); err != nil {
			b.Fatal(err)
		}
		return db
	}
	plain, gathered := open("default", false), open("walwrite", true)
	commit := func(db *sql.DB) time.Duration {
		start := time.Now()
		tx, err := db.Begin()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(series+`INSERT INTO k SELECT randomblob(16), x FROM s`, 200); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.Exec(series+`INSERT INTO t (b) SELECT randomblob(2000) FROM s`, 100); err != nil {
			b.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		return time.Since(start)
	}
	var tookPlain, tookGathered time.Duration
	for i := 0; b.Loop(); i++ {
		// which goes first alternates, so that neither always follows the
		// other's writes
		if i%2 == 0 {
			tookPlain += commit(plain)
			tookGathered += commit(gathered)
		} else {
			tookGathered += commit(gathered)
			tookPlain += commit(plain)
		}
		if i%50 == 49 { // the logs copied into their files now and then, untimed
			b.StopTimer()
			for _, db := range []*sql.DB{plain, gathered} {
				if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(tookPlain.Microseconds())/n, "default-µs/commit")
	b.ReportMetric(float64(tookGathered.Microseconds())/n, "walwrite-µs/commit")
	b.ReportMetric(float64(tookGathered)/float64(tookPlain), "walwrite/default")
}
