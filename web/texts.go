package web

import (
	"net/http"
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

// typeLabel is a sentence type in the UI's language.
func typeLabel(t *texts, typ entente.SentenceType) string {
	if l, ok := t.Types[string(typ)]; ok {
		return l
	}
	return string(typ)
}
