package extract

// wordTable maps a word's key to a value V: an open-addressed table,
// probed linearly and kept at most half full, looked up with the hash the
// tokenizer computed once per word (keyHash). Both readers look every word
// of a text up in such tables (the phrase tables, and the English and
// Serbian reader's index of them), where a map would hash the key again
// on each look-up. Entries are never removed.
type wordTable[V any] struct {
	slots   []int32 // index+1 into entries; 0 marks an empty slot
	entries []wordEntry[V]
}

type wordEntry[V any] struct {
	key  string
	hash uint64
	val  V
}

// get returns the value of key, whose hash is h, or nil.
func (t *wordTable[V]) get(key string, h uint64) *V {
	if len(t.slots) == 0 {
		return nil
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := t.slots[i]
		if e == 0 {
			return nil
		}
		if en := &t.entries[e-1]; en.hash == h && en.key == key {
			return &en.val
		}
	}
}

// entry returns the value of key, made (zero) if new; the pointer holds
// until the next call.
func (t *wordTable[V]) entry(key string) *V {
	h := keyHash(key)
	if v := t.get(key, h); v != nil {
		return v
	}
	t.entries = append(t.entries, wordEntry[V]{key: key, hash: h})
	if len(t.entries)*2 > len(t.slots) {
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
	i := t.entries[k].hash & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = int32(k + 1)
}
