package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserRegistry walks through the registry in headless Chromium as
// an editor: the list filtered by a short name, an entry with its names,
// reasons and mentions (a mention opens the reader at its sentence), a
// rename through the entry's form, a document's citations both ways with
// the graph drawn (its nodes the lists' documents and instruments), and
// the library's graph; axe-core on each page; screenshots in
// test-output/e2e.
func TestBrowserRegistry(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	exe := chromium(t)
	h := newHarness(t, openSQLite(t), false)
	ids := uploadRegistryLibrary(t, h)
	br := newBrowser(t, exe, 120*time.Second)
	ctx, shot, step, text := br.ctx, br.shot, br.step, br.text

	step("sign in",
		chromedp.Navigate(h.ts.URL+"/login?lang=en"),
		chromedp.WaitVisible(`input[name=name]`),
		chromedp.SendKeys(`input[name=name]`, "editor-user"),
		chromedp.SendKeys(`input[name=password]`, testPassword),
		chromedp.Submit(`input[name=password]`),
		chromedp.WaitVisible(`header form[action="/logout"]`))
	step("the registry", chromedp.Navigate(h.ts.URL+"/registry"), chromedp.WaitVisible(`#registry`))
	if got := text(`#registry tbody`); !strings.Contains(got, "中塞经贸合作政府间委员会") || !strings.Contains(got, "匈塞铁路") {
		t.Errorf("the registry lists %q", got)
	}
	shot("r1-registry")
	checkAccessibility(t, ctx, "registry")

	step("find by a short name and open the entry",
		chromedp.SendKeys(`form.filters input[name=q]`, "中塞自贸"),
		chromedp.Submit(`form.filters input[name=q]`),
		// the unfiltered page has a total too: wait for the one row of the
		// filtered list, or a loaded machine clicks the old list's first row
		chromedp.WaitVisible(`#registry tbody tr:only-child`),
		chromedp.Click(`#registry tbody a`),
		chromedp.WaitVisible(`#aliases`))
	if got := text(`#aliases`); !strings.Contains(got, "中塞自贸协定") || !strings.Contains(got, "short form") {
		t.Errorf("the entry's names: %q", got)
	}
	if got := text(`#entry-name`); got != "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定" {
		t.Errorf("the entry's name %q", got)
	}
	shot("r2-entry")
	checkAccessibility(t, ctx, "registry entry")

	step("rename through the entry's form",
		chromedp.SetValue(`#rename-form input[name=name]`, "中塞自由贸易协定"),
		chromedp.SendKeys(`#rename-form input[name=reason]`, "the name people use"),
		chromedp.Submit(`#rename-form`),
		chromedp.WaitVisible(`p.ok`))
	if got := text(`#entry-name`); got != "中塞自由贸易协定" {
		t.Errorf("after the rename: %q", got)
	}
	step("a mention opens the reader at its sentence",
		chromedp.Click(`#mentions tbody tr:first-child td:nth-child(2) a`),
		chromedp.WaitVisible(`article.doc`))
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || !strings.Contains(loc, "#s") {
		t.Errorf("the mention's link went to %q (%v)", loc, err)
	}

	step("a document's citations, both ways, with its graph",
		chromedp.Navigate(fmt.Sprintf("%s/documents/%d", h.ts.URL, ids["cn-rs-2016.zh.txt"])),
		chromedp.WaitVisible(`#citations-link`),
		chromedp.Click(`#citations-link`),
		chromedp.WaitVisible(`#graph[data-ready=true] svg`))
	if got := text(`#cites`); !strings.Contains(got, "中华人民共和国和塞尔维亚共和国关于深化战略伙伴关系的联合声明") {
		t.Errorf("cites: %q", got)
	}
	if got := text(`#cited-by`); !strings.Contains(got, "2023-10-17") {
		t.Errorf("cited by: %q", got)
	}
	var nodes int
	nodes, err = chromedp.Run(ctx, chromedp.Evaluate[int](
		`echarts.getInstanceByDom(document.getElementById('graph')).getOption().series[0].data.length`))
	if err != nil || nodes != 4 { // the document, the one it cites in the library, the one not, the one that cites it
		t.Errorf("the graph draws %d nodes (%v), want 4", nodes, err)
	}
	shot("r3-citations")
	checkAccessibility(t, ctx, "citations")

	step("the library's graph", chromedp.Navigate(h.ts.URL+"/graph"), chromedp.WaitVisible(`#graph[data-ready=true] svg`))
	if got := text(`#edges`); !strings.Contains(got, "中华人民共和国和塞尔维亚共和国联合声明") {
		t.Errorf("graph edges: %q", got)
	}
	shot("r4-graph")
	checkAccessibility(t, ctx, "graph")
}
