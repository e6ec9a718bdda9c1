package extract

import (
	"slices"
	"testing"
)

// TestIndonesiaMemorandumProvisions reads provisions of a memorandum of Hong
// Kong's government with a state on economic and trade cooperation (the
// genre of hk-id-economic-memorandum), sentences of our own: Hong Kong's
// written "will" (會) before a reciprocal adverb (會互相…, 會相互…), a "will"
// whose frame holds a relative clause (會在其舉辦的…中推廣…), a permission
// "as needed" (可視乎需要, 可按需要) that is no view of what is needed,
// people's movement (人員往來) as people, and halal certification as trade.
func TestIndonesiaMemorandumProvisions(t *testing.T) {
	r := newTestRegistry(t)
	const title = "香港特別行政區政府與印度尼西亞共和國政府關於旅遊合作的諒解備忘錄\n\n第一條　合作\n\n"
	both := []string{"HK", "ID"}
	tests := []struct {
		name, text, typ, strength string
		actors, areas             []string
	}{
		{"will before a reciprocal adverb", "雙方會互相推介對方的旅遊資源。",
			"commitment", "firm", both, []string{"people"}},
		{"will before 相互", "雙方會相互推廣對方的文化產品。",
			"commitment", "firm", both, []string{"people"}},
		{"will whose frame holds a relative clause", "香港貿易發展局會在其主辦的商品展覽中推介印尼咖啡。",
			"commitment", "firm", []string{"HK"}, []string{"trade"}},
		{"a permission as needed is no view", "工作小組可視乎需要邀請專家列席會議。",
			"narrative", "", nil, nil},
		{"a permission 按需要 is no view", "工作小組可按需要邀請相關部門的代表出席會議。",
			"narrative", "", nil, nil},
		{"people's movement is people", "雙方將進一步便利兩地人員往來。",
			"commitment", "firm", both, []string{"people"}},
		{"halal certification is trade", "雙方將加強在清真認證方面的合作。",
			"commitment", "firm", both, []string{"trade"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := onlyHantExtraction(t, r, title+tc.text).Sentences[0]
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if !slices.Equal(s.Actors, tc.actors) && (len(s.Actors) > 0 || len(tc.actors) > 0) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if tc.areas != nil && !slices.Equal(s.Areas, tc.areas) {
				t.Errorf("areas %v, want %v", s.Areas, tc.areas)
			}
		})
	}
}

// TestRecitalWithGivenFields: a recital of an instrument's preamble that
// opens with 鑑於 and ends at its semicolon is a point of the preamble, and
// the fields it names are the text's (the golds of hk-ae, tw-py and hk-id
// read them); a 鑑於 clause that a comma runs on into the parties' own
// clause still only sets its scene.
func TestRecitalWithGivenFields(t *testing.T) {
	r := newTestRegistry(t)
	const doc = "香港特別行政區政府與印度尼西亞共和國政府關於金融合作的諒解備忘錄\n\n" +
		"香港特別行政區政府與印度尼西亞共和國政府（以下合稱「雙方」），\n\n" +
		"鑑於兩地之間日益密切的人員往來；\n\n希望加強兩地的金融合作，\n\n達成諒解如下：\n\n第一條　合作\n\n" +
		"鑑於兩地人員往來日益密切，雙方將加強金融合作。\n"
	x, err := r.ExtractAs(doc, "zh-Hant")
	if err != nil {
		t.Fatal(err)
	}
	ss := x.Sentences
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2", len(ss))
	}
	if !slices.Equal(ss[0].Areas, []string{"finance", "people"}) {
		t.Errorf("recital: areas %v, want [finance people]", ss[0].Areas)
	}
	if !slices.Equal(ss[1].Areas, []string{"finance"}) {
		t.Errorf("scene: areas %v, want [finance]", ss[1].Areas)
	}
}
