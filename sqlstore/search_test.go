package sqlstore_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// The search corpus: the development statement, and hand-labelled
// documents in English and in Serbian in both scripts.
var (
	english = handDoc("en", "Joint statement in English", "2023-06-01", []string{"CN", "RS"},
		sentence{text: "The Parties agreed to deepen cooperation in trade and investment.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "RS"}, areas: []string{"trade"}},
		sentence{text: "Both sides will cooperate closely on railway construction.", typ: entente.Commitment, strength: entente.Intent, actors: []string{"HU", "RS"}, areas: []string{"infrastructure"}},
		sentence{text: "The mutual visa exemption agreement entered into force in 2017.", typ: entente.Narrative},
		sentence{text: "China and Serbia signed a free trade agreement.", typ: entente.Narrative},
	)
	cyrillic = handDoc("sr-Cyrl", "Саопштење", "2024-09-01", []string{"CN", "RS"},
		sentence{text: "Министарство спољних послова Републике Србије саопштава да ће две земље унапредити сарадњу.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"RS"}},
		sentence{text: "Србија и Кина потписале су споразум о слободној трговини.", typ: entente.Narrative},
	)
	latin = handDoc("sr-Latn", "Saopštenje", "2024-10-15", []string{"RS"},
		sentence{text: "Ministarstvo spoljnih poslova pozdravlja izgradnju pruge Beograd–Budimpešta.", typ: entente.Appraisal},
		sentence{text: "Đoković je posetio Peking.", typ: entente.Narrative},
	)
)

// searchCorpus stores the corpus and returns every stored sentence text.
func searchCorpus(t *testing.T, s *sqlstore.Store) (zh *entente.NewDocument, texts []string) {
	t.Helper()
	zh = corpusDoc(t, statement)
	for _, d := range []*entente.NewDocument{zh, english, cyrillic, latin} {
		mustCreate(t, s, d)
		for _, st := range d.Extraction.Sentences {
			texts = append(texts, st.Text)
		}
	}
	return zh, texts
}

func containing(sub string) func(string) bool {
	return func(text string) bool { return strings.Contains(text, sub) }
}

func oneOf(want ...string) func(string) bool {
	return func(text string) bool { return slices.Contains(want, text) }
}

var searchCases = []struct {
	name  string
	query string
	want  func(text string) bool // which stored sentences must be found
}{
	{"Chinese word", "铁路", containing("铁路")},
	{"Chinese word 签证", "签证", containing("签证")},
	{"one Han character", "铁", containing("铁")},
	{"Chinese phrase", "一带一路", containing("一带一路")},
	{"two Chinese words", "中方 铁路", func(t string) bool { return strings.Contains(t, "中方") && strings.Contains(t, "铁路") }},
	{"English word form", "cooperate", oneOf(english.Extraction.Sentences[0].Text, english.Extraction.Sentences[1].Text)},
	{"English case", "VISA", oneOf(english.Extraction.Sentences[2].Text)},
	{"English plural", "Agreements", oneOf(english.Extraction.Sentences[2].Text, english.Extraction.Sentences[3].Text)},
	{"Latin finds both scripts", "spoljnih", oneOf(cyrillic.Extraction.Sentences[0].Text, latin.Extraction.Sentences[0].Text)},
	{"Cyrillic finds both scripts", "спољних", oneOf(cyrillic.Extraction.Sentences[0].Text, latin.Extraction.Sentences[0].Text)},
	{"Latin finds Cyrillic", "saradnju", oneOf(cyrillic.Extraction.Sentences[0].Text)},
	{"Cyrillic finds Latin", "пруге", oneOf(latin.Extraction.Sentences[0].Text)},
	{"no diacritics", "Budimpesta", oneOf(latin.Extraction.Sentences[0].Text)},
	{"đ as ђ", "Ђоковић", oneOf(latin.Extraction.Sentences[1].Text)},
	{"no match", "量子计算", oneOf()},
	{"punctuation only", "，。", oneOf()},
}

// TestSearch runs each query on both databases: it must find exactly the
// sentences that hold it, ranked best first, and both databases must return
// the same hits in the same order.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	results := map[string]map[string][]entente.SearchHit{}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			s := st.open(t)
			_, texts := searchCorpus(t, s)
			results[st.name] = map[string][]entente.SearchHit{}
			for _, tc := range searchCases {
				hits, err := s.Search(ctx, entente.SearchQuery{Text: tc.query})
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				results[st.name][tc.name] = hits
				var want, got []string
				for _, text := range texts {
					if tc.want(text) {
						want = append(want, text)
					}
				}
				for _, h := range hits {
					got = append(got, h.Sentence.Text)
				}
				slices.Sort(want)
				slices.Sort(got)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: Search(%q) (-want +got):\n%s", tc.name, tc.query, diff)
				}
				checkHits(t, tc.query, hits)
			}
		})
	}
	if len(results) == 2 {
		if diff := cmp.Diff(results["sqlite"], results["postgres"]); diff != "" {
			t.Errorf("SQLite and PostgreSQL differ (-sqlite +postgres):\n%s", diff)
		}
	}
}

// checkHits checks what every list of hits must satisfy: best first, ties
// by newer document then position; marks inside the text; highlights that
// wrap the marks.
func checkHits(t *testing.T, query string, hits []entente.SearchHit) {
	t.Helper()
	for i, h := range hits {
		if i > 0 {
			p := hits[i-1]
			if p.Score < h.Score || p.Score == h.Score && (p.DocumentID < h.DocumentID) {
				t.Errorf("Search(%q): hit %d (score %v, document %d) before hit %d (score %v, document %d)",
					query, i-1, p.Score, p.DocumentID, i, h.Score, h.DocumentID)
			}
		}
		if len(h.Marks) == 0 {
			t.Errorf("Search(%q): hit %q has no marks", query, h.Sentence.Text)
		}
		if !strings.Contains(h.Highlighted, "[[") || strings.ReplaceAll(strings.ReplaceAll(h.Highlighted, "[[", ""), "]]", "") != h.Sentence.Text {
			t.Errorf("Search(%q): highlighted %q does not wrap the text", query, h.Highlighted)
		}
		if h.DocumentTitle == "" || h.Section != h.Sentence.Section {
			t.Errorf("Search(%q): hit without its document title or section: %+v", query, h)
		}
	}
}

func TestSearchMarks(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		searchCorpus(t, s)
		hits, err := s.Search(context.Background(), entente.SearchQuery{Text: "cooperate"})
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]bool{
			"The Parties agreed to deepen [[cooperation]] in trade and investment.": true,
			"Both sides will [[cooperate]] closely on railway construction.":        true,
		}
		for _, h := range hits {
			if !want[h.Highlighted] {
				t.Errorf("unexpected highlight %q", h.Highlighted)
			}
		}
		hits, err = s.Search(context.Background(), entente.SearchQuery{Text: "spoljnih", Language: "sr-Cyrl"})
		if err != nil || len(hits) != 1 {
			t.Fatalf("%d hits, %v", len(hits), err)
		}
		if got, want := hits[0].Highlighted, "Министарство [[спољних]] послова Републике Србије саопштава да ће две земље унапредити сарадњу."; got != want {
			t.Errorf("highlighted %q, want %q", got, want)
		}
		if got, want := hits[0].Marks, []entente.Span{{Start: 13, End: 20}}; !slices.Equal(got, want) {
			t.Errorf("marks %v, want %v", got, want)
		}
	})
}

// TestSearchFilters checks each filter against the labels stored.
func TestSearchFilters(t *testing.T) {
	ctx := context.Background()
	results := map[string][][]entente.SearchHit{}
	for _, st := range stores {
		t.Run(st.name, func(t *testing.T) {
			s := st.open(t)
			zh, texts := searchCorpus(t, s)
			sents := zh.Extraction.Sentences
			where := func(keep func(entente.Sentence) bool) []string {
				var out []string
				for _, x := range sents {
					if strings.Contains(x.Text, "合作") && keep(x) {
						out = append(out, x.Text)
					}
				}
				return out
			}
			allSentences := texts
			tests := []struct {
				name string
				q    entente.SearchQuery
				want []string
			}{
				{"language", entente.SearchQuery{Text: "spoljnih", Language: "sr-Latn"}, []string{latin.Extraction.Sentences[0].Text}},
				{"party of the document", entente.SearchQuery{Text: "cooperate", Party: "CN"}, []string{english.Extraction.Sentences[0].Text, english.Extraction.Sentences[1].Text}},
				{"party as actor only", entente.SearchQuery{Text: "cooperate", Party: "HU"}, []string{english.Extraction.Sentences[1].Text}},
				{"party absent", entente.SearchQuery{Text: "cooperate", Party: "AE"}, nil},
				{"type", entente.SearchQuery{Text: "合作", Type: entente.Commitment},
					where(func(x entente.Sentence) bool { return x.Type == entente.Commitment })},
				{"strength", entente.SearchQuery{Text: "合作", Strength: entente.Intent},
					where(func(x entente.Sentence) bool { return x.Strength == entente.Intent })},
				{"area", entente.SearchQuery{Text: "合作", Area: sents[firstWithArea(sents)].Areas[0]},
					where(func(x entente.Sentence) bool { return slices.Contains(x.Areas, sents[firstWithArea(sents)].Areas[0]) })},
				{"signed from", entente.SearchQuery{Text: "spoljnih", From: "2024-10"}, []string{latin.Extraction.Sentences[0].Text}},
				{"signed to, a month", entente.SearchQuery{To: "2023-06"}, textsOf(english)},
				{"signed in a year, no text", entente.SearchQuery{From: "2024-09", To: "2024"}, append(textsOf(cyrillic), textsOf(latin)...)},
				{"signed to, a day", entente.SearchQuery{To: "2023-05-31"}, nil},
				{"no text, no filter", entente.SearchQuery{}, allSentences},
				// Without text, a common party or area is read in order and a
				// rare one collected (browse): both must find the same.
				{"party of a document, no text", entente.SearchQuery{Party: "CN"}, withParty(zh, "CN")},
				{"party as actor only, no text", entente.SearchQuery{Party: "HU"}, withParty(zh, "HU")},
				{"party absent, no text", entente.SearchQuery{Party: "AE"}, nil},
				{"area, no text", entente.SearchQuery{Area: sents[firstWithArea(sents)].Areas[0], Type: entente.Commitment},
					withArea(zh, sents[firstWithArea(sents)].Areas[0], entente.Commitment)},
				{"area absent, no text", entente.SearchQuery{Area: "no-such-area"}, nil},
			}
			for _, tc := range tests {
				hits, err := s.Search(ctx, tc.q)
				if err != nil {
					t.Fatalf("%s: %v", tc.name, err)
				}
				results[st.name] = append(results[st.name], hits)
				got := []string{}
				for _, h := range hits {
					got = append(got, h.Sentence.Text)
				}
				want := append([]string{}, tc.want...)
				slices.Sort(got)
				slices.Sort(want)
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("%s: (-want +got):\n%s", tc.name, diff)
				}
			}

			// Pages are slices of the whole list.
			all, err := s.Search(ctx, entente.SearchQuery{Text: "合作"})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range [][2]int{{0, 5}, {5, 5}, {len(all) - 2, 5}, {len(all) + 3, 5}} {
				got, err := s.Search(ctx, entente.SearchQuery{Text: "合作", Offset: p[0], Limit: p[1]})
				if err != nil {
					t.Fatal(err)
				}
				lo, hi := min(p[0], len(all)), min(p[0]+p[1], len(all))
				if diff := cmp.Diff(all[lo:hi], got, cmp.Comparer(func(a, b entente.SearchHit) bool {
					return a.Sentence.ID == b.Sentence.ID && a.DocumentID == b.DocumentID
				})); diff != "" {
					t.Errorf("page offset %d limit %d (-whole list +page):\n%s", p[0], p[1], diff)
				}
			}
			browse, err := s.Search(ctx, entente.SearchQuery{Limit: 3, Offset: 1})
			if err != nil || len(browse) != 3 {
				t.Fatalf("browse page: %d hits, %v", len(browse), err)
			}
		})
	}
	if len(results) == 2 {
		if diff := cmp.Diff(results["sqlite"], results["postgres"]); diff != "" {
			t.Errorf("SQLite and PostgreSQL differ (-sqlite +postgres):\n%s", diff)
		}
	}
}

// TestSearchCandidateBlocks checks that a query matching more sentences
// than the store ranks at once (MaxCandidates) still finds every match:
// the newest block is ranked first, then the next, and an offset past the
// first block pages into the later ones; the total counts them all.
func TestSearchCandidateBlocks(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		searchCorpus(t, s)
		for _, q := range []entente.SearchQuery{{Text: "合作"}, {Text: "合"}, {Text: "合作", Party: "CN"}, {Text: "领域合作"}} {
			whole, err := s.Search(ctx, q) // one block: every match ranked together
			if err != nil {
				t.Fatal(err)
			}
			if len(whole) <= 10 {
				t.Fatalf("%+v: %d hits; the test needs more than one block of 10", q, len(whole))
			}
			s.MaxCandidates = 10
			hits, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) != len(whole) {
				t.Errorf("%+v: %d hits in blocks of 10, want all %d", q, len(hits), len(whole))
			}
			for b := 0; b < len(hits); b += 10 { // each block ranked in itself
				checkHits(t, q.Text, hits[b:min(b+10, len(hits))])
			}
			key := func(h entente.SearchHit) string { return strconv.FormatInt(h.DocumentID, 10) + "/" + h.Sentence.ID }
			if a, b := sortedKeys(whole, key), sortedKeys(hits, key); !slices.Equal(a, b) {
				t.Errorf("%+v: blocks find other sentences than one ranking", q)
			}
			// Pages through the blocks give the same hits in the same order.
			var paged []entente.SearchHit
			for off := 0; off < len(hits); off += 7 {
				res, err := s.SearchPage(ctx, entente.SearchQuery{Text: q.Text, Party: q.Party, Offset: off, Limit: 7})
				if err != nil {
					t.Fatal(err)
				}
				if res.Total != len(whole) || res.Estimated {
					t.Errorf("%+v offset %d: total %d (estimated %v), want %d", q, off, res.Total, res.Estimated, len(whole))
				}
				paged = append(paged, res.Hits...)
			}
			if diff := cmp.Diff(hits, paged); diff != "" {
				t.Errorf("%+v: pages of 7 differ from the whole list (-whole +pages):\n%s", q, diff)
			}
			s.MaxCandidates = 0
		}
	})
}

func sortedKeys(hits []entente.SearchHit, key func(entente.SearchHit) string) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = key(h)
	}
	slices.Sort(out)
	return out
}

func firstWithArea(sents []entente.Sentence) int {
	for i, s := range sents {
		if len(s.Areas) > 0 && strings.Contains(s.Text, "合作") {
			return i
		}
	}
	return 0
}

// withParty returns the texts of the search corpus's sentences that the
// party filter keeps: every sentence of a document the party signed, and
// elsewhere those that name it as an actor.
func withParty(zh *entente.NewDocument, party string) []string {
	var out []string
	for _, d := range []*entente.NewDocument{zh, english, cyrillic, latin} {
		signed := slices.Contains(d.Extraction.Document.Parties, party)
		for _, x := range d.Extraction.Sentences {
			if signed || slices.Contains(x.Actors, party) {
				out = append(out, x.Text)
			}
		}
	}
	return out
}

// withArea returns the texts of the search corpus's sentences of type typ
// in area.
func withArea(zh *entente.NewDocument, area string, typ entente.SentenceType) []string {
	var out []string
	for _, d := range []*entente.NewDocument{zh, english, cyrillic, latin} {
		for _, x := range d.Extraction.Sentences {
			if x.Type == typ && slices.Contains(x.Areas, area) {
				out = append(out, x.Text)
			}
		}
	}
	return out
}

func textsOf(d *entente.NewDocument) []string {
	var out []string
	for _, s := range d.Extraction.Sentences {
		out = append(out, s.Text)
	}
	return out
}

// TestSearchFollowsChanges checks that what search keeps in memory (its
// labels, the matches of a query) follows the collection: a statement
// added, a correction made and a statement deleted are seen by the next
// search, its total and its facets.
func TestSearchFollowsChanges(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		searchCorpus(t, s)
		page := func(q entente.SearchQuery) *entente.SearchResults {
			t.Helper()
			res, err := s.SearchPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		before := page(entente.SearchQuery{Text: "cooperate", Party: "CN"})
		beforeAll := page(entente.SearchQuery{})
		extra := handDoc("en", "Another statement", "2025-01-01", []string{"CN", "FR"},
			sentence{text: "The two sides will cooperate on space research.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "FR"}})
		id := mustCreate(t, s, extra)
		after := page(entente.SearchQuery{Text: "cooperate", Party: "CN"})
		if after.Total != before.Total+1 {
			t.Errorf("cooperate by CN after a statement was added: total %d, want %d", after.Total, before.Total+1)
		}
		if n := countOf(after.Facets.Party, "FR"); n != 1 {
			t.Errorf("cooperate by CN after a statement was added: party FR counted %d times, want 1", n)
		}
		if got := page(entente.SearchQuery{Party: "FR"}); got.Total != 1 || len(got.Hits) != 1 || got.Hits[0].DocumentID != id {
			t.Errorf("party FR, no text: %d hits of %d, want the new statement's one", len(got.Hits), got.Total)
		}
		if err := s.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
		if got := page(entente.SearchQuery{Text: "cooperate", Party: "CN"}); got.Total != before.Total || len(got.Hits) != before.Total {
			t.Errorf("cooperate by CN after the statement was deleted: %d hits of %d, want %d", len(got.Hits), got.Total, before.Total)
		}
		if got := page(entente.SearchQuery{}); got.Total != beforeAll.Total {
			t.Errorf("every sentence after the statement was deleted: %d, want %d", got.Total, beforeAll.Total)
		}
	})
}

func countOf(cs []entente.Count, key string) int {
	for _, c := range cs {
		if c.Key == key {
			return c.Count
		}
	}
	return 0
}

// TestSearchIndexExtended checks that a store whose search index grew by
// statements added after it was built (extended, not built again) answers
// exactly as a store that builds it from the whole collection: the same
// hits in the same order, totals and facets, on both databases.
func TestSearchIndexExtended(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		t.Parallel()
		path := t.TempDir() + "/entente.db"
		testSearchIndexExtended(t, func() (*sqlstore.Store, error) { return openSQLitePath(path) })
	})
	t.Run("postgres", func(t *testing.T) {
		t.Parallel()
		dsn := pgDSN(t)
		testSearchIndexExtended(t, func() (*sqlstore.Store, error) { return openPostgresDSN(dsn) })
	})
}

func testSearchIndexExtended(t *testing.T, open func() (*sqlstore.Store, error)) {
	ctx := context.Background()
	s, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	searchCorpus(t, s)
	queries := []entente.SearchQuery{
		{Text: "合作"}, {Text: "cooperate", Party: "CN"}, {Party: "FR"}, {}, {Text: "合作", Type: entente.Commitment},
		{From: "2025"}, {Language: "en"}, {Text: "space research"}, {Area: "trade"},
	}
	for _, q := range queries {
		if _, err := s.SearchPage(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	builds, _ := sqlstore.IndexBuilds(s)
	mustCreate(t, s, handDoc("en", "Another statement", "2025-01-01", []string{"CN", "FR"},
		sentence{text: "The two sides will cooperate on space research.", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "FR"}, areas: []string{"science"}},
		sentence{text: "They discussed trade.", typ: entente.Narrative, areas: []string{"trade"}}))
	mustCreate(t, s, handDoc("zh", "又一份声明", "2026-02-03", []string{"CN", "HU"},
		sentence{text: "双方同意深化铁路合作。", typ: entente.Commitment, strength: entente.Firm, actors: []string{"CN", "HU"}}))
	fresh, err := open()
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, q := range queries {
		for _, limit := range []int{0, 2} {
			q.Limit = limit
			got, err := s.SearchPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			want, err := fresh.SearchPage(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%+v: extended index (-built anew +extended):\n%s", q, diff)
			}
		}
	}
	if b, e := sqlstore.IndexBuilds(s); b != builds || e == 0 {
		t.Errorf("after two statements were added: %d builds (%d before), %d extensions; want the index extended", b, builds, e)
	}
}
