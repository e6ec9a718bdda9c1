package main

import (
	"bytes"
	"context"
	"os"
	"regexp"
	"strconv"
	"testing"
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
	// the uploads' CPU time, which load stretches less than their wall time
	u := regexp.MustCompile(`CPU time of one upload stored alone: ([0-9.]+) ms in this process`).FindStringSubmatch(report)
	if u == nil {
		t.Fatalf("no CPU time of the uploads in\n%s", report)
	}
	if cpu, _ := strconv.ParseFloat(u[1], 64); cpu <= 0 {
		t.Errorf("CPU time of one upload %s ms\n%s", u[1], report)
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
