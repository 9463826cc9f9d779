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

// slot is one entry of the open-addressing feature table: the feature hash
// and the range of its (class, weight) pairs in model.cls and model.wts.
// Key and range share a cache line, so a lookup costs one memory access
// for the probe and one for the weights.
type slot struct {
	key        uint64
	start, end uint32
}

// model is the immutable weight table of a trained parser.
type model struct {
	labels []string // labels[0] is unused; 1..L are the relations
	root   int      // index of "root" in labels
	table  []slot
	mask   uint64
	cls    []uint8
	wts    []float32
}

// score adds the weights of feats into scores (which it clears first).
func (m *model) score(feats []uint64, scores []float32) {
	clear(scores)
	table, mask, cls, wts := m.table, m.mask, m.cls, m.wts
	for _, k := range feats {
		i := k & mask
		for {
			s := &table[i]
			if s.key == k {
				c := cls[s.start:s.end]
				ws := wts[s.start:s.end]
				for j, cl := range c {
					scores[cl] += ws[j]
				}
				break
			}
			if s.key == 0 {
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

// newModel builds the lookup table from rows sorted by key.
func newModel(labels []string, rows []feature) (*model, error) {
	m := &model{labels: labels, root: slices.Index(labels, "root")}
	if m.root <= 0 {
		return nil, errors.New("parse: model has no \"root\" label")
	}
	if len(labels) > 127 {
		return nil, fmt.Errorf("parse: %d labels, at most 126 supported", len(labels)-1)
	}
	size := 1
	for size < 2*len(rows)+2 {
		size <<= 1
	}
	m.table = make([]slot, size)
	m.mask = uint64(size - 1)
	total := 0
	for i := range rows {
		total += len(rows[i].cls)
	}
	m.cls = make([]uint8, 0, total)
	m.wts = make([]float32, 0, total)
	nclass := 2*(len(labels)-1) + 1
	for _, r := range rows {
		if r.key == 0 {
			return nil, errors.New("parse: model has a feature with hash 0")
		}
		start := uint32(len(m.cls))
		for j, c := range r.cls {
			if int(c) >= nclass {
				return nil, fmt.Errorf("parse: model feature class %d out of range", c)
			}
			m.cls = append(m.cls, c)
			m.wts = append(m.wts, r.wts[j])
		}
		i := r.key & m.mask
		for m.table[i].key != 0 {
			if m.table[i].key == r.key {
				return nil, fmt.Errorf("parse: model has feature %x twice", r.key)
			}
			i = (i + 1) & m.mask
		}
		m.table[i] = slot{key: r.key, start: start, end: uint32(len(m.cls))}
	}
	return m, nil
}

// The serialised model is gzip-compressed and column-oriented so that it
// compresses well:
//
//	magic "dyad-parse 1\n"
//	uvarint L, then L labels (uvarint length, bytes)
//	uvarint F (features), then F uvarint key deltas (keys ascending),
//	F uvarint row lengths, all class bytes, all weights as float32 bits
//	(little endian), split into four byte planes.
const magic = "dyad-parse 1\n"

func writeModel(w io.Writer, labels []string, rows []feature) error {
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
	for plane := 0; plane < 4; plane++ {
		for _, r := range rows {
			for _, x := range r.wts {
				bw.WriteByte(byte(math.Float32bits(x) >> (8 * plane)))
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
	nf, err := uv("feature count", 1<<26)
	if err != nil {
		return nil, err
	}
	rows := make([]feature, nf)
	key := uint64(0)
	for i := range rows {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("feature key: %w", err)
		}
		key += d
		rows[i].key = key
	}
	total := 0
	lens := make([]int, nf)
	for i := range rows {
		n, err := uv("row length", 255)
		if err != nil {
			return nil, err
		}
		lens[i] = int(n)
		total += int(n)
	}
	cls := make([]uint8, total)
	if _, err := io.ReadFull(br, cls); err != nil {
		return nil, fmt.Errorf("classes: %w", err)
	}
	raw := make([]byte, 4*total)
	if _, err := io.ReadFull(br, raw); err != nil {
		return nil, fmt.Errorf("weights: %w", err)
	}
	wts := make([]float32, total)
	for j := range wts {
		wts[j] = math.Float32frombits(uint32(raw[j]) | uint32(raw[total+j])<<8 | uint32(raw[2*total+j])<<16 | uint32(raw[3*total+j])<<24)
	}
	off := 0
	for i := range rows {
		rows[i].cls = cls[off : off+lens[i]]
		rows[i].wts = wts[off : off+lens[i]]
		off += lens[i]
	}
	return newModel(labels, rows)
}
