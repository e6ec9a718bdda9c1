package compare_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/compare"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/internal/storetest"
	"github.com/entente/entente/internal/testlibrary"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// Every test that reads a store runs on SQLite and on PostgreSQL.

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

// The test library is the shared one (internal/testlibrary): its Chinese
// statements of China and Serbia, 2009 to 2024, one document each. The
// relationship is established in 2009, deepened in 2013, upgraded in 2016,
// reaffirmed in 2019 and upgraded again in 2024; the promise of high-level
// exchanges comes in 2009, 2016, 2019 and 2024; the railway section
// promised in 2016 and 2019 is reported open in 2024, and the free trade
// agreement explored in 2016 and negotiated in 2019 is welcomed into force.
var library = testlibrary.Chinese()

// ingestLibrary stores the library as ingest would, newest first so that
// nothing depends on the order of ids, and returns the ids by year.
func ingestLibrary(tb testing.TB, ctx context.Context, s *sqlstore.Store) map[string]int64 {
	tb.Helper()
	ids := map[string]int64{}
	for i := len(library) - 1; i >= 0; i-- {
		name := library[i]
		b, err := testlibrary.Read(name)
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
		ids[strings.TrimSuffix(strings.TrimPrefix(name, "cn-rs-"), ".zh.txt")] = id
	}
	return ids
}

func newService(tb testing.TB, s *sqlstore.Store) *compare.Service {
	tb.Helper()
	svc, err := compare.New(s, newTracker(tb, s))
	if err != nil {
		tb.Fatal(err)
	}
	return svc
}

// as returns a context whose changes are made by an account of role.
func as(ctx context.Context, name string, role entente.Role) context.Context {
	ctx = entente.NewContextWithUser(ctx, &entente.User{Name: name, Role: role})
	return entente.NewContextWithActor(ctx, entente.Actor{Name: name, Via: "api"})
}

func newTracker(tb testing.TB, s *sqlstore.Store) *tracking.Tracker {
	tb.Helper()
	tr, err := tracking.New(s)
	if err != nil {
		tb.Fatal(err)
	}
	tr.Now = func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) }
	return tr
}
