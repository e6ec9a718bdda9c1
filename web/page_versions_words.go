package web

// versionWords are the words of the versions box and the parallel reader.
type versionWords struct {
	Versions, NoVersions, NotVersion, Auto, Manual, Link, Unlink, Other, Reason, Parallel string
	Linked, NotLinked, Unpaired, Done                                                     string
}

var versionWordsZH = &versionWords{
	Versions: "其他语言文本", NoVersions: "尚无关联的其他语言文本。", NotVersion: "已确认不是同一文件",
	Auto: "自动关联", Manual: "人工", Link: "关联为同一文件的另一语言文本", Unlink: "取消关联", Other: "文件编号",
	Reason: "理由", Parallel: "对照阅读", Linked: "已关联为同一文件", NotLinked: "未关联：仅作对照",
	Unpaired: "（无对应句）", Done: "已保存。",
}

var versionWordsEN = &versionWords{
	Versions: "Other languages", NoVersions: "No text in another language is linked yet.", NotVersion: "said not to be this statement",
	Auto: "linked automatically", Manual: "by hand", Link: "Link as the same statement in another language", Unlink: "Unlink",
	Other: "Document number", Reason: "Reason", Parallel: "Read side by side", Linked: "linked as one statement",
	NotLinked: "not linked: shown side by side only", Unpaired: "(no counterpart)", Done: "Saved.",
}

var versionWordsSR = &versionWords{
	Versions: "Drugi jezici", NoVersions: "Još nije povezan nijedan tekst na drugom jeziku.", NotVersion: "utvrđeno da nije ova izjava",
	Auto: "povezano automatski", Manual: "ručno", Link: "Povežite kao istu izjavu na drugom jeziku", Unlink: "Raskinite vezu",
	Other: "Broj dokumenta", Reason: "Razlog", Parallel: "Uporedno čitanje", Linked: "povezano kao jedna izjava",
	NotLinked: "nije povezano: samo uporedni prikaz", Unpaired: "(bez para)", Done: "Sačuvano.",
}

func versionWordsFor(lang string) *versionWords {
	switch lang {
	case "en":
		return versionWordsEN
	case "sr":
		return versionWordsSR
	}
	return versionWordsZH
}
