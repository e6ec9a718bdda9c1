package sqlstore_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestSearchIndexFollowsEdits makes every kind of change a library sees
// after its search index was built (a status, evidence, corrections of a
// sentence's labels and of a document's parties and date, an undo, a
// split, a re-extraction, a withdrawal and a restore, a new statement, a
// deletion), each after searches that fill the index's caches, and after
// each holds every search to the same search on a store that builds its
// index from the whole collection: the same hits in the same order, totals
// and facets, on both databases. None of them builds the index anew; a
// status or evidence changes nothing search sees, so it reads no document
// again either.
//
// Pinned, every query's matches are pinned and no other kept match is
// checked (the bound of those checks at its least): the pinned matches,
// checked by their tokens, must follow every change alone, and no search
// after a change reads a query's matches from the full-text index again
// (a phrase's, which are never pinned, aside).
func TestSearchIndexFollowsEdits(t *testing.T) {
	for _, pinned := range []bool{false, true} {
		name := ""
		if pinned {
			name = ", pinned"
		}
		t.Run("sqlite"+name, func(t *testing.T) {
			t.Parallel()
			path := t.TempDir() + "/entente.db"
			testSearchIndexFollowsEdits(t, func() (*sqlstore.Store, error) { return openSQLitePath(path) }, pinned)
		})
		t.Run("postgres"+name, func(t *testing.T) {
			t.Parallel()
			dsn := pgDSN(t)
			testSearchIndexFollowsEdits(t, func() (*sqlstore.Store, error) { return openPostgresDSN(dsn) }, pinned)
		})
	}
}

// relabel is an extractor of the future: it reads as the Chinese one does,
// then calls every firm commitment soft and every soft one firm, and adds
// the area energy to each sentence that has none.
type relabel struct{ tracking.Extractor }

func (r relabel) Extract(text string) *entente.Extraction {
	x := r.Extractor.Extract(text)
	for i := range x.Sentences {
		st := &x.Sentences[i]
		switch st.Strength {
		case entente.Firm:
			st.Strength = entente.Soft
		case entente.Soft:
			st.Strength = entente.Firm
		}
		if len(st.Areas) == 0 {
			st.Areas = []string{"energy"}
		}
	}
	return x
}

func testSearchIndexFollowsEdits(t *testing.T, open func() (*sqlstore.Store, error), pinned bool) {
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if pinned {
		s.PinMatches = 1
		sqlstore.SetMatchChecks(s, 1)
	}
	user := &entente.User{Name: "ed", Role: entente.RoleEditor}
	ctx := entente.NewContextWithActor(entente.NewContextWithUser(context.Background(), user), entente.Actor{Name: "ed", Via: "api"})
	zh, _ := searchCorpus(t, s)
	tr, err := tracking.New(s)
	if err != nil {
		t.Fatal(err)
	}
	tr.Extractor, tr.ExtractorName = relabel{extractor}, "extract/zh (relabel)"
	s.UsePartReader(tracking.NewPartReader(func() (tracking.Extractor, error) { return extractor, nil }))
	docs, err := s.Documents(ctx, entente.DocumentFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var doc, english int64
	for _, d := range docs {
		switch d.Title {
		case zh.Extraction.Document.Title:
			doc = d.ID
		case "Joint statement in English":
			english = d.ID
		}
	}
	d, err := s.Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	// the commitments the changes touch, each a different one
	var commitments []entente.Sentence
	for _, st := range d.Extraction.Sentences {
		if st.Type == entente.Commitment && len([]rune(st.Text)) > 12 {
			commitments = append(commitments, st)
		}
	}
	if len(commitments) < 6 {
		t.Fatalf("the statement has %d commitments; the test needs 6", len(commitments))
	}
	queries := []entente.SearchQuery{
		{}, {Text: "合作"}, {Text: "铁路"}, {Text: "合"}, {Text: "全面战略伙伴关系"}, {Text: "cooperate"}, {Text: "saradnju"},
		{Party: "HU"}, {Party: "KZ"}, {Party: "CN"}, {Type: entente.Position}, {Type: entente.Commitment}, {Strength: entente.Soft},
		{Area: "culture"}, {Area: "energy"}, {From: "2030"}, {To: "2024-06"}, {Language: "zh"},
		{Text: "合作", Type: entente.Commitment}, {Text: "合作", Party: "HU"}, {Text: "合作", Strength: entente.Firm, Area: "energy"},
		{Text: "发展", From: "2024"},
	}
	search := func() {
		t.Helper()
		for _, q := range queries {
			if _, err := s.SearchPage(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
	}
	compare := func(step string) {
		t.Helper()
		fresh, err := open()
		if err != nil {
			t.Fatal(err)
		}
		defer fresh.Close()
		sqlstore.IgnoreSearchSnapshot(fresh) // which may hold what s pinned
		for _, q := range queries {
			for _, limit := range []int{0, 3} {
				q.Limit, q.Offset = limit, min(limit, 2)
				got, err := s.SearchPage(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				want, err := fresh.SearchPage(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("after %s, %+v (-built anew +updated):\n%s", step, q, diff)
				}
			}
		}
	}
	correct := func(sentence, field, value string) func() error {
		return func() error {
			_, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: sentence, Field: field, Value: json.RawMessage(value), Why: "test"})
			return err
		}
	}
	var evidence int64
	steps := []struct {
		name   string
		change func() error
		unseen bool // search sees nothing of it
	}{
		{"evidence", func() error {
			e, err := tr.AddEvidence(ctx, tracking.EvidenceInput{Document: doc, Sentence: commitments[0].ID,
				Evidence: entente.Evidence{Title: "A report", Publisher: "Ministry"}})
			if e != nil {
				evidence = e.ID
			}
			return err
		}, true},
		{"a status", func() error {
			_, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: commitments[0].ID, Status: entente.InProgress, EvidenceID: evidence, Why: "test", Revision: -1})
			return err
		}, true},
		{"a type correction", correct(commitments[1].ID, "type", `"position"`), false},
		{"a strength correction", correct(commitments[2].ID, "strength", `"soft"`), false},
		{"an areas correction", correct(commitments[3].ID, "areas", `["culture","energy"]`), false},
		{"an actors correction", correct(commitments[4].ID, "actors", `["HU"]`), false},
		{"a date correction", correct("", "date", `"2030-05-01"`), false},
		{"a parties correction", correct("", "parties", `["CN","KZ"]`), false},
		{"an undo", func() error {
			events, err := s.History(ctx, entente.EventFilter{Document: doc, Limit: 100})
			if err != nil {
				return err
			}
			i := slices.IndexFunc(events, func(e entente.Event) bool { return e.Entity == "correction" })
			if i < 0 {
				t.Fatal("no correction to undo")
			}
			return tr.Undo(ctx, events[i].Seq)
		}, false},
		{"a split", func() error {
			_, err := tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: commitments[5].ID, At: []int{6}, Why: "two promises"})
			return err
		}, false},
		{"a re-extraction", func() error { _, err := tr.Reextract(ctx, doc); return err }, false},
		{"a withdrawal", func() error {
			if err := tr.Withdraw(ctx, doc, "test"); err != nil {
				return err
			}
			// hidden from search as from lists
			hits, err := s.Search(ctx, entente.SearchQuery{})
			if err != nil {
				return err
			}
			if i := slices.IndexFunc(hits, func(h entente.SearchHit) bool { return h.DocumentID == doc }); i >= 0 || len(hits) == 0 {
				t.Errorf("after a withdrawal, a search finds %d sentences, of which the withdrawn document's at %d; want others' only", len(hits), i)
			}
			return nil
		}, false},
		{"a restore", func() error { return tr.Restore(ctx, doc, "test") }, false},
		{"a new statement", func() error {
			_, err := s.CreateDocument(ctx, handDoc("en", "A later statement", "2026-03-01", []string{"CN", "HU"},
				sentence{text: "The two sides will cooperate on railway construction.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "HU"}, areas: []string{"infrastructure"}}))
			return err
		}, false},
		{"a deletion", func() error { return s.DeleteDocument(ctx, english) }, false},
		{"evidence retracted", func() error { _, err := tr.RetractEvidence(ctx, evidence, "wrong report"); return err }, true},
	}
	search()
	if got := len(sqlstore.PinnedQueries(s)); pinned && got < 5 {
		t.Fatalf("%d queries pinned: %v", got, sqlstore.PinnedQueries(s))
	}
	for _, st := range steps {
		builds, updates := sqlstore.IndexBuilds(s)
		if err := st.change(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		listed := sqlstore.WordsListed(s)
		compare(st.name)
		if again := sqlstore.WordsListed(s); pinned && again != listed {
			t.Errorf("after %s, the searches read %d queries' matches from the full-text index again; want all pinned", st.name, again-listed)
		}
		// the count ranking weighs a term by, kept with its matches: the
		// index's own, and known after any change but one that withdraws
		// or restores a document, or removes one
		for _, text := range []string{"合作", "铁路", "合", "cooperate", "saradnju"} {
			kept, ok, counted, err := sqlstore.TermFrequency(ctx, s, text)
			if err != nil {
				t.Fatal(err)
			}
			if ok && kept != counted {
				t.Errorf("after %s, %s: the count kept is %d, the index's %d", st.name, text, kept, counted)
			}
			if moves := st.name == "a withdrawal" || st.name == "a restore" || st.name == "a deletion"; pinned && !ok && !moves {
				t.Errorf("after %s, %s: no count kept", st.name, text)
			}
		}
		search() // fills the caches again for the next step
		b, u := sqlstore.IndexBuilds(s)
		if b != builds || u == updates {
			t.Errorf("after %s: %d builds (%d before), %d updates (%d before): want one update and no build", st.name, b, builds, u, updates)
		}
		if read := sqlstore.IndexDocumentsRead(s); st.unseen && read != 0 {
			t.Errorf("after %s, which search cannot see, the index read %d documents again", st.name, read)
		}
	}
}

// TestWarmSearch: once warmed, the first search builds nothing: the
// server's start paid for the index, not its first reader.
func TestWarmSearch(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		mustCreate(t, s, corpusDoc(t, "cn-rs-2024-joint-statement.zh.txt"))
		if err := s.WarmSearch(ctx); err != nil {
			t.Fatal(err)
		}
		builds, _ := sqlstore.IndexBuilds(s)
		if builds != 1 {
			t.Fatalf("warming built the index %d times, want once", builds)
		}
		if _, err := s.Search(ctx, entente.SearchQuery{Text: "合作", Limit: 5}); err != nil {
			t.Fatal(err)
		}
		if again, _ := sqlstore.IndexBuilds(s); again != builds {
			t.Errorf("the first search after warming built the index again (%d builds)", again)
		}
	})
}
