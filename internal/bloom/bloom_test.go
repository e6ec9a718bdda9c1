package bloom

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"testing"
)

// TestNoFalseNegatives: every key added is found, whatever the keys' shape
// (uniform hashes, non-negative ones as sketch keys are, small consecutive
// integers, keys sharing their low or high halves) and however far past
// its capacity the filter is filled.
func TestNoFalseNegatives(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shapes := map[string]func(i int) uint64{
		"uniform":     func(int) uint64 { return r.Uint64() },
		"consecutive": func(i int) uint64 { return uint64(i) },
		"same low":    func(i int) uint64 { return uint64(i) << 32 },
		"same high":   func(i int) uint64 { return 0xdeadbeef<<32 | uint64(i) },
		"non-negative": func(int) uint64 {
			return r.Uint64() >> 1
		},
	}
	for name, key := range shapes {
		t.Run(name, func(t *testing.T) {
			f := New(1000, 12)
			keys := make([]uint64, 3000) // three times its capacity
			for i := range keys {
				keys[i] = key(i)
				f.Add(keys[i])
			}
			for _, k := range keys {
				if !f.MayContain(k) {
					t.Fatalf("key %#x added, not found", k)
				}
			}
		})
	}
}

// TestFalsePositives: the share of keys never added that the filter says
// it may hold, by the bits it has for each key added: what New's comment
// says, within a margin, and none for an empty filter.
func TestFalsePositives(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const keys = 100_000
	for _, c := range []struct {
		bitsPerKey, fill int
		most             float64 // at most this share
		key              func() uint64
	}{
		{12, 0, 0, nil},
		{16, keys, 0.002, nil},
		{12, keys, 0.0075, nil},
		{8, keys, 0.04, nil},
		{12, keys * 3 / 2, 0.04, nil}, // built at 12 bits a key, grown to 8
		// non-negative keys, as sketch keys are: their top bit is always 0
		{12, keys, 0.0075, func() uint64 { return r.Uint64() >> 1 }},
	} {
		if c.key == nil {
			c.key = r.Uint64
		}
		f := New(keys, c.bitsPerKey)
		for range c.fill {
			f.Add(c.key())
		}
		const probes = 400_000
		hits := 0
		for range probes {
			if f.MayContain(c.key()) {
				hits++
			}
		}
		rate := float64(hits) / probes
		t.Logf("%d bits a key, %d keys: %.3f%% false positives", c.bitsPerKey, c.fill, 100*rate)
		if rate > c.most {
			t.Errorf("%d bits a key, %d keys: %.3f%% false positives, want at most %.2f%%", c.bitsPerKey, c.fill, 100*rate, 100*c.most)
		}
	}
}

func TestSize(t *testing.T) {
	for _, c := range []struct{ keys, bits, bytes int }{
		{0, 12, 32}, {1, 12, 32}, {21, 12, 32}, {22, 12, 64}, {1000, 8, 1024}, {1 << 20, 16, 2 << 20},
	} {
		if got := len(New(c.keys, c.bits).Bytes()); got != c.bytes {
			t.Errorf("New(%d, %d): %d bytes, want %d", c.keys, c.bits, got, c.bytes)
		}
	}
}

// TestEncodeDecode: a filter read back from its bytes answers as it did,
// and a clone changes apart from the original.
func TestEncodeDecode(t *testing.T) {
	f := New(500, 12)
	for k := range uint64(500) {
		f.Add(k * 7919)
	}
	b := bytes.Clone(f.Bytes())
	g, err := Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g.Bytes(), f.Bytes()) {
		t.Fatal("decoded filter differs")
	}
	for k := range uint64(500) {
		if !g.MayContain(k * 7919) {
			t.Fatalf("key %d lost in encoding", k*7919)
		}
	}
	c := g.Clone()
	c.Add(1 << 60)
	if bytes.Equal(c.Bytes(), g.Bytes()) {
		t.Error("a key added to a clone left it equal to its original")
	}
	if !bytes.Equal(g.Bytes(), f.Bytes()) {
		t.Error("a key added to a clone changed its original")
	}
}

func TestDecodeRefuses(t *testing.T) {
	for _, n := range []int{0, 1, 31, 33, 63} {
		if _, err := Decode(make([]byte, n)); !errors.Is(err, ErrLength) {
			t.Errorf("Decode of %d bytes: %v, want ErrLength", n, err)
		}
	}
}

// FuzzDecode: any bytes decode or are refused, and a decoded filter finds
// what is added to it.
func FuzzDecode(f *testing.F) {
	f.Add(New(10, 12).Bytes(), uint64(1))
	f.Add(make([]byte, 33), uint64(2))
	f.Add(bytes.Repeat([]byte{0xff}, 1<<16), uint64(3))
	f.Fuzz(func(t *testing.T, b []byte, key uint64) {
		g, err := Decode(b)
		if err != nil {
			return
		}
		g.MayContain(key)
		g.Add(key)
		if !g.MayContain(key) {
			t.Fatalf("key %#x added, not found", key)
		}
		if len(g.Bytes()) != len(b) {
			t.Fatalf("%d bytes, decoded %d", len(g.Bytes()), len(b))
		}
	})
}

func BenchmarkMayContain(b *testing.B) {
	f := New(1<<21, 12)
	r := rand.New(rand.NewPCG(5, 6))
	for range 1 << 21 {
		f.Add(r.Uint64())
	}
	keys := make([]uint64, 1024)
	for i := range keys {
		keys[i] = r.Uint64()
	}
	b.ResetTimer()
	for i := range b.N {
		f.MayContain(keys[i&1023])
	}
}
