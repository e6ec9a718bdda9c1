package structure

// Buffers is the working memory of a parse: the text's lines, the blocks
// as they are read, and every block's sentences before the layout's list
// of them is made. A reader that parses one text after another keeps it
// (ParseWith, ParseInto), so that a parse allocates little more than what
// the reader keeps: the collector's work grows with every byte allocated.
// A layout from ParseWith never points into it (its blocks are copied
// out); one from ParseInto has its blocks and sentences here.
type Buffers struct {
	lines     []line
	blocks    []Block
	sentences []Sentence // a ParseInto layout's
	segs      []string   // the sentences of every block, in order
	offs      []int      // each sentence's byte offset in its block
	ends      []int      // each block's run of segs ends here
	// titleSrc and titleLower are the title words of the vocabulary
	// parsed with last and the same in lower case (titleWordsLower): a
	// reader's vocabulary is the same from document to document
	titleSrc, titleLower []string
	// closingSrc and closingTitled are the closing words of the vocabulary
	// and each with its first letter in upper case (Sačinjeno u, Done at),
	// made once for the vocabulary the parser's buffers last saw.
	closingSrc, closingTitled []string
}

// lend takes back the slices a parse grew, the lines emptied of the text
// at once (no layout holds them), the blocks and sentences as they are:
// a ParseInto layout reads them until Reset.
func (b *Buffers) lend(lines []line, blocks []Block, sentences []Sentence) {
	clear(lines[:cap(lines)])
	clear(b.segs[:cap(b.segs)])
	b.lines, b.segs, b.blocks = lines[:0], b.segs[:0], blocks
	if sentences != nil {
		b.sentences = sentences
	}
}

// Reset empties the buffers of every string of the last text parsed
// through them, so that buffers kept between documents keep no text
// alive; the blocks and sentences of a layout from ParseInto are cleared
// with them.
func (b *Buffers) Reset() {
	clear(b.lines[:cap(b.lines)])
	clear(b.blocks[:cap(b.blocks)])
	clear(b.sentences[:cap(b.sentences)])
	clear(b.segs[:cap(b.segs)])
	b.lines, b.blocks, b.sentences, b.segs = b.lines[:0], b.blocks[:0], b.sentences[:0], b.segs[:0]
}
