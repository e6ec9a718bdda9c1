package extract

// slab hands out room for the items of one document's result (clause
// cues, area cues, lists of codes) from chunks of slabChunk items: a
// statement has hundreds of them, each a small allocation of its own
// before, and every allocation costs the allocator's path and the
// collector's bookkeeping. The extraction keeps what is handed out, so a
// slab belongs to one document: the next document starts a new one (as
// the spaced reader's cueSlab does for English and Serbian).
type slab[T any] struct{ free []T }

// slabChunk is the number of items a slab allocates at a time: about a
// kilobyte or two of cues, so that a short document wastes little of its
// last chunk while a long one makes a few allocations per hundred items.
const slabChunk = 32

// take returns n zero items of the document, their length and capacity n,
// so that an append to them moves them instead of writing over the items
// handed out next; empty but not nil for n == 0, as make's.
func (s *slab[T]) take(n int) []T {
	if n == 0 {
		return []T{}
	}
	if n > len(s.free) {
		if n > slabChunk {
			return make([]T, n) // a long run alone: the chunk's rest stays for the next ones
		}
		s.free = make([]T, slabChunk)
	}
	t := s.free[:n:n]
	s.free = s.free[n:]
	return t
}

// one returns a pointer to one zero item of the document.
func (s *slab[T]) one() *T { return &s.take(1)[0] }
