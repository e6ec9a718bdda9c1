package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
)

// lookupStore counts the look-ups ingest makes of a store that has all
// three (sqlstore.Store).
type lookupStore struct {
	entente.Store
	inner              inputFinder
	bytes, text, input int
}

func (s *lookupStore) SourceBySHA256(ctx context.Context, sha string) (*entente.Source, error) {
	s.bytes++
	return s.Store.SourceBySHA256(ctx, sha)
}

func (s *lookupStore) FindText(ctx context.Context, textSHA string, sketch []int64) (*entente.Version, []entente.Version, error) {
	s.text++
	return s.inner.FindText(ctx, textSHA, sketch)
}

func (s *lookupStore) FindInput(ctx context.Context, bytesSHA, textSHA string, sketch []int64) (*entente.Source, *entente.Version, []entente.Version, error) {
	s.input++
	return s.inner.FindInput(ctx, bytesSHA, textSHA, sketch)
}

func (s *lookupStore) NearVersions(ctx context.Context, sketch []int64) ([]entente.Version, error) {
	return s.inner.NearVersions(ctx, sketch)
}

func (s *lookupStore) VersionText(ctx context.Context, id int64) (string, error) {
	return s.inner.VersionText(ctx, id)
}

// TestTextInputLookedUpOnce: an input read in the process (text) is
// decoded first and looked up once, by its bytes, text and sketch
// together, on both stores; what is found is what looking the bytes up
// first found: a new text is added, the same bytes again are known, the
// same text under other bytes is another source, and stored bytes stay
// known when reading them now fails (a lower size limit).
func TestTextInputLookedUpOnce(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "test", Via: "cli"})
		s := &lookupStore{Store: st, inner: st.(inputFinder)}
		in := newIngester(t, s)
		b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", "cn-rs-2024-joint-statement.zh.txt"))
		if err != nil {
			t.Fatal(err)
		}
		steps := []struct {
			name    string
			data    []byte
			maxSize int64
			want    Status
		}{
			{"a new text", b, 0, Added},
			{"the same bytes", b, 0, AlreadyHave},
			{"the same text under other bytes", append([]byte("\ufeff"), b...), 0, NewSource},
			{"the same bytes, over a lower size limit", b, 100, AlreadyHave},
			{"other bytes, over a lower size limit", append(append([]byte{}, b...), "\n再见。\n"...), 100, Refused},
		}
		for _, c := range steps {
			s.bytes, s.text, s.input = 0, 0, 0
			in.MaxSize = c.maxSize
			out := in.Ingest(ctx, Input{Name: "statement.txt", Data: c.data})
			if out.Status != c.want {
				t.Fatalf("%s: %s (%v), want %s", c.name, out.Status, out.Err, c.want)
			}
			// one look-up of the three at once; when reading fails, one of
			// the bytes alone
			bytes, input := 0, 1
			if c.maxSize > 0 {
				bytes, input = 1, 0
			}
			if s.bytes != bytes || s.input != input || s.text != 0 {
				t.Errorf("%s: %d look-ups of the bytes, %d of the text, %d of the input; want %d, 0, %d", c.name, s.bytes, s.text, s.input,
					bytes, input)
			}
		}
	})
}
