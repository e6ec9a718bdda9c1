package connect

import (
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/entente/entente"
)

// entries turns the groups into registry entries: their names with the
// reason each joined, the canonical name, the stored document an
// instrument is, its parties, year and counts.
func (b *builder) entries() []entente.BuiltEntry {
	roots, members := b.groupsByRoot()
	out := b.eachEntry(len(roots), func(k int, sc *entryScratch) entente.BuiltEntry {
		if e, ok := b.prepared.same(b, roots[k], members[k]); ok {
			return e
		}
		return b.entry(roots[k], members[k], sc)
	})
	uniqueNames(out)
	return out
}

// entriesApart is how many groups a build must have for its entries to be
// made on several cores: each entry reads the builder and writes only its
// own scratch, and at 100,000 statements the 70,000 entries took 0.8 s of
// every rebuild on one core.
const entriesApart = 2048

// eachEntry returns entryOf(k, sc) for each of n groups, in their order,
// made by one goroutine a core (up to four) for a large build, each with
// its own scratch. entryOf must only read the builder.
func (b *builder) eachEntry(n int, entryOf func(k int, sc *entryScratch) entente.BuiltEntry) []entente.BuiltEntry {
	if b.titles == nil {
		b.indexTitles() // read by every instrument's entry: made before they are
	}
	out := make([]entente.BuiltEntry, n)
	workers := b.workers
	switch {
	case workers > 0:
	case n >= entriesApart:
		workers = min(runtime.GOMAXPROCS(0), 4)
	default:
		workers = 1
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := &entryScratch{seen: make([]int, len(b.in.Documents))}
			// every workers-th root, so that the few large groups (the
			// most cited instruments) fall to different goroutines
			for k := w; k < n; k += workers {
				out[k] = entryOf(k, sc)
			}
		}()
	}
	wg.Wait()
	return out
}

// groupsByRoot returns the roots of the groups in the order of their
// first items, and each group's items in order (members[k] are those of
// roots[k]), laid out in one array: a map of a slice a group, grown item
// by item, was a fifth of what a rebuild's entries allocated.
func (b *builder) groupsByRoot() (roots []int, members [][]int) {
	n := len(b.in.Items)
	group := make([]int32, n) // by root: its group's index + 1 (0: none yet)
	of := make([]int32, n)    // each item's group
	var count []int
	for i := range n {
		r := b.find(i)
		if group[r] == 0 {
			roots = append(roots, r)
			count = append(count, 0)
			group[r] = int32(len(roots))
		}
		g := group[r] - 1
		of[i] = g
		count[g]++
	}
	all := make([]int, n)
	members = make([][]int, len(roots))
	at := 0
	for k, c := range count {
		members[k] = all[at : at : at+c]
		at += c
	}
	for i, g := range of {
		members[g] = append(members[g], i)
	}
	return roots, members
}

// uniqueNames makes canonical names unique within a kind: a second entry
// of the same name says whose it is.
func uniqueNames(out []entente.BuiltEntry) {
	// keyed by a pair, not a joined string: 70,000 keys made a string
	// each, the most allocated of a rebuild's entries
	type kindName struct {
		kind entente.RegistryKind
		name string
	}
	taken := make(map[kindName]bool, len(out))
	for i := range out {
		e := &out[i]
		name := e.Name
		if taken[kindName{e.Kind, name}] && len(e.Parties) > 0 {
			name = fmt.Sprintf("%s (%s)", e.Name, strings.Join(e.Parties, "–"))
		}
		for n := 2; taken[kindName{e.Kind, name}]; n++ {
			name = e.Name + " (" + strconv.Itoa(n) + ")"
		}
		e.Name = name
		taken[kindName{e.Kind, name}] = true
	}
}

// preparedEntries are the entries of a prepared builder's groups (before
// any decision) by their roots, made once for the decisions that follow:
// a decision changes a few groups, and making the 70,000 entries of a
// library of 100,000 statements took 0.9 s of each decision.
type preparedEntries struct {
	base    *builder
	entries map[int]entente.BuiltEntry // by root, before names are made unique
	size    map[int]int                // each group's count of items
}

// prepareEntries makes the entries of b's groups for the builders cloned
// from it.
func (b *builder) prepareEntries() *preparedEntries {
	roots, members := b.groupsByRoot()
	p := &preparedEntries{base: b, entries: make(map[int]entente.BuiltEntry, len(roots)), size: make(map[int]int, len(roots))}
	es := b.eachEntry(len(roots), func(k int, sc *entryScratch) entente.BuiltEntry { return b.entry(roots[k], members[k], sc) })
	for k, r := range roots {
		p.entries[r], p.size[r] = es[k], len(members[k])
	}
	return p
}

// same returns the prepared entry of the group of root r and items in
// builder b (cloned from the prepared one), if the decisions left that
// group as it was prepared: the same items under the same root, each
// joined for the same reason, and no name given.
func (p *preparedEntries) same(b *builder, r int, items []int) (entente.BuiltEntry, bool) {
	if p == nil {
		return entente.BuiltEntry{}, false
	}
	e, ok := p.entries[r]
	if !ok || p.size[r] != len(items) || b.name[r] != p.base.name[r] {
		return entente.BuiltEntry{}, false
	}
	base := p.base
	for _, i := range items {
		if base.rootOf(i) != r || b.why[i] != base.why[i] || b.conf[i] != base.conf[i] || b.rank[i] != base.rank[i] {
			return entente.BuiltEntry{}, false
		}
	}
	return e, true
}

// entryScratch is what entry reuses from one entry to the next: a library
// of 100,000 statements makes some 70,000 entries of 830,000 names, and the
// most cited instrument alone is named in 18,000 documents.
type entryScratch struct {
	entry     int   // the entry being made, counted from 1
	seen      []int // per document: the last entry that counted it
	sentences []int64
}

// alias is one written name of a group while an entry is made.
type alias struct {
	entente.RegistryAlias
	key      string // entente.NameKey of the name
	rank     int
	mentions int
	title    bool // written in brackets or quotes somewhere
}

func (b *builder) entry(root int, items []int, sc *entryScratch) entente.BuiltEntry {
	sc.entry++
	sc.sentences = sc.sentences[:0]
	first := b.in.Items[items[0]]
	e := entente.BuiltEntry{Kind: first.Kind, Parties: []string{}, Items: make([]entente.ItemKey, 0, len(items))}
	var aliases []*alias
	index := map[string]*alias{}
	langMentions := map[string]int{}
	var unstored map[int64]bool // documents of items that no stored document is (none, normally)
	documents := 0
	years := map[int]int{}
	kinds := map[entente.ReferenceKind]int{}
	var partyLists []string // the distinct party lists of the documents
	latest := ""
	for _, i := range items {
		it := &b.in.Items[i]
		key := entente.ItemKey{VersionID: it.VersionID, Name: it.Name, RowID: it.RowID}
		if it.RowID == 0 {
			key.Added = it.Labels
		}
		e.Items = append(e.Items, key)
		name := strings.TrimSpace(it.Name)
		a := index[name]
		if a == nil {
			// NameKey drops spaces: the item's key is the trimmed name's
			a = &alias{RegistryAlias: entente.RegistryAlias{Alias: name, Language: it.Language, Confidence: 1}, key: bare(b.keys[i])}
			index[name] = a
			aliases = append(aliases, a)
		}
		if b.rank[i] > a.rank || (b.rank[i] == a.rank && a.Reason == "") {
			a.Reason, a.Confidence, a.rank = b.why[i], b.conf[i], b.rank[i]
		}
		a.mentions += len(it.Sentences)
		a.title = a.title || it.Bracketed
		langMentions[it.Language] += len(it.Sentences)
		sc.sentences = append(sc.sentences, it.Sentences...)
		if d := b.docOf[i]; d >= 0 {
			if sc.seen[d] != sc.entry {
				sc.seen[d] = sc.entry
				documents++
				if p := b.partyOf[i]; p != "" && !slices.Contains(partyLists, p) {
					partyLists = append(partyLists, p)
				}
				if sd := b.in.Documents[d].SignedDate; sd != nil && *sd > latest {
					latest = *sd
				}
			}
		} else if !unstored[it.DocumentID] {
			if unstored == nil {
				unstored = map[int64]bool{}
			}
			unstored[it.DocumentID] = true
			documents++
		}
		if it.Year != nil {
			years[*it.Year]++
		}
		if it.RefKind != "" && it.RefKind != entente.RefOther {
			kinds[it.RefKind]++
		}
	}
	slices.Sort(sc.sentences)
	e.Mentions, e.Documents = len(slices.Compact(sc.sentences)), documents
	// the canonical name: in the language most mentions use, a title before
	// a name in running text, the longest (the full title), the most used
	slices.SortStableFunc(aliases, func(x, y *alias) int {
		return cmp.Or(
			-cmp.Compare(langMentions[x.Language], langMentions[y.Language]),
			cmp.Compare(x.Language, y.Language),
			-cmpBool(x.title, y.title),
			-cmp.Compare(utf8.RuneCountInString(x.Alias), utf8.RuneCountInString(y.Alias)),
			-cmp.Compare(x.mentions, y.mentions),
			cmp.Compare(x.Alias, y.Alias))
	})
	e.Name = aliases[0].Alias
	if nm, ok := b.name[root]; ok {
		e.Name = nm
	}
	var reasons []string
	e.Confidence = 1
	for i, a := range aliases {
		if i == 0 {
			a.Reason, a.Confidence = entente.NewReason("canonical"), 1
			if _, renamed := b.name[root]; renamed {
				a.Reason = entente.NewReason("renamed")
			}
		}
		if a.Reason == "" {
			a.Reason = entente.NewReason("same_name")
		}
		e.Aliases = append(e.Aliases, a.RegistryAlias)
		if i > 0 {
			if !slices.Contains(reasons, a.Reason) {
				reasons = append(reasons, a.Reason)
			}
			e.Confidence = min(e.Confidence, a.Confidence)
		}
	}
	if y, ok := most(years); ok {
		e.Year = &y
	}
	if k, ok := most(kinds); ok && e.Kind == entente.RegInstrument {
		e.InstrumentKind = k
	}
	e.Parties = unionLists(partyLists)
	if e.Kind == entente.RegInstrument {
		if d := b.documentOf(aliases, sc, e.Year, latest); d != nil {
			e.DocumentID, e.Parties = d.ID, slices.Clone(d.Parties)
			reasons = append(reasons, entente.NewReason("document_title", strconv.FormatInt(d.ID, 10)))
			if e.Year == nil && d.SignedDate != nil && len(*d.SignedDate) >= 4 {
				if y, err := strconv.Atoi((*d.SignedDate)[:4]); err == nil {
					e.Year = &y
				}
			}
		}
	}
	if len(reasons) == 0 {
		reasons = append(reasons, entente.NewReason("one_name"))
	}
	e.Reason = entente.JoinReasons(reasons)
	return e
}

// indexTitles finds the documents by the key of their title, once,
// making the keys of the titles past those it was given.
func (b *builder) indexTitles() {
	docs := b.in.Documents
	keys := b.titleKeys[:min(len(b.titleKeys), len(docs))]
	for i := len(keys); i < len(docs); i++ {
		keys = append(keys, key(docs[i].Title))
	}
	b.titleKeys = keys
	b.titles = make(map[string][]int, len(keys))
	for i, k := range keys {
		b.titles[k] = append(b.titles[k], i)
	}
}

// documentOf returns the one stored document whose title is one of the
// aliases, signed in the instrument's year when it has one and not after
// the latest document that cites it, and not itself a citing document (one
// the entry being made counted in sc); nil when none or several fit (a
// joint statement's title is often the same every year).
func (b *builder) documentOf(aliases []*alias, sc *entryScratch, year *int, latest string) *entente.RegistryDocument {
	if b.titles == nil {
		b.indexTitles()
	}
	seen := map[int]bool{}
	var found []*entente.RegistryDocument
	for _, a := range aliases {
		for _, i := range b.titles[a.key] {
			if seen[i] {
				continue
			}
			seen[i] = true
			if sc.seen[i] == sc.entry { // a document that cites it
				continue
			}
			if d := fits(&b.in.Documents[i], year, latest); d != nil {
				found = append(found, d)
			}
		}
	}
	if len(found) != 1 {
		return nil
	}
	return found[0]
}

// fits returns d if an instrument of year, cited at the latest on latest,
// can be it.
func fits(d *entente.RegistryDocument, year *int, latest string) *entente.RegistryDocument {
	if year != nil && (d.SignedDate == nil || !strings.HasPrefix(*d.SignedDate, strconv.Itoa(*year))) {
		return nil
	}
	if d.SignedDate != nil && latest != "" && *d.SignedDate > latest {
		return nil
	}
	return d
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// most returns the most frequent value, the smallest on a tie.
func most[T cmp.Ordered](counts map[T]int) (T, bool) {
	var best T
	n := 0
	for v, c := range counts {
		if c > n || (c == n && v < best) {
			best, n = v, c
		}
	}
	return best, n > 0
}

// unionLists returns the parties of any list (each its codes sorted and
// joined by commas, builder.parties), in code order: an entry's parties are
// those of every document that names it (a railway named by China's
// statements with Serbia and with Hungary is of all three).
func unionLists(lists []string) []string {
	out := []string{}
	for _, l := range lists {
		for _, p := range strings.Split(l, ",") {
			if !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	slices.Sort(out)
	return out
}
