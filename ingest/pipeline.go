package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entente/entente"
)

// DefaultGroupSize is how many new documents a batch writes in one
// transaction at most, unless the store says otherwise (groupSizer).
// Groups of 128 took less CPU over 1,000 statements and more over 500
// (its extracted documents, waiting, grow the heap, and each new page of
// memory faults): docs/decisions.md, "Batch ingest, eighth round".
const DefaultGroupSize = 32

// DefaultGroupLinger is how long a batch's writer waits for the next
// input, when it is not examined yet, before writing a group less than
// half full. Much of a commit's cost is the group's rather than its
// statements' (each table's INSERT, and on SQLite a page of the log for
// every b-tree the group touches, some forty): a writer that wrote
// whenever the next input was not ready committed a batch of 300 into an
// empty store in 26–37 groups, one that waits in 6–7, and the batch took
// 8–11% less time on SQLite, about 8% on PostgreSQL; into a library of
// 100,000 no less, where each statement's random index leaves outweigh the
// group's cost (docs/decisions.md, "The batch's writer fills half a group
// before it writes"). The wait is bounded, so a slow source (an address, a
// long document) holds back what is ready by at most this long.
const DefaultGroupLinger = 50 * time.Millisecond

// heldBounds bound the bytes a batch holds (inFlight, heldBy): a group is
// written once it holds group, and no further input is read while the
// inputs read and not yet let go of hold all. Statements of the genre
// (10-20 kB) meet neither; the longest a limit lets in (2,000,000
// characters) meet both within a few inputs.
type heldBounds struct{ group, all int64 }

func (in *Ingester) heldBounds() heldBounds {
	if in.held.all > 0 {
		return in.held
	}
	return heldBounds{group: 64 << 20, all: 192 << 20}
}

// Batch ingests the named inputs and reports each outcome, in the order of
// inputs, once it is settled; a bad input is reported and the batch goes
// on. Reading, decoding and extraction run on every core, ahead of the
// writer; the writer stores new documents in groups that share one
// transaction (all of a group or none of it), because a commit costs about
// as much as a statement's rows. A group is written when it is full, or
// when the writer would otherwise wait and the group is half full or has
// waited GroupLinger, so a slow source holds back what is ready by at most
// that long. A cancelled ctx stops the batch after the group at hand.
func (in *Ingester) Batch(ctx context.Context, inputs []string, stdin io.Reader, report func(Outcome)) Summary {
	return in.batch(ctx, namedInputs{names: inputs, stdin: stdin, in: in}, report)
}

// BatchInputs ingests inputs already in memory (a server's queued uploads)
// as Batch ingests named ones: examined on every core, new documents
// written in groups, each outcome reported in order once settled. Every
// document is recorded under ctx's actor.
func (in *Ingester) BatchInputs(ctx context.Context, inputs []Input, report func(Outcome)) Summary {
	return in.batch(ctx, heldInputs{in: in, inputs: inputs}, report)
}

func (in *Ingester) batch(ctx context.Context, inputs batchInputs, report func(Outcome)) Summary {
	n := inputs.count()
	workers := max(1, runtime.GOMAXPROCS(0))
	results := make([]chan *examined, n)
	for i := range results {
		results[i] = make(chan *examined, 1)
	}
	// A worker may run at most window inputs ahead of the writer, which
	// bounds the memory held by extracted documents waiting to be written.
	window := make(chan struct{}, 2*workers+in.groupSize())
	flight := newInFlight()
	// where the store says so, the writer looks near-duplicates up
	// (writer.nearStored) and the examinations only bytes and text
	wnf, nearInWriter := in.Store.(writtenNearFinder)
	nearInWriter = nearInWriter && wnf.NearInWriter()
	if ne, ok := in.Store.(nearExpecter); ok {
		ne.ExpectNearLookups(ctx, n)
	}
	// Where the store looks several inputs up in one statement
	// (inputsFinder), a worker takes a run of small inputs at once.
	at := 1
	if mf, ok := in.Store.(inputsFinder); ok {
		at = max(1, mf.InputsAtOnce())
	}
	jobs := make(chan []job)
	stop := make(chan struct{})
	// commits counts the writer's commits, so that it knows which of the
	// batch's texts an examination could already see in the store.
	var commits atomic.Int64
	// cores lets at most workers of the batch's goroutines compute at once,
	// the writer among them while it has work: a worker takes a core for
	// each run it examines. Without it the writer, which alone decides how
	// fast a batch into a large library goes, waits for a core behind the
	// workers extracting inputs it will not need for a while.
	cores := make(chan struct{}, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for run := range jobs {
				cores <- struct{}{}
				seen := commits.Load()
				in.examineRun(ctx, inputs, run, !nearInWriter, func(j job, e *examined) {
					e.seenCommits = seen
					e.held = heldBy(e) + 1
					// what it holds now for what it counted when sent
					if d := e.held - j.held; d >= 0 {
						flight.add(d)
					} else {
						flight.release(-d)
					}
					results[j.i] <- e
				})
				<-cores
			}
		}()
	}
	go func() {
		defer close(jobs)
		var run []job
		// send hands the run gathered to a worker
		send := func() bool {
			if len(run) == 0 {
				return true
			}
			select {
			case jobs <- run:
				run = nil
				return true
			case <-stop:
				return false
			}
		}
		all := in.heldBounds().all
		for i := range n {
			// The run gathered is sent before the reader waits: the
			// writer may need its inputs to let go of what it holds.
			if !flight.below(all) || len(window) == cap(window) {
				if !send() || !flight.waitBelow(all, stop) {
					return
				}
			}
			// An input counts one byte until it is read, so that the
			// next is not sent before this one's bytes are counted; a
			// small file joins a run, counted by its size until read.
			j, small := job{i: i, held: 1}, false
			if at > 1 {
				j.held, small = inputs.small(i)
			}
			if !small && !send() {
				return
			}
			flight.add(j.held)
			select {
			case window <- struct{}{}:
			case <-stop:
				return
			}
			run = append(run, j)
			if (!small || len(run) >= at) && !send() {
				return
			}
		}
		send()
	}()
	cores <- struct{}{}
	defer func() {
		<-cores
		close(stop)
		wg.Wait()
	}()

	w := &writer{in: in, report: report, sha: map[string]bool{}, text: map[string]bool{}, commits: &commits, window: cap(window), flight: flight}
	// the writer holds a core but while it waits for an input, and while
	// it waits for the log's sync (batch_sync.go)
	w.lendCore = func(f func()) {
		<-cores
		defer func() { cores <- struct{}{} }()
		f()
	}
	all := in.heldBounds().all
	for i := range n {
		var e *examined
		select {
		case e = <-results[i]:
		default:
			// Nothing ready: the core is left to the workers until it
			// is. A group at least half full is written first; a
			// smaller one waits a while for more (DefaultGroupLinger),
			// unless the reader waits for the bytes it holds.
			if 2*len(w.group) < in.groupSize() && flight.below(all) {
				<-cores
				e = waitFor(results[i], in.groupLinger())
				cores <- struct{}{}
			}
			if e == nil {
				w.flush(ctx)
				<-cores
				e = w.await(ctx, results[i])
				cores <- struct{}{}
			}
		}
		<-window
		if ctx.Err() != nil {
			break
		}
		w.take(ctx, e)
	}
	w.finish(context.WithoutCancel(ctx))
	return w.sum
}

// waitFor returns the examined input from result, or nil if it is not
// ready within linger.
func waitFor(result <-chan *examined, linger time.Duration) *examined {
	t := time.NewTimer(linger)
	defer t.Stop()
	select {
	case e := <-result:
		return e
	case <-t.C:
		return nil
	}
}

// groupLinger is the Ingester's GroupLinger, else DefaultGroupLinger.
func (in *Ingester) groupLinger() time.Duration {
	if in.GroupLinger > 0 {
		return in.GroupLinger
	}
	return DefaultGroupLinger
}

// groupSizer is a store that says how many new documents a batch should
// write in one transaction (sqlstore's BatchGroupSize; 0 for the default).
type groupSizer interface {
	BatchGroupSize() int
}

// groupSize is the most new documents a group holds: the Ingester's
// GroupSize, else the store's, else DefaultGroupSize.
func (in *Ingester) groupSize() int {
	if in.GroupSize > 0 {
		return in.GroupSize
	}
	if g, ok := in.Store.(groupSizer); ok {
		if n := g.BatchGroupSize(); n > 0 {
			return n
		}
	}
	return DefaultGroupSize
}

// batchInputs are a batch's inputs: named (files, standard input,
// addresses), read by the examinations, or already in memory.
type batchInputs interface {
	count() int
	// small says whether input i may join a run with others
	// (examineRun), and if so what it counts in flight until it is read;
	// any other counts a byte until then.
	small(i int) (held int64, ok bool)
	// decode reads and decodes input i (decodeInput).
	decode(ctx context.Context, i int) (*examined, inputFinder)
}

// namedInputs are inputs named on a command line.
type namedInputs struct {
	names []string
	stdin io.Reader
	in    *Ingester
}

func (n namedInputs) count() int                { return len(n.names) }
func (n namedInputs) small(i int) (int64, bool) { return smallInput(n.names[i]) }

func (n namedInputs) decode(ctx context.Context, i int) (*examined, inputFinder) {
	name := n.names[i]
	if ctx.Err() != nil {
		return &examined{out: Outcome{Name: name, Status: Refused, Err: ctx.Err(), Problem: ctx.Err().Error()}}, nil
	}
	input, err := n.in.read(ctx, name, n.stdin)
	if err != nil {
		return &examined{out: Outcome{Name: name, Status: Refused, Err: err, Problem: err.Error()}}, nil
	}
	return n.in.decodeInput(ctx, input)
}

// heldInputs are inputs already read into memory; decode holds them to the
// size limit, as Ingest does.
type heldInputs struct {
	in     *Ingester
	inputs []Input
}

func (h heldInputs) count() int { return len(h.inputs) }

// small: an input in memory is counted by its bytes and six times as
// many for its text, as a small file is (smallInput).
func (h heldInputs) small(i int) (int64, bool) {
	size := int64(len(h.inputs[i].Data))
	return 7*size + 1, size <= smallInputBytes
}

func (h heldInputs) decode(ctx context.Context, i int) (*examined, inputFinder) {
	input := h.inputs[i]
	if err := ctx.Err(); err != nil {
		return &examined{out: Outcome{Name: input.Name, Status: Refused, Err: err, Problem: err.Error()}}, nil
	}
	if input.RetrievedAt.IsZero() {
		input.RetrievedAt = h.in.now()
	}
	return h.in.decodeInput(ctx, input)
}

// job is an input of a batch handed to a worker: its number, and what it
// counts in the batch's inFlight until it is examined.
type job struct {
	i    int
	held int64
}

// smallInputBytes is the largest file a batch's worker takes in a run
// with others (examineRun): a run of eight holds at most some 14 MB,
// counted by the files' sizes before they are read (smallInput).
const smallInputBytes = 256 << 10

// smallInput says whether name is a file small enough to be examined in a
// run, and if so what it counts in flight until it is read: its bytes and
// six times as many for its text (heldBy, with a text no longer than its
// bytes; the count is corrected once it is read). Anything else (standard
// input, a URL, a file too large or that cannot be read) is examined on
// its own and counts a byte until it is read.
func smallInput(name string) (int64, bool) {
	if name == "-" || isURL(name) {
		return 1, false
	}
	st, err := os.Stat(name)
	if err != nil || !st.Mode().IsRegular() || st.Size() > smallInputBytes {
		return 1, false
	}
	return 7*st.Size() + 1, true
}

// examineRun examines a run of inputs and hands each to done, in order.
// Those read in the process are decoded first and looked up in one call
// (FindInputs), where each would take a statement of its own; then each is
// examined further as examine does.
func (in *Ingester) examineRun(ctx context.Context, inputs batchInputs, run []job, near bool, done func(job, *examined)) {
	mf, many := in.Store.(inputsFinder)
	if len(run) == 1 || !many {
		for _, j := range run {
			e, f := inputs.decode(ctx, j.i)
			done(j, in.examineDecoded(ctx, e, f, near))
		}
		return
	}
	es, fs := make([]*examined, len(run)), make([]inputFinder, len(run))
	var look []int
	for k, j := range run {
		es[k], fs[k] = inputs.decode(ctx, j.i)
		if !es[k].settled() && fs[k] != nil {
			look = append(look, k)
		}
	}
	var (
		srcs  = make([]*entente.Source, len(run))
		vs    = make([]*entente.Version, len(run))
		cands = make([][]entente.Version, len(run))
		err   error
	)
	if len(look) > 0 {
		bs, ts, sks := make([]string, len(look)), make([]string, len(look)), make([][]int64, len(look))
		for x, k := range look {
			bs[x], ts[x], sks[x] = es[k].src.SHA256, es[k].textSHA, es[k].sketchIf(near)
		}
		s, v, c, ferr := mf.FindInputs(ctx, bs, ts, sks)
		if err = ferr; err == nil {
			for x, k := range look {
				srcs[k], vs[k], cands[k] = s[x], v[x], c[x]
			}
		}
	}
	for k, j := range run {
		e := es[k]
		switch {
		case e.settled():
		case fs[k] == nil:
			e = in.examineText(ctx, e, near)
		default:
			e = in.examineFound(ctx, fs[k], e, srcs[k], vs[k], cands[k], err, near)
		}
		done(j, e)
	}
}

// writer is the single writer of a batch. It remembers the bytes and texts
// the batch has written, because an input examined before an earlier one
// was written could not see it in the store.
type writer struct {
	in     *Ingester
	report func(Outcome)
	sum    Summary
	queue  []*examined // in input order: settled, or waiting in group
	group  []*examined // new documents waiting to be written
	sha    map[string]bool
	text   map[string]bool
	// the sketch hashes of the new texts the batch wrote or grouped, each
	// with the texts (by number) that have it: an input examined meanwhile
	// could not find them as near-duplicates in the store
	sketches map[int64][]int
	newTexts int
	// the number of the group's first text: texts from it on are in
	// group, in order; those before it are written
	groupFrom int
	commits   *atomic.Int64
	// writtenAt is, for each new text by number, the count of commits
	// once it was written (0 while it waits in the group)
	writtenAt []int64
	recent    map[int]*recentText // texts written lately, by number
	window    int                 // how far examinations run ahead
	flight    *inFlight
	groupHeld int64 // what the group holds, counted in flight
	// unsynced counts the groups committed without a sync since the
	// last that synced, the first at unsyncedSince; the outcomes settled
	// meanwhile are held until a sync (batch_sync.go)
	unsynced      int
	unsyncedSince time.Time
	held          []Outcome
	last          bool         // the group at hand is the batch's last
	lendCore      func(func()) // runs a wait with the writer's core given up (lend)
}

// take settles or queues one examined input.
func (w *writer) take(ctx context.Context, e *examined) {
	if !e.settled() && (w.sha[e.src.SHA256] || w.text[e.textSHA] || w.pending(e)) {
		w.flush(ctx) // write the earlier input first, then look again
		w.recheck(ctx, e)
	}
	if !e.settled() && e.versionID == 0 && !e.nearChecked {
		w.nearStored(ctx, e)
	}
	if !e.settled() && e.versionID == 0 {
		// The same statement from another publisher may be among the
		// batch's new texts, which e's examination could not see. One
		// written since is compared with the text the writer keeps; one
		// still in the group is compared here, and the group written
		// first only if it is the same statement (then e becomes its
		// source): texts of the genre share enough of their sketch to be
		// candidates far more often than they are the same, and a group
		// cut short costs a commit.
		inGroup, since := w.nearBatch(e)
		same := false
		for _, k := range inGroup {
			if !e.mayBeNear(w.group[k].nearRunes()) {
				continue
			}
			if _, ok := e.nearText().SameAs(w.group[k].nearText()); ok {
				same = true
				break
			}
		}
		if same {
			w.flush(ctx)
			w.in.nearDuplicate(ctx, e)
		} else if len(since) > 0 {
			w.nearRecent(ctx, e, since)
		}
	}
	switch {
	case e.settled():
		w.flight.release(e.held)
	case e.versionID != 0:
		e.out = w.in.addSource(ctx, e, e.versionID, e.out.DocumentID)
		w.remember(e)
		w.flight.release(e.held)
	default:
		w.group = append(w.group, e)
		w.groupHeld += e.held
		if w.sketches == nil {
			w.sketches = map[int64][]int{}
		}
		for _, h := range e.nearSketch() {
			w.sketches[h] = append(w.sketches[h], w.newTexts)
		}
		w.newTexts++
		w.writtenAt = append(w.writtenAt, 0)
	}
	w.queue = append(w.queue, e)
	if len(w.group) >= w.in.groupSize() || w.groupHeld >= w.in.heldBounds().group {
		w.flush(ctx)
	}
	w.drain()
}

// pending says whether e's bytes or text are already in the group.
func (w *writer) pending(e *examined) bool {
	for _, g := range w.group {
		if g.src.SHA256 == e.src.SHA256 || g.textSHA == e.textSHA {
			return true
		}
	}
	return false
}

// nearBatch finds the new texts of the batch that share enough of their
// sketch with e's to be near-duplicates of it: those still in the group
// (by their place in it), and those written since e's examination looked
// in the store (by their number), which that look-up could not see. One
// written before, it saw: looking again would find what it found (and
// cost the single writer a query and the comparisons for nearly every
// text of one genre).
func (w *writer) nearBatch(e *examined) (inGroup, since []int) {
	if len(w.sketches) == 0 {
		return nil, nil
	}
	shared := map[int]int{}
	for _, h := range e.nearSketch() {
		for _, t := range w.sketches[h] {
			if shared[t]++; shared[t] != entente.NearMinShared {
				continue
			}
			switch {
			case t >= w.groupFrom:
				inGroup = append(inGroup, t-w.groupFrom)
			case !e.nearChecked || w.writtenAt[t] > e.seenCommits:
				since = append(since, t)
			}
		}
	}
	return inGroup, since
}

// nearStored looks e's near-duplicates up in the store, where the batch's
// examinations left them to the writer (writtenNearFinder) or their look-up
// failed: through the writing connection where the store offers it
// (NearVersionsWritten), whose page cache holds what the batch wrote.
// Everything the batch wrote before is in the store by now, so only the
// texts still in the group remain to compare (nearBatch). A failed look-up
// leaves e unchecked: the batch's written texts are then compared with it
// as they are kept (nearRecent).
func (w *writer) nearStored(ctx context.Context, e *examined) {
	nf, ok := w.in.Store.(nearFinder)
	if !ok {
		return
	}
	look := nf.NearVersions
	if ww, ok := nf.(writtenNearFinder); ok {
		look = ww.NearVersionsWritten
	}
	vs, err := look(ctx, e.nearSketch())
	if err != nil {
		w.in.logger().Warn("near-duplicate look-up failed", "name", e.input.Name, "err", err)
		return
	}
	if !w.in.nearAmong(ctx, nf, e, vs) && e.nearChecked {
		e.seenCommits = w.commits.Load()
	}
}

// nearRecent compares e with the batch's texts written since its
// examination looked in the store, which the writer keeps read for the
// measure (recentTexts): one that is the same statement makes e its
// source. A text no longer kept (it cannot be, as examinations run at
// most a window ahead) is looked up in the store as ingest does. These
// are compared whether or not they are among the store's few best
// candidates, so a batch finds at least what texts ingested one by one
// would.
func (w *writer) nearRecent(ctx context.Context, e *examined, since []int) {
	for _, t := range since {
		r := w.recent[t]
		if r == nil {
			w.in.nearDuplicate(ctx, e)
			return
		}
		if !e.mayBeNear(r.runes) {
			continue
		}
		m, same := e.nearText().SameAs(r.nearText())
		if !same {
			continue
		}
		v, err := w.in.Store.VersionByTextSHA256(ctx, r.textSHA)
		if err != nil {
			w.in.logger().Warn("near-duplicate look-up failed", "name", e.input.Name, "err", err)
			return
		}
		e.versionID, e.out.DocumentID = v.ID, v.DocumentID
		e.src.Text, e.src.Coverage = e.text, m.Coverage
		return
	}
}

// recentText is a text the batch wrote, kept for the near-duplicate
// measure: the text, read for the measure when first compared (most are
// never compared, and a text read takes four times its letters' bytes).
type recentText struct {
	text    string
	near    *entente.NearText
	textSHA string
	runes   int // as examined.nearRunes
}

// nearText is the kept text read for the measure, once.
func (r *recentText) nearText() *entente.NearText {
	if r.near == nil {
		r.near = entente.NewNearText(r.text)
	}
	return r.near
}

// keepRecent keeps the texts of the group just written, by number, and
// lets go of those every examination still to come has seen in the store.
func (w *writer) keepRecent() {
	if w.recent == nil {
		w.recent = map[int]*recentText{}
	}
	for k, e := range w.group {
		if e.out.Status == Added {
			w.recent[w.groupFrom+k] = &recentText{text: e.text, near: e.near, textSHA: e.textSHA, runes: e.nearRunes()}
		}
	}
	// an examination runs at most window inputs ahead of the writer
	keep := 2*(w.window+w.in.groupSize()) + 2
	var held int
	for t, r := range w.recent {
		if t < w.newTexts-keep {
			delete(w.recent, t)
		} else {
			held += len(r.text)
		}
	}
	// Long texts are let go of sooner, the oldest first: one let go of is
	// looked up in the store if an examination needs it (nearRecent).
	for t := w.newTexts - keep; held > int(w.in.heldBounds().all/4) && t < w.newTexts; t++ {
		if r, ok := w.recent[t]; ok {
			held -= len(r.text)
			delete(w.recent, t)
		}
	}
}

// recheck looks e's bytes and text up again, after the batch wrote an input
// with the same bytes or text.
func (w *writer) recheck(ctx context.Context, e *examined) {
	refuse := func(err error) {
		e.out.Status, e.out.Err, e.out.Problem = Refused, err, err.Error()
	}
	if src, err := w.in.Store.SourceBySHA256(ctx, e.src.SHA256); err == nil {
		e.out.Status, e.out.DocumentID, e.out.SourceID = AlreadyHave, src.DocumentID, src.ID
		return
	} else if !errors.Is(err, entente.ErrNotFound) {
		refuse(fmt.Errorf("%s: look up source: %w", e.input.Name, err))
		return
	}
	if v, err := w.in.Store.VersionByTextSHA256(ctx, e.textSHA); err == nil {
		e.versionID, e.out.DocumentID = v.ID, v.DocumentID
	} else if !errors.Is(err, entente.ErrNotFound) {
		refuse(fmt.Errorf("%s: look up text: %w", e.input.Name, err))
	}
}

// flush writes the group in one transaction. If that fails (another
// process stored one of them meanwhile, say), each is written alone, so
// that one bad document does not cost the others.
func (w *writer) flush(ctx context.Context) {
	if len(w.group) > 0 {
		docs := make([]*entente.NewDocument, len(w.group))
		for i, e := range w.group {
			docs[i] = e.newDocument(w.in)
		}
		wctx, deferred := w.writeContext(ctx)
		ids, err := w.in.Store.CreateDocuments(wctx, docs)
		if err == nil {
			w.wrote(deferred)
		}
		var added []*Outcome
		for i, e := range w.group {
			if err == nil {
				e.out = w.in.added(ctx, e, ids[i])
				added = append(added, &e.out)
			} else {
				e.out = w.in.store(ctx, e)
			}
			w.remember(e)
		}
		w.in.linkNew(wctx, added)
		n := w.commits.Add(1)
		for t := w.groupFrom; t < w.newTexts; t++ {
			w.writtenAt[t] = n
		}
		w.keepRecent()
		w.group = w.group[:0]
		w.groupFrom = w.newTexts
		w.flight.release(w.groupHeld)
		w.groupHeld = 0
		w.syncDue(ctx)
	}
	w.drain()
}

// remember records a written input's bytes and text.
func (w *writer) remember(e *examined) {
	if e.out.Status != Refused {
		w.sha[e.src.SHA256] = true
		w.text[e.textSHA] = true
	}
}

// drain takes the settled outcomes at the head of the queue and reports
// them once what they stored is durable (reportHeld).
func (w *writer) drain() {
	n := 0
	for _, e := range w.queue {
		if !e.settled() {
			break
		}
		w.hold(e.out)
		n++
	}
	clear(w.queue[:n])
	w.queue = w.queue[n:]
	w.reportHeld()
}
