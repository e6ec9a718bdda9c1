package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestPartiesFromTitle holds how a title names the parties: in full, or only
// by a run of short forms that opens with China's (中日, 中德), where a short
// form shared by several countries (阿) names none.
func TestPartiesFromTitle(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		title string
		want  []string
	}{
		{"中华人民共和国和德意志联邦共和国联合声明", []string{"CN", "DE"}},
		{"第五轮中德政府磋商联合声明", []string{"CN", "DE"}},
		{"中日联合声明", []string{"CN", "JP"}},
		{"第五輪中德政府磋商聯合聲明", []string{"CN", "DE"}},
		{"中阿联合声明", nil},
		{"联合声明", nil},
		{"中华人民共和国和塞尔维亚共和国关于深化中塞全面战略伙伴关系的联合声明", []string{"CN", "RS"}},
		// Taiwan's spellings of its partners, as a Traditional title maps to Simplified
		{"中华民国与史瓦帝尼王国联合声明", []string{"SZ", "TW"}},
		{"中华民国与瓜地马拉共和国联合公报", []string{"GT", "TW"}},
		{"中华民国与贝里斯联合声明", []string{"BZ", "TW"}},
		{"中华民国与圣克里斯多福及尼维斯联合声明", []string{"KN", "TW"}},
		{"中华民国与圣文森及格瑞那丁联合声明", []string{"TW", "VC"}},
		{"中华民国与吐瓦鲁联合声明", []string{"TV", "TW"}},
		{"中华民国与帛琉共和国联合声明", []string{"PW", "TW"}},
		{"中华民国与宏都拉斯共和国联合声明", []string{"HN", "TW"}},
		{"中华民国与圣露西亚联合声明", []string{"LC", "TW"}},
		// a SAR government signs its own arrangements under its shorter
		// name: a party alias in the part of the title that names the
		// parties is a party, while one after 关于 is the topic
		{"香港特别行政区政府与泰王国政府关于加强经济关系的谅解备忘录", []string{"HK", "TH"}},
		{"香港特区政府与新加坡共和国政府合作备忘录", []string{"HK", "SG"}},
		{"中华人民共和国政府和大不列颠及北爱尔兰联合王国政府关于香港问题的联合声明", []string{"CN", "GB"}},
		{"澳门特别行政区政府与葡萄牙共和国政府关于旅游合作的谅解备忘录", []string{"MO", "PT"}},
		{"中华人民共和国政府和葡萄牙共和国政府关于澳门问题的联合声明", []string{"CN", "PT"}},
		// Taipei's and its partners' representative offices sign for them
		{"驻美国台北经济文化代表处与美国在台协会发展及人道援助合作谅解备忘录", []string{"TW", "US"}},
		// Taipei's office in Tokyo puts 驻日 inside its name: the office is TW, the 日 in it no party
		{"台北驻日经济文化代表处与日本台湾交流协会农业合作备忘录", []string{"JP", "TW"}},
		{"驻欧盟兼驻比利时代表处与比利时弗拉芒大区政府科技合作备忘录", []string{"BE", "TW"}},
		{"台湾日本关系协会与日本台湾交流协会海关合作备忘录", []string{"JP", "TW"}},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			got := x.Extract(tc.title + "\n双方同意加强合作。\n").Document.Parties
			if !slices.Equal(got, tc.want) {
				t.Errorf("parties %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPartiesFromSides holds a communiqué whose title and preamble name no
// country in full: a side named by an unambiguous party form (中方) is a
// party and its undertakings are its own, while an ambiguous one (阿方)
// names nobody.
func TestPartiesFromSides(t *testing.T) {
	x := newTestExtractor(t)
	r := x.Extract("流域合作外长会联合新闻公报\n中方将在未来三年内完成示范平台建设。\n阿方愿积极参与。\n")
	if !slices.Equal(r.Document.Parties, []string{"CN"}) {
		t.Fatalf("parties %v, want [CN]", r.Document.Parties)
	}
	s := r.Sentences[0]
	if s.Type != "commitment" || !slices.Equal(s.Actors, []string{"CN"}) || s.Deadline == nil || *s.Deadline != "未来三年内" {
		t.Errorf("first sentence %s %v deadline %v, want a commitment of CN within 未来三年内", s.Type, s.Actors, s.Deadline)
	}
}

// TestSidesOnlyOfParties: where the title names a party, a party form
// (克方, 文方) is read against the document's parties and adds no country
// the text does not name; each of Taipei's partners' short forms is that
// partner where it is one (贝方 is Belize's beside Taiwan, not Benin's).
func TestSidesOnlyOfParties(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		text    string
		parties []string
		actors  string
	}{
		{"中华民国与某国联合声明\n克方将加强农业合作。\n", []string{"TW"}, ""},
		{"中华民国与贝里斯联合声明\n贝方将加强农业合作。\n", []string{"BZ", "TW"}, "BZ"},
		{"中华民国与圣克里斯多福及尼维斯联合声明\n克方将加强农业合作。\n", []string{"KN", "TW"}, "KN"},
		{"中华民国与圣文森及格瑞那丁联合声明\n文方将加强农业合作。\n", []string{"TW", "VC"}, "VC"},
		{"中华民国与马绍尔群岛共和国联合声明\n马方将加强农业合作。\n", []string{"MH", "TW"}, "MH"},
		{"中华民国与史瓦帝尼王国联合声明\n史国将加强农业合作。\n", []string{"SZ", "TW"}, "SZ"},
	}
	for _, tc := range tests {
		r := x.Extract(tc.text)
		if !slices.Equal(r.Document.Parties, tc.parties) {
			t.Errorf("%q: parties %v, want %v", tc.text, r.Document.Parties, tc.parties)
			continue
		}
		if got := strings.Join(r.Sentences[0].Actors, ","); tc.actors != "" && got != tc.actors {
			t.Errorf("%q: actors %s, want %s", tc.text, got, tc.actors)
		}
	}
}

// TestWriterAndCountryForms: 我国 is the party that writes in Chinese
// among the document's (TW in Taipei's communiqués, CN in Beijing's), and
// none where neither is a party; a partner's short form before 国 is that
// partner (巴国), as 巴方 is.
func TestWriterAndCountryForms(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		text    string
		parties []string
		actors  string
	}{
		{"我国将协助巴国推动智慧医疗计划。", []string{"PY", "TW"}, "TW"},
		{"我国将同塞方加强合作。", []string{"CN", "RS"}, "CN"},
		{"巴国将派遣代表团访问台湾。", []string{"PY", "TW"}, "PY"},
		{"我国将派遣代表团。", []string{"HU", "RS"}, "HU,RS"},     // no writer among the parties: 我国 names none of them
		{"台方将协助巴方推动智慧医疗计划。", []string{"PY", "TW"}, "TW"}, // 臺方, 台方: Taiwan's own party form
		{"台湾将持续提供奖学金。", []string{"PY", "TW"}, "TW"},
		{"台湾将持续提供奖学金。", []string{"CN", "RS"}, "CN,RS"}, // no party in Beijing's statements: a topic
	}
	for _, tc := range tests {
		s := mustLabel(t, x, tc.text, tc.parties, tc.parties)
		if got := strings.Join(s.Actors, ","); got != tc.actors {
			t.Errorf("%s (%v): actors %s, want %s", tc.text, tc.parties, got, tc.actors)
		}
	}
}

// signatoriesOf lists the signatories text yields as name|title|party.
func signatoriesOf(x *Extractor, text string) []string {
	var have []string
	for _, s := range x.Extract(text).Document.Signatories {
		have = append(have, s.Name+"|"+s.Title+"|"+s.Party)
	}
	return have
}

// TestSignatoryUnderGovernmentLine holds a block of three lines (the
// governments, 代表, then each office beside its name): the office is the
// title and the government line it stands under gives the party, by a
// country's name or a party's alias.
func TestSignatoryUnderGovernmentLine(t *testing.T) {
	x := newTestExtractor(t)
	text := "香港特别行政区政府与泰王国政府合作谅解备忘录\n\n第一条　双方同意加强合作。\n\n本备忘录于二〇二五年八月二十八日在曼谷签署，一式两份，各文本同等作准。\n\n" +
		"香港特别行政区政府　　　　泰王国政府\n代表　　　　　　　　代表\n行政长官　李家超　　　　副总理兼商业部长　披猜\n"
	want := []string{"李家超|行政长官|HK", "披猜|副总理兼商业部长|TH"}
	if have := signatoriesOf(x, text); !slices.Equal(have, want) {
		t.Errorf("signatories %v, want %v", have, want)
	}
}

// TestRepresentativeOfficeSignatories holds a block signed by two
// representative offices: the office a column signs under names its party,
// not the country its own name holds (驻美国…代表处 is Taipei's).
func TestRepresentativeOfficeSignatories(t *testing.T) {
	x := newTestExtractor(t)
	text := "驻美国台北经济文化代表处与美国在台协会合作谅解备忘录\n\n第一条　双方同意加强合作。\n\n本备忘录以中文及英文各缮两份，两种文本同等作准。\n\n" +
		"驻美国台北经济文化代表处　　　　美国在台协会\n代表　　　　　　　　代表\n驻美国代表　萧美琴　　　　执行理事　蓝莺\n"
	want := []string{"萧美琴|驻美国代表|TW", "蓝莺|执行理事|US"}
	if have := signatoriesOf(x, text); !slices.Equal(have, want) {
		t.Errorf("signatories %v, want %v", have, want)
	}
}

// TestPartyShortNames holds the short names an instrument gives one party
// (…代表处（以下简称“台北经文处”）): its later provisions name that party
// alone by them, not both.
func TestPartyShortNames(t *testing.T) {
	x := newTestExtractor(t)
	text := "驻美国台北经济文化代表处与美国在台协会农业合作谅解备忘录\n\n" +
		"驻美国台北经济文化代表处（以下简称“台北经文处”）与美国在台协会（以下简称“协会”），达成下列谅解：\n\n" +
		"第一条　义务\n\n台北经文处应提供必要的经费。协会应提供技术协助。双方同意加强农业合作。\n"
	want := map[string]string{"台北经文处应提供必要的经费。": "TW", "协会应提供技术协助。": "US", "双方同意加强农业合作。": "TW,US"}
	for _, s := range x.Extract(text).Sentences {
		if w, ok := want[s.Text]; ok && strings.Join(s.Actors, ",") != w {
			t.Errorf("%s: actors %v, want %s", s.Text, s.Actors, w)
		}
	}
}
