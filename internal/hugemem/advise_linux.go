package hugemem

import (
	"syscall"
	"unsafe"
)

// mapAligned maps size bytes of fresh anonymous memory starting on a huge
// page boundary and advises huge pages for it, or returns nil when the
// mapping fails. The mapping is a huge page longer than the table, for
// the alignment; the slack before and after is never touched, so it
// takes address space but no memory. The advice is a hint: if the kernel
// ignores it (huge pages turned off, an old kernel) only the speed
// changes.
func mapAligned(size int) []byte {
	raw, err := syscall.Mmap(-1, 0, size+hugePage, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_PRIVATE|syscall.MAP_ANON)
	if err != nil {
		return nil
	}
	off := 0
	if r := int(uintptr(unsafe.Pointer(unsafe.SliceData(raw))) % hugePage); r != 0 {
		off = hugePage - r
	}
	b := raw[off : off+size : off+size]
	// Whole huge pages only: advising the last partial one would make
	// the kernel fault in all 2 MiB of it.
	if whole := size &^ (hugePage - 1); whole > 0 {
		_ = syscall.Madvise(b[:whole], syscall.MADV_HUGEPAGE)
	}
	return b
}
