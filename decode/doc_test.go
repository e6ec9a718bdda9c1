package decode

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/entente/entente/internal/hostile"
)

// needAntiword skips a test loudly when antiword is missing, and fails it in
// CI, where the tests must run.
func needAntiword(tb testing.TB) {
	tb.Helper()
	if _, err := exec.LookPath("antiword"); err == nil {
		return
	}
	if os.Getenv("CI") == "true" {
		tb.Fatal("antiword not found: CI must install Debian package antiword")
	}
	tb.Skip("SKIPPED: antiword not found; install Debian package antiword to run the .doc tests")
}

// TestDoc checks that a legacy Word document of the development statement,
// made at test time, reads as the same text as the plain-text form.
func TestDoc(t *testing.T) {
	needAntiword(t)
	want := mustDecode(t, "statement.txt", mustRead(t, devStatement+".txt"), Options{})
	res := mustDecode(t, "statement.doc", hostile.WordDoc(want.Text), Options{Tools: NewTools(1)})
	if res.Format != "doc" || res.MediaType != "application/msword" {
		t.Errorf("format %q, media type %q", res.Format, res.MediaType)
	}
	if nonSpace(res.Text) != nonSpace(want.Text) {
		t.Errorf("text differs from the .txt form:\n%.300s\nwant\n%.300s", res.Text, want.Text)
	}
	if got, want := len(paragraphs(res.Text)), len(paragraphs(want.Text)); got != want {
		t.Errorf("%d paragraphs, want %d", got, want)
	}
}

// TestDocRefused checks the .doc files that are refused, each in one line
// naming the file.
func TestDocRefused(t *testing.T) {
	needAntiword(t)
	doc := hostile.WordDoc("双方同意加强铁路合作。\n")
	notWord := bytes.ReplaceAll(doc, []byte("W\x00o\x00r\x00d\x00D\x00o\x00c"), []byte("X\x00o\x00r\x00d\x00D\x00o\x00c"))
	long := hostile.WordDoc(strings.Repeat("Both sides agree to deepen their cooperation.\n", 400))
	tests := []struct {
		name string
		data []byte
		opt  Options
		kind error
		want string
	}{
		{"no-antiword.doc", doc, Options{Antiword: "/nonexistent/antiword"}, ErrMissingTool, "install Debian package antiword"},
		{"sheet.xls", notWord, Options{}, ErrUnknownFormat, "not a Word document"},
		{"text.doc", []byte("\x01\x02\x03\x04 not a Word file"), Options{}, ErrCorrupt, "not a Word .doc"},
		{"long.doc", long, Options{MaxChars: 1000}, ErrTooLarge, "--max-chars"},
		{"starved.doc", doc, Options{Tools: &Tools{Memory: 1 << 20}}, ErrCorrupt, "antiword cannot read"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(context.Background(), tc.name, tc.data, tc.opt)
			checkError(t, err, tc.name, tc.kind)
			if err != nil && !strings.Contains(err.Error(), tc.want) {
				t.Errorf("message %q lacks %q", err, tc.want)
			}
		})
	}
}
