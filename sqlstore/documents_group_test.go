package sqlstore_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// groupDocs are documents of several shapes: statements with many
// sentences, references and entities, hand-made ones with odd lists, one
// without parties, the same labels in several documents.
func groupDocs(t *testing.T) []*entente.NewDocument {
	t.Helper()
	odd := handDoc("en", "Odd lists", "2020-01-02", []string{"CN", "RS"},
		sentence{text: "First."}, sentence{text: "Second."}, sentence{text: "First."})
	year := 2016
	odd.Extraction.References = []entente.Reference{{Title: "Treaty A", Kind: entente.RefAgreement, Year: &year, Sentences: []string{"s2", "s1", "s2"}}}
	odd.Extraction.Sentences[0].References = []string{"Treaty B", "Treaty A"}
	odd.Extraction.Mechanisms = []entente.Entity{{Name: "Council", Sentences: []string{"s3"}}}
	odd.Extraction.Sentences[2].Projects = []string{"Railway", "Council"}
	odd.Extraction.Sentences[1].Mechanisms = []string{"Council"}
	bare := handDoc("sr", "Без страна", "", []string{}, sentence{text: "Сарадња се наставља.", typ: entente.Commitment, actors: []string{"RS"}, areas: []string{"trade"}})
	bare.Extraction.Document.SignedDate = nil
	return []*entente.NewDocument{
		corpusDoc(t, statement),
		odd,
		corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt"),
		bare,
		handDoc("en", "Odd lists", "2020-01-02", []string{"CN"}, sentence{text: "First."}, sentence{text: "Third."}),
	}
}

// TestCreateDocumentsGroup writes documents as one group (each table's
// rows of all of them in one statement) and holds every one to the same
// document written alone: the same extraction, metadata, version and
// source, and search finds the same sentences.
func TestCreateDocumentsGroup(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		docs := groupDocs(t)
		actx := entente.NewContextWithActor(ctx, entente.Actor{Name: "loader", Via: "cli"})
		ids, err := s.CreateDocuments(actx, docs)
		if err != nil {
			t.Fatal(err)
		}
		// one event per document, in their order, naming who stored them
		events, err := s.Events(ctx, 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		var created []int64
		for i, e := range events {
			if i > 0 && e.Seq <= events[i-1].Seq {
				t.Errorf("events out of order: %d after %d", e.Seq, events[i-1].Seq)
			}
			if e.Action == "create" && e.Entity == "document" {
				created = append(created, e.Document)
				if e.Actor != "loader" || e.Via != "cli" {
					t.Errorf("event %d by %q via %q, want loader via cli", e.Seq, e.Actor, e.Via)
				}
			}
		}
		if !cmp.Equal(created, ids) {
			t.Errorf("document events for %v, want %v in order", created, ids)
		}
		if len(ids) != len(docs) {
			t.Fatalf("%d ids for %d documents", len(ids), len(docs))
		}
		alone := openSQLite(t)
		for i, nd := range docs {
			if i > 0 && ids[i] <= ids[i-1] {
				t.Errorf("ids %v are not in the order of the documents", ids)
			}
			aid := mustCreate(t, alone, nd)
			got, err := s.Document(ctx, ids[i])
			if err != nil {
				t.Fatal(err)
			}
			want, err := alone.Document(ctx, aid)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(nd.Extraction, got.Extraction); diff != "" {
				t.Errorf("document %d: extraction (-stored +read):\n%s", i, diff)
			}
			if got.Title != want.Title || got.Sentences != want.Sentences || got.Commitments != want.Commitments ||
				len(got.Versions) != 1 || len(got.Sources) != 1 || got.Versions[0].Text != nd.Text ||
				got.Versions[0].DocumentID != ids[i] || got.Sources[0].VersionID != got.Versions[0].ID ||
				got.Sources[0].Name != nd.Source.Name {
				t.Errorf("document %d read as %q (%d sentences, %d commitments, versions %+v, sources %+v), want it as written alone: %q (%d, %d)",
					i, got.Title, got.Sentences, got.Commitments, got.Versions, got.Sources, want.Title, want.Sentences, want.Commitments)
			}
		}
		sameHits(t, s, alone, "in the group", "铁路", "合作", "First", "сарадња")
	})
}

// sameHits holds each query's hits in s, whose documents were written in
// the way how says, to those in alone, where each was written alone:
// some, and as many.
func sameHits(t *testing.T, s, alone *sqlstore.Store, how string, queries ...string) {
	t.Helper()
	ctx := context.Background()
	for _, q := range queries {
		g, err := s.Search(ctx, entente.SearchQuery{Text: q, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		w, err := alone.Search(ctx, entente.SearchQuery{Text: q, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(g) == 0 || len(g) != len(w) {
			t.Errorf("search %q: %d hits %s, %d written alone", q, len(g), how, len(w))
		}
	}
}

// TestFailedGroupLeavesNothing: a group whose rows break a constraint part
// of the way through (the last document has the text of the first, which
// a version's UNIQUE text_sha256 refuses in the middle of a multi-row
// INSERT) stores none of its documents, not the rows written before the
// failing one, and the store writes on afterwards. SQLite's INSERTs stop
// at the failing row without undoing the rows before it (sqliteInsert):
// only the transaction's rollback may remove them.
func TestFailedGroupLeavesNothing(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		mustCreate(t, s, handDoc("en", "Stored before", "2019-05-06", []string{"CN", "RS"}, sentence{text: "Already here."}))
		before := rowCounts(t, s)
		first := handDoc("en", "First of the group", "2020-01-02", []string{"CN", "RS"},
			sentence{text: "The two sides will build the railway.", typ: entente.Commitment, actors: []string{"CN", "RS"}})
		second := handDoc("en", "Second of the group", "2020-01-03", []string{"CN"}, sentence{text: "Trade grew."})
		again := handDoc("en", "First of the group", "2020-01-02", []string{"CN", "RS"},
			sentence{text: "The two sides will build the railway.", typ: entente.Commitment, actors: []string{"CN", "RS"}})
		again.Original = append([]byte("\ufeff"), again.Original...) // other bytes, the same text
		again.Source.Name = "again.txt"
		third := handDoc("sr", "Треће", "2020-01-04", []string{"RS"}, sentence{text: "Сарадња се наставља."})
		// four rows: SQLite writes them in one statement (fixedShapes)
		if _, err := s.CreateDocuments(ctx, []*entente.NewDocument{first, second, third, again}); err == nil {
			t.Fatal("a group with one text twice was stored")
		}
		if after := rowCounts(t, s); !cmp.Equal(after, before) {
			t.Errorf("rows after the failed group %v, before it %v", after, before)
		}
		ids, err := s.CreateDocuments(ctx, []*entente.NewDocument{first, second, third})
		if err != nil {
			t.Fatalf("the group without the repeated text: %v", err)
		}
		if len(ids) != 3 {
			t.Errorf("%d documents stored after the failure, want 3", len(ids))
		}
	})
}
