package web

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/skip"
)

// TestBrowserNearDuplicate: a statement uploaded again as a news agency
// printed it shows on its document as another source, with what differs;
// a screenshot of the reader's sources.
func TestBrowserNearDuplicate(t *testing.T) {
	if testing.Short() {
		skip.Group(t, "browser", "-short")
	}
	exe := chromium(t)
	base, err := os.ReadFile("../testdata/near/statement.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	agency := "新华社贝尔格莱德5月8日电\n" + strings.NewReplacer("，", ",", "。", ".").Replace(string(base)) + "\n（完）"
	h := newHarness(t, openSQLite(t), true)
	for _, f := range []struct {
		name string
		data []byte
	}{{"ministry.txt", base}, {"agency.txt", []byte(agency)}} {
		if resp, body := h.upload(entente.RoleAnalyst, map[string][]byte{f.name: f.data}); resp.StatusCode != 200 {
			t.Fatalf("upload %s: %d %s", f.name, resp.StatusCode, clip(body))
		}
	}
	br := newBrowser(t, exe, 60*time.Second)
	step, shot, text := br.step, br.shot, br.text
	step("the document's sources",
		chromedp.Navigate(h.ts.URL+"/documents/1?lang=en"),
		chromedp.WaitReady(`details.fold`),
		chromedp.SetAttributeValue(`details.fold`, "open", ""),
		chromedp.WaitVisible(`.near-source`))
	got := text(`ul.sources`)
	for _, want := range []string{nearWordsEN.Near, nearWordsEN.Start, "新华社贝尔格莱德5月8日电", nearWordsEN.End, "（完）", nearWordsEN.Body} {
		if !strings.Contains(got, want) {
			t.Errorf("the sources read %q, without %q", got, want)
		}
	}
	// the contents column scrolls on its own: laid out whole for the picture
	if _, err := chromedp.Run(br.ctx, chromedp.Evaluate[bool](`(() => { const n = document.querySelector('nav.toc');
		n.style.maxHeight = 'none'; n.style.overflow = 'visible'; n.style.position = 'static'; return true; })()`)); err != nil {
		t.Fatal(err)
	}
	shot("n1-near-duplicate")
}
