package tracking

import (
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestDueRules reads deadlines as the extractor hands them (the span and
// its sentence) in sentences written for this test, one case per rule
// family of due.rules, against a signing date of 8 March 2023.
func TestDueRules(t *testing.T) {
	rules, err := LoadDueRules()
	if err != nil {
		t.Fatal(err)
	}
	const signed = "2023-03-08"
	tests := []struct {
		name, deadline, text, signed string
		date                         string
		precision                    entente.Precision
		urgent, schedule             bool
	}{
		{"end of a named year", "2025年底前", "两国将于2025年底前建成物流中心。", signed, "2025-12-31", entente.PrecisionYear, false, false},
		{"within the signing year", "年内", "双方将在年内签署海关合作文件。", signed, "2023-12-31", entente.PrecisionYear, false, false},
		{"next year", "明年", "双方同意明年举办文化年活动。", signed, "2024-12-31", entente.PrecisionYear, false, false},
		// the year counted from signing, whole or in part, with 内 after it
		{"this year, within", "本年度内", "双方将于本年度内完成谈判。", signed, "2023-12-31", entente.PrecisionYear, false, false},
		{"first half of this year", "今年上半年", "双方将于今年上半年召开会议。", signed, "2023-06-30", entente.PrecisionMonth, false, false},
		{"first half of next year, within", "明年上半年内", "双方将在明年上半年内召开首次会议。", signed, "2024-06-30", entente.PrecisionMonth, false, false},
		{"each year's first quarter, within", "每年第一季度内", "双方将每年制定年度重点工作，并于每年第一季度内报联席会议审定。", signed, "2024-03-31", entente.PrecisionMonth, false, false},
		// at the latest on a day named (至遲於2027年6月30日), a target's month (争取于2027年9月底)
		{"at the latest on a day", "至迟于2027年6月30日", "双方同意至迟于2027年6月30日完成第一期工程。", signed, "2027-06-30", entente.PrecisionDay, false, false},
		{"at the latest on a day, Traditional", "至遲於2027年6月30日", "雙方同意至遲於2027年6月30日完成第一期工程。", signed, "2027-06-30", entente.PrecisionDay, false, false},
		{"a target's month's end", "于2027年9月底", "双方同意争取于2027年9月底完成第一期工程。", signed, "2027-09-30", entente.PrecisionMonth, false, false},
		{"months after this communiqué is signed", "本公報簽署後六個月內", "雙方同意於本公報簽署後六個月內完成規劃。", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		// within an exchange programme's term: its end is the programme's own, open here
		{"within the programme", "在本计划内", "中方将在本计划内派遣艺术团访英。", signed, "", entente.PrecisionOpen, false, false},
		{"second half of next year", "明年下半年", "双方将于明年下半年启动项目。", signed, "2024-12-31", entente.PrecisionMonth, false, false},
		// English: a span not later than, a body's next meeting
		{"en: no later than a span", "no later than three months", "The Parties shall notify each other no later than three months after signature.", signed, "2023-06-08", entente.PrecisionMonth, false, false},
		// a count in words and again in figures, as instruments write it
		{"en: within a span repeated in figures", "within thirty (30) days after the date of its signature", "Each Party will designate a focal point within thirty (30) days after the date of its signature.", signed, "2023-04-07", entente.PrecisionDay, false, false},
		{"en: a span after an event, from the signing", "three years after the date of its signature", "The Participants will review this Memorandum three years after the date of its signature.", signed, "2026-03-08", entente.PrecisionYear, false, false},
		{"en: a span after an event repeated in figures", "six (6) months after its entry into force", "The Parties will hold a first meeting six (6) months after its entry into force.", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		{"en: no later than a span repeated in figures", "no later than six (6) months", "The Parties will meet no later than six (6) months after signature.", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		// a month or a day ending the undertaking; a session of two days is due on its last
		{"en: in a month of a year", "in April 2027", "The next session will be held in Rabat in April 2027.", signed, "2027-04-30", entente.PrecisionMonth, false, false},
		{"en: on a day", "on 14 April 2027", "The next session will be held in Rabat on 14 April 2027.", signed, "2027-04-14", entente.PrecisionDay, false, false},
		{"en: on a day, month first", "on April 14, 2027", "The Parties will hold the first meeting on April 14, 2027.", signed, "2027-04-14", entente.PrecisionDay, false, false},
		{"en: on two days", "on 14 and 15 April 2027", "The ministers will meet again in Belgrade on 14 and 15 April 2027.", signed, "2027-04-15", entente.PrecisionDay, false, false},
		{"en: in good time", "in good time", "The Sides will inform each other in good time of any difficulties.", signed, "", entente.PrecisionOpen, true, false},
		// a near time in units to come, no number given
		{"en: in the coming weeks", "in the coming weeks", "Japan intends to make the lending available in the coming weeks.", signed, "2023-05-08", entente.PrecisionMonth, false, false},
		{"en: in the coming months", "in the coming months", "The two sides will open the new consulates in the coming months.", signed, "2024-03-08", entente.PrecisionYear, false, false},
		{"en: at its next meeting", "at its next meeting", "The Joint Committee will review the plan at its next meeting.", signed, "", entente.PrecisionOpen, false, false},
		// a body's next session with the body's name kept, the parties' own next meeting, a span
		// counted from the adoption of the document in words
		{"en: before the next session of a body", "before the next session of the Joint Commission", "The two sides will hold its first meeting before the next session of the Joint Commission.", signed, "", entente.PrecisionOpen, false, false},
		{"en: before their next meeting", "before their next meeting", "The Joint Commission will report to the two Presidents before their next meeting.", signed, "", entente.PrecisionOpen, false, false},
		// the leaders' next summit meeting; a fiscal year read as the year it is named by
		{"en: at their next summit meeting", "at their next summit meeting", "The Leaders decided to review the progress at their next summit meeting.", signed, "", entente.PrecisionOpen, false, false},
		{"en: by the end of fiscal year", "by the end of fiscal year 2028", "The two sides will expand the programme by the end of fiscal year 2028.", signed, "2028-12-31", entente.PrecisionYear, false, false},
		{"en: in fiscal year", "in fiscal year 2027", "Japan will provide the loan in fiscal year 2027.", signed, "2027-12-31", entente.PrecisionYear, false, false},
		// a season of a named year, read as the northern hemisphere's (the season's last month)
		{"en: in autumn", "in autumn 2026", "The first meeting will take place in autumn 2026.", signed, "2026-11-30", entente.PrecisionMonth, false, false},
		{"en: in the spring of", "in the spring of 2027", "The two sides will hold the first meeting in the spring of 2027.", signed, "2027-05-31", entente.PrecisionMonth, false, false},
		{"en: by summer", "by summer 2027", "The two sides will complete the study by summer 2027.", signed, "2027-08-31", entente.PrecisionMonth, false, false},
		{"en: in the fall of", "in the fall of 2026", "The Council will meet in the fall of 2026.", signed, "2026-11-30", entente.PrecisionMonth, false, false},
		{"en: within ninety days of the adoption", "within ninety days of the adoption of this Declaration", "Senior officials will meet within ninety days of the adoption of this Declaration to agree on a timetable.", signed, "2023-06-06", entente.PrecisionDay, false, false},
		{"first half of the signing year", "上半年", "双方将于上半年召开联委会会议。", signed, "2023-06-30", entente.PrecisionMonth, false, false},
		{"a span of years the extractor cut short", "年内", "双方将在未来五年内把双边贸易额提高一倍。", signed, "2028-03-08", entente.PrecisionYear, false, false},
		{"a span of years in digits", "3年内", "该项目将在3年内完工。", signed, "2026-03-08", entente.PrecisionYear, false, false},
		{"first half of a named year", "于2026年上半年", "首趟班列将于2026年上半年开通。", signed, "2026-06-30", entente.PrecisionMonth, false, false},
		{"by a named year", "到2030年", "到2030年，两国将实现互联互通。", signed, "2030-12-31", entente.PrecisionYear, false, false},
		{"before a named year", "2027年前", "双方力争2027年前完成谈判。", signed, "2027-12-31", entente.PrecisionYear, false, false},
		{"a month of a year", "2024年9月前", "双方将在2024年9月前互设领事机构。", signed, "2024-09-30", entente.PrecisionMonth, false, false},
		{"a full date", "2024年6月15日前", "双方将于2024年6月15日前交换批准书。", signed, "2024-06-15", entente.PrecisionDay, false, false},
		{"a year in Chinese digits", "二〇二六年底前", "工程将于二〇二六年底前竣工。", signed, "2026-12-31", entente.PrecisionYear, false, false},
		{"a year written with 零, as Macao writes it", "於二零二七年六月底前", "雙方將於二零二七年六月底前設立服務平台。", signed, "2027-06-30", entente.PrecisionMonth, false, false},
		{"a month in Chinese", "2025年十一月前", "双方将于2025年十一月前商定方案。", signed, "2025-11-30", entente.PrecisionMonth, false, false},
		{"as soon as possible", "尽快", "双方将尽快启动自贸协定谈判。", signed, "", entente.PrecisionOpen, true, false},
		{"as soon as possible, Taipei's word", "儘速", "雙方同意儘速召開混合委員會。", signed, "", entente.PrecisionOpen, true, false},
		{"on schedule", "按期", "双方将确保项目按期完工。", signed, "", entente.PrecisionOpen, false, true},
		{"relative without a signing date", "年内", "双方将在年内签署协议。", "", "", entente.PrecisionOpen, false, false},
		{"a named year needs no signing date", "2025年底前", "双方将于2025年底前完成。", "", "2025-12-31", entente.PrecisionYear, false, false},
		{"a date that does not exist", "2025年2月30日前", "双方将于2025年2月30日前完成。", signed, "", entente.PrecisionOpen, false, false},
		{"a span of years past the year 9999", "未来五十年内", "双方将在未来五十年内保持合作。", "9990-01-01", "", entente.PrecisionOpen, false, false},
		{"a span of years up to the year 9999", "未来九年内", "双方将在未来九年内保持合作。", "9990-01-01", "9999-01-01", entente.PrecisionYear, false, false},
		{"a span of months", "于六个月内", "双方决定于六个月内成立联合工作组。", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		{"a span of months from an event", "于协定生效后三个月内", "双方同意于协定生效后三个月内召开首次会议。", signed, "2023-06-08", entente.PrecisionMonth, false, false},
		{"a span of weeks", "在三周内", "双方同意在三周内完成磋商。", signed, "2023-03-29", entente.PrecisionDay, false, false},
		{"a span of days", "于30日内", "双方同意于30日内通知对方。", signed, "2023-04-07", entente.PrecisionDay, false, false},
		{"a quarter of a named year", "于2027年第一季度", "双方将于2027年第一季度启动项目。", signed, "2027-03-31", entente.PrecisionMonth, false, false},
		{"a span of months from the day of an event", "自本备忘录生效之日起六个月内", "执行机构应自本备忘录生效之日起六个月内相互指定联络人。", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		{"Traditional: a span of days from the day of an event", "自本協定簽署之日起三十日內", "雙方同意自本協定簽署之日起三十日內交換名單。", signed, "2023-04-07", entente.PrecisionDay, false, false},
		{"a time after the instrument's entry into force", "在本协定生效一年后", "双方应在本协定生效一年后举行会议。", signed, "2024-03-08", entente.PrecisionYear, false, false},
		{"months after the instrument's signing", "于本备忘录签署六个月后", "双方将于本备忘录签署六个月后评估合作进展。", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		{"a span of years from the day of an event", "自本备忘录生效之日起两年内", "双方同意自本备忘录生效之日起两年内完成评估。", signed, "2025-03-08", entente.PrecisionYear, false, false},
		{"a full date that recurs", "於每年十二月三十一日前", "雙方應於每年十二月三十一日前擬定次一年度之工作計畫。", signed, "", entente.PrecisionOpen, false, false},
		{"English: later this year", "later this year", "The two sides plan to hold the Council's meeting later this year.", signed, "2023-12-31", entente.PrecisionYear, false, false},
		{"English: this year", "this year", "The agency plans to invest an initial sum this year.", signed, "2023-12-31", entente.PrecisionYear, false, false},
		{"Traditional: within this year", "於本年內", "貝方將於本年內派遣人員赴臺受訓。", signed, "2023-12-31", entente.PrecisionYear, false, false},
		{"Taiwan's quarter of a named year, before", "於2027年第一季前", "臺方將於2027年第一季前捐贈一艘巡邏艇。", signed, "2027-03-31", entente.PrecisionMonth, false, false},
		{"Taiwan's third quarter", "2026年第三季", "雙方將於2026年第三季完成評估。", signed, "2026-09-30", entente.PrecisionMonth, false, false},
		{"a quarter of a named year, before", "于2027年第四季度前", "双方将于2027年第四季度前启动项目。", signed, "2027-12-31", entente.PrecisionMonth, false, false},
		{"a date that recurs", "于每年三月底前", "泰方将于每年三月底前提交报告。", signed, "", entente.PrecisionOpen, false, false},
		// Traditional Chinese, read through its Simplified characters
		{"Traditional: a span of months", "於六個月內", "雙方決定於六個月內成立聯合工作小組。", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		{"Traditional: a span of weeks", "在三週內", "雙方同意在三週內完成磋商。", signed, "2023-03-29", entente.PrecisionDay, false, false},
		{"Traditional: as soon as possible", "盡快", "雙方將盡快啟動自貿協定談判。", signed, "", entente.PrecisionOpen, true, false},
		{"Traditional: within the signing year", "年內", "雙方將在年內簽署海關合作文件。", signed, "2023-12-31", entente.PrecisionYear, false, false},
		{"Traditional: a span of years cut short", "年內", "雙方將在未來五年內把雙邊貿易額提高一倍。", signed, "2028-03-08", entente.PrecisionYear, false, false},
		{"Traditional: the year after next", "後年", "雙方同意後年舉辦文化年活動。", signed, "2025-12-31", entente.PrecisionYear, false, false},
		// Taiwan's years (the Republic of China's: 1911 years later)
		{"Minguo: end of a year", "於114年底前", "雙方將於114年底前完成港口建設。", "2024-05-08", "2025-12-31", entente.PrecisionYear, false, false},
		{"Minguo: a full date", "於114年6月30日前", "雙方將於114年6月30日前完成換文。", "2024-05-08", "2025-06-30", entente.PrecisionDay, false, false},
		{"Minguo: named", "民國115年前", "雙方將於民國115年前完成。", "2024-05-08", "2026-12-31", entente.PrecisionYear, false, false},
		{"Minguo: a quarter of a named year", "於民國116年第三季前", "臺方將於民國116年第三季前援贈巡邏艇。", "2026-10-22", "2027-09-30", entente.PrecisionMonth, false, false},
		{"Minguo: a half of a named year", "於民國117年下半年", "雙方同意下屆會議於民國117年下半年在臺北舉行。", "2026-10-22", "2028-12-31", entente.PrecisionMonth, false, false},
		{"Traditional: the next years with no 內", "於未來兩年", "雙方同意於未來兩年優先推動下列事項：", signed, "2025-03-08", entente.PrecisionYear, false, false},
		{"a span of years is no Minguo year", "3年内", "该项目将在3年内完工。", signed, "2026-03-08", entente.PrecisionYear, false, false},
		// English, as en.cues' [deadline] finds it
		{"en: end of a named year", "by the end of 2025", "The two sides will conclude the agreement by the end of 2025.", signed, "2025-12-31", entente.PrecisionYear, false, false},
		{"en: a capital and two spaces", "By the end of  next year", "By the end of  next year, both sides will open consulates.", signed, "2024-12-31", entente.PrecisionYear, false, false},
		{"en: a full date, month first", "by May 8, 2025", "The parties will exchange instruments by May 8, 2025.", signed, "2025-05-08", entente.PrecisionDay, false, false},
		{"en: a full date, day first", "by 30 June 2025", "The railway will open by 30 June 2025.", signed, "2025-06-30", entente.PrecisionDay, false, false},
		{"en: a month of a year", "by September 2025", "Talks will conclude by September 2025.", signed, "2025-09-30", entente.PrecisionMonth, false, false},
		{"en: a named year", "by 2030", "Trade will double by 2030.", signed, "2030-12-31", entente.PrecisionYear, false, false},
		{"en: a span of years in words", "within five years", "The two sides will double trade within five years.", signed, "2028-03-08", entente.PrecisionYear, false, false},
		{"en: a span of months in figures", "within the next 18 months", "The study will be finished within the next 18 months.", signed, "2024-09-08", entente.PrecisionMonth, false, false},
		{"en: a year in words", "within a year", "A joint committee will meet within a year.", signed, "2024-03-08", entente.PrecisionYear, false, false},
		{"en: as soon as possible", "as soon as possible", "Both sides will resume flights as soon as possible.", signed, "", entente.PrecisionOpen, true, false},
		{"en: the end of the decade of signing", "by the end of the decade", "Both sides will double trade by the end of the decade.", signed, "2029-12-31", entente.PrecisionYear, false, false},
		{"en: no later than the end of a year", "no later than the end of 2026", "The sides will ratify it no later than the end of 2026.", signed, "2026-12-31", entente.PrecisionYear, false, false},
		{"en: a quarter", "in the third quarter of 2025", "The forum will meet in the third quarter of 2025.", signed, "2025-09-30", entente.PrecisionMonth, false, false},
		{"en: end-year, one word", "by end-2025", "Both sides will finish the review by end-2025.", signed, "2025-12-31", entente.PrecisionYear, false, false},
		{"sr: the middle of a year", "do sredine 2026", "Strane će do sredine 2026. godine potpisati sporazum.", signed, "2026-06-30", entente.PrecisionMonth, false, false},
		{"en: first half of a named year", "in the first half of 2026", "The summit will be held in the first half of 2026.", signed, "2026-06-30", entente.PrecisionMonth, false, false},
		// Serbian in both scripts, as sr.cues' [deadline] finds it
		{"sr: before the instrument's expiry", "најкасније шест месеци пре истека важења овог програма", "Стране ће најкасније шест месеци пре истека важења овог програма започети преговоре.", signed, "", entente.PrecisionOpen, false, false},
		{"sr: end of a named year", "do kraja 2025. godine", "Strane će završiti prugu do kraja 2025. godine.", signed, "2025-12-31", entente.PrecisionYear, false, false},
		{"sr: end of a named year in Cyrillic", "до краја 2025. године", "Стране ће завршити пругу до краја 2025. године.", signed, "2025-12-31", entente.PrecisionYear, false, false},
		{"sr: a full date with the month's name", "do 31. decembra 2025", "Strane će potpisati sporazum do 31. decembra 2025. godine.", signed, "2025-12-31", entente.PrecisionDay, false, false},
		{"sr: a full date in figures", "до 30. 6. 2025.", "Стране ће размeнити ноте до 30. 6. 2025.", signed, "2025-06-30", entente.PrecisionDay, false, false},
		{"sr: a full date in figures, unspaced", "do 30.6.2025", "Strane će razmeniti note do 30.6.2025. godine.", signed, "2025-06-30", entente.PrecisionDay, false, false},
		{"sr: a span of years in words", "u roku od dve godine", "Strane će otvoriti konzulate u roku od dve godine.", signed, "2025-03-08", entente.PrecisionYear, false, false},
		{"sr: a span of months in Cyrillic", "у року од шест месеци", "Стране ће усвојити план у року од шест месеци.", signed, "2023-09-08", entente.PrecisionMonth, false, false},
		{"sr: the next year", "do kraja sledeće godine", "Strane će održati sednicu do kraja sledeće godine.", signed, "2024-12-31", entente.PrecisionYear, false, false},
		{"sr: as soon as possible", "u najkraćem mogućem roku", "Strane će u najkraćem mogućem roku uspostaviti let.", signed, "", entente.PrecisionOpen, true, false},
		{"sr: first half of a named year", "u prvoj polovini 2026", "Samit će biti održan u prvoj polovini 2026. godine.", signed, "2026-06-30", entente.PrecisionMonth, false, false},
		{"sr: by the end of a quarter", "do kraja trećeg tromesečja 2026", "Strane će potpisati sporazum do kraja trećeg tromesečja 2026. godine.", signed, "2026-09-30", entente.PrecisionMonth, false, false},
		{"sr: by the start of a year", "do početka 2027. godine", "Strane će otvoriti lektorat do početka 2027. godine.", signed, "2027-01-01", entente.PrecisionYear, false, false},
		{"sr: by the start of a school year", "do početka školske 2027/2028. godine", "Strane će do početka školske 2027/2028. godine obezbediti udžbenike.", signed, "2027-09-01", entente.PrecisionMonth, false, false},
		{"sr: by the start of the summer season, Cyrillic", "до почетка летње сезоне 2027. године", "Стране ће подржати успостављање директне авио-линије до почетка летње сезоне 2027. године.", signed, "2027-06-01", entente.PrecisionMonth, false, false},
		{"sr: by the start of the tourist season", "do početka turističke sezone 2027. godine", "Strane će uvesti let do početka turističke sezone 2027. godine.", signed, "2027-06-01", entente.PrecisionMonth, false, false},
		{"sr: in a quarter, Cyrillic", "у првом тромесечју 2027", "Стране ће отворити канцеларију у првом тромесечју 2027. године.", signed, "2027-03-31", entente.PrecisionMonth, false, false},
		{"sr: in a month of a named year, Cyrillic", "у октобру 2026. године", "Дани културе биће одржани у октобру 2026. године.", signed, "2026-10-31", entente.PrecisionMonth, false, false},
		{"sr: by a month of a named year", "do marta 2027. godine", "Strane će do marta 2027. godine usvojiti program.", signed, "2027-03-31", entente.PrecisionMonth, false, false},
		{"sr: within months, in the genitive singular", "у року од три месеца", "Стране ће у року од три месеца образовати комитет.", signed, "2023-06-08", entente.PrecisionMonth, false, false},
		{"sr: in a quarter, kvartal", "u prvom kvartalu 2027. godine", "Strane će u prvom kvartalu 2027. godine održati konsultacije.", signed, "2027-03-31", entente.PrecisionMonth, false, false},
		{"sr: in the course of a named year", "u toku 2027. godine", "Strane će u toku 2027. godine uspostaviti vezu.", signed, "2027-12-31", entente.PrecisionYear, false, false},
		{"sr: the day a session is set for", "14. aprila 2027. godine", "Sednica će se održati u Rabatu 14. aprila 2027. godine.", signed, "2027-04-14", entente.PrecisionDay, false, false},
		{"sr: the two days a session is set for, Cyrillic", "14. и 15. априла 2027. године", "Седница ће се одржати у Рабату 14. и 15. априла 2027. године.", signed, "2027-04-15", entente.PrecisionDay, false, false},
		{"sr: an action plan's measure that runs on", "rok: kontinuirano", "Strane će razmenjivati iskustva (rok: kontinuirano).", signed, "", entente.PrecisionOpen, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := rules.Due(tc.deadline, tc.text, tc.signed)
			if d == nil {
				t.Fatalf("Due(%q) = nil", tc.deadline)
			}
			if d.Date != tc.date || d.Precision != tc.precision || d.Urgent != tc.urgent || d.Schedule != tc.schedule {
				t.Errorf("Due(%q in %q) = %+v, want %s %s urgent=%v schedule=%v", tc.deadline, tc.text, d, tc.date, tc.precision, tc.urgent, tc.schedule)
			}
			if !strings.HasPrefix(d.Rule, "due.rules:") {
				t.Errorf("rule %q does not name its line", d.Rule)
			}
		})
	}
	if d := rules.Due("", "双方将加强合作。", signed); d != nil {
		t.Errorf("no deadline gave %+v", d)
	}
	if d := rules.Due("届时", "届时双方将另行商定。", signed); d != nil {
		t.Errorf("a deadline no rule reads gave %+v", d)
	}
}

func TestParseDueRulesErrors(t *testing.T) {
	tests := []struct{ name, table, want string }{
		{"too few fields", "年内 S-12-31\n", "want: pattern due precision"},
		{"bad precision", "年内 S-12-31 week\n", "precision"},
		{"bad flag", "尽快 open open soon\n", "unknown flag"},
		{"unknown placeholder", "{Q}季度 S-03-31 month\n", "unknown placeholder"},
		{"unclosed placeholder", "{Y年 Y-12-31 year\n", "without }"},
		{"Y without {Y}", "年内 Y-12-31 year\n", "without {Y}"},
		{"span without {N}", "年内 +{N}y year\n", "+{N}y"},
		{"bad month", "{Y}年 Y-13-01 day\n", "month"},
		{"open with a precision", "尽快 open day\n", "open"},
		{"dated but open", "年内 S-12-31 open\n", "open"},
		{"not UTF-8", "\xff S-12-31 year\n", "UTF-8"},
		{"unknown flag after words", "as soon as possible open open soon\n", "unknown flag"},
		{"capitals", "By the end of {Y} Y-12-31 year\n", "lower case"},
		{"Cyrillic", "до краја {Y} Y-12-31 year\n", "lower case"},
		{"span without a unit", "within {N} +{N} year\n", "span"},
		{"a year twice", "{Y}年至{Y}年 Y-12-31 year\n", "twice"},
		{"span of an unknown unit", "within {N} quarters +{N}q year\n", "span"},
		{"span too long", "within a century +100y year\n", "span"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseDueRules("test.rules", []byte(tc.table))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "test.rules:") {
				t.Errorf("error %v, want one naming the line and %q", err, tc.want)
			}
		})
	}
}

func FuzzDueRules(f *testing.F) {
	f.Add("{Y}年底前 Y-12-31 year\n", "2025年底前", "将于2025年底前完成", "2024-01-01")
	f.Add("未来{N}年内 +{N}y year\n年内 S-12-31 year\n", "年内", "未来十年内", "2020-02-29")
	f.Add("{Y}年{M}月{D}日前 Y-M-D day\n", "二〇二五年十二月三十一日前", "于二〇二五年十二月三十一日前", "")
	f.Fuzz(func(t *testing.T, table, deadline, text, signed string) {
		r, err := ParseDueRules("fuzz", []byte(table))
		if err != nil {
			return
		}
		d := r.Due(deadline, text, signed)
		if d == nil {
			return
		}
		if (d.Date == "") != (d.Precision == entente.PrecisionOpen) {
			t.Errorf("due %+v: a date without precision or the reverse", d)
		}
	})
}
