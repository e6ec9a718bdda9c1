package web

import (
	"net/http"
	"strings"

	"github.com/entente/entente"
)

// texts are the UI's words in one language.
type texts struct {
	Code                                                                      string
	Library, Search, SearchHint, SignIn, SignOut, Name, Password, Filter      string
	Party, Parties, Kind, From, To, Title, Signed, Language, Commitments      string
	NoDocuments, Contents, Legend, Type, Actor, Actors, Area, Areas, Strength string
	Deadline, References, Mechanisms, Projects, Original, Close, Hits         string
	Forbidden, Failed, ExportCSV, Upload, Dashboard, ByArea, ByParty, ByYear  string
	CommitmentsWord, SortBy, Newest, Oldest, DropHere, Page, Next, Previous   string
	ByStrength, Year, Facets, Sources, Preamble, Closing, Rule, Any           string
	Role, Form, Encoding, Dimensions                                          string
	NavCommitments, NavRegistry, NavReview, NavEvents                         string
	ExportSentences                                                           string
	// CitationsLink leads from the reader to what a document cites and
	// what cites it.
	CitationsLink string

	// UploadsPending says that queued uploads are still being read.
	UploadsPending, Reload string
	// Forms, Languages and Roles name the codes that are not the domain's
	// closed lists: a source's format, a language, an account's role.
	Forms, Languages, Roles map[string]string
}

var textsZH = &texts{
	Code:    "zh",
	Library: "文件库", Search: "搜索", SearchHint: "搜索句子，如 铁路、签证", SignIn: "登录", SignOut: "退出", Name: "用户名",
	Password: "密码", Filter: "筛选", Party: "缔约方", Parties: "缔约方", Kind: "类型", From: "起", To: "止", Title: "标题",
	Signed: "签署日期", Language: "语言", Commitments: "承诺/句子", NoDocuments: "尚无文件。", Contents: "目录",
	Legend: "图例", Type: "句子类型", Actor: "行为方", Actors: "行为方", Area: "领域", Areas: "领域", Strength: "强度",
	Deadline: "期限", References: "引用文件", Mechanisms: "机制", Projects: "项目", Original: "下载原始文件",
	Close: "关闭", Hits: "条结果", Forbidden: "您的角色无权访问此页面。", Failed: "出错了，请重试。", ExportCSV: "导出 CSV", Upload: "上传文件", Dashboard: "统计", CommitmentsWord: "项承诺", ByStrength: "按强度的承诺", SortBy: "排序", Newest: "最新", Oldest: "最早", DropHere: "将文件拖放到此处上传", UploadsPending: "上传的文件正在读取。", Reload: "刷新",
	Page: "页", Next: "下一页", Previous: "上一页", ByArea: "按领域的承诺", ByParty: "按行为方的承诺", ByYear: "按年份的承诺",
	Year: "年份", Facets: "结果分布", Sources: "原始文件", Preamble: "序言", Closing: "结尾", Rule: "规则", Any: "全部",
	Role: "角色", Form: "格式", Encoding: "编码", Dimensions: "统计维度",
	NavCommitments: "承诺追踪", NavRegistry: "登记", NavReview: "审核", NavEvents: "事件日志",
	ExportSentences: "导出筛选保留的句子",
	CitationsLink:   "引用：本文件引用的与引用本文件的",
	Forms:           map[string]string{"text": "纯文本", "html": "网页", "docx": "Word 文档", "pdf": "PDF"},
	Languages:       map[string]string{"zh": "中文", "zh-Hant": "繁体中文", "en": "英文", "sr": "塞尔维亚文", "sr-Latn": "塞尔维亚文（拉丁字母）", "sr-Cyrl": "塞尔维亚文（西里尔字母）"},
	Roles:           map[string]string{"viewer": "查看者", "analyst": "分析员", "editor": "编辑", "admin": "管理员"},
}

var textsEN = &texts{
	Code:    "en",
	Library: "Library", Search: "Search", SearchHint: "Search sentences, e.g. 铁路, visa", SignIn: "Sign in",
	SignOut: "Sign out", Name: "Name", Password: "Password", Filter: "Filter", Party: "Party", Parties: "Parties",
	Kind: "Kind", From: "From", To: "To", Title: "Title", Signed: "Signed", Language: "Language",
	Commitments: "Commitments / sentences", NoDocuments: "No documents yet.", Contents: "Contents", Legend: "Legend",
	Type: "Type", Actor: "Actor", Actors: "Actors", Area: "Area", Areas: "Areas", Strength: "Strength",
	Deadline: "Deadline", References: "Cites", Mechanisms: "Mechanisms", Projects: "Projects",
	Original: "Download the original", Close: "Close", Hits: "results",
	Forbidden: "Your role may not open this page.", Failed: "Something went wrong; try again.", ExportCSV: "Export CSV", Upload: "Upload statements", Dashboard: "Dashboard", CommitmentsWord: "commitments", ByStrength: "Commitments by strength", SortBy: "Sort", Newest: "Newest", Oldest: "Oldest",
	DropHere: "Drop statements here to upload them", UploadsPending: "Your uploads are being read.", Reload: "Reload", Page: "page", Next: "Next", Previous: "Previous", ByArea: "Commitments by area", ByParty: "Commitments by party", ByYear: "Commitments by year",
	Year: "Year", Facets: "Results by", Sources: "Original files", Preamble: "Preamble", Closing: "Closing", Rule: "rule", Any: "any",
	Role: "Role", Form: "Form", Encoding: "Encoding", Dimensions: "Dimensions",
	NavCommitments: "Commitments", NavRegistry: "Registry", NavReview: "Review", NavEvents: "Event log",
	ExportSentences: "Export the sentences the filter keeps",
	CitationsLink:   "Citations: what it cites, what cites it",
	Forms:           map[string]string{"text": "plain text", "html": "web page", "docx": "Word document", "pdf": "PDF"},
	Languages:       map[string]string{"zh": "Chinese", "zh-Hant": "Chinese (traditional)", "en": "English", "sr": "Serbian", "sr-Latn": "Serbian (Latin)", "sr-Cyrl": "Serbian (Cyrillic)"},
	Roles:           map[string]string{"viewer": "viewer", "analyst": "analyst", "editor": "editor", "admin": "administrator"},
}

var textsSR = &texts{
	Code:    "sr",
	Library: "Biblioteka", Search: "Pretraga", SearchHint: "Pretražite rečenice, npr. pruga, 铁路", SignIn: "Prijava",
	SignOut: "Odjava", Name: "Korisničko ime", Password: "Lozinka", Filter: "Filtriraj", Party: "Strana", Parties: "Strane",
	Kind: "Vrsta", From: "Od", To: "Do", Title: "Naslov", Signed: "Potpisano", Language: "Jezik",
	Commitments: "Obaveze / rečenice", NoDocuments: "Još nema dokumenata.", Contents: "Sadržaj", Legend: "Legenda",
	Type: "Vrsta rečenice", Actor: "Akter", Actors: "Akteri", Area: "Oblast", Areas: "Oblasti", Strength: "Jačina",
	Deadline: "Rok", References: "Poziva se na", Mechanisms: "Mehanizmi", Projects: "Projekti",
	Original: "Preuzmite original", Close: "Zatvori", Hits: "rezultata",
	Forbidden: "Vaša uloga ne dozvoljava otvaranje ove stranice.", Failed: "Nešto nije u redu; pokušajte ponovo.", ExportCSV: "Izvoz CSV", Upload: "Otpremanje izjava", Dashboard: "Pregled", CommitmentsWord: "obaveza", ByStrength: "Obaveze po jačini", SortBy: "Redosled", Newest: "Najnovije", Oldest: "Najstarije",
	DropHere: "Prevucite izjave ovde da ih otpremite", UploadsPending: "Otpremljene izjave se čitaju.", Reload: "Osveži", Page: "strana", Next: "Sledeća", Previous: "Prethodna", ByArea: "Obaveze po oblasti", ByParty: "Obaveze po strani", ByYear: "Obaveze po godini",
	Year: "Godina", Facets: "Rezultati po", Sources: "Originalne datoteke", Preamble: "Preambula", Closing: "Završni deo", Rule: "pravilo", Any: "sve",
	Role: "Uloga", Form: "Oblik", Encoding: "Kodiranje", Dimensions: "Dimenzije",
	NavCommitments: "Obaveze", NavRegistry: "Registar", NavReview: "Pregled ispravki", NavEvents: "Dnevnik događaja",
	ExportSentences: "Izvoz rečenica koje filter zadržava",
	CitationsLink:   "Citati: šta navodi i šta navodi njega",
	Forms:           map[string]string{"text": "običan tekst", "html": "veb stranica", "docx": "Word dokument", "pdf": "PDF"},
	Languages:       map[string]string{"zh": "kineski", "zh-Hant": "kineski (tradicionalni)", "en": "engleski", "sr": "srpski", "sr-Latn": "srpski (latinica)", "sr-Cyrl": "srpski (ćirilica)"},
	Roles:           map[string]string{"viewer": "čitalac", "analyst": "analitičar", "editor": "urednik", "admin": "administrator"},
}

// uiTexts are the UI's languages, in the order the switch offers them.
func uiTexts() []*texts { return []*texts{textsZH, textsEN, textsSR} }

// langLink is one entry of the language switch: a language's code and its
// name in itself.
type langLink struct{ Code, Name string }

// Switch lists the other UI languages, each named in itself.
func (t *texts) Switch() []langLink {
	self := map[string]string{"zh": "中文", "en": "English", "sr": "Srpski"}
	var out []langLink
	for _, o := range uiTexts() {
		if o.Code != t.Code {
			out = append(out, langLink{Code: o.Code, Name: self[o.Code]})
		}
	}
	return out
}

// textsFor picks the language: ?lang= (remembered in a cookie), the cookie,
// then the browser's Accept-Language; Chinese by default.
func textsFor(w http.ResponseWriter, r *http.Request) *texts {
	pick := func(code string) *texts {
		for _, t := range uiTexts() {
			if t.Code == code {
				return t
			}
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
	al := r.Header.Get("Accept-Language")
	if strings.HasPrefix(al, "en") {
		return textsEN
	}
	if strings.HasPrefix(al, "sr") || strings.HasPrefix(al, "hr") || strings.HasPrefix(al, "bs") {
		return textsSR
	}
	return textsZH
}

// Labels: every code the pages show goes through one of these, so that a
// reader sees words of the UI's language, never a code.

// KindLabel names a document kind.
func (t *texts) KindLabel(k entente.Kind) string {
	return entente.DocumentKinds().Label(string(k), t.Code)
}

// TypeLabel names a sentence type.
func (t *texts) TypeLabel(s entente.SentenceType) string {
	return entente.SentenceTypes().Label(string(s), t.Code)
}

// StrengthLabel names a commitment's strength.
func (t *texts) StrengthLabel(s entente.Strength) string {
	return entente.Strengths().Label(string(s), t.Code)
}

// StatusLabel names where a commitment stands.
func (t *texts) StatusLabel(s entente.Status) string {
	return entente.StatusLabels().Label(string(s), t.Code)
}

// AreaLabel names a policy area.
func (t *texts) AreaLabel(a string) string { return entente.Areas().Label(a, t.Code) }

// AreaLabels names policy areas, joined.
func (t *texts) AreaLabels(as []string) string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = t.AreaLabel(a)
	}
	return strings.Join(out, t.listSep())
}

// RuleLabel names the rule behind a label.
func (t *texts) RuleLabel(rule string) string { return entente.RuleLabel(rule, t.Code) }

// RuleNote says which rule decided a label, as an aside.
func (t *texts) RuleNote(rule string) string {
	if t.Code == "zh" {
		return "（" + t.Rule + "：" + t.RuleLabel(rule) + "）"
	}
	return "(" + t.Rule + ": " + t.RuleLabel(rule) + ")"
}

// RefKindLabel names the kind of a cited instrument.
func (t *texts) RefKindLabel(k entente.ReferenceKind) string {
	return entente.ReferenceKinds().Label(string(k), t.Code)
}

// LangLabel names a language; a code without a name shows as it is.
func (t *texts) LangLabel(code string) string { return named(t.Languages, code) }

// FormLabel names a source's format.
func (t *texts) FormLabel(code string) string { return named(t.Forms, code) }

// RoleLabel names an account's role.
func (t *texts) RoleLabel(r entente.Role) string { return named(t.Roles, string(r)) }

// SectionName names a section: the preamble, the closing, or an article by
// its number and title.
func (t *texts) SectionName(sec entente.Section) string {
	switch sec.ID {
	case entente.SectionPreamble:
		return t.Preamble
	case entente.SectionClosing:
		return t.Closing
	}
	if sec.Title != "" {
		return sec.Heading + " " + sec.Title
	}
	return sec.Heading
}

// FacetLabel names a facet of the search and a value in it.
func (t *texts) FacetName(name string) string {
	switch name {
	case "type":
		return t.Type
	case "party":
		return t.Party
	case "area":
		return t.Area
	case "strength":
		return t.Strength
	case "year":
		return t.Year
	case "language":
		return t.Language
	}
	return name
}

// FacetValue names a value of a facet.
func (t *texts) FacetValue(facet, v string) string {
	switch facet {
	case "type":
		return t.TypeLabel(entente.SentenceType(v))
	case "area":
		return t.AreaLabel(v)
	case "strength":
		return t.StrengthLabel(entente.Strength(v))
	case "language":
		return t.LangLabel(v)
	}
	return v
}

func (t *texts) listSep() string {
	if t.Code == "zh" {
		return "、"
	}
	return ", "
}

func named(names map[string]string, code string) string {
	if s, ok := names[code]; ok {
		return s
	}
	return code
}

// options are the choices of a select list from one of the domain's closed
// lists, labelled in the UI's language, with the current one selected.
func (t *texts) options(list entente.ValueList, selected string) []option {
	out := make([]option, len(list))
	for i, v := range list {
		out[i] = option{Value: v.Code, Label: list.Label(v.Code, t.Code), Selected: v.Code == selected}
	}
	return out
}
