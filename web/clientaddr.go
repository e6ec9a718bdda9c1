package web

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

type remoteKey struct{}

// clientAddrFrom returns the caller's address that the throttle counts,
// as withClientAddr found it.
func clientAddrFrom(ctx context.Context) string {
	a, _ := ctx.Value(remoteKey{}).(string)
	return a
}

// withClientAddr finds the client's address once per request: the socket's
// peer, or, when that peer is a trusted proxy (--trusted-proxy), the
// nearest address in X-Forwarded-For that is not itself a trusted proxy.
// Without trusted proxies the header is ignored: anyone can send it.
func (s *Server) withClientAddr(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		addr := clientIP(r.RemoteAddr, r.Header.Values("X-Forwarded-For"), s.cfg.TrustedProxies)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), remoteKey{}, addr)))
	})
}

// clientIP reads the chain of addresses from the right (the proxy nearest
// to us appends last): each trusted hop passes on to the one before it.
func clientIP(remote string, forwarded []string, trusted []netip.Prefix) string {
	peer := clientAddr(remote)
	if len(trusted) == 0 || !isTrusted(peer, trusted) {
		return peer
	}
	var hops []string
	for _, h := range forwarded {
		for _, a := range strings.Split(h, ",") {
			if a = strings.TrimSpace(a); a != "" {
				hops = append(hops, a)
			}
		}
	}
	addr := peer
	for i := len(hops) - 1; i >= 0; i-- {
		ip, err := netip.ParseAddr(hops[i])
		if err != nil {
			// a hop we cannot read: the chain is not trustworthy beyond it
			return addr
		}
		addr = ip.Unmap().String()
		if !isTrusted(addr, trusted) {
			return addr
		}
	}
	return addr
}

func isTrusted(addr string, trusted []netip.Prefix) bool {
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return false
	}
	ip = ip.Unmap()
	for _, p := range trusted {
		if p.Contains(ip) {
			return true
		}
	}
	return false
}

func clientAddr(remote string) string {
	if host, _, err := net.SplitHostPort(remote); err == nil {
		return host
	}
	return remote
}

// ParseTrustedProxies reads --trusted-proxy values: CIDRs or single
// addresses, separated by commas.
func ParseTrustedProxies(values []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range values {
		for _, f := range strings.Split(v, ",") {
			f = strings.TrimSpace(f)
			if f == "" {
				continue
			}
			if !strings.Contains(f, "/") {
				ip, err := netip.ParseAddr(f)
				if err != nil {
					return nil, &proxyError{f}
				}
				out = append(out, netip.PrefixFrom(ip.Unmap(), ip.Unmap().BitLen()))
				continue
			}
			p, err := netip.ParsePrefix(f)
			if err != nil {
				return nil, &proxyError{f}
			}
			if p.Addr().Is4In6() {
				p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
			}
			out = append(out, p.Masked())
		}
	}
	return out, nil
}

type proxyError struct{ value string }

func (e *proxyError) Error() string {
	return "--trusted-proxy " + e.value + ": not an address or CIDR (like 10.0.0.0/8 or 127.0.0.1)"
}
