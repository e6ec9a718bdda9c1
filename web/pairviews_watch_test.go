package web

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/auth"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/sqlite"
)

// TestPairViewsWatched: a write the server did not answer (another
// process's withdrawal) makes a pair's kept view stale, and the server's
// watch computes it again in the background, before a reader asks.
func TestPairViewsWatched(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, PairViewsWatch: 10 * time.Millisecond})
	defer h.srv.Close(ctx)
	ids := uploadLibrary(t, h)
	if resp, data := h.do(entente.RoleViewer, "GET", "/api/v1/pairs/CN/RS", nil, ""); resp.StatusCode != 200 {
		t.Fatalf("pair: %d %s", resp.StatusCode, clip(data))
	}
	h.srv.compare.Wait() // what the requests started is done
	computed := h.srv.compare.ViewsComputed()
	other := entente.NewContextWithActor(ctx, entente.Actor{Name: "op", Via: "cli"})
	if err := st.WithdrawDocument(other, ids["2024"], "test"); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		stale, err := st.StalePairViews(ctx, compare.ViewVersion)
		if err != nil {
			t.Fatal(err)
		}
		if len(stale) == 0 && h.srv.compare.ViewsComputed() > computed {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("20 s after a withdrawal by another process, stale views %v", stale)
		}
	}
}

// waitingForOne is a server on the test library that waits for no pair of
// more than one statement: every pair of it is computed in the background.
func waitingForOne(t *testing.T) *harness {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, PairWait: 1})
	t.Cleanup(func() { h.srv.Close(ctx) })
	uploadLibrary(t, h)
	return h
}

// TestPairPageComputing: a pair of more statements than its page waits
// for is computed in the background; the page says so at once and reloads
// itself, and once the view is kept shows it, without the reload.
func TestPairPageComputing(t *testing.T) {
	h := waitingForOne(t)
	h.srv.compare.Wait() // the uploads' refresh: no view kept yet
	refresh := `<meta http-equiv="refresh" content="3">`
	page := pageAs(t, h, entente.RoleViewer, "/pairs/CN/RS?lang=en")
	if !strings.Contains(page, `id="pair-computing">These parties share more than 1 statements`) || !strings.Contains(page, refresh) ||
		strings.Contains(page, `id="h-docs"`) {
		t.Fatalf("the first read of a large pair:\n%s", clip([]byte(page)))
	}
	h.srv.compare.Wait()
	page = pageAs(t, h, entente.RoleViewer, "/pairs/CN/RS?lang=en")
	if strings.Contains(page, "pair-computing") || strings.Contains(page, refresh) || !strings.Contains(page, `id="h-docs"`) {
		t.Fatalf("the pair once computed:\n%s", clip([]byte(page)))
	}
}

// TestPairAPIComputing: the API's reads of a pair of more statements than
// it waits for answer 202 Accepted with Retry-After while the pair is
// computed in the background (as its page reloads itself), each computed
// once however often asked; then the pair itself.
func TestPairAPIComputing(t *testing.T) {
	h := waitingForOne(t)
	h.srv.compare.Wait()
	// the view (the pair, its follow-ups) and the recycled list are
	// computed apart: the first read of each is told to ask again; a read
	// after it may find it computed already
	reads := []string{"/api/v1/pairs/CN/RS", "/api/v1/recycled?a=RS&b=CN", "/api/v1/followups?pair=CN,RS"}
	for i, path := range append(reads, reads...) {
		resp, data := h.do(entente.RoleViewer, http.MethodGet, path, nil, "")
		if i >= 2 && resp.StatusCode == http.StatusOK {
			continue
		}
		if resp.StatusCode != http.StatusAccepted || resp.Header.Get("Retry-After") != strconv.Itoa(pairPageRefresh) ||
			!bytes.Contains(data, []byte("being computed")) {
			t.Fatalf("%s before it is computed: %d, Retry-After %q\n%s", path, resp.StatusCode, resp.Header.Get("Retry-After"), clip(data))
		}
	}
	h.srv.compare.Wait()
	if n := h.srv.compare.ViewsComputed(); n != 1 {
		t.Errorf("%d views computed for six reads, want 1", n)
	}
	tags := map[string]string{}
	for _, path := range reads {
		resp, data := h.do(entente.RoleViewer, http.MethodGet, path, nil, "")
		if resp.StatusCode != http.StatusOK || bytes.Contains(data, []byte("being computed")) {
			t.Errorf("%s once computed: %d\n%s", path, resp.StatusCode, clip(data))
		}
		tags[path] = resp.Header.Get("ETag")
		// asked again: from the response cache, its own headers with it
		again, data2 := h.do(entente.RoleViewer, http.MethodGet, path, nil, "")
		if again.StatusCode != http.StatusOK || !bytes.Equal(data2, data) || again.Header.Get("ETag") != tags[path] ||
			again.Header.Get("X-Total-Count") != resp.Header.Get("X-Total-Count") {
			t.Errorf("%s again: %d, ETag %q (first %q), total %q (first %q)", path, again.StatusCode,
				again.Header.Get("ETag"), tags[path], again.Header.Get("X-Total-Count"), resp.Header.Get("X-Total-Count"))
		}
		// a client that has it: 304, nothing sent
		if resp, _ := h.doHeader(entente.RoleViewer, http.MethodGet, path, nil, map[string]string{"If-None-Match": tags[path]}); resp.StatusCode != http.StatusNotModified {
			t.Errorf("%s with its ETag: %d, want 304", path, resp.StatusCode)
		}
	}
	// answers too large to keep keep their tag alone: 304 still, and the
	// same answer computed again for a client without it
	h.srv.responses.maxBody = 1
	for _, path := range reads {
		first, data := h.do(entente.RoleViewer, http.MethodGet, path, nil, "")
		again, data2 := h.do(entente.RoleViewer, http.MethodGet, path, nil, "")
		if again.StatusCode != http.StatusOK || len(data2) < 2 || !bytes.Equal(data2, data) || again.Header.Get("ETag") != first.Header.Get("ETag") ||
			again.Header.Get("X-Total-Count") != first.Header.Get("X-Total-Count") {
			t.Errorf("%s again, its tag kept alone: %d, %d bytes against %d", path, again.StatusCode, len(data2), len(data))
		}
		if resp, body := h.doHeader(entente.RoleViewer, http.MethodGet, path, nil, map[string]string{"If-None-Match": first.Header.Get("ETag")}); resp.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("%s with its ETag, its tag kept alone: %d, %d bytes", path, resp.StatusCode, len(body))
		}
	}
	// a new statement of the pair: the tags no longer hold (a write that
	// leaves an answer as it was leaves its tag, the hash of its body)
	newer := "中华人民共和国和塞尔维亚共和国联合声明\n2025年5月8日，贝尔格莱德\n双方将保持两国高层密切交往，加强各级别政治对话。\n双方将加强在农业领域的合作。"
	if resp, data := h.upload(entente.RoleAdmin, map[string][]byte{"cn-rs-2025.txt": []byte(newer)}); resp.StatusCode != http.StatusOK {
		t.Fatalf("upload: %d %s", resp.StatusCode, clip(data))
	}
	h.srv.compare.Wait()
	for _, path := range reads {
		if resp, _ := h.doHeader(entente.RoleViewer, http.MethodGet, path, nil, map[string]string{"If-None-Match": tags[path]}); resp.StatusCode == http.StatusNotModified {
			t.Errorf("%s with its ETag after a new statement of the pair: 304", path)
		}
	}
}
