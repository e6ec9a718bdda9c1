package sqlstore_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

func TestEachListedID(t *testing.T) {
	cases := []struct {
		list    string
		want    []int64
		largest int64
		bad     bool
	}{
		{list: ""},
		{list: "7", want: []int64{7}, largest: 7},
		{list: "3,12,5", want: []int64{3, 12, 5}, largest: 12},
		{list: "999999999999999999", want: []int64{999999999999999999}, largest: 999999999999999999},
		{list: "1234567890123456789", bad: true}, // past what an id takes
		{list: ",", bad: true},
		{list: "1,", bad: true},
		{list: "1,,2", bad: true},
		{list: "1;2", bad: true},
		{list: "-1", bad: true},
		{list: " 1", bad: true},
	}
	for _, c := range cases {
		var got []int64
		n, largest, err := sqlstore.EachListedID(c.list, func(id int64) { got = append(got, id) })
		if c.bad {
			if err == nil {
				t.Errorf("%q: no error", c.list)
			}
			continue
		}
		if err != nil || n != len(c.want) || largest != c.largest || fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q: %v, %d, %d, %v; want %v, %d", c.list, got, n, largest, err, c.want, c.largest)
		}
	}
}

// FuzzEachListedID: any text is refused or read whole, every id written
// back as it was listed.
func FuzzEachListedID(f *testing.F) {
	for _, s := range []string{"", "1", "3,12,5", "1,,2", "0009", strings.Repeat("123,", 5000) + "4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, list string) {
		var got []string
		n, largest, err := sqlstore.EachListedID(list, func(id int64) { got = append(got, strconv.FormatInt(id, 10)) })
		if err != nil {
			return
		}
		if n != len(got) {
			t.Fatalf("%q: %d ids counted, %d passed", list, n, len(got))
		}
		var want []string
		var most int64
		if list != "" {
			for _, p := range strings.Split(list, ",") {
				v, err := strconv.ParseInt(p, 10, 64)
				if err != nil || v < 0 {
					t.Fatalf("%q: %q read as an id", list, p)
				}
				want, most = append(want, strconv.FormatInt(v, 10)), max(most, v)
			}
		}
		if strings.Join(got, ",") != strings.Join(want, ",") || largest != most {
			t.Fatalf("%q: read %v (largest %d), want %v (%d)", list, got, largest, want, most)
		}
	})
}

// The index's matches are read a chunk at a time; every one is found
// however the chunks fall, for a word and for a character (a prefix).
func TestMatchesReadInChunks(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		want := 0
		for d := range 5 {
			var sents []sentence
			for i := range 23 {
				text := fmt.Sprintf("第%d号第%d条：双方推进铁路建设。", d, i)
				if i%3 == 2 {
					text = fmt.Sprintf("第%d号第%d条：双方欢迎签证便利化。", d, i)
				} else {
					want++
				}
				sents = append(sents, sentence{text: text})
			}
			mustCreate(t, s, handDoc("zh", fmt.Sprintf("文件%d", d), "2025-03-01", []string{"CN", "RS"}, sents...))
		}
		// a word and a character of the same sentences for each chunk size,
		// each asked once, so that no kept match answers
		for i, chunk := range []int{1, 7, want, want + 1} {
			sqlstore.SetMatchChunk(s, chunk)
			for _, q := range [][2]string{{"铁路", "铁"}, {"推进", "推"}, {"路建", "建"}, {"进铁", "进"}}[i] {
				r, err := s.SearchPage(ctx, entente.SearchQuery{Text: q, Limit: 20})
				if err != nil {
					t.Fatal(err)
				}
				if r.Total != want {
					t.Errorf("chunks of %d, %s: total %d, want %d", chunk, q, r.Total, want)
				}
			}
		}
	})
}

// A one-term search keeps, as the term's weight for ranking, the number of
// matches it read: the number ranking would count, for a character, a
// word and a phrase (whose candidates are counted before their check).
func TestTermFrequencyKeptFromMatches(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := context.Background()
		phraseDocs(t, s)
		for _, q := range []string{"略", "战略", "全面战略伙伴关系"} {
			if _, err := s.SearchPage(ctx, entente.SearchQuery{Text: q, Limit: 20}); err != nil {
				t.Fatal(err)
			}
			kept, ok, counted, err := sqlstore.TermFrequency(ctx, s, q)
			if err != nil {
				t.Fatal(err)
			}
			if !ok || kept != counted || counted == 0 {
				t.Errorf("%s: kept %d (%v), counted %d", q, kept, ok, counted)
			}
		}
	})
}
