package web

import (
	"net/url"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// visitStatement names no country: the extractor reads no parties, so its
// joint subjects stand for no one until an analyst corrects the parties.
const visitStatement = `Joint Statement on the Official Visit

Paris, 6 May 2024

1. The two sides agreed to expand trade in farm products.
2. The two sides will hold the next round of the strategic dialogue in 2025.
`

// TestMetadataForm: an analyst corrects a document's parties on the
// reader; the reader comes back with the correction listed and the
// sentences' actors read with the corrected parties; a bad field or value
// is said beside the form (not beside the versions' form) with its status;
// a viewer has no form and may not post one.
func TestMetadataForm(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	reg := sharedRegistry(t)
	h.srv.cfg.Ingester.Extractor = reg
	h.srv.track.Extractor = reg
	if resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"visit.txt": []byte(visitStatement)}); resp.StatusCode != 200 {
		t.Fatalf("upload: %d %s", resp.StatusCode, clip(data))
	}
	ana, viewer := signedIn(t, h, entente.RoleAnalyst), signedIn(t, h, entente.RoleViewer)
	base := h.ts.URL

	code, page := fetch(t, viewer, "GET", base+"/documents/1?lang=en", nil)
	if code != 200 || strings.Contains(page, `id="metadata-form"`) {
		t.Fatalf("the reader as a viewer: %d, form shown: %v", code, strings.Contains(page, `id="metadata-form"`))
	}
	if code, _ := fetch(t, viewer, "POST", base+"/documents/1/correct", url.Values{"field": {"parties"}, "value": {"CN, FR"}}); code != 403 {
		t.Errorf("a viewer's correction: %d", code)
	}
	code, page = fetch(t, ana, "GET", base+"/documents/1?lang=en", nil)
	if code != 200 || !strings.Contains(page, `id="metadata-form"`) || strings.Contains(page, "CN,FR") {
		t.Fatalf("the reader as an analyst before: %d\n%s", code, page)
	}

	code, page = fetch(t, ana, "POST", base+"/documents/1/correct", url.Values{"field": {"parties"}, "value": {"CN, FR"}, "reason": {"the ministry's page"}})
	if code != 200 || !strings.Contains(page, `<p role="status">`) || !strings.Contains(page, "<li>d1 parties: [] → <strong>[&#34;CN&#34;,&#34;FR&#34;]</strong> · approved") {
		t.Fatalf("after the correction: %d\n%s", code, page)
	}
	if !strings.Contains(page, "· CN, FR") {
		t.Errorf("the document's line does not name the corrected parties")
	}
	// a badge ends with the actors, or goes on with the deadline (in 2025)
	if n := strings.Count(page, "· CN,FR</span>") + strings.Count(page, "· CN,FR · "); n != 2 {
		t.Errorf("%d sentences' badges name CN and FR, want both joint commitments", n)
	}

	for _, c := range []struct {
		name  string
		form  url.Values
		match string
	}{
		{"no such field", url.Values{"field": {"actors"}, "value": {"CN"}}, "a document&#39;s field is one of"},
		{"a bad date", url.Values{"field": {"date"}, "value": {"6 May"}}, "date must be"},
	} {
		code, page := fetch(t, ana, "POST", base+"/documents/1/correct", c.form)
		if code != 422 || strings.Count(page, `class="error"`) != 1 || !strings.Contains(page, c.match) {
			t.Errorf("%s: %d, %d error lines, message %q shown: %v", c.name, code, strings.Count(page, `class="error"`), c.match, strings.Contains(page, c.match))
		}
	}
}
