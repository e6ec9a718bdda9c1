package sqlstore

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/entente/entente/internal/bloom"
)

// On SQLite the keys of near_sketches (and of near_middle, the level
// merged into it, near_recent.go) are also held in a Bloom filter
// (migration 0054, table near_filter): a new statement's sixteen keys are
// nearly all held by no stored version, and each looked up in
// near_sketches, keyed by hash, read a leaf of its own from the file: at
// 100,000 statements some 3,500 leaves, which no page cache of the writer
// holds. A batch looks every input up twice (its examination, then its
// writer), and the writer's look-ups were a fifth of its time. The filter
// says "absent" of nearly every such key from memory; only the keys it may
// hold are asked of near_sketches. near_recent, small and staged since the last merge, is
// always asked for every key.
//
// The filter is rewritten in the transaction that adds keys to
// near_sketches (a merge of near_recent, a rebuild of every sketch) with a
// greater generation. A process reads it once and keeps it; after a
// look-up that left keys out it reads the generation again: the same, and
// no other process merged between the filter's reading and the look-up
// (generations only increase, and the look-up's snapshot lies between the
// two readings); otherwise it reads the filter anew and looks up again.
// Deleted versions leave their keys in the filter: it may say "present"
// of more keys, never "absent" of a held one.

// A filter is built with nearFilterBits bits for each key near_sketches
// holds, and room (its capacity) for half as many again: when keys added
// since would pass that, it is built anew from near_sketches (a scan of
// every key, at 100,000 statements once in some 50,000). Full, it has 8
// bits a key: between the two, 0.55% to 3.3% of absent keys are said to be
// held, one look-up in near_sketches every 11 to 2 statements. Each process
// reads the filter whole, once, behind its look-ups (nearFilterNow): 2.4 MB
// at 100,000 statements.
const (
	nearFilterBits = 12
	// nearFilterSetting is the store_settings key that names how the
	// stored filter places its keys (nearFilterLayout): a filter placed
	// otherwise would say "absent" of keys it holds, so a store whose
	// filter another layout wrote builds it again as it opens, and a
	// process that reads one looks every key up.
	nearFilterSetting = "near.filter"
	nearFilterLayout  = "split-block-256/fibonacci"
	// minNearFilterKeys is the least capacity of a filter.
	minNearFilterKeys = 1 << 14
)

// nearFilter is a filter as this process read it.
type nearFilter struct {
	gen int64
	f   *bloom.Filter // nil: the store has none, every key is looked up
}

// maybeHeld returns the keys of sketch the filter may hold.
func (nf *nearFilter) maybeHeld(sketch []int64) []int64 {
	if nf.f == nil {
		return sketch
	}
	var out []int64
	for _, k := range sketch {
		if nf.f.MayContain(uint64(k)) {
			out = append(out, k)
		}
	}
	return out
}

// nearFilterBytesPerLookup is how many bytes of the filter a process
// looks up without it for, before it starts reading it. A new process
// reads the filter whole (2.4 MB at 100,000 statements: 40–50 ms of CPU,
// most of it first touching the memory it lands in, against 1–3 ms in a
// process that has touched it before), and a look-up without it reads
// sixteen pages of near_sketches where one with it reads none (90 against
// 33 µs at 100,000 statements): some 800 look-ups pay for the reading.
// The reading runs on a goroutine of its own, the look-ups going on
// without the filter meanwhile, so it costs them no wait: a process starts
// it early, after one look-up for every 32 KB (73 at 100,000 statements),
// so that a batch of a few hundred statements, whose writer it waits
// for most of its time, gains the filter for most of its look-ups and reads it on
// a core its writer leaves (docs/decisions.md, "The near-duplicate
// filter read behind the look-ups"), while an upload of a few statements
// never reads it.
const nearFilterBytesPerLookup = 32 << 10

// nearFilterNow returns the filter this process holds; until it holds
// one, no filter (every key looked up). Once it has made enough look-ups
// without one (nearFilterReadAfter) it starts reading it on a goroutine of
// its own (readNearFilterBehind), which Close waits for.
func (s *Store) nearFilterNow(ctx context.Context) *nearFilter {
	if nf := s.nearFilt.Load(); nf != nil {
		return nf
	}
	if s.nearUnfiltered.Add(1) > s.nearFilterReadAfter(ctx) {
		s.startNearFilterRead(ctx)
	}
	return &nearFilter{}
}

// ExpectNearLookups is told by a batch, before its first look-up, that it
// will look n inputs up for near-duplicates. When n look-ups would pass
// the count after which the filter is read (nearFilterReadAfter), the
// reading starts now, while the batch's first inputs are examined and its
// writer has nothing to write yet, so that the writer's first look-ups
// are filtered too: started by the look-ups themselves, the reading came
// after the writer's first group had begun, and a batch of 300 into
// 100,000 statements made about half its look-ups without the filter
// (docs/decisions.md, "Version candidates from the date index alone, and
// the filter read as a batch starts").
func (s *Store) ExpectNearLookups(ctx context.Context, n int) {
	if s.sketchArrays() || s.nearFilt.Load() != nil {
		return
	}
	if int64(n) > s.nearFilterReadAfter(ctx) {
		s.startNearFilterRead(ctx)
	}
}

// startNearFilterRead starts reading the filter on a goroutine of its own
// (readNearFilterBehind), which Close waits for, unless one is reading it.
func (s *Store) startNearFilterRead(ctx context.Context) {
	if s.nearFilterReading.CompareAndSwap(false, true) {
		s.background.Add(1)
		go s.readNearFilterBehind(context.WithoutCancel(ctx))
	}
}

// readNearFilterBehind reads the store's filter and keeps it for the
// look-ups that follow. A filter read before a merge of this process that
// it does not hold is still kept: its generation is then behind the
// store's, which the first look-up through it sees (nearLookup). When the
// reading fails, the process looks up without the filter for as many
// look-ups again before it tries again.
func (s *Store) readNearFilterBehind(ctx context.Context) {
	defer s.background.Done()
	defer s.nearFilterReading.Store(false)
	nf, err := s.readNearFilter(ctx)
	if err != nil {
		s.nearUnfiltered.Store(0)
		return
	}
	s.nearFilt.CompareAndSwap(nil, nf)
}

// nearFilterReadAfter is how many look-ups this process makes without the
// filter before it reads it: one for every nearFilterBytesPerLookup of its
// bytes (its capacity, counted at a byte a key), or what a test set.
func (s *Store) nearFilterReadAfter(ctx context.Context) int64 {
	if s.nearFilterAfter < 0 {
		return math.MaxInt64
	}
	if s.nearFilterAfter > 0 {
		return s.nearFilterAfter
	}
	if n := s.nearReadAfter.Load(); n > 0 {
		return n - 1
	}
	var capacity int64
	err := s.queryAlone(ctx, nil, `SELECT coalesce((SELECT capacity FROM near_filter WHERE id = 1), 0)`, nil, func(rows *sql.Rows) error {
		return rows.Scan(&capacity)
	})
	if err != nil {
		return 0
	}
	n := capacity / nearFilterBytesPerLookup
	s.nearReadAfter.Store(n + 1)
	return n
}

// readNearFilter reads the store's filter on the look-up pool: none (every
// key looked up) when it was written with another layout.
func (s *Store) readNearFilter(ctx context.Context) (*nearFilter, error) {
	nf := &nearFilter{}
	bits, layout, err := s.readNearFilterRow(ctx, &nf.gen)
	if err != nil {
		return nil, fmt.Errorf("read near-duplicate filter: %w", err)
	}
	if bits == nil || layout != nearFilterLayout {
		return &nearFilter{}, nil
	}
	if nf.f, err = bloom.Decode(bits); err != nil {
		return nil, fmt.Errorf("read near-duplicate filter: %w", err)
	}
	return nf, nil
}

// nearFilterRowSQL reads the filter's generation, bits and layout.
const nearFilterRowSQL = `SELECT generation, bits, coalesce((SELECT value FROM store_settings WHERE key = $1), '')
	FROM near_filter WHERE id = 1`

// readNearFilterRow reads the filter's row through the driver itself
// where it can: database/sql copies a blob the driver hands it (the driver
// may reuse that buffer at its next row), and the driver has already
// copied it out of SQLite's memory, so the filter (2.4 MB at 100,000
// statements) was copied twice into memory the process had never touched,
// a third of the CPU of reading it, which a batch now pays as it starts
// (ExpectNearLookups). One row is read and the rows closed, which a driver
// must do without changing the buffers it handed (driver.Rows), so the
// bits are kept as the driver gave them.
func (s *Store) readNearFilterRow(ctx context.Context, gen *int64) (bits []byte, layout string, err error) {
	conn, err := s.lookupDB().Conn(ctx)
	if err != nil {
		return nil, "", err
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		q, ok := dc.(driver.QueryerContext)
		if !ok {
			return errNoDirectQuery
		}
		rows, err := q.QueryContext(ctx, nearFilterRowSQL, []driver.NamedValue{{Ordinal: 1, Value: nearFilterSetting}})
		if err != nil {
			return err
		}
		defer rows.Close()
		dest := make([]driver.Value, 3)
		switch err := rows.Next(dest); {
		case errors.Is(err, io.EOF):
			return nil // no filter
		case err != nil:
			return err
		}
		var genOK, bitsOK bool
		*gen, genOK = dest[0].(int64)
		bits, bitsOK = dest[1].([]byte)
		switch v := dest[2].(type) {
		case string:
			layout = v
		case []byte:
			layout = string(v)
		}
		if !genOK || (!bitsOK && dest[1] != nil) {
			return fmt.Errorf("a row of %T, %T", dest[0], dest[1])
		}
		return nil
	})
	return bits, layout, err
}

// errNoDirectQuery: the driver's connection runs no query of its own (both
// drivers the store runs on do); the process then looks every key up, as
// when any reading of the filter fails.
var errNoDirectQuery = errors.New("the driver's connection does not run queries itself")

// nearLookup runs look, a look-up of the versions holding sketch's keys
// whose query asks near_sketches for merged alone (nearCandidatesSQL),
// with merged the keys the store's filter may hold, and again if the
// filter changed meanwhile. Where the filter left keys out, look is given
// nearGenerationSQL, the filter's generation, to read in the same
// statement as its look-up (one more row, kindGeneration) and return: read
// in the look-up's own snapshot, the generation says whether the filter
// that left those keys out was the one of the rows looked at. Otherwise
// generation is "" and look returns what it likes.
func (s *Store) nearLookup(ctx context.Context, sketch []int64, look func(merged []int64, generation string) (int64, error)) error {
	if s.sketchArrays() || len(sketch) == 0 {
		// no filter to read for no key: a look-up of an input's bytes and
		// text alone (a batch's examination on SQLite) counts for nothing
		// towards reading it
		_, err := look(sketch, "")
		return err
	}
	for tries := 0; ; tries++ {
		nf := s.nearFilterNow(ctx)
		if tries == 2 { // merges racing this process's look-ups: ask for every key
			nf = &nearFilter{}
		}
		merged := nf.maybeHeld(sketch)
		if len(merged) == len(sketch) {
			_, err := look(merged, "")
			return err
		}
		gen, err := look(merged, nearGenerationSQL)
		if err != nil {
			return err
		}
		if gen == nf.gen {
			s.nearFiltered.Add(int64(len(sketch) - len(merged)))
			return nil
		}
		s.nearFilt.CompareAndSwap(nf, nil)
	}
}

// nearGenerationSQL is the generation of the filter of near_sketches' keys
// as the store holds it (0 when it holds none), for a look-up to read with
// its rows (nearLookup).
const nearGenerationSQL = `coalesce((SELECT generation FROM near_filter WHERE id = 1), 0)`

// kindGeneration marks the row of a near-duplicate look-up that carries
// the filter's generation rather than a version: it sorts after them.
const kindGeneration = -1

// addNearFilterKeys adds keys, just merged into near_sketches, to the
// store's filter within tx, or builds the filter anew from near_sketches
// when there is none or they would fill it past its capacity.
func (s *Store) addNearFilterKeys(ctx context.Context, tx *sql.Tx, keys []int64) error {
	var (
		gen, count, capacity int64
		bits                 []byte
	)
	var layout string
	err := tx.QueryRowContext(ctx, `SELECT generation, keys, capacity, bits,
		coalesce((SELECT value FROM store_settings WHERE key = $1), '') FROM near_filter WHERE id = 1`,
		nearFilterSetting).Scan(&gen, &count, &capacity, &bits, &layout)
	if errors.Is(err, sql.ErrNoRows) || err == nil && layout != nearFilterLayout {
		return s.buildNearFilter(ctx, tx)
	}
	if err != nil {
		return fmt.Errorf("near-duplicate filter: %w", err)
	}
	f, err := bloom.Decode(bits)
	if err != nil || count+int64(len(keys)) > capacity {
		return s.buildNearFilter(ctx, tx)
	}
	for _, k := range keys {
		f.Add(uint64(k))
	}
	s.nearFilt.Store(nil)
	_, err = tx.ExecContext(ctx, `UPDATE near_filter SET generation = $1, keys = $2, bits = $3 WHERE id = 1`,
		s.nextFilterGeneration(gen), count+int64(len(keys)), f.Bytes())
	if err != nil {
		return fmt.Errorf("near-duplicate filter: %w", err)
	}
	return nil
}

// buildNearFilter writes the store's filter anew from every key of
// near_sketches within tx, with room for half as many again.
func (s *Store) buildNearFilter(ctx context.Context, tx *sql.Tx) error {
	var gen, count int64
	err := tx.QueryRowContext(ctx, `SELECT coalesce((SELECT generation FROM near_filter WHERE id = 1), 0),
		(SELECT count(*) FROM near_sketches) + (SELECT count(*) FROM near_middle)`).Scan(&gen, &count)
	if err != nil {
		return fmt.Errorf("build near-duplicate filter: %w", err)
	}
	capacity := max(s.nearFilterMinKeys(), count*3/2)
	f := bloom.New(int(capacity), nearFilterBits*2/3)
	count = 0
	rows, err := tx.QueryContext(ctx, filteredKeysSQL)
	err = eachKey(rows, err, func(k int64) {
		f.Add(uint64(k))
		count++
	})
	if err != nil {
		return fmt.Errorf("build near-duplicate filter: %w", err)
	}
	s.nearFilt.Store(nil)
	_, err = tx.ExecContext(ctx, `
		INSERT INTO near_filter (id, generation, keys, capacity, bits) VALUES (1, $1, $2, $3, $4)
		ON CONFLICT (id) DO UPDATE SET generation = excluded.generation, keys = excluded.keys,
			capacity = excluded.capacity, bits = excluded.bits`,
		s.nextFilterGeneration(gen), count, capacity, f.Bytes())
	if err == nil {
		_, err = tx.ExecContext(ctx, `
			INSERT INTO store_settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, nearFilterSetting, nearFilterLayout)
	}
	if err != nil {
		return fmt.Errorf("build near-duplicate filter: %w", err)
	}
	return nil
}

// nextFilterGeneration is a generation greater than gen, and than any a
// filter deleted and built again could have had before (the time).
func (s *Store) nextFilterGeneration(gen int64) int64 {
	return max(gen+1, s.Now().UnixNano())
}

// nearFilterMinKeys is minNearFilterKeys, or what a test set.
func (s *Store) nearFilterMinKeys() int64 {
	if s.nearFilterMin > 0 {
		return s.nearFilterMin
	}
	return minNearFilterKeys
}

// ensureNearFilter builds the filter when the store has none (a store
// from before migration 0054, or one a migration deleted it from) or one
// of another layout. It runs once; afterwards it reads one row.
func (s *Store) ensureNearFilter(ctx context.Context) error {
	if s.sketchArrays() {
		return nil
	}
	current := func(q interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}) (bool, error) {
		var ok bool
		err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM near_filter)
			AND coalesce((SELECT value FROM store_settings WHERE key = $1), '') = $2`, nearFilterSetting, nearFilterLayout).Scan(&ok)
		return ok, err
	}
	if ok, err := current(s.db); err != nil || ok {
		if err != nil {
			return fmt.Errorf("near-duplicate filter: %w", err)
		}
		return nil
	}
	return s.write(ctx, func(tx *sql.Tx) error {
		if ok, err := current(tx); err != nil || ok {
			return err
		}
		return s.buildNearFilter(ctx, tx)
	})
}

// nearFilterMissing reads the store's filter as written and returns how
// many keys of near_sketches it says are absent (none, or near-duplicates
// go unfound), how many keys it counts and its capacity.
func (s *Store) nearFilterMissing(ctx context.Context) (missing, keys, capacity int64, err error) {
	var bits []byte
	err = s.db.QueryRowContext(ctx, `SELECT keys, capacity, bits FROM near_filter WHERE id = 1`).Scan(&keys, &capacity, &bits)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, 0, errors.New("the near-duplicate filter is missing")
	}
	if err != nil {
		return 0, 0, 0, fmt.Errorf("near-duplicate filter: %w", err)
	}
	f, err := bloom.Decode(bits)
	if err != nil {
		return 0, 0, 0, fmt.Errorf("near-duplicate filter: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, filteredKeysSQL)
	err = eachKey(rows, err, func(k int64) {
		if !f.MayContain(uint64(k)) {
			missing++
		}
	})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("near-duplicate filter: %w", err)
	}
	return missing, keys, capacity, nil
}

// checkNearFilter fails when the store's filter says a key near_sketches
// holds is absent (IntegrityCheck).
func (s *Store) checkNearFilter(ctx context.Context) error {
	if s.sketchArrays() {
		return nil
	}
	missing, _, _, err := s.nearFilterMissing(ctx)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if missing > 0 {
		return fmt.Errorf("integrity check: the near-duplicate filter says %d keys of near_sketches are absent", missing)
	}
	return nil
}

// filteredKeysSQL reads every key the filter holds: those of near_sketches
// and of near_middle.
const filteredKeysSQL = `SELECT hash FROM near_sketches UNION ALL SELECT hash FROM near_middle`

// eachKey calls fn with each key of rows, the result of a query of one
// integer column that returned err, and closes them.
func eachKey(rows *sql.Rows, err error, fn func(int64)) error {
	return eachRow(rows, err, func(rows *sql.Rows) error {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return err
		}
		fn(k)
		return nil
	})
}
