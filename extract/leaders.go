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
		o := x.officeAfter(masked, m.End, st.mentions)
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

// Between a party's name and its leader's office may stand the seat of the
// office (中华人民共和国国务院总理李强, 德意志联邦共和国联邦总理…, 阿拉伯联合酋长国
// 阿布扎比王储…): a short run of Han characters with no name, stop word or
// mark in it. After the office a second title may follow, joined by 、
// (王储、武装部队副总司令穆罕默德…): the name stands after the second.
const (
	maxSeat        = 4
	maxSecondTitle = 10
)

// officeAfter returns where the leader's name begins after a party's name
// that ends at i: after its office, its seat and office, or a second title
// joined to the office; -1 if no office follows.
func (x *Extractor) officeAfter(rs []rune, i int, ms []mention) int {
	o := x.offices.startsAt(rs, i)
	for k := i; o < 0 && k < i+maxSeat && k < len(rs) && isHan(rs[k]) && x.nameStops.startsAt(rs, k) < 0 && !mentionAt(ms, k); k++ {
		o = x.offices.startsAt(rs, k+1)
	}
	if o < 0 || o >= len(rs) || rs[o] != '、' {
		return o
	}
	for k := o + 1; k < o+1+maxSecondTitle && k < len(rs) && isHan(rs[k]) && x.nameStops.startsAt(rs, k) < 0 && !mentionAt(ms, k); k++ {
		if e := x.offices.startsAt(rs, k); e >= 0 && (e >= len(rs) || rs[e] != '、') {
			return e
		}
	}
	return o
}

// mentionAt reports whether a party's name begins at i.
func mentionAt(ms []mention, i int) bool {
	for _, m := range ms {
		if m.Start == i {
			return true
		}
	}
	return false
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
