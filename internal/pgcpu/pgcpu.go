// Package pgcpu reads the CPU time of the PostgreSQL backends that serve a
// process's connections, found by their application_name, from /proc: the
// database server's share of a piece of work, which the client's own CPU
// time (getrusage) leaves out. It reads nothing when the server is not on
// this machine. The load harness and the HTTP benchmarks use it.
package pgcpu

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"strings"
	"time"
)

// Backends returns the process ids of the backends whose application_name
// is app, or none when they cannot be read.
func Backends(ctx context.Context, db *sql.DB, app string) []int {
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

// A Reading is the CPU time of each of a set of backends, by process id,
// at one moment. Two readings' difference (Since) counts each backend by
// its own growth, so that one that ended between them loses its share
// rather than taking it away from the others: a sum read twice over the
// same ids fell below zero when a pooled connection closed in between.
type Reading map[int]time.Duration

// Read reads the CPU time of each of pids; one that cannot be read (it
// ended) is left out.
func Read(pids []int) Reading {
	r := make(Reading, len(pids))
	for _, pid := range pids {
		if d, ok := process(pid); ok {
			r[pid] = d
		}
	}
	return r
}

// ReadOf reads the backends whose application_name is app.
func ReadOf(ctx context.Context, db *sql.DB, app string) Reading {
	return Read(Backends(ctx, db, app))
}

// Since returns the CPU time the backends spent from before to r: for a
// backend in both, its growth; for one only in r, all of its time (it
// began after before was read). A backend that ended before r was read
// is not counted, so the figure is a lower bound, and never negative.
func (r Reading) Since(before Reading) time.Duration {
	var total time.Duration
	for pid, d := range r {
		if d0, ok := before[pid]; ok {
			d -= d0
		}
		total += max(d, 0)
	}
	return total
}

// Process is a process's user and system time from /proc/PID/stat, or 0
// when it cannot be read.
func Process(pid int) time.Duration {
	d, _ := process(pid)
	return d
}

// process is Process, and whether the process could be read.
func process(pid int) (time.Duration, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false
	}
	return parseStat(string(b)), true
}

// parseStat reads utime and stime from the text of /proc/PID/stat: the
// 12th and 13th fields after the command's closing parenthesis (the
// command may hold spaces and parentheses itself).
func parseStat(s string) time.Duration {
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
	if err1 != nil || err2 != nil || ut < 0 || st < 0 {
		return 0
	}
	const ticks = 100 // USER_HZ on Linux
	return time.Duration(ut+st) * time.Second / ticks
}
