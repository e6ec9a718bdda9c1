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

	"github.com/entente/entente/internal/hugepages"
	"github.com/entente/entente/internal/snapbytes"
)

// A search snapshot is the search index (labelIndex) written down, so
// that a command, or a server that starts, reads it and then only the
// documents changed since (update), in place of every sentence of the
// collection: some 8 s at 100,000 statements, on every command-line
// search. What searches found (the cache) is not kept, but for the
// pinned matches, each in a row of search_pins (search_pins.go).
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
	w := snapWriter{snapbytes.Writer{B: slices.Clone(searchSnapshotMagic)}}
	k := x.key
	for _, v := range []int64{k.versions, k.sentences, k.tokens, k.changes, k.events, x.maxVersion, x.heldVersions, x.heldSentences} {
		w.Varint(v)
	}
	w.Uvarint(uint64(len(x.ids)))
	var last int64
	for n := 0; n < len(x.ids); {
		first, size := x.ids[n], 1
		for n+size < len(x.ids) && (first == 0 && x.ids[n+size] == 0 || first > int64(size) && x.ids[n+size] == first-int64(size)) {
			size++
		}
		w.Varint(first - last)
		w.Uvarint(uint64(size))
		last, n = first, n+size
	}
	ids := make([]int64, len(x.docs))
	for id, i := range x.docIndex {
		ids[i] = id
	}
	w.Uvarint(uint64(len(x.docs)))
	last = 0
	for i, d := range x.docs {
		w.Varint(ids[i] - last)
		last = ids[i]
		w.String(d.date)
		w.String(d.lang)
		w.Flag(d.hidden)
		w.Uvarint(uint64(len(d.runs)))
		for _, r := range d.runs {
			w.Varint(r.version)
			w.String(r.lang)
			w.Uvarint(uint64(r.start))
			w.Uvarint(uint64(r.size))
			w.Uvarint(uint64(r.reserve))
		}
	}
	if err := w.bitmap(x.all); err != nil {
		return nil, err
	}
	for _, f := range x.families() {
		keys := slices.Sorted(maps.Keys(*f))
		w.Uvarint(uint64(len(keys)))
		for _, key := range keys {
			w.String(key)
			if err := w.bitmap((*f)[key]); err != nil {
				return nil, err
			}
		}
	}
	for i := range x.sets {
		v := x.sets[i].trie.view()
		w.Uvarint(uint64(len(v.values)))
		for _, fv := range v.values {
			w.Uvarint(uint64(fv.family))
			w.String(fv.key)
		}
		w.Uvarint(uint64(len(v.parent)))
		for n := range v.parent {
			w.Uvarint(uint64(v.parent[n]))
			w.Uvarint(uint64(v.value[n]))
		}
		of := x.sets[i].of
		w.Uvarint(uint64(len(of)))
		for n := 0; n < len(of); {
			size := 1
			for n+size < len(of) && of[n+size] == of[n] {
				size++
			}
			if size == 1 {
				w.Uvarint(uint64(of[n]) << 1)
			} else {
				w.Uvarint(uint64(of[n])<<1 | 1)
				w.Uvarint(uint64(size - 2))
			}
			n += size
		}
	}
	w.B = binary.LittleEndian.AppendUint32(w.B, crc32.ChecksumIEEE(w.B))
	return w.B, nil
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
	r := &snapReader{snapbytes.NewReader(body[len(searchSnapshotMagic):], errBadSearchSnapshot, maxSearchSnapshot)}
	x, err := r.index()
	if err != nil {
		return nil, err
	}
	if r.Err != nil {
		return nil, r.Err
	}
	if len(r.B) != 0 {
		return nil, fmt.Errorf("%w: %d bytes past its end", errBadSearchSnapshot, len(r.B))
	}
	return x, nil
}

// index reads the snapshot's body after its magic.
func (r *snapReader) index() (*labelIndex, error) {
	var k indexKey
	for _, p := range []*int64{&k.versions, &k.sentences, &k.tokens, &k.changes, &k.events} {
		*p = r.Varint("key")
	}
	x := newLabelIndex(k)
	x.maxVersion, x.heldVersions, x.heldSentences = r.Varint("highest version"), r.Varint("versions held"), r.Varint("sentences held")

	numbered := r.Count("ids", 0)
	x.ids = hugepages.Make[int64](numbered, numbered)
	var last, maxID int64
	for n := 0; n < len(x.ids) && r.Err == nil; {
		last += r.Varint("a run of ids")
		size := r.Uvarint("a run of ids")
		if size == 0 || size > uint64(len(x.ids)-n) || last < 0 || last > 0 && uint64(last) < size {
			return nil, r.Fail("a run of %d ids from %d", size, last)
		}
		maxID = max(maxID, last)
		if last != 0 {
			for i := range int64(size) {
				x.ids[n+int(i)] = last - i
			}
		}
		n += int(size)
	}
	if r.Err != nil {
		return nil, r.Err
	}
	// sentence ids are dense but for documents removed or read again: an
	// id far past the numbers is refused rather than given an array
	if maxID > 64*int64(len(x.ids))+1<<20 {
		return nil, r.Fail("sentence id %d for %d numbers", maxID, len(x.ids))
	}
	x.numbers = hugepages.Make[uint32](int(maxID)+1, int(maxID)+1)
	for i := range x.numbers {
		x.numbers[i] = noNumber
	}
	for n, id := range x.ids {
		if id == 0 {
			continue
		}
		if x.numbers[id] != noNumber {
			return nil, r.Fail("sentence %d numbered twice", id)
		}
		x.numbers[id] = uint32(n)
	}

	x.docs = make([]docSpan, r.Count("documents", 4))
	var doc int64
	for i := range x.docs {
		doc += r.Varint("document id")
		if _, dup := x.docIndex[doc]; dup {
			return nil, r.Fail("document %d twice", doc)
		}
		x.docIndex[doc] = i
		d := &x.docs[i]
		d.date, d.lang, d.hidden = r.String("date"), r.String("language"), r.Flag("hidden")
		d.runs = make([]run, r.Count("runs", 5))
		for j := range d.runs {
			rn := &d.runs[j]
			rn.version, rn.lang = r.Varint("version"), r.String("language")
			rn.start, rn.size, rn.reserve = r.u32("start"), r.u32("size"), r.u32("reserve")
			if r.Err == nil && (rn.size > rn.reserve || uint64(rn.start)+uint64(rn.reserve) > uint64(len(x.ids))) {
				return nil, r.Fail("a run outside the numbers")
			}
		}
	}

	x.all = r.bitmap(len(x.ids))
	for _, f := range x.families() {
		n := r.Count("labels", 2)
		for range n {
			key := r.String("label")
			(*f)[key] = r.bitmap(len(x.ids))
		}
	}
	for i := range x.sets {
		ls := x.sets[i].trie
		ls.values = make([]facetValue, r.Count("facet labels", 2))
		for v := range ls.values {
			fam := r.Uvarint("facet family")
			if fam >= famCount {
				return nil, r.Fail("facet family %d", fam)
			}
			ls.values[v] = facetValue{family: uint8(fam), key: r.String("facet label")}
			ls.valueID[ls.values[v]] = uint32(v)
		}
		nodes := r.Count("facet sets", 2)
		if nodes == 0 {
			return nil, r.Fail("no empty set")
		}
		ls.parent, ls.value = make([]uint32, nodes), make([]uint32, nodes)
		for n := range nodes {
			p, v := r.u32("parent set"), r.u32("set label")
			if n > 0 && (p >= uint32(n) || v >= uint32(len(ls.values))) {
				return nil, r.Fail("set %d", n)
			}
			ls.parent[n], ls.value[n] = p, v
			if n > 0 {
				ls.child[uint64(p)<<32|uint64(v)] = uint32(n)
			}
		}
		nsets := r.Count("sets", 0)
		of := hugepages.Make[uint32](nsets, nsets)
		for n := 0; n < len(of) && r.Err == nil; {
			v := r.Uvarint("a run of sets")
			size := uint64(1)
			if v&1 == 1 {
				size = r.Uvarint("a run of sets") + 2
			}
			if v>>1 >= uint64(nodes) || size > uint64(len(of)-n) {
				return nil, r.Fail("a run of %d sets %d", size, v>>1)
			}
			for i := range int(size) {
				of[n+i] = uint32(v >> 1)
			}
			n += int(size)
		}
		if len(of) != len(x.ids) {
			return nil, r.Fail("%d sets for %d numbers", len(of), len(x.ids))
		}
		x.sets[i].of = of
	}
	return x, r.Err
}

// snapWriter appends a snapshot's fields: snapbytes's, and bitmaps.
type snapWriter struct{ snapbytes.Writer }

func (w *snapWriter) bitmap(b *roaring.Bitmap) error {
	w.Uvarint(b.GetSerializedSizeInBytes())
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		return fmt.Errorf("write a bitmap: %w", err)
	}
	w.B = append(w.B, buf.Bytes()...)
	return nil
}

// snapReader reads a snapshot's fields: snapbytes's, numbers of the
// index and bitmaps.
type snapReader struct{ *snapbytes.Reader }

func (r *snapReader) u32(what string) uint32 {
	v := r.Uvarint(what)
	if v > noNumber {
		r.Fail("%s: %d", what, v)
		return 0
	}
	return uint32(v)
}

// bitmap reads a bitmap of numbers under limit.
func (r *snapReader) bitmap(limit int) *roaring.Bitmap {
	b := roaring.New()
	n := r.Count("bitmap", 1)
	if r.Err != nil {
		return b
	}
	if read, err := readBitmap(b, r.B[:n]); err != nil || read != int64(n) {
		r.Fail("bitmap of %d bytes: read %d, %v", n, read, err)
		return roaring.New()
	}
	if !b.IsEmpty() && int64(b.Maximum()) >= int64(limit) {
		r.Fail("bitmap past the numbers")
		return roaring.New()
	}
	r.B = r.B[n:]
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
