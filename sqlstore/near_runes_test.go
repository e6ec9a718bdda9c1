package sqlstore_test

import (
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestNearRunesCounted: on both stores a new version is stored with the
// count of letters and digits the near-duplicate measure reads, and every
// look-up that returns near-duplicate candidates returns it, so that ingest
// can rule out candidates by length before reading their text. A store
// from before migration 0051 (the count NULL, the setting absent) counts
// its versions once when it opens; a version not counted is returned with
// 0, which rules nothing out.
func TestNearRunesCounted(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		d := corpusDoc(t, statement)
		id := mustCreate(t, s, d)
		want := entente.NewNearText(d.Text).Runes()
		republished := "新华社北京电\n" + d.Text + "\n（完）\n"
		sketch := entente.NearSketch(republished)
		check := func(when string, want int) {
			t.Helper()
			vs, err := s.NearVersions(ctx, sketch)
			if err != nil || len(vs) != 1 || vs[0].DocumentID != id {
				t.Fatalf("%s: NearVersions %+v, %v", when, vs, err)
			}
			_, near, err := s.FindText(ctx, "no such text", sketch)
			if err != nil || len(near) != 1 {
				t.Fatalf("%s: FindText %+v, %v", when, near, err)
			}
			_, _, cands, err := s.FindInput(ctx, "no such bytes", "no such text", sketch)
			if err != nil || len(cands) != 1 {
				t.Fatalf("%s: FindInput %+v, %v", when, cands, err)
			}
			_, _, many, err := s.FindInputs(ctx, []string{"no such bytes"}, []string{"no such text"}, [][]int64{sketch})
			if err != nil || len(many) != 1 || len(many[0]) != 1 {
				t.Fatalf("%s: FindInputs %+v, %v", when, many, err)
			}
			for name, got := range map[string]int{"NearVersions": vs[0].NearRunes, "FindText": near[0].NearRunes,
				"FindInput": cands[0].NearRunes, "FindInputs": many[0][0].NearRunes} {
				if got != want {
					t.Errorf("%s: %s gives %d runes, want %d", when, name, got, want)
				}
			}
		}
		check("as stored", want)
		if !entente.NearRunesMayMatch(want, entente.NewNearText(republished).Runes()) {
			t.Fatalf("the republication is ruled out by length")
		}

		// a store from before the migration
		if _, err := s.DB().ExecContext(ctx, `UPDATE versions SET near_runes = NULL`); err != nil {
			t.Fatal(err)
		}
		check("not counted", 0)
		if _, err := s.DB().ExecContext(ctx, `DELETE FROM store_settings WHERE key = $1`, sqlstore.NearRunesSetting); err != nil {
			t.Fatal(err)
		}
		if err := sqlstore.EnsureNearRunes(ctx, s); err != nil {
			t.Fatal(err)
		}
		check("counted when opened", want)
		var n int
		if err := s.DB().QueryRowContext(ctx, `SELECT count(*) FROM store_settings WHERE key = $1`, sqlstore.NearRunesSetting).Scan(&n); err != nil || n != 1 {
			t.Errorf("the setting: %d rows, %v", n, err)
		}
	})
}
