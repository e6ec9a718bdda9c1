package sqlstore_test

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestSearchKeptPages holds a page answered from memory (a query already
// seen, in the same state of the collection) to the page read from the
// database: the same hits, total and facets; a caller that changes what it
// got changes nothing kept; and any new event, even one search does not
// count, makes the next search read its page again.
func TestSearchKeptPages(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "test", Via: "cli"})
		searchCorpus(t, s)
		queries := []entente.SearchQuery{
			{Text: "铁路", Limit: 2},
			{Text: "铁路", Limit: 2, Offset: 2},
			{Text: "合作", Type: entente.Commitment, Limit: 3},
			{Text: "cooperate", Limit: 3},
			{Party: "CN", Limit: 3},
			{Party: "CN", Limit: 3, Offset: 4},
		}
		asJSON := func(v any) string {
			t.Helper()
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
		read := make([]string, len(queries))
		for i, q := range queries {
			first, err := s.SearchPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(first.Hits) == 0 {
				t.Fatalf("%+v: no hits; the test needs some", q)
			}
			read[i] = asJSON(first)
		}
		for round := range 2 {
			for i, q := range queries {
				before := sqlstore.KeptPagesAnswered(s)
				got, err := s.SearchPage(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if n := sqlstore.KeptPagesAnswered(s); n != before+1 {
					t.Errorf("round %d, %+v: %d searches answered from kept pages, want %d", round, q, n, before+1)
				}
				if g := asJSON(got); g != read[i] {
					t.Errorf("round %d, %+v: kept page\n%s\nwant the page read\n%s", round, q, g, read[i])
				}
				scribble(reflect.ValueOf(got).Elem())
				hits, err := s.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				var want entente.SearchResults
				if err := json.Unmarshal([]byte(read[i]), &want); err != nil {
					t.Fatal(err)
				}
				if g, w := asJSON(hits), asJSON(want.Hits); g != w {
					t.Errorf("round %d, %+v: Search after a page was kept\n%s\nwant\n%s", round, q, g, w)
				}
			}
		}
		// an event search does not count changes the state: pages are read
		// again (and are the same), then kept again
		if _, err := s.AppendEvent(ctx, entente.NewEvent(ctx, "set", "status", 0)); err != nil {
			t.Fatal(err)
		}
		for _, wantKept := range []bool{false, true} {
			for i, q := range queries {
				before := sqlstore.KeptPagesAnswered(s)
				got, err := s.SearchPage(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if kept := sqlstore.KeptPagesAnswered(s) > before; kept != wantKept {
					t.Errorf("%+v after an event: answered from a kept page %v, want %v", q, kept, wantKept)
				}
				if g := asJSON(got); g != read[i] {
					t.Errorf("%+v after an event:\n%s\nwant\n%s", q, g, read[i])
				}
			}
		}
	})
}

// scribble overwrites every string, number and element reachable from v
// (through pointers, slices and structs), as a careless caller might.
func scribble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			scribble(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scribble(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			scribble(v.Index(i))
		}
	case reflect.String:
		v.SetString("scribbled")
	case reflect.Int, reflect.Int64:
		v.SetInt(-7)
	case reflect.Float64:
		v.SetFloat(-7)
	}
}
