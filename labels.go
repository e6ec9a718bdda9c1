package entente

import "slices"

// Closed lists of codes (document kinds, sentence types, strengths, areas,
// kinds of cited instruments, the rules behind a label) are written once,
// here and beside their types, each code with its label in every UI
// language. The CLI validates and explains its flags from them, the API
// describes its parameters with them, and the web UI shows the labels: a
// code never reaches a reader.

// UILanguages are the languages the UI speaks; every value has a label in
// each (Serbian in its Latin script).
func UILanguages() []string { return []string{"zh", "en", "sr"} }

// Labels names a value in each UI language, by language code.
type Labels map[string]string

// Value is one code of a closed list with its labels.
type Value struct {
	Code   string
	Labels Labels
}

// ValueList is a closed list of codes, in the order they are shown.
type ValueList []Value

// Codes returns the list's codes in order.
func (l ValueList) Codes() []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = v.Code
	}
	return out
}

// Has reports whether code is in the list.
func (l ValueList) Has(code string) bool {
	return slices.ContainsFunc(l, func(v Value) bool { return v.Code == code })
}

// Label returns code's label in lang (English when lang has none); a code
// not in the list is returned as it is.
func (l ValueList) Label(code, lang string) string {
	for _, v := range l {
		if v.Code != code {
			continue
		}
		if s := v.Labels[lang]; s != "" {
			return s
		}
		if s := v.Labels["en"]; s != "" {
			return s
		}
	}
	return code
}

// value builds a value from its code and its labels in Chinese, English and
// Serbian.
func value(code, zh, en, sr string) Value {
	return Value{Code: code, Labels: Labels{"zh": zh, "en": en, "sr": sr}}
}
