package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSpacedReferences reads the instruments sentences in our own wording
// cite: English titles in title case, Serbian titles in sentence case in
// both scripts (the head, an opening "o", the lower-case words after it up
// to a word that ends a title), quoted titles, and the year after a title.
func TestSpacedReferences(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string // title|kind|year
	}{
		{"en", "The two sides will implement the Free Trade Agreement between China and Serbia.", []string{"Free Trade Agreement between China and Serbia|agreement|0"}},
		{"en", "They recalled the Paris Agreement of 2015.", []string{"Paris Agreement|agreement|2015"}},
		{"en", "The two sides signed the Agreement on the Korea–Kenya Economic Development Cooperation Fund.", []string{"Agreement on the Korea–Kenya Economic Development Cooperation Fund|agreement|0"}},
		{"en", "Bearing in mind the Convention concerning the Protection of the World Cultural and Natural Heritage, they agreed.", []string{"Convention concerning the Protection of the World Cultural and Natural Heritage|agreement|0"}},
		{"en", "The sides will review the agreement next year.", nil},
		// a treaty's title sets its verb capitalised (Establishing, Amending): the title runs
		// on past it; a verb in lower case is the sentence's
		{"en", "The Sides support the implementation of the Agreement Establishing the African Continental Free Trade Area.", []string{"Agreement Establishing the African Continental Free Trade Area|agreement|0"}},
		{"en", "They recalled the Protocol Amending the Agreement on Trade of 2015.", []string{"Protocol Amending the Agreement on Trade|agreement|2015"}},
		{"en", "The two sides will sign an agreement establishing a joint fund.", nil},
		// a programme named by its name alone is run, no instrument; one for its years is one
		{"en", "India will offer scholarships under the Indian Technical and Economic Cooperation Programme.", nil},
		// demonyms after "for" that qualify a lowercase noun say whom a
		// programme is for: no part of its name, which stays a programme run
		{"en", "The two sides will expand the Deshima Scholarship Programme for Japanese and Dutch students by 2030.", nil},
		{"en", "The Parties will implement the Agreement on Cooperation between Chinese and Serbian Universities.", []string{"Agreement on Cooperation between Chinese and Serbian Universities|agreement|0"}},
		// the signer between "signed by" and the year: the year is still the title's
		{"en", "They welcomed the “Memorandum of Cooperation in the Field of Semiconductors”, signed by the two governments in 2023.", []string{"Memorandum of Cooperation in the Field of Semiconductors|mou|2023"}},
		{"en", "They recalled the Joint Declaration on Strategic Partnership, signed by the two Prime Ministers on 3 May 2019.", []string{"Joint Declaration on Strategic Partnership|declaration|2019"}},
		// the years an instrument covers name it (a bare "the Plan of Action" names nothing)
		{"en", "They welcomed the adoption of the Plan of Action for the period 2024-2028.", []string{"Plan of Action for the period 2024-2028|action_plan|0"}},
		{"en", "They welcomed the adoption of the Plan of Action.", nil},
		// a quoted programme with no years is run, a project; a quoted programme of cooperation
		// for its period is an instrument
		{"sr", "Кинеска страна изражава спремност да у оквиру „Програма за талентоване младе научнике“ прими младе истраживаче.", nil},
		{"sr", "Strane će sprovoditi „Program saradnje u oblasti kulture za period 2026–2028. godine“.", []string{"Program saradnje u oblasti kulture za period 2026–2028. godine|plan|0"}},
		// the years a framework covers written right after its name (no "for the period"):
		// both years are the name's, as the one year of Vision 2030 is
		{"en", "They reaffirmed their support for the Sendai Framework for Disaster Risk Reduction 2015–2030 and for the region.", []string{"Sendai Framework for Disaster Risk Reduction 2015–2030|other|0"}},
		{"en", "They will implement the Strategic Framework for Cooperation 2026-2030.", []string{"Strategic Framework for Cooperation 2026-2030|other|0"}},
		// a set of principles adopted as one text is cited as a framework is; principles in
		// lower case are the sentence's own
		{"en", "Investment must be consistent with the G20 Principles for Quality Infrastructure Investment.", []string{"G20 Principles for Quality Infrastructure Investment|other|0"}},
		{"en", "They will respect the principles of transparency and openness.", nil},
		{"en", "They signed the Cultural Exchange Programme for 2024–2027.", []string{"Cultural Exchange Programme for 2024–2027|plan|0"}},
		// a list of fields inside a title, commas and all; a list of parties after it is none of it
		{"en", "The two sides will renew the Programme of Cooperation in Science, Technology and Innovation for the period 2026–2030 by 30 June 2026.", []string{"Programme of Cooperation in Science, Technology and Innovation for the period 2026–2030|plan|0"}},
		{"en", "They will implement the Agreement on Cooperation in Culture, Education and Sport.", []string{"Agreement on Cooperation in Culture, Education and Sport|agreement|0"}},
		{"en", "Under the Agreement on Trade, China and Serbia will cut tariffs.", []string{"Agreement on Trade|agreement|0"}},
		// a country's possessive before a title names its owner, not the title
		{"en", "The two sides will draw on Brazil's Ecological Transformation Plan.", []string{"Ecological Transformation Plan|plan|0"}},
		{"sr", "Strane će primenjivati Sporazum o slobodnoj trgovini između Srbije i Kine.", []string{"Sporazum o slobodnoj trgovini između Srbije i Kine|agreement|0"}},
		// the parties first, then the matter in sentence case (… između Vlade
		// Republike Srbije i Vlade Republike Austrije | o međunarodnom…); a
		// government's own title in lower case between its adjective and its
		// country (Savezne vlade Republike Austrije)
		{"sr", "Strane se pozivaju na Sporazum između Vlade Republike Srbije i Vlade Republike Austrije o međunarodnom drumskom prevozu putnika i robe, potpisan u Beču 12. maja 2010. godine.", []string{"Sporazum između Vlade Republike Srbije i Vlade Republike Austrije o međunarodnom drumskom prevozu putnika i robe|agreement|2010"}},
		{"sr", "Strane se pozivaju na Sporazum između Vlade Republike Srbije i Savezne vlade Republike Austrije o međunarodnom drumskom prevozu putnika i robe, potpisan u Beču 12. maja 2010. godine.", []string{"Sporazum između Vlade Republike Srbije i Savezne vlade Republike Austrije o međunarodnom drumskom prevozu putnika i robe|agreement|2010"}},
		{"sr", "Стране ће применити Споразум о слободној трговини између Кине и Србије.", []string{"Споразум о слободној трговини између Кине и Србије|agreement|0"}},
		{"sr", "Strane će razvijati saradnju u skladu sa Sporazumom o strateškom partnerstvu iz 2013. godine.", []string{"Sporazumom o strateškom partnerstvu|agreement|2013"}},
		{"sr", "Strane pozdravljaju Sporazum o ukidanju viza koji je stupio na snagu.", []string{"Sporazum o ukidanju viza|agreement|0"}},
		{"sr", "Strane pozdravljaju potpisivanje Memoranduma o razumevanju o saradnji u oblasti energetike.", []string{"Memoranduma o razumevanju o saradnji u oblasti energetike|mou|0"}},
		{"sr", "Strane će zaključiti Sporazum o uzajamnom podsticanju i zaštiti ulaganja.", []string{"Sporazum o uzajamnom podsticanju i zaštiti ulaganja|agreement|0"}},
		// a programme of cooperation in a field opens its title with saradnje; a bare plan
		// of cooperation before a verb names nothing
		{"sr", "Стране ће до краја марта 2027. године потписати Програм сарадње у области културе за период од 2027. до 2030. године.", []string{"Програм сарадње у области културе за период од 2027. до 2030. године|plan|0"}},
		{"sr", "Plan saradnje biće usvojen.", nil},
		{"sr", "Стране ће закључити Споразум о подстицају и заштити улагања.", []string{"Споразум о подстицају и заштити улагања|agreement|0"}},
		{"sr", "Srpska strana podržava Inicijativu za globalni razvoj i Globalnu bezbednosnu inicijativu.", []string{"Inicijativu za globalni razvoj|initiative|0", "Globalnu bezbednosnu inicijativu|initiative|0"}},
		{"sr", "Strane će primeniti Sporazum o saradnji i razmeni informacija.", []string{"Sporazum o saradnji i razmeni informacija|agreement|0"}},
		{"sr", "Strane pozdravljaju potpisivanje Memoranduma o razumevanju u oblasti poljoprivrede.", []string{"Memoranduma o razumevanju u oblasti poljoprivrede|mou|0"}},
		{"sr", "Strane su potpisale Memorandum o razumevanju i saradnji između Srbije i Kine.", []string{"Memorandum o razumevanju i saradnji između Srbije i Kine|mou|0"}},
		{"sr", "Strane su potpisale Memorandum o razumevanju.", nil},
		{"sr", "Strane su potpisale Memorandum o razumevanju i dogovorile se o daljoj saradnji.", nil},
		{"sr", "Strane će poštovati sporazum.", nil},
		{"en", "This Joint Statement is done in English and Serbian.", nil},
		{"en", "This Memorandum of Understanding on Agriculture shall remain in force for five years.", nil},
		{"sr", "Strane će primenjivati ovaj Sporazum o saradnji u oblasti poljoprivrede.", nil},
		{"sr", "Srpska strana je spremna da realizuje Globalnu razvojnu inicijativu i Globalnu bezbednosnu inicijativu.", []string{"Globalnu razvojnu inicijativu|initiative|0", "Globalnu bezbednosnu inicijativu|initiative|0"}},
		{"sr", "Српска страна подржава Глобалну развојну иницијативу.", []string{"Глобалну развојну иницијативу|initiative|0"}},
		{"sr", "Srbija podržava inicijativu.", nil},
		{"sr", "Kina pozdravlja inicijativu Srbije.", nil},
		{"en", "An attack would invoke commitments under Article IV of the 1951 Mutual Defense Treaty.", []string{"Mutual Defense Treaty|agreement|1951"}},
		{"en", "We will convene the Trade and Investment Framework Agreement Council this year.", []string{"Trade and Investment Framework Agreement|agreement|0"}},
		{"en", "The two sides recalled the Joint Statement on the Establishment of a Comprehensive Strategic Partnership signed in 2016.", []string{"Joint Statement on the Establishment of a Comprehensive Strategic Partnership|joint_statement|2016"}},
		{"en", "They signed the Agreement on Trade a year ago.", []string{"Agreement on Trade|agreement|0"}},
		// quoted titles: the year after "signed in" past the closing quote, the
		// year of a list of them, a title of forty words, the head that ends it
		{"en", "The two sides spoke highly of the \"Agreement between China and Serbia on Mutual Visa Exemption for Holders of Ordinary Passports\" signed in 2016.", []string{"Agreement between China and Serbia on Mutual Visa Exemption for Holders of Ordinary Passports|agreement|2016"}},
		{"en", "They will implement the \"Memorandum of Understanding on Green Development\" and the \"Memorandum of Understanding on the Digital Economy\" signed in 2022.", []string{"Memorandum of Understanding on Green Development|mou|2022", "Memorandum of Understanding on the Digital Economy|mou|2022"}},
		{"en", "The two sides will implement the \"Medium-Term Action Plan between the Government of the People's Republic of China and the Government of the Republic of Serbia on Jointly Building the Belt and Road (2023-2025)\".", []string{"Medium-Term Action Plan between the Government of the People's Republic of China and the Government of the Republic of Serbia on Jointly Building the Belt and Road (2023-2025)|action_plan|0"}},
		{"en", "As participants in the \"Digital Economy and Green Development International Economic and Trade Cooperation Framework Initiative\", the two sides will cooperate.", []string{"Digital Economy and Green Development International Economic and Trade Cooperation Framework Initiative|initiative|0"}},
		{"sr", "Dve strane ističu razvoj odnosa otkako je 2016. godine potpisana „Zajednička izjava o uspostavljanju sveobuhvatnog strateškog partnerstva“.", []string{"Zajednička izjava o uspostavljanju sveobuhvatnog strateškog partnerstva|joint_statement|2016"}},
		{"sr", "Strane treba da postignu rešenje u okviru Rezolucije 1244 Saveta bezbednosti UN.", []string{"Rezolucije 1244 Saveta bezbednosti UN|resolution|0"}},
		// a quoted name followed by its head word is that instrument's title;
		// a quoted slogan with none is no citation
		{"en", "The two sides will align the Belt and Road with the \"Two Corridors and One Economic Circle\" framework.", []string{"Two Corridors and One Economic Circle|other|0"}},
		{"en", "The Chinese side supports the \"Made in Serbia 2030\" strategy.", []string{"Made in Serbia 2030|plan|0"}},
		{"en", "The Vietnamese side opposes any form of \"Taiwan independence\".", nil},
		// a head that opens a quoted or unquoted title closed by the year it aims at
		// (a national vision, the African Union's Agenda 2063) names a plan
		{"en", "The two sides will align their development strategies with Kenya's \"Vision 2030\".", []string{"Vision 2030|plan|0"}},
		{"en", "The Chinese side supports the African Union's \"Agenda 2063\".", []string{"Agenda 2063|plan|0"}},
		{"en", "The Chinese side supports the implementation of the African Union's Agenda 2063.", []string{"Agenda 2063|plan|0"}},
		{"en", "The two sides share a common vision for 2030 and beyond.", nil},
		// the year of the occasion a title was agreed at, its long name on the way, before the clause ends
		{"en", "Building on the \"Joint Action Plan\" agreed during the State Visit of the President of the Republic of Serbia to China in May 2024, the two sides will deepen cooperation.", []string{"Joint Action Plan|action_plan|2024"}},
		{"en", "They will implement the Joint Action Plan adopted during the visit, and review it in 2026.", []string{"Joint Action Plan|action_plan|0"}},
		// a communiqué cited without its accent, its year after "of"
		{"en", "Both sides reaffirm the principles of the Joint Communique on the Establishment of Diplomatic Relations of 1975.", []string{"Joint Communique on the Establishment of Diplomatic Relations|joint_statement|1975"}},
		{"en", "They welcomed the synergy between the Belt and Road Initiative and Brazil's New Industry plan.", []string{"Belt and Road Initiative|initiative|0"}},
		{"sr", "Strane će usvojiti Akcioni plan za period 2024–2027. godine.", []string{"Akcioni plan za period 2024–2027|action_plan|0"}},
		// the year of the date the title was signed on, a place and a month on the way
		{"sr", "Strane pozdravljaju Sporazum o izbegavanju dvostrukog oporezivanja, potpisan u Astani 15. marta 2019. godine.", []string{"Sporazum o izbegavanju dvostrukog oporezivanja|agreement|2019"}},
		{"sr", "Strane će primenjivati Sporazum o strateškom partnerstvu od 2. oktobra 2023. godine.", []string{"Sporazum o strateškom partnerstvu|agreement|2023"}},
		{"sr", "Стране поздрављају Споразум о слободној трговини потписан 17. октобра 2023. године.", []string{"Споразум о слободној трговини|agreement|2023"}},
		{"sr", "Strane pozdravljaju Sporazum o saradnji potpisan u Beogradu od strane ministara.", []string{"Sporazum o saradnji|agreement|0"}},
		// a name in the genitive after the head (Povelja Ujedinjenih nacija)
		{"sr", "Strane poštuju ciljeve i principe Povelje Ujedinjenih nacija.", []string{"Povelje Ujedinjenih nacija|charter|0"}},
		{"sr", "Strane podržavaju rešenje u skladu sa Rezolucijom Saveta bezbednosti UN br. 1244.", []string{"Rezolucijom Saveta bezbednosti UN|resolution|0"}},
		{"sr", "Strane poštuju Povelju UN i Rezoluciju Saveta bezbednosti.", []string{"Povelju UN|charter|0", "Rezoluciju Saveta bezbednosti|resolution|0"}},
		{"sr", "Strane podržavaju Inicijativu Pojas i put.", []string{"Inicijativu Pojas i put|initiative|0"}},
		{"sr", "Kina pozdravlja stupanje na snagu Sporazuma o slobodnoj trgovini između Srbije i Kine 1. jula 2024. godine.", []string{"Sporazuma o slobodnoj trgovini između Srbije i Kine|agreement|0"}},
		// a title runs through a title's small words to its next capitalised one, not past "and the"
		{"en", "Article V of the Treaty of Mutual Cooperation and Security between the United States of America and Japan applies to the islands.", []string{"Treaty of Mutual Cooperation and Security between the United States of America and Japan|agreement|0"}},
		{"en", "They stressed the importance of the 1982 United Nations Convention on the Law of the Sea (UNCLOS).", []string{"United Nations Convention on the Law of the Sea|agreement|1982"}},
		{"en", "They recalled the Paris Agreement and the United States will rejoin it.", []string{"Paris Agreement|agreement|0"}},
		{"en", "We welcome the Framework Agreement between the Government of the United States of America and the Government of Japan for Cooperation in Space (2023).", []string{"Framework Agreement between the Government of the United States of America and the Government of Japan for Cooperation in Space|agreement|2023"}},
		// a recital's participle opens no title
		{"en", "Recalling the Comprehensive Economic Partnership Agreement, the Parties agreed.", []string{"Comprehensive Economic Partnership Agreement|agreement|0"}},
		// the year of signing or adoption after the title
		{"en", "The two sides recalled the Joint Statement on Strategic Partnership signed in 2015.", []string{"Joint Statement on Strategic Partnership|joint_statement|2015"}},
		{"en", "They recalled the Comprehensive Economic Partnership Agreement signed on 18 February 2022.", []string{"Comprehensive Economic Partnership Agreement|agreement|2022"}},
		// a number right after a title's word is part of its name
		{"en", "The two sides recalled the Joint Statement on Japan-India Vision 2025 signed in 2015.", []string{"Joint Statement on Japan-India Vision 2025|joint_statement|2015"}},
		{"en", "The leaders recalled the 2004 Joint Declaration on Strategic Partnership and the 2021 Roadmap 2030.", []string{"Joint Declaration on Strategic Partnership|declaration|2004", "Roadmap 2030|plan|2021"}},
		// a year before the title after the document's own is a target in its name
		{"en", "Joint Statement of Serbia and China\n\nBelgrade, 8 May 2024\n\nSerbia and China are committed to the 2030 Agenda for Sustainable Development.\n", []string{"2030 Agenda for Sustainable Development|plan|0"}},
		{"en", "Joint Statement of Serbia and China\n\nBelgrade, 8 May 2024\n\nSerbia and China recalled the 2015 Agenda for Cooperation.\n", []string{"Agenda for Cooperation|plan|2015"}},
		{"sr", "Strane su potpisale \"Sporazum o saradnji u oblasti turizma\".", []string{"Sporazum o saradnji u oblasti turizma|agreement|0"}},
		// a number after the head names the instrument
		{"sr", "Grčka podržava Srbiju u skladu sa Rezolucijom 1244 Saveta bezbednosti Ujedinjenih nacija.", []string{"Rezolucijom 1244 Saveta bezbednosti Ujedinjenih nacija|resolution|0"}},
		// a title of more than twelve words does not cut a party's name (Savezne Republike Brazil), and the year after it is its own
		{"sr", "Strane će sarađivati na osnovu Sporazuma o naučnoj i tehnološkoj saradnji između Vlade Republike Srbije i Vlade Savezne Republike Brazil iz 2013. godine.", []string{"Sporazuma o naučnoj i tehnološkoj saradnji između Vlade Republike Srbije i Vlade Savezne Republike Brazil|agreement|2013"}},
		{"sr", "Стране ће сарађивати на основу Споразума о научној и технолошкој сарадњи између Владе Републике Србије и Владе Савезне Републике Бразил из 2013. године.", []string{"Споразума о научној и технолошкој сарадњи између Владе Републике Србије и Владе Савезне Републике Бразил|agreement|2013"}},
		{"sr", "Strane će poštovati Rezoluciju 2728.", []string{"Rezoluciju 2728|resolution|0"}},
		// a Contracting Party (Ugovorna strana) is no treaty (Ugovor)
		{"sr", "Svaka Ugovorna strana snosiće svoje troškove.", nil},
		{"sr", "Свака Уговорна страна обавестиће другу.", nil},
		{"sr", "Strane poštuju Ugovor o prijateljstvu i saradnji.", []string{"Ugovor o prijateljstvu i saradnji|agreement|0"}},
		// a quoted title's year: the date it was signed or adopted on, after the closing mark
		{"sr", "Strane podsećaju na „Memorandum o razumevanju o saradnji u oblasti energetike“, potpisan u Beogradu 31. jula 2010. godine.", []string{"Memorandum o razumevanju o saradnji u oblasti energetike|mou|2010"}},
		{"sr", "Признавање ће се вршити у складу са „Конвенцијом о признавању квалификација“, усвојеном у Лисабону 11. априла 1997. године.", []string{"Конвенцијом о признавању квалификација|agreement|1997"}},
		{"en", "They recalled the “Paris Agreement”, adopted on 12 December 2015.", []string{"Paris Agreement|agreement|2015"}},
		{"sr", "Strane su potpisale „Sporazum o saradnji“ iz 2019. godine.", []string{"Sporazum o saradnji|agreement|2019"}},
		// a place's name with a lowercase word between its capitals (Brdo kod
		// Kranja, Frankfurt am Main) on the way from the signing to its date
		{"sr", "Polazeći od „Deklaracije o strateškom partnerstvu“, potpisane na Brdu kod Kranja 2019. godine, Strane su se saglasile.", []string{"Deklaracije o strateškom partnerstvu|declaration|2019"}},
		{"en", "They recalled the “Joint Declaration on Partnership”, signed at Frankfurt am Main on 3 May 2019.", []string{"Joint Declaration on Partnership|declaration|2019"}},
		{"sr", "Strane pozdravljaju „Sporazum o saradnji“, potpisan u Beogradu od strane ministara 2019. godine.", []string{"Sporazum o saradnji|agreement|0"}},
		// a quoted title takes its kind from the head before it, its year from the date after it
		{"en", "Recalling their joint statement “Stronger Together” of 23 September 2022, the Parties agreed.", []string{"Stronger Together|joint_statement|2022"}},
		{"en", "The leaders welcomed progress under the “Joint Declaration on Strategic Partnership”, signed in Jakarta on 31 August 2018.", []string{"Joint Declaration on Strategic Partnership|declaration|2018"}},
		{"en", "The leaders highlighted the “Southeast Asia Economic Strategy to 2040”, launched in September 2023.", []string{"Southeast Asia Economic Strategy to 2040|plan|2023"}},
		{"en", "This Memorandum “Stronger Together” shall enter into force.", nil},
		// a title opens with a pair of names joined by a dash, and a consensus or an outlook is one
		{"en", "Trade grew under the Indonesia–Australia Comprehensive Economic Partnership Agreement.", []string{"Indonesia–Australia Comprehensive Economic Partnership Agreement|agreement|0"}},
		{"en", "They called for the full implementation of the ASEAN Five-Point Consensus and supported the ASEAN Outlook on the Indo-Pacific.", []string{"ASEAN Five-Point Consensus|other|0", "ASEAN Outlook on the Indo-Pacific|other|0"}},
		// regulations adopted by an assembly are an instrument (the International
		// Health Regulations (2005)); the laws and regulations of a country are not
		{"en", "Affirming their support for the International Health Regulations (2005) of the World Health Organization, the Parties agreed.", []string{"International Health Regulations|other|2005"}},
		{"en", "The Parties will act in accordance with the laws and regulations in force in their countries.", nil},
		{"en", "The two sides reached a consensus on the outlook.", nil},
		{"en", "Leaders noted the signing of the Migration and Mobility Partnership Arrangement.", []string{"Migration and Mobility Partnership Arrangement|agreement|0"}},
		{"en", "The two sides will hold the “Hope Rhymes” poetry festival.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x := newTestSpaced(t, tc.lang)
			got := x.Extract("Joint Statement of Serbia and China\n\n" + tc.text + "\n")
			if strings.Contains(tc.text, "\n") {
				got = x.Extract(tc.text) // a whole statement, dated
			}
			var refs []string
			for _, r := range got.References {
				y := 0
				if r.Year != nil {
					y = *r.Year
				}
				refs = append(refs, r.Title+"|"+string(r.Kind)+"|"+strconv.Itoa(y))
			}
			if !slices.Equal(refs, tc.want) {
				t.Errorf("references %q, want %q", refs, tc.want)
			}
		})
	}
}
