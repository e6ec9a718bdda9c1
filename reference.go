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
		value(string(RefJointStatement), "联合声明", "joint statement"),
		value(string(RefAgreement), "协定", "agreement"),
		value(string(RefMoU), "谅解备忘录", "memorandum of understanding"),
		value(string(RefActionPlan), "行动计划", "action plan"),
		value(string(RefDeclaration), "宣言", "declaration"),
		value(string(RefInitiative), "倡议", "initiative"),
		value(string(RefResolution), "决议", "resolution"),
		value(string(RefCharter), "宪章", "charter"),
		value(string(RefPlan), "规划", "plan"),
		value(string(RefOther), "其他", "other"),
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
