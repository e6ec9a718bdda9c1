package web

// dashWords are the dashboard's own words in one UI language.
type dashWords struct {
	Pair, PairHint, Apply, Clear, ByStatus, Score, OverTime, Month   string
	Commitments, Pairs, Rated, Compliance, Overdue, NoneRated, Scale string
	NoChange, ExportScorecard                                        string
}

var dashWordsByLang = map[string]*dashWords{
	"zh": {
		Pair: "双方", PairHint: "请填写两个不同的缔约方，用逗号分隔，如 CN,RS 或 中国,塞尔维亚。", Apply: "筛选", Clear: "清除筛选",
		ByStatus: "按履约状态（承诺×缔约方）", Score: "履约得分", OverTime: "随时间的变化（每月月末）", Month: "月份",
		Commitments: "承诺", Pairs: "承诺×缔约方", Rated: "已评估", Compliance: "履约得分", Overdue: "已逾期",
		NoneRated: "尚无评估", Scale: "G7/G20 研究小组量表：已履行 +1，部分履行与进行中 0，未启动、停滞与背离 −1；只计已评估的承诺×缔约方，未评估不算失败。",
		NoChange: "尚无状态变更。", ExportScorecard: "导出记分卡",
	},
	"en": {
		Pair: "Pair", PairHint: "give two different parties separated by a comma: CN,RS or China, Serbia.", Apply: "Filter",
		Clear: "Clear the filters", ByStatus: "By status (commitment × party)", Score: "Compliance score",
		OverTime: "Change over time (end of each month)", Month: "Month", Commitments: "Commitments",
		Pairs: "Commitment × party", Rated: "Rated", Compliance: "Compliance", Overdue: "Overdue", NoneRated: "nothing rated yet",
		Scale:    "G7/G20 Research Group scale: fulfilled +1, partially fulfilled and in progress 0, not started, stalled and reversed −1; averaged over rated (commitment, party) pairs only: not rated is never a failure.",
		NoChange: "No status has changed yet.", ExportScorecard: "Export the scorecard",
	},
	"sr": {
		Pair: "Par", PairHint: "navedite dve različite strane odvojene zarezom: CN,RS ili Kina, Srbija.", Apply: "Filtriraj",
		Clear: "Ukloni filtere", ByStatus: "Po statusu (obaveza × strana)", Score: "Ocena ispunjenosti",
		OverTime: "Promena kroz vreme (kraj svakog meseca)", Month: "Mesec", Commitments: "Obaveze",
		Pairs: "Obaveza × strana", Rated: "Ocenjeno", Compliance: "Ispunjenost", Overdue: "Istekao rok", NoneRated: "još ništa nije ocenjeno",
		Scale:    "Skala istraživačke grupe G7/G20: ispunjeno +1, delimično ispunjeno i u toku 0, nije započeto, zastalo i preokrenuto −1; prosek samo ocenjenih parova (obaveza, strana): neocenjeno nikad nije neuspeh.",
		NoChange: "Nijedan status se još nije promenio.", ExportScorecard: "Izvezi kartu ocena",
	},
}

func dashWordsFor(lang string) *dashWords {
	if w, ok := dashWordsByLang[lang]; ok {
		return w
	}
	return dashWordsByLang["en"]
}
