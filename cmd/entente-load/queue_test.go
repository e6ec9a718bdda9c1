package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestQueueMeasure: -queue times a queue of uploads drained one job at a
// time and in batches, each against the extraction of the same statements
// and from its own timings, with every upload made a document (or the
// measure fails), and leaves no store behind.
func TestQueueMeasure(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-queue", "10", "-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	if !strings.Contains(report, "a queue of 10 uploads drained by") {
		t.Fatalf("no queue measure in\n%s", report)
	}
	e := regexp.MustCompile(`decode \+ extract alone, every core: ([0-9.]+) ms each`).FindStringSubmatch(report)
	drains := regexp.MustCompile(`\(Batch ([0-9]+)\): ([0-9.]+) ms each: \*\*([0-9.]+)× the extraction`).FindAllStringSubmatch(report, -1)
	if e == nil || len(drains) != 2 || drains[0][1] != "1" || drains[1][1] == "1" {
		t.Fatalf("want the extraction and two drains, one job at a time then in batches, in\n%s", report)
	}
	ext, _ := strconv.ParseFloat(e[1], 64)
	for _, d := range drains {
		each, _ := strconv.ParseFloat(d[2], 64)
		ratio, _ := strconv.ParseFloat(d[3], 64)
		if ext <= 0 || each <= 0 || ratio < each/ext*0.9 || ratio > each/ext*1.1 {
			t.Errorf("Batch %s: %.2f ms each, extraction %.2f ms, ratio %.2f: the ratio is not theirs\n%s", d[1], each, ext, ratio, report)
		}
	}
	// each drain says when its jobs were settled, the median before the 95th percentile
	waits := regexp.MustCompile(`settled after p50 ([0-9.]+) ms, p95 ([0-9.]+) ms`).FindAllStringSubmatch(report, -1)
	if len(waits) != 2 {
		t.Fatalf("want when the jobs were settled for both drains in\n%s", report)
	}
	for _, w := range waits {
		p50, _ := strconv.ParseFloat(w[1], 64)
		p95, _ := strconv.ParseFloat(w[2], 64)
		if p50 <= 0 || p95 < p50 {
			t.Errorf("settled after p50 %s ms, p95 %s ms\n%s", w[1], w[2], report)
		}
	}
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range left {
		t.Errorf("left behind: %s", f.Name())
	}
}

// TestQueueMeasurePostgres: -queue on PostgreSQL drains each queue in a
// schema of its own, reports the backends' CPU beside the process's, and
// drops both schemas after.
func TestQueueMeasurePostgres(t *testing.T) {
	dsn := os.Getenv("ENTENTE_TEST_POSTGRES")
	if dsn == "" || testing.Short() {
		t.Skip("ENTENTE_TEST_POSTGRES is not set, or -short")
	}
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-queue", "6", "-db", dsn, "-dir", t.TempDir()}, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	if n := len(regexp.MustCompile(`\(Batch [0-9]+\): .*, PostgreSQL's backends [0-9.]+ ms each`).FindAllString(report, -1)); n != 2 {
		t.Fatalf("%d drains with the backends' CPU, want 2, in\n%s", n, report)
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var left int
	if err := db.QueryRow("SELECT count(*) FROM pg_namespace WHERE nspname LIKE $1",
		"entente_load_queue_"+strconv.Itoa(os.Getpid())+"_%").Scan(&left); err != nil || left != 0 {
		t.Errorf("%d schemas of the queue left behind (%v)", left, err)
	}
}
