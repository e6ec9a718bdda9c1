package sqlstore

import (
	"reflect"
	"testing"

	"github.com/entente/entente"
)

func TestPackedSections(t *testing.T) {
	cases := []struct {
		name string
		in   []entente.Section
	}{
		{"none", []entente.Section{}},
		{"ids alone", []entente.Section{{ID: "preamble"}, {ID: "1"}, {ID: "closing"}}},
		{"a heading", []entente.Section{{ID: "1", Heading: "第一条"}}},
		{"a title without a heading", []entente.Section{{ID: "2", Title: "一、政治互信"}}},
		{"all three", []entente.Section{{ID: "3", Heading: "Article 3", Title: "Trade"}}},
		{"an empty id", []entente.Section{{ID: ""}, {ID: "", Heading: "h"}}},
		{"escapes", []entente.Section{{ID: `a\b`, Heading: "tab\there", Title: "line\nbreak \\e"}, {ID: `\e`}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			packed := packSections(c.in)
			got, err := unpackSections(packed)
			if err != nil {
				t.Fatalf("%q: %v", packed, err)
			}
			if !reflect.DeepEqual(got, c.in) {
				t.Errorf("%q reads %#v, want %#v", packed, got, c.in)
			}
		})
	}
}

func TestPackedSectionsRefused(t *testing.T) {
	for _, in := range []string{"\n", "a\tb\tc\td", `a\`, `a\x`, "1\n", "\tHeading"} {
		if got, err := unpackSections(in); err == nil {
			t.Errorf("%q read as %#v", in, got)
		}
	}
}

// FuzzPackedSections: any text reads or is refused without a panic, and
// what reads packs back to sections that read the same.
func FuzzPackedSections(f *testing.F) {
	f.Add("preamble\n1\tArticle 1\tTitle\n\\e")
	f.Add("a\\tb\t\\n")
	f.Fuzz(func(t *testing.T, s string) {
		cs, err := unpackSections(s)
		if err != nil {
			return
		}
		again, err := unpackSections(packSections(cs))
		if err != nil || !reflect.DeepEqual(again, cs) {
			t.Fatalf("%q: %#v, packed again %#v (%v)", s, cs, again, err)
		}
	})
}
