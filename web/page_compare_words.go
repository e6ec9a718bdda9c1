package web

import "github.com/entente/entente"

// compareWords are the words of the pages that read statements side by
// side (timeline, compare, pair), in one language.
type compareWords struct {
	Timeline, Compare, Pair, Documents, Relationship, ByArea, Recycled, Followups                    string
	NoSteps, NoDocs, NoRows, NoRecycled, NoFollowups, From, Sentence, Score, Why, Summary            string
	FirstPromised, Repeated, Reported, Suggests, Accept, Dismiss, Reason, Status, Area, Total        string
	Inferred, ComparePick, First, Second, Show, PairPick, Scorecard, Compliance, Commitments, Change string
	FollowupsShown                                                                                   string // n of total, the rest
	DocsShown, StepsShown                                                                            string // n of total
	AllDocs, YearDocs                                                                                string // YearDocs: year, count
	Computing                                                                                        string // more than n statements
	Actions                                                                                          map[entente.RelationshipAction]string
	Marks                                                                                            map[entente.Mark]string
}

var compareWordsZH = &compareWords{
	Timeline: "关系演进", Compare: "文件对比", Pair: "双边关系", Documents: "文件", Relationship: "关系定位",
	ByArea: "各领域承诺及状态（承诺×行为方）", Recycled: "反复出现的承诺", Followups: "后续报告（建议证据）",
	NoSteps: "这两方的文件均未提及双边关系定位。", NoDocs: "这两方没有共同签署的文件。", NoRows: "两份文件都没有承诺或立场。",
	NoRecycled: "没有反复出现的承诺。", NoFollowups: "没有待处理的后续报告。", From: "原为", Sentence: "句子", Score: "相似度",
	Why: "依据", Summary: "各领域变化", FirstPromised: "首次承诺于", Repeated: "重复次数", Reported: "报告", Suggests: "建议状态",
	Accept: "采纳为证据", Dismiss: "驳回", Reason: "理由", Status: "状态", Area: "领域", Total: "合计", Inferred: "（推断）",
	ComparePick: "选择两份文件进行对比", First: "文件一", Second: "文件二", Show: "对比", PairPick: "选择双方",
	Scorecard: "记分卡", Compliance: "履约得分", Commitments: "承诺", Change: "变化",
	FollowupsShown: "显示最新的 %d 条，共 %d 条待处理；其余见",
	DocsShown:      "显示最新的 %d 份，共 %d 份；全部：",
	StepsShown:     "显示 %d 步，共 %d 步：先建立与提升，后重申，各取最近的；",
	AllDocs:        "列出全部",
	YearDocs:       "%s 年 · %d 份文件",
	Computing:      "这两方共同签署的文件超过 %d 份，正在后台计算其双边视图（反复出现的承诺与后续报告），本页每隔几秒自动刷新。",
	Actions:        map[entente.RelationshipAction]string{entente.Established: "建立", entente.Upgraded: "提升", entente.Reaffirmed: "重申"},
	Marks: map[entente.Mark]string{entente.Repeated: "重复", entente.Reworded: "改写", entente.Strengthened: "加强",
		entente.Weakened: "减弱", entente.Added: "新增", entente.Dropped: "删去"},
}

var compareWordsEN = &compareWords{
	Timeline: "Relationship timeline", Compare: "Compare two documents", Pair: "Pair of parties", Documents: "Documents",
	Relationship: "Relationship", ByArea: "Commitments by area and status (commitment × party)", Recycled: "Recycled promises",
	Followups: "Follow-ups (suggested evidence)", NoSteps: "No document of these parties names their relationship.",
	NoDocs: "These parties share no document.", NoRows: "Neither document has a commitment or a position.",
	NoRecycled: "No promise came back.", NoFollowups: "No follow-up is pending.", From: "from", Sentence: "Sentence",
	Score: "Similarity", Why: "Because", Summary: "Changes by area", FirstPromised: "first promised on", Repeated: "times repeated",
	Reported: "Report", Suggests: "Suggested status", Accept: "Accept as evidence", Dismiss: "Dismiss", Reason: "Reason",
	Status: "Status", Area: "Area", Total: "Total", Inferred: "(inferred)", ComparePick: "Choose two documents to compare",
	First: "First document", Second: "Second document", Show: "Compare", PairPick: "Choose two parties",
	Scorecard: "Scorecard", Compliance: "Compliance", Commitments: "commitments", Change: "change",
	FollowupsShown: "The newest %d of %d pending are shown; all of them:",
	DocsShown:      "The newest %d of %d are shown; all of them:",
	StepsShown:     "%d of %d steps are shown, establishments and upgrades before reaffirmations, the newest of each;",
	AllDocs:        "list all",
	YearDocs:       "%s · %d documents",
	Computing:      "These parties share more than %d statements: their view (recycled promises, follow-ups) is being computed in the background, and this page reloads itself every few seconds.",
	Actions:        map[entente.RelationshipAction]string{entente.Established: "established", entente.Upgraded: "upgraded", entente.Reaffirmed: "reaffirmed"},
	Marks: map[entente.Mark]string{entente.Repeated: "repeated", entente.Reworded: "reworded", entente.Strengthened: "strengthened",
		entente.Weakened: "weakened", entente.Added: "added", entente.Dropped: "dropped"},
}

var compareWordsSR = &compareWords{
	Timeline: "Razvoj odnosa", Compare: "Uporedi dva dokumenta", Pair: "Par strana", Documents: "Dokumenti",
	Relationship: "Odnos", ByArea: "Obaveze po oblasti i statusu (obaveza × strana)", Recycled: "Ponovljena obećanja",
	Followups: "Kasniji izveštaji (predloženi dokazi)", NoSteps: "Nijedan dokument ovih strana ne imenuje njihov odnos.",
	NoDocs: "Ove strane nemaju zajednički dokument.", NoRows: "Nijedan od dva dokumenta nema obavezu ni stav.",
	NoRecycled: "Nijedno obećanje se nije ponovilo.", NoFollowups: "Nema kasnijih izveštaja na čekanju.", From: "ranije", Sentence: "Rečenica",
	Score: "Sličnost", Why: "Zašto", Summary: "Promene po oblasti", FirstPromised: "prvi put obećano", Repeated: "puta ponovljeno",
	Reported: "Izveštaj", Suggests: "Predloženi status", Accept: "Prihvati kao dokaz", Dismiss: "Odbaci", Reason: "Razlog",
	Status: "Status", Area: "Oblast", Total: "Ukupno", Inferred: "(zaključeno)", ComparePick: "Izaberite dva dokumenta za poređenje",
	First: "Prvi dokument", Second: "Drugi dokument", Show: "Uporedi", PairPick: "Izaberite dve strane",
	Scorecard: "Karta ocena", Compliance: "Ispunjenost", Commitments: "obaveza", Change: "promena",
	FollowupsShown: "Prikazano je najnovijih %d od %d na čekanju; svi:",
	DocsShown:      "Prikazano je najnovijih %d od %d; svi:",
	StepsShown:     "Prikazano je %d od %d koraka, uspostavljanja i unapređenja pre potvrda, najnoviji od svakih;",
	AllDocs:        "prikaži sve",
	YearDocs:       "%s · dokumenata: %d",
	Computing:      "Ove strane imaju više od %d zajedničkih izjava: njihov pregled (ponovljena obećanja, kasniji izveštaji) računa se u pozadini, a stranica se sama osvežava na nekoliko sekundi.",
	Actions:        map[entente.RelationshipAction]string{entente.Established: "uspostavljen", entente.Upgraded: "unapređen", entente.Reaffirmed: "potvrđen"},
	Marks: map[entente.Mark]string{entente.Repeated: "ponovljeno", entente.Reworded: "preformulisano", entente.Strengthened: "pojačano",
		entente.Weakened: "oslabljeno", entente.Added: "dodato", entente.Dropped: "izostavljeno"},
}

func compareWordsFor(lang string) *compareWords {
	switch lang {
	case "en":
		return compareWordsEN
	case "sr":
		return compareWordsSR
	}
	return compareWordsZH
}
