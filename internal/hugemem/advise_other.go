//go:build !linux

package hugemem

// mapAligned returns nil: Static falls back to the Go heap.
func mapAligned(int) []byte { return nil }
