package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

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

// Expand turns the arguments of a batch into the list of inputs to read:
// files as given, folders walked recursively in name order (hidden files
// and folders skipped), "-" and addresses kept as they are. A path that
// cannot be read is kept, so that its problem is reported in order.
func Expand(args []string) []string {
	var out []string
	for _, a := range args {
		if a == "-" || isURL(a) {
			out = append(out, a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil || !st.IsDir() {
			out = append(out, a)
			continue
		}
		var files []string
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
			if d.Type().IsRegular() {
				files = append(files, p)
			}
			return nil
		})
		sort.Strings(files)
		out = append(out, files...)
	}
	return out
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
		input, err = in.readAll(name, stdin)
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

// readFile reads a file, refusing one over the size limit before reading it.
func (in *Ingester) readFile(name string) (Input, error) {
	f, err := os.Open(name)
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
	if st.Size() > in.maxSize() {
		return Input{}, fmt.Errorf("%s: %d bytes, over the limit of %d (--max-size)", name, st.Size(), in.maxSize())
	}
	return in.readAll(name, f)
}

func (in *Ingester) readAll(name string, r io.Reader) (Input, error) {
	if r == nil {
		return Input{}, fmt.Errorf("%s: no input", name)
	}
	data, err := io.ReadAll(io.LimitReader(r, in.maxSize()+1))
	if err != nil {
		return Input{}, fmt.Errorf("%s: %s", name, describe(err))
	}
	if int64(len(data)) > in.maxSize() {
		return Input{}, fmt.Errorf("%s: over the limit of %d bytes (--max-size)", name, in.maxSize())
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
