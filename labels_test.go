package entente

import (
	"slices"
	"strings"
	"testing"
)

// TestValueLabels walks every closed list and every rule: each code is
// unique and has a label in every UI language, different codes of a list
// read differently, and a label never shows the code's own spelling with
// an underscore.
func TestValueLabels(t *testing.T) {
	lists := map[string]ValueList{
		"document kinds": DocumentKinds(), "sentence types": SentenceTypes(), "strengths": Strengths(),
		"areas": Areas(), "reference kinds": ReferenceKinds(), "rules": Rules(), "statuses": StatusLabels(),
		"precisions": Precisions(),
	}
	if got := StatusLabels().Codes(); !slices.Equal(got, statusCodes()) {
		t.Errorf("status labels %v, want the vocabulary's order %v", got, statusCodes())
	}
	for name, list := range lists {
		if len(list) == 0 {
			t.Errorf("%s: empty", name)
		}
		seen := map[string]bool{}
		for _, lang := range UILanguages() {
			labels := map[string]string{}
			for _, v := range list {
				l := v.Labels[lang]
				if l == "" {
					t.Errorf("%s: %q has no %s label", name, v.Code, lang)
				}
				if strings.Contains(l, "_") {
					t.Errorf("%s: the %s label of %q reads like a code: %q", name, lang, v.Code, l)
				}
				if other, dup := labels[l]; dup {
					t.Errorf("%s: %q and %q both read %q in %s", name, other, v.Code, l, lang)
				}
				labels[l] = v.Code
				if got := list.Label(v.Code, lang); got != l {
					t.Errorf("%s: Label(%q, %s) = %q, want %q", name, v.Code, lang, got, l)
				}
			}
		}
		for _, v := range list {
			if seen[v.Code] {
				t.Errorf("%s: %q twice", name, v.Code)
			}
			seen[v.Code] = true
			if !list.Has(v.Code) {
				t.Errorf("%s: Has(%q) is false", name, v.Code)
			}
		}
		if list.Has("no such code") || list.Label("no such code", "zh") != "no such code" {
			t.Errorf("%s: an unknown code is taken for one of the list", name)
		}
	}
	// the lists hold the constants the code uses
	for _, k := range []Kind{KindJointStatement, KindAgreement, KindMoU, KindActionPlan, KindCommunique, KindDeclaration, KindOther} {
		if !DocumentKinds().Has(string(k)) {
			t.Errorf("document kinds lack %q", k)
		}
	}
	for _, s := range []Strength{Firm, Intent, Soft} {
		if !Strengths().Has(string(s)) {
			t.Errorf("strengths lack %q", s)
		}
	}
	// an unknown language falls back to English
	if got := SentenceTypes().Label("commitment", "fr"); got != "commitment" {
		t.Errorf("a label in a language without one: %q, want the English", got)
	}
}

// TestRuleLabels: composed rules read from their parts in each language;
// unknown ones are not taken for known.
func TestRuleLabels(t *testing.T) {
	for _, tc := range []struct {
		rule  string
		known bool
		zh    string
		en    string
	}{
		{"modal", true, "情态词", "modal verb"},
		{"stance+modal", true, "表态动词 + 情态词", "verb of stance + modal verb"},
		{"coordinated stance+should", true, "并列：表态动词 + 应当", "coordinated: verb of stance + should"},
		{"copula+appraisal", true, "判断句 + 评价动词", "copula + verb of appraisal"},
		{"coordinated action in progress", true, "并列：正在进行的己方行动", "coordinated: the parties' own action in progress"},
		{"copula+", false, "", ""},
		{"coordinated nothing", false, "", ""},
		{"stance+", false, "", ""},
		{"", false, "", ""},
	} {
		if got := KnownRule(tc.rule); got != tc.known {
			t.Errorf("KnownRule(%q) = %v", tc.rule, got)
		}
		if !tc.known {
			continue
		}
		if got := RuleLabel(tc.rule, "zh"); got != tc.zh {
			t.Errorf("RuleLabel(%q, zh) = %q, want %q", tc.rule, got, tc.zh)
		}
		if got := RuleLabel(tc.rule, "en"); got != tc.en {
			t.Errorf("RuleLabel(%q, en) = %q, want %q", tc.rule, got, tc.en)
		}
	}
}

func statusCodes() []string {
	out := make([]string, len(Statuses))
	for i, s := range Statuses {
		out[i] = string(s)
	}
	return out
}
