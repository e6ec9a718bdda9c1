package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserCompare walks through the pages that read statements side by
// side in headless Chromium, over compare's test library: the relationship
// timeline, two statements side by side, and the China–Serbia pair page,
// where an editor accepts a follow-up and the scorecard changes; axe-core
// on each; screenshots in test-output/e2e.
func TestBrowserCompare(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	h := newHarness(t, openSQLite(t), false)
	ids := uploadLibrary(t, h)
	br := newBrowser(t, exe, 120*time.Second)
	ctx, shot, step, text := br.ctx, br.shot, br.step, br.text
	count := func(sel string) int {
		t.Helper()
		n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)))
		if err != nil {
			t.Fatalf("count %s: %v", sel, err)
		}
		return n
	}

	step("sign in",
		chromedp.Navigate(h.ts.URL+"/login?lang=en"),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "editor-user"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`header form[action="/logout"]`))

	step("the timeline, parties by name",
		chromedp.Navigate(h.ts.URL+"/timeline"),
		chromedp.WaitVisible(`input[name=a]`),
		chromedp.SendKeys(`input[name=a]`, "中国"),
		chromedp.SendKeys(`input[name=b]`, "Serbia"),
		chromedp.Submit(`input[name=b]`),
		chromedp.WaitVisible(`#timeline`))
	if n := count(`#timeline > li`); n != 5 {
		t.Errorf("%d steps on the timeline, want 5", n)
	}
	if got := text(`#timeline > li:last-child`); !strings.Contains(got, "upgraded") || !strings.Contains(got, "community with a shared future") ||
		!strings.Contains(got, "comprehensive strategic partnership") {
		t.Errorf("the last step: %q", got)
	}
	shot("c1-timeline")
	checkAccessibility(t, ctx, "timeline")

	step("two statements side by side",
		chromedp.Navigate(fmt.Sprintf("%s/compare?a=%d&b=%d", h.ts.URL, ids["2016"], ids["2019"])),
		chromedp.WaitVisible(`#rows`))
	if got := text(`#summary tr.total td[data-mark=strengthened]`); got != "1" {
		t.Errorf("strengthened in the summary: %q", got)
	}
	if n := count(`#rows tr.row-dropped`); n != 3 {
		t.Errorf("%d dropped rows, want 3", n)
	}
	if got := text(`#rows tr.row-strengthened`); !strings.Contains(got, "自由贸易协定谈判") || !strings.Contains(got, "探讨商签自由贸易协定") {
		t.Errorf("the strengthened row does not hold both sentences: %q", got)
	}
	shot("c2-compare")
	checkAccessibility(t, ctx, "compare")

	step("the pair page",
		chromedp.Navigate(h.ts.URL+"/pairs/CN/RS"),
		chromedp.WaitVisible(`#axis`))
	if n := count(`#axis .axis-doc`); n != len(ids) {
		t.Errorf("%d documents on the time axis, want %d", n, len(ids))
	}
	if got := text(`#recycled li:first-child`); !strings.Contains(got, "2009-08-20") || !strings.Contains(got, "3") {
		t.Errorf("the most recycled promise: %q", got)
	}
	if got := text(`#compliance`); got != "—" {
		t.Errorf("compliance before any status: %q", got)
	}
	before := count(`li.followup`)
	shot("c3-pair")
	checkAccessibility(t, ctx, "pair")

	step("accept a follow-up",
		chromedp.SendKeys(`li.followup:first-child input[name=reason]`, "the section opened"),
		chromedp.Submit(`li.followup:first-child input[name=reason]`),
		chromedp.WaitVisible(`p.ok`))
	if got := text(`#compliance`); got != "1.00" {
		t.Errorf("compliance after accepting a follow-up: %q", got)
	}
	if n := count(`li.followup`); n != before-1 {
		t.Errorf("%d follow-ups pending after accepting one of %d", n, before)
	}
	shot("c4-pair-accepted")
}
