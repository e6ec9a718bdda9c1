package sqlstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// The postings of PostgreSQL's full-text index (postings.go): for one
// token and one block of sentence ids, the ids of the sentences that hold
// it, as runs. A run is a count, then its ids ascending, each as the gap
// from the one before (the first from the block's first id), all
// unsigned varints. A fold appends a run to the row of each token it
// meets, so a row is one or more runs; runs of one row may overlap in
// range (a transaction that reserved lower ids may commit after a fold),
// and a reader takes their union.

// postingBlockBits sets a block: 32,768 sentence ids (some 900
// statements). A fold rewrites the rows of the blocks it appends to, so a
// block bounds what one fold writes; each token has a row per block it
// occurs in, so a larger block has fewer rows.
const postingBlockBits = 15

// postingBlock returns the block of sentence id and its first id.
func postingBlock(id int64) (block int32, base int64) {
	b := id >> postingBlockBits
	return int32(b), b << postingBlockBits
}

// appendRun appends a run of ids to b: ids ascending, distinct, all in
// the block that starts at base.
func appendRun(b []byte, base int64, ids []int64) []byte {
	b = binary.AppendUvarint(b, uint64(len(ids)))
	prev := base
	for i, id := range ids {
		gap := id - prev
		if i == 0 {
			gap = id - base
		}
		b = binary.AppendUvarint(b, uint64(gap))
		prev = id
	}
	return b
}

var errPostings = errors.New("malformed postings")

// decodePostings calls add with each sentence id of a row's runs (a row
// of the block that starts at base). A row that does not decode, or holds
// an id outside its block or beyond 32 bits, is an error: the index is
// written only by foldIndex.
func decodePostings(b []byte, base int64, add func(uint32)) error {
	end := base + 1<<postingBlockBits
	if base < 0 || end-1 > math.MaxUint32 {
		return fmt.Errorf("%w: block at %d beyond 32-bit ids", errPostings, base)
	}
	for len(b) > 0 {
		n, k := binary.Uvarint(b)
		if k <= 0 || n == 0 || n > uint64(len(b)-k) {
			return fmt.Errorf("%w: bad run length", errPostings)
		}
		b = b[k:]
		id := base
		for i := uint64(0); i < n; i++ {
			gap, k := binary.Uvarint(b)
			if k <= 0 || (i > 0 && gap == 0) || gap >= 1<<postingBlockBits {
				return fmt.Errorf("%w: bad gap", errPostings)
			}
			b = b[k:]
			id += int64(gap)
			if id >= end {
				return fmt.Errorf("%w: id %d past its block", errPostings, id)
			}
			add(uint32(id))
		}
	}
	return nil
}
