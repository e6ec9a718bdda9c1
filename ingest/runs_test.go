package ingest

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// runStore counts the look-ups of inputs a batch makes: the size of each
// FindInputs call, and the FindInput calls.
type runStore struct {
	*sqlstore.Store
	mu    sync.Mutex
	runs  []int
	alone int
}

func (s *runStore) FindInputs(ctx context.Context, bytesSHA, textSHA []string, sketches [][]int64) ([]*entente.Source, []*entente.Version, [][]entente.Version, error) {
	s.mu.Lock()
	s.runs = append(s.runs, len(bytesSHA))
	s.mu.Unlock()
	return s.Store.FindInputs(ctx, bytesSHA, textSHA, sketches)
}

func (s *runStore) FindInput(ctx context.Context, bytesSHA, textSHA string, sketch []int64) (*entente.Source, *entente.Version, []entente.Version, error) {
	s.mu.Lock()
	s.alone++
	s.mu.Unlock()
	return s.Store.FindInput(ctx, bytesSHA, textSHA, sketch)
}

// TestBatchLooksUpInRuns: where the store looks several inputs up at once
// (PostgreSQL), a batch's small files are looked up in runs of at most
// InputsAtOnce, each once, and a file too large for a run alone; where it
// does not (SQLite), each alone. The outcomes are those of inputs looked
// up one by one: new statements added, a text stored under other bytes
// another source, bytes seen again known, an empty file refused, a file
// that cannot be read refused without a look-up.
func TestBatchLooksUpInRuns(t *testing.T) {
	forEachStore(t, func(t *testing.T, st entente.Store) {
		ctx := context.Background()
		rs := &runStore{Store: st.(*sqlstore.Store)}
		in := newIngester(t, rs)
		in.GroupSize = 4
		dir := t.TempDir()
		paths := writeStatements(t, dir, 13)
		sameText, empty := oddInputs(t, dir, paths[2])
		// over smallInputBytes, and no sentence in it
		large := filepath.Join(dir, "large.txt")
		if err := os.WriteFile(large, []byte(strings.Repeat("。\n", smallInputBytes/4+1)), 0o644); err != nil {
			t.Fatal(err)
		}
		missing := filepath.Join(dir, "missing.txt")
		inputs := []string{paths[0], paths[1], paths[2], sameText, paths[1], empty, paths[3], large, missing}
		inputs = append(inputs, paths[4:]...)
		inputs = append(inputs, paths[0])
		want := map[string]Status{sameText: NewSource, empty: Refused, large: Refused, missing: Refused}
		var got []Outcome
		in.Batch(ctx, inputs, nil, func(o Outcome) { got = append(got, o) })
		if len(got) != len(inputs) {
			t.Fatalf("%d outcomes for %d inputs", len(got), len(inputs))
		}
		seen := map[string]bool{}
		for i, o := range got {
			status, ok := want[inputs[i]]
			switch {
			case ok:
			case seen[inputs[i]]:
				status = AlreadyHave
			default:
				status = Added
			}
			seen[inputs[i]] = true
			if o.Name != inputs[i] || o.Status != status {
				t.Errorf("outcome %d: %s %s (%s), want %s %s", i, filepath.Base(o.Name), o.Status, o.Problem, filepath.Base(inputs[i]), status)
			}
		}
		// every input read, decoded and not empty is looked up once: all
		// but the empty and the missing file
		looked := 0
		for _, n := range rs.runs {
			if n < 1 || n > rs.InputsAtOnce() {
				t.Errorf("a run of %d inputs looked up at once (runs %v, at most %d)", n, rs.runs, rs.InputsAtOnce())
			}
			looked += n
		}
		if looked+rs.alone != len(inputs)-2 {
			t.Errorf("%d inputs looked up in runs %v and %d alone, want %d", looked, rs.runs, rs.alone, len(inputs)-2)
		}
		t.Logf("looked up in runs %v, %d alone", rs.runs, rs.alone)
		if rs.InputsAtOnce() > 1 {
			// the large file alone (and any run the writer's window cut
			// to one input), the rest in runs
			if slices.Max(append([]int{0}, rs.runs...)) < 2 || rs.alone < 1 {
				t.Errorf("runs %v and %d alone, want runs and the large file alone", rs.runs, rs.alone)
			}
		} else if len(rs.runs) != 0 {
			t.Errorf("runs %v where inputs are looked up one at a time", rs.runs)
		}
	})
}
