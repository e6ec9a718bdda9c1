package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/entente/entente"
)

const sample = "../../testdata/corpus/cn-rs-2024-joint-statement.zh.txt"

// TestMain lets the test binary stand in for the entente binary, so that
// the exit status and the stderr line are tested as a user meets them.
func TestMain(m *testing.M) {
	if out := os.Getenv("ENTENTE_MEASURE_OUT"); out != "" {
		os.Exit(measureChild(out))
	}
	if os.Getenv("ENTENTE_RUN_MAIN") == "1" {
		args := strings.Fields(os.Getenv("ENTENTE_ARGS"))
		if j := os.Getenv("ENTENTE_ARGS_JSON"); j != "" { // arguments with spaces or control characters
			if err := json.Unmarshal([]byte(j), &args); err != nil {
				panic(err)
			}
		}
		os.Args = append([]string{"entente"}, args...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func runBinary(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ENTENTE_RUN_MAIN=1", "ENTENTE_ARGS="+strings.Join(args, " "))
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	blank := filepath.Join(dir, "blank.txt")
	gbk := filepath.Join(dir, "gbk.txt")
	binary := filepath.Join(dir, "garbage.bin")
	for path, content := range map[string]string{
		empty:  "",
		blank:  " \n\u3000\n",
		gbk:    "\xcb\xab\xb7\xbd\xcd\xac\xd2\xe2\xa1\xa3", // 双方同意。 in GBK
		binary: "ok\x00\x01\x02",
	} {
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"extract", filepath.Join(dir, "missing.txt")}, "missing.txt: no such file"},
		{[]string{"extract", empty}, "empty.txt: empty file"},
		{[]string{"extract", blank}, "blank.txt: empty file"},
		{[]string{"extract", gbk}, "gbk.txt: not UTF-8 text"},
		{[]string{"extract", binary}, "garbage.bin: binary data"},
		{[]string{"extract", dir}, "is a directory"},
		{[]string{"extract", "--format", "xml", sample}, "--format must be json or text"},
	}
	for _, tc := range tests {
		stdout, stderr, code := runBinary(t, "", tc.args...)
		if code != 1 {
			t.Errorf("%v: exit %d, want 1", tc.args, code)
		}
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		if len(lines) != 1 || !strings.HasPrefix(lines[0], "entente: ") || !strings.Contains(lines[0], tc.want) {
			t.Errorf("%v: stderr %q, want one line with %q", tc.args, stderr, tc.want)
		}
		if stdout != "" {
			t.Errorf("%v: wrote to stdout on error: %q", tc.args, stdout)
		}
	}
}

func TestExtractJSON(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), []string{"extract", sample}, nil, &out, &out); err != nil {
		t.Fatal(err)
	}
	var x entente.Extraction
	if err := json.Unmarshal(out.Bytes(), &x); err != nil {
		t.Fatalf("output is not the contract's JSON: %v", err)
	}
	if x.Document.Kind != entente.KindJointStatement || len(x.Sentences) == 0 || len(x.Document.Parties) != 2 {
		t.Errorf("document %+v with %d sentences", x.Document, len(x.Sentences))
	}
	for _, s := range x.Sentences {
		if s.Type != entente.Narrative && s.Rationale.Type == nil {
			t.Errorf("%s has no evidence for its type", s.ID)
		}
	}
}

func TestExtractStdinText(t *testing.T) {
	stdout, stderr, code := runBinary(t, "中华人民共和国和泰王国联合声明\n\n双方同意加强铁路合作。泰方愿扩大对华出口。\n", "extract", "--format", "text", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"parties CN, TH", "commitment  firm", "TH ", "trade", "双方同意加强铁路合作。"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("listing lacks %q:\n%s", want, stdout)
		}
	}
}

// TestChoiceFlags: the flags that take a code of a closed list name the
// choices in their help and refuse anything else with them, in one line,
// before touching a store.
func TestChoiceFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "never.db")
	for _, tc := range []struct {
		args []string
		list entente.ValueList
	}{
		{[]string{"list", "--db", db, "--kind", "treaty"}, entente.DocumentKinds()},
		{[]string{"search", "--db", db, "--type", "promise", "铁路"}, entente.SentenceTypes()},
		{[]string{"search", "--db", db, "--strength", "strong", "铁路"}, entente.Strengths()},
		{[]string{"search", "--db", db, "--area", "railways", "铁路"}, entente.Areas()},
	} {
		_, stderr, code := runBinary(t, "", tc.args...)
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		if code == 0 || len(lines) != 1 || !strings.Contains(stderr, strings.Join(tc.list.Codes(), ", ")) {
			t.Errorf("%v: exit %d, stderr %q, want one line naming the choices", tc.args, code, stderr)
		}
		help, _, _ := runBinary(t, "", tc.args[0], "--help")
		if !strings.Contains(help, strings.Join(tc.list.Codes(), ", ")) {
			t.Errorf("%s --help does not name the choices %v", tc.args[0], tc.list.Codes())
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a refused flag still opened the store")
	}
}
