package extract

import (
	"fmt"
	"testing"
)

// TestKeyTable finds every key put in the table, across its growth, and
// none that was not: keys that share a prefix, the empty key, keys in both
// scripts.
func TestKeyTable(t *testing.T) {
	var kt keyTable
	var keys []string
	for i := range 500 {
		keys = append(keys, fmt.Sprintf("k%d", i))
	}
	keys = append(keys, "", "podrž", "подрж", "the", "th", "t")
	for i, k := range keys {
		kt.entry(k).next = int32(i + 1)
	}
	for i, k := range keys {
		e := kt.get(k, keyHash(k))
		if e == nil || e.next != int32(i+1) {
			t.Fatalf("get(%q) = %+v, want the entry of %d", k, e, i)
		}
	}
	for _, k := range []string{"k500", "thee", "podr", "K1"} {
		if e := kt.get(k, keyHash(k)); e != nil {
			t.Errorf("get(%q) = %+v, want none", k, e)
		}
	}
}

// TestKeyTableOwners keeps the owners' keys apart: the same key of two
// owners is two entries, and an owner finds none of another's.
func TestKeyTableOwners(t *testing.T) {
	var ct wordTable[chain]
	tests := []struct {
		owner int32
		key   string
	}{{1, "the"}, {2, "the"}, {1, "sides"}, {3, ""}, {2, "strane"}, {300, "the"}}
	for i, tc := range tests {
		ct.entryOf(tc.owner, tc.key).n = int32(i + 1)
	}
	for i := range 200 { // grow it past its first sizes
		ct.entryOf(int32(i+10), fmt.Sprint(i))
	}
	for i, tc := range tests {
		if c := ct.getOf(tc.owner, tc.key, keyHash(tc.key)); c == nil || c.n != int32(i+1) {
			t.Errorf("getOf(%d, %q) = %+v, want the entry of %d", tc.owner, tc.key, c, i+1)
		}
	}
	for _, tc := range []struct {
		owner int32
		key   string
	}{{3, "the"}, {1, "strane"}, {2, ""}, {4, "sides"}} {
		if c := ct.getOf(tc.owner, tc.key, keyHash(tc.key)); c != nil {
			t.Errorf("getOf(%d, %q) = %+v, want none", tc.owner, tc.key, c)
		}
	}
}

// FuzzTokenHashes holds the hashes the tokenizer keeps with each word (in
// one pass over the key) to the hash of the key and of each head.
func FuzzTokenHashes(f *testing.F) {
	for _, s := range []string{"The two sides agreed.", "Dve strane će podržati U.S.-China", "Стране ће ПОДРЖАТИ", "a b ab abc", "ž đ Šta"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range tokenize([]rune(s)) {
			if !w.hashed || w.keyHash != keyHash(w.Key) {
				t.Fatalf("%q: key %q hash %x, want %x", s, w.Key, w.keyHash, keyHash(w.Key))
			}
			if w.Punct {
				continue
			}
			for n := range w.headEnd {
				if h := keyHash(w.head(n)); w.headHash[n] != h {
					t.Fatalf("%q: head %d %q hash %x, want %x", s, n, w.head(n), w.headHash[n], h)
				}
			}
		}
	})
}
