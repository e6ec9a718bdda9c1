package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// walFile writes an SQLite log of pages of 512 bytes with salt and the
// given frames, each a page number, a commit's database size (0 for
// none) and the salt it carries.
func walFile(t *testing.T, salt [8]byte, frames []walFrame) string {
	t.Helper()
	var b bytes.Buffer
	hdr := make([]byte, walHeaderSize)
	binary.BigEndian.PutUint32(hdr[0:4], walMagicLE)
	binary.BigEndian.PutUint32(hdr[4:8], 3007000)
	binary.BigEndian.PutUint32(hdr[8:12], 512)
	copy(hdr[16:24], salt[:])
	b.Write(hdr)
	for _, f := range frames {
		fh := make([]byte, walFrameHeaderSize)
		binary.BigEndian.PutUint32(fh[0:4], f.page)
		binary.BigEndian.PutUint32(fh[4:8], f.commit)
		copy(fh[8:16], f.salt[:])
		b.Write(fh)
		b.Write(make([]byte, 512))
	}
	p := filepath.Join(t.TempDir(), "x.db-wal")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type walFrame struct {
	page, commit uint32
	salt         [8]byte
}

// TestScanLog: the frames counted are the committed ones of the log's
// generation, in order; a tail not committed, frames of an earlier
// generation and a frame cut short are not.
func TestScanLog(t *testing.T) {
	now, old := [8]byte{1, 2, 3, 4, 5, 6, 7, 8}, [8]byte{9, 9, 9, 9, 9, 9, 9, 9}
	for _, c := range []struct {
		name    string
		frames  []walFrame
		pages   []uint32
		commits []int
	}{
		{"two commits", []walFrame{{2, 0, now}, {3, 9, now}, {2, 9, now}}, []uint32{2, 3, 2}, []int{2, 3}},
		{"a tail not committed", []walFrame{{2, 9, now}, {5, 0, now}, {6, 0, now}}, []uint32{2}, []int{1}},
		{"an earlier generation after", []walFrame{{2, 9, now}, {7, 9, old}, {8, 9, old}}, []uint32{2}, []int{1}},
		{"nothing committed", []walFrame{{2, 0, now}}, nil, nil},
		{"an earlier generation only", []walFrame{{2, 9, old}}, nil, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			ls, err := scanLog(walFile(t, now, c.frames))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ls.pages, c.pages) || !slices.Equal(ls.commits, c.commits) || ls.pageSize != 512 {
				t.Errorf("pages %v commits %v (size %d), want %v and %v", ls.pages, ls.commits, ls.pageSize, c.pages, c.commits)
			}
		})
	}
	// a frame cut short ends the log
	p := walFile(t, now, []walFrame{{2, 9, now}, {3, 9, now}})
	st, _ := os.Stat(p)
	if err := os.Truncate(p, st.Size()-100); err != nil {
		t.Fatal(err)
	}
	if ls, err := scanLog(p); err != nil || !slices.Equal(ls.pages, []uint32{2}) {
		t.Errorf("a frame cut short: %v, %v", ls, err)
	}
	// no log, or an empty one: nothing; another file: an error
	if ls, err := scanLog(filepath.Join(t.TempDir(), "none")); err != nil || len(ls.pages) != 0 {
		t.Errorf("no log: %v, %v", ls, err)
	}
	junk := filepath.Join(t.TempDir(), "junk")
	os.WriteFile(junk, bytes.Repeat([]byte{'x'}, 100), 0o644)
	if _, err := scanLog(junk); err == nil {
		t.Error("a file that is not a log was read as one")
	}
}

// TestBatchLogPages: -logpages counts the frames the batch committed to
// the log, each named by its b-tree: the sentences' rows are among them,
// and the per-table counts add up to the total.
func TestBatchLogPages(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests statements")
	}
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"-docs", "", "-batch", "12", "-logpages", "-dir", dir}, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	m := regexp.MustCompile(`the batch's log: ([0-9]+) frames of [0-9]+ bytes in ([0-9]+) commits`).FindStringSubmatch(report)
	if m == nil {
		t.Fatalf("no count of the log's frames in\n%s", report)
	}
	total, _ := strconv.Atoi(m[1])
	if commits, _ := strconv.Atoi(m[2]); total == 0 || commits == 0 {
		t.Fatalf("%d frames in %d commits\n%s", total, commits, report)
	}
	if !regexp.MustCompile(`\| sentences leaf \| [1-9]`).MatchString(report) {
		t.Errorf("no frame of the sentences' rows\n%s", report)
	}
	sum := 0
	for _, r := range regexp.MustCompile(`(?m)^\| [^|]+ \| ([0-9]+) \| [0-9.]+ \|$`).FindAllStringSubmatch(report, -1) {
		n, _ := strconv.Atoi(r[1])
		sum += n
	}
	if sum != total {
		t.Errorf("the rows add up to %d frames, the total is %d\n%s", sum, total, report)
	}
	for _, args := range [][]string{
		{"-docs", "1000", "-logpages", "-dir", dir},
		{"-docs", "", "-batch", "3", "-logpages", "-db", "postgres://localhost/x", "-dir", dir},
	} {
		if err := run(context.Background(), args, &out); err == nil || !strings.Contains(err.Error(), "-logpages") {
			t.Errorf("%v: %v, want -logpages refused", args, err)
		}
	}
}
