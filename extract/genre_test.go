package extract

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// genreRow is one labelled sentence of testdata/genre_zh.tsv: sentences in
// the genre written apart from the development corpus (other country pairs,
// years and areas), so that the rules are checked on wording they were not
// written from.
type genreRow struct {
	line                    int
	parties, actors, areas  []string
	typ, strength, deadline string
	text                    string
	listItem                bool
}

func readGenre(t testing.TB, path string) []genreRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []genreRow
	sc := bufio.NewScanner(f)
	inList := false
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 || strings.TrimSpace(line) == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			inList = false
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) != 7 {
			t.Fatalf("%s:%d: want 7 columns, have %d", path, n, len(c))
		}
		split := func(s string) []string {
			if s == "" {
				return []string{}
			}
			return strings.Split(s, ",")
		}
		rows = append(rows, genreRow{line: n, parties: split(c[0]), typ: c[1], actors: split(c[2]), strength: c[3],
			deadline: c[4], areas: split(c[5]), text: c[6], listItem: inList})
		if strings.HasSuffix(c[6], "：") {
			inList = true
		}
	}
	return rows
}

// labelGenre labels the rows as the extractor would inside a document: list
// items inherit the lead-in's subject.
func labelGenre(x *Extractor, rows []genreRow) []entente.Sentence {
	out := make([]entente.Sentence, len(rows))
	var lead []string
	for i, r := range rows {
		pi := x.newPartyIndex(r.parties)
		inherited := r.parties
		if r.listItem && lead != nil {
			inherited = lead
		}
		s, sr := x.label(x.newText(r.text), pi, inherited)
		out[i] = s
		if strings.HasSuffix(r.text, "：") {
			lead = s.Actors
			if len(lead) == 0 {
				lead = sr.subject
			}
		} else if !r.listItem {
			lead = nil
		}
	}
	return out
}

// TestGenreHeldOut holds floors on sentences the rules were not written
// from; -v lists every disagreement, which is where to look when a rule
// changes.
func TestGenreHeldOut(t *testing.T) {
	x := newTestExtractor(t)
	for _, file := range []string{"testdata/genre_zh.tsv", "testdata/heldout_zh.tsv"} {
		t.Run(file, func(t *testing.T) { scoreGenre(t, x, file) })
	}
}

func scoreGenre(t *testing.T, x *Extractor, file string) {
	rows := readGenre(t, file)
	got := labelGenre(x, rows)
	var typeOK, commits, actorsOK, strengthOK, dlTotal, dlOK int
	var areaTP, areaFP, areaFN int
	for i, r := range rows {
		s := got[i]
		if string(s.Type) == r.typ {
			typeOK++
		} else {
			t.Logf("line %d: type %s, want %s: %s", r.line, s.Type, r.typ, r.text)
		}
		if r.typ == "commitment" && s.Type == entente.Commitment {
			commits++
			if slices.Equal(s.Actors, r.actors) {
				actorsOK++
			} else {
				t.Logf("line %d: actors %v, want %v: %s", r.line, s.Actors, r.actors, r.text)
			}
			if string(s.Strength) == r.strength {
				strengthOK++
			} else {
				t.Logf("line %d: strength %s, want %s: %s", r.line, s.Strength, r.strength, r.text)
			}
		}
		if r.deadline != "" {
			dlTotal++
			if s.Deadline != nil && strings.Contains(*s.Deadline, r.deadline) {
				dlOK++
			} else {
				t.Logf("line %d: deadline %v, want %s: %s", r.line, s.Deadline, r.deadline, r.text)
			}
		}
		if r.typ != "narrative" {
			for _, a := range s.Areas {
				if slices.Contains(r.areas, a) {
					areaTP++
				} else {
					areaFP++
				}
			}
			for _, a := range r.areas {
				if !slices.Contains(s.Areas, a) {
					areaFN++
				}
			}
			if !slices.Equal(s.Areas, r.areas) {
				t.Logf("line %d: areas %v, want %v: %s", r.line, s.Areas, r.areas, r.text)
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	p, rc := ratio(areaTP, areaTP+areaFP), ratio(areaTP, areaTP+areaFN)
	f1 := 0.0
	if p+rc > 0 {
		f1 = 2 * p * rc / (p + rc)
	}
	scores := []struct {
		name       string
		value, min float64
	}{
		{"type.accuracy", ratio(typeOK, len(rows)), 0.80},
		{"actors.accuracy", ratio(actorsOK, commits), 0.85},
		{"strength.accuracy", ratio(strengthOK, commits), 0.80},
		{"deadlines.recall", ratio(dlOK, dlTotal), 0.90},
		{"areas.f1", f1, 0.70},
	}
	for _, s := range scores {
		t.Logf("%-18s %.3f (floor %.2f)", s.name, s.value, s.min)
		if s.value < s.min {
			t.Errorf("%s = %.3f, below the floor %.2f", s.name, s.value, s.min)
		}
	}
}
