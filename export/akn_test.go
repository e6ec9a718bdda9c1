package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/testlibrary"
)

const aknSchema = "../testdata/schemas/akomantoso30.xsd"

// TestAkomaNtosoValidates exports every document of the test corpus and of
// the shared test library and validates each with xmllint against the Akoma Ntoso 3.0 schema; it also
// checks that what the document says reached the XML.
func TestAkomaNtosoValidates(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	ctx := context.Background()
	st := library(t)
	// and the shared test library: statements of one pair across years,
	// citing each other, in Chinese and English
	var paths []string
	for _, n := range testlibrary.Names() {
		if strings.HasSuffix(n, ".txt") {
			paths = append(paths, testlibrary.Path(n))
		}
	}
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	x, err := reg.For("")
	if err != nil {
		t.Fatal(err)
	}
	in := &ingest.Ingester{Store: st, Extractor: x, ExtractorName: reg.ID()}
	if sum := in.Batch(ctx, paths, nil, func(ingest.Outcome) {}); sum.Refused > 0 {
		t.Fatalf("ingest of the test library: %+v", sum)
	}
	docs, err := st.Documents(ctx, entente.DocumentFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 3+len(paths) {
		t.Fatalf("the corpus and the test library gave %d documents, want every statement (%d)", len(docs), 3+len(paths))
	}
	dir := t.TempDir()
	for _, listed := range docs {
		d, err := st.Document(ctx, listed.ID)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := AkomaNtoso(&buf, d, d.Versions[0], d.Extraction, time.Now()); err != nil {
			t.Fatalf("document %d: %v", d.ID, err)
		}
		path := filepath.Join(dir, "doc"+strconv.FormatInt(d.ID, 10)+".xml")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(xmllint, "--noout", "--schema", aknSchema, path).CombinedOutput()
		if err != nil {
			t.Errorf("document %d (%s) does not validate: %v\n%s", d.ID, d.Title, err, out)
			continue
		}
		checkAkomaNtoso(t, d, buf.Bytes())
	}
}

// checkAkomaNtoso reads the export back and compares it with the document:
// every sentence once with its labels, the title, each signatory, each
// cited instrument marked where the extractor found it.
func checkAkomaNtoso(t *testing.T, d *entente.StoredDocument, doc []byte) {
	t.Helper()
	x := d.Extraction
	var got struct {
		Title string `xml:"doc>preface>p>docTitle"`
		Spans []struct {
			EID  string `xml:"eId,attr"`
			Refs []struct {
				Href string `xml:"href,attr"`
				Text string `xml:",chardata"`
			} `xml:"ref"`
		} `xml:"doc>preamble>p>span"`
		Persons  []string `xml:"doc>conclusions>p>signature>person"`
		Analysis []struct {
			Href     string `xml:"href,attr"`
			Type     string `xml:"type,attr"`
			Strength string `xml:"strength,attr"`
			Areas    string `xml:"areas,attr"`
		} `xml:"doc>meta>proprietary>analysis>sentence"`
		Lang string `xml:"doc>meta>identification>FRBRExpression>FRBRlanguage"`
	}
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatalf("document %d: read back: %v", d.ID, err)
	}
	if got.Title != d.Title {
		t.Errorf("document %d: title %q, want %q", d.ID, got.Title, d.Title)
	}
	if len(got.Analysis) != len(x.Sentences) {
		t.Fatalf("document %d: %d sentences analysed, want %d", d.ID, len(got.Analysis), len(x.Sentences))
	}
	for i, s := range x.Sentences {
		a := got.Analysis[i]
		if a.Href != "#"+s.ID || a.Type != string(s.Type) || a.Strength != string(s.Strength) || a.Areas != strings.Join(s.Areas, " ") {
			t.Errorf("document %d: sentence %s analysed as %+v, want %s %s %v", d.ID, s.ID, a, s.Type, s.Strength, s.Areas)
		}
	}
	if len(got.Persons) != len(d.Signatories) {
		t.Errorf("document %d: %d signatures, want %d", d.ID, len(got.Persons), len(d.Signatories))
	}
	// Every sentence appears once as a span somewhere in the text.
	for _, s := range x.Sentences {
		if n := bytes.Count(doc, []byte(`eId="`+s.ID+`"`)); n != 1 {
			t.Errorf("document %d: sentence %s appears %d times", d.ID, s.ID, n)
		}
	}
	// Each cited instrument the extractor marked in a sentence is a <ref>.
	refs := 0
	for _, s := range x.Sentences {
		refs += len(s.Rationale.References)
	}
	if n := bytes.Count(doc, []byte("<ref ")); refs > 0 && n == 0 {
		t.Errorf("document %d: %d cited instruments marked by the extractor, no <ref>", d.ID, refs)
	}
}

// TestMixedNesting: overlapping or out-of-range marks never break the XML.
func TestMixedNesting(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		marks []mark
		want  string
	}{
		{"none", "a<b", nil, "<p>a&lt;b</p>"},
		{"one", "中塞双方", []mark{{Start: 1, End: 2, Name: "organization"}}, "<p>中<organization>塞</organization>双方</p>"},
		{"overlap keeps the first", "abcdef", []mark{{Start: 2, End: 5, Name: "x"}, {Start: 1, End: 3, Name: "y"}}, "<p>a<y>bc</y>def</p>"},
		{"out of range", "abc", []mark{{Start: 2, End: 9, Name: "x"}, {Start: -1, End: 1, Name: "y"}}, "<p>abc</p>"},
		{"empty", "abc", []mark{{Start: 1, End: 1, Name: "x"}}, "<p>abc</p>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := xml.Marshal(struct {
				XMLName xml.Name `xml:"w"`
				P       mixed    `xml:"p"`
			}{P: mixed{Text: c.text, Marks: c.marks}})
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != "<w>"+c.want+"</w>" {
				t.Errorf("got %s, want %s", out, c.want)
			}
		})
	}
}

// FuzzMixed: any text with any marks is written as well-formed XML whose
// character data is the text (invalid characters aside).
func FuzzMixed(f *testing.F) {
	f.Add("中塞双方将加强铁路合作。", 1, 3, 2, 5)
	f.Add("a<b&c]]>", 0, 8, -1, 2)
	f.Add("\x00\ufffe", 0, 1, 0, 2)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		out, err := xml.Marshal(struct {
			XMLName xml.Name `xml:"w"`
			P       mixed    `xml:"p"`
		}{P: mixed{Text: text, Marks: []mark{{Start: s1, End: e1, Name: "ref"}, {Start: s2, End: e2, Name: "date"}}}})
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(out))
		var chars strings.Builder
		for {
			tok, err := dec.Token()
			if err != nil {
				if err.Error() == "EOF" {
					break
				}
				t.Fatalf("%q gave malformed XML %q: %v", text, out, err)
			}
			if c, ok := tok.(xml.CharData); ok {
				chars.Write(c)
			}
		}
		if strings.ToValidUTF8(text, "\uFFFD") == text && !strings.ContainsFunc(text, func(r rune) bool {
			return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r == '\r'
		}) && chars.String() != text {
			t.Errorf("text %q came back as %q", text, chars.String())
		}
	})
}
