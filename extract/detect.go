package extract

import (
	"fmt"
	"strings"
	"unicode"
)

// Detection is the language a text was recognised as, with the evidence.
type Detection struct {
	Tag      string // zh, zh-Hant, en, sr-Cyrl, sr-Latn, or und
	Evidence string // what decided it, for the user
}

// the words that tell English and Serbian statements apart: frequent
// function words of each (Serbian in its Latin spelling; Cyrillic text is
// read through it).
var (
	englishStops = wordList("the of and to in will shall on for with that is are both sides two their its by as be has have this which from at")
	serbianStops = wordList("i u je su se da na za od sa će o ili kao koji koje koja strane dve obe dva saradnje saradnju oblasti između i takođe biće ne ovaj")
	// words of languages that share a script with these but have no rules
	// here, so that a French or Russian text is not read as English or
	// Serbian
	otherStops = wordList("le la les des et du est une pour dans der die das und ist nicht el los las y del que por con")
)

func wordList(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// sampleRunes bounds what detection reads: the opening of a statement says
// its language.
const sampleRunes = 6000

// commonTraditional are frequent characters that exist only in Traditional
// Chinese: when none occurs in a Chinese text, it is Simplified and the
// OpenCC table need not be read.
const commonTraditional = "國們這與為會對關於發經濟說時實現進動後將議區華聯協體業貿資務學環總統長東亞歐鐵設開續係雙際導領問間見員場達簽聲處萬億強圍戰權黨組織傳環報農義"

// Detect recognises a statement's language from its script and its
// function words: Han text is Chinese (zh-Hant when traditional-only
// characters make up a share of it), Cyrillic or Latin text with Serbian
// function words is Serbian in that script, Latin text with English ones
// English. Anything else is "und".
func (r *Registry) Detect(text string) Detection {
	var han, cyr, lat, serbianLetters, russianLetters int
	var sample strings.Builder
	n := 0
	for _, c := range text {
		if n >= sampleRunes {
			break
		}
		n++
		sample.WriteRune(c)
		switch {
		case unicode.Is(unicode.Han, c):
			han++
		case unicode.Is(unicode.Cyrillic, c):
			cyr++
			if strings.ContainsRune("ђћљњџјЂЋЉЊЏЈ", c) {
				serbianLetters++
			}
			if strings.ContainsRune("ыэйщъЫЭЙЩЪёЁ", c) {
				russianLetters++
			}
		case unicode.Is(unicode.Latin, c):
			lat++
			if strings.ContainsRune("čćšžđČĆŠŽĐ", c) {
				serbianLetters++
			}
		}
	}
	s := sample.String()
	letters := han + cyr + lat
	if letters == 0 {
		return Detection{Tag: "und", Evidence: "no letters"}
	}
	// Chinese: Han characters weigh about as much as a Latin word
	if han > 0 && han*4 >= lat+cyr {
		if !strings.ContainsAny(s, commonTraditional) {
			return Detection{Tag: "zh", Evidence: fmt.Sprintf("%d Han characters, none traditional-only among the common ones", han)}
		}
		trad, seen, err := r.hant.traditionalShare(s, 3000)
		if err != nil {
			return Detection{Tag: "zh", Evidence: fmt.Sprintf("%d Han characters (traditional table unreadable: %v)", han, err)}
		}
		if trad*20 >= seen && trad >= 3 {
			return Detection{Tag: "zh-Hant", Evidence: fmt.Sprintf("%d of %d Han characters traditional-only", trad, seen)}
		}
		return Detection{Tag: "zh", Evidence: fmt.Sprintf("%d Han characters, %d traditional-only", seen, trad)}
	}
	en, sr, other := 0, 0, 0
	for _, w := range tokenize([]rune(s)) {
		if w.Punct {
			continue
		}
		k := w.Key
		if englishStops[k] {
			en++
		}
		if serbianStops[k] {
			sr++
		}
		if otherStops[k] {
			other++
		}
	}
	sr += serbianLetters / 4
	evidence := fmt.Sprintf("function words: English %d, Serbian %d, other %d", en, sr, other)
	switch {
	case cyr > lat:
		if russianLetters*10 > cyr || (serbianLetters == 0 && sr < 3) {
			return Detection{Tag: "und", Evidence: "Cyrillic without Serbian letters or words; " + evidence}
		}
		return Detection{Tag: "sr-Cyrl", Evidence: "Cyrillic; " + evidence}
	case sr >= 3 && sr > en && sr > other:
		return Detection{Tag: "sr-Latn", Evidence: "Latin; " + evidence}
	case en >= 3 && en > other:
		return Detection{Tag: "en", Evidence: "Latin; " + evidence}
	}
	return Detection{Tag: "und", Evidence: evidence}
}
