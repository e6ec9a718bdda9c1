package main

import (
	"strings"
	"testing"

	"github.com/entente/entente/extract"
)

// TestGenreCites: the generator's statements cite instruments in every
// language, as a library's statements do: each pair's instruments recur
// across the statements of that pair, a few instruments are cited by
// every pair, and Chinese statements also write the short forms
// (中塞…协定) that the registry joins to the full names. A library whose
// statements cited one or two instruments said nothing of the registry's
// cost at 100,000 statements.
func TestGenreCites(t *testing.T) {
	g, err := loadGenre()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	const n = 600
	citedBy := map[string]int{} // title → statements citing it
	langs := map[string]bool{}
	shortForms := 0
	for i := range n {
		text, lang := g.statement(1, i)
		x, err := reg.ExtractAs(text, lang)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, r := range x.References {
			if seen[r.Title] {
				continue
			}
			seen[r.Title] = true
			citedBy[r.Title]++
			langs[lang] = true
			if lang == "zh" && strings.HasPrefix(r.Title, "中") && !strings.HasPrefix(r.Title, "中华人民共和国") {
				shortForms++
			}
		}
	}
	for _, l := range []string{"zh", "en", "sr-Latn", "sr-Cyrl"} {
		if !langs[l] {
			t.Errorf("no statement in %s cites an instrument the extractor finds", l)
		}
	}
	recurring, widest := 0, 0
	for _, c := range citedBy {
		if c > 1 {
			recurring++
		}
		widest = max(widest, c)
	}
	if len(citedBy) < 100 {
		t.Errorf("%d distinct instruments cited in %d statements, want hundreds", len(citedBy), n)
	}
	if recurring < len(citedBy)/10 {
		t.Errorf("%d of %d instruments cited by more than one statement", recurring, len(citedBy))
	}
	if widest < n/20 {
		t.Errorf("the most cited instrument is cited by %d of %d statements, want one cited by many", widest, n)
	}
	if shortForms == 0 {
		t.Error("no Chinese short form of an instrument (中塞…协定) is cited")
	}
}
