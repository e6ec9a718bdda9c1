package sqlstore

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"maps"
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
)

// A search snapshot is the search index (labelIndex) written down, so
// that a command, or a server that starts, reads it and then only the
// documents changed since (update), in place of every sentence of the
// collection: some 8 s at 100,000 statements, on every command-line
// search. What searches found (the cache) is not kept.
//
// Its layout, after the magic; every number a varint:
//
//	key:     versions, sentences, tokens, changes, events
//	counts:  the highest version held, versions held, sentences held
//	ids:     count, then runs till the count is reached, each: the first
//	         id's difference from the previous run's first, and the run's
//	         length; a run is ids one less than the one before (a
//	         version's sentences, numbered last to first), or numbers
//	         that hold none (an id of 0)
//	docs:    count, then each: id (difference from the previous), date,
//	         first language, hidden (0 or 1), runs: count, then each:
//	         version, language, start, size, reserve
//	bitmaps: the sentences seen, then each family: count, then each:
//	         key, the bitmap in roaring's format (length, bytes)
//	sets:    for each kind: labels (count, then each: family, key),
//	         nodes (count, then each: parent, label), each number's set
//	         (count, then runs till the count is reached, each: the set
//	         times 2, plus 1 when a count of repeats (less 2) follows)
//
// and last the CRC-32 (IEEE) of all that precedes it, four bytes. It is
// not compressed: runs make it some 8 bytes a sentence, and DEFLATE took
// that to 5 at the cost of a tenth of a second to read back. A
// snapshot that does not read back whole, or whose numbers point outside
// what it holds, is refused: the index is then built from the database,
// as with none.
var searchSnapshotMagic = []byte("ENTENTE-SEARCH-INDEX\x01")

// maxSearchSnapshot bounds a snapshot as read (inflated): some 8 bytes a
// sentence, so 1 GB is over 100 million sentences.
const maxSearchSnapshot = 1 << 30

var errBadSearchSnapshot = errors.New("not a snapshot of the search index")

// snapshot writes x down. x is not changed meanwhile: an index
// is read-only once made (an update changes a copy).
func (x *labelIndex) snapshot() ([]byte, error) {
	w := snapWriter{b: slices.Clone(searchSnapshotMagic)}
	k := x.key
	for _, v := range []int64{k.versions, k.sentences, k.tokens, k.changes, k.events, x.maxVersion, x.heldVersions, x.heldSentences} {
		w.sv(v)
	}
	w.uv(uint64(len(x.ids)))
	var last int64
	for n := 0; n < len(x.ids); {
		first, size := x.ids[n], 1
		for n+size < len(x.ids) && (first == 0 && x.ids[n+size] == 0 || first > int64(size) && x.ids[n+size] == first-int64(size)) {
			size++
		}
		w.sv(first - last)
		w.uv(uint64(size))
		last, n = first, n+size
	}
	ids := make([]int64, len(x.docs))
	for id, i := range x.docIndex {
		ids[i] = id
	}
	w.uv(uint64(len(x.docs)))
	last = 0
	for i, d := range x.docs {
		w.sv(ids[i] - last)
		last = ids[i]
		w.str(d.date)
		w.str(d.lang)
		w.flag(d.hidden)
		w.uv(uint64(len(d.runs)))
		for _, r := range d.runs {
			w.sv(r.version)
			w.str(r.lang)
			w.uv(uint64(r.start))
			w.uv(uint64(r.size))
			w.uv(uint64(r.reserve))
		}
	}
	if err := w.bitmap(x.all); err != nil {
		return nil, err
	}
	for _, f := range x.families() {
		keys := slices.Sorted(maps.Keys(*f))
		w.uv(uint64(len(keys)))
		for _, key := range keys {
			w.str(key)
			if err := w.bitmap((*f)[key]); err != nil {
				return nil, err
			}
		}
	}
	for i := range x.sets {
		v := x.sets[i].trie.view()
		w.uv(uint64(len(v.values)))
		for _, fv := range v.values {
			w.uv(uint64(fv.family))
			w.str(fv.key)
		}
		w.uv(uint64(len(v.parent)))
		for n := range v.parent {
			w.uv(uint64(v.parent[n]))
			w.uv(uint64(v.value[n]))
		}
		of := x.sets[i].of
		w.uv(uint64(len(of)))
		for n := 0; n < len(of); {
			size := 1
			for n+size < len(of) && of[n+size] == of[n] {
				size++
			}
			if size == 1 {
				w.uv(uint64(of[n]) << 1)
			} else {
				w.uv(uint64(of[n])<<1 | 1)
				w.uv(uint64(size - 2))
			}
			n += size
		}
	}
	w.b = binary.LittleEndian.AppendUint32(w.b, crc32.ChecksumIEEE(w.b))
	return w.b, nil
}

// readSearchSnapshot reads a snapshot back into an index, or refuses it
// (errBadSearchSnapshot) when it is not one whole, or points outside what
// it holds: whatever it holds, what it returns can be searched without
// reading past any slice.
func readSearchSnapshot(data []byte) (*labelIndex, error) {
	raw := data
	if len(raw) > maxSearchSnapshot {
		return nil, fmt.Errorf("%w: over %d bytes", errBadSearchSnapshot, maxSearchSnapshot)
	}
	if len(raw) < len(searchSnapshotMagic)+4 || !bytes.HasPrefix(raw, searchSnapshotMagic) {
		return nil, fmt.Errorf("%w: no magic", errBadSearchSnapshot)
	}
	body, sum := raw[:len(raw)-4], binary.LittleEndian.Uint32(raw[len(raw)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum", errBadSearchSnapshot)
	}
	r := &snapReader{b: body[len(searchSnapshotMagic):]}
	x, err := r.index()
	if err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("%w: %d bytes past its end", errBadSearchSnapshot, len(r.b))
	}
	return x, nil
}

// index reads the snapshot's body after its magic.
func (r *snapReader) index() (*labelIndex, error) {
	var k indexKey
	for _, p := range []*int64{&k.versions, &k.sentences, &k.tokens, &k.changes, &k.events} {
		*p = r.sv()
	}
	x := newLabelIndex(k)
	x.maxVersion, x.heldVersions, x.heldSentences = r.sv(), r.sv(), r.sv()

	x.ids = make([]int64, r.count(0))
	var last, maxID int64
	for n := 0; n < len(x.ids) && r.err == nil; {
		last += r.sv()
		size := r.uv()
		if size == 0 || size > uint64(len(x.ids)-n) || last < 0 || last > 0 && uint64(last) < size {
			return nil, r.fail("a run of %d ids from %d", size, last)
		}
		maxID = max(maxID, last)
		if last != 0 {
			for i := range int64(size) {
				x.ids[n+int(i)] = last - i
			}
		}
		n += int(size)
	}
	if r.err != nil {
		return nil, r.err
	}
	// sentence ids are dense but for documents removed or read again: an
	// id far past the numbers is refused rather than given an array
	if maxID > 64*int64(len(x.ids))+1<<20 {
		return nil, r.fail("sentence id %d for %d numbers", maxID, len(x.ids))
	}
	x.numbers = slices.Repeat([]uint32{noNumber}, int(maxID)+1)
	for n, id := range x.ids {
		if id == 0 {
			continue
		}
		if x.numbers[id] != noNumber {
			return nil, r.fail("sentence %d numbered twice", id)
		}
		x.numbers[id] = uint32(n)
	}

	x.docs = make([]docSpan, r.count(4))
	var doc int64
	for i := range x.docs {
		doc += r.sv()
		if _, dup := x.docIndex[doc]; dup {
			return nil, r.fail("document %d twice", doc)
		}
		x.docIndex[doc] = i
		d := &x.docs[i]
		d.date, d.lang, d.hidden = r.str(), r.str(), r.flag()
		d.runs = make([]run, r.count(5))
		for j := range d.runs {
			rn := &d.runs[j]
			rn.version, rn.lang = r.sv(), r.str()
			rn.start, rn.size, rn.reserve = r.u32(), r.u32(), r.u32()
			if r.err == nil && (rn.size > rn.reserve || uint64(rn.start)+uint64(rn.reserve) > uint64(len(x.ids))) {
				return nil, r.fail("a run outside the numbers")
			}
		}
	}

	x.all = r.bitmap(len(x.ids))
	for _, f := range x.families() {
		n := r.count(2)
		for range n {
			key := r.str()
			(*f)[key] = r.bitmap(len(x.ids))
		}
	}
	for i := range x.sets {
		ls := x.sets[i].trie
		ls.values = make([]facetValue, r.count(2))
		for v := range ls.values {
			fam := r.uv()
			if fam >= famCount {
				return nil, r.fail("facet family %d", fam)
			}
			ls.values[v] = facetValue{family: uint8(fam), key: r.str()}
			ls.valueID[ls.values[v]] = uint32(v)
		}
		nodes := r.count(2)
		if nodes == 0 {
			return nil, r.fail("no empty set")
		}
		ls.parent, ls.value = make([]uint32, nodes), make([]uint32, nodes)
		for n := range nodes {
			p, v := r.u32(), r.u32()
			if n > 0 && (p >= uint32(n) || v >= uint32(len(ls.values))) {
				return nil, r.fail("set %d", n)
			}
			ls.parent[n], ls.value[n] = p, v
			if n > 0 {
				ls.child[uint64(p)<<32|uint64(v)] = uint32(n)
			}
		}
		of := make([]uint32, r.count(0))
		for n := 0; n < len(of) && r.err == nil; {
			v := r.uv()
			size := uint64(1)
			if v&1 == 1 {
				size = r.uv() + 2
			}
			if v>>1 >= uint64(nodes) || size > uint64(len(of)-n) {
				return nil, r.fail("a run of %d sets %d", size, v>>1)
			}
			for i := range int(size) {
				of[n+i] = uint32(v >> 1)
			}
			n += int(size)
		}
		if len(of) != len(x.ids) {
			return nil, r.fail("%d sets for %d numbers", len(of), len(x.ids))
		}
		x.sets[i].of = of
	}
	return x, r.err
}

// snapWriter appends a snapshot's fields.
type snapWriter struct{ b []byte }

func (w *snapWriter) uv(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *snapWriter) sv(v int64)  { w.b = binary.AppendVarint(w.b, v) }
func (w *snapWriter) str(s string) {
	w.uv(uint64(len(s)))
	w.b = append(w.b, s...)
}

func (w *snapWriter) flag(b bool) {
	if b {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

func (w *snapWriter) bitmap(b *roaring.Bitmap) error {
	w.uv(b.GetSerializedSizeInBytes())
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		return fmt.Errorf("write a bitmap: %w", err)
	}
	w.b = append(w.b, buf.Bytes()...)
	return nil
}

// snapReader reads a snapshot's fields; the first error stops it, and
// every read after it gives zero values.
type snapReader struct {
	b   []byte
	err error
}

func (r *snapReader) fail(format string, a ...any) error {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", errBadSearchSnapshot, fmt.Sprintf(format, a...))
	}
	return r.err
}

func (r *snapReader) uv() uint64 { return readVarint(r, binary.Uvarint) }
func (r *snapReader) sv() int64  { return readVarint(r, binary.Varint) }

// readVarint reads one number with read (binary.Uvarint or Varint).
func readVarint[T int64 | uint64](r *snapReader, read func([]byte) (T, int)) T {
	if r.err != nil {
		return 0
	}
	v, n := read(r.b)
	if n <= 0 {
		r.fail("a number cut short")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *snapReader) u32() uint32 {
	v := r.uv()
	if v > noNumber {
		r.fail("number %d", v)
		return 0
	}
	return uint32(v)
}

// count reads a count of items of at least least bytes each: one the
// bytes left cannot hold is refused before anything is made for it. A
// least of 0 is for runs, which hold many items in a few bytes: their
// count is bounded by the snapshot's bound instead.
func (r *snapReader) count(least int) int {
	v := r.uv()
	limit := uint64(maxSearchSnapshot)
	if least > 0 {
		limit = uint64(len(r.b) / least)
	}
	if v > limit {
		r.fail("%d items in %d bytes", v, len(r.b))
		return 0
	}
	return int(v)
}

func (r *snapReader) str() string {
	n := r.count(1)
	if r.err != nil {
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *snapReader) flag() bool {
	v := r.uv()
	if v > 1 {
		r.fail("flag %d", v)
	}
	return v == 1
}

// bitmap reads a bitmap of numbers under limit.
func (r *snapReader) bitmap(limit int) *roaring.Bitmap {
	b := roaring.New()
	n := r.count(1)
	if r.err != nil {
		return b
	}
	if read, err := readBitmap(b, r.b[:n]); err != nil || read != int64(n) {
		r.fail("bitmap of %d bytes: read %d, %v", n, read, err)
		return roaring.New()
	}
	if !b.IsEmpty() && int64(b.Maximum()) >= int64(limit) {
		r.fail("bitmap past the numbers")
		return roaring.New()
	}
	r.b = r.b[n:]
	return b
}

// readBitmap reads b from data in roaring's format. Its checks are
// roaring's reader's (the lengths against the bytes) and the snapshot's
// checksum, not roaring's Validate, which compares every run of a
// container with every other (0.9 s of a snapshot of 100,000 statements):
// a snapshot is written by this code into the database it describes, and
// the checksum refuses one damaged since; one forged to pass it is beyond
// what a cache must withstand (who can write the database can write any
// row). A reader that panics on what it is given refuses it.
func readBitmap(b *roaring.Bitmap, data []byte) (read int64, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("roaring: %v", p)
		}
	}()
	return b.ReadFrom(bytes.NewReader(data))
}
