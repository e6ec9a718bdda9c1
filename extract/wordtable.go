package extract

// wordTable maps a word's key to a value V: an open-addressed table,
// probed linearly and kept at most half full, looked up with the hash the
// tokenizer computed once per word (keyHash). Both readers look every word
// of a text up in such tables (the phrase tables, and the English and
// Serbian reader's index of them), where a map would hash the key again
// on each look-up. Entries are never removed.
//
// A key may belong to an owner (a number, 0 for none): the splits of a
// phrase table by second word share one table, each its keys. The keys
// are kept one after another in text, not as strings of their own, so
// that a table whose V holds no pointer holds none at all: the collector
// scans the reader's tables, thousands of entries, on every cycle, and
// skips memory without pointers.
type wordTable[V any] struct {
	slots   []int32 // index+1 into entries; 0 marks an empty slot
	entries []wordEntry[V]
	text    []byte // the entries' keys
}

type wordEntry[V any] struct {
	off, n int32 // the key: text[off:off+n]
	owner  int32
	hash   uint64 // the key's hash (keyHash), not the owner's
	val    V
}

// ownerHash mixes an owner into a key's hash for the slot it takes, so
// that owners' same keys spread over the table.
func ownerHash(h uint64, owner int32) uint64 {
	return h ^ uint64(owner)*0x9E3779B97F4A7C15
}

// get returns the value of key, whose hash is h, or nil, in a table of
// keys of no owner (a table holds keys of owners or of none, never both:
// get does not ask). Small enough to be inlined in the callers that look
// every word up.
func (t *wordTable[V]) get(key string, h uint64) *V {
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; len(t.slots) > 0; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl == 0 {
			return nil
		}
		if en := &t.entries[sl-1]; en.hash == h && string(t.text[en.off:en.off+en.n]) == key {
			return &en.val
		}
	}
	return nil
}

// getOf returns the value of an owner's key, whose hash is h, or nil.
func (t *wordTable[V]) getOf(owner int32, key string, h uint64) *V {
	if len(t.slots) == 0 {
		return nil
	}
	m := ownerHash(h, owner)
	mask := uint64(len(t.slots) - 1)
	for i := m & mask; ; i = (i + 1) & mask {
		sl := t.slots[i]
		if sl == 0 {
			return nil
		}
		if en := &t.entries[sl-1]; en.hash == h && en.owner == owner && string(t.text[en.off:en.off+en.n]) == key {
			return &en.val
		}
	}
}

// key returns the key of entry k.
func (t *wordTable[V]) key(k int) string {
	e := &t.entries[k]
	return string(t.text[e.off : e.off+e.n])
}

// entry returns the value of key, made (zero) if new; the pointer holds
// until the next call.
func (t *wordTable[V]) entry(key string) *V { return t.entryOf(0, key) }

// entryOf returns the value of an owner's key, made (zero) if new; the
// pointer holds until the next call. The table is kept at most a quarter
// full, so that a probe for a key it lacks ends soon: most words are not
// in a table.
func (t *wordTable[V]) entryOf(owner int32, key string) *V {
	h := keyHash(key)
	if v := t.getOf(owner, key, h); v != nil {
		return v
	}
	t.entries = append(t.entries, wordEntry[V]{off: int32(len(t.text)), n: int32(len(key)), owner: owner, hash: h})
	t.text = append(t.text, key...)
	if len(t.entries)*4 > len(t.slots) {
		t.slots = make([]int32, max(16, len(t.slots)*2))
		for k := range t.entries {
			t.place(k)
		}
	} else {
		t.place(len(t.entries) - 1)
	}
	return &t.entries[len(t.entries)-1].val
}

func (t *wordTable[V]) place(k int) {
	mask := uint64(len(t.slots) - 1)
	en := &t.entries[k]
	m := ownerHash(en.hash, en.owner)
	i := m & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = int32(k + 1)
}
