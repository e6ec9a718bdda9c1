package web

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// TestWordsInEveryLanguage reads every set of the UI's words in English
// and Serbian: none is left empty, and none carries a Chinese character,
// which is what a page falls back to when a language has no words of its
// own (the timeline, compare and pair pages did in Serbian).
func TestWordsInEveryLanguage(t *testing.T) {
	sets := map[string]func(lang string) any{
		"texts": func(lang string) any {
			for _, tx := range uiTexts() {
				if tx.Code == lang {
					return tx
				}
			}
			return nil
		},
		"filters": func(lang string) any {
			for _, tx := range uiTexts() {
				if tx.Code == lang {
					return wordsFor(tx)
				}
			}
			return nil
		},
		"compare":   func(lang string) any { return compareWordsFor(lang) },
		"dashboard": func(lang string) any { return dashWordsFor(lang) },
		"near":      func(lang string) any { return nearWordsFor(lang) },
		"registry":  func(lang string) any { return registryWordsFor(lang) },
		"tracking":  func(lang string) any { return trackWordsFor(lang) },
		"versions":  func(lang string) any { return versionWordsFor(lang) },
	}
	// a search's hint gives a Chinese query as an example in every language
	examples := map[string]bool{"texts.SearchHint": true}
	for name, of := range sets {
		zh := of("zh")
		for _, lang := range []string{"en", "sr"} {
			w := of(lang)
			if w == nil {
				t.Errorf("%s: no words in %s", name, lang)
				continue
			}
			if reflect.DeepEqual(w, zh) {
				t.Errorf("%s in %s are the Chinese words", name, lang)
			}
			eachWord(reflect.ValueOf(w), name, func(field, s string) {
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s in %s: %s is empty", name, lang, field)
				}
				if !examples[field] && strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
					t.Errorf("%s in %s: %s is Chinese: %q", name, lang, field, s)
				}
			})
		}
	}
}

// eachWord calls f with every string a set of words holds: its fields and
// the values of its maps, by the field's name.
func eachWord(v reflect.Value, name string, f func(field, s string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachWord(v.Elem(), name, f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			field := v.Type().Field(i)
			if field.IsExported() {
				eachWord(v.Field(i), name+"."+field.Name, f)
			}
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			eachWord(it.Value(), name+"["+it.Key().String()+"]", f)
		}
	case reflect.String:
		f(name, v.String())
	}
}
