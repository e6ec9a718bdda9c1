package ingest

import (
	"context"
	"sync"

	"github.com/entente/entente"
)

// nearFinder is a store that finds the versions a text may duplicate by
// its sketch (entente.NearSketch); a store without it gets no
// near-duplicates, only exact ones.
type nearFinder interface {
	// NearVersions returns the candidates, without their text.
	NearVersions(ctx context.Context, sketch []int64) ([]entente.Version, error)
	VersionText(ctx context.Context, id int64) (string, error)
}

// writtenNearFinder is a store that can find near-duplicate candidates
// for a batch's writer, between its groups. NearInWriter says whether that
// is cheaper than in the examinations: on SQLite a reading connection
// forgets its page cache at every commit, so the writer's connection reads
// what the batch just wrote for less; on PostgreSQL the examinations'
// one statement for bytes, text and sketch saves a round trip.
type writtenNearFinder interface {
	NearInWriter() bool
	NearVersionsWritten(ctx context.Context, sketch []int64) ([]entente.Version, error)
}

// nearExpecter is a store told how many near-duplicate look-ups a batch
// is about to make, so that it can prepare for them (sqlstore reads its
// filter of the stored keys while the batch's first inputs are examined).
type nearExpecter interface {
	ExpectNearLookups(ctx context.Context, n int)
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
	return in.nearAmong(ctx, nf, e, vs)
}

// inputFinder is a store that looks an input up by its bytes, its text
// and its sketch in one call (FindInput: one statement for the three).
type inputFinder interface {
	textFinder
	// FindInput returns the source with the bytes (its id and document),
	// or else what FindText returns for the text.
	FindInput(ctx context.Context, bytesSHA, textSHA string, sketch []int64) (*entente.Source, *entente.Version, []entente.Version, error)
}

// inputsFinder is an inputFinder that looks several inputs up in one call,
// as many at once as InputsAtOnce says are worth it: FindInputs returns
// for each input i what FindInput returns for it.
type inputsFinder interface {
	inputFinder
	InputsAtOnce() int
	FindInputs(ctx context.Context, bytesSHA, textSHA []string, sketches [][]int64) ([]*entente.Source, []*entente.Version, [][]entente.Version, error)
}

// textFinder is a store that looks a text up by its sha256 and, when no
// version has it, by its sketch, in one call (one statement on
// PostgreSQL: a batch looks up every new input's text).
type textFinder interface {
	nearFinder
	// FindText returns the version with the text (without its text), or
	// else the near-duplicate candidates, as NearVersions does.
	FindText(ctx context.Context, textSHA string, sketch []int64) (*entente.Version, []entente.Version, error)
}

// nearAmong is nearDuplicate with the candidates vs already looked up.
func (in *Ingester) nearAmong(ctx context.Context, nf nearFinder, e *examined, vs []entente.Version) bool {
	for _, v := range vs {
		if !e.mayBeNear(v.NearRunes) {
			continue // its length rules it out: not read
		}
		stored, err := in.storedNearText(ctx, nf, v)
		if err != nil {
			in.logger().Warn("near-duplicate look-up failed", "name", e.input.Name, "err", err)
			e.nearChecked = false
			return false
		}
		if m, same := e.nearText().SameAs(stored); same {
			e.versionID, e.out.DocumentID = v.ID, v.DocumentID
			e.src.Text, e.src.Coverage = e.text, m.Coverage
			return true
		}
	}
	e.nearChecked = true
	return false
}

// storedNearText is a stored version's text read for the measure, from
// the ingester's cache when it is there: in a batch of one genre the same
// few stored texts are the candidates of most new ones, and reading and
// inflating them again was most of the check's cost.
func (in *Ingester) storedNearText(ctx context.Context, nf nearFinder, v entente.Version) (*entente.NearText, error) {
	in.nearMu.Lock()
	if in.nearTexts == nil {
		in.nearTexts = &nearTextCache{m: map[string]*entente.NearText{}}
	}
	c := in.nearTexts
	t := c.m[v.TextSHA256]
	in.nearMu.Unlock()
	if t != nil {
		return t, nil
	}
	text, err := nf.VersionText(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	t = entente.NewNearText(text)
	in.nearMu.Lock()
	c.add(v.TextSHA256, t)
	in.nearMu.Unlock()
	return t, nil
}

// nearCacheRunes bounds the letters and digits the cache of read texts
// holds (16 bytes each: some 16 MB), oldest out first.
const nearCacheRunes = 1 << 20

// nearTextCache holds stored texts read for the measure, by the sha256 of
// the text (which names it whatever the version's id).
type nearTextCache struct {
	m     map[string]*entente.NearText
	order []string
	runes int
}

func (c *nearTextCache) add(sha string, t *entente.NearText) {
	if _, ok := c.m[sha]; ok || t.Runes() > nearCacheRunes {
		return
	}
	for c.runes+t.Runes() > nearCacheRunes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.runes -= c.m[old].Runes()
		delete(c.m, old)
	}
	c.m[sha] = t
	c.order = append(c.order, sha)
	c.runes += t.Runes()
}

// nearState is the Ingester's share of the near-duplicate check.
type nearState struct {
	nearMu    sync.Mutex
	nearTexts *nearTextCache
}
