package tracking

import (
	"bytes"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/hugepages"
	"github.com/entente/entente/internal/snapbytes"
)

// A snapshot is an index written down, so that a command, or a server
// that starts, reads it and then only the documents changed since, in
// place of every commitment (a few seconds at 10,000 statements). It is
// deflated; its layout, after the magic and version:
//
//	names:  count, then each: length, bytes
//	docs:   count, then each:
//	        id, date as corrected (length, bytes), withdrawn (0 or 1),
//	        parties as corrected, vals (count, then each a name id),
//	        commitments: count, then each: sentence, tracking row, due,
//	        off, strength, rank, open, actors, areas, statuses
//
// every number a varint. A snapshot that does not read back whole, or
// whose numbers point outside what it holds, is refused: the tracker then
// reads every commitment, as with none.
var snapshotMagic = []byte("ENTENTE-TRACKING-INDEX\x02")

// maxSnapshot bounds a snapshot as read (inflated): some 15 bytes a
// commitment, so 1 GB is some 60 million commitments.
const maxSnapshot = 1 << 30

var errBadSnapshot = errors.New("not a snapshot of the commitments' index")

// snapshot writes x down.
func (x *commitmentIndex) snapshot() ([]byte, error) {
	w := &snapbytes.Writer{B: slices.Clone(snapshotMagic)}
	ids := func(vs []uint16) {
		w.Uvarint(uint64(len(vs)))
		for _, v := range vs {
			w.Uvarint(uint64(v))
		}
	}
	w.Uvarint(uint64(len(x.names.of)))
	for _, n := range x.names.of {
		w.String(n)
	}
	w.Uvarint(uint64(len(x.docs)))
	for _, d := range x.docs {
		w.Varint(d.id)
		w.String(d.date)
		w.Flag(d.withdrawn)
		ids(d.parties)
		ids(d.vals)
		w.Uvarint(uint64(len(d.commitments)))
		for _, c := range d.commitments {
			w.Varint(c.sentence)
			w.Varint(c.id)
			w.Varint(int64(c.due))
			w.Uvarint(uint64(c.off))
			w.Uvarint(uint64(c.strength))
			w.Byte(c.rank)
			w.Flag(c.open)
			w.Byte(c.actors)
			w.Byte(c.areas)
			w.Byte(c.statuses)
		}
	}
	return snapbytes.Deflate(nil, w.B)
}

// snapshotReader reads a snapshot's fields, failing once for good.
type snapshotReader struct{ *snapbytes.Reader }

func (r *snapshotReader) ids(what string, names int) []uint16 {
	n := r.Count(what, 1)
	out := make([]uint16, n)
	for i := range out {
		v := r.Uvarint(what)
		if v >= uint64(names) {
			r.Fail("%s: a name it does not hold", what)
			return nil
		}
		out[i] = uint16(v)
	}
	return out
}

// commitmentsChunk is how many commitments a snapshot's reader lays out
// in one array (32 MB): at 100,000 statements some 1.5 million commitments
// were 100,000 arrays, each its own allocation and its pages faulted in
// one by one.
const commitmentsChunk = 1 << 20

// readSnapshot reads what snapshot wrote, checking every number.
func readSnapshot(data []byte) (*commitmentIndex, error) {
	// inflated, a snapshot is some three times its deflated size
	raw, err := hugepages.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(data)), maxSnapshot+1), 4*len(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadSnapshot, err)
	}
	if len(raw) > maxSnapshot {
		return nil, fmt.Errorf("%w: over %d bytes", errBadSnapshot, maxSnapshot)
	}
	if !bytes.HasPrefix(raw, snapshotMagic) {
		return nil, fmt.Errorf("%w: no magic", errBadSnapshot)
	}
	r := snapshotReader{snapbytes.NewReader(raw[len(snapshotMagic):], errBadSnapshot, 0)}
	x := &commitmentIndex{names: names{ids: map[string]uint16{}}}
	nn := r.Count("names", 1)
	if nn >= 1<<16 {
		r.Fail("names: too many")
	}
	for range nn {
		if r.Err != nil {
			break
		}
		s := r.String("name")
		if _, dup := x.names.ids[s]; dup {
			r.Fail("names: %s twice", s)
			break
		}
		x.names.ids[s] = uint16(len(x.names.of))
		x.names.of = append(x.names.of, s)
	}
	nd := r.Count("documents", 8)
	x.docs = make([]*indexedDoc, 0, nd)
	// the documents' commitments are parts of a few large arrays, each
	// part's capacity its length so that no append reaches the next
	var commitments []indexedCommitment
	for range nd {
		if r.Err != nil {
			break
		}
		d := &indexedDoc{id: r.Varint("document id"), date: r.String("date")}
		d.withdrawn = r.Byte("withdrawn") == 1
		d.parties = r.ids("parties", nn)
		// labels: names, and the statuses' numbers among them
		d.vals = r.ids("labels", max(nn, len(entente.Statuses)+1))
		nc := r.Count("commitments", 10)
		if cap(commitments)-len(commitments) < nc {
			// no more than the bytes left can hold, 10 or more a commitment
			commitments = hugepages.Make[indexedCommitment](0, max(nc, min(commitmentsChunk, len(r.B)/10)))
		}
		at := len(commitments)
		commitments = commitments[:at+nc]
		d.commitments = commitments[at : at+nc : at+nc]
		for i := range d.commitments {
			c := &d.commitments[i]
			c.sentence, c.id = r.Varint("sentence"), r.Varint("tracking row")
			due := r.Varint("due date")
			off := r.Uvarint("labels' offset")
			strength := r.Uvarint("strength")
			c.rank, c.open = r.Byte("rank"), r.Byte("open") == 1
			c.actors, c.areas, c.statuses = r.Byte("actors"), r.Byte("areas"), r.Byte("statuses")
			if due < 0 || due > 99991231 || strength >= uint64(nn) ||
				off+uint64(c.actors)+uint64(c.areas)+2*uint64(c.statuses) > uint64(len(d.vals)) {
				r.Fail("a commitment's numbers out of range")
				break
			}
			c.due, c.off, c.strength = int32(due), uint32(off), uint16(strength)
			names := d.vals[c.off : c.off+uint32(c.actors)+uint32(c.areas)]
			ps := c.statusPairs(d)
			for j := 0; j < len(ps); j += 2 {
				names = append(slices.Clip(names), ps[j])
				if ps[j+1] > uint16(len(entente.Statuses)) {
					r.Fail("a status it does not know")
				}
			}
			for _, n := range names {
				if int(n) >= nn {
					r.Fail("a label it does not hold")
				}
			}
			if r.Err != nil {
				break
			}
		}
		x.docs = append(x.docs, d)
	}
	if r.Err == nil && len(r.B) != 0 {
		r.Fail("bytes after the end")
	}
	if r.Err != nil {
		return nil, r.Err
	}
	if !slices.IsSortedFunc(x.docs, docOrder) {
		return nil, fmt.Errorf("%w: documents out of order", errBadSnapshot)
	}
	return x, nil
}

// snapshots is a store that keeps a snapshot of the index (sqlstore,
// migration 0044).
type snapshots interface {
	TrackingSnapshot(ctx context.Context) (entente.CollectionState, string, []byte, bool, error)
	SaveTrackingSnapshot(ctx context.Context, state entente.CollectionState, rules string, data []byte) error
}

// indexLogic names what the index computes from a commitment (due dates
// from the rules' text, status ranks, what is open): saved with each
// snapshot beside the rules' fingerprint, and to be changed with that
// code, so that a new binary reads an older snapshot's documents anew
// rather than keep values its code would not give.
const indexLogic = "index-1"

// defaultSnapshotAfter is how many documents a read of the store must
// have read (in full, or again since the index held) for the tracker to
// save a snapshot: reading that many costs more than writing one.
const defaultSnapshotAfter = 200

func (t *Tracker) snapshotAfter() int {
	if t.snapshotEvery > 0 {
		return t.snapshotEvery
	}
	return defaultSnapshotAfter
}

// loadSnapshot returns the store's snapshot of the index when it was read
// with the tracker's due rules and the index's logic and reads back whole, else nil (the
// tracker then reads every commitment): a snapshot only saves time.
func (t *Tracker) loadSnapshot(ctx context.Context, src source, fp string) *commitmentIndex {
	ss, ok := src.(snapshots)
	if !ok {
		return nil
	}
	state, rules, data, found, err := ss.TrackingSnapshot(ctx)
	if found && err == nil && rules != fp+" "+indexLogic && t.Log != nil {
		// an upgrade whose due rules (or index) changed: every commitment's
		// due date is read again, which the first reader of the
		// commitments waits for (about a minute at 100,000 statements)
		t.Log.Info("the commitments' snapshot was read with other due rules: reading every document's commitments again")
	}
	if err != nil || !found || rules != fp+" "+indexLogic {
		return nil
	}
	x, err := readSnapshot(data)
	if err != nil {
		return nil
	}
	x.state, x.rules = state, fp
	return x
}

// snapshotSaveWait bounds the save of a snapshot by a read that someone
// waits for (a page, a command): a write that waits for a long batch is
// not worth it to them, and a snapshot not saved costs only the next
// reader's time.
const snapshotSaveWait = 2 * time.Second

// warmSnapshotWait bounds the save by Warm, a server's read at its start
// that nobody waits for. There the one writing connection is often busy
// with the search index's snapshot (31 MB at 100,000 statements) or its
// merges, and the snapshot is largest (18 MB): saved within two seconds it
// was dropped, and every start of the server read 2.1 million commitments
// again, 23–50 s (docs/decisions.md, "The tracker's snapshot saved at a
// server's start").
const warmSnapshotWait = time.Minute

// saveSnapshot keeps x as the store's snapshot, waiting up to wait for the
// write; one not saved is logged (Tracker.Log).
func (t *Tracker) saveSnapshot(ctx context.Context, src source, x *commitmentIndex, wait time.Duration) {
	ss, ok := src.(snapshots)
	if !ok {
		return
	}
	data, err := x.snapshot()
	if err == nil {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), wait)
		defer cancel()
		err = ss.SaveTrackingSnapshot(ctx, x.state, x.rules+" "+indexLogic, data)
	}
	if err != nil && t.Log != nil {
		t.Log.Warn("tracking snapshot not saved: the next start reads every commitment", "bytes", len(data), "wait", wait.String(), "err", err)
	}
}
