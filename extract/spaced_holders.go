package extract

import "github.com/entente/entente"

// holdersSpan returns the words [a, b) of the holders an action plan names
// for a measure, after a [holders] phrase and its colon opening a
// parenthesis or a part of it ((nosioci: Ministarstvo … i Ministarstvo …;
// rok: …)): up to the next semicolon or the closing parenthesis. b is 0
// when the sentence names none.
func (x *Spaced) holdersSpan(st *sentence) (int, int) {
	if x.holders == nil {
		return 0, 0
	}
	depth := 0
	for i := range st.ws {
		w := &st.ws[i]
		if w.Punct {
			switch w.Key {
			case "(":
				depth++
			case ")":
				depth = max(0, depth-1)
			}
			continue
		}
		if depth == 0 || i == 0 || !(st.ws[i-1].Key == "(" || st.ws[i-1].Key == ";") {
			continue
		}
		m, ok := x.holders.longestAt(st.ws, i)
		if !ok || m.End >= len(st.ws) || st.ws[m.End].Key != ":" {
			continue
		}
		b := m.End + 1
		for b < len(st.ws) && !(st.ws[b].Punct && (st.ws[b].Key == ";" || st.ws[b].Key == ")")) {
			b++
		}
		return i, b
	}
	return 0, 0
}

// holderCodes returns the parties whose organs the measure's holders are.
func (x *Spaced) holderCodes(st *sentence) []string {
	a, b := x.holdersSpan(st)
	var codes []string
	for _, m := range st.ments {
		if m.Start >= a && m.End <= b && b > 0 {
			codes = addCodes(codes, m.Codes)
		}
	}
	return codes
}

// ministryTitles returns the offsets [start, end) of the ministries'
// titles in a sentence: from a [ministry-head] word to the country that
// owns it (Ministarstvo za privredu, turizam i sport | Republike
// Slovenije), within twelve words, over no cue and no mark but a comma. A
// ministry that no country follows has none.
func (x *Spaced) ministryTitles(st *sentence) [][2]int {
	if x.ministry == nil {
		return nil
	}
	var out [][2]int
	for i := 0; i < len(st.ws); i++ {
		m, ok := x.ministry.longestAt(st.ws, i)
		if !ok || m.End <= i {
			continue
		}
		end := -1
		for k := m.End; k < len(st.ws) && k < i+12; k++ {
			if st.inMention(k) {
				end = k
				break
			}
			w := &st.ws[k]
			if w.Punct && w.Key != "," || st.cueAt(k) {
				break
			}
		}
		if end > m.End {
			out = append(out, [2]int{st.ws[i].Start, st.ws[end-1].End})
			i = end - 1
		}
	}
	return out
}

// outsideTitles keeps the area cues that stand outside the ministries'
// titles, when there are any: the title's portfolio says who acts, the
// rest of the sentence what it is about; a sentence whose only area words
// are a title's keeps them (Ministarstva odbrane sastajaće se…).
func outsideTitles(cues []entente.AreaCue, titles [][2]int) []entente.AreaCue {
	if len(titles) == 0 || len(cues) == 0 {
		return cues
	}
	inside := func(c entente.AreaCue) bool {
		for _, t := range titles {
			if c.Start >= t[0] && c.End <= t[1] {
				return true
			}
		}
		return false
	}
	var out []entente.AreaCue
	for _, c := range cues {
		if !inside(c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return cues
	}
	return out
}
