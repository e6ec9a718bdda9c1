package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/entente/entente/internal/skip"
)

// screenshotDir is where the browser test leaves its screenshots, to be
// looked at: a test can check that a panel opens, not that it looks right.
const screenshotDir = "../test-output/e2e"

func chromium(t *testing.T) string {
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("the browser test needs Debian's chromium (apt-get install chromium fonts-wqy-zenhei)")
	}
	skip.Group(t, "browser", "no chromium: apt-get install chromium fonts-wqy-zenhei")
	return ""
}

// TestBrowser walks through what an analyst does, in headless Chromium
// against the real server: sign in, upload the sample, open the reader,
// open a commitment's panel, filter, search for 铁路 and follow a result,
// see the dashboard's charts, check accessibility with axe-core, sign out.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		skip.Group(t, "browser", "-short")
	}
	exe := chromium(t)
	h := newHarness(t, openSQLite(t), false)
	br := newBrowser(t, exe, 4*time.Minute)
	ctx, shot, step, text := br.ctx, br.shot, br.step, br.text
	sample, err := filepath.Abs(filepath.Join(corpus, "cn-rs-2024-joint-statement.zh.txt"))
	if err != nil {
		t.Fatal(err)
	}

	step("sign in",
		chromedp.Navigate(h.ts.URL+"/?lang=en"),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "analyst-user"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`form.upload`))
	shot("1-library")

	step("upload the sample",
		chromedp.SetUploadFiles(`input[type=file]`, []string{sample}),
		chromedp.Submit(`form.upload`),
		chromedp.WaitVisible(`ul.outcomes`))
	if got := text(`ul.outcomes`); !strings.Contains(got, "added") {
		t.Fatalf("upload outcome %q", got)
	}
	shot("2-uploaded")

	step("open the reader", chromedp.Click(`ul.outcomes a`), chromedp.WaitVisible(`article.doc`))
	step("open a commitment's panel", chromedp.Click(`article p.para a.s.commitment`), chromedp.WaitVisible(`.panel:target`))
	if got := text(`.panel:target dl`); !strings.Contains(got, "commitment") || !strings.Contains(got, "Actors") {
		t.Errorf("the panel shows %q", got)
	}
	shot("3-reader-panel")
	checkAccessibility(t, ctx, "reader")

	step("filter: only commitments",
		chromedp.SetValue(`select[name=type]`, "commitment"),
		chromedp.Submit(`nav.toc form`),
		chromedp.WaitVisible(`a.s.dim`))
	shot("4-reader-filtered")

	step("search for 铁路 and follow a result",
		chromedp.SendKeys(`header input[type=search]`, "铁路"),
		chromedp.Submit(`header form.search`),
		chromedp.WaitVisible(`ol.hits mark`))
	shot("5-search")
	step("follow the first result", chromedp.Click(`ol.hits li a`), chromedp.WaitVisible(`article.doc`))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "/documents/") || !strings.Contains(loc, "#s") {
		t.Errorf("the result led to %q (%v)", loc, err)
	}

	step("dashboard", chromedp.Navigate(h.ts.URL+"/dashboard"), chromedp.WaitVisible(`.chart[data-ready=true] svg`))
	bars, err := chromedp.Run(ctx, chromedp.Evaluate[int](
		`[...document.querySelectorAll('.chart')].map(n => echarts.getInstanceByDom(n).getOption().series[0].data.length).reduce((a, b) => a + b, 0)`))
	if err != nil || bars == 0 {
		t.Errorf("the charts hold no data (%v)", err)
	}
	shot("6-dashboard")
	checkAccessibility(t, ctx, "dashboard")

	screens(t, ctx, h.ts.URL, step)

	step("sign out", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(h.ts.URL+"/"),
		chromedp.Submit(`header form[action="/logout"]`), chromedp.WaitVisible(`input[name=password]`))
	shot("7-signed-out")
}

// checkAccessibility runs axe-core in the page and fails on any serious or
// critical violation.
func checkAccessibility(t *testing.T, ctx context.Context, page string) {
	t.Helper()
	src, err := os.ReadFile("testdata/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core: %v (npm ci && npm run build in web/assets)", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		t.Fatalf("load axe-core: %v", err)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))))`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe-core: %v", err)
	}
	var violations []struct {
		ID, Impact, Help string
		Nodes            int
	}
	if err := json.Unmarshal([]byte(res), &violations); err != nil {
		t.Fatal(err)
	}
	for _, v := range violations {
		msg := fmt.Sprintf("%s: axe %s (%s) on %d node(s): %s", page, v.ID, v.Impact, v.Nodes, v.Help)
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
}

// screens opens the library, the reader with a commitment's panel and a
// search in each UI language at a phone's width (360 px) and a wide
// screen's (1400 px), leaves a screenshot of each, and checks what a
// screenshot would show wrong: a page wider than the screen, a date broken
// over two lines, the reader's contents taking a phone's screen, the
// panel over the text it explains.
func screens(t *testing.T, ctx context.Context, base string, step func(string, ...chromedp.Action[chromedp.Void])) {
	t.Helper()
	// what the screen shows, not the whole page: the first screenful is
	// what a reader meets
	shot := func(name string) {
		t.Helper()
		b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(screenshotDir, name+".png"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(what, js string) bool {
		t.Helper()
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return ok
	}
	const fits = `document.documentElement.scrollWidth <= window.innerWidth + 1`
	// every element marked as a date stands on one line
	const datesOneLine = `[...document.querySelectorAll('.date')].every(e => { const r = document.createRange(); r.selectNodeContents(e);
		return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size <= 1; })`
	for _, lang := range []string{"zh", "en"} {
		for _, width := range []int64{360, 1400} {
			name := func(page string) string { return fmt.Sprintf("w%d-%s-%s", width, lang, page) }
			step("viewport", chromedp.EmulateViewport(width, 900))

			step(name("library"), chromedp.Navigate(base+"/?lang="+lang), chromedp.WaitVisible(`table.list`))
			if !eval(name("library"), fits) {
				t.Errorf("%s: the page is wider than the screen", name("library"))
			}
			if !eval(name("library"), datesOneLine) {
				t.Errorf("%s: a date breaks over two lines", name("library"))
			}
			shot(name("library"))

			step(name("reader"), chromedp.Navigate(base+"/documents/1?lang="+lang), chromedp.WaitVisible(`article.doc`))
			if width == 360 && eval(name("reader"), `document.querySelector('nav.toc').checkVisibility()`) {
				t.Errorf("%s: the contents do not fold away on a phone", name("reader"))
			}
			if width == 1400 && !eval(name("reader"), `document.querySelector('nav.toc').checkVisibility()`) {
				t.Errorf("%s: the contents are hidden on a wide screen", name("reader"))
			}
			shot(name("reader"))
			// a commitment with a deadline, whose panel marks it
			step(name("reader panel"), chromedp.Click(`article p.para a.s.commitment[href="#panel-`+deadlineSentence(t, ctx)+`"]`),
				chromedp.WaitVisible(`.panel:target`))
			if !eval(name("reader"), `!!document.querySelector('.panel:target mark.deadline')`) {
				t.Errorf("%s: the panel does not mark the deadline", name("reader"))
			}
			// the panel covers no text: on a wide screen it stands right of
			// the article, elsewhere under the paragraph it explains
			covers := `(() => { const p = document.querySelector('.panel:target').getBoundingClientRect();
				return [...document.querySelectorAll('article p.para')].some(e => { const r = e.getBoundingClientRect();
					return r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom; }); })()`
			if eval(name("reader"), covers) {
				t.Errorf("%s: the panel covers the text", name("reader"))
			}
			if !eval(name("reader"), fits) || !eval(name("reader"), datesOneLine) {
				t.Errorf("%s: wider than the screen, or a date breaks", name("reader"))
			}
			shot(name("reader-panel"))

			step(name("search"), chromedp.Navigate(base+"/search?q="+url.QueryEscape("铁路")+"&lang="+lang), chromedp.WaitVisible(`ol.hits mark`))
			if !eval(name("search"), fits) || !eval(name("search"), datesOneLine) {
				t.Errorf("%s: wider than the screen, or a date breaks", name("search"))
			}
			shot(name("search"))

			step(name("dashboard"), chromedp.Navigate(base+"/dashboard?lang="+lang), chromedp.WaitVisible(`.chart[data-ready=true] svg`))
			if !eval(name("dashboard"), fits) {
				t.Errorf("%s: the page is wider than the screen", name("dashboard"))
			}
			shot(name("dashboard"))
		}
	}
}

// deadlineSentence returns the id of the reader's first commitment with a
// deadline.
func deadlineSentence(t *testing.T, ctx context.Context) string {
	t.Helper()
	id, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`[...document.querySelectorAll('.panel')].find(p => p.querySelector('mark.deadline')).id.replace('panel-', '')`))
	if err != nil || id == "" {
		t.Fatalf("no commitment with a deadline in the reader: %v", err)
	}
	return id
}
