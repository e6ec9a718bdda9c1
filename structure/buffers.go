package structure

// Buffers is the working memory of a parse: the text's lines, the blocks
// as they are read, and every block's sentences before the layout's list
// of them is made. A reader that parses one text after another keeps it
// (ParseWith), so that a parse allocates what it returns and little else:
// the collector's work grows with every byte allocated. The layout returned
// never points into it: its blocks are copied out, at their number.
type Buffers struct {
	lines  []line
	blocks []Block
	segs   []string // the sentences of every block, in order
	offs   []int    // each sentence's byte offset in its block
	ends   []int    // each block's run of segs ends here
}

// keep takes back the slices a parse grew, emptied of every string of
// the text, so that the buffers keep no text alive between parses.
func (b *Buffers) keep(lines []line, blocks []Block) {
	clear(lines[:cap(lines)])
	clear(blocks[:cap(blocks)])
	clear(b.segs[:cap(b.segs)])
	b.lines, b.blocks, b.segs = lines[:0], blocks[:0], b.segs[:0]
}
