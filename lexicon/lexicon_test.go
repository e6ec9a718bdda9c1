package lexicon

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tab, err := Parse("t.cues", strings.NewReader("# comment\n[firm]\n将, 同意 # trailing\n[area]\n贸易=trade,投资 = investment\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := tab.Words("firm"); strings.Join(got, "|") != "将|同意" {
		t.Errorf("firm = %v", got)
	}
	if m := tab.Map("area"); m["贸易"] != "trade" || m["投资"] != "investment" {
		t.Errorf("area = %v", m)
	}
	if err := tab.Require("firm", "nope"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("Require did not name the missing section: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	for in, want := range map[string]string{
		"将\n":             "t.cues:1: entry before any [section]",
		"[a\n":            "t.cues:1: malformed section header",
		"[a]\n[a]\n":      "t.cues:2: section [a] appears twice",
		"[a]\n=x\n":       "t.cues:2: entry \"=x\" needs text and value",
		"[a]\n\xff\xfe\n": "t.cues:2: not valid UTF-8",
		// a word twice in a section: the second line is refused, naming the first
		"[a]\n甲, 乙\n丙\n乙\n":      "t.cues:4: [a] 乙 repeats the entry at line 2",
		"[b]\n甲=x, 乙=y\n\n甲=z\n": "t.cues:4: [b] 甲=z conflicts with 甲=x at line 2",
		"[b]\n甲=x\n甲\n":          "t.cues:3: [b] 甲 conflicts with 甲=x at line 2",
	} {
		_, err := Parse("t.cues", strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) error %v, want %q", in, err, want)
		}
	}
}

// TestDisjoint: sections read as one lookup may not share a word; the same
// word in unrelated sections is fine.
func TestDisjoint(t *testing.T) {
	tab, err := Parse("t.cues", strings.NewReader("[strong]\n甲=x\n乙=y\n[weak]\n丙=z\n乙=y\n[other]\n甲\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		sections []string
		want     string
	}{
		{[]string{"strong", "weak"}, "t.cues:6: 乙 in [weak] is also in [strong] at line 3"},
		{[]string{"weak", "other"}, ""},
		{[]string{"strong", "other"}, "t.cues:8: 甲 in [other] is also in [strong] at line 2"},
		{[]string{"strong"}, ""},
	}
	for _, tt := range tests {
		err := tab.Disjoint(tt.sections...)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("Disjoint(%v) = %v, want nil", tt.sections, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("Disjoint(%v) = %v, want %q", tt.sections, err, tt.want)
		}
	}
}

// TestEmbeddedTables loads every embedded table, as the binary does at
// start-up.
func TestEmbeddedTables(t *testing.T) {
	if _, err := Load("zh"); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("xx"); err == nil {
		t.Error("Load accepted a language without a table")
	}
	cs, err := LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	if len(cs.List) < 193 {
		t.Errorf("%d countries, want every UN member", len(cs.List))
	}
	for _, code := range []string{"CN", "RS", "AE", "HU", "EU", "ASEAN"} {
		if cs.Get(code) == nil {
			t.Errorf("no %s in the country table", code)
		}
	}
	if c := cs.Get("RS"); c == nil || !contains(c.Names["zh"], "塞尔维亚") || !contains(c.Names["zh-short"], "塞") {
		t.Errorf("RS names = %+v", c)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestMatcherLeftmostLongest(t *testing.T) {
	m := NewMatcher()
	for i, w := range []string{"愿", "祝愿", "愿意", "意"} {
		m.Add(w, i)
	}
	got := m.FindAll([]rune("祝愿双方愿意"))
	want := []Match{{0, 2, 1}, {4, 6, 2}}
	if len(got) != len(want) {
		t.Fatalf("FindAll = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("match %d = %v, want %v", i, got[i], want[i])
		}
	}
	r := NewMatcher()
	r.AddReversed("委员会", 7)
	if s, p := r.SuffixAt([]rune("联合委员会"), 5); s != 2 || p != 7 {
		t.Errorf("SuffixAt = %d %d", s, p)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("[a]\nx, y=z\n# c\n")
	f.Add("[\n]\n=\n,,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		tab, err := Parse("fuzz", strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range tab.Sections() {
			for _, e := range tab.Entries(s) {
				if e.Text == "" {
					t.Errorf("empty entry in [%s]", s)
				}
			}
		}
	})
}

func FuzzParseCountries(f *testing.F) {
	f.Add("CN\tcountry\t中国\t中\tChina\tKina\tКина\n")
	f.Add("\t\t\t\t\t\t\n# x\n")
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := ParseCountries("fuzz", strings.NewReader(in))
		if err != nil {
			return
		}
		for _, c := range cs.List {
			if c.Code == "" || cs.Get(c.Code) != c {
				t.Errorf("bad row %+v", c)
			}
		}
	})
}

func FuzzMatcher(f *testing.F) {
	f.Add("双方将继续加强合作", "将|继续|加强合作|合作")
	f.Fuzz(func(t *testing.T, text, words string) {
		m := NewMatcher()
		for i, w := range strings.Split(words, "|") {
			m.Add(w, i)
		}
		rs := []rune(text)
		prev := 0
		for _, x := range m.FindAll(rs) {
			if x.Start < prev || x.End <= x.Start || x.End > len(rs) {
				t.Fatalf("bad match %v in %q", x, text)
			}
			prev = x.End
		}
	})
}

func TestMatcherBounds(t *testing.T) {
	m := NewMatcher()
	m.Add("合作", 0)
	text := []rune("合作")
	for _, i := range []int{-1, 2, 3} {
		if end, _ := m.LongestAt(text, i); end != -1 {
			t.Errorf("LongestAt(%d) = %d, want -1", i, end)
		}
	}
	for _, e := range []int{-1, 0, 3} {
		if s, _ := m.SuffixAt(text, e); s != -1 {
			t.Errorf("SuffixAt(%d) = %d, want -1", e, s)
		}
	}
}
