package skip

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGroupRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "skipped")
	t.Setenv(Env, path)
	for _, g := range []string{"PostgreSQL", "browser"} {
		t.Run(g, func(t *testing.T) { Group(t, g, "not installed") })
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "PostgreSQL (not installed)\nbrowser (not installed)\n"; got != want {
		t.Errorf("recorded %q, want %q", got, want)
	}
	if strings.Count(string(b), "\n") != 2 {
		t.Error("one line per skip")
	}
}
