package tracking

import (
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
)

// seedIndex is an index of n generated documents, each with a few
// commitments of varied labels and statuses, read as from a store.
func seedIndex(tb testing.TB, n int) *commitmentIndex {
	tb.Helper()
	rules, err := LoadDueRules()
	if err != nil {
		tb.Fatal(err)
	}
	t := &Tracker{Rules: rules}
	x := &commitmentIndex{rules: rules.Fingerprint(), names: names{ids: map[string]uint16{}}}
	b := &entente.CommitmentBatch{}
	parties := []string{"CN", "RS", "AE", "HU"}
	for d := range n {
		id := int64(d + 1)
		date := fmt.Sprintf("20%02d-%02d-15", 10+d%15, 1+d%12)
		ps := []string{parties[0], parties[1+d%3]}
		b.Asked = append(b.Asked, id)
		b.Documents = append(b.Documents, entente.CommitmentDocument{ID: id, SignedDate: date, Parties: ps, Withdrawn: d%7 == 6})
		for s := range 1 + d%4 {
			c := entente.ListedCommitment{SentenceID: id*100 + int64(s)}
			c.DocumentID, c.SignedDate, c.Parties, c.ID = id, date, ps, int64(d*10+s)*int64(s%2)
			c.Sentence.Strength = []entente.Strength{entente.Firm, entente.Intent, entente.Soft}[s%3]
			c.Sentence.Actors = ps[:s%3%len(ps)]
			c.Sentence.Areas = []string{"trade", "energy", "culture"}[:s%3]
			if s%2 == 1 {
				dl := "年内"
				c.Sentence.Deadline, c.Sentence.Text = &dl, "双方将于年内完成。"
			}
			for _, p := range ps {
				c.Statuses = append(c.Statuses, entente.PartyStatus{Party: p, Status: entente.Statuses[(d+s)%len(entente.Statuses)]})
			}
			b.Commitments = append(b.Commitments, c)
		}
	}
	docs, err := t.indexDocs(&x.names, b)
	if err != nil {
		tb.Fatal(err)
	}
	slices.SortFunc(docs, docOrder)
	x.docs = docs
	return x
}

// FuzzReadSnapshot: no input makes the snapshot reader panic or allocate
// past its input, and an index it accepts answers every query without
// panicking (its numbers point inside what it holds).
func FuzzReadSnapshot(f *testing.F) {
	for _, n := range []int{0, 1, 5, 2000} {
		data, err := seedIndex(f, n).snapshot()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
	f.Add(snapshotMagic)
	f.Fuzz(func(t *testing.T, data []byte) {
		x, err := readSnapshot(data)
		if err != nil {
			return
		}
		for _, fl := range []entente.CommitmentFilter{{}, {Withdrawn: true, Sort: "due"}, {Party: "CN", Sort: "status"},
			{Area: "trade", Status: entente.Fulfilled, Pair: []string{"CN", "RS"}}, {Overdue: true, Offset: 3}} {
			fl.Limit = 50
			q := x.query(&fl, "2026-06-01")
			x.page(q)
			x.tally(q, map[int64]bool{1: true, 10: true})
			x.byArea(q)
		}
	})
}

// TestSnapshotRoundTrip: an index written down and read back is the same
// index, at every size the seeds have.
func TestSnapshotRoundTrip(t *testing.T) {
	for _, n := range []int{0, 1, 5, 2000} {
		x := seedIndex(t, n)
		data, err := x.snapshot()
		if err != nil {
			t.Fatal(err)
		}
		y, err := readSnapshot(data)
		if err != nil {
			t.Fatalf("%d documents: %v", n, err)
		}
		if x.dump() != y.dump() {
			t.Errorf("%d documents: read back differs:\n%.1000s\n%.1000s", n, x.dump(), y.dump())
		}
		// the documents' commitments share arrays: a commitment appended
		// to one document's must not land in the next's
		for i, d := range y.docs {
			if cap(d.commitments) != len(d.commitments) {
				t.Fatalf("%d documents: document %d's commitments have room past them, into the next's", n, i)
			}
		}
		// every byte cut off, or one flipped, is refused or reads as an
		// index that answers queries (the fuzz target's property)
		if n == 5 {
			for i := range data {
				if _, err := readSnapshot(data[:i]); err == nil {
					t.Errorf("a snapshot cut at %d of %d bytes reads", i, len(data))
				}
			}
		}
	}
}
