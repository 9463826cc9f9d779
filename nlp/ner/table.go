package ner

import "math/bits"

// table is an open-addressing hash table from 64-bit keys (already
// hashes) to values: smaller and faster than a Go map for the model's
// read-only lookups. Key 0 is stored as 1.
type table[V any] struct {
	keys []uint64
	vals []V
	mask uint64
	n    int
}

func newTable[V any](n int) *table[V] {
	size := 1 << bits.Len(uint(n*2+1))
	return &table[V]{keys: make([]uint64, size), vals: make([]V, size), mask: uint64(size - 1)}
}

func fixKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// put sets k to v; the table must have been sized for its contents.
func (t *table[V]) put(k uint64, v V) {
	k = fixKey(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return
		case k:
			t.vals[i] = v
			return
		}
	}
}

func (t *table[V]) get(k uint64) (V, bool) {
	var zero V
	if t == nil || len(t.keys) == 0 {
		return zero, false
	}
	k = fixKey(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i], true
		case 0:
			return zero, false
		}
	}
}

// each calls f for every entry, in slot order.
func (t *table[V]) each(f func(k uint64, v V)) {
	if t == nil {
		return
	}
	for i, k := range t.keys {
		if k != 0 {
			f(k, t.vals[i])
		}
	}
}
