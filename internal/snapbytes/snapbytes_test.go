package snapbytes

import (
	"errors"
	"testing"
)

var errBad = errors.New("bad")

// What a Writer writes a Reader reads back, and nothing after.
func TestRoundTrip(t *testing.T) {
	var w Writer
	w.Uvarint(300)
	w.Varint(-7)
	w.String("合作")
	w.Flag(true)
	w.Flag(false)
	w.Byte(9)
	r := NewReader(w.B, errBad, 10)
	if u, v, s, f, g, b := r.Uvarint("u"), r.Varint("v"), r.String("s"), r.Flag("f"), r.Flag("g"), r.Byte("b"); u != 300 || v != -7 ||
		s != "合作" || !f || g || b != 9 || r.Err != nil || len(r.B) != 0 {
		t.Errorf("read back %d %d %q %v %v %d, %v, %d bytes left", u, v, s, f, g, b, r.Err, len(r.B))
	}
}

// A Reader fails once, with the first failure wrapping its error, and
// reads zero values after it; counts are bounded by the bytes left, or by
// max where an item may take no byte.
func TestFailures(t *testing.T) {
	var w Writer
	w.Uvarint(5) // a count of 5 items of 2 bytes, over 3 bytes
	w.B = append(w.B, 1, 2, 3)
	cases := []struct {
		name string
		read func(r *Reader)
		b    []byte
		want string
	}{
		{"a count past the bytes", func(r *Reader) { r.Count("items", 2) }, w.B, "bad: items: 5 items past the end"},
		{"a count past max", func(r *Reader) { r.Count("runs", 0) }, []byte{11}, "bad: runs: 11 items past the end"},
		{"a number cut short", func(r *Reader) { r.Uvarint("n") }, []byte{0x80}, "bad: n: a number cut short"},
		{"a string cut short", func(r *Reader) { r.String("s") }, []byte{4, 'a'}, "bad: s: 4 items past the end"},
		{"not a flag", func(r *Reader) { r.Flag("f") }, []byte{2}, "bad: f: not a flag"},
		{"no byte", func(r *Reader) { r.Byte("b") }, nil, "bad: b: cut short"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewReader(c.b, errBad, 10)
			c.read(r)
			if r.Err == nil || r.Err.Error() != c.want || !errors.Is(r.Err, errBad) {
				t.Fatalf("error %v, want %q", r.Err, c.want)
			}
			first := r.Err
			if v := r.Uvarint("after"); v != 0 || r.Err != first {
				t.Errorf("after the failure: read %d, error %v", v, r.Err)
			}
		})
	}
}
