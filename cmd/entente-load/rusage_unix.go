//go:build unix

package main

import (
	"syscall"
	"time"
)

// sysTime is the process's system time (the kernel's part of cputime.Process:
// the WAL's writes and syncs, file locks, the scheduler's hand-overs).
func sysTime() time.Duration {
	u := usage()
	return time.Duration(u.Stime.Nano())
}

// minorFaults is how many page faults the process has taken without
// reading the disk: each first touch of a page of memory or of a mapped
// file. On this project's virtual machines one costs about as much as
// several system calls, and a batch into a library of statements takes
// thousands (the library's mapped pages), so the batch figures count them.
func minorFaults() int64 { return usage().Minflt }

// usage is the process's resource usage, zero if the system cannot tell.
func usage() syscall.Rusage {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return syscall.Rusage{}
	}
	return u
}
