package tracking_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/sqlstore"
)

// ingestParallel stores one language of the parallel statement (extract's
// testdata) as ingest would, and returns its id and extraction.
func ingestParallel(t *testing.T, ctx context.Context, s *sqlstore.Store, reg *extract.Registry, lang string) (int64, *entente.Extraction) {
	t.Helper()
	name := "cn-rs-2025-green." + lang + ".txt"
	b, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "parallel", name))
	if err != nil {
		t.Fatal(err)
	}
	x := reg.Extract(string(b))
	id, err := s.CreateDocument(ctx, &entente.NewDocument{Extraction: x, Text: string(b), Extractor: reg.ID(),
		Source: entente.Source{Name: name, Format: "text", Encoding: "utf-8", MediaType: "text/plain"}, Original: b})
	if err != nil {
		t.Fatal(err)
	}
	return id, x
}

func linked(t *testing.T, ctx context.Context, s *sqlstore.Store, doc int64) []int64 {
	t.Helper()
	ls, err := s.VersionLinks(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	var out []int64
	for _, l := range ls {
		if l.Linked {
			out = append(out, l.Other)
		}
	}
	return out
}

// TestVersionLinks: the matcher links the Chinese, English and Serbian
// texts of one statement at ingest and not a statement of another day; an
// editor's unlink sticks (the matcher does not link the pair again, a
// re-extraction keeps it), an analyst may not link, every change carries
// its account, and undo reverses an unlink.
func TestVersionLinks(t *testing.T) {
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(t.Context(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		tr.Extractor = reg
		other := ingestStatement(t, ctx, s, statement) // China–Serbia, 8 May 2024
		zh, _ := ingestParallel(t, ctx, s, reg, "zh")
		if got, err := tr.LinkNew(ctx, zh, nil); err != nil || got != nil {
			t.Fatalf("no extraction: %v %v", got, err)
		}
		en, xen := ingestParallel(t, ctx, s, reg, "en")
		got, err := tr.LinkNew(ctx, en, xen)
		if err != nil || !slices.Equal(got, []int64{zh}) {
			t.Fatalf("the English text linked to %v (%v), want [%d]", got, err, zh)
		}
		sr, xsr := ingestParallel(t, ctx, s, reg, "sr-Latn")
		if got, err := tr.LinkNew(ctx, sr, xsr); err != nil || !slices.Equal(got, []int64{zh, en}) {
			t.Fatalf("the Serbian text linked to %v (%v), want [%d %d]", got, err, zh, en)
		}
		if l := linked(t, ctx, s, other); len(l) != 0 {
			t.Errorf("a statement of another day is linked to %v", l)
		}

		// an analyst may not link or unlink
		analyst := as(t.Context(), "an", entente.RoleAnalyst)
		if err := tr.Unlink(analyst, en, zh, "wrong"); !errors.Is(err, entente.ErrForbidden) {
			t.Errorf("an analyst's unlink: %v", err)
		}
		for _, c := range []struct {
			name string
			err  error
			want error
		}{
			{"no reason", tr.Unlink(ctx, en, zh, " "), entente.ErrInvalid},
			{"itself", tr.Link(ctx, en, en, "x"), entente.ErrInvalid},
			{"no such document", tr.Link(ctx, en, 999, "x"), entente.ErrNotFound},
			{"already linked", tr.Link(ctx, zh, en, "x"), entente.ErrConflict},
		} {
			if !errors.Is(c.err, c.want) {
				t.Errorf("%s: %v, want %v", c.name, c.err, c.want)
			}
		}

		if err := tr.Unlink(ctx, en, sr, "the Serbian text is a later revision"); err != nil {
			t.Fatal(err)
		}
		if err := tr.Unlink(ctx, sr, en, "again"); !errors.Is(err, entente.ErrConflict) {
			t.Errorf("a second unlink: %v", err)
		}
		// the matcher leaves the decided pair alone, also after re-extraction
		if _, err := tr.Reextract(ctx, sr); err != nil {
			t.Fatal(err)
		}
		if got, err := tr.LinkNew(ctx, sr, xsr); err != nil || len(got) != 0 {
			t.Errorf("the matcher after an unlink: %v %v", got, err)
		}
		if l := linked(t, ctx, s, sr); !slices.Equal(l, []int64{zh}) {
			t.Errorf("after the unlink the Serbian text is linked to %v, want [%d]", l, zh)
		}
		ls, err := tr.Versions(ctx, en)
		if err != nil {
			t.Fatal(err)
		}
		var seen bool
		for _, l := range ls {
			if l.Other == sr {
				seen = true
				if l.Linked || l.Origin != entente.LinkManual || l.Actor != "ed" || l.Reason == "" {
					t.Errorf("the unlinked pair reads %+v", l)
				}
			}
		}
		if !seen {
			t.Errorf("the unlink is not listed: %+v", ls)
		}

		// the events: who, what, and undo
		hist, err := s.History(ctx, entente.EventFilter{Document: en})
		if err != nil {
			t.Fatal(err)
		}
		var unlink *entente.Event
		for i := range hist {
			if hist[i].Action == "unlink" {
				unlink = &hist[i]
			}
		}
		if unlink == nil || unlink.Actor != "ed" || unlink.Entity != "document" {
			t.Fatalf("no unlink event by ed in %+v", hist)
		}
		if err := tr.Undo(ctx, unlink.Seq); err != nil {
			t.Fatal(err)
		}
		if l := linked(t, ctx, s, sr); !slices.Equal(l, []int64{zh, en}) {
			t.Errorf("after undo the Serbian text is linked to %v", l)
		}
		// a manual link of the unrelated statement
		if err := tr.Link(ctx, other, zh, "the same visit"); err != nil {
			t.Fatal(err)
		}
		if l := linked(t, ctx, s, other); !slices.Equal(l, []int64{zh}) {
			t.Errorf("manual link: %v", l)
		}
	})
}

// wholeReads counts the documents a tracker reads whole.
type wholeReads struct {
	*sqlstore.Store
	docs int
}

func (w *wholeReads) Document(ctx context.Context, id int64) (*entente.StoredDocument, error) {
	w.docs++
	return w.Store.Document(ctx, id)
}

// TestLinkNewGroup: three versions of one statement stored together (a
// batch's group) and a statement of another day are linked in one call as
// one by one: each pair once, each document to the others, the other day's
// to none; an undated reading looks nothing up. No candidate is read
// whole: their headings, then the outlines of those alike, as a full read
// gives them.
func TestLinkNewGroup(t *testing.T) {
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(t.Context(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		other := ingestStatement(t, ctx, s, statement)
		zh, xzh := ingestParallel(t, ctx, s, reg, "zh")
		en, xen := ingestParallel(t, ctx, s, reg, "en")
		sr, xsr := ingestParallel(t, ctx, s, reg, "sr-Latn")
		undated := *xen
		undated.Document.SignedDate = nil
		ids := []int64{zh, en, sr, other}
		whole := &wholeReads{Store: s}
		tr.Store = whole
		links, errs := tr.LinkNewGroup(ctx, append(ids, en), []*entente.Extraction{xzh, xen, xsr, nil, &undated})
		for i, err := range errs {
			if err != nil {
				t.Fatalf("document %d: %v", i, err)
			}
		}
		want := [][]int64{{en, sr}, {sr}, nil, nil, nil}
		// the candidates are compared by heading and outline: none is read
		// whole
		if whole.docs != 0 {
			t.Errorf("%d documents read whole to link a group", whole.docs)
		}
		for i := range want {
			if !slices.Equal(links[i], want[i]) {
				t.Errorf("document %d linked to %v, want %v", i, links[i], want[i])
			}
		}
		// the headings the matcher compares first are the documents' own,
		// as a full read gives them
		heads, err := s.DocumentHeadings(ctx, ids)
		if err != nil || len(heads) != len(ids) {
			t.Fatalf("headings of %v: %d (%v)", ids, len(heads), err)
		}
		for _, id := range ids {
			d, err := s.Document(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(heads[id], d.Document) || !reflect.DeepEqual(heads[id], d.Extraction.Document) {
				t.Errorf("document %d: heading %+v, read whole %+v", id, heads[id], d.Document)
			}
			outlines, err := s.DocumentOutlines(ctx, []int64{id})
			if err != nil {
				t.Fatal(err)
			}
			if want := entente.OutlineOf(d.Extraction); !reflect.DeepEqual(outlines[id], want) {
				t.Errorf("document %d: outline %+v, read whole %+v", id, outlines[id], want)
			}
		}
		for _, c := range []struct {
			doc  int64
			want []int64
		}{{zh, []int64{en, sr}}, {en, []int64{zh, sr}}, {sr, []int64{zh, en}}, {other, nil}} {
			if l := linked(t, ctx, s, c.doc); !slices.Equal(l, c.want) {
				t.Errorf("document %d is linked to %v, want %v", c.doc, l, c.want)
			}
		}
	})
}
