package auth

import (
	"errors"
	"strings"
	"testing"
)

func TestHashVerify(t *testing.T) {
	h, err := Hash("correct horse battery", Fast)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("hash %q is not a PHC argon2id string", h)
	}
	if err := Verify("correct horse battery", h); err != nil {
		t.Errorf("right password refused: %v", err)
	}
	if err := Verify("correct horse batterz", h); !errors.Is(err, ErrMismatch) {
		t.Errorf("wrong password: %v", err)
	}
	h2, _ := Hash("correct horse battery", Fast)
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$a$b", "$argon2id$v=19$m=x$a$b", "$argon2id$v=19$m=1024,t=1,p=1$!!$b"} {
		if err := Verify("x", bad); err == nil || errors.Is(err, ErrMismatch) {
			t.Errorf("Verify(%q) = %v, want a malformed-hash error", bad, err)
		}
	}
}

func TestTokens(t *testing.T) {
	a, ha, err := NewToken("ent_")
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := NewToken("ent_")
	if a == b || !strings.HasPrefix(a, "ent_") || len(a) < 40 {
		t.Errorf("tokens %q %q", a, b)
	}
	if HashToken(a) != ha || strings.Contains(ha, a) {
		t.Error("the stored hash is not the token's hash")
	}
}

func FuzzVerify(f *testing.F) {
	h, _ := Hash("pw", Fast)
	f.Add("pw", h)
	f.Add("", "$argon2id$v=19$m=0,t=0,p=0$$")
	f.Fuzz(func(t *testing.T, pw, phc string) {
		if strings.Contains(phc, "m=") && len(phc) > 200 {
			return
		}
		// costs in a fuzzed string could ask for gigabytes: cap them
		if i := strings.Index(phc, "m="); i >= 0 {
			var m, tm, p uint32
			if n, _ := sscan(phc[i:], &m, &tm, &p); n == 3 && (m > 1<<12 || tm > 4) {
				return
			}
		}
		_ = Verify(pw, phc)
	})
}
