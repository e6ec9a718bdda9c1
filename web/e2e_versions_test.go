package web

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/skip"
)

// TestBrowserVersions walks through an English and a Serbian (Cyrillic)
// text of one statement in headless Chromium: the UI in Serbian, the
// Serbian reader's versions box, the parallel reader side by side, the
// language switch to English, and an editor's unlink; screenshots of each.
func TestBrowserVersions(t *testing.T) {
	if testing.Short() {
		skip.Group(t, "browser", "-short")
	}
	exe := chromium(t)
	h := newHarness(t, openSQLite(t), false)
	uploadParallel(t, h, "en", "sr-Cyrl") // documents 1 and 2, linked at upload
	br := newBrowser(t, exe, 90*time.Second)
	ctx, shot, step, text := br.ctx, br.shot, br.step, br.text

	step("sign in, in Serbian",
		chromedp.Navigate(h.ts.URL+"/login?lang=sr"),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "editor-user"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`header nav.main-nav`))
	if got := text(`header nav.main-nav`); !strings.Contains(got, textsSR.Library) {
		t.Errorf("the Serbian navigation reads %q", got)
	}
	if got := text(`header .langs`); !strings.Contains(got, "English") || !strings.Contains(got, "中文") {
		t.Errorf("the language switch offers %q", got)
	}
	shot("versions-1-library-sr")

	step("open the Serbian text", chromedp.Navigate(h.ts.URL+"/documents/2"), chromedp.WaitVisible(`article.doc`))
	if got := text(`article .legend`); !strings.Contains(got, entente.SentenceTypes().Label("commitment", "sr")) {
		t.Errorf("the legend in Serbian reads %q", got)
	}
	step("the versions box", chromedp.WaitVisible(`#versions`))
	if got := text(`#versions`); !strings.Contains(got, versionWordsSR.Auto) || !strings.Contains(got, textsSR.LangLabel("en")) {
		t.Errorf("the versions box reads %q", got)
	}
	shot("versions-2-reader-sr")

	step("read side by side", chromedp.Click(`#versions a.parallel-link`), chromedp.WaitVisible(`table.parallel-table`))
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('table.parallel-table tbody tr').length`))
	if err != nil || rows < 12 {
		t.Errorf("the parallel reader has %d rows (%v)", rows, err)
	}
	heads := text(`table.parallel-table thead`)
	if !strings.Contains(heads, textsSR.LangLabel("sr-Cyrl")) || !strings.Contains(heads, textsSR.LangLabel("en")) {
		t.Errorf("the columns are headed %q", heads)
	}
	// the first numbered point and its counterpart stand in one row
	row, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll('table.parallel-table tbody tr')].find(r => r.textContent.includes('суверенитет')).textContent`))
	if err != nil || !strings.Contains(row, "sovereignty") {
		t.Errorf("the row of the first point reads %q (%v)", row, err)
	}
	shot("versions-3-parallel-sr")
	checkAccessibility(t, ctx, "parallel reader")

	step("switch to English", chromedp.Click(`header .langs a[lang=en]`), chromedp.WaitVisible(`table.parallel-table`))
	if got := text(`article.parallel h1`); got != versionWordsEN.Parallel {
		t.Errorf("the English heading reads %q", got)
	}
	shot("versions-4-parallel-en")

	step("unlink as an editor",
		chromedp.Navigate(h.ts.URL+"/documents/2"),
		chromedp.WaitVisible(`#versions form.inline input[name=reason]`),
		chromedp.SendKeys(`#versions form.inline input[name=reason]`, "a different statement"),
		chromedp.Submit(`#versions form.inline`),
		chromedp.WaitVisible(`#versions li.not-linked`))
	shot("versions-5-unlinked-en")
}
