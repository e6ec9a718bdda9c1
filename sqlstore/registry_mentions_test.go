package sqlstore_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestRegistryMentionsInOrder: an entry's mentions come oldest document
// first (a document without a date where the database sorts it), each
// document's in reading order, a withdrawn document's left out, and as
// many as asked for: the same sentences, in the same order, as when every
// mention was read with its sentence and sorted in one statement
// (sqlstore.RegistryMentionsSorted), for every number asked for.
func TestRegistryMentionsInOrder(t *testing.T) {
	const full, short = "中华人民共和国政府和塞尔维亚共和国政府自由贸易协定", "中塞自贸协定"
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		r := rand.New(rand.NewPCG(7, 8))
		dates := []string{"2013-08-27", "2016-06-18", "2016-06-18", "2019-04-25", "2023-10-17", "2024-05-08"}
		var docs []int64
		for i := range 14 {
			var sents []sentence
			var cited [][]string // the names each sentence cites
			for j := range 2 + r.IntN(5) {
				names := map[int][]string{0: {short}, 1: {full}, 2: {full, short}}[r.IntN(4)]
				text := fmt.Sprintf("第%d份声明的第%d句。", i, j)
				for _, n := range names {
					text += "双方将落实《" + n + "》。"
				}
				sents = append(sents, sentence{text: text})
				cited = append(cited, names)
			}
			d := handDoc("zh", fmt.Sprintf("声明%d", i), dates[r.IntN(len(dates))], []string{"CN", "RS"}, sents...)
			if i == 3 {
				d.Extraction.Document.SignedDate = nil
			}
			refs := map[string][]string{}
			for j, names := range cited {
				label := d.Extraction.Sentences[j].ID
				d.Extraction.Sentences[j].References = names
				for _, n := range names {
					refs[n] = append(refs[n], label)
				}
			}
			for _, n := range []string{full, short} {
				if len(refs[n]) > 0 {
					d.Extraction.References = append(d.Extraction.References,
						entente.Reference{Title: n, Bracketed: true, Kind: entente.RefAgreement, Sentences: refs[n]})
				}
			}
			docs = append(docs, mustCreate(t, s, d))
		}
		if err := s.WithdrawDocument(ctx, docs[5], "test"); err != nil {
			t.Fatal(err)
		}
		// one entry holds every citation of both names
		rows := idsOf(t, s, `SELECT id FROM citations ORDER BY id`)
		e := entente.BuiltEntry{Kind: entente.RegInstrument, Name: full, Parties: []string{"CN", "RS"}, Reason: "test", Confidence: 1,
			Aliases: []entente.RegistryAlias{{Alias: full, Language: "zh", Confidence: 1}, {Alias: short, Language: "zh", Confidence: 1}}}
		for _, id := range rows {
			e.Items = append(e.Items, entente.ItemKey{RowID: id})
		}
		ids, err := s.SaveRegistry(ctx, []entente.BuiltEntry{e}, "test", nil)
		if err != nil {
			t.Fatal(err)
		}
		type at struct {
			doc      int64
			sentence string
		}
		order := func(ms []entente.RegistryMention) []at {
			var out []at
			for _, m := range ms {
				if m.DocumentID == docs[5] {
					t.Errorf("a mention in the withdrawn document: %+v", m)
				}
				if m.Text == "" || (m.Alias != full && m.Alias != short) {
					t.Errorf("mention %+v: want its text and one of the entry's names", m)
				}
				out = append(out, at{m.DocumentID, m.Sentence})
			}
			return out
		}
		all, err := sqlstore.RegistryMentionsSorted(ctx, s, ids[0], 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) < 20 {
			t.Fatalf("%d mentions, want the library to hold more", len(all))
		}
		want := order(all)
		for limit := 1; limit <= len(all)+1; limit++ {
			got, err := s.RegistryEntry(ctx, ids[0], limit)
			if err != nil {
				t.Fatal(err)
			}
			if n := min(limit, len(all)); !slices.Equal(order(got.MentionList), want[:n]) {
				t.Fatalf("the first %d mentions:\n%v\nwant\n%v", limit, order(got.MentionList), want[:n])
			}
		}
	})
}
