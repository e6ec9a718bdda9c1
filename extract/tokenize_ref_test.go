package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refAppendTokensValid is the tokenizer as it was before words of ASCII
// letters were read in one pass (appendASCIIWord): the reference the
// tests hold the tokenizer to, field by field.
func refAppendTokensValid(out []word, s string, rs []rune, keys *strings.Builder) []word {
	if keys == nil {
		keys = new(strings.Builder)
	}
	b := 0 // byte offset of rs[i]
	for i := 0; i < len(rs); {
		r := rs[i]
		if r == ' ' || (r >= utf8.RuneSelf || r < ' ') && unicode.IsSpace(r) { // ASCII from '!' on is no space
			b += utf8.RuneLen(r)
			i++
			continue
		}
		if !isWordRune(r) {
			n := utf8.RuneLen(r)
			out = append(out, word{Start: i, End: i + 1, from: int32(b), to: int32(b + n), Key: s[b : b+n], Punct: true, keyHash: keyHash(s[b : b+n]), hashed: true})
			b += n
			i++
			continue
		}
		j, e := i+1, b+utf8.RuneLen(r)
		for j < len(rs) {
			c := rs[j]
			if c < utf8.RuneSelf { // ASCII inline: most letters of both languages' Latin text
				if l := c | 0x20; (l >= 'a' && l <= 'z') || (c >= '0' && c <= '9') {
					e++
					j++
					continue
				}
			} else if isWordRune(c) {
				e += utf8.RuneLen(c)
				j++
				continue
			}
			if isInnerJoin(rs[j]) && j+1 < len(rs) && isWordRune(rs[j+1]) {
				// a full stop joins only letters of an abbreviation (U.S),
				// not a number and a word (2024.Godine is two)
				if rs[j] == '.' && !(j-i <= 2 || rs[j-2] == '.') {
					break
				}
				e += utf8.RuneLen(rs[j]) + utf8.RuneLen(rs[j+1])
				j += 2
				continue
			}
			break
		}
		// U.S. keeps its final stop when an abbreviation of single letters
		if j < len(rs) && rs[j] == '.' && j-i >= 3 && rs[j-2] == '.' {
			e++
			j++
		}
		text := s[b:e]
		out = append(out, word{Start: i, End: j, from: int32(b), to: int32(e), Key: text})
		w := &out[len(out)-1] // filled in place: a word is 88 bytes
		letter, upper := letterCase(r)
		w.Upper = upper
		w.AllUpper, w.Digits = letter, true
		ascii, fold := true, false
		for k := 0; k < len(text); k++ {
			c := text[k]
			if c >= 0x80 {
				ascii = false
				break
			}
			if c >= 'a' && c <= 'z' {
				w.AllUpper = false
			}
			if c < '0' || c > '9' {
				w.Digits = false
			}
			if (c >= 'A' && c <= 'Z') || c == '\'' {
				fold = true // what isKey refuses in ASCII
			}
		}
		if fold || (!ascii && !isKey(text)) {
			if keys.Cap()-keys.Len() < len(text)*2 {
				keys.Grow(len(s) + len(s)/2) // Cyrillic spelt in Latin may grow a half (џ → dž)
			}
			w.Key = foldInto(keys, text)
		}
		if ascii && len(w.Key) == len(text) {
			for n := 1; n <= 3; n++ {
				w.headEnd[n-1] = uint8(min(n, len(w.Key)))
			}
		} else {
			w.AllUpper, w.Digits = letter, true
			for _, c := range text {
				if w.AllUpper {
					if l, u := letterCase(c); l && !u {
						w.AllUpper = false
					}
				}
				if c < '0' || c > '9' {
					w.Digits = false
				}
			}
			for n := 1; n <= 3; n++ {
				w.headEnd[n-1] = uint8(len(cutRunes(w.Key, n)))
			}
		}
		w.setHashes()
		b, i = e, j
	}
	return out
}

// checkTokensAsReference compares the tokenizer's words of s, with their
// keys and hashes, with the reference's.
func checkTokensAsReference(t *testing.T, s string) {
	t.Helper()
	var kb strings.Builder
	if _, ok := appendTokensString(nil, s, &kb); ok != utf8.ValidString(s) {
		t.Fatalf("%q: tokenizer reports valid %v, utf8.ValidString %v", s, ok, !ok)
	}
	if !utf8.ValidString(s) {
		s = string([]rune(s))
	}
	rs := []rune(s)
	var kg, kw strings.Builder
	got := appendTokensValid(nil, s, rs, &kg)
	want := refAppendTokensValid(nil, s, rs, &kw)
	if len(got) != len(want) {
		t.Fatalf("%q: %d words, reference %d", s, len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q, word %d: %+v, reference %+v", s, i, got[i], want[i])
		}
	}
}

// TestTokensAsReference reads every statement and rule-test text of the
// repository as the reference tokenizer does.
func TestTokensAsReference(t *testing.T) {
	var files []string
	for _, g := range []string{"testdata/parallel/*.txt", "testdata/bench/*.txt", "testdata/heldout_docs/*.txt", "testdata/*.tsv", filepath.Join(corpusDir, "*.txt")} {
		fs, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, fs...)
	}
	if len(files) < 10 {
		t.Fatalf("%d files: the test reads too little", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			checkTokensAsReference(t, line)
			checkTokensAsReference(t, strings.ToUpper(line))
		}
	}
	for _, s := range tokenSeeds {
		checkTokensAsReference(t, s)
	}
}

var tokenSeeds = []string{
	"U.S.-China talks, H.E. Mr. Xi; the Parties' commitment to the Paris Agreement (2015).",
	"U.S. U.S.A. A.B a.b.c. 2024.Godine 2024. godine e.g. i.e., COVID-19 people-to-people -x x- x-- x-ć Serbia's Serbia’s s' don't",
	"Dve strane će jačati saradnju na pruzi Beograd–Budimpešta do kraja 2025. godine.",
	"Две стране поздрављају потписивање Споразума 8. маја 2024. ABC abc Abc aBC 123 12a a12 A1 1A",
	"x.y.z. ab.cd abc.d a.b.c.d.e x‑y x’y Ä ä ß ǅ İ \u00a0word\u2003word\tword\nword",
	"Zajednička ZAJEDNIČKA Čačak ĐORĐE đorđe İstanbul ŸÿſĸŉßẞÀ-È À.È. Ö.Ü. ×÷ a×b č÷ć Niš-Beograd Niša. ć.ž.š. abcdefghijklmnopqrstuvwxyzčćžšđabcdefghijklmnopqrstuvwxyzčćžšđabcdefghijklmnopqrstuvwxyzčćžšđ ččččččččččččččččččččččččččččččččč.č.",
	"ЂОРЂЕ Ђорђе џак ЏАК љубав Њ ы Ѐѐ ЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏ ѐёђѓєѕіїјљњћќѝўџ Бг.Нс А.Б.В. ДОО-Београд Србија2024 Srбија бр.12 ј’ј Ж",
	// words about as long as the one-pass readers keep (46 bytes of a
	// Latin key, 60 of a Cyrillic one), and longer
	"абвгдђежзијклљмнњопрстћуфхцчџшабвгдђежзијклљм абвгдђежзијклљмнњопрстћуфхцчџшабвгдђежзијклљмнњопрстћуфхцчџш џџџџџџџџџџџџџџџџџџџџ џџџџџџџџџџџџџџџџџџџџџ ЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏЏ ыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыыы.",
	"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrst abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrs ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTU ččččččččččččččččččččččč čččččččččččččččččččččččč a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x.",
	// where a word of ASCII letters and digits alone (appendASCIIWord)
	// ends, and where it hands over: a join before a letter, a digit, a
	// mark or a character of two bytes, an apostrophe, a letter with a
	// diacritic, a space of two bytes, a word of 45, 46 and 47 bytes
	"ab- ab-. ab-c ab-1 ab-č ab-— ab. ab.c abc.d ab.1 ab.Č ab.» ab' ab's abč abČ ab\u00a0cd ab—cd ab’s AB-CD Ab-cD 1-2 12.5 A1B2 a b c 9 Z",
	"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRS abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU. abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRST",
	"Word,word;WORD:word(word)\"word\" end-",
}

// TestTokensAsReferenceLarge holds the tokenizer to the reference on a
// long text of the pieces the one-pass readers part at (joins, marks,
// capitals, letters of two bytes, long words), in an order drawn from a
// fixed seed.
func TestTokensAsReferenceLarge(t *testing.T) {
	pieces := []string{"a", "ab", "abc", "Abcd", "ABC", "x1", "2024", "U.S.", "e.g.", "-", ".", "'", "’", "s", "č", "Ž", "đ", "ß", "İ",
		"ж", "Љ", "ы", "—", ",", " ", " ", " ", "\u00a0", "\t", "(", ")", "\"", strings.Repeat("a", 45), strings.Repeat("B", 46), strings.Repeat("c", 47)}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < 200000 {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	checkTokensAsReference(t, b.String())
}

// FuzzTokensAsReference holds the tokenizer to the reference on any text.
func FuzzTokensAsReference(f *testing.F) {
	for _, s := range tokenSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 4000 {
			return
		}
		checkTokensAsReference(t, s)
	})
}

// TestTokensOverWords tokenizes into memory that words of another text
// left, every field of them set, and holds the words to those made in
// fresh memory: a reader that writes a word's fields without clearing it
// first (appendASCIIWord) must write every one of them.
func TestTokensOverWords(t *testing.T) {
	stale := word{Start: 7, End: 9, from: 3, to: 5, Key: "stale", keyHash: 1, headHash: [3]uint64{2, 3, 4},
		opens: 5, rest: 6, exactT: 7, sufT: 8, headT: [3]uint32{9, 10, 11}, headEnd: [3]uint8{1, 2, 3},
		hashed: true, Upper: true, AllUpper: true, Punct: true, Digits: true}
	// every field of stale is set: a field added to word and not to it
	// fails here until it is
	v := reflect.ValueOf(stale)
	for k := 0; k < v.NumField(); k++ {
		if v.Field(k).IsZero() {
			t.Fatalf("field %s of the stale word is zero: set it", v.Type().Field(k).Name)
		}
	}
	for _, s := range tokenSeeds {
		want, _ := appendTokensString(nil, s, new(strings.Builder))
		mem := make([]word, len(want)+8)
		for k := range mem {
			mem[k] = stale
		}
		got, _ := appendTokensString(mem[:0], s, new(strings.Builder))
		if !reflect.DeepEqual(got, want) {
			for k := range want {
				if got[k] != want[k] {
					t.Fatalf("%q: word %d over a stale one %+v, want %+v", s, k, got[k], want[k])
				}
			}
			t.Fatalf("%q: %d words over stale ones, want %d", s, len(got), len(want))
		}
	}
}
