package web

// registryWords are the registry's and the citation pages' words in one
// language.
type registryWords struct {
	Registry, Graph, Citations, Cites, CitedBy, Kind, AnyKind, Find, Name, Aliases, Language, Reason, Sure     string
	Documents, Mentions, Parties, Year, Document, InLibrary, NotInLibrary, NoEntries, NoCites, NoCitedBy, Edit string
	Merge, MergeInto, Split, SplitHint, Rename, NewName, Why, Done, Instrument, Cited, Citing, GraphHint, Of   string
	Next, Prev, Sentence, EntryID, Shown, DocKind, Behind                                                      string
}

var registryWordsZH = &registryWords{
	Registry: "文件与机制登记", Graph: "引用关系图", Citations: "引用", Cites: "本文件引用", CitedBy: "引用本文件的文件",
	Kind: "类别", AnyKind: "全部类别", Find: "查找", Name: "名称", Aliases: "别名", Language: "语言", Reason: "合并依据",
	Sure: "置信度", Documents: "文件数", Mentions: "提及", Parties: "相关方", Year: "年份", Document: "库内文件",
	InLibrary: "库内文件", NotInLibrary: "不在库中", NoEntries: "没有匹配的登记条目。", NoCites: "本文件未引用任何文件。",
	NoCitedBy: "库中没有文件引用本文件。", Edit: "编辑（编辑人员）", Merge: "合并", MergeInto: "并入条目编号",
	Split: "拆分", SplitHint: "勾选要拆分为新条目的别名", Rename: "更名", NewName: "新名称", Why: "理由", Done: "已保存。",
	Instrument: "被引文件", Cited: "被引用", Citing: "引用方文件", GraphHint: "节点为文件与被引文件；点击打开。下表列出相同的引用。",
	Of: "共", Next: "下一页", Prev: "上一页", Sentence: "句子", EntryID: "条目", Shown: "显示", DocKind: "文件类型",
	Behind: "登记正在根据最新文件更新，稍后刷新即可看到。",
}

var registryWordsEN = &registryWords{
	Registry: "Registry", Graph: "Citation graph", Citations: "Citations", Cites: "This document cites",
	CitedBy: "Documents that cite it", Kind: "Kind", AnyKind: "Any kind", Find: "Find", Name: "Name", Aliases: "Names",
	Language: "Language", Reason: "Why joined", Sure: "Confidence", Documents: "Documents", Mentions: "Mentions",
	Parties: "Parties", Year: "Year", Document: "In the library", InLibrary: "In the library", NotInLibrary: "not in the library",
	NoEntries: "No registry entry matches.", NoCites: "This document cites no instrument.",
	NoCitedBy: "No stored document cites this one.", Edit: "Edit (editors)", Merge: "Merge", MergeInto: "Into entry number",
	Split: "Split", SplitHint: "Tick the names to move into an entry of their own", Rename: "Rename", NewName: "New name",
	Why: "Reason", Done: "Saved.", Instrument: "Instrument", Cited: "Cited", Citing: "Citing",
	GraphHint: "Nodes are documents and the instruments they cite; click one to open it. The table below lists the same citations.",
	Of:        "of", Next: "Next", Prev: "Previous", Sentence: "Sentence", EntryID: "Entry", Shown: "shown", DocKind: "Kind of instrument",
	Behind: "The registry is being brought up to date with the latest documents; reload in a moment to see them.",
}

var registryWordsSR = &registryWords{
	Registry: "Registar", Graph: "Graf citiranja", Citations: "Citiranja", Cites: "Ovaj dokument citira",
	CitedBy: "Dokumenti koji ga citiraju", Kind: "Vrsta", AnyKind: "Sve vrste", Find: "Nađi", Name: "Naziv", Aliases: "Nazivi",
	Language: "Jezik", Reason: "Zašto spojeno", Sure: "Pouzdanost", Documents: "Dokumenti", Mentions: "Pominjanja",
	Parties: "Strane", Year: "Godina", Document: "U biblioteci", InLibrary: "U biblioteci", NotInLibrary: "nije u biblioteci",
	NoEntries: "Nijedan unos registra ne odgovara.", NoCites: "Ovaj dokument ne citira nijedan akt.",
	NoCitedBy: "Nijedan sačuvani dokument ne citira ovaj.", Edit: "Izmena (urednici)", Merge: "Spoji", MergeInto: "U unos broj",
	Split: "Razdvoji", SplitHint: "Označite nazive koji prelaze u poseban unos", Rename: "Preimenuj", NewName: "Novi naziv",
	Why: "Razlog", Done: "Sačuvano.", Instrument: "Akt", Cited: "Citirano", Citing: "Dokument koji citira",
	GraphHint: "Čvorovi su dokumenti i akti koje citiraju; kliknite da otvorite. Tabela ispod navodi ista citiranja.",
	Of:        "od", Next: "Sledeća", Prev: "Prethodna", Sentence: "Rečenica", EntryID: "Unos", Shown: "prikazano", DocKind: "Vrsta akta",
	Behind: "Registar se ažurira najnovijim dokumentima; osvežite stranicu za trenutak.",
}

func registryWordsFor(lang string) *registryWords {
	switch lang {
	case "en":
		return registryWordsEN
	case "sr":
		return registryWordsSR
	}
	return registryWordsZH
}
