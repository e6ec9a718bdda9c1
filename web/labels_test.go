package web

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestTextsCoverValues: each UI language has its words, and a label for
// every value of every closed list, every rule, every role and every
// source format.
func TestTextsCoverValues(t *testing.T) {
	for _, tx := range uiTexts() {
		if !slices.Contains(entente.UILanguages(), tx.Code) {
			t.Errorf("the UI speaks %s, which entente.UILanguages lacks", tx.Code)
		}
		check := func(what, code, label string) {
			if label == "" || label == code && tx.Code != "en" || strings.Contains(label, "_") {
				t.Errorf("%s: %s %q reads %q", tx.Code, what, code, label)
			}
		}
		for _, v := range entente.DocumentKinds() {
			check("kind", v.Code, tx.KindLabel(entente.Kind(v.Code)))
		}
		for _, v := range entente.SentenceTypes() {
			check("type", v.Code, tx.TypeLabel(entente.SentenceType(v.Code)))
		}
		for _, v := range entente.Strengths() {
			check("strength", v.Code, tx.StrengthLabel(entente.Strength(v.Code)))
		}
		for _, v := range entente.Areas() {
			check("area", v.Code, tx.AreaLabel(v.Code))
		}
		for _, v := range entente.ReferenceKinds() {
			check("reference kind", v.Code, tx.RefKindLabel(entente.ReferenceKind(v.Code)))
		}
		for _, v := range entente.Rules() {
			check("rule", v.Code, tx.RuleLabel(v.Code))
		}
		for _, r := range entente.Roles {
			check("role", string(r), tx.RoleLabel(r))
		}
		for _, f := range []string{"text", "html", "docx", "pdf"} {
			check("format", f, tx.FormLabel(f))
		}
		for _, f := range []string{"type", "party", "area", "strength", "year", "language"} {
			check("facet", f, tx.FacetName(f))
		}
	}
}

// TestPagesShowNoCodes opens every page in Chinese, English and Serbian, with a
// statement stored, and reads the text a reader sees: no code of a closed
// list or rule shows (joint_statement, international_order, firm,
// (modal)), and the Chinese and Serbian pages carry no English facet or
// filter names.
func TestPagesShowNoCodes(t *testing.T) {
	h := newHarness(t, openSQLite(t), false)
	h.upload(entente.RoleAnalyst, map[string][]byte{"rs.txt": readCorpus(t, "cn-rs-2024-joint-statement.zh.txt")})
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar}
	resp, err := c.PostForm(h.ts.URL+"/login", url.Values{"name": {"viewer-user"}, "password": {testPassword}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	scripts := regexp.MustCompile(`(?s)<script.*?</script>`)
	tags := regexp.MustCompile(`<[^>]*>`)
	visible := func(path string) string {
		resp, err := c.Get(h.ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		return tags.ReplaceAllString(scripts.ReplaceAllString(string(b), " "), " ")
	}
	var codes []string
	for _, list := range []entente.ValueList{entente.DocumentKinds(), entente.SentenceTypes(), entente.Strengths(), entente.Areas(), entente.Rules(), entente.StatusLabels()} {
		codes = append(codes, list.Codes()...)
	}
	pages := []string{"/", "/documents/1", "/search?q=" + url.QueryEscape("合作"), "/search?q=" + url.QueryEscape("铁路") + "&type=commitment", "/dashboard",
		"/commitments?doc=1", "/documents/1/sentences/s12", "/registry", "/registry/1", "/documents/1/citations", "/graph",
		"/timeline?a=CN&b=RS", "/pairs/CN/RS"}
	for _, lang := range []string{"zh", "en", "sr"} {
		for _, p := range pages {
			sep := "?"
			if strings.Contains(p, "?") {
				sep = "&"
			}
			text := visible(p + sep + "lang=" + lang)
			for _, code := range codes {
				// in English a label may be the word itself (firm, trade);
				// a code with an underscore or in parentheses never is
				word := regexp.MustCompile(`(^|[^A-Za-z_])` + regexp.QuoteMeta(code) + `($|[^A-Za-z_])`)
				if lang != "en" && word.MatchString(text) || strings.Contains(code, "_") && strings.Contains(text, code) ||
					strings.Contains(text, "("+code+")") {
					t.Errorf("%s in %s shows the code %q", p, lang, code)
				}
			}
			if lang != "en" {
				for _, english := range []string{"type", "party", "area", "strength", "year", "language", "preamble", "closing", "facets"} {
					if regexp.MustCompile(`(?i)(^|[^A-Za-z])` + english + `($|[^A-Za-z])`).MatchString(text) {
						t.Errorf("%s in %s shows the English word %q", p, lang, english)
					}
				}
			}
		}
	}
}

// TestReaderSources: every source of a document (here the same statement
// as UTF-8 text, GB18030 text, HTML and DOCX) can be downloaded from the
// reader, each named with its form and encoding.
func TestReaderSources(t *testing.T) {
	h := newHarness(t, openSQLite(t), true)
	files := map[string]string{
		"ae.txt": "cn-ae-2019-joint-statement.zh.txt", "ae-gb.txt": "cn-ae-2019-joint-statement.zh.gb18030.txt",
		"ae.html": "cn-ae-2019-joint-statement.zh.html", "ae.docx": "cn-ae-2019-joint-statement.zh.docx",
	}
	for name, corpusName := range files {
		h.upload(entente.RoleAnalyst, map[string][]byte{name: readCorpus(t, corpusName)})
	}
	d, err := h.store.Document(t.Context(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sources) != len(files) {
		t.Fatalf("the document has %d sources, want %d", len(d.Sources), len(files))
	}
	for _, lang := range []string{"zh", "en"} {
		resp, err := http.Get(h.ts.URL + "/documents/1?lang=" + lang)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		page := string(b)
		tx := textsZH
		if lang == "en" {
			tx = textsEN
		}
		for _, src := range d.Sources {
			link := regexp.MustCompile(`<li><a href="/api/v1/sources/` + strconv.FormatInt(src.ID, 10) + `/original" download>` +
				regexp.QuoteMeta(src.Name) + `</a> <span class="muted">` + regexp.QuoteMeta(tx.FormLabel(src.Format)) + ` · ` +
				regexp.QuoteMeta(src.Encoding) + `</span>`)
			if !link.MatchString(page) {
				t.Errorf("%s: the reader does not offer source %d (%s, %s, %s)", lang, src.ID, src.Name, src.Format, src.Encoding)
			}
			resp, err := http.Get(h.ts.URL + "/api/v1/sources/" + strconv.FormatInt(src.ID, 10) + "/original")
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if want := readCorpus(t, files[src.Name]); string(got) != string(want) {
				t.Errorf("source %s downloads %d bytes, want its %d original bytes", src.Name, len(got), len(want))
			}
		}
	}
}
