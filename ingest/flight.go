package ingest

import "sync"

// inFlight counts the bytes a batch holds between reading an input and
// letting go of it (written, or settled without a write), so that the
// batch reads no further input while they are over a bound. A count of
// inputs alone bounds nothing when inputs are large: a group of 128
// statements of the longest kind a limit lets in holds gigabytes.
//
// Only the reader of new inputs waits; the workers and the writer never
// do, so the inputs already read are always written and the bytes always
// come down.
type inFlight struct {
	mu    sync.Mutex
	bytes int64
	freed chan struct{} // a signal, buffered: some bytes were let go
}

func newInFlight() *inFlight { return &inFlight{freed: make(chan struct{}, 1)} }

func (f *inFlight) add(n int64) {
	f.mu.Lock()
	f.bytes += n
	f.mu.Unlock()
}

func (f *inFlight) release(n int64) {
	f.mu.Lock()
	f.bytes -= n
	f.mu.Unlock()
	select {
	case f.freed <- struct{}{}:
	default:
	}
}

// below says whether fewer than limit bytes are held.
func (f *inFlight) below(limit int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.bytes < limit
}

// waitBelow returns once fewer than limit bytes are held, or false when
// stop closes first.
func (f *inFlight) waitBelow(limit int64, stop <-chan struct{}) bool {
	for {
		f.mu.Lock()
		below := f.bytes < limit
		f.mu.Unlock()
		if below {
			return true
		}
		select {
		case <-f.freed:
		case <-stop:
			return false
		}
	}
}

// heldBy is what an examined input holds in memory, as counted in
// flight: its bytes, its text, and its extraction, which keeps three to
// five times its text (the heap retained by extractions of the corpus's
// statements).
func heldBy(e *examined) int64 { return int64(len(e.input.Data) + 6*len(e.text)) }
