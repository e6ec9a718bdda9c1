package sqlstore_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestFindInputAsThreeLookups: FindInput, one statement, finds what
// SourceBySHA256 and then FindText find: the source of stored bytes
// whatever their text reads now, else the version of a stored text, else
// the same near-duplicate candidates, on both stores.
func TestFindInputAsThreeLookups(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		d, other, id, storedBytes := findInputLibrary(t, s)
		unrelated := "这是一段与任何已存声明都无关的文字，讲的是天气和农业收成的情况，没有任何外交内容。"
		cases := []struct {
			name                 string
			bytes, text, textSHA string
		}{
			{"stored bytes", storedBytes, d.Text, storedTextSHA(t, s, id)},
			{"stored bytes read otherwise now", storedBytes, unrelated, sha("unrelated")},
			{"the stored text under other bytes", sha("other bytes"), d.Text, storedTextSHA(t, s, id)},
			{"a republication", sha("republication bytes"), "新华社北京电\n" + d.Text + "\n（完）\n", sha("republication")},
			{"the other statement reprinted", sha("reprint bytes"), other.Text + "\n责任编辑：王某\n", sha("reprint")},
			{"an unrelated text", sha("unrelated bytes"), unrelated, sha("unrelated")},
			{"no sketch", sha("short bytes"), "短文。", sha("short")},
		}
		for _, c := range cases {
			sketch := entente.NearSketch(c.text)
			src, exact, near, err := s.FindInput(ctx, c.bytes, c.textSHA, sketch)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			wantSrc, err := s.SourceBySHA256(ctx, c.bytes)
			if err != nil && !errors.Is(err, entente.ErrNotFound) {
				t.Fatal(err)
			}
			if (src == nil) != (wantSrc == nil) || src != nil && (src.ID != wantSrc.ID || src.DocumentID != wantSrc.DocumentID) {
				t.Errorf("%s: source %+v, SourceBySHA256 %+v", c.name, src, wantSrc)
			}
			if wantSrc != nil {
				if exact != nil || len(near) != 0 {
					t.Errorf("%s: stored bytes, and exact %+v, %d candidates", c.name, exact, len(near))
				}
				continue
			}
			wantExact, wantNear, err := s.FindText(ctx, c.textSHA, sketch)
			if err != nil {
				t.Fatal(err)
			}
			if (exact == nil) != (wantExact == nil) || exact != nil && (exact.ID != wantExact.ID || exact.DocumentID != wantExact.DocumentID) {
				t.Errorf("%s: exact %+v, FindText %+v", c.name, exact, wantExact)
			}
			if !slices.EqualFunc(near, wantNear, func(a, b entente.Version) bool {
				return a.ID == b.ID && a.DocumentID == b.DocumentID && a.TextSHA256 == b.TextSHA256 && a.Language == b.Language &&
					a.Authentic == b.Authentic && a.Extractor == b.Extractor && a.CreatedAt.Equal(b.CreatedAt)
			}) {
				t.Errorf("%s: candidates %+v, FindText %+v", c.name, near, wantNear)
			}
		}
		// the cases above found each kind at least once
		if src, _, _, _ := s.FindInput(ctx, storedBytes, sha("x"), nil); src == nil {
			t.Error("stored bytes not found")
		}
		if _, _, near, _ := s.FindInput(ctx, sha("y"), sha("republication"), entente.NearSketch("新华社北京电\n"+d.Text+"\n（完）\n")); len(near) == 0 {
			t.Error("a republication found no candidates")
		}
	})
}

// findInputLibrary stores two statements for the input look-up tests and
// returns them, the first one's document and the sha256 of its bytes.
func findInputLibrary(t *testing.T, s *sqlstore.Store) (d, other *entente.NewDocument, id int64, storedBytes string) {
	t.Helper()
	d = corpusDoc(t, statement)
	id = mustCreate(t, s, d)
	other = corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
	mustCreate(t, s, other)
	if err := s.DB().QueryRowContext(t.Context(), `SELECT s.sha256 FROM sources s JOIN versions v ON v.id = s.version_id
		WHERE v.document_id = $1`, id).Scan(&storedBytes); err != nil {
		t.Fatal(err)
	}
	return d, other, id, storedBytes
}
