// Package peerbench measures the Chinese extractor beside a peer: the gse
// dictionary segmenter (github.com/go-ego/gse), which does less (it cuts a
// text into words and labels nothing) and is what a reader built on a
// general segmenter would pay before its first rule. It is a module of its
// own so that the segmenter and its 40 MB of dictionaries stay out of the
// project's dependencies; only this benchmark needs them.
//
//	cd extract/peerbench && go test -run '^$' -bench . -cpu 1 -benchmem
package peerbench
