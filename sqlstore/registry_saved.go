package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/entente/entente"
)

// A store keeps what it last saved of the registry: its entries as stored
// and the entry of every citation and entity. The next save compares its
// build with that instead of reading the registry and every row's link
// back (0.9 s of a save's 1.4 s at 100,000 statements), as long as what
// it kept is what is stored: no other process saved a registry since
// (registry_state.generation is still the one it wrote, migration 0063)
// and nothing a build reads changed but by additions
// (collection_stats.registry_changes is as it was, migration 0062), so
// that no citation or entity it linked was deleted, and none took a
// deleted one's id. The rows added since are read.

// savedRegistry is a registry as a store saved it.
type savedRegistry struct {
	generation int64 // registry_state.generation the save wrote
	changes    int64 // the sum of collection_stats.registry_changes then
	entries    map[int64]*storedEntry
	// links are the entries of the citations' ([0]) and entities' ([1])
	// rows by row id, each an index into ids; last is the largest row id
	// of each table then
	links [2]*rowIndex
	ids   []int64
	last  [2]int64
}

// keepSaved is how long a store keeps what it saved: a server saves after
// every upload and every editor's decision, each at most some seconds
// apart in a busy hour, and the registry of 100,000 statements as saved
// holds some 50 MB.
const keepSaved = 10 * time.Minute

// savedHolder holds what a store last saved of the registry, for
// keepSaved.
type savedHolder struct {
	mu    sync.Mutex
	saved *savedRegistry
	timer *time.Timer
	// reading is closed when the read ahead of the stored registry
	// (PrefetchSavedRegistry) ends; nil when none runs
	reading chan struct{}
}

// take returns what was saved and forgets it: a save that fails leaves
// nothing kept. It waits for a read ahead that runs.
func (h *savedHolder) take() *savedRegistry {
	h.mu.Lock()
	reading := h.reading
	h.mu.Unlock()
	if reading != nil {
		<-reading
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.saved
	h.saved = nil
	if h.timer != nil {
		h.timer.Stop()
	}
	return s
}

// startPrefetch marks a read ahead as running and returns what ends it,
// given what it read (nil for nothing); false when a copy is kept or a
// read runs already.
func (h *savedHolder) startPrefetch() (done func(*savedRegistry), ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.saved != nil || h.reading != nil {
		return nil, false
	}
	reading := make(chan struct{})
	h.reading = reading
	return func(s *savedRegistry) {
		h.mu.Lock()
		if h.saved == nil && s != nil {
			h.putLocked(s)
		}
		h.reading = nil
		h.mu.Unlock()
		close(reading)
	}, true
}

// put keeps s for keepSaved.
func (h *savedHolder) put(s *savedRegistry) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.putLocked(s)
}

// putLocked is put with h.mu held.
func (h *savedHolder) putLocked(s *savedRegistry) {
	if h.timer != nil {
		h.timer.Stop()
	}
	h.saved = s
	h.timer = time.AfterFunc(keepSaved, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.saved == s {
			h.saved = nil
		}
	})
}

// registryGeneration reads the generation of the stored registry (0 for
// none) and the count of changes to what a build reads, holding the
// registry's state on PostgreSQL until tx ends, so that two servers'
// saves do not interleave (SQLite has one writer).
func (s *Store) registryGeneration(ctx context.Context, tx *sql.Tx) (generation, changes int64, err error) {
	q := `SELECT generation FROM registry_state WHERE id = 1`
	if s.dialect.Name() == "postgres" {
		q += ` FOR UPDATE`
	}
	err = tx.QueryRowContext(ctx, q).Scan(&generation)
	if errors.Is(err, sql.ErrNoRows) {
		err = nil
	}
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT coalesce(sum(registry_changes), 0) FROM collection_stats`).Scan(&changes)
	}
	if err != nil {
		return 0, 0, fmt.Errorf("registry generation: %w", err)
	}
	return generation, changes, nil
}

// storedEntries are entries as writeEntries and writeAliases store them
// under ids, as readStoredEntries reads them back; keys are the folded
// names of their aliases (aliasKeys).
func storedEntries(entries []entente.BuiltEntry, keys [][]string, ids []int64) map[int64]*storedEntry {
	out := make(map[int64]*storedEntry, len(entries))
	for i, e := range entries {
		o := &storedEntry{vals: entryValues(e), aliases: keys[i], rows: make([]entente.RegistryAlias, len(e.Aliases))}
		for j, a := range e.Aliases {
			o.rows[j] = entente.RegistryAlias{Alias: a.Alias, Language: a.Language, Reason: a.Reason, Confidence: a.Confidence}
		}
		out[ids[i]] = o
	}
	return out
}
