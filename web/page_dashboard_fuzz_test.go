package web

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlite"
)

// FuzzDashboardFilters reads any party, pair, area and years: never a
// panic; a pair is either two different parties or refused beside its
// field, and a refused value is never applied.
func FuzzDashboardFilters(f *testing.F) {
	st, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "entente.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	h := newHarness(f, st, false)
	f.Add("RS", "CN,RS", "trade", "2024", "2025")
	f.Add("塞尔维亚", "中国，塞尔维亚", "贸易", "2024-05", "2024-05-08")
	f.Add("", "CN,CN", "", "2025", "2024")
	f.Add("Atlantis", ",,,", "nowhere", "20x4", "")
	f.Add("", "CN, RS, HU", "", "", "")
	f.Fuzz(func(t *testing.T, party, pair, area, from, to string) {
		q := url.Values{"party": {party}, "pair": {pair}, "area": {area}, "from": {from}, "to": {to}}
		cf, form := h.srv.readDashFilters(q, textsEN, dashWordsFor("en"))
		if form.Errors["pair"] != "" && cf.Pair != nil {
			t.Errorf("pair %q refused yet applied: %v", pair, cf.Pair)
		}
		if cf.Pair != nil && (len(cf.Pair) != 2 || cf.Pair[0] == cf.Pair[1]) {
			t.Errorf("pair %q read as %v", pair, cf.Pair)
		}
		if form.Errors["party"] != "" && cf.Party != "" || form.Errors["area"] != "" && cf.Area != "" {
			t.Errorf("a refused value applied: %+v %v", cf, form.Errors)
		}
		if cf.Area != "" && !entente.Areas().Has(cf.Area) {
			t.Errorf("area %q read as %q", area, cf.Area)
		}
	})
}
