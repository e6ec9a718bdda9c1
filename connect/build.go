// Package connect builds the registry: the instruments, mechanisms and
// projects that the library's documents cite and name, each gathered from
// all the ways documents write it, with why each name was joined and how
// sure that is, and the stored document an instrument is. A wrong merge
// misleads the reader while a missed one costs an editor a click, so every
// rule below merges only when nothing else could be meant; editors' merges,
// splits and renames are replayed over every rebuild.
package connect

import (
	"cmp"
	"maps"
	"slices"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/internal/hugepages"
)

// Confidence of each rule that joins names.
const (
	confSameName  = 1.0
	confLanguage  = 0.9 // counterparts in aligned versions of one statement
	confShortHan  = 0.8 // a Chinese short form
	confShortWord = 0.7 // a spaced-language name cut after its head
	confDecision  = 1.0
)

// How telling a reason is, for the reason an alias shows.
const (
	rankSame  = 1
	rankOther = 2
)

// rankOf ranks an encoded reason: one of sameNames' is the least telling.
func rankOf(why string) int {
	if strings.HasPrefix(entente.ReasonCode(why), "same_") {
		return rankSame
	}
	return rankOther
}

// Link says that two stored items name the same thing, found outside the
// names themselves (the aligned versions of a statement).
type Link struct {
	A, B       int    // indexes into the input's items
	Reason     string // encoded (entente.NewReason)
	Confidence float64
}

// builder holds one build: the items, their documents and the groups
// (union-find over item indexes) with the reason each item joined.
type builder struct {
	in      entente.RegistryInput
	docs    map[int64]*entente.RegistryDocument
	keys    []string // key of each item's name
	parent  []int
	why     []string // why each item joined its group ("" for the first)
	conf    []float64
	rank    []int          // how telling why is: rankSame for the same name, rankOther for the rest
	name    map[int]string // a decision's name for the group of a root
	byKey   map[string][]int
	partyOf []string
	finder  PartyFinder
	titles  map[string][]int // documents by the key of their title (documentOf)
	// titleKeys are the keys of the documents' titles in their order, as
	// far as they were made (indexTitles makes the rest)
	titleKeys []string
	docOf     []int // each item's document, an index into in.Documents (-1: none stored)
	// members are each group's items by its root, kept from the first
	// split on (detach); nil before
	members map[int][]int
	// prepared are the entries of the builder this one was cloned from,
	// for the groups the decisions leave as they were (nil: none)
	prepared *preparedEntries
	// workers is how many goroutines make the entries (0: by the build's
	// size, eachEntry)
	workers int
	// partyReasons are the reasons of names joined among the same
	// parties, by the parties (sameNameReason)
	partyReasons map[string]string
}

// Build makes the registry from the stored items, the links found between
// them and the editors' decisions, in this order: the same name (written
// alike but for quotes, brackets, width, case and script), Chinese short
// forms and spaced-language names cut after their head, the links, then
// the decisions in the order they were made. It returns the entries, each
// with its document when an instrument's title is one stored document's.
//
// parties, if not nil, says which parties a name names, so that a name of
// a mechanism or project that says whose it is joins across documents of
// other parties.
func Build(in entente.RegistryInput, links []Link, decisions []entente.RegistryDecision, parties PartyFinder) []entente.BuiltEntry {
	return prepare(in, links, parties).decide(decisions).entries()
}

// prepare returns a builder of in after the rules that read the input
// alone (the same names, short forms, the links), before any decision:
// a connector keeps it with the input, so that an editor's next decision
// on the same library starts from it (those rules took 1.8 of the 3 s a
// build took at 100,000 statements).
func prepare(in entente.RegistryInput, links []Link, parties PartyFinder) *builder {
	return prepareTitled(in, links, parties, nil)
}

// prepareTitled is prepare given the keys of the first documents' titles
// (titleKeys[i] of in.Documents[i]), as an earlier build of the same
// documents made them.
func prepareTitled(in entente.RegistryInput, links []Link, parties PartyFinder, titleKeys []string) *builder {
	b := newBuilder(in, parties)
	b.titleKeys = titleKeys
	n := len(in.Items)
	b.sameNames()
	b.shortForms()
	for _, l := range links {
		if l.A >= 0 && l.A < n && l.B >= 0 && l.B < n {
			// either side may be the one that joins: both items say why
			if b.union(l.A, l.B, l.Reason, l.Confidence) {
				b.note(l.A, l.Reason, l.Confidence)
				b.note(l.B, l.Reason, l.Confidence)
			}
		}
	}
	b.indexTitles()
	return b
}

// decide applies the editors' decisions in the order they were made.
func (b *builder) decide(decisions []entente.RegistryDecision) *builder {
	for _, d := range decisions {
		b.apply(d)
	}
	return b
}

// clone returns a builder whose groups change apart from b's: what the
// groups are (parents, reasons, names, members) is copied, and the input
// and its indexes, which nothing changes after prepare, are shared.
func (b *builder) clone() *builder {
	c := *b
	c.parent, c.why, c.conf, c.rank = slices.Clone(b.parent), slices.Clone(b.why), slices.Clone(b.conf), slices.Clone(b.rank)
	c.name = maps.Clone(b.name)
	if b.members != nil {
		c.members = make(map[int][]int, len(b.members))
		for r, is := range b.members {
			c.members[r] = slices.Clone(is)
		}
	}
	return &c
}

// newBuilder returns a builder of in with every item a group of its own.
func newBuilder(in entente.RegistryInput, parties PartyFinder) *builder {
	b := &builder{in: in, finder: parties, docs: map[int64]*entente.RegistryDocument{}, name: map[int]string{}, byKey: map[string][]int{},
		partyReasons: map[string]string{}}
	for i := range in.Documents {
		b.docs[in.Documents[i].ID] = &in.Documents[i]
	}
	n := len(in.Items)
	b.keys, b.parent, b.why, b.conf, b.partyOf = hugepages.Make[string](n, n), hugepages.Make[int](n, n), hugepages.Make[string](n, n), hugepages.Make[float64](n, n), hugepages.Make[string](n, n)
	b.rank = hugepages.Make[int](n, n)
	b.docOf = hugepages.Make[int](n, n)
	docIndex := make(map[int64]int, len(in.Documents))
	for i := range in.Documents {
		docIndex[in.Documents[i].ID] = i
	}
	// a library's half million items have some thousands of names and a
	// document's items its parties: each key and party list made once
	type named struct {
		kind entente.RegistryKind
		name string
	}
	keys := map[named]string{}
	partyLists := map[int64]string{}
	// a document's items come together (read by row): its index and
	// parties are looked up once for the run
	lastDoc, lastIndex, lastParties := int64(-1), -1, ""
	for i := range in.Items {
		it := &in.Items[i]
		k, ok := keys[named{it.Kind, it.Name}]
		if !ok {
			k = string(it.Kind) + "|" + key(it.Name)
			keys[named{it.Kind, it.Name}] = k
		}
		if it.DocumentID != lastDoc {
			p, ok := partyLists[it.DocumentID]
			if !ok {
				p = b.parties(it.DocumentID)
				partyLists[it.DocumentID] = p
			}
			d, ok := docIndex[it.DocumentID]
			if !ok {
				d = -1
			}
			lastDoc, lastIndex, lastParties = it.DocumentID, d, p
		}
		b.keys[i], b.partyOf[i], b.docOf[i] = k, lastParties, lastIndex
		b.parent[i], b.conf[i] = i, 1
		b.byKey[k] = append(b.byKey[k], i)
	}
	return b
}

// note records why item i joined its group, unless it has a more telling
// reason already.
func (b *builder) note(i int, why string, conf float64) {
	if b.why[i] == "" || b.rank[i] < rankOf(why) {
		b.why[i], b.conf[i], b.rank[i] = why, conf, rankOf(why)
	}
}

// rootOf is find without shortening the path it walks: it only reads,
// so entries made on several cores may call it on one builder.
func (b *builder) rootOf(i int) int {
	for b.parent[i] != i {
		i = b.parent[i]
	}
	return i
}

func (b *builder) find(i int) int {
	for b.parent[i] != i {
		b.parent[i] = b.parent[b.parent[i]]
		i = b.parent[i]
	}
	return i
}

// union joins j's group to i's; the root of j's group records why (the
// callers pass the group that stays first).
func (b *builder) union(i, j int, why string, conf float64) bool {
	ri, rj := b.find(i), b.find(j)
	if ri == rj {
		return false
	}
	b.parent[rj] = ri
	if b.members != nil {
		b.members[ri] = append(b.members[ri], b.members[rj]...)
		delete(b.members, rj)
	}
	b.note(rj, why, conf)
	if nm, ok := b.name[rj]; ok {
		if _, has := b.name[ri]; !has {
			b.name[ri] = nm
		}
		delete(b.name, rj)
	}
	return true
}

// parties is a document's parties in code order, as one string.
func (b *builder) parties(doc int64) string {
	d := b.docs[doc]
	if d == nil {
		return ""
	}
	ps := slices.Clone(d.Parties)
	slices.Sort(ps)
	return strings.Join(ps, ",")
}

// sameNames joins the items whose names are the same name. A title (an
// instrument cited in 《》 or quotes at least once) is one instrument
// whoever cites it; any other name (a mechanism, a project, an instrument
// named in running text such as "the Free Trade Agreement") is joined only
// among documents of the same parties, because two pairs of countries each
// have their own intergovernmental committee.
func (b *builder) sameNames() {
	for _, k := range slices.Sorted(maps.Keys(b.byKey)) {
		is := b.byKey[k]
		title := false
		for _, i := range is {
			it := &b.in.Items[i]
			title = title || (it.Kind == entente.RegInstrument && it.Bracketed)
		}
		named := !title && b.namesItsParties(is)
		first := map[string]int{}
		for _, i := range is {
			p := b.partyOf[i]
			if title || named {
				p = ""
			}
			f, ok := first[p]
			if !ok {
				first[p] = i
				continue
			}
			why := b.sameNameReason(f, i, title)
			if named && b.partyOf[f] != b.partyOf[i] {
				var ps []string
				for _, p := range b.finder.PartiesIn(b.in.Items[i].Name) {
					if strings.Contains(b.partyOf[f]+","+b.partyOf[i], p) {
						ps = append(ps, p)
					}
				}
				why = entente.NewReason("same_name_named", strings.Join(ps, ", "), b.partyOf[f], b.partyOf[i])
			}
			b.union(f, i, why, confSameName)
		}
	}
}

// namesItsParties reports whether the name of items names parties, and
// every document that mentions it is of one of them: 匈塞铁路 in statements
// of China with Serbia and of China with Hungary is one railway.
func (b *builder) namesItsParties(items []int) bool {
	if b.finder == nil {
		return false
	}
	ps := b.finder.PartiesIn(b.in.Items[items[0]].Name)
	if len(ps) == 0 {
		return false
	}
	for _, i := range items {
		d := b.docs[b.in.Items[i].DocumentID]
		if d == nil || !slices.ContainsFunc(d.Parties, func(p string) bool { return slices.Contains(ps, p) }) {
			return false
		}
	}
	return true
}

func (b *builder) sameNameReason(f, i int, title bool) string {
	a, c := &b.in.Items[f], &b.in.Items[i]
	switch {
	case a.Name == c.Name && title:
		return entente.NewReason("same_title")
	case a.Name == c.Name:
		// the same few party lists for some 800,000 names at 100,000
		// statements: each reason encoded once
		why, ok := b.partyReasons[b.partyOf[i]]
		if !ok {
			why = entente.NewReason("same_name_parties", b.partyOf[i])
			b.partyReasons[b.partyOf[i]] = why
		}
		return why
	case a.Language != c.Language:
		return entente.NewReason("same_name_langs", a.Language, c.Language)
	}
	return entente.NewReason("same_name_written")
}

// group is a group's items and facts, for the rules that compare groups.
type group struct {
	root      int
	items     []int
	names     map[string]string // key → the name as first written
	parties   map[string]bool   // the party sets of the documents that mention it
	refKind   entente.ReferenceKind
	year      *int
	languages map[string]bool
}

func (b *builder) groups() []*group {
	roots, members := b.groupsByRoot()
	out := make([]*group, len(roots))
	for k, r := range roots {
		g := &group{root: r, items: members[k], names: map[string]string{}, parties: map[string]bool{}, languages: map[string]bool{}}
		// a group's items mostly repeat its last item's name, parties
		// and language (an instrument cited in thousands of statements):
		// the maps are asked only when one differs
		var lastKey, lastParties, lastLang string
		for n, i := range g.items {
			it := &b.in.Items[i]
			if k := b.keys[i]; n == 0 || k != lastKey {
				if _, ok := g.names[k]; !ok {
					g.names[k] = it.Name
				}
				lastKey = k
			}
			if p := b.partyOf[i]; n == 0 || p != lastParties {
				g.parties[p], lastParties = true, p
			}
			if n == 0 || it.Language != lastLang {
				g.languages[it.Language], lastLang = true, it.Language
			}
			if it.RefKind != "" && it.RefKind != entente.RefOther {
				g.refKind = it.RefKind
			}
			if it.Year != nil {
				g.year = it.Year
			}
		}
		out[k] = g
	}
	slices.SortFunc(out, func(x, y *group) int { return cmp.Compare(x.root, y.root) })
	return out
}

// compatible reports whether two groups could be one thing: the same kind
// of instrument and year where both say, and cited by the same parties at
// least once.
func compatible(s, f *group) bool {
	if s.refKind != "" && f.refKind != "" && s.refKind != f.refKind {
		return false
	}
	if s.year != nil && f.year != nil && *s.year != *f.year {
		return false
	}
	for p := range s.parties {
		if p != "" && f.parties[p] {
			return true
		}
	}
	return false
}

// shortForms joins a short name to the one full name it can stand for: a
// Chinese name whose characters all appear in order in the full name,
// starting with its first character and ending with its last two (the head
// noun: 协定, 计划), as 中塞自贸协定 stands for
// 中华人民共和国政府和塞尔维亚共和国政府自由贸易协定; or a spaced-language name
// of two words or more that the full name begins with ("Free Trade
// Agreement" for "Free Trade Agreement between …"). Both must be cited by
// the same parties, with no disagreeing kind or year, and the short name
// must fit exactly one full name: 中塞协定 beside two agreements joins
// neither.
func (b *builder) shortForms() {
	gs := b.groups()
	idx := newShortIndex(gs, func(g *group) bool { return b.in.Items[g.root].Kind == entente.RegInstrument })
	var joins []shortJoin
	for _, s := range gs {
		if b.in.Items[s.root].Kind != entente.RegInstrument {
			continue
		}
		var found []shortJoin
		idx.candidates(s, func(f *group) bool {
			if f != s && compatible(s, f) {
				if j, ok := shortFormOf(s, f); ok {
					found = append(found, j)
				}
			}
			return len(found) < 2 // a short name that fits two full names joins neither
		})
		if len(found) == 1 {
			joins = append(joins, found[0])
		}
	}
	for _, j := range joins {
		b.union(j.full.root, j.short.root, j.reason, j.conf)
	}
}

// shortJoin is a short name's group joining its full name's.
type shortJoin struct {
	short, full *group
	reason      string
	conf        float64
}

// shortFormOf reports whether a name of group s is a short form of a name
// of group f, with the reason of the first such pair of names in the order
// of their keys.
func shortFormOf(s, f *group) (shortJoin, bool) {
	for _, sk := range slices.Sorted(maps.Keys(s.names)) {
		for _, fk := range slices.Sorted(maps.Keys(f.names)) {
			fname := f.names[fk]
			if ok, why, conf := shortOf(bare(sk), bare(fk), s.names[sk], fname); ok {
				return shortJoin{short: s, full: f, reason: entente.NewReason(why, fname), conf: conf}, true
			}
		}
	}
	return shortJoin{}, false
}

// shortOf reports whether the name sname (of key s) is a short form of
// fname (of key f), the code of why, and how sure.
func shortOf(s, f, sname, fname string) (bool, string, float64) {
	sr, fr := []rune(s), []rune(f)
	if len(sr) >= len(fr) {
		return false, "", 0
	}
	if isHan(s) && isHan(f) {
		if len(sr) < 4 || sr[0] != fr[0] || sr[len(sr)-1] != fr[len(fr)-1] || sr[len(sr)-2] != fr[len(fr)-2] {
			return false, "", 0
		}
		j := 0
		for _, r := range fr {
			if j < len(sr) && r == sr[j] {
				j++
			}
		}
		if j == len(sr) {
			return true, "short_form", confShortHan
		}
		return false, "", 0
	}
	if shortWords(sname, fname) {
		return true, "first_words", confShortWord
	}
	return false, "", 0
}

// bare is a key without its kind.
func bare(k string) string {
	_, name, _ := strings.Cut(k, "|")
	return name
}

// shortWords is shortOf for names written with spaces: the full name's
// first words, two or more. Keys have no spaces, so it reads the names.
func shortWords(s, f string) bool {
	sw, fw := strings.Fields(strings.ToLower(s)), strings.Fields(strings.ToLower(f))
	if len(sw) < 2 || len(sw) >= len(fw) {
		return false
	}
	for i := range sw {
		if key(sw[i]) != key(fw[i]) {
			return false
		}
	}
	return true
}
