package tracking_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// TestSplitAndJoin: an analyst splits a sentence and joins two; each is a
// correction with its event in the change's transaction, applied to the
// stored sentences (the reader, search and the commitments see the new
// sentences), kept over a re-extraction with a changed cue table, refused
// while the sentences carry what users recorded, and undone.
func TestSplitAndJoin(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ana", entente.RoleAnalyst)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		sentences := func() []entente.Sentence {
			t.Helper()
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			return d.Extraction.Sentences
		}
		before := sentences()
		// a commitment of more than 12 characters followed by one of its
		// section, and a pair of sentences of one section after it
		split, join := -1, -1
		for i := 0; i+1 < len(before); i++ {
			st := before[i]
			if split < 0 && st.Type == entente.Commitment && len([]rune(st.Text)) > 12 {
				split = i
			} else if split >= 0 && i > split+1 && before[i+1].Section == st.Section {
				join = i
				break
			}
		}
		if split < 0 || join < 0 {
			t.Fatal("no sentences to split and join")
		}
		orig := before[split]
		rs := []rune(orig.Text)

		cases := []struct {
			name  string
			do    func() (*entente.Correction, error)
			delta int // sentences after it, against before
			texts []string
			at    int // where the new sentences start
		}{
			{"split", func() (*entente.Correction, error) {
				return tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: orig.ID, At: []int{6}, Why: "two promises"})
			}, +1, []string{string(rs[:6]), string(rs[6:])}, split},
			{"join", func() (*entente.Correction, error) {
				// numbered again after the split: the pair moved one on
				return tr.Join(ctx, tracking.JoinInput{Document: doc, Sentence: before[join+1].ID, Why: "one thought"})
			}, 0, []string{entente.JoinTexts([]string{before[join].Text, before[join+1].Text})}, join + 1},
		}
		var made []*entente.Correction
		for _, c := range cases {
			corr, err := c.do()
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if corr.Field != entente.FieldSegmentation || !corr.Active() {
				t.Fatalf("%s: correction %+v", c.name, corr)
			}
			made = append(made, corr)
			now := sentences()
			if len(now) != len(before)+c.delta {
				t.Fatalf("%s: %d sentences, want %d", c.name, len(now), len(before)+c.delta)
			}
			for j, text := range c.texts {
				got := now[c.at+j]
				if got.Text != text || got.ID != "s"+itoa(int64(c.at+j+1)) {
					t.Errorf("%s: sentence %d is %s %q, want %q", c.name, c.at+j, got.ID, got.Text, text)
				}
			}
			// its event, with who made it
			hist, err := tr.History(ctx, doc, "", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			last := hist[len(hist)-1]
			if last.Entity != "correction" || last.EntityID != corr.ID || last.Actor != "ana" {
				t.Errorf("%s: last event %+v", c.name, last)
			}
		}
		// the split's parts are read again (TestSplitPartsReadAgain), or
		// carry the sentence's labels when they cannot be
		now := sentences()
		read := partReader(t).ReadParts(versionText(t, ctx, s, doc), orig, cases[0].texts)
		for i, p := range now[split : split+2] {
			want := orig
			if read != nil {
				want = read[i]
			}
			if p.Type != want.Type || p.Strength != want.Strength || !slices.Equal(p.Actors, want.Actors) {
				t.Errorf("part %s: %s %s %v, want %s %s %v", p.ID, p.Type, p.Strength, p.Actors, want.Type, want.Strength, want.Actors)
			}
		}
		// the second part is corrected on its own
		part2 := now[split+1].ID
		typ := entente.Position
		if now[split+1].Type == typ {
			typ = entente.Narrative
		}
		label, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Sentence: part2, Field: "type", Value: json.RawMessage(`"` + string(typ) + `"`), Why: "a view"})
		if err != nil {
			t.Fatal(err)
		}

		// re-extraction under a changed cue table keeps both, applied
		tr.Extractor, tr.ExtractorName = changedExtractor(t), "extract/zh (changed)"
		res, err := tr.Reextract(as(ctx, "ed", entente.RoleEditor), doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res[0].Flagged {
			if f.ID == made[0].ID || f.ID == made[1].ID || f.ID == label.ID {
				t.Errorf("re-extraction flagged %s (%s)", f.Ref, f.Flag)
			}
		}
		after := sentences()
		if len(after) != len(now) || after[split].Text != cases[0].texts[0] || after[split+1].Type != typ ||
			after[join+1].Text != cases[1].texts[0] {
			t.Fatalf("after re-extraction: %d sentences (want %d), %q, %s, %q", len(after), len(now), after[split].Text, after[split+1].Type, after[join+1].Text)
		}

		// undo: refused while a part carries a correction, then done
		undo := func(c *entente.Correction) error {
			t.Helper()
			hist, err := tr.History(ctx, doc, "", 0, 0)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range hist {
				if e.Entity == "correction" && e.EntityID == c.ID && e.Action == "create" {
					return tr.Undo(ctx, e.Seq)
				}
			}
			t.Fatalf("no event of %s", c.Ref)
			return nil
		}
		if err := undo(made[0]); entente.ErrorCode(err) != entente.ECONFLICT {
			t.Fatalf("undoing a split whose part is corrected: %v, want a conflict", err)
		}
		for _, c := range []*entente.Correction{label, made[1], made[0]} {
			if err := undo(c); err != nil {
				t.Fatalf("undo %s: %v", c.Ref, err)
			}
		}
		back := sentences()
		if len(back) != len(before) || back[split].Text != orig.Text || back[join].Text != before[join].Text || back[join+1].Text != before[join+1].Text {
			t.Fatalf("after undo: %d sentences (want %d): %q", len(back), len(before), back[split].Text)
		}

		// a sentence with a status cannot be split (the status would lose it)
		e := addEvidence(t, ctx, tr, doc, orig.ID, "")
		if _, err := tr.SetStatus(ctx, tracking.SetStatusInput{Document: doc, Sentence: orig.ID, Status: entente.InProgress,
			EvidenceID: e.ID, Why: "begun", Revision: -1}); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: orig.ID, At: []int{6}}); entente.ErrorCode(err) != entente.ECONFLICT {
			t.Errorf("splitting a sentence with a status: %v, want a conflict", err)
		}
		// bad requests
		for _, in := range []tracking.SplitInput{
			{Document: doc, Sentence: before[join].ID, At: []int{0}},
			{Document: doc, Sentence: before[join].ID, At: []int{len([]rune(before[join].Text))}},
			{Document: doc, Sentence: before[join].ID, At: []int{3, 2}},
			{Document: doc, Sentence: before[join].ID, Parts: []string{"not", "its text"}},
			{Document: doc, Sentence: before[join].ID},
		} {
			if _, err := tr.Split(ctx, in); entente.ErrorCode(err) != entente.EINVALID {
				t.Errorf("split %+v: %v, want invalid", in, err)
			}
		}
		if _, err := tr.Join(ctx, tracking.JoinInput{Document: doc, Sentence: before[len(before)-1].ID}); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("joining the last sentence: %v, want invalid", err)
		}
		viewer := as(context.Background(), "vi", entente.RoleViewer)
		if _, err := tr.Join(viewer, tracking.JoinInput{Document: doc, Sentence: before[join].ID}); entente.ErrorCode(err) != entente.EFORBIDDEN {
			t.Errorf("a viewer joining: %v, want forbidden", err)
		}

		// with review required an analyst's split waits, and applies when
		// an editor approves it
		ed := as(context.Background(), "ed", entente.RoleEditor)
		if err := tr.SetReviewRequired(ed, true); err != nil {
			t.Fatal(err)
		}
		p, err := tr.Split(ctx, tracking.SplitInput{Document: doc, Sentence: before[join].ID, At: []int{2}})
		if err != nil {
			t.Fatal(err)
		}
		if p.State != entente.CorrectionProposed || len(sentences()) != len(before) {
			t.Fatalf("a proposed split: %s, %d sentences", p.State, len(sentences()))
		}
		if _, err := tr.Review(ed, p.Ref, entente.ActApprove, "yes"); err != nil {
			t.Fatal(err)
		}
		if len(sentences()) != len(before)+1 {
			t.Fatalf("an approved split: %d sentences, want %d", len(sentences()), len(before)+1)
		}
		// the log alone rebuilds it
		if _, err := s.Replay(ctx); err != nil {
			t.Fatal(err)
		}
		c, err := s.Correction(ctx, p.Ref)
		if err != nil || !c.Active() || c.Field != entente.FieldSegmentation {
			t.Fatalf("after replay: %+v, %v", c, err)
		}
	})
}
