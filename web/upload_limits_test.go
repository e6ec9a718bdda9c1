package web

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/ingest"
)

// TestUploadLimits checks that an upload over a size limit of the text is
// refused as the command line refuses it, naming the file, the limit and
// the flag (serve takes the same flags), and stores nothing; a statement
// within the limits in the same request goes in.
func TestUploadLimits(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	h.srv.cfg.Ingester.Limits = ingest.Limits{MaxSentences: 10}
	many := "中华人民共和国和泰王国联合声明\n\n" + strings.Repeat("双方同意加强合作。", 50)
	small := "中华人民共和国和泰王国联合声明\n\n双方同意加强铁路合作。"
	resp, body := h.upload(entente.RoleAnalyst, map[string][]byte{"many.txt": []byte(many), "small.txt": []byte(small)})
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var res UploadResult
	if err := json.Unmarshal(body, &res); err != nil {
		t.Fatal(err)
	}
	byName := map[string]UploadOutcome{}
	for _, o := range res.Outcomes {
		byName[o.Name] = o
	}
	if o := byName["many.txt"]; o.Status != "refused" || !strings.HasPrefix(o.Problem, "many.txt: ") || !strings.Contains(o.Problem, "more than 10 sentences, the limit (--max-sentences raises it)") {
		t.Errorf("many.txt: %+v, want refused for --max-sentences", o)
	}
	if o := byName["small.txt"]; o.Status != "added" {
		t.Errorf("small.txt: %+v, want added", o)
	}
	docs, err := h.store.Documents(context.Background(), entente.DocumentFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 {
		t.Errorf("%d documents stored, want only small.txt's", len(docs))
	}
}
