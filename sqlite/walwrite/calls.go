package walwrite

import (
	"unsafe"

	"modernc.org/libc"
)

// The driver is SQLite translated to Go: a C pointer is a uintptr, and a
// C function pointer is the address of a Go func value, called by
// converting it back. These helpers are the only places that do.

// ptr converts an address in SQLite's memory (never Go's heap) to a
// pointer. Going through memory rather than a conversion of the value is
// what go vet accepts for an address that is not a Go pointer.
func ptr(p uintptr) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&p)) }

// funcPointer is the C function pointer of a Go function: the address of
// its func value, which for a top-level function is static.
func funcPointer(f any) uintptr {
	type iface [2]uintptr
	return (*iface)(unsafe.Pointer(&f))[1]
}

func callOpen(fp uintptr, tls *libc.TLS, vfs, name, file uintptr, flags int32, outFlags uintptr) int32 {
	return (*(*func(*libc.TLS, uintptr, uintptr, uintptr, int32, uintptr) int32)(unsafe.Pointer(&fp)))(tls, vfs, name, file, flags, outFlags)
}

func callWrite(fp uintptr, tls *libc.TLS, file, data uintptr, amount int32, offset int64) int32 {
	return (*(*func(*libc.TLS, uintptr, uintptr, int32, int64) int32)(unsafe.Pointer(&fp)))(tls, file, data, amount, offset)
}

func callRead(fp uintptr, tls *libc.TLS, file, data uintptr, amount int32, offset int64) int32 {
	return callWrite(fp, tls, file, data, amount, offset) // the same signature
}

func callTruncate(fp uintptr, tls *libc.TLS, file uintptr, size int64) int32 {
	return (*(*func(*libc.TLS, uintptr, int64) int32)(unsafe.Pointer(&fp)))(tls, file, size)
}

func callInt(fp uintptr, tls *libc.TLS, file uintptr, arg int32) int32 {
	return (*(*func(*libc.TLS, uintptr, int32) int32)(unsafe.Pointer(&fp)))(tls, file, arg)
}

func callPointer(fp uintptr, tls *libc.TLS, file, arg uintptr) int32 {
	return (*(*func(*libc.TLS, uintptr, uintptr) int32)(unsafe.Pointer(&fp)))(tls, file, arg)
}

func callControl(fp uintptr, tls *libc.TLS, file uintptr, op int32, arg uintptr) int32 {
	return (*(*func(*libc.TLS, uintptr, int32, uintptr) int32)(unsafe.Pointer(&fp)))(tls, file, op, arg)
}

func callClose(fp uintptr, tls *libc.TLS, file uintptr) int32 {
	return (*(*func(*libc.TLS, uintptr) int32)(unsafe.Pointer(&fp)))(tls, file)
}

func callShmLock(fp uintptr, tls *libc.TLS, file uintptr, offset, n, flags int32) int32 {
	return (*(*func(*libc.TLS, uintptr, int32, int32, int32) int32)(unsafe.Pointer(&fp)))(tls, file, offset, n, flags)
}
