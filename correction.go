package entente

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// Correction is an analyst's change to an extracted field of a sentence
// (keyed to its anchor, so that it survives re-extraction) or to a
// document's metadata. It is stored apart from the extractor's output and
// applied on top of it wherever the output is read.
type Correction struct {
	ID int64 `json:"id"`
	// Ref names the correction across its two kinds: c12 for a sentence's,
	// d3 for a document's metadata.
	Ref        string  `json:"ref"`
	DocumentID int64   `json:"document_id"`
	Anchor     *Anchor `json:"anchor,omitempty"`   // nil for a document's metadata
	Sentence   string  `json:"sentence,omitempty"` // the sentence's id (sN) when the correction was made
	Field      string  `json:"field"`
	// Extracted is the value the extractor gave, Value the analyst's; both
	// JSON.
	Extracted json.RawMessage `json:"extracted"`
	Value     json.RawMessage `json:"value"`
	State     string          `json:"state"` // proposed, approved, rejected
	// Flag is set when a re-extraction changed the extracted value under
	// the correction ("changed") or the sentence is gone ("anchor_gone"):
	// the correction stays and waits for review.
	Flag       string    `json:"flag,omitempty"`
	Actor      string    `json:"actor"`
	CreatedAt  time.Time `json:"created_at"`
	ReviewedBy string    `json:"reviewed_by,omitempty"`
	ReviewedAt time.Time `json:"reviewed_at,omitzero"`
	Withdrawn  bool      `json:"withdrawn"`
	Why        string    `json:"why,omitempty"`
}

// States of a correction.
const (
	CorrectionProposed = "proposed" // waits for an editor's approval
	CorrectionApproved = "approved" // applied
	CorrectionRejected = "rejected"
)

// Flags of a correction after a re-extraction.
const (
	FlagChanged    = "changed"
	FlagAnchorGone = "anchor_gone"
)

// Active reports whether the correction is applied on top of the output.
func (c *Correction) Active() bool { return c.State == CorrectionApproved && !c.Withdrawn }

// SentenceFields are the fields of a sentence a correction may change.
var SentenceFields = []string{"type", "actors", "strength", "areas", "deadline", "references", "mechanisms", "projects"}

// DocumentFields are the metadata fields a correction may change.
var DocumentFields = []string{"title", "kind", "parties", "date", "place", "language"}

var sentenceTypes = []SentenceType{Commitment, Position, Appraisal, Narrative}

// CheckSentenceValue checks that raw is a valid value of field and returns
// it in canonical JSON.
func CheckSentenceValue(field string, raw json.RawMessage) (json.RawMessage, error) {
	var s Sentence
	if err := setSentenceField(&s, field, raw); err != nil {
		return nil, err
	}
	return SentenceField(&s, field)
}

// CheckDocumentValue checks that raw is a valid value of a metadata field
// and returns it in canonical JSON.
func CheckDocumentValue(field string, raw json.RawMessage) (json.RawMessage, error) {
	var d Document
	if err := setDocumentField(&d, field, raw); err != nil {
		return nil, err
	}
	return DocumentField(&d, field)
}

// SentenceField returns the value of a sentence's field as canonical JSON.
func SentenceField(s *Sentence, field string) (json.RawMessage, error) {
	var v any
	switch field {
	case "type":
		v = s.Type
	case "actors":
		v = nonNilStrings(s.Actors)
	case "strength":
		v = s.Strength
	case "areas":
		v = nonNilStrings(s.Areas)
	case "deadline":
		v = s.Deadline
	case "references":
		v = nonNilStrings(s.References)
	case "mechanisms":
		v = nonNilStrings(s.Mechanisms)
	case "projects":
		v = nonNilStrings(s.Projects)
	default:
		return nil, Errorf(EINVALID, "a sentence has no field %q (one of %v)", field, SentenceFields)
	}
	return json.Marshal(v)
}

// DocumentField returns the value of a metadata field as canonical JSON.
func DocumentField(d *Document, field string) (json.RawMessage, error) {
	var v any
	switch field {
	case "title":
		v = d.Title
	case "kind":
		v = d.Kind
	case "parties":
		v = nonNilStrings(d.Parties)
	case "date":
		v = d.SignedDate
	case "place":
		v = d.SignedPlace
	case "language":
		v = d.Language
	default:
		return nil, Errorf(EINVALID, "a document has no field %q (one of %v)", field, DocumentFields)
	}
	return json.Marshal(v)
}

// ApplyTo sets the corrected field of s, if c is an active sentence
// correction.
func (c *Correction) ApplyTo(s *Sentence) error {
	// a segmentation is applied to the stored sentences themselves (the
	// store splits and joins them), not on top of one sentence's labels
	if !c.Active() || c.Anchor == nil || c.Field == FieldSegmentation {
		return nil
	}
	return setSentenceField(s, c.Field, c.Value)
}

// ApplyToDocument sets the corrected field of d, if c is an active
// metadata correction.
func (c *Correction) ApplyToDocument(d *Document) error {
	if !c.Active() || c.Anchor != nil {
		return nil
	}
	return setDocumentField(d, c.Field, c.Value)
}

func setSentenceField(s *Sentence, field string, raw json.RawMessage) error {
	bad := func(want string) error { return Errorf(EINVALID, "%s must be %s", field, want) }
	switch field {
	case "type":
		var t SentenceType
		if json.Unmarshal(raw, &t) != nil || !slices.Contains(sentenceTypes, t) {
			return bad(`one of "commitment", "position", "appraisal", "narrative"`)
		}
		s.Type = t
		if t != Commitment {
			s.Strength = ""
		}
	case "strength":
		var p *string
		if json.Unmarshal(raw, &p) != nil {
			return bad(`"firm", "intent", "soft" or null`)
		}
		if p == nil {
			s.Strength = ""
			return nil
		}
		st := Strength(*p)
		if st.Rank() == 0 {
			return bad(`"firm", "intent", "soft" or null`)
		}
		s.Strength = st
	case "deadline":
		var p *string
		if json.Unmarshal(raw, &p) != nil || (p != nil && (*p == "" || len(*p) > 200)) {
			return bad("a deadline as written (up to 200 bytes) or null")
		}
		s.Deadline = p
	case "actors", "areas", "references", "mechanisms", "projects":
		var l []string
		if json.Unmarshal(raw, &l) != nil || len(l) > 100 {
			return bad("a list of up to 100 strings")
		}
		for _, x := range l {
			if x == "" || len(x) > 300 {
				return bad("a list of non-empty strings of up to 300 bytes")
			}
		}
		l = nonNilStrings(l)
		switch field {
		case "actors":
			s.Actors = l
		case "areas":
			s.Areas = l
		case "references":
			s.References = l
		case "mechanisms":
			s.Mechanisms = l
		case "projects":
			s.Projects = l
		}
	default:
		return Errorf(EINVALID, "a sentence has no field %q (one of %v)", field, SentenceFields)
	}
	return nil
}

func setDocumentField(d *Document, field string, raw json.RawMessage) error {
	bad := func(want string) error { return Errorf(EINVALID, "%s must be %s", field, want) }
	switch field {
	case "title", "language":
		var v string
		if json.Unmarshal(raw, &v) != nil || v == "" || len(v) > 1000 {
			return bad("a non-empty string")
		}
		if field == "title" {
			d.Title = v
		} else {
			d.Language = v
		}
	case "kind":
		var k Kind
		kinds := []Kind{KindJointStatement, KindAgreement, KindMoU, KindActionPlan, KindCommunique, KindDeclaration, KindOther}
		if json.Unmarshal(raw, &k) != nil || !slices.Contains(kinds, k) {
			return bad(fmt.Sprintf("one of %v", kinds))
		}
		d.Kind = k
	case "parties":
		var l []string
		if json.Unmarshal(raw, &l) != nil || len(l) > 100 {
			return bad("a list of party codes")
		}
		d.Parties = nonNilStrings(l)
	case "date":
		var p *string
		if json.Unmarshal(raw, &p) != nil || (p != nil && !isISODate(*p)) {
			return bad("a date YYYY-MM-DD or null")
		}
		d.SignedDate = p
	case "place":
		var p *string
		if json.Unmarshal(raw, &p) != nil {
			return bad("a string or null")
		}
		d.SignedPlace = p
	default:
		return Errorf(EINVALID, "a document has no field %q (one of %v)", field, DocumentFields)
	}
	return nil
}

// isISODate reports whether s is a valid date YYYY-MM-DD.
func isISODate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func nonNilStrings(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// CorrectionRef names a correction: c for a sentence's, d for a document's.
func CorrectionRef(document bool, id int64) string {
	if document {
		return fmt.Sprintf("d%d", id)
	}
	return fmt.Sprintf("c%d", id)
}

// ParseCorrectionRef reads what CorrectionRef writes.
func ParseCorrectionRef(ref string) (document bool, id int64, err error) {
	if len(ref) < 2 || (ref[0] != 'c' && ref[0] != 'd') {
		return false, 0, Errorf(EINVALID, "%q is not a correction (c12 for a sentence's, d3 for a document's)", ref)
	}
	if _, err := fmt.Sscanf(ref[1:], "%d", &id); err != nil || id <= 0 || fmt.Sprint(id) != ref[1:] {
		return false, 0, Errorf(EINVALID, "%q is not a correction (c12 for a sentence's, d3 for a document's)", ref)
	}
	return ref[0] == 'd', id, nil
}

// NewCorrection is a correction to store. Anchor nil corrects the
// document's metadata.
type NewCorrection struct {
	DocumentID int64
	Anchor     *Anchor
	Sentence   string
	Field      string
	Extracted  json.RawMessage
	Value      json.RawMessage
	State      string // approved, or proposed when it waits for review
	Why        string
}

// Reextracted is what a re-extraction of one version did.
type Reextracted struct {
	DocumentID int64        `json:"document_id"`
	VersionID  int64        `json:"version_id"`
	Sentences  int          `json:"sentences"`
	Kept       int          `json:"corrections_kept"`
	Flagged    []Correction `json:"flagged"`
}

// Correction actions: what an editor or an undo does to one.
const (
	ActApprove   = "approve"   // a proposed or flagged correction is applied, its flag cleared
	ActReject    = "reject"    // a proposed correction is not applied
	ActWithdraw  = "withdraw"  // an applied correction stops applying (undo of a correction)
	ActReinstate = "reinstate" // a withdrawn one applies again
)
