package structure

import (
	"fmt"
	"strings"
)

// A date as Chinese statements write it: 2019年7月23日, 二〇二四年五月八日,
// full-width digits, with or without spaces between the parts.
type date struct {
	Year, Month, Day int
	Start, End       int // rune offsets of the whole date in the text searched
}

func (d date) ISO() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// findDate returns the first full date (year, month and day) in s.
func findDate(s string) (date, bool) {
	if !strings.ContainsRune(s, '年') {
		return date{}, false // every date has a year (dateAt): most lines, and all in Latin script, have none
	}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if !isNumeralRune(rs[i]) || (i > 0 && isNumeralRune(rs[i-1])) {
			continue
		}
		if d, ok := dateAt(rs, i); ok {
			return d, true
		}
	}
	return date{}, false
}

// dateAt reads 年…月…日 starting at i.
func dateAt(rs []rune, i int) (date, bool) {
	d := date{Start: i}
	pos := i
	num := func(unit rune, year bool) (int, bool) {
		j := pos
		for j < len(rs) && isSpace(rs[j]) {
			j++
		}
		k := j
		for k < len(rs) && isNumeralRune(rs[k]) {
			k++
		}
		if k == j {
			return 0, false
		}
		e := k
		for e < len(rs) && isSpace(rs[e]) {
			e++
		}
		if e >= len(rs) || rs[e] != unit {
			return 0, false
		}
		var n int
		var ok bool
		if year {
			n, ok = parseCNYear(string(rs[j:k]))
		} else {
			n, ok = parseCNNumber(string(rs[j:k]))
		}
		pos = e + 1
		return n, ok
	}
	var ok bool
	if minguo(rs, i) {
		// 中華民國一百一十三年 (Taiwan's official calendar): year 1 is 1912
		if d.Year, ok = num('年', false); !ok || d.Year < 1 || d.Year > 200 {
			return date{}, false
		}
		d.Year += 1911
	} else if d.Year, ok = num('年', true); !ok || d.Year < 1900 || d.Year > 2200 {
		return date{}, false
	}
	if d.Month, ok = num('月', false); !ok || d.Month < 1 || d.Month > 12 {
		return date{}, false
	}
	if d.Day, ok = num('日', false); !ok || d.Day < 1 || d.Day > 31 {
		return date{}, false
	}
	d.End = pos
	return d, true
}

// placeAfterDate reads the place of signing around a date: "…日于北京",
// "…日在贝尔格莱德签订", "于北京，2019年7月23日". It returns "" when the text
// names none.
func placeAfterDate(s string, d date) string {
	rs := []rune(s)
	rest := strings.TrimLeft(string(rs[d.End:]), " \u3000，,")
	if r, ok := strings.CutPrefix(rest, "即"); ok {
		// 中华民国一一四年十月二十日，即公历二〇二五年十月二十日，在台北市签署:
		// the same day counted the other way stands between the date and
		// its place
		if d2, ok := findDate(r); ok && d2.Start <= 3 {
			rest = strings.TrimLeft(string([]rune(r)[d2.End:]), " \u3000，,")
		}
	}
	// …日订于瓜地马拉市 (done at, the treaty formula of Taipei's
	// agreements), …日签署于…: the verb of signing may stand before 于
	for _, p := range []string{"于", "在", "订于", "签订于", "签署于", "签于"} {
		if strings.HasPrefix(rest, p) {
			return cutPlace(strings.TrimPrefix(rest, p))
		}
	}
	start := d.Start
	if minguo(rs, start) {
		// 于中华民国一一四年…: the era's name before the year is no place
		start -= 2
		if start >= 2 && (string(rs[start-2:start]) == "中华" || string(rs[start-2:start]) == "中華") {
			start -= 2
		}
	}
	head := strings.TrimRight(string(rs[:start]), " \u3000，,")
	for _, p := range []string{"于", "在"} {
		if i := strings.LastIndex(head, p); i >= 0 {
			place := cutPlace(head[i+len(p):])
			if place != "" && !strings.ContainsAny(place, "，。") {
				return place
			}
		}
	}
	return ""
}

// cutPlace ends a place name at the verb or punctuation that follows it.
func cutPlace(s string) string {
	end := len(s)
	for _, stop := range []string{"签订", "签署", "签字", "订立", "发表", "举行", "，", "。", ",", "、", " ", "\u3000", "（", "("} {
		if i := strings.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	if i := languagesLead(s[:end]); i >= 0 {
		end = i
	}
	place := strings.TrimSpace(s[:end])
	if n := len([]rune(place)); n == 0 || n > 20 {
		return ""
	}
	return place
}

// languagesLead returns where the languages a text is signed in begin after
// a place (阿布扎比以中文及英文各签署两份: at 以), or -1: 以 or 用 with a
// language's name (…文, …语) in the runes after it. A place that opens with
// 以 (以色列) has none there.
func languagesLead(s string) int {
	rs := []rune(s)
	off := 0
	for i, r := range rs {
		if (r == '以' || r == '用') && i > 0 {
			for j := i + 2; j < len(rs) && j <= i+7; j++ {
				if rs[j] == '文' || rs[j] == '语' || rs[j] == '語' {
					return off
				}
			}
		}
		off += len(string(r))
	}
	return -1
}

// minguo reports whether the year at rune i is counted from the founding of
// the Republic of China: 民國 (中華民國, 民国) written right before it.
func minguo(rs []rune, i int) bool {
	for i > 0 && isSpace(rs[i-1]) {
		i--
	}
	return i >= 2 && rs[i-1] == '國' && rs[i-2] == '民' || i >= 2 && rs[i-1] == '国' && rs[i-2] == '民'
}
