package ingest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// storedTexts is a nearFinder over texts by version id that records which
// texts were read.
type storedTexts struct {
	texts map[int64]string
	read  []int64
}

func (s *storedTexts) NearVersions(context.Context, []int64) ([]entente.Version, error) {
	return nil, nil
}

func (s *storedTexts) VersionText(_ context.Context, id int64) (string, error) {
	s.read = append(s.read, id)
	return s.texts[id], nil
}

// TestNearAmongByLength: candidates whose length rules out the same
// statement (entente.NearRunesMayMatch) are passed over without reading
// their text; a candidate of unknown length (0) or of a close length is
// read and compared, and the one that is the same statement is found.
func TestNearAmongByLength(t *testing.T) {
	var b strings.Builder
	for i := range 600 {
		b.WriteRune(rune(0x4E00 + (i*7919)%20000))
	}
	body := b.String()
	text := "新华社北京电 " + body
	candidates := []struct {
		id    int64
		text  string
		runes int // as the store gives it: 0 when not counted
		read  bool
	}{
		{1, body[:len(body)/2], entente.NewNearText(body[:len(body)/2]).Runes(), false}, // half as long
		{2, body + strings.Repeat("附", 600), 1200, false},                               // twice as long
		{3, strings.Repeat("无", 600), 0, true},                                          // not counted: read
		{4, strings.Repeat("同", 610), 610, true},                                        // as long, another text
		{5, body, entente.NewNearText(body).Runes(), true},                              // the statement
	}
	st := &storedTexts{texts: map[int64]string{}}
	var vs []entente.Version
	for _, c := range candidates {
		st.texts[c.id] = c.text
		vs = append(vs, entente.Version{ID: c.id, DocumentID: 100 + c.id, TextSHA256: string(rune('a' + c.id)), NearRunes: c.runes})
	}
	in := &Ingester{}
	e := &examined{text: text}
	if !in.nearAmong(context.Background(), st, e, vs) {
		t.Fatal("the same statement was not found")
	}
	if e.versionID != 5 || e.out.DocumentID != 105 {
		t.Errorf("found version %d of document %d, want 5 of 105", e.versionID, e.out.DocumentID)
	}
	var want []int64
	for _, c := range candidates {
		if c.read {
			want = append(want, c.id)
		}
	}
	if !slices.Equal(st.read, want) {
		t.Errorf("read the texts of versions %v, want %v", st.read, want)
	}
}
