package decode

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"
)

// fuzzNames are the names a fuzzed input is given, by its selector byte:
// the extension steers the format when the content does not decide.
var fuzzNames = []string{"in.txt", "in.html", "in.docx", "in.pdf", "in.bin", "in"}

// decodeForFuzz runs Decode with a deadline and checks what every result
// and every error promise, whatever the input.
func decodeForFuzz(t *testing.T, name string, data []byte, opt Options) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := Decode(ctx, name, data, opt)
	if err != nil {
		var de *Error
		if !errors.As(err, &de) || de.Kind == nil {
			t.Fatalf("error %T %v is not an *Error with a Kind", err, err)
		}
		if msg := err.Error(); strings.ContainsAny(msg, "\r\n") || !strings.HasPrefix(msg, name+": ") {
			t.Fatalf("message %q is not one line naming %s", msg, name)
		}
		return
	}
	switch res.Format {
	case "text", "html", "docx", "pdf":
	default:
		t.Fatalf("format %q", res.Format)
	}
	s := res.Text
	if s == "" || !utf8.ValidString(s) || !norm.NFC.IsNormalString(s) {
		t.Fatalf("text empty, not UTF-8 or not NFC: %q", s)
	}
	if strings.Contains(s, "\n\n\n") || strings.HasPrefix(s, "\n") || strings.HasSuffix(s, "\n") {
		t.Fatalf("blank lines not collapsed: %q", s)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			t.Fatalf("control character %U in %q", r, s)
		}
	}
	for line := range strings.SplitSeq(s, "\n") {
		if strings.TrimRightFunc(line, unicode.IsSpace) != line {
			t.Fatalf("trailing space in line %q", line)
		}
	}
}

// fuzzSeeds returns small inputs of every format.
func fuzzSeeds(f *testing.F) [][]byte {
	txt := mustRead(f, devStatement+".txt")
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes(txt[:600])
	cyr, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(sampleCyrillic))
	return [][]byte{
		txt[:900],
		gbk,
		cyr,
		mustRead(f, devStatement+".utf16le.txt")[:800],
		mustRead(f, devStatement+".html")[:1200],
		mustRead(f, mfaPage),
		mustRead(f, devStatement+".docx"),
		docxOf(f, "Član 1.", "双方同意"),
		textPDF("Zajednicka izjava"),
		scannedPDF(),
		mustRead(f, devStatement+".pdf")[:2048],
		[]byte("\xFF\xFE\x00"),
		[]byte(magicOLE + oleEncryptedPackage),
		{},
	}
}

// FuzzDecode feeds Decode every format under every name.
func FuzzDecode(f *testing.F) {
	for i, seed := range fuzzSeeds(f) {
		f.Add(seed, uint8(i))
	}
	// pdftotext comes from PATH; without it PDF inputs end in
	// ErrMissingTool, which is an *Error too.
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		decodeForFuzz(t, fuzzNames[int(sel)%len(fuzzNames)], data, Options{})
	})
}

// FuzzDocx feeds the DOCX reader: the input as document.xml of a valid
// zip, and as a whole .docx file.
func FuzzDocx(f *testing.F) {
	f.Add([]byte(wordDocument(`<w:p><w:r><w:t>Član</w:t><w:tab/><w:br/></w:r></w:p>`)))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?><w:document xmlns:w="` + wordNS + `"><w:p><w:r><w:t>x</w:t></w:r></w:p></w:document>`))
	f.Add([]byte("\xFF\xFE<\x00w\x00"))
	f.Add(mustRead(f, devStatement+".docx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeForFuzz(t, "in.docx", zipOf(t, map[string][]byte{"word/document.xml": data}), Options{})
		decodeForFuzz(t, "raw.docx", data, Options{})
	})
}

// FuzzHTML feeds the HTML reader, with and without a declared charset.
func FuzzHTML(f *testing.F) {
	f.Add(mustRead(f, devStatement+".html")[:1500], "")
	f.Add(mustRead(f, mfaPage), "text/html; charset=gbk")
	f.Add([]byte(`<html lang="sr"><nav><a href="/">x</a></nav><p>Izjava</p><pre> a</pre><table><tr><td>1<td>2</table></html>`), "text/html; charset=windows-1251")
	f.Add([]byte(`<meta charset="utf-16"><p>x`), "")
	f.Fuzz(func(t *testing.T, data []byte, mediaType string) {
		decodeForFuzz(t, "in.html", data, Options{MediaType: mediaType})
	})
}

// FuzzText feeds the plain-text reader: encodings and normalisation.
func FuzzText(f *testing.F) {
	for _, s := range fuzzSeeds(f)[:4] {
		f.Add(s)
	}
	f.Add([]byte(sampleLatin))
	f.Add([]byte("a\r\n\r\n\r\nb\x00\u2029c\u0301"))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeForFuzz(t, "in.txt", data, Options{})
	})
}

// FuzzReflow feeds the PDF line joiner with what pdftotext might print: it
// may drop whitespace, line-end hyphens and page-number lines, nothing else.
func FuzzReflow(f *testing.F) {
	f.Add("中华人民共和国\n于 2019 年 7 月\n- 2 -\n访问。\n")
	f.Add("coope-\nration and\nmore.\n\n\u00adx\n")
	f.Add("”\n。\n \n")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // pdftotext -enc UTF-8 prints UTF-8
		}
		var kept []string
		for line := range strings.SplitSeq(s, "\n") {
			if !isPageNumber(strings.TrimSpace(line)) {
				kept = append(kept, line)
			}
		}
		strip := func(s string) string {
			return strings.NewReplacer("-", "", "\u00ad", "").Replace(nonSpace(s))
		}
		if got, want := strip(reflowPDF(s)), strip(strings.Join(kept, "\n")); got != want {
			t.Fatalf("reflowPDF(%q) lost or added characters:\n got %q\nwant %q", s, got, want)
		}
	})
}

// FuzzPrecheck checks that the look at a file's head never refuses what
// Decode reads: whatever Decode accepts, Precheck of it passes.
func FuzzPrecheck(f *testing.F) {
	for i, seed := range fuzzSeeds(f) {
		f.Add(seed, uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		name := fuzzNames[int(sel)%len(fuzzNames)]
		if _, err := Decode(context.Background(), name, data, Options{}); err != nil {
			return
		}
		if err := Precheck(name, data); err != nil {
			t.Errorf("Decode read %q, Precheck refuses it: %v", data, err)
		}
	})
}
