package web

// trackWords are the tracking pages' words in one language, apart from
// texts so that each page's words stay with it.
type trackWords struct {
	Commitments, Status, Statuses, Due, Overdue, Upcoming, Evidence, Corrections, History, Reason string
	SetStatus, AddEvidence, URL, Publisher, EventDate, Quote, Official, Party, AllParties, Save   string
	Correct, Field, Value, Undo, Review, Approve, Reject, Retracted, NoneWaiting, Revision        string
	Scorecard, Rated, Compliance, Track, ListHint, Open, Urgent, Withdrawn, Flag, Waiting         string
	Format, Scale, OwnScale, ExportTable, ExportScorecard                                         string
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
}

func trackWordsFor(lang string) *trackWords {
	if lang == "en" {
		return trackWordsEN
	}
	return trackWordsZH
}
