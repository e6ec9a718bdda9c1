package tracking

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/entente/entente"
)

// source is a store that lists its commitments for an index held in
// memory: all of them once, then those of the documents changed since a
// state it named (sqlstore). The store keeps no copy of the commitments
// table; the tracker keeps this index, and every read first asks the store
// for the state of its collection (one small query), so that a change made
// through another server is seen by the next read here.
type source interface {
	CollectionState(ctx context.Context) (entente.CollectionState, error)
	CommitmentChanges(ctx context.Context, since entente.CollectionState,
		each func(*entente.CommitmentBatch) error) (entente.CollectionState, bool, error)
	CommitmentsBySentence(ctx context.Context, ids []int64) ([]entente.TrackedCommitment, error)
}

// commitmentIndex is every commitment of one state of the collection, as
// the filters and orders of the commitments table and the scorecards read
// it: labels as corrected, due date, statuses. It is never changed once
// made: an update makes a new one, sharing the documents that did not
// change, so that reads in flight keep theirs.
type commitmentIndex struct {
	state entente.CollectionState
	rules string // the fingerprint of the due rules the due dates were read with
	names names
	// docs in the table's default order: signing date (as corrected),
	// newest first, then document id, highest first; a document's
	// commitments in their order in it
	docs []*indexedDoc
}

// indexedDoc is a document and its commitments.
type indexedDoc struct {
	id          int64
	date        string   // signing date as corrected: the order and the date filters
	parties     []uint16 // parties as corrected: the pair filter, and bound by a commitment that names no actor
	withdrawn   bool
	commitments []indexedCommitment
	// vals holds the commitments' actors, areas and statuses, a run each
	// (indexedCommitment.off), in one array a document
	vals []uint16
}

// indexedCommitment is one commitment in 32 bytes, and its labels in its
// document's vals: from off, its actors, its areas, then a (party,
// status) pair for every status recorded, in the order of the
// commitment's statuses.
type indexedCommitment struct {
	sentence int64 // the sentence's row, by which its page reads it
	id       int64 // its tracking row, 0 while nothing is recorded
	due      int32 // due date as YYYYMMDD, 0 when none
	off      uint32
	strength uint16
	rank     uint8 // the place of its first party's status in entente.Statuses
	open     bool  // some party's status is neither fulfilled nor superseded
	actors   uint8
	areas    uint8
	statuses uint8
}

func (c *indexedCommitment) actorIDs(d *indexedDoc) []uint16 {
	return d.vals[c.off : c.off+uint32(c.actors)]
}

func (c *indexedCommitment) areaIDs(d *indexedDoc) []uint16 {
	at := c.off + uint32(c.actors)
	return d.vals[at : at+uint32(c.areas)]
}

func (c *indexedCommitment) statusPairs(d *indexedDoc) []uint16 {
	at := c.off + uint32(c.actors) + uint32(c.areas)
	return d.vals[at : at+2*uint32(c.statuses)]
}

// bound returns the parties the commitment binds: its actors, or its
// document's parties when it names none.
func (c *indexedCommitment) bound(d *indexedDoc) []uint16 {
	if c.actors > 0 {
		return c.actorIDs(d)
	}
	return d.parties
}

// names numbers the parties, areas and strengths an index holds.
type names struct {
	of  []string
	ids map[string]uint16
}

// errUnindexable says that the collection holds what the index has no room
// for: more than 65,535 distinct parties, areas and strengths, or a
// commitment with more than 255 actors, areas or statuses. The tracker
// then reads every commitment for each read, as without an index.
var errUnindexable = errors.New("the commitments do not fit the index")

func (n *names) id(s string) (uint16, error) {
	if id, ok := n.ids[s]; ok {
		return id, nil
	}
	if len(n.of) >= 1<<16-1 {
		return 0, errUnindexable
	}
	id := uint16(len(n.of))
	n.of = append(n.of, s)
	n.ids[s] = id
	return id, nil
}

// lookup returns the id of s, and false when the index holds no label s
// (a filter on it then matches nothing).
func (n *names) lookup(s string) (uint16, bool) {
	id, ok := n.ids[s]
	return id, ok
}

func (n *names) clone() names {
	c := names{of: slices.Clone(n.of), ids: make(map[string]uint16, len(n.ids))}
	for k, v := range n.ids {
		c.ids[k] = v
	}
	return c
}

// statusIDs numbers the statuses by their place in entente.Statuses.
func statusID(s entente.Status) uint16 {
	if i := slices.Index(entente.Statuses, s); i >= 0 {
		return uint16(i)
	}
	return uint16(len(entente.Statuses)) // unknown: matches no filter
}

// dayNumber reads YYYY-MM-DD as YYYYMMDD, and 0 for anything else.
func dayNumber(s string) int32 {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0
	}
	var n int32
	for i, c := range []byte(s) {
		if i == 4 || i == 7 {
			continue
		}
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int32(c-'0')
	}
	return n
}

// indexHolder keeps a tracker's newest index and builds one at a time.
type indexHolder struct {
	build sync.Mutex // held while reading the store into a new index
	mu    sync.Mutex // guards what follows; held for no I/O
	index *commitmentIndex
	src   source // the store index was read from
	// builds, loads and updates count how the index was made (read in
	// full, from a snapshot, updated from the one held), for tests
	builds, loads, updates int
}

func (h *indexHolder) get(src source) *commitmentIndex {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.src != src {
		return nil
	}
	return h.index
}

func (h *indexHolder) put(src source, x *commitmentIndex, built, loaded bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.src, h.index = src, x
	switch {
	case built:
		h.builds++
	case loaded:
		h.loads++
	default:
		h.updates++
	}
}

// commitmentIndex returns the index of the collection as it stands, and
// false when the store lists no commitments for one (the tracker then
// reads them all, as it did before there was an index).
func (t *Tracker) commitmentIndex(ctx context.Context) (*commitmentIndex, source, bool, error) {
	return t.commitmentIndexSaving(ctx, snapshotSaveWait)
}

// commitmentIndexSaving is commitmentIndex, waiting up to wait to save the
// snapshot of an index that read many documents.
func (t *Tracker) commitmentIndexSaving(ctx context.Context, wait time.Duration) (*commitmentIndex, source, bool, error) {
	src, ok := t.Store.(source)
	if !ok {
		return nil, nil, false, nil
	}
	h := t.index
	if h == nil {
		h = &indexHolder{} // a tracker not made by New: an index per read
	}
	fp := t.rulesFingerprint()
	state, err := src.CollectionState(ctx)
	if err != nil {
		return nil, nil, false, err
	}
	if x := h.get(src); x != nil && x.state == state && x.rules == fp {
		return x, src, true, nil
	}
	x, read, err := t.buildIndex(ctx, src, h, state, fp)
	if x == nil || err != nil {
		return nil, nil, false, err
	}
	// saved once the build's lock is let go: a reader of a changed
	// collection does not wait for the save
	if read >= t.snapshotAfter() {
		t.saveSnapshot(ctx, src, x, wait)
	}
	return x, src, true, nil
}

// buildIndex brings the held index to state under the build's lock (one
// build at a time), and says how many documents it read; nil when the
// store lists no commitments for an index.
func (t *Tracker) buildIndex(ctx context.Context, src source, h *indexHolder, state entente.CollectionState, fp string) (*commitmentIndex, int, error) {
	h.build.Lock()
	defer h.build.Unlock()
	old := h.get(src)
	if old != nil && old.state == state && old.rules == fp {
		return old, 0, nil
	}
	if old != nil && old.rules != fp {
		old = nil
	}
	loaded := false
	if old == nil {
		old = t.loadSnapshot(ctx, src, fp)
		loaded = old != nil
	}
	x, built, read, err := t.readIndex(ctx, src, old)
	if errors.Is(err, errUnindexable) {
		return nil, 0, nil
	}
	if err != nil {
		return nil, 0, fmt.Errorf("read the commitments: %w", err)
	}
	h.put(src, x, built, loaded)
	return x, read, nil
}

func (t *Tracker) rulesFingerprint() string {
	if t.Rules == nil {
		return ""
	}
	return t.Rules.Fingerprint()
}

// readIndex returns old brought to the collection's state, or a new index
// when there is no old one or the store reads every document again.
func (t *Tracker) readIndex(ctx context.Context, src source, old *commitmentIndex) (x *commitmentIndex, built bool, read int, err error) {
	since := entente.CollectionState{}
	x = &commitmentIndex{rules: t.rulesFingerprint(), names: names{ids: map[string]uint16{}}}
	if old != nil {
		since, x.names = old.state, old.names.clone()
	}
	asked := map[int64]bool{}
	var fresh []*indexedDoc
	state, all, err := src.CommitmentChanges(ctx, since, func(b *entente.CommitmentBatch) error {
		for _, id := range b.Asked {
			asked[id] = true
		}
		docs, err := t.indexDocs(&x.names, b)
		fresh = append(fresh, docs...)
		return err
	})
	if err != nil {
		return nil, false, 0, err
	}
	x.state = state
	slices.SortFunc(fresh, docOrder)
	if all || old == nil {
		x.docs = fresh
		return x, true, len(asked), nil
	}
	kept := make([]*indexedDoc, 0, len(old.docs))
	for _, d := range old.docs {
		if !asked[d.id] {
			kept = append(kept, d)
		}
	}
	x.docs = mergeDocs(kept, fresh)
	return x, false, len(asked), nil
}

// docOrder is the table's default order of documents: signing date,
// newest first (unknown last), then id, highest first.
func docOrder(a, b *indexedDoc) int {
	if c := cmp.Compare(b.date, a.date); c != 0 {
		return c
	}
	return cmp.Compare(b.id, a.id)
}

// mergeDocs merges two lists each in docOrder.
func mergeDocs(a, b []*indexedDoc) []*indexedDoc {
	out := make([]*indexedDoc, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if docOrder(a[0], b[0]) <= 0 {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// indexDocs turns a batch the store read into indexed documents, reading
// due dates with the tracker's rules.
func (t *Tracker) indexDocs(n *names, b *entente.CommitmentBatch) ([]*indexedDoc, error) {
	ids := func(ss []string) ([]uint16, error) {
		out := make([]uint16, len(ss))
		for i, s := range ss {
			id, err := n.id(s)
			if err != nil {
				return nil, err
			}
			out[i] = id
		}
		return out, nil
	}
	byID := make(map[int64]*indexedDoc, len(b.Documents))
	docs := make([]*indexedDoc, 0, len(b.Documents))
	for _, sd := range b.Documents {
		stored, err := ids(sd.Parties)
		if err != nil {
			return nil, err
		}
		d := &indexedDoc{id: sd.ID, withdrawn: sd.Withdrawn, parties: stored, date: sd.SignedDate}
		byID[sd.ID] = d
		docs = append(docs, d)
	}
	seen := map[int64]bool{}
	for i := range b.Commitments {
		c := &b.Commitments[i].TrackedCommitment
		d := byID[c.DocumentID]
		if d == nil {
			continue
		}
		if !seen[d.id] {
			// the document as corrected, which every commitment of it carries
			seen[d.id] = true
			d.date = c.SignedDate
			var err error
			if d.parties, err = ids(c.Parties); err != nil {
				return nil, err
			}
		}
		ic, err := t.indexCommitment(n, d, &b.Commitments[i])
		if err != nil {
			return nil, err
		}
		d.commitments = append(d.commitments, ic)
	}
	// the arrays as long as what they hold: appending left them up to
	// twice that, a fifth of the index's memory
	for _, d := range docs {
		d.commitments, d.vals = slices.Clone(d.commitments), slices.Clone(d.vals)
	}
	return docs, nil
}

func (t *Tracker) indexCommitment(n *names, d *indexedDoc, l *entente.ListedCommitment) (indexedCommitment, error) {
	c := &l.TrackedCommitment
	ic := indexedCommitment{sentence: l.SentenceID, id: c.ID, rank: uint8(StatusRank(c)), off: uint32(len(d.vals))}
	if len(c.Sentence.Actors) > 255 || len(c.Sentence.Areas) > 255 || len(c.Statuses) > 255 || len(d.vals) > 1<<31 {
		return ic, fmt.Errorf("sentence %d: %w", l.SentenceID, errUnindexable)
	}
	var err error
	if ic.strength, err = n.id(string(c.Sentence.Strength)); err != nil {
		return ic, err
	}
	ic.actors, ic.areas, ic.statuses = uint8(len(c.Sentence.Actors)), uint8(len(c.Sentence.Areas)), uint8(len(c.Statuses))
	for _, s := range append(slices.Clip(c.Sentence.Actors), c.Sentence.Areas...) {
		id, err := n.id(s)
		if err != nil {
			return ic, err
		}
		d.vals = append(d.vals, id)
	}
	for _, s := range c.Statuses {
		id, err := n.id(s.Party)
		if err != nil {
			return ic, err
		}
		d.vals = append(d.vals, id, statusID(s.Status))
		if s.Status != entente.Fulfilled && s.Status != entente.Superseded {
			ic.open = true
		}
	}
	if c.Sentence.Deadline != nil && t.Rules != nil {
		if due := t.Rules.Due(*c.Sentence.Deadline, c.Sentence.Text, c.SignedDate); due != nil {
			ic.due = dayNumber(due.Date)
		}
	}
	return ic, nil
}

// StatusRank orders commitments by status, least advanced first: the
// place in entente.Statuses of the first party's status (0 with none).
func StatusRank(c *entente.TrackedCommitment) int {
	if len(c.Statuses) == 0 {
		return 0
	}
	return max(0, slices.Index(entente.Statuses, c.Statuses[0].Status))
}

// Warm reads the index of the commitments if the tracker holds none for
// the collection as it stands, so that the first reader of the table after
// a server starts does not wait for it (reading every commitment: 3 to 4 s
// of CPU per 100,000 commitments). Reads that come meanwhile wait for the same one.
func (t *Tracker) Warm(ctx context.Context) error {
	_, _, _, err := t.commitmentIndexSaving(ctx, warmSnapshotWait)
	return err
}
