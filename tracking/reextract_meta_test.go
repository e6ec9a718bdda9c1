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

// metaExtractor reads as base does, then changes the metadata of the
// fields in change: a future extractor that reads a document's metadata
// otherwise.
type metaExtractor struct {
	base   tracking.Extractor
	change map[string]func(*entente.Document)
}

func (m metaExtractor) Extract(text string) *entente.Extraction {
	x := m.base.Extract(text)
	for _, f := range m.change {
		f(&x.Document)
	}
	return x
}

// TestReextractFlagsMetadataCorrections: a re-extraction reads the
// document's metadata again; each metadata correction whose field the
// extractor now reads otherwise is flagged for review (the others are
// not), the corrected values keep applying, and an editor's approval
// accepts the new reading, so that the next re-extraction does not flag
// it again.
func TestReextractFlagsMetadataCorrections(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		doc := ingestStatement(t, ctx, s, statement)
		fields := []struct {
			name, corrected string
			change          func(*entente.Document)
		}{
			{"title", `"A corrected title"`, func(d *entente.Document) { d.Title = "A title read otherwise" }},
			{"date", `"2031-01-02"`, func(d *entente.Document) { v := "2030-01-01"; d.SignedDate = &v }},
			{"parties", `["CN","HU"]`, func(d *entente.Document) { d.Parties = []string{"CN", "RS", "KZ"} }},
			{"kind", `"agreement"`, func(d *entente.Document) { d.Kind = entente.KindCommunique }},
			{"place", `"Budapest"`, func(d *entente.Document) { v := "Novi Sad"; d.SignedPlace = &v }},
			{"language", `"zh-Hans"`, func(d *entente.Document) { d.Language = "zh-Hant" }},
		}
		refs := map[string]string{}
		for _, f := range fields {
			c, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: f.name, Value: json.RawMessage(f.corrected), Why: "test"})
			if err != nil {
				t.Fatalf("correct %s: %v", f.name, err)
			}
			refs[f.name] = c.Ref
		}
		corrected := func(when string) {
			t.Helper()
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fields {
				v, err := entente.DocumentField(&d.Document, f.name)
				if err != nil {
					t.Fatal(err)
				}
				var want any
				json.Unmarshal([]byte(f.corrected), &want)
				w, _ := json.Marshal(want)
				if string(v) != string(w) {
					t.Errorf("%s: %s reads %s, want the correction %s", when, f.name, v, w)
				}
			}
		}
		x := metaExtractor{base: zhExtractor(t), change: map[string]func(*entente.Document){}}
		tr.Extractor, tr.ExtractorName = x, "extract/zh (metadata)"
		reextract := func() []string {
			t.Helper()
			res, err := tr.Reextract(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			var flagged []string
			for _, c := range res[0].Flagged {
				if c.Anchor == nil {
					flagged = append(flagged, c.Field)
				}
			}
			slices.Sort(flagged)
			return flagged
		}
		if got := reextract(); len(got) != 0 {
			t.Fatalf("the same reading flagged %v", got)
		}
		// one more field read otherwise at each step: exactly those flagged
		var want []string
		for _, f := range fields {
			x.change[f.name] = f.change
			want = append(want, f.name)
			slices.Sort(want)
			if got := reextract(); !slices.Equal(got, want) {
				t.Errorf("reading %v otherwise flagged %v", want, got)
			}
			corrected("after re-extraction")
		}
		// the extractor's reading is stored (an uncorrected field shows it)
		d, err := s.Document(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Corrections {
			if c.Anchor == nil && c.Flag != entente.FlagChanged {
				t.Errorf("%s %s not flagged", c.Ref, c.Field)
			}
		}
		// approving accepts the new reading: not flagged again
		if _, err := tr.Review(ctx, refs["title"], entente.ActApprove, "checked"); err != nil {
			t.Fatal(err)
		}
		got := reextract()
		if slices.Contains(got, "title") || len(got) != len(fields)-1 {
			t.Errorf("after approving the title: flagged %v", got)
		}
		corrected("after approval")
		if q, err := tr.ReviewQueue(ctx); err != nil || len(q) != len(fields)-1 {
			t.Errorf("review queue: %d, %v", len(q), err)
		}
	})
}
