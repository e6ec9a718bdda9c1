package connect

import (
	"context"
	"log/slog"
	"time"
)

// InputSnapshots is a store that keeps a snapshot of the registry's
// input (migration 0064): a cache it can always do without, so a store
// without it builds from the whole library every time a process starts.
type InputSnapshots interface {
	// RegistryInputSnapshot returns the snapshot kept, if one is and the
	// store would still read the library as it did when it was written.
	RegistryInputSnapshot(ctx context.Context) (data []byte, found bool, err error)
	SaveRegistryInputSnapshot(ctx context.Context, data []byte) error
}

// DefaultSnapshotAfter is how many documents a build must have read since
// the snapshot on record for it to write a new one: the snapshot of
// 100,000 statements (10 MB) took 0.5 s to write, more than reading a few
// hundred documents added since it costs each process that starts.
const DefaultSnapshotAfter = 1000

// snapshotTime bounds the writing of a snapshot: one not written costs
// only the next process's time, so a write that would wait long behind
// another's is given up.
const snapshotTime = 10 * time.Second

// fromSnapshot returns what the store's snapshot holds, its input brought
// up to the library of signature sig with what was added since, and how
// many documents were added since it; nil when there is no snapshot, it
// does not read back, or anything but additions changed the library since.
// The caller holds mu.
func (c *Connector) fromSnapshot(ctx context.Context, sig string) (*inputSnapshot, int) {
	snaps, ok := c.Store.(InputSnapshots)
	if !ok {
		return nil, 0
	}
	data, found, err := snaps.RegistryInputSnapshot(ctx)
	if err != nil {
		c.log().Warn("registry: the input's snapshot was not read", "err", err)
	}
	if err != nil || !found {
		return nil, 0
	}
	s, err := decodeInputSnapshot(data)
	if err != nil {
		c.log().Warn("registry: the input's snapshot is not used", "err", err)
		return nil, 0
	}
	if s.signature == sig {
		return s, 0
	}
	added, ok, err := c.Store.RegistryInputAfter(ctx, s.in.Mark)
	if err != nil {
		c.log().Warn("registry: what was added since the input's snapshot was not read", "err", err)
	}
	if err != nil || !ok {
		return nil, 0
	}
	from := carried{unlike: s.unlike, aligned: s.aligned, titleKeys: s.titleKeys}.without(added.Replaced, s.in.Documents)
	s.unlike, s.aligned, s.titleKeys = from.unlike, from.aligned, from.titleKeys
	s.in = withChanged(s.in, added)
	return s, readSince(added)
}

// keepSnapshot writes the kept input down when it has read enough
// documents since the snapshot on record. A failed write is only said:
// the next process reads more. The caller holds mu.
func (c *Connector) keepSnapshot(ctx context.Context) {
	k := c.kept
	snaps, ok := c.Store.(InputSnapshots)
	if k == nil || !ok {
		return
	}
	after := c.SnapshotAfter
	if after <= 0 {
		after = DefaultSnapshotAfter
	}
	if k.unsaved >= 0 && k.unsaved < after {
		return
	}
	data, err := (&inputSnapshot{signature: k.signature, in: k.in, unlike: k.unlike, aligned: k.aligned, titleKeys: k.titleKeys}).encode()
	if err == nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), snapshotTime)
		defer cancel()
		err = snaps.SaveRegistryInputSnapshot(ctx, data)
	}
	if err != nil {
		c.log().Warn("registry: the input's snapshot was not written", "err", err)
		return
	}
	k.unsaved = 0
}

func (c *Connector) log() *slog.Logger {
	if c.Log != nil {
		return c.Log
	}
	return slog.Default()
}
