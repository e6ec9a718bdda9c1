package connect

import (
	"slices"

	"github.com/entente/entente"
	"github.com/entente/entente/align"
)

// Versions are two stored versions of one statement in two languages (two
// versions of one document, or two documents that align.Versions reads as
// one statement), with their extractions.
type Versions struct {
	Title        string
	A, B         int64 // version ids
	XA, XB       *entente.Extraction
	LangA, LangB string
}

// AlignedLinks links the items that counterpart sentences of aligned
// versions name: where a sentence and its counterpart each name exactly one
// thing of a kind, those two are one thing in two languages. A link is kept
// only when neither item is linked so to another item of the other's
// language, and their kinds of instrument agree.
func AlignedLinks(in entente.RegistryInput, vs []Versions) []Link {
	type ik struct {
		version int64
		kind    entente.RegistryKind
		name    string
	}
	// only the items of the aligned versions can be linked: a library's
	// items are some 500,000 at 100,000 statements, its aligned versions few
	aligned := map[int64]bool{}
	for _, v := range vs {
		aligned[v.A], aligned[v.B] = true, true
	}
	index := map[ik]int{}
	for i, it := range in.Items {
		if aligned[it.VersionID] {
			index[ik{it.VersionID, it.Kind, it.Name}] = i
		}
	}
	type vote struct {
		a, b   int
		reason string
	}
	var votes []vote
	type side struct {
		item int
		lang string // of the other
	}
	partners := map[side]map[int]bool{} // (item, language of the other) → other items
	note := func(a, b int, lang string) {
		k := side{a, lang}
		if partners[k] == nil {
			partners[k] = map[int]bool{}
		}
		partners[k][b] = true
	}
	for _, v := range vs {
		if v.XA == nil || v.XB == nil || v.LangA == v.LangB {
			continue
		}
		sa, sb := sentencesByID(v.XA), sentencesByID(v.XB)
		for _, p := range align.Sentences(v.XA, v.XB) {
			if len(p.A) != 1 || len(p.B) != 1 {
				continue
			}
			a, b := sa[p.A[0]], sb[p.B[0]]
			if a == nil || b == nil {
				continue
			}
			for _, kind := range []entente.RegistryKind{entente.RegInstrument, entente.RegMechanism, entente.RegProject} {
				na, nb := named(a, kind), named(b, kind)
				if len(na) != 1 || len(nb) != 1 {
					continue
				}
				ia, oka := index[ik{v.A, kind, na[0]}]
				ib, okb := index[ik{v.B, kind, nb[0]}]
				if !oka || !okb {
					continue
				}
				ka, kb := in.Items[ia].RefKind, in.Items[ib].RefKind
				if ka != "" && kb != "" && ka != entente.RefOther && kb != entente.RefOther && ka != kb {
					continue
				}
				votes = append(votes, vote{ia, ib, entente.NewReason("counterparts", v.LangA, v.LangB, v.Title, p.A[0], p.B[0])})
				note(ia, ib, v.LangB)
				note(ib, ia, v.LangA)
			}
		}
	}
	var out []Link
	seen := map[[2]int]bool{}
	for _, v := range votes {
		la, lb := in.Items[v.a].Language, in.Items[v.b].Language
		if len(partners[side{v.a, lb}]) != 1 || len(partners[side{v.b, la}]) != 1 || seen[[2]int{v.a, v.b}] {
			continue
		}
		seen[[2]int{v.a, v.b}] = true
		out = append(out, Link{A: v.a, B: v.b, Reason: v.reason, Confidence: confLanguage})
	}
	return out
}

func sentencesByID(x *entente.Extraction) map[string]*entente.Sentence {
	m := make(map[string]*entente.Sentence, len(x.Sentences))
	for i := range x.Sentences {
		m[x.Sentences[i].ID] = &x.Sentences[i]
	}
	return m
}

// named returns the distinct names of kind a sentence names.
func named(s *entente.Sentence, kind entente.RegistryKind) []string {
	var l []string
	switch kind {
	case entente.RegInstrument:
		l = s.References
	case entente.RegMechanism:
		l = s.Mechanisms
	default:
		l = s.Projects
	}
	l = slices.Clone(l)
	slices.Sort(l)
	return slices.Compact(l)
}
