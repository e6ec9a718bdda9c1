package tracking

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente/extract"
)

// TestDueFilterChangesNoReading: Due skips a rule whose runs of text
// between placeholders are missing from the sentence (or the deadline),
// and runs the others from the first byte a match can start at; it reads
// every deadline as the same rules without that filter do, over every
// statement in the repository (Chinese, Traditional, English, Serbian in
// both scripts) with the deadlines the extractor found, every span a rule
// matches in their sentences, and spans no rule matches.
func TestDueFilterChangesNoReading(t *testing.T) {
	rules, err := LoadDueRules()
	if err != nil {
		t.Fatal(err)
	}
	unfiltered := withoutFilter(rules)
	x, err := extract.NewRegistry()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, glob := range []string{"../testdata/corpus/*.txt", "../extract/testdata/heldout_docs/*.txt"} {
		n, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, n...)
	}
	if len(names) < 50 {
		t.Fatalf("%d statements: the repository's are missing", len(names))
	}
	read, skipped, started := 0, 0, 0
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range x.Extract(string(b)).Sentences {
			text := dueText(s.Text)
			var in byteSet
			in.add(text)
			spans := []string{"年底前", "2025年", "三年内", "by the end of 2025", "do kraja 2025", "下一步", s.Text}
			if s.Deadline != nil {
				spans = append(spans, *s.Deadline)
			}
			for _, r := range rules.rules {
				for _, m := range r.re.FindAllStringIndex(text, -1) {
					spans = append(spans, text[m[0]:m[1]])
				}
				switch lo, ok := r.filter.start(text, &in); {
				case !ok:
					skipped++
				case lo > 0:
					started++
				}
			}
			for _, d := range spans {
				// the date follows from the match alike: one date of signing
				got, want := rules.Due(d, s.Text, "2023-03-08"), unfiltered.Due(d, s.Text, "2023-03-08")
				if (got == nil) != (want == nil) || (got != nil && *got != *want) {
					t.Errorf("%s: %q in %q: %+v, without the filter %+v", filepath.Base(name), d, s.Text, got, want)
				}
				if got != nil {
					read++
				}
			}
		}
	}
	// the comparison saw deadlines read, rules skipped and rules started
	// late, or it proved nothing
	if read < 1000 || skipped < 100000 || started < 1000 {
		t.Errorf("%d deadlines read, %d rules skipped, %d started late: too few to compare", read, skipped, started)
	}
	t.Logf("%d statements, %d deadlines read, %d rules skipped, %d started late", len(names), read, skipped, started)
}

// withoutFilter returns rules whose every rule runs on the whole text.
func withoutFilter(rules *DueRules) *DueRules {
	out := &DueRules{fingerprint: rules.fingerprint, words: rules.words}
	for _, r := range rules.rules {
		r.filter = ruleFilter{lead: -1} // no runs, no pairs
		out.rules = append(out.rules, r)
	}
	return out
}

// TestRuleFilter: a rule's runs and the bound of its leading placeholder,
// as the expression compiled from it reads them.
func TestRuleFilter(t *testing.T) {
	rules, err := LoadDueRules()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		pattern string
		text    string
		ok      bool
		lo      int // -1: any
	}{
		{"by the end of {Y}", "They will finish by the end of 2025.", true, 16}, // one character before "by"
		{"by the end of {Y}", "They will finish by the end 2025.", false, -1},
		// a space after a full stop or a comma may be missing
		{"{D}. {M} {Y}. godine", "do 31. decembra 2025.godine", true, -1},
		{"{N}. i {D}. {M} {Y}", "sastanak 30.i 31. maja 2025", true, -1},
		{"{N}. i {D}. {M} {Y}", "the sides will meet in may 2025", false, -1},
		{"{Y}年底前", "双方将于2025年底前建成物流中心", true, -1},
		{"{Y}年底前", "双方将于2025年建成物流中心", false, -1},
	} {
		t.Run(c.pattern, func(t *testing.T) {
			re, err := compilePattern(c.pattern, rules.words)
			if err != nil {
				t.Fatal(err)
			}
			f := newRuleFilter(c.pattern, re)
			var in byteSet
			in.add(c.text)
			lo, ok := f.start(c.text, &in)
			if ok != c.ok || (c.lo >= 0 && lo != c.lo) {
				t.Errorf("start(%q) = %d, %v; want %v at %d", c.text, lo, ok, c.ok, c.lo)
			}
			if m := re.FindStringIndex(c.text); m != nil && (!ok || m[0] < lo) {
				t.Errorf("%q matches %q at %d, the filter says %d, %v", c.pattern, c.text, m[0], lo, ok)
			}
		})
	}
	// a year, a day: bounded; a month in words read as a stem: not
	for pattern, bounded := range map[string]bool{"{Y}年底前": true, "{D}. {M} {Y}. godine": true, "{M} {Y}": false} {
		re, err := compilePattern(pattern+" do", rules.words)
		if err != nil {
			t.Fatal(err)
		}
		if lead := newRuleFilter(pattern+" do", re).lead; (lead > 0) != bounded {
			t.Errorf("%q: lead %d, bounded %v", pattern, lead, bounded)
		}
	}
}
