package export

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/skip"
	"github.com/entente/entente/sqlite"
	"github.com/entente/entente/sqlstore"
)

const corpus = "../testdata/corpus"

// library is a SQLite store holding every plain-text statement of the test
// corpus (several encodings of the same statement are sources of one).
func library(t testing.TB) *sqlstore.Store {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "entente.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	// Each statement read in its own language, as entente ingest does.
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	x, err := reg.For("")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no statements in %s: %v", corpus, err)
	}
	in := &ingest.Ingester{Store: st, Extractor: x, ExtractorName: reg.ID()}
	sum := in.Batch(ctx, files, nil, func(o ingest.Outcome) {})
	if sum.Refused > 0 || sum.Added == 0 {
		t.Fatalf("ingest of the corpus: %+v", sum)
	}
	return st
}

// needTool returns the path of a program the test needs: absent, the test
// skips loudly, except under CI, where it fails.
func needTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("%s is not installed (Debian %s); CI must install it", name, pkg)
	}
	// recorded, so that the README's test command names it on its last
	// line (and fails under CI=true)
	skip.Group(t, name, "not installed: apt-get install "+pkg)
	return ""
}

var _ entente.Library = (*sqlstore.Store)(nil)
