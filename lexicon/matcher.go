package lexicon

// Matcher finds many words in a text in one left-to-right pass: a trie over
// runes walked from each position, keeping the leftmost-longest match and
// skipping past it. Cue words are short (rarely over ten characters), so the
// pass costs a bounded number of steps per character, whatever the number
// of words: one pass per table instead of one regular expression per cue.
type Matcher struct {
	// nodes hold, for each node of the trie but the root, where its
	// edges are and the payload of the word ending there: twelve bytes a
	// node, read with its edges on every step of a walk
	nodes []node
	// edges holds each node's edges in one run (edges[off:off+n]), each
	// an edge's rune and node index in one word (rune<<32 | index), in
	// the order of their runes: a cue
	// trie branches little below its root, and a scan over a few words
	// beats hashing. A run that fills moves to the end at twice its room.
	edges []uint64
	// first marks the runes of the Basic Multilingual Plane that start a
	// word: most characters start none, and the bit test spares them the
	// lookup.
	first [1 << 16 / 64]uint64
	// pairs has a bit for each word's first two runes (hashed, pairBit),
	// and one marks the first runes that are a word by themselves: a
	// position whose first rune starts some word but whose two runes
	// start none, and that is no word alone, holds no match, and most
	// positions a scan walks from are such (the second rune misses).
	pairs [1 << 16 / 64]uint64
	one   [1 << 16 / 64]uint64
	root  rootTable // the root's children: the one wide node
	// bmp holds the root's children whose rune is in the Basic
	// Multilingual Plane in blocks of 64 runes: block[r>>6] is the
	// block's index+1 in bmp (0: no word starts in it), and the entry is
	// the child node, 0 for none. Two loads instead of a probe, on the
	// path every character a word may start with takes; pointer-free.
	block [1 << 10]uint16
	bmp   []int32
}

// rootChild returns the node of a word's first rune r, 0 when no word
// starts with r.
func (m *Matcher) rootChild(r rune) int32 {
	if r < 1<<16 {
		if b := m.block[r>>6]; b != 0 {
			return m.bmp[int(b-1)<<6|int(r&0x3F)]
		}
		return 0
	}
	v, _ := m.root.get(r)
	return v
}

// rootTable maps a word's first rune to its node: an open-addressed table,
// cheaper to probe than a map on the path every character of a text takes.
type rootTable struct {
	keys []rune  // 0 marks an empty slot (no word starts with NUL)
	vals []int32 // node of keys[i]
	n    int
}

func (t *rootTable) slot(r rune) int {
	return int(uint32(r)*2654435761) & (len(t.keys) - 1)
}

func (t *rootTable) get(r rune) (int32, bool) {
	if len(t.keys) == 0 || r == 0 {
		return 0, false
	}
	for i := t.slot(r); ; i = (i + 1) & (len(t.keys) - 1) {
		switch t.keys[i] {
		case r:
			return t.vals[i], true
		case 0:
			return 0, false
		}
	}
}

func (t *rootTable) put(r rune, v int32) {
	if (t.n+1)*2 > len(t.keys) {
		old := *t
		size := max(16, len(old.keys)*2)
		*t = rootTable{keys: make([]rune, size), vals: make([]int32, size)}
		for i, k := range old.keys {
			if k != 0 {
				t.put(k, old.vals[i])
			}
		}
	}
	i := t.slot(r)
	for t.keys[i] != 0 && t.keys[i] != r {
		i = (i + 1) & (len(t.keys) - 1)
	}
	if t.keys[i] == 0 {
		t.n++
	}
	t.keys[i], t.vals[i] = r, v
}

// node is a node's run of edges and its payload: index+1 of the payload
// of the word ending there, 0 when none does. A run has room for the
// power of two at or above its length (at least two), so a run is full
// when its length is one of those powers, or 0.
type node struct {
	off, n  uint32
	payload int32
}

func (m *Matcher) step(cur int32, r rune) (int32, bool) {
	if cur == 0 {
		return m.root.get(r)
	}
	return m.child(cur, r)
}

// child returns the node the edge from cur by r leads to. A node's edges
// are kept in the order of their runes: a scan stops at the first rune
// past r (most steps of a walk miss), and a long run is halved instead.
func (m *Matcher) child(cur int32, r rune) (int32, bool) {
	nd := &m.nodes[cur]
	key := uint64(uint32(r))
	if nd.n > 8 {
		run := m.edges[nd.off : nd.off+nd.n]
		lo, hi := 0, len(run)
		for lo < hi {
			h := int(uint(lo+hi) >> 1)
			if run[h]>>32 < key {
				lo = h + 1
			} else {
				hi = h
			}
		}
		if lo < len(run) && run[lo]>>32 == key {
			return int32(uint32(run[lo])), true
		}
		return 0, false
	}
	// a short run (most nodes below the root have one edge or two) read
	// by index: no slice of it made
	edges := m.edges
	for k, end := int(nd.off), int(nd.off+nd.n); k < end; k++ {
		if e := edges[k]; e>>32 >= key {
			if e>>32 == key {
				return int32(uint32(e)), true
			}
			break
		}
	}
	return 0, false
}

// addEdge gives node cur an edge by r to node nx, moving its run of edges
// to the end of edges, with twice the room, when it is full.
func (m *Matcher) addEdge(cur int32, r rune, nx int32) {
	nd := &m.nodes[cur]
	if n := nd.n; n == 0 || n >= 2 && n&(n-1) == 0 {
		off := uint32(len(m.edges))
		m.edges = append(m.edges, m.edges[nd.off:nd.off+n]...)
		m.edges = append(m.edges, make([]uint64, max(2, 2*n)-n)...)
		nd.off = off
	}
	// in the order of the runes (child stops at the first past its own)
	run := m.edges[nd.off : nd.off+nd.n+1]
	e := uint64(uint32(r))<<32 | uint64(uint32(nx))
	k := int(nd.n)
	for k > 0 && run[k-1] > e {
		run[k] = run[k-1]
		k--
	}
	run[k] = e
	nd.n++
}

// Starts reports whether some word may start with r (of a matcher built
// with AddReversed: end with r), so that a caller walking a text position
// by position can pass over most characters without asking.
func (m *Matcher) Starts(r rune) bool { return m.starts(r) }

// starts reports whether a word may start with r (the first-rune bits; a
// rune past the Basic Multilingual Plane shares its bit with one in it, so
// a set bit may be a false alarm, never a miss).
func (m *Matcher) starts(r rune) bool {
	return m.first[uint32(r)>>6&1023]&(1<<(uint32(r)&63)) != 0
}

// Match is one occurrence of a word, in rune offsets [Start, End).
type Match struct {
	Start, End int
	Payload    int
}

// NewMatcher returns an empty matcher.
func NewMatcher() *Matcher {
	return &Matcher{nodes: []node{{}}}
}

// Add inserts a word with its payload. Adding the same word again replaces
// its payload: the later entry wins.
func (m *Matcher) Add(word string, payload int) {
	if word == "" {
		return
	}
	cur := int32(0)
	var r0 rune
	k := 0
	for i, r := range word {
		if i == 0 {
			m.first[uint32(r)>>6&1023] |= 1 << (uint32(r) & 63)
			r0 = r
		} else if k == 1 {
			h := pairBit(r0, r)
			m.pairs[h>>6] |= 1 << (h & 63)
		}
		k++
		nx, ok := m.step(cur, r)
		if !ok {
			nx = int32(len(m.nodes))
			if cur == 0 {
				if r == 0 {
					return // no word starts with NUL (the table's empty mark)
				}
				m.root.put(r, nx)
				if r < 1<<16 {
					if m.block[r>>6] == 0 {
						m.bmp = append(m.bmp, make([]int32, 64)...)
						m.block[r>>6] = uint16(len(m.bmp) >> 6)
					}
					m.bmp[int(m.block[r>>6]-1)<<6|int(r&0x3F)] = nx
				}
			} else {
				m.addEdge(cur, r, nx)
			}
			m.nodes = append(m.nodes, node{})
		}
		cur = nx
	}
	if k == 1 {
		m.one[uint32(r0)>>6&1023] |= 1 << (uint32(r0) & 63)
	}
	m.nodes[cur].payload = int32(payload) + 1
}

// pairBit hashes a word's first two runes to a bit of pairs.
func pairBit(a, b rune) uint32 {
	return (uint32(a)*2654435761 ^ uint32(b)*40503) >> 16
}

// mayMatchAt reports whether a word may start at i, whose rune starts
// some word (starts): it is a word alone, or some word opens with it and
// the next rune. False means none does; true may be a false alarm.
func (m *Matcher) mayMatchAt(text []rune, i int) bool {
	r := text[i]
	if m.one[uint32(r)>>6&1023]&(1<<(uint32(r)&63)) != 0 {
		return true
	}
	if i+1 >= len(text) {
		return false
	}
	h := pairBit(r, text[i+1])
	return m.pairs[h>>6]&(1<<(h&63)) != 0
}

// FindAll returns the leftmost-longest, non-overlapping matches in text.
func (m *Matcher) FindAll(text []rune) []Match { return m.AppendAll(nil, text) }

// AppendAll appends the leftmost-longest, non-overlapping matches in text
// to out, so that a caller reading many sentences can reuse one buffer.
// Most positions are passed over by the first-rune bits alone, so that
// test is written out in the loop, with the bit tables held by pointer
// (nothing reloaded from the matcher per position).
func (m *Matcher) AppendAll(out []Match, text []rune) []Match {
	first, one, pairs := &m.first, &m.one, &m.pairs
	for i := 0; i < len(text); i++ {
		r := uint32(text[i])
		if first[r>>6&1023]&(1<<(r&63)) == 0 {
			continue // most characters start no word: no walk
		}
		if one[r>>6&1023]&(1<<(r&63)) == 0 {
			// no word is this rune alone: a word must go on with the next
			if i+1 >= len(text) {
				break
			}
			h := pairBit(rune(r), text[i+1])
			if pairs[h>>6&1023]&(1<<(h&63)) == 0 {
				continue
			}
		}
		end, payload := m.walk(text, i)
		if end < 0 {
			continue
		}
		out = append(out, Match{Start: i, End: end, Payload: payload})
		i = end - 1
	}
	return out
}

// walk is longestAt from a position in text whose rune starts some word
// (the caller has checked the bounds and the first-rune bits).
func (m *Matcher) walk(text []rune, i int) (int, int) {
	cur := m.rootChild(text[i])
	if cur == 0 {
		return -1, 0
	}
	end, payload := -1, 0
	if p := m.nodes[cur].payload; p != 0 {
		end, payload = i+1, int(p-1)
	}
	for j := i + 1; j < len(text); j++ {
		nx, ok := m.child(cur, text[j])
		if !ok {
			break
		}
		cur = nx
		if p := m.nodes[cur].payload; p != 0 {
			end, payload = j+1, int(p-1)
		}
	}
	return end, payload
}

// FindOverlapping returns, for every position, the longest word that starts
// there, so that words inside longer words are found too.
func (m *Matcher) FindOverlapping(text []rune) []Match {
	var out []Match
	for i := range text {
		if !m.starts(text[i]) {
			continue
		}
		if end, payload := m.longestAt(text, i); end >= 0 {
			out = append(out, Match{Start: i, End: end, Payload: payload})
		}
	}
	return out
}

// LongestAt returns the end and payload of the longest word starting at i,
// or -1 when none does. Small enough to be inlined, so that a rule asking at
// every position pays a call only where a word may start.
func (m *Matcher) LongestAt(text []rune, i int) (end, payload int) {
	if uint(i) >= uint(len(text)) || !m.starts(text[i]) {
		return -1, 0
	}
	return m.walk(text, i)
}

func (m *Matcher) longestAt(text []rune, i int) (int, int) { return m.LongestAt(text, i) }

// SuffixAt returns the start and payload of the longest word that ends at
// position end (exclusive) in text, or -1. It needs the matcher to have been
// built from reversed words (see AddReversed). Inlined like LongestAt.
func (m *Matcher) SuffixAt(text []rune, end int) (start, payload int) {
	if end <= 0 || end > len(text) || !m.starts(text[end-1]) {
		return -1, 0
	}
	return m.walkBack(text, end)
}

// walkBack is SuffixAt once the bounds and the last rune's bits are
// checked.
func (m *Matcher) walkBack(text []rune, end int) (start, payload int) {
	cur := m.rootChild(text[end-1])
	if cur == 0 {
		return -1, 0
	}
	start, payload = -1, 0
	if p := m.nodes[cur].payload; p != 0 {
		start, payload = end-1, int(p-1)
	}
	for j := end - 2; j >= 0; j-- {
		nx, ok := m.child(cur, text[j])
		if !ok {
			break
		}
		cur = nx
		if p := m.nodes[cur].payload; p != 0 {
			start, payload = j, int(p-1)
		}
	}
	return start, payload
}

// AddReversed inserts a word spelt backwards, for SuffixAt.
func (m *Matcher) AddReversed(word string, payload int) {
	r := []rune(word)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	m.Add(string(r), payload)
}
