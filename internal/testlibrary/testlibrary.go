// Package testlibrary is the one test library of statements between the
// same parties across years that the registry, citation, timeline,
// comparison, recycled-promise and follow-up tests share (issue 14's
// acceptance), written for these tests:
//
//   - China and Serbia, 2009 to 2024: the relationship established in 2009
//     (战略伙伴关系), deepened in 2013, upgraded in 2016 (提升为全面战略伙伴关系),
//     reaffirmed in 2019 and upgraded again in 2024 (深化和提升);
//   - instruments cited by their full titles and short names (the free trade
//     agreement signed in 2023 by its title, welcomed into force in 2024 by
//     its title and used by its short name 中塞自贸协定) and in two languages
//     (2024 in Chinese and in English, one statement);
//   - earlier statements cited by their titles (2016 cites 2013, 2023 cites
//     2016), which are themselves documents of the library;
//   - a promise repeated in 2016, 2019 and 2024 (high-level exchanges), and
//     one fulfilled by a later statement's report (the Belgrade–Novi Sad
//     section of the railway, promised in 2016 and 2019, reported open in
//     2024); the free trade agreement explored in 2016 and negotiated in
//     2019 is welcomed into force in 2024;
//   - China and Hungary, 2024: the same railway by name, a committee and an
//     investment treaty of their own, so that names shared by two pairs of
//     countries are not joined wrongly.
package testlibrary

import (
	"embed"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

//go:embed *.txt
var files embed.FS

// Names returns the library's file names, in order of name (by pair, then
// year).
func Names() []string {
	entries, _ := fs.ReadDir(files, ".")
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out
}

// Chinese returns the names of the Chinese statements of China and Serbia,
// oldest first: one document per statement, as the timeline and the pair
// read them.
func Chinese() []string {
	var out []string
	for _, n := range Names() {
		if strings.HasPrefix(n, "cn-rs-") && strings.HasSuffix(n, ".zh.txt") {
			out = append(out, n)
		}
	}
	return out
}

// Read returns a file of the library.
func Read(name string) ([]byte, error) {
	return files.ReadFile(name)
}

// Dir is the library's folder on disk, for tests that ingest it as a
// folder or by path.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Path is a file's path on disk.
func Path(name string) string {
	return filepath.Join(Dir(), name)
}
