package connect

import (
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/hugepages"
	"github.com/entente/entente/internal/snapbytes"
)

// An input snapshot is what a build read of the library, written down
// (the store keeps one: migration 0064), so that a new process, a command
// or a server that starts, reads it and then only what was added since
// (the store's RegistryInputAfter) in place of the whole library. At
// 100,000 statements the whole read took 5 of a command-line ingest's 12
// s. It is deflated; its layout, after the magic:
//
//	signature:  the library's signature it was read at (length, bytes)
//	mark:       last document, citation, entity; their counts; version
//	            links; the last event; others
//	strings:    count, then each: length, bytes (names, languages, kinds,
//	            parties: a library names each thing in many statements)
//	documents:  count, then each: id (from the last), title, kind,
//	            language, parties (count, each a string), date (flag, then
//	            length, bytes)
//	title keys: count (at most the documents'), then each: length, bytes:
//	            the keys of the first documents' titles as a build made
//	            them (entente.NameKey), which a new process then need not
//	            make again (100,000 took a quarter of a second)
//	items:      count, sentences in all, then each: row, kind, name,
//	            bracketed, reference kind, year (flag, value), version,
//	            document, language, sentences (count, each from the last),
//	            labels (count, each length, bytes); for a name an analyst
//	            added (row 0), the correction that added it and its place
//	unlike:     count, then each pair of documents (two ids)
//	aligned:    count, then each: documents (two ids), title, versions (two
//	            ids), languages (two strings), votes (count, then each:
//	            kind, the two names, reason)
//
// every number a varint, every string but titles, dates and labels a
// number in the strings. A snapshot that does not read back whole, or
// whose numbers point outside what it holds, is refused: the build then
// reads the whole library, as with none.
var inputSnapshotMagic = []byte("ENTENTE-REGISTRY-INPUT\x05")

// maxInputSnapshot bounds a snapshot as read (inflated): some 40 bytes an
// item, so 1 GB is some 25 million names.
const maxInputSnapshot = 1 << 30

var errBadInputSnapshot = errors.New("not a snapshot of the registry's input")

// inputSnapshot is what a snapshot holds: the input, the signature of
// the library it was read at, the pairs of documents found unlike, and
// the pairs found versions of one statement with what their alignment
// gave.
type inputSnapshot struct {
	signature string
	in        *entente.RegistryInput
	unlike    map[[2]int64]bool
	aligned   map[[2]int64]*alignedPair
	// titleKeys are the keys of the first documents' titles, in their
	// order (indexTitles), as far as a build made them
	titleKeys []string
}

// encode writes s down.
func (s *inputSnapshot) encode() ([]byte, error) {
	// sized for some 40 bytes an item: grown by doubling, the copies
	// were a third of a snapshot's writing at 100,000 statements
	w := &snapbytes.Writer{B: make([]byte, 0, 48*len(s.in.Items)+64*len(s.in.Documents)+1<<12)}
	w.B = append(w.B, inputSnapshotMagic...)
	m := s.in.Mark
	w.String(s.signature)
	for _, v := range []int64{m.LastDocument, m.LastCitation, m.LastEntity, m.Documents, m.Citations, m.Entities, m.VersionLinks, m.Events} {
		w.Varint(v)
	}
	w.String(m.Others)

	// the strings, each once, numbered in the order first met
	ids := map[string]uint64{}
	var strs []string
	id := func(s string) uint64 {
		n, ok := ids[s]
		if !ok {
			n = uint64(len(strs))
			ids[s] = n
			strs = append(strs, s)
		}
		return n
	}
	for _, d := range s.in.Documents {
		id(string(d.Kind))
		id(d.Language)
		for _, p := range d.Parties {
			id(p)
		}
	}
	for i := range s.in.Items {
		it := &s.in.Items[i]
		id(string(it.Kind))
		id(it.Name)
		id(string(it.RefKind))
		id(it.Language)
	}
	aligned := slices.SortedFunc(maps.Keys(s.aligned), pairOrder)
	for _, key := range aligned {
		p := s.aligned[key]
		id(p.langA)
		id(p.langB)
		for _, v := range p.votes {
			id(string(v.kind))
			id(v.a)
			id(v.b)
		}
	}
	w.Uvarint(uint64(len(strs)))
	for _, s := range strs {
		w.String(s)
	}

	w.Uvarint(uint64(len(s.in.Documents)))
	var last int64
	for _, d := range s.in.Documents {
		w.Varint(d.ID - last)
		last = d.ID
		w.String(d.Title)
		w.Uvarint(ids[string(d.Kind)])
		w.Uvarint(ids[d.Language])
		w.Uvarint(uint64(len(d.Parties)))
		for _, p := range d.Parties {
			w.Uvarint(ids[p])
		}
		w.Flag(d.SignedDate != nil)
		if d.SignedDate != nil {
			w.String(*d.SignedDate)
		}
	}

	keys := s.titleKeys[:min(len(s.titleKeys), len(s.in.Documents))]
	w.Uvarint(uint64(len(keys)))
	for _, k := range keys {
		w.String(k)
	}

	sentences := 0
	for i := range s.in.Items {
		sentences += len(s.in.Items[i].Sentences)
	}
	w.Uvarint(uint64(len(s.in.Items)))
	w.Uvarint(uint64(sentences))
	for i := range s.in.Items {
		it := &s.in.Items[i]
		w.Varint(it.RowID)
		w.Uvarint(ids[string(it.Kind)])
		w.Uvarint(ids[it.Name])
		w.Flag(it.Bracketed)
		w.Uvarint(ids[string(it.RefKind)])
		w.Flag(it.Year != nil)
		if it.Year != nil {
			w.Varint(int64(*it.Year))
		}
		w.Varint(it.VersionID)
		w.Varint(it.DocumentID)
		w.Uvarint(ids[it.Language])
		w.Uvarint(uint64(len(it.Sentences)))
		var last int64
		for _, id := range it.Sentences {
			w.Varint(id - last)
			last = id
		}
		w.Uvarint(uint64(len(it.Labels)))
		for _, l := range it.Labels {
			w.String(l)
		}
		if it.RowID == 0 {
			w.Varint(it.AddedBy)
			w.Varint(int64(it.AddedAt))
		}
	}

	// in order, so that the same input writes the same bytes
	var pairs [][2]int64
	for p, unlike := range s.unlike {
		if unlike {
			pairs = append(pairs, p)
		}
	}
	slices.SortFunc(pairs, pairOrder)
	w.Uvarint(uint64(len(pairs)))
	for _, p := range pairs {
		w.Varint(p[0])
		w.Varint(p[1])
	}
	w.Uvarint(uint64(len(aligned)))
	for _, key := range aligned {
		p := s.aligned[key]
		w.Varint(key[0])
		w.Varint(key[1])
		w.String(p.title)
		w.Varint(p.a)
		w.Varint(p.b)
		w.Uvarint(ids[p.langA])
		w.Uvarint(ids[p.langB])
		w.Uvarint(uint64(len(p.votes)))
		for _, v := range p.votes {
			w.Uvarint(ids[string(v.kind)])
			w.Uvarint(ids[v.a])
			w.Uvarint(ids[v.b])
			w.String(v.reason)
		}
	}

	// its length first, so that a reader makes its buffer once (grown
	// by doubling, 30 MB at 100,000 statements took a third of a read)
	return snapbytes.Deflate(binary.AppendUvarint(nil, uint64(len(w.B))), w.B)
}

// pairOrder orders pairs of ids by the first, then the second.
func pairOrder(a, b [2]int64) int {
	if c := cmp.Compare(a[0], b[0]); c != 0 {
		return c
	}
	return cmp.Compare(a[1], b[1])
}

// decodeInputSnapshot reads what encode wrote, checking every number.
func decodeInputSnapshot(data []byte) (*inputSnapshot, error) {
	size, n := binary.Uvarint(data)
	if n <= 0 || size > maxInputSnapshot {
		return nil, fmt.Errorf("%w: no length, or over %d bytes", errBadInputSnapshot, maxInputSnapshot)
	}
	zr := flate.NewReader(bytes.NewReader(data[n:]))
	// no more than the deflated bytes could hold (a ratio DEFLATE never
	// passes), so that a bad length allocates nothing much
	if size > 1032*uint64(len(data)) {
		return nil, fmt.Errorf("%w: a length its bytes cannot hold", errBadInputSnapshot)
	}
	raw := hugepages.Make[byte](int(size), int(size))
	if _, err := io.ReadFull(zr, raw); err != nil {
		return nil, fmt.Errorf("%w: %v", errBadInputSnapshot, err)
	}
	if k, err := zr.Read(make([]byte, 1)); k != 0 || err != io.EOF {
		return nil, fmt.Errorf("%w: longer than it says", errBadInputSnapshot)
	}
	return parseInputSnapshot(raw)
}

// parseInputSnapshot reads a snapshot's bytes as inflated.
func parseInputSnapshot(raw []byte) (*inputSnapshot, error) {
	if !bytes.HasPrefix(raw, inputSnapshotMagic) {
		return nil, fmt.Errorf("%w: no magic", errBadInputSnapshot)
	}
	r := snapbytes.NewReader(raw[len(inputSnapshotMagic):], errBadInputSnapshot, 0)
	s := &inputSnapshot{signature: r.String("signature"), in: &entente.RegistryInput{}, unlike: map[[2]int64]bool{}}
	m := &s.in.Mark
	for _, v := range []*int64{&m.LastDocument, &m.LastCitation, &m.LastEntity, &m.Documents, &m.Citations, &m.Entities, &m.VersionLinks, &m.Events} {
		*v = r.Varint("mark")
	}
	m.Others = r.String("mark")

	strs := make([]string, r.Count("strings", 1))
	for i := range strs {
		strs[i] = r.String("string")
	}
	str := func(what string) string {
		n := r.Uvarint(what)
		if n >= uint64(len(strs)) {
			r.Fail("%s: a string it does not hold", what)
			return ""
		}
		return strs[n]
	}

	docs := make([]entente.RegistryDocument, r.Count("documents", 6))
	var last int64
	for i := range docs {
		if r.Err != nil {
			break
		}
		d := &docs[i]
		d.ID = last + r.Varint("document id")
		if d.ID <= last && i > 0 {
			r.Fail("documents out of order")
			break
		}
		last = d.ID
		d.Title = r.String("title")
		d.Kind = entente.Kind(str("kind"))
		d.Language = str("language")
		d.Parties = make([]string, r.Count("parties", 1))
		for j := range d.Parties {
			d.Parties[j] = str("party")
		}
		if r.Flag("date") {
			date := r.String("date")
			d.SignedDate = &date
		}
	}
	s.in.Documents = docs
	s.titleKeys = make([]string, r.Count("title keys", 1))
	if len(s.titleKeys) > len(docs) {
		r.Fail("%d title keys for %d documents", len(s.titleKeys), len(docs))
		s.titleKeys = nil
	}
	for i := range s.titleKeys {
		s.titleKeys[i] = r.String("title key")
	}

	nItems := r.Count("items", 11)
	// the sentences of all items in one array, each item's a part of it,
	// as a whole read lays them out
	all := hugepages.Make[int64](0, r.Count("sentences", 1))
	// with room for what is added after it, as a whole read leaves
	items := hugepages.Make[entente.RegistryItem](nItems, nItems+nItems/16+64)
	years := map[int64]*int{}
	for i := range items {
		if r.Err != nil {
			break
		}
		it := &items[i]
		it.RowID = r.Varint("row")
		it.Kind = entente.RegistryKind(str("kind"))
		it.Name = str("name")
		it.Bracketed = r.Flag("bracketed")
		it.RefKind = entente.ReferenceKind(str("reference kind"))
		if r.Flag("year") {
			v := r.Varint("year")
			y, ok := years[v]
			if !ok {
				y = new(int)
				*y = int(v)
				years[v] = y
			}
			it.Year = y
		}
		it.VersionID = r.Varint("version")
		it.DocumentID = r.Varint("document")
		it.Language = str("language")
		ns := r.Count("item's sentences", 1)
		if len(all)+ns > cap(all) {
			r.Fail("more sentences than it said")
			break
		}
		from := len(all)
		var last int64
		for range ns {
			last += r.Varint("sentence")
			all = append(all, last)
		}
		it.Sentences = all[from:len(all):len(all)]
		if nl := r.Count("labels", 1); nl > 0 {
			it.Labels = make([]string, nl)
			for j := range it.Labels {
				it.Labels[j] = r.String("label")
			}
		}
		if it.RowID == 0 {
			it.AddedBy, it.AddedAt = r.Varint("added by"), int(r.Varint("added at"))
		}
	}
	s.in.Items = items

	np := r.Count("unlike pairs", 2)
	for range np {
		if r.Err != nil {
			break
		}
		s.unlike[[2]int64{r.Varint("pair"), r.Varint("pair")}] = true
	}
	na := r.Count("aligned pairs", 8)
	s.aligned = make(map[[2]int64]*alignedPair, na)
	for range na {
		if r.Err != nil {
			break
		}
		p := &alignedPair{docs: [2]int64{r.Varint("aligned pair"), r.Varint("aligned pair")}, title: r.String("title"),
			a: r.Varint("version"), b: r.Varint("version"), langA: str("language"), langB: str("language")}
		p.votes = make([]pairVote, r.Count("votes", 4))
		for j := range p.votes {
			p.votes[j] = pairVote{kind: entente.RegistryKind(str("kind")), a: str("name"), b: str("name"), reason: r.String("reason")}
		}
		if s.aligned[p.docs] != nil {
			r.Fail("a pair twice")
			break
		}
		s.aligned[p.docs] = p
	}
	if r.Err == nil && len(r.B) != 0 {
		r.Fail("bytes after the end")
	}
	if r.Err != nil {
		return nil, r.Err
	}
	return s, nil
}
