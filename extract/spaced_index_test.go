package extract

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPhraseIndexSameMatches holds the index to what it promises: every
// table finds the same phrases in a sentence whose words the index marked
// as in one whose words it did not (read by every table at every word),
// and every word set answers as its keys do; and a table's suffix phrases
// tried by last byte find what trying them all does.
func TestPhraseIndexSameMatches(t *testing.T) {
	tests := []struct{ lang, file string }{
		{"en", "testdata/genre_en.tsv"},
		{"en", "testdata/heldout_en.tsv"},
		{"sr", "testdata/genre_sr.tsv"},
		{"sr", "testdata/heldout_sr.tsv"},
		{"en", "testdata/parallel/cn-rs-2025-green.en.txt"},
		{"sr", "testdata/parallel/cn-rs-2025-green.sr-Latn.txt"},
		{"sr", "testdata/parallel/cn-rs-2025-green.sr-Cyrl.txt"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			x := newTestSpaced(t, tc.lang)
			if len(x.index.tables) < 20 || len(x.index.sets) < 9 {
				t.Fatalf("%d tables and %d sets indexed, want every one of the reader's", len(x.index.tables), len(x.index.sets))
			}
			var texts []string
			if strings.HasSuffix(tc.file, ".tsv") {
				for _, r := range readGenre(t, tc.file) {
					texts = append(texts, r.text)
				}
			} else {
				b, err := os.ReadFile(tc.file)
				if err != nil {
					t.Fatal(err)
				}
				texts = strings.Split(string(b), "\n")
			}
			found := 0
			for _, s := range texts {
				found += checkIndexed(t, x, s)
			}
			if found == 0 {
				t.Error("no phrase found: the test reads nothing")
			}
		})
	}
}

// checkIndexed compares every table's matches in s with and without the
// index's marks, and returns how many phrases were found.
func checkIndexed(t *testing.T, x *Spaced, s string) int {
	t.Helper()
	found := 0
	rs := []rune(s)
	plain, marked := tokenize(rs), tokenize(rs)
	x.index.mark(marked)
	for k, pm := range x.index.tables {
		want, got := pm.FindAll(plain), pm.FindAll(marked)
		if !slices.Equal(got, want) {
			t.Errorf("table %d, %q: marked %v, unmarked %v", k, s, got, want)
		}
		found += len(got)
		// a table's suffix phrases listed by last byte find what trying
		// every one of them at every word finds
		if pm.suffixBy != nil {
			all := *pm
			all.suffixBy = new([256][]int)
			for b := range all.suffixBy {
				all.suffixBy[b] = pm.suffix
			}
			if every := all.FindAll(plain); !slices.Equal(got, every) {
				t.Errorf("table %d, %q: suffixes by last byte %v, every suffix tried %v", k, s, got, every)
			}
		}
		for i := range plain {
			a, aok := pm.longestAt(plain, i)
			b, bok := pm.longestAt(marked, i)
			if a != b || aok != bok {
				t.Errorf("table %d, %q, word %d: marked %v, unmarked %v", k, s, i, b, a)
			}
			// the look-ups by key, stem and split find what trying
			// every phrase of the table finds
			if want, payloads := everyPhrase(pm, plain, i); a.End != want.End || (aok && (a.exact != want.exact || !payloads[a.Payload])) {
				t.Errorf("table %d, %q, word %d: %v, every phrase tried %v (payloads %v)", k, s, i, a, want, payloads)
			}
		}
	}
	for k, set := range x.index.sets {
		for i := range marked {
			if got, want := set.has(&marked[i]), set.keys[marked[i].Key]; got != want {
				t.Errorf("set %d, %q, word %q: marked %v, in the set %v", k, s, marked[i].Key, got, want)
			}
			if got, want := set.has(&plain[i]), set.keys[plain[i].Key]; got != want {
				t.Errorf("set %d, %q, unmarked word %q: %v, in the set %v", k, s, plain[i].Key, got, want)
			}
			if set.keys[marked[i].Key] {
				found++
			}
		}
	}
	return found
}

// FuzzPhraseIndex holds the index to the same matches on any text, in
// both languages' readers.
func FuzzPhraseIndex(f *testing.F) {
	for _, s := range []string{
		"The two sides will strengthen cooperation in the field of energy by the end of 2025.",
		"Dve strane će jačati saradnju na pruzi Beograd–Budimpešta do kraja 2025. godine.",
		"Две стране поздрављају потписивање Споразума о слободној трговини 8. маја 2024.",
		"U.S.-China talks, H.E. Mr. Xi; the Parties' commitment to the Paris Agreement (2015).",
		// suffix phrases (*iće, *ćemo): marked only on the words that end so,
		// with three characters before the suffix
		"Strane nastaviće i razvijaćemo saradnju; iće, biće, pće, ОЈАЧАЋЕ, ćeće, naći će.",
	} {
		f.Add(s)
	}
	en, sr := newTestSpaced(f, "en"), newTestSpaced(f, "sr")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkIndexed(t, en, s)
		checkIndexed(t, sr, s)
	})
}

// TestIndexShortCuts holds the index's short cuts to the look-ups they
// spare: every key of an entry passes its filter, and the suffixes told
// apart by their two last bytes (and those of one byte, kept apart) give
// the bits trying every suffix gives.
func TestIndexShortCuts(t *testing.T) {
	keys := []string{
		"", "e", "će", "iće", "biće", "naći", "nastaviće", "razvijaćemo", "ćemo", "šćemo", "pće",
		"strane", "saradnju", "two", "sides", "ojačaće", "ееће", "abc", "abće",
	}
	for _, lang := range []string{"en", "sr"} {
		ix := &newTestSpaced(t, lang).index
		for k := range ix.entries {
			e := &ix.entries[k]
			if e.val.exact != 0 && !ix.exactF.has(e.hash) {
				t.Errorf("%s: key %q with exact bits fails the filter", lang, ix.key(k))
			}
			if e.val.head != 0 && !ix.headF.has(e.hash) {
				t.Errorf("%s: head %q with bits fails the filter", lang, ix.key(k))
			}
		}
		if ix.suffixBy == nil {
			continue
		}
		for _, key := range keys {
			var want uint64
			for b := range ix.suffixBy {
				for _, sf := range slices.Concat(ix.suffixBy[b], ix.suffixShort[b]) {
					if strings.HasSuffix(key, sf.text) && utf8.RuneCountInString(key)-sf.runes >= 3 {
						want |= sf.bits
					}
				}
			}
			if got := ix.suffixBits(key); got != want {
				t.Errorf("%s: suffixBits(%q) = %x, every suffix tried %x", lang, key, got, want)
			}
		}
	}
}

// everyPhrase is longestFrom by trying every phrase of the table at word
// i: the longest match (exact first words first), and the payloads of the
// phrases that match so (the tables' order of trying may pick any).
func everyPhrase(pm *phraseMatcher, ws []word, i int) (phraseMatch, map[int]bool) {
	best := phraseMatch{End: -1}
	for id := range pm.phrases {
		pm.tryPhrase(ws, i, id, &best)
	}
	payloads := map[int]bool{}
	for id := range pm.phrases {
		one := phraseMatch{End: -1}
		if pm.tryPhrase(ws, i, id, &one); one.End == best.End && one.exact == best.exact {
			payloads[one.Payload] = true
		}
	}
	return best, payloads
}

// TestStemMay holds the stem chains' short test to the comparison it
// spares: every key opening with a phrase's stem passes it (else a match
// would be lost), and a key with the stem's last byte changed fails it.
func TestStemMay(t *testing.T) {
	for _, lang := range []string{"en", "sr"} {
		stems := 0
		for k, pm := range newTestSpaced(t, lang).index.tables {
			for li := range pm.links {
				l := &pm.links[li]
				q := &pm.pats[pm.phrases[l.id].first]
				if q.kind != patPrefix {
					continue
				}
				stems++
				stem := pm.patText(q)
				for _, key := range []string{stem, stem + "a", stem + "ima", stem + "ћ"} {
					if !stemMay(key, l) {
						t.Errorf("%s table %d: key %q fails the test of stem %q", lang, k, key, stem)
					}
				}
				if stem == "" {
					continue
				}
				if short := stem[:len(stem)-1]; stemMay(short, l) {
					t.Errorf("%s table %d: key %q shorter than stem %q passes", lang, k, short, stem)
				}
				other := []byte(stem + "a")
				other[len(stem)-1] ^= 1
				if stemMay(string(other), l) {
					t.Errorf("%s table %d: key %q passes the test of stem %q", lang, k, other, stem)
				}
			}
		}
		if lang == "sr" && stems == 0 {
			t.Error("no stem phrase in the Serbian tables: the test reads nothing")
		}
	}
}
