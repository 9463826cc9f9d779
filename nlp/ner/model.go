package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/bits"
	"slices"

	"github.com/dyad-events/dyad/internal/gunzip"
	"github.com/dyad-events/dyad/internal/hugemem"
)

// labels are the BIO tags the model predicts, in weight-row order.
var labels = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

const (
	nLabels = len(labels)
	start   = nLabels // the transition row for the sentence start
)

// Types are the entity types the statistical model predicts. GPE is folded
// into LOC, as UNER does.
var Types = []string{"PER", "ORG", "LOC"}

func labelIndex(tag string) int {
	for i, l := range labels {
		if l == tag {
			return i
		}
	}
	return -1
}

// allowed reports whether label y may follow label p (or start) in BIO.
func allowed(p, y int) bool {
	if y == 0 || y%2 == 1 { // O or B-X
		return true
	}
	// I-X needs B-X or I-X before it
	return p != start && p != 0 && (p == y || p == y-1)
}

// Model is a trained linear-chain model: feature weights per label,
// transition weights, and the lexicons its features consult.
type Model struct {
	feats *table[int32] // feature hash -> row
	w     []float32     // rows x nLabels
	trans [(nLabels + 1) * nLabels]float32
	lex   *table[uint8] // word hash -> word class
	gaz   *gazetteer
}

// ShiftEntityScores adds delta to the score every token gets for opening
// an entity of type typ (PER, ORG or LOC; "" for all): the B- label's
// weight of the bias feature, which every token has. A positive delta
// makes the model find more entities, trading precision for recall. It
// is for training and tuning: a Recognizer copies the weights when it is
// made, so shift before calling New.
func (m *Model) ShiftEntityScores(typ string, delta float32) {
	if delta == 0 {
		return
	}
	r, ok := m.feats.get(tBias)
	if !ok {
		r = int32(len(m.w) / nLabels)
		m.w = append(m.w, make([]float32, nLabels)...)
		m.feats.put(tBias, r)
	}
	row := m.w[int(r)*nLabels : int(r+1)*nLabels]
	for y, l := range labels {
		if l[0] == 'B' && (typ == "" || l[2:] == typ) {
			row[y] += delta
		}
	}
}

// wslot is a slot of scorer's table: a feature key and its label weights,
// side by side, so that a feature found costs one cache miss instead of
// three (the key, its row number, the row).
type wslot struct {
	key uint64 // 0: empty
	w   [nLabels]float32
}

// qslot is a slot of a quantized scorer's table: a feature key and its
// label weights as the model file stores them (int16, times the model's
// scale), padded to 32 bytes. A wslot takes 40 bytes, so that one slot in
// two or three straddled two cache lines and the table took 20 MB; 32-byte
// slots never straddle, the next slot of a probe is in the same line half
// the time, and the table is a fifth smaller.
type qslot struct {
	key uint64 // 0: empty
	w   [nLabels]int16
	_   [16 - nLabels]int16
}

// scorer holds a model's feature weights laid out for scoring: an
// open-addressing table, read-only once built. It gives every feature
// the weights Model.feats and Model.w give it. A scorer read from a
// model file holds the weights as the file quantizes them (q, scale);
// one built from a Model in memory, whose weights need not be multiples
// of one scale (training, ShiftEntityScores), holds them as floats
// (slots).
type scorer struct {
	slots []wslot
	q     []qslot
	scale float32
	mask  uint64
}

func newScorer(m *Model, static bool) *scorer {
	sr := makeScorer(m.feats.n, static)
	m.feats.each(func(k uint64, r int32) { // keys are already fixKey'd
		sl := sr.slot(k)
		sl.key = k
		copy(sl.w[:], m.w[int(r)*nLabels:int(r+1)*nLabels])
	})
	return sr
}

// newScorerFrom builds the scorer of a model file's features straight
// from its keys and its raw weights (int16, little-endian, nLabels a key,
// times scale): a key given twice keeps its last weights, as
// Model.feats keeps its last row. The scorer is quantized: a weight x
// scores float32(x)*scale, the float32 ReadModel would turn it into, so
// every feature scores what it scores with ReadModel's model.
//
// The keys go in in the order of their home slots (bucketed by the slot's
// top bits, in file order within a bucket), so that the writes sweep the
// table instead of missing the cache at every key. Where a key lands does
// not change what it scores: every slot holds its full key.
func newScorerFrom(keys []uint64, raw []byte, scale float32, static bool) *scorer {
	size := tableSize(len(keys))
	sr := &scorer{q: hugemem.Make[qslot](size, static), scale: scale, mask: uint64(size - 1)}
	const bucketBits = 12
	shift := max(bits.Len64(sr.mask)-bucketBits, 0)
	var start [1<<bucketBits + 1]int32
	for _, k := range keys {
		start[(fixKey(k)&sr.mask)>>shift+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	type entry struct {
		key uint64
		w   [nLabels]int16
	}
	order := make([]entry, len(keys))
	for r, k := range keys {
		k = fixKey(k)
		b := (k & sr.mask) >> shift
		e := &order[start[b]]
		e.key = k
		w := raw[r*2*nLabels : (r+1)*2*nLabels]
		for y := range e.w {
			e.w[y] = int16(binary.LittleEndian.Uint16(w[2*y:]))
		}
		start[b]++
	}
	for i := range order {
		e := &order[i]
		sl := sr.qslot(e.key)
		sl.key = e.key
		sl.w = e.w
	}
	return sr
}

// tableSize is the number of slots of a scorer for n features: a power
// of two, with a load factor at most 2/3.
func tableSize(n int) int {
	size := 1
	for size < n+n/2+1 {
		size <<= 1
	}
	return size
}

// makeScorer returns an empty float scorer for n features.
func makeScorer(n int, static bool) *scorer {
	size := tableSize(n)
	return &scorer{slots: hugemem.Make[wslot](size, static), mask: uint64(size - 1)}
}

// slot returns the slot of key k (fixKey'd) of a float scorer: the one
// holding it, else the empty one where it goes.
func (sr *scorer) slot(k uint64) *wslot {
	i := k & sr.mask
	for sr.slots[i].key != 0 && sr.slots[i].key != k {
		i = (i + 1) & sr.mask
	}
	return &sr.slots[i]
}

// qslot is slot for a quantized scorer.
func (sr *scorer) qslot(k uint64) *qslot {
	i := k & sr.mask
	for sr.q[i].key != 0 && sr.q[i].key != k {
		i = (i + 1) & sr.mask
	}
	return &sr.q[i]
}

// weights returns the weights of key k (fixKey'd) as scored, and whether
// the scorer has it.
func (sr *scorer) weights(k uint64) (w [nLabels]float32, ok bool) {
	if sr.q != nil {
		sl := sr.qslot(k)
		for y, x := range sl.w {
			w[y] = float32(x) * sr.scale
		}
		return w, sl.key == k
	}
	sl := sr.slot(k)
	return sl.w, sl.key == k
}

// score fills sc (len(toks) x nLabels) with the feature scores of s, the
// features of each token added in the order m.features lists them. sink
// receives a sum of the slots first loaded, which keeps the compiler from
// dropping those loads: loading every feature's home slot before probing
// any lets the cache misses overlap.
func (sr *scorer) score(m *Model, s *sentence, sc []float32, fbuf []uint64, sink *uint64) []uint64 {
	if sr.q != nil {
		return sr.scoreQ(m, s, sc, fbuf, sink)
	}
	slots, mask := sr.slots, sr.mask
	var touch uint64
	for i := range s.toks {
		fbuf = m.features(s, i, fbuf[:0])
		row := sc[i*nLabels : (i+1)*nLabels : (i+1)*nLabels]
		clear(row)
		for _, f := range fbuf {
			touch += slots[fixKey(f)&mask].key
		}
		for _, f := range fbuf {
			k := fixKey(f)
			for j := k & mask; ; j = (j + 1) & mask {
				sl := &slots[j]
				if sl.key == k {
					for y := range row {
						row[y] += sl.w[y]
					}
					break
				}
				if sl.key == 0 {
					break
				}
			}
		}
	}
	*sink = touch
	return fbuf
}

// scoreQ is score for a quantized scorer. Each weight is added as
// float32(x)*scale, rounded to a float32 before the addition (the
// conversion forbids fusing the two), which is the weight a float
// scorer holds; the additions are in the same order, so the sums are the
// same to the bit.
func (sr *scorer) scoreQ(m *Model, s *sentence, sc []float32, fbuf []uint64, sink *uint64) []uint64 {
	q, mask, scale := sr.q, sr.mask, sr.scale
	var touch uint64
	for i := range s.toks {
		fbuf = m.features(s, i, fbuf[:0])
		for _, f := range fbuf {
			touch += q[fixKey(f)&mask].key
		}
		// The sums in locals, not in the row: each addition then waits
		// for the one before it, not for a store and a reload as well.
		var r0, r1, r2, r3, r4, r5, r6 float32
		for _, f := range fbuf {
			k := fixKey(f)
			for j := k & mask; ; j = (j + 1) & mask {
				sl := &q[j]
				if sl.key == k {
					r0 += float32(float32(sl.w[0]) * scale)
					r1 += float32(float32(sl.w[1]) * scale)
					r2 += float32(float32(sl.w[2]) * scale)
					r3 += float32(float32(sl.w[3]) * scale)
					r4 += float32(float32(sl.w[4]) * scale)
					r5 += float32(float32(sl.w[5]) * scale)
					r6 += float32(float32(sl.w[6]) * scale)
					break
				}
				if sl.key == 0 {
					break
				}
			}
		}
		const _ = uint(nLabels-7) + uint(7-nLabels) // seven sums
		*(*[nLabels]float32)(sc[i*nLabels : (i+1)*nLabels]) = [nLabels]float32{r0, r1, r2, r3, r4, r5, r6}
	}
	*sink = touch
	return fbuf
}

// viterbi writes the best label sequence for the scores sc into out,
// using back as scratch (n x nLabels).
func viterbi(trans []float32, sc []float32, n int, delta []float32, back []int8, out []int8) {
	if n == 0 {
		return
	}
	neg := float32(math.Inf(-1))
	for y := 0; y < nLabels; y++ {
		if allowed(start, y) {
			delta[y] = trans[start*nLabels+y] + sc[y]
		} else {
			delta[y] = neg
		}
	}
	// The BIO constraint unrolled: O and B-X (y 0, 1, 3, 5) may follow
	// any label, I-X (y 2, 4, 6) only B-X or I-X (y-1, y). Predecessors are
	// tried in increasing order, the first highest kept, as allowed's loop
	// did; one whose score is -Inf never wins (-Inf plus a weight is -Inf
	// or NaN, neither above best), so it needs no test.
	const _ = uint(nLabels-7) + uint(7-nLabels) // the unrolling is for seven labels
	var tr [nLabels][nLabels]float32            // tr[y][p] = trans[p*nLabels+y]
	for p := range nLabels {
		for y := range nLabels {
			tr[y][p] = trans[p*nLabels+y]
		}
	}
	for i := 1; i < n; i++ {
		prev := (*[nLabels]float32)(delta[(i-1)*nLabels : i*nLabels])
		cur := (*[nLabels]float32)(delta[i*nLabels : (i+1)*nLabels])
		s := (*[nLabels]float32)(sc[i*nLabels : (i+1)*nLabels])
		bk := (*[nLabels]int8)(back[i*nLabels : (i+1)*nLabels])
		for _, y := range [...]int{0, 1, 3, 5} {
			t := &tr[y]
			best, arg := neg, int8(0)
			for p := range nLabels {
				if v := prev[p] + t[p]; v > best {
					best, arg = v, int8(p)
				}
			}
			cur[y] = best + s[y]
			bk[y] = arg
		}
		for _, y := range [...]int{2, 4, 6} {
			t := &tr[y]
			best, arg := neg, int8(0)
			if v := prev[y-1] + t[y-1]; v > best {
				best, arg = v, int8(y-1)
			}
			if v := prev[y] + t[y]; v > best {
				best, arg = v, int8(y)
			}
			cur[y] = best + s[y]
			bk[y] = arg
		}
	}
	backtrace(delta, back, n, out)
}

// backtrace writes to out the labels of the best path whose scores are in
// delta and back pointers in back (nLabels per token, n tokens).
func backtrace(delta []float32, back []int8, n int, out []int8) {
	last := delta[(n-1)*nLabels : n*nLabels]
	best, arg := float32(math.Inf(-1)), int8(0)
	for y := 0; y < nLabels; y++ {
		if last[y] > best {
			best, arg = last[y], int8(y)
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*nLabels+int(out[i])]
	}
}

const magic = "DYADNER\x01"

// WriteTo writes the model, gzip-compressed, deterministically: the same
// model gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	le := binary.LittleEndian
	var b [binary.MaxVarintLen64]byte
	u32 := func(v uint32) { le.PutUint32(b[:4], v); bw.Write(b[:4]) }
	bw.WriteString(magic)
	u32(uint32(nLabels))
	for _, l := range labels {
		bw.WriteByte(byte(len(l)))
		bw.WriteString(l)
	}
	for _, v := range m.trans {
		u32(math.Float32bits(v))
	}
	// Features sorted by key; weights quantized to int16 with one scale.
	type kv struct {
		k uint64
		r int32
	}
	var fs []kv
	m.feats.each(func(k uint64, r int32) { fs = append(fs, kv{k, r}) })
	slices.SortFunc(fs, func(a, b kv) int {
		if a.k < b.k {
			return -1
		}
		if a.k > b.k {
			return 1
		}
		return 0
	})
	var maxAbs float32
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = maxAbs / 32767
	}
	u32(math.Float32bits(scale))
	u32(uint32(len(fs)))
	var prev uint64
	for _, f := range fs {
		// keys delta-encoded as uvarints: sorted hashes compress poorly otherwise
		n := binary.PutUvarint(b[:], f.k-prev)
		bw.Write(b[:n])
		prev = f.k
	}
	for _, f := range fs {
		row := m.w[int(f.r)*nLabels : int(f.r+1)*nLabels]
		for _, v := range row {
			q := int16(math.Round(float64(v / scale)))
			le.PutUint16(b[:2], uint16(q))
			bw.Write(b[:2])
		}
	}
	writeTable(bw, m.lex, func(v uint8) { bw.WriteByte(v) })
	var gt *table[uint16]
	if m.gaz != nil {
		gt = m.gaz.t
	}
	writeTable(bw, gt, func(v uint16) { le.PutUint16(b[:2], v); bw.Write(b[:2]) })
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

func writeTable[V any](bw *bufio.Writer, t *table[V], val func(V)) {
	var keys []uint64
	vals := map[uint64]V{}
	t.each(func(k uint64, v V) { keys = append(keys, k); vals[k] = v })
	slices.Sort(keys)
	var b [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(b[:], uint64(len(keys)))
	bw.Write(b[:n])
	var prev uint64
	for _, k := range keys {
		n := binary.PutUvarint(b[:], k-prev)
		bw.Write(b[:n])
		prev = k
	}
	for _, k := range keys {
		val(vals[k])
	}
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// ReadModel reads a model written by WriteTo. name is used in errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	m, _, err := decodeModel(r, false, false)
	if err != nil {
		return nil, fmt.Errorf("ner: read model %s: %w", name, err)
	}
	return m, nil
}

// readRecognizerModel reads a model written by WriteTo for a recognizer
// alone: the feature weights go straight from the file into the scorer
// (static: see hugemem.Static), and the model returned has no feature
// table or weight rows, only what newRecognizer keeps of it. The scorer
// holds each feature's full key, so it gives every feature the weights
// ReadModel's model would. This is Load's path: building and dropping
// the model's own feature table took about a third of loading the
// recogniser.
func readRecognizerModel(r io.Reader, name string, static bool) (*Model, *scorer, error) {
	m, sr, err := decodeModel(r, true, static)
	if err != nil {
		return nil, nil, fmt.Errorf("ner: read model %s: %w", name, err)
	}
	return m, sr, nil
}

const (
	maxEntries = 1 << 26
	// maxModel bounds the decompressed size of a model file.
	maxModel = 512 << 20
)

// decodeModel decompresses and decodes a model. With scorerOnly it
// returns the feature weights as a scorer and leaves the model's feats and
// w empty; otherwise the scorer is nil.
func decodeModel(r io.Reader, scorerOnly, static bool) (*Model, *scorer, error) {
	data, err := gunzip.ReadAll(r, maxModel)
	if err != nil {
		return nil, nil, err
	}
	return parseModel(&mreader{b: data}, scorerOnly, static)
}

// mreader reads a decompressed model from memory.
type mreader struct{ b []byte }

// next returns the next n bytes (a view of the buffer, not a copy).
func (r *mreader) next(n int) ([]byte, error) {
	if n < 0 || n > len(r.b) {
		r.b = r.b[len(r.b):]
		return nil, io.ErrUnexpectedEOF
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p, nil
}

// uvarint reads an unsigned varint, with binary.ReadUvarint's errors.
func (r *mreader) uvarint() (uint64, error) {
	x, n := binary.Uvarint(r.b)
	switch {
	case n > 0:
		r.b = r.b[n:]
		return x, nil
	case n < 0:
		return 0, errors.New("varint overflows a 64-bit integer")
	case len(r.b) == 0:
		return 0, io.EOF
	}
	return 0, io.ErrUnexpectedEOF
}

func parseModel(br *mreader, scorerOnly, static bool) (*Model, *scorer, error) {
	le := binary.LittleEndian
	hdr, err := br.next(len(magic))
	if err != nil || string(hdr) != magic {
		return nil, nil, errors.New("not a dyad NER model (bad magic)")
	}
	x, err := br.next(4)
	if err != nil {
		return nil, nil, err
	}
	if int(le.Uint32(x)) != nLabels {
		return nil, nil, fmt.Errorf("model has %d labels, want %d", le.Uint32(x), nLabels)
	}
	for _, want := range labels {
		n, err := br.next(1)
		if err != nil {
			return nil, nil, err
		}
		l, err := br.next(int(n[0]))
		if err != nil {
			return nil, nil, err
		}
		if string(l) != want {
			return nil, nil, fmt.Errorf("model label %q, want %q", l, want)
		}
	}
	m := &Model{}
	for i := range m.trans {
		x, err := br.next(4)
		if err != nil {
			return nil, nil, err
		}
		m.trans[i] = math.Float32frombits(le.Uint32(x))
	}
	if x, err = br.next(4); err != nil {
		return nil, nil, err
	}
	scale := math.Float32frombits(le.Uint32(x))
	if x, err = br.next(4); err != nil {
		return nil, nil, err
	}
	nf := int(le.Uint32(x))
	if nf > maxEntries {
		return nil, nil, fmt.Errorf("too many features (%d)", nf)
	}
	keys, err := readKeys(br, nf)
	if err != nil {
		return nil, nil, err
	}
	raw, err := br.next(nf * nLabels * 2)
	if err != nil {
		return nil, nil, err
	}
	var sr *scorer
	if scorerOnly {
		sr = newScorerFrom(keys, raw, scale, static)
	} else {
		m.feats = newTable[int32](nf)
		m.w = make([]float32, nf*nLabels)
		for i, k := range keys {
			m.feats.put(k, int32(i))
		}
		for i := range m.w {
			m.w[i] = float32(int16(le.Uint16(raw[2*i:]))) * scale
		}
	}
	if m.lex, err = readTable(br, 1, func(p []byte) uint8 { return p[0] }); err != nil {
		return nil, nil, fmt.Errorf("lexicon: %w", err)
	}
	gt, err := readTable(br, 2, func(p []byte) uint16 { return le.Uint16(p) })
	if err != nil {
		return nil, nil, fmt.Errorf("gazetteer: %w", err)
	}
	m.gaz = &gazetteer{t: gt}
	return m, sr, nil
}

func readKeys(br *mreader, n int) ([]uint64, error) {
	// Every key takes at least a byte: a count beyond the bytes left is
	// an error before anything is allocated for it.
	if n > len(br.b) {
		return nil, io.ErrUnexpectedEOF
	}
	keys := make([]uint64, n)
	var prev uint64
	for i := range keys {
		d, err := br.uvarint()
		if err != nil {
			return nil, err
		}
		prev += d
		keys[i] = prev
	}
	return keys, nil
}

func readTable[V any](br *mreader, size int, val func([]byte) V) (*table[V], error) {
	n, err := br.uvarint()
	if err != nil {
		return nil, err
	}
	if n > maxEntries {
		return nil, fmt.Errorf("too many entries (%d)", n)
	}
	keys, err := readKeys(br, int(n))
	if err != nil {
		return nil, err
	}
	raw, err := br.next(int(n) * size)
	if err != nil {
		return nil, err
	}
	t := newTable[V](int(n))
	for i, k := range keys {
		t.put(k, val(raw[i*size:(i+1)*size]))
	}
	return t, nil
}
