package extract

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/entente/entente/lexicon"
)

// Detection is the language a text was recognised as, with the evidence.
type Detection struct {
	Tag      string // zh, zh-Hant, en, sr-Cyrl, sr-Latn, or und
	Evidence string // what decided it, for the user
}

// detector holds the evidence detection reads, from lexicon/data/detect.cues.
type detector struct {
	english, serbian, other map[string]bool
	traditional             string // frequent traditional-only characters
}

func newDetector() (*detector, error) {
	t, err := lexicon.Load("detect")
	if err != nil {
		return nil, err
	}
	if err := t.Require("traditional-common", "stop-en", "stop-sr", "stop-other"); err != nil {
		return nil, err
	}
	return &detector{
		english: keySet(t.Words("stop-en")), serbian: keySet(t.Words("stop-sr")),
		other: keySet(t.Words("stop-other")), traditional: strings.Join(t.Words("traditional-common"), ""),
	}, nil
}

// sampleRunes bounds what detection reads: the opening of a statement says
// its language.
const sampleRunes = 6000

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
		if !strings.ContainsAny(s, r.detect.traditional) {
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
		if r.detect.english[k] {
			en++
		}
		if r.detect.serbian[k] {
			sr++
		}
		if r.detect.other[k] {
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
