package parse

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// tslot is one entry of the open-addressing table of transition
// features: the feature hash and its three weights (SHIFT, LEFT, RIGHT)
// inline, so a lookup touches one cache line.
type tslot struct {
	key uint64
	w   [3]float32
}

// lslot is one entry of the label-feature table: the feature hash and the
// range of its (label, weight) pairs in model.lents.
type lslot struct {
	key        uint64
	start, end uint32
}

type lent struct {
	w   float32
	cls uint32
}

// model is the immutable weight tables of a trained parser.
type model struct {
	labels []string // labels[0] is unused; 1..L are the relations
	root   int      // index of "root" in labels
	trans  []tslot
	tmask  uint64
	lab    []lslot
	lmask  uint64
	lents  []lent
}

// scoreTrans sums the transition weights of feats into s.
func (m *model) scoreTrans(feats []uint64, s []float32) {
	var a, b, c float32
	table, mask := m.trans, m.tmask
	for _, k := range feats {
		i := k & mask
		for {
			sl := &table[i]
			if sl.key == k {
				a += sl.w[0]
				b += sl.w[1]
				c += sl.w[2]
				break
			}
			if sl.key == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
	s[0], s[1], s[2] = a, b, c
}

// scoreLabels adds the label weights of feats into scores (cleared first).
func (m *model) scoreLabels(feats []uint64, scores []float32) {
	clear(scores)
	table, mask, ents := m.lab, m.lmask, m.lents
	for _, k := range feats {
		i := k & mask
		for {
			sl := &table[i]
			if sl.key == k {
				for _, e := range ents[sl.start:sl.end] {
					scores[e.cls] += e.w
				}
				break
			}
			if sl.key == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
}

// feature is one row of weights while building or writing a model.
type feature struct {
	key uint64
	cls []uint8
	wts []float32
}

func tableSize(n int) int {
	size := 1
	for size < n+n/2+1 { // load factor at most 2/3
		size <<= 1
	}
	return size
}

// newModel builds the lookup tables from rows sorted by key.
func newModel(labels []string, trans, lab []feature) (*model, error) {
	m := &model{labels: labels, root: slices.Index(labels, "root")}
	if m.root <= 0 {
		return nil, errors.New("model has no \"root\" label")
	}
	if len(labels) > 127 {
		return nil, fmt.Errorf("%d labels, at most 126 supported", len(labels)-1)
	}
	size := tableSize(len(trans))
	m.trans = make([]tslot, size)
	m.tmask = uint64(size - 1)
	for _, r := range trans {
		if r.key == 0 {
			return nil, errors.New("feature with hash 0")
		}
		i := r.key & m.tmask
		for m.trans[i].key != 0 {
			if m.trans[i].key == r.key {
				return nil, fmt.Errorf("feature %x twice", r.key)
			}
			i = (i + 1) & m.tmask
		}
		sl := &m.trans[i]
		sl.key = r.key
		for j, c := range r.cls {
			if c > actRight {
				return nil, fmt.Errorf("transition feature class %d out of range", c)
			}
			sl.w[c] = r.wts[j]
		}
	}
	size = tableSize(len(lab))
	m.lab = make([]lslot, size)
	m.lmask = uint64(size - 1)
	total := 0
	for i := range lab {
		total += len(lab[i].cls)
	}
	m.lents = make([]lent, 0, total)
	nclass := max(len(labels), 3) // the scores array: labels 1..L
	for _, r := range lab {
		if r.key == 0 {
			return nil, errors.New("feature with hash 0")
		}
		start := uint32(len(m.lents))
		for j, c := range r.cls {
			if int(c) >= nclass || c == 0 {
				return nil, fmt.Errorf("label feature class %d out of range", c)
			}
			m.lents = append(m.lents, lent{w: r.wts[j], cls: uint32(c)})
		}
		i := r.key & m.lmask
		for m.lab[i].key != 0 {
			if m.lab[i].key == r.key {
				return nil, fmt.Errorf("feature %x twice", r.key)
			}
			i = (i + 1) & m.lmask
		}
		m.lab[i] = lslot{key: r.key, start: start, end: uint32(len(m.lents))}
	}
	return m, nil
}

// rows recovers the model's features, each table's sorted by key.
func (m *model) rows() (trans, lab []feature) {
	for _, s := range m.trans {
		if s.key != 0 {
			f := feature{key: s.key}
			for c, w := range s.w {
				if w != 0 {
					f.cls = append(f.cls, uint8(c))
					f.wts = append(f.wts, w)
				}
			}
			trans = append(trans, f)
		}
	}
	for _, s := range m.lab {
		if s.key != 0 {
			f := feature{key: s.key}
			for _, e := range m.lents[s.start:s.end] {
				f.cls = append(f.cls, uint8(e.cls))
				f.wts = append(f.wts, e.w)
			}
			lab = append(lab, f)
		}
	}
	byKey := func(a, b feature) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	}
	slices.SortFunc(trans, byKey)
	slices.SortFunc(lab, byKey)
	return trans, lab
}

// The serialised model is gzip-compressed and column-oriented so that it
// compresses well:
//
//	magic "dyad-parse 2\n"
//	uvarint L, then L labels (uvarint length, bytes)
//	two tables (transition features, then label features), each:
//	  uvarint F, F uvarint key deltas (keys ascending, 40 bits),
//	  F uvarint row lengths, all class bytes, all weights as bfloat16
//	  (the top half of a float32, rounded), low bytes then high bytes.
//
// Rounding weights to bfloat16 (8 significant bits) halves the file and
// does not change the parses measurably.
const magic = "dyad-parse 2\n"

func bf16(x float32) uint16 {
	b := math.Float32bits(x)
	b += 0x7fff + (b>>16)&1 // round to nearest even
	return uint16(b >> 16)
}

func fromBF16(h uint16) float32 { return math.Float32frombits(uint32(h) << 16) }

// quantize rounds rows' weights to what the file stores, so a model in
// memory after training parses exactly as one read back.
func quantize(rows []feature) {
	for _, r := range rows {
		for j, w := range r.wts {
			r.wts[j] = fromBF16(bf16(w))
		}
	}
}

func writeModel(w io.Writer, labels []string, trans, lab []feature) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	bw.WriteString(magic)
	uv(uint64(len(labels) - 1))
	for _, l := range labels[1:] {
		uv(uint64(len(l)))
		bw.WriteString(l)
	}
	for _, rows := range [][]feature{trans, lab} {
		uv(uint64(len(rows)))
		prev := uint64(0)
		for _, r := range rows {
			uv(r.key - prev)
			prev = r.key
		}
		for _, r := range rows {
			uv(uint64(len(r.cls)))
		}
		for _, r := range rows {
			bw.Write(r.cls)
		}
		for shift := 0; shift < 16; shift += 8 {
			for _, r := range rows {
				for _, x := range r.wts {
					bw.WriteByte(byte(bf16(x) >> shift))
				}
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func readModel(r io.Reader) (*model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("not a dyad parser model")
	}
	uv := func(what string, max uint64) (uint64, error) {
		x, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", what, err)
		}
		if x > max {
			return 0, fmt.Errorf("%s: %d out of range", what, x)
		}
		return x, nil
	}
	nl, err := uv("label count", 126)
	if err != nil {
		return nil, err
	}
	labels := make([]string, nl+1)
	for i := 1; i <= int(nl); i++ {
		n, err := uv("label length", 64)
		if err != nil {
			return nil, err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("label: %w", err)
		}
		labels[i] = string(b)
	}
	var tables [2][]feature
	for t := range tables {
		nf, err := uv("feature count", 1<<26)
		if err != nil {
			return nil, err
		}
		// Grow slices as the data arrives: a corrupt count must not make
		// us allocate gigabytes up front.
		rows := make([]feature, 0, min(nf, 1<<16))
		key := uint64(0)
		for range nf {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, fmt.Errorf("feature key: %w", err)
			}
			if d == 0 {
				return nil, errors.New("feature keys not ascending")
			}
			key += d
			rows = append(rows, feature{key: key})
		}
		total := 0
		lens := make([]int, 0, min(nf, 1<<16))
		for range nf {
			n, err := uv("row length", 127)
			if err != nil {
				return nil, err
			}
			lens = append(lens, int(n))
			total += int(n)
		}
		cls, err := io.ReadAll(io.LimitReader(br, int64(total)))
		if err != nil || len(cls) != total {
			return nil, fmt.Errorf("classes: truncated (%v)", err)
		}
		raw, err := io.ReadAll(io.LimitReader(br, 2*int64(total)))
		if err != nil || len(raw) != 2*total {
			return nil, fmt.Errorf("weights: truncated (%v)", err)
		}
		wts := make([]float32, total)
		for j := range wts {
			wts[j] = fromBF16(uint16(raw[j]) | uint16(raw[total+j])<<8)
		}
		off := 0
		for i := range rows {
			rows[i].cls = cls[off : off+lens[i]]
			rows[i].wts = wts[off : off+lens[i]]
			off += lens[i]
		}
		tables[t] = rows
	}
	return newModel(labels, tables[0], tables[1])
}
