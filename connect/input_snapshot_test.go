package connect

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"reflect"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// seedInput is the input of n generated documents as a whole read gives
// it: references, then mechanisms and projects, then names analysts
// added; some documents without a date, some names with years, some
// pairs of documents found unlike.
func seedInput(n int) *inputSnapshot {
	in := &entente.RegistryInput{Mark: entente.RegistryMark{LastDocument: int64(3 * n), Documents: int64(n), Others: "7,2", Events: int64(5*n + 1)}}
	parties := []string{"CN", "RS", "AE", "HU"}
	langs := []string{"zh", "en", "sr-Latn", "sr-Cyrl"}
	var refs, ents, added []entente.RegistryItem
	sentence := int64(1)
	for d := range n {
		id := int64(3*d + 1)
		doc := entente.RegistryDocument{ID: id, Title: fmt.Sprintf("联合声明 %d", d), Kind: entente.Kind([]string{"joint_statement", "agreement"}[d%2]),
			Language: langs[d%4], Parties: []string{parties[0], parties[1+d%3]}}
		if d%5 != 4 {
			date := fmt.Sprintf("20%02d-%02d-15", 10+d%15, 1+d%12)
			doc.SignedDate = &date
		}
		if d%9 == 8 {
			doc.Parties = []string{}
		}
		in.Documents = append(in.Documents, doc)
		for k := range d % 4 {
			it := entente.RegistryItem{Kind: entente.RegInstrument, Name: fmt.Sprintf("中塞合作协定%d", (d+k)%7), Bracketed: k%2 == 0,
				RefKind: entente.ReferenceKind([]string{"agreement", "plan", ""}[k%3]), VersionID: id * 2, DocumentID: id,
				Language: doc.Language, Sentences: []int64{sentence, sentence + int64(k) + 1}, RowID: int64(len(refs) + 1)}
			if k%2 == 1 {
				y := 2000 + d%20
				it.Year = &y
			}
			sentence += 3
			refs = append(refs, it)
		}
		if d%3 == 0 {
			ents = append(ents, entente.RegistryItem{Kind: entente.RegMechanism, Name: "政府间委员会", VersionID: id * 2, DocumentID: id,
				Language: doc.Language, Sentences: []int64{sentence}, RowID: int64(len(ents) + 1)})
			sentence++
		}
		if d%11 == 10 {
			added = append(added, entente.RegistryItem{Kind: entente.RegProject, Name: "匈塞铁路", VersionID: id * 2, DocumentID: id,
				Language: doc.Language, Sentences: []int64{}, Labels: []string{"s3", "s12"}, AddedBy: int64(40 + d), AddedAt: d % 3})
		}
	}
	in.Items = append(append(refs, ents...), added...)
	unlike := map[[2]int64]bool{}
	for d := 0; d+1 < n; d += 6 {
		unlike[[2]int64{int64(3*d + 1), int64(3*d + 4)}] = true
	}
	aligned := map[[2]int64]*alignedPair{}
	for d := 1; d+1 < n; d += 8 {
		a, b := in.Documents[d], in.Documents[d+1]
		p := &alignedPair{docs: [2]int64{a.ID, b.ID}, title: a.Title, a: a.ID * 2, b: b.ID * 2, langA: a.Language, langB: b.Language}
		for k := range d % 3 {
			p.votes = append(p.votes, pairVote{kind: entente.RegInstrument, a: fmt.Sprintf("中塞合作协定%d", k), b: fmt.Sprintf("Agreement %d", k),
				reason: entente.NewReason("counterparts", a.Language, b.Language, a.Title, "s1", "s2")})
		}
		aligned[p.docs] = p
	}
	// the keys of the first two thirds of the titles, as a build made
	// them before the last documents were added
	var titleKeys []string
	for _, d := range in.Documents[:2*n/3] {
		titleKeys = append(titleKeys, key(d.Title))
	}
	return &inputSnapshot{signature: "12,40,8,30,7", in: in, unlike: unlike, aligned: aligned, titleKeys: titleKeys}
}

// TestInputSnapshotReadsBack: what encode writes reads back as the same
// input, mark, signature and pairs, and each item's sentences are parts
// of one array that an append to one never carries into the next.
func TestInputSnapshotReadsBack(t *testing.T) {
	for _, n := range []int{0, 1, 12, 500} {
		s := seedInput(n)
		data, err := s.encode()
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeInputSnapshot(data)
		if err != nil {
			t.Fatalf("%d documents: %v", n, err)
		}
		if got.signature != s.signature || got.in.Mark != s.in.Mark || !reflect.DeepEqual(got.unlike, s.unlike) {
			t.Errorf("%d documents: read back %q %+v %v, want %q %+v %v", n, got.signature, got.in.Mark, got.unlike, s.signature, s.in.Mark, s.unlike)
		}
		if len(got.aligned) != len(s.aligned) {
			t.Errorf("%d documents: %d aligned pairs read back, want %d", n, len(got.aligned), len(s.aligned))
		}
		for key, p := range s.aligned {
			q := got.aligned[key]
			if q == nil || q.title != p.title || q.a != p.a || q.b != p.b || q.langA != p.langA || q.langB != p.langB ||
				len(q.votes) != len(p.votes) || (len(p.votes) > 0 && !reflect.DeepEqual(q.votes, p.votes)) {
				t.Errorf("%d documents: aligned pair %v read back as %+v, want %+v", n, key, q, p)
			}
		}
		if !slices.Equal(got.titleKeys, s.titleKeys) {
			t.Errorf("%d documents: title keys read back as %q, want %q", n, got.titleKeys, s.titleKeys)
		}
		if len(s.in.Documents) > 0 && !reflect.DeepEqual(got.in.Documents, s.in.Documents) {
			t.Errorf("%d documents: documents read back otherwise", n)
		}
		if len(got.in.Items) != len(s.in.Items) {
			t.Fatalf("%d documents: %d items read back, want %d", n, len(got.in.Items), len(s.in.Items))
		}
		for i := range s.in.Items {
			if !reflect.DeepEqual(got.in.Items[i], s.in.Items[i]) {
				t.Errorf("%d documents: item %d read back as\n%+v\nwant\n%+v", n, i, got.in.Items[i], s.in.Items[i])
				break
			}
		}
		for i, it := range got.in.Items {
			if cap(it.Sentences) != len(it.Sentences) {
				t.Errorf("%d documents: item %d's sentences have room past them, into the next item's", n, i)
				break
			}
		}
		again, err := got.encode()
		if err != nil || !bytes.Equal(again, data) {
			t.Errorf("%d documents: written again, %d bytes against %d (%v)", n, len(again), len(data), err)
		}
	}
}

// TestInputSnapshotRefusesWhatItDoesNotHold: a snapshot cut short, with
// bytes after its end, a string number past its strings, a length it
// does not hold, or of another format is refused, never read in part.
func TestInputSnapshotRefusesWhatItDoesNotHold(t *testing.T) {
	good, err := seedInput(40).encode()
	if err != nil {
		t.Fatal(err)
	}
	raw := inflated(t, good)
	deflated := func(raw []byte, length int) []byte {
		var out bytes.Buffer
		out.Write(binary.AppendUvarint(nil, uint64(length)))
		zw, _ := flate.NewWriter(&out, flate.BestSpeed)
		zw.Write(raw)
		zw.Close()
		return out.Bytes()
	}
	lacking := lackingAString(t)
	cases := map[string][]byte{
		"empty":                  nil,
		"not deflated":           append(binary.AppendUvarint(nil, uint64(len(raw))), raw...),
		"cut short":              deflated(raw[:len(raw)-3], len(raw)-3),
		"bytes after the end":    deflated(append(bytes.Clone(raw), 0), len(raw)+1),
		"longer than it says":    deflated(raw, len(raw)-1),
		"a length past its data": deflated(raw, 1<<29),
		"another format":         deflated(append([]byte("ENTENTE-REGISTRY-INPUT\x04"), raw[len(inputSnapshotMagic):]...), len(raw)),
		"more title keys than documents": func() []byte {
			s := seedInput(40)
			s.in.Documents = s.in.Documents[:3]
			s.titleKeys = []string{"a", "b", "c"}
			raw := inflated(t, mustEncode(t, s))
			// the count of title keys follows the third document's date
			at := bytes.Index(raw, []byte("\x03\x01a\x01b\x01c"))
			if at < 0 {
				t.Fatal("the title keys not where they were")
			}
			raw[at] = 4
			raw = append(raw[:at+7:at+7], append([]byte("\x01d"), raw[at+7:]...)...)
			return deflated(raw, len(raw))
		}(),
		"a string it lacks": deflated(lacking, len(lacking)),
	}
	for what, data := range cases {
		if s, err := decodeInputSnapshot(data); err == nil {
			t.Errorf("%s: read as a snapshot of %d items", what, len(s.in.Items))
		}
	}
}

// inflated is a snapshot's bytes before deflation.
func inflated(t testing.TB, data []byte) []byte {
	t.Helper()
	_, n := binary.Uvarint(data)
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data[n:])))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// lackingAString is the snapshot of one mechanism with its language's
// string left out: its number points past the strings.
func lackingAString(t *testing.T) []byte {
	t.Helper()
	one := &inputSnapshot{in: &entente.RegistryInput{Items: []entente.RegistryItem{{Kind: entente.RegMechanism, Name: "n",
		Language: "zh", VersionID: 1, DocumentID: 1, Sentences: []int64{}, RowID: 1}}}}
	raw := inflated(t, mustEncode(t, one))
	// magic, the signature (""), the mark (eight zeros and ""), then the
	// strings in the order met: "mechanism", "n", "", "zh"
	at := len(inputSnapshotMagic) + 1 + 8 + 1
	if raw[at] != 4 || string(raw[at+1:at+11]) != "\x09mechanism" || string(raw[at+14:at+17]) != "\x02zh" {
		t.Fatalf("the strings not where they were: % x", raw[at:at+17])
	}
	out := append(bytes.Clone(raw[:at]), 3)
	out = append(out, raw[at+1:at+14]...)
	return append(out, raw[at+17:]...)
}

func mustEncode(t *testing.T, s *inputSnapshot) []byte {
	t.Helper()
	data, err := s.encode()
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// FuzzInputSnapshot: no input makes the reader panic or allocate much
// past its input; an input it accepts writes back to bytes it reads the
// same.
func FuzzInputSnapshot(f *testing.F) {
	for _, n := range []int{0, 1, 7, 3000} {
		data, err := seedInput(n).encode()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := decodeInputSnapshot(data)
		if err != nil {
			return
		}
		again, err := s.encode()
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodeInputSnapshot(again)
		if err != nil {
			t.Fatalf("written again, not read: %v", err)
		}
		if !reflect.DeepEqual(back.in.Documents, s.in.Documents) || len(back.in.Items) != len(s.in.Items) || back.signature != s.signature {
			t.Fatal("written again, read otherwise")
		}
	})
}

// FuzzInputSnapshotParse is FuzzInputSnapshot past the inflation, where
// a mutation reaches the counts and numbers themselves.
func FuzzInputSnapshotParse(f *testing.F) {
	for _, n := range []int{0, 1, 7, 3000} {
		data, err := seedInput(n).encode()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(inflated(f, data))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		s, err := parseInputSnapshot(raw)
		if err != nil {
			return
		}
		again, err := s.encode()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := decodeInputSnapshot(again); err != nil {
			t.Fatalf("written again, not read: %v", err)
		}
	})
}
