// Package testload scales the wall-clock bounds of tests by how busy the
// machine is.
package testload

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// WallBound scales a wall-clock bound d by how busy the machine is (the
// one-minute load average per core, at least 1): a bound meant to catch a
// hang or a runaway must not fail a command that had a tenth of a core
// because other test packages or sessions ran beside it. The CPU-time
// bounds, which load does not stretch, stay as they are.
func WallBound(d time.Duration) time.Duration {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return d
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return d
	}
	load, err := strconv.ParseFloat(f[0], 64)
	if err != nil {
		return d
	}
	return time.Duration(float64(d) * max(1, load/float64(runtime.NumCPU())))
}
