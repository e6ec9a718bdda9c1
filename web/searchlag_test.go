package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/sqlstore"
)

// TestSearchLagShown: statements a batch stored without their full-text
// index are counted in /readyz and on the search page until the indexer
// has caught up; then the page finds them and says nothing of a lag.
func TestSearchLagShown(t *testing.T) {
	st := openSQLite(t)
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast})
	type deferring interface {
		CreateDocuments(ctx context.Context, ds []*entente.NewDocument) ([]int64, error)
		DrainIndex(ctx context.Context) (int, error)
	}
	ds, ok := st.(deferring)
	if !ok {
		t.Fatal("the store cannot defer its index")
	}
	ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "tester", Via: "cli"})
	text := string(readCorpus(t, "cn-ae-2019-joint-statement.zh.txt"))
	doc := &entente.NewDocument{Extraction: sharedExtractor(t).Extract(text), Text: text, Original: []byte(text),
		Source: entente.Source{Name: "ae.txt", Format: "text", Encoding: "utf-8", MediaType: "text/plain; charset=utf-8"}}
	if _, err := ds.CreateDocuments(sqlstore.DeferIndex(ctx), []*entente.NewDocument{doc}); err != nil {
		t.Fatal(err)
	}
	lag := func() entente.SearchLag {
		t.Helper()
		resp, data := h.do("", "GET", "/readyz", nil, "")
		var got Health
		if resp.StatusCode != http.StatusOK || json.Unmarshal(data, &got) != nil || got.SearchLag == nil {
			t.Fatalf("/readyz %d %s", resp.StatusCode, clip(data))
		}
		return *got.SearchLag
	}
	const notice = `class="muted search-lag"`
	if l := lag(); l.Statements != 1 || l.Sentences == 0 || l.Oldest == nil {
		t.Errorf("/readyz before catching up: %+v, want one statement waiting", l)
	}
	page := h.page("/search?q=" + "阿联酋")
	if !strings.Contains(page, notice) || !strings.Contains(page, "1 statements not yet searchable") && !strings.Contains(page, "另有 1 份文件") {
		t.Errorf("the search page does not say one statement is not yet searchable:\n%s", clip([]byte(page)))
	}
	if n, err := ds.DrainIndex(ctx); err != nil || n != 1 {
		t.Fatalf("drained %d (%v), want 1", n, err)
	}
	if l := lag(); l.Statements != 0 || l.Oldest != nil {
		t.Errorf("/readyz after catching up: %+v, want none", l)
	}
	page = h.page("/search?q=" + "阿联酋")
	if strings.Contains(page, notice) {
		t.Error("the search page still speaks of a lag after catching up")
	}
	if !strings.Contains(page, `class="total"`) {
		t.Errorf("the search page finds nothing after catching up:\n%s", clip([]byte(page)))
	}
}
