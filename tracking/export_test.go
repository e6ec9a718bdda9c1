package tracking

import (
	"context"
	"fmt"
	"strings"

	"github.com/entente/entente"
)

// IndexDump renders the index the tracker holds for the collection as it
// stands (updated from the one it held, when it held one), and
// FreshIndexDump one read anew from the whole collection, so that a test
// can hold the first to the second; names are rendered, not numbered (the
// two number them in different orders).
func IndexDump(ctx context.Context, t *Tracker) (string, error) {
	x, _, ok, err := t.commitmentIndex(ctx)
	if err != nil || !ok {
		return "", fmt.Errorf("no index (%v)", err)
	}
	return x.dump(), nil
}

func FreshIndexDump(ctx context.Context, t *Tracker) (string, error) {
	x, _, _, err := t.readIndex(ctx, t.Store.(source), nil)
	if err != nil {
		return "", err
	}
	return x.dump(), nil
}

// IndexBuilds returns how many times the tracker built its index anew
// and updated it.
func IndexBuilds(t *Tracker) (builds, updates int) {
	t.index.mu.Lock()
	defer t.index.mu.Unlock()
	return t.index.builds, t.index.updates
}

// IndexLoads returns how many times the tracker read its index from the
// store's snapshot.
func IndexLoads(t *Tracker) int {
	t.index.mu.Lock()
	defer t.index.mu.Unlock()
	return t.index.loads
}

// SnapshotEvery sets how many documents a read must read for the tracker
// to save a snapshot.
func SnapshotEvery(t *Tracker, n int) { t.snapshotEvery = n }

// Snapshot and ReadSnapshot are the codec of snapshots, for its tests.
func Snapshot(ctx context.Context, t *Tracker) ([]byte, error) {
	x, _, ok, err := t.commitmentIndex(ctx)
	if err != nil || !ok {
		return nil, fmt.Errorf("no index (%v)", err)
	}
	return x.snapshot()
}

func ReadSnapshot(data []byte) (string, error) {
	x, err := readSnapshot(data)
	if err != nil {
		return "", err
	}
	return x.dump(), nil
}

func (x *commitmentIndex) dump() string {
	var b strings.Builder
	of := func(ids []uint16) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = x.names.of[id]
		}
		return out
	}
	for _, d := range x.docs {
		fmt.Fprintf(&b, "doc %d %q %v withdrawn=%v\n", d.id, d.date, of(d.parties), d.withdrawn)
		for _, c := range d.commitments {
			var sts []string
			ps := c.statusPairs(d)
			for i := 0; i+1 < len(ps); i += 2 {
				sts = append(sts, x.names.of[ps[i]]+"="+string(entente.Statuses[ps[i+1]]))
			}
			fmt.Fprintf(&b, "  s%d id=%d due=%d %s rank=%d open=%v actors=%v areas=%v %v\n", c.sentence, c.id, c.due,
				x.names.of[c.strength], c.rank, c.open, of(c.actorIDs(d)), of(c.areaIDs(d)), sts)
		}
	}
	return b.String()
}
