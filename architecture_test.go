package entente

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestImports holds docs/architecture.md: each package imports only the
// rooms before it on the data's way (tests aside).
func TestImports(t *testing.T) {
	const module = "github.com/entente/entente"
	allowed := map[string][]string{
		".":         {},
		"decode":    {},
		"auth":      {},
		"lexicon":   {},
		"structure": {"."},
		"extract":   {".", "lexicon", "structure"},
		"align":     {"."},
		"ingest":    {".", "decode"},
		"search":    {".", "lexicon"},
		"sqlstore":  {".", "search", "internal/snapbytes", "internal/bloom", "internal/hugepages"},
		"sqlite":    {".", "search", "sqlstore"},
		"postgres":  {".", "search", "sqlstore", "internal/skip"}, // postgres/pgtest skips through internal/skip
		"tracking":  {".", "lexicon", "ingest", "align", "internal/snapbytes", "internal/hugepages"},
		"connect":   {".", "align", "lexicon", "internal/snapbytes", "internal/hugepages"},
		"web":       {".", "auth", "ingest", "tracking", "export", "compare", "connect"},
		"export":    {"."},
		"compare":   {".", "lexicon", "search", "tracking"},
		"internal":  {"sqlstore", "sqlite", "postgres", "internal/skip", "internal/snapbytes"}, // internal/hostile: attacking inputs for tests in any room; internal/skip: skipped groups; internal/storetest: both stores opened for tests
	}
	seen := map[string]bool{}
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != "." && (strings.HasPrefix(name, ".") || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		if strings.HasPrefix(dir, "cmd/") {
			return nil // the binary wires everything
		}
		room := strings.SplitN(dir, "/", 2)[0] // postgres/pgtest is postgres
		may, ok := allowed[room]
		if !ok {
			t.Errorf("%s: package %s is not in docs/architecture.md's table", path, dir)
			return nil
		}
		seen[room] = true
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if p != module && !strings.HasPrefix(p, module+"/") {
				continue
			}
			target := strings.TrimPrefix(strings.TrimPrefix(p, module), "/")
			if target == "" {
				target = "."
			}
			// a package of internal is a room of its own as a target: test
			// support is not for production code, internal/snapbytes,
			// internal/bloom and internal/hugepages are
			parts := strings.SplitN(target, "/", 3)
			target = parts[0]
			if target == "internal" && len(parts) > 1 {
				target += "/" + parts[1]
			}
			if target != room && !slices.Contains(may, target) {
				t.Errorf("%s imports %s: %s may import only %v (docs/architecture.md)", path, p, room, may)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// the table may name a room before it is built (tracking)
	if len(seen) < 12 {
		t.Errorf("only %d packages found: the walk missed some", len(seen))
	}
}
