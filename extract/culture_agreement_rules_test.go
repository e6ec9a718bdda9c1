package extract

import "testing"

// TestFieldsNamedBeforeInField: in an instrument whose title names its
// field, an undertaking with no area word of its own that points back to
// the fields (koje se bave gore spomenutim oblastima, u navedenim
// oblastima) is in the title's field; an instrument whose title names no
// field, and an undertaking that does not point back to the fields, keep
// none (procedure).
func TestFieldsNamedBeforeInField(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const (
		culture  = "Sporazum između Vlade Republike Srbije i Vlade Republike Poljske o saradnji u oblasti kulture, obrazovanja i nauke\n\n"
		cultureC = "Споразум између Владе Републике Србије и Владе Републике Пољске о сарадњи у области културе, образовања и науке\n\n"
		police   = "Memorandum o razumevanju o policijskoj saradnji između Ministarstva unutrašnjih poslova Republike Srbije i Ministarstva unutrašnjih poslova Mađarske\n\n"
		bare     = "Sporazum između Vlade Republike Srbije i Vlade Republike Kipar\n\n"
	)
	for _, tc := range []struct{ doc, text, want string }{
		{culture, "U tom cilju, Strane će podsticati inicijative za razvijanje neposrednih kontakata koje će preduzimati javne ustanove i druge institucije i organizacije koje se bave gore spomenutim oblastima.", "people,science"},
		{cultureC, "У том циљу, Стране ће подстицати иницијативе за развијање непосредних контаката које ће предузимати јавне установе и друге институције и организације које се баве горе споменутим областима.", "people,science"},
		{culture, "Strane će razmenjivati stručnjake u navedenim oblastima.", "people,science"},
		{police, "Strane će razmenjivati stručnjake u navedenim oblastima.", "security"},
		// no field in the title: the fields pointed back to are unknown
		{bare, "Strane će razmenjivati stručnjake u navedenim oblastima.", ""},
		// no word pointing back to the fields: procedure, no area
		{culture, "Strane će se sastajati najmanje jednom godišnje.", ""},
	} {
		t.Run(tc.text, func(t *testing.T) { checkOnlySentenceAreas(t, x, tc.doc+tc.text+"\n", tc.want) })
	}
}

// TestRunningPreambleAgreesFirmly: a treaty-style preamble written as one
// running sentence, its recitals opened in lower case after the parties'
// designation (…, u daljem tekstu Strane, u želji da…, u uverenju da…,),
// ends in its main clause (saglasile su se o sledećem:), read on its own:
// agreeing as follows is firm, as after recitals opened by capitals. A
// lead-in whose verb is no party's agreement keeps its own modal.
func TestRunningPreambleAgreesFirmly(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const doc = "Sporazum između Vlade Republike Srbije i Vlade Republike Poljske o saradnji u oblasti kulture, obrazovanja i nauke\n\n"
	for _, tc := range []struct{ text, want string }{
		{"Vlada Republike Srbije i Vlada Republike Poljske, u daljem tekstu Strane, u želji da razvijaju i učvrste sveobuhvatnu saradnju između Republike Srbije i Republike Poljske,\n\nu uverenju da saradnja u oblasti kulture doprinosi prijateljstvu dva naroda,\n\nsaglasile su se o sledećem:", "firm"},
		{"Влада Републике Србије и Влада Републике Пољске, у даљем тексту Стране, у жељи да развијају и учврсте свеобухватну сарадњу,\n\nдоговориле су се о следећем:", "firm"},
		{"Vlada Republike Srbije i Vlada Republike Poljske (u daljem tekstu: Strane),\n\nU želji da razvijaju saradnju u oblasti kulture,\n\nsaglasile su se o sledećem:", "firm"},
		// the main clause's verb is no party's agreement: its own modal
		{"Strane, u želji da prošire saradnju u oblasti kulture, nastojaće da razviju sledeće oblike saradnje:", "intent"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			got := x.Extract(doc + tc.text + "\n")
			if len(got.Sentences) != 1 {
				t.Fatalf("%d sentences, want 1", len(got.Sentences))
			}
			if s := got.Sentences[0]; string(s.Strength) != tc.want {
				t.Errorf("strength %q, want %q (%s %+v)", s.Strength, tc.want, s.Type, s.Rationale)
			}
		})
	}
}
