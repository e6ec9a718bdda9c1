package extract

import (
	"fmt"
	"testing"
)

// TestISODate holds isoDate to the fmt spelling it replaced, over the years
// a date may have (yearOf) and beyond, and every month and day, with the
// values out of range that take fmt's path.
func TestISODate(t *testing.T) {
	for _, y := range []int{0, 7, 999, 1000, 1900, 1999, 2000, 2024, 2200, 9999, 10000} {
		for mo := -1; mo <= 100; mo++ {
			for _, d := range []int{-1, 0, 1, 9, 10, 31, 99, 100} {
				if got, want := isoDate(y, mo, d), fmt.Sprintf("%04d-%02d-%02d", y, mo, d); got != want {
					t.Fatalf("isoDate(%d, %d, %d) = %q, want %q", y, mo, d, got, want)
				}
			}
		}
	}
}
