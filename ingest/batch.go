package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/entente/entente/decode"
)

// Summary counts the outcomes of a batch.
type Summary struct {
	Added       int `json:"added"`
	NewSources  int `json:"new_sources"`
	AlreadyHave int `json:"already_have"`
	Refused     int `json:"refused"`
}

// Total is the number of inputs.
func (s Summary) Total() int { return s.Added + s.NewSources + s.AlreadyHave + s.Refused }

// Add counts one outcome.
func (s *Summary) Add(o Outcome) {
	switch o.Status {
	case Added:
		s.Added++
	case NewSource:
		s.NewSources++
	case AlreadyHave:
		s.AlreadyHave++
	default:
		s.Refused++
	}
}

// Skipped is a file of a folder that a batch does not read, with why.
type Skipped struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// Expand turns the arguments of a batch into the list of inputs to read:
// files as given, folders walked recursively in name order, "-" and
// addresses kept as they are. In a folder, the files of a form Decode
// reads are taken and every other file is listed in skipped with the
// reason (a README, JSON data, a named pipe); a link to a file is followed,
// a link to a folder is listed, not followed (it can loop). Hidden files
// and folders (.git) are passed over without a word. A path that cannot be
// read is kept, so that its problem is reported in order.
func Expand(args []string) (inputs []string, skipped []Skipped) {
	for _, a := range args {
		if a == "-" || isURL(a) {
			inputs = append(inputs, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			inputs = append(inputs, a)
			continue
		}
		var files []string
		var skip []Skipped
		_ = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				files = append(files, p) // reported when read
				return nil
			}
			if p != a && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			if take, reason := folderEntry(p, d); take {
				files = append(files, p)
			} else {
				skip = append(skip, Skipped{Name: p, Reason: reason})
			}
			return nil
		})
		sort.Strings(files)
		inputs = append(inputs, files...)
		skipped = append(skipped, skip...)
	}
	return inputs, skipped
}

// folderEntry says whether a folder's entry (not a folder) is taken, and
// if not, why.
func folderEntry(p string, d fs.DirEntry) (bool, string) {
	mode := d.Type()
	if mode&fs.ModeSymlink != 0 {
		st, err := os.Stat(p)
		switch {
		case err != nil:
			return false, "a link to nothing (" + describe(err) + ")"
		case st.IsDir():
			return false, "a link to a folder, not followed (links can loop); give the folder itself"
		}
		mode = st.Mode().Type()
	}
	if !mode.IsRegular() {
		return false, "not a regular file (" + fileKind(mode) + ")"
	}
	if !decode.Reads(p) {
		return false, "not a form statements are read from (" + filepath.Ext(p) + ")"
	}
	return true, ""
}

// fileKind names a file mode that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeDir != 0:
		return "a directory"
	}
	return "a special file"
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// read reads one named input: a file, "-" for stdin, or an address.
func (in *Ingester) read(ctx context.Context, name string, stdin io.Reader) (Input, error) {
	var (
		input Input
		err   error
	)
	switch {
	case name == "-":
		input, err = in.readAll(name, stdin, 0)
	case isURL(name):
		if in.Fetcher == nil {
			err = fmt.Errorf("%s: fetching is not enabled", name)
		} else {
			input, err = in.Fetcher.Fetch(ctx, name)
		}
	default:
		input, err = in.readFile(name)
	}
	return input, err
}

func (in *Ingester) maxSize() int64 {
	if in.MaxSize > 0 {
		return in.MaxSize
	}
	return decode.DefaultMaxSize
}

// readFile reads a file, refusing one over the size limit before reading
// it. It opens without blocking and refuses anything but a regular file: a
// named pipe would otherwise wait for a writer forever, and a device
// (/dev/zero) never ends.
func (in *Ingester) readFile(name string) (Input, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return Input{}, fmt.Errorf("%s: %s", name, describe(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Input{}, fmt.Errorf("%s: %s", name, describe(err))
	}
	if st.IsDir() {
		return Input{}, fmt.Errorf("%s: is a directory", name)
	}
	if !st.Mode().IsRegular() {
		return Input{}, fmt.Errorf("%s: not a regular file (%s); pass what it holds on standard input with -", name, fileKind(st.Mode().Type()))
	}
	if st.Size() > in.maxSize() {
		return Input{}, fmt.Errorf("%s: %d bytes, over the limit of %d (--max-size)", name, st.Size(), in.maxSize())
	}
	return in.readAll(name, f, st.Size())
}

// readAll reads an input of unknown length: its head first, which decode
// looks at to refuse the wrong kind of file at once, then the rest, never
// more than the size limit and a byte. size is what the input is expected
// to hold (a file's size; 0 when unknown): read into one buffer of that
// size, a file takes two reads and one allocation, where a buffer grown
// read by read took eight and as many copies (a tenth of a batch's
// examination).
func (in *Ingester) readAll(name string, r io.Reader, size int64) (Input, error) {
	if r == nil {
		return Input{}, fmt.Errorf("%s: no input", name)
	}
	limit := in.maxSize()
	var buf bytes.Buffer
	// ReadFrom grows a buffer with less than MinRead free before each read
	buf.Grow(int(min(max(size, 0), limit)) + bytes.MinRead)
	headLen := min(limit+1, decode.SniffHead)
	if _, err := buf.ReadFrom(io.LimitReader(r, headLen)); err != nil {
		return Input{}, fmt.Errorf("%s: %s", name, describe(err))
	}
	if int64(buf.Len()) == headLen {
		if err := decode.Precheck(name, buf.Bytes()); err != nil {
			return Input{}, err
		}
		if _, err := buf.ReadFrom(io.LimitReader(r, limit+1-headLen)); err != nil {
			return Input{}, fmt.Errorf("%s: %s", name, describe(err))
		}
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return Input{}, fmt.Errorf("%s: over the limit of %d bytes (--max-size)", name, limit)
	}
	return Input{Name: name, Data: data, RetrievedAt: in.now()}, nil
}

// describe turns a file-system error into the problem alone, without the
// path the caller already names.
func describe(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
