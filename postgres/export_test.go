package postgres

// SetCopyChunk sets how many rows one COPY holds at most, until restore.
func SetCopyChunk(n int) (restore func()) {
	old := copyChunk
	copyChunk = n
	return func() { copyChunk = old }
}
