package lexicon

// Matcher finds many words in a text in one left-to-right pass: a trie over
// runes walked from each position, keeping the leftmost-longest match and
// skipping past it. Cue words are short (rarely over ten characters), so the
// pass costs a bounded number of steps per character, whatever the number
// of words: one pass per table instead of one regular expression per cue.
type Matcher struct {
	nodes []node
}

type node struct {
	next    map[rune]int32
	payload int32 // index+1 of the word's payload; 0 when no word ends here
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
	for _, r := range word {
		n := &m.nodes[cur]
		nx, ok := n.next[r]
		if !ok {
			if n.next == nil {
				n.next = map[rune]int32{}
			}
			nx = int32(len(m.nodes))
			n.next[r] = nx
			m.nodes = append(m.nodes, node{})
		}
		cur = nx
	}
	m.nodes[cur].payload = int32(payload) + 1
}

// FindAll returns the leftmost-longest, non-overlapping matches in text.
func (m *Matcher) FindAll(text []rune) []Match {
	var out []Match
	for i := 0; i < len(text); {
		end, payload := m.longestAt(text, i)
		if end < 0 {
			i++
			continue
		}
		out = append(out, Match{Start: i, End: end, Payload: payload})
		i = end
	}
	return out
}

// FindOverlapping returns, for every position, the longest word that starts
// there, so that words inside longer words are found too.
func (m *Matcher) FindOverlapping(text []rune) []Match {
	var out []Match
	for i := range text {
		if end, payload := m.longestAt(text, i); end >= 0 {
			out = append(out, Match{Start: i, End: end, Payload: payload})
		}
	}
	return out
}

// LongestAt returns the end and payload of the longest word starting at i,
// or -1 when none does.
func (m *Matcher) LongestAt(text []rune, i int) (end, payload int) {
	return m.longestAt(text, i)
}

func (m *Matcher) longestAt(text []rune, i int) (int, int) {
	cur, end, payload := int32(0), -1, 0
	for j := i; j < len(text); j++ {
		nx, ok := m.nodes[cur].next[text[j]]
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

// SuffixAt returns the start and payload of the longest word that ends at
// position end (exclusive) in text, or -1. It needs the matcher to have been
// built from reversed words (see AddReversed).
func (m *Matcher) SuffixAt(text []rune, end int) (start, payload int) {
	cur, start, payload := int32(0), -1, 0
	for j := end - 1; j >= 0; j-- {
		nx, ok := m.nodes[cur].next[text[j]]
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
