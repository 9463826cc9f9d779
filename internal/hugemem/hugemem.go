// Package hugemem allocates the large read-only lookup tables of the
// embedded models so that the kernel can back them with huge pages.
//
// The parser, tagger and recognizer look features up at random in tables
// of several megabytes. With 4 KiB pages nearly every lookup misses the
// TLB as well as the cache, and the page walk costs about as much as the
// load itself; with 2 MiB pages a 12 MiB table needs six TLB entries.
//
// The memory is mapped apart from the Go heap, so that it is fresh (the
// kernel can fault it in as huge pages) and aligned, and it is never
// freed: Static is for tables built once and kept for the life of the
// process, such as those of the models a package's Load decodes once.
package hugemem

import "unsafe"

// hugePage is the huge page size of x86-64 Linux (and of arm64 Linux
// with 4 KiB base pages).
const hugePage = 2 << 20

// Static returns a zeroed slice of n elements of T that is never freed.
// T must hold no pointers: the garbage collector does not scan the
// memory. A slice of at least one huge page starts on a huge page
// boundary and, where the system supports it, is advised to be backed by
// huge pages; a smaller one, or one the system cannot map, is an
// ordinary Go slice.
func Static[T any](n int) []T {
	var zero T
	size := n * int(unsafe.Sizeof(zero))
	if size < hugePage {
		return make([]T, n)
	}
	b := mapAligned(size)
	if b == nil {
		return make([]T, n)
	}
	return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), n)
}

// Make returns Static[T](n) when static is true and make([]T, n)
// otherwise: the tables of a model decoded once for the whole process
// are static, those of a model being trained or tested are not.
func Make[T any](n int, static bool) []T {
	if static {
		return Static[T](n)
	}
	return make([]T, n)
}
