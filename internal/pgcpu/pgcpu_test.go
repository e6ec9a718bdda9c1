package pgcpu

import (
	"os"
	"testing"
	"time"
)

// TestParseStat reads utime and stime past a command that holds spaces
// and parentheses, and refuses what is not a stat line.
func TestParseStat(t *testing.T) {
	for _, c := range []struct {
		name, stat string
		want       time.Duration
	}{
		{"plain", "4242 (postgres) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 100 0 0", 3 * time.Second},
		{"spaces and parentheses in the command", "7 (a (b) c) R 1 7 7 0 -1 0 0 0 0 0 12 3 0 0 20 0 1 0 5 0 0", 150 * time.Millisecond},
		{"no parenthesis", "7 a R 1 7 7 0 -1 0 0 0 0 0 12 3", 0},
		{"too short", "7 (x) R 1 2 3", 0},
		{"not numbers", "7 (x) R 1 7 7 0 -1 0 0 0 0 0 u s 0", 0},
		{"negative", "7 (x) R 1 7 7 0 -1 0 0 0 0 0 -5 3 0", 0},
		{"empty", "", 0},
	} {
		if got := parseStat(c.stat); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestProcess reads this process's own CPU time, which grows as it works,
// and 0 for a process that is not there.
func TestProcess(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	before := Process(os.Getpid())
	deadline := time.Now().Add(5 * time.Second)
	x := 0
	for Process(os.Getpid()) <= before && time.Now().Before(deadline) {
		for i := range 1_000_000 {
			x += i
		}
	}
	if after := Process(os.Getpid()); after <= before {
		t.Errorf("CPU time %v after work, %v before", after, before)
	}
	if got := Process(-1); got != 0 {
		t.Errorf("no process: %v, want 0", got)
	}
	if got := Read([]int{-1, -2}); len(got) != 0 || got.Since(nil) != 0 {
		t.Errorf("no processes: %v, want none", got)
	}
	_ = x
}

// FuzzParseStat: any text gives a duration, never a panic or a negative.
func FuzzParseStat(f *testing.F) {
	f.Add("4242 (postgres) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0")
	f.Add("7 (a) b) R")
	f.Fuzz(func(t *testing.T, s string) {
		if d := parseStat(s); d < 0 {
			t.Errorf("%q: %v", s, d)
		}
	})
}

// TestSince counts each backend by its own growth: a backend that ended
// between two readings is not counted (it once made the difference of two
// sums negative), one that began in between counts whole.
func TestSince(t *testing.T) {
	ms := time.Millisecond
	for _, c := range []struct {
		name          string
		before, after Reading
		want          time.Duration
	}{
		{"growth", Reading{1: 10 * ms, 2: 5 * ms}, Reading{1: 30 * ms, 2: 5 * ms}, 20 * ms},
		{"a backend ended", Reading{1: 10 * ms, 2: 20 * ms}, Reading{1: 12 * ms}, 2 * ms},
		{"a backend began", Reading{1: 10 * ms}, Reading{1: 10 * ms, 3: 7 * ms}, 7 * ms},
		{"nothing read", nil, nil, 0},
		{"a pid read lower (reused)", Reading{4: 50 * ms}, Reading{4: 10 * ms}, 0},
	} {
		if got := c.after.Since(c.before); got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// TestRead leaves out a process that is not there.
func TestRead(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc")
	}
	r := Read([]int{os.Getpid(), 1 << 30})
	if _, ok := r[os.Getpid()]; !ok || len(r) != 1 {
		t.Errorf("Read = %v, want this process only", r)
	}
}
