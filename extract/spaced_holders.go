package extract

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
