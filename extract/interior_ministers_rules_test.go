package extract

import (
	"slices"
	"strconv"
	"testing"
)

// TestInteriorMinistersTrio holds the readings a trilateral statement of
// interior ministers on migration shows, in Serbian of our own in both
// scripts: a trio's joint voice (tri ministra, tri zemlje) is all its
// parties, as dva ministra is a pair's.
func TestInteriorMinistersTrio(t *testing.T) {
	parties := []string{"AT", "HU", "RS"}
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		{"Три министра позивају Европску комисију да обезбеди додатна средства државама на рути.", "position", "", parties, "позивају", ""},
		{"Tri ministra pozivaju Evropsku komisiju da obezbedi dodatna sredstva državama na ruti.", "position", "", parties, "pozivaju", ""},
		{"Три земље ће до краја 2027. године ускладити своје визне режиме.", "commitment", "firm", parties, "ће", "до краја 2027. године"},
		{"Sve tri strane nastaviće da razmenjuju podatke o kretanju migranata.", "commitment", "firm", parties, "nastaviće", ""},
	})
}

// TestInteriorMinistersAreas: the ministers of the interior by their title
// in any case are who acts, and their title's field is security, not the
// internal affairs of sovereignty (non-interference); smuggling's adjective
// and migrants' reception centres are migration control.
func TestInteriorMinistersAreas(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"sr", "AT,HU,RS", "Министри ће позвати министре унутрашњих послова Северне Македоније и Грчке да учествују на наредном састанку.", "security"},
		{"sr", "AT,HU,RS", "Radnu grupu činiće predstavnici ministarstava unutrašnjih poslova tri zemlje.", "security"},
		{"sr", "AT,HU,RS", "Министри су сагласни да се до краја јуна 2027. године успостави заједнички систем за брзо узбуњивање о кретању кријумчарских група.", "security"},
		{"sr", "AT,HU,RS", "Аустријска страна размотриће могућност упућивања стручњака у прихватне центре у Србији.", "security"},
		{"sr", "AT,HU,RS", "Srpska strana će proširiti prihvatni centar u Preševu.", "security"},
		// interference in internal affairs stays sovereignty
		{"sr", "CN,RS", "Strane se protive mešanju u unutrašnje poslove drugih država.", "sovereignty"},
	})
}

// TestInteriorMinistersPact: a pact (Pakt o migracijama i azilu) is a cited
// instrument of kind other, quoted or in sentence case, in both scripts.
func TestInteriorMinistersPact(t *testing.T) {
	x := newTestSpaced(t, "sr")
	for _, tc := range []struct{ text, want string }{
		{"Аустријска страна подржава доследну примену „Пакта о миграцијама и азилу“ из 2024. године.", "Пакта о миграцијама и азилу|other|2024"},
		{"Ministri su razmenili mišljenja o primeni Pakta o migracijama i azilu iz 2024. godine.", "Pakta o migracijama i azilu|other|2024"},
		// a relative clause with a verb of adopting gives the year; one that says anything else does not
		{"Министри су разменили мишљења о примени „Пакта о миграцијама и азилу“, који је Европска унија усвојила 2024. године.", "Пакта о миграцијама и азилу|other|2024"},
		{"Strane podržavaju „Pakt o migracijama i azilu“, koji je stupio na snagu 2024. godine.", "Pakt o migracijama i azilu|other|0"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			got := x.Extract("Zajednička izjava\n\n" + tc.text + "\n")
			var refs []string
			for _, r := range got.References {
				y := 0
				if r.Year != nil {
					y = *r.Year
				}
				refs = append(refs, r.Title+"|"+string(r.Kind)+"|"+strconv.Itoa(y))
			}
			if !slices.Equal(refs, []string{tc.want}) {
				t.Errorf("references %q, want %q", refs, tc.want)
			}
		})
	}
}
