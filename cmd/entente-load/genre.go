package main

import (
	"bufio"
	_ "embed"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

//go:embed genre.txt
var genreText string

// genre is the material statements are made of: templates per language
// and the words that fill their slots (genre.txt).
type genre struct {
	templates map[string][]string // by language: zh, en, sr
	areas     [][4]string         // code, zh, en, sr
	projects  [][3]string         // zh, en, sr
	cities    [][3]string
	orgs      [][3]string
	leads     [][3]string
	// instruments are name patterns of two parties' instruments: zh, zh
	// short, en, sr; globals are instruments every party cites
	instruments [][4]string
	globals     [][3]string
	partners    []*lexicon.Country
	china       *lexicon.Country
}

// loadGenre reads genre.txt and the parties' names from the lexicon.
func loadGenre() (*genre, error) {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		return nil, fmt.Errorf("genre: %w", err)
	}
	g := &genre{templates: map[string][]string{}, china: cs.Get("CN")}
	section := ""
	sc := bufio.NewScanner(strings.NewReader(genreText))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		cols := strings.Split(line, "\t")
		switch section {
		case "zh", "en", "sr":
			g.templates[section] = append(g.templates[section], line)
		case "area":
			if len(cols) != 4 {
				return nil, fmt.Errorf("genre.txt:%d: an area needs 4 columns", n)
			}
			g.areas = append(g.areas, [4]string(cols))
		case "instrument":
			if len(cols) != 4 {
				return nil, fmt.Errorf("genre.txt:%d: an instrument needs 4 columns", n)
			}
			g.instruments = append(g.instruments, [4]string(cols))
		case "project", "city", "organisation", "lead", "global":
			if len(cols) != 3 {
				return nil, fmt.Errorf("genre.txt:%d: %s needs 3 columns", n, section)
			}
			row := [3]string(cols)
			switch section {
			case "project":
				g.projects = append(g.projects, row)
			case "city":
				g.cities = append(g.cities, row)
			case "lead":
				g.leads = append(g.leads, row)
			case "global":
				g.globals = append(g.globals, row)
			default:
				g.orgs = append(g.orgs, row)
			}
		case "partner":
			for _, code := range strings.Fields(line) {
				c := cs.Get(code)
				if c == nil {
					return nil, fmt.Errorf("genre.txt:%d: no party %s in the lexicon", n, code)
				}
				g.partners = append(g.partners, c)
			}
		default:
			return nil, fmt.Errorf("genre.txt:%d: line outside a known section", n)
		}
	}
	if g.china == nil || len(g.partners) == 0 || len(g.templates["zh"]) == 0 || len(g.instruments) == 0 || len(g.globals) == 0 {
		return nil, fmt.Errorf("genre: incomplete genre.txt")
	}
	return g, nil
}

// statement returns the i-th generated statement and its language: about
// 70% Chinese, 15% English, 8% Serbian in Latin and 7% in Cyrillic script.
// Most are China and a partner; a tenth are two partners, so that a filter
// on China matches most documents but not all.
func (g *genre) statement(seed uint64, i int) (text, lang string) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	a := g.china
	if r.IntN(10) == 0 {
		a = g.partners[r.IntN(len(g.partners))]
	}
	b := g.partners[r.IntN(len(g.partners))]
	for b == a {
		b = g.partners[r.IntN(len(g.partners))]
	}
	switch k := r.IntN(100); {
	case k < 70:
		lang = "zh"
	case k < 85:
		lang = "en"
	case k < 93:
		lang = "sr-Latn"
	default:
		lang = "sr-Cyrl"
	}
	tl := lang
	if strings.HasPrefix(lang, "sr") {
		tl = "sr"
	}
	col := map[string]int{"zh": 0, "en": 1, "sr": 2}[tl]
	year := 1995 + r.IntN(31)
	month, day := 1+r.IntN(12), 1+r.IntN(28)
	city := g.cities[r.IntN(len(g.cities))][col]
	area := g.areas[r.IntN(len(g.areas))]
	var sb strings.Builder
	switch tl {
	case "zh":
		fmt.Fprintf(&sb, "%s和%s关于深化%s合作的联合声明\n（%d年%d月%d日，%s）\n", first(a, "zh"), first(b, "zh"), area[1], year, month, day, city)
	case "en":
		fmt.Fprintf(&sb, "Joint Statement between the %s and the %s on %s\n%s, %d %s %d\n", first(a, "en"), first(b, "en"), area[2],
			city, day, monthNames[month-1], year)
	default:
		fmt.Fprintf(&sb, "Zajednička izjava %s i %s o saradnji u oblasti %s\n%s, %d. %d. %d.\n", last(a, "sr-Latn"), last(b, "sr-Latn"), area[3],
			city, day, month, year)
	}
	paragraphs := 6 + r.IntN(25)
	for p := range paragraphs {
		sb.WriteString(strconv.Itoa(p+1) + ". ")
		for range 1 + r.IntN(3) {
			sb.WriteString(g.fill(r, tl, col, a, b, year))
			if tl != "zh" {
				sb.WriteByte(' ')
			}
		}
		sb.WriteByte('\n')
	}
	// the statement's serial number makes every text distinct
	switch tl {
	case "zh":
		fmt.Fprintf(&sb, "本声明编号为第%d号，于%d年%d月%d日在%s签署，一式两份。\n", i, year, month, day, city)
	case "en":
		fmt.Fprintf(&sb, "Done at %s on %d %s %d in two originals, number %d.\n", city, day, monthNames[month-1], year, i)
	default:
		fmt.Fprintf(&sb, "Sačinjeno u gradu %s %d. %d. %d. godine u dva originala, broj %d.\n", city, day, month, year, i)
	}
	text = sb.String()
	if lang == "sr-Cyrl" {
		text = toCyrillic(text)
	}
	return text, lang
}

// fill draws a template of language tl and fills its slots.
func (g *genre) fill(r *rand.Rand, tl string, col int, a, b *lexicon.Country, year int) string {
	ts := g.templates[tl]
	t := ts[r.IntN(len(ts))]
	if r.IntN(2) == 0 {
		lead := g.leads[r.IntN(len(g.leads))][col]
		if tl != "zh" { // the sentence's first letter is no longer first
			r0, size := utf8.DecodeRuneInString(t)
			t = string(unicode.ToLower(r0)) + t[size:]
		}
		t = lead + t
	}
	nameLang := map[string]string{"zh": "zh", "en": "en", "sr": "sr-Latn"}[tl]
	short := func(c *lexicon.Country) string {
		if tl == "zh" {
			return first(c, "zh-short")
		}
		return first(c, nameLang)
	}
	areaWord := func() string { return g.areas[r.IntN(len(g.areas))][col+1] }
	full, shortened := g.instrument(r, tl, col, a, b)
	return strings.NewReplacer(
		"{A}", first(a, nameLang), "{B}", first(b, nameLang), "{a}", short(a), "{b}", short(b),
		"{X}", areaWord(), "{Z}", areaWord(),
		"{I}", full, "{i}", shortened, "{G}", g.globals[r.IntN(len(g.globals))][col],
		"{P}", g.cities[r.IntN(len(g.cities))][col]+g.sep(tl)+g.projects[r.IntN(len(g.projects))][col],
		"{C}", g.cities[r.IntN(len(g.cities))][col], "{O}", g.orgs[r.IntN(len(g.orgs))][col],
		"{Y}", strconv.Itoa(year+r.IntN(8)), "{M}", monthNames[r.IntN(12)], "{N}", strconv.Itoa(10+r.IntN(990)),
	).Replace(t)
}

// instrument draws an instrument of parties a and b on an area, in
// language tl: its full name and the short form Chinese statements write
// (the full name in other languages). The same parties, area and kind
// make the same name, so that a library cites each instrument from many
// statements, as a real one does.
func (g *genre) instrument(r *rand.Rand, tl string, col int, a, b *lexicon.Country) (full, short string) {
	pattern := g.instruments[r.IntN(len(g.instruments))]
	area := g.areas[r.IntN(len(g.areas))][col+1]
	names := func(p string) string {
		switch tl {
		case "zh":
			return strings.NewReplacer("{A}", first(a, "zh"), "{B}", first(b, "zh"), "{a}", first(a, "zh-short"),
				"{b}", first(b, "zh-short"), "{X}", area).Replace(p)
		case "en":
			return strings.NewReplacer("{A}", first(a, "en"), "{B}", first(b, "en"), "{X}", titleCase(area)).Replace(p)
		}
		return strings.NewReplacer("{A}", last(a, "sr-Latn"), "{B}", last(b, "sr-Latn"), "{X}", area).Replace(p)
	}
	switch tl {
	case "zh":
		return names(pattern[0]), names(pattern[1])
	case "en":
		full = names(pattern[2])
	default:
		full = names(pattern[3])
	}
	return full, full
}

// titleCase writes an English area as a title writes it: "the digital
// economy" in "Cooperation in Digital Economy", "trade and investment" as
// "Trade and Investment".
func titleCase(s string) string {
	words := strings.Fields(strings.TrimPrefix(s, "the "))
	for i, w := range words {
		if i > 0 && (w == "and" || w == "of" || w == "in" || w == "on" || w == "for") {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}

func (g *genre) sep(tl string) string {
	if tl == "zh" {
		return ""
	}
	return " "
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December"}

func first(c *lexicon.Country, lang string) string {
	if ns := c.Names[lang]; len(ns) > 0 {
		return ns[0]
	}
	return c.Code
}

func last(c *lexicon.Country, lang string) string {
	if ns := c.Names[lang]; len(ns) > 0 {
		return ns[len(ns)-1]
	}
	return c.Code
}

// toCyrillic writes Serbian Latin text in Cyrillic (the digraphs lj, nj
// and dž as one letter each); other characters stay.
func toCyrillic(s string) string { return cyrillic.Replace(s) }

var cyrillic = func() *strings.Replacer {
	pairs := []string{"Lj", "Љ", "LJ", "Љ", "lj", "љ", "Nj", "Њ", "NJ", "Њ", "nj", "њ", "Dž", "Џ", "DŽ", "Џ", "dž", "џ"}
	lat := []rune("ABVGDĐEŽZIJKLMNOPRSĆTUFHCČŠabvgdđežzijklmnoprsćtufhcčš")
	cyr := []rune("АБВГДЂЕЖЗИЈКЛМНОПРСЋТУФХЦЧШабвгдђежзијклмнопрсћтуфхцчш")
	for i := range lat {
		pairs = append(pairs, string(lat[i]), string(cyr[i]))
	}
	return strings.NewReplacer(pairs...)
}()
