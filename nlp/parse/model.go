package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/dyad-events/dyad/internal/gunzip"
	"github.com/dyad-events/dyad/internal/hugemem"
)

// tslot is one entry of the open-addressing table of transition
// features: a 32-bit fingerprint of the feature hash (bits 8-39; the
// slot's position supplies the low bits) and the three class weights
// (SHIFT, LEFT, RIGHT) as bfloat16, inline: 12 bytes, so a lookup touches
// one cache line and the table stays small enough to live mostly in cache.
type tslot struct {
	fp uint32
	w  [3]uint16
}

// lslot is one entry of the label-feature table: fingerprint and the run
// of its (label, weight) pairs in model.lents.
type lslot struct {
	fp    uint32
	start uint32
	n     uint32
}

// A label weight entry: the bfloat16 weight in the top 16 bits, the label
// in the low 8.
type lent uint32

func fingerprint(key uint64) uint32 {
	fp := uint32(key >> 8)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// tables are the immutable lookup tables a Parser scores with.
type tables struct {
	labels []string // as in Model
	root   int      // index of "root" in labels
	direct [numDirect]directTable
	trans  []tslot
	tmask  uint64
	lab    []lslot
	lmask  uint64
	lents  []lent
}

// lookup writes the transition weights of each of keys to out (len(out)
// >= len(keys)), the three bfloat16 packed in the low 48 bits, 0 for an
// absent feature. A first pass loads every key's home slot: the loads do
// not depend on each other or on branches, so their cache misses overlap
// instead of queueing behind the probe loop's branches; their sum goes to
// sink so that the compiler keeps them.
func (m *tables) lookup(keys []uint64, out []uint64, sink *uint32) {
	table, mask := m.trans, m.tmask
	out = out[:len(keys)]
	var touch uint32
	for _, k := range keys {
		touch += table[k&mask].fp
	}
	*sink = touch
	for n, k := range keys {
		i := k & mask
		fp := fingerprint(k)
		var v uint64
		for {
			sl := &table[i]
			if sl.fp == fp {
				v = uint64(sl.w[0]) | uint64(sl.w[1])<<16 | uint64(sl.w[2])<<32
				break
			}
			if sl.fp == 0 {
				break
			}
			i = (i + 1) & mask
		}
		out[n] = v
	}
}

// scoreConfig sums the transition weights of the configuration into
// st.scores as summing the weights of st.features() in order would, to
// the bit (the tests' scoreTrans): the static
// templates' weights come from st.precompute, those of small atom
// domains from the direct tables (direct.go), the others are looked up,
// and the sum runs in template order. An absent feature adds +0, which
// changes no sum (no sum is -0: it starts at +0).
func (m *tables) scoreConfig(st *state) {
	var all [numFeatures]uint64
	c := st.context()
	var x [numAtoms]uint8
	st.atomIndices(&c, &x)
	var v [numAtoms]uint64 // the atoms' hashes, filled at the first unknown value
	hashed := false
	for d := range directTemplates {
		dt := &directTemplates[d]
		i, known := 0, true
		for _, a := range dt.atoms {
			known = known && x[a] != unknownTag
			i = i*atomDomain(a) + int(x[a])
		}
		if !known {
			if !hashed {
				st.atomValues(&c, &v)
				hashed = true
			}
			m.lookup([]uint64{dt.key(&v)}, all[numHashed+d:numHashed+d+1], &st.sink)
			continue
		}
		all[numHashed+d] = m.direct[d].w[i]
	}
	m.lookup(st.hashedFeatures(&c), all[:numHashed], &st.sink)
	s0, s1, s2 := c.s0, c.s1, c.s2
	w := st.stw
	copy(all[numDynamic:], w[int(s0)*numStatic:][:numS0])
	copy(all[numDynamic+numS0:], w[int(s1)*numStatic+numS0:][:numS1])
	copy(all[numDynamic+numS0+numS1:], w[int(s2)*numStatic+numS0+numS1:][:numS2])
	copy(all[numDynamic+numS0+numS1+numS2:], w[int(st.b)*numStatic+numS0+numS1+numS2:][:numB])
	var a, b, cc float32
	for _, j := range featOrder {
		v := all[j]
		a += fromBF16(uint16(v))
		b += fromBF16(uint16(v >> 16))
		cc += fromBF16(uint16(v >> 32))
	}
	st.scores[0], st.scores[1], st.scores[2] = a, b, cc
}

// scoreLabels adds the label weights of feats into scores (cleared first).
// Like lookup, it loads the home slots first; then it finds the rows
// and loads their first entries, and only then adds them up, so that the
// misses of each pass overlap.
func (m *tables) scoreLabels(feats []uint64, scores []float32, sink *uint32) {
	clear(scores)
	table, mask, ents := m.lab, m.lmask, m.lents
	var touch uint32
	for _, k := range feats {
		touch += table[k&mask].n
	}
	var rows [numLabelFeatures]struct{ start, end uint32 }
	nr := 0
	for _, k := range feats {
		i := k & mask
		fp := fingerprint(k)
		for {
			sl := &table[i]
			if sl.fp == fp {
				if nr < len(rows) {
					rows[nr].start, rows[nr].end = sl.start, sl.start+sl.n
					nr++
					if sl.n > 0 { // both ends: a row may span two cache lines
						touch += uint32(ents[sl.start]) + uint32(ents[sl.start+sl.n-1])
					}
				} else {
					addLabels(scores, ents[sl.start:sl.start+sl.n])
				}
				break
			}
			if sl.fp == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
	*sink = touch
	for _, r := range rows[:nr] {
		addLabels(scores, ents[r.start:r.end])
	}
}

func addLabels(scores []float32, row []lent) {
	for _, e := range row {
		scores[uint8(e)] += math.Float32frombits(uint32(e) &^ 0xffff)
	}
}

// column holds one table's features sorted by key, in flat arrays: row
// i has the classes cls[off[i]:off[i+1]] with bfloat16 weights wts[...].
type column struct {
	keys []uint64
	off  []uint32 // len(keys)+1 entries
	cls  []uint8
	wts  []uint16
}

func (c *column) row(i int) ([]uint8, []uint16) {
	return c.cls[c.off[i]:c.off[i+1]], c.wts[c.off[i]:c.off[i+1]]
}

func tableSize(n int) int {
	size := 1
	for size < n+n/2+1 { // load factor at most 2/3
		size <<= 1
	}
	return size
}

// newTables builds the lookup tables of a model; static ones (see
// hugemem.Static) are never freed.
func newTables(md *Model, static bool) (*tables, error) {
	labels, trans, lab := md.labels, &md.trans, &md.lab
	m := &tables{labels: labels, root: slices.Index(labels, "root")}
	if m.root <= 0 {
		return nil, errors.New("model has no \"root\" label")
	}
	if len(labels) > 127 {
		return nil, fmt.Errorf("%d labels, at most 126 supported", len(labels)-1)
	}
	size := tableSize(len(trans.keys))
	m.trans = hugemem.Make[tslot](size, static)
	m.tmask = uint64(size - 1)
	for r, key := range trans.keys {
		i := key & m.tmask
		for m.trans[i].fp != 0 {
			i = (i + 1) & m.tmask
		}
		sl := &m.trans[i]
		sl.fp = fingerprint(key)
		cls, wts := trans.row(r)
		for j, c := range cls {
			if c > actRight {
				return nil, fmt.Errorf("transition feature class %d out of range", c)
			}
			sl.w[c] = wts[j]
		}
	}
	m.newDirectTables()
	size = tableSize(len(lab.keys))
	m.lab = hugemem.Make[lslot](size, static)
	m.lmask = uint64(size - 1)
	m.lents = hugemem.Make[lent](len(lab.cls), static)
	nclass := max(len(labels), 3) // the scores array: labels 1..L
	for j, c := range lab.cls {
		if int(c) >= nclass || c == 0 {
			return nil, fmt.Errorf("label feature class %d out of range", c)
		}
		m.lents[j] = lent(uint32(lab.wts[j])<<16 | uint32(c))
	}
	for r, key := range lab.keys {
		i := key & m.lmask
		for m.lab[i].fp != 0 {
			i = (i + 1) & m.lmask
		}
		m.lab[i] = lslot{fp: fingerprint(key), start: lab.off[r], n: lab.off[r+1] - lab.off[r]}
	}
	return m, nil
}

// Model is a trained parser's weights, as Train returns them and the
// model file stores them: labels, then the transition and label features
// sorted by key. New turns a Model into a Parser.
type Model struct {
	labels []string // 1..L are the relations; labels[0] is "dep", for models that only know root
	trans  column
	lab    column
}

// Labels returns the dependency relations the model assigns.
func (md *Model) Labels() []string { return append([]string(nil), md.labels[1:]...) }

// Features returns the number of features with weights.
func (md *Model) Features() int { return len(md.trans.keys) + len(md.lab.keys) }

// WriteTo writes the model, gzip-compressed, in the format ReadModel reads.
func (md *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	err := writeModel(cw, md.labels, &md.trans, &md.lab)
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// ReadModel decodes a model written by Model.WriteTo; name is used in
// errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	md, err := readModel(r)
	if err != nil {
		return nil, fmt.Errorf("read parser model %s: %w", name, err)
	}
	return md, nil
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

func writeModel(w io.Writer, labels []string, trans, lab *column) error {
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
	for _, c := range []*column{trans, lab} {
		uv(uint64(len(c.keys)))
		prev := uint64(0)
		for _, k := range c.keys {
			uv(k - prev)
			prev = k
		}
		for i := range c.keys {
			uv(uint64(c.off[i+1] - c.off[i]))
		}
		bw.Write(c.cls)
		for shift := 0; shift < 16; shift += 8 {
			for _, x := range c.wts {
				bw.WriteByte(byte(x >> shift))
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// maxModel bounds the decompressed size of a model file.
const maxModel = 512 << 20

func readModel(r io.Reader) (*Model, error) {
	data, err := gunzip.ReadAll(r, maxModel)
	if errors.Is(err, gunzip.ErrTooLarge) {
		return nil, fmt.Errorf("more than %d bytes decompressed", maxModel)
	}
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("not a dyad parser model")
	}
	d := decoder{b: data[len(magic):]}
	nl := d.uv("label count", 126)
	labels := make([]string, nl+1)
	labels[0] = "dep" // the fallback when root is the only label
	for i := 1; i <= int(nl) && d.err == nil; i++ {
		labels[i] = string(d.bytes("label", int(d.uv("label length", 64))))
	}
	var tabs [2]column
	for t := range tabs {
		// Every count is checked against the bytes left before anything
		// is allocated for it, so a corrupt file cannot make us allocate
		// more than its own size.
		nf := int(d.uv("feature count", uint64(len(d.b))))
		c := &tabs[t]
		c.keys = make([]uint64, nf)
		key := uint64(0)
		for i := range c.keys {
			delta := d.uv("feature key", 1<<40-1)
			if delta == 0 && d.err == nil {
				d.err = errors.New("feature keys not ascending")
			}
			key += delta
			c.keys[i] = key
		}
		if d.err != nil {
			return nil, d.err
		}
		c.off = make([]uint32, nf+1)
		total := uint32(0)
		for i := range nf {
			total += uint32(d.uv("row length", 127))
			c.off[i+1] = total
		}
		c.cls = d.bytes("classes", int(total))
		raw := d.bytes("weights", 2*int(total))
		if d.err != nil {
			return nil, d.err
		}
		c.wts = make([]uint16, total)
		for j := range c.wts {
			c.wts[j] = uint16(raw[j]) | uint16(raw[int(total)+j])<<8
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, fmt.Errorf("%d bytes after the model", len(d.b))
	}
	md := &Model{labels: labels, trans: tabs[0], lab: tabs[1]}
	if err := md.check(); err != nil { // fail here, not at New
		return nil, err
	}
	return md, nil
}

// decoder reads the uncompressed model; the first error sticks and later
// reads return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) uv(what string, max uint64) uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = fmt.Errorf("%s: truncated or malformed number", what)
		return 0
	}
	if x > max {
		d.err = fmt.Errorf("%s: %d out of range", what, x)
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) bytes(what string, n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.err = fmt.Errorf("%s: truncated", what)
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

// check reports what newTables would reject, without building tables.
func (md *Model) check() error {
	if slices.Index(md.labels, "root") <= 0 {
		return errors.New("model has no \"root\" label")
	}
	for _, c := range md.trans.cls {
		if c > actRight {
			return fmt.Errorf("transition feature class %d out of range", c)
		}
	}
	// A feature is stored only with a weight, so a row of length 0 is a
	// corrupt file (the scorer would read its neighbour's first entry).
	for _, c := range []*column{&md.trans, &md.lab} {
		for i := 1; i < len(c.off); i++ {
			if c.off[i] == c.off[i-1] {
				return fmt.Errorf("feature %d has no weights", i-1)
			}
		}
	}
	nclass := max(len(md.labels), 3)
	for _, c := range md.lab.cls {
		if int(c) >= nclass || c == 0 {
			return fmt.Errorf("label feature class %d out of range", c)
		}
	}
	return nil
}
