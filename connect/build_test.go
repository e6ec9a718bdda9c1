package connect

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

// lib is a small library for the rules: documents 1 and 2 of CN and RS, 3
// of CN and HU.
func lib(items ...entente.RegistryItem) entente.RegistryInput {
	d := func(s string) *string { return &s }
	in := entente.RegistryInput{Documents: []entente.RegistryDocument{
		{ID: 1, Title: "甲", Language: "zh", Parties: []string{"CN", "RS"}, SignedDate: d("2016-06-18")},
		{ID: 2, Title: "乙", Language: "zh", Parties: []string{"RS", "CN"}, SignedDate: d("2024-05-08")},
		{ID: 3, Title: "丙", Language: "zh", Parties: []string{"CN", "HU"}, SignedDate: d("2024-05-09")},
	}}
	for i, it := range items {
		if it.Kind == "" {
			it.Kind = entente.RegInstrument
		}
		if it.VersionID == 0 {
			it.VersionID = it.DocumentID
		}
		if it.Language == "" {
			it.Language = "zh"
		}
		it.RowID = int64(i + 1)
		it.Sentences = []int64{it.VersionID*1000 + 1} // the version's first sentence
		in.Items = append(in.Items, it)
	}
	return in
}

// sorted puts groups written as in groupsOf in its order.
func sorted(gs []string) []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		ns := strings.Split(g, "+")
		slices.Sort(ns)
		out[i] = strings.Join(ns, "+")
	}
	slices.Sort(out)
	return out
}

// groupsOf returns the entries as sorted lists of their items' names.
func groupsOf(es []entente.BuiltEntry) []string {
	var out []string
	for _, e := range es {
		var ns []string
		for _, it := range e.Items {
			ns = append(ns, it.Name)
		}
		slices.Sort(ns)
		out = append(out, strings.Join(slices.Compact(ns), "+"))
	}
	slices.Sort(out)
	return out
}

func TestBuildRules(t *testing.T) {
	const fullFTA = "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定"
	const fullBIT = "中华人民共和国政府和塞尔维亚共和国政府关于相互促进和保护投资协定"
	agreement := entente.RefAgreement
	y := func(v int) *int { return &v }
	tests := []struct {
		name  string
		items []entente.RegistryItem
		want  []string
	}{
		{"a short form joins its one full title",
			[]entente.RegistryItem{{Name: fullFTA, Bracketed: true, DocumentID: 1, RefKind: agreement}, {Name: "中塞自贸协定", DocumentID: 2, RefKind: agreement}},
			[]string{"中塞自贸协定+" + fullFTA}},
		{"a short form that fits two titles joins neither",
			[]entente.RegistryItem{{Name: fullFTA, Bracketed: true, DocumentID: 1}, {Name: fullBIT, Bracketed: true, DocumentID: 1}, {Name: "中塞协定", DocumentID: 2}},
			[]string{"中塞协定", fullBIT, fullFTA}},
		{"a short form of other parties joins nothing",
			[]entente.RegistryItem{{Name: fullFTA, Bracketed: true, DocumentID: 1}, {Name: "中塞自贸协定", DocumentID: 3}},
			[]string{"中塞自贸协定", fullFTA}},
		{"a short form of another kind joins nothing",
			[]entente.RegistryItem{{Name: fullFTA, Bracketed: true, DocumentID: 1, RefKind: agreement}, {Name: "中塞自贸协定", DocumentID: 2, RefKind: entente.RefMoU}},
			[]string{"中塞自贸协定", fullFTA}},
		{"a short form of another year joins nothing",
			[]entente.RegistryItem{{Name: fullFTA, Bracketed: true, DocumentID: 1, Year: y(2023)}, {Name: "中塞自贸协定", DocumentID: 2, Year: y(2017)}},
			[]string{"中塞自贸协定", fullFTA}},
		{"characters out of order are no short form",
			[]entente.RegistryItem{{Name: fullFTA, Bracketed: true, DocumentID: 1}, {Name: "塞中自贸协定", DocumentID: 2}},
			[]string{"塞中自贸协定", fullFTA}},
		{"a title is one instrument whoever cites it, with or without brackets and spaces",
			[]entente.RegistryItem{{Name: "联合国宪章", Bracketed: true, DocumentID: 1}, {Name: "《联合国宪章》", DocumentID: 3}, {Name: "联合国 宪章", DocumentID: 2}},
			[]string{"《联合国宪章》+联合国 宪章+联合国宪章"}},
		{"a mechanism's name joins only among the same parties",
			[]entente.RegistryItem{{Kind: entente.RegMechanism, Name: "政府间合作委员会", DocumentID: 1}, {Kind: entente.RegMechanism, Name: "政府间合作委员会", DocumentID: 2}, {Kind: entente.RegMechanism, Name: "政府间合作委员会", DocumentID: 3}},
			[]string{"政府间合作委员会", "政府间合作委员会"}},
		{"a name in running text joins only among the same parties",
			[]entente.RegistryItem{{Name: "Free Trade Agreement", DocumentID: 1, Language: "en"}, {Name: "free trade agreement", DocumentID: 3, Language: "en"}},
			[]string{"Free Trade Agreement", "free trade agreement"}},
		{"Serbian in both scripts is one name",
			[]entente.RegistryItem{{Name: "Sporazum o slobodnoj trgovini", Bracketed: true, DocumentID: 1, Language: "sr-Latn"}, {Name: "Споразум о слободној трговини", Bracketed: true, DocumentID: 2, Language: "sr-Cyrl"}},
			[]string{"Sporazum o slobodnoj trgovini+Споразум о слободној трговини"}},
		{"an English name cut after its head joins its one full title",
			[]entente.RegistryItem{{Name: "Free Trade Agreement between China and Serbia", Bracketed: true, DocumentID: 1, Language: "en"}, {Name: "Free Trade Agreement", DocumentID: 2, Language: "en"}},
			[]string{"Free Trade Agreement+Free Trade Agreement between China and Serbia"}},
		{"a project's name that names its parties joins across them",
			[]entente.RegistryItem{{Kind: entente.RegProject, Name: "匈塞铁路", DocumentID: 1}, {Kind: entente.RegProject, Name: "匈塞铁路", DocumentID: 3}},
			[]string{"匈塞铁路"}},
		{"a name of parties every document shares one of joins across them",
			[]entente.RegistryItem{{Kind: entente.RegMechanism, Name: "中匈委员会", DocumentID: 1}, {Kind: entente.RegMechanism, Name: "中匈委员会", DocumentID: 3}},
			[]string{"中匈委员会"}},
		{"a name of a party one document is not of joins only among the same parties",
			[]entente.RegistryItem{{Kind: entente.RegProject, Name: "匈牙利国家铁路", DocumentID: 1}, {Kind: entente.RegProject, Name: "匈牙利国家铁路", DocumentID: 3}},
			[]string{"匈牙利国家铁路", "匈牙利国家铁路"}},
		{"kinds never mix",
			[]entente.RegistryItem{{Name: "中塞合作", DocumentID: 1}, {Kind: entente.RegProject, Name: "中塞合作", DocumentID: 1}},
			[]string{"中塞合作", "中塞合作"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := Build(lib(tt.items...), nil, nil, testParties(t))
			if got, want := groupsOf(es), sorted(tt.want); !slices.Equal(got, want) {
				t.Errorf("groups %q, want %q", got, want)
			}
			names := map[string]bool{}
			for _, e := range es {
				k := string(e.Kind) + e.Name
				if names[k] {
					t.Errorf("two %s entries named %q", e.Kind, e.Name)
				}
				names[k] = true
				if e.Confidence <= 0 || e.Confidence > 1 || e.Reason == "" {
					t.Errorf("entry %q: confidence %v, reason %q", e.Name, e.Confidence, e.Reason)
				}
			}
		})
	}
}

func testParties(t *testing.T) PartyFinder {
	cs, err := lexicon.LoadCountries()
	if err != nil {
		t.Fatal(err)
	}
	return NewParties(cs)
}

func TestPartiesIn(t *testing.T) {
	p := testParties(t)
	for name, want := range map[string]string{
		"匈塞铁路":                              "HU,RS",
		"中塞经贸合作政府间委员会":                      "CN,RS",
		"政府间合作委员会":                          "",
		"塞尔维亚国家足球场":                         "RS",
		"China-Serbia Free Trade Agreement": "CN,RS",
		"Free Trade Agreement":              "",
		"Budimpešta–Beograd":                "",
	} {
		// a short form shared by several parties (塞) gives them all: want
		// is what the result must hold
		got := p.PartiesIn(name)
		if want == "" && len(got) > 0 {
			t.Errorf("PartiesIn(%q) = %q, want none", name, got)
		}
		for _, c := range strings.Split(want, ",") {
			if c != "" && !slices.Contains(got, c) {
				t.Errorf("PartiesIn(%q) = %q, want %s among them", name, got, c)
			}
		}
	}
}

func TestBuildDocumentLink(t *testing.T) {
	in := lib(entente.RegistryItem{Name: "甲", Bracketed: true, DocumentID: 2}, entente.RegistryItem{Name: "乙", Bracketed: true, DocumentID: 1})
	es := Build(in, nil, nil, nil)
	for _, e := range es {
		switch e.Name {
		case "甲":
			if e.DocumentID != 1 || !slices.Equal(e.Parties, []string{"CN", "RS"}) || e.Year == nil || *e.Year != 2016 {
				t.Errorf("甲: %+v", e)
			}
		case "乙": // signed after the document that cites it: not that one
			if e.DocumentID != 0 {
				t.Errorf("乙 links to a later document: %+v", e)
			}
		}
	}
	// two stored documents of one title: the year decides, or nothing
	in.Documents = append(in.Documents, entente.RegistryDocument{ID: 4, Title: "甲", Parties: []string{"CN", "RS"}, SignedDate: in.Documents[0].SignedDate})
	for _, e := range Build(in, nil, nil, nil) {
		if e.Name == "甲" && e.DocumentID != 0 {
			t.Errorf("甲 links to one of two documents of its title: %+v", e)
		}
	}
}

func TestDecisionsReplay(t *testing.T) {
	const full = "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定"
	in := lib(entente.RegistryItem{Name: full, Bracketed: true, DocumentID: 1}, entente.RegistryItem{Name: "中塞自贸协定", DocumentID: 2},
		entente.RegistryItem{Name: "自贸协定", DocumentID: 2})
	split := entente.RegistryDecision{Action: entente.DecisionSplit, Kind: entente.RegInstrument, Names: []string{"中塞自贸协定"}, Actor: "ed"}
	merge := entente.RegistryDecision{Action: entente.DecisionMerge, Kind: entente.RegInstrument, Names: []string{"自贸协定"}, Into: []string{"《中塞自贸协定》"}, Actor: "ed", Why: "same"}
	rename := entente.RegistryDecision{Action: entente.DecisionRename, Kind: entente.RegInstrument, Names: []string{"自贸协定"}, Name: "中塞自由贸易协定", Actor: "ed"}
	gone := entente.RegistryDecision{Action: entente.DecisionMerge, Kind: entente.RegInstrument, Names: []string{"不在了"}, Into: []string{full}, Actor: "ed"}
	tests := []struct {
		name string
		ds   []entente.RegistryDecision
		want []string
	}{
		{"automatic", nil, []string{"中塞自贸协定+" + full, "自贸协定"}},
		{"split", []entente.RegistryDecision{split}, []string{"中塞自贸协定", full, "自贸协定"}},
		{"split then merge", []entente.RegistryDecision{split, merge}, []string{"中塞自贸协定+自贸协定", full}},
		{"a decision whose names are gone does nothing", []entente.RegistryDecision{gone}, []string{"中塞自贸协定+" + full, "自贸协定"}},
		{"rename", []entente.RegistryDecision{split, merge, rename}, []string{"中塞自贸协定+自贸协定", full}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := Build(in, nil, tt.ds, nil)
			if got, want := groupsOf(es), sorted(tt.want); !slices.Equal(got, want) {
				t.Errorf("groups %q, want %q", got, want)
			}
			for _, e := range es {
				if slices.ContainsFunc(e.Items, func(k entente.ItemKey) bool { return k.Name == "自贸协定" }) && len(tt.ds) == 3 && e.Name != "中塞自由贸易协定" {
					t.Errorf("renamed entry is %q", e.Name)
				}
			}
		})
	}
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"《中塞自贸协定》", "“Free Trade Agreement”", "Споразум", "ＡＢＣ　１２", "a—b–c-d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := entente.NameKey(s)
		if entente.NameKey(k) != k {
			t.Errorf("NameKey is not idempotent on %q: %q then %q", s, k, entente.NameKey(k))
		}
		if strings.ContainsAny(k, " 《》\"“”") {
			t.Errorf("NameKey(%q) = %q keeps a space or a quote", s, k)
		}
		if entente.NameKey("《"+s+"》") != k {
			t.Errorf("brackets change the key of %q", s)
		}
	})
}
