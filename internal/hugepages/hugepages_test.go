package hugepages

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unsafe"
)

func TestMakeIsMake(t *testing.T) {
	type item struct {
		name string
		ids  []int64
		n    int64
	}
	for _, tc := range []struct{ n, c int }{{0, 0}, {0, 1}, {5, 5}, {3, 10}, {0, 1 << 20}, {1 << 20, 1<<20 + 64}} {
		s := Make[item](tc.n, tc.c)
		if len(s) != tc.n || cap(s) != tc.c {
			t.Fatalf("Make(%d, %d): len %d, cap %d", tc.n, tc.c, len(s), cap(s))
		}
		s = s[:cap(s)]
		for i := range s {
			if s[i].name != "" || s[i].ids != nil || s[i].n != 0 {
				t.Fatalf("Make(%d, %d): element %d is not zero", tc.n, tc.c, i)
			}
			s[i].n = int64(i)
		}
		for i := range s {
			if s[i].n != int64(i) {
				t.Fatalf("Make(%d, %d): element %d reads back %d", tc.n, tc.c, i, s[i].n)
			}
		}
	}
	b := Make[byte](MinBytes, MinBytes)
	b[len(b)-1] = 7
	if b[len(b)-1] != 7 {
		t.Fatal("the last byte of an advised slice does not read back")
	}
}

func TestMakePanicsAsMake(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Make(2, 1) did not panic")
		}
	}()
	n, c := 2, 1
	Make[int](n, c)
}

func TestInner(t *testing.T) {
	for _, tc := range []struct {
		p, n       uintptr
		start, end uintptr
	}{
		{0, 0, 0, 0},
		{0, Size, 0, Size},
		{1, Size, Size, Size}, // no whole page inside
		{Size - 1, 2*Size + 1, Size, 3 * Size},
		{Size + 10, 3 * Size, 2 * Size, 4 * Size},
		{10, 100, Size, Size}, // smaller than a page: nothing
	} {
		start, end := inner(tc.p, tc.n)
		if start != tc.start || end != tc.end {
			t.Errorf("inner(%#x, %#x) = %#x, %#x; want %#x, %#x", tc.p, tc.n, start, end, tc.start, tc.end)
		}
		if end > start && (start < tc.p || end > tc.p+tc.n || start%Size != 0 || end%Size != 0) {
			t.Errorf("inner(%#x, %#x) = %#x, %#x: not whole pages inside", tc.p, tc.n, start, end)
		}
	}
}

// TestAdvised reads the kernel's flags of the memory of a large slice:
// the mapping that holds it must say it is advised for huge pages ("hg"),
// which it would not be on its own (the heap's memory is not).
func TestAdvised(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || strings.Contains(string(mode), "[never]") {
		t.Skip("no transparent huge pages here")
	}
	big := Make[int64](0, 4*MinBytes/8)
	start, _ := inner(uintptr(unsafe.Pointer(unsafe.SliceData(big))), uintptr(cap(big))*8)
	flags, ok := vmFlags(t, start)
	if !ok {
		t.Fatalf("no mapping holds %#x", start)
	}
	if !slices.Contains(flags, "hg") {
		t.Errorf("the large slice's mapping has flags %v, without hg", flags)
	}
	runtime.KeepAlive(big)
}

// vmFlags returns the VmFlags of the mapping of /proc/self/smaps that
// holds addr.
func vmFlags(t *testing.T, addr uintptr) ([]string, bool) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	in := false
	for sc.Scan() {
		line := sc.Text()
		fields := strings.Fields(line)
		if len(fields) > 0 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":") {
			lo, hi, _ := strings.Cut(fields[0], "-")
			l, err1 := strconv.ParseUint(lo, 16, 64)
			h, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uint64(addr) >= l && uint64(addr) < h
			continue
		}
		if in && strings.HasPrefix(line, "VmFlags:") {
			return fields[1:], true
		}
	}
	return nil, false
}

// TestReadAllIsReadAll: whatever the hint, ReadAll reads what io.ReadAll
// reads, and returns the error a reader ends with after what it read.
func TestReadAllIsReadAll(t *testing.T) {
	data := make([]byte, 3*MinBytes+12345)
	for i := range data {
		data[i] = byte(i * 7)
	}
	for _, size := range []int{0, 1, 511, 512, 513, 4096, MinBytes, len(data)} {
		for _, hint := range []int{0, 1, size / 3, size, 2 * size} {
			got, err := ReadAll(iotest.HalfReader(bytes.NewReader(data[:size])), hint)
			if err != nil || !bytes.Equal(got, data[:size]) {
				t.Fatalf("%d bytes, hint %d: read %d bytes (%v)", size, hint, len(got), err)
			}
		}
	}
	failing := io.MultiReader(bytes.NewReader(data[:1000]), iotest.ErrReader(errors.New("cut")))
	got, err := ReadAll(failing, 100)
	if err == nil || err.Error() != "cut" || !bytes.Equal(got, data[:1000]) {
		t.Errorf("a reader that fails after 1,000 bytes: %d bytes, %v", len(got), err)
	}
}

func TestClone(t *testing.T) {
	if Clone[int](nil, 8) != nil {
		t.Error("Clone(nil) is not nil")
	}
	if c := Clone([]int{}, 0); c == nil || len(c) != 0 {
		t.Errorf("Clone of an empty slice: %v", c)
	}
	s := make([]uint32, MinBytes/4+7)
	for i := range s {
		s[i] = uint32(i)
	}
	c := Clone(s, 100)
	if !slices.Equal(c, s) || cap(c) != len(s)+100 {
		t.Fatalf("a clone differs, or has room for %d more, not 100", cap(c)-len(c))
	}
	c[0] = 99
	if s[0] != 0 {
		t.Error("a clone shares its array with the slice cloned")
	}
}
