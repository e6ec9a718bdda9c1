package main

import (
	"bytes"
	"context"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/pgcpu"
)

// TestGenreDistinct: the generator makes distinct statements in every
// language, mostly of China and a partner, that the extractor reads with
// parties and sentences; the same seed makes the same statement.
func TestGenreDistinct(t *testing.T) {
	g, err := loadGenre()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	const n = 300
	texts := map[string]bool{}
	sentences := map[string]bool{}
	allSentences := 0
	langs := map[string]int{}
	china := 0
	for i := range n {
		text, lang := g.statement(1, i)
		if again, _ := g.statement(1, i); again != text {
			t.Fatalf("statement %d differs between two calls with the same seed", i)
		}
		if texts[text] {
			t.Fatalf("statement %d repeats an earlier one", i)
		}
		texts[text] = true
		langs[lang]++
		x, err := reg.ExtractAs(text, lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(x.Document.Parties) != 2 {
			t.Errorf("statement %d (%s): parties %v, want two", i, lang, x.Document.Parties)
		}
		for _, p := range x.Document.Parties {
			if p == "CN" {
				china++
			}
		}
		for _, s := range x.Sentences {
			allSentences++
			sentences[s.Text] = true
		}
		if lang == "sr-Cyrl" && strings.ContainsAny(text, "čćšžđ") {
			t.Errorf("statement %d is Cyrillic but holds Latin letters", i)
		}
	}
	for _, l := range []string{"zh", "en", "sr-Latn", "sr-Cyrl"} {
		if langs[l] < n/30 {
			t.Errorf("%d statements in %s of %d", langs[l], l, n)
		}
	}
	if china < n*3/4 {
		t.Errorf("China is a party to %d of %d statements, want most", china, n)
	}
	if len(sentences) < allSentences/2 {
		t.Errorf("%d distinct sentences of %d: the generator repeats itself", len(sentences), allSentences)
	}
}

// TestScanCounts: the plain scan counts lines holding any needle, and
// every line without one.
func TestScanCounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "flat.txt")
	if err := os.WriteFile(path, []byte("中塞合作\nsaradnju\nсарадњу\nnothing\n合作合作\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		needles []string
		want    int
	}{{[]string{"合作"}, 2}, {[]string{"saradnju", "сарадњу"}, 2}, {nil, 5}, {[]string{"absent"}, 0}} {
		if got, err := scan(path, tc.needles); err != nil || got != tc.want {
			t.Errorf("scan %v = %d, %v; want %d", tc.needles, got, err, tc.want)
		}
	}
}

// TestRunSmall runs the harness on a small SQLite collection, twice (the
// second run reuses it), and checks its report: every form, the ingest
// figures, and the same totals as the scan for queries the scan can count
// exactly (two characters, and a phrase the index checks in order).
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a collection")
	}
	dir := t.TempDir()
	for run := range 2 {
		var out bytes.Buffer
		if err := run2(t, dir, &out); err != nil {
			t.Fatal(err)
		}
		report := out.String()
		for _, f := range forms() {
			if !strings.Contains(report, "| "+f.label+" |") {
				t.Errorf("run %d: no row for %q in\n%s", run, f.label, report)
			}
		}
		if want := "store/extract"; run == 0 && !strings.Contains(report, want) {
			t.Errorf("first run: no ingest figures (%q) in\n%s", want, report)
		}
		if want := "the CPU a statement of the first"; run == 0 && !strings.Contains(report, want) {
			t.Errorf("first run: no growth of the build's CPU (%q) in\n%s", want, report)
		}
		if want := "collection reused"; run == 1 && !strings.Contains(report, want) {
			t.Errorf("second run: %q missing in\n%s", want, report)
		}
		for _, want := range []string{"| the index built at the first search |", "| the index read from its snapshot by a store opened anew |",
			"the commonest words' matches pinned as a server's start pins them: ", "| first at a server's start ms (CPU) |"} {
			if !strings.Contains(report, want) {
				t.Errorf("run %d: no row %q in\n%s", run, want, report)
			}
		}
		// the registry: first built on the first run, rebuilt on the
		// second; the generator's instruments make entries cited by more
		// than one document
		firstStep := map[int]string{0: "built for the first time", 1: "rebuilt (the library changed since it was built)"}[run]
		for _, row := range []string{firstStep, "rebuilt again, the library unchanged", "rebuilt by a new process, from the input's snapshot",
			"the most cited entry with its first 50 mentions",
			"what cites that document", "the citation graph (50 instruments, 20 citing documents each)"} {
			if cellsOf(report, row) == nil {
				t.Errorf("run %d: no registry row %q in\n%s", run, row, report)
			}
		}
		if m := regexp.MustCompile(`the registry: (\d+) entries .* the most cited: .* \((\d+) mentions in (\d+) documents\)`).FindStringSubmatch(report); m == nil {
			t.Errorf("run %d: no registry summary in\n%s", run, report)
		} else if docs, _ := strconv.Atoi(m[3]); docs < 2 {
			t.Errorf("run %d: the most cited entry is in %s documents: %s", run, m[3], m[0])
		}
		for _, row := range []string{"two characters 铁路", "phrase 全面战略伙伴关系"} {
			cells := cellsOf(report, row)
			if len(cells) < 10 || cells[1] != cells[9] {
				t.Errorf("run %d: %s: total and scan lines differ: %v", run, row, cells)
			}
		}
	}
}

func run2(t *testing.T, dir string, out *bytes.Buffer) error {
	t.Helper()
	if out == nil {
		out = &bytes.Buffer{}
	}
	return run(context.Background(), []string{"-docs", "60", "-dir", dir, "-rounds", "1"}, out)
}

func cellsOf(report, label string) []string {
	for _, line := range strings.Split(report, "\n") {
		if strings.HasPrefix(line, "| "+label+" |") {
			var cells []string
			for _, c := range strings.Split(strings.Trim(line, "|"), "|") {
				cells = append(cells, strings.TrimSpace(c))
			}
			return cells
		}
	}
	return nil
}

// TestRefusesBadFlags: a bad size or rounds is one clear error.
func TestRefusesBadFlags(t *testing.T) {
	for _, argv := range [][]string{{"-docs", "x"}, {"-docs", "0"}, {"-rounds", "0"}, {"-queue", "-1"}, {"-docs", "", "-into", "10"}} {
		if err := run(context.Background(), argv, &bytes.Buffer{}); err == nil {
			t.Errorf("%v: no error", argv)
		}
	}
}

// TestRunSmallPostgres runs the harness on PostgreSQL (a schema of its
// own, dropped after): every form has its row, with the CPU of the
// backends that served the searches, which the harness finds by the
// collection's application_name.
func TestRunSmallPostgres(t *testing.T) {
	dsn := os.Getenv("ENTENTE_TEST_POSTGRES")
	if testing.Short() || dsn == "" {
		t.Skip("builds a collection on PostgreSQL (ENTENTE_TEST_POSTGRES)")
	}
	c := config{db: dsn, seed: uint64(time.Now().UnixNano()%1_000_000_000) + 1000}
	name := schemaName(c, 40)
	t.Cleanup(func() {
		admin, err := sql.Open("pgx", dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer admin.Close()
		if _, err := admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE"); err != nil {
			t.Error(err)
		}
	})
	var out bytes.Buffer
	err := run(context.Background(), []string{"-docs", "40", "-dir", t.TempDir(), "-rounds", "1", "-seed", strconv.FormatUint(c.seed, 10), "-db", dsn}, &out)
	if err != nil {
		t.Fatal(err)
	}
	report := out.String()
	if !strings.Contains(report, "kept server CPU ms | anew server CPU ms |") {
		t.Fatalf("no server CPU columns in\n%s", report)
	}
	for _, f := range append(forms(), form{label: "**all forms**"}) {
		cells := cellsOf(report, f.label)
		if len(cells) != 14 {
			t.Errorf("%s: %d cells, want 14: %v", f.label, len(cells), cells)
			continue
		}
		for _, cell := range cells[12:] {
			if v, err := strconv.ParseFloat(cell, 64); err != nil || v < 0 {
				t.Errorf("%s: server CPU %q is not a duration in ms", f.label, cell)
			}
		}
	}
	s, err := openCollection(context.Background(), c, collectionName(c, 40))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DB().PingContext(context.Background()); err != nil {
		t.Fatal(err)
	}
	if pids := pgcpu.Backends(context.Background(), s.DB(), name); len(pids) == 0 {
		t.Errorf("no backend found by application_name %s", name)
	}
}

// TestCPUTenths: a build's growth is the CPU a statement of its last tenth
// against its first, a tenth marked once however its last group ends.
func TestCPUTenths(t *testing.T) {
	ms := time.Millisecond
	cases := []struct {
		name   string
		stored []int
		cpu    []time.Duration
		want   float64
	}{
		{"flat", []int{100, 200, 300, 400}, []time.Duration{10 * ms, 20 * ms, 30 * ms, 40 * ms}, 1},
		{"growing", []int{0, 100, 200, 300}, []time.Duration{0, 10 * ms, 40 * ms, 90 * ms}, 5},
		{"uneven tenths", []int{0, 96, 192, 300}, []time.Duration{0, 96 * ms, 192 * ms, 408 * ms}, 2},
		{"a tenth marked twice", []int{0, 100, 100, 200}, []time.Duration{0, 10 * ms, 11 * ms, 30 * ms}, 2},
		{"too few marks", []int{0, 100}, []time.Duration{0, 10 * ms}, 0},
	}
	for _, c := range cases {
		var tt cpuTenths
		for i := range c.stored {
			tt.mark(c.stored[i], c.cpu[i])
		}
		if got := tt.growth(); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: growth %v, want %v", c.name, got, c.want)
		}
	}
}
