package skip

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestScript runs the README's test command (scripts/test.sh) over a demo
// package that skips or fails as told: it must end with one line naming
// each skipped group once, or "skipped: nothing", keep go test's summary
// lines, and exit as go test did (and 1 under CI=true when a group was
// skipped).
func TestScript(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatal("bash is needed")
	}
	tests := []struct {
		demo, ci string
		last     string
		code     int
	}{
		{"", "", "skipped: nothing", 0},
		{"skip", "", "skipped: PostgreSQL (not here), browser (no chromium)", 0},
		{"skip", "true", "skipped: PostgreSQL (not here), browser (no chromium) (CI must run everything)", 1},
		{"fail", "", "skipped: nothing", 1},
		{"fail,skip", "", "skipped: PostgreSQL (not here), browser (no chromium)", 1},
	}
	for _, tc := range tests {
		cmd := exec.Command("bash", "../../scripts/test.sh", "-count=1")
		cmd.Env = append(os.Environ(), "DEMO="+tc.demo, "CI="+tc.ci, "ENTENTE_TEST_PACKAGES=./internal/skip/testdata/demo",
			"ENTENTE_TEST_POSTGRES=postgres://unused") // so that the script starts no server
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
		if got := lines[len(lines)-1]; got != tc.last {
			t.Errorf("DEMO=%s CI=%s: last line %q, want %q\n%s", tc.demo, tc.ci, got, tc.last, out)
		}
		if code != tc.code {
			t.Errorf("DEMO=%s CI=%s: exit %d, want %d", tc.demo, tc.ci, code, tc.code)
		}
		summary := "ok  \tgithub.com/entente/entente/internal/skip/testdata/demo"
		if strings.Contains(tc.demo, "fail") {
			summary = "FAIL\tgithub.com/entente/entente/internal/skip/testdata/demo"
		}
		if !strings.Contains(string(out), summary) {
			t.Errorf("DEMO=%s: go test's summary line %q is missing:\n%s", tc.demo, summary, out)
		}
	}
}
