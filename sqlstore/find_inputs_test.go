package sqlstore_test

import (
	"slices"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/sqlstore"
)

// TestFindInputsAsFindInput: FindInputs finds for each input what
// FindInput finds for it alone (the source of stored bytes, else the
// version of a stored text, else the same near-duplicate candidates in
// the same order), whatever the other inputs of the call, in any order,
// with sketches of every length and none; on PostgreSQL in one statement
// for several inputs (InputsAtOnce), on SQLite one input at a time.
func TestFindInputsAsFindInput(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *sqlstore.Store) {
		ctx := t.Context()
		if many, pg := s.InputsAtOnce() > 1, s.Dialect().Name() == "postgres"; many != pg {
			t.Errorf("%s looks up %d inputs at once", s.Dialect().Name(), s.InputsAtOnce())
		}
		d, other, id, storedBytes := findInputLibrary(t, s)
		unrelated := "这是一段与任何已存声明都无关的文字，讲的是天气和农业收成的情况，没有任何外交内容。"
		republished := "新华社北京电\n" + d.Text + "\n（完）\n"
		type input struct {
			name, bytes, textSHA string
			sketch               []int64
		}
		inputs := []input{
			{"stored bytes", storedBytes, storedTextSHA(t, s, id), entente.NearSketch(d.Text)},
			{"stored bytes read otherwise now", storedBytes, sha("unrelated"), entente.NearSketch(unrelated)},
			{"the stored text under other bytes", sha("other bytes"), storedTextSHA(t, s, id), entente.NearSketch(d.Text)},
			{"a republication", sha("republication bytes"), sha("republication"), entente.NearSketch(republished)},
			{"a republication, not looked up by its sketch", sha("republication bytes"), sha("republication"), nil},
			{"the other statement reprinted", sha("reprint bytes"), sha("reprint"), entente.NearSketch(other.Text + "\n责任编辑：王某\n")},
			{"an unrelated text", sha("unrelated bytes"), sha("unrelated"), entente.NearSketch(unrelated)},
			{"a text shorter than a run", sha("short bytes"), sha("short"), []int64{}},
		}
		same := func(a, b entente.Version) bool {
			return a.ID == b.ID && a.DocumentID == b.DocumentID && a.TextSHA256 == b.TextSHA256 && a.Language == b.Language &&
				a.Authentic == b.Authentic && a.Extractor == b.Extractor && a.CreatedAt.Equal(b.CreatedAt)
		}
		check := func(t *testing.T, in []input) {
			bs, ts, sks := make([]string, len(in)), make([]string, len(in)), make([][]int64, len(in))
			for i, c := range in {
				bs[i], ts[i], sks[i] = c.bytes, c.textSHA, c.sketch
			}
			srcs, exacts, nears, err := s.FindInputs(ctx, bs, ts, sks)
			if err != nil {
				t.Fatal(err)
			}
			if len(srcs) != len(in) || len(exacts) != len(in) || len(nears) != len(in) {
				t.Fatalf("%d, %d and %d answers for %d inputs", len(srcs), len(exacts), len(nears), len(in))
			}
			for i, c := range in {
				src, exact, near, err := s.FindInput(ctx, c.bytes, c.textSHA, c.sketch)
				if err != nil {
					t.Fatal(err)
				}
				if (srcs[i] == nil) != (src == nil) || src != nil && (srcs[i].ID != src.ID || srcs[i].DocumentID != src.DocumentID || srcs[i].SHA256 != src.SHA256 || !srcs[i].CreatedAt.Equal(src.CreatedAt)) {
					t.Errorf("%s: source %+v, FindInput %+v", c.name, srcs[i], src)
				}
				if (exacts[i] == nil) != (exact == nil) || exact != nil && !same(*exacts[i], *exact) {
					t.Errorf("%s: exact %+v, FindInput %+v", c.name, exacts[i], exact)
				}
				if !slices.EqualFunc(nears[i], near, same) {
					t.Errorf("%s: candidates %+v, FindInput %+v", c.name, nears[i], near)
				}
			}
		}
		t.Run("all at once", func(t *testing.T) { check(t, inputs) })
		t.Run("in reverse", func(t *testing.T) {
			r := slices.Clone(inputs)
			slices.Reverse(r)
			check(t, r)
		})
		for _, c := range inputs {
			t.Run("alone: "+c.name, func(t *testing.T) { check(t, []input{c}) })
		}
		t.Run("none", func(t *testing.T) { check(t, nil) })
		// the cases above find each kind
		_, _, nears, err := s.FindInputs(ctx, []string{inputs[3].bytes}, []string{inputs[3].textSHA}, [][]int64{inputs[3].sketch})
		if err != nil || len(nears[0]) == 0 {
			t.Errorf("a republication found no candidates (%v)", err)
		}
		if _, _, _, err := s.FindInputs(ctx, []string{"a"}, nil, nil); err == nil {
			t.Error("an input without its text's sha256 was looked up")
		}
	})
}
