package extract

import (
	"strings"
	"testing"
)

// TestConsultationsAreas holds the field a memorandum on political
// consultations between foreign ministries shows, in Serbian of our own in
// both scripts: consultations, consultative meetings and the international
// issues whose views they exchange are the political dialogue when nothing
// else names a field; a field named beside them (consular, energy, a
// resolution, a sea) is the sentence's, not the dialogue's.
func TestConsultationsAreas(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"sr", "GH,RS", "Консултације из члана 1. одржаваће се наизменично у Београду и Акри.", "political"},
		{"sr", "GH,RS", "Konsultativni sastanci održavaće se na ministarskom nivou ili na nivou državnih sekretara.", "political"},
		{"sr", "GH,RS", "Стране ће датум, место и дневни ред консултација припремати и потврђивати унапред.", "political"},
		{"sr", "GH,RS", "Strane će redovno održavati konsultacije o bilateralnim pitanjima i razmenjivati mišljenja o međunarodnim pitanjima od zajedničkog interesa.", "political"},
		// a named field wins over the dialogue's weak word
		{"sr", "GE,RS", "Стране ће одржати конзуларне консултације у другој половини 2027. године ради разматрања услова путовања држављана две државе.", "people"},
		{"sr", "AE,RS", "Strane će unaprediti mehanizam redovnih konsultacija ministarstava energetike.", "energy"},
		// international organisations stay the international order
		{"sr", "GE,RS", "Стране ће сарађивати у међународним организацијама.", "international_order"},
	})
}

// TestConsultationsAreasInMemorandum: in a memorandum, an article with no
// area word sets out procedure and names none; consultations named in it
// are the political dialogue the memorandum sets up, a field of their own.
func TestConsultationsAreasInMemorandum(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const mou = "Меморандум о разумевању о политичким консултацијама између Министарства спољних послова Републике Србије и Министарства спољних послова Републике Гане\n\n"
	for _, tc := range []struct{ text, want string }{
		{"Консултације из члана 1. одржаваће се наизменично у Београду и Акри.", "political"},
		{"Уз претходну сагласност Страна, консултативни састанци одржаваће се на министарском нивоу.", "political"},
		{"Стране ће датум, место и дневни ред консултација припремати унапред, дипломатским каналима.", "political"},
		// procedure with no consultations named still names no area
		{"Стране ће датум, место и дневни ред састанака припремати унапред, дипломатским каналима.", ""},
	} {
		t.Run(tc.text, func(t *testing.T) {
			got := x.Extract(mou + tc.text + "\n")
			if len(got.Sentences) != 1 {
				t.Fatalf("%d sentences, want 1", len(got.Sentences))
			}
			if s := got.Sentences[0]; strings.Join(s.Areas, ",") != tc.want {
				t.Errorf("areas %v, want %q (%+v)", s.Areas, tc.want, s.Rationale.Areas)
			}
		})
	}
}
