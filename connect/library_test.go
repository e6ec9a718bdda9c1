package connect_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entente/entente"
	"github.com/entente/entente/connect"
	"github.com/entente/entente/extract"
	"github.com/entente/entente/ingest"
	"github.com/entente/entente/internal/storetest"
	"github.com/entente/entente/internal/testlibrary"
	"github.com/entente/entente/sqlstore"
	"github.com/entente/entente/tracking"
)

// Every test of the stored registry runs on SQLite and on PostgreSQL.
var forEachStore = storetest.ForEach

var (
	registryOnce sync.Once
	registry     *extract.Registry
	registryErr  error
)

// ingestLibrary stores the shared test library (internal/testlibrary:
// statements of China and Serbia from 2009 to 2024, one of them also in
// English, and one of China and Hungary), each read in its own language as entente ingest
// reads it, and returns the documents' ids by file name.
func ingestLibrary(t *testing.T, ctx context.Context, s *sqlstore.Store, names ...string) map[string]int64 {
	t.Helper()
	if len(names) == 0 {
		names = testlibrary.Names()
	}
	in := newIngester(t, s)
	ids := map[string]int64{}
	for _, n := range names {
		o := in.Batch(ctx, []string{testlibrary.Path(n)}, nil, func(o ingest.Outcome) {
			if o.DocumentID == 0 {
				t.Fatalf("%s: %+v", n, o)
			}
			ids[n] = o.DocumentID
		})
		if o.Refused > 0 {
			t.Fatalf("%s refused: %+v", n, o)
		}
	}
	return ids
}

// newIngester returns an ingester into s as entente ingest's, without a
// version matcher: the registry finds versions itself.
func newIngester(t *testing.T, s *sqlstore.Store) *ingest.Ingester {
	t.Helper()
	registryOnce.Do(func() { registry, registryErr = extract.NewRegistry() })
	if registryErr != nil {
		t.Fatal(registryErr)
	}
	x, err := registry.For("")
	if err != nil {
		t.Fatal(err)
	}
	return &ingest.Ingester{Store: s, Extractor: x, ExtractorName: registry.ID()}
}

// truth names what each alias of the test library is: two aliases with
// the same truth are one thing, two with different truths are two.
var truth = map[string]string{
	"中华人民共和国政府和塞尔维亚共和国政府自由贸易协定": "fta-cn-rs",
	"中塞自贸协定":                            "fta-cn-rs",
	"China-Serbia Free Trade Agreement": "fta-cn-rs",
	"中华人民共和国和塞尔维亚共和国关于深化战略伙伴关系的联合声明":      "js-2013",
	"中华人民共和国和塞尔维亚共和国关于建立全面战略伙伴关系的联合声明":    "js-2016",
	"中华人民共和国政府和塞尔维亚共和国政府关于相互促进和保护投资协定":    "bit-cn-rs",
	"中华人民共和国政府和匈牙利政府关于相互促进和保护投资协定":        "bit-cn-hu",
	"中华人民共和国政府和塞尔维亚共和国政府关于互免持普通护照人员签证的协定": "visa-cn-rs",
	"中塞经贸合作政府间委员会": "committee-cn-rs",
	"中匈经贸合作政府间委员会": "committee-cn-hu",
	"匈塞铁路":         "railway-hu-rs",
	// the extractor reads 各级别政治对话 as a mechanism, without its 各
	"级别政治对话": "dialogue-cn-rs",
	// the English text's own names (found since issue 13 read English
	// mechanisms and projects), joined as counterparts in aligned versions
	"China-Serbia Intergovernmental Committee on Economic and Trade Cooperation":                                                 "committee-cn-rs",
	"Free Trade Agreement between the Government of the People's Republic of China and the Government of the Republic of Serbia": "fta-cn-rs",
	"Hungary-Serbia Railway": "railway-hu-rs",
}

func allEntries(t *testing.T, ctx context.Context, s *sqlstore.Store) []entente.RegistryEntry {
	t.Helper()
	es, total, err := s.RegistryEntries(ctx, entente.RegistryFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(es) {
		t.Fatalf("total %d, listed %d", total, len(es))
	}
	return es
}

// entryOf returns the entry that has alias.
func entryOf(t *testing.T, es []entente.RegistryEntry, alias string) *entente.RegistryEntry {
	t.Helper()
	e := findEntry(es, alias)
	if e == nil {
		t.Fatalf("no entry has the alias %q", alias)
	}
	return e
}

// findEntry returns the entry that has alias, or nil.
func findEntry(es []entente.RegistryEntry, alias string) *entente.RegistryEntry {
	for i := range es {
		for _, a := range es[i].Aliases {
			if a.Alias == alias {
				return &es[i]
			}
		}
	}
	return nil
}

// score checks that no entry joins two things (a wrong merge) and returns
// how many of the pairs of aliases that name one thing are joined, of how
// many.
func score(t *testing.T, es []entente.RegistryEntry) (joined, pairs int) {
	t.Helper()
	where := map[string]int64{}
	for _, e := range es {
		seen := ""
		for _, a := range e.Aliases {
			tr, ok := truth[a.Alias]
			if !ok {
				t.Errorf("entry %d %q: alias %q is not in the test library's truth", e.ID, e.Name, a.Alias)
				continue
			}
			if seen != "" && tr != seen {
				t.Errorf("wrong merge: entry %d %q joins %s and %s (%q: %s)", e.ID, e.Name, seen, tr, a.Alias, a.Reason)
			}
			seen = tr
			where[a.Alias] = e.ID
		}
	}
	var aliases []string
	for a := range truth {
		aliases = append(aliases, a)
	}
	slices.Sort(aliases)
	for i, a := range aliases {
		for _, b := range aliases[i+1:] {
			if truth[a] != truth[b] {
				continue
			}
			pairs++
			if where[a] != 0 && where[a] == where[b] {
				joined++
			}
		}
	}
	return joined, pairs
}

func cli(ctx context.Context) context.Context {
	return entente.NewContextWithActor(ctx, entente.Actor{Name: "ed", Via: "cli"})
}

func TestLibrary(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s)
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		es := allEntries(t, ctx, s)
		joined, pairs := score(t, es)
		t.Logf("%d entries; %d of %d true pairs joined", len(es), joined, pairs)
		if joined < pairs*3/4 {
			t.Errorf("only %d of %d true pairs joined", joined, pairs)
		}

		fta := entryOf(t, es, "中塞自贸协定")
		if fta.Name != "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定" || fta.Kind != entente.RegInstrument || fta.InstrumentKind != entente.RefAgreement {
			t.Errorf("free trade agreement: %+v", fta)
		}
		// by its title in 2023, by its title and its short name in each 2024 text
		if !slices.Equal(fta.Parties, []string{"CN", "RS"}) || fta.DocumentCount != 3 || fta.MentionCount != 5 {
			t.Errorf("free trade agreement: parties %v, %d documents, %d mentions; want CN RS, 3, 5", fta.Parties, fta.DocumentCount, fta.MentionCount)
		}
		reasons := map[string]entente.RegistryAlias{}
		for _, a := range fta.Aliases {
			reasons[a.Alias] = a
		}
		if a := reasons["中塞自贸协定"]; !strings.Contains(a.Reason, "short form") || a.Confidence >= 1 || a.Confidence <= 0 {
			t.Errorf("short form alias: %+v", a)
		}
		if a := reasons["China-Serbia Free Trade Agreement"]; !strings.Contains(a.Reason, "versions") || a.Language != "en" {
			t.Errorf("English alias: %+v", a)
		}
		full, err := s.RegistryEntry(ctx, fta.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		var docs []int64
		for _, m := range full.MentionList {
			docs = append(docs, m.DocumentID)
			if m.Sentence == "" || m.Text == "" || !strings.Contains(entente.NameKey(m.Text), entente.NameKey(m.Alias)) {
				t.Errorf("mention %+v does not carry its sentence", m)
			}
		}
		if want := []int64{ids["cn-rs-2023.zh.txt"], ids["cn-rs-2024.zh.txt"], ids["cn-rs-2024.en.txt"]}; !sameSet(docs, want) {
			t.Errorf("mentions in documents %v, want %v", docs, want)
		}

		// an instrument that is itself a stored document links to it
		for alias, file := range map[string]string{
			"中华人民共和国和塞尔维亚共和国关于深化战略伙伴关系的联合声明":   "cn-rs-2013.zh.txt",
			"中华人民共和国和塞尔维亚共和国关于建立全面战略伙伴关系的联合声明": "cn-rs-2016.zh.txt",
		} {
			e := entryOf(t, es, alias)
			if e.Document == nil || e.Document.ID != ids[file] {
				t.Errorf("%s: document %+v, want %d", alias, e.Document, ids[file])
			}
		}
		if e := entryOf(t, es, "中塞自贸协定"); e.Document != nil {
			t.Errorf("the free trade agreement is not in the library, yet links to %+v", e.Document)
		}
		// one railway, though statements of two pairs name it: five of China
		// and Serbia (2009, 2016, 2019, 2024 in both languages), one of China
		// and Hungary
		n := 0
		for _, e := range es {
			if slices.ContainsFunc(e.Aliases, func(a entente.RegistryAlias) bool { return a.Alias == "匈塞铁路" }) {
				n++
				if e.DocumentCount != 6 || e.Kind != entente.RegProject {
					t.Errorf("railway: %+v", e)
				}
				// its parties: those of every statement that names it
				if !slices.Equal(e.Parties, []string{"CN", "HU", "RS"}) {
					t.Errorf("railway parties %v, want CN HU RS", e.Parties)
				}
			}
		}
		if n != 1 {
			t.Errorf("the railway is %d entries", n)
		}
		committee := entryOf(t, es, "中塞经贸合作政府间委员会")
		if committee.Kind != entente.RegMechanism || committee.DocumentCount != 5 {
			t.Errorf("committee: %+v", committee)
		}

		// citations and backlinks
		cites, err := s.Cites(ctx, ids["cn-rs-2023.zh.txt"])
		if err != nil {
			t.Fatal(err)
		}
		if len(cites) != 3 || cites[0].Document == nil || cites[0].Document.ID != ids["cn-rs-2016.zh.txt"] || !slices.Equal(cites[0].Sentences, []string{"s1"}) {
			t.Errorf("2023 cites %+v", cites)
		}
		by, err := s.CitedBy(ctx, ids["cn-rs-2016.zh.txt"])
		if err != nil {
			t.Fatal(err)
		}
		if len(by) != 1 || by[0].Document == nil || by[0].Document.ID != ids["cn-rs-2023.zh.txt"] {
			t.Errorf("2016 cited by %+v", by)
		}
		by, err = s.CitedBy(ctx, ids["cn-rs-2013.zh.txt"])
		if err != nil {
			t.Fatal(err)
		}
		if len(by) != 1 || by[0].Document.ID != ids["cn-rs-2016.zh.txt"] {
			t.Errorf("2013 cited by %+v", by)
		}
		if _, err := s.CitedBy(ctx, 9999); !errors.Is(err, entente.ErrNotFound) {
			t.Errorf("cited-by of no document: %v", err)
		}

		// a search by any name, any case, with or without brackets
		for _, q := range []string{"中塞自贸", "《中塞自贸协定》", "china-serbia free", "CHINA-SERBIA FREE"} {
			got, n, err := s.RegistryEntries(ctx, entente.RegistryFilter{Query: q})
			if err != nil {
				t.Fatal(err)
			}
			if n != 1 || got[0].ID != fta.ID {
				t.Errorf("query %q: %d entries %+v", q, n, got)
			}
		}
		// versions linked by an editor are read as such; once unlinked,
		// their names are no longer joined
		if _, err := s.SetVersionLink(ctx, ids["cn-rs-2024.zh.txt"], ids["cn-rs-2024.en.txt"], true, "manual", "one statement"); err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		after := allEntries(t, ctx, s)
		if entryOf(t, after, "China-Serbia Free Trade Agreement").ID != entryOf(t, after, "中塞自贸协定").ID {
			t.Errorf("linked versions: the English name is not joined")
		}
		if _, err := s.SetVersionLink(ctx, ids["cn-rs-2024.zh.txt"], ids["cn-rs-2024.en.txt"], false, "manual", "two statements"); err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		after = allEntries(t, ctx, s)
		if e := entryOf(t, after, "China-Serbia Free Trade Agreement"); e.ID == entryOf(t, after, "中塞自贸协定").ID {
			t.Errorf("after the unlink the English name is still joined: %+v", e)
		}

		got, _, err := s.RegistryEntries(ctx, entente.RegistryFilter{Kind: entente.RegMechanism})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range got {
			if e.Kind != entente.RegMechanism {
				t.Errorf("kind filter let %+v through", e)
			}
		}
	})
}

func sameSet(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// TestDecisionsKept splits, merges and renames by hand, each with its
// event and actor, and holds the decisions over a rebuild after new
// documents arrive; a viewer may not decide.
func TestDecisionsKept(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s, "cn-rs-2023.zh.txt", "cn-rs-2024.zh.txt")
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		fta := entryOf(t, allEntries(t, ctx, s), "中塞自贸协定")
		viewer := entente.NewContextWithUser(context.Background(), &entente.User{ID: 0, Name: "vi", Role: entente.RoleViewer})
		if _, err := c.Split(viewer, fta.ID, []string{"中塞自贸协定"}, "no"); !errors.Is(err, entente.ErrForbidden) {
			t.Fatalf("a viewer's split: %v", err)
		}
		split, err := c.Split(ctx, fta.ID, []string{"《中塞自贸协定》"}, "checking")
		if err != nil {
			t.Fatal(err)
		}
		if split == nil || len(split.Aliases) != 1 || split.Aliases[0].Alias != "中塞自贸协定" || split.ID == fta.ID {
			t.Fatalf("split off %+v", split)
		}
		kept, err := s.RegistryEntry(ctx, fta.ID, 10)
		if err != nil || len(kept.Aliases) != 1 {
			t.Fatalf("entry %d after the split: %+v %v", fta.ID, kept, err)
		}
		renamed, err := c.Rename(ctx, fta.ID, "中塞自由贸易协定", "shorter")
		if err != nil || renamed.Name != "中塞自由贸易协定" || renamed.ID != fta.ID {
			t.Fatalf("renamed %+v %v", renamed, err)
		}
		// a re-extraction (new rows for every name) and new documents keep
		// the decisions
		docs, err := s.Documents(ctx, entente.DocumentFilter{From: "2024", To: "2024"})
		if err != nil || len(docs) != 1 {
			t.Fatalf("2024: %v %v", docs, err)
		}
		vs, err := s.VersionsToReextract(ctx, docs[0].ID, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ReplaceExtraction(ctx, vs[0].ID, registry.Extract(vs[0].Text), registry.ID()); err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		if e := entryOf(t, allEntries(t, ctx, s), "中塞自贸协定"); e.ID == fta.ID {
			t.Errorf("after a re-extraction the split came undone: %+v", e)
		}
		ingestLibrary(t, ctx, s, "cn-rs-2024.en.txt", "cn-rs-2016.zh.txt")
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		es := allEntries(t, ctx, s)
		if e := entryOf(t, es, "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定"); e.Name != "中塞自由贸易协定" || e.ID != fta.ID || slices.ContainsFunc(e.Aliases, func(a entente.RegistryAlias) bool { return a.Alias == "中塞自贸协定" }) {
			t.Errorf("after a rebuild the renamed entry is %+v", e)
		}
		short := entryOf(t, es, "中塞自贸协定")
		if short.ID == fta.ID {
			t.Errorf("after a rebuild the split came undone: %+v", short)
		}
		merged, err := c.Merge(ctx, short.ID, fta.ID, "they are one")
		if err != nil {
			t.Fatal(err)
		}
		if merged.ID != fta.ID || len(merged.Aliases) < 2 {
			t.Errorf("merged %+v", merged)
		}
		if _, err := c.Merge(ctx, fta.ID, fta.ID, ""); !errors.Is(err, entente.ErrInvalid) {
			t.Errorf("merge into itself: %v", err)
		}
		evs, err := s.History(ctx, entente.EventFilter{Entity: "registry", Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		var acts []string
		for _, e := range evs {
			acts = append(acts, e.Action)
			if e.Actor != "ed" || e.Via != "cli" || e.After == "" {
				t.Errorf("event %+v", e)
			}
		}
		slices.Sort(acts)
		if !slices.Equal(acts, []string{"merge", "rename", "split"}) {
			t.Errorf("registry events %v", acts)
		}
	})
}

// TestFreshOrLater: the first read builds the registry at once; after a
// new document the read answers at once, says the registry is behind, and
// the rebuild in the background brings the new names.
func TestFreshOrLater(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt")
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if behind, err := c.FreshOrLater(ctx); err != nil || behind {
			t.Fatalf("first read: behind %v, %v", behind, err)
		}
		if len(allEntries(t, ctx, s)) == 0 {
			t.Fatal("the first read built nothing")
		}
		ingestLibrary(t, ctx, s, "cn-hu-2024.zh.txt")
		behind, err := c.FreshOrLater(ctx)
		if err != nil || !behind {
			t.Fatalf("after a new document: behind %v, %v", behind, err)
		}
		c.Wait()
		entryOf(t, allEntries(t, ctx, s), "中匈经贸合作政府间委员会")
		if behind, err := c.FreshOrLater(ctx); err != nil || behind {
			t.Errorf("after the rebuild: behind %v, %v", behind, err)
		}
	})
}

// TestReadsNeverRebuild: Behind only reads; Later, what a write calls once
// done, rebuilds in the background and the registry catches up.
func TestReadsNeverRebuild(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt")
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if behind, err := c.Behind(ctx); err != nil || !behind {
				t.Fatalf("before any build: behind %v, %v", behind, err)
			}
		}
		if es := allEntries(t, ctx, s); len(es) != 0 {
			t.Fatalf("a read built the registry: %d entries", len(es))
		}
		if behind, err := c.Later(ctx); err != nil || !behind {
			t.Fatalf("later: behind %v, %v", behind, err)
		}
		c.Wait()
		entryOf(t, allEntries(t, ctx, s), "中塞经贸合作政府间委员会")
		if behind, err := c.Behind(ctx); err != nil || behind {
			t.Errorf("after the rebuild: behind %v, %v", behind, err)
		}
		ingestLibrary(t, ctx, s, "cn-hu-2024.zh.txt")
		if behind, err := c.Behind(ctx); err != nil || !behind {
			t.Errorf("after a new document: behind %v, %v", behind, err)
		}
		watch, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { c.Watch(watch, time.Hour); close(done) }() // its first look at once
		deadline := time.Now().Add(time.Minute)
		for behind := true; behind && time.Now().Before(deadline); {
			time.Sleep(50 * time.Millisecond)
			if behind, err = c.Behind(ctx); err != nil {
				t.Fatal(err)
			}
		}
		stop()
		<-done
		c.Wait()
		entryOf(t, allEntries(t, ctx, s), "中匈经贸合作政府间委员会")
	})
}

// TestCorrectionsInRegistry: a name an analyst strikes from a sentence's
// mechanisms is no longer a mention of the registry's entry, after the
// rebuild the correction calls for.
func TestCorrectionsInRegistry(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt", "cn-rs-2016.zh.txt")
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		committee := entryOf(t, allEntries(t, ctx, s), "中塞经贸合作政府间委员会")
		full, err := s.RegistryEntry(ctx, committee.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		label := ""
		for _, m := range full.MentionList {
			if m.DocumentID == ids["cn-rs-2013.zh.txt"] {
				label = m.Sentence
			}
		}
		if committee.DocumentCount != 2 || label == "" {
			t.Fatalf("before the correction: %d documents, 2013's sentence %q", committee.DocumentCount, label)
		}
		tr, err := tracking.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: ids["cn-rs-2013.zh.txt"], Sentence: label,
			Field: "mechanisms", Value: []byte(`[]`), Why: "not the committee"}); err != nil {
			t.Fatal(err)
		}
		if behind, err := c.Behind(ctx); err != nil || !behind {
			t.Fatalf("a correction of names does not move the registry's signature: %v %v", behind, err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		after := entryOf(t, allEntries(t, ctx, s), "中塞经贸合作政府间委员会")
		full, err = s.RegistryEntry(ctx, after.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		if after.DocumentCount != 1 || len(full.MentionList) != 1 || full.MentionList[0].DocumentID != ids["cn-rs-2016.zh.txt"] {
			t.Errorf("after the correction: %d documents, mentions %+v", after.DocumentCount, full.MentionList)
		}
	})
}

// TestAddedNamesInRegistry: a name an analyst adds to a sentence (a
// correction of its mechanisms or projects) is a mention of the registry's
// entry of that name after the rebuild the correction calls for, a new
// name an entry of its own, and every rebuild keeps them.
func TestAddedNamesInRegistry(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := cli(context.Background())
		ids := ingestLibrary(t, ctx, s, "cn-rs-2013.zh.txt", "cn-rs-2016.zh.txt")
		c, err := connect.New(s)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		const committee, bridge = "中塞经贸合作政府间委员会", "泽蒙—博尔察大桥"
		before := entryOf(t, allEntries(t, ctx, s), committee)
		full, err := s.RegistryEntry(ctx, before.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		mentioned := map[string]bool{}
		for _, m := range full.MentionList {
			if m.DocumentID == ids["cn-rs-2016.zh.txt"] {
				mentioned[m.Sentence] = true
			}
		}
		// a commitment of 2016 that names neither
		d, err := s.Document(ctx, ids["cn-rs-2016.zh.txt"])
		if err != nil {
			t.Fatal(err)
		}
		var target *entente.Sentence
		for i := range d.Extraction.Sentences {
			st := &d.Extraction.Sentences[i]
			if st.Type == entente.Commitment && !mentioned[st.ID] && len(st.Projects) == 0 {
				target = st
				break
			}
		}
		if target == nil {
			t.Fatal("2016 has no commitment without the committee")
		}
		tr, err := tracking.New(s)
		if err != nil {
			t.Fatal(err)
		}
		mechanisms, _ := json.Marshal(append(slices.Clone(target.Mechanisms), committee))
		for _, k := range []struct{ field, value string }{{"mechanisms", string(mechanisms)}, {"projects", `["` + bridge + `"]`}} {
			if _, err := tr.Correct(ctx, tracking.CorrectInput{Document: d.ID, Sentence: target.ID, Field: k.field,
				Value: []byte(k.value), Why: "the analyst reads it there"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := c.Fresh(ctx); err != nil {
			t.Fatal(err)
		}
		es := allEntries(t, ctx, s)
		after := entryOf(t, es, committee)
		full, err = s.RegistryEntry(ctx, after.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range full.MentionList {
			found = found || (m.DocumentID == d.ID && m.Sentence == target.ID && m.Alias == committee)
		}
		if !found || after.MentionCount != before.MentionCount+1 || after.DocumentCount != before.DocumentCount {
			t.Errorf("the added committee: mentions %d → %d, documents %d → %d, listed in %s: %v",
				before.MentionCount, after.MentionCount, before.DocumentCount, after.DocumentCount, target.ID, found)
		}
		b := entryOf(t, es, bridge)
		full, err = s.RegistryEntry(ctx, b.ID, 100)
		if err != nil {
			t.Fatal(err)
		}
		if b.Kind != entente.RegProject || b.MentionCount != 1 || len(full.MentionList) != 1 || full.MentionList[0].Sentence != target.ID {
			t.Errorf("the added bridge: %+v, mentions %+v", b, full.MentionList)
		}
		if _, err := c.Rebuild(ctx); err != nil {
			t.Fatal(err)
		}
		if again := entryOf(t, allEntries(t, ctx, s), bridge); again.MentionCount != 1 {
			t.Errorf("after a rebuild the bridge has %d mentions", again.MentionCount)
		}
	})
}
