package web

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entente/entente"
)

// TestBrowserTracking walks through the tracking workspace in headless
// Chromium: from the reader's panel to a commitment's tracking page, set
// a status with new evidence, correct a label, see the scorecard change in
// the commitments table and on the dashboard's charts, open the history and undo the correction; axe-core
// on the tracking page and the table; screenshots in test-output/e2e.
func TestBrowserTracking(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	h := newHarness(t, openSQLite(t), false)
	if resp, data := h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")}); resp.StatusCode != 200 {
		t.Fatalf("upload: %d %s", resp.StatusCode, data)
	}
	br := newBrowser(t, exe, 120*time.Second)
	ctx, shot, step, text := br.ctx, br.shot, br.step, br.text

	step("sign in",
		chromedp.Navigate(h.ts.URL+"/login?lang=en"),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "analyst-user"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`header form[action="/logout"]`))
	step("from the reader's panel to the tracking page",
		chromedp.Navigate(h.ts.URL+"/documents/1#panel-s12"),
		chromedp.WaitVisible(`#panel-s12 a.track-link`),
		chromedp.Click(`#panel-s12 a.track-link`),
		chromedp.WaitVisible(`#status-form`))
	shot("t1-tracking-page")
	checkAccessibility(t, ctx, "tracking page")

	step("set a status with new evidence",
		chromedp.SetValue(`#status-form select[name=status]`, "fulfilled"),
		chromedp.SendKeys(`#status-form input[name=ev_title]`, "Foreign ministers met in Beijing"),
		chromedp.SendKeys(`#status-form input[name=ev_publisher]`, "MFA"),
		chromedp.Click(`#status-form input[name=ev_official]`),
		chromedp.SendKeys(`#status-form input[name=reason]`, "the dialogue was held"),
		chromedp.Submit(`#status-form`),
		chromedp.WaitVisible(`p.ok`))
	if got := text(`#statuses`); !strings.Contains(got, "CN: fulfilled") || !strings.Contains(got, "RS: fulfilled") {
		t.Errorf("statuses after the form: %q", got)
	}
	if got := text(`#evidence`); !strings.Contains(got, "Foreign ministers met") {
		t.Errorf("evidence after the form: %q", got)
	}
	shot("t2-status-set")

	step("correct a label",
		chromedp.SetValue(`#correct-form select[name=field]`, "strength"),
		chromedp.SendKeys(`#correct-form input[name=value]`, "intent"),
		chromedp.SendKeys(`#correct-form input[name=reason]`, "a wish, not a promise"),
		chromedp.Submit(`#correct-form`),
		// not p.ok: the page of the status step shows one too, so that
		// would not wait for the correction's page
		chromedp.WaitVisible(`#corrections li`))
	if got := text(`#corrections`); !strings.Contains(got, "strength") || !strings.Contains(got, `"intent"`) {
		t.Errorf("corrections: %q", got)
	}

	step("the scorecard changed", chromedp.Navigate(h.ts.URL+"/commitments?doc=1"), chromedp.WaitVisible(`#compliance`))
	if got := text(`#compliance`); got != "1.00" {
		t.Errorf("compliance %q, want 1.00", got)
	}
	shot("t3-commitments")
	checkAccessibility(t, ctx, "commitments")

	step("the dashboard's scorecard charts", chromedp.Navigate(h.ts.URL+"/dashboard?lang=en&pair=CN,RS"),
		chromedp.WaitVisible(`#chart-status[data-ready=true] svg`), chromedp.WaitVisible(`#chart-time[data-ready=true] svg`))
	// the status chart draws the table's counts, fulfilled among them
	drawn, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`echarts.getInstanceByDom(document.getElementById('chart-status')).getOption().series[0].data.map(d => d.value).join(',')`))
	if err != nil {
		t.Fatalf("the status chart: %v", err)
	}
	table, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll('#table-status td[data-status]')].map(td => td.textContent).join(',')`))
	if err != nil {
		t.Fatalf("the status table: %v", err)
	}
	fulfilled := strings.Split(drawn, ",")[slices.Index(entente.Statuses, entente.Fulfilled)]
	if drawn != table || fulfilled == "0" || fulfilled == "" {
		t.Errorf("the status chart draws %q, its table says %q: fulfilled %q", drawn, table, fulfilled)
	}
	if got := text(`td[data-score="compliance"]`); got != "1.00" {
		t.Errorf("the dashboard's compliance %q, want 1.00", got)
	}
	shot("t5-dashboard")
	checkAccessibility(t, ctx, "dashboard with a scorecard")

	step("open the history and undo the correction",
		chromedp.Navigate(h.ts.URL+"/documents/1/sentences/s12"),
		chromedp.WaitVisible(`#history`),
		chromedp.Click(`#history tr:last-child button`),
		chromedp.WaitVisible(`p.ok`))
	if got := text(`#corrections`); !strings.Contains(got, "withdrawn") {
		t.Errorf("the undone correction: %q", got)
	}
	if got := text(`#history`); !strings.Contains(got, "undo of event") {
		t.Errorf("the history does not show the undo: %q", got)
	}
	shot("t4-undone")
}
