package export

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

// Akoma Ntoso 3.0 (OASIS LegalDocML): one <doc> per document version. The
// structs below follow the schema's order of elements; encoding/xml writes
// fields in struct order, which is what the schema's sequences need.

// The namespaces are in the struct tags: Akoma Ntoso's
// (http://docs.oasis-open.org/legaldocml/ns/akn/3.0) on the root, and
// urn:entente:analysis:1 for Entente's labels in <proprietary>, which takes
// any element of another namespace.

type aknRoot struct {
	XMLName xml.Name `xml:"http://docs.oasis-open.org/legaldocml/ns/akn/3.0 akomaNtoso"`
	Doc     aknDoc   `xml:"doc"`
}

type aknDoc struct {
	Name        string          `xml:"name,attr"`
	Meta        aknMeta         `xml:"meta"`
	Preface     aknPreface      `xml:"preface"`
	Preamble    *aknBlocks      `xml:"preamble"`
	MainBody    aknMainBody     `xml:"mainBody"`
	Conclusions *aknConclusions `xml:"conclusions"`
}

type aknMeta struct {
	Identification aknIdentification `xml:"identification"`
	References     aknReferences     `xml:"references"`
	Proprietary    aknProprietary    `xml:"proprietary"`
}

type aknIdentification struct {
	Source        string  `xml:"source,attr"`
	Work          aknFRBR `xml:"FRBRWork"`
	Expression    aknFRBR `xml:"FRBRExpression"`
	Manifestation aknFRBR `xml:"FRBRManifestation"`
}

// aknFRBR is one level of the FRBR identification; each level uses some of
// the optional elements.
type aknFRBR struct {
	This          aknValue  `xml:"FRBRthis"`
	URI           aknValue  `xml:"FRBRuri"`
	Date          aknDate   `xml:"FRBRdate"`
	Author        aknHref   `xml:"FRBRauthor"`
	Country       *aknValue `xml:"FRBRcountry"`
	Subtype       *aknValue `xml:"FRBRsubtype"`
	Name          *aknValue `xml:"FRBRname"`
	Authoritative *aknValue `xml:"FRBRauthoritative"`
	Languages     []aknLang `xml:"FRBRlanguage"`
	Format        *aknValue `xml:"FRBRformat"`
}

type aknValue struct {
	Value string `xml:"value,attr"`
}

type aknDate struct {
	Date string `xml:"date,attr"`
	Name string `xml:"name,attr"`
}

type aknHref struct {
	Href string `xml:"href,attr"`
	As   string `xml:"as,attr,omitempty"`
}

type aknLang struct {
	Language string `xml:"language,attr"`
}

type aknReferences struct {
	Source        string   `xml:"source,attr"`
	References    []aknTLC `xml:"TLCReference"`
	Organizations []aknTLC `xml:"TLCOrganization"`
	Persons       []aknTLC `xml:"TLCPerson"`
	Roles         []aknTLC `xml:"TLCRole"`
	Locations     []aknTLC `xml:"TLCLocation"`
	Events        []aknTLC `xml:"TLCEvent"`
}

type aknTLC struct {
	EID    string `xml:"eId,attr"`
	Href   string `xml:"href,attr"`
	ShowAs string `xml:"showAs,attr"`
	Name   string `xml:"name,attr,omitempty"` // TLCReference only
}

type aknProprietary struct {
	Source   string      `xml:"source,attr"`
	Analysis aknAnalysis `xml:"urn:entente:analysis:1 analysis"`
}

// aknAnalysis is Entente's reading of the version: every sentence's type,
// strength, actors, areas and deadline, by the sentence's eId.
type aknAnalysis struct {
	Extractor string        `xml:"extractor,attr"`
	Sentences []aknSentence `xml:"urn:entente:analysis:1 sentence"`
}

type aknSentence struct {
	Href     string `xml:"href,attr"`
	Type     string `xml:"type,attr"`
	Strength string `xml:"strength,attr,omitempty"`
	Actors   string `xml:"actors,attr,omitempty"`
	Areas    string `xml:"areas,attr,omitempty"`
	Deadline string `xml:"deadline,attr,omitempty"`
}

type aknPreface struct {
	P []aknP `xml:"p"`
}

type aknDocDate struct {
	Date string `xml:"date,attr"`
	Text string `xml:",chardata"`
}

type aknLocation struct {
	RefersTo string `xml:"refersTo,attr"`
	Text     string `xml:",chardata"`
}

type aknBlocks struct {
	P []aknP `xml:"p"`
}

// aknP is a paragraph: sentences as spans, or in the preface the title,
// date and place, or in the conclusions a signature.
type aknP struct {
	Class     string        `xml:"class,attr,omitempty"`
	DocTitle  *string       `xml:"docTitle"`
	DocDate   *aknDocDate   `xml:"docDate"`
	Location  *aknLocation  `xml:"location"`
	Signature *aknSignature `xml:"signature"`
	Spans     []mixed       `xml:"span"`
}

type aknMainBody struct {
	Sections []aknSection `xml:"section"`
	P        []aknP       `xml:"p"` // only when the text has no numbered sections
}

type aknSection struct {
	EID     string    `xml:"eId,attr"`
	Num     string    `xml:"num,omitempty"`
	Heading string    `xml:"heading,omitempty"`
	Content aknBlocks `xml:"content"`
}

type aknConclusions struct {
	P []aknP `xml:"p"`
}

type aknSignature struct {
	Person aknInline  `xml:"person"`
	Role   *aknInline `xml:"role"`
}

type aknInline struct {
	RefersTo string `xml:"refersTo,attr"`
	Text     string `xml:",chardata"`
}

// AkomaNtoso writes the version v of document d, with its extraction x, as
// an Akoma Ntoso 3.0 document. generated is the manifestation's date.
func AkomaNtoso(w io.Writer, d *entente.StoredDocument, v entente.Version, x *entente.Extraction, generated time.Time) error {
	return AkomaNtosoVersion(w, d, v, x, nil, generated)
}

// AkomaNtosoVersion is AkomaNtoso with the cited instruments linked:
// links gives the address of each instrument the version cites, by its
// title as cited (see CitationLinks). Every version of a document is the
// same FRBR work; each is an expression of it in its own language.
func AkomaNtosoVersion(w io.Writer, d *entente.StoredDocument, v entente.Version, x *entente.Extraction, links map[string]string, generated time.Time) error {
	if x == nil {
		return fmt.Errorf("document %d has no extraction to export", d.ID)
	}
	b := newAknBuilder(d, v, x, generated)
	b.links = links
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write akoma ntoso: %w", err)
	}
	// No indentation: it would add white space inside sentences, whose
	// text must stay as it was read.
	enc := xml.NewEncoder(w)
	if err := enc.Encode(b.build()); err != nil {
		return fmt.Errorf("write akoma ntoso: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("write akoma ntoso: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

type aknBuilder struct {
	d         *entente.StoredDocument
	v         entente.Version
	x         *entente.Extraction
	generated time.Time
	refs      aknReferences
	cites     map[string]string // instrument title → its TLCReference eId
	links     map[string]string // instrument title → its address (the registry's)
	place     string            // eId of the place of signing, if known
}

func newAknBuilder(d *entente.StoredDocument, v entente.Version, x *entente.Extraction, generated time.Time) *aknBuilder {
	return &aknBuilder{d: d, v: v, x: x, generated: generated.UTC(), cites: map[string]string{}}
}

func (b *aknBuilder) build() aknRoot {
	d, x := b.d, b.x
	b.refs.Source = "#entente"
	b.refs.Organizations = append(b.refs.Organizations, aknTLC{EID: "entente", Href: "/ontology/organization/entente", ShowAs: "Entente"})
	for _, p := range d.Parties {
		b.refs.Organizations = append(b.refs.Organizations, aknTLC{EID: partyEID(p), Href: "/ontology/organization/" + strings.ToLower(p), ShowAs: p})
	}
	b.refs.Events = append(b.refs.Events, aknTLC{EID: "signing", Href: "/ontology/event/signing", ShowAs: "signing"})
	if d.SignedPlace != nil && *d.SignedPlace != "" {
		b.place = "place"
		b.refs.Locations = append(b.refs.Locations, aknTLC{EID: b.place, Href: "/ontology/location/" + url.PathEscape(*d.SignedPlace), ShowAs: *d.SignedPlace})
	}
	for i, r := range x.References {
		id := "cite_" + strconv.Itoa(i+1)
		b.cites[r.Title] = id
		href := b.links[r.Title]
		if href == "" {
			href = instrumentHref(r)
		}
		b.refs.References = append(b.refs.References, aknTLC{EID: id, Href: href, ShowAs: r.Title, Name: string(r.Kind)})
	}

	doc := aknDoc{Name: docName(d.Kind)}
	doc.Meta.Identification = b.identification()
	doc.Preface = b.preface()

	bySection := map[string][]entente.Sentence{}
	for _, s := range x.Sentences {
		bySection[s.Section] = append(bySection[s.Section], s)
	}
	if ps := b.paragraphs(bySection[entente.SectionPreamble]); len(ps) > 0 {
		doc.Preamble = &aknBlocks{P: ps}
	}
	seen := map[string]bool{}
	for _, sec := range x.Sections {
		if sec.ID == entente.SectionPreamble || sec.ID == entente.SectionClosing || seen[sec.ID] {
			continue
		}
		seen[sec.ID] = true
		ps := b.paragraphs(bySection[sec.ID])
		if len(ps) == 0 {
			ps = []aknP{{}}
		}
		doc.MainBody.Sections = append(doc.MainBody.Sections, aknSection{
			EID: "sec_" + eidPart(sec.ID), Num: sec.Heading, Heading: sec.Title, Content: aknBlocks{P: ps},
		})
	}
	// Sentences of a section the layout did not list still belong to the
	// body, in their order.
	var loose []entente.Sentence
	for _, s := range x.Sentences {
		if s.Section != entente.SectionPreamble && s.Section != entente.SectionClosing && !seen[s.Section] {
			loose = append(loose, s)
		}
	}
	if ps := b.paragraphs(loose); len(ps) > 0 || len(doc.MainBody.Sections) == 0 {
		if len(ps) == 0 {
			ps = []aknP{{}} // the schema wants a body; a text with none has an empty one
		}
		doc.MainBody.P = ps
	}
	if c := b.conclusions(bySection[entente.SectionClosing]); c != nil {
		doc.Conclusions = c
	}
	doc.Meta.References = b.refs
	doc.Meta.Proprietary = b.analysis()
	return aknRoot{Doc: doc}
}

func (b *aknBuilder) identification() aknIdentification {
	d, v := b.d, b.v
	country := workCountry(d)
	date := workDate(d)
	work := WorkURI(d)
	lang := language3(v.Language)
	expr := work + "/" + lang + "@"
	manif := expr + "/!main.xml"
	author := "#entente"
	if len(d.Parties) > 0 {
		author = "#" + partyEID(d.Parties[0])
	}
	id := aknIdentification{Source: "#entente"}
	id.Work = aknFRBR{
		This: aknValue{work + "/!main"}, URI: aknValue{work},
		Date: aknDate{Date: date, Name: "signature"}, Author: aknHref{Href: author},
		Country: &aknValue{country}, Subtype: &aknValue{string(d.Kind)}, Name: &aknValue{d.Title},
	}
	id.Expression = aknFRBR{
		This: aknValue{expr + "/!main"}, URI: aknValue{expr},
		Date: aknDate{Date: date, Name: "signature"}, Author: aknHref{Href: author},
		Authoritative: &aknValue{strconv.FormatBool(v.Authentic)},
		Languages:     []aknLang{{lang}},
	}
	id.Manifestation = aknFRBR{
		This: aknValue{manif}, URI: aknValue{manif},
		Date: aknDate{Date: b.generated.Format(time.DateOnly), Name: "generation"}, Author: aknHref{Href: "#entente"},
		Format: &aknValue{"application/akn+xml"},
	}
	return id
}

func (b *aknBuilder) preface() aknPreface {
	title := b.d.Title
	p := aknPreface{P: []aknP{{Class: "title", DocTitle: &title}}}
	dp := aknP{Class: "signing"}
	if b.d.SignedDate != nil && isDate(*b.d.SignedDate) {
		dp.DocDate = &aknDocDate{Date: *b.d.SignedDate, Text: *b.d.SignedDate}
	}
	if b.place != "" {
		dp.Location = &aknLocation{RefersTo: "#" + b.place, Text: *b.d.SignedPlace}
	}
	if dp.DocDate != nil || dp.Location != nil {
		p.P = append(p.P, dp)
	}
	return p
}

// paragraphs groups sentences by paragraph, each sentence a <span> with
// its id and its marks.
func (b *aknBuilder) paragraphs(ss []entente.Sentence) []aknP {
	var ps []aknP
	for i, s := range ss {
		if i == 0 || s.Paragraph != ss[i-1].Paragraph {
			ps = append(ps, aknP{})
		}
		p := &ps[len(ps)-1]
		text := s.Text
		if s.Marker != "" && len(p.Spans) == 0 {
			text = s.Marker + text
		}
		span := mixed{Text: text, Attrs: []xml.Attr{{Name: xml.Name{Local: "eId"}, Value: eidPart(s.ID)}}, Marks: b.marks(s)}
		if text != s.Text {
			shift := len([]rune(s.Marker))
			for j := range span.Marks {
				span.Marks[j].Start += shift
				span.Marks[j].End += shift
			}
		}
		p.Spans = append(p.Spans, span)
	}
	return ps
}

// marks are the inline elements of a sentence, from the spans the
// extractor carried: cited instruments, actors, the deadline's date, and
// the place of signing where the sentence names it.
func (b *aknBuilder) marks(s entente.Sentence) []mark {
	var ms []mark
	for _, c := range s.Rationale.References {
		if id, ok := b.cites[c.Text]; ok {
			ms = append(ms, mark{Start: c.Start, End: c.End, Name: "ref", Attrs: []xml.Attr{{Name: xml.Name{Local: "href"}, Value: "#" + id}}})
		}
	}
	for _, a := range s.Rationale.Actors {
		if a.Party == "" || a.End <= a.Start {
			continue
		}
		// A cue for the parties together (双方) names each of them.
		var ids []string
		for _, p := range strings.Split(a.Party, ",") {
			if p = strings.TrimSpace(p); p != "" {
				ids = append(ids, "#"+b.organization(p))
			}
		}
		if len(ids) == 0 {
			continue
		}
		ms = append(ms, mark{Start: a.Start, End: a.End, Name: "organization", Attrs: []xml.Attr{{Name: xml.Name{Local: "refersTo"}, Value: strings.Join(ids, " ")}}})
	}
	if dl := s.Rationale.Deadline; dl != nil && s.Deadline != nil && isDate(*s.Deadline) {
		ms = append(ms, mark{Start: dl.Start, End: dl.End, Name: "date", Attrs: []xml.Attr{{Name: xml.Name{Local: "date"}, Value: *s.Deadline}}})
	}
	if b.place != "" {
		if i := strings.Index(s.Text, *b.d.SignedPlace); i >= 0 {
			start := len([]rune(s.Text[:i]))
			ms = append(ms, mark{Start: start, End: start + len([]rune(*b.d.SignedPlace)), Name: "location", Attrs: []xml.Attr{{Name: xml.Name{Local: "refersTo"}, Value: "#" + b.place}}})
		}
	}
	return ms
}

// organization returns the eId of a party's TLCOrganization, adding one
// for an actor that is not a party of the document.
func (b *aknBuilder) organization(party string) string {
	id := partyEID(party)
	for _, o := range b.refs.Organizations {
		if o.EID == id {
			return id
		}
	}
	b.refs.Organizations = append(b.refs.Organizations, aknTLC{EID: id, Href: "/ontology/organization/" + url.PathEscape(strings.ToLower(party)), ShowAs: party})
	return id
}

func (b *aknBuilder) conclusions(closing []entente.Sentence) *aknConclusions {
	c := &aknConclusions{P: b.paragraphs(closing)}
	for i, s := range b.d.Signatories {
		n := strconv.Itoa(i + 1)
		person := "person_" + n
		b.refs.Persons = append(b.refs.Persons, aknTLC{EID: person, Href: "/ontology/person/" + url.PathEscape(s.Name), ShowAs: s.Name})
		sig := aknSignature{Person: aknInline{RefersTo: "#" + person, Text: s.Name}}
		if s.Title != "" {
			role := "role_" + n
			b.refs.Roles = append(b.refs.Roles, aknTLC{EID: role, Href: "/ontology/role/" + url.PathEscape(s.Title), ShowAs: s.Title})
			sig.Role = &aknInline{RefersTo: "#" + role, Text: s.Title}
		}
		c.P = append(c.P, aknP{Class: "signature", Signature: &sig})
	}
	if len(c.P) == 0 {
		return nil
	}
	return c
}

func (b *aknBuilder) analysis() aknProprietary {
	a := aknAnalysis{Extractor: b.v.Extractor}
	for _, s := range b.x.Sentences {
		row := aknSentence{
			Href: "#" + eidPart(s.ID), Type: string(s.Type), Strength: string(s.Strength),
			Actors: strings.Join(s.Actors, " "), Areas: strings.Join(s.Areas, " "),
		}
		if s.Deadline != nil {
			row.Deadline = *s.Deadline
		}
		a.Sentences = append(a.Sentences, row)
	}
	return aknProprietary{Source: "#entente", Analysis: a}
}

// docName is the document's kind in Akoma Ntoso's camel case, the name of
// its <doc>.
func docName(k entente.Kind) string {
	parts := strings.Split(string(k), "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	if n := strings.Join(parts, ""); n != "" {
		return eidPart(n)
	}
	return "document"
}

// WorkURI is the FRBR work of document d, which every version of it
// expresses: /akn/COUNTRY/doc/KIND/DATE/ID. A citation of d links to it.
func WorkURI(d *entente.StoredDocument) string {
	return "/akn/" + workCountry(d) + "/doc/" + docName(d.Kind) + "/" + workDate(d) + "/" + strconv.FormatInt(d.ID, 10)
}

func workCountry(d *entente.StoredDocument) string {
	if len(d.Parties) > 0 {
		return strings.ToLower(d.Parties[0])
	}
	return "int"
}

// CitationLinks gives each instrument a version cites its address: the
// FRBR work of the stored document it is (cited, by id), else its entry
// in Entente's registry (/entente/registry/ID, as entente registry show
// ID reads it); one the registry has not filed keeps Entente's ontology
// name.
func CitationLinks(cs []entente.VersionCitation, cited map[int64]*entente.StoredDocument) map[string]string {
	links := map[string]string{}
	for _, c := range cs {
		switch {
		case c.DocumentID != 0 && cited[c.DocumentID] != nil:
			links[c.Title] = WorkURI(cited[c.DocumentID])
		case c.EntryID != 0:
			links[c.Title] = "/entente/registry/" + strconv.FormatInt(c.EntryID, 10)
		}
	}
	return links
}

// workDate is the date that names the work: the date of signing, else the
// day the document was stored.
func workDate(d *entente.StoredDocument) string {
	if d.SignedDate != nil && isDate(*d.SignedDate) {
		return *d.SignedDate
	}
	return d.CreatedAt.UTC().Format(time.DateOnly)
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// language3 is Akoma Ntoso's three-letter code (ISO 639-2/T) of a language
// tag; a tag it does not know is kept as it is.
func language3(tag string) string {
	base, _, _ := strings.Cut(strings.ToLower(tag), "-")
	if c, ok := iso639T[base]; ok {
		return c
	}
	if base == "" {
		return "und"
	}
	return eidPart(base)
}

var iso639T = map[string]string{"zh": "zho", "en": "eng", "sr": "srp", "ru": "rus", "fr": "fra", "ar": "ara", "es": "spa", "de": "deu", "hu": "hun"}

// instrumentHref names a cited instrument in Entente's ontology, by kind
// and title, until the registry gives it an address of its own.
func instrumentHref(r entente.Reference) string {
	return "/ontology/instrument/" + url.PathEscape(string(r.Kind)) + "/" + url.PathEscape(r.Title)
}

func partyEID(p string) string { return "party_" + eidPart(strings.ToLower(p)) }

// eidPart keeps an identifier to the characters the schema's eId allows
// without doubt: letters, digits, '_' and '-'.
func eidPart(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
			b.WriteRune(r)
		default:
			b.WriteString("_" + strconv.FormatInt(int64(r), 16))
		}
	}
	return b.String()
}
