package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/dyad-events/dyad/internal/gunzip"
)

// Model is a trained tagger and lemmatizer: the perceptron's averaged and
// quantised weights, the ambiguity-class dictionary and the lemmatizer's
// rules. A Model is immutable; New turns it into a Tagger.
type Model struct {
	classes []class  // joint (UPOS, XPOS) tags, by class id
	keys    []uint32 // feature keys, strictly increasing
	off     []uint32 // entries of feature k: off[k]..off[k+1]
	cls     []uint8  // entry class
	w       []int16  // entry weight

	ambigSets  []string // XPOS sets, space separated
	ambigWords []string // lowercase words, strictly increasing
	ambigOf    []uint16 // index into ambigSets per word

	lemma lemmaModel
}

type class struct{ upos, xpos string }

type lemmaModel struct {
	scripts  []script   // scripts[0] is the identity
	caseKeep []caseRule // (XPOS, shape) pairs whose lemmas keep the word's capitals
	exact    []lexEntry // by word form and XPOS
	lower    []lexEntry // by lowercase form and XPOS
	suffix   []lexEntry // by lowercase suffix and XPOS
}

// script turns a base form into a lemma: drop strip bytes, append add.
type script struct {
	strip int
	add   string
}

type caseRule struct {
	xpos  string
	shape uint8
}

type lexEntry struct {
	text, xpos string
	script     uint16
}

// Stats describes a model's size.
type Stats struct {
	Classes, Features, Weights int
	AmbigWords, Scripts        int
	ExactLemmas, LowerLemmas   int
	SuffixRules                int
}

// Stats returns the model's size in features, weights and rules.
func (m *Model) Stats() Stats {
	return Stats{
		Classes: len(m.classes), Features: len(m.keys), Weights: len(m.w),
		AmbigWords: len(m.ambigWords), Scripts: len(m.lemma.scripts),
		ExactLemmas: len(m.lemma.exact), LowerLemmas: len(m.lemma.lower), SuffixRules: len(m.lemma.suffix),
	}
}

const modelMagic = "dyad-tag 1\n"

// Limits that keep a corrupt or hostile model file from asking for absurd
// allocations before its bytes run out.
const (
	maxStr   = 1 << 16
	maxModel = 512 << 20 // decompressed bytes
	maxCount = 1 << 26
)

// WriteTo writes the model, gzip-compressed, to w. The same model always
// gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, err
	}
	bw := bufio.NewWriterSize(zw, 64<<10)
	e := &encoder{w: bw}
	e.raw(modelMagic)
	e.uint(uint64(len(m.classes)))
	for _, c := range m.classes {
		e.str(c.upos)
		e.str(c.xpos)
	}
	e.uint(uint64(len(m.keys)))
	prev := uint32(0)
	for _, k := range m.keys {
		e.uint(uint64(k - prev))
		prev = k
	}
	for k := range m.keys {
		e.uint(uint64(m.off[k+1] - m.off[k]))
	}
	for _, c := range m.cls {
		e.byte(c)
	}
	for _, x := range m.w {
		e.int(int64(x))
	}
	e.strs(m.ambigSets)
	e.strs(m.ambigWords)
	for _, a := range m.ambigOf {
		e.uint(uint64(a))
	}
	l := &m.lemma
	e.uint(uint64(len(l.scripts)))
	for _, s := range l.scripts {
		e.uint(uint64(s.strip))
		e.str(s.add)
	}
	e.uint(uint64(len(l.caseKeep)))
	for _, c := range l.caseKeep {
		e.str(c.xpos)
		e.byte(c.shape)
	}
	for _, lex := range [][]lexEntry{l.exact, l.lower, l.suffix} {
		e.uint(uint64(len(lex)))
		for _, x := range lex {
			e.str(x.text)
			e.str(x.xpos)
			e.uint(uint64(x.script))
		}
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	return cw.n, e.err
}

// ReadModel reads a model written by WriteTo. name is used in errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	data, err := gunzip.ReadAll(r, maxModel)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", name, err)
	}
	m, err := decodeModel(data)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", name, err)
	}
	return m, nil
}

// decodeModel decodes a decompressed model. Slices are sized up front
// from their counts, bounded by the bytes left (every entry takes one at
// least), so that a corrupt count cannot make it allocate more than the
// file's size.
func decodeModel(data []byte) (*Model, error) {
	if !bytes.HasPrefix(data, []byte(modelMagic)) {
		return nil, errors.New("not a dyad tagger model (bad magic)")
	}
	d := &decoder{b: data[len(modelMagic):]}
	m := &Model{}
	n := d.count()
	if n > 255 {
		return nil, fmt.Errorf("%d classes, at most 255 allowed", n)
	}
	for i := 0; i < n && d.err == nil; i++ {
		m.classes = append(m.classes, class{d.str(), d.str()})
	}
	n = d.count()
	m.keys = make([]uint32, 0, min(n, len(d.b)))
	prev := uint64(0)
	for i := 0; i < n && d.err == nil; i++ {
		k := prev + d.uint()
		if k > math.MaxUint32 || (i > 0 && k == prev) || k == 0 {
			return nil, fmt.Errorf("feature %d: key not increasing", i)
		}
		m.keys = append(m.keys, uint32(k))
		prev = k
	}
	m.off = make([]uint32, 1, len(m.keys)+1)
	total := uint64(0)
	for i := 0; i < len(m.keys) && d.err == nil; i++ {
		total += d.uint()
		if total > maxCount {
			return nil, fmt.Errorf("too many weights")
		}
		m.off = append(m.off, uint32(total))
	}
	if d.err != nil {
		return nil, d.err
	}
	m.cls = make([]uint8, 0, min(int(total), len(d.b)))
	for i := 0; i < int(total) && d.err == nil; i++ {
		c := d.byte()
		if int(c) >= len(m.classes) {
			return nil, fmt.Errorf("weight %d: class %d out of range", i, c)
		}
		m.cls = append(m.cls, c)
	}
	m.w = make([]int16, 0, min(int(total), len(d.b)))
	for i := 0; i < int(total) && d.err == nil; i++ {
		x := d.int()
		if x < math.MinInt16 || x > math.MaxInt16 {
			return nil, fmt.Errorf("weight %d out of range", i)
		}
		m.w = append(m.w, int16(x))
	}
	m.ambigSets = d.strs()
	m.ambigWords = d.strs()
	for i := range m.ambigWords {
		if d.err != nil {
			break
		}
		a := d.uint()
		if a >= uint64(len(m.ambigSets)) {
			return nil, fmt.Errorf("ambiguity word %d: set %d out of range", i, a)
		}
		m.ambigOf = append(m.ambigOf, uint16(a))
	}
	l := &m.lemma
	n = d.count()
	for i := 0; i < n && d.err == nil; i++ {
		s := script{strip: d.count(), add: d.str()}
		l.scripts = append(l.scripts, s)
	}
	n = d.count()
	for i := 0; i < n && d.err == nil; i++ {
		l.caseKeep = append(l.caseKeep, caseRule{xpos: d.str(), shape: d.byte()})
	}
	for _, lex := range []*[]lexEntry{&l.exact, &l.lower, &l.suffix} {
		n = d.count()
		for i := 0; i < n && d.err == nil; i++ {
			x := lexEntry{text: d.str(), xpos: d.str()}
			s := d.uint()
			if s >= uint64(len(l.scripts)) {
				return nil, fmt.Errorf("lemma rule %q: script %d out of range", x.text, s)
			}
			x.script = uint16(s)
			*lex = append(*lex, x)
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if len(d.b) != 0 {
		return nil, errors.New("trailing data after model")
	}
	return m, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}
func (e *encoder) byte(b byte) {
	if e.err == nil {
		e.err = e.w.WriteByte(b)
	}
}
func (e *encoder) uint(x uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendUvarint(e.buf[:0], x))
	}
}
func (e *encoder) int(x int64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendVarint(e.buf[:0], x))
	}
}
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.raw(s)
}
func (e *encoder) strs(ss []string) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// decoder reads a decompressed model from memory; the first error sticks
// and later reads return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		d.err = err
	}
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	if len(d.b) == 0 {
		d.fail(io.ErrUnexpectedEOF)
		return 0
	}
	b := d.b[0]
	d.b = d.b[1:]
	return b
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(varintErr(n))
		return 0
	}
	d.b = d.b[n:]
	return x
}

func (d *decoder) int() int64 {
	if d.err != nil {
		return 0
	}
	x, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail(varintErr(n))
		return 0
	}
	d.b = d.b[n:]
	return x
}

// varintErr is the error of binary.Uvarint or Varint returning n <= 0.
func varintErr(n int) error {
	if n == 0 {
		return io.ErrUnexpectedEOF
	}
	return errors.New("varint overflows a 64-bit integer")
}

func (d *decoder) count() int {
	x := d.uint()
	if x > maxCount {
		d.fail(fmt.Errorf("count %d too large", x))
		return 0
	}
	return int(x)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil {
		return ""
	}
	if n > maxStr {
		d.fail(fmt.Errorf("string of %d bytes too long", n))
		return ""
	}
	if n > uint64(len(d.b)) {
		d.fail(io.ErrUnexpectedEOF)
		return ""
	}
	str := string(d.b[:n])
	d.b = d.b[n:]
	return str
}

func (d *decoder) strs() []string {
	n := d.count()
	var out []string
	for i := 0; i < n && d.err == nil; i++ {
		out = append(out, d.str())
	}
	return out
}
