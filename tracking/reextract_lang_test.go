package tracking_test

import (
	"context"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// serbianStatement is a short joint statement of our own in Serbian
// (Latin script): its undertakings are commitments under the Serbian
// rules and nothing the English rules know.
const serbianStatement = `Zajednička izjava Republike Srbije i Republike Čile o jačanju sveobuhvatnog partnerstva

1. Dve strane će produbiti saradnju u oblasti poljoprivrede i trgovine.
2. Strane će do kraja 2027. godine zaključiti sporazum o slobodnoj trgovini.
3. Obe strane pozdravljaju uspešno održavanje prvog zasedanja Mešovitog komiteta.
4. Srpska strana će podržati učešće čileanskih preduzeća na sajmovima u Beogradu.
`

// TestReextractReadsCorrectedLanguage: an analyst's correction of a
// document's language decides which rules read its text when it is
// extracted again, not only what the document shows; the stored language
// stays the detector's reading, so the correction is not flagged; and
// once the correction is withdrawn the next re-extraction detects again.
func TestReextractReadsCorrectedLanguage(t *testing.T) {
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	types := func(x *entente.Extraction) []entente.SentenceType {
		var out []entente.SentenceType
		for _, s := range x.Sentences {
			out = append(out, s.Type)
		}
		return out
	}
	asSerbian, asEnglish := reg.Extract(serbianStatement), must(reg.ExtractAs(serbianStatement, "en"))
	if asSerbian.Document.Language != "sr-Latn" || slices.Equal(types(asSerbian), types(asEnglish)) {
		t.Fatalf("the statement must be detected as Serbian (%s) and read otherwise by the English rules: %v vs %v",
			asSerbian.Document.Language, types(asSerbian), types(asEnglish))
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		tr.Extractor, tr.ExtractorName = reg, reg.ID()
		doc, err := s.CreateDocument(ctx, &entente.NewDocument{
			Extraction: asSerbian, Text: serbianStatement, Extractor: reg.ID(),
			Source:   entente.Source{Name: "izjava.txt", Format: "text", Encoding: "utf-8", MediaType: "text/plain"},
			Original: []byte(serbianStatement),
		})
		if err != nil {
			t.Fatal(err)
		}
		stored := func(when string, want *entente.Extraction, lang string) {
			t.Helper()
			d, err := s.Document(ctx, doc)
			if err != nil {
				t.Fatal(err)
			}
			if got := types(d.Extraction); !slices.Equal(got, types(want)) {
				t.Errorf("%s: types %v, want %v", when, got, types(want))
			}
			if d.Language != lang {
				t.Errorf("%s: the document shows %q, want %q", when, d.Language, lang)
			}
		}
		c, err := tr.Correct(ctx, tracking.CorrectInput{Document: doc, Field: "language", Value: []byte(`"en"`), Why: "test"})
		if err != nil {
			t.Fatal(err)
		}
		res, err := tr.Reextract(ctx, doc)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 1 || len(res[0].Flagged) != 0 {
			t.Errorf("re-extraction under the corrected language flagged %+v", res)
		}
		stored("read as corrected", asEnglish, "en")
		if _, err := s.ReviewCorrection(ctx, c.Ref, entente.ActWithdraw, "wrong language"); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Reextract(ctx, doc); err != nil {
			t.Fatal(err)
		}
		stored("after the correction is withdrawn", asSerbian, "sr-Latn")
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestVersionsToReextractPages: a re-extraction reads the collection a
// page at a time; the pages cover every version once, in order, and a
// page without a limit is refused rather than read whole.
func TestVersionsToReextractPages(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		var want []int64
		for _, name := range []string{statement, "cn-ae-2019-joint-statement.zh.txt", "us-ie-2021-joint-statement.en.txt"} {
			want = append(want, ingestStatement(t, ctx, s, name))
		}
		var got []int64
		for after := int64(0); ; {
			vs, err := s.VersionsToReextract(ctx, 0, after, 2)
			if err != nil {
				t.Fatal(err)
			}
			if len(vs) == 0 {
				break
			}
			if len(vs) > 2 {
				t.Fatalf("a page of 2 held %d versions", len(vs))
			}
			for _, v := range vs {
				got = append(got, v.DocumentID)
			}
			after = vs[len(vs)-1].ID
		}
		if !slices.Equal(got, want) {
			t.Errorf("pages covered documents %v, want %v", got, want)
		}
		if _, err := s.VersionsToReextract(ctx, 0, 0, 0); entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("a page without a limit: %v", err)
		}
		if _, err := s.VersionsToReextract(ctx, 999, 0, 5); entente.ErrorCode(err) != entente.ENOTFOUND {
			t.Errorf("the versions of no document: %v", err)
		}
	})
}

// TestReextractKeepsLanguageGivenAtIngest: a language chosen at ingest
// (`entente ingest --lang`) is a decision like a correction: re-extraction
// reads the text with that language's rules again instead of detecting
// another, and an analyst's later correction still wins over it.
func TestReextractKeepsLanguageGivenAtIngest(t *testing.T) {
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	english, err := reg.For("en")
	if err != nil {
		t.Fatal(err)
	}
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := as(context.Background(), "ed", entente.RoleEditor)
		tr := newTracker(t, s)
		tr.Extractor, tr.ExtractorName = reg, reg.ID()
		in := &ingest.Ingester{Store: s, Extractor: english, ExtractorName: reg.ID(), LanguageGiven: true}
		out := in.Ingest(ctx, ingest.Input{Name: "izjava.txt", Data: []byte(serbianStatement)})
		if out.Status != ingest.Added {
			t.Fatalf("ingest: %+v", out)
		}
		language := func(when, want string) {
			t.Helper()
			d, err := s.Document(ctx, out.DocumentID)
			if err != nil {
				t.Fatal(err)
			}
			if d.Language != want || d.Extraction.Document.Language != want {
				t.Errorf("%s: the document shows %q and its extraction %q, want %q",
					when, d.Language, d.Extraction.Document.Language, want)
			}
		}
		language("ingested with the language given", "en")
		res, err := tr.Reextract(ctx, out.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		if len(res) != 1 || len(res[0].Flagged) != 0 {
			t.Errorf("re-extraction flagged %+v", res)
		}
		language("read again", "en")
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: out.DocumentID, Field: "language", Value: []byte(`"sr-Latn"`), Why: "test"}); err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Reextract(ctx, out.DocumentID); err != nil {
			t.Fatal(err)
		}
		d, err := s.Document(ctx, out.DocumentID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Language != "sr-Latn" {
			t.Errorf("after a correction to Serbian the document shows %q", d.Language)
		}
	})
}
