package extract

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/skip"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current extractor")

// developmentStatements are the statements with hand-made gold annotations.
var developmentStatements = []string{"cn-rs-2024-joint-statement", "cn-ae-2019-joint-statement"}

const corpusDir = "../testdata/corpus"

func extractFile(t testing.TB, x interface {
	Extract(string) *entente.Extraction
}, path string) []byte {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return encodeExtraction(t, x.Extract(string(text)))
}

func encodeExtraction(t testing.TB, out *entente.Extraction) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// goldenExtraction is the extraction the golden files hold: all of it but
// where each reference, mechanism and project stands in its sentence,
// which TestMentionSpans checks against the text itself.
func goldenExtraction(t testing.TB, x *Extractor, path string) []byte {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out := x.Extract(string(text))
	for i := range out.Sentences {
		r := &out.Sentences[i].Rationale
		r.References, r.Mechanisms, r.Projects = nil, nil, nil
	}
	return encodeExtraction(t, out)
}

// TestGolden compares the whole extraction of each development statement
// with its golden file, so that any change of output is seen in review.
// Run with -update to accept a change.
func TestGolden(t *testing.T) {
	x := newTestExtractor(t)
	for _, name := range developmentStatements {
		t.Run(name, func(t *testing.T) {
			got := goldenExtraction(t, x, filepath.Join(corpusDir, name+".zh.txt"))
			golden := filepath.Join("testdata", "golden", name+".json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs from the extraction at line %d:\n got  %s\n want %s\n(run with -update to accept)", golden, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s differs from the extraction in length (run with -update to accept)", golden)
			}
		})
	}
}

// floors are the acceptance minimums on the development statements, held
// by the project's scorer so that a regression turns the build red.
var floors = []string{
	"sentences.f1=0.98", "type.accuracy=0.88", "commitment.f1=0.90", "position.f1=0.80",
	"appraisal.f1=0.75", "actors.accuracy=0.90", "strength.accuracy=0.85", "areas.f1=0.80",
	"deadlines.recall=1.0", "references.f1=0.95", "references.kind.accuracy=0.95",
	"references.year.accuracy=0.90", "references.unbracketed.recall=0.80", "mechanisms.f1=0.70",
	"projects.f1=0.70", "document.accuracy=1.0", "sections.exact=1.0",
}

// heldOutFloors are the floors on whole statements written apart from the
// rules (testdata/heldout_docs): the acceptance floors less 0.10, as the
// extractor is held to on statements it has not seen.
var heldOutFloors = []string{
	"sentences.f1=0.88", "type.accuracy=0.78", "commitment.f1=0.80", "position.f1=0.70",
	"appraisal.f1=0.65", "actors.accuracy=0.80", "strength.accuracy=0.75", "areas.f1=0.70",
	"deadlines.recall=0.90", "references.f1=0.85", "references.kind.accuracy=0.85",
	"references.year.accuracy=0.80", "mechanisms.f1=0.60", "projects.f1=0.60",
	"document.accuracy=0.90", "sections.exact=1.0",
}

// heldOutDocuments are the statements in testdata/heldout_docs, each a text
// and its gold: every gold there is held to the floors, so a statement
// added is measured without a list to keep.
func heldOutDocuments(t *testing.T) []string {
	t.Helper()
	golds, err := filepath.Glob(filepath.Join("testdata", "heldout_docs", "*.gold.json"))
	if err != nil || len(golds) == 0 {
		t.Fatalf("no held-out statements in testdata/heldout_docs (%v)", err)
	}
	names := make([]string, len(golds))
	for i, g := range golds {
		names[i] = strings.TrimSuffix(filepath.Base(g), ".gold.json")
	}
	return names
}

// heldOutExceptions are the floors a held-out statement cannot meet
// honestly, each with its reason (rs-fr-memorandum-latn's false project,
// programa Evropske, went with the rule that an organisation of many states
// after a head makes a generic programme).
var heldOutExceptions = map[string][]string{}

// translatedDocuments are two development statements in English and Serbian
// (testdata/translated), labelled as the Chinese gold is: held to the
// held-out floors, but Serbian projects are named in the gold in the case
// each sentence gives them, which a name read elsewhere in another case
// does not match; their floor is lower.
var translatedDocuments = []string{"cn-rs-2024.en", "cn-rs-2024.sr-Latn", "cn-rs-2024.sr-Cyrl",
	"cn-ae-2019.en", "cn-ae-2019.sr-Latn", "cn-ae-2019.sr-Cyrl"}

func translationFloors(name string) []string {
	out := slices.Clone(heldOutFloors)
	if strings.Contains(name, ".sr-") {
		out = append(out, "projects.f1=0.45")
	}
	return out
}

func TestScoreFloors(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is needed to run the scorer")
		}
		skip.Group(t, "scorer", "no python3: apt-get install python3")
	}
	x := newTestExtractor(t)
	// the held-out statements are read as the command reads them, in the
	// language the registry detects (Traditional Chinese among them)
	reg := newTestRegistry(t)
	score := func(t *testing.T, text, gold string, mins []string, byLanguage bool) {
		out := filepath.Join(t.TempDir(), "out.json")
		var js []byte
		if byLanguage {
			b, err := os.ReadFile(text)
			if err != nil {
				t.Fatal(err)
			}
			js = encodeExtraction(t, reg.Extract(string(b)))
		} else {
			js = extractFile(t, x, text)
		}
		if err := os.WriteFile(out, js, 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"../tools/score_extraction.py", gold, out}
		for _, f := range mins {
			args = append(args, "--min", f)
		}
		res, err := exec.Command(python, args...).CombinedOutput()
		t.Logf("%s", res)
		if err != nil {
			t.Fatalf("below the floors: %v", err)
		}
	}
	for _, name := range developmentStatements {
		t.Run(name, func(t *testing.T) {
			score(t, filepath.Join(corpusDir, name+".zh.txt"), filepath.Join(corpusDir, name+".gold.json"), floors, false)
		})
	}
	for _, name := range heldOutDocuments(t) {
		t.Run("held-out/"+name, func(t *testing.T) {
			dir := filepath.Join("testdata", "heldout_docs")
			score(t, filepath.Join(dir, name+".txt"), filepath.Join(dir, name+".gold.json"), append(slices.Clone(heldOutFloors), heldOutExceptions[name]...), true)
		})
	}
	for _, name := range translatedDocuments {
		t.Run("translated/"+name, func(t *testing.T) {
			dir := filepath.Join("testdata", "translated")
			score(t, filepath.Join(dir, name+".txt"), filepath.Join(dir, name+".gold.json"), translationFloors(name), true)
		})
	}
}
