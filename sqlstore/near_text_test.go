package sqlstore_test

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestFindTextAsTwoLookups: FindText (one statement on PostgreSQL) answers
// what VersionByTextSHA256 and then NearVersions answer, on both stores:
// a stored text is found exactly (and no candidates are read for it), a
// republication finds its version as a candidate, an unrelated text finds
// nothing.
func TestFindTextAsTwoLookups(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		d := corpusDoc(t, statement)
		id := mustCreate(t, s, d)
		other := corpusDoc(t, "cn-ae-2019-joint-statement.zh.txt")
		mustCreate(t, s, other)
		sha := func(text string) string {
			// any key works here: the store compares what it was given
			h := sha256.Sum256([]byte(text))
			return hex.EncodeToString(h[:])
		}
		cases := []struct {
			name      string
			text, sha string
			exact     int64 // the document found exactly, or 0
			near      bool  // candidates expected
		}{
			{"the stored text", d.Text, storedTextSHA(t, s, id), id, false},
			{"a republication", "新华社北京电\n" + d.Text + "\n（完）\n", sha("republication"), 0, true},
			{"the other statement reprinted", other.Text + "\n责任编辑：王某\n", sha("reprint"), 0, true},
			{"an unrelated text", "这是一段与任何已存声明都无关的文字，讲的是天气和农业收成的情况，没有任何外交内容。", sha("unrelated"), 0, false},
		}
		for _, c := range cases {
			sketch := entente.NearSketch(c.text)
			exact, near, err := s.FindText(ctx, c.sha, sketch)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if c.exact != 0 {
				if exact == nil || exact.DocumentID != c.exact || len(near) != 0 {
					t.Errorf("%s: exact %+v, near %d; want document %d and no candidates", c.name, exact, len(near), c.exact)
				}
				continue
			}
			if exact != nil {
				t.Errorf("%s: found exactly as document %d", c.name, exact.DocumentID)
			}
			if (len(near) > 0) != c.near {
				t.Errorf("%s: %d candidates, want some: %v", c.name, len(near), c.near)
			}
			want, err := s.NearVersions(ctx, sketch)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.EqualFunc(near, want, func(a, b entente.Version) bool {
				return a.ID == b.ID && a.DocumentID == b.DocumentID && a.TextSHA256 == b.TextSHA256 && a.Language == b.Language
			}) {
				t.Errorf("%s: candidates %+v, NearVersions %+v", c.name, near, want)
			}
		}
	})
}

// storedTextSHA is the text sha256 the store keeps for document id's
// first version.
func storedTextSHA(t *testing.T, s *sqlstore.Store, id int64) string {
	t.Helper()
	doc, err := s.Document(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Versions[0].TextSHA256
}
