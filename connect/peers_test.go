package connect

import (
	"testing"

	"github.com/entente/entente"
)

// TestPeers: the documents of one day and parties are paired across
// languages, every pair of a small day, and each document with at most
// maxVersionPeers others on a day of thousands (a collection imported with
// one date for all), so that the pairs grow with the documents, not with
// their square.
func TestPeers(t *testing.T) {
	day := func(n int) []*entente.RegistryDocument {
		var ds []*entente.RegistryDocument
		for i := range n {
			lang := "zh"
			if i%2 == 1 {
				lang = "en"
			}
			ds = append(ds, &entente.RegistryDocument{ID: int64(i + 1), Language: lang})
		}
		return ds
	}
	small := peers(day(6)) // three in each language
	if len(small) != 9 {
		t.Errorf("a day of three Chinese and three English texts makes %d pairs, want all 9: %v", len(small), small)
	}
	for _, p := range small {
		if p[0] >= p[1] || (p[0]%2) == (p[1]%2) {
			t.Errorf("pair %v: want the smaller id first, and two languages", p)
		}
	}
	large := peers(day(4000))
	if len(large) > 4000*maxVersionPeers {
		t.Errorf("a day of 4,000 documents makes %d pairs: more than %d a document", len(large), maxVersionPeers)
	}
	if len(large) < 3000*maxVersionPeers {
		t.Errorf("a day of 4,000 documents makes %d pairs: each is still compared with %d others", len(large), maxVersionPeers)
	}
}
