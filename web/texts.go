package web

import (
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/entente/entente"
)

// texts are the UI's words in one language.
type texts struct {
	Code, Other, OtherName                                                    string
	Library, Search, SearchHint, SignIn, SignOut, Name, Password, Filter      string
	Party, Parties, Kind, From, To, Title, Signed, Language, Commitments      string
	NoDocuments, Contents, Legend, Type, Actor, Actors, Area, Areas, Strength string
	Deadline, References, Mechanisms, Projects, Original, Close, Hits         string
	Forbidden, Failed, ExportCSV, Upload, Dashboard, ByArea, ByParty, ByYear  string
	CommitmentsWord, SortBy, Newest, Oldest, DropHere, Page, Next, Previous   string
	ByStrength                                                                string
	Types                                                                     map[string]string
}

var textsZH = &texts{
	Code: "zh", Other: "en", OtherName: "English",
	Library: "文件库", Search: "搜索", SearchHint: "搜索句子，如 铁路、签证", SignIn: "登录", SignOut: "退出", Name: "用户名",
	Password: "密码", Filter: "筛选", Party: "缔约方", Parties: "缔约方", Kind: "类型", From: "起", To: "止", Title: "标题",
	Signed: "签署日期", Language: "语言", Commitments: "承诺/句子", NoDocuments: "尚无文件。", Contents: "目录",
	Legend: "图例", Type: "句子类型", Actor: "行为方", Actors: "行为方", Area: "领域", Areas: "领域", Strength: "强度",
	Deadline: "期限", References: "引用文件", Mechanisms: "机制", Projects: "项目", Original: "下载原始文件",
	Close: "关闭", Hits: "条结果", Forbidden: "您的角色无权访问此页面。", Failed: "出错了，请重试。", ExportCSV: "导出 CSV", Upload: "上传文件", Dashboard: "统计", CommitmentsWord: "项承诺", ByStrength: "按强度的承诺", SortBy: "排序", Newest: "最新", Oldest: "最早", DropHere: "将文件拖放到此处上传",
	Page: "页", Next: "下一页", Previous: "上一页", ByArea: "按领域的承诺", ByParty: "按行为方的承诺", ByYear: "按年份的承诺",
	Types: map[string]string{"commitment": "承诺", "position": "立场", "appraisal": "评价", "narrative": "叙述"},
}

var textsEN = &texts{
	Code: "en", Other: "zh", OtherName: "中文",
	Library: "Library", Search: "Search", SearchHint: "Search sentences, e.g. 铁路, visa", SignIn: "Sign in",
	SignOut: "Sign out", Name: "Name", Password: "Password", Filter: "Filter", Party: "Party", Parties: "Parties",
	Kind: "Kind", From: "From", To: "To", Title: "Title", Signed: "Signed", Language: "Language",
	Commitments: "Commitments / sentences", NoDocuments: "No documents yet.", Contents: "Contents", Legend: "Legend",
	Type: "Type", Actor: "Actor", Actors: "Actors", Area: "Area", Areas: "Areas", Strength: "Strength",
	Deadline: "Deadline", References: "Cites", Mechanisms: "Mechanisms", Projects: "Projects",
	Original: "Download the original", Close: "Close", Hits: "results",
	Forbidden: "Your role may not open this page.", Failed: "Something went wrong; try again.", ExportCSV: "Export CSV", Upload: "Upload statements", Dashboard: "Dashboard", CommitmentsWord: "commitments", ByStrength: "Commitments by strength", SortBy: "Sort", Newest: "Newest", Oldest: "Oldest",
	DropHere: "Drop statements here to upload them", Page: "page", Next: "Next", Previous: "Previous", ByArea: "Commitments by area", ByParty: "Commitments by party", ByYear: "Commitments by year",
	Types: map[string]string{"commitment": "commitment", "position": "position", "appraisal": "appraisal", "narrative": "narrative"},
}

// textsFor picks the language: ?lang= (remembered in a cookie), the cookie,
// then the browser's Accept-Language; Chinese by default.
func textsFor(w http.ResponseWriter, r *http.Request) *texts {
	pick := func(code string) *texts {
		if code == "en" {
			return textsEN
		}
		if code == "zh" {
			return textsZH
		}
		return nil
	}
	if t := pick(r.URL.Query().Get("lang")); t != nil {
		http.SetCookie(w, &http.Cookie{Name: "entente_lang", Value: t.Code, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode})
		return t
	}
	if c, err := r.Cookie("entente_lang"); err == nil {
		if t := pick(c.Value); t != nil {
			return t
		}
	}
	if al := r.Header.Get("Accept-Language"); strings.HasPrefix(al, "en") {
		return textsEN
	}
	return textsZH
}

func typeLabel(t *texts, typ any) string {
	var k string
	switch x := typ.(type) {
	case string:
		k = x
	case entente.SentenceType:
		k = string(x)
	}
	if l, ok := t.Types[k]; ok {
		return l
	}
	return k
}

// span is a marked range of a sentence with its class.
type span struct {
	entente.Span
	class string
}

// markCues renders a sentence with the cues that decided its labels
// marked: the type and strength cues, and the area keywords.
func markCues(s entente.Sentence) template.HTML {
	var spans []span
	if c := s.Rationale.Type; c != nil {
		spans = append(spans, span{entente.Span{Start: c.Start, End: c.End}, "cue"})
	}
	if c := s.Rationale.Strength; c != nil {
		spans = append(spans, span{entente.Span{Start: c.Start, End: c.End}, "cue"})
	}
	for _, a := range s.Rationale.Areas {
		spans = append(spans, span{entente.Span{Start: a.Start, End: a.End}, "area"})
	}
	return markSpans(s.Text, spans)
}

// markEntities renders a sentence with the instruments it cites, and the
// mechanisms and projects it names, marked where they stand.
func markEntities(s entente.Sentence) template.HTML {
	var spans []span
	add := func(names []string, class string) {
		rs := []rune(s.Text)
		for _, n := range names {
			nr := []rune(n)
			for i := 0; i+len(nr) <= len(rs); i++ {
				if string(rs[i:i+len(nr)]) == n {
					spans = append(spans, span{entente.Span{Start: i, End: i + len(nr)}, class})
					break
				}
			}
		}
	}
	add(s.References, "ref")
	add(s.Mechanisms, "entity")
	add(s.Projects, "entity")
	return markSpans(s.Text, spans)
}

// marked renders a search hit's text with its matches marked.
func marked(text string, marks []entente.Span) template.HTML {
	spans := make([]span, len(marks))
	for i, m := range marks {
		spans[i] = span{m, ""}
	}
	return markSpans(text, spans)
}

// markSpans escapes text and wraps non-overlapping spans (in characters)
// in <mark>; overlapping or out-of-range spans are skipped.
func markSpans(text string, spans []span) template.HTML {
	rs := []rune(text)
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var b strings.Builder
	pos := 0
	for _, sp := range spans {
		if sp.Start < pos || sp.End > len(rs) || sp.Start >= sp.End {
			continue
		}
		b.WriteString(template.HTMLEscapeString(string(rs[pos:sp.Start])))
		if sp.class != "" {
			b.WriteString(`<mark class="` + sp.class + `">`)
		} else {
			b.WriteString("<mark>")
		}
		b.WriteString(template.HTMLEscapeString(string(rs[sp.Start:sp.End])))
		b.WriteString("</mark>")
		pos = sp.End
	}
	b.WriteString(template.HTMLEscapeString(string(rs[pos:])))
	return template.HTML(b.String())
}

// chartView is one dashboard chart with its table rows.
type chartView struct {
	ID, Title string
	Rows      []chartRow
}

type chartRow struct {
	Key   string
	Count int
	Link  string
}

// charts lays out the dashboard: each count with the search it leads to.
func charts(t *texts, st *entente.CommitmentStats) []chartView {
	row := func(cs []entente.Count, link func(string) string) []chartRow {
		out := make([]chartRow, len(cs))
		for i, c := range cs {
			out[i] = chartRow{Key: c.Key, Count: c.Count, Link: link(c.Key)}
		}
		return out
	}
	search := func(param string) func(string) string {
		return func(k string) string { return "/search?type=commitment&" + param + "=" + url.QueryEscape(k) }
	}
	return []chartView{
		{"area", t.ByArea, row(st.ByArea, search("area"))},
		{"party", t.ByParty, row(st.ByParty, search("party"))},
		{"strength", t.ByStrength, row(st.ByStrength, search("strength"))},
		{"year", t.ByYear, row(st.ByYear, func(y string) string {
			return "/search?type=commitment&from=" + url.QueryEscape(y) + "-01-01&to=" + url.QueryEscape(y) + "-12-31"
		})},
	}
}
