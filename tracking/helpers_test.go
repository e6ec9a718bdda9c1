package tracking_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/storetest"
	"github.com/entente/entente/lexicon"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// Every test here runs on SQLite and on PostgreSQL, as sqlstore's do.

var forEachStore = storetest.ForEach

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
	extractorErr  error
)

func zhExtractor(tb testing.TB) *extract.Extractor {
	extractorOnce.Do(func() { extractor, extractorErr = extract.New("zh") })
	if extractorErr != nil {
		tb.Fatal(extractorErr)
	}
	return extractor
}

// changedExtractor reads with a cue table that no longer knows 愿 as a
// modal of intent: a better (or worse) extractor of the future.
func changedExtractor(tb testing.TB) *extract.Extractor {
	tb.Helper()
	data, err := lexicon.Data("zh.cues")
	if err != nil {
		tb.Fatal(err)
	}
	changed := strings.Replace(string(data), "\n愿, 愿意,", "\n愿意,", 1)
	if changed == string(data) {
		tb.Fatal("the cue table has no intent modal 愿 to remove")
	}
	tab, err := lexicon.Parse("zh.cues (changed)", strings.NewReader(changed))
	if err != nil {
		tb.Fatal(err)
	}
	cs, err := lexicon.LoadCountries()
	if err != nil {
		tb.Fatal(err)
	}
	x, err := extract.NewWith("zh", tab, cs)
	if err != nil {
		tb.Fatal(err)
	}
	return x
}

const statement = "cn-rs-2024-joint-statement.zh.txt"

// ingestStatement stores a development statement as ingest would.
func ingestStatement(tb testing.TB, ctx context.Context, s *sqlstore.Store, name string) int64 {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", name))
	if err != nil {
		tb.Fatal(err)
	}
	id, err := s.CreateDocument(ctx, &entente.NewDocument{
		Extraction: zhExtractor(tb).Extract(string(b)), Text: string(b), Extractor: "extract/zh",
		Source:   entente.Source{Name: name, Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
		Original: b,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

// as returns a context whose changes are made by an account of role.
func as(ctx context.Context, name string, role entente.Role) context.Context {
	u := &entente.User{ID: 0, Name: name, Role: role}
	ctx = entente.NewContextWithUser(ctx, u)
	return entente.NewContextWithActor(ctx, entente.Actor{Name: name, Via: "api"})
}

// newTracker returns a tracker over s whose today is fixed.
func newTracker(t *testing.T, s *sqlstore.Store) *tracking.Tracker {
	t.Helper()
	tr, err := tracking.New(s)
	if err != nil {
		t.Fatal(err)
	}
	tr.Now = func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) }
	s.UsePartReader(partReader(t))
	return tr
}

// partReader reads split parts with the Chinese extractor, as the
// program's reader does with its own.
func partReader(tb testing.TB) *tracking.PartReader {
	x := zhExtractor(tb)
	return tracking.NewPartReader(func() (tracking.Extractor, error) { return x, nil })
}
