package extract

import "testing"

// TestStrategicPartnershipStatementRules holds the readings a Serbian joint
// statement establishing a strategic partnership taught (the Serbia–China
// statement of 2009), in sentences of our own in both scripts: an
// evaluation in the past adverbial participle (visoko ocenivši), the talks
// conducted (obavili su razgovore, razmenu mišljenja), and a thing agreed to
// be what it is (saglasile su se da X predstavlja Y): a view, not an act.
func TestStrategicPartnershipStatementRules(t *testing.T) {
	parties := []string{"CN", "RS"}
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		// the participle evaluates as the finite verb does
		{"Dve strane su razmotrile razvoj bilateralnih odnosa, visoko ocenivši postignute rezultate.", "appraisal", "", parties, "visoko ocenivši", ""},
		{"Две стране су размотриле стање односа, високо оценивши постигнуте резултате.", "appraisal", "", parties, "високо оценивши", ""},
		{"Ministri su razmotrili saradnju u oblasti trgovine, pozdravivši rast robne razmene.", "appraisal", "", parties, "pozdravivši", ""},
		// an undertaking beside it still makes the sentence a commitment
		{"Strane su, pozdravivši potpisivanje sporazuma, saglasile se da nastave pregovore.", "commitment", "firm", parties, "saglasile", ""},
		// the talks conducted: narrative, the exchange of views they held no act to come
		{"Tokom posete, dvojica predsednika obavila su iscrpnu razmenu mišljenja u prijateljskoj atmosferi.", "narrative", "", nil, "obavila", ""},
		{"Министри су обавили разговоре о билатералним односима.", "narrative", "", nil, "обавили", ""},
		// the parties' exchange of views to come stays theirs
		{"Strane će nastaviti razmenu mišljenja o regionalnim pitanjima.", "commitment", "firm", parties, "će", ""},
		// a thing named and what it is, agreed on: a view
		{"Takođe su se saglasile da tradicionalno prijateljstvo dva naroda predstavlja čvrstu osnovu za dalje jačanje odnosa.", "position", "", parties, "saglasile", ""},
		{"Стране су се сагласиле да сарадња у области енергетике има велики значај за обе земље.", "position", "", parties, "сагласиле", ""},
		// an act agreed on, its subject left out, still undertakes
		{"Strane su se saglasile da predstavljaju zajednički stav na konferenciji.", "commitment", "firm", parties, "saglasile", ""},
		{"Strane su se saglasile da prošire saradnju u oblasti energetike.", "commitment", "firm", parties, "saglasile", ""},
	})
}

// TestRelationsGrowthAreas: the growth of the relations (razvoj
// bilateralnih odnosa) is the relationship's, not an economy's development,
// and what is in the two countries' fundamental interest benefits them: no
// core interest defended. A development plan and core interests keep theirs.
func TestRelationsGrowthAreas(t *testing.T) {
	checkLangAreas(t, []langAreaCase{
		{"sr", "CN,RS", "Dve strane su naglasile da različiti modeli razvoja ne predstavljaju prepreku razvoju međudržavnih odnosa.", "political"},
		{"sr", "CN,RS", "Strane ističu da je iskustvo stečeno u uspešnom razvoju bilateralnih veza dragoceno.", "political"},
		{"sr", "CN,RS", "Стране истичу значај развоја билатералних односа.", "political"},
		{"sr", "CN,RS", "Dve strane su istakle da je produbljivanje prijateljskih odnosa suštinski interes dve zemlje.", "political"},
		{"sr", "CN,RS", "Strane smatraju da je jačanje saradnje u suštinskom interesu naroda dveju zemalja.", "political"},
		// the development of an economy and core interests keep their fields
		{"sr", "CN,RS", "Strane ističu značaj razvoja privrede.", "development"},
		{"sr", "CN,RS", "Strane podržavaju jedna drugu u zaštiti suštinskih interesa.", "sovereignty"},
		{"sr", "CN,RS", "Srpska strana podržava suštinske interese kineske strane.", "sovereignty"},
	})
}

// TestLeadSpanDatesNothing: a lead that gives only the span of a visit (od
// 19. do 25. avgusta 2009.) dates no statement, its last day no more than
// its first; a lead with one day still dates it.
func TestLeadSpanDatesNothing(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const title = "Zajednička izjava Republike Srbije i Narodne Republike Kine o uspostavljanju strateškog partnerstva\n\n"
	for _, tc := range []struct{ lead, want string }{
		{"Na poziv predsednika Narodne Republike Kine, predsednik Republike Srbije boravio je u državnoj poseti Kini od 19. do 25. avgusta 2009. godine.", ""},
		{"Председник Републике Србије боравио је у државној посети Кини од 19. до 25. августа 2009. године.", ""},
		{"Predsednik Republike Srbije boravio je u poseti Kini od 30. jula do 2. avgusta 2009. godine.", ""},
		{"Predsednici su se sastali 8. maja 2024. godine u Beogradu.", "2024-05-08"},
		// a deadline's "do" with no span's opening is no span
		{"Predsednici su se sastali u Beogradu 8. maja 2024. godine i dogovorili se da do 30. juna 2025. godine otvore centar.", "2024-05-08"},
	} {
		t.Run(tc.lead, func(t *testing.T) {
			got := x.Extract(title + tc.lead + "\n\nDve strane su odlučile da uspostave strateško partnerstvo.\n")
			if d := deref(got.Document.SignedDate); d != tc.want {
				t.Errorf("signed %q, want %q", d, tc.want)
			}
		})
	}
}
