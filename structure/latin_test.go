package structure

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// latinVocabulary is an English layout vocabulary with a small date reader
// ("8 May 2024"), enough for the layout paths of spaced scripts.
var latinVocabulary = Vocabulary{
	Closing:       []string{"Done at", "equally authentic"},
	Offices:       []string{"President", "Prime Minister", "For the Government of"},
	SignsFor:      []string{"For", "On behalf of"},
	Subjects:      []string{"The two sides"},
	NoSurname:     []string{"The", "We"},
	TitleWords:    []string{"joint statement", "memorandum", "agreement"},
	MetaLines:     []string{"for immediate release"},
	RecitalsRunOn: true,
	Date: func(s string) (Date, bool) {
		f := strings.Fields(s)
		for i := 0; i+2 < len(f); i++ {
			d, err1 := strconv.Atoi(f[i])
			y, err2 := strconv.Atoi(strings.TrimRight(f[i+2], ".,"))
			if err1 == nil && err2 == nil && d >= 1 && d <= 31 && y > 1900 && y < 2200 && f[i+1] == "May" {
				start := utf8.RuneCountInString(strings.Join(f[:i], " "))
				if i > 0 {
					start++
				}
				head := strings.Join(f[:i+3], " ")
				return Date{ISO: strconv.Itoa(y) + "-05-" + pad(d), Start: start, End: utf8.RuneCountInString(head)}, true
			}
		}
		return Date{}, false
	},
	LeadDateline: func(s string) int {
		if i := strings.Index(s, " – "); i > 0 && i < 40 && strings.Contains(s[:i], "May") {
			return i + len(" – ")
		}
		return 0
	},
}

func pad(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func TestParseLatin(t *testing.T) {
	tests := []struct {
		name, text, title string
		sections          []string
		sentences         []string
		date, place       string
	}{
		{
			name: "release line, dateline, heading after a blank line, end mark",
			text: "FOR IMMEDIATE RELEASE\n\nJoint Statement of Ruritania and Freedonia\n\nSTRELSAU, 8 May 2024 – The two sides met. They agreed on trade.\n\n" +
				"Trade and Investment\n\nThe two sides will open markets.\n\n###\n",
			title:     "Joint Statement of Ruritania and Freedonia",
			sections:  []string{"preamble"},
			sentences: []string{"The two sides met.", "They agreed on trade.", "The two sides will open markets."},
		},
		{
			name:      "a title in capitals over its second line; a heading under a title",
			text:      "JOINT STATEMENT\nOf Ruritania and Freedonia\nTrade\nThe two sides met.\n",
			title:     "JOINT STATEMENT Of Ruritania and Freedonia",
			sections:  []string{"preamble"},
			sentences: []string{"The two sides met."},
		},
		{
			name: "recitals ending in semicolons run on; marked items stay apart",
			text: "Agreement on Trade\n\nThe Parties,\n\nRecognizing the value of trade;\n\nDesiring closer ties;\n\nHave agreed as follows:\n\n" +
				"Article 1\n\nThe Parties shall:\n\n(a) open markets;\n\n(b) lower tariffs.\n",
			title:    "Agreement on Trade",
			sections: []string{"preamble", "1"},
			sentences: []string{"The Parties, Recognizing the value of trade; Desiring closer ties; Have agreed as follows:",
				"The Parties shall:", "open markets;", "lower tariffs."},
		},
		{
			// a copy that dropped the space after one dash of a dashed list:
			// the dash stuck to the item's word is still its marker, and the
			// items ending in commas stay apart; a dash stuck to a word with
			// no dashed item before it is the text's own
			name: "a dash stuck to an item's first word in a dashed list",
			text: "Agreement on Trade\n\nThe Parties cooperate on the bases of:\n\n- respect for law,\n\n-conviction that trade helps,\n\n- good faith.\n\n" +
				"Trade grows.\n\n-based trade grows.\n",
			title:    "Agreement on Trade",
			sections: []string{"preamble"},
			sentences: []string{"The Parties cooperate on the bases of:", "respect for law,", "conviction that trade helps,", "good faith.",
				"Trade grows.", "-based trade grows."},
		},
		{
			name:      "a publication stamp under the title",
			text:      "Joint Statement of Ruritania and Freedonia\n\n2023-05-17 21:30\n\nThe two sides met.\n",
			title:     "Joint Statement of Ruritania and Freedonia",
			sections:  []string{"preamble"},
			sentences: []string{"The two sides met."},
		},
		{
			name:      "a line broken mid-sentence is joined, not a heading",
			text:      "Joint Statement\n\nThe two sides agreed to strengthen cooperation between the\n\nEuropean Union and Africa. They met.\n",
			title:     "Joint Statement",
			sections:  []string{"preamble"},
			sentences: []string{"The two sides agreed to strengthen cooperation between the European Union and Africa.", "They met."},
		},
		{
			name: "a heading in title case with commas; a broken line with a comma is no heading",
			text: "Joint Statement of Ruritania and Freedonia\n\nEconomic, Trade, and Investment Cooperation\n\nThe two sides will open markets.\n\n" +
				"The two sides, after long talks, agreed to strengthen cooperation between the\n\nEuropean Union and Africa. They met.\n",
			title:    "Joint Statement of Ruritania and Freedonia",
			sections: []string{"preamble"},
			sentences: []string{"The two sides will open markets.",
				"The two sides, after long talks, agreed to strengthen cooperation between the European Union and Africa.", "They met."},
		},
		{
			name: "a heading in sentence case with a comma, between complete paragraphs; a broken line with a comma is no heading",
			text: "Zajednička izjava\n\nStrane su se sastale.\n\nNauka, kultura i obrazovanje\n\nStrane će otvoriti škole.\n\n" +
				"Strane su, posle dugih razgovora,\n\nOdlučile da sarađuju. Sastale su se.\n",
			title:    "Zajednička izjava",
			sections: []string{"preamble"},
			sentences: []string{"Strane su se sastale.", "Strane će otvoriti škole.",
				"Strane su, posle dugih razgovora, Odlučile da sarađuju.", "Sastale su se."},
		},
		{
			name:      "Paragraph N and Clause N number a memorandum's articles",
			text:      "Memorandum of Understanding on Education\n\nParagraph 1\nObjective\n\nThe Participants will promote education.\n\nClause 2\n\nThe Participants will meet.\n",
			title:     "Memorandum of Understanding on Education",
			sections:  []string{"1", "2"},
			sentences: []string{"The Participants will promote education.", "The Participants will meet."},
		},
		{
			name:      "Roman numerals and Article N",
			text:      "Agreement on Trade\n\nI. General\n\nThe Parties agree.\n\nII. Final\n\nArticle 1\n\nThis Agreement enters into force.\n",
			title:     "Agreement on Trade",
			sections:  []string{"1", "2"},
			sentences: []string{"The Parties agree.", "This Agreement enters into force."},
		},
		{
			name:     "items numbered (i) (ii) (iii) in lower-case Roman numerals, with no final stop, stay items of their own",
			text:     "Joint Statement of Ruritania and Freedonia\n\n1. The two sides met.\n\nAnnex: List of documents exchanged\n\n(i) Memorandum of Understanding on Trade\n\n(ii) Agreement on Culture\n\n(iii) Programme of Cooperation in Education\n\n(iv) Protocol on Health\n",
			title:    "Joint Statement of Ruritania and Freedonia",
			sections: []string{"1"},
			sentences: []string{"The two sides met.", "Memorandum of Understanding on Trade", "Agreement on Culture",
				"Programme of Cooperation in Education", "Protocol on Health"},
		},
		{
			name:      "a place alone under the title is its dateline",
			text:      "Joint Vision Statement of Ruritania and Freedonia\n\nStrelsau, Ruritania\n\nThe two sides met.\n",
			title:     "Joint Vision Statement of Ruritania and Freedonia",
			sections:  []string{"preamble"},
			sentences: []string{"The two sides met."},
			place:     "Strelsau, Ruritania",
		},
		{
			name: "a text out of a PDF: words broken at line ends, a page number, a place over the date",
			text: "Joint Statement of Ruritania and Freedonia\n\n1. The two sides held compre-\nhensive talks on coop-\neration and a high-\nspeed railway. The high speed\nof trains helps.\n\n- 2 -\n\n" +
				"2. The two sides will build a long-\nterm port and a long-term road with India-\nVietnam cooperation.\n\nStrelsau\n8 May 2024\n",
			title:    "Joint Statement of Ruritania and Freedonia",
			sections: []string{"1", "2"},
			sentences: []string{"The two sides held comprehensive talks on cooperation and a high-speed railway.", "The high speed of trains helps.",
				"The two sides will build a long-term port and a long-term road with India-Vietnam cooperation."},
			date:  "2024-05-08",
			place: "Strelsau",
		},
		{
			name: "an article's title on the line under its number, commas and all",
			text: "Memorandum of Understanding\n\nArticle 1\nObjective\n\nThe Parties will cooperate.\n\nArticle 2\n\nEntry into Force, Duration and Termination\n\nThis Memorandum enters into force.\n\n" +
				"Article 3\nThe Parties shall consult\neach other.\n",
			title:     "Memorandum of Understanding",
			sections:  []string{"1", "2", "3"},
			sentences: []string{"The Parties will cooperate.", "This Memorandum enters into force.", "The Parties shall consult each other."},
		},
		{
			name:      "a numbered title with commas, set apart by a blank line, is the article's title",
			text:      "Zajednička deklaracija\n\n1. Politička saradnja\n\nStrane će se sastajati.\n\n2. Ekonomija, energetika i infrastruktura\n\nStrane će graditi puteve.\n",
			title:     "Zajednička deklaracija",
			sections:  []string{"1", "2"},
			sentences: []string{"Strane će se sastajati.", "Strane će graditi puteve."},
		},
		{
			name: "a measure numbered under its heading's number (1.1., 2.3.1.) is a list item, not a sentence or a section",
			text: "Akcioni plan\n\n1. Politički dijalog\n\n1.1. Strane će se sastajati.\n\n1.2. Strane će sarađivati.\n\n2. Energetika\n\n2.1.3. Strane će graditi.\n\n" +
				"2.2 The Parties will build.\n\n2.5 miliona evra biće uloženo.\n",
			title:    "Akcioni plan",
			sections: []string{"1", "2"},
			sentences: []string{"Strane će se sastajati.", "Strane će sarađivati.", "Strane će graditi.", "The Parties will build.",
				"2.5 miliona evra biće uloženo."},
		},
		{
			name:      "a part's bare Roman numeral heads it, though I is also a word",
			text:      "Zajednička izjava\n\nI\n\n1. Strane su se sastale.\n\nII.\n\n2. Strane će sarađivati.\n",
			title:     "Zajednička izjava",
			sections:  []string{"1", "2"},
			sentences: []string{"Strane su se sastale.", "Strane će sarađivati."},
		},
		{
			name:      "a capital letter closing a name before the parties' word ends the sentence; an initial before a surname does not",
			text:      "Joint Statement\n\nThey will modernise the plant Kostolac B. The two sides will meet. President J. Smith spoke.\n",
			title:     "Joint Statement",
			sections:  []string{"preamble"},
			sentences: []string{"They will modernise the plant Kostolac B.", "The two sides will meet.", "President J. Smith spoke."},
		},
		{
			name:      "a numeral letter closing a name before a word that is never a surname ends the sentence",
			text:      "Joint Statement\n\nThey will modernise the railway on Corridor X. The EU will provide grants. We met Hon. J. Smith.\n",
			title:     "Joint Statement",
			sections:  []string{"preamble"},
			sentences: []string{"They will modernise the railway on Corridor X.", "The EU will provide grants.", "We met Hon. J. Smith."},
		},
		{
			// a venue and its place on one line over the date on the next,
			// under the title: the dateline, no preamble sentence
			name:      "a venue line over a date line under the title",
			text:      "Joint Statement of the Ministerial Forum\n\nParliament House Strelsau, Ruritania\n11 May 2013\n\n1. The Forum was held in Strelsau.\n",
			title:     "Joint Statement of the Ministerial Forum",
			sections:  []string{"1"},
			sentences: []string{"The Forum was held in Strelsau."},
			date:      "2013-05-11",
			place:     "Parliament House Strelsau, Ruritania",
		},
		{
			// a sentence over a date is no venue: it ends in a mark
			name:      "a sentence over a date line is read as text",
			text:      "Joint Statement\n\nThe Forum met in Strelsau, Ruritania.\n\n1. The two sides agreed on trade.\n",
			title:     "Joint Statement",
			sections:  []string{"preamble", "1"},
			sentences: []string{"The Forum met in Strelsau, Ruritania.", "The two sides agreed on trade."},
		},
		{
			name:      "closing with a date and signature lines",
			text:      "Memorandum of Understanding\n\nThe Parties will cooperate.\n\nDone at Strelsau on 8 May 2024, both texts being equally authentic.\n\nFor the Government of Ruritania\nFor the Government of Freedonia\n",
			title:     "Memorandum of Understanding",
			sections:  []string{"preamble", "closing"},
			sentences: []string{"The Parties will cooperate.", "Done at Strelsau on 8 May 2024, both texts being equally authentic."},
			date:      "2024-05-08",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Parse(tc.text, latinVocabulary)
			if l.Title != tc.title {
				t.Errorf("title %q, want %q", l.Title, tc.title)
			}
			var ids, got []string
			for _, s := range l.Sections {
				ids = append(ids, s.ID)
			}
			for _, s := range l.Sentences {
				got = append(got, s.Text)
			}
			if strings.Join(ids, " ") != strings.Join(tc.sections, " ") {
				t.Errorf("sections %v, want %v", ids, tc.sections)
			}
			if strings.Join(got, "|") != strings.Join(tc.sentences, "|") {
				t.Errorf("sentences\n got %q\nwant %q", got, tc.sentences)
			}
			if tc.date != "" && l.SignedDate != tc.date {
				t.Errorf("date %q, want %q", l.SignedDate, tc.date)
			}
			if tc.place != "" && l.SignedPlace != tc.place {
				t.Errorf("place %q, want %q", l.SignedPlace, tc.place)
			}
			checkCoverage(t, tc.text, l)
		})
	}
}

func TestRomanValue(t *testing.T) {
	for s, want := range map[string]int{"I": 1, "IV": 4, "IX": 9, "XII": 12, "XXXIX": 39, "IIII": 0, "VX": 0, "": 0} {
		if got, _ := romanValue(s); got != want {
			t.Errorf("romanValue(%q) = %d, want %d", s, got, want)
		}
	}
}

// FuzzParseLatin checks the spaced-script paths (release lines, end marks,
// headings, Roman and Article markers, datelines): every character of any
// input lands in a block and the sentences cover the body.
func FuzzParseLatin(f *testing.F) {
	f.Add("FOR IMMEDIATE RELEASE\n\nJoint Statement\n\nSTRELSAU, 8 May 2024 – A. B.\n\nHeading Here\n\nI. X\n\nArticle 2\n\n(a) c.\n\n###")
	f.Add("- - -\n\nIV. \n\nArticle \n\n8 May 2024\n\nDone at X on 8 May 2024.\nFor the Government of Y")
	f.Add("U.S. No. 5 H.E. “Hope” – — … \n\n\n")
	f.Add("The two sides agreed.\n\nFor the Republic of X     For Y\n(signed)\t(signed)\nAna B. Jr.    C de D\nPresident, x\tPresident")
	f.Fuzz(func(t *testing.T, text string) {
		l := Parse(text, latinVocabulary)
		checkCoverage(t, text, l)
	})
}

// TestSegmentSpaced: abbreviations, initials and dates of English and
// Serbian (both scripts) never end a sentence.
func TestSegmentSpaced(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The U.S. and the U.K. agreed. H.E. Mr. Li met Hon. J. Smith.", []string{"The U.S. and the U.K. agreed.", "H.E. Mr. Li met Hon. J. Smith."}},
		{"They called on the President of India, H.E. Smt. Droupadi Murmu. They met.", []string{"They called on the President of India, H.E. Smt. Droupadi Murmu.", "They met."}},
		// an abbreviation after a hyphen is still one; a year's span after one ends a sentence
		{"They welcomed the Japan-U.S. Alliance Dialogue. They met.", []string{"They welcomed the Japan-U.S. Alliance Dialogue.", "They met."}},
		{"They met the Indo–U.K. Task Force and the Euro-Atlantic partners. They met.", []string{"They met the Indo–U.K. Task Force and the Euro-Atlantic partners.", "They met."}},
		{"They met in 2021-22. They met.", []string{"They met in 2021-22.", "They met."}},
		{"See Art. 5 and No. 7 of the Agreement. It entered into force.", []string{"See Art. 5 and No. 7 of the Agreement.", "It entered into force."}},
		{"Sastanak je održan 8. maja 2024. godine u Beogradu. Strane su se složile, tj. dogovorile.", []string{"Sastanak je održan 8. maja 2024. godine u Beogradu.", "Strane su se složile, tj. dogovorile."}},
		// an abbreviation that closes a list ends a sentence before a capital
		{"Strane sarađuju u oblastima kao što su energetika, saobraćaj itd. Strane će potpisati sporazum.", []string{"Strane sarađuju u oblastima kao što su energetika, saobraćaj itd.", "Strane će potpisati sporazum."}},
		{"Стране сарађују у енергетици, саобраћају итд. Стране ће потписати споразум.", []string{"Стране сарађују у енергетици, саобраћају итд.", "Стране ће потписати споразум."}},
		{"He was invited by President Ferdinand R. Marcos Jr. The two leaders met.", []string{"He was invited by President Ferdinand R. Marcos Jr.", "The two leaders met."}},
		{"President Joseph R. Biden Jr. and President Marcos met.", []string{"President Joseph R. Biden Jr. and President Marcos met."}},
		{"They cover energy, transport etc. and will grow. They met.", []string{"They cover energy, transport etc. and will grow.", "They met."}},
		{"Г. Вучић је потписао споразум бр. 5 дана 8. маја 2024. године. Стране ће сарађивати.", []string{"Г. Вучић је потписао споразум бр. 5 дана 8. маја 2024. године.", "Стране ће сарађивати."}},
		// a short number that ends a name (Đerdap 2, Koridor 10) before a capital ends the
		// sentence; after a lowercase head (člana 12.) or as the sentence's second word (Članom
		// 5. Sporazuma) it is an ordinal, and the capital after it is a name's
		{"Strane će revitalizovati Hidroelektranu Đerdap 2. Srpska strana izražava interesovanje.", []string{"Strane će revitalizovati Hidroelektranu Đerdap 2.", "Srpska strana izražava interesovanje."}},
		{"Стране ће обновити Хидроелектрану Ђердап 2. Српска страна ће учествовати.", []string{"Стране ће обновити Хидроелектрану Ђердап 2.", "Српска страна ће учествовати."}},
		{"Na osnovu člana 12. Sporazuma Strane će sarađivati.", []string{"Na osnovu člana 12. Sporazuma Strane će sarađivati."}},
		{"Članom 5. Sporazuma predviđeno je osnivanje komisije.", []string{"Članom 5. Sporazuma predviđeno je osnivanje komisije."}},
		{"Beograd, 9. Septembar. Strane su se sastale.", []string{"Beograd, 9. Septembar.", "Strane su se sastale."}},
		// the last of a list of bare numbers (poglavlja 23 i 24, chapters 3 and 4) counts, it
		// orders nothing: its stop before a capital ends the sentence; a list of ordinals keeps
		// its stops (8. i 9. maja)
		{"Strane će razmeniti iskustva o poglavljima 23 i 24. Slovačka strana će pomoći.", []string{"Strane će razmeniti iskustva o poglavljima 23 i 24.", "Slovačka strana će pomoći."}},
		{"Стране ће разменити искуства о поглављима 23 и 24. Словачка страна ће помоћи.", []string{"Стране ће разменити искуства о поглављима 23 и 24.", "Словачка страна ће помоћи."}},
		{"They discussed chapters 3 and 4. The ministers met.", []string{"They discussed chapters 3 and 4.", "The ministers met."}},
		{"Na osnovu članova 8. i 9. Sporazuma Strane će sarađivati.", []string{"Na osnovu članova 8. i 9. Sporazuma Strane će sarađivati."}},
	}
	for _, tc := range tests {
		if got := Segment(tc.in); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Segment(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
