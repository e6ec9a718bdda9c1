package compare

import (
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/lexicon"
)

func loadWords(tb testing.TB) *Words {
	tb.Helper()
	w, err := LoadWords()
	if err != nil {
		tb.Fatal(err)
	}
	return w
}

func TestReadDesignations(t *testing.T) {
	w := loadWords(t)
	cases := []struct {
		text                         string
		want                         []string
		upgrade, establish, reaffirm bool
		report                       entente.Status
	}{
		{"双方决定将中塞战略伙伴关系提升为全面战略伙伴关系。", []string{"strategic_partnership", "comprehensive_strategic_partnership"}, true, false, false, ""},
		{"两国建立全天候全面战略合作伙伴关系。", []string{"all_weather_partnership"}, false, true, false, ""},
		{"双方重申深化新时代全面战略协作伙伴关系。", []string{"comprehensive_strategic_coordination"}, false, false, true, ""},
		// a community of all mankind is no tie between two parties
		{"塞方支持构建人类命运共同体的努力。", nil, false, true, false, ""},
		// a designation inside a cited title is the title's
		{"双方高度评价《关于建立全面战略伙伴关系的联合声明》签署以来双边关系的发展。", nil, false, false, false, ""},
		{"The two leaders decided to elevate the bilateral relationship to a Comprehensive Strategic Partnership.",
			[]string{"comprehensive_strategic_partnership"}, true, false, false, ""},
		{"The sides reaffirmed their commitment to the strategic partnership.", []string{"strategic_partnership"}, false, false, true, ""},
		{"Both sides support building a community with a shared future for mankind.", nil, false, true, false, ""},
		{"Strane su odlučile da uspostave sveobuhvatno strateško partnerstvo.", []string{"comprehensive_strategic_partnership"}, false, true, false, ""},
		{"Стране су потврдиле свеобухватно стратешко партнерство.", []string{"comprehensive_strategic_partnership"}, false, false, true, ""},
		{"Strane su se saglasile da izgrade zajednicu sa zajedničkom budućnošću u novoj eri.", []string{"shared_future"}, false, true, false, ""},
		{"双方高度评价匈塞铁路贝尔格莱德至诺维萨德段建成通车。", nil, false, false, false, entente.Fulfilled},
		{"The sides welcomed the entry into force of the Free Trade Agreement.", nil, false, false, false, entente.Fulfilled},
		{"双方欢迎斯梅代雷沃钢厂项目取得积极进展。", nil, false, false, false, entente.InProgress},
		// "strategic" alone, or a partnership of another word, is no designation
		{"The strategic importance of the partnership was noted.", nil, false, false, false, ""},
	}
	for _, c := range cases {
		f := w.read(c.text)
		if strings.Join(f.designations, ",") != strings.Join(c.want, ",") || f.upgrade != c.upgrade ||
			f.establish != c.establish || f.reaffirm != c.reaffirm || f.report != c.report {
			t.Errorf("%s\n got %v upgrade %v establish %v reaffirm %v report %q\nwant %v upgrade %v establish %v reaffirm %v report %q",
				c.text, f.designations, f.upgrade, f.establish, f.reaffirm, f.report, c.want, c.upgrade, c.establish, c.reaffirm, c.report)
		}
	}
}

func TestWordsRefuse(t *testing.T) {
	base := "[rank]\na=1\n[label_zh]\na=x\n[label_en]\na=x\n[label_sr]\na=x\n[upgrade]\nraise\n[establish]\nfound\n[reaffirm]\nconfirm\n[report]\ndone=fulfilled\n"
	cases := map[string]string{
		"unknown designation": base + "[designation]\nalpha=b\n",
		"report not a status": strings.Replace(base, "done=fulfilled", "done=finished", 1) + "[designation]\nalpha=a\n",
		"phrase in two":       base + "[designation]\nraise=a\n",
		"no label":            strings.Replace(base, "[label_en]\na=x", "[label_en]\n", 1) + "[designation]\nalpha=a\n",
		"missing section":     strings.Replace(base, "[upgrade]\nraise\n", "", 1) + "[designation]\nalpha=a\n",
		"rank not a number":   strings.Replace(base, "a=1", "a=one", 1) + "[designation]\nalpha=a\n",
	}
	for name, data := range cases {
		tab, err := lexicon.Parse(name, strings.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := NewWords(tab); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	tab, err := lexicon.Parse("ok", strings.NewReader(base+"[designation]\nalpha=a\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := NewWords(tab); err != nil {
		t.Errorf("a good table refused: %v", err)
	}
}

// FuzzRead: any sentence is read without a panic, and every designation
// found is one of the hierarchy.
func FuzzRead(f *testing.F) {
	for _, s := range []string{"双方决定将中塞战略伙伴关系提升为全面战略伙伴关系。", "《《全面战略伙伴关系", "》》elevate to a strategic partnership", "Стране", "\xff\xfe"} {
		f.Add(s)
	}
	w := loadWords(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, d := range w.read(s).designations {
			if w.Rank(d) == 0 {
				t.Fatalf("%q: designation %q has no rank", s, d)
			}
		}
	})
}

// TestSimilarityAtLeast: the bound never drops a pair that similarity
// keeps, over every pair of the sentences of the test library.
func TestSimilarityAtLeast(t *testing.T) {
	var items []*item
	for _, text := range []string{"双方将加快推进匈塞铁路贝尔格莱德至诺维萨德段建设。", "双方将继续加快推进匈塞铁路贝尔格莱德至诺维萨德段建设。",
		"双方愿探讨商签自由贸易协定的可能性。", "双方同意尽快启动自由贸易协定谈判。", "双方将扩大人文交流，鼓励两国青年互访。",
		"The sides will accelerate the construction of the Belgrade–Novi Sad section of the railway.",
		"The sides will speed up the construction of the railway.", "Strane će ubrzati izgradnju pruge.", "双方将在人工智能领域开展合作。"} {
		items = append(items, newItem(1, "", &entente.Sentence{Text: text, Type: entente.Commitment, Areas: []string{"infrastructure"}}))
	}
	weigh(items)
	for _, min := range []float64{RecycledThreshold, AlignThreshold, FollowupThreshold, 0.9} {
		for _, a := range items {
			for _, b := range items {
				full := similarity(a, b)
				if got := similarityAtLeast(a, b, min); full >= min && got != full {
					t.Errorf("%q ~ %q: %.3f ≥ %.2f but the bound gave %.3f", a.s.Text, b.s.Text, full, min, got)
				}
			}
		}
	}
}
