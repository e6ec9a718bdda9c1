package tracking

import (
	"strings"
	"testing"

	"github.com/entente/entente/extract"
	"github.com/entente/entente/lexicon"
)

// TestEveryDeadlineFormHasARule writes each deadline form of the English
// and Serbian cue tables ([deadline]) into a commitment, in both Serbian
// scripts, and expects the extractor to find a deadline there and a due
// rule to read it: a form the extractor finds and no rule reads would
// leave its commitments without a due date, and off the overdue list.
func TestEveryDeadlineFormHasARule(t *testing.T) {
	rules, err := LoadDueRules()
	if err != nil {
		t.Fatal(err)
	}
	fills := map[string]map[string]string{
		"en": {"year": "2027", "month": "May", "day": "8", "comma": ",", "stop": ".", "num": "three", "unit": "years", "midyear": "mid-2027", "endyear": "end-2027", "nth": "fifth"},
		"sr": {"year": "2027", "month": "maja", "day": "8", "comma": ",", "stop": ".", "num": "tri", "unit": "godine",
			"nmonth": "5", "daymonth": "8.5", "dmy": "8.5.2027"},
	}
	frames := map[string]string{
		"en": "Joint Statement of China and Ireland\n\nBeijing, 8 March 2023\n\nThe two sides will open a joint laboratory %s and review its work.\n",
		"sr": "Zajednička izjava Kine i Srbije\n\nBeograd, 8. marta 2023.\n\nStrane će otvoriti zajedničku laboratoriju %s i pratiti njen rad.\n",
	}
	checked := 0
	for _, lang := range []string{"en", "sr"} {
		table, err := lexicon.Load(lang)
		if err != nil {
			t.Fatal(err)
		}
		x, err := extract.NewSpaced(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range table.Words("deadline") {
			phrase := form
			for name, v := range fills[lang] {
				phrase = strings.ReplaceAll(phrase, "{"+name+"}", v)
			}
			phrase = strings.ReplaceAll(phrase, " .", ".")
			phrase = strings.ReplaceAll(phrase, " ,", ",")
			// a count again in brackets: thirty (30) days
			phrase = strings.ReplaceAll(strings.ReplaceAll(phrase, "( ", "("), " )", ")")
			phrase = strings.ReplaceAll(phrase, "8.5. 2027", "24.10.2027") // {daymonth} {stop} {year}: one word in the text
			if strings.Contains(phrase, "{") {
				t.Fatalf("%s: %q: a placeholder this test does not fill", lang, form)
			}
			texts := []string{strings.Replace(frames[lang], "%s", phrase, 1)}
			if lang == "sr" {
				texts = append(texts, cyrillic(texts[0]))
			}
			for _, text := range texts {
				ex := x.Extract(text)
				var deadline, sentence string
				for _, s := range ex.Sentences {
					if s.Deadline != nil {
						deadline, sentence = *s.Deadline, s.Text
					}
				}
				if deadline == "" {
					t.Errorf("%s: %q: the extractor found no deadline in %q", lang, form, text)
					continue
				}
				signed := ""
				if ex.Document.SignedDate != nil {
					signed = *ex.Document.SignedDate
				}
				if signed != "2023-03-08" {
					t.Errorf("%s: %q: signed %q, want 2023-03-08", lang, form, signed)
				}
				checked++
				if d := rules.Due(deadline, sentence, signed); d == nil {
					t.Errorf("%s: deadline %q (the form %q) has no due rule", lang, deadline, form)
				} else if d.Precision != "open" && d.Date == "" {
					t.Errorf("%s: deadline %q: %+v", lang, deadline, d)
				}
			}
		}
	}
	if checked < 60 {
		t.Errorf("only %d deadlines checked", checked)
	}
}

// cyrillic spells Serbian Latin text in Cyrillic, digraphs first.
func cyrillic(s string) string {
	pairs := []string{"lj", "љ", "nj", "њ", "dž", "џ", "Lj", "Љ", "Nj", "Њ", "Dž", "Џ"}
	latin := "abvgdđežzijklmnoprstćufhcčšABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ"
	cyr := "абвгдђежзијклмнопрстћуфхцчшАБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ"
	s = strings.NewReplacer(pairs...).Replace(s)
	lr, cr := []rune(latin), []rune(cyr)
	return strings.Map(func(r rune) rune {
		for i, l := range lr {
			if l == r {
				return cr[i]
			}
		}
		return r
	}, s)
}
