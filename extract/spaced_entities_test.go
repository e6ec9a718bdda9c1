package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestSpacedEntities checks the mechanism and project rules of the English
// and Serbian reader on sentences in our own wording, both scripts: named
// ones are found as written, generic heads, organisations of many states
// and a demonym alone are not.
func TestSpacedEntities(t *testing.T) {
	tests := []struct {
		lang, text   string
		mechs, projs []string
	}{
		// English: a capitalised name before or after the head
		{"en", "The two sides will hold the third session of the Joint Committee next year.", []string{"Joint Committee"}, nil},
		{"en", "The two sides held the Strategic Partnership Dialogue on June 1, 2022.", []string{"Strategic Partnership Dialogue"}, nil},
		{"en", "The Joint Committee on Trade will meet in May.", []string{"Joint Committee on Trade"}, nil},
		{"en", "We welcome the establishment of the Nuclear Consultative Group.", []string{"Nuclear Consultative Group"}, nil},
		{"en", "They praised the Serbia–Hungary Intergovernmental Committee for Transport and Energy.", []string{"Serbia–Hungary Intergovernmental Committee for Transport and Energy"}, nil},
		// an organisation of many states joined to a party's name is one side of a body, not the body
		{"en", "The Sides will hold the EU–Uzbekistan Cooperation Council annually.", []string{"EU–Uzbekistan Cooperation Council"}, nil},
		{"en", "The Sides will coordinate in the Security Council.", nil, nil},
		// one state's own organs in an office's title (the translated 国务院, 全国人大常委会) are no joint body
		{"en", "During the visit, Premier of the State Council Li Qiang and Chairman of the Standing Committee of the National People's Congress Zhao Leji met with him respectively.", nil, nil},
		{"en", "He also met with Chairman of the Central Committee of the Socialist Party of Serbia Ivica Dacic.", nil, nil},
		{"en", "The Joint Standing Committee on Trade will meet in May.", []string{"Joint Standing Committee on Trade"}, nil},
		// a plural possessive inside a name (the translated 外长战略对话机制) keeps the name whole
		{"en", "The two sides agreed to establish the China-Serbia Foreign Ministers' Strategic Dialogue Mechanism.", []string{"China-Serbia Foreign Ministers' Strategic Dialogue Mechanism"}, nil},
		{"en", "The Ministers' Council will meet in May.", []string{"Ministers' Council"}, nil},
		// ministers' meetings of the parties, named, are mechanisms (as zh's 外长会晤机制); a
		// meeting of an organisation of many states is not, and leaders' meetings are summits
		{"en", "The two countries will hold the Australia–Viet Nam Foreign Ministers' Meeting every year.", []string{"Australia–Viet Nam Foreign Ministers' Meeting"}, nil},
		{"en", "The Plan will be reviewed at the Korea–Poland Ministerial Meeting.", []string{"Korea–Poland Ministerial Meeting"}, nil},
		{"en", "They will coordinate at the ASEAN Foreign Ministers' Meeting.", nil, nil},
		// a pair's ministers meeting as a forum held regularly is their standing
		// dialogue, as a Ministerial Meeting is; a Forum alone, or one of many
		// states, is an event
		{"en", "The 22nd Papua New Guinea – Australia Ministerial Forum was held in Canberra.", []string{"Papua New Guinea – Australia Ministerial Forum"}, nil},
		{"en", "The Ruritania–Freedonia Ministerial Forum will meet every year.", []string{"Ruritania–Freedonia Ministerial Forum"}, nil},
		{"en", "Ministers looked forward to the Pacific Islands Forum Leaders Meeting.", nil, nil},
		{"en", "The two sides will attend the Boao Forum.", nil, nil},
		{"en", "Leaders committed to holding an annual Leaders' Meeting.", nil, nil},
		// a 2+2 (foreign and defence ministers, two from each side) inside a name is the name's
		{"en", "They will establish an Australia–Viet Nam 2+2 Strategic Dialogue of foreign and defence ministers.", []string{"Australia–Viet Nam 2+2 Strategic Dialogue"}, nil},
		{"en", "The Japan–Philippines 2+2 Dialogue will meet in Manila.", []string{"Japan–Philippines 2+2 Dialogue"}, nil},
		// a named payment or settlement system, platform or interface is a service the
		// parties run (a project); a lower-case one owned by a country is generic
		{"en", "The leaders welcomed the interlinking of India's Unified Payments Interface with Thailand's Instant Payment Platform.", nil, []string{"Unified Payments Interface", "Instant Payment Platform"}},
		{"en", "The two sides welcomed the use of local currencies under the Local Currency Settlement System established by the two central banks.", nil, []string{"Local Currency Settlement System"}},
		{"en", "The two sides will work towards linking their payment systems with Viet Nam's national payment system.", nil, nil},
		// a university's campus named by it is a facility; a campus alone is generic
		{"en", "They expressed satisfaction with the first graduating class of the IIT Delhi–Abu Dhabi campus.", nil, []string{"IIT Delhi–Abu Dhabi campus"}},
		{"en", "The university will open a new campus.", nil, nil},
		// "between" two demonyms before a lower-case noun (between Indian and UAE ports)
		// says what the project links, no part of its name
		{"en", "They agreed to complete the Virtual Trade Corridor between Indian and UAE ports by mid-2027.", nil, []string{"Virtual Trade Corridor"}},
		// a count of ministers after a lower-case ordinal opens the name
		{"en", "They reviewed the progress made since the second 2+2 Ministerial Dialogue, held in Tokyo.", []string{"2+2 Ministerial Dialogue"}, nil},
		{"en", "The next 2+2 Dialogue will meet in Manila.", []string{"2+2 Dialogue"}, nil},
		// a regional organisation of many states (the Gulf's, the Islamic world's) is no mechanism
		{"en", "They welcomed the negotiations on a Free Trade Agreement between the United Kingdom and the Gulf Cooperation Council.", nil, nil},
		{"en", "The Sides will coordinate in the Organisation of Islamic Cooperation.", nil, nil},
		// an academy is a facility of education, as a university is; a funding
		// instrument named is the programme it funds through; a national
		// regulator (the Energy Commission) is one state's organ, no joint body
		{"en", "The German Side intends to establish a Green Hydrogen Training Academy at Kumasi Technical University.", nil, []string{"Green Hydrogen Training Academy", "Kumasi Technical University"}},
		{"en", "India will establish a chair of Indian studies at the Viet Nam Academy of Social Sciences.", nil, nil},
		{"en", "The German Side will inform project developers of the H2Global funding instrument.", nil, []string{"H2Global funding instrument"}},
		{"en", "The Ghanaian Side will designate the Energy Commission as the focal point.", nil, nil},
		{"en", "The Sides will establish a German–Ghanaian Energy Commission.", []string{"German–Ghanaian Energy Commission"}, nil},
		// a head inside an organisation's name names the organisation, no project
		{"en", "The competent authority is the Defense Acquisition Program Administration of the Republic of Korea.", nil, nil},
		// one country's institution named by its demonym alone is no body of the parties
		{"en", "The British Council will expand English language teaching in Kenyan schools.", nil, nil},
		{"en", "The sides welcomed the Serbian–Chinese Council for Culture.", []string{"Serbian–Chinese Council for Culture"}, nil},
		// …with more words between the demonym and the head, or a field after it
		{"en", "The two sides will strengthen cooperation between the Oswaldo Cruz Foundation and the South African Medical Research Council.", nil, nil},
		{"en", "The two sides will support the Indian Council of Medical Research.", nil, nil},
		{"en", "The Korean–Polish Joint Committee on Science will meet in Seoul.", []string{"Korean–Polish Joint Committee on Science"}, nil},
		{"sr", "Strane podstiču rad Srpsko-emiratskog poslovnog saveta.", []string{"Srpsko-emiratskog poslovnog saveta"}, nil},
		// a plant (postrojenje) and a water supply system named by their place are facilities;
		// unnamed, in lower case, they are generic
		{"sr", "Koreja će finansirati izgradnju Postrojenja za preradu otpada Vinča.", nil, []string{"Postrojenja za preradu otpada Vinča"}},
		{"sr", "Стране ће завршити Постројење за пречишћавање отпадних вода Чачак до 2028. године.", nil, []string{"Постројење за пречишћавање отпадних вода Чачак"}},
		{"sr", "Стране ће изградити постројења за прераду отпада у више градова.", nil, nil},
		{"sr", "Strane će završiti Postrojenje za preradu otpada Čačak do kraja 2028. godine.", nil, []string{"Postrojenje za preradu otpada Čačak"}},
		{"sr", "Strane će modernizovati Regionalni sistem vodosnabdevanja Rzav do 2028. godine.", nil, []string{"Regionalni sistem vodosnabdevanja Rzav"}},
		{"sr", "Strane će modernizovati Regionalni sistem vodosnabdevanja Rzav.", nil, []string{"Regionalni sistem vodosnabdevanja Rzav"}},
		{"sr", "Стране ће унапредити систем водоснабдевања у Нишу.", nil, nil},
		// a named workshop, university or hospital is a facility, as zh's 工坊, 大学, 医院
		{"en", "The two sides will jointly run the Luban Workshop at Machakos University and support Chinese teaching in Kenyan universities.", nil, []string{"Luban Workshop", "Machakos University"}},
		{"en", "China will help upgrade the Kenyatta National Hospital.", nil, []string{"Kenyatta National Hospital"}},
		{"en", "The two sides will strengthen exchanges between universities and hospitals.", nil, nil},
		{"en", "The Chinese side supports the development of the Confucius Institute at the University of Nairobi.", nil, []string{"Confucius Institute", "University of Nairobi"}},
		// a named observatory is a facility: a project
		{"en", "South Africa welcomed Brazil's interest in the scientific programme of the Square Kilometre Array Observatory.", nil, []string{"Square Kilometre Array Observatory"}},
		// a list of fields inside the name, commas and all; a list of parties after it is none of it
		{"en", "The leaders appreciated the work of the India–Viet Nam Joint Commission on Economic, Trade, Scientific and Technological Cooperation.", []string{"India–Viet Nam Joint Commission on Economic, Trade, Scientific and Technological Cooperation"}, nil},
		{"en", "After the Joint Committee on Trade, China and Serbia will meet.", []string{"Joint Committee on Trade"}, nil},
		{"en", "The Kenya–Serbia strategic dialogue mechanism met in Nairobi.", []string{"Kenya–Serbia strategic dialogue mechanism"}, nil},
		{"en", "The sides agreed to finish the Pančevo–Vršac railway and the Niš–Pristina motorway.", nil, []string{"Pančevo–Vršac railway", "Niš–Pristina motorway"}},
		{"en", "Both countries will support the Danube Innovation Fund.", nil, []string{"Danube Innovation Fund"}},
		// a research station is a facility
		{"en", "The Chinese side welcomes Serbia's joining the International Lunar Research Station.", nil, []string{"International Lunar Research Station"}},
		{"en", "The power station will be modernised.", nil, nil},
		// a lowercase head owned by a country alone is that country's, generic;
		// a link between two countries is named by them
		{"sr", "Италијанска страна подржава модернизацију железничке мреже Србије.", nil, nil},
		{"sr", "Strane podržavaju izgradnju gasnog interkonektora Bugarska–Srbija.", nil, []string{"interkonektora Bugarska–Srbija"}},
		{"sr", "Strane će modernizovati deonicu pruge Mađarska-Srbija.", nil, []string{"pruge Mađarska-Srbija"}},
		// after a lowercase head, a second capitalised owner joined by i is the name's;
		// the parties' word after i opens a clause of its own
		{"sr", "Стране подржавају дијалог Београда и Приштине уз посредовање Европске уније.", []string{"дијалог Београда и Приштине"}, nil},
		{"sr", "Strane će uspostaviti trajektnu vezu između luka Bari i Bar.", nil, []string{"luka Bari i Bar"}},
		// a second owner may be a lowercase genitive with its capitalised
		// name (Kine i zemalja Centralne i Istočne Evrope); a capitalised
		// adjective of a lowercase noun after "i" is another body, none of it
		{"sr", "Strane podržavaju saradnju u okviru mehanizma saradnje Kine i zemalja Centralne i Istočne Evrope.", []string{"mehanizma saradnje Kine i zemalja Centralne i Istočne Evrope"}, nil},
		{"sr", "Strane podržavaju saradnju u okviru mehanizma saradnje Kine i zemalja Centralne i Istočne Evrope i Višegradske grupe.", []string{"mehanizma saradnje Kine i zemalja Centralne i Istočne Evrope"}, nil},
		{"sr", "Strane podržavaju dijalog Beograda i Prištine i Evropske unije.", []string{"dijalog Beograda i Prištine"}, nil},
		{"sr", "Strane podržavaju razvoj luke Bar i Strane će je finansirati.", nil, []string{"luke Bar"}},
		// a named institute is a centre, a project; institutes in general are not
		{"sr", "Italijanski institut za kulturu u Beogradu nastaviće da organizuje kurseve jezika.", nil, []string{"Italijanski institut za kulturu"}},
		{"sr", "Strane podstiču saradnju naučnih instituta dveju država.", nil, nil},
		// a named laboratory is a facility, a project (as in English); laboratories in general are not
		{"sr", "Стране поздрављају резултате које је постигла Заједничка српско-кинеска лабораторија за фотонику и нове материјале.", nil, []string{"Заједничка српско-кинеска лабораторија за фотонику и нове материјале"}},
		{"sr", "Strane će podržati osnivanje zajedničkih laboratorija naučnih institucija dveju država.", nil, nil},
		// the parties' defined term after a head opens the next clause; an
		// organisation of many states after a head makes it theirs, generic
		{"sr", "У оквиру тог програма Стране ће суфинансирати заједничке пројекте.", nil, nil},
		{"sr", "Strane će nastojati da obezbede sredstva iz programa Evropske unije i međunarodnih institucija.", nil, nil},
		{"sr", "Kineska strana pozdravlja pristupanje Srbije Međunarodnoj istraživačkoj stanici na Mesecu.", nil, []string{"Međunarodnoj istraživačkoj stanici"}},
		// a quoted name right after a lowercase programme head (programa „…“, the
		// programme “…”) names a programme the parties run: a project, not a plan cited
		{"sr", "Kazahstanska strana će primiti nastavnike na usavršavanje u okviru programa „Bolashak”.", nil, []string{"Bolashak"}},
		{"sr", "Кинеска страна изражава спремност да у оквиру „Програма за талентоване младе научнике“ прими младе истраживаче.", nil, []string{"Програма за талентоване младе научнике"}},
		// a government's state secretariat (Državni sekretarijat za migracije) is its
		// own office, as a ministry is, no joint body
		{"sr", "Sastancima kopredsedavaju predstavnici Ministarstva unutrašnjih poslova Republike Srbije i Državnog sekretarijata za migracije Švajcarske Konfederacije.", nil, nil},
		// a pilot programme or project, its head a hyphenated compound, before its quoted name
		{"sr", "Strane će sprovesti pilot-program „Dualno obrazovanje za zapošljavanje” u dvadeset škola.", nil, []string{"Dualno obrazovanje za zapošljavanje"}},
		{"sr", "Стране ће покренути пилот-пројекат „Зелена школа” у Нишу.", nil, []string{"Зелена школа"}},
		// a named course is a programme the parties run (a ministry's summer
		// course for diplomats); a course unnamed, or the dinar's rate, is none
		{"sr", "Српска страна ће обезбедити два места на Међународном летњем курсу за дипломате у Београду.", nil, []string{"Међународном летњем курсу за дипломате"}},
		{"sr", "Strane će organizovati kurseve srpskog jezika.", nil, nil},
		// a government named a council of ministers is a party's cabinet, no body of
		// cooperation; a joint council is one
		{"sr", "Predsednik Ministarskog saveta Republike Bugarske Rosen Željazkov boravio je u poseti Srbiji.", nil, nil},
		{"sr", "Savet ministara Bosne i Hercegovine usvojio je odluku.", nil, nil},
		// a body for minorities' questions: its complement ends at the minorities
		{"sr", "Mešoviti komitet za pitanja manjina sastaće se do kraja godine.", []string{"Mešoviti komitet za pitanja manjina"}, nil},
		// a power line and a border crossing named by their two ends are works; a
		// gas corridor's adjective joins a capitalised name before it to its head
		{"sr", "Strane će pripremiti studiju izvodljivosti za izgradnju dalekovoda Niš–Sofija.", nil, []string{"dalekovoda Niš–Sofija"}},
		{"sr", "Strane će uspostaviti zajedničku kontrolu na graničnom prelazu Gradina–Kalotina.", nil, []string{"graničnom prelazu Gradina–Kalotina"}},
		{"sr", "Strane će otvoriti nove granične prelaze.", nil, nil},
		{"sr", "Gasni interkonektor Bugarska–Srbija doprineo je diverzifikaciji izvora gasa.", nil, []string{"Gasni interkonektor Bugarska–Srbija"}},
		{"sr", "Strane podržavaju učešće kompanija u projektima Vertikalnog gasnog koridora.", nil, []string{"Vertikalnog gasnog koridora"}},
		{"sr", "Kurs dinara prema evru ostao je stabilan.", nil, nil},
		// a railway line named by its ends is a service, as a rail is; a House (Dom)
		// named by its field is a facility, a house with no name none
		{"sr", "Strane će uspostaviti direktnu železničku liniju Bratislava–Beograd.", nil, []string{"železničku liniju Bratislava–Beograd"}},
		{"sr", "Strane će uvesti nove železničke linije.", nil, nil},
		{"sr", "Стране подржавају отварање Дома словачке културе у Бачком Петровцу.", nil, []string{"Дома словачке културе"}},
		{"sr", "Strane će obnoviti dom kulture u tom selu.", nil, nil},
		// a verb (an infinitive) between a name and a lowercase head is no word of a name
		// in sentence case: the name is the programme's, the head a generic object
		{"sr", "Slovačka strana će u okviru programa razvojne saradnje SlovakAid finansirati projekte jačanja kapaciteta.", nil, []string{"SlovakAid"}},
		{"sr", "Strane će u okviru programa razvojne saradnje Srbije finansirati obuku.", nil, nil},
		{"en", "India will train young diplomats under the programme “Bharat Connect”.", nil, []string{"Bharat Connect"}},
		{"en", "The ministry launched a scholarship program called “Bridges of Knowledge” last year.", nil, []string{"Bridges of Knowledge"}},
		{"en", "The leaders welcomed the Australia-India Solar Taskforce.", []string{"Australia-India Solar Taskforce"}, nil},
		{"en", "The two countries will launch a new Japan-U.S. Economic Policy Consultative Committee meeting.", []string{"Japan-U.S. Economic Policy Consultative Committee"}, nil},
		// a named scholarship is a programme; scholarships with no name are none
		{"en", "Australia will increase the number of Australia Awards scholarships offered to Indonesians.", nil, []string{"Australia Awards scholarships"}},
		{"en", "China will offer more scholarships to Serbian students.", nil, nil},
		// a programme, scheme, credit line or set of projects named by its own
		// name is run by the parties: a project, not an instrument cited; a
		// programme for a period of years is an instrument
		{"en", "India will offer scholarships under the Indian Technical and Economic Cooperation Programme.", nil, []string{"Indian Technical and Economic Cooperation Programme"}},
		{"en", "They agreed to launch the India–Viet Nam Youth Exchange Programme.", nil, []string{"India–Viet Nam Youth Exchange Programme"}},
		{"en", "The Parties shall maintain the Working Holiday Scheme.", nil, []string{"Working Holiday Scheme"}},
		{"en", "They welcomed the progress of the Quick Impact Projects and the USD 500 million Defence Line of Credit.", nil, []string{"Quick Impact Projects", "Defence Line of Credit"}},
		{"en", "They signed the Cultural Exchange Programme for 2024–2027.", nil, nil},
		{"en", "The two sides will expand the Deshima Scholarship Programme for Japanese and Dutch students by 2030.", nil, []string{"Deshima Scholarship Programme"}},
		// a name parted from its lowercase head by lowercase modifiers or a number,
		// after the determiner that opens the phrase; not a body and its verb,
		// nor a party's own name before a generic head
		{"en", "The two sides will study the Lao Cai-Hanoi standard-gauge railway.", nil, []string{"Lao Cai-Hanoi standard-gauge railway"}},
		{"en", "The companies made progress in the Thai Binh 2 thermal power plant.", nil, []string{"Thai Binh 2 thermal power plant"}},
		{"en", "The two sides will promote the Ban Gioc Waterfall cross-border tourism cooperation area.", nil, []string{"Ban Gioc Waterfall cross-border tourism cooperation area"}},
		{"en", "In 2025 the Committee approved power plant construction.", nil, nil},
		{"en", "The two sides will support the Viet Nam energy programme.", nil, nil},
		// a bare name the parties act through is a programme without a head word;
		// with a determiner it is a body, and an office is none
		{"en", "Japan will share satellite imagery through Sentinel Asia during disasters.", nil, []string{"Sentinel Asia"}},
		// an instrument's article after "under" is a part of the instrument cited, no programme
		{"en", "They agreed to cooperate on emissions reduction projects under Article 6 of the Paris Agreement.", nil, nil},
		{"en", "Disputes will be settled under Section 4 of the Agreement.", nil, nil},
		// a complex of industry and a transport route, named, are works; a country's language
		// institutes by their name are facilities, as the Confucius Institute is
		{"en", "The two sides will complete the Atyrau Gas Chemical Complex by 2028.", nil, []string{"Atyrau Gas Chemical Complex"}},
		{"en", "The leaders highlighted the Trans-Caspian International Transport Route for connectivity.", nil, []string{"Trans-Caspian International Transport Route"}},
		{"en", "They will promote the Korean language, including through the King Sejong Institutes in Almaty.", nil, []string{"King Sejong Institutes"}},
		{"en", "This is a complex issue along the route.", nil, nil},
		{"en", "Japan will support the Philippines through the Japan International Cooperation Agency.", nil, nil},
		{"en", "India will act under Prime Minister Modi's leadership.", nil, nil},
		// generic heads, organisations of many states, demonyms
		{"en", "The two sides will set up a joint working group on tourism.", nil, nil},
		{"en", "The Committee will meet twice a year.", nil, nil},
		{"en", "Both sides support the reform of the UN Security Council.", nil, nil},
		{"en", "The Serbian railway network will be modernised.", nil, nil},
		{"en", "The leaders attended the Belt and Road Forum in Beijing.", nil, nil},
		// a diplomatic mission is no mechanism
		{"en", "India welcomed the decision to open a new Deputy High Commission in Bengaluru.", nil, nil},
		{"en", "The United Kingdom will upgrade its High Commission in Nairobi.", nil, nil},
		// Serbian, Latin: a capital opens the name; a complement ends on its noun
		{"sr-Latn", "Strane će održati sednicu Mešovitog komiteta za trgovinu u Beogradu.", []string{"Mešovitog komiteta za trgovinu"}, nil},
		{"sr-Latn", "Međuvladin komitet za naučnu i tehnološku saradnju sastaće se u maju.", []string{"Međuvladin komitet za naučnu i tehnološku saradnju"}, nil},
		// at the sentence's start the capital opens the name over the
		// lowercase adjectives between it and the head, when a complement
		// follows (a possessive adjective in -in is one); a noun first is no
		// part of it
		{"sr-Latn", "Međuvladin mešoviti komitet za manjine sastaće se u Beogradu.", []string{"Međuvladin mešoviti komitet za manjine"}, nil},
		{"sr-Cyrl", "Међувладин мешовити комитет за мањине састаће се у Београду.", []string{"Међувладин мешовити комитет за мањине"}, nil},
		{"sr-Latn", "Zajednička stalna radna grupa za energetiku podnosi izveštaj ministrima.", []string{"Zajednička stalna radna grupa za energetiku"}, nil},
		{"sr-Latn", "Sednica mešovitog komiteta za manjine održaće se u maju.", nil, nil},
		{"sr-Latn", "Dve strane će završiti prugu Subotica–Segedin do 2027. godine.", nil, []string{"prugu Subotica–Segedin"}},
		{"sr-Latn", "Srpska strana pozdravlja otvaranje Industrijskog parka Zrenjanin.", nil, []string{"Industrijskog parka Zrenjanin"}},
		// "i" before a capitalised adjective and a head of its own opens a
		// second name, where between two capitals it stays inside one
		{"sr-Latn", "Strane će podsticati ulaganja u Slobodnu zonu Subotica i Industrijsku zonu Zrenjanin.", nil, []string{"Slobodnu zonu Subotica", "Industrijsku zonu Zrenjanin"}},
		// an expressway is works, named by the towns it joins
		{"sr-Latn", "Strane podstiču učešće kompanija u izgradnji brze saobraćajnice Novi Sad–Ruma.", nil, []string{"brze saobraćajnice Novi Sad–Ruma"}},
		// a programme's name may end with a plus (Erazmus+, Horizon+)
		{"sr-Latn", "Strane će podsticati razmenu studenata u okviru programa Erazmus+ i drugih programa.", nil, []string{"programa Erazmus+"}},
		{"sr-Latn", "Strane će osnovati radnu grupu za turizam.", nil, nil},
		// a number after the head names it; a year or a date does not
		{"sr-Latn", "Strane će modernizovati deonicu Koridora 10 kroz Srbiju.", nil, []string{"Koridora 10"}},
		{"sr-Latn", "Strane će pokrenuti projekat 2026. godine.", nil, nil},
		{"sr-Latn", "Strane će otvoriti centar 15. maja.", nil, nil},
		{"sr-Latn", "Strane će obnoviti Koridor 10.", nil, []string{"Koridor 10"}},
		// an interconnector named by the countries it joins
		{"sr-Latn", "Grčka podržava izgradnju gasnog interkonektora Bugarska–Srbija.", nil, []string{"interkonektora Bugarska–Srbija"}},
		// a complement ends on its last noun; a head of two words
		// capitalised after the first word is a name
		{"sr-Latn", "Strane će nastaviti rad Saveta za strateško partnerstvo.", []string{"Saveta za strateško partnerstvo"}, nil},
		{"sr-Latn", "Strane pozdravljaju osnivanje Zajedničkog komiteta za veštačku inteligenciju.", []string{"Zajedničkog komiteta za veštačku inteligenciju"}, nil},
		{"sr-Latn", "Strane će održati Strateški dijalog u Beogradu.", []string{"Strateški dijalog"}, nil},
		{"sr-Latn", "Strane će održati strateški dijalog u Beogradu.", nil, nil},
		// a complement reads on to the field it is in
		{"sr-Latn", "Strane će iskoristiti potencijal Međuvladinog komiteta za saradnju u oblasti infrastrukture.", []string{"Međuvladinog komiteta za saradnju u oblasti infrastrukture"}, nil},
		{"sr-Latn", "Mešoviti komitet za saradnju u oblasti kojoj je potrebna pomoć sastaće se.", []string{"Mešoviti komitet za saradnju"}, nil},
		// a name in sentence case: a capital one or two words before a
		// lower-case head opens it, and it reads on as a capitalised one
		{"sr-Latn", "Strane će raditi na osnivanju Zajedničkog investicionog fonda Srbije i Azerbejdžana.", nil, []string{"Zajedničkog investicionog fonda Srbije i Azerbejdžana"}},
		{"sr-Latn", "Strane će osnovati zajednički investicioni fond.", nil, nil},
		{"en", "Serbia's railway fund will grow.", nil, nil},
		{"en", "They support the development of a 5 GW solar park in Gujarat.", nil, nil},
		{"sr-Latn", "Strane podržavaju rad profesora Marka Petrovića na projektu.", nil, nil},
		// a project's head (centar, centra, centru…) is no stem of centralna
		{"sr-Latn", "Strane će sarađivati u okviru mehanizma Kina–Centralna Azija.", []string{"mehanizma Kina–Centralna Azija"}, nil},
		{"sr-Latn", "Strane su otvorile Kulturni centar Srbije u Pekingu.", nil, []string{"Kulturni centar Srbije"}},
		{"sr-Latn", "Strane podržavaju reformu Saveta bezbednosti UN.", nil, nil},
		{"sr-Latn", "Modernizacija pruge u Srbiji se nastavlja.", nil, nil},
		// a capitalised demonym inside a Serbian sentence opens a name in
		// sentence case; first in the sentence (after a list's mark) it
		// does not
		{"sr-Latn", "Strane će proširiti Srpsko-kineski industrijski park u Zrenjaninu.", nil, []string{"Srpsko-kineski industrijski park"}},
		{"sr-Latn", "Strane podržavaju Kinesko-emiratski demonstracioni park za saradnju u oblasti energetike.", nil, []string{"Kinesko-emiratski demonstracioni park za saradnju u oblasti energetike"}},
		{"sr-Latn", "Strane će proširiti srpsko-kineski industrijski park.", nil, nil},
		{"sr-Latn", "- Kineska strana podržava program obuke.", nil, nil},
		// a name that opens with a capital inside the sentence: its
		// complement with no closing noun runs to the mark
		{"sr-Latn", "Strane podržavaju izgradnju Stanice za praćenje seizmičke aktivnosti na Balkanu, kao i druge projekte.", nil, []string{"Stanice za praćenje seizmičke aktivnosti na Balkanu"}},
		{"sr-Latn", "Strane će uspostaviti Mešoviti komitet za koordinaciju projekata, koji će se sastajati godišnje.", []string{"Mešoviti komitet za koordinaciju projekata"}, nil},
		{"sr-Latn", "Strane će osnovati centar za obuku kadrova, a zatim i fond.", nil, nil},
		{"sr-Latn", "Mešoviti komitet za koordinaciju projekata sastaće se u maju.", nil, nil},
		// an ordinal names the round of a standing mechanism; a session
		// noun, a date or a year between does not
		{"sr-Latn", "Strane su održale 3. strateški dijalog o bezbednosti u Beogradu.", []string{"strateški dijalog o bezbednosti"}, nil},
		{"sr-Latn", "Kina je bila domaćin 5. strateškog političkog dijaloga na nivou zamenika ministara.", []string{"strateškog političkog dijaloga"}, nil},
		{"sr-Latn", "Strane će održati 2. sednicu komiteta.", nil, nil},
		{"sr-Latn", "Strane će 15. maja pokrenuti dijalog.", nil, nil},
		{"sr-Latn", "Do 2027. godine dijalog će se nastaviti.", nil, nil},
		// a mechanism named by a genitive of two words or more after its
		// head; a round's mechanism takes its genitive too
		{"sr-Latn", "Strane će kroz mehanizam uzajamnih poseta privrednika dve zemlje proširiti saradnju.", []string{"mehanizam uzajamnih poseta privrednika"}, nil},
		{"sr-Latn", "Strane će unaprediti mehanizam redovnih konsultacija ministarstava energetike.", []string{"mehanizam redovnih konsultacija ministarstava energetike"}, nil},
		{"sr-Latn", "Strane su održale 2. strateški dijalog ministara spoljnih poslova u Beogradu.", []string{"strateški dijalog ministara spoljnih poslova"}, nil},
		{"sr-Latn", "Strane će koristiti mehanizme saradnje.", nil, nil},
		{"sr-Latn", "Strane će sarađivati putem mehanizma bilateralnog Mešovitog komiteta.", []string{"Mešovitog komiteta"}, nil},
		// a verb of a da-clause (da se … održi, da … prate) ends the name; a
		// body's secretariat before its name is the body's
		{"sr-Latn", "Dogovoreno je da se Četvrta sednica Mešovitog komiteta održi u Beogradu.", []string{"Mešovitog komiteta"}, nil},
		{"sr-Cyrl", "Договорено је да се Мешовити комитет састане у Београду.", []string{"Мешовити комитет"}, nil},
		{"sr-Latn", "Strane su se saglasile da sekretarijati Mešovitog komiteta prate sprovođenje mera.", []string{"Mešovitog komiteta"}, nil},
		{"sr-Latn", "Strane će razvijati dijalog civilizacija i kultura.", nil, nil},
		// heads in other cases and of several words: a port in the
		// locative, a railway network, freight trains, a cooperation
		// mechanism named by its members
		{"sr-Latn", "Strane će proširiti kontejnerski terminal u luci Bar.", nil, []string{"luci Bar"}},
		{"sr-Latn", "Strane podržavaju proširenje železničke mreže Hafit.", nil, []string{"železničke mreže Hafit"}},
		{"sr-Latn", "Strane će češće koristiti teretne vozove Kina–Evropa.", nil, []string{"teretne vozove Kina–Evropa"}},
		{"sr-Latn", "Teretni vozovi saobraćaju redovno.", nil, nil},
		// a quoted name right after a project's head is its name
		{"sr-Latn", "Strane visoko ocenjuju ulaganja u projekat „Zelena Sava“ i u druge projekte.", nil, []string{"Zelena Sava"}},
		{"en", "The sides praised the project “Clean Danube” and other works.", nil, []string{"Clean Danube"}},
		{"sr-Latn", "Strane će otvoriti Kulturni centar „Ivo Andrić“ u Ankari.", nil, []string{"Kulturni centar „Ivo Andrić“"}},
		// a complement's capitalised owner after it is the name's
		{"sr-Latn", "Strane će kroz Fond za razvoj Kuvajta finansirati nove puteve.", nil, []string{"Fond za razvoj Kuvajta"}},
		{"sr-Latn", "Strane će nastaviti rad Saveta za saradnju Srbije i Grčke.", []string{"Saveta za saradnju Srbije i Grčke"}, nil},
		{"sr-Latn", "Strane će koristiti Mešoviti komitet za trgovinu i Zajednički komitet za nauku.", []string{"Mešoviti komitet za trgovinu", "Zajednički komitet za nauku"}, nil},
		{"sr-Latn", "Strane će koristiti Komitet za saradnju zakonodavnih tela Srbije i Kipra, kao i druge mehanizme.", []string{"Komitet za saradnju zakonodavnih tela Srbije i Kipra"}, nil},
		{"sr-Latn", "Mešoviti komitet za saradnju razmatra predloge Srbije.", []string{"Mešoviti komitet za saradnju"}, nil},
		// heads written as one word with their kind (hidroelektrana,
		// termoelektrana), a stadium
		{"sr-Latn", "Strane podržavaju izgradnju hidroelektrane Buk Bijela i modernizaciju Termoelektrane Nikola Tesla.", nil, []string{"hidroelektrane Buk Bijela", "Termoelektrane Nikola Tesla"}},
		{"sr-Latn", "Strane će finansirati izgradnju Nacionalnog stadiona u Surčinu.", nil, []string{"Nacionalnog stadiona"}},
		{"sr-Latn", "Strane će graditi nove hidroelektrane.", nil, nil},
		// a name said twice in one sentence, in two cases, is one name
		{"sr-Latn", "Strane će koristiti teretne vozove Kina–Evropa, a roba stiže teretnim vozovima Kina–Evropa.", nil, []string{"teretne vozove Kina–Evropa"}},
		{"sr-Latn", "Strane podržavaju prugu Beograd–Bar i prugu Beograd–Niš.", nil, []string{"prugu Beograd–Bar", "prugu Beograd–Niš"}},
		{"sr-Latn", "Strane podržavaju rad Mehanizma saradnje Kine i Afrike.", []string{"Mehanizma saradnje Kine i Afrike"}, nil},
		// Serbian, Cyrillic: the same rules through the Latin keys
		{"sr-Cyrl", "Стране подржавају изградњу Станице за праћење сеизмичке активности на Балкану, као и друге пројекте.", nil, []string{"Станице за праћење сеизмичке активности на Балкану"}},
		{"sr-Cyrl", "Кина је била домаћин 5. стратешког политичког дијалога.", []string{"стратешког политичког дијалога"}, nil},
		{"sr-Cyrl", "Мешовити комитет за привреду одржаће седницу у Нишу.", []string{"Мешовити комитет за привреду"}, nil},
		{"sr-Cyrl", "Стране ће убрзати изградњу пруге Београд–Будимпешта.", nil, []string{"пруге Београд–Будимпешта"}},
		{"sr-Cyrl", "Стране ће основати заједничку радну групу за климатске промене.", nil, nil},
		// a terminal and a gas storage are facilities, named by the place
		// after them; logistics ends a complement as transport does
		{"sr-Latn", "Strane će modernizovati intermodalni terminal Batajnica.", nil, []string{"terminal Batajnica"}},
		{"sr-Latn", "Strane će proširiti kontejnerske terminale.", nil, nil},
		{"sr-Cyrl", "Стране ће проширити подземно складиште гаса Банатски Двор.", nil, []string{"складиште гаса Банатски Двор"}},
		{"sr-Latn", "Strane će graditi nova skladišta gasa.", nil, nil},
		{"sr-Latn", "Strane će osnovati Zajednički komitet za saobraćaj i logistiku.", []string{"Zajednički komitet za saobraćaj i logistiku"}, nil},
		// a transport memorandum: the object after a body's capitalised name is
		// the clause's (u rad Zajedničkog komiteta | predstavnike), a
		// possessive ends a complement (o svom radu), road transport ends one
		// as transport does; the Danube Commission is an organisation of many
		// states; a corridor's numeral is its designation, no owner that "i"
		// pairs with another (Koridora X | i reke Dunav); a railway junction
		// is a work; a quoted name after a programme's head and its genitive
		// (u programu obuke „…“) is the programme's
		{"sr-Latn", "Strane će uključiti u rad Zajedničkog komiteta predstavnike drugih organa.", []string{"Zajedničkog komiteta"}, nil},
		{"sr-Latn", "Komisija će obaveštavati Zajednički komitet o svom radu.", []string{"Zajednički komitet"}, nil},
		{"sr-Latn", "Mešovita komisija za međunarodni drumski prevoz nastaviće da radi.", []string{"Mešovita komisija za međunarodni drumski prevoz"}, nil},
		{"sr-Cyrl", "Стране ће радити у складу са препорукама Дунавске комисије.", nil, nil},
		{"sr-Latn", "Strane su svesne značaja Panevropskog koridora X i reke Dunav.", nil, []string{"Panevropskog koridora X"}},
		{"sr-Latn", "Strane će rekonstruisati železnički čvor Beograd.", nil, []string{"čvor Beograd"}},
		{"sr-Latn", "Strane će omogućiti učešće stručnjaka u programu obuke „Danube Skills“.", nil, []string{"Danube Skills"}},
		// a centre named by what it teaches: a language and studies end its complement
		{"sr-Cyrl", "Стране поздрављају отварање Центра за португалски језик и бразилске студије на Филолошком факултету.", nil, []string{"Центра за португалски језик и бразилске студије"}},
		{"sr-Latn", "Strane će podržati rad Centra za srpski jezik u Sao Paulu.", nil, []string{"Centra za srpski jezik"}},
		// a number after a name's word ends the name (Đerdap 2), as one after the head does
		// (Koridor 10); a day's ordinal does not
		{"sr-Cyrl", "Стране ће ревитализовати Хидроелектрану Ђердап 2 до краја 2028. године.", nil, []string{"Хидроелектрану Ђердап 2"}},
		{"sr-Latn", "Strane će obnoviti Hidroelektranu Đerdap 2.", nil, []string{"Hidroelektranu Đerdap 2"}},
		{"sr-Latn", "Strane će otvoriti Industrijski park Borča 15. maja 2027. godine.", nil, []string{"Industrijski park Borča"}},
		// a works' process that opens the sentence is no part of the works' name; a road's
		// section named by its ends (deonica Požega–Boljare) is a works
		{"sr-Latn", "Izgradnja autoputa Beograd–Južni Jadran predstavlja strateški prioritet obe države.", nil, []string{"autoputa Beograd–Južni Jadran"}},
		{"sr-Cyrl", "Модернизација пруге Београд–Бар представља заједнички приоритет.", nil, []string{"пруге Београд–Бар"}},
		{"sr-Latn", "Strane će uskladiti dinamiku radova na deonici Požega–Boljare.", nil, []string{"deonici Požega–Boljare"}},
		{"sr-Latn", "Strane su razmotrile rad dvanaest radnih grupa Saveta.", []string{"radnih grupa Saveta"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			x := newTestSpaced(t, tt.lang[:2])
			out := x.Extract(tt.text)
			var mechs, projs []string
			for _, s := range out.Sentences {
				mechs = append(mechs, s.Mechanisms...)
				projs = append(projs, s.Projects...)
				for _, c := range append(s.Rationale.Mechanisms, s.Rationale.Projects...) {
					if rs := []rune(s.Text); c.Start < 0 || c.End > len(rs) || string(rs[c.Start:c.End]) != c.Text {
						t.Errorf("span %+v is not in %q", c, s.Text)
					}
				}
			}
			if !slices.Equal(mechs, tt.mechs) || !slices.Equal(projs, tt.projs) {
				t.Errorf("mechanisms %q, projects %q; want %q, %q", mechs, projs, tt.mechs, tt.projs)
			}
		})
	}
}

// TestNamedBefore reads a mechanism that opens a sentence with its
// adjective and head alone as the one the document named before in
// another case: the sentence's capital alone says nothing of a name.
func TestNamedBefore(t *testing.T) {
	x := newTestSpaced(t, "sr")
	const doc = "Memorandum o razumevanju između Vlade Republike Srbije i Vlade Mađarske\n\nČlan 1.\n\n"
	tests := []struct {
		text     string
		sentence string
		want     []string
	}{
		{doc + "Strane obrazuju Mešovitu komisiju za saradnju u oblasti energetike.\n\nMešovita komisija sastajaće se jednom godišnje.\n",
			"Mešovita komisija sastajaće se jednom godišnje.", []string{"Mešovita komisija"}},
		{doc + "Стране образују Мешовиту комисију за сарадњу.\n\nМешовита комисија састајаће се једном годишње.\n",
			"Мешовита комисија састајаће се једном годишње.", []string{"Мешовита комисија"}},
		// a head of two words, and another body named after it in the sentence
		{doc + "Strane obrazuju Zajedničku radnu grupu za poljoprivredu.\n\nZajednička radna grupa podnosiće izveštaje Mešovitom komitetu za saradnju.\n",
			"Zajednička radna grupa podnosiće izveštaje Mešovitom komitetu za saradnju.", []string{"Zajednička radna grupa", "Mešovitom komitetu za saradnju"}},
		// named before with the two countries' compound adjective
		// (Zajedničku srpsko-mađarsku radnu grupu), then without it
		{doc + "Strane obrazuju Zajedničku srpsko-mađarsku radnu grupu za poljoprivredu.\n\nZajednička radna grupa sastaje se jednom godišnje.\n",
			"Zajednička radna grupa sastaje se jednom godišnje.", []string{"Zajednička radna grupa"}},
		{doc + "Стране оснивају Заједничку српско-мађарску радну групу за пољопривреду.\n\nЗаједничка радна група састаје се једном годишње.\n",
			"Заједничка радна група састаје се једном годишње.", []string{"Заједничка радна група"}},
		// the compound opening the name (Srpsko-austrijski zajednički
		// komitet), then the two words after it
		{doc + "Strane obrazuju Srpsko-austrijski zajednički komitet za saobraćaj.\n\nZajednički komitet sastaje se najmanje jednom godišnje.\n",
			"Zajednički komitet sastaje se najmanje jednom godišnje.", []string{"Zajednički komitet"}},
		// mid-sentence, its verb after it is no genitive of its name
		{doc + "Strane obrazuju Zajedničku srpsko-mađarsku radnu grupu za poljoprivredu.\n\nO rezultatima svog rada Zajednička radna grupa obaveštava Mešoviti komitet za saradnju.\n",
			"O rezultatima svog rada Zajednička radna grupa obaveštava Mešoviti komitet za saradnju.", []string{"Zajednička radna grupa", "Mešoviti komitet za saradnju"}},
		// never named before: a generic body
		{doc + "Strane će sarađivati.\n\nRadna grupa sastajaće se jednom godišnje.\n",
			"Radna grupa sastajaće se jednom godišnje.", nil},
		{doc + "Strane obrazuju Mešovitu komisiju za saradnju.\n\nRadna grupa sastajaće se jednom godišnje.\n",
			"Radna grupa sastajaće se jednom godišnje.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.sentence, func(t *testing.T) {
			for _, s := range x.Extract(tc.text).Sentences {
				if s.Text == tc.sentence {
					if !slices.Equal(s.Mechanisms, tc.want) {
						t.Errorf("mechanisms %q, want %q", s.Mechanisms, tc.want)
					}
					return
				}
			}
			t.Fatalf("no sentence %q", tc.sentence)
		})
	}
}

// TestDocumentNamesItself: a plan or programme that names itself by its
// title's opening words (утврдиле су следећи План консултација:, u okviru
// ovog Programa saradnje) is the document, no mechanism or project of its
// parties; a body the same sentence names keeps its name.
func TestDocumentNamesItself(t *testing.T) {
	sr := newTestSpaced(t, "sr")
	for _, c := range []struct {
		text, sentence string
		mechs, projs   []string
	}{
		{"План консултација између Министарства спољних послова Републике Србије и Министарства спољних послова Грузије за 2027. годину\n\n" +
			"Министарство спољних послова Републике Србије и Министарство спољних послова Грузије (у даљем тексту: Стране), утврдиле су следећи План консултација:\n\n" +
			"Члан 1.\n\nСтране ће одржавати консултације.\n",
			"Министарство спољних послова Републике Србије и Министарство спољних послова Грузије (у даљем тексту: Стране), утврдиле су следећи План консултација:", nil, nil},
		{"Program saradnje između Ministarstva kulture Republike Srbije i Ministarstva kulture Gruzije za period 2027–2029. godine\n\n" +
			"Član 1.\n\nU okviru ovog Programa saradnje Strane će održati Dane kulture.\n\nČlan 2.\n\nRadi sprovođenja Programa saradnje Strane obrazuju Mešovitu komisiju za kulturu.\n",
			"Radi sprovođenja Programa saradnje Strane obrazuju Mešovitu komisiju za kulturu.", []string{"Mešovitu komisiju za kulturu"}, nil},
		// another plan of consultations than the document's own is named
		{"Memorandum o razumevanju između Ministarstva spoljnih poslova Republike Srbije i Ministarstva spoljnih poslova Gruzije\n\n" +
			"Član 1.\n\nStrane će redovno održavati Političke konsultacije Srbije i Gruzije.\n",
			"Strane će redovno održavati Političke konsultacije Srbije i Gruzije.", []string{"Političke konsultacije Srbije i Gruzije"}, nil},
	} {
		got := sr.Extract(c.text)
		found := false
		for _, s := range got.Sentences {
			if s.Text != c.sentence {
				if strings.Contains(s.Text, "Program") && len(s.Projects)+len(s.Mechanisms) > 0 {
					t.Errorf("%q: the document read as %v %v", s.Text, s.Mechanisms, s.Projects)
				}
				continue
			}
			found = true
			if !slices.Equal(s.Mechanisms, c.mechs) && len(s.Mechanisms)+len(c.mechs) > 0 {
				t.Errorf("%q: mechanisms %v, want %v", s.Text, s.Mechanisms, c.mechs)
			}
			if !slices.Equal(s.Projects, c.projs) && len(s.Projects)+len(c.projs) > 0 {
				t.Errorf("%q: projects %v, want %v", s.Text, s.Projects, c.projs)
			}
		}
		if !found {
			t.Errorf("no sentence %q in %v", c.sentence, got.Sentences)
		}
	}
}
