package extract

import "strings"

// A statement introduces its leaders once with their country and office
// (美国总统约瑟夫·拜登, 中华人民共和国主席习近平, 印度尼西亚总统佐科·维多多), then
// names them by name and office alone (拜登总统承诺…, 维多多总统打算…). Read
// without their country, such a subject names someone other than the
// parties, and what the leader undertakes becomes a view of others.
// withLeaders remembers, for the rest of the document, the names a
// sentence introduces so, each as its party's, as withSignatories does for
// the leaders who sign.

// Name lengths that a leader's name may have: a Chinese name of two or
// three characters standing alone, or a transliterated name's parts
// (joined by ·) of up to five each.
const (
	minNamePart  = 2
	maxHanName   = 3
	maxNamePart  = 5
	maxNameParts = 4
)

// withLeaders returns pi, or a copy of it that also reads the leaders
// introduced in st as their parties: a party named alone, an office of
// [signature-office] right after it, and a name right after that, which
// ends where a word of [name-stop] (和, 同, 于, 邀请…) or a mark begins.
// A transliterated name is also read by each of its parts (佐科, 维多多),
// as the statements call those leaders. A name the index reads already, or
// that two parties' leaders share, adds nothing.
func (x *Extractor) withLeaders(pi *partyIndex, st *text) *partyIndex {
	masked := st.masked
	for _, m := range st.mentions {
		if len(m.Codes) != 1 {
			continue
		}
		o := x.offices.startsAt(masked, m.End)
		if o < 0 {
			continue
		}
		parts, ok := x.leaderName(masked, o)
		if !ok {
			continue
		}
		for _, name := range parts {
			if e, _ := pi.m.LongestAt([]rune(name), 0); e == len([]rune(name)) {
				continue // a name the index reads already
			}
			if pi.defined != nil {
				if e, k := pi.defined.LongestAt([]rune(name), 0); e == len([]rune(name)) {
					if prev := pi.definedSets[k]; len(prev) == 1 && prev[0] != m.Codes[0] {
						pi.definedSets[k] = nil // two parties' leaders share it: no one's
					}
					continue
				}
			}
			pi = pi.define(name, m.Codes)
		}
	}
	return pi
}

// leaderName reads the name that begins at rs[i]: its whole and, for a
// transliterated name, each part of it; ok is false when no name of a
// leader's shape stands there.
func (x *Extractor) leaderName(rs []rune, i int) (parts []string, ok bool) {
	var cur []rune
	var all []string
	end := i
	for end < len(rs) && end-i <= maxNameParts*(maxNamePart+1) {
		r := rs[end]
		if r == '·' || r == '•' || r == '・' || r == '‧' {
			if len(cur) == 0 {
				return nil, false // two dots in a row, or a dot first
			}
			all = append(all, string(cur))
			cur = cur[:0]
			end++
			continue
		}
		if !isHan(r) || x.nameStops.startsAt(rs, end) >= 0 {
			break
		}
		cur = append(cur, r)
		if len(cur) > maxNamePart {
			return nil, false
		}
		end++
	}
	if len(cur) < minNamePart || end >= len(rs) || isHan(rs[end]) && x.nameStops.startsAt(rs, end) < 0 {
		return nil, false // no end where a name may end
	}
	all = append(all, string(cur))
	if len(all) == 1 {
		if len(cur) > maxHanName {
			return nil, false
		}
		return all, true
	}
	whole := strings.Join(all, "·")
	parts = append(parts, whole)
	for _, p := range all {
		if len([]rune(p)) >= minNamePart {
			parts = append(parts, p)
		}
	}
	return parts, true
}

// isHan reports whether r is a CJK ideograph.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF
}
