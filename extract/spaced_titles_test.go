package extract

import (
	"strings"
	"testing"

	"github.com/entente/entente/lexicon"
)

// TestSerbianTitlesInBothScripts builds a title from every Serbian
// document-kind phrase and checks that the layout takes it as the title,
// with its kind, in Latin and in Cyrillic. The titles are over 80
// characters, so only the title words can make them the title (a short
// first line is taken anyway). The title words are matched as written, and
// a Cyrillic prefix cut before a digraph letter (саопштен for saopšten,
// where the word is саопштење) never matched.
func TestSerbianTitlesInBothScripts(t *testing.T) {
	tab, err := lexicon.Load("sr")
	if err != nil {
		t.Fatal(err)
	}
	x := newTestSpaced(t, "sr")
	for _, e := range tab.Entries("document-kind") {
		latin := strings.ReplaceAll(e.Text, "*", "e") // zajedničk* izjav* → zajednička… close enough to be read
		latin = strings.ToUpper(latin[:1]) + latin[1:] + " predsednika Republike Srbije i predsednika Republike Makedonije"
		for _, title := range []string{latin, serbianCyrillic.Replace(latin)} {
			text := title + "\n\nDve strane će otvoriti nove letove.\n"
			d := x.Extract(text).Document
			if d.Title != title || string(d.Kind) != e.Value {
				t.Errorf("%s: title %q (%s), want %q (%s)", e, d.Title, d.Kind, title, e.Value)
			}
		}
	}
}

// serbianCyrillic writes Serbian Latin in Cyrillic, the digraphs lj, nj and
// dž as one letter each.
var serbianCyrillic = func() *strings.Replacer {
	pairs := []string{"Lj", "Љ", "lj", "љ", "Nj", "Њ", "nj", "њ", "Dž", "Џ", "dž", "џ"}
	lat := []rune("ABVGDĐEŽZIJKLMNOPRSĆTUFHCČŠabvgdđežzijklmnoprsćtufhcčš")
	cyr := []rune("АБВГДЂЕЖЗИЈКЛМНОПРСЋТУФХЦЧШабвгдђежзијклмнопрсћтуфхцчш")
	for i := range lat {
		pairs = append(pairs, string(lat[i]), string(cyr[i]))
	}
	return strings.NewReplacer(pairs...)
}()
