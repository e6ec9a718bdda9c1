package extract

import (
	"go/scanner"
	gotoken "go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// TestNoWordsInGo: every word the rules use lives in the cue table, so the
// package's code holds no Chinese character in a string or character
// literal (comments may quote the words they explain).
func TestNoWordsInGo(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		checked++
		for _, lit := range hanLiterals(t, name) {
			t.Errorf("%s: a word in Go, not in the cue table: %s", lit.pos, lit.text)
		}
	}
	if checked == 0 {
		t.Fatal("no source files checked")
	}
}

type literal struct {
	pos  gotoken.Position
	text string
}

// hanLiterals returns the string and character literals of a Go file that
// hold a Han character.
func hanLiterals(t *testing.T, name string) []literal {
	t.Helper()
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile(name, -1, len(src)), src, func(pos gotoken.Position, msg string) { t.Fatalf("%s: %s", pos, msg) }, 0)
	var out []literal
	for {
		pos, tok, lit := s.Scan()
		if tok == gotoken.EOF {
			return out
		}
		if tok != gotoken.STRING && tok != gotoken.CHAR {
			continue
		}
		v := lit
		if tok == gotoken.STRING {
			if u, err := strconv.Unquote(lit); err == nil {
				v = u
			}
		}
		if strings.ContainsFunc(v, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			out = append(out, literal{fset.Position(pos), lit})
		}
	}
}

// TestHanLiteralsFound: the scan finds a Han character in a string, a raw
// string and a character literal, and not in a comment.
func TestHanLiteralsFound(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x.go")
	src := "package x\n// 将 in a comment\nvar a = \"将\"\nvar b = `同意`\nvar c = '愿'\nvar d = \"\\u5c06\"\nvar e = \"《，》\"\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got := hanLiterals(t, name)
	var lines []int
	for _, l := range got {
		lines = append(lines, l.pos.Line)
	}
	if want := []int{3, 4, 5, 6}; len(lines) != len(want) || lines[0] != 3 || lines[1] != 4 || lines[2] != 5 || lines[3] != 6 {
		t.Errorf("literals found on lines %v, want %v", lines, want)
	}
}
