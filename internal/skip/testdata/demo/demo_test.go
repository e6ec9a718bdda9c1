// Package demo is run by scripts/test.sh in TestScript: it skips or fails
// as DEMO tells it.
package demo

import (
	"os"
	"strings"
	"testing"

	"github.com/entente/entente/internal/skip"
)

func TestDemo(t *testing.T) {
	for _, what := range strings.Split(os.Getenv("DEMO"), ",") {
		switch what {
		case "fail":
			t.Error("failed as asked")
		case "skip":
			t.Run("a", func(t *testing.T) { skip.Group(t, "PostgreSQL", "not here") })
			t.Run("b", func(t *testing.T) { skip.Group(t, "browser", "no chromium") })
			t.Run("c", func(t *testing.T) { skip.Group(t, "PostgreSQL", "not here") })
		}
	}
}
