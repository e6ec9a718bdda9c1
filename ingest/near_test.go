package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

// TestNearDuplicates: the same statement from other publishers becomes
// another source of the stored version, with its differences; near
// statements that differ in their body become documents of their own. On
// both stores, one input at a time and in one batch.
func TestNearDuplicates(t *testing.T) {
	base, err := os.ReadFile("../testdata/near/statement.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	zh := string(base)
	half := strings.NewReplacer("，", ",", "。", ".", "、", ",", "；", ";", "：", ":")
	variants := []struct {
		name, text string
		near       bool
		start      string // the source's text before the body
	}{
		{"agency.txt", "新华社贝尔格莱德5月8日电\n" + half.Replace(zh) + "\n（完）", true, "新华社贝尔格莱德5月8日电"},
		{"ministry.txt", "外交部 > 首页 > 双边关系\n" + zh + "\n【打印本页】【关闭窗口】", true, "外交部 > 首页 > 双边关系"},
		{"next-year.txt", strings.NewReplacer("2024年5月7日至8日", "2025年9月2日至3日", "2024年5月8日", "2025年9月3日").Replace(zh), false, ""},
		{"deadline.txt", strings.Replace(zh, "2025年底前", "2027年底前", 1), false, ""},
		{"health.txt", strings.Replace(zh, "五、", "五、双方同意在卫生领域加强合作，共同应对公共卫生挑战。\n\n六、", 1), false, ""},
	}
	check := func(t *testing.T, st entente.Store, first int64, outs map[string]Outcome) {
		t.Helper()
		for _, v := range variants {
			o := outs[v.name]
			switch {
			case v.near && (o.Status != NewSource || o.DocumentID != first || o.Coverage <= 0.9 || o.Coverage > 1):
				t.Errorf("%s: %s of document %d (coverage %.3f), want a new source of document %d", v.name, o.Status, o.DocumentID, o.Coverage, first)
			case !v.near && (o.Status != Added || o.DocumentID == first):
				t.Errorf("%s: %s of document %d, want a document of its own", v.name, o.Status, o.DocumentID)
			}
		}
		d, err := st.Document(context.Background(), first)
		if err != nil {
			t.Fatal(err)
		}
		starts := map[string]string{}
		for _, src := range d.Sources {
			if src.VersionID != d.Versions[0].ID {
				t.Errorf("source %s of version %d, want %d", src.Name, src.VersionID, d.Versions[0].ID)
			}
			for _, diff := range src.Differences {
				if diff.Where == "start" {
					starts[unprefixed(src.Name)] = diff.Source
				}
			}
		}
		if len(d.Sources) != 3 {
			t.Errorf("document %d has %d sources, want the first and the two near-duplicates", first, len(d.Sources))
		}
		for _, v := range variants {
			if v.near && starts[v.name] != v.start {
				t.Errorf("%s: differs at the start by %q, want %q", v.name, starts[v.name], v.start)
			}
		}
	}
	forEachStore(t, func(t *testing.T, st entente.Store) {
		ctx := context.Background()
		dir := t.TempDir()
		write := func(name, text string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		in := newIngester(t, st)
		t.Run("one at a time", func(t *testing.T) {
			first := in.Ingest(ctx, Input{Name: write("first.txt", zh), Data: []byte(zh)})
			if first.Status != Added {
				t.Fatalf("first: %s %s", first.Status, first.Problem)
			}
			outs := map[string]Outcome{}
			for _, v := range variants {
				outs[v.name] = in.Ingest(ctx, Input{Name: write(v.name, v.text), Data: []byte(v.text)})
			}
			check(t, st, first.DocumentID, outs)
		})
		for _, group := range []struct {
			size  int
			place string
		}{{0, "匈牙利"}, {1, "波兰"}} {
			// in one group, or each written before the next is taken
			// (examined before the first was written)
			t.Run(fmt.Sprintf("in one batch, groups of %d", group.size), func(t *testing.T) {
				// another statement, so that the bytes and texts are new to the store
				other := strings.ReplaceAll(zh, "塞尔维亚", group.place)
				paths := []string{write(group.place+"~first.txt", other)}
				for _, v := range variants {
					paths = append(paths, write(group.place+"~"+v.name, strings.ReplaceAll(v.text, "塞尔维亚", group.place)))
				}
				batch := newIngester(t, st)
				batch.GroupSize = group.size
				outs := map[string]Outcome{}
				var first int64
				sum := batch.Batch(ctx, paths, nil, func(o Outcome) {
					name := unprefixed(o.Name)
					outs[name] = o
					if name == "first.txt" {
						first = o.DocumentID
					}
				})
				if sum.Added != 4 || sum.NewSources != 2 || sum.Refused != 0 {
					t.Errorf("batch: %+v, want 4 added and 2 new sources", sum)
				}
				check(t, st, first, outs)
			})
		}
		t.Run("in one batch, the first written long before", func(t *testing.T) {
			// groups of one and other statements between: the copies are
			// examined after the first is written, so the store finds it
			// (and the writer need not look again), or before, so the
			// writer looks again; either way they become its sources
			other := strings.ReplaceAll(zh, "塞尔维亚", "希腊")
			paths := []string{write("c~first.txt", other)}
			for i := range 12 {
				paths = append(paths, write(fmt.Sprintf("c~filler-%02d.txt", i), fmt.Sprintf("双方同意在第%d个领域加强合作。", i+1)))
			}
			for _, v := range variants {
				paths = append(paths, write("c~"+v.name, strings.ReplaceAll(v.text, "塞尔维亚", "希腊")))
			}
			batch := newIngester(t, st)
			batch.GroupSize = 1
			outs := map[string]Outcome{}
			var first int64
			sum := batch.Batch(ctx, paths, nil, func(o Outcome) {
				name := unprefixed(o.Name)
				outs[name] = o
				if name == "first.txt" {
					first = o.DocumentID
				}
			})
			if sum.Added != 16 || sum.NewSources != 2 || sum.Refused != 0 {
				t.Errorf("batch: %+v, want 16 added and 2 new sources", sum)
			}
			for name := range outs {
				if strings.HasPrefix(name, "filler") {
					delete(outs, name)
				}
			}
			check(t, st, first, outs)
		})
	})
}

// unprefixed is a file's name without the prefix a batch's copy of it has
// (up to "~").
func unprefixed(path string) string {
	name := filepath.Base(path)
	if _, after, ok := strings.Cut(name, "~"); ok {
		return after
	}
	return name
}
