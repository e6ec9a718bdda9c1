package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// startProfile starts a CPU profile into prefix.part when prefix is set,
// and returns what stops it.
func startProfile(prefix, part string) (stop func(), err error) {
	if prefix == "" {
		return func() {}, nil
	}
	f, err := os.Create(prefix + "." + part)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// serverCPU sums the CPU time of the PostgreSQL backends that serve
// connections of this process (those whose application_name is app), read
// from /proc: the database server's share of a batch, which the client's
// own CPU time leaves out. It returns 0 when the server is not on this
// machine. A backend that ended between two readings loses its share, so
// it is a lower bound; the store's pools keep their connections open.
func serverCPU(ctx context.Context, db *sql.DB, app string) time.Duration {
	return pidsCPU(backendPIDs(ctx, db, app))
}

// backendPIDs returns the process ids of the PostgreSQL backends whose
// application_name is app, or none when they cannot be read.
func backendPIDs(ctx context.Context, db *sql.DB, app string) []int {
	rows, err := db.QueryContext(ctx, `SELECT pid FROM pg_stat_activity WHERE application_name = $1`, app)
	if err != nil {
		return nil
	}
	defer rows.Close()
	var pids []int
	for rows.Next() {
		var pid int
		if rows.Scan(&pid) != nil {
			return nil
		}
		pids = append(pids, pid)
	}
	return pids
}

// pidsCPU sums the CPU time of the processes pids.
func pidsCPU(pids []int) time.Duration {
	var total time.Duration
	for _, pid := range pids {
		total += procCPU(pid)
	}
	return total
}

// procCPU is a process's user and system time from /proc/PID/stat.
func procCPU(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// the fields after the command's closing parenthesis: state is the
	// first, utime the 12th, stime the 13th
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	const ticks = 100 // USER_HZ on Linux
	return time.Duration(ut+st) * time.Second / ticks
}
