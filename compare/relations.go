package compare

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/search"
)

// Words reads the phrases of lexicon/data/relations.cues in a sentence:
// relationship designations, the words that establish or upgrade one, and
// the words that report a promise kept or under way.
type Words struct {
	m       *lexicon.Matcher
	phrases []phrase
	rank    map[string]int
	labels  map[string]entente.Label
}

// phrase is one entry of a section, as the matcher's payload.
type phrase struct {
	section string
	text    string // as written in the table
	value   string
}

// Sections of relations.cues.
const (
	secDesignation = "designation"
	secUpgrade     = "upgrade"
	secEstablish   = "establish"
	secReport      = "report"
	secReaffirm    = "reaffirm"
	noDesignation  = "none"
)

// LoadWords reads the embedded relations.cues.
func LoadWords() (*Words, error) {
	b, err := lexicon.Data("relations.cues")
	if err != nil {
		return nil, err
	}
	t, err := lexicon.Parse("relations.cues", strings.NewReader(string(b)))
	if err != nil {
		return nil, err
	}
	return NewWords(t)
}

// NewWords builds the reader of a relations table.
func NewWords(t *lexicon.Table) (*Words, error) {
	if err := t.Require("rank", "label_zh", "label_en", "label_sr", secDesignation, secUpgrade, secEstablish, secReaffirm, secReport); err != nil {
		return nil, err
	}
	w := &Words{m: lexicon.NewMatcher(), rank: map[string]int{}, labels: map[string]entente.Label{}}
	for _, e := range t.Entries("rank") {
		n, err := strconv.Atoi(e.Value)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%s:%d: rank of %s is not a positive number", t.Name, e.Line, e.Text)
		}
		w.rank[e.Text] = n
	}
	zh, en, sr := t.Map("label_zh"), t.Map("label_en"), t.Map("label_sr")
	for code := range w.rank {
		if zh[code] == "" || en[code] == "" || sr[code] == "" {
			return nil, fmt.Errorf("%s: designation %s needs a label in [label_zh], [label_en] and [label_sr]", t.Name, code)
		}
		w.labels[code] = entente.Label{ZH: zh[code], EN: en[code], SR: sr[code]}
	}
	seen := map[string]phrase{}
	for _, sec := range []string{secDesignation, secUpgrade, secEstablish, secReaffirm, secReport} {
		for _, e := range t.Entries(sec) {
			switch sec {
			case secDesignation:
				if _, ok := w.rank[e.Value]; !ok && e.Value != noDesignation {
					return nil, fmt.Errorf("%s:%d: %s is not a designation of [rank]", t.Name, e.Line, e.Value)
				}
			case secReport:
				if s := entente.Status(e.Value); !s.Valid() || s == entente.NotRated {
					return nil, fmt.Errorf("%s:%d: %s is not a status a report can suggest", t.Name, e.Line, e.Value)
				}
			}
			key := foldPhrase(e.Text)
			if prev, dup := seen[key]; dup {
				if prev.section == sec && prev.value == e.Value {
					continue // the same phrase in the other script
				}
				// one matcher reads every section: a phrase in two
				// would be read as one of them only
				return nil, fmt.Errorf("%s:%d: %q reads as %q, already in [%s] as %q", t.Name, e.Line, e.Text, key, prev.section, prev.text)
			}
			seen[key] = phrase{section: sec, text: e.Text, value: e.Value}
			w.m.Add(key, len(w.phrases))
			w.phrases = append(w.phrases, phrase{section: sec, text: e.Text, value: e.Value})
		}
	}
	return w, nil
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// foldPhrase is how a phrase is matched: Chinese as written (lower case),
// other languages as the search analyzer's terms, each after a space.
func foldPhrase(s string) string {
	if hasHan(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, t := range search.Tokens(s) {
		b.WriteByte(' ')
		b.WriteString(t)
	}
	return b.String()
}

// foldSentence is the text the matcher reads: the sentence with cited
// titles (《…》) blanked, then its non-Chinese terms, each after a space.
func foldSentence(text string) []rune {
	rs := []rune(strings.ToLower(text))
	depth := 0
	for i, r := range rs {
		switch r {
		case '《':
			depth++
		case '》':
			depth = max(depth-1, 0)
		default:
			if depth > 0 {
				rs[i] = ' '
			}
		}
	}
	rs = append(rs, '\n')
	for _, t := range search.Tokens(string(rs)) {
		if !hasHan(t) {
			rs = append(rs, ' ')
			rs = append(rs, []rune(t)...)
		}
	}
	return rs
}

// found is what a sentence says in the words of the table.
type found struct {
	designations []string // codes in order of appearance, none left out
	words        []string // the phrase of each designation, as written
	upgrade      bool
	establish    bool
	reaffirm     bool
	report       entente.Status
	reportCue    string
}

// read finds the table's phrases in one sentence.
func (w *Words) read(text string) found {
	var f found
	rs := foldSentence(text)
	for _, m := range w.m.FindAll(rs) {
		p := w.phrases[m.Payload]
		if !hasHan(p.text) && m.End < len(rs) && rs[m.End] != ' ' {
			continue // a spaced phrase ends on a whole term
		}
		switch p.section {
		case secDesignation:
			if p.value != noDesignation {
				f.designations = append(f.designations, p.value)
				f.words = append(f.words, p.text)
			}
		case secUpgrade:
			f.upgrade = true
		case secEstablish:
			f.establish = true
		case secReaffirm:
			f.reaffirm = true
		case secReport:
			if f.report == "" || p.value == string(entente.Fulfilled) {
				f.report, f.reportCue = entente.Status(p.value), p.text
			}
		}
	}
	return f
}

// Rank is a designation's place in the hierarchy, 0 for an unknown code.
func (w *Words) Rank(code string) int { return w.rank[code] }

// Label is a designation's name in the UI's languages.
func (w *Words) Label(code string) entente.Label { return w.labels[code] }

// relabel names kept steps' designations as the table names them now: a
// view keeps its steps' labels, and a label's wording (or a language's,
// as Serbian's came after many views were kept) is no reason to compute
// a pair's view again. A designation the table no longer has keeps its
// kept label.
func (w *Words) relabel(steps []entente.RelationshipStep) {
	for i := range steps {
		if l, ok := w.labels[steps[i].Designation]; ok {
			steps[i].Label = l
		}
		if l, ok := w.labels[steps[i].From]; ok && steps[i].FromLabel != nil {
			steps[i].FromLabel = &l
		}
	}
}
