package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestSpacedLayouts reads whole English statements in the layouts of the
// genre: a press release (release line, date line, dateline, headings on
// their own lines, an end mark), a treaty-style memorandum (recitals,
// "Article N", a closing with place and date, signature lines), Roman and
// lettered points.
func TestSpacedLayouts(t *testing.T) {
	tests := []struct {
		name, lang, text   string
		title, kind, date  string
		place              string
		parties, authentic []string
		sections           []string
		sentences          []string
	}{
		{
			name: "press release",
			lang: "en",
			text: "FOR IMMEDIATE RELEASE\n\nJoint Statement of the United States of America and the Republic of Serbia on Energy Security\n\n" +
				"BELGRADE, May 8, 2024 – The U.S. Secretary of Energy and the Minister of Mining and Energy of Serbia met in Belgrade. They agreed to expand cooperation on nuclear safety.\n\n" +
				"Diversifying Energy Supplies\n\nThe two sides will work together on the gas interconnector with Bulgaria by the end of 2025.\n\n###\n",
			title: "Joint Statement of the United States of America and the Republic of Serbia on Energy Security",
			kind:  "joint_statement", date: "2024-05-08", place: "BELGRADE", parties: []string{"RS", "US"},
			sections: []string{"preamble"},
			sentences: []string{
				"The U.S. Secretary of Energy and the Minister of Mining and Energy of Serbia met in Belgrade.",
				"They agreed to expand cooperation on nuclear safety.",
				"The two sides will work together on the gas interconnector with Bulgaria by the end of 2025.",
			},
		},
		{
			name: "treaty-style memorandum with articles and signature lines",
			lang: "en",
			text: "Memorandum of Understanding between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science\n\n" +
				"The Government of Hungary and the Government of the Republic of Korea,\n\nDesiring to strengthen scientific cooperation,\n\nHave agreed as follows:\n\n" +
				"Article 1\n\nThe Parties shall promote joint research projects.\n\nArticle 2\n\nThe Parties shall exchange scientists and students.\n\n" +
				"Done at Seoul on 12 March 2023, in two originals in the Hungarian, Korean and English languages, all texts being equally authentic.\n\n" +
				"For the Government of Hungary\nFor the Government of the Republic of Korea\n",
			title: "Memorandum of Understanding between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science",
			kind:  "mou", date: "2023-03-12", place: "Seoul", parties: []string{"HU", "KR"}, authentic: []string{"en", "hu", "ko"},
			sections: []string{"preamble", "1", "2", "closing"},
			sentences: []string{
				"The Government of Hungary and the Government of the Republic of Korea, Desiring to strengthen scientific cooperation, Have agreed as follows:",
				"The Parties shall promote joint research projects.",
				"The Parties shall exchange scientists and students.",
				"Done at Seoul on 12 March 2023, in two originals in the Hungarian, Korean and English languages, all texts being equally authentic.",
			},
		},
		{
			name: "an attestation clause before the place and date closes the document",
			lang: "en",
			text: "Agreement between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science\n\n" +
				"Article 1\n\nThe Parties shall promote joint research projects.\n\n" +
				"In witness whereof the undersigned, being duly authorised thereto by their respective Governments, have signed this Agreement.\n\n" +
				"Done in duplicate at Seoul on 12 March 2023, in the Hungarian, Korean and English languages, all texts being equally authentic.\n",
			title: "Agreement between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science",
			kind:  "agreement", date: "2023-03-12", place: "Seoul", parties: []string{"HU", "KR"}, authentic: []string{"en", "hu", "ko"},
			sections: []string{"1", "closing"},
			sentences: []string{
				"The Parties shall promote joint research projects.",
				"In witness whereof the undersigned, being duly authorised thereto by their respective Governments, have signed this Agreement.",
				"Done in duplicate at Seoul on 12 March 2023, in the Hungarian, Korean and English languages, all texts being equally authentic.",
			},
		},
		{
			name: "a treaty's closing on this 9th day of, names in parentheses, a recital's date cited",
			lang: "en",
			text: "Memorandum of Understanding between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science\n\n" +
				"The Government of Hungary and the Government of the Republic of Korea,\n\nRecalling the Agreement on Scientific Cooperation signed on 18 February 2012;\n\nHave agreed as follows:\n\n" +
				"Article 1\n\nThe Parties shall promote joint research projects.\n\n" +
				"Signed at Seoul on this 9th day of September 2024, in two originals each in the Hungarian, Korean and English languages, all texts being equally authentic.\n\n" +
				"For the Government of Hungary\n(Péter Szijjártó)\nMinister of Foreign Affairs and Trade\n\n" +
				"For the Government of the Republic of Korea\n(Cho Tae-yul)\nMinister of Foreign Affairs\n",
			title: "Memorandum of Understanding between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science",
			kind:  "mou", date: "2024-09-09", place: "Seoul", parties: []string{"HU", "KR"}, authentic: []string{"en", "hu", "ko"},
			sections: []string{"preamble", "1", "closing"},
			sentences: []string{
				"The Government of Hungary and the Government of the Republic of Korea, Recalling the Agreement on Scientific Cooperation signed on 18 February 2012; Have agreed as follows:",
				"The Parties shall promote joint research projects.",
				"Signed at Seoul on this 9th day of September 2024, in two originals each in the Hungarian, Korean and English languages, all texts being equally authentic.",
			},
		},
		{
			name: "an undated treaty takes no date from the instrument its recital cites",
			lang: "en",
			text: "Memorandum of Understanding between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science\n\n" +
				"The Government of Hungary and the Government of the Republic of Korea,\n\nRecalling the Agreement on Scientific Cooperation signed on 18 February 2012;\n\nHave agreed as follows:\n\n" +
				"Article 1\n\nThe Parties shall promote joint research projects.\n",
			title: "Memorandum of Understanding between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science",
			kind:  "mou", parties: []string{"HU", "KR"},
			sections: []string{"preamble", "1"},
			sentences: []string{
				"The Government of Hungary and the Government of the Republic of Korea, Recalling the Agreement on Scientific Cooperation signed on 18 February 2012; Have agreed as follows:",
				"The Parties shall promote joint research projects.",
			},
		},
		{
			name: "a vision statement with a place alone under its title and topic headings",
			lang: "en",
			text: "United States–Philippines Joint Vision Statement\n\nWashington, D.C.\n\n" +
				"Today, President Joseph R. Biden Jr. welcomed President Ferdinand R. Marcos Jr. to the White House.\n\n" +
				"Economic Cooperation\n\nWe will expand trade and investment.\n",
			title: "United States–Philippines Joint Vision Statement", kind: "joint_statement", place: "Washington, D.C.", parties: []string{"PH", "US"},
			sections: []string{"preamble"},
			sentences: []string{
				"Today, President Joseph R. Biden Jr. welcomed President Ferdinand R. Marcos Jr. to the White House.",
				"We will expand trade and investment.",
			},
		},
		{
			name: "Roman sections, lettered points, abbreviations",
			lang: "en",
			text: "Joint Communiqué between Japan and the United Kingdom\n\n" +
				"I. Political Relations\n\nH.E. Mr. Kishida and the Hon. Rishi Sunak met on 18 May 2023 in Hiroshima. The U.K. and Japan will hold annual summits.\n\n" +
				"II. Economy\n\n(a) The two sides will expand trade under Art. 5 of the Agreement.\n\n(b) They seek to attract investment, e.g. in green industries.\n",
			title: "Joint Communiqué between Japan and the United Kingdom", kind: "communique", parties: []string{"GB", "JP"}, date: "2023-05-18",
			sections: []string{"1", "2"},
			sentences: []string{
				"H.E. Mr. Kishida and the Hon. Rishi Sunak met on 18 May 2023 in Hiroshima.",
				"The U.K. and Japan will hold annual summits.",
				"The two sides will expand trade under Art. 5 of the Agreement.",
				"They seek to attract investment, e.g. in green industries.",
			},
		},
		{
			name: "Serbian in Cyrillic: title, numbered points, closing, signatures",
			lang: "sr",
			text: "Заједничка изјава Народне Републике Кине и Републике Србије о продубљивању свеобухватног стратешког партнерства\n\n" +
				"1. Две стране ће продубити сарадњу у области трговине, тј. повећати извоз.\n\n2. Стране поздрављају напредак пројеката бр. 3 и 4.\n\n" +
				"Сачињено у Београду 8. маја 2024. године, у два оригинала на српском и кинеском језику, при чему су оба текста једнако веродостојна.\n\n" +
				"Председник Народне Републике Кине\nСи Ђинпинг\nПредседник Републике Србије\nАлександар Вучић\n",
			title: "Заједничка изјава Народне Републике Кине и Републике Србије о продубљивању свеобухватног стратешког партнерства",
			kind:  "joint_statement", date: "2024-05-08", place: "Београду", parties: []string{"CN", "RS"}, authentic: []string{"sr", "zh"},
			sections: []string{"1", "2", "closing"},
			sentences: []string{
				"Две стране ће продубити сарадњу у области трговине, тј. повећати извоз.",
				"Стране поздрављају напредак пројеката бр. 3 и 4.",
				"Сачињено у Београду 8. маја 2024. године, у два оригинала на српском и кинеском језику, при чему су оба текста једнако веродостојна.",
			},
		},
		{
			name: "Serbian in Latin: dateline of a release, heading, end mark",
			lang: "sr",
			text: "Zajednička izjava Republike Srbije i Mađarske\n\nBEOGRAD, 10. oktobra 2023. – Predsednik Vučić i premijer Orban sastali su se u Beogradu. Strane će izgraditi naftovod.\n\n" +
				"Energetska saradnja\n\nDve strane su spremne da prošire saradnju g. 2024. u oblasti gasa.\n\n- - -\n",
			title: "Zajednička izjava Republike Srbije i Mađarske", kind: "joint_statement", date: "2023-10-10", place: "BEOGRAD",
			parties: []string{"HU", "RS"}, sections: []string{"preamble"},
			sentences: []string{
				"Predsednik Vučić i premijer Orban sastali su se u Beogradu.",
				"Strane će izgraditi naftovod.",
				"Dve strane su spremne da prošire saradnju g. 2024. u oblasti gasa.",
			},
		},
		{
			name: "one paragraph per line, headings without blank lines, items without verbs",
			lang: "en",
			text: "Joint Statement between Kenya and India\nTrade and Investment\nThe two sides agreed to cooperate in the following areas:\n" +
				"a) agriculture and food processing;\nb) pharmaceuticals.\nPeople-to-People Ties\nThe leaders welcomed the opening of a cultural centre in Nairobi.\n",
			title: "Joint Statement between Kenya and India", kind: "joint_statement", parties: []string{"IN", "KE"},
			sections: []string{"preamble"},
			sentences: []string{
				"The two sides agreed to cooperate in the following areas:",
				"agriculture and food processing;",
				"pharmaceuticals.",
				"The leaders welcomed the opening of a cultural centre in Nairobi.",
			},
		},
		{
			name:  "date and place on their own line under the title",
			lang:  "en",
			text:  "Joint Statement of Norway and Chile\n\nOslo, 14 June 2022\n\nThe two sides agreed on the following:\n\n1. Norway and Chile will open direct flights.\n",
			title: "Joint Statement of Norway and Chile", kind: "joint_statement", date: "2022-06-14", place: "Oslo", parties: []string{"CL", "NO"},
			sections:  []string{"preamble", "1"},
			sentences: []string{"The two sides agreed on the following:", "Norway and Chile will open direct flights."},
		},
		{
			// articles number the operative part from its start: 1. under a
			// lead-in of its own, after the operative part ran unnumbered, numbers
			// a list (the Norway–Chile row above keeps 1. right under the lead-in
			// a section); a signing clause's date set off by commas is the cited
			// instrument's
			name: "a numbered list after unnumbered articles, a recital's date after commas",
			lang: "sr",
			text: "Memorandum o razumevanju između Vlade Republike Srbije i Vlade Republike Kipar o saradnji u oblasti turizma\n\n" +
				"Vlada Republike Srbije i Vlada Republike Kipar (u daljem tekstu: Strane);\n\nImajući u vidu Sporazum o saradnji, koji je potpisan u Nikoziji, 5. marta 2015. godine;\n\nSaglasile su se o sledećem:\n\n" +
				"Strane će osnovati Zajednički komitet za turizam.\n\nZajednički komitet radiće na sledeći način:\n\n1. Razmena informacija.\n\n2. Saradnja turističkih organizacija.\n\nZajednički komitet može osnovati radne grupe.\n",
			title: "Memorandum o razumevanju između Vlade Republike Srbije i Vlade Republike Kipar o saradnji u oblasti turizma",
			kind:  "mou", parties: []string{"CY", "RS"},
			sections: []string{"preamble"},
			sentences: []string{
				"Vlada Republike Srbije i Vlada Republike Kipar (u daljem tekstu: Strane); Imajući u vidu Sporazum o saradnji, koji je potpisan u Nikoziji, 5. marta 2015. godine; Saglasile su se o sledećem:",
				"Strane će osnovati Zajednički komitet za turizam.",
				"Zajednički komitet radiće na sledeći način:",
				"Razmena informacija.",
				"Saradnja turističkih organizacija.",
				"Zajednički komitet može osnovati radne grupe.",
			},
		},
		{
			name:  "Serbian dateline under the title in Cyrillic",
			lang:  "sr",
			text:  "Заједничка изјава Србије и Грчке\n\nАтина, 3. март 2021. године\n\nДве стране ће отворити нове летове.\n",
			title: "Заједничка изјава Србије и Грчке", kind: "joint_statement", date: "2021-03-03", place: "Атина", parties: []string{"GR", "RS"},
			sections:  []string{"preamble"},
			sentences: []string{"Две стране ће отворити нове летове."},
		},
		{
			name:  "a sentence with a date under the title stays a sentence",
			lang:  "en",
			text:  "Joint Statement of Norway and Chile\n\nOn 14 June 2022 the two sides met in Oslo.\n\nNorway and Chile will open direct flights.\n",
			title: "Joint Statement of Norway and Chile", kind: "joint_statement", date: "2022-06-14", parties: []string{"CL", "NO"},
			sections:  []string{"preamble"},
			sentences: []string{"On 14 June 2022 the two sides met in Oslo.", "Norway and Chile will open direct flights."},
		},
		{
			name: "Serbian Cyrillic memorandum: an article's title under its number, texts equally authentic",
			lang: "sr",
			text: "Меморандум о разумевању између Србије и Уједињених Арапских Емирата\n\nЧлан 1.\nПредмет\n\nСтране ће развијати сарадњу у области вештачке интелигенције.\n\n" +
				"Сачињено у Београду, 5. фебруара 2025. године, у два оригинална примерка, на српском, арапском и енглеском језику, при чему су сви текстови подједнако аутентични.\n",
			title: "Меморандум о разумевању између Србије и Уједињених Арапских Емирата", kind: "mou", date: "2025-02-05", place: "Београду", parties: []string{"AE", "RS"},
			authentic: []string{"ar", "en", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Стране ће развијати сарадњу у области вештачке интелигенције.",
				"Сачињено у Београду, 5. фебруара 2025. године, у два оригинална примерка, на српском, арапском и енглеском језику, при чему су сви текстови подједнако аутентични."},
		},
		{
			name: "Serbian closing formula opening with a capital",
			lang: "sr",
			text: "Memorandum o razumevanju između Srbije i Grčke\n\nČlan 1.\nStrane će razvijati saradnju u oblasti turizma.\n\n" +
				"Sačinjeno u Atini, 3. marta 2021. godine, u dva originalna primerka na srpskom i grčkom jeziku, pri čemu su oba teksta jednako verodostojna.\n",
			title: "Memorandum o razumevanju između Srbije i Grčke", kind: "mou", date: "2021-03-03", place: "Atini", parties: []string{"GR", "RS"},
			authentic: []string{"el", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Strane će razvijati saradnju u oblasti turizma.",
				"Sačinjeno u Atini, 3. marta 2021. godine, u dva originalna primerka na srpskom i grčkom jeziku, pri čemu su oba teksta jednako verodostojna."},
		},
		{
			name: "Serbian action plan: measures numbered under their heading, Slovenian an authentic language",
			lang: "sr",
			text: "Akcioni plan saradnje Vlade Republike Srbije i Vlade Republike Slovenije\n\n1. Energetika\n\n1.1. Strane će razmenjivati iskustva.\n\n" +
				"Sačinjeno u Beogradu 16. februara 2026. godine, u dva originalna primerka, na srpskom i slovenačkom jeziku, pri čemu su oba teksta podjednako verodostojna.\n",
			title: "Akcioni plan saradnje Vlade Republike Srbije i Vlade Republike Slovenije", kind: "action_plan", date: "2026-02-16", place: "Beogradu", parties: []string{"RS", "SI"},
			authentic: []string{"sl", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Strane će razmenjivati iskustva.",
				"Sačinjeno u Beogradu 16. februara 2026. godine, u dva originalna primerka, na srpskom i slovenačkom jeziku, pri čemu su oba teksta podjednako verodostojna."},
		},
		{
			name: "Serbian Cyrillic plan of consultations between two foreign ministries: a work plan",
			lang: "sr",
			text: "План консултација између Министарства спољних послова Републике Србије и Министарства спољних послова Грузије за период 2027–2029. године\n\n" +
				"Члан 1.\n\nСтране ће одржавати редовне политичке консултације.\n\n" +
				"Сачињено у Београду, 9. новембра 2026. године, у два оригинална примерка, на српском и грузијском језику, при чему су оба текста подједнако веродостојна.\n",
			title: "План консултација између Министарства спољних послова Републике Србије и Министарства спољних послова Грузије за период 2027–2029. године",
			kind:  "action_plan", date: "2026-11-09", place: "Београду", parties: []string{"GE", "RS"},
			authentic: []string{"ka", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Стране ће одржавати редовне политичке консултације.",
				"Сачињено у Београду, 9. новембра 2026. године, у два оригинална примерка, на српском и грузијском језику, при чему су оба текста подједнако веродостојна."},
		},
		{
			name: "Serbian Latin plan of cooperation between two ministries",
			lang: "sr",
			text: "Plan saradnje između Ministarstva spoljnih poslova Republike Srbije i Ministarstva spoljnih poslova Gruzije za 2027. godinu\n\n" +
				"1. Strane će razmenjivati informacije.\n\n" +
				"Sačinjeno u Tbilisiju, 9. novembra 2026. godine, u dva originalna primerka, na srpskom i gruzijskom jeziku, pri čemu su oba teksta podjednako verodostojna.\n",
			title: "Plan saradnje između Ministarstva spoljnih poslova Republike Srbije i Ministarstva spoljnih poslova Gruzije za 2027. godinu",
			kind:  "action_plan", date: "2026-11-09", place: "Tbilisiju", parties: []string{"GE", "RS"},
			authentic: []string{"ka", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Strane će razmenjivati informacije.",
				"Sačinjeno u Tbilisiju, 9. novembra 2026. godine, u dva originalna primerka, na srpskom i gruzijskom jeziku, pri čemu su oba teksta podjednako verodostojna."},
		},
		{
			// a programme of cooperation for a period (the executive programme
			// of a cultural agreement) lists what the parties will do, year by
			// year: a plan, as "Plan saradnje" is
			name: "Serbian Cyrillic programme of cooperation in culture for a period: a plan",
			lang: "sr",
			text: "Програм сарадње у области културе и образовања између Владе Републике Србије и Владе Републике Чиле за период 2027–2030. године\n\n" +
				"Члан 1.\n\nСтране ће подстицати сарадњу музеја.\n\n" +
				"Сачињено у Сантијагу 19. новембра 2026. године, у два оригинална примерка, на српском и шпанском језику, при чему су оба текста подједнако веродостојна.\n",
			title: "Програм сарадње у области културе и образовања између Владе Републике Србије и Владе Републике Чиле за период 2027–2030. године",
			kind:  "action_plan", date: "2026-11-19", place: "Сантијагу", parties: []string{"CL", "RS"},
			authentic: []string{"es", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Стране ће подстицати сарадњу музеја.",
				"Сачињено у Сантијагу 19. новембра 2026. године, у два оригинална примерка, на српском и шпанском језику, при чему су оба текста подједнако веродостојна."},
		},
		{
			name: "Serbian Latin cultural programme: a plan",
			lang: "sr",
			text: "Program kulturne saradnje između Vlade Republike Srbije i Vlade Argentinske Republike za period od 2027. do 2029. godine\n\n" +
				"1. Strane će podsticati saradnju pozorišta.\n\n" +
				"Sačinjeno u Buenos Ajresu, 3. marta 2027. godine, u dva originalna primerka, na srpskom i španskom jeziku, pri čemu su oba teksta podjednako verodostojna.\n",
			title: "Program kulturne saradnje između Vlade Republike Srbije i Vlade Argentinske Republike za period od 2027. do 2029. godine",
			kind:  "action_plan", date: "2027-03-03", place: "Buenos Ajresu", parties: []string{"AR", "RS"},
			authentic: []string{"es", "sr"},
			sections:  []string{"1", "closing"},
			sentences: []string{"Strane će podsticati saradnju pozorišta.",
				"Sačinjeno u Buenos Ajresu, 3. marta 2027. godine, u dva originalna primerka, na srpskom i španskom jeziku, pri čemu su oba teksta podjednako verodostojna."},
		},
		{
			name: "Roman sections titled by topic lines over numbered items",
			lang: "en",
			text: "Joint Statement of France and China\n\nI. Strengthening political dialogue and promoting mutual political confidence\n\n" +
				"1. France and China will continue annual meetings.\n\n2. France and China agree to hold a dialogue.\n\n" +
				"II. Deepening trade and investment cooperation between the two countries\n\n3. The two sides will expand trade.\n",
			title: "Joint Statement of France and China", kind: "joint_statement", parties: []string{"CN", "FR"},
			sections:  []string{"1", "2"},
			sentences: []string{"France and China will continue annual meetings.", "France and China agree to hold a dialogue.", "The two sides will expand trade."},
		},
		{
			// a dateline is short and dated; so is a promise with a date,
			// which the parties make
			name: "a short last promise ending in a date",
			lang: "en",
			text: "Joint Statement of the United States and Ireland\n\nWashington, March 17, 2021\n\n" +
				"The two sides will cooperate.\n\nThe parties will exchange notes by May 8, 2021.\n",
			title: "Joint Statement of the United States and Ireland", kind: "joint_statement", parties: []string{"IE", "US"},
			date: "2021-03-17", place: "Washington", sections: []string{"preamble"},
			sentences: []string{"The two sides will cooperate.", "The parties will exchange notes by May 8, 2021."},
		},
		{
			// a title set on two paragraphs, its second opening in lower case
			name: "a title on two paragraphs",
			lang: "en",
			text: "Joint Statement between the People's Republic of China and the United Arab Emirates\n\n" +
				"on Strengthening the Comprehensive Strategic Partnership\n\n" +
				"The two sides will deepen cooperation.\n",
			title: "Joint Statement between the People's Republic of China and the United Arab Emirates on Strengthening the Comprehensive Strategic Partnership",
			kind:  "joint_statement", parties: []string{"AE", "CN"}, sections: []string{"preamble"},
			sentences: []string{"The two sides will deepen cooperation."},
		},
		{
			// a translation copied from an agency's page: the closing, the
			// signature block and the agency's line in brackets with no
			// blank line between
			name: "a closing run into its signature block and the agency's bracketed line",
			lang: "en",
			text: "Joint Statement between the People's Republic of China and the Republic of Serbia\n\n" +
				"I. The two sides will deepen cooperation.\n\n" +
				"Done in Belgrade on May 8, 2024, in two originals, each in the Chinese and Serbian languages, both texts being equally authentic.\n" +
				"President of the People's Republic of China    President of the Republic of Serbia\nXi Jinping    Aleksandar Vučić\n(Xinhua, Belgrade, May 8)\n",
			title: "Joint Statement between the People's Republic of China and the Republic of Serbia", kind: "joint_statement",
			parties: []string{"CN", "RS"}, date: "2024-05-08", place: "Belgrade", authentic: []string{"sr", "zh"},
			sections: []string{"1", "closing"},
			sentences: []string{"The two sides will deepen cooperation.",
				"Done in Belgrade on May 8, 2024, in two originals, each in the Chinese and Serbian languages, both texts being equally authentic."},
		},
		{
			name: "the same in Serbian Cyrillic",
			lang: "sr",
			text: "Заједничка изјава Народне Републике Кине и Републике Србије\n\n" +
				"1. Две стране ће продубити сарадњу.\n\n" +
				"Ова изјава потписана је у Београду 8. маја 2024. године, у два оригинална примерка, на кинеском и српском језику, при чему су оба текста подједнако веродостојна.\n" +
				"Председник Народне Републике Кине    Председник Републике Србије\nСи Ђинпинг    Александар Вучић\n(Синхуа, Београд, 8. мај)\n",
			title: "Заједничка изјава Народне Републике Кине и Републике Србије", kind: "joint_statement",
			parties: []string{"CN", "RS"}, date: "2024-05-08", place: "Београду", authentic: []string{"sr", "zh"},
			sections: []string{"1", "closing"},
			sentences: []string{"Две стране ће продубити сарадњу.",
				"Ова изјава потписана је у Београду 8. маја 2024. године, у два оригинална примерка, на кинеском и српском језику, при чему су оба текста подједнако веродостојна."},
		},
		{
			name:  "a short last promise ending in a date, in Serbian Cyrillic",
			lang:  "sr",
			text:  "Заједничка изјава Кине и Србије\n\nБеоград, 24. 10. 2011.\n\nСтране ће сарађивати.\n\nСтране ће разменити ноте до 8. 5. 2012.\n",
			title: "Заједничка изјава Кине и Србије", kind: "joint_statement", parties: []string{"CN", "RS"},
			date: "2011-10-24", place: "Београд", sections: []string{"preamble"},
			sentences: []string{"Стране ће сарађивати.", "Стране ће разменити ноте до 8. 5. 2012."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := newTestSpaced(t, tc.lang)
			got := x.Extract(tc.text)
			d := got.Document
			if d.Title != tc.title || string(d.Kind) != tc.kind {
				t.Errorf("title %q (%s), want %q (%s)", d.Title, d.Kind, tc.title, tc.kind)
			}
			if !slices.Equal(d.Parties, tc.parties) {
				t.Errorf("parties %v, want %v", d.Parties, tc.parties)
			}
			if date := deref(d.SignedDate); date != tc.date {
				t.Errorf("date %q, want %q", date, tc.date)
			}
			if place := deref(d.SignedPlace); place != tc.place {
				t.Errorf("place %q, want %q", place, tc.place)
			}
			if tc.authentic == nil {
				tc.authentic = []string{}
			}
			if !slices.Equal(d.AuthenticLanguages, tc.authentic) {
				t.Errorf("authentic languages %v, want %v", d.AuthenticLanguages, tc.authentic)
			}
			var ids, texts []string
			for _, s := range got.Sections {
				ids = append(ids, s.ID)
			}
			for _, s := range got.Sentences {
				texts = append(texts, s.Text)
			}
			if !slices.Equal(ids, tc.sections) {
				t.Errorf("sections %v, want %v", ids, tc.sections)
			}
			if strings.Join(texts, "\n") != strings.Join(tc.sentences, "\n") {
				t.Errorf("sentences\n got %q\nwant %q", texts, tc.sentences)
			}
			for _, s := range got.Sentences {
				if strings.Contains(tc.name, "items without verbs") && s.Marker != "" && s.Type != "commitment" {
					t.Errorf("list item %s is %s, want a commitment as its lead-in", s.ID, s.Type)
				}
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestLeadDateline reads the dateline that opens a release's first
// paragraph: place, date, an agency in brackets, a dash; the text after it
// is the sentence's.
func TestLeadDateline(t *testing.T) {
	en, sr := newTestSpaced(t, "en"), newTestSpaced(t, "sr")
	for _, tc := range []struct {
		x          *Spaced
		text, rest string
	}{
		{en, "BELGRADE, May 8, 2024 – The two sides met.", "The two sides met."},
		{sr, "BEOGRAD, 29. avgusta 2024. (Tanjug) – Predsednik Makron boravio je u poseti Srbiji.", "Predsednik Makron boravio je u poseti Srbiji."},
		{sr, "БЕОГРАД, 29. августа 2024. (Танјуг) – Председник Макрон боравио је у посети Србији.", "Председник Макрон боравио је у посети Србији."},
		{en, "The two sides met in Belgrade, on May 8, 2024 – a first.", ""},
	} {
		n := tc.x.leadDateline(tc.text)
		if got := strings.TrimSpace(tc.text[n:]); n > 0 && got != tc.rest || n == 0 && tc.rest != "" {
			t.Errorf("leadDateline(%q) leaves %q, want %q", tc.text, tc.text[n:], tc.rest)
		}
	}
}

// TestOperativeClause reads the present tense of an instrument's articles
// as the parties' soft undertaking when they, one of them or their joint
// body open the sentence; a statement's present reports, and a sentence
// opening with the instrument itself stays a formula.
func TestOperativeClause(t *testing.T) {
	sr, en := newTestSpaced(t, "sr"), newTestSpaced(t, "en")
	const mou = "Memorandum o razumevanju između Vlade Republike Srbije i Vlade Mađarske\n\nČlan 1.\n\n"
	const enMoU = "Memorandum of Understanding between the Government of India and the Government of Japan\n\nArticle 1\n\n"
	const plan = "План консултација између Министарства спољних послова Републике Србије и Министарства спољних послова Мађарске за 2027. годину\n\nЧлан 1.\n\n"
	tests := []struct {
		text, sentence, typ string
		actors              []string
		strength            entente.Strength
	}{
		// an instrument's "shall be" binds its parties, whatever the subject
		{enMoU + "Any dispute shall be settled amicably through consultations between the Parties.\n", "Any dispute shall be settled amicably through consultations between the Parties.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "The Parties, through diplomatic channels, shall be informed of any change.\n", "The Parties, through diplomatic channels, shall be informed of any change.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "This Memorandum shall be valid for five years.\n", "This Memorandum shall be valid for five years.", "narrative", nil, ""},
		// in a statement too, what the parties will hold or sign (the
		// future's passive of a narrative verb) is their undertaking, as
		// 下次会议将于东京举行 and "Sledeći sastanak biće održan u Tokiju" are;
		// a person for subject is no undertaking of the parties
		{"Joint Statement between India and Japan\n\n1. The next meeting shall be held in Tokyo.\n", "The next meeting shall be held in Tokyo.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{"Joint Statement between India and Japan\n\n1. The President will be accompanied by a business delegation.\n", "The President will be accompanied by a business delegation.", "narrative", nil, ""},
		// a memorandum's "will be" is a treaty's "shall be", a passive deed after it too;
		// the instrument itself as subject states its terms
		{enMoU + "Any difference will be resolved amicably through consultations between the Participants.\n", "Any difference will be resolved amicably through consultations between the Participants.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "The Joint Committee will be co-chaired by officials of each Participant.\n", "The Joint Committee will be co-chaired by officials of each Participant.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "It will be renewed for further periods of five years.\n", "It will be renewed for further periods of five years.", "narrative", nil, ""},
		{enMoU + "This Memorandum will be open to amendment by mutual consent.\n", "This Memorandum will be open to amendment by mutual consent.", "narrative", nil, ""},
		{"Joint Statement between India and Japan\n\n1. The next meeting will be co-chaired by the two ministers.\n", "The next meeting will be co-chaired by the two ministers.", "commitment", []string{"IN", "JP"}, entente.Firm},
		// what an instrument forbids (ne mogu se, ne sme) binds its parties,
		// whatever the subject, firmly, as English "shall not"; what it
		// allows (može) binds no one; the instrument itself as subject states
		// its terms
		{mou + "Podaci dobijeni od druge Strane ne mogu se koristiti u druge svrhe.\n", "Podaci dobijeni od druge Strane ne mogu se koristiti u druge svrhe.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Informacije se ne smeju dostavljati trećim licima.\n", "Informacije se ne smeju dostavljati trećim licima.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Ovaj memorandum ne može se tumačiti kao međunarodni ugovor.\n", "Ovaj memorandum ne može se tumačiti kao međunarodni ugovor.", "narrative", nil, ""},
		// the competent authorities of the Parties (Nadležni organi Strana, the
		// genitive plural of the defined term) are all the parties', whoever the
		// sentence before named
		{mou + "Srpska strana će prihvatati svoje državljane. Nadležni organi Strana razmenjivaće informacije.\n", "Nadležni organi Strana razmenjivaće informacije.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Srpska strana će prihvatati svoje državljane. Nadležni organi razmenjivaće informacije.\n", "Nadležni organi razmenjivaće informacije.", "commitment", []string{"RS"}, entente.Firm},
		// a prohibition on a party (Strana koja prima podatke ne sme…) binds as
		// one on a thing does, firmly, not as the present of its relative clause;
		// a data clause's passive present (Lični podaci obrađuju se… i štite se…)
		// binds the parties softly, as the present of settling does
		{mou + "Strana koja prima podatke ne sme ih dostavljati trećim licima bez saglasnosti Strane koja ih je dostavila.\n", "Strana koja prima podatke ne sme ih dostavljati trećim licima bez saglasnosti Strane koja ih je dostavila.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Lični podaci obrađuju se isključivo u svrhu za koju su dostavljeni i štite se u skladu sa propisima Strana.\n", "Lični podaci obrađuju se isključivo u svrhu za koju su dostavljeni i štite se u skladu sa propisima Strana.", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Поверљиви подаци се чувају у складу са прописима Страна.\n", "Поверљиви подаци се чувају у складу са прописима Страна.", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Svaka Strana može otkazati ovaj memorandum.\n", "Svaka Strana može otkazati ovaj memorandum.", "narrative", nil, ""},
		// a subject that only mentions the instrument further on is what the parties will do
		{mou + "Svi sporovi u vezi sa tumačenjem ili primenom ovog memoranduma rešavaće se mirnim putem.\n", "Svi sporovi u vezi sa tumačenjem ili primenom ovog memoranduma rešavaće se mirnim putem.", "commitment", []string{"HU", "RS"}, entente.Firm},
		// a title's "signed in" or a second "shall" does not hide the instrument's "shall be"
		{enMoU + "Classified information shall be protected under the Security Agreement signed in London on 11 May 2009.\n", "Classified information shall be protected under the Security Agreement signed in London on 11 May 2009.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "Any dispute shall be settled by negotiation and shall not be referred to any tribunal.\n", "Any dispute shall be settled by negotiation and shall not be referred to any tribunal.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "The Memorandum shall be valid for five years.\n", "The Memorandum shall be valid for five years.", "narrative", nil, ""},
		// a relative clause's copula is no head: a definition states no view
		{enMoU + "(b) \"investor\" means a natural person who is a citizen of a Party.\n", "\"investor\" means a natural person who is a citizen of a Party.", "narrative", nil, ""},
		// the instrument's own terms: its purpose, what it is subject to, when it takes effect
		{enMoU + "The purpose of this Memorandum is to establish a framework for cooperation in energy.\n", "The purpose of this Memorandum is to establish a framework for cooperation in energy.", "narrative", nil, ""},
		{enMoU + "All activities under this Memorandum are subject to the availability of funds.\n", "All activities under this Memorandum are subject to the availability of funds.", "narrative", nil, ""},
		{enMoU + "The termination of this Memorandum will not affect activities under way.\n", "The termination of this Memorandum will not affect activities under way.", "narrative", nil, ""},
		{"Joint Statement between India and Japan\n\n1. The termination of this programme will not affect the students.\n", "The termination of this programme will not affect the students.", "appraisal", []string{"IN", "JP"}, ""},
		// a bare "Termination"/"Amendment" of the instrument for subject: what its end
		// or change will not affect is the instrument's own term, as with "of this
		// Memorandum" (the without-prejudice future of [instrument-state])
		{enMoU + "Termination will not affect activities already under way, unless the Participants decide otherwise.\n", "Termination will not affect activities already under way, unless the Participants decide otherwise.", "narrative", nil, ""},
		{enMoU + "Any amendment shall not affect the rights acquired before it.\n", "Any amendment shall not affect the rights acquired before it.", "narrative", nil, ""},
		// "it is" + an article is the instrument's copula describing itself (It is an
		// expression of the intentions of the Participants), no impersonal passive
		{enMoU + "This Memorandum is not legally binding. It is an expression of the common intentions of the Participants.\n", "It is an expression of the common intentions of the Participants.", "narrative", nil, ""},
		{enMoU + "It is a statement of the intentions of the Participants.\n", "It is a statement of the intentions of the Participants.", "narrative", nil, ""},
		{enMoU + "This Memorandum will take effect on the date of its signature.\n", "This Memorandum will take effect on the date of its signature.", "narrative", nil, ""},
		{"Joint Statement between India and Japan\n\n1. The purpose of this Joint Statement is to deepen the partnership.\n", "The purpose of this Joint Statement is to deepen the partnership.", "position", []string{"IN", "JP"}, ""},
		// "it" after a sentence that opens with the parties' body is the body; with none, a forecast
		{enMoU + "The Joint Working Group will be co-chaired by officials of each Participant. It will meet once a year.\n", "It will meet once a year.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{enMoU + "The Participants will build a plant. It will create jobs.\n", "It will create jobs.", "appraisal", []string{"IN", "JP"}, ""},
		// a meeting of the parties' body is the body at work
		{enMoU + "The first meeting of the Joint Working Group will take place in Tokyo by the end of 2025.\n", "The first meeting of the Joint Working Group will take place in Tokyo by the end of 2025.", "commitment", []string{"IN", "JP"}, entente.Firm},
		{mou + "Strane osnivaju Zajedničku radnu grupu za energetiku.\n", "Strane osnivaju Zajedničku radnu grupu za energetiku.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Radi sprovođenja ovog memoranduma, Strane obrazuju Zajednički komitet.\n", "Radi sprovođenja ovog memoranduma, Strane obrazuju Zajednički komitet.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Ради спровођења овог меморандума Стране образују Заједнички комитет.\n", "Ради спровођења овог меморандума Стране образују Заједнички комитет.", "commitment", []string{"HU", "RS"}, ""},
		// a phrase fronted before the parties' body (O rezultatima svog rada
		// Zajednička radna grupa obaveštava…): the body is still the subject,
		// its present the instrument's undertaking, a verb no genitive
		{mou + "Strane obrazuju Zajedničku radnu grupu za energetiku.\n\nO rezultatima svog rada Zajednička radna grupa obaveštava Mešoviti komitet za saradnju.\n", "O rezultatima svog rada Zajednička radna grupa obaveštava Mešoviti komitet za saradnju.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Стране образују Заједничку радну групу.\n\nО резултатима свог рада Заједничка радна група обавештава Мешовити комитет за сарадњу.\n", "О резултатима свог рада Заједничка радна група обавештава Мешовити комитет за сарадњу.", "commitment", []string{"HU", "RS"}, ""},
		// a recital that opens with its participle is the parties' named
		// before it; a party it names (obaveze Republike Srbije) or one
		// inside a cited title („Strategije Evropske unije…“) is its object
		{"Memorandum o razumevanju između Vlade Republike Srbije i Vlade Mađarske\n\nVlada Republike Srbije i Vlada Mađarske (u daljem tekstu: Strane),\n\nUzimajući u obzir obaveze Republike Srbije iz „Ugovora o osnivanju Transportne zajednice“ i ciljeve „Strategije Evropske unije za Dunavski region“;\n\nsaglasile su se o sledećem:\n\nČlan 1.\n\nStrane sarađuju.\n",
			"Vlada Republike Srbije i Vlada Mađarske (u daljem tekstu: Strane), Uzimajući u obzir obaveze Republike Srbije iz „Ugovora o osnivanju Transportne zajednice“ i ciljeve „Strategije Evropske unije za Dunavski region“; saglasile su se o sledećem:", "commitment", []string{"HU", "RS"}, entente.Firm},
		// a declaration's lead-in that adopts it after recitals (usvajaju sledeću
		// deklaraciju:) states the parties' views: a position, not a signing
		{"Zajednička deklaracija predsednika Republike Srbije i predsednika Crne Gore\n\nPredsednik Republike Srbije i predsednik Crne Gore,\n\nPolazeći od vekovnih veza naroda dveju država,\n\nusvajaju sledeću deklaraciju:\n\n1. Saradnja\n\nStrane će sarađivati.\n",
			"Predsednik Republike Srbije i predsednik Crne Gore, Polazeći od vekovnih veza naroda dveju država, usvajaju sledeću deklaraciju:", "position", []string{"ME", "RS"}, ""},
		{"Заједничка декларација Владе Републике Србије и Владе Мађарске\n\nВлада Републике Србије и Влада Мађарске,\n\nСвесне значаја сарадње,\n\nусвојиле су следећу декларацију:\n\n1. Сарадња\n\nСтране ће сарађивати.\n",
			"Влада Републике Србије и Влада Мађарске, Свесне значаја сарадње, усвојиле су следећу декларацију:", "position", []string{"HU", "RS"}, ""},
		// the instrument settles its disputes in the present reflexive: its
		// parties bound, softly, as by their own present (its future: firm)
		{mou + "Sporovi u vezi sa tumačenjem ili primenom ovog memoranduma rešavaju se putem konsultacija.\n", "Sporovi u vezi sa tumačenjem ili primenom ovog memoranduma rešavaju se putem konsultacija.", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Спорна питања у вези са применом овог меморандума решавају се преговорима.\n", "Спорна питања у вези са применом овог меморандума решавају се преговорима.", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Memorandum se zaključuje na period od pet godina.\n", "Memorandum se zaključuje na period od pet godina.", "narrative", nil, ""},
		// the object fronted, long, before the parties and their present
		// (Sva sporna pitanja u vezi sa … ovog memoranduma Strane rešavaju…):
		// the parties still undertake it; after a preposition they are no
		// subject (… između Strana rešavaju se…: the instrument's settling,
		// below)
		{mou + "Sva sporna pitanja u vezi sa tumačenjem ili primenom ovog memoranduma Strane rešavaju sporazumno, putem konsultacija i pregovora.\n", "Sva sporna pitanja u vezi sa tumačenjem ili primenom ovog memoranduma Strane rešavaju sporazumno, putem konsultacija i pregovora.", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Сва спорна питања у вези са тумачењем или применом овог меморандума Стране решавају путем консултација.\n", "Сва спорна питања у вези са тумачењем или применом овог меморандума Стране решавају путем консултација.", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Sva sporna pitanja u vezi sa primenom ovog memoranduma između Strana rešavaju se konsultacijama.\n", "Sva sporna pitanja u vezi sa primenom ovog memoranduma između Strana rešavaju se konsultacijama.", "commitment", []string{"HU", "RS"}, entente.Soft},
		// a fronted phrase before a capital that is no party stays narrative
		{mou + "Po isteku tog perioda Memorandum prestaje da važi.\n", "Po isteku tog perioda Memorandum prestaje da važi.", "narrative", nil, ""},
		{mou + "Ovaj memorandum se primenjuje na Strane i njihove organe.\n", "Ovaj memorandum se primenjuje na Strane i njihove organe.", "narrative", nil, ""},
		// the formula that closes a treaty's recitals undertakes nothing: the
		// recitals are the parties' reasons, a position
		{"Agreement between the Government of India and the Government of Japan\n\nThe Government of India and the Government of Japan (hereinafter \"the Parties\"),\n\nRecognizing the importance of disaster risk reduction;\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall cooperate.\n",
			"The Government of India and the Government of Japan (hereinafter \"the Parties\"), Recognizing the importance of disaster risk reduction; Have agreed as follows:", "position", []string{"IN", "JP"}, ""},
		// what the parties may do, an action verb after "may" too, binds no one; the parties
		// named with no recital before the formula undertake nothing
		{enMoU + "The Parties may, by mutual consent, establish working groups to implement specific projects.\n", "The Parties may, by mutual consent, establish working groups to implement specific projects.", "narrative", nil, ""},
		{"Agreement between the Government of India and the Government of Japan\n\nThe Government of India and the Government of Japan (hereinafter \"the Parties\"),\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall cooperate.\n",
			"The Government of India and the Government of Japan (hereinafter \"the Parties\"), Have agreed as follows:", "narrative", nil, ""},
		// a party's "shall be" binds it as "shall" does
		{enMoU + "Each Party shall be responsible for its own costs.\n", "Each Party shall be responsible for its own costs.", "commitment", []string{"IN", "JP"}, entente.Firm},
		// a legal state or condition the instrument states is no deed
		{enMoU + "The implementation of this Memorandum shall be subject to the availability of funds.\n", "The implementation of this Memorandum shall be subject to the availability of funds.", "narrative", nil, ""},
		{enMoU + "The assisting Party shall not be liable for damage caused in good faith.\n", "The assisting Party shall not be liable for damage caused in good faith.", "narrative", nil, ""},
		// what the instrument allows a party binds no one: a formula
		{enMoU + "The Participants may, by mutual consent, invite other agencies to take part.\n", "The Participants may, by mutual consent, invite other agencies to take part.", "narrative", nil, ""},
		{enMoU + "In the event of a disaster, either Party may request assistance from the other Party.\n", "In the event of a disaster, either Party may request assistance from the other Party.", "narrative", nil, ""},
		{enMoU + "Either Party may terminate this Memorandum by written notice.\n", "Either Party may terminate this Memorandum by written notice.", "narrative", nil, ""},
		// Serbian alike: "Svaka Strana može otkazati…" allows, it binds no one
		{mou + "Svaka Strana može otkazati ovaj memorandum pisanim obaveštenjem drugoj Strani.\n", "Svaka Strana može otkazati ovaj memorandum pisanim obaveštenjem drugoj Strani.", "narrative", nil, ""},
		{mou + "Стране могу, по међусобном договору, позвати друге институције да учествују.\n", "Стране могу, по међусобном договору, позвати друге институције да учествују.", "narrative", nil, ""},
		// the reflexive clitic stands second, before the modal that allows
		// (Konsultacije se mogu…): the instrument still only allows; without the
		// modal, the future of the same clause binds
		{mou + "Konsultacije se mogu odnositi na politička, ekonomska i kulturna pitanja.\n", "Konsultacije se mogu odnositi na politička, ekonomska i kulturna pitanja.", "narrative", nil, ""},
		{mou + "Консултације се могу конкретно односити на политичка и научна питања, али се не ограничавају само на њих.\n", "Консултације се могу конкретно односити на политичка и научна питања, али се не ограничавају само на њих.", "narrative", nil, ""},
		{mou + "Konsultacije će se održavati naizmenično u Beogradu i Budimpešti.\n", "Konsultacije će se održavati naizmenično u Beogradu i Budimpešti.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Svaka Strana snosi sopstvene troškove.\n", "Svaka Strana snosi sopstvene troškove.", "commitment", []string{"HU", "RS"}, ""},
		// the object first, the party in its role after the verb: what it bears
		{mou + "Troškove boravka delegacija snosi Strana domaćin, a troškove putovanja Strana koja upućuje.\n", "Troškove boravka delegacija snosi Strana domaćin, a troškove putovanja Strana koja upućuje.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Трошкове путовања учесника сноси Уговорна страна која упућује.\n", "Трошкове путовања учесника сноси Уговорна страна која упућује.", "commitment", []string{"HU", "RS"}, ""},
		// the party in its role before the verb, its subject: what it bears
		{mou + "Страна домаћин сноси трошкове смештаја истраживача друге Стране, а Страна пошиљалац сноси трошкове међународног путовања.\n", "Страна домаћин сноси трошкове смештаја истраживача друге Стране, а Страна пошиљалац сноси трошкове међународног путовања.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Strana koja upućuje snosi troškove putovanja.\n", "Strana koja upućuje snosi troškove putovanja.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Radna grupa sastaje se dva puta godišnje.\n", "Radna grupa sastaje se dva puta godišnje.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Memorandum se može izmeniti uz pisanu saglasnost Strana.\n", "Memorandum se može izmeniti uz pisanu saglasnost Strana.", "narrative", nil, ""},
		// how the cooperation is conducted, in the reflexive present, is the parties' own
		{mou + "Saradnja se odvija na osnovu jednakosti i uzajamne koristi.\n", "Saradnja se odvija na osnovu jednakosti i uzajamne koristi.", "commitment", []string{"HU", "RS"}, ""},
		{mou + "Сарадња из члана 2. овог меморандума остварује се у складу са законодавством Страна.\n", "Сарадња из члана 2. овог меморандума остварује се у складу са законодавством Страна.", "commitment", []string{"HU", "RS"}, ""},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Saradnja se odvija uspešno.\n", "Saradnja se odvija uspešno.", "narrative", nil, ""},
		// a plan of consultations or an action plan binds its parties as an
		// instrument does: its present (Стране образују…, Трошкове … сноси
		// Страна…) undertakes, and its own terms are no view
		{plan + "Ради праћења спровођења овог плана Стране образују Заједничку радну групу.\n", "Ради праћења спровођења овог плана Стране образују Заједничку радну групу.", "commitment", []string{"HU", "RS"}, ""},
		{plan + "Трошкове путовања делегација сноси Страна која упућује, а трошкове састанака Страна домаћин.\n", "Трошкове путовања делегација сноси Страна која упућује, а трошкове састанака Страна домаћин.", "commitment", []string{"HU", "RS"}, ""},
		{plan + "Овај план не представља међународни уговор.\n", "Овај план не представља међународни уговор.", "narrative", nil, ""},
		{"Akcioni plan saradnje Vlade Republike Srbije i Vlade Mađarske\n\n1. Ovaj plan ne predstavlja međunarodni ugovor.\n", "Ovaj plan ne predstavlja međunarodni ugovor.", "narrative", nil, ""},
		// an opening cut into its own sentence by a full stop, ending with the
		// formula that names the parties, only names them; with a verb after
		// the brackets, or as the lead-in, it undertakes
		{"Memorandum o razumevanju između Ministarstva sporta Republike Srbije i Ministarstva sporta Mađarske u oblasti sporta\n\nMinistarstvo sporta Republike Srbije, sa jedne strane;\n\ni\n\nMinistarstvo sporta Mađarske, sa druge strane;\n\nu daljem tekstu pojedinačno \"Strana\", a zajednički \"Strane\".\n\nDOGOVORILE SU SE O SLEDEĆEM:\n\nČlan 1\n\nStrane sarađuju.\n",
			"Ministarstvo sporta Republike Srbije, sa jedne strane; i Ministarstvo sporta Mađarske, sa druge strane; u daljem tekstu pojedinačno \"Strana\", a zajednički \"Strane\".", "narrative", nil, ""},
		{"Меморандум о разумевању између Министарства спорта Републике Србије и Министарства спорта Мађарске\n\nМинистарство спорта Републике Србије и Министарство спорта Мађарске (у даљем тексту: Стране).\n\nДоговориле су се о следећем:\n\nЧлан 1\n\nСтране сарађују.\n",
			"Министарство спорта Републике Србије и Министарство спорта Мађарске (у даљем тексту: Стране).", "narrative", nil, ""},
		{"Memorandum of Understanding between the Ministry of Sport of India and the Ministry of Sport of Japan\n\nThe Ministry of Sport of India, on the one hand, and the Ministry of Sport of Japan, on the other, hereinafter referred to individually as a \"Party\" and collectively as the \"Parties\".\n\nHave agreed as follows:\n\nArticle 1\n\nThe Parties shall cooperate.\n",
			"The Ministry of Sport of India, on the one hand, and the Ministry of Sport of Japan, on the other, hereinafter referred to individually as a \"Party\" and collectively as the \"Parties\".", "narrative", nil, ""},
		{"Memorandum o razumevanju između Vlade Republike Srbije i Vlade Mađarske\n\nVlada Republike Srbije i Vlada Mađarske (u daljem tekstu: Strane) osnivaju Zajedničku radnu grupu.\n\nČlan 1\n\nStrane sarađuju.\n",
			"Vlada Republike Srbije i Vlada Mađarske (u daljem tekstu: Strane) osnivaju Zajedničku radnu grupu.", "commitment", []string{"HU", "RS"}, ""},
		// an instrument's item that opens with the noun of support, under a
		// lead-in that undertakes, is the support agreed: soft, as a verbless
		// item is; in a statement's list it stays a view
		{mou + "Strane su se dogovorile o sledećem:\n\n1. Razmena informacija iz oblasti sporta;\n\n2. Podrška aktivnostima u vezi sa sportom za sve;\n",
			"Podrška aktivnostima u vezi sa sportom za sve;", "commitment", []string{"HU", "RS"}, entente.Soft},
		{mou + "Стране су се договориле о следећем:\n\n1. Размена информација из области спорта;\n\n2. Подршка активностима у вези са спортом за све;\n",
			"Подршка активностима у вези са спортом за све;", "commitment", []string{"HU", "RS"}, entente.Soft},
		{"Zajednička izjava Republike Srbije i Mađarske\n\nStrane su se dogovorile o sledećem:\n\n1. Razmena informacija iz oblasti sporta;\n\n2. Podrška naporima Ujedinjenih nacija;\n",
			"Podrška naporima Ujedinjenih nacija;", "position", []string{"HU", "RS"}, ""},
		// naming who the competent authorities are is a definition
		{mou + "Nadležni organi za sprovođenje ovog memoranduma su Ministarstvo energetike Republike Srbije i Ministarstvo energetike Mađarske.\n", "Nadležni organi za sprovođenje ovog memoranduma su Ministarstvo energetike Republike Srbije i Ministarstvo energetike Mađarske.", "narrative", nil, ""},
		{mou + "Надлежни орган за спровођење овог меморандума је Министарство енергетике.\n", "Надлежни орган за спровођење овог меморандума је Министарство енергетике.", "narrative", nil, ""},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Strane neguju tradicionalno prijateljstvo.\n", "Strane neguju tradicionalno prijateljstvo.", "narrative", nil, ""},
		// an instrument's future with a noun for subject binds its parties:
		// the future of the verb, and of the passive (biće održana)
		{mou + "Svi sporovi rešavaće se mirnim putem, pregovorima između Strana.\n", "Svi sporovi rešavaće se mirnim putem, pregovorima između Strana.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Прва седница Заједничког комитета биће одржана у року од шест месеци.\n", "Прва седница Заједничког комитета биће одржана у року од шест месеци.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Priznavanje diploma vršiće se u skladu sa zakonodavstvom Strana.\n", "Priznavanje diploma vršiće se u skladu sa zakonodavstvom Strana.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Sednica je održana u Beogradu.\n", "Sednica je održana u Beogradu.", "narrative", nil, ""},
		// named institutions' aim in the future (razmotriće, nastojaće) binds
		// the parties in an instrument or a plan, as their future does
		// (razmenjivaće); others' aim in a statement is no undertaking
		{plan + "Народни музеј у Београду и Национални музеј антропологије у Мексико Ситију размотриће могућност организовања изложби до краја 2028. године.\n", "Народни музеј у Београду и Национални музеј антропологије у Мексико Ситију размотриће могућност организовања изложби до краја 2028. године.", "commitment", []string{"HU", "RS"}, entente.Intent},
		{mou + "Narodna biblioteka i Nacionalna biblioteka nastojaće da razmenjuju publikacije.\n", "Narodna biblioteka i Nacionalna biblioteka nastojaće da razmenjuju publikacije.", "commitment", []string{"HU", "RS"}, entente.Intent},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Kompanije nastojaće da povećaju izvoz.\n", "Kompanije nastojaće da povećaju izvoz.", "narrative", nil, ""},
		{mou + "Kompanije su zainteresovane za ulaganja u Srbiji.\n", "Kompanije su zainteresovane za ulaganja u Srbiji.", "narrative", nil, ""},
		// the session of the parties' body, which they will hold, as its
		// first meeting (Prva sednica Zajedničkog komiteta biće održana…)
		{mou + "Заседање Мешовите комисије биће одржано у Београду.\n", "Заседање Мешовите комисије биће одржано у Београду.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Прво заседање Мешовите комисије биће одржано у Мексико Ситију у другој половини 2027. године.\n", "Прво заседање Мешовите комисије биће одржано у Мексико Ситију у другој половини 2027. године.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Sledeće zasedanje Mešovitog komiteta biće održano u Budimpešti.\n", "Sledeće zasedanje Mešovitog komiteta biće održano u Budimpešti.", "commitment", []string{"HU", "RS"}, entente.Firm},
		// a statement's passive future too: the parties will hold it; its
		// verb's future forecasts
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Sledeća sednica biće održana u Beogradu.\n", "Sledeća sednica biće održana u Beogradu.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. U 2026. godini biće održana zajednička vežba.\n", "U 2026. godini biće održana zajednička vežba.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Trgovinska razmena povećaće se.\n", "Trgovinska razmena povećaće se.", "appraisal", []string{"HU", "RS"}, ""},
		// a participle the narrative table does not know (izgrađena, pokrenut)
		// after the future's auxiliary is what will be done, in a statement
		// as in an instrument; an adjective there forecasts, and the
		// instrument itself as subject states its terms
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Nova pruga biće izgrađena do kraja 2026. godine.\n", "Nova pruga biće izgrađena do kraja 2026. godine.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Заједничка изјава Републике Србије и Мађарске\n\n1. Директна авионска линија биће успостављена до краја године.\n", "Директна авионска линија биће успостављена до краја године.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{mou + "Program razmene stručnjaka biće pokrenut u saradnji sa institutima Strana.\n", "Program razmene stručnjaka biće pokrenut u saradnji sa institutima Strana.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Novi letovi biće korisni za turizam.\n", "Novi letovi biće korisni za turizam.", "narrative", nil, ""},
		{mou + "Ovaj memorandum biće primenjen od 1. januara 2025. godine.\n", "Ovaj memorandum biće primenjen od 1. januara 2025. godine.", "narrative", nil, ""},
		// a party that only owns the event's noun (Dani kulture Mađarske) is no
		// agent: the event will be held by the parties who state it (a party's
		// own body, Ambasada Mađarske, is not read so: ownsSubject)
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Dani kulture Mađarske biće održani u Beogradu u oktobru 2026. godine.\n", "Dani kulture Mađarske biće održani u Beogradu u oktobru 2026. godine.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Заједничка изјава Републике Србије и Мађарске\n\n1. Изложба српског сликарства биће отворена у Будимпешти 2026. године, а Недеља филма Мађарске у Новом Саду.\n", "Изложба српског сликарства биће отворена у Будимпешти 2026. године, а Недеља филма Мађарске у Новом Саду.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Sajam privrede Srbije biće održan u Segedinu.\n", "Sajam privrede Srbije biće održan u Segedinu.", "commitment", []string{"HU", "RS"}, entente.Firm},
		// a noun the parties own together, named jointly or each by its
		// government (zajednička sednica dveju vlada, … Vlade Srbije i Vlade
		// Mađarske): their meeting, which they will hold; one government
		// alone as subject is left alone
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Četvrta zajednička sednica Vlade Republike Srbije i Vlade Mađarske biće održana u Budimpešti u drugoj polovini 2027. godine.\n", "Četvrta zajednička sednica Vlade Republike Srbije i Vlade Mađarske biće održana u Budimpešti u drugoj polovini 2027. godine.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Sledeća zajednička sednica dveju vlada biće održana u Beogradu.\n", "Sledeća zajednička sednica dveju vlada biće održana u Beogradu.", "commitment", []string{"HU", "RS"}, entente.Firm},
		// the parties' organs after the verb, closed by their joint word, are its subject
		// (the object first), as their body there is; a thing of theirs is no organ
		{"Заједничка изјава Републике Србије и Мађарске\n\n1. Спровођење ове декларације пратиће министарства спољних послова двеју земаља.\n", "Спровођење ове декларације пратиће министарства спољних послова двеју земаља.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Rast razmene doneće korist privredama dveju zemalja.\n", "Rast razmene doneće korist privredama dveju zemalja.", "appraisal", []string{"HU", "RS"}, ""},
		// the session of the governments (sednica vlada, their genitive plural) is both
		// governments' own meeting, as the session of the two governments is
		{"Заједничка изјава Републике Србије и Мађарске\n\n1. Трећа заједничка седница влада биће одржана у Републици Србији 2028. године.\n", "Трећа заједничка седница влада биће одржана у Републици Србији 2028. године.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Sledeća sednica vlada biće održana u Beogradu.\n", "Sledeća sednica vlada biće održana u Beogradu.", "commitment", []string{"HU", "RS"}, entente.Firm},
		{"Zajednička izjava Republike Srbije i Mađarske\n\n1. Vlada Mađarske biće obaveštena o planu.\n", "Vlada Mađarske biće obaveštena o planu.", "narrative", nil, ""},
		// an amendment's or the instrument's coming into effect (force) is a formula,
		// whatever the subject
		{enMoU + "This Memorandum may be amended by mutual written consent. Any such amendment will come into effect in accordance with Article 9.\n", "Any such amendment will come into effect in accordance with Article 9.", "narrative", nil, ""},
		{enMoU + "Any amendment shall come into force on the date of the later notification.\n", "Any amendment shall come into force on the date of the later notification.", "narrative", nil, ""},
		{enMoU + "The Participants will ensure that the amendment comes into effect promptly.\n", "The Participants will ensure that the amendment comes into effect promptly.", "commitment", []string{"IN", "JP"}, entente.Firm},
		// the last item of a list of areas, "any other area mutually decided
		// (agreed) upon by the Participants", names an area: the participle
		// undertakes nothing, and the item is soft as its fellows
		{enMoU + "The Participants will cooperate in the following areas:\n\n(a) water resources management; and\n\n(b) any other area mutually decided upon by the Participants.\n", "any other area mutually decided upon by the Participants.", "commitment", []string{"IN", "JP"}, ""},
		{enMoU + "The Participants will cooperate in the following areas:\n\n(a) water resources management; and\n\n(b) other areas as may be agreed upon by the Participants.\n", "other areas as may be agreed upon by the Participants.", "commitment", []string{"IN", "JP"}, ""},
		{enMoU + "The Participants will cooperate in the following areas:\n\n(a) water resources management; and\n\n(b) any other field jointly agreed by the Participants.\n", "any other field jointly agreed by the Participants.", "commitment", []string{"IN", "JP"}, ""},
		// the law that governs a matter is a legal state the instrument states
		{enMoU + "The protection of intellectual property rights will be governed by the domestic laws of the Participants.\n", "The protection of intellectual property rights will be governed by the domestic laws of the Participants.", "narrative", nil, ""},
		{enMoU + "Intellectual property rights shall be governed by the laws of the Parties.\n", "Intellectual property rights shall be governed by the laws of the Parties.", "narrative", nil, ""},
		// what a party may consider doing it is free to do: permission, no view
		{enMoU + "The Japanese Participant may consider financing specific projects through its agencies.\n", "The Japanese Participant may consider financing specific projects through its agencies.", "narrative", nil, ""},
		{"Joint Statement between India and Japan\n\n1. The two sides consider that dialogue is essential.\n", "The two sides consider that dialogue is essential.", "position", []string{"IN", "JP"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			x := sr
			if strings.Contains(tc.text, "Memorandum of") || strings.HasPrefix(tc.text, "Joint") || strings.HasPrefix(tc.text, "Agreement") {
				x = en
			}
			if tc.typ == "commitment" && tc.strength == "" {
				tc.strength = entente.Soft
			}
			out := x.Extract(tc.text)
			for _, s := range out.Sentences {
				if s.Text != tc.sentence {
					continue
				}
				if string(s.Type) != tc.typ || s.Strength != tc.strength {
					t.Errorf("%s/%s, want %s", s.Type, s.Strength, tc.typ)
				}
				if tc.actors == nil {
					tc.actors = []string{}
				}
				if !slices.Equal(s.Actors, tc.actors) {
					t.Errorf("actors %v, want %v", s.Actors, tc.actors)
				}
				return
			}
			t.Fatalf("no sentence %q", tc.sentence)
		})
	}
}

// TestInstrumentAreas holds that an instrument's procedural article, with
// no area word, names no area, while a statement's sentence with none frames
// the relationship ([area-default]).
func TestInstrumentAreas(t *testing.T) {
	x := newTestSpaced(t, "en")
	for _, tc := range []struct {
		text, sentence string
		areas          []string
	}{
		{"Memorandum of Understanding between the Government of India and the Government of Japan\n\nArticle 1\n\nEach Participant will bear its own costs.\n\nThe Participants will exchange information on critical minerals.\n",
			"Each Participant will bear its own costs.", []string{}},
		{"Memorandum of Understanding between the Government of India and the Government of Japan\n\nArticle 1\n\nEach Participant will bear its own costs.\n\nThe Participants will exchange information on critical minerals.\n",
			"The Participants will exchange information on critical minerals.", []string{"resources"}},
		{"Joint Statement between India and Japan\n\n1. The two sides will hold regular consultations.\n",
			"The two sides will hold regular consultations.", []string{"political"}},
	} {
		found := false
		for _, s := range x.Extract(tc.text).Sentences {
			if s.Text == tc.sentence {
				found = true
				if !slices.Equal(s.Areas, tc.areas) {
					t.Errorf("%q: areas %v, want %v", tc.sentence, s.Areas, tc.areas)
				}
			}
		}
		if !found {
			t.Errorf("%q: no such sentence", tc.sentence)
		}
	}
}

// TestAttestationCloses holds that a treaty's attestation clause (In
// witness whereof the undersigned…) belongs to the closing section with
// the place and date that follow it.
func TestAttestationCloses(t *testing.T) {
	x := newTestSpaced(t, "en")
	ex := x.Extract("Agreement between the Government of Hungary and the Government of the Republic of Korea on Cooperation in Science\n\n" +
		"Article 1\n\nThe Parties shall promote joint research projects.\n\n" +
		"In witness whereof the undersigned, being duly authorised thereto by their respective Governments, have signed this Agreement.\n\n" +
		"Done in duplicate at Seoul on 12 March 2023, in the Hungarian, Korean and English languages, all texts being equally authentic.\n")
	for _, s := range ex.Sentences {
		if strings.HasPrefix(s.Text, "In witness") && s.Section != entente.SectionClosing {
			t.Errorf("%q: section %q, want closing", s.Text, s.Section)
		}
	}
}

// TestListEndsWithSection holds that a preamble's lead-in (Have decided on
// the following Action Plan:) makes no list of the articles' items: an item
// with no verb of its own there undertakes nothing by it; and that the
// parties' encouragement in the passive is their soft undertaking.
func TestListEndsWithSection(t *testing.T) {
	x := newTestSpaced(t, "en")
	ex := x.Extract("Action Plan between the Republic of Korea and the Republic of Poland\n\n" +
		"The Government of the Republic of Korea and the Government of the Republic of Poland,\n\nHave decided on the following Action Plan:\n\n" +
		"I. Science\n\n(a) Universities of both countries are encouraged to take part in joint projects.\n\n" +
		"(b) This Action Plan may be updated by mutual consent of the Participants.\n")
	want := map[string]string{
		"Universities of both countries are encouraged to take part in joint projects.": "commitment",
		"This Action Plan may be updated by mutual consent of the Participants.":        "narrative",
	}
	for _, s := range ex.Sentences {
		if w, ok := want[s.Text]; ok {
			if string(s.Type) != w {
				t.Errorf("%q: %s, want %s", s.Text, s.Type, w)
			}
			if w == "commitment" && (s.Strength != entente.Soft || !slices.Equal(s.Actors, []string{"KR", "PL"})) {
				t.Errorf("%q: %s %v, want soft [KR PL]", s.Text, s.Strength, s.Actors)
			}
			delete(want, s.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("sentences not found: %v", want)
	}
}

// TestPrevailingTextCloses holds that the clause on the text that prevails
// in a divergence, in the closing, is a formula (narrative).
func TestPrevailingTextCloses(t *testing.T) {
	x := newTestSpaced(t, "en")
	ex := x.Extract("Memorandum of Understanding between the Government of India and the Government of Japan\n\n" +
		"Article 1\n\nThe Participants will promote joint research projects.\n\n" +
		"Signed in New Delhi on 10 March 2023 in two originals, in the Hindi, Japanese and English languages, all texts being equally valid. " +
		"In case of any divergence of interpretation, the English text will prevail.\n")
	found := false
	for _, s := range ex.Sentences {
		if strings.HasPrefix(s.Text, "In case of") {
			found = true
			if s.Type != entente.Narrative || s.Section != entente.SectionClosing {
				t.Errorf("%q: %s in %q, want narrative in closing", s.Text, s.Type, s.Section)
			}
		}
	}
	if !found {
		t.Error("no sentence on the prevailing text")
	}
}

// TestDeadlineBeforeSigning holds that a time before the document was signed
// is no time limit of its undertaking (… posle posete u julu 2018. godine,
// Strane će…): it dates what was done, as a signing participle's date does.
func TestDeadlineBeforeSigning(t *testing.T) {
	sr := newTestSpaced(t, "sr")
	const head = "Zajednička izjava Republike Srbije i Mađarske\n\nBeograd, 8. maj 2024. godine\n\n1. "
	tests := []struct{ text, sentence, deadline string }{
		{head + "Posle posete predsednika u julu 2018. godine, Strane će nastaviti saradnju.\n", "Posle posete predsednika u julu 2018. godine, Strane će nastaviti saradnju.", ""},
		{head + "Strane će do kraja 2023. godine potpisati sporazum.\n", "Strane će do kraja 2023. godine potpisati sporazum.", ""},
		{head + "Strane će u oktobru 2024. godine održati forum.\n", "Strane će u oktobru 2024. godine održati forum.", "u oktobru 2024. godine"},
		{head + "Strane će do kraja 2025. godine potpisati sporazum.\n", "Strane će do kraja 2025. godine potpisati sporazum.", "do kraja 2025. godine"},
		{head + "Strane će u roku od šest meseci usvojiti plan.\n", "Strane će u roku od šest meseci usvojiti plan.", "u roku od šest meseci"},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			out := sr.Extract(tc.text)
			if d := deref(out.Document.SignedDate); d != "2024-05-08" {
				t.Fatalf("signed %q, want 2024-05-08", d)
			}
			for _, s := range out.Sentences {
				if s.Text == tc.sentence {
					if got := deref(s.Deadline); got != tc.deadline {
						t.Errorf("deadline %q, want %q", got, tc.deadline)
					}
					return
				}
			}
			t.Fatalf("no sentence %q", tc.sentence)
		})
	}
}
