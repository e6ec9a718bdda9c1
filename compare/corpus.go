package compare

import (
	"cmp"
	"context"
	"strings"

	"github.com/entente/entente"
)

// corpus is the statements of one set of parties, oldest first, with
// their commitments and the sentences that report on something done, all
// weighed together so that a term common to the set counts for little.
type corpus struct {
	docs        []*entente.StoredDocument
	dates       []string
	commitments [][]*item // per document
	reports     [][]report
	// postings lists the commitments of each rare term and of each name,
	// so that a commitment is scored only against those that share one
	postings map[int32][]*item
	named    map[string][]*item
	// sameText lists the commitments of each text (item.same), so that a
	// promise repeated word for word in terms common to the set is found
	sameText map[string][]*item
	count    int // commitments
	// the chains of recycled promises, found as they are asked for
	links []link
	// what walkBack reuses from one call to the next
	seen  []int
	stamp int
	cands []*item
	lists [][]*item
	at    []int
}

// report is a sentence that reports something done or under way.
type report struct {
	it     *item
	status entente.Status
	cue    string
}

// partyDocuments reads, whole and oldest first, the documents that all the
// parties given are parties to.
func (s *Service) partyDocuments(ctx context.Context, parties []string) ([]*entente.StoredDocument, error) {
	if len(parties) == 0 {
		return nil, entente.Errorf(entente.EINVALID, "name the parties")
	}
	limit := cmp.Or(s.MaxDocuments, MaxPairDocuments)
	// asked of the store by every party: listed by the first party alone
	// and filtered here, a pair whose first party signed more than the
	// bound with others found only those of its statements listed first
	// (43 of the 2,231 of China and Serbia at 100,000 statements)
	list, err := s.Store.Documents(ctx, entente.DocumentFilter{Parties: parties, Limit: limit + 1})
	if err != nil {
		return nil, err
	}
	if len(list) > limit {
		return nil, entente.Errorf(entente.ETOOLARGE, "%s share more than %d documents", strings.Join(parties, ", "), limit)
	}
	out := make([]*entente.StoredDocument, 0, len(list))
	for i := range list {
		d, err := s.Store.Document(ctx, list[i].ID)
		if err != nil {
			return nil, err
		}
		out = append(out, lighten(d))
	}
	sortByDate(out)
	return out, nil
}

// lighten drops what comparisons do not read of a document (its versions,
// sources, corrections and each sentence's rationale), which a pair of
// thousands of statements holds all at once.
func lighten(d *entente.StoredDocument) *entente.StoredDocument {
	d.Versions, d.Sources, d.Corrections = nil, nil, nil
	if d.Extraction != nil {
		for i := range d.Extraction.Sentences {
			d.Extraction.Sentences[i].Rationale = entente.Rationale{}
		}
	}
	return d
}

// newCorpus reads the commitments and reports of documents given oldest
// first.
func (w *Words) newCorpus(docs []*entente.StoredDocument) *corpus {
	c := &corpus{docs: docs, dates: make([]string, len(docs)), commitments: make([][]*item, len(docs)), reports: make([][]report, len(docs))}
	var all []*item
	for k, d := range docs {
		c.dates[k] = brief(d).SignedDate
		ss := sentences(d)
		for i := range ss {
			st := &ss[i]
			if st.Type == entente.Commitment {
				it := newItem(d.ID, c.dates[k], st)
				it.pos, it.n = k, c.count
				c.count++
				c.commitments[k] = append(c.commitments[k], it)
				all = append(all, it)
				continue
			}
			if f := w.read(st.Text); f.report != "" {
				it := newItem(d.ID, c.dates[k], st)
				it.pos = k
				c.reports[k] = append(c.reports[k], report{it: it, status: f.report, cue: f.reportCue})
				all = append(all, it)
			}
		}
	}
	weigh(all)
	c.postings, c.named, c.sameText = map[int32][]*item{}, map[string][]*item{}, map[string][]*item{}
	for _, its := range c.commitments {
		for _, it := range its {
			if it.same != "" {
				c.sameText[it.same] = append(c.sameText[it.same], it)
			}
			for k, id := range it.ids {
				if it.rareID[k] {
					c.postings[id] = append(c.postings[id], it)
				}
			}
			for _, e := range it.entities {
				c.named[e] = append(c.named[e], it)
			}
		}
	}
	return c
}

// earlier reports whether document j was signed before document k (an
// undated document is before nothing and after nothing).
func (c *corpus) earlier(j, k int) bool {
	return c.dates[j] != "" && c.dates[k] != "" && c.dates[j] < c.dates[k]
}
