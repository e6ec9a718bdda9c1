package entente

import (
	"slices"
	"strings"
)

// Vocabulary is a scale in which analysts publish where commitments stand,
// with the mapping of Entente's statuses onto it, so that an export can
// give each status in the scale a reader's field uses. The mapping is
// written here once; exports, the codebook and the documentation read it.
type Vocabulary struct {
	Code   string // as --vocabulary and ?vocabulary= take it
	Name   string
	Source string // who publishes the scale, and where it is described
	// Values are the scale's values in its order; a value's English label
	// is the scale's own wording.
	Values ValueList
	// Map gives each status its value's code; a status missing from it is
	// not on the scale (the export leaves the cell empty).
	Map map[Status]string
	// Notes say why a status maps as it does where that is a judgement.
	Notes map[Status]string
}

// Of returns the code of the value status s has on the scale, "" when it
// has none.
func (v *Vocabulary) Of(s Status) string { return v.Map[s] }

// Term returns the scale's own wording for status s, "" when it has none.
func (v *Vocabulary) Term(s Status) string {
	c := v.Of(s)
	if c == "" {
		return ""
	}
	return v.Values.Label(c, "en")
}

// VocabularyCodes lists the vocabularies' codes.
func VocabularyCodes() []string {
	var out []string
	for _, v := range Vocabularies() {
		out = append(out, v.Code)
	}
	return out
}

// FindVocabulary returns the vocabulary of code; "" (Entente's own
// statuses) is nil.
func FindVocabulary(code string) (*Vocabulary, error) {
	code = strings.ToLower(strings.TrimSpace(code))
	if code == "" {
		return nil, nil
	}
	vs := Vocabularies()
	if i := slices.IndexFunc(vs, func(v Vocabulary) bool { return v.Code == code }); i >= 0 {
		return &vs[i], nil
	}
	return nil, Errorf(EINVALID, "%q is not a status vocabulary: %s", code, strings.Join(VocabularyCodes(), ", "))
}

// Vocabularies are the scales an export can give statuses in.
func Vocabularies() []Vocabulary {
	return []Vocabulary{
		{
			Code: "g7", Name: "G7/G20 Research Group compliance scale",
			Source: "G7 Research Group and G20 Research Group, University of Toronto, compliance reports (methodology: " +
				"http://www.g7.utoronto.ca/compliance/); a member's compliance with a commitment scores +1, 0 or −1, " +
				"and a set's average score is also given as a percentage, (average + 1) / 2 × 100",
			Values: ValueList{
				value("full", "完全遵守（+1）", "+1 full compliance", "+1 potpuno ispunjenje"),
				value("partial", "部分遵守或仍在进行（0）", "0 partial compliance or work in progress", "0 delimično ispunjenje ili rad u toku"),
				value("non", "未遵守（−1）", "−1 non-compliance", "−1 neispunjenje"),
			},
			Map: map[Status]string{
				Fulfilled: "full", PartiallyFulfilled: "partial", InProgress: "partial",
				NotStarted: "non", Stalled: "non", Reversed: "non",
			},
			Notes: map[Status]string{
				NotRated:   "not scored: nobody has assessed it, which is not a failure to comply",
				Superseded: "not scored: a later commitment replaced it",
				InProgress: "0, as the Group scores work begun but not completed",
				Stalled:    "−1: what was begun stopped, so the commitment is not being complied with",
				Reversed:   "−1: action contrary to the commitment",
			},
		},
		{
			Code: "politifact", Name: "PolitiFact Promise Meter",
			Source: "PolitiFact's six ratings of a promise's progress (the Promise Meter of its promise trackers, " +
				"https://www.politifact.com/truth-o-meter/promises/); not the Truth-O-Meter, which rates claims",
			Values: ValueList{
				value("not_yet_rated", "尚未评级", "Not Yet Rated", "Još nije ocenjeno"),
				value("in_the_works", "进行中", "In the Works", "U pripremi"),
				value("stalled", "停滞", "Stalled", "Zastalo"),
				value("compromise", "部分兑现", "Compromise", "Kompromis"),
				value("promise_kept", "兑现承诺", "Promise Kept", "Obećanje ispunjeno"),
				value("promise_broken", "违背承诺", "Promise Broken", "Obećanje prekršeno"),
			},
			Map: map[Status]string{
				NotRated: "not_yet_rated", NotStarted: "not_yet_rated", InProgress: "in_the_works", Stalled: "stalled",
				PartiallyFulfilled: "compromise", Fulfilled: "promise_kept", Reversed: "promise_broken",
			},
			Notes: map[Status]string{
				NotStarted:         "Not Yet Rated: every promise keeps that rating until there is evidence of progress, or that it stalled or was broken",
				PartiallyFulfilled: "Compromise: accomplished substantially less than promised, but something",
				Reversed:           "Promise Broken: action contrary to the promise",
				Superseded:         "no rating: the promise was replaced by a later one, which is neither kept nor broken",
			},
		},
		{
			Code: "ogp", Name: "OGP Independent Reporting Mechanism completion levels",
			Source: "Open Government Partnership, Independent Reporting Mechanism (IRM), the completion of a commitment " +
				"in its implementation and results reports (https://www.opengovpartnership.org/irm-guidance-overview/)",
			Values: ValueList{
				value("not_started", "未启动", "Not started", "Nije započeto"),
				value("limited", "有限", "Limited", "Ograničeno"),
				value("substantial", "实质性", "Substantial", "Znatno"),
				value("complete", "完成", "Complete", "Završeno"),
				value("withdrawn", "撤回", "Withdrawn", "Povučeno"),
			},
			Map: map[Status]string{
				NotStarted: "not_started", InProgress: "limited", Stalled: "limited", PartiallyFulfilled: "substantial",
				Fulfilled: "complete", Reversed: "not_started", Superseded: "withdrawn",
			},
			Notes: map[Status]string{
				NotRated:   "no level: not assessed (the IRM assesses every commitment; a blank says nobody here has)",
				InProgress: "Limited: begun, not yet substantial",
				Stalled:    "Limited: begun, then stopped",
				Reversed:   "Not started: action contrary to the commitment completes none of it",
				Superseded: "Withdrawn: replaced by a later commitment, no longer pursued as written",
			},
		},
	}
}
