package web

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestNearDuplicateShown: a statement uploaded again as a news agency
// printed it (a dateline, half-width punctuation) is a new source of the
// stored document, whose differences the API and the reader show.
func TestNearDuplicateShown(t *testing.T) {
	base, err := os.ReadFile("../testdata/near/statement.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	agency := "新华社贝尔格莱德5月8日电\n" + strings.NewReplacer("，", ",", "。", ".").Replace(string(base))
	forEachStore(t, func(t *testing.T, h *harness) {
		// the ministry's text first, so it is the stored one: a map would
		// upload in a random order
		for _, up := range []struct {
			name string
			data []byte
		}{{"ministry.txt", base}, {"agency.txt", []byte(agency)}} {
			if resp, body := h.upload(entente.RoleAnalyst, map[string][]byte{up.name: up.data}); resp.StatusCode != 200 {
				t.Fatalf("upload %s: %d %s", up.name, resp.StatusCode, clip(body))
			}
		}
		resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/documents/1", nil, "")
		var doc struct {
			Sources []entente.Source `json:"sources"`
		}
		if resp.StatusCode != 200 || json.Unmarshal(data, &doc) != nil {
			t.Fatalf("document: %d %s", resp.StatusCode, clip(data))
		}
		if len(doc.Sources) != 2 || doc.Sources[1].Coverage < 0.9 {
			t.Fatalf("sources: %+v", doc.Sources)
		}
		var start, commas string
		for _, d := range doc.Sources[1].Differences {
			switch {
			case d.Where == "start":
				start = d.Source
			case d.Where == "body" && d.Stored == "，":
				commas = d.Source
			}
		}
		if start != "新华社贝尔格莱德5月8日电" || commas != "," {
			t.Errorf("differences: %+v", doc.Sources[1].Differences)
		}
		if resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/documents/2", nil, ""); resp.StatusCode != 404 {
			t.Errorf("a second document was made: %d %s", resp.StatusCode, clip(data))
		}
		resp, data = h.do(entente.RoleViewer, "GET", "/documents/1?lang=en", nil, "")
		page := string(data)
		if resp.StatusCode != 200 || !strings.Contains(page, nearWordsEN.Near) || !strings.Contains(page, "新华社贝尔格莱德5月8日电") {
			t.Errorf("the reader does not show the near-duplicate's differences: %d", resp.StatusCode)
		}
	})
}
