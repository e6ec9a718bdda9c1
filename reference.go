package entente

// Reference is an instrument (agreement, MoU, plan, resolution…) that the
// document cites by title.
type Reference struct {
	Title     string        `json:"title"`
	Bracketed bool          `json:"bracketed"`
	Kind      ReferenceKind `json:"kind"`
	Year      *int          `json:"year" nullable:"true"`
	Sentences []string      `json:"sentences"`
}

// ReferenceKind is the kind of a cited instrument.
type ReferenceKind string

// Kinds of cited instruments.
const (
	RefJointStatement ReferenceKind = "joint_statement"
	RefAgreement      ReferenceKind = "agreement"
	RefMoU            ReferenceKind = "mou"
	RefActionPlan     ReferenceKind = "action_plan"
	RefDeclaration    ReferenceKind = "declaration"
	RefInitiative     ReferenceKind = "initiative"
	RefResolution     ReferenceKind = "resolution"
	RefCharter        ReferenceKind = "charter"
	RefPlan           ReferenceKind = "plan"
	RefOther          ReferenceKind = "other"
)

// Entity is a named mechanism or project with the sentences that mention it.
type Entity struct {
	Name      string   `json:"name"`
	Sentences []string `json:"sentences"`
}

// ReferenceKinds are the kinds of cited instrument, with their labels.
func ReferenceKinds() ValueList {
	return ValueList{
		value(string(RefJointStatement), "联合声明", "joint statement", "zajednička izjava"),
		value(string(RefAgreement), "协定", "agreement", "sporazum"),
		value(string(RefMoU), "谅解备忘录", "memorandum of understanding", "memorandum o razumevanju"),
		value(string(RefActionPlan), "行动计划", "action plan", "akcioni plan"),
		value(string(RefDeclaration), "宣言", "declaration", "deklaracija"),
		value(string(RefInitiative), "倡议", "initiative", "inicijativa"),
		value(string(RefResolution), "决议", "resolution", "rezolucija"),
		value(string(RefCharter), "宪章", "charter", "povelja"),
		value(string(RefPlan), "规划", "plan", "planski dokument"),
		value(string(RefOther), "其他", "other", "drugo"),
	}
}

// VersionCitation is an instrument one version cites, with the registry
// entry it was filed under and the stored document that entry is (0 for
// none), so that an export can link the citation.
type VersionCitation struct {
	Title      string
	EntryID    int64
	DocumentID int64
}
