package sqlstore

import (
	"encoding/binary"
	"errors"
)

// A plain-text upload's text is rarely its bytes exactly: decoding drops
// the final newline, spaces at the ends of lines, carriage returns. Its
// blob then holds the bytes deflated and its version held the text
// deflated again: a second DEFLATE of the same words (a tenth of a batch's
// storing CPU) and a second copy on disk (a tenth of a small collection).
//
// When the text is the original's bytes with some bytes left out, the
// version instead names its blob (versions.text_blob, migration 0048) and
// text_z holds the runs of the blob's bytes the text keeps:
//
//	uvarint(len(text)) 0xFE uvarint(len(original)) {uvarint(skip) uvarint(keep)}…
//
// 0xFE, like textInBlob's 0xFF, cannot begin a DEFLATE stream (block type
// 3 is reserved), so the two forms never read as each other. The blob
// named is always the version's own source (sources.sha256 is unique, and
// the version is written with it): it goes only when the version goes.
const textFromBlob = 0xFE

// Bounds on when a text is kept as runs of its original: the original at
// most an eighth longer than the text (reading the text inflates the whole
// original, so an HTML page's markup is never read for its few words), and
// the runs no more than a thirty-second of the text (a handful for a
// statement; far less than deflating it would take).
const (
	runsMinText    = 256
	runsSlackDiv   = 8
	runsBudgetDiv  = 32
	runsBudgetBase = 16
)

// textRunsZ returns text_z for text held as runs of original, or nil when
// text is not original less some of its bytes within the bounds above.
// It reads each byte of both once.
func textRunsZ(text string, original []byte) []byte {
	if len(text) < runsMinText || len(original) < len(text) || len(original)-len(text) > len(text)/runsSlackDiv {
		return nil
	}
	budget := runsBudgetBase + len(text)/runsBudgetDiv
	z := make([]byte, 0, 3*binary.MaxVarintLen64+budget)
	z = binary.AppendUvarint(z, uint64(len(text)))
	z = append(z, textFromBlob)
	z = binary.AppendUvarint(z, uint64(len(original)))
	head := len(z)
	i, j := 0, 0
	for i < len(text) {
		// Leaving out the fewest bytes before the next match keeps the
		// text a subsequence whenever it is one (the greedy test of a
		// subsequence), so a text that is one is never refused here.
		from := j
		for j < len(original) && original[j] != text[i] {
			j++
		}
		if j == len(original) {
			return nil
		}
		skip := j - from
		from = j
		for i < len(text) && j < len(original) && text[i] == original[j] {
			i++
			j++
		}
		z = binary.AppendUvarint(z, uint64(skip))
		z = binary.AppendUvarint(z, uint64(j-from))
		if len(z)-head > budget {
			return nil
		}
	}
	return z
}

// isTextRuns reports whether text_z (past its length, at n) holds runs.
func isTextRuns(z []byte, n int) bool {
	return len(z) > n+1 && z[n] == textFromBlob
}

// runsBlobSize returns the size of the original that runs (text_z past
// its length and mark) cut, and where the runs begin.
func runsBlobSize(runs []byte) (int64, int, error) {
	size, n := binary.Uvarint(runs)
	if n <= 0 || size > maxBlobSize {
		return 0, 0, errors.New("version text: bad size of its original")
	}
	return int64(size), n, nil
}

// applyTextRuns returns the text of size bytes that runs keep of original.
// Damaged runs (past the original's end, keeping nothing, longer or
// shorter than the text) are an error, never a text cut or padded.
func applyTextRuns(runs, original []byte, size int) (string, error) {
	out := make([]byte, 0, size)
	pos := uint64(0)
	for len(out) < size {
		skip, n := binary.Uvarint(runs)
		if n <= 0 {
			return "", errors.New("version text: runs end before the text")
		}
		runs = runs[n:]
		keep, n := binary.Uvarint(runs)
		if n <= 0 || keep == 0 {
			return "", errors.New("version text: a run keeps nothing")
		}
		runs = runs[n:]
		if skip > uint64(len(original))-pos || keep > uint64(len(original))-pos-skip || keep > uint64(size-len(out)) {
			return "", errors.New("version text: a run past its original or its text")
		}
		pos += skip
		out = append(out, original[pos:pos+keep]...)
		pos += keep
	}
	if len(runs) != 0 {
		return "", errors.New("version text: runs past the text")
	}
	return string(out), nil
}
