package sqlstore

import (
	"bytes"
	"compress/flate"
	"database/sql"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPackBlob: text that compresses is stored deflated and reads back
// exactly; bytes that do not (already compressed, tiny) are stored as they
// came; a row whose size disagrees with its bytes is refused, not returned.
func TestPackBlob(t *testing.T) {
	text := []byte(strings.Repeat("中华人民共和国和塞尔维亚共和国关于深化全面战略伙伴关系的联合声明。", 40))
	noise := make([]byte, 4096)
	rand.NewChaCha8([32]byte{1}).Read(noise)
	packedText, _ := (&deflaters{}).packBlob(text)
	cases := []struct {
		name     string
		data     []byte
		wantComp string
	}{
		{"statement text", text, blobDeflate},
		{"incompressible bytes", noise, blobRaw},
		{"tiny", []byte("短"), blobRaw},
		{"empty", []byte{}, blobRaw},
		{"already deflated", packedText, blobRaw},
	}
	for _, c := range cases {
		stored, comp := (&deflaters{}).packBlob(c.data)
		if comp != c.wantComp {
			t.Errorf("%s: stored as %q, want %q", c.name, comp, c.wantComp)
		}
		if comp == blobDeflate && len(stored) >= len(c.data) {
			t.Errorf("%s: deflated to %d bytes from %d", c.name, len(stored), len(c.data))
		}
		got, err := unpackBlob(stored, comp, int64(len(c.data)))
		if err != nil || !bytes.Equal(got, c.data) {
			t.Errorf("%s: reads back %d bytes, %v; want the %d stored", c.name, len(got), err, len(c.data))
		}
	}
	bad := []struct {
		name   string
		stored []byte
		comp   string
		size   int64
	}{
		{"deflated, row says shorter", packedText, blobDeflate, int64(len(text)) - 1},
		{"deflated, row says longer", packedText, blobDeflate, int64(len(text)) + 1},
		{"raw, row says longer", text, blobRaw, int64(len(text)) + 1},
		{"truncated stream", packedText[:len(packedText)/2], blobDeflate, int64(len(text))},
		{"unknown compression", text, "zstd", int64(len(text))},
		{"negative size", packedText, blobDeflate, -1},
	}
	for _, c := range bad {
		if got, err := unpackBlob(c.stored, c.comp, c.size); err == nil {
			t.Errorf("%s: read %d bytes without an error", c.name, len(got))
		}
	}
}

// FuzzUnpackBlob: whatever a row holds, reading it returns exactly size
// bytes or an error, never a panic.
func FuzzUnpackBlob(f *testing.F) {
	packed, _ := (&deflaters{}).packBlob([]byte(strings.Repeat("合作共赢。", 100)))
	f.Add(packed, blobDeflate, int64(1500))
	f.Add([]byte("abc"), blobRaw, int64(3))
	f.Add([]byte{0xff, 0x00}, blobDeflate, int64(10))
	f.Fuzz(func(t *testing.T, stored []byte, comp string, size int64) {
		if size > 1<<20 {
			size %= 1 << 20 // keep the fuzzer's allocations small
		}
		got, err := unpackBlob(stored, comp, size)
		if err == nil && int64(len(got)) != size {
			t.Fatalf("read %d bytes, the row says %d", len(got), size)
		}
	})
}

// TestVersionText: a statement's text is stored deflated and reads back
// exactly; a short or incompressible one is stored as it is; damaged rows
// are refused.
func TestVersionText(t *testing.T) {
	long := strings.Repeat("中华人民共和国和塞尔维亚共和国联合声明。Joint statement. ", 30)
	noise := make([]byte, 3000)
	rand.NewChaCha8([32]byte{2}).Read(noise)
	for _, c := range []struct {
		name   string
		text   string
		packed bool
	}{
		{"statement", long, true},
		{"short", "双方同意。", false},
		{"incompressible", string(noise), false},
		{"empty", "", false},
	} {
		z := (&deflaters{}).packText(c.text)
		if (z != nil) != c.packed {
			t.Errorf("%s: packed %v, want %v", c.name, z != nil, c.packed)
		}
		plain := c.text
		if z != nil {
			plain = ""
		}
		got, err := versionText(plain, z)
		if err != nil || got != c.text {
			t.Errorf("%s: reads back %d bytes, %v", c.name, len(got), err)
		}
		if n := versionTextSize(plain, z); n != int64(len(c.text)) {
			t.Errorf("%s: size %d, want %d", c.name, n, len(c.text))
		}
	}
	z := (&deflaters{}).packText(long)
	for _, c := range []struct {
		name  string
		plain string
		z     []byte
	}{
		{"both columns set", "x", z},
		{"truncated", "", z[:len(z)/2]},
		{"no length", "", []byte{}},
		{"length says more", "", append([]byte{0xff, 0x01}, z[2:]...)},
	} {
		if got, err := versionText(c.plain, c.z); err == nil {
			t.Errorf("%s: read %d bytes without an error", c.name, len(got))
		}
	}
	// a text held by its blob: read from the blob as stored, deflated or
	// as it came; refused when the blob is missing or of another length
	held := textInBlobZ(len(long))
	packed, how := (&deflaters{}).packBlob([]byte(long))
	for _, c := range []struct {
		name  string
		blob  []byte
		comp  sql.NullString
		valid bool
	}{
		{"deflated blob", packed, sql.NullString{String: how, Valid: true}, true},
		{"blob as it came", []byte(long), sql.NullString{Valid: true}, true},
		{"no blob", nil, sql.NullString{}, false},
		{"a shorter blob", []byte(long[:100]), sql.NullString{Valid: true}, false},
	} {
		got, err := versionTextOf("", held, c.blob, c.comp)
		if c.valid != (err == nil) || c.valid && got != long {
			t.Errorf("%s: read %d bytes, %v", c.name, len(got), err)
		}
	}
	if n := versionTextSize("", held); n != int64(len(long)) {
		t.Errorf("a text held by its blob: size %d, want %d", n, len(long))
	}
}

// FuzzVersionText: whatever text_z holds, reading it gives a text of the
// length it states or an error, never a panic.
func FuzzVersionText(f *testing.F) {
	f.Add((&deflaters{}).packText(strings.Repeat("合作共赢。", 100)))
	f.Add([]byte{0x05, 0xff})
	f.Fuzz(func(t *testing.T, z []byte) {
		got, err := versionText("", z)
		if err == nil && int64(len(got)) != versionTextSize("", z) {
			t.Fatalf("read %d bytes, stored length %d", len(got), versionTextSize("", z))
		}
	})
}

// TestDeflatersReuse: a writer taken again from the pool compresses the
// next input on its own (nothing of the last one leaks into it).
func TestDeflatersReuse(t *testing.T) {
	var d deflaters
	inputs := []string{
		strings.Repeat("双方同意深化务实合作。", 80),
		strings.Repeat("The two sides agreed to deepen cooperation. ", 60),
		strings.Repeat("双方同意深化务实合作。", 80),
	}
	for i, in := range inputs {
		z := d.packText(in)
		got, err := versionText("", z)
		if err != nil || got != in {
			t.Errorf("input %d: reads back %d bytes, %v", i, len(got), err)
		}
		stored, comp := d.packBlob([]byte(in))
		back, err := unpackBlob(stored, comp, int64(len(in)))
		if err != nil || string(back) != in {
			t.Errorf("input %d as bytes: reads back %d bytes, %v", i, len(back), err)
		}
	}
}

// FuzzDeflateReadsBack: whatever bytes are stored, compressed by the
// store's writer (klauspost/compress), the standard library's inflater
// that every reader uses gives them back exactly, as bytes and as a
// version's text; the corpus's statements, in every encoding and format,
// are among the seeds, and each compresses to at most half of its text.
func FuzzDeflateReadsBack(f *testing.F) {
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.*"))
	if err != nil || len(paths) == 0 {
		f.Fatalf("the corpus: %d files, %v", len(paths), err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		if strings.HasSuffix(p, ".zh.txt") {
			if z := (&deflaters{}).packText(string(b)); z == nil || len(z) > len(b)/2 {
				f.Errorf("%s: %d bytes deflated to %d", p, len(b), len(z))
			}
		}
	}
	f.Add([]byte(strings.Repeat("合作共赢。", 100)))
	f.Add(bytes.Repeat([]byte{0}, 70000))
	var d deflaters
	f.Fuzz(func(t *testing.T, data []byte) {
		stored, comp := d.packBlob(data)
		back, err := unpackBlob(stored, comp, int64(len(data)))
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("%d bytes stored as %q read back as %d bytes, %v", len(data), comp, len(back), err)
		}
		if comp == blobDeflate {
			r := flate.NewReader(bytes.NewReader(stored))
			plain, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(plain, data) {
				t.Fatalf("the standard library inflates %d bytes of %d, %v", len(plain), len(data), err)
			}
		}
		if !utf8.Valid(data) {
			return
		}
		z := d.packText(string(data))
		text, err := versionText("", z)
		if z != nil && (err != nil || text != string(data)) {
			t.Fatalf("text of %d bytes read back as %d bytes, %v", len(data), len(text), err)
		}
	})
}
