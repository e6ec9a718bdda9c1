package ingest

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/entente/entente/decode"
)

// countingReader yields n bytes of b and counts what was read.
type countingReader struct {
	b    byte
	n    int64
	read int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.read >= r.n {
		return 0, io.EOF
	}
	k := min(int64(len(p)), r.n-r.read)
	for i := range k {
		p[i] = r.b
	}
	r.read += k
	return int(k), nil
}

// TestReadHeadFirst checks that a large input of the wrong kind is refused
// from its head, without reading it whole, even when --max-size allows it,
// and that nothing reads past the limit and a byte.
func TestReadHeadFirst(t *testing.T) {
	tests := []struct {
		name    string
		r       *countingReader
		maxSize int64
		maxRead int64
		want    string
	}{
		{"binary.txt", &countingReader{b: 0x01, n: 50 << 20}, 100 << 20, decode.SniffHead, "binary content"},
		{"photo.pdf", &countingReader{b: 0xff, n: 50 << 20}, 100 << 20, decode.SniffHead, "not a PDF"},
		{"big.txt", &countingReader{b: 'a', n: 50 << 20}, 1 << 20, 1<<20 + 1, "over the limit"},
		{"endless.txt", &countingReader{b: 'a', n: 1 << 62}, 2 << 20, 2<<20 + 1, "over the limit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := &Ingester{MaxSize: tc.maxSize}
			_, err := in.readAll(tc.name, tc.r, 0)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), tc.name+": ") {
				t.Errorf("error %v, want %q naming the input", err, tc.want)
			}
			if tc.r.read > tc.maxRead {
				t.Errorf("read %d bytes, want at most %d", tc.r.read, tc.maxRead)
			}
		})
	}
}

// TestReadSpecialFiles checks that a named pipe or a device given as an
// argument is refused at once with a line, rather than waited on forever.
func TestReadSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "not a regular file (a named pipe)"},
		{"/dev/zero", "not a regular file (a character device)"},
	} {
		done := make(chan error, 1)
		go func() {
			_, err := (&Ingester{}).readFile(tc.path)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.HasPrefix(err.Error(), tc.path+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: error %v, want %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: still reading after 5 s", tc.path)
		}
	}
}

// TestExpandFolder checks what a folder yields: every file of a form read,
// links to files followed, and every other file listed with its reason.
func TestExpandFolder(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	write := func(p string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"a.txt", "b.HTML", "c.docx", "d.pdf", "noext", "sub/e.txt", "README.md", "data.json", ".hidden.txt", ".git/config.txt"} {
		write(filepath.Join(dir, f))
	}
	write(filepath.Join(outside, "target.txt"))
	link(filepath.Join(outside, "target.txt"), filepath.Join(dir, "linked.txt"))
	link(outside, filepath.Join(dir, "linked-folder"))
	link(filepath.Join(outside, "gone.txt"), filepath.Join(dir, "broken.txt"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o600); err != nil {
		t.Fatal(err)
	}

	inputs, skipped := Expand([]string{dir})
	var want []string
	for _, f := range []string{"a.txt", "b.HTML", "c.docx", "d.pdf", "linked.txt", "noext", "sub/e.txt"} {
		want = append(want, filepath.Join(dir, f))
	}
	if !slices.Equal(inputs, want) {
		t.Errorf("inputs\n%q\nwant\n%q", inputs, want)
	}
	reasons := map[string]string{}
	for _, s := range skipped {
		reasons[filepath.Base(s.Name)] = s.Reason
	}
	for name, reason := range map[string]string{
		"README.md":     "not a form statements are read from (.md)",
		"data.json":     "not a form statements are read from (.json)",
		"linked-folder": "a link to a folder, not followed",
		"broken.txt":    "a link to nothing",
		"pipe.txt":      "not a regular file (a named pipe)",
	} {
		if !strings.Contains(reasons[name], reason) {
			t.Errorf("%s skipped for %q, want %q", name, reasons[name], reason)
		}
	}
	if len(skipped) != 5 {
		t.Errorf("skipped %v, want the five above (hidden files pass without a word)", skipped)
	}
}

// readsCounter reads r and counts the calls to Read.
type readsCounter struct {
	r     io.Reader
	calls int
}

func (c *readsCounter) Read(p []byte) (int, error) {
	c.calls++
	return c.r.Read(p)
}

// TestReadAllWhole reads inputs of every size about the head's and the
// limit's edges, with their size known, wrong or unknown: the bytes come
// back whole, and an input of known size takes a read or two (with the
// one that finds its end) however long it is, where one grown read by
// read took a read per doubling.
func TestReadAllWhole(t *testing.T) {
	const limit = 3 * decode.SniffHead
	for _, n := range []int{0, 1, 14_000, decode.SniffHead - 1, decode.SniffHead, decode.SniffHead + 1, limit} {
		data := make([]byte, n)
		for i := range data {
			data[i] = 'a' + byte(i%26)
		}
		for _, size := range []int64{int64(n), 0, int64(n) / 2, int64(n) * 2} {
			r := &readsCounter{r: strings.NewReader(string(data))}
			in := &Ingester{MaxSize: limit}
			got, err := in.readAll("s.txt", r, size)
			if err != nil {
				t.Fatalf("%d bytes, size %d: %v", n, size, err)
			}
			if !slices.Equal(got.Data, data) {
				t.Fatalf("%d bytes, size %d: read %d bytes, not the input", n, size, len(got.Data))
			}
			if size == int64(n) && r.calls > 4 {
				t.Errorf("%d bytes of a known size: %d reads", n, r.calls)
			}
		}
	}
}
