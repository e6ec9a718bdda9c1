package compare_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/testlibrary"
	"github.com/entente/entente/sqlstore"
)

// TestPairFindsItsStatements: a pair's view holds every statement the two
// parties signed, however many more its first party signed with others
// since, and one bound below them refuses the pair rather than cut it.
func TestPairFindsItsStatements(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(context.Background(), entente.Actor{Name: "op", Via: "cli"})
		ingestLibrary(t, ctx, s)
		pair, err := s.Documents(ctx, entente.DocumentFilter{Parties: []string{"CN", "RS"}})
		if err != nil || len(pair) < 3 {
			t.Fatalf("the library's statements of China and Serbia: %d, %v", len(pair), err)
		}
		// China's later statements with Kazakhstan, listed before the
		// pair's when China's are listed newest first
		b, err := testlibrary.Read(library[len(library)-1])
		if err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			text := fmt.Sprintf("%s\n%d", b, i)
			x := zhExtractor(t).Extract(text)
			date := fmt.Sprintf("2026-0%d-01", i+1)
			x.Document.Parties, x.Document.SignedDate = []string{"CN", "KZ"}, &date
			if _, err := s.CreateDocument(ctx, &entente.NewDocument{Extraction: x, Text: text, Extractor: "extract/zh",
				Source:   entente.Source{Name: fmt.Sprintf("kz-%d.txt", i), Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
				Original: []byte(text)}); err != nil {
				t.Fatal(err)
			}
		}
		svc := newService(t, s)
		svc.Views = nil // computed at every read, with the bound of the moment
		svc.MaxDocuments = len(pair)
		v, err := svc.Pair(ctx, "CN", "RS")
		if err != nil {
			t.Fatal(err)
		}
		if len(v.Documents) != len(pair) {
			t.Errorf("the pair's view holds %d statements, want the %d China and Serbia signed", len(v.Documents), len(pair))
		}
		svc.MaxDocuments = len(pair) - 1
		if _, err := svc.Pair(ctx, "CN", "RS"); entente.ErrorCode(err) != entente.ETOOLARGE {
			t.Errorf("a bound of %d below the pair's %d statements: %v, want it refused", svc.MaxDocuments, len(pair), err)
		}
	})
}
