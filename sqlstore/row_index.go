package sqlstore

// rowIndex finds a slice's index by a row's id. A table's ids are nearly
// dense (numbered as rows are added, a few lost to deletions), so the ids
// up to a bound are an array's positions, and only ids past it (after
// many deletions) go to a map: at 100,000 statements a map of the
// registry's 830,000 names cost a cache miss for each of their mentions.
type rowIndex struct {
	bound  int64   // ids up to this are in dense
	dense  []int32 // index+1 by id; 0 for none
	sparse map[int64]int32
}

// newRowIndex returns an index for about n rows.
func newRowIndex(n int) *rowIndex {
	return &rowIndex{bound: 4*int64(n) + 1024}
}

func (x *rowIndex) set(id int64, i int) {
	if id >= 0 && id <= x.bound {
		for int64(len(x.dense)) <= id {
			x.dense = append(x.dense, 0)
		}
		x.dense[id] = int32(i) + 1
		return
	}
	if x.sparse == nil {
		x.sparse = map[int64]int32{}
	}
	x.sparse[id] = int32(i) + 1
}

func (x *rowIndex) get(id int64) (int, bool) {
	var v int32
	if id >= 0 && id < int64(len(x.dense)) {
		v = x.dense[id]
	} else if id < 0 || id > x.bound {
		v = x.sparse[id]
	}
	return int(v) - 1, v > 0
}

// each calls f with every id set and its index, the dense ids in order
// first.
func (x *rowIndex) each(f func(id int64, i int)) {
	for id, v := range x.dense {
		if v > 0 {
			f(int64(id), int(v)-1)
		}
	}
	for id, v := range x.sparse {
		f(id, int(v)-1)
	}
}
