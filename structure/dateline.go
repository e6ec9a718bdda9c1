package structure

import (
	"fmt"
	"strings"
)

// Where the date of signing was read from (Layout.SignedDateSource).
const (
	DateFromTitleLine = "dateline under the title"  // （2024年5月9日，布达佩斯）
	DateFromTopLine   = "date line above the title" // May 8, 2024 over a release
	DateFromClosing   = "closing formula"           // 本声明于…在北京签订
	DateFromTail      = "dateline after the text"   // 2016年1月21日于开罗
	// DateFromNews: month and day from an agency dateline (新华社北京5月8日电),
	// the year from the text, when the text gives no other date.
	DateFromNews = "news agency dateline, year from the text"
)

// takeTitleDateline reads a date-and-place line right under the title,
// （2024年5月9日，布达佩斯） or 2024年5月9日 北京: the date and place of
// signing, or of the statement's issue.
func (p *parser) takeTitleDateline(lines []line) []line {
	if len(lines) == 0 || p.out.Title == "" {
		return lines
	}
	t := lines[0].text
	inner := strings.TrimFunc(t, func(r rune) bool { return isSpace(r) || strings.ContainsRune("（()）", r) })
	d, ok := findDate(inner)
	if !ok || !isDateline(inner) {
		return p.takeSpacedDateline(lines)
	}
	p.out.Blocks = append(p.out.Blocks, Block{Role: RoleDateline, Text: t, Line: lines[0].no})
	p.setSigned(d, datelinePlace(inner, d), DateFromTitleLine)
	return lines[1:]
}

// datelinePlace reads the place written beside a date on a dateline: after
// it (2024年5月9日，布达佩斯; …日于开罗) or before it (北京，2024年5月9日).
func datelinePlace(s string, d date) string {
	if place := placeAfterDate(s, d); place != "" {
		return place
	}
	rs := []rune(s)
	trim := func(x string) string {
		return cutPlace(strings.TrimFunc(x, func(r rune) bool { return isSpace(r) || strings.ContainsRune("，,、：:", r) }))
	}
	if after := trim(string(rs[d.End:])); after != "" {
		if notPlace(after) {
			return ""
		}
		return after
	}
	if before := trim(string(rs[:d.Start])); !notPlace(before) {
		return before
	}
	return ""
}

// notPlace reports whether what stands beside a dateline's date is no place
// but another date or a date's label, as a treaty database's header gives
// them (（签订日期1984年7月18日 生效日期1986年6月15日）).
func notPlace(s string) bool {
	return strings.Contains(s, "日期") || strings.IndexFunc(s, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}

func (p *parser) setSigned(d date, place, source string) {
	if p.out.SignedDate != "" {
		return
	}
	p.out.SignedDate, p.out.SignedPlace, p.out.SignedDateSource = d.ISO(), place, source
}

// dateFromNews gives a text with no other date the month and day of its
// agency dateline (新华社北京5月8日电), the year from the text: the year of
// the first date in it with a month (于2024年5月7日至10日…), and the place
// from the dateline too. Without a year in the text it gives none.
func (p *parser) dateFromNews() {
	if p.out.SignedDate != "" || p.out.NewsDateline == "" {
		return
	}
	month, day, place, ok := p.newsMonthDay(p.out.NewsDateline)
	if !ok {
		return
	}
	year := 0
	for _, s := range p.out.Sentences {
		if y, ok := firstYearWithMonth(s.Text); ok {
			year = y
			break
		}
	}
	if year == 0 {
		return
	}
	p.out.SignedDate = fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	p.out.SignedPlace = place
	p.out.SignedDateSource = DateFromNews
}

// newsMonthDay reads an agency dateline: agency, place, month, day, 电.
func (p *parser) newsMonthDay(s string) (month, day int, place string, ok bool) {
	t := strings.TrimLeft(s, "(（【[")
	for _, a := range p.v.NewsAgencies {
		if strings.HasPrefix(t, a) {
			t = t[len(a):]
			break
		}
	}
	rs := []rune(t)
	i := 0
	for i < len(rs) && !isNumeralRune(rs[i]) {
		i++
	}
	place = strings.TrimFunc(string(rs[:i]), isSpace)
	num := func(unit rune) (int, bool) {
		j := i
		for i < len(rs) && isNumeralRune(rs[i]) {
			i++
		}
		if i == j || i >= len(rs) || rs[i] != unit {
			return 0, false
		}
		n, ok := parseCNNumber(string(rs[j:i]))
		i++
		return n, ok
	}
	if month, ok = num('月'); !ok || month < 1 || month > 12 {
		return 0, 0, "", false
	}
	if day, ok = num('日'); !ok || day < 1 || day > 31 {
		return 0, 0, "", false
	}
	if runesOver(place, 12) {
		place = ""
	}
	return month, day, place, true
}

// firstYearWithMonth returns the year of the first "YYYY年M月" in s.
func firstYearWithMonth(s string) (int, bool) {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if !isNumeralRune(rs[i]) || (i > 0 && isNumeralRune(rs[i-1])) {
			continue
		}
		j := i
		for j < len(rs) && isNumeralRune(rs[j]) {
			j++
		}
		if j+1 >= len(rs) || rs[j] != '年' || !isNumeralRune(rs[j+1]) {
			i = j
			continue
		}
		y, ok := parseCNYear(string(rs[i:j]))
		k := j + 1
		for k < len(rs) && isNumeralRune(rs[k]) {
			k++
		}
		if ok && y >= 1900 && y <= 2200 && k < len(rs) && rs[k] == '月' {
			return y, true
		}
		i = j
	}
	return 0, false
}
