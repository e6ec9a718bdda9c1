//go:build !unix

package decode

import (
	"os"
	"os/exec"
)

// limitSignal: no signal tells a limit here (and no program runs without
// prlimit, tool_nonlinux.go).
func limitSignal(*exec.ExitError) error { return nil }

// processAlive reports whether a process of that id exists: on Windows
// finding one opens it, which fails for a process that has exited.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
