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
		kt.entry(k).exact = append(kt.entry(k).exact, i)
	}
	for i, k := range keys {
		e := kt.get(k, keyHash(k))
		if e == nil || len(e.exact) != 1 || e.exact[0] != i {
			t.Fatalf("get(%q) = %+v, want the entry of %d", k, e, i)
		}
	}
	for _, k := range []string{"k500", "thee", "podr", "K1"} {
		if e := kt.get(k, keyHash(k)); e != nil {
			t.Errorf("get(%q) = %+v, want none", k, e)
		}
	}
}
