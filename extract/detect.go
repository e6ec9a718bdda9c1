package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/entente/entente/lexicon"
)

// Detection is the language a text was recognised as, with the evidence.
type Detection struct {
	Tag      string // zh, zh-Hant, en, sr-Cyrl, sr-Latn, or und
	Evidence string // what decided it, for the user
}

// detector holds the evidence detection reads, from lexicon/data/detect.cues.
type detector struct {
	// stop marks each function word with the languages it is one of
	// (stopEnglish, stopSerbian, stopOther): one look-up per word
	stop        map[string]uint8
	traditional string // frequent traditional-only characters
}

const (
	stopEnglish uint8 = 1 << iota
	stopSerbian
	stopOther
)

func newDetector() (*detector, error) {
	t, err := lexicon.Load("detect")
	if err != nil {
		return nil, err
	}
	if err := t.Require("traditional-common", "stop-en", "stop-sr", "stop-other"); err != nil {
		return nil, err
	}
	d := &detector{stop: map[string]uint8{}, traditional: strings.Join(t.Words("traditional-common"), "")}
	for _, l := range []struct {
		section string
		bit     uint8
	}{{"stop-en", stopEnglish}, {"stop-sr", stopSerbian}, {"stop-other", stopOther}} {
		for k := range keySet(t.Words(l.section)) {
			d.stop[k] |= l.bit
		}
	}
	return d, nil
}

// sampleRunes bounds what detection reads: the opening of a statement says
// its language.
const sampleRunes = 6000

// detectPiece is the length in bytes from which detection cuts its sample
// at the next space, to tokenize it a piece at a time.
const detectPiece = 1024

// Detect recognises a statement's language from its script and its
// function words: Han text is Chinese (zh-Hant when traditional-only
// characters make up a share of it), Cyrillic or Latin text with Serbian
// function words is Serbian in that script, Latin text with English ones
// English. Anything else is "und".
func (r *Registry) Detect(text string) Detection {
	var han, cyr, lat, serbianLetters, russianLetters int
	n, end := 0, len(text) // end: the sample's length in bytes
	for i, c := range text {
		if n >= sampleRunes {
			end = i
			break
		}
		n++
		switch {
		case c < utf8.RuneSelf: // no Han, Cyrillic or Serbian letter among them
			if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
				lat++
			}
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
	s := text[:end]
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // each invalid byte U+FFFD, as the loop above read it
	}
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
	// the sample is read a piece at a time into one buffer: a piece ends
	// at a space, which no word crosses, so the words are the sample's
	rs := make([]rune, 0, detectPiece+64) // a piece's runes: at most its bytes
	ws := make([]word, 0, detectPiece/4)
	var keys strings.Builder
	for rest := s; rest != ""; {
		piece := rest
		if len(rest) > detectPiece {
			if i := strings.IndexAny(rest[detectPiece:], " \n\t"); i >= 0 {
				piece = rest[:detectPiece+i]
			}
		}
		rest = rest[len(piece):]
		rs = rs[:0]
		for _, c := range piece {
			rs = append(rs, c)
		}
		ws = appendTokensKeys(ws[:0], piece, rs, &keys)
		for _, w := range ws {
			if w.Punct {
				continue
			}
			f := r.detect.stop[w.Key]
			if f&stopEnglish != 0 {
				en++
			}
			if f&stopSerbian != 0 {
				sr++
			}
			if f&stopOther != 0 {
				other++
			}
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
