package tracking

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// DueRules turn a deadline as written into a due date, from the table
// lexicon/data/due.rules (its header says how a rule reads).
type DueRules struct {
	rules       []dueRule
	fingerprint string
	words       *dueWords
	// han simplifies Traditional Chinese, built when first needed
	han struct {
		once  sync.Once
		table *lexicon.HanTable
		err   error
	}
}

// Fingerprint identifies the table the rules were read from, so that a
// store keeping due dates reads them again when the table changes.
func (r *DueRules) Fingerprint() string { return r.fingerprint }

type dueRule struct {
	line      int
	pattern   string
	re        *regexp.Regexp
	filter    ruleFilter // what a text must hold for re to match in it, and from where
	latin     bool       // written in Latin letters: it matches no text without one
	due       string
	precision entente.Precision
	urgent    bool
	schedule  bool
}

// LoadDueRules reads the embedded table.
func LoadDueRules() (*DueRules, error) {
	b, err := lexicon.Data("due.rules")
	if err != nil {
		return nil, err
	}
	return ParseDueRules("due.rules", b)
}

const maxRules = 10000

// dueReading names how Due reads a text with the rules; it is part of the
// rules' fingerprint, so that due dates kept by a store are read again
// when it changes as when the table does. 2: English and Serbian words,
// Traditional Chinese through Simplified, Taiwan's years.
const dueReading = "reading 2\n"

// ParseDueRules reads a table of due-date rules; an error names the line.
func ParseDueRules(name string, data []byte) (*DueRules, error) {
	words, err := loadDueWords()
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(append([]byte(dueReading), data...))
	r := &DueRules{fingerprint: hex.EncodeToString(sum[:]), words: words}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), 64*1024)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: not UTF-8", name, n)
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		// the pattern is every field before the due date, the precision
		// and the flag if there is one: a pattern in English or Serbian
		// has words (by the end of {Y})
		var flag string
		switch last := f[len(f)-1]; {
		case last == "urgent" || last == "schedule":
			flag, f = last, f[:len(f)-1]
		case len(f) >= 4 && isPrecision(f[len(f)-2]) && !isPrecision(last):
			return nil, fmt.Errorf("%s:%d: unknown flag %q (urgent, schedule)", name, n, last)
		}
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want: pattern due precision [flags]", name, n)
		}
		pattern := strings.Join(f[:len(f)-2], " ")
		if words := strings.Join(patternLiterals(pattern), " "); words != dueText(words) {
			// a text is read in lower case, Cyrillic in Latin letters
			return nil, fmt.Errorf("%s:%d: pattern %q: write it in lower case and Latin letters", name, n, pattern)
		}
		rule := dueRule{line: n, pattern: pattern, due: f[len(f)-2], precision: entente.Precision(f[len(f)-1])}
		if !isPrecision(f[len(f)-1]) {
			return nil, fmt.Errorf("%s:%d: precision %q is not day, month, year or open", name, n, f[len(f)-1])
		}
		rule.urgent, rule.schedule = flag == "urgent", flag == "schedule"
		re, err := compilePattern(rule.pattern, r.words)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		rule.re, rule.filter = re, newRuleFilter(rule.pattern, re)
		rule.latin = hasLatin(strings.Join(patternLiterals(rule.pattern), ""))
		if err := checkDue(rule.due, re); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if (rule.due == "open") != (rule.precision == entente.PrecisionOpen) {
			return nil, fmt.Errorf("%s:%d: an open due date has precision open, and only it", name, n)
		}
		r.rules = append(r.rules, rule)
		if len(r.rules) > maxRules {
			return nil, fmt.Errorf("%s: more than %d rules", name, maxRules)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return r, nil
}

// isPrecision says whether a field of a rule is a precision.
func isPrecision(f string) bool {
	switch entente.Precision(f) {
	case entente.PrecisionDay, entente.PrecisionMonth, entente.PrecisionYear, entente.PrecisionOpen:
		return true
	}
	return false
}

// placeholders are the figures each placeholder reads, in every script;
// {M} and {N} also read the month names and number words of the English
// and Serbian cue tables (dueWords).
var placeholders = map[string]string{
	// a year of the Republic of China's calendar too, as Taiwan dates its
	// deadlines (114年底前, 民國115年前: 1911 years later), where three
	// figures from 100 can be nothing else
	"Y": `[0-9０-９]{4}|[〇零一二三四五六七八九]{4}|民[國国][0-9]{1,3}|1[0-9]{2}`,
	"M": `1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九]`,
	"D": `[12][0-9]|3[01]|0?[1-9]|[１２][０-９]|３[０１]|０?[１-９]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九]`,
	"N": `[1-9][0-9]?|[１-９][０-９]?|十[一二三四五六七八九]?|[一二三四五六七八九两]十?`,
	// an ordinal in figures (5th, 21st); in words from [session-ordinal]
	"O": `[1-9][0-9]?(?:st|nd|rd|th)`,
}

// patternLiterals returns the text of a pattern between its
// placeholders ("{Y}年{M}月底前": 年, 月底前), word by word (by the end of
// {Y}: by, the, end, of), each of which is in every text the pattern
// matches. A pattern compilePattern refused has none.
func patternLiterals(p string) []string {
	var out []string
	for _, run := range patternRuns(p) {
		out = append(out, strings.Fields(run)...)
	}
	return out
}

// compilePattern turns "{Y}年底前" into a regular expression with a named
// group per placeholder; everything else is literal, but a space, which
// stands for one in the text (normalized by dueText), or none after a
// full stop or a comma (do {D}. {M}. {Y} reads 31.12.2025 and 31. 12.
// 2025). words adds the month names and number words to {M} and {N} of a
// rule written in Latin letters. A placeholder comes once, but {N} may
// come again for the same count in figures (within {N} ({N}) days).
func compilePattern(p string, words *dueWords) (*regexp.Regexp, error) {
	var b strings.Builder
	literal := func(s string) {
		for i, part := range strings.Split(s, " ") {
			if i > 0 {
				if b.Len() > 0 && (strings.HasSuffix(b.String(), `\.`) || strings.HasSuffix(b.String(), ",")) {
					b.WriteString(" ?")
				} else {
					b.WriteString(" ")
				}
			}
			b.WriteString(regexp.QuoteMeta(part))
		}
	}
	// the words only in a rule written in words (by the end of {M} {Y}):
	// a Chinese rule's {M} and {N} read figures, and the words' long
	// alternation made each of them several times slower
	latinWords := hasLatin(strings.Join(patternLiterals(p), ""))
	seen := map[string]bool{}
	for rest := p; rest != ""; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			literal(rest)
			break
		}
		literal(rest[:i])
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("pattern %q: { without }", p)
		}
		name := rest[i+1 : i+j]
		class, ok := placeholders[name]
		if !ok {
			return nil, fmt.Errorf("pattern %q: unknown placeholder {%s} (Y, M, D, N, O)", p, name)
		}
		if seen[name] {
			if name != "N" {
				return nil, fmt.Errorf("pattern %q: {%s} twice", p, name)
			}
			// a count written again in figures (within thirty (30)
			// days, as instruments write it) repeats the first: the
			// first is read, the second only matched (below)
		}
		if alts := words.alternatives(name); alts != "" && latinWords {
			class = alts + "|" + class // the words first: figures are their own
		}
		if seen[name] {
			b.WriteString("(?:" + class + ")")
			rest = rest[i+j+1:]
			continue
		}
		seen[name] = true
		if name == "Y" && latinWords {
			class = `[0-9]{4}` // Taiwan's years are written in Chinese
		}
		b.WriteString("(?P<" + name + ">" + class + ")")
		rest = rest[i+j+1:]
	}
	if b.Len() == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	return regexp.Compile(b.String())
}

// checkDue checks a due expression against the placeholders its pattern
// reads.
func checkDue(due string, re *regexp.Regexp) error {
	has := func(n string) bool { return re.SubexpIndex(n) >= 0 }
	switch {
	case due == "open":
		return nil
	case strings.HasPrefix(due, "+"):
		n, _, ok := parseSpan(due)
		if !ok || (n == 0 && !has("N")) {
			return fmt.Errorf("due %q: a span is +{N}y, +{N}m, +{N}w or +{N}d with {N} in the pattern, or +K and a unit for K from 1 to 99", due)
		}
		return nil
	}
	parts := strings.Split(due, "-")
	if len(parts) != 3 {
		return fmt.Errorf("due %q: want Y-M-D, +{N}y or open", due)
	}
	y, m, d := parts[0], parts[1], parts[2]
	switch {
	case y == "Y":
		if !has("Y") {
			return fmt.Errorf("due %q: Y without {Y} in the pattern", due)
		}
	case y == "S" || y == "E" || strings.HasPrefix(y, "S+"):
		if y != "S" && y != "E" {
			if k, err := strconv.Atoi(y[2:]); err != nil || k < 1 || k > 50 {
				return fmt.Errorf("due %q: S+k with k from 1 to 50", due)
			}
		}
	default:
		return fmt.Errorf("due %q: the year is Y, S, S+k or E", due)
	}
	if m == "M" {
		if !has("M") {
			return fmt.Errorf("due %q: M without {M} in the pattern", due)
		}
	} else if k, err := strconv.Atoi(m); err != nil || k < 1 || k > 12 {
		return fmt.Errorf("due %q: the month is M or 01…12", due)
	}
	switch {
	case d == "D":
		if !has("D") {
			return fmt.Errorf("due %q: D without {D} in the pattern", due)
		}
	case d == "end":
	default:
		if k, err := strconv.Atoi(d); err != nil || k < 1 || k > 31 {
			return fmt.Errorf("due %q: the day is D, end or 01…31", due)
		}
	}
	return nil
}

// Due reads a commitment's deadline: deadline is the span the extractor
// found, text its sentence, signed the document's date of signing
// (YYYY-MM-DD, or ""). The longest rule match in the sentence that covers
// the deadline wins, so that a longer form the extractor cut short
// (未来五年内 read as 年内) is read whole; failing that, the first rule that
// matches the deadline itself. nil when no rule reads it.
func (r *DueRules) Due(deadline, text, signed string) *entente.Due {
	if deadline == "" {
		return nil
	}
	deadline, text = dueText(deadline), dueText(text)
	best, bestMatch, bestIn := r.match(deadline, text)
	// a rule read only in part of the deadline itself (至遲於2027年6月30日
	// as its 2027年6月) may leave a longer Traditional form unread
	partial := best >= 0 && bestIn == deadline && bestMatch[1]-bestMatch[0] < len(deadline)
	if (best < 0 || partial) && hasHan(text+deadline) {
		// a Traditional Chinese deadline (年內, 盡快) read through its
		// Simplified characters, as the rules are written; the longer
		// reading wins
		if sd, st := r.simplified(deadline), r.simplified(text); sd != deadline || st != text {
			if b, m, in := r.match(sd, st); b >= 0 && (best < 0 || m[1]-m[0] > bestMatch[1]-bestMatch[0]) {
				best, bestMatch, bestIn = b, m, in
			}
		}
	}
	if best < 0 {
		return nil
	}
	rule := &r.rules[best]
	due := &entente.Due{Precision: rule.precision, Urgent: rule.urgent, Schedule: rule.schedule,
		Rule: fmt.Sprintf("due.rules:%d %s", rule.line, rule.pattern)}
	group := func(name string) (int, bool) {
		i := rule.re.SubexpIndex(name)
		if i < 0 || bestMatch[2*i] < 0 {
			return 0, false
		}
		written := bestIn[bestMatch[2*i]:bestMatch[2*i+1]]
		if name == "Y" {
			return readYear(written)
		}
		if n, ok := readNumber(written); ok {
			return n, true
		}
		return r.words.value(name, written)
	}
	date, ok := rule.date(group, signed)
	if !ok {
		due.Precision, due.Date = entente.PrecisionOpen, ""
		return due
	}
	due.Date = date
	return due
}

// match finds the longest rule match in text that covers deadline, or
// failing that in deadline alone: the rule's index (-1 for none), the
// match's indexes and the string they index.
func (r *DueRules) match(deadline, text string) (best int, bestMatch []int, bestIn string) {
	best, bestLen := -1, 0
	latin := hasLatin(text) // a Chinese sentence tries the Chinese rules alone
	if at := strings.Index(text, deadline); at >= 0 {
		end := at + len(deadline)
		var in byteSet
		in.add(text)
		for i := range r.rules {
			rule := &r.rules[i]
			if rule.latin && !latin {
				continue
			}
			lo, ok := rule.filter.start(text, &in)
			if !ok || lo > at {
				continue // no match can start early enough to cover the deadline
			}
			for _, m := range rule.re.FindAllStringSubmatchIndex(text[lo:], -1) {
				if lo+m[0] <= at && lo+m[1] >= end && m[1]-m[0] > bestLen {
					best, bestLen, bestMatch, bestIn = i, m[1]-m[0], shifted(m, lo), text
				}
			}
		}
	}
	if best < 0 {
		var in byteSet
		in.add(deadline)
		for i := range r.rules {
			rule := &r.rules[i]
			lo, ok := rule.filter.start(deadline, &in)
			if !ok {
				continue
			}
			if m := rule.re.FindStringSubmatchIndex(deadline[lo:]); m != nil && m[1]-m[0] > bestLen {
				best, bestLen, bestMatch, bestIn = i, m[1]-m[0], shifted(m, lo), deadline
			}
		}
	}
	return best, bestMatch, bestIn
}

// shifted moves a match's indexes, found in a text from its byte lo, to
// the whole text's.
func shifted(m []int, lo int) []int {
	if lo == 0 {
		return m
	}
	for i, v := range m {
		if v >= 0 {
			m[i] = v + lo
		}
	}
	return m
}

// simplified is s with its Traditional Chinese characters in Simplified.
// The table (OpenCC's, some 100 ms to build) is built at the first
// deadline no rule reads as written, once for the rules: most processes
// never need it.
func (r *DueRules) simplified(s string) string {
	r.han.once.Do(func() { r.han.table, r.han.err = lexicon.LoadHanTable() })
	if r.han.err != nil {
		return s
	}
	return r.han.table.SimplifyString(s)
}

// hasLatin reports whether s holds an ASCII letter.
func hasLatin(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(c rune) bool { return unicode.Is(unicode.Han, c) })
}

// date computes the rule's due date, or false when it is open or cannot
// be known (a relative rule without a date of signing, a date that does
// not exist).
func (rule *dueRule) date(group func(string) (int, bool), signed string) (string, bool) {
	if rule.due == "open" {
		return "", false
	}
	var signedAt time.Time
	haveSigned := false
	if t, err := time.Parse(time.DateOnly, signed); err == nil {
		signedAt, haveSigned = t, true
	}
	if k, unit, ok := parseSpan(rule.due); ok {
		n := k
		if k == 0 {
			if n, ok = group("N"); !ok {
				return "", false
			}
		}
		if !haveSigned || n > 1000 {
			return "", false
		}
		// past the year 9999 a date has five digits, which sorts and
		// compares as text before every other (a signing date of 9990
		// is a slip): open, as a named year out of range is
		var due time.Time
		switch unit {
		case 'm':
			due = signedAt.AddDate(0, n, 0)
		case 'w':
			due = signedAt.AddDate(0, 0, 7*n)
		case 'd':
			due = signedAt.AddDate(0, 0, n)
		default:
			due = signedAt.AddDate(n, 0, 0)
		}
		if due.Year() > 9999 {
			return "", false
		}
		return due.Format(time.DateOnly), true
	}
	parts := strings.Split(rule.due, "-")
	var year, month, day int
	switch y := parts[0]; {
	case y == "Y":
		v, ok := group("Y")
		if !ok {
			return "", false
		}
		year = v
	default:
		if !haveSigned {
			return "", false
		}
		year = signedAt.Year()
		switch k, err := strconv.Atoi(strings.TrimPrefix(y, "S+")); {
		case y == "E": // the end of the decade of signing
			year += 9 - year%10
		case err == nil && y != "S":
			year += k
		}
	}
	if parts[1] == "M" {
		v, ok := group("M")
		if !ok {
			return "", false
		}
		month = v
	} else {
		month, _ = strconv.Atoi(parts[1])
	}
	if month < 1 || month > 12 || year < 1000 || year > 9999 {
		return "", false
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	switch parts[2] {
	case "end":
		day = last
	case "D":
		v, ok := group("D")
		if !ok {
			return "", false
		}
		day = v
	default:
		day, _ = strconv.Atoi(parts[2])
	}
	if day < 1 || day > last {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, month, day), true
}

// readYear reads a year {Y} matched: four figures, or a year of the
// Republic of China (民國115, or 114 alone), 1911 years later.
func readYear(s string) (int, bool) {
	minguo := false
	for _, p := range []string{"民國", "民国"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s, minguo = rest, true
		}
	}
	n, ok := readNumber(s)
	if !ok {
		return 0, false
	}
	if minguo || n < 1000 {
		n += 1911
	}
	return n, true
}

// readNumber reads Arabic digits (ASCII or full width), Chinese digits
// written digit by digit (二〇二五) or a Chinese number up to 99 (十二, 二十五).
func readNumber(s string) (int, bool) {
	digits := map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	if s == "" {
		return 0, false
	}
	if strings.ContainsRune(s, '十') {
		before, after, _ := strings.Cut(s, "十")
		tens, ones := 1, 0
		if before != "" {
			d, ok := digits[[]rune(before)[0]]
			if !ok || utf8.RuneCountInString(before) != 1 {
				return 0, false
			}
			tens = d
		}
		if after != "" {
			d, ok := digits[[]rune(after)[0]]
			if !ok || utf8.RuneCountInString(after) != 1 {
				return 0, false
			}
			ones = d
		}
		return tens*10 + ones, true
	}
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			n = n*10 + d
		}
		if n > 1_000_000 {
			return 0, false
		}
	}
	return n, true
}
