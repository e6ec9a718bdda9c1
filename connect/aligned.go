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

	docs [2]int64 // the documents, smaller id first
	// aligned is what an earlier build's alignment of the same two
	// versions gave (their extractions then not read); nil to align them
	aligned *alignedPair
}

// alignedPair is what the counterpart sentences of two versions of one
// statement vote to link, by the items' keys rather than their places in
// an input: a connector keeps it with its input, and a build of the input
// with documents added reuses it instead of reading and aligning the two
// again (at 100,000 statements, a second of every rebuild).
type alignedPair struct {
	docs         [2]int64
	title        string
	a, b         int64 // version ids
	langA, langB string
	votes        []pairVote
}

// pairVote is a link that a sentence and its counterpart vote for: the
// one name of a kind each names, in version a and b.
type pairVote struct {
	kind   entente.RegistryKind
	a, b   string
	reason string // encoded (entente.NewReason)
}

// itemKey finds an item of a version by its kind and name.
type itemKey struct {
	version int64
	kind    entente.RegistryKind
	name    string
}

// indexItems indexes the items of the versions in versions by their
// keys: only those can be linked (a library's items are some 800,000 at
// 100,000 statements, its aligned versions few).
func indexItems(in entente.RegistryInput, versions map[int64]bool) map[itemKey]int {
	index := map[itemKey]int{}
	if len(versions) == 0 {
		return index
	}
	for i, it := range in.Items {
		if versions[it.VersionID] {
			index[itemKey{it.VersionID, it.Kind, it.Name}] = i
		}
	}
	return index
}

// AlignedLinks links the items that counterpart sentences of aligned
// versions name: where a sentence and its counterpart each name exactly one
// thing of a kind, those two are one thing in two languages. A link is kept
// only when neither item is linked so to another item of the other's
// language, and their kinds of instrument agree.
func AlignedLinks(in entente.RegistryInput, vs []Versions) []Link {
	return linksOf(in, alignPairs(in, vs))
}

// alignPairs aligns the sentences of each pair of vs that an earlier
// build did not, and gives the votes of each pair, in vs's order.
func alignPairs(in entente.RegistryInput, vs []Versions) []alignedPair {
	toAlign := map[int64]bool{}
	for _, v := range vs {
		if v.aligned == nil {
			toAlign[v.A], toAlign[v.B] = true, true
		}
	}
	index := indexItems(in, toAlign)
	out := make([]alignedPair, 0, len(vs))
	for _, v := range vs {
		if v.aligned != nil {
			out = append(out, *v.aligned)
			continue
		}
		p := alignedPair{docs: v.docs, title: v.Title, a: v.A, b: v.B, langA: v.LangA, langB: v.LangB}
		if v.XA != nil && v.XB != nil && v.LangA != v.LangB {
			p.votes = votesOf(in, index, v)
		}
		out = append(out, p)
	}
	return out
}

// votesOf aligns the sentences of v and gives the links they vote for.
func votesOf(in entente.RegistryInput, index map[itemKey]int, v Versions) []pairVote {
	var votes []pairVote
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
			ia, oka := index[itemKey{v.A, kind, na[0]}]
			ib, okb := index[itemKey{v.B, kind, nb[0]}]
			if !oka || !okb {
				continue
			}
			ka, kb := in.Items[ia].RefKind, in.Items[ib].RefKind
			if ka != "" && kb != "" && ka != entente.RefOther && kb != entente.RefOther && ka != kb {
				continue
			}
			votes = append(votes, pairVote{kind, na[0], nb[0], entente.NewReason("counterparts", v.LangA, v.LangB, v.Title, p.A[0], p.B[0])})
		}
	}
	return votes
}

// linksOf keeps the votes of pairs whose items are linked to no other
// item of the other's language, as links between the items of in.
func linksOf(in entente.RegistryInput, pairs []alignedPair) []Link {
	versions := map[int64]bool{}
	for _, p := range pairs {
		if len(p.votes) > 0 {
			versions[p.a], versions[p.b] = true, true
		}
	}
	index := indexItems(in, versions)
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
	for _, p := range pairs {
		for _, v := range p.votes {
			ia, oka := index[itemKey{p.a, v.kind, v.a}]
			ib, okb := index[itemKey{p.b, v.kind, v.b}]
			if !oka || !okb {
				continue
			}
			votes = append(votes, vote{ia, ib, v.reason})
			note(ia, ib, p.langB)
			note(ib, ia, p.langA)
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
