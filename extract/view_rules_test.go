package extract

import "testing"

// TestSoftUndertakingInContent holds that a soft undertaking verb inside
// a view's content (stressed that they continue to…) is the parties'
// soft commitment when they are its subject, as a modal there is, and
// describes what is when something else is.
func TestSoftUndertakingInContent(t *testing.T) {
	parties := []string{"AE", "CN"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		{"The two sides stressed that they continue to give each other firm support on issues concerning national sovereignty.", "commitment", "soft", parties, "continue to", ""},
		{"The Chinese side stressed that it continues to support the UAE in hosting the exhibition.", "commitment", "soft", []string{"CN"}, "continues to", ""},
		{"The two sides agreed that they encourage their universities to open joint programmes.", "commitment", "soft", parties, "encourage", ""},
		// trade, not a party, continues: a view of what is
		{"The two sides noted that trade continues to grow.", "position", "", parties, "noted that", ""},
		// a present verb of the parties' other than an undertaking's describes
		{"The two sides noted that they cooperate closely in energy.", "position", "", parties, "noted that", ""},
	})
}

// TestOccasionEvaluated holds that the occasion the statement reports,
// joined by a copula to what it is (This visit is of far-reaching
// significance…), is the parties' appraisal of it, and that an occasion to
// come (the next meeting, the upcoming summit) is none.
func TestOccasionEvaluated(t *testing.T) {
	parties := []string{"AE", "CN"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		{"This visit is of far-reaching significance for promoting bilateral relations.", "appraisal", "", parties, "is", ""},
		{"The talks are a milestone in the relations between the two countries.", "appraisal", "", parties, "are", ""},
		{"The upcoming summit is an opportunity to deepen cooperation.", "position", "", parties, "is", ""},
		{"The next meeting is an occasion to review the plan.", "position", "", parties, "is", ""},
	})
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		{"Ova poseta ima dalekosežan značaj za unapređenje bilateralnih odnosa.", "appraisal", "", parties, "ima dalekosežan značaj", ""},
		{"Poseta predstavlja prekretnicu u odnosima dveju zemalja.", "appraisal", "", parties, "predstavlja", ""},
		{"Ова посета има историјски значај за две земље.", "appraisal", "", parties, "има историјски значај", ""},
		{"Sledeći sastanak predstavlja priliku za razmatranje plana.", "position", "", parties, "predstavlja", ""},
		{"Saradnja u oblasti energetike ima veliki značaj za obe zemlje.", "position", "", parties, "ima veliki značaj", ""},
	})
}

// TestAdverbPhraseBeforeVerb holds that a verb after an adverbial phrase of
// several words ("i dalje", still) is the clause's verb, though the
// phrase's last word alone may be an adjective before a noun (dalje
// korake, further steps): the parties' support stays their position.
func TestAdverbPhraseBeforeVerb(t *testing.T) {
	parties := []string{"KZ", "RS"}
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		{"Dve strane i dalje podržavaju napore Ujedinjenih nacija.", "position", "", parties, "podržavaju", ""},
		{"Две стране и даље подржавају напоре Уједињених нација.", "position", "", parties, "подржавају", ""},
		{"Dve strane takođe podržavaju napore Ujedinjenih nacija.", "position", "", parties, "podržavaju", ""},
		{"Dve strane će preduzeti dalje korake u saradnji.", "commitment", "firm", parties, "će", ""},
	})
}

// TestNotBound holds that a party not bound to what follows (Neither
// Participant is obliged to…, Nijedna Strana nije obavezna da…) is a limit
// the instrument sets, narrative, as 任何一方均无义务 is in Chinese, while
// the parties bound to act (are obliged to, su dužne da) undertake firmly.
func TestNotBound(t *testing.T) {
	parties := []string{"CL", "JP"}
	checkLabels(t, newTestSpaced(t, "en"), parties, []labelCase{
		{"Neither Participant is obliged to provide information whose disclosure is prohibited by its laws.", "narrative", "", nil, "Neither Participant is obliged", ""},
		{"Neither Party is under any obligation to fund the activities.", "narrative", "", nil, "Neither Party is under any obligation", ""},
		{"The Participants are not obliged to continue the cooperation.", "narrative", "", nil, "are not obliged", ""},
		{"The Participants are obliged to notify each other of any changes.", "commitment", "firm", parties, "are obliged to", ""},
	})
	checkLabels(t, newTestSpaced(t, "sr"), parties, []labelCase{
		{"Nijedna Strana nije obavezna da pruži informacije čije je otkrivanje zabranjeno njenim zakonima.", "narrative", "", nil, "nije obavezna", ""},
		{"Стране нису дужне да наставе сарадњу.", "narrative", "", nil, "нису дужне", ""},
		{"Strane su dužne da obaveste jedna drugu o svim promenama.", "commitment", "firm", parties, "su dužne da", ""},
	})
}
