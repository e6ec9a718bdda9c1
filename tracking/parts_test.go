package tracking_test

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestSplitPartsReadAgain splits a commitment where its parts read
// otherwise than the whole (another type, strength, actors or areas): each
// part then carries the extractor's reading of it, not the sentence's
// labels; a correction of a part applies on top of that reading and
// survives a re-extraction, which reads the parts again; replaying the log
// gives the same parts.
func TestSplitPartsReadAgain(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		text := versionText(t, ctx, s, doc)
		sentences := func() []entente.Sentence {
			t.Helper()
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			return d.Extraction.Sentences
		}
		// the first commitment and comma where the parts read otherwise
		reader := partReader(t)
		var orig entente.Sentence
		var at int
		var read []entente.Sentence
	search:
		for _, st := range sentences() {
			if st.Type != entente.Commitment {
				continue
			}
			rs := []rune(st.Text)
			for k, c := range rs[:len(rs)-1] {
				if c != '，' && c != '；' || k < 2 {
					continue
				}
				parts := []string{string(rs[:k+1]), string(rs[k+1:])}
				r := reader.ReadParts(text, st, parts)
				if r != nil && slices.ContainsFunc(r, func(p entente.Sentence) bool { return !sameLabels(p, st) }) {
					orig, at, read = st, k+1, r
					break search
				}
			}
		}
		if read == nil {
			t.Fatal("no commitment of the statement has parts that read otherwise")
		}
		i := slices.IndexFunc(sentences(), func(st entente.Sentence) bool { return st.ID == orig.ID })
		split, err := tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: orig.ID, At: []int{at}, Why: "two things"})
		if err != nil {
			t.Fatal(err)
		}
		var typ entente.SentenceType // the type a part is corrected to
		check := func(when string, corrected bool) {
			t.Helper()
			now := sentences()
			for j, want := range read {
				got := now[i+j]
				if squeezed(got.Text) != squeezed(want.Text) {
					t.Fatalf("%s: sentence %d is %q, want the part %q", when, i+j, got.Text, want.Text)
				}
				if j == 1 && corrected {
					want.Type, want.Strength = typ, ""
				}
				if !sameLabels(got, want) {
					t.Errorf("%s: part %d reads %s %q %v %v, want %s %q %v %v", when, j, got.Type, got.Strength, got.Actors, got.Areas,
						want.Type, want.Strength, want.Actors, want.Areas)
				}
			}
		}
		check("after the split", false)

		// a part corrected on its own keeps its correction over its reading
		part := sentences()[i+1]
		typ = entente.Position
		if part.Type == typ {
			typ = entente.Narrative
		}
		label, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: part.ID, Field: "type",
			Value: json.RawMessage(`"` + string(typ) + `"`), Why: "a view"})
		if err != nil {
			t.Fatal(err)
		}
		check("after correcting a part", true)

		// a re-extraction applies the split again and reads its parts again
		tr.Extractor, tr.ExtractorName = zhExtractor(t), "extract/zh"
		res, err := tr.Reextract(as(ctx, "ed", entente.RoleEditor), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res[0].Flagged {
			if f.ID == split.ID || f.ID == label.ID {
				t.Errorf("re-extraction flagged %s (%s)", f.Ref, f.Flag)
			}
		}
		check("after re-extraction", true)

		// the log alone rebuilds the same parts
		if _, err := s.Replay(ctx); err != nil {
			t.Fatal(err)
		}
		check("after replay", true)
	})
}

// sameLabels compares what the extractor reads of a sentence.
func sameLabels(a, b entente.Sentence) bool {
	deadline := func(s entente.Sentence) string {
		if s.Deadline == nil {
			return ""
		}
		return *s.Deadline
	}
	return a.Type == b.Type && a.Strength == b.Strength && slices.Equal(nonEmpty(a.Actors), nonEmpty(b.Actors)) &&
		slices.Equal(nonEmpty(a.Areas), nonEmpty(b.Areas)) && deadline(a) == deadline(b)
}

func nonEmpty(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

func squeezed(s string) string { return strings.Join(strings.Fields(s), "") }

// versionText is the text of a document's first version.
func versionText(t *testing.T, ctx context.Context, s *sqlstore.Store, doc int64) string {
	t.Helper()
	vs, err := s.VersionsToReextract(ctx, doc, 0, 10)
	if err != nil || len(vs) == 0 {
		t.Fatalf("versions of %d: %v", doc, err)
	}
	return vs[0].Text
}
