package entente

import (
	"fmt"
	"strings"
)

// Reasons say why the registry joined two names, in each UI language. A
// reason is stored encoded (its code and arguments), so that a page shows
// it in the reader's language; ReasonText renders it.

// Reason codes with their wording in Chinese, English and Serbian (Latin
// script); %[n]s are the reason's arguments.
var reasonWords = map[string][3]string{
	"canonical":         {"规范名称：提及最多的语言中的完整标题", "the canonical name: in the language most mentions use, the full title", "kanonski naziv: pun naslov na jeziku koji većina pominjanja koristi"},
	"renamed":           {"编辑更名前的规范名称", "the canonical name before a rename", "kanonski naziv pre preimenovanja"},
	"one_name":          {"仅有一个名称", "one name", "jedan naziv"},
	"same_name":         {"同一名称", "the same name", "isti naziv"},
	"same_title":        {"同一标题", "the same title", "isti naslov"},
	"same_name_parties": {"同一名称，见于相同各方（%[1]s）的文件", "the same name in statements of the same parties (%[1]s)", "isti naziv u dokumentima istih strana (%[1]s)"},
	"same_name_written": {"同一名称（书名号、引号、空格或全角写法不同）", "the same name written with or without brackets, quotes, spaces or full-width forms", "isti naziv napisan sa zagradama, navodnicima, razmacima ili znakovima pune širine ili bez njih"},
	"same_name_langs":   {"同一名称，见于%[1]s与%[2]s文本（文字、全半角、引号不计）", "the same name in %[1]s and %[2]s (script, width, quotes aside)", "isti naziv na %[1]s i %[2]s (pismo, širina i navodnici po strani)"},
	"same_name_named":   {"同一名称，名称本身指明了相关方（%[1]s），见于%[2]s与%[3]s的文件", "the same name, which names its parties (%[1]s), in statements of %[2]s and of %[3]s", "isti naziv, koji imenuje svoje strane (%[1]s), u dokumentima %[2]s i %[3]s"},
	"short_form":        {"«%[1]s»的简称（字序一致、中心词相同）", "short form (its characters in order, the same head) of «%[1]s»", "skraćeni oblik (znakovi istim redom, ista glavna reč) naziva «%[1]s»"},
	"first_words":       {"«%[1]s»的开头词语", "the first words of «%[1]s»", "prve reči naziva «%[1]s»"},
	"counterparts":      {"«%[3]s»的%[1]s与%[2]s文本中相互对应的句子（%[4]s、%[5]s）", "counterparts in the %[1]s and %[2]s versions of «%[3]s» (%[4]s, %[5]s)", "odgovarajuće rečenice u verzijama %[1]s i %[2]s dokumenta «%[3]s» (%[4]s, %[5]s)"},
	"document_title":    {"其标题即库内文件%[1]s的标题", "its title is that of document %[1]s", "njegov naslov je naslov dokumenta %[1]s"},
	"decision":          {"%[2]s的%[1]s决定：%[3]s", "%[1]s by %[2]s: %[3]s", "%[1]s (%[2]s): %[3]s"},
}

const (
	reasonArgSep  = "\x1f" // between a reason's code and arguments
	reasonListSep = "\x1e" // between the reasons of a list
)

// NewReason encodes a reason: its code and arguments.
func NewReason(code string, args ...string) string {
	if len(args) == 0 {
		return code
	}
	parts := make([]string, 0, 1+len(args))
	parts = append(parts, code)
	for _, a := range args {
		parts = append(parts, reasonArgCleaner.Replace(a))
	}
	return strings.Join(parts, reasonArgSep)
}

// reasonArgCleaner blanks the separators out of an argument; a
// Replacer is safe for concurrent use, and a registry's build encodes a
// reason for each of its 800,000 names at 100,000 statements.
var reasonArgCleaner = strings.NewReplacer(reasonArgSep, " ", reasonListSep, " ")

// JoinReasons encodes a list of encoded reasons as one.
func JoinReasons(rs []string) string { return strings.Join(rs, reasonListSep) }

// ReasonCode returns an encoded reason's code (of a list, the first's).
func ReasonCode(encoded string) string {
	first, _, _ := strings.Cut(encoded, reasonListSep)
	code, _, _ := strings.Cut(first, reasonArgSep)
	return code
}

// ReasonText renders an encoded reason, or a list of them, in lang (zh or
// en); text that is not an encoded reason is returned as it is.
func ReasonText(encoded, lang string) string {
	var out []string
	for _, r := range strings.Split(encoded, reasonListSep) {
		parts := strings.Split(r, reasonArgSep)
		w, ok := reasonWords[parts[0]]
		if !ok {
			out = append(out, r)
			continue
		}
		format := w[1]
		switch lang {
		case "zh":
			format = w[0]
		case "sr":
			format = w[2]
		}
		args := make([]any, len(parts)-1)
		for i, p := range parts[1:] {
			args[i] = p
		}
		out = append(out, strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf(format, args...), ": "), "："))
	}
	sep := "; "
	if lang == "zh" {
		sep = "；"
	}
	return strings.Join(out, sep)
}
