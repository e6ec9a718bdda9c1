package tracking

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente/extract"
)

// TestDueSkipsOnlyRulesThatCannotMatch: Due skips a rule whose text
// between placeholders is missing from the sentence (or the deadline);
// it reads every deadline as the same rules without that check do, over
// the corpus's sentences with the deadlines the extractor found, every
// span a rule matches in them, and spans no rule matches.
func TestDueSkipsOnlyRulesThatCannotMatch(t *testing.T) {
	rules, err := LoadDueRules()
	if err != nil {
		t.Fatal(err)
	}
	unchecked := &DueRules{fingerprint: rules.fingerprint}
	for _, r := range rules.rules {
		r.literals = nil // mayMatch always true
		unchecked.rules = append(unchecked.rules, r)
	}
	x, err := extract.New("zh")
	if err != nil {
		t.Fatal(err)
	}
	names, err := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*.zh.txt"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no corpus statements: %v", err)
	}
	read, skipped := 0, 0
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range x.Extract(string(b)).Sentences {
			spans := []string{"年底前", "2025年", "三年内", "下一步", s.Text}
			if s.Deadline != nil {
				spans = append(spans, *s.Deadline)
			}
			for _, r := range rules.rules {
				for _, m := range r.re.FindAllStringIndex(s.Text, -1) {
					spans = append(spans, s.Text[m[0]:m[1]])
				}
				if !r.mayMatch(s.Text) {
					skipped++
				}
			}
			for _, d := range spans {
				for _, signed := range []string{"2023-03-08", ""} {
					got, want := rules.Due(d, s.Text, signed), unchecked.Due(d, s.Text, signed)
					if (got == nil) != (want == nil) || (got != nil && *got != *want) {
						t.Errorf("%q in %q: %+v, without the check %+v", d, s.Text, got, want)
					}
					if got != nil {
						read++
					}
				}
			}
		}
	}
	// the comparison saw deadlines read and rules skipped, or it proved
	// nothing
	if read < 50 || skipped < 1000 {
		t.Errorf("%d deadlines read, %d rules skipped: too few to compare", read, skipped)
	}
	t.Logf("%d deadlines read, %d rules skipped", read, skipped)
}
