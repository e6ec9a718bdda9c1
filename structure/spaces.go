package structure

// The spaces isSpace knows are few, and each is written in UTF-8 one way:
// the layout finds them by their bytes, without decoding the characters
// around them (TestSpaceLenRunes holds the bytes to isSpace over every
// character).

// spaceLen returns the length in bytes of the space (isSpace) that starts
// at byte i of s, or 0 when none does. Any bytes: a byte of an invalid
// sequence starts no space, as it decodes to U+FFFD.
func spaceLen(s string, i int) int {
	switch c := s[i]; c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return 1
	case 0xC2: // U+0085, U+00A0
		if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xA0) {
			return 2
		}
	case 0xE1: // U+1680
		if i+2 < len(s) && s[i+1] == 0x9A && s[i+2] == 0x80 {
			return 3
		}
	case 0xE2: // U+2000–U+200B, U+2028, U+2029, U+202F, U+205F
		if i+2 < len(s) {
			switch c1, c2 := s[i+1], s[i+2]; {
			case c1 == 0x80 && (c2 >= 0x80 && c2 <= 0x8B || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF):
				return 3
			case c1 == 0x81 && c2 == 0x9F:
				return 3
			}
		}
	case 0xE3: // U+3000
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80 {
			return 3
		}
	case 0xEF: // U+FEFF
		if i+2 < len(s) && s[i+1] == 0xBB && s[i+2] == 0xBF {
			return 3
		}
	}
	return 0
}

// spaceLenBefore returns the length in bytes of the space that ends at
// byte end of s (the last character of s[:end] when it is a space), or 0.
func spaceLenBefore(s string, end int) int {
	if end == 0 {
		return 0
	}
	c := s[end-1]
	if c < 0x80 {
		return spaceLen(s, end-1)
	}
	if end >= 3 && s[end-3] >= 0xE1 && spaceLen(s[:end], end-3) == 3 {
		return 3 // (U+2005 ends in 0x85 too)
	}
	if end >= 2 && s[end-2] == 0xC2 && (c == 0x85 || c == 0xA0) {
		return 2
	}
	return 0
}

// trimSpaces is strings.TrimFunc(s, isSpace) over bytes.
func trimSpaces(s string) string {
	i := 0
	for i < len(s) {
		n := spaceLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	j := len(s)
	for j > i {
		n := spaceLenBefore(s, j)
		if n == 0 {
			break
		}
		j -= n
	}
	return s[i:j]
}

// trimLead is strings.TrimLeftFunc(s, isSpace) over bytes.
func trimLead(s string) string {
	i := 0
	for i < len(s) {
		n := spaceLen(s, i)
		if n == 0 {
			break
		}
		i += n
	}
	return s[i:]
}

// trimTrail is strings.TrimRightFunc(s, isSpace) over bytes.
func trimTrail(s string) string {
	j := len(s)
	for j > 0 {
		n := spaceLenBefore(s, j)
		if n == 0 {
			break
		}
		j -= n
	}
	return s[:j]
}
