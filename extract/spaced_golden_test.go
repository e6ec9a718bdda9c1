package extract

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// spacedStatements are the development statements in spaced languages,
// with their language.
var spacedStatements = []struct{ name, lang string }{
	{"us-ie-2021-joint-statement", "en"},
}

// spacedFloors are the acceptance floors of issue 13 on the English
// development statement.
var spacedFloors = []string{
	"sentences.f1=0.97", "type.accuracy=0.90", "commitment.f1=0.90", "actors.accuracy=0.90",
	"areas.f1=0.75", "document.accuracy=1.0",
}

func newTestSpaced(t testing.TB, lang string) *Spaced {
	t.Helper()
	x, err := NewSpaced(lang)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestGoldenSpaced compares the whole extraction of each spaced-language
// development statement with its golden file (-update to accept a change).
func TestGoldenSpaced(t *testing.T) {
	for _, ds := range spacedStatements {
		t.Run(ds.name, func(t *testing.T) {
			x := newTestSpaced(t, ds.lang)
			text, err := os.ReadFile(filepath.Join(corpusDir, ds.name+"."+ds.lang+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			got := encodeExtraction(t, x.Extract(string(text)))
			golden := filepath.Join("testdata", "golden", ds.name+".json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -run TestGoldenSpaced -update to create it)", err)
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

// TestScoreFloorsSpaced holds the English development statement to the
// acceptance floors through the project's scorer.
func TestScoreFloorsSpaced(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is needed to run the scorer")
		}
		t.Skip("SKIPPED: python3 not found, the scorer did not run")
	}
	for _, ds := range spacedStatements {
		t.Run(ds.name, func(t *testing.T) {
			x := newTestSpaced(t, ds.lang)
			text, err := os.ReadFile(filepath.Join(corpusDir, ds.name+"."+ds.lang+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "out.json")
			if err := os.WriteFile(out, encodeExtraction(t, x.Extract(string(text))), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"../tools/score_extraction.py", filepath.Join(corpusDir, ds.name+".gold.json"), out}
			for _, f := range spacedFloors {
				args = append(args, "--min", f)
			}
			res, err := exec.Command(python, args...).CombinedOutput()
			t.Logf("%s", res)
			if err != nil {
				t.Fatalf("below the floors: %v", err)
			}
		})
	}
}
