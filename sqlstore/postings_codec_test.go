package sqlstore

import (
	"slices"
	"testing"
)

func TestPostingRuns(t *testing.T) {
	const base = 3 << postingBlockBits
	cases := []struct {
		name string
		runs [][]int64
	}{
		{"one id at the block's start", [][]int64{{base}}},
		{"one id at its end", [][]int64{{base + 1<<postingBlockBits - 1}}},
		{"consecutive ids", [][]int64{{base + 1, base + 2, base + 3, base + 4}}},
		{"gaps over one varint byte", [][]int64{{base + 5, base + 300, base + 20000}}},
		{"two runs, the second below the first", [][]int64{{base + 100, base + 200}, {base + 7, base + 150}}},
		{"three runs", [][]int64{{base}, {base + 9}, {base + 8, base + 10}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b []byte
			var want []uint32
			for _, r := range c.runs {
				b = appendRun(b, base, r)
				for _, id := range r {
					want = append(want, uint32(id))
				}
			}
			var got []uint32
			if err := decodePostings(b, base, func(id uint32) { got = append(got, id) }); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("decoded %v, want %v", got, want)
			}
		})
	}
}

func TestPostingsRefused(t *testing.T) {
	const base = 1 << postingBlockBits
	cases := []struct {
		name string
		b    []byte
		base int64
	}{
		{"a run longer than its bytes", []byte{5, 1}, base},
		{"an empty run", []byte{0}, base},
		{"a truncated varint", []byte{1, 0x80}, base},
		{"a repeated id", []byte{2, 1, 0}, base},
		{"an id past the block", appendRun(nil, 0, []int64{1<<postingBlockBits - 1, 1 << postingBlockBits}), 0},
		{"a block past 32-bit ids", appendRun(nil, 1<<32, []int64{1 << 32}), 1 << 32},
		{"a negative block", []byte{1, 0}, -base},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := decodePostings(c.b, c.base, func(uint32) {}); err == nil {
				t.Errorf("%x decoded", c.b)
			}
		})
	}
}

func TestPrefixEnd(t *testing.T) {
	cases := []struct {
		p, want string
		ok      bool
	}{
		{"a", "b", true},
		{"合", "吉", true},
		{"ab", "ac", true},
		{"\ud7ff", "\ue000", true},
		{"\U0010ffff", "", false},
	}
	for _, c := range cases {
		got, ok := prefixEnd(c.p)
		if got != c.want || ok != c.ok {
			t.Errorf("prefixEnd(%q) = %q, %v; want %q, %v", c.p, got, ok, c.want, c.ok)
		}
	}
}

// FuzzPostings: any bytes decode or are refused without a panic, every id
// decoded is in the row's block, and runs written decode to their ids.
func FuzzPostings(f *testing.F) {
	f.Add([]byte{1, 0}, uint16(0), uint16(5))
	f.Add(appendRun(nil, 0, []int64{1, 2, 900}), uint16(7), uint16(1))
	f.Fuzz(func(t *testing.T, b []byte, first, step uint16) {
		const base = 2 << postingBlockBits
		err := decodePostings(b, base, func(id uint32) {
			if int64(id) < base || int64(id) >= base+1<<postingBlockBits {
				t.Fatalf("id %d outside its block", id)
			}
		})
		_ = err
		var ids []int64
		for id := int64(first) % (1 << postingBlockBits); id < 1<<postingBlockBits && len(ids) < 200; id += int64(step) + 1 {
			ids = append(ids, base+id)
		}
		if len(ids) == 0 {
			return
		}
		var got []int64
		if err := decodePostings(appendRun(nil, base, ids), base, func(id uint32) { got = append(got, int64(id)) }); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, ids) {
			t.Fatalf("decoded %v, want %v", got, ids)
		}
	})
}
