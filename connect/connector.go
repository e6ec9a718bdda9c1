package connect

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/align"
	"github.com/entente/entente/internal/hugepages"
	"github.com/entente/entente/lexicon"
)

// Store is what the connector needs of a store.
type Store interface {
	RegistryInput(ctx context.Context) (*entente.RegistryInput, error)
	// RegistryInputAfter reads what was added past a mark, or reports
	// false when anything else changed.
	RegistryInputAfter(ctx context.Context, mark entente.RegistryMark) (*entente.RegistryInput, bool, error)
	RegistrySignature(ctx context.Context) (now, built string, err error)
	RegistryDecisions(ctx context.Context) ([]entente.RegistryDecision, error)
	SaveRegistry(ctx context.Context, entries []entente.BuiltEntry, signature string, d *entente.RegistryDecision) ([]int64, error)
	RegistryEntry(ctx context.Context, id int64, mentions int) (*entente.RegistryEntry, error)
	Document(ctx context.Context, id int64) (*entente.StoredDocument, error)
	// DocumentHeadings and DocumentOutlines are what align.VersionsOf
	// compares of two documents, read without their sentences.
	DocumentHeadings(ctx context.Context, ids []int64) (map[int64]entente.Document, error)
	DocumentOutlines(ctx context.Context, ids []int64) (map[int64]entente.Outline, error)
	UserByID(ctx context.Context, id int64) (*entente.User, error)
	// VersionLinkDecisions are the pairs of documents linked as versions
	// of one statement (at ingest or by an editor), or unlinked by one.
	VersionLinkDecisions(ctx context.Context) ([]entente.VersionLink, error)
}

// Connector keeps the registry in step with the library and applies
// editors' decisions. One rebuild runs at a time.
type Connector struct {
	Store Store
	// Log receives the errors of rebuilds run in the background (nil:
	// slog's default).
	Log *slog.Logger
	// Parties finds the parties a name names (nil: none are found, and
	// names of mechanisms and projects join only among the same parties).
	Parties PartyFinder

	// SlowRebuild is how long a rebuild may take before the background
	// rests after it (rest); 0 means DefaultSlowRebuild.
	SlowRebuild time.Duration
	// Now is the time rests are counted in; nil means time.Now (tests
	// set it).
	Now func() time.Time

	mu      sync.Mutex     // one rebuild at a time
	running atomic.Bool    // a rebuild runs in the background
	bg      sync.WaitGroup // the background rebuilds

	restMu   sync.Mutex
	restEnds time.Time // no background rebuild starts before

	kept      *keptInputs // what the last build read (guarded by mu)
	keptTimer *time.Timer // forgets kept

	// SnapshotAfter is how many documents a build must have read since
	// the store's snapshot of the input for it to write a new one; 0
	// means DefaultSnapshotAfter.
	SnapshotAfter int
}

// keptInputs are what a build read of the library, while it is as it was
// (its signature).
type keptInputs struct {
	signature string
	in        *entente.RegistryInput
	links     []Link
	carried
	// base is the build of in and links before the editors' decisions
	// (prepare), made by the first decision's build
	base  *builder
	until time.Time
	// unsaved is how many documents were read since the store's snapshot
	// of the input (input_snapshot.go), -1 when none is of these inputs
	unsaved int
}

// carried is what a build found of the documents it read that holds
// while documents are only added: the next build with documents added
// takes it over rather than find it again.
type carried struct {
	// unlike are the pairs of documents no editor decided on that were
	// compared and are not versions of one statement
	unlike map[[2]int64]bool
	// aligned are the pairs of versions of one statement found, with
	// what their sentences' alignment gave, by their documents
	aligned map[[2]int64]*alignedPair
	// titleKeys are the keys of the documents' titles, in their order
	// (documents are only added after them): the key of 100,000 titles
	// took a tenth of a rebuild after an upload
	titleKeys []string
}

// keepInputs is how long the inputs a build read are kept for the next
// build. An editor merges, splits and renames several entries in a row,
// and each decision builds the registry again: at 100,000 statements
// reading the library took 4 of each build's 9 s, for the same library.
// A server rebuilds after every upload, and an upload adds documents and
// nothing else: the next build reads only those (RegistryInputAfter).
// The inputs (some 830,000 names there, a few hundred MB) are let go after
// this long without a build.
const keepInputs = 10 * time.Minute

// DefaultSlowRebuild is how long a rebuild may take before the background
// rests after it. At 100,000 statements a rebuild takes some 20 s of a
// core, and a server starts one after every upload that changes the
// library: a steady stream of uploads kept a core rebuilding. After a
// rebuild slower than this the background waits twice as long as it took
// before it starts the next (the watcher's next tick does), so rebuilds
// take at most a third of a core and the registry lags the library by up
// to three rebuilds' time; a library that rebuilds faster is not held
// back at all.
const DefaultSlowRebuild = 2 * time.Second

// New returns a connector over st that finds parties in names by the
// lexicon's country table.
func New(st Store) (*Connector, error) {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		return nil, fmt.Errorf("registry: %w", err)
	}
	return &Connector{Store: st, Parties: NewParties(cs)}, nil
}

// Summary says what a rebuild made.
type Summary struct {
	Entries   int `json:"entries"`
	Items     int `json:"items"`
	Links     int `json:"links"`
	Decisions int `json:"decisions"`
}

// Fresh rebuilds the registry if the library changed since it was built.
func (c *Connector) Fresh(ctx context.Context) error {
	now, built, err := c.Store.RegistrySignature(ctx)
	if err != nil {
		return err
	}
	if now == built {
		return nil
	}
	_, err = c.Rebuild(ctx)
	return err
}

// FreshOrLater brings the registry up to date with the library: at once
// when it was never built, else in the background, while readers go on
// with the registry as it stands (a rebuild of a large library takes
// seconds). It reports whether the registry is behind the library.
func (c *Connector) FreshOrLater(ctx context.Context) (bool, error) {
	now, built, err := c.Store.RegistrySignature(ctx)
	if err != nil {
		return false, err
	}
	switch {
	case now == built:
		return false, nil
	case built == "":
		_, err := c.Rebuild(ctx)
		return false, err
	}
	c.background(ctx)
	return true, nil
}

// Behind reports whether the registry is behind the library (or was
// never built), reading only: a read of the registry never rebuilds it.
func (c *Connector) Behind(ctx context.Context) (bool, error) {
	now, built, err := c.Store.RegistrySignature(ctx)
	if err != nil {
		return false, err
	}
	return now != built, nil
}

// Later starts a rebuild in the background when the registry is behind
// the library and none runs: what a write calls once it is done, and what
// a server calls now and then for the writes of other processes. It
// reports whether the registry is behind.
func (c *Connector) Later(ctx context.Context) (bool, error) {
	behind, err := c.Behind(ctx)
	if err != nil || !behind {
		return false, err
	}
	c.background(ctx)
	return true, nil
}

// background runs one rebuild in the background unless one runs or the
// background rests after a slow one (DefaultSlowRebuild).
func (c *Connector) background(ctx context.Context) {
	if c.resting() || !c.running.CompareAndSwap(false, true) {
		return
	}
	c.bg.Add(1)
	go func() {
		defer c.bg.Done()
		defer c.running.Store(false)
		start := time.Now()
		_, err := c.Rebuild(context.WithoutCancel(ctx))
		c.rest(time.Since(start))
		if err != nil {
			c.log().Error("registry rebuild", "err", err)
		}
	}()
}

// resting says whether the background rests after a slow rebuild.
func (c *Connector) resting() bool {
	c.restMu.Lock()
	defer c.restMu.Unlock()
	return c.now().Before(c.restEnds)
}

// rest makes the background rest twice as long as a rebuild that took
// longer than SlowRebuild.
func (c *Connector) rest(took time.Duration) {
	slow := c.SlowRebuild
	if slow <= 0 {
		slow = DefaultSlowRebuild
	}
	if took <= slow {
		return
	}
	c.restMu.Lock()
	defer c.restMu.Unlock()
	c.restEnds = c.now().Add(2 * took)
}

func (c *Connector) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Watch calls Later every interval until ctx ends, so that the registry
// follows the writes of other processes (a CLI ingest, another server on
// the same PostgreSQL) and is built once at start.
func (c *Connector) Watch(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := c.Later(ctx); err != nil && ctx.Err() == nil {
			c.log().Error("registry signature", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Wait waits for the rebuilds running in the background.
func (c *Connector) Wait() { c.bg.Wait() }

// Rebuild builds the registry again from every stored extraction and
// replays the editors' decisions.
func (c *Connector) Rebuild(ctx context.Context) (*Summary, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sum, _, err := c.rebuild(ctx, nil, false)
	return sum, err
}

// RebuildWhole is Rebuild from a whole read of the library, whatever was
// kept from an earlier build or written down in the store's snapshot of
// the input (which it writes anew): what entente registry rebuild runs,
// the way back to the library itself should anything kept be in doubt.
func (c *Connector) RebuildWhole(ctx context.Context) (*Summary, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	sum, _, err := c.rebuild(ctx, nil, true)
	return sum, err
}

// rebuild builds and saves the registry with d (if not nil) as the
// newest decision, stored in the same transaction; from a whole read of
// the library if whole, else from what it can keep (inputs).
func (c *Connector) rebuild(ctx context.Context, d *entente.RegistryDecision, whole bool) (*Summary, []int64, error) {
	sig, _, err := c.Store.RegistrySignature(ctx)
	if err != nil {
		return nil, nil, err
	}
	if p, ok := c.Store.(savedPrefetcher); ok {
		p.PrefetchSavedRegistry(ctx) // on the other core while this one reads and builds
	}
	in, links, err := c.inputs(ctx, sig, whole)
	if err != nil {
		return nil, nil, err
	}
	ds, err := c.Store.RegistryDecisions(ctx)
	if err != nil {
		return nil, nil, err
	}
	if d != nil {
		ds = append(ds, *d)
	}
	entries := c.build(in, links, ds, d != nil)
	ids, err := c.Store.SaveRegistry(ctx, entries, sig, d)
	if err != nil {
		return nil, nil, err
	}
	c.keepSnapshot(ctx)
	return &Summary{Entries: len(entries), Items: len(in.Items), Links: len(links), Decisions: len(ds)}, ids, nil
}

// savedPrefetcher is a store that can read the registry as stored ahead
// of a save that compares with it, when it keeps no copy of its own (a
// process that has not saved one yet: sqlstore/registry_prefetch.go).
type savedPrefetcher interface {
	PrefetchSavedRegistry(ctx context.Context)
}

// build builds the registry of in and its links with the decisions ds:
// from the builder kept with in (prepared once, then copied for each
// build), as an editor's decisions in a row are built, or anew. A
// decision's build (deciding) keeps the builder it prepares: an editor
// makes several in a row, and the builder holds some 100 MB at 100,000
// statements, which a server that only ingests need not keep. The caller
// holds mu.
func (c *Connector) build(in *entente.RegistryInput, links []Link, ds []entente.RegistryDecision, deciding bool) []entente.BuiltEntry {
	k := c.kept
	if k == nil || k.in != in {
		return Build(*in, links, ds, c.Parties)
	}
	if k.base == nil && !deciding {
		b := prepareTitled(*in, links, c.Parties, k.titleKeys)
		k.titleKeys = b.titleKeys
		return b.decide(ds).entries()
	}
	if k.base == nil {
		k.base = prepareTitled(*in, links, c.Parties, k.titleKeys)
		k.titleKeys = k.base.titleKeys
		k.base.prepared = k.base.prepareEntries()
	}
	return k.base.clone().decide(ds).entries()
}

// inputs returns what a build of the library of signature sig reads: the
// names and documents, and the links of aligned versions. A build keeps
// them for the next (keepInputs): the next reads nothing if the library
// is as it was, and only the documents added or changed since (the
// store's RegistryInputAfter), as after an ingest or a re-extraction. A
// connector that holds nothing reads the store's snapshot of the input
// and what was added since (fromSnapshot). Build does not change them.
// whole reads the library itself, whatever was kept or written down. The
// caller holds mu.
func (c *Connector) inputs(ctx context.Context, sig string, whole bool) (*entente.RegistryInput, []Link, error) {
	if k := c.kept; k != nil && !whole && c.now().Before(k.until) {
		if k.signature == sig {
			c.keep(k)
			return k.in, k.links, nil
		}
		added, ok, err := c.Store.RegistryInputAfter(ctx, k.in.Mark)
		if err != nil {
			return nil, nil, err
		}
		if ok {
			from := k.carried.without(added.Replaced, k.in.Documents)
			in := withChanged(k.in, added)
			c.forgetLocked() // laid out in its arrays, k.in is no longer what it was
			return c.linkAndKeep(ctx, sig, in, from, addUnsaved(k.unsaved, readSince(added)))
		}
	}
	c.forgetLocked()
	if !whole {
		if s, unsaved := c.fromSnapshot(ctx, sig); s != nil {
			return c.linkAndKeep(ctx, sig, s.in, carried{unlike: s.unlike, aligned: s.aligned, titleKeys: s.titleKeys}, unsaved)
		}
	}
	in, err := c.Store.RegistryInput(ctx)
	if err != nil {
		return nil, nil, err
	}
	return c.linkAndKeep(ctx, sig, in, carried{}, -1)
}

// readSince is how many documents a read past a mark counts toward the
// next snapshot: those it read, and those it replaced (a document deleted
// is read as none, but a new process would read its change again).
func readSince(added *entente.RegistryInput) int {
	return len(added.Documents) + len(added.Replaced)
}

// addUnsaved counts n documents more read since the snapshot, of unsaved
// (-1: no snapshot is of the inputs).
func addUnsaved(unsaved, n int) int {
	if unsaved < 0 {
		return unsaved
	}
	return unsaved + n
}

// linkAndKeep finds the links of aligned versions in the input in of the
// library of signature sig, and keeps both for the next build; from is
// what an earlier build of the same documents found (empty for none), and
// unsaved the documents read since the store's snapshot of the input (-1:
// none is of in).
func (c *Connector) linkAndKeep(ctx context.Context, sig string, in *entente.RegistryInput, from carried, unsaved int) (*entente.RegistryInput, []Link, error) {
	unlike := from.unlike
	if unlike == nil {
		unlike = map[[2]int64]bool{}
	}
	vs, err := c.versions(ctx, in, unlike, from.aligned)
	if err != nil {
		return nil, nil, err
	}
	pairs := alignPairs(*in, vs)
	k := &keptInputs{signature: sig, in: in, links: linksOf(*in, pairs), unsaved: unsaved,
		carried: carried{unlike: unlike, aligned: make(map[[2]int64]*alignedPair, len(pairs)), titleKeys: from.titleKeys}}
	for i := range pairs {
		k.aligned[pairs[i].docs] = &pairs[i]
	}
	c.keep(k)
	return k.in, k.links, nil
}

// keep keeps k for the next build, for keepInputs from now; the caller
// holds mu.
func (c *Connector) keep(k *keptInputs) {
	if c.keptTimer != nil {
		c.keptTimer.Stop()
	}
	k.until = c.now().Add(keepInputs)
	c.kept = k
	c.keptTimer = time.AfterFunc(keepInputs, func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.kept == k {
			c.forgetLocked()
		}
	})
}

// withAdded returns the input in with what was added since it was read,
// in the order a whole read gives (the references, then the mechanisms
// and projects, then the names analysts added; documents by id), so
// that the build makes what it makes of a whole read: the first item of
// a group gives its reasons. It lays the merged input out in in's arrays
// where they have room, moving the parts that follow each addition (a
// new array of 830,000 items took a second of a rebuild, most of it the
// kernel's faults on fresh memory): in is no longer what it was.
func withAdded(in, added *entente.RegistryInput) *entente.RegistryInput {
	out := &entente.RegistryInput{Mark: added.Mark, Documents: append(in.Documents, added.Documents...)}
	a, aok := itemParts(in.Items)
	b, bok := itemParts(added.Items)
	if !aok || !bok {
		// not in the parts' order: merged item by item
		out.Items = hugepages.Make[entente.RegistryItem](0, len(in.Items)+len(added.Items))
		for p := range 3 {
			for _, items := range [][]entente.RegistryItem{in.Items, added.Items} {
				for i := range items {
					if itemPart(&items[i]) == p {
						out.Items = append(out.Items, items[i])
					}
				}
			}
		}
		return out
	}
	n := len(in.Items) + len(added.Items)
	items := in.Items
	if cap(items) < n {
		// room for the next additions too
		items = hugepages.Make[entente.RegistryItem](len(in.Items), n+n/8)
		copy(items, in.Items)
	}
	items = items[:n]
	// each kept part moves right by what was added before it, the last
	// first, so that no part is written over before it has moved
	for p := 2; p >= 1; p-- {
		copy(items[a[p]+b[p]:], items[a[p]:a[p+1]])
	}
	for p := range 3 {
		copy(items[a[p+1]+b[p]:], added.Items[b[p]:b[p+1]])
	}
	out.Items = items
	return out
}

// itemPart is the part of the input an item belongs to, in the order a
// whole read gives: the references, the mechanisms and projects, the
// names analysts added.
func itemPart(it *entente.RegistryItem) int {
	switch {
	case it.RowID == 0:
		return 2 // a name an analyst added
	case it.Kind == entente.RegInstrument:
		return 0 // a citation
	}
	return 1 // a mechanism or project
}

// itemParts returns where each part of items begins (part p is
// items[at[p]:at[p+1]]), and false if items are not in the parts' order.
func itemParts(items []entente.RegistryItem) (at [4]int, ok bool) {
	at[3] = len(items)
	last := 0
	for i := range items {
		p := itemPart(&items[i])
		if p < last {
			return at, false
		}
		for ; last < p; last++ {
			at[last+1] = i
		}
	}
	for ; last < 2; last++ {
		at[last+1] = len(items)
	}
	return at, true
}

// forgetLocked lets the kept inputs go; the caller holds mu.
func (c *Connector) forgetLocked() {
	if c.keptTimer != nil {
		c.keptTimer.Stop()
	}
	c.kept, c.keptTimer = nil, nil
}

// versions finds the statements stored twice, in two languages: the pairs
// of documents linked as versions (by the matcher at ingest or by an
// editor), and the documents of the same parties signed the same day in
// different languages that align.Versions reads as one statement, unless an
// editor unlinked them. The pairs in unlike are not compared again, and
// the pairs compared and found unlike are added to it; the pairs in
// aligned are versions as an earlier build found, neither compared nor
// read again.
func (c *Connector) versions(ctx context.Context, in *entente.RegistryInput, unlike map[[2]int64]bool, aligned map[[2]int64]*alignedPair) ([]Versions, error) {
	decisions, err := c.Store.VersionLinkDecisions(ctx)
	if err != nil {
		return nil, err
	}
	decided := map[[2]int64]bool{}
	for _, l := range decisions {
		decided[[2]int64{l.Document, l.Other}] = l.Linked
	}
	// the documents by id, and by date and parties as pointers into
	// in.Documents: two maps of copies of them allocated 48 MB a build at
	// 100,000 statements
	docs := make(map[int64]bool, len(in.Documents))
	by := map[string][]*entente.RegistryDocument{}
	var ps []string
	for i := range in.Documents {
		d := &in.Documents[i]
		docs[d.ID] = true
		if d.SignedDate == nil || len(d.Parties) == 0 {
			continue
		}
		ps = append(ps[:0], d.Parties...)
		slices.Sort(ps)
		k := *d.SignedDate + "|" + strings.Join(ps, ",")
		by[k] = append(by[k], d)
	}
	// the documents read for the pair at hand: those of one date and
	// parties at a time (a document is of one), so that a library's
	// documents are not all held at once (the extractions of the pairs
	// found are, in out)
	cache := map[int64]*entente.StoredDocument{}
	load := func(id int64) (*entente.StoredDocument, error) {
		if d, ok := cache[id]; ok {
			return d, nil
		}
		d, err := c.Store.Document(ctx, id)
		if err != nil {
			return nil, err
		}
		cache[id] = d
		return d, nil
	}
	var out []Versions
	seen := map[[2]int64]bool{}
	// pair adds documents x and y as versions
	pair := func(x, y int64) error {
		key := [2]int64{min(x, y), max(x, y)}
		if seen[key] {
			return nil
		}
		seen[key] = true
		if p := aligned[key]; p != nil {
			out = append(out, Versions{Title: p.title, A: p.a, B: p.b, LangA: p.langA, LangB: p.langB, docs: key, aligned: p})
			return nil
		}
		a, err := load(key[0])
		if err != nil {
			return err
		}
		b, err := load(key[1])
		if err != nil {
			return err
		}
		if a.Extraction == nil || b.Extraction == nil || len(a.Versions) == 0 || len(b.Versions) == 0 {
			return nil
		}
		out = append(out, Versions{Title: a.Title, A: a.Versions[0].ID, B: b.Versions[0].ID, XA: a.Extraction, XB: b.Extraction,
			LangA: a.Versions[0].Language, LangB: b.Versions[0].Language, docs: key})
		return nil
	}
	for _, l := range decisions {
		if l.Linked && docs[l.Document] && docs[l.Other] { // both in the library the registry reads (not withdrawn)
			if err := pair(l.Document, l.Other); err != nil {
				return nil, err
			}
		}
	}
	clear(cache)
	// The pairs no one decided on are compared as the matcher at ingest
	// compares them (align.VersionsOf), by their headings and outlines,
	// read a few hundred documents at a time; only a pair that reads as
	// versions is read whole. Reading every pair whole took 4 of the 16 s
	// a rebuild took at 100,000 statements, for pairs that were seldom
	// versions (docs/decisions.md, "The registry's rebuild at 100,000
	// statements").
	var undecided [][2]int64
	var ids []int64
	compare := func() error {
		err := c.undecidedVersions(ctx, undecided, ids, pair, unlike, aligned)
		clear(cache)
		undecided, ids = undecided[:0], ids[:0]
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(by)) {
		for _, key := range peers(by[k]) {
			if linked, ok := decided[key]; (ok && !linked) || seen[key] || unlike[key] {
				continue // an editor said they are not one statement, or they are linked, or read unlike
			}
			undecided = append(undecided, key)
			if aligned[key] == nil {
				ids = append(ids, key[0], key[1])
			}
			if len(ids) >= 8*versionsReadTogether { // a day of many statements
				if err := compare(); err != nil {
					return nil, err
				}
			}
		}
		if len(ids) >= versionsReadTogether {
			if err := compare(); err != nil {
				return nil, err
			}
		}
	}
	if err := compare(); err != nil {
		return nil, err
	}
	return out, nil
}

// maxVersionPeers bounds the documents of one day and parties in other
// languages a document is compared with, as the matcher at ingest bounds
// its candidates (sqlstore's maxVersionCandidates): a library whose
// documents share a date by mistake (a collection imported with one date
// for all) would otherwise make pairs by the square of that day's
// documents.
const maxVersionPeers = 50

// peers returns the pairs of documents ds (of one day and parties) in two
// languages, smaller id first: each document with at most maxVersionPeers
// of the documents after it.
func peers(ds []*entente.RegistryDocument) [][2]int64 {
	var out [][2]int64
	for i := range ds {
		n := 0
		for j := i + 1; j < len(ds) && n < maxVersionPeers; j++ {
			if ds[i].Language == ds[j].Language {
				continue
			}
			n++
			out = append(out, [2]int64{min(ds[i].ID, ds[j].ID), max(ds[i].ID, ds[j].ID)})
		}
	}
	return out
}

// versionsReadTogether is about how many documents' headings the check of
// undecided pairs reads at once.
const versionsReadTogether = 512

// undecidedVersions calls add for each of pairs (of the documents ids)
// that align.VersionsOf reads as versions of one statement: the headings
// of all, then the outlines of those whose headings agree. The pairs read
// as two statements are added to unlike; those in aligned are versions as
// an earlier build found, and are added in their place without a read.
func (c *Connector) undecidedVersions(ctx context.Context, pairs [][2]int64, ids []int64, add func(x, y int64) error, unlike map[[2]int64]bool, aligned map[[2]int64]*alignedPair) error {
	if len(pairs) == 0 {
		return nil
	}
	slices.Sort(ids)
	var heads map[int64]entente.Document
	if len(ids) > 0 {
		var err error
		if heads, err = c.Store.DocumentHeadings(ctx, slices.Compact(ids)); err != nil {
			return err
		}
	}
	var alike [][2]int64
	var outlined []int64
	for _, p := range pairs {
		if aligned[p] != nil {
			alike = append(alike, p)
			continue
		}
		ha, okA := heads[p[0]]
		hb, okB := heads[p[1]]
		if !okA || !okB {
			continue
		}
		if same, _ := align.Headings(ha, hb); same {
			alike = append(alike, p)
			outlined = append(outlined, p[0], p[1])
		} else {
			unlike[p] = true
		}
	}
	if len(alike) == 0 {
		return nil
	}
	slices.Sort(outlined)
	var outlines map[int64]entente.Outline
	if len(outlined) > 0 {
		var err error
		if outlines, err = c.Store.DocumentOutlines(ctx, slices.Compact(outlined)); err != nil {
			return err
		}
	}
	for _, p := range alike {
		if aligned[p] != nil {
			if err := add(p[0], p[1]); err != nil {
				return err
			}
			continue
		}
		oa, okA := outlines[p[0]]
		ob, okB := outlines[p[1]]
		if !okA || !okB {
			continue // a document without a version
		}
		if ok, _ := align.VersionsOf(heads[p[0]], oa, heads[p[1]], ob); !ok {
			unlike[p] = true
		} else if err := add(p[0], p[1]); err != nil {
			return err
		}
	}
	return nil
}

// role is the role of who acts in ctx, as tracking reads it: the account
// signed in, or named at the command line; a command-line user without an
// account operates the store and may do anything.
func (c *Connector) role(ctx context.Context) entente.Role {
	if u := entente.UserFromContext(ctx); u != nil {
		return u.Role
	}
	a := entente.ActorFromContext(ctx)
	if a.UserID != 0 {
		if u, err := c.Store.UserByID(ctx, a.UserID); err == nil {
			return u.Role
		}
	}
	if a.Via == "cli" {
		return entente.RoleAdmin
	}
	return ""
}

// decide checks the actor's role, rebuilds with d as the newest decision
// and returns the entry that holds names afterwards.
func (c *Connector) decide(ctx context.Context, d *entente.RegistryDecision, names []string) (*entente.RegistryEntry, error) {
	if !c.role(ctx).AtLeast(entente.RoleEditor) {
		return nil, entente.Errorf(entente.EFORBIDDEN, "a registry %s needs the role editor or above", d.Action)
	}
	if len(d.Why) > 2000 || len(d.Name) > 500 {
		return nil, entente.Errorf(entente.EINVALID, "the name (500 bytes) or the reason (2,000 bytes) is too long")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	_, _, err := c.rebuild(ctx, d, false)
	if err != nil {
		return nil, fmt.Errorf("registry %s: %w", d.Action, err)
	}
	return c.entryNamed(ctx, d.Kind, names)
}

// entryNamed finds the entry of kind that has the first of names.
func (c *Connector) entryNamed(ctx context.Context, kind entente.RegistryKind, names []string) (*entente.RegistryEntry, error) {
	type lister interface {
		RegistryEntries(ctx context.Context, f entente.RegistryFilter) ([]entente.RegistryEntry, int, error)
	}
	l, ok := c.Store.(lister)
	if !ok || len(names) == 0 {
		return nil, nil
	}
	es, _, err := l.RegistryEntries(ctx, entente.RegistryFilter{Query: names[0], Kind: kind, Limit: 200})
	if err != nil {
		return nil, err
	}
	for i := range es {
		for _, a := range es[i].Aliases {
			if key(a.Alias) == key(names[0]) {
				return c.Store.RegistryEntry(ctx, es[i].ID, 200)
			}
		}
	}
	return nil, nil
}

func aliasNames(e *entente.RegistryEntry) []string {
	out := make([]string, len(e.Aliases))
	for i, a := range e.Aliases {
		out[i] = a.Alias
	}
	return out
}

// Merge merges entry from into entry into: every name of from becomes a
// name of into, now and after every rebuild.
func (c *Connector) Merge(ctx context.Context, from, into int64, why string) (*entente.RegistryEntry, error) {
	if from == into {
		return nil, entente.Errorf(entente.EINVALID, "an entry cannot be merged into itself")
	}
	f, err := c.Store.RegistryEntry(ctx, from, 0)
	if err != nil {
		return nil, err
	}
	t, err := c.Store.RegistryEntry(ctx, into, 0)
	if err != nil {
		return nil, err
	}
	if f.Kind != t.Kind {
		return nil, entente.Errorf(entente.EINVALID, "entry %d is a %s and entry %d a %s: only entries of one kind merge", from, f.Kind, into, t.Kind)
	}
	d := &entente.RegistryDecision{Action: entente.DecisionMerge, Kind: t.Kind, Names: aliasNames(f), Into: aliasNames(t), Why: why}
	return c.decide(ctx, d, d.Into)
}

// Split takes the named aliases (and the sentences that use them) out of
// entry id into an entry of their own, and returns the new entry.
func (c *Connector) Split(ctx context.Context, id int64, aliases []string, why string) (*entente.RegistryEntry, error) {
	e, err := c.Store.RegistryEntry(ctx, id, 0)
	if err != nil {
		return nil, err
	}
	have := map[string]string{}
	for _, a := range e.Aliases {
		have[key(a.Alias)] = a.Alias
	}
	var names []string
	for _, a := range aliases {
		n, ok := have[key(a)]
		if !ok {
			return nil, entente.Errorf(entente.EINVALID, "entry %d has no name %q (its names: %s)", id, a, strings.Join(aliasNames(e), "; "))
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		return nil, entente.Errorf(entente.EINVALID, "name the aliases to split off entry %d", id)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) == len(e.Aliases) {
		return nil, entente.Errorf(entente.EINVALID, "a split leaves entry %d at least one name", id)
	}
	d := &entente.RegistryDecision{Action: entente.DecisionSplit, Kind: e.Kind, Names: names, Why: why}
	return c.decide(ctx, d, names)
}

// Rename gives entry id a new canonical name.
func (c *Connector) Rename(ctx context.Context, id int64, name, why string) (*entente.RegistryEntry, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, entente.Errorf(entente.EINVALID, "a new name is needed")
	}
	e, err := c.Store.RegistryEntry(ctx, id, 0)
	if err != nil {
		return nil, err
	}
	d := &entente.RegistryDecision{Action: entente.DecisionRename, Kind: e.Kind, Names: aliasNames(e), Name: name, Why: why}
	out, err := c.decide(ctx, d, d.Names)
	if err != nil {
		return nil, err
	}
	return out, nil
}
