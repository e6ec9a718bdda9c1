package web

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
)

// longStatement is a statement of n short sentences, ten to a paragraph.
func longStatement(n int) []byte {
	var b strings.Builder
	b.WriteString("中华人民共和国和塞尔维亚共和国联合声明\n\n")
	for i := range n {
		fmt.Fprintf(&b, "双方同意加强第%d项合作。", i+1)
		if i%10 == 9 {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// TestLargeDocumentPaged: a statement of many sentences is sent a page at a
// time, by the API and by the reader, each page a bounded size whatever the
// statement's length; every sentence stays reachable.
func TestLargeDocumentPaged(t *testing.T) {
	if testing.Short() {
		t.Skip("stores a long statement")
	}
	// under ingest.DefaultMaxSentences, the most one upload may hold
	const n = 15_000
	forEachStore(t, func(t *testing.T, h *harness) {
		start := time.Now()
		resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"long.txt": longStatement(n)})
		var up UploadResult
		if resp.StatusCode != 200 || json.Unmarshal(data, &up) != nil || up.Summary.Added != 1 {
			t.Fatalf("upload: %d %s", resp.StatusCode, clip(data))
		}
		t.Logf("stored %d sentences in %s", n, time.Since(start).Round(time.Millisecond))
		id := up.Outcomes[0].DocumentID

		resp, data = h.do(entente.RoleViewer, "GET", fmt.Sprintf("/api/v1/documents/%d", id), nil, "")
		var doc DocumentWithPage
		if resp.StatusCode != 200 || json.Unmarshal(data, &doc) != nil {
			t.Fatalf("get: %d %s", resp.StatusCode, clip(data))
		}
		total := doc.SentencePage.Total
		if total < n || len(doc.Extraction.Sentences) != 1000 {
			t.Errorf("get: %d sentences of %d, want the first 1000 of at least %d", len(doc.Extraction.Sentences), total, n)
		}
		perSentence := len(data) / len(doc.Extraction.Sentences)
		if len(data) > 2<<20 {
			t.Errorf("get sends %d bytes, want a page under 2 MiB", len(data))
		}
		t.Logf("API: %d bytes for the first page; the whole statement would be about %d MiB", len(data), perSentence*total>>20)

		resp, data = h.do(entente.RoleViewer, "GET", fmt.Sprintf("/api/v1/documents/%d/sentences?offset=%d&limit=100", id, total-10), nil, "")
		var list SentenceList
		if resp.StatusCode != 200 || json.Unmarshal(data, &list) != nil {
			t.Fatalf("sentences: %d %s", resp.StatusCode, clip(data))
		}
		if len(list.Sentences) != 10 || list.Total != total || !strings.Contains(list.Sentences[9].Text, fmt.Sprintf("第%d项", n)) {
			t.Errorf("the last page: %d sentences of %d, last %+v", len(list.Sentences), list.Total, list.Sentences)
		}

		c := h.session("viewer-user", testPassword)
		page := func(query string) (int, string) {
			resp, err := c.Get(h.ts.URL + fmt.Sprintf("/documents/%d", id) + query)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		pages := (total + readerPageSize - 1) / readerPageSize
		code, body := page("")
		if code != 200 || len(body) > 4<<20 || !strings.Contains(body, fmt.Sprintf("/documents/%d?page=2", id)) || strings.Contains(body, fmt.Sprintf(`id="s%d"`, readerPageSize+1)) {
			t.Errorf("reader, first page: %d, %d bytes, or no link to the next page, or sentences of the next", code, len(body))
		}
		t.Logf("reader: %d bytes for a page of %d sentences (%d pages)", len(body), readerPageSize, pages)
		code, body = page(fmt.Sprintf("?page=%d", pages))
		if code != 200 || !strings.Contains(body, fmt.Sprintf(`id="s%d"`, total)) || strings.Contains(body, `rel="next"`) {
			t.Errorf("reader, last page: %d, or the last sentence missing", code)
		}
		code, body = page("?at=s12345&type=commitment")
		if code != 200 || !strings.Contains(body, `id="s12345"`) {
			t.Errorf("reader at s12345: %d, the sentence missing", code)
		}
	})
}
