package web

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestParallelShowsCorrections: the parallel reader shows each side's
// labels as analysts corrected them (type, strength, actors, areas), as
// the reader does, not as the extractor left them, on both sides, and
// the sentences of a split as two.
func TestParallelShowsCorrections(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	uploadParallel(t, h, "zh", "en")
	ana := signedIn(t, h, entente.RoleAnalyst)
	// sentence reads one sentence of the page: its type class and badge
	sentence := func(side, id string) (string, string) {
		t.Helper()
		code, page := fetch(t, ana, "GET", h.ts.URL+"/documents/1/parallel/2?lang=en", nil)
		if code != 200 {
			t.Fatalf("parallel reader: %d", code)
		}
		m := regexp.MustCompile(`<a class="s (\w+)"[^>]*id="` + side + `-` + id + `"><span class="badge">([^<]*)</span>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no sentence %s-%s on the page", side, id)
		}
		return m[1], m[2]
	}
	// a commitment on each side, to correct
	var commitA, commitB string
	for i := 1; i < 40 && (commitA == "" || commitB == ""); i++ {
		id := "s" + strconv.Itoa(i)
		if typ, _ := sentence("a", id); typ == "commitment" && commitA == "" {
			commitA = id
		}
		if typ, _ := sentence("b", id); typ == "commitment" && commitB == "" {
			commitB = id
		}
	}
	if commitA == "" || commitB == "" {
		t.Fatal("no commitment on one side")
	}
	tests := []struct {
		doc, side, id, field string
		value                any
		wantType, wantBadge  string
	}{
		{"2", "b", commitB, "areas", []string{"disaster"}, "commitment", "disaster management"},
		{"2", "b", commitB, "actors", []string{"RS"}, "commitment", "· RS"},
		{"1", "a", commitA, "strength", "intent", "commitment", "intent"},
		{"1", "a", commitA, "type", "appraisal", "appraisal", ""},
	}
	for _, c := range tests {
		typ, badge := sentence(c.side, c.id)
		if typ == c.wantType && strings.Contains(badge, c.wantBadge) {
			t.Fatalf("%s-%s already reads %s %q", c.side, c.id, typ, badge)
		}
		resp, body := h.do(entente.RoleAnalyst, "POST", "/api/v1/documents/"+c.doc+"/sentences/"+c.id+"/corrections",
			jsonBody(map[string]any{"field": c.field, "value": c.value, "reason": "read again"}), "application/json")
		if resp.StatusCode != 201 {
			t.Fatalf("correction of %s: %d %s", c.field, resp.StatusCode, body)
		}
		typ, badge = sentence(c.side, c.id)
		if typ != c.wantType || !strings.Contains(badge, c.wantBadge) {
			t.Errorf("%s-%s reads %s %q after its %s was corrected to %v", c.side, c.id, typ, badge, c.field, c.value)
		}
	}
	// a split is a correction too: both parts stand on their side
	d, err := h.store.Document(t.Context(), 2)
	if err != nil {
		t.Fatal(err)
	}
	n := len(d.Extraction.Sentences)
	resp, body := h.do(entente.RoleAnalyst, "POST", "/api/v1/documents/2/sentences/s2/split",
		jsonBody(map[string]any{"at": []int{12}, "reason": "two"}), "application/json")
	if resp.StatusCode != 201 {
		t.Fatalf("split: %d %s", resp.StatusCode, body)
	}
	code, page := fetch(t, ana, "GET", h.ts.URL+"/documents/1/parallel/2?lang=en", nil)
	if code != 200 || strings.Count(page, `id="b-s`) != n+1 {
		t.Errorf("after a split: %d, %d sentences on side b, want %d", code, strings.Count(page, `id="b-s`), n+1)
	}
}
