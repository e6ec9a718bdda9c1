package extract

import (
	"strings"
	"testing"
)

// TestProtocolAreas holds the field of a memorandum on cooperation in
// protocol between foreign ministries, in Serbian of our own in both
// scripts: protocol practice and the high dignitaries whose visits it
// serves are the parties' political exchanges; digital and personal
// communication is the means of contact, no field of its own, while a
// digital field named outright stays digital.
func TestProtocolAreas(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"sr", "GQ,RS", "Током програма, стране ће разменити мишљења о питањима у вези са протоколарним пословима.", "political"},
		{"sr", "GQ,RS", "Strane će razmenjivati iskustva o protokolarnim praksama.", "political"},
		{"sr", "GQ,RS", "Стране ће контактирати једна другу пре посете високих званица.", "political"},
		{"sr", "GQ,RS", "Strane će se obaveštavati o potrebama visokih zvanica kroz digitalnu i ličnu komunikaciju.", "political"},
		{"sr", "GQ,RS", "Органи Страна ће одржавати размену информација о протоколарним праксама, кроз дигиталну и личну комуникацију.", "political"},
		// a digital field named outright is still the digital economy's
		{"sr", "CN,RS", "Strane će razvijati saradnju u oblasti digitalne ekonomije.", "digital"},
	})
}

// TestInstrumentLeadInAndTrainingInField: in an instrument whose title
// names its field, the lead-in that undertakes and names no area of its
// own (Сагласиле су се о следећем:) agrees on that field, and training with
// no other area word trains that field's staff; an instrument whose title
// names no field leaves the lead-in with none (procedure), and training
// in a statement is the people's.
func TestInstrumentLeadInAndTrainingInField(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const (
		protocol = "Меморандум о разумевању о сарадњи у области протокола између Министарства спољних послова Републике Србије и Министарства спољних послова и сарадње Републике Екваторијалне Гвинеје\n\n"
		sport    = "Memorandum o razumevanju između Ministarstva sporta Republike Srbije i Ministarstva sporta i rekreacije Demokratske Republike Kongo u oblasti sporta\n\n"
		police   = "Memorandum o razumevanju o policijskoj saradnji između Ministarstva unutrašnjih poslova Republike Srbije i Ministarstva unutrašnjih poslova Mađarske\n\n"
		bare     = "Sporazum između Vlade Republike Srbije i Vlade Republike Kipar\n\n"
		stmt     = "Zajednička izjava predsednika Republike Srbije i predsednika Republike Kipar\n\n"
	)
	for _, tc := range []struct{ doc, text, want string }{
		{protocol, "Сагласиле су се о следећем:", "political"},
		{sport, "DOGOVORILE SU SE O SLEDEĆEM:", "people"},
		{police, "Strane su se saglasile o sledećem:", "security"},
		{bare, "Sporazumele su se o sledećem:", ""},
		{protocol, "Стране ће подстицати програме обуке лицем у лице најмање сваке две године.", "political"},
		{police, "Strane će organizovati programe obuke.", "security"},
		{stmt, "Strane će organizovati programe obuke.", "people"},
	} {
		t.Run(tc.text, func(t *testing.T) { checkOnlySentenceAreas(t, x, tc.doc+tc.text+"\n", tc.want) })
	}
}

// TestPartiesTermNotAuthor: after an instrument's head, the parties'
// defined term in the genitive (organi Protokola Strana: the parties'
// protocol service) says whose it is, no author of a cited title, as the
// Security Council is of its resolution.
func TestPartiesTermNotAuthor(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const mou = "Memorandum o razumevanju o saradnji u oblasti protokola između Ministarstva spoljnih poslova Republike Srbije i Ministarstva spoljnih poslova Republike Ekvatorijalne Gvineje\n\n"
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Релевантни органи Протокола Страна ће одржавати активну размену информација.", nil},
		{"Relevantni organi Protokola Strane razmenjivaće informacije.", nil},
		{"Strane podržavaju Rezoluciju 1244 Saveta bezbednosti.", []string{"Rezoluciju 1244 Saveta bezbednosti"}},
	} {
		t.Run(tc.text, func(t *testing.T) {
			got := x.Extract(mou + tc.text + "\n")
			var titles []string
			for _, r := range got.References {
				titles = append(titles, r.Title)
			}
			if strings.Join(titles, "|") != strings.Join(tc.want, "|") {
				t.Errorf("references %q, want %q", titles, tc.want)
			}
		})
	}
}

// checkOnlySentenceAreas extracts text, which must hold one sentence, and
// checks its areas (joined by commas) against want.
func checkOnlySentenceAreas(t *testing.T, x *Spaced, text, want string) {
	t.Helper()
	got := x.Extract(text)
	if len(got.Sentences) != 1 {
		t.Fatalf("%d sentences, want 1", len(got.Sentences))
	}
	if s := got.Sentences[0]; strings.Join(s.Areas, ",") != want {
		t.Errorf("areas %v, want %q (%+v)", s.Areas, want, s.Rationale.Areas)
	}
}
