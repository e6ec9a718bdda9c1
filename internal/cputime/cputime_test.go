package cputime

import "testing"

// TestProcessAdvances: work done shows in the process's CPU time.
func TestProcessAdvances(t *testing.T) {
	start := Process()
	x := 0
	for i := range 50_000_000 {
		x ^= i * 31
	}
	if Process() <= start {
		t.Errorf("CPU time did not advance over a busy loop (%d)", x)
	}
}
