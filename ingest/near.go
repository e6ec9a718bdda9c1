package ingest

import (
	"context"

	"github.com/entente/entente"
)

// nearFinder is a store that finds the versions a text may duplicate by
// its sketch (entente.NearSketch); a store without it gets no
// near-duplicates, only exact ones.
type nearFinder interface {
	NearVersions(ctx context.Context, sketch []int64) ([]entente.Version, error)
}

// nearDuplicate reports whether e's text is a stored version's statement
// as another publisher printed it (entente.NearSame), and if so makes e
// another source of that version, carrying its own text. A failed look-up
// is logged and the text stored as new: nothing is lost, a duplicate can
// be deleted.
func (in *Ingester) nearDuplicate(ctx context.Context, e *examined) bool {
	nf, ok := in.Store.(nearFinder)
	if !ok {
		return false
	}
	vs, err := nf.NearVersions(ctx, e.nearSketch())
	if err != nil {
		in.logger().Warn("near-duplicate look-up failed", "name", e.input.Name, "err", err)
		return false
	}
	for _, v := range vs {
		if m, same := e.nearText().Same(v.Text); same {
			e.versionID, e.out.DocumentID = v.ID, v.DocumentID
			e.src.Text, e.src.Coverage = e.text, m.Coverage
			return true
		}
	}
	return false
}
