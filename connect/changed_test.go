package connect_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestRebuildReadsWhatChanged: after two sentences joined, a sentence
// split, a statement read again by an extractor that no longer finds its
// projects (a statement with a version in another language, whose names
// were aligned with its own), names analysts gave sentences of two
// statements, and the first of those statements read again, a rebuild reads that document again (and what was
// added), never the whole library, both in the process that built before
// and in a new one starting from the input's snapshot; each time the
// registry is the one a whole read makes, down to the sentence each
// mention is in.
func TestRebuildReadsWhatChanged(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		// with the 2024 statement in English: its names aligned with the
		// Chinese text's, which each change of that text must undo
		ids := ingestLibrary(t, ctx, s, "cn-rs-2016.zh.txt", "cn-rs-2019.zh.txt", "cn-rs-2023.zh.txt", "cn-rs-2024.zh.txt", "cn-rs-2024.en.txt")
		c, rs := countingConnector(t, s)
		rebuild := func(what string, added, freshAdded int) {
			t.Helper()
			if _, err := c.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			if rs.reads != 1 || rs.added != added {
				t.Errorf("%s: the library read whole %d times and what changed %d, want 1 and %d", what, rs.reads, rs.added, added)
			}
			got := mentionLines(t, ctx, s)
			// a new process, from the snapshot the first build wrote
			fresh, frs := countingConnector(t, s)
			if _, err := fresh.Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			if frs.reads != 0 || frs.snapshots != 1 || frs.added != freshAdded {
				t.Errorf("%s: a new process read the library whole %d times, the snapshot %d and what changed %d, want 0, 1, %d",
					what, frs.reads, frs.snapshots, frs.added, freshAdded)
			}
			if again := mentionLines(t, ctx, s); !slices.Equal(again, got) {
				t.Errorf("%s: a new process built\n%v\nthe process before\n%v", what, again, got)
			}
			if _, err := wholeReader(t, s).Rebuild(ctx); err != nil {
				t.Fatal(err)
			}
			if want := mentionLines(t, ctx, s); !slices.Equal(got, want) {
				t.Errorf("%s: the registry\n%v\na whole read makes\n%v", what, got, want)
			}
		}
		rebuild("the first build", 0, 0)
		tr, err := tracking.New(s)
		if err != nil {
			t.Fatal(err)
		}
		doc := ids["cn-rs-2024.zh.txt"]
		first, _ := sentenceOf(t, ctx, s, doc, true)
		if _, err := tr.Join(ctx, tracking.JoinInput{Document: doc, Sentence: first, Why: "one sentence"}); err != nil {
			t.Fatal(err)
		}
		rebuild("after two sentences joined", 1, 1)
		label, text := sentenceOf(t, ctx, s, doc, false)
		if _, err := tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: label, At: []int{len([]rune(text)) / 2}, Why: "two"}); err != nil {
			t.Fatal(err)
		}
		rebuild("after a sentence split", 2, 1)
		before := mentionCount(t, ctx, s)
		tr.Extractor = noProjects{newIngester(t, s).Extractor}
		if _, err := tr.Reextract(ctx, doc); err != nil {
			t.Fatal(err)
		}
		rebuild("after a re-extraction without projects", 3, 1)
		if after := mentionCount(t, ctx, s); after >= before {
			t.Errorf("after a re-extraction without projects: %d mentions, %d before", after, before)
		}
		// analysts give a sentence of each of two statements one name, the
		// same written two ways: the entry takes the first correction's
		other := ids["cn-rs-2023.zh.txt"]
		for _, c := range []struct {
			doc  int64
			name string
		}{{doc, "中塞联合工作组"}, {other, "中塞 联合工作组"}} {
			label, _ := sentenceOf(t, ctx, s, c.doc, false)
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: c.doc, Sentence: label, Field: "mechanisms",
				Value: []byte(`["` + c.name + `"]`), Why: "named"}); err != nil {
				t.Fatal(err)
			}
		}
		rebuild("after names analysts gave", 4, 1)
		entryOf(t, allEntries(t, ctx, s), "中塞联合工作组")
		// the statement corrected first read again: its name stays first
		if _, err := tr.Reextract(ctx, doc); err != nil {
			t.Fatal(err)
		}
		rebuild("after a re-extraction of the statement corrected first", 5, 1)
	})
}

// sentenceOf returns the label and text of the first sentence of a
// document that names something, or with joinable the first that has a
// sentence after it in its section (joined, the sentences after them are
// numbered again, and so are the mentions they hold).
func sentenceOf(t *testing.T, ctx context.Context, s *sqlstore.Store, doc int64, joinable bool) (string, string) {
	t.Helper()
	d, err := s.Document(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	x := d.Extraction
	named := map[string]bool{}
	for _, e := range slices.Concat(x.Mechanisms, x.Projects) {
		for _, l := range e.Sentences {
			named[l] = true
		}
	}
	for _, r := range x.References {
		for _, l := range r.Sentences {
			named[l] = true
		}
	}
	for i, sn := range x.Sentences {
		if joinable && i+1 < len(x.Sentences) && x.Sentences[i+1].Section == sn.Section || !joinable && named[sn.ID] {
			return sn.ID, sn.Text
		}
	}
	t.Fatalf("document %d: no sentence to take (joinable %v)", doc, joinable)
	return "", ""
}

// mentionLines is each mention of each entry of the registry as a line:
// the entry's kind and name, the document, sentence and name it is in.
func mentionLines(t *testing.T, ctx context.Context, s *sqlstore.Store) []string {
	t.Helper()
	var out []string
	for _, e := range allEntries(t, ctx, s) {
		full, err := s.RegistryEntry(ctx, e.ID, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range full.MentionList {
			out = append(out, fmt.Sprintf("%s|%s|%d|%s|%s", e.Kind, e.Name, m.DocumentID, m.Sentence, m.Alias))
		}
	}
	slices.Sort(out)
	return append(out, entryLines(t, ctx, s)...)
}

// mentionCount is how many mentions the registry's entries count in all.
func mentionCount(t *testing.T, ctx context.Context, s *sqlstore.Store) int {
	t.Helper()
	n := 0
	for _, e := range allEntries(t, ctx, s) {
		n += e.MentionCount
	}
	return n
}

// noProjects reads statements as its extractor does, but finds no project.
type noProjects struct{ x tracking.Extractor }

func (n noProjects) Extract(text string) *entente.Extraction {
	x := n.x.Extract(text)
	x.Projects = nil
	for i := range x.Sentences {
		x.Sentences[i].Projects = nil
	}
	return x
}
