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

// TestPairPageComputing: a pair of more statements than its page waits
// for is computed in the background; the page says so at once and reloads
// itself, and once the view is kept shows it, without the reload.
func TestPairPageComputing(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, PairWait: 1})
	defer h.srv.Close(ctx)
	uploadLibrary(t, h)
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
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h := newHarnessWith(t, st, Config{PasswordParams: auth.Fast, PairWait: 1})
	defer h.srv.Close(ctx)
	uploadLibrary(t, h)
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
	for _, path := range reads {
		resp, data := h.do(entente.RoleViewer, http.MethodGet, path, nil, "")
		if resp.StatusCode != http.StatusOK || bytes.Contains(data, []byte("being computed")) {
			t.Errorf("%s once computed: %d\n%s", path, resp.StatusCode, clip(data))
		}
	}
}
