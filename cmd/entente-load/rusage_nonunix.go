//go:build !unix

package main

import "time"

// Where the process's resource usage is not read, the harness's CPU
// figures are 0 and only wall-clock times mean anything.

func sysTime() time.Duration { return 0 }

func minorFaults() int64 { return 0 }
