package auth

import "fmt"

func sscan(s string, m, t, p *uint32) (int, error) {
	return fmt.Sscanf(s, "m=%d,t=%d,p=%d", m, t, p)
}
