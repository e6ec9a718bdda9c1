package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// logPages is what a batch left in SQLite's write-ahead log before its
// checkpoint, counted by the table or index each frame is a page of: a
// commit writes every page it changed to the log (two system calls a
// frame, and the checkpoint copies it again), so the frames a statement
// costs, and whose they are, say which of the store's structures its writes
// spread over. A random key (a hash, a date) changes a leaf of its own for
// nearly every statement; rows appended in order share their pages.
type logPages struct {
	pageSize int
	frames   int
	commits  int
	// the log was begun anew within the batch: its frames before that
	// are not counted
	reset bool
	// frames by b-tree and page kind ("sentences leaf"), most first
	by []namedCount
}

type namedCount struct {
	name string
	n    int
}

// The log's layout (https://www.sqlite.org/fileformat2.html#walformat): a
// header of 32 bytes, then frames, each a header of 24 bytes and a page.
const (
	walHeaderSize      = 32
	walFrameHeaderSize = 24
	walMagicLE         = 0x377f0682
	walMagicBE         = 0x377f0683
)

// maxLogFrames bounds the frames counted: the writer checkpoints its log
// at 8,000 pages (sqlite.Open), so a log of far more is not one a batch
// left, and counting stops rather than hold a page number per frame
// without end.
const maxLogFrames = 1 << 20

// logScan is the committed frames of a log: its salt (which names the
// log's generation), its page size and each frame's page, in order.
type logScan struct {
	salt     [8]byte
	pageSize int
	pages    []uint32
	commits  []int // the number of frames at each commit
}

// scanLog reads the write-ahead log at path frame by frame (a page at a
// time, whatever its size). Frames after the last commit, or of an earlier
// generation of the log (a log reset after a checkpoint is written over
// from its start and keeps its size: such frames carry the older salt),
// are left out. A log that does not exist is empty.
func scanLog(path string) (*logScan, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return &logScan{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the log: %w", err)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 64<<10)
	var hdr [walHeaderSize]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		if errors.Is(err, io.EOF) {
			return &logScan{}, nil // empty: nothing written since its reset
		}
		return nil, fmt.Errorf("the log %s: its header: %w", path, err)
	}
	if m := binary.BigEndian.Uint32(hdr[0:4]); m != walMagicLE && m != walMagicBE {
		return nil, fmt.Errorf("the log %s: not an SQLite log (magic %#x)", path, m)
	}
	ls := &logScan{pageSize: int(binary.BigEndian.Uint32(hdr[8:12]))}
	if ls.pageSize < 512 || ls.pageSize > 65536 || ls.pageSize&(ls.pageSize-1) != 0 {
		return nil, fmt.Errorf("the log %s: a page size of %d", path, ls.pageSize)
	}
	copy(ls.salt[:], hdr[16:24])
	var fh [walFrameHeaderSize]byte
	for len(ls.pages) < maxLogFrames {
		if _, err := io.ReadFull(r, fh[:]); err != nil {
			break // the end of the log, or a frame cut short: not written whole
		}
		if [8]byte(fh[8:16]) != ls.salt {
			break // an earlier generation's frame
		}
		if _, err := r.Discard(ls.pageSize); err != nil {
			break
		}
		ls.pages = append(ls.pages, binary.BigEndian.Uint32(fh[0:4]))
		if binary.BigEndian.Uint32(fh[4:8]) != 0 { // the database's size after a commit
			ls.commits = append(ls.commits, len(ls.pages))
		}
	}
	if n := len(ls.commits); n > 0 {
		ls.pages = ls.pages[:ls.commits[n-1]]
	} else {
		ls.pages = nil
	}
	return ls, nil
}

// readLogPages counts the frames committed to the log at path since
// before (its scan when the batch began), each named from dbstat on db,
// the store the log belongs to. A log begun anew since (a checkpoint
// within the batch) is counted from its start: reset says so.
func readLogPages(ctx context.Context, db *sql.DB, path string, before *logScan) (*logPages, error) {
	ls, err := scanLog(path)
	if err != nil {
		return nil, err
	}
	lp := &logPages{pageSize: ls.pageSize}
	pages, commits := ls.pages, len(ls.commits)
	if before != nil && before.salt == ls.salt && len(before.pages) <= len(pages) {
		pages = pages[len(before.pages):]
		commits -= len(before.commits)
	} else if before != nil && len(before.pages) > 0 {
		lp.reset = true
	}
	lp.frames, lp.commits = len(pages), commits
	if lp.frames == 0 {
		return lp, nil
	}
	wanted := make(map[uint32]string, len(pages))
	for _, p := range pages {
		wanted[p] = ""
	}
	// dbstat reads every page of the database (a few seconds at 100,000
	// statements): a diagnostic's price, paid after the batch's timing
	rows, err := db.QueryContext(ctx, `SELECT name, pageno, pagetype FROM dbstat`)
	if err != nil {
		return nil, fmt.Errorf("name the log's pages (dbstat): %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			name, kind string
			page       int64
		)
		if err := rows.Scan(&name, &page, &kind); err != nil {
			return nil, err
		}
		if _, ok := wanted[uint32(page)]; ok {
			wanted[uint32(page)] = name + " " + kind
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("name the log's pages (dbstat): %w", err)
	}
	counts := map[string]int{}
	for _, p := range pages {
		name := wanted[p]
		if name == "" {
			// a page the batch used and no b-tree holds now: freed since
			// (a merge's emptied page), or the file's first page
			name = "(free or header)"
		}
		counts[name]++
	}
	for name, n := range counts {
		lp.by = append(lp.by, namedCount{name, n})
	}
	slices.SortFunc(lp.by, func(a, b namedCount) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.name, b.name)
	})
	return lp, nil
}

// print writes the frames a statement and the structures that wrote most
// of them.
func (lp *logPages) print(out io.Writer, statements int) {
	if lp.frames == 0 {
		fmt.Fprintf(out, "the batch's log: no frame\n")
		return
	}
	fmt.Fprintf(out, "the batch's log: %d frames of %d bytes in %d commits, %.1f a statement; by table or index:\n\n",
		lp.frames, lp.pageSize, lp.commits, float64(lp.frames)/float64(max(statements, 1)))
	if lp.reset {
		fmt.Fprintf(out, "(the log was checkpointed and begun anew within the batch: only the frames since are counted)\n\n")
	}
	fmt.Fprintf(out, "| b-tree and page | frames | a statement |\n|---|---|---|\n")
	const shown = 16
	rest := 0
	for i, c := range lp.by {
		if i >= shown {
			rest += c.n
			continue
		}
		fmt.Fprintf(out, "| %s | %d | %.2f |\n", c.name, c.n, float64(c.n)/float64(max(statements, 1)))
	}
	if rest > 0 {
		fmt.Fprintf(out, "| the %d others | %d | %.2f |\n", len(lp.by)-shown, rest, float64(rest)/float64(max(statements, 1)))
	}
}

// logPath is the write-ahead log of the SQLite store named name
// (openStore).
func logPath(c config, name string) string {
	return filepath.Join(c.dir, name+".db-wal")
}
