package extract

import (
	"slices"
	"testing"

	"github.com/entente/entente"
)

// TestSessionProtocol reads the protocol of a mixed commission's session
// (Protokol sa … sednice …): a record of what the commission noted and
// agreed, signed by its co-chairs, so a communiqué, not an instrument; who
// chaired a delegation is a fact of the session; the parties' present
// (Strane osnivaju…) is their undertaking, also after a fronted purpose
// phrase; "podneće" (will submit) is a future of its own.
func TestSessionProtocol(t *testing.T) {
	x := newTestSpaced(t, "sr")
	for _, c := range []struct {
		title string
		want  entente.Kind
	}{
		{"Протокол са Пете седнице Мешовите комисије за економску сарадњу између Владе Републике Србије и Владе Румуније", entente.Kind("communique")},
		{"Protokol sa Treće sednice Mešovitog komiteta za ekonomsku saradnju između Republike Srbije i Republike Kazahstan", entente.Kind("communique")},
		{"Протокол о сарадњи између Министарства пољопривреде Републике Србије и Министарства пољопривреде Републике Белорусије", entente.Kind("agreement")},
	} {
		if got := x.Extract(c.title + "\n\nСтране ће сарађивати.\n").Document.Kind; got != c.want {
			t.Errorf("%s: kind %s, want %s", c.title, got, c.want)
		}
	}
	const doc = "Протокол са Пете седнице Мешовите комисије за економску сарадњу између Владе Републике Србије и Владе Румуније\n\n"
	for _, c := range []struct {
		text, typ string
		actors    []string
		strength  entente.Strength
	}{
		{"Српском делегацијом председавао је министар привреде Републике Србије Александар Јовић, а румунском делегацијом државни секретар Јоан Попеску.", "narrative", nil, ""},
		{"Srpskom delegacijom predsedavala je ministarka privrede Republike Srbije.", "narrative", nil, ""},
		{"Ради припреме техничке документације за мост Стране оснивају Заједничку српско-румунску радну групу за мост на Дунаву.", "commitment", []string{"RO", "RS"}, entente.Soft},
		{"Strane obrazuju Zajedničku radnu grupu za energetiku.", "commitment", []string{"RO", "RS"}, entente.Soft},
		{"Заједничка радна група поднеће Комисији први извештај до краја јуна 2027. године.", "commitment", []string{"RO", "RS"}, entente.Firm},
	} {
		out := x.Extract(doc + "1. Сарадња\n\n" + c.text + "\n")
		found := false
		for _, s := range out.Sentences {
			if s.Text != c.text {
				continue
			}
			found = true
			if string(s.Type) != c.typ || s.Strength != c.strength || !slices.Equal(s.Actors, c.actors) {
				t.Errorf("%s: %s/%s %v, want %s/%s %v", c.text, s.Type, s.Strength, s.Actors, c.typ, c.strength, c.actors)
			}
		}
		if !found {
			t.Errorf("%s: no such sentence", c.text)
		}
	}
}

// TestShortNameOfBody reads the short name a document gives a body right
// after naming it ((у даљем тексту: Комисија)): alone, with its capital, in
// any case, it names that body in a later sentence; a head word that was
// given no short name stays generic.
func TestShortNameOfBody(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const doc = "Протокол са Пете седнице Мешовите комисије за економску сарадњу између Владе Републике Србије и Владе Румуније\n\n" +
		"Пета седница Мешовите комисије за економску сарадњу између Владе Републике Србије и Владе Румуније (у даљем тексту: Комисија) одржана је у Београду.\n\n"
	for _, c := range []struct {
		doc, text string
		want      []string
	}{
		{doc, "Комисија је констатовала да је обим робне размене порастао.", []string{"Комисија"}},
		{doc, "Договорено је да се Шеста седница Комисије одржи у Букурешту.", []string{"Комисије"}},
		{"Protokol sa Pete sednice Mešovite komisije za ekonomsku saradnju između Vlade Republike Srbije i Vlade Rumunije\n\nPeta sednica Mešovite komisije za ekonomsku saradnju (u daljem tekstu: Komisija) održana je u Beogradu.\n\n",
			"Radna grupa podneće Komisiji izveštaj.", []string{"Komisiji"}},
		{"Protokol sa Pete sednice Mešovite komisije za ekonomsku saradnju između Vlade Republike Srbije i Vlade Rumunije\n\nPeta sednica Mešovite komisije za ekonomsku saradnju održana je u Beogradu.\n\n",
			"Komisija je konstatovala da je obim robne razmene porastao.", nil},
	} {
		out := x.Extract(c.doc + c.text + "\n")
		for _, s := range out.Sentences {
			if s.Text == c.text && !slices.Equal(s.Mechanisms, c.want) {
				t.Errorf("%s: mechanisms %q, want %q", c.text, s.Mechanisms, c.want)
			}
		}
	}
}
