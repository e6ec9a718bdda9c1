//go:build unix

package decode

import (
	"errors"
	"os/exec"
	"syscall"
)

// limitSignal says which limit ended a program that a signal killed:
// errToolTimeout for the CPU limit's SIGXCPU, errToolMemory for what a C++
// program does when new fails under an address-space limit, or nil.
func limitSignal(exit *exec.ExitError) error {
	ws, ok := exit.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return nil
	}
	switch ws.Signal() {
	case syscall.SIGXCPU:
		return errToolTimeout
	case syscall.SIGABRT, syscall.SIGSEGV, syscall.SIGKILL, syscall.SIGBUS:
		return errToolMemory
	}
	return nil
}

// processAlive reports whether a process of that id exists (signal 0
// checks without sending anything; EPERM means it exists under another
// user).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
