package extract

import (
	"bufio"
	"context"
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
	// mechs and projs are the named entities of the optional eighth column
	// (m:NAME|p:NAME); hasEntities tells an empty column from none.
	mechs, projs []string
	hasEntities  bool
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
		if len(c) != 7 && len(c) != 8 {
			t.Fatalf("%s:%d: want 7 or 8 columns, have %d", path, n, len(c))
		}
		split := func(s string) []string {
			if s == "" {
				return []string{}
			}
			return strings.Split(s, ",")
		}
		row := genreRow{line: n, parties: split(c[0]), typ: c[1], actors: split(c[2]), strength: c[3],
			deadline: c[4], areas: split(c[5]), text: c[6], listItem: inList}
		if len(c) == 8 {
			row.hasEntities = true
			for _, e := range strings.Split(c[7], "|") {
				switch {
				case strings.HasPrefix(e, "m:"):
					row.mechs = append(row.mechs, e[2:])
				case strings.HasPrefix(e, "p:"):
					row.projs = append(row.projs, e[2:])
				case e != "":
					t.Fatalf("%s:%d: entity %q needs m: or p:", path, n, e)
				}
			}
		}
		rows = append(rows, row)
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
		st := x.newText(r.text)
		mechs, projs, _, _ := newEntityCollector().add(x, "s", st)
		s, sr, err := x.label(context.Background(), st, pi, inherited)
		if err != nil {
			panic(err) // a background context never ends
		}
		s.Mechanisms, s.Projects = mechs, projs
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

// genreFloors are the least each figure of a labelled set must reach.
type genreFloors map[string]float64

// the floors of the first two sets; heldout3 has its own (see TestGenreHeldOut).
var baseFloors = genreFloors{
	"type.accuracy": 0.80, "actors.accuracy": 0.85, "strength.accuracy": 0.80,
	"deadlines.recall": 0.90, "areas.f1": 0.70,
}

// TestGenreHeldOut holds floors on sentences the rules were not written
// from; -v lists every disagreement, which is where to look when a rule
// changes.
func TestGenreHeldOut(t *testing.T) {
	x := newTestExtractor(t)
	for _, c := range []struct {
		file   string
		floors genreFloors
	}{
		{"testdata/genre_zh.tsv", baseFloors},
		{"testdata/heldout_zh.tsv", baseFloors},
		// written for issue 12 before its rules changed (scored there before
		// and after); held to the figures issue 12 expects on unseen text,
		// projects below them
		{"testdata/heldout3_zh.tsv", genreFloors{
			"type.accuracy": 0.92, "commitment.f1": 0.93, "appraisal.f1": 0.80, "areas.f1": 0.85,
			"actors.accuracy": 0.85, "strength.accuracy": 0.80, "deadlines.recall": 0.90,
			"mechanisms.f1": 0.80, "projects.f1": 0.75,
		}},
		// written after issue 12's rules and scored once, no rule changed
		// after reading it: logged, no floor
		{"testdata/heldout4_zh.tsv", nil},
		// written for issue 12's second round (weak framing topics,
		// enumerated examples, place-named projects) before those rules,
		// scored before and after: logged, no floor
		{"testdata/heldout5_zh.tsv", nil},
		// written for issue 12's third round from statements of other pairs
		// before rules were changed from it: logged, no floor
		{"testdata/heldout6_zh.tsv", nil},
		// written for issue 12's entity-name round (mechanisms and projects
		// of Central Asia, ASEAN, Africa, Latin America, Pacific) before
		// those rules, scored before and after: logged, no floor
		{"testdata/heldout7_zh.tsv", nil},
		// written for issue 12's fifth round (entity names with generic
		// openers, areas, appraisals; statements of Central Asia, ASEAN,
		// Africa, Latin America and Europe) before its rules, scored before
		// and after: logged, no floor
		{"testdata/heldout8_zh.tsv", nil},
		// written for issue 12's sixth round (areas, appraisals, importance
		// frames, entity names; statements of Central Asia, ASEAN, South
		// Asia, Africa, the Gulf, Latin America, the Pacific and Europe)
		// before its rules, scored before and after: logged, no floor
		{"testdata/heldout9_zh.tsv", nil},
		// written after issue 12's sixth round and scored once, no rule
		// changed after reading it: logged, no floor
		{"testdata/heldout10_zh.tsv", nil},
	} {
		t.Run(c.file, func(t *testing.T) { scoreGenre(t, x, c.file, c.floors) })
	}
}

// f1 counts true positives, false positives and false negatives.
type f1 struct{ tp, fp, fn int }

func (c *f1) compare(got, want []string) {
	for _, g := range got {
		if slices.Contains(want, g) {
			c.tp++
		} else {
			c.fp++
		}
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			c.fn++
		}
	}
}

// compareLoose counts as the extraction scorer does
// (../shared/tools/score_extraction.py, loose_eq), sentence by sentence: a
// name matches a wanted one that contains it or that it contains, each
// wanted name once.
func (c *f1) compareLoose(got, want []string) {
	used := make([]bool, len(got))
	for _, w := range want {
		hit := false
		for j, g := range got {
			if !used[j] && g != "" && (g == w || strings.Contains(g, w) || strings.Contains(w, g)) {
				used[j], hit = true, true
				break
			}
		}
		if hit {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, u := range used {
		if !u {
			c.fp++
		}
	}
}

// sameSet reports whether two label lists hold the same labels in any order.
func sameSet(a, b []string) bool {
	return len(a) == len(b) && !slices.ContainsFunc(a, func(x string) bool { return !slices.Contains(b, x) })
}

func (c f1) value() float64 {
	if c.tp+c.fp+c.fn == 0 {
		return 1
	}
	return 2 * float64(c.tp) / float64(2*c.tp+c.fp+c.fn)
}

func scoreGenre(t *testing.T, x *Extractor, file string, floors genreFloors) {
	rows := readGenre(t, file)
	got := labelGenre(x, rows)
	var typeOK, commits, actorsOK, strengthOK, dlTotal, dlOK int
	var areas, mechs, projs, mechsLoose, projsLoose f1
	byType := map[string]*f1{"commitment": {}, "position": {}, "appraisal": {}}
	entityRows := 0
	for i, r := range rows {
		s := got[i]
		for typ, c := range byType {
			switch {
			case string(s.Type) == typ && r.typ == typ:
				c.tp++
			case string(s.Type) == typ:
				c.fp++
			case r.typ == typ:
				c.fn++
			}
		}
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
				got := "none"
				if s.Deadline != nil {
					got = *s.Deadline
				}
				t.Logf("line %d: deadline %s, want %s: %s", r.line, got, r.deadline, r.text)
			}
		}
		if r.typ != "narrative" {
			areas.compare(s.Areas, r.areas)
			if !sameSet(s.Areas, r.areas) {
				t.Logf("line %d: areas %v, want %v: %s", r.line, s.Areas, r.areas, r.text)
			}
		}
		if r.hasEntities {
			entityRows++
			mechs.compare(s.Mechanisms, r.mechs)
			projs.compare(s.Projects, r.projs)
			mechsLoose.compareLoose(s.Mechanisms, r.mechs)
			projsLoose.compareLoose(s.Projects, r.projs)
			if !sameSet(s.Mechanisms, r.mechs) {
				t.Logf("line %d: mechanisms %q, want %q: %s", r.line, s.Mechanisms, r.mechs, r.text)
			}
			if !sameSet(s.Projects, r.projs) {
				t.Logf("line %d: projects %q, want %q: %s", r.line, s.Projects, r.projs, r.text)
			}
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	scores := []struct {
		name  string
		value float64
	}{
		{"type.accuracy", ratio(typeOK, len(rows))},
		{"commitment.f1", byType["commitment"].value()},
		{"position.f1", byType["position"].value()},
		{"appraisal.f1", byType["appraisal"].value()},
		{"actors.accuracy", ratio(actorsOK, commits)},
		{"strength.accuracy", ratio(strengthOK, commits)},
		{"deadlines.recall", ratio(dlOK, dlTotal)},
		{"areas.f1", areas.value()},
	}
	if entityRows > 0 {
		scores = append(scores, struct {
			name  string
			value float64
		}{"mechanisms.f1", mechs.value()}, struct {
			name  string
			value float64
		}{"projects.f1", projs.value()}, struct {
			name  string
			value float64
		}{"mechanisms.f1.scorer", mechsLoose.value()}, struct {
			name  string
			value float64
		}{"projects.f1.scorer", projsLoose.value()})
	}
	for _, s := range scores {
		floor, held := floors[s.name]
		if !held {
			t.Logf("%-18s %.3f", s.name, s.value)
			continue
		}
		t.Logf("%-18s %.3f (floor %.2f)", s.name, s.value, floor)
		if s.value < floor {
			t.Errorf("%s = %.3f, below the floor %.2f", s.name, s.value, floor)
		}
	}
}
