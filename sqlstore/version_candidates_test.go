package sqlstore_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestVersionCandidatesByHeading: a document's candidates are the day's
// documents in other languages of its kind and parties (in order); one
// whose heading differs is left out unless it has corrections, which the
// matcher applies before it compares.
func TestVersionCandidatesByHeading(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := entente.NewContextWithActor(t.Context(), entente.Actor{Name: "test", Via: "cli"})
		const day = "2024-05-08"
		doc := func(lang, title string, parties []string, kind entente.Kind) int64 {
			d := handDoc(lang, title, day, parties, sentence{text: title + ": the two sides will cooperate."})
			d.Extraction.Document.Kind = kind
			return mustCreate(t, s, d)
		}
		cnrs := []string{"CN", "RS"}
		zh := doc("zh", "中塞联合声明", cnrs, entente.KindJointStatement)
		en := doc("en", "China-Serbia joint statement", cnrs, entente.KindJointStatement)
		otherPair := doc("en", "China-Hungary joint statement", []string{"CN", "HU"}, entente.KindJointStatement)
		reordered := doc("sr-Latn", "Zajednička izjava Srbije i Kine", []string{"RS", "CN"}, entente.KindJointStatement)
		fewer := doc("sr-Cyrl", "Изјава Кине", []string{"CN"}, entente.KindJointStatement)
		more := doc("fr", "Déclaration commune", []string{"CN", "RS", "HU"}, entente.KindJointStatement)
		otherKind := doc("de", "Memorandum", cnrs, entente.KindMoU)
		corrected := doc("ru", "Совместное заявление", []string{"CN", "HU"}, entente.KindJointStatement)
		sameLanguage := doc("zh", "中塞联合声明（另一文本）", cnrs, entente.KindJointStatement)
		value, _ := json.Marshal(cnrs)
		extracted, _ := json.Marshal([]string{"CN", "HU"})
		if _, err := s.AddCorrection(ctx, entente.NewCorrection{DocumentID: corrected, Field: "parties",
			Extracted: extracted, Value: value, State: "approved", Why: "the parties read wrongly"}); err != nil {
			t.Fatal(err)
		}
		got, err := s.VersionCandidates(ctx, []int64{zh, otherPair})
		if err != nil {
			t.Fatal(err)
		}
		if want := []int64{en, corrected}; !slices.Equal(got[zh], want) {
			t.Errorf("candidates of the Chinese text: %v, want %v (not %v, %v, %v, %v, %v, %v)", got[zh], want,
				otherPair, reordered, fewer, more, otherKind, sameLanguage)
		}
		// the other pair's statement has none of its kind and parties in
		// another language but the corrected one, compared as corrected
		if want := []int64{corrected}; !slices.Equal(got[otherPair], want) {
			t.Errorf("candidates of the other pair's statement: %v, want %v", got[otherPair], want)
		}
	})
}
