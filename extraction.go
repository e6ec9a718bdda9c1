// Package entente holds the domain types of Entente: what one statement
// yields once it has been understood. Every stage (structure, extract, and
// later store and serve) speaks these types; this package imports nothing of
// the project and no outside system.
package entente

// Extraction is everything Entente reads out of one document, in the shape of
// the extraction contract (shared/spec/extraction.md). Fields beyond the
// contract (evidence, offsets) are additions the contract welcomes.
type Extraction struct {
	Document   Document    `json:"document"`
	Sections   []Section   `json:"sections"`
	Sentences  []Sentence  `json:"sentences"`
	References []Reference `json:"references"`
	Mechanisms []Entity    `json:"mechanisms"`
	Projects   []Entity    `json:"projects"`
	// Warnings say what the reader could not do (a language it has no
	// rules for), so that nothing is labelled silently.
	Warnings []string `json:"warnings,omitempty"`
}

// Document is the metadata of one statement.
type Document struct {
	Title              string      `json:"title"`
	Kind               Kind        `json:"kind"`
	Language           string      `json:"language"`
	Parties            []string    `json:"parties"`
	SignedDate         *string     `json:"signed_date" nullable:"true"`
	SignedPlace        *string     `json:"signed_place" nullable:"true"`
	Signatories        []Signatory `json:"signatories"`
	AuthenticLanguages []string    `json:"authentic_languages"`
	// NewsDateline is an agency dateline such as (新华社贝尔格莱德5月8日电):
	// metadata, never a sentence.
	NewsDateline string `json:"news_dateline,omitempty"`
}

// Kind is the kind of a document.
type Kind string

// Document kinds of the contract.
const (
	KindJointStatement Kind = "joint_statement"
	KindAgreement      Kind = "agreement"
	KindMoU            Kind = "mou"
	KindActionPlan     Kind = "action_plan"
	KindCommunique     Kind = "communique"
	KindDeclaration    Kind = "declaration"
	KindOther          Kind = "other"
)

// Signatory is one person who signed, with the office as written.
type Signatory struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Party string `json:"party,omitempty"`
}

// Section is a numbered article, the preamble or the closing. ID is
// "preamble", "closing" or the article's number in Arabic digits; Heading is
// the number as written (一, 12, IV).
type Section struct {
	ID      string `json:"id"`
	Heading string `json:"heading,omitempty"`
	// Title is an article's own heading text, when it has one (一、政治互信).
	Title string `json:"title,omitempty"`
}

// Section ids that are not numbers.
const (
	SectionPreamble = "preamble"
	SectionClosing  = "closing"
)
