package web

// trackWords are the tracking pages' words in one language, apart from
// texts so that each page's words stay with it.
type trackWords struct {
	Commitments, Status, Statuses, Due, Overdue, Upcoming, Evidence, Corrections, History, Reason string
	SetStatus, AddEvidence, URL, Publisher, EventDate, Quote, Official, Party, AllParties, Save   string
	Correct, Field, Value, Undo, Review, Approve, Reject, Retracted, NoneWaiting, Revision        string
	Scorecard, Rated, Compliance, Track, ListHint, Open, Urgent, Withdrawn, Flag, Waiting         string
	Format, Scale, OwnScale, ExportTable, ExportScorecard                                         string
	Boundaries, Split, SplitHint, Join                                                            string
}

var trackWordsZH = &trackWords{
	Commitments: "承诺追踪", Status: "状态", Statuses: "各方状态", Due: "到期", Overdue: "已逾期", Upcoming: "90天内到期",
	Evidence: "证据", Corrections: "更正", History: "历史", Reason: "理由", SetStatus: "设置状态", AddEvidence: "新证据（可选）",
	URL: "网址", Publisher: "发布者", EventDate: "事件日期", Quote: "引文", Official: "官方来源", Party: "一方",
	AllParties: "所有行为方", Save: "保存", Correct: "更正标签", Field: "字段", Value: "新值（列表用逗号分隔；none 为空）",
	Undo: "撤销", Review: "审核队列", Approve: "批准", Reject: "驳回", Retracted: "已撤回", NoneWaiting: "没有待审核的更正。",
	Revision: "版本", Scorecard: "记分卡", Rated: "已评", Compliance: "履约得分", Track: "追踪：状态、证据、更正、历史",
	ListHint: "每项承诺按行为方记录状态；状态须附证据（改回“未评估”除外）。", Open: "无具体日期", Urgent: "从速",
	Withdrawn: "已撤下", Flag: "需复核", Waiting: "待批准",
	Format: "格式", Scale: "状态另以", OwnScale: "仅本系统状态", ExportTable: "导出承诺表", ExportScorecard: "导出记分卡",
	Boundaries: "句子边界", Split: "拆分", SplitHint: "每行一部分：在要拆开的地方换行", Join: "与下一句合并",
}

var trackWordsEN = &trackWords{
	Commitments: "Commitments", Status: "Status", Statuses: "Status per party", Due: "Due", Overdue: "Overdue",
	Upcoming: "Due within 90 days", Evidence: "Evidence", Corrections: "Corrections", History: "History", Reason: "Reason",
	SetStatus: "Set the status", AddEvidence: "New evidence (optional)", URL: "Address", Publisher: "Publisher",
	EventDate: "Date of the event", Quote: "Quote", Official: "Official source", Party: "Party", AllParties: "All actors",
	Save: "Save", Correct: "Correct a label", Field: "Field", Value: "New value (lists comma-separated; none for empty)",
	Undo: "Undo", Review: "Review queue", Approve: "Approve", Reject: "Reject", Retracted: "retracted",
	NoneWaiting: "No correction waits for review.", Revision: "revision", Scorecard: "Scorecard", Rated: "rated",
	Compliance: "Compliance", Track: "Tracking: status, evidence, corrections, history",
	ListHint: "Each commitment has a status per actor; a status names its evidence (except a return to “not rated”).",
	Open:     "no date", Urgent: "urgent", Withdrawn: "withdrawn", Flag: "to check", Waiting: "waiting for approval",
	Format: "Format", Scale: "Statuses also in", OwnScale: "Entente's statuses only", ExportTable: "Export the table",
	ExportScorecard: "Export the scorecard",
	Boundaries:      "Sentence boundaries", Split: "Split", SplitHint: "One part per line: break the line where the sentence splits",
	Join: "Join with the next sentence",
}

var trackWordsSR = &trackWords{
	Commitments: "Obaveze", Status: "Status", Statuses: "Status po strani", Due: "Rok", Overdue: "Istekao rok",
	Upcoming: "Rok u narednih 90 dana", Evidence: "Dokazi", Corrections: "Ispravke", History: "Istorija", Reason: "Razlog",
	SetStatus: "Postavite status", AddEvidence: "Novi dokaz (nije obavezno)", URL: "Adresa", Publisher: "Izdavač",
	EventDate: "Datum događaja", Quote: "Citat", Official: "Zvanični izvor", Party: "Strana", AllParties: "Svi akteri",
	Save: "Sačuvaj", Correct: "Ispravite oznaku", Field: "Polje", Value: "Nova vrednost (spiskovi odvojeni zarezom; none za prazno)",
	Undo: "Poništi", Review: "Red za pregled", Approve: "Odobri", Reject: "Odbij", Retracted: "povučeno",
	NoneWaiting: "Nijedna ispravka ne čeka pregled.", Revision: "revizija", Scorecard: "Karta ocena", Rated: "ocenjeno",
	Compliance: "Ispunjenost", Track: "Praćenje: status, dokazi, ispravke, istorija",
	ListHint: "Svaka obaveza ima status po akteru; status navodi svoj dokaz (osim povratka na „nije ocenjeno”).",
	Open:     "bez datuma", Urgent: "hitno", Withdrawn: "povučen", Flag: "za proveru", Waiting: "čeka odobrenje",
	Format: "Format", Scale: "Statusi i na skali", OwnScale: "Samo statusi Ententea", ExportTable: "Izvezi tabelu",
	ExportScorecard: "Izvezi kartu ocena",
	Boundaries:      "Granice rečenica", Split: "Podeli", SplitHint: "Jedan deo po redu: prelomite red gde se rečenica deli",
	Join: "Spoji sa sledećom rečenicom",
}

func trackWordsFor(lang string) *trackWords {
	switch lang {
	case "en":
		return trackWordsEN
	case "sr":
		return trackWordsSR
	}
	return trackWordsZH
}
