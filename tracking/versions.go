package tracking

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/align"
)

// Versions of one statement kept as separate documents (a Chinese, an
// English and a Serbian text of one joint statement). The matcher links a
// new document to those that read like its versions (align.Versions); an
// editor links or unlinks any pair by hand, and an unlink keeps the
// matcher from linking the pair again.

// Link records that documents a and b are versions of one statement:
// editors and above, with a reason.
func (t *Tracker) Link(ctx context.Context, a, b int64, why string) error {
	return t.setLink(ctx, a, b, true, why)
}

// Unlink records that a and b are not versions of one statement (a wrong
// link undone): editors and above, with a reason.
func (t *Tracker) Unlink(ctx context.Context, a, b int64, why string) error {
	return t.setLink(ctx, a, b, false, why)
}

func (t *Tracker) setLink(ctx context.Context, a, b int64, linked bool, why string) error {
	verb := "linking"
	if !linked {
		verb = "unlinking"
	}
	if err := t.require(ctx, entente.RoleEditor, verb+" versions"); err != nil {
		return err
	}
	if strings.TrimSpace(why) == "" {
		return entente.Errorf(entente.EINVALID, "%s versions needs a reason", verb)
	}
	_, err := t.Store.SetVersionLink(ctx, a, b, linked, entente.LinkManual, why)
	return err
}

// Versions returns the decisions about doc's versions (linked documents,
// and those said not to be versions), for anyone who may read it.
func (t *Tracker) Versions(ctx context.Context, doc int64) ([]entente.VersionLink, error) {
	if _, err := t.Store.Document(ctx, doc); err != nil {
		return nil, err
	}
	return t.Store.VersionLinks(ctx, doc)
}

// LinkNew links a newly stored document to the stored documents that read
// like its versions (same parties, date, kind and sections, in another
// language), and returns their ids. It runs at ingest, as whoever ingests;
// a pair already decided is left alone.
func (t *Tracker) LinkNew(ctx context.Context, id int64, x *entente.Extraction) ([]int64, error) {
	links, errs := t.LinkNewGroup(ctx, []int64{id}, []*entente.Extraction{x})
	return links[0], errs[0]
}

// LinkNewGroup is LinkNew for documents stored together (a batch's group):
// ids[i] read as xs[i]. Their candidates, the candidates' headings and
// the outlines of those alike are each read once for the group
// (groupCandidates); links[i] and errs[i] are document ids[i]'s.
func (t *Tracker) LinkNewGroup(ctx context.Context, ids []int64, xs []*entente.Extraction) (links [][]int64, errs []error) {
	links, errs = make([][]int64, len(ids)), make([]error, len(ids))
	var dated []int64
	for i, x := range xs {
		// the candidates are documents of the same date
		if x != nil && x.Document.SignedDate != nil && *x.Document.SignedDate != "" {
			dated = append(dated, ids[i])
		}
	}
	if len(dated) == 0 {
		return links, errs
	}
	cands, headings, outlines, err := t.groupCandidates(ctx, ids, xs, dated)
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
		return links, errs
	}
	for i, id := range ids {
		links[i], errs[i] = t.linkCandidates(ctx, id, xs[i], cands[id], headings, outlines)
	}
	return links, errs
}

// groupCandidates looks up the candidates of the dated documents of a
// group (ids[i] read as xs[i]), then their headings in one read: most
// (another pair's statement of the same day) differ there, and are not
// compared further; then, in one more read, the outlines of those whose
// heading is alike a new document's: what the matcher compares beyond it.
func (t *Tracker) groupCandidates(ctx context.Context, ids []int64, xs []*entente.Extraction, dated []int64) (
	cands map[int64][]int64, headings map[int64]entente.Document, outlines map[int64]entente.Outline, err error) {
	if cands, err = t.Store.VersionCandidates(ctx, dated); err != nil {
		return nil, nil, nil, err
	}
	var all []int64
	for _, cs := range cands {
		all = append(all, cs...)
	}
	slices.Sort(all)
	if headings, err = t.Store.DocumentHeadings(ctx, slices.Compact(all)); err != nil {
		return nil, nil, nil, err
	}
	var alike []int64
	for i, x := range xs {
		if x == nil {
			continue
		}
		for _, c := range cands[ids[i]] {
			if h, ok := headings[c]; ok {
				if same, _ := align.Headings(x.Document, h); same {
					alike = append(alike, c)
				}
			}
		}
	}
	slices.Sort(alike)
	outlines, err = t.Store.DocumentOutlines(ctx, slices.Compact(alike))
	return cands, headings, outlines, err
}

// linkCandidates links document id, read as x, to those of cands that
// read like its versions: by heading and outline (a candidate whose
// heading differs is not compared further, one without an outline has no
// version), or read whole where its heading is missing.
func (t *Tracker) linkCandidates(ctx context.Context, id int64, x *entente.Extraction, cands []int64,
	headings map[int64]entente.Document, outlines map[int64]entente.Outline) ([]int64, error) {
	var linked []int64
	for _, c := range cands {
		var ok bool
		var reason string
		if h, known := headings[c]; known {
			o, has := outlines[c]
			if !has {
				continue // a heading that differs, or no version
			}
			ok, reason = align.VersionsOf(x.Document, entente.OutlineOf(x), h, o)
		} else {
			d, err := t.Store.Document(ctx, c)
			if err != nil {
				return linked, fmt.Errorf("compare with document %d: %w", c, err)
			}
			if d.Extraction == nil {
				continue
			}
			ok, reason = align.Versions(x, d.Extraction)
		}
		if !ok {
			continue
		}
		changed, err := t.Store.SetVersionLink(ctx, id, c, true, entente.LinkAuto, reason)
		if err != nil {
			return linked, err
		}
		if changed {
			linked = append(linked, c)
		}
	}
	return linked, nil
}

// Parallel is two versions of one statement side by side: the documents,
// and their sentences aligned in pairs (align.Sentences), each pair one
// or two sentences of A against one or two of B, or none.
type Parallel struct {
	A, B  *entente.StoredDocument
	Pairs []align.Pair
	// Linked says whether the two documents are linked as versions (the
	// view is offered for any two, so that an editor can look before
	// linking).
	Linked bool
}

// Parallel aligns the sentences of documents a and b.
func (t *Tracker) Parallel(ctx context.Context, a, b int64) (*Parallel, error) {
	if a == b {
		return nil, entente.Errorf(entente.EINVALID, "a document beside itself")
	}
	p := &Parallel{}
	var err error
	if p.A, err = t.Store.Document(ctx, a); err != nil {
		return nil, err
	}
	if p.B, err = t.Store.Document(ctx, b); err != nil {
		return nil, err
	}
	if p.A.Extraction == nil || p.B.Extraction == nil {
		return nil, entente.Errorf(entente.EINVALID, "document %d or %d has no text", a, b)
	}
	p.Pairs = align.Sentences(p.A.Extraction, p.B.Extraction)
	ls, err := t.Store.VersionLinks(ctx, a)
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		if l.Other == b {
			p.Linked = l.Linked
		}
	}
	return p, nil
}
