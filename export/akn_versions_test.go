package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
)

// aknIdentity is what an export says of its work and expression, and the
// addresses of the instruments it cites.
type aknIdentity struct {
	Work       string `xml:"-"` // the FRBRuri values, read by attrValue
	Expression string `xml:"-"`
	Lang       struct {
		Language string `xml:"language,attr"`
	} `xml:"doc>meta>identification>FRBRExpression>FRBRlanguage"`
	Refs []struct {
		EID  string `xml:"eId,attr"`
		Href string `xml:"href,attr"`
		Name string `xml:"showAs,attr"`
	} `xml:"doc>meta>references>TLCReference"`
}

func readIdentity(t *testing.T, b []byte) aknIdentity {
	t.Helper()
	var id aknIdentity
	if err := xml.Unmarshal(b, &id); err != nil {
		t.Fatal(err)
	}
	id.Work = attrValue(t, b, "FRBRWork")
	id.Expression = attrValue(t, b, "FRBRExpression")
	return id
}

// attrValue is the value of the FRBRuri inside the first element named el.
func attrValue(t *testing.T, b []byte, el string) string {
	t.Helper()
	s := string(b)
	i := strings.Index(s, "<"+el+">")
	j := strings.Index(s[i:], `<FRBRuri value="`)
	if i < 0 || j < 0 {
		t.Fatalf("no %s>FRBRuri", el)
	}
	rest := s[i+j+len(`<FRBRuri value="`):]
	return rest[:strings.Index(rest, `"`)]
}

// TestAkomaNtosoVersions: every version of a document is an expression of
// one FRBR work, in its own language, and each validates against the
// schema; cited instruments link into the registry (an entry, or the work
// of the stored document the entry is), inline <ref>s pointing at them.
func TestAkomaNtosoVersions(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	ctx := context.Background()
	st := library(t)
	c, err := connect.New(st)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Fresh(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err := st.Documents(ctx, entente.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var zh, en *entente.StoredDocument
	for _, l := range docs {
		d, err := st.Document(ctx, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Language == "zh" && len(d.Extraction.References) > 0 && zh == nil {
			zh = d
		}
		if d.Language == "en" {
			en = d
		}
	}
	if zh == nil || en == nil {
		t.Fatal("the corpus lacks a Chinese statement that cites and an English one")
	}
	x, err := st.VersionExtraction(ctx, zh.ID, zh.Versions[0].ID)
	if err != nil || len(x.Sentences) != len(zh.Extraction.Sentences) {
		t.Fatalf("version extraction: %v", err)
	}
	cs, err := st.VersionCitations(ctx, zh.Versions[0].ID)
	if err != nil || len(cs) == 0 {
		t.Fatalf("citations %v (%v)", cs, err)
	}
	// One citation is a stored document: it links to that document's work.
	cited := map[int64]*entente.StoredDocument{en.ID: en}
	cs = append(cs, entente.VersionCitation{Title: zh.Extraction.References[0].Title, EntryID: 99, DocumentID: en.ID})
	links := CitationLinks(cs, cited)
	if links[zh.Extraction.References[0].Title] != WorkURI(en) {
		t.Errorf("a stored instrument links to %q, not its work %q", links[zh.Extraction.References[0].Title], WorkURI(en))
	}

	// A second version of the same document: any other extraction serves,
	// the test holds the identification and the links, not the text.
	second := entente.Version{ID: 999, DocumentID: zh.ID, Language: "en", Extractor: en.Versions[0].Extractor}
	versions := []struct {
		v entente.Version
		x *entente.Extraction
	}{{zh.Versions[0], x}, {second, en.Extraction}}
	dir := t.TempDir()
	var ids []aknIdentity
	for _, ver := range versions {
		var buf bytes.Buffer
		if err := AkomaNtosoVersion(&buf, zh, ver.v, ver.x, links, time.Now()); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, ver.v.Language+".xml")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(xmllint, "--noout", "--schema", aknSchema, path).CombinedOutput(); err != nil {
			t.Errorf("version %s does not validate: %v\n%s", ver.v.Language, err, out)
		}
		ids = append(ids, readIdentity(t, buf.Bytes()))
	}
	if ids[0].Work != ids[1].Work || ids[0].Work != WorkURI(zh) {
		t.Errorf("works %q and %q, want both %q", ids[0].Work, ids[1].Work, WorkURI(zh))
	}
	if ids[0].Expression == ids[1].Expression || !strings.HasPrefix(ids[0].Expression, ids[0].Work+"/zho@") ||
		!strings.HasPrefix(ids[1].Expression, ids[1].Work+"/eng@") || ids[0].Lang.Language != "zho" || ids[1].Lang.Language != "eng" {
		t.Errorf("expressions %+v %+v", ids[0], ids[1])
	}
	zhOut, _ := os.ReadFile(filepath.Join(dir, "zh.xml"))
	registry := 0
	for _, r := range ids[0].Refs {
		want := links[r.Name]
		if want == "" || r.Href != want {
			t.Errorf("%s links to %q, want %q", r.Name, r.Href, want)
		}
		if strings.HasPrefix(r.Href, "/entente/registry/") {
			registry++
		}
		if !bytes.Contains(zhOut, []byte(`<ref href="#`+r.EID+`">`)) {
			t.Errorf("no inline <ref> to %s (%s)", r.EID, r.Name)
		}
	}
	if registry == 0 {
		t.Error("no citation links into the registry")
	}
	if _, err := st.VersionExtraction(ctx, en.ID, zh.Versions[0].ID); err == nil {
		t.Error("a version of another document was read")
	}
}
