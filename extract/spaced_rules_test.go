package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente"
)

// TestSpacedRules checks each rule of the spaced-language reader on
// sentences in our own wording, one construction per row.
func TestSpacedRules(t *testing.T) {
	parties := []string{"CN", "RS"}
	tests := []struct {
		lang, text, typ, strength string
		actors                    []string
		cue                       string // the type cue's text
		deadline                  string
	}{
		// modals and strength
		{"en", "The two sides will deepen cooperation in agriculture.", "commitment", "firm", parties, "will", ""},
		{"en", "Both sides shall exchange information on a regular basis.", "commitment", "firm", parties, "shall", ""},
		{"en", "The two sides intend to open a consulate in Shanghai.", "commitment", "intent", parties, "intend to", ""},
		{"en", "The two sides will endeavour to conclude the talks.", "commitment", "intent", parties, "will endeavour to", ""},
		// a verb of striving or willingness takes da + the striver's own act: a
		// party named right after da is its object (srpskoj strani), not the
		// subject of a thing agreed, as "agreed that Serbia…" would be
		{"sr", "Kineska strana nastojaće da srpskoj strani blagovremeno dostavlja analize rizika.", "commitment", "intent", []string{"CN"}, "nastojaće", "blagovremeno"},
		{"sr", "Кинеска страна је спремна да српској страни уступи простор за изложбу.", "commitment", "intent", []string{"CN"}, "спремна", ""},
		{"en", "Both countries are ready to expand tourism.", "commitment", "intent", parties, "are ready to", ""},
		{"en", "The two sides encourage their companies to invest in each other's markets.", "commitment", "soft", parties, "encourage", ""},
		// encouraged (鼓励) in the past tense still undertakes softly, and carries a welcome with it
		{"en", "The two sides encouraged their businesses to invest in each other's markets.", "commitment", "soft", parties, "encouraged", ""},
		{"en", "The two sides welcomed and encouraged exchanges between universities.", "commitment", "soft", parties, "encouraged", ""},
		{"en", "The leaders were encouraged by the progress of the talks.", "appraisal", "", parties, "were encouraged by", ""},
		// one party that announces or reaffirms that it will act undertakes
		{"en", "Serbia announced that it will establish a consulate in Shanghai.", "commitment", "firm", []string{"RS"}, "will", ""},
		// a clause opened by whereby has its own subject and undertaking
		{"en", "China and Serbia signed an agreement whereby Serbia will open a consulate in Shanghai.", "commitment", "firm", []string{"RS"}, "will", ""},
		// a result joined by "so" is a clause of its own, also after a phrase of time
		// or place; "so that" is a purpose, no clause
		{"en", "Customs checks must be fast, so over the visit China committed to open a new border crossing.", "commitment", "firm", []string{"CN"}, "committed to", ""},
		{"en", "Trade rules must be clear, so Serbia pledged to publish its tariffs online.", "commitment", "firm", []string{"RS"}, "pledged to", ""},
		{"en", "Investors should be informed early, so that companies can plan ahead.", "position", "", parties, "should", ""},
		// a verb that renews or reinforces a commitment: what the commitment is to decides
		{"en", "The two sides renew their commitment to multilateralism.", "position", "", parties, "commitment to", ""},
		{"en", "The two sides reinforce their shared commitment to expand rail freight.", "commitment", "firm", parties, "commitment to", ""},
		// an -ing word before its noun qualifies it; before a determiner it is the action
		{"en", "The two sides renew their commitment to emerging economies in the region.", "position", "", parties, "commitment to", ""},
		{"en", "The two sides are committed to leading the regional effort on clean water.", "commitment", "firm", parties, "are committed to", ""},
		// a shared commitment reads as committed to; "at the earliest" is urgent
		{"en", "The two leaders shared their commitment to working closely in multilateral fora.", "commitment", "firm", parties, "shared their commitment to", ""},
		{"en", "The leaders shared their commitment to the Paris Agreement.", "position", "", parties, "shared their commitment to", ""},
		{"en", "Both Prime Ministers directed officials to finalise the agreement at the earliest.", "commitment", "firm", parties, "directed officials", "at the earliest"},
		// what a party announces it gives or sets up, it undertakes
		{"en", "Serbia announced 100 million euros to support clean energy in the region.", "commitment", "firm", []string{"RS"}, "announced", ""},
		{"en", "China reaffirmed that it will contribute to the fund.", "commitment", "firm", []string{"CN"}, "will", ""},
		{"en", "Serbia noted that it will be difficult to meet the target.", "position", "", []string{"RS"}, "noted that", ""},
		// committed to + a degree (more than, at least) before the action's gerund is an action
		{"en", "The leaders committed to more than doubling bilateral trade by 2030.", "commitment", "firm", parties, "committed to", "by 2030"},
		{"en", "The two sides committed to at least tripling the number of flights.", "commitment", "firm", parties, "committed to", ""},
		// reaffirmed that + an instrument or a framework as the subject of will: what it will do is a view, not an undertaking
		{"en", "President Vucic and Premier Li reaffirmed that the Framework for the China–Serbia Defense Partnership, signed in Belgrade in 2025, will guide their defense cooperation over the next ten years.", "position", "", parties, "reaffirmed that", ""},
		// a list of the parties' verbs after commas still undertakes
		{"en", "The leaders welcomed the Framework, signed in Belgrade in 2025, and will review it every year.", "commitment", "firm", parties, "will", ""},
		// committed to: an action, or a goal
		{"en", "The leaders committed to working together on climate.", "commitment", "firm", parties, "committed to", ""},
		{"en", "Serbia is committed to the principles of the UN Charter.", "position", "", []string{"RS"}, "is committed to", ""},
		{"en", "We commit to expanding cooperation on critical minerals.", "commitment", "firm", parties, "commit to", ""},
		{"en", "Serbia commits to hosting the next meeting of the Committee.", "commitment", "firm", []string{"RS"}, "commits to", ""},
		{"en", "China commits to the principles of the UN Charter.", "position", "", []string{"CN"}, "commits to", ""},
		// committed to + a noun of their own act with "of" (early finalisation of,
		// the conclusion of) is the deed, firm; a goal's noun stays a position
		{"en", "Ministers committed to early finalisation of an Economic Cooperation Treaty.", "commitment", "firm", parties, "committed to", ""},
		{"en", "The two sides are committed to the early conclusion of the negotiations on a trade agreement.", "commitment", "firm", parties, "are committed to", ""},
		{"en", "Serbia is committed to the conclusions of the Council.", "position", "", []string{"RS"}, "is committed to", ""},
		// the forum that met speaks for the parties' ministers together
		{"en", "The Forum emphasised the importance of the bilateral relationship.", "position", "", parties, "emphasised", ""},
		// a that-clause about a thing ends where the parties' own verb comes back:
		// a verb only a party does, or a modal after ", and"
		{"en", "The two sides believe that close political dialogue is of great significance for relations, and agreed to continue to maintain close exchanges.", "commitment", "firm", parties, "agreed to", ""},
		{"en", "The two sides believe that law enforcement cooperation is of great significance, and will continue to promote cooperation against fraud.", "commitment", "firm", parties, "will continue to", ""},
		{"en", "The two sides stressed that deepening relations is their shared aspiration and will contribute to peace.", "position", "", parties, "stressed that", ""},
		{"en", "The two sides believe that the railway project is of great significance for connectivity, and opens up new prospects for trade.", "position", "", parties, "believe that", ""},
		{"en", "The two sides agreed that artificial intelligence should follow the principle of security, bridge the divide, and explore a governance framework.", "position", "", parties, "agreed that", ""},
		{"sr", "Dve strane smatraju da je politički dijalog od velikog značaja za odnose i dogovorile su se da nastave da održavaju bliske kontakte.", "commitment", "firm", parties, "dogovorile su se", ""},
		// a modal after a comma, in a list of the subject's verbs
		{"en", "The two sides stressed the importance of deepening cooperation in science, will actively promote joint research, and welcomed the signing of the memorandum.", "commitment", "firm", parties, "will", ""},
		{"sr", "Dve strane ističu značaj produbljivanja saradnje u nauci, aktivno će podsticati zajednička istraživanja i pozdravljaju potpisivanje memoranduma.", "commitment", "firm", parties, "će", ""},
		// an action after "and" and an adverb, or after ", and": the subject's verb
		{"en", "They welcome the signing of the memorandum, and actively promote the implementation of cooperation projects.", "commitment", "soft", parties, "promote", ""},
		{"en", "The two sides welcomed the visit and exchanges between universities.", "appraisal", "", parties, "welcomed", ""},
		// the translations' appraisals: spoke highly of, glad to see, wishes success
		{"en", "The Serbian side speaks highly of the historic achievements of China in the new era.", "appraisal", "", []string{"RS"}, "speaks highly of", ""},
		{"en", "The Chinese side is glad to see Serbia advance its development plans on schedule.", "appraisal", "", []string{"CN"}, "is glad to see", ""},
		{"en", "The two sides exchanged views on the outcomes achieved and believe that these outcomes have further strengthened the friendship between the two peoples.", "appraisal", "", parties, "believe that", ""},
		{"en", "The Chinese side understands Serbia's efforts to join the European Union.", "position", "", []string{"CN"}, "understands", ""},
		// thanks that accept an invitation close the visit
		{"en", "President Vučić expressed his thanks and gladly accepted the invitation.", "narrative", "", nil, "thanks", ""},
		// a courtesy call on a head of state is a fact of the visit; a call on others to act a position
		{"en", "Prime Minister Brnabić called on the President of China, H.E. Xi Jinping, and held talks with Premier Li.", "narrative", "", nil, "called on the President", ""},
		{"en", "The two sides called on the international community to support the peace process.", "position", "", parties, "called on", ""},
		// willingness split from its "to" by a phrase between commas
		{"en", "The two sides are willing, through the Joint Economic and Trade Committee, to continue supporting the trade partnership.", "commitment", "intent", parties, "are willing", ""},
		// a verb only the parties do returns from a da-clause about a thing
		{"sr", "Dve strane osudile su terorizam, naglasile da ova zla ne treba povezivati ni sa jednom religijom i izrazile spremnost da dodatno jačaju saradnju.", "commitment", "intent", parties, "izrazile spremnost", ""},
		{"en", "The two sides have made remarkable progress in energy cooperation.", "appraisal", "", parties, "have made remarkable progress", ""},
		// a cited title's "signed" is no verb of the sentence
		{"sr", "Strane, pozivajući se na „Deklaraciju o strateškom partnerstvu“, potpisanu u Bakuu 2013. godine, potvrdile su zajedničke interese.", "position", "", parties, "potvrdile", ""},
		{"en", "The Parties, recalling the “Declaration on Strategic Partnership”, signed in Baku in 2013, reaffirmed their shared interests.", "position", "", parties, "reaffirmed", ""},
		// a time that counts over an urgency before it
		{"en", "The two sides will bring the agreement into force at the earliest, and in any case within 12 months.", "commitment", "firm", parties, "will", "within 12 months"},
		{"en", "The two sides will conclude the talks as soon as possible.", "commitment", "firm", parties, "will", "as soon as possible"},
		// an instrument's "in good time" is its urgency, as "in a timely manner" (sr blagovremeno)
		{"en", "The Sides will inform each other in good time of any difficulties in the implementation.", "commitment", "firm", parties, "will", "in good time"},
		// a near time in units to come, no number given
		{"en", "The two sides will open the new consulates in the coming months.", "commitment", "firm", parties, "will", "in the coming months"},
		// a deadline by the project's own schedule
		{"en", "The two sides will continue their efforts to ensure that the section is completed on schedule.", "commitment", "firm", parties, "will", "on schedule"},
		{"sr", "Dve strane će nastaviti da ulažu napore kako bi izgradnja deonice bila završena u predviđenom roku.", "commitment", "firm", parties, "će", "u predviđenom roku"},
		// Serbian translations of the genre's formulas
		{"sr", "Srpska strana ponavlja da je razvoj odnosa sa Kinom jedan od stubova spoljne politike.", "position", "", []string{"RS"}, "ponavlja", ""},
		{"sr", "Zainteresovane strane treba da postignu uzajamno prihvatljivo rešenje.", "position", "", parties, "treba da", ""},
		{"sr", "Osnivanje Zajednice srpskih opština mora biti sprovedeno.", "position", "", parties, "mora biti", ""},
		// a country that owns the subject's noun (genitive) is not its subject:
		// the view is the parties'; a body of one country speaks for it
		{"sr", "Suverenitet i teritorijalni integritet Republike Srbije moraju biti poštovani.", "position", "", parties, "moraju biti", ""},
		// an interest the parties share (zajednički interes za) names what they
		// have in common, a view; the interest one expresses is willingness
		{"sr", "Predsednici su potvrdili zajednički interes za produbljivanje saradnje.", "position", "", parties, "potvrdili", ""},
		{"sr", "Стране потврђују заједничке интересе за јачање партнерства.", "position", "", parties, "потврђују", ""},
		{"sr", "Strane su izrazile interes za produbljivanje saradnje.", "commitment", "intent", parties, "interes za", ""},
		{"sr", "Суверенитет Републике Србије мора бити поштован.", "position", "", parties, "мора бити", ""},
		{"sr", "Vlada Srbije mora da obezbedi sredstva.", "position", "", []string{"RS"}, "mora da", ""},
		{"sr", "Srbija mora da ispuni uslove.", "position", "", []string{"RS"}, "mora da", ""},
		{"sr", "Kineska strana razume napore Srbije da se pridruži Evropskoj uniji.", "position", "", []string{"CN"}, "razume", ""},
		{"sr", "Dve strane smatraju da su plodotvorni razgovori dvojice šefova država od velikog značaja.", "appraisal", "", parties, "smatraju", ""},
		{"sr", "Predsednik Vučić se zahvalio i sa zadovoljstvom prihvatio poziv.", "narrative", "", nil, "zahvalio", ""},
		// an invitation accepted with pleasure, in the passive, is the visit's fact
		{"sr", "Predsednik Vučić uputio je poziv predsedniku El Sisiju da poseti Srbiju, što je prihvaćeno sa zadovoljstvom.", "narrative", "", nil, "je prihvaćeno sa zadovoljstvom", ""},
		// a participle that opens the sentence, with a relative clause of its own
		{"sr", "Koristeći priliku koju pruža ulazak saradnje u novu fazu, dve strane će zajedno sprovoditi rezultate foruma.", "commitment", "firm", parties, "će", ""},
		{"en", "Taking the opportunity that the new stage provides, the two sides will jointly implement the outcomes of the forum.", "commitment", "firm", parties, "will", ""},
		// an adverb that is also a determiner before a past form: the verb
		{"en", "The two sides further agreed to launch a dialogue on mining.", "commitment", "firm", parties, "agreed to", ""},
		{"en", "They both agreed to open consulates.", "commitment", "firm", parties, "agreed to", ""},
		{"en", "The two sides further welcome the progress of the talks.", "appraisal", "", parties, "welcome", ""},
		{"en", "Serbia further commits to hosting the forum.", "commitment", "firm", []string{"RS"}, "commits to", ""},
		{"en", "The leaders welcomed further progress of the talks.", "appraisal", "", parties, "welcomed", ""},
		// the record's impersonal passive: the parties agreed
		{"en", "It was agreed to establish a working group on mining.", "commitment", "firm", parties, "agreed to", ""},
		{"en", "It was further agreed to hold the next meeting in Belgrade.", "commitment", "firm", parties, "agreed to", ""},
		// what will be held in the content of the agreement (the next meeting, its body's meeting)
		// is the parties' undertaking, as Serbian's "dogovoreno je da će se … održati" is
		{"en", "It was agreed that the next meeting will be held in Belgrade.", "commitment", "firm", parties, "held", ""},
		{"en", "The two sides agreed that the next meeting of the Joint Commission will be held in Hanoi in 2025.", "commitment", "firm", parties, "held", "in 2025"},
		// a month or a day that ends the undertaking is its time, as a year is (as Serbian's
		// full date is); after "signed" it dates another thing
		{"en", "The two sides agreed that the next session of the Joint Commission will be held in Rabat in April 2027.", "commitment", "firm", parties, "held", "in April 2027"},
		{"en", "The two sides agreed that the next session of the Joint Commission will be held in Rabat on 14 April 2027.", "commitment", "firm", parties, "held", "on 14 April 2027"},
		{"en", "The two ministers will meet again in Belgrade on 14 and 15 April 2027.", "commitment", "firm", parties, "will", "on 14 and 15 April 2027"},
		{"en", "The Parties will hold the first meeting of the Working Group on April 14, 2027.", "commitment", "firm", parties, "will", "on April 14, 2027"},
		{"en", "The two sides will implement the Agreement signed on 14 April 2019.", "commitment", "firm", parties, "will", ""},
		{"en", "The two sides agreed that the first meeting of the Joint Working Group will take place in Hanoi.", "commitment", "firm", parties, "will", ""},
		{"en", "The leaders agreed that the new railway will be built by 2027.", "position", "", parties, "agreed that", ""},
		// a party's own agency, named after its adjective, undertakes for that party
		// alone; with no party's adjective a named thing's "will" stays a forecast
		{"en", "Serbian Railways will invest up to 100 million euros in new trains.", "commitment", "firm", []string{"RS"}, "will", ""},
		{"en", "The Chinese Cultural Centre will open a branch in Novi Sad in 2026.", "commitment", "firm", []string{"CN"}, "will", "in 2026"},
		{"en", "The Ministry of Finance of the Republic of Serbia will hold the first meeting in 2026.", "commitment", "firm", []string{"RS"}, "will", "in 2026"},
		// a ministry whose title lists its fields with commas still owns its country
		{"en", "The Ministry of Economy, Trade and Industry of the People's Republic of China will provide technical assistance.", "commitment", "firm", []string{"CN"}, "will", ""},
		{"en", "The Ministry of Economy, Trade and Industry of China and the Ministry of Mining of Serbia will hold an annual dialogue.", "commitment", "firm", parties, "will", ""},
		{"en", "The Trade of Serbia will grow.", "appraisal", "", parties, "will", ""},
		{"en", "Cooperation between the Ministry of Interior of the Republic of Serbia and the police will grow.", "appraisal", "", parties, "will", ""},
		{"en", "The Belgrade Metro will carry 200,000 passengers a day.", "appraisal", "", parties, "will", ""},
		// an ordinal or "next" before the body's name counts its meetings: the body at work
		{"en", "The Ministers agreed that the fourth Strategic Dialogue will be held in Doha in 2027.", "commitment", "firm", parties, "held", "in 2027"},
		{"en", "The two sides agreed that the next Joint Commission will be held in Belgrade.", "commitment", "firm", parties, "held", ""},
		// the parties' names or a count of ministers (2+2) inside the body's name keep it the body
		{"en", "The Ministers agreed that the fourth China–Serbia Strategic Dialogue will be held in Belgrade in 2027.", "commitment", "firm", parties, "held", "in 2027"},
		{"en", "The Ministers agreed that the fourth 2+2 Ministerial Dialogue will be held in Belgrade in 2027.", "commitment", "firm", parties, "held", "in 2027"},
		{"en", "The Ministers agreed that the next China–Serbia 2+2 Ministerial Dialogue will be held in Beijing in the second half of 2027.", "commitment", "firm", parties, "held", "in the second half of 2027"},
		{"en", "The Ministers agreed that the fifth China–Serbia \"2+2\" will be held in Belgrade in 2028.", "commitment", "firm", parties, "held", "in 2028"},
		{"en", "The Ministers agreed that the fifth China–Serbia 2+2 will be held in Belgrade in 2028.", "commitment", "firm", parties, "held", "in 2028"},
		// a meeting of the parties' jointly named body (of the China–Serbia …) is that body at work,
		// a comma inside the name's list of fields included
		{"en", "The two sides agreed that the eighteenth meeting of the China–Serbia Intergovernmental Committee will be held in Belgrade in 2027.", "commitment", "firm", parties, "held", "in 2027"},
		{"en", "They agreed that the next session of the China–Serbia Committee on Economic, Scientific and Technical Cooperation will be held in Beijing in the second half of 2027.", "commitment", "firm", parties, "held", "in the second half of 2027"},
		{"en", "The two sides agreed that the China–Serbia Committee on Economic, Scientific and Technical Cooperation will be held in Belgrade in 2027.", "commitment", "firm", parties, "held", "in 2027"},
		// a party's own body (Serbia's) is no joint body: what it holds is not the parties' undertaking
		{"en", "The leaders agreed that the Serbian Railways Forum will be held in Belgrade in 2027.", "position", "", parties, "agreed that", ""},
		// a year that ends an undertaking is the time it is set for; after a narrative verb, a past date
		{"en", "Serbia will host the next forum in 2026.", "commitment", "firm", []string{"RS"}, "will", "in 2026"},
		// a phrase of manner after that year (with a programme of…, through…) says how, not another time
		{"en", "Leaders agreed to mark the 55th anniversary of diplomatic relations in 2028 with a programme of cultural activities in both countries.", "commitment", "firm", parties, "agreed to", "in 2028"},
		{"en", "The two sides will celebrate the anniversary in 2026 through joint events.", "commitment", "firm", parties, "will", "in 2026"},
		{"en", "They agreed to implement the agreement signed in 2019 with full commitment.", "commitment", "firm", parties, "agreed to", ""},
		{"en", "The leaders welcomed the growth of trade in 2025 with satisfaction.", "appraisal", "", parties, "welcomed", ""},
		{"en", "They agreed to implement the agreement signed in 2019.", "commitment", "firm", parties, "agreed to", ""},
		// "concurred" as "agreed": to act, an undertaking; that or on, a view
		{"en", "The two leaders concurred to enhance cooperation on infrastructure development.", "commitment", "firm", parties, "concurred to", ""},
		{"en", "The two leaders concurred on the importance of the rule of law.", "position", "", parties, "concurred on", ""},
		{"en", "The two leaders concurred that both sides will hold the dialogue in 2026.", "commitment", "firm", parties, "will", "in 2026"},
		// a coordinated commitment to a goal is a view, which outranks the welcome before it;
		// a commitment named in the welcome's object is what is welcomed
		{"en", "Both leaders welcomed the partnership and committed to its implementation.", "position", "", parties, "committed to", ""},
		{"en", "Both leaders welcomed the commitment to the Paris Agreement.", "appraisal", "", parties, "welcomed", ""},
		// an offer to act is the party's willingness: intent
		{"en", "Serbia offered to host the first meeting of the Joint Committee in 2025.", "commitment", "intent", []string{"RS"}, "offered to", "in 2025"},
		// a target the parties set is their decision
		{"en", "The two Prime Ministers noted that bilateral trade had reached USD 15 billion and set a target of USD 20 billion by 2030.", "commitment", "firm", parties, "set a target", "by 2030"},
		{"en", "It will benefit both peoples.", "appraisal", "", parties, "will", ""},
		{"sr", "Dogovoreno je da će se sledeći sastanak održati u Beogradu.", "commitment", "firm", parties, "dogovoreno je", ""},
		{"sr", "Одлучено је да се оснује радна група за рударство.", "commitment", "firm", parties, "Одлучено је", ""},
		// a translation's "commit to" + an adverb and a bare verb of the parties' doing
		{"en", "Both sides commit to further enrich bilateral relations.", "commitment", "firm", parties, "commit to", ""},
		{"en", "The leaders committed to support Serbia's implementation of the energy plan.", "commitment", "firm", parties, "committed to", ""},
		// the undertaking clause decides, and its actor
		{"en", "The Serbian side thanked China for its support, and the two sides will deepen cooperation.", "commitment", "firm", parties, "will", ""},
		{"en", "Serbia will work with China to build the railway.", "commitment", "firm", []string{"RS"}, "will", ""},
		{"en", "The President of the Republic of Serbia will visit China next year.", "commitment", "firm", []string{"RS"}, "will", ""},
		// a welcome of a visitor to a place tells the visit; of the visit, appraises it
		{"en", "President Biden welcomed Prime Minister Kishida Fumio to Washington for an Official Visit.", "narrative", "", nil, "welcomed Prime Minister Kishida Fumio to", ""},
		{"en", "Today, President Joseph R. Biden Jr. welcomed President Ferdinand R. Marcos Jr. to the White House.", "narrative", "", nil, "welcomed President Ferdinand R. Marcos Jr. to", ""},
		{"en", "The President welcomed His Majesty King Abdullah II to the White House.", "narrative", "", nil, "welcomed His Majesty King Abdullah II to", ""},
		{"en", "The President of the Republic of Serbia, H.E. Aleksandar Vučić, welcomed the Premier of China, H.E. Li Qiang, to Belgrade.", "narrative", "", nil, "welcomed the Premier of China, H.E. Li Qiang, to", ""},
		{"en", "The Serbian side welcomed President Xi's state visit to Serbia.", "appraisal", "", []string{"RS"}, "welcomed", ""},
		{"en", "The two sides welcomed President Xi's proposal to the summit.", "appraisal", "", parties, "welcomed", ""},
		// another's decision welcomed: the welcomer appraises it, and undertakes nothing
		{"en", "Serbia welcomed China's decision to open a consulate in Niš.", "appraisal", "", []string{"RS"}, "welcomed", ""},
		{"en", "The Serbian side appreciated the Chinese side’s decision to host the forum.", "appraisal", "", []string{"RS"}, "appreciated", ""},
		{"en", "China welcomed the decision of Serbia to join the initiative.", "appraisal", "", []string{"CN"}, "welcomed", ""},
		{"en", "The two sides welcomed their decision to open direct flights.", "commitment", "firm", parties, "decision to", ""},
		{"en", "Serbia welcomed the company's decision to invest in Niš.", "appraisal", "", []string{"RS"}, "welcomed", ""},
		{"en", "The Serbian side welcomed the Government's decision to build the bridge.", "commitment", "firm", []string{"RS"}, "decision to", ""},
		// an instrument's entry into force is a formula of it, as 本谅解备忘录自签署之日起生效
		{"en", "This Memorandum of Understanding shall enter into force on the date of its signature.", "narrative", "", nil, "shall enter into force", ""},
		{"sr", "Ovaj memorandum stupa na snagu danom potpisivanja i ostaje na snazi pet godina.", "narrative", "", nil, "stupa na snagu", ""},
		{"en", "The Parties will work to ensure that the Agreement enters into force soon.", "commitment", "firm", parties, "will", ""},
		// views, appraisals, predictions
		{"en", "The two countries have a shared interest in a stable Indo-Pacific.", "position", "", parties, "have a shared interest", ""},
		{"en", "The Serbian side raised its concerns about the trade imbalance.", "position", "", []string{"RS"}, "raised its concerns", ""},
		{"en", "The leaders noted with concern the rise of terrorism.", "position", "", parties, "noted with concern", ""},
		{"en", "The two sides noted with satisfaction the growth of trade.", "appraisal", "", parties, "noted", ""},
		{"en", "The two sides noted that trade between China and Serbia will grow.", "position", "", parties, "noted that", ""},
		{"en", "The two leaders instructed their ministers to prepare a plan on energy.", "commitment", "firm", parties, "instructed their", ""},
		{"sr", "Predsednici su zadužili ministre da pripreme plan saradnje.", "commitment", "firm", parties, "zadužili", ""},
		{"en", "Recognizing the challenges they face, China and Serbia decided to open a joint laboratory.", "commitment", "firm", parties, "decided to", ""},
		{"en", "The leaders stressed that closer ties are in the interest of both peoples and will contribute to peace.", "position", "", parties, "stressed that", ""},
		{"en", "The two sides agreed that they will hold the next meeting in Belgrade and will invite experts.", "commitment", "firm", parties, "will", ""},
		{"en", "The two sides oppose protectionism.", "position", "", parties, "oppose", ""},
		{"en", "The two sides call on the international community to provide assistance.", "position", "", parties, "call on", ""},
		{"en", "The two sides stressed that they will jointly build the corridor.", "commitment", "firm", parties, "will", ""},
		{"en", "The two sides welcomed the signing of the agreement on visas.", "appraisal", "", parties, "welcomed", ""},
		{"en", "The new railway will create thousands of jobs.", "appraisal", "", parties, "will", ""},
		{"en", "The two sides support each other's efforts to develop.", "position", "", parties, "support", ""},
		{"en", "The two sides support expanding cooperation in health.", "commitment", "soft", parties, "support", ""},
		{"en", "Both sides look forward to holding the next round of talks.", "commitment", "intent", parties, "look forward to", ""},
		{"en", "Both sides look forward to the next summit.", "appraisal", "", parties, "look forward to", ""},
		{"en", "President Vučić thanked President Xi for the warm hospitality.", "narrative", "", nil, "thanked", ""},
		// each party, a bare plural of the delegations, and the parties' joint
		// body stand for the parties
		{"en", "Each Party shall bear its own costs.", "commitment", "firm", parties, "shall", ""},
		{"en", "Leaders agreed to upgrade their relationship.", "commitment", "firm", parties, "agreed to", ""},
		{"en", "The Joint Working Group shall meet at least once a year.", "commitment", "firm", parties, "shall", ""},
		{"en", "The Committee on Trade will report to the ministers.", "commitment", "firm", parties, "will", ""},
		{"en", "The UN Security Council will vote next week.", "appraisal", "", parties, "will", ""},
		{"en", "The implementation of the Joint Committee's plan will create jobs.", "appraisal", "", parties, "will", ""},
		{"sr", "Mešoviti komitet za trgovinu sastajaće se jednom godišnje.", "commitment", "firm", parties, "sastajaće", ""},
		{"sr", "Svaka strana će snositi sopstvene troškove.", "commitment", "firm", parties, "će", ""},
		// an office named with no country thanks or welcomes the other party
		{"en", "President Wang thanked Serbia for its support.", "appraisal", "", []string{"CN"}, "thanked", ""},
		{"en", "Prime Minister Petrović welcomed China's decision to open a consulate.", "appraisal", "", []string{"RS"}, "welcomed", ""},
		{"en", "President Wang welcomed President Novak's visit to China.", "appraisal", "", parties, "welcomed", ""},
		{"sr", "Predsednik Petrović zahvalio je Kini na podršci.", "appraisal", "", []string{"RS"}, "zahvalio", ""},
		// a copula with thanks or an appraisal after it: the word it joins decides
		{"en", "The Serbian side is grateful to the Chinese side for its help in fighting floods.", "appraisal", "", []string{"RS"}, "grateful", ""},
		{"en", "The Chinese side is deeply grateful for the warm hospitality.", "narrative", "", nil, "grateful", ""},
		{"sr", "Srpska strana je zahvalna kineskoj strani na pomoći tokom poplava.", "appraisal", "", []string{"RS"}, "zahvalna", ""},
		{"sr", "Обе стране су захвалне на помоћи.", "appraisal", "", parties, "захвалне", ""},
		{"en", "The two Presidents held talks in Belgrade.", "narrative", "", nil, "held talks", ""},
		{"en", "The two sides believe that the visit was a complete success.", "appraisal", "", parties, "believe that", ""},
		{"en", "The two sides believe that the UN should play a central role.", "position", "", parties, "believe that", ""},
		// a view of the occasion itself, or of what others have achieved, evaluates
		{"en", "The two sides believe that this visit is of far-reaching significance for their relations.", "appraisal", "", parties, "believe that", ""},
		{"en", "The two sides noted that the companies have made remarkable progress in the industrial park.", "appraisal", "", parties, "noted that", ""},
		{"en", "The two sides believe that dialogue is of great significance.", "position", "", parties, "believe that", ""},
		// others' achievement evaluated in the document's own voice; another's welcome is a fact
		{"en", "The enterprises of the two countries have made remarkable progress in the industrial park.", "appraisal", "", parties, "have made remarkable progress", ""},
		{"en", "The two sides believe that the meeting mechanism is important.", "position", "", parties, "believe that", ""},
		{"en", "The President expressed his sincere gratitude for the warm and friendly reception.", "narrative", "", nil, "gratitude", ""},
		// the courtesy that closes a visit: appreciation for the invitation is
		// a formula, as thanks for the hospitality is; for another's deed it appraises
		{"en", "President Xi Jinping expressed his appreciation for the invitation.", "narrative", "", nil, "appreciation", ""},
		{"en", "The Chinese side expressed its appreciation for Serbia's support.", "appraisal", "", []string{"CN"}, "appreciation", ""},
		// a relationship said to have become a model is evaluated: what was done
		{"en", "The two sides agreed that China-Serbia relations have become a model of friendly cooperation.", "appraisal", "", parties, "agreed that", ""},
		{"en", "The two sides agreed that the railway has set an example of connectivity in the region.", "appraisal", "", parties, "agreed that", ""},
		// the translated 年内: within this year
		{"en", "The two sides agreed to hold the first meeting of the Joint Committee within this year.", "commitment", "firm", parties, "agreed to", "within this year"},
		// the statement's own year, for a step still to come
		{"en", "The two sides plan to hold a meeting of the Trade Council in Ulaanbaatar later this year.", "commitment", "intent", parties, "plan to", "later this year"},
		{"en", "The two sides plan to invest an initial $12 million into the programme this year to support reforms.", "commitment", "intent", parties, "plan to", "this year"},
		// deadlines
		{"en", "The two sides will open the line by the end of 2025.", "commitment", "firm", parties, "will", "by the end of 2025"},
		{"en", "The two sides agreed to sign the protocol within six months.", "commitment", "firm", parties, "agreed to", "within six months"},
		{"en", "The two sides will resume direct flights as soon as possible.", "commitment", "firm", parties, "will", "as soon as possible"},
		// Serbian, one rule set for both scripts, word forms by stems
		{"sr", "Dve strane će produbiti saradnju u oblasti energetike.", "commitment", "firm", parties, "će", ""},
		{"sr", "Две стране ће продубити сарадњу у области енергетике.", "commitment", "firm", parties, "ће", ""},
		{"sr", "Strane su se saglasile da prošire trgovinu.", "commitment", "firm", parties, "saglasile", ""},
		{"sr", "Србија ће наставити да подржава кинеске компаније.", "commitment", "firm", []string{"RS"}, "ће", ""},
		{"sr", "Kina nastaviće da ulaže u Srbiju.", "commitment", "firm", []string{"CN"}, "nastaviće", ""},
		{"sr", "Стране су спремне да унапреде сарадњу у области туризма.", "commitment", "intent", parties, "спремне", ""},
		{"sr", "Strane podstiču svoja preduzeća da ulažu.", "commitment", "soft", parties, "podstiču", ""},
		{"sr", "Kineska strana pozdravlja napore Srbije.", "appraisal", "", []string{"CN"}, "pozdravlja", ""},
		{"sr", "Српска страна поздравља напоре Кине.", "appraisal", "", []string{"RS"}, "поздравља", ""},
		{"sr", "Obe strane osuđuju terorizam.", "position", "", parties, "osuđuju", ""},
		{"sr", "Strane se protive unilateralizmu.", "position", "", parties, "protive", ""},
		{"sr", "Nova pruga će doprineti razvoju regiona.", "appraisal", "", parties, "će", ""},
		{"sr", "Predsednik Republike Srbije zahvalio je na toplom dočeku i gostoprimstvu.", "narrative", "", nil, "zahvalio", ""},
		{"sr", "Strane će otvoriti konzulat do kraja 2025. godine.", "commitment", "firm", parties, "će", "do kraja 2025. godine"},
		{"sr", "Стране ће у року од пет година изградити луку.", "commitment", "firm", parties, "ће", "у року од пет година"},
		{"sr", "Strane će što pre obnoviti direktne letove.", "commitment", "firm", parties, "će", "što pre"},
		{"sr", "Strane će bez odlaganja otvoriti generalni konzulat.", "commitment", "firm", parties, "će", "bez odlaganja"},
		// the year the undertaking is set in
		{"sr", "Strane će 2026. godine obeležiti godišnjicu diplomatskih odnosa.", "commitment", "firm", parties, "će", "2026. godine"},
		{"sr", "Strane će primenjivati Sporazum iz 2010. godine.", "commitment", "firm", parties, "će", ""},
		{"sr", "Strane će u 2025. godini otvoriti generalni konzulat.", "commitment", "firm", parties, "će", "u 2025. godini"},
		{"sr", "Стране ће током 2026. године одржати заједничку вежбу.", "commitment", "firm", parties, "ће", "током 2026. године"},
		// an advocate holds a stance
		{"sr", "Srbija ostaje snažan zagovornik članstva Kine u organizaciji.", "position", "", []string{"RS"}, "zagovornik", ""},
		// a period's close is how long a programme lasts, not a time limit
		{"sr", "Strane će sprovoditi Program saradnje za period od 2025. do 2028. godine.", "commitment", "firm", parties, "će", ""},
		{"sr", "Стране ће до 2027. године спровести Програм за период од 2025. до 2028. године.", "commitment", "firm", parties, "ће", "до 2027. године"},
		{"en", "The two sides will sign the agreement at the earliest possible date.", "commitment", "firm", parties, "will", "at the earliest possible date"},
		{"sr", "Strane smatraju da je poseta bila veliki uspeh.", "appraisal", "", parties, "smatraju", ""},
		// a view of what another subject will do, after the modal; the
		// parties' own undertaking in a view, named there or left out
		{"sr", "Strane smatraju da će trgovinska razmena nastaviti da raste.", "position", "", parties, "smatraju", ""},
		{"sr", "Стране очекују да ће трговинска размена наставити да расте.", "position", "", parties, "очекују да", ""},
		{"sr", "Strane smatraju da će obe strane nastaviti saradnju.", "commitment", "firm", parties, "će", ""},
		{"sr", "Strane smatraju da će nastaviti saradnju u oblasti energetike.", "commitment", "firm", parties, "će", ""},
		{"sr", "Strane su saglasne da je potrebno dalje unapređivati saradnju.", "position", "", parties, "su saglasne da", ""},
		// agreed (saglasne su) + da and the parties' own act, no subject of its own: an
		// undertaking, as saglasile su se da otvore…; a party's act in it stays its view
		{"sr", "Strane su saglasne da do kraja 2027. godine pripreme studiju izvodljivosti.", "commitment", "firm", parties, "pripreme", "do kraja 2027. godine"},
		{"sr", "Стране су сагласне да организују заједничку обуку стручњака.", "commitment", "firm", parties, "организују", ""},
		// agreed + da se and a body's founding in the impersonal passive (da se obrazuje
		// komisija): what the parties agree be founded is their own undertaking
		{"sr", "Strane su saglasne da se obrazuje Zajednička komisija za udžbenike.", "commitment", "firm", parties, "obrazuje", ""},
		{"sr", "Стране су сагласне да се оснује радна група за енергетику.", "commitment", "firm", parties, "оснује", ""},
		{"sr", "Strane su saglasne da je potrebno da se formira radna grupa.", "position", "", parties, "su saglasne da", ""},
		{"sr", "Strane su saglasne da Kina i Srbija razvijaju prijateljske odnose.", "position", "", parties, "su saglasne da", ""},
		{"sr", "Strane smatraju da organizuju važne manifestacije.", "position", "", parties, "smatraju", ""},
		// support of a joint undertaking, or of what the two countries' own do, is their own
		{"sr", "Strane podržavaju razvoj zajedničke turističke ponude u regionu.", "commitment", "soft", parties, "podržavaju", ""},
		{"sr", "Strane podržavaju povezivanje kompanija dveju zemalja.", "commitment", "soft", parties, "podržavaju", ""},
		{"sr", "Strane podržavaju zajedničku kandidaturu za domaćinstvo prvenstva.", "commitment", "soft", parties, "podržavaju", ""},
		{"sr", "Strane podržavaju napore Ujedinjenih nacija.", "position", "", parties, "podržavaju", ""},
		// support of building or opening works named by both parties' countries (a link
		// between them) is support of their own works; one country's works stay a view
		{"sr", "Стране подржавају изградњу гасовода Кина–Србија и диверзификацију снабдевања.", "commitment", "soft", parties, "подржавају", ""},
		{"sr", "Strane podržavaju izgradnju gasovoda između Kine i Srbije.", "commitment", "soft", parties, "podržavaju", ""},
		{"sr", "Strane podržavaju izgradnju gasnog interkonektora Srbija–Mađarska–Kina i diverzifikaciju snabdevanja.", "commitment", "soft", parties, "podržavaju", ""},
		{"sr", "Strane podržavaju pristupanje Srbije Evropskoj uniji.", "position", "", parties, "podržavaju", ""},
		// local self-governments, as ministries, are organs of the parties' states: their
		// future undertakes, it does not forecast
		{"sr", "Opštine u pograničnom području nastaviće saradnju u oblasti zaštite životne sredine.", "commitment", "firm", parties, "nastaviće", ""},
		{"sr", "Pogranične opštine će razmenjivati iskustva u upravljanju otpadom.", "commitment", "firm", parties, "će", ""},
		{"sr", "Lokalne samouprave dveju zemalja će organizovati zajedničke manifestacije.", "commitment", "firm", parties, "će", ""},
		// a subject after the modal with no cue for its verb: the infinitive
		// the modal governs ends it; a stance's noun before da is no cue
		{"sr", "Strane smatraju da će nova gasna veza doprineti bezbednosti regiona.", "position", "", parties, "smatraju", ""},
		{"sr", "Strane izražavaju uverenje da će nova gasna veza doprineti bezbednosti regiona.", "position", "", parties, "izražavaju", ""},
		{"sr", "Strane izražavaju nadu da će prva linija metroa biti puštena u saobraćaj.", "position", "", parties, "izražavaju nadu da", ""},
		{"sr", "Strane izražavaju uverenje da će unaprediti saradnju.", "commitment", "firm", parties, "će", ""},
		{"sr", "Strane će razmotriti mogućnost otvaranja direktne avio-linije.", "commitment", "intent", parties, "će razmotriti", ""},
		// an offer to act is a willingness (as English "offered to")
		{"sr", "Српска страна је понудила да индонежанским стручњацима пренесе искуства у примени система за наводњавање.", "commitment", "intent", []string{"RS"}, "понудила да", ""},
		{"sr", "Srpska strana nudi da organizuje obuku stručnjaka.", "commitment", "intent", []string{"RS"}, "nudi da", ""},
		// agreed that a state holds: a view; agreed to act: an undertaking
		{"sr", "Strane su se saglasile da su odnosi dveju zemalja na najvišem nivou.", "position", "", parties, "saglasile", ""},
		{"sr", "Strane su se saglasile da otvore trgovinsko predstavništvo.", "commitment", "firm", parties, "saglasile", ""},
		// a joint committee's co-chairs agree for both parties (a communiqué of a mixed committee's session)
		{"sr", "Копредседавајући су се сагласили да се обим робне размене до краја 2028. године повећа на 500 милиона долара.", "commitment", "firm", parties, "сагласили", "до краја 2028. године"},
		{"sr", "Kopredsedavajući su se saglasili da radna grupa održi prvu sednicu u prvom kvartalu 2027. godine.", "commitment", "firm", parties, "saglasili", "u prvom kvartalu 2027. godine"},
		// an invitation accepted with pleasure is the visit's story
		{"sr", "Predsednik Egipta pozvao je predsednika Srbije da poseti Kairo, što je predsednik Srbije prihvatio sa zadovoljstvom.", "narrative", "", nil, "prihvatio sa zadovoljstvom", ""},
		{"sr", "Predsednik Srbije je sa zadovoljstvom prihvatio poziv.", "narrative", "", nil, "sa zadovoljstvom prihvatio", ""},
		{"sr", "Председник Вучић прихватио је позив са задовољством.", "narrative", "", nil, "прихватио је позив са задовољством", ""},
		// a signing still to come (koji će biti potpisan do kraja ove godine) is the undertaking's
		// time limit; a signing done (potpisan u maju 2019. godine) dates the instrument
		{"sr", "Стране ће спроводити „Програм сарадње у области културе за период 2027–2029. године“, који ће бити потписан до краја ове године.", "commitment", "firm", parties, "ће", "до краја ове године"},
		{"sr", "Strane će sprovoditi Sporazum o saradnji, koji će biti potpisan do kraja 2027. godine.", "commitment", "firm", parties, "će", "do kraja 2027. godine"},
		// a company named by its country's adjective acts for its side, as a party's
		// agency does (Elektroprivreda Srbije i kineska kompanija …: both sides)
		{"sr", "Elektroprivreda Srbije i kineska kompanija „Huadian“ potpisaće memorandum o saradnji.", "commitment", "firm", parties, "potpisaće", ""},
		{"sr", "Predsednica Vlade prihvatila je poziv sa zadovoljstvom.", "narrative", "", nil, "prihvatila je poziv sa zadovoljstvom", ""},
		{"sr", "Strane sa zadovoljstvom konstatuju napredak u saradnji.", "appraisal", "", parties, "sa zadovoljstvom", ""},
		// a view that the relations are at their highest in history judges what was achieved
		{"sr", "Dve vlade su ocenile da su odnosi dveju zemalja na najvišem nivou u istoriji.", "appraisal", "", parties, "ocenile", ""},
		// relations judged excellent are an evaluation of what is, as their highest level is
		{"sr", "Стране оцењују да су односи Србије и Кине одлични и да не постоје отворена питања.", "appraisal", "", parties, "оцењују", ""},
		{"sr", "Strane ocenjuju da su odnosi dveju zemalja odlični.", "appraisal", "", parties, "ocenjuju", ""},
		{"sr", "Стране сматрају да су односи две земље на највишем нивоу у историји.", "appraisal", "", parties, "сматрају", ""},
		// noted that a fact holds: an appraisal of it; noted that they will act: an undertaking
		{"sr", "Strane konstatuju da obim trgovine ne odgovara potencijalima dveju zemalja.", "appraisal", "", parties, "konstatuju da", ""},
		{"sr", "Два председника констатовала су да робна размена двеју земаља расте из године у годину.", "appraisal", "", parties, "констатовала су да", ""},
		{"sr", "Strane konstatuju da je potrebno povećati obim trgovine.", "position", "", parties, "konstatuju da", ""},
		{"sr", "Strane konstatuju da će do kraja godine otvoriti konzulat.", "commitment", "firm", parties, "će", "do kraja godine"},
		// support of the parties' own exchanges undertakes softly
		{"sr", "Strane pružaju podršku razmeni učenika i studenata.", "commitment", "soft", parties, "pružaju podršku", ""},
		// a side that gives its (full) support to the other's accession holds a view, as
		// support of another's effort does
		{"sr", "Словачка страна пружа пуну подршку приступању Републике Србије Европској унији.", "position", "", []string{"SK"}, "пружа пуну подршку", ""},
		{"sr", "Kineska strana pruža podršku naporima Srbije.", "position", "", []string{"CN"}, "pruža podršku", ""},
		{"en", "The two sides support the exchange of students.", "commitment", "soft", parties, "support", ""},
		// the future in one word undertakes as će with the infinitive does
		{"sr", "Strane radiće na jačanju saradnje u oblasti poljoprivrede.", "commitment", "firm", parties, "radiće", ""},
		{"sr", "Strane pružiće podršku malim i srednjim preduzećima.", "commitment", "firm", parties, "pružiće", ""},
		{"sr", "Srpska strana preduzeće sve potrebne mere za otvaranje ambasade.", "commitment", "firm", []string{"RS"}, "preduzeće sve", ""},
		{"sr", "Kinesko preduzeće potpisalo je ugovor o izgradnji mosta.", "narrative", "", nil, "potpisalo", ""},
		// a participle of signing in an oblique case qualifies the instrument cited: the clause's verb decides
		{"sr", "Strane, imajući u vidu Zajedničku deklaraciju, potpisanu u Taškentu 28. oktobra 2025. godine, saglasile su se o sledećem:", "commitment", "firm", parties, "saglasile su se", ""},
		// an action plan's lead-in: the parties set out the measures they
		// will carry out (as "Have decided on the following Action Plan:"),
		// firm over a recital's aim; adopting a named document is the
		// record of the talks
		{"sr", "Vlada Republike Srbije i Vlada Republike Slovenije (u daljem tekstu: Strane), u želji da partnerstvu daju konkretan sadržaj, utvrdile su sledeći Akcioni plan:", "commitment", "firm", parties, "utvrdile su sledeći", ""},
		{"sr", "Strane su usvojile sledeći program saradnje:", "commitment", "firm", parties, "usvojile sledeći", ""},
		{"sr", "Ministri su usvojili zajedničku deklaraciju.", "narrative", "", nil, "usvojili", ""},
		// a party's own agency, institute or embassy acts for it: no forecast
		{"sr", "Италијанска агенција за осигурање извозних кредита наставиће да подржава пројекте у Србији.", "commitment", "firm", []string{"IT"}, "наставиће", ""},
		{"sr", "Italijanski institut za kulturu u Beogradu nastaviće da organizuje kurseve jezika.", "commitment", "firm", []string{"IT"}, "nastaviće", ""},
		{"sr", "Srpska ambasada u Rimu izdavaće vize u roku od pet dana.", "commitment", "firm", []string{"RS"}, "izdavaće", "u roku od pet dana"},
		// the competent authorities of the parties act for them
		{"sr", "Nadležni organi Ugovornih strana razmenjivaće informacije o migracijama.", "commitment", "firm", parties, "razmenjivaće", ""},
		{"sr", "Надлежни органи двеју земаља сарађиваће у борби против криминала.", "commitment", "firm", parties, "сарађиваће", ""},
		// the genitive of the two countries names whose the subject is, as "dve zemlje" does
		{"sr", "Službe za vanredne situacije dveju zemalja zaključiće sporazum u roku od šest meseci.", "commitment", "firm", parties, "zaključiće", "u roku od šest meseci"},
		{"sr", "Привредне коморе обеју земаља организоваће пословни форум.", "commitment", "firm", parties, "организоваће", ""},
		// …but a noun they own that the reflexive verb says will change is a forecast
		{"sr", "Robna razmena dveju zemalja će se u narednim godinama povećati.", "appraisal", "", parties, "će", ""},
		// a verb that is reflexive itself (pridržavaju se) is no such forecast
		{"sr", "Iako se dve zemlje razlikuju po istoriji, obe neguju duh otvorenosti i pridržavaju se načela pravičnosti.", "position", "", parties, "pridržavaju", ""},
		// the object first, the parties' body after the verb: theirs to do
		{"sr", "Sprovođenje ove izjave pratiće Mešoviti komitet za saradnju.", "commitment", "firm", parties, "pratiće", ""},
		{"sr", "Odluku će doneti Zajednički komitet.", "commitment", "firm", parties, "će", ""},
		// a time limit counted back from the instrument's expiry (the next
		// programme negotiated before this one lapses)
		{"sr", "Стране ће најкасније шест месеци пре истека важења овог програма започети преговоре о новом програму.", "commitment", "firm", parties, "ће", "најкасније шест месеци пре истека важења овог програма"},
		{"sr", "Strane će najkasnije tri meseca pre isteka ovog sporazuma započeti pregovore.", "commitment", "firm", parties, "će", "najkasnije tri meseca pre isteka ovog sporazuma"},
		// the countries' compound adjective stands inside their body's name
		{"sr", "Спровођење овог програма пратиће Мешовита српско-мексичка комисија за културну сарадњу.", "commitment", "firm", parties, "пратиће", ""},
		{"sr", "Sprovođenje ovog plana pratiće Zajednička srpsko-kineska radna grupa.", "commitment", "firm", parties, "pratiće", ""},
		{"sr", "Rezoluciju će usvojiti Savet bezbednosti UN.", "appraisal", "", parties, "će", ""},
		// a body whose capital opens the sentence before lowercase adjectives is the
		// parties' body at work, as Mešoviti komitet is
		{"sr", "Međuvladin mešoviti komitet za manjine sastaće se u Beogradu u prvom tromesečju 2027. godine.", "commitment", "firm", parties, "sastaće", "u prvom tromesečju 2027. godine"},
		{"sr", "Zajednička stalna radna grupa za energetiku sastaće se u maju.", "commitment", "firm", parties, "sastaće", ""},
		// by the start of a year, or of a school or academic year (its first year's September)
		{"sr", "Strane će do početka 2028. godine otvoriti lektorat.", "commitment", "firm", parties, "će", "do početka 2028. godine"},
		{"sr", "Srpska strana će do početka školske 2027/2028. godine obezbediti udžbenike.", "commitment", "firm", []string{"RS"}, "će", "do početka školske 2027/2028. godine"},
		// by the start of a (summer, tourist) season of a year: flights and tourism's deadline
		{"sr", "Стране ће подржати успостављање директне авио-линије до почетка летње сезоне 2027. године.", "commitment", "firm", parties, "ће", "до почетка летње сезоне 2027. године"},
		{"sr", "Strane će uvesti let do početka turističke sezone 2027. godine.", "commitment", "firm", parties, "će", "do početka turističke sezone 2027. godine"},
		{"sr", "Стране ће до почетка академске 2027/2028. године отворити лекторат.", "commitment", "firm", parties, "ће", "до почетка академске 2027/2028. године"},
		// support in the one-word future undertakes as će does
		{"sr", "Dve zemlje podržavaće otvaranje lektorata za srpski jezik.", "commitment", "firm", parties, "podržavaće", ""},
		// values with an adverb: an appraisal
		{"sr", "Srpska strana posebno ceni doprinos kineskih kompanija.", "appraisal", "", []string{"RS"}, "posebno ceni", ""},
		// valuing a contribution or efforts, with no adverb, appraises too (cene
		// alone is also "prices")
		{"sr", "Српска страна цени допринос кинеских археолога.", "appraisal", "", []string{"RS"}, "цени допринос", ""},
		// attaching importance is a view, as 重视
		{"sr", "Strane pridaju poseban značaj energetskoj bezbednosti.", "position", "", parties, "pridaju poseban značaj", ""},
		// a copula other than je/su joins a thing to what it is: a view
		{"sr", "Obnovljivi izvori energije predstavljaju prioritet buduće saradnje.", "position", "", parties, "predstavljaju", ""},
		// will not: the negated future undertakes as the future does
		{"sr", "Strane neće prenositi trećim licima dobijene informacije.", "commitment", "firm", parties, "neće", ""},
		// a recital that refers to an instrument calls on no one; its aim undertakes
		{"sr", "Vlada Republike Srbije i Vlada Narodne Republike Kine (u daljem tekstu: Strane), Pozivajući se na Sporazum o saradnji potpisan u Beogradu 2009. godine, U nameri da prošire saradnju u oblasti obrazovanja, Sporazumele su se o sledećem:", "commitment", "intent", parties, "U nameri da", ""},
		{"sr", "Vlada Republike Srbije i Vlada Narodne Republike Kine, Pozivajući se na Sporazum o saradnji, U nameri da prošire saradnju u oblasti obrazovanja, sporazumele su se o sledećem:", "commitment", "intent", parties, "U nameri da", ""},
		{"sr", "Vlada Republike Srbije i Vlada Narodne Republike Kine, Uvažavajući pravo svake države na razvoj, U želji da prošire saradnju u oblasti energetike, sporazumele su se o sledećem:", "commitment", "intent", parties, "U želji da", ""},
		// agreeing to an action with sporazumeti se, as with saglasiti se: firm
		{"sr", "Strane su se sporazumele da osnuju Zajednički komitet za turizam.", "commitment", "firm", parties, "su se sporazumele da", ""},
		{"sr", "Стране су се споразумеле да оснују Заједнички комитет за туризам.", "commitment", "firm", parties, "су се споразумеле да", ""},
		// a recital guided by a wish (Rukovodeći se željom da…) is a recital's aim as
		// U nameri da is: a clause of its own (intent), and the main verb after it (dogovorile
		// su se) a clause of its own too, firm, the strongest
		{"sr", "Vlada Republike Srbije i Vlada Narodne Republike Kine (u daljem tekstu: Strane), Rukovodeći se željom da razvijaju prijateljske odnose, dogovorile su se o sledećem:", "commitment", "firm", parties, "Rukovodeći se željom da", ""},
		{"sr", "Влада Републике Србије и Влада Народне Републике Кине, Руководећи се жељом да прошире сарадњу у области образовања, споразумеле су се о следећем:", "commitment", "intent", parties, "Руководећи се жељом да", ""},
		// an opening phrase closed by a comma names no subject (On Myanmar, the leaders…)
		{"en", "On Ukraine, the two sides called for a just and lasting peace.", "position", "", parties, "called for", ""},
		{"en", "On the situation in Myanmar, Serbia called for an end to violence.", "position", "", []string{"RS"}, "called for", ""},
		// two parties joined by "and" open one subject of a view's content; "would" reports "will"
		{"en", "The two sides agreed that China and Serbia will open a consulate in Niš.", "commitment", "firm", parties, "will", ""},
		{"en", "The leaders agreed that Serbia and China would hold the forum in 2025.", "commitment", "firm", parties, "would", "in 2025"},
		{"en", "Serbia would welcome more Chinese tourists.", "appraisal", "", []string{"RS"}, "would welcome", ""},
		{"en", "The leaders agreed that the new railway would create jobs.", "position", "", parties, "agreed that", ""},
		// support of the parties' own contacts undertakes; whom they encourage, said in the passive, too
		{"en", "The two sides support closer contacts between their parliaments.", "commitment", "soft", parties, "support", ""},
		{"en", "The two sides support a ceasefire between the warring parties.", "position", "", parties, "support", ""},
		{"en", "The two sides support increasing the voice of developing countries in the IMF.", "position", "", parties, "support", ""},
		// an adverb between "will" and "explore" leaves it an intent
		{"en", "The two sides will also explore cooperation on civil nuclear energy.", "commitment", "intent", parties, "will also explore", ""},
		// leaders who task their officials undertake, by the meeting named
		{"en", "Leaders tasked officials to report on progress before the next Annual Leaders' Meeting.", "commitment", "firm", parties, "tasked officials", "before the next Annual Leaders' Meeting"},
		// a span counted from an event keeps the event
		{"en", "The two sides will set up a Joint Committee within six months of the signature of this Memorandum.", "commitment", "firm", parties, "will", "within six months of the signature of this Memorandum"},
		{"en", "Within three months of the first meeting, the two sides will adopt a work plan.", "commitment", "firm", parties, "will", "Within three months of the first meeting"},
		{"en", "The two sides will complete the study within two years and will report to leaders.", "commitment", "firm", parties, "will", "within two years"},
		// a party named by its role in a provision is either party; a span in
		// hours, a number written with a hyphen, and "no later than" a span
		{"en", "The assisting Party shall endeavour to respond to a request within twenty-four hours.", "commitment", "intent", parties, "shall endeavour to", "within twenty-four hours"},
		{"en", "The two sides will hold the first meeting no later than six months after the signature.", "commitment", "firm", parties, "will", "no later than six months after the signature"},
		// the meeting at which a body is to act is its target date
		{"en", "At its first meeting, the Joint Committee will adopt a work plan.", "commitment", "firm", parties, "will", "At its first meeting"},
		// the parties' organs named by their kind, in the plural or counted by
		// the two, with no country (the competent authorities, senior
		// officials, the Ministries of Health, the two navies, the working
		// groups of their body) act for both parties: no forecast
		{"en", "The competent authorities will conclude the phytosanitary protocols within twelve months.", "commitment", "firm", parties, "will", "within twelve months"},
		{"en", "Senior officials will meet within ninety days of the adoption of this Declaration.", "commitment", "firm", parties, "will", "within ninety days of the adoption of this Declaration"},
		{"en", "The Ministries of Health intend to sign a memorandum of understanding no later than 30 September 2026.", "commitment", "intent", parties, "intend to", "no later than 30 September 2026"},
		{"en", "The two navies will hold a joint exercise in the second half of 2026.", "commitment", "firm", parties, "will", "in the second half of 2026"},
		{"en", "Each of the ten sectoral working groups of the Joint Commission shall submit a report within six months.", "commitment", "firm", parties, "shall", "within six months"},
		{"en", "The relevant ministries of the two countries will exchange information.", "commitment", "firm", parties, "will", ""},
		// the next session or meeting of a body, and the parties' or a
		// body's own next meeting, are deadlines; the body a session is
		// of belongs to it, as the event a span counts from does
		{"en", "The two sides agreed to establish a Business Council and to hold its first meeting before the next session of the Joint Commission.", "commitment", "firm", parties, "agreed to", "before the next session of the Joint Commission"},
		{"en", "The Joint Commission will report to the two Presidents before their next meeting.", "commitment", "firm", parties, "will", "before their next meeting"},
		{"en", "The working group will present its findings at the next session.", "commitment", "firm", parties, "will", "at the next session"},
		{"en", "The two sides will complete the review before the next meeting of the Joint Committee, in Belgrade.", "commitment", "firm", parties, "will", "before the next meeting of the Joint Committee"},
		// a summit meeting of the leaders is their next meeting too, and a
		// fiscal year is a year a deadline may end on
		{"en", "The Leaders decided to review the progress of the partnership at their next summit meeting.", "commitment", "firm", parties, "decided to", "at their next summit meeting"},
		{"en", "The two sides will complete the study before the next summit meeting.", "commitment", "firm", parties, "will", "before the next summit meeting"},
		{"en", "The two Prime Ministers decided to expand the scholarship programme by the end of fiscal year 2028.", "commitment", "firm", parties, "decided to", "by the end of fiscal year 2028"},
		{"en", "Serbia will provide the loan in fiscal year 2027.", "commitment", "firm", []string{"RS"}, "will", "in fiscal year 2027"},
		// the event a span counts from ends where a purpose opens (to + verb)
		{"en", "Senior officials will meet within ninety days of the adoption of this Declaration to agree on a timetable.", "commitment", "firm", parties, "will", "within ninety days of the adoption of this Declaration"},
		{"en", "The two sides will conclude the protocol within six months of the entry into force of this Agreement.", "commitment", "firm", parties, "will", "within six months of the entry into force of this Agreement"},
		// an instrument writes a count in words and again in figures, in
		// brackets: the figures belong to the span
		{"en", "Each Party will designate a focal point within thirty (30) days after the date of its signature.", "commitment", "firm", parties, "will", "within thirty (30) days after the date of its signature"},
		{"en", "The two sides will hold the first meeting within six (6) months after the signing of this Memorandum.", "commitment", "firm", parties, "will", "within six (6) months after the signing of this Memorandum"},
		{"en", "The two sides will submit the report no later than ninety (90) days after the meeting.", "commitment", "firm", parties, "will", "no later than ninety (90) days after the meeting"},
		{"en", "Officials from both sides will meet in Nairobi before the end of 2026.", "commitment", "firm", parties, "will", "before the end of 2026"},
		{"en", "Experts of the two countries will draft a roadmap within three months.", "commitment", "firm", parties, "will", "within three months"},
		{"en", "The two central banks intend to renew their currency swap arrangement.", "commitment", "intent", parties, "intend to", ""},
		{"en", "The two economies will grow faster.", "appraisal", "", parties, "will", ""},
		// …but a thing of theirs, or a count of them, is forecast
		{"en", "The recommendations of the working groups will benefit both economies.", "appraisal", "", parties, "will", ""},
		{"en", "The number of officials will increase.", "appraisal", "", parties, "will", ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			x := newTestSpaced(t, tc.lang)
			s, _ := x.label(x.newSentence(tc.text), parties, parties)
			if string(s.Type) != tc.typ || string(s.Strength) != tc.strength {
				t.Errorf("%s/%s, want %s/%s", s.Type, s.Strength, tc.typ, tc.strength)
			}
			if tc.actors == nil {
				tc.actors = []string{}
			}
			if !slices.Equal(s.Actors, tc.actors) {
				t.Errorf("actors %v, want %v", s.Actors, tc.actors)
			}
			if s.Rationale.Type == nil || !strings.EqualFold(s.Rationale.Type.Text, tc.cue) {
				t.Errorf("type cue %+v, want %q", s.Rationale.Type, tc.cue)
			} else if got := string([]rune(tc.text)[s.Rationale.Type.Start:s.Rationale.Type.End]); got != s.Rationale.Type.Text {
				t.Errorf("cue offsets [%d,%d) give %q, not %q", s.Rationale.Type.Start, s.Rationale.Type.End, got, s.Rationale.Type.Text)
			}
			if got := deref(s.Deadline); got != tc.deadline {
				t.Errorf("deadline %q, want %q", got, tc.deadline)
			}
		})
	}
}

// TestSpacedYearDeadlines reads a commitment's time limit where Serbian sets
// it with a bare year's date after the undertaking, or a quarter of a year.
func TestSpacedYearDeadlines(t *testing.T) {
	tests := []struct{ text, deadline string }{
		{"Пети међувладин самит биће одржан у Београду 2026. године.", "2026. године"},
		{"Strane će organizovati poslovni forum u Milanu 2025. godine.", "2025. godine"},
		{"Strane će 2020. godine obeležiti godišnjicu.", "2020. godine"},
		// after a signing, a preposition or a month, the year is another's
		{"Strane će primenjivati Sporazum potpisan 2019. godine.", ""},
		{"Strane će poštovati obaveze iz 2019. godine.", ""},
		{"Strane će primenjivati sporazum od 8. maja 2019. godine.", ""},
		// past the clause, a year is the next clause's
		{"Strane će sarađivati, a robna razmena 2023. godine bila je rekordna.", ""},
		{"Prvi sastanak održaće se u Beogradu u prvom tromesečju 2026. godine.", "u prvom tromesečju 2026. godine"},
		// a month of a year is a time limit, as a quarter is; a month of the
		// year a cited instrument was signed in is its date
		{"Дани културе биће одржани у Београду у октобру 2026. године.", "у октобру 2026. године"},
		{"Strane će organizovati sajam u Nišu u septembru 2026. godine.", "u septembru 2026. godine"},
		{"Strane će do marta 2027. godine usvojiti program.", "do marta 2027. godine"},
		{"Strane će primenjivati sporazum potpisan u maju 2019. godine.", ""},
		// an action plan's forms: "u toku" a year as "tokom"; the value of a
		// measure's "rok:" slot, "kontinuirano" too, where the adverb alone
		// says how, not by when
		{"Strane će organizovati forum u Ljubljani u toku 2026. godine.", "u toku 2026. godine"},
		{"Strane će razmotriti finansiranje projekata (rok: u toku 2027. godine).", "u toku 2027. godine"},
		{"Strane će razmenjivati iskustva (nosioci: ministarstva dveju zemalja; rok: kontinuirano).", "rok: kontinuirano"},
		{"Стране ће подржавати рад заједнице (рок: континуирано).", "рок: континуирано"},
		{"Strane će kontinuirano razmenjivati iskustva.", ""},
		// a full date that ends the undertaking's sentence is the day it is
		// set for (a session of one day or two); after a signing participle
		// or a preposition it dates another thing
		{"Dogovoreno je da se sledeća sednica komisije održi u Rabatu 14. i 15. aprila 2027. godine.", "14. i 15. aprila 2027. godine"},
		{"Strane će organizovati poslovni forum u Novom Sadu 12. oktobra 2027. godine.", "12. oktobra 2027. godine"},
		{"Друга седница одржаће се у Нишу 3. јуна 2027. године.", "3. јуна 2027. године"},
		{"Strane će održati sastanak u Nišu 3. i 4. juna 2027.", "3. i 4. juna 2027"},
		{"Strane će primenjivati sporazum potpisan u Rabatu 8. maja 2027. godine.", ""},
		// a full date joined by "i" to the parties' next verb ends the first
		// undertaking's clause, as English "and" does (a programme's start
		// date); a past clause's date stays none
		{"Pilot-program započeće 1. septembra 2027. godine i trajaće tri školske godine.", "1. septembra 2027. godine"},
		{"Пројекат ће почети 1. марта 2027. године и трајаће две године.", "1. марта 2027. године"},
		{"Strane su potpisale sporazum 8. maja 2019. godine i primenjivaće ga.", ""},
		{"Strane će primenjivati odluke od 8. maja 2027. godine.", ""},
	}
	x := newTestSpaced(t, "sr")
	checkDeadlines(t, x, tests)
}

// TestSpacedDates reads dates of signing as the genre writes them.
func TestSpacedDates(t *testing.T) {
	tests := []struct{ lang, text, iso, place string }{
		{"en", "Belgrade, 8 May 2024", "2024-05-08", "Belgrade"},
		{"en", "Done at Beijing on May 8, 2024, in duplicate.", "2024-05-08", "Beijing"},
		// a treaty's day as an ordinal, in one word or with the ending apart
		{"en", "Signed in Budapest on the 9th day of May 2024.", "2024-05-09", "Budapest"},
		{"en", "Signed at New Delhi on this 9th day of September 2024, in two originals.", "2024-09-09", "New Delhi"},
		{"en", "Done at Abu Dhabi this 22nd day of March, 2023 in two originals.", "2023-03-22", "Abu Dhabi"},
		{"en", "Done at Tokyo on this 9 th day of September 2024.", "2024-09-09", "Tokyo"},
		// the number of originals between the verb and the place
		{"en", "Signed in duplicate at Seoul on 17 May 2023, in the English, French and Korean languages.", "2023-05-17", "Seoul"},
		{"en", "Done in two originals at Canberra on 3 March 2024.", "2024-03-03", "Canberra"},
		{"en", "Done at Tokyo on the 32nd day of May 2024.", "", ""},
		{"en", "On March 17, the President hosted the Taoiseach.", "", ""},
		// English published in Europe writes the day with a stop, or the date in figures
		{"en", "08. May 2024.", "2024-05-08", ""},
		{"en", "Done at Belgrade on 08.05.2024, in two originals.", "2024-05-08", "Belgrade"},
		{"en", "Done at Belgrade on 8.5.2024 in two originals.", "2024-05-08", "Belgrade"},
		{"sr", "U Beogradu, 8. maja 2024. godine", "2024-05-08", "Beogradu"},
		{"sr", "Сачињено у Београду 8. маја 2024. године, у два оригинала.", "2024-05-08", "Београду"},
		{"sr", "8. maj 2024.", "2024-05-08", ""},
		// the month in figures, spaced or not, as Serbian writes it
		{"sr", "Џакарта, 24. 10. 2011.", "2011-10-24", "Џакарта"},
		{"sr", "Sačinjeno u Beogradu 24.10.2011. godine, u dva originala.", "2011-10-24", "Beogradu"},
		{"sr", "U Beogradu, 8.5.2024.", "2024-05-08", "Beogradu"},
		{"sr", "Сачињено у граду Џакарта 24. 10. 2011. године у два оригинала.", "2011-10-24", "Џакарта"},
		{"sr", "Tačke 3. 4. i 5. 2019. godine", "", ""},
		{"sr", "Beograd, 31. 13. 2011.", "", ""},
		{"sr", "Beograd, 32.10.2011.", "", ""},
		{"en", "Belgrade, 24.10.2011", "2011-10-24", "Belgrade"},
		{"en", "Belgrade, 10.24.2011", "", ""}, // no month 24: the figures are day first
		// a byte not valid UTF-8 is read as U+FFFD, a mark of its own
		{"en", "Done at Beijing\xff on May 8, 2024.", "2024-05-08", "Beijing"},
		{"en", "New \xffYork, 8 May 2024", "2024-05-08", "New \uFFFDYork"},
	}
	for _, tc := range tests {
		x := newTestSpaced(t, tc.lang)
		d, ok := x.findDate(tc.text)
		if !ok {
			d.ISO = ""
		}
		if d.ISO != tc.iso {
			t.Errorf("%q: date %q, want %q", tc.text, d.ISO, tc.iso)
			continue
		}
		if ok {
			if p := x.placeAround(tc.text, d); p != tc.place {
				t.Errorf("%q: place %q, want %q", tc.text, p, tc.place)
			}
			// the same through a document's lines, read once
			lines := &lineWords{seen: map[string]tokenized{}, keys: new(strings.Builder)}
			if _, ok := x.findDateIn(lines, tc.text); !ok {
				t.Errorf("%q: no date through the lines", tc.text)
			}
			if p := x.placeAroundIn(lines, tc.text, d); p != tc.place {
				t.Errorf("%q: place through the lines %q, want %q", tc.text, p, tc.place)
			}
		}
	}
}

// FuzzSpacedExtract checks that any text extracts without a panic in
// English and in Serbian (its sound-change forms too), that
// every sentence is non-empty text of the input, and that every cue's
// offsets give its text.
func FuzzSpacedExtract(f *testing.F) {
	f.Add("Joint Statement\n\nBELGRADE, May 8, 2024 – The two sides will cooperate.\n\nEnergy\n\nI. Trade\n\n(a) They agreed.\n\n###")
	f.Add("Заједничка изјава\n\n1. Две стране ће сарађивати до краја 2025. године.\n\nУ Београду, 8. маја 2024.")
	f.Add("U.S. H.E. No. 5 Art. 3 e.g. ... , ; : “ ” - – —\n\n\n")
	f.Add("Strane će uložiti u bezbednost na pruzi i omogućiti naučnicima boravak u Americi.")
	f.Add("President Biden welcomed His Majesty King X to the White House. This Joint Statement is done in English, all texts being equally authentic.\n\nFor the Republic of Serbia     For Y\nAna Jr.\tB C, President")
	f.Add("Strane smatraju da će trgovinska razmena nastaviti. Srpska strana podržava Inicijativu za globalni razvoj i Globalnu inicijativu.")
	var xs []*Spaced
	for _, lang := range []string{"en", "sr"} {
		x, err := NewSpaced(lang)
		if err != nil {
			f.Fatal(err)
		}
		xs = append(xs, x)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, x := range xs {
			checkSpacedExtraction(t, x, text)
		}
	})
}

// checkSpacedExtraction is FuzzSpacedExtract's check for one language.
func checkSpacedExtraction(t *testing.T, x *Spaced, text string) {
	out := x.Extract(text)
	// a run of invalid UTF-8 reads as one U+FFFD, and text is read in NFC;
	// a hyphen ending a line may be the layout's, which a join takes out
	flat := strings.Map(noSpaceHyphen, norm.NFC.String(strings.ToValidUTF8(text, "\uFFFD")))
	for _, s := range out.Sentences {
		if strings.TrimSpace(s.Text) == "" {
			t.Fatalf("empty sentence %s", s.ID)
		}
		if !strings.Contains(flat, strings.Map(noSpaceHyphen, s.Text)) {
			t.Fatalf("%s: sentence %s %q is not text of the input", x.lang, s.ID, s.Text)
		}
		rs := []rune(s.Text)
		for _, c := range []*entente.Cue{s.Rationale.Type, s.Rationale.Strength, s.Rationale.Deadline} {
			if c != nil && (c.Start < 0 || c.End > len(rs) || string(rs[c.Start:c.End]) != c.Text) {
				t.Fatalf("cue %+v does not match %q", c, s.Text)
			}
		}
		for _, a := range s.Rationale.Areas {
			if a.Cue.Start < 0 || a.Cue.End > len(rs) || string(rs[a.Cue.Start:a.Cue.End]) != a.Cue.Text {
				t.Fatalf("area cue %+v does not match %q", a.Cue, s.Text)
			}
		}
	}
}

func noSpaceHyphen(r rune) rune {
	if r == '-' {
		return -1
	}
	return noSpace(r)
}

func noSpace(r rune) rune {
	if unicode.IsSpace(r) {
		return -1
	}
	return r
}

// TestSpacedRuleNames checks that every rule the spaced reader names on
// the genre files is one of entente.Rules, so that the reader can label it.
func TestSpacedRuleNames(t *testing.T) {
	seen := map[string]bool{}
	for _, gf := range spacedGenreFiles {
		x := newTestSpaced(t, gf.lang)
		rows := readGenre(t, gf.file)
		for _, s := range labelSpacedGenre(x, rows) {
			r := s.Rationale
			cues := []*entente.Cue{r.Type, r.Strength, r.Deadline}
			for i := range r.Actors {
				cues = append(cues, &r.Actors[i].Cue)
			}
			for i := range r.Areas {
				cues = append(cues, &r.Areas[i].Cue)
			}
			for _, c := range r.Clauses {
				cues = append(cues, c.Cue)
			}
			for i := range r.Mechanisms {
				cues = append(cues, &r.Mechanisms[i])
			}
			for i := range r.Projects {
				cues = append(cues, &r.Projects[i])
			}
			for _, c := range cues {
				if c != nil {
					seen[c.Rule] = true
				}
			}
		}
	}
	for rule := range seen {
		if !entente.KnownRule(rule) {
			t.Errorf("the spaced reader names rule %q, which is not in entente.Rules", rule)
		}
	}
	if len(seen) < 12 {
		t.Errorf("only %d rules seen", len(seen))
	}
}

// TestSentenceIDs: the ids cut from one string are those spelt one by one.
func TestSentenceIDs(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 11, 99, 100, 1234} {
		ids := sentenceIDs(n)
		for i := range n {
			var id string
			id, ids = nextID(ids)
			if want := "s" + strconv.Itoa(i+1); id != want {
				t.Fatalf("%d/%d: %q", i, n, id) // (short: the harness reads longer literals)
			}
		}
		if ids != "" {
			t.Fatalf("%d: %q", n, ids)
		}
	}
}
