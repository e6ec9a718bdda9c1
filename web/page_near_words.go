package web

// nearWords are the words that show how a near-duplicate source (the same
// statement from another publisher) differs from the stored text.
type nearWords struct {
	Near, Shared, Start, End, Body, Stored, Source, Nothing, Times string
}

var nearWordsZH = &nearWords{
	Near: "同一文件的另一发布版本", Shared: "相同正文占", Start: "开头不同", End: "结尾不同", Body: "标点不同",
	Stored: "本文", Source: "此来源", Nothing: "（无）", Times: "处",
}

var nearWordsEN = &nearWords{
	Near: "the same statement from another publisher", Shared: "common body", Start: "differs at the start",
	End: "differs at the end", Body: "marks differ", Stored: "stored text", Source: "this source", Nothing: "(nothing)", Times: "places",
}

var nearWordsSR = &nearWords{
	Near: "ista izjava drugog izdavača", Shared: "zajednički tekst", Start: "razlika na početku", End: "razlika na kraju",
	Body: "razlika u interpunkciji", Stored: "sačuvani tekst", Source: "ovaj izvor", Nothing: "(ništa)", Times: "mesta",
}

func nearWordsFor(lang string) *nearWords {
	switch lang {
	case "en":
		return nearWordsEN
	case "sr":
		return nearWordsSR
	}
	return nearWordsZH
}
