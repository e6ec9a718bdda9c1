package web

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/entente/entente"
)

// The filters of the library and of search, read from the query string
// with the parser the CLI and the API use (entente.FilterParser). The form
// offers choices (select lists, and completion for parties) and says
// beside a field what is wrong with a value it cannot use.

// filterForm is the filter form as a page shows it: the values as typed,
// the choices of each field, and a message beside each refused value.
type filterForm struct {
	Search                                                bool // the search's fields (type, strength) or the library's (kind)
	Party, Kind, Language, Area, Type, Strength, From, To string
	Errors                                                map[string]string // field → message
	Parties                                               []option          // completion: code, with its name
	Kinds, Languages, Areas, Types, Strengths             []option
}

// Invalid says whether any value was refused.
func (f filterForm) Invalid() bool { return len(f.Errors) > 0 }

// filterWords are the form's own words in each UI language.
type filterWords struct {
	Refused, Choices, AnyValue, DateHint         string
	NoMatchDocs, NoHits, NoHitsWords, TryWithout string
	Of, AtLeast, Estimated, FacetsOf             string
	// NotYetSearchable takes the number of statements stored whose
	// full-text index is still catching up
	NotYetSearchable string
}

var filterWordsByLang = map[string]*filterWords{
	"zh": {
		Refused: "无法识别「%s」。", Choices: "可选：", AnyValue: "全部", DateHint: "年、年-月或年-月-日，如 2024、2024-05、2024-05-08",
		NoMatchDocs: "没有符合这些筛选条件的文件。", NoHits: "没有符合条件的句子。", NoHitsWords: "请换用其他词语或减少词语。",
		TryWithout: "去掉以下筛选条件可找到结果：", Of: "共", AtLeast: "至少", Estimated: "（匹配过多，总数为估计值）",
		FacetsOf:         "分类计数只统计排名前 %d 条结果，是估计值。",
		NotYetSearchable: "另有 %d 份文件已存入，尚未编入检索索引，稍后即可检索到。",
	},
	"en": {
		Refused: "“%s” is not known. ", Choices: "Choose: ", AnyValue: "Any", DateHint: "a year, a month or a day: 2024, 2024-05, 2024-05-08",
		NoMatchDocs: "No document matches these filters.", NoHits: "No sentence matches.", NoHitsWords: "Try fewer or other words.",
		TryWithout: "Drop a filter to find some:", Of: "of", AtLeast: "at least", Estimated: "(too many matches: the total is an estimate)",
		FacetsOf:         "The counts beside the filters are estimates: they count the best %d results only.",
		NotYetSearchable: "%d statements not yet searchable: they are stored, and the search index is catching up with them.",
	},
	"sr": {
		Refused: "„%s” nije poznato. ", Choices: "Izaberite: ", AnyValue: "Sve", DateHint: "godina, mesec ili dan: 2024, 2024-05, 2024-05-08",
		NoMatchDocs: "Nijedan dokument ne odgovara ovim filterima.", NoHits: "Nijedna rečenica ne odgovara.", NoHitsWords: "Pokušajte s manje ili drugim rečima.",
		TryWithout: "Uklonite filter da biste našli rezultate:", Of: "od", AtLeast: "najmanje", Estimated: "(previše pogodaka: ukupan broj je procena)",
		FacetsOf:         "Brojevi pored filtera su procene: broje samo %d najboljih rezultata.",
		NotYetSearchable: "%d izjava još nije moguće pretražiti: sačuvane su, a indeks pretrage ih sustiže.",
	},
}

// Shown says how many of how many a page shows: "1–20 of 63", "显示 1–20，共 63".
func (w *filterWords) Shown(from, to, total int, estimated bool) string {
	span := strconv.Itoa(to)
	if from > 1 {
		span = fmt.Sprintf("%d–%d", from, to)
	}
	of := strconv.Itoa(total)
	if estimated {
		of = w.AtLeast + " " + of
	}
	if w == filterWordsByLang["zh"] {
		return fmt.Sprintf("显示 %s，%s %s", span, w.Of, of)
	}
	return fmt.Sprintf("%s %s %s", span, w.Of, of)
}

func wordsFor(t *texts) *filterWords {
	if w, ok := filterWordsByLang[t.Code]; ok {
		return w
	}
	return filterWordsByLang["en"]
}

// readFilters reads and resolves a page's filters (lang_filter, since
// ?lang= switches the UI's language). It returns the filters to use (the
// accepted ones: a refused field is left out) and the form to show.
func (s *Server) readFilters(q url.Values, t *texts, search bool) (entente.Filters, filterForm) {
	raw := entente.Filters{Party: q.Get("party"), Language: q.Get("lang_filter"), Area: q.Get("area"),
		From: q.Get("from"), To: q.Get("to")}
	if search {
		raw.Type, raw.Strength = q.Get("type"), q.Get("strength")
	} else {
		raw.Kind = q.Get("kind")
	}
	form := filterForm{Search: search, Party: raw.Party, Kind: raw.Kind, Language: raw.Language, Area: raw.Area, Type: raw.Type,
		Strength: raw.Strength, From: raw.From, To: raw.To}
	f, err := s.filters.Resolve(raw)
	var errs entente.FilterErrors
	if errors.As(err, &errs) {
		words := wordsFor(t)
		form.Errors = map[string]string{}
		var bad []string
		for _, e := range errs {
			msg := fmt.Sprintf(words.Refused, e.Value)
			if len(e.Choices) > 0 {
				msg += words.Choices + strings.Join(e.Choices, ", ")
			} else {
				msg += e.Want
			}
			form.Errors[e.Field] = msg
			bad = append(bad, e.Field)
		}
		// Keep what could be read, so that the page still shows something.
		f, _ = s.filters.Resolve(raw.Without(bad...))
	}
	form.fillChoices(s.filters, t, f)
	return f, form
}

// fillChoices lists each field's choices, marking the resolved values.
func (form *filterForm) fillChoices(fl *entente.FilterParser, t *texts, f entente.Filters) {
	for _, code := range fl.PartyCodes() {
		form.Parties = append(form.Parties, option{Value: code, Label: fl.PartyName(code, t.Code)})
	}
	choices := func(list entente.ValueList, selected string) []option {
		out := make([]option, len(list))
		for i, v := range list {
			out[i] = option{Value: v.Code, Label: list.Label(v.Code, t.Code), Selected: v.Code == selected}
		}
		return out
	}
	form.Areas = choices(entente.Areas(), f.Area)
	form.Kinds = choices(entente.DocumentKinds(), f.Kind)
	form.Languages = choices(entente.VersionLanguages(), f.Language)
	form.Types = choices(entente.SentenceTypes(), f.Type)
	form.Strengths = choices(entente.Strengths(), f.Strength)
	if f.Party != "" && form.Errors["party"] == "" {
		form.Party = f.Party // show the code a name resolved to
	}
}

// loosenLink is a way out of a search with no hit: a link to the same
// search without some filters, and how many it finds.
type loosenLink struct {
	Drop  string // the filters' labels
	Total int
	Link  string
}

func loosenLinks(q url.Values, t *texts, ls []entente.Loosening) []loosenLink {
	label := map[string]string{"party": t.Party, "lang": t.Language, "area": t.Area, "type": t.Type, "strength": t.Strength,
		"from": t.From, "to": t.To, "kind": t.Kind}
	out := make([]loosenLink, 0, len(ls))
	for _, l := range ls {
		nq := url.Values{}
		for k, vs := range q {
			nq[k] = vs
		}
		nq.Del("offset")
		names := make([]string, len(l.Drop))
		for i, d := range l.Drop {
			names[i] = label[d]
			if d == "lang" {
				d = "lang_filter"
			}
			nq.Del(d)
		}
		out = append(out, loosenLink{Drop: strings.Join(names, ", "), Total: l.Total, Link: "/search?" + nq.Encode()})
	}
	return out
}

// documentLabel names a document without a title by its kind, parties
// and date, so that every row and hit has something to click.
func documentLabel(lang, title string, kind entente.Kind, parties []string, signed string) string {
	if strings.TrimSpace(title) != "" {
		return title
	}
	parts := []string{entente.DocumentKinds().Label(string(kind), lang)}
	if len(parties) > 0 {
		parts = append(parts, strings.Join(parties, "–"))
	}
	if signed != "" {
		parts = append(parts, signed)
	}
	return strings.Join(parts, " · ")
}
