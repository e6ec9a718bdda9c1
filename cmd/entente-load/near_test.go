package main

import (
	"testing"

	"github.com/entente/entente"
)

// TestNearKeysStayRare: statements of one genre (the generator's) seldom
// share a near-duplicate key, so the rows a key holds do not grow with the
// collection, while the same statement with another publisher's dateline
// and footer shares keys with its original and is found the same.
func TestNearKeysStayRare(t *testing.T) {
	g, err := loadGenre()
	if err != nil {
		t.Fatal(err)
	}
	const n = 300
	holders := map[int64]int{}
	wrappers := []struct{ head, foot string }{
		{"新华社北京5月8日电 ", "（完）"},
		{"BELGRADE, May 8 (Tanjug) - ", " (End)"},
		{"", "\n\nSource: Ministry of Foreign Affairs"},
	}
	for i := range n {
		text, _ := g.statement(7, i)
		keys := entente.NearSketch(text)
		if len(keys) == 0 {
			t.Fatalf("statement %d: no keys", i)
		}
		for _, k := range keys {
			holders[k]++
		}
		w := wrappers[i%len(wrappers)]
		copyKeys := entente.NearSketch(w.head + text + w.foot)
		if shared(keys, copyKeys) < entente.NearMinShared {
			t.Errorf("statement %d with a dateline and footer shares %d keys with its original", i, shared(keys, copyKeys))
		}
		if _, same := entente.NearSame(text, w.head+text+w.foot); !same {
			t.Errorf("statement %d with a dateline and footer is not the same statement", i)
		}
	}
	most := 0
	for _, c := range holders {
		most = max(most, c)
	}
	// before the keys, an 8-letter run of the genre's boilerplate was in
	// the sketches of half the collection
	if most > n/50 {
		t.Errorf("a key is held by %d of %d statements, want at most %d", most, n, n/50)
	}
}

func shared(a, b []int64) int {
	set := map[int64]bool{}
	for _, k := range a {
		set[k] = true
	}
	c := 0
	for _, k := range b {
		if set[k] {
			c++
		}
	}
	return c
}
