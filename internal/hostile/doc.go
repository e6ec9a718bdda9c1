package hostile

import (
	"encoding/binary"
	"unicode/utf16"
)

// WordDoc returns a legacy Word 97 document (.doc) holding text, one
// paragraph per line: a Compound File with a WordDocument stream (the FIB
// and the text in UTF-16) and a 1Table stream (the piece table), the least
// that readers such as antiword need. Tests make it at run time, so that no
// binary fixture of unknown origin sits in the repository.
func WordDoc(text string) []byte {
	var units []uint16
	for _, r := range text {
		if r == '\n' {
			r = '\r' // Word's paragraph mark
		}
		units = append(units, utf16.Encode([]rune{r})...)
	}
	if len(units) == 0 || units[len(units)-1] != '\r' {
		units = append(units, '\r')
	}
	const textAt = 0x400
	// Word writes formatting after the text; readers such as catdoc stop
	// at the end of the stream, so the text must not end it.
	word := make([]byte, textAt+2*len(units)+512)
	le := binary.LittleEndian
	// FibBase
	le.PutUint16(word[0x00:], 0xA5EC)     // wIdent
	le.PutUint16(word[0x02:], 0x00C1)     // nFib: Word 97
	le.PutUint16(word[0x06:], 0x0409)     // lid
	le.PutUint16(word[0x0A:], 1<<9|1<<12) // fWhichTblStm (1Table), fExtChar (UTF-16 text)
	le.PutUint16(word[0x0C:], 0x00BF)     // nFibBack
	le.PutUint32(word[0x18:], textAt)     // fcMin (read by older readers)
	le.PutUint32(word[0x1C:], uint32(textAt+2*len(units)))
	le.PutUint16(word[0x20:], 14) // csw
	// fibRgW: 14 words of zero
	le.PutUint16(word[0x3E:], 22) // cslw
	rgLw := 0x40
	le.PutUint32(word[rgLw:], uint32(len(word)))     // cbMac
	le.PutUint32(word[rgLw+12:], uint32(len(units))) // ccpText
	le.PutUint16(word[0x98:], 93)                    // cbRgFcLcb
	// 1Table: the piece table, then a style sheet with one empty slot
	// (readers index into it without checking that it is there).
	clx := pieceTable(textAt, len(units))
	stsh := styleSheet()
	table := append(append([]byte{}, clx...), stsh...)
	le.PutUint32(word[0x1A2:], 0)                // fcClx
	le.PutUint32(word[0x1A6:], uint32(len(clx))) // lcbClx
	for _, at := range []int{0x9A, 0xA2} {       // fcStshfOrig, fcStshf
		le.PutUint32(word[at:], uint32(len(clx)))
		le.PutUint32(word[at+4:], uint32(len(stsh)))
	}
	for i, u := range units {
		le.PutUint16(word[textAt+2*i:], u)
	}
	return compoundFile([]cfbStream{{"1Table", table}, {"WordDocument", word}})
}

// styleSheet is an STSH of one style slot, left empty.
func styleSheet() []byte {
	le := binary.LittleEndian
	b := make([]byte, 2+18+2)
	le.PutUint16(b[0:], 18) // cbStshi
	le.PutUint16(b[2:], 1)  // cstd
	le.PutUint16(b[4:], 10) // cbSTDBaseInFile
	le.PutUint16(b[6:], 1)  // fStdStylenamesWritten
	le.PutUint16(b[8:], 1)  // stiMaxWhenSaved
	// istdMaxFixedWhenSaved, nVerBuiltInNamesWhenSaved, the three fonts: 0;
	// then the one slot, cbStd 0: empty
	return b
}

// pieceTable is a CLX with one piece: n characters of UTF-16 at fc.
func pieceTable(fc, n int) []byte {
	le := binary.LittleEndian
	plc := make([]byte, 8+8)
	le.PutUint32(plc[0:], 0)
	le.PutUint32(plc[4:], uint32(n))
	// PCD: 2 bytes of flags, fc (bit 30 clear: UTF-16), prm
	le.PutUint32(plc[8+2:], uint32(fc))
	out := []byte{0x02, 0, 0, 0, 0}
	le.PutUint32(out[1:], uint32(len(plc)))
	return append(out, plc...)
}

type cfbStream struct {
	name string
	data []byte
}

// compoundFile writes a version 3 Compound File Binary with the streams in
// its root storage. Streams are padded to the mini-stream cut-off (4 KiB),
// and their sizes say so, so that all of them live in ordinary 512-byte
// sectors (a smaller size would send readers to the mini stream); sizes are
// whole sectors, as Word writes them (catdoc drops a last partial block).
func compoundFile(streams []cfbStream) []byte {
	const (
		sector     = 512
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		free       = 0xFFFFFFFF
		noStream   = 0xFFFFFFFF
	)
	le := binary.LittleEndian
	// sector 0: FAT, sector 1: directory, then the streams
	fat := make([]uint32, sector/4)
	for i := range fat {
		fat[i] = free
	}
	fat[0], fat[1] = fatSect, endOfChain
	next := 2
	starts := make([]int, len(streams))
	sizes := make([]int, len(streams))
	var body []byte
	for i, s := range streams {
		data := s.data
		if len(data) < 4096 {
			data = append(append([]byte{}, data...), make([]byte, 4096-len(data))...)
		}
		n := (len(data) + sector - 1) / sector
		starts[i], sizes[i] = next, n*sector
		for k := range n {
			if k == n-1 {
				fat[next+k] = endOfChain
			} else {
				fat[next+k] = uint32(next + k + 1)
			}
		}
		next += n
		padded := make([]byte, n*sector)
		copy(padded, data)
		body = append(body, padded...)
	}
	header := make([]byte, sector)
	copy(header, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	le.PutUint16(header[0x18:], 0x003E)
	le.PutUint16(header[0x1A:], 0x0003)
	le.PutUint16(header[0x1C:], 0xFFFE)
	le.PutUint16(header[0x1E:], 9)
	le.PutUint16(header[0x20:], 6)
	le.PutUint32(header[0x2C:], 1) // FAT sectors
	le.PutUint32(header[0x30:], 1) // first directory sector
	le.PutUint32(header[0x38:], 4096)
	le.PutUint32(header[0x3C:], endOfChain) // no mini FAT
	le.PutUint32(header[0x44:], endOfChain) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(header[0x4C+4*i:], free)
	}
	le.PutUint32(header[0x4C:], 0) // the FAT is sector 0

	fatSector := make([]byte, sector)
	for i, v := range fat {
		le.PutUint32(fatSector[4*i:], v)
	}
	dir := make([]byte, sector)
	entry := func(i int, name string, typ byte, left, right, child uint32, start uint32, size int) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], left)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], uint32(size))
	}
	// The root's child is the last stream; each stream's left sibling is
	// the one before it (names sort by length, then letters: 1Table
	// before WordDocument).
	entry(0, "Root Entry", 5, noStream, noStream, uint32(len(streams)), endOfChain, 0)
	for i, s := range streams {
		left := uint32(noStream)
		if i > 0 {
			left = uint32(i)
		}
		entry(i+1, s.name, 2, left, noStream, noStream, uint32(starts[i]), sizes[i])
	}
	// unused entries
	for i := len(streams) + 1; i < 4; i++ {
		e := dir[128*i : 128*(i+1)]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	out := append(header, fatSector...)
	out = append(out, dir...)
	return append(out, body...)
}
