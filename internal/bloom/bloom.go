// Package bloom is a split-block Bloom filter of 64-bit keys: a set that
// answers "maybe present" for every key added and "absent" for almost
// every other, in a fixed number of bits per key. The store keeps one of
// the near-duplicate sketch keys it holds, so that a new statement's keys,
// nearly all absent, are not each looked up in an index of millions of rows
// (sqlstore/near_filter.go).
//
// The layout is the split-block filter of Apache Parquet's specification
// (BloomFilter.md): a key picks one block of 256 bits, eight words of 32,
// and sets one bit in each word. A test or an insertion touches one cache
// line. Keys should be hashes (uniform bits): keys of any other shape are
// never lost, but crowd fewer bits, and more absent keys pass.
package bloom

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// blockBytes is the size of a block: eight 32-bit words.
const blockBytes = 32

// salts are the odd multipliers of Parquet's split-block filter, one per
// word of a block: each maps a key's low 32 bits to a bit of its word.
var salts = [8]uint32{
	0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d,
	0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31,
}

// Filter is a split-block Bloom filter. Its zero value is not usable: make
// one with New or Decode. Its bits are kept as they are encoded, so that a
// filter read from storage is used where it was read, not copied.
type Filter struct {
	bits []byte // blocks of eight little-endian words
}

// New returns an empty filter of bitsPerKey bits for each of keys keys (at
// least one block). Filled with that many keys, 8 bits a key answer
// "maybe" of about 3.3% of absent keys, 12 of 0.55%, 16 of 0.14%
// (TestFalsePositives).
func New(keys, bitsPerKey int) *Filter {
	n := max(1, (keys*bitsPerKey+8*blockBytes-1)/(8*blockBytes))
	return &Filter{bits: make([]byte, n*blockBytes)}
}

// fibonacci is 2⁶⁴ divided by the golden ratio, made odd: a key times it
// has a high half that depends on every bit of the key.
const fibonacci = 0x9e3779b97f4a7c15

// place returns the block of key and the low half of its hash. The keys
// are meant to be hashes already (the store's sketch keys are), but a
// sketch key is non-negative: its top bit, always 0, would leave half the
// blocks unused if the block were read from the key itself.
func (f *Filter) place(key uint64) ([]byte, uint32) {
	h := key * fibonacci
	// the high half picks the block by multiplication, not modulo: a
	// uniform value scaled to [0, blocks)
	i := (h >> 32) * uint64(len(f.bits)/blockBytes) >> 32
	return f.bits[i*blockBytes : (i+1)*blockBytes], uint32(h)
}

// Add puts key in the filter.
func (f *Filter) Add(key uint64) {
	b, x := f.place(key)
	for i, s := range salts {
		w := binary.LittleEndian.Uint32(b[4*i:])
		binary.LittleEndian.PutUint32(b[4*i:], w|1<<((x*s)>>27))
	}
}

// MayContain reports whether key may have been added: always true for a
// key that was, and false for nearly every other.
func (f *Filter) MayContain(key uint64) bool {
	b, x := f.place(key)
	for i, s := range salts {
		if binary.LittleEndian.Uint32(b[4*i:])&(1<<((x*s)>>27)) == 0 {
			return false
		}
	}
	return true
}

// Clone returns a copy of f that changes apart from it.
func (f *Filter) Clone() *Filter {
	return &Filter{bits: append([]byte(nil), f.bits...)}
}

// Bytes returns the filter's bits, whole blocks of eight little-endian
// 32-bit words: the filter's own, not a copy.
func (f *Filter) Bytes() []byte { return f.bits }

// ErrLength is the error of Decode when the bytes are not whole blocks.
var ErrLength = errors.New("bloom: not a whole number of blocks")

// Decode returns the filter whose bits Bytes returned. The filter keeps b
// as its bits: the caller must not change b afterwards.
func Decode(b []byte) (*Filter, error) {
	if len(b) == 0 || len(b)%blockBytes != 0 {
		return nil, fmt.Errorf("%w: %d bytes", ErrLength, len(b))
	}
	return &Filter{bits: b}, nil
}
