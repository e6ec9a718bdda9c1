package sqlstore

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"slices"
	"testing"
)

// sampleIndex is a search index made in memory as a build makes one:
// docs documents of n sentences each, every fifth withdrawn, with types,
// actors and years in varied combinations, and gaps in the sentence ids
// (documents removed).
func sampleIndex(docs, n int) *labelIndex {
	x := newLabelIndex(indexKey{collection: collection{versions: int64(docs), sentences: int64(docs * n), tokens: 99, changes: 3}, events: 42})
	typ, actor, year, lang := collector{}, collector{}, collector{}, collector{}
	id := int64(1)
	for d := range docs {
		r := run{version: int64(2*d + 1), lang: []string{"zh", "en", "sr-Latn"}[d%3], start: uint32(len(x.ids)), reserve: reserve(n)}
		x.ids = append(x.ids, make([]int64, r.reserve)...)
		hidden := d%5 == 4
		for i := range n {
			num := r.start + uint32(n-1-i)
			r.size++
			if !hidden {
				x.ids[num] = id
				x.numbers = append(x.numbers, slices.Repeat([]uint32{noNumber}, int(id)+1-len(x.numbers))...)
				x.numbers[id] = num
				k := []string{"commitment", "position", "narrative"}[(d+i)%3]
				typ[k] = append(typ[k], num)
				for j := range (d + i) % 3 {
					p := []string{"CN", "RS", "HU"}[(i+j)%3]
					actor[p] = append(actor[p], num)
				}
			}
			id++
		}
		id += int64(d % 7) // ids of sentences no longer held
		x.maxVersion = r.version
		x.heldVersions++
		x.heldSentences += int64(n)
		x.docIndex[int64(3*d+2)] = len(x.docs)
		date := fmt.Sprintf("%d-05-08", 2000+d%20)
		x.docs = append(x.docs, docSpan{date: date, lang: r.lang, hidden: hidden, runs: []run{r}})
		if !hidden {
			x.all.AddRange(uint64(r.start), uint64(r.start+r.size))
			year.span(date[:4], r)
			lang.span(r.lang, r)
		}
	}
	o := &owner{fresh: true}
	typ.addTo(x.typ, o.own)
	actor.addTo(x.actor, o.own)
	year.addTo(x.year, o.own)
	lang.addTo(x.docLang, o.own)
	fams := [famCount]collector{famType: typ, famActor: actor, famYear: year, famLanguage: lang}
	for i := range x.sets {
		fs := &x.sets[i]
		fs.of = make([]uint32, len(x.ids))
		fs.trie.setLabels(fs.of, &fams, fs.families)
	}
	return x
}

// sealed is body as a snapshot: the magic before it, its checksum after.
func sealed(body []byte) []byte {
	out := append(slices.Clone(searchSnapshotMagic), body...)
	return binary.LittleEndian.AppendUint32(out, crc32.ChecksumIEEE(out))
}

// An index written down reads back the same, whatever its size.
func TestSearchSnapshotRoundTrip(t *testing.T) {
	for _, size := range [][2]int{{0, 0}, {1, 1}, {7, 3}, {60, 40}, {25000, 40}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			x := sampleIndex(size[0], size[1])
			data, err := x.snapshot()
			if err != nil {
				t.Fatal(err)
			}
			y, err := readSearchSnapshot(data)
			if err != nil {
				t.Fatal(err)
			}
			if err := sameIndex(x, y); err != nil {
				t.Error(err)
			}
			if sentences := size[0] * size[1]; sentences > 100000 && len(data) > 12*sentences {
				t.Errorf("%d bytes for %d sentences: over 12 a sentence", len(data), sentences)
			}
		})
	}
}

// A snapshot cut short anywhere, or changed in any byte, is refused with
// errBadSearchSnapshot, never read as another index.
func TestSearchSnapshotDamaged(t *testing.T) {
	data, err := sampleIndex(9, 5).snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for cut := range len(data) {
		if _, err := readSearchSnapshot(data[:cut]); !errors.Is(err, errBadSearchSnapshot) {
			t.Fatalf("cut at %d of %d bytes: %v, want refused", cut, len(data), err)
		}
	}
	for at := range len(data) {
		spoilt := slices.Clone(data)
		spoilt[at] ^= 0x10
		if _, err := readSearchSnapshot(spoilt); !errors.Is(err, errBadSearchSnapshot) {
			t.Fatalf("byte %d of %d changed: %v, want refused", at, len(data), err)
		}
	}
}

// Whatever bytes a snapshot holds, reading it refuses it or gives an index
// that searches can count facets of, and that reads back the same once
// written down again. Sealed inputs get past the checksum, to reach every
// field.
func FuzzReadSearchSnapshot(f *testing.F) {
	for _, x := range []*labelIndex{newLabelIndex(indexKey{}), sampleIndex(3, 4), sampleIndex(400, 30)} {
		data, err := x.snapshot()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, false)
		f.Add(data[len(searchSnapshotMagic):len(data)-4], true)
	}
	f.Fuzz(func(t *testing.T, data []byte, seal bool) {
		if seal {
			data = sealed(data)
		}
		x, err := readSearchSnapshot(data)
		if err != nil {
			if !errors.Is(err, errBadSearchSnapshot) {
				t.Fatalf("refused with %v, not errBadSearchSnapshot", err)
			}
			return
		}
		_ = x.facets(x.all)
		again, err := x.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		y, err := readSearchSnapshot(again)
		if err != nil {
			t.Fatalf("written down again, refused: %v", err)
		}
		if err := sameIndex(x, y); err != nil {
			t.Fatalf("written down again: %v", err)
		}
	})
}

// The snapshot of an index of 100,000 statements of 40 sentences: written
// down, and read back.
func BenchmarkSearchSnapshot(b *testing.B) {
	x := sampleIndex(100000, 40)
	data, err := x.snapshot()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("write", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := x.snapshot(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			if _, err := readSearchSnapshot(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
