package connect_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestRebuildReadsWhatWasAdded: after new documents a rebuild reads only
// what was added to the library (as a server's rebuild after an upload
// does), and after a deletion, a correction of a sentence's names or an
// editor's version link only what changed;
// and each time the registry is the one a fresh connector's whole read
// makes, entry by entry, with its names, reasons and counts.
func TestRebuildReadsWhatWasAdded(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt", "cn-rs-2016.zh.txt")
		c, rs := countingConnector(t, s)
		rebuild := func(what string, reads, added int) *connect.Summary {
			t.Helper()
			sum, err := c.Rebuild(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if rs.reads != reads || rs.added != added {
				t.Errorf("%s: the library read whole %d times and what was added %d, want %d and %d", what, rs.reads, rs.added, reads, added)
			}
			sameAsFreshBuild(t, ctx, s, what)
			return sum
		}
		rebuild("the first build", 1, 0)
		// statements that cite those stored and each other's instruments
		more := ingestLibrary(t, ctx, s, "cn-rs-2019.zh.txt", "cn-rs-2023.zh.txt")
		rebuild("after two statements", 1, 1)
		ingestLibrary(t, ctx, s, "cn-rs-2024.zh.txt", "cn-hu-2024.zh.txt")
		before := rebuild("after two more", 1, 2)
		// the same statement in English: a pair of versions found among
		// what was added, next to the pairs an earlier build read unlike
		ingestLibrary(t, ctx, s, "cn-rs-2024.en.txt")
		if sum := rebuild("after a version in English", 1, 3); sum.Links <= before.Links {
			t.Errorf("after a version in English: %d names linked across versions, %d before", sum.Links, before.Links)
		} else {
			// the pair is found again by the next build of what was added
			before = sum
		}
		ingestLibrary(t, ctx, s, "cn-rs-2009.zh.txt")
		read := len(rs.whole)
		if sum := rebuild("after one more", 1, 4); sum.Links != before.Links {
			t.Errorf("after one more: %d names linked across versions, %d before", sum.Links, before.Links)
		}
		// the two versions aligned by the build before are not read again
		if len(rs.whole) != read {
			t.Errorf("after one more: read documents %v whole, want none", rs.whole[read:])
		}
		if err := s.DeleteDocument(ctx, more["cn-rs-2019.zh.txt"]); err != nil {
			t.Fatal(err)
		}
		rebuild("after a deletion", 1, 5)
		if err := s.DeleteDocument(ctx, ids["cn-rs-2013.zh.txt"]); err != nil {
			t.Fatal(err)
		}
		ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt")
		rebuild("after a deletion and an ingest", 1, 6)
		// an analyst strikes a name from a sentence: that document read again
		committee := entryOf(t, allEntries(t, ctx, s), "中塞经贸合作政府间委员会")
		full, err := s.RegistryEntry(ctx, committee.ID, 100)
		if err != nil || len(full.MentionList) == 0 {
			t.Fatalf("the committee's mentions: %v, %v", full, err)
		}
		m := full.MentionList[0]
		tr, err := tracking.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: m.DocumentID, Sentence: m.Sentence,
			Field: "mechanisms", Value: []byte(`[]`), Why: "not the committee"}); err != nil {
			t.Fatal(err)
		}
		rebuild("after a correction of names", 1, 7)
		// two documents linked as versions of one statement: both read again
		if _, err := s.SetVersionLink(ctx, more["cn-rs-2023.zh.txt"], ids["cn-rs-2016.zh.txt"], true, entente.LinkManual, "checking"); err != nil {
			t.Fatal(err)
		}
		rebuild("after a version link", 1, 8)
	})
}

// sameAsFreshBuild checks that the stored registry is the one a fresh
// connector builds of a whole read of the library.
func sameAsFreshBuild(t *testing.T, ctx context.Context, s *sqlstore.Store, what string) {
	t.Helper()
	got := entryLines(t, ctx, s)
	if _, err := wholeReader(t, s).Rebuild(ctx); err != nil {
		t.Fatal(err)
	}
	if want := entryLines(t, ctx, s); !slices.Equal(got, want) {
		t.Errorf("%s: the registry\n%v\na fresh whole build makes\n%v", what, got, want)
	}
}

// entryLines is each entry of the registry as a line: its kind, name,
// document, parties and counts, and each name with its reason.
func entryLines(t *testing.T, ctx context.Context, s *sqlstore.Store) []string {
	t.Helper()
	var out []string
	for _, e := range allEntries(t, ctx, s) {
		line := fmt.Sprintf("%s|%s|%v|%d|%d", e.Kind, e.Name, e.Parties, e.MentionCount, e.DocumentCount)
		if e.Document != nil {
			line += fmt.Sprintf("|doc %d", e.Document.ID)
		}
		for _, a := range e.Aliases {
			line += "|" + a.Alias + "/" + a.Why
		}
		out = append(out, line)
	}
	slices.Sort(out)
	return out
}

// wholeReads is a store without the snapshot of the registry's input: a
// connector over it reads the whole library when it holds nothing.
type wholeReads struct{ *sqlstore.Store }

func (wholeReads) RegistryInputSnapshot(context.Context) ([]byte, bool, error) {
	return nil, false, nil
}
func (wholeReads) SaveRegistryInputSnapshot(context.Context, []byte) error { return nil }

// wholeReader is a new connector over s that builds from a whole read of
// the library, as one did before any snapshot was kept.
func wholeReader(t *testing.T, s *sqlstore.Store) *connect.Connector {
	t.Helper()
	c, err := connect.New(s)
	if err != nil {
		t.Fatal(err)
	}
	c.Store = wholeReads{s}
	return c
}

// TestAnInstrumentStoredAfterItsCiters: a statement stored after those
// that cite it is the document its entry links to, on a rebuild that reads
// only what was added (the titles of the documents read before are not
// read again).
func TestAnInstrumentStoredAfterItsCiters(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt", "cn-rs-2023.zh.txt")
		c, rs := countingConnector(t, s)
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		const title = "中华人民共和国和塞尔维亚共和国关于建立全面战略伙伴关系的联合声明"
		if e := entryOf(t, allEntries(t, ctx, s), title); e.Document != nil {
			t.Fatalf("before the 2016 statement is stored, its entry links to %+v", e.Document)
		}
		ids := ingestLibrary(t, ctx, s, "cn-rs-2016.zh.txt")
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		if rs.reads != 1 || rs.added != 1 {
			t.Errorf("read the library whole %d times and what was added %d, want 1 and 1", rs.reads, rs.added)
		}
		if e := entryOf(t, allEntries(t, ctx, s), title); e.Document == nil || e.Document.ID != ids["cn-rs-2016.zh.txt"] {
			t.Errorf("the 2016 statement's entry links to %+v, want document %d", e.Document, ids["cn-rs-2016.zh.txt"])
		}
		sameAsFreshBuild(t, ctx, s, "after the cited statement")
	})
}
