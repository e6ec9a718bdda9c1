package entente

import "time"

// VersionLink says that two stored documents are versions of one statement
// (the same text in two languages or scripts), or, when Linked is false,
// that an analyst said they are not, which keeps the matcher at ingest
// from linking them again.
type VersionLink struct {
	// Document is the document the link was read from; Other the one it
	// links to, with what a list of versions shows of it.
	Document int64     `json:"document"`
	Other    int64     `json:"other"`
	Title    string    `json:"title"`
	Language string    `json:"language"`
	Linked   bool      `json:"linked"`
	Origin   string    `json:"origin"` // LinkAuto or LinkManual
	Reason   string    `json:"reason"`
	Actor    string    `json:"actor"`
	At       time.Time `json:"at"`
}

// Who decided a version link.
const (
	LinkAuto   = "auto"   // the matcher at ingest (align.Versions)
	LinkManual = "manual" // an analyst
)

// Outline is what the version matcher compares of an extraction besides
// its document's heading (align.VersionsOf): the ids of its sections, in
// order, and how many sentences it has. A stored candidate's is read
// without its sentences.
type Outline struct {
	Sections  []string
	Sentences int
}

// OutlineOf returns x's outline.
func OutlineOf(x *Extraction) Outline {
	o := Outline{Sentences: len(x.Sentences)}
	for _, s := range x.Sections {
		o.Sections = append(o.Sections, s.ID)
	}
	return o
}
