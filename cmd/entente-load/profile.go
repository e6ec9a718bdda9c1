package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"runtime/trace"
)

// startProfile starts a CPU profile into prefix.part when prefix is set,
// and returns what stops it.
func startProfile(prefix, part string) (stop func(), err error) {
	return startRecording("cpu profile", prefix, part, pprof.StartCPUProfile, pprof.StopCPUProfile)
}

// startTrace starts an execution trace into prefix.part when prefix is
// set, and returns what stops it. A batch's wall time is its one writer's:
// the trace shows what that goroutine waited for (a sync, the examinations'
// results, a core: `go tool trace -pprof=sched FILE`).
func startTrace(prefix, part string) (stop func(), err error) {
	return startRecording("trace", prefix, part, trace.Start, trace.Stop)
}

// startRecording starts a recording (what) into the file prefix.part when
// prefix is set, and returns what stops it and closes the file.
func startRecording(what, prefix, part string, start func(io.Writer) error, end func()) (stop func(), err error) {
	if prefix == "" {
		return func() {}, nil
	}
	f, err := os.Create(prefix + "." + part)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	if err := start(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return func() { end(); f.Close() }, nil
}
