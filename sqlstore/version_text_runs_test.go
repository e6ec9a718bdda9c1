package sqlstore

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"strings"
	"testing"
)

// TestTextRuns: a text that is its original less some bytes (what decoding
// a plain-text file leaves out) is kept as runs of the original, which
// read back exactly; a text that is not, or whose original is much
// longer, or whose runs would be many, is not.
func TestTextRuns(t *testing.T) {
	para := strings.Repeat("中华人民共和国和塞尔维亚共和国联合声明。Both sides will implement the agreement. ", 8)
	lines := strings.Repeat(para+"\n", 3)
	text := strings.TrimSuffix(lines, "\n")
	// a byte put in every 40: within the original's slack, but a run for each
	var scattered []byte
	for i := 0; i < len(text); i += 40 {
		scattered = append(append(scattered, text[i:min(i+40, len(text))]...), 0)
	}
	for _, c := range []struct {
		name     string
		text     string
		original string
		runs     bool
		maxRuns  int // how many (skip, keep) pairs at most
	}{
		{"final newline", text, text + "\n", true, 1},
		{"carriage returns", text, strings.ReplaceAll(text, "\n", "\r\n") + "\r\n", true, 3},
		{"spaces at line ends", text, strings.ReplaceAll(text, "\n", "  \n"), true, 3},
		{"a byte order mark", text, "\ufeff" + text, true, 1},
		{"the same bytes", text, text, true, 1},
		{"not a subsequence", text, strings.Replace(text, "声明", "公报", 1), false, 0},
		{"original far longer (markup)", text, "<html><body><p>" + strings.ReplaceAll(text, "\n", "</p>\n<p>") + strings.Repeat("<!-- -->", 200) + "</p></body></html>", false, 0},
		{"too many runs", text, string(scattered), false, 0},
		{"short text", "双方同意。", "双方同意。\n", false, 0},
		{"original shorter", text, text[:len(text)-10], false, 0},
	} {
		z := textRunsZ(c.text, []byte(c.original))
		if (z != nil) != c.runs {
			t.Errorf("%s: runs %v, want %v", c.name, z != nil, c.runs)
			continue
		}
		if z == nil {
			continue
		}
		size, n := binary.Uvarint(z)
		if int(size) != len(c.text) || !isTextRuns(z, n) {
			t.Fatalf("%s: text_z does not begin with the text's length and the mark", c.name)
		}
		osize, m, err := runsBlobSize(z[n+1:])
		if err != nil || osize != int64(len(c.original)) {
			t.Fatalf("%s: original size %d (%v), want %d", c.name, osize, err, len(c.original))
		}
		if pairs := countRuns(t, z[n+1+m:]); pairs > c.maxRuns {
			t.Errorf("%s: %d runs, want at most %d", c.name, pairs, c.maxRuns)
		}
		// as the store reads it: the original stored raw and deflated
		for _, stored := range []struct {
			data []byte
			comp string
		}{{[]byte(c.original), blobRaw}, {deflated(t, c.original), blobDeflate}} {
			got, err := versionTextOf("", z, stored.data, sql.NullString{String: stored.comp, Valid: true})
			if err != nil || got != c.text {
				t.Errorf("%s (%s): reads back %d bytes (%v), want %d", c.name, stored.comp, len(got), err, len(c.text))
			}
		}
		if _, err := versionTextOf("", z, nil, sql.NullString{}); err == nil {
			t.Errorf("%s: read without its blob, want an error", c.name)
		}
		if n := versionTextSize("", z); n != int64(len(c.text)) {
			t.Errorf("%s: size %d, want %d", c.name, n, len(c.text))
		}
	}
}

// TestTextRunsDamaged: runs that do not add up to the text, or point past
// the original, are refused, never read cut or padded.
func TestTextRunsDamaged(t *testing.T) {
	original := []byte(strings.Repeat("abcdefgh", 64))
	runs := func(pairs ...uint64) []byte {
		var b []byte
		for _, p := range pairs {
			b = binary.AppendUvarint(b, p)
		}
		return b
	}
	for _, c := range []struct {
		name string
		runs []byte
		size int
	}{
		{"ends early", runs(0, 100), 200},
		{"keeps nothing", runs(0, 0, 0, 10), 10},
		{"past the original", runs(500, 100), 100},
		{"keep past the original", runs(0, 600), 600},
		{"longer than the text", runs(0, 20), 10},
		{"bytes after the text", runs(0, 10, 1), 10},
		{"a skip that overflows", runs(1<<63, 10), 10},
		{"no runs", nil, 10},
	} {
		if got, err := applyTextRuns(c.runs, original, c.size); err == nil {
			t.Errorf("%s: read %d bytes, want an error", c.name, len(got))
		}
	}
	if got, err := applyTextRuns(runs(0, 3, 5, 3), original, 6); err != nil || got != "abcabc" {
		t.Errorf("two runs read %q (%v), want abcabc", got, err)
	}
}

func countRuns(t *testing.T, runs []byte) int {
	t.Helper()
	pairs := 0
	for len(runs) > 0 {
		for range 2 {
			_, n := binary.Uvarint(runs)
			if n <= 0 {
				t.Fatal("runs end inside a pair")
			}
			runs = runs[n:]
		}
		pairs++
	}
	return pairs
}

func deflated(t testing.TB, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := (&deflaters{}).deflate(&b, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzTextRuns: whatever the text and original, runs are either refused
// or read back to the text exactly; and any bytes as runs read as a text
// of the size asked or as an error, never a panic.
func FuzzTextRuns(f *testing.F) {
	long := strings.Repeat("Both sides will push for the railway to be completed on schedule. ", 40)
	f.Add(long, long+"\n", []byte{0, 4})
	f.Add(long, strings.ReplaceAll(long, ". ", ".\r\n"), []byte{3, 4, 1, 2})
	f.Add(strings.Repeat("合作", 4000), strings.Repeat("合作 ", 4000), []byte{0xff, 0xff, 0xff, 0xff, 0x0f, 1})
	f.Fuzz(func(t *testing.T, text, original string, runs []byte) {
		if z := textRunsZ(text, []byte(original)); z != nil {
			got, err := versionTextOf("", z, []byte(original), sql.NullString{String: blobRaw, Valid: true})
			if err != nil || got != text {
				t.Fatalf("runs read back %d bytes (%v), want %d", len(got), err, len(text))
			}
		}
		size := len(text) % 4096
		if got, err := applyTextRuns(runs, []byte(original), size); err == nil && len(got) != size {
			t.Fatalf("runs read %d bytes without an error, want %d", len(got), size)
		}
	})
}
