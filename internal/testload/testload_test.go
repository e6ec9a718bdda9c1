package testload

import (
	"testing"
	"time"
)

// TestWallBoundNeverShrinks: a bound is only ever loosened, by the load
// per core, never tightened below what the test asked.
func TestWallBoundNeverShrinks(t *testing.T) {
	for _, d := range []time.Duration{time.Millisecond, time.Second, time.Minute} {
		if got := WallBound(d); got < d {
			t.Errorf("WallBound(%s) = %s", d, got)
		}
	}
}
