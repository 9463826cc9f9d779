package actor

import "hash/maphash"

// tokenIndex finds a token key's id (KB.tokID) without a Go map: an
// open-addressing table of 32-bit hash tags and ids, each hit confirmed
// against the key itself, so that it answers exactly as tokID does. Most
// words of a sentence are in no name; for them a lookup is a hash and
// one slot load, usually with no key comparison.
type tokenIndex struct {
	seed  maphash.Seed
	slots []tokenSlot
	mask  uint64
	keys  []string // by id
}

type tokenSlot struct {
	tag uint32 // the hash's top 32 bits, with the low bit set; 0: empty
	id  int32
}

func newTokenIndex(ids map[string]int32) *tokenIndex {
	size := 1
	for size < 2*len(ids)+1 { // load factor at most 1/2
		size <<= 1
	}
	x := &tokenIndex{seed: maphash.MakeSeed(), slots: make([]tokenSlot, size), mask: uint64(size - 1), keys: make([]string, len(ids))}
	for k, id := range ids {
		x.keys[id] = k
		h := maphash.String(x.seed, k)
		i := h & x.mask
		for x.slots[i].tag != 0 {
			i = (i + 1) & x.mask
		}
		x.slots[i] = tokenSlot{tag: uint32(h>>32) | 1, id: id}
	}
	return x
}

// id returns the id of key, -1 when no name has that token.
func (x *tokenIndex) id(key []byte) int32 {
	h := maphash.Bytes(x.seed, key)
	tag := uint32(h>>32) | 1
	for i := h & x.mask; ; i = (i + 1) & x.mask {
		s := x.slots[i]
		if s.tag == 0 {
			return -1
		}
		if s.tag == tag && x.keys[s.id] == string(key) {
			return s.id
		}
	}
}
