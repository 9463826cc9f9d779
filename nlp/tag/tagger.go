package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/internal/hugemem"
	"github.com/dyad-events/dyad/nlp"
)

// ModelFile is the embedded model's file name under nlp/tag/model.
const ModelFile = "en_ewt.tag.gz"

//go:embed model/en_ewt.tag.gz
var embedded []byte

var loadEmbedded = sync.OnceValues(func() (*Tagger, error) {
	m, err := ReadModel(bytes.NewReader(embedded), "embedded "+ModelFile)
	if err != nil {
		return nil, err
	}
	return newTagger(m, true)
})

// Load returns the tagger for the embedded model (UD English EWT). It is
// built on the first call; later calls return the same Tagger.
func Load() (*Tagger, error) { return loadEmbedded() }

// Tagger tags and lemmatizes sentences with a Model. It is immutable and
// safe for concurrent use.
type Tagger struct {
	m        *Model
	upos     []string // per class
	xpos     []string // per class
	xposID   []uint8  // per class: index into xposName
	xposName []string
	vbd      int // the class VERB/VBD, -1 if the model has none
	// presentID are the XPOS ids of VB and VBP, pastID those of VBD and
	// VBN (-1: not in the model): see scriptFor.
	presentID, pastID [2]int
	nnp               int      // the class PROPN/NNP, -1 if the model has none
	rules             []int    // per ctxRules entry: the class it gives, -1 if the model has none
	ruleMask          []uint32 // per class: the ctxRules that may retag a word of it (bit r: ctxRules[r])

	// wordTags holds, per known word (known.row), the XPOS tags of its
	// ambiguity class as a bit set; xposBit gives each XPOS tag's bit
	// (1<<its xposName index). Both are nil when there are more than 64
	// XPOS tags, and then no context rule fires on a known word.
	wordTags []uint64
	xposBit  map[string]uint64

	// feature table: open addressing over the model's keys. A slot holds
	// key<<32 | start<<7 | n, 0 when empty: the feature's n weights are
	// ent[start:start+n], each class<<16 | uint16(weight); n == denseRow
	// marks a dense row, dense[start*nPairs:][:nPairs] (see pair). Key,
	// place and length in one word and packed entries keep a lookup to
	// two cache lines.
	slots    []uint64
	mask     uint32
	ent      []uint32
	dense    []int64
	nClasses int
	nPairs   int // (nClasses+1)/2: the length of a score row

	ambig knownTable // lowercase-form hash -> what the training data knew of it

	// Precomputed score rows (nPairs each): tagRows[(p1*(nClasses+1)+p2)]
	// sums tagFeatures; wordRows holds, for each known word (known.row),
	// wordRoles rows: the sums of its lowerFeatures, prevFeatures,
	// nextFeatures and next2Features.
	tagRows  []int64
	wordRows []int64
	zeroRow  []int64 // nPairs zeros, for a word with no row

	scripts   []script
	keep      [][nShapes]bool // per XPOS id
	exact     lexMap          // (form hash, XPOS id) -> script
	lower     lexMap          // (lowercase hash, XPOS id) -> script
	suffix    lexMap          // (suffix hash, XPOS id) -> script
	maxSuffix int

	pool sync.Pool
}

// A feature row with more than nClasses/denseShare weights is kept dense.
const (
	denseShare = 4
	denseRow   = 0x7f
)

// scratch is the per-call working memory, pooled.
type scratch struct {
	info   []tokInfo
	low    []byte
	lowOff []int32 // token i's lowercase form is low[lowOff[i]:lowOff[i+1]]
	feats  []uint32
	scores []int64 // pairs of class scores, see pair
	cls    []uint8
	rows   []int32 // wordRows row of each token, -1 for unknown words
	lem    []byte
	lemTok []lemRef
	rules  ruleSent

	// A cache of shapeFeatures' sums (nPairs each), by shapeKey, direct
	// mapped: five of a token's lookups, most of them dense rows, become
	// one row most of the time (83% of EWT dev's tokens).
	shapeKeys [shapeSlots]shapeKey
	shapeOK   [shapeSlots]bool
	shapeRows []int64
}

const shapeSlots = 128 // a power of two

// Roles of a known word's precomputed rows.
const (
	roleSelf = iota
	rolePrev
	roleNext
	roleNext2
	wordRoles
	nRows = wordRoles + 1 // the rows predict sums: the word rows and the shape row
)

// rowAt returns rows[i], or -1 outside the sentence.
func rowAt(rows []int32, i int) int32 {
	if i < 0 || i >= len(rows) {
		return -1
	}
	return rows[i]
}

// known is a lowercase word of the training data: its ambiguity class hash
// and its row in Tagger.wordRows.
type known struct {
	ambig uint64
	row   int32
}

// knownTable maps a lowercase form's hash to what the training data knew
// of the word: open addressing with linear probing, 16 bytes a slot, so
// that a lookup is mostly one cache line (a Go map took two or three, and
// 6-10% of tagging time).
type knownTable struct {
	slots   []knownSlot // a power of two, at least twice the words
	shift   uint        // 64 - log2(len(slots))
	setHash []uint64    // ambiguity class hash by set index
}

type knownSlot struct {
	key uint64
	row int32 // row in Tagger.wordRows + 1; 0 marks an empty slot
	set uint32
}

func newKnownTable(words int, setHash []uint64) knownTable {
	bits := uint(1)
	for 1<<bits < 2*words {
		bits++
	}
	return knownTable{slots: make([]knownSlot, 1<<bits), shift: 64 - bits, setHash: setHash}
}

// set records that the word with hash h has row row and ambiguity set
// set, replacing what an earlier word with the same hash recorded (as a
// map assignment would).
func (k *knownTable) set(h uint64, row int32, set uint16) {
	mask := uint64(len(k.slots) - 1)
	for i := h * golden >> k.shift; ; i = (i + 1) & mask {
		if s := &k.slots[i]; s.row == 0 || s.key == h {
			*s = knownSlot{key: h, row: row + 1, set: uint32(set)}
			return
		}
	}
}

// get returns what the training data knew of the word with hash h.
func (k *knownTable) get(h uint64) (known, bool) {
	mask := uint64(len(k.slots) - 1)
	for i := h * golden >> k.shift; ; i = (i + 1) & mask {
		s := &k.slots[i]
		if s.row == 0 {
			return known{}, false
		}
		if s.key == h {
			return known{k.setHash[s.set], s.row - 1}, true
		}
	}
}

type lemRef struct{ tok, start, end int32 }

func lexKey(h uint64, xpos uint8) uint64 { return fmix(h ^ uint64(xpos+1)*golden) }

// New builds a Tagger for m.
func New(m *Model) (*Tagger, error) { return newTagger(m, false) }

// newTagger builds a Tagger whose tables are static (see hugemem.Static)
// when it is the embedded one, kept for the process.
func newTagger(m *Model, static bool) (*Tagger, error) {
	if len(m.classes) == 0 {
		return nil, fmt.Errorf("tag: model has no classes")
	}
	if len(m.off) != len(m.keys)+1 || int(m.off[len(m.keys)]) != len(m.w) || len(m.w) != len(m.cls) {
		return nil, fmt.Errorf("tag: model weights inconsistent")
	}
	if len(m.ambigOf) != len(m.ambigWords) {
		return nil, fmt.Errorf("tag: model ambiguity dictionary inconsistent")
	}
	t := &Tagger{m: m, vbd: -1, nnp: -1}
	xid := map[string]uint8{}
	for i, c := range m.classes {
		if c.upos == "VERB" && c.xpos == "VBD" {
			t.vbd = i
		}
		if c.upos == "PROPN" && c.xpos == "NNP" {
			t.nnp = i
		}
		t.upos = append(t.upos, c.upos)
		t.xpos = append(t.xpos, c.xpos)
		id, ok := xid[c.xpos]
		if !ok {
			id = uint8(len(t.xposName))
			xid[c.xpos] = id
			t.xposName = append(t.xposName, c.xpos)
		}
		t.xposID = append(t.xposID, id)
	}
	t.presentID, t.pastID = [2]int{-1, -1}, [2]int{-1, -1}
	for i, name := range t.xposName {
		switch name {
		case "VB":
			t.presentID[0] = i
		case "VBP":
			t.presentID[1] = i
		case "VBD":
			t.pastID[0] = i
		case "VBN":
			t.pastID[1] = i
		}
	}
	if len(m.w) >= 1<<25 {
		return nil, fmt.Errorf("tag: model has %d weights, at most %d supported", len(m.w), 1<<25)
	}
	size := 1
	for size < len(m.keys)+len(m.keys)/2+2 {
		size <<= 1
	}
	t.slots = hugemem.Make[uint64](size, static)
	t.mask = uint32(size - 1)
	t.nClasses = len(m.classes)
	t.nPairs = (t.nClasses + 1) / 2
	t.zeroRow = make([]int64, t.nPairs)
	isDense := func(i int) bool {
		n := int(m.off[i+1] - m.off[i])
		return n > t.nClasses/denseShare || n >= denseRow
	}
	nEnt, nDense := 0, 0
	for i := range m.keys {
		if isDense(i) {
			nDense += t.nPairs
		} else {
			nEnt += int(m.off[i+1] - m.off[i])
		}
	}
	t.ent = hugemem.Make[uint32](nEnt, static)[:0]
	t.dense = hugemem.Make[int64](nDense, static)[:0]
	for i, k := range m.keys {
		var place uint32
		if isDense(i) {
			place = uint32(len(t.dense)/t.nPairs)<<7 | denseRow
			base := len(t.dense)
			t.dense = t.dense[:base+t.nPairs]
			for e := m.off[i]; e < m.off[i+1]; e++ {
				// set, not add: a class listed twice keeps its last
				// weight in a dense row, as it always has
				d := &t.dense[base+int(m.cls[e]>>1)]
				lo, hi := unpair(*d)
				if m.cls[e]&1 == 0 {
					lo = int32(m.w[e])
				} else {
					hi = int32(m.w[e])
				}
				*d = int64(hi)<<32 + int64(lo)
			}
		} else {
			place = uint32(len(t.ent))<<7 | (m.off[i+1] - m.off[i])
			for e := m.off[i]; e < m.off[i+1]; e++ {
				t.ent = append(t.ent, uint32(m.cls[e])<<16|uint32(uint16(m.w[e])))
			}
		}
		j := k & t.mask
		for t.slots[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = uint64(k)<<32 | uint64(place)
	}
	nc, np := t.nClasses, t.nPairs
	setHash := make([]uint64, len(m.ambigSets))
	for i, s := range m.ambigSets {
		setHash[i] = fnvString(s) | 1
	}
	t.ambig = newKnownTable(len(m.ambigWords), setHash)
	fs := make([]uint32, 0, maxFeatures)
	t.wordRows = hugemem.Make[int64](len(m.ambigWords)*wordRoles*np, static)
	for i, w := range m.ambigWords {
		var ti tokInfo
		wordHashes(&ti, []byte(w))
		ti.ambig = setHash[m.ambigOf[i]]
		t.ambig.set(ti.lower, int32(i), m.ambigOf[i])
		r := t.wordRows[i*wordRoles*np:]
		t.sum(lowerFeatures(fs[:0], &ti), r[roleSelf*np:][:np])
		t.sum(prevFeatures(fs[:0], &ti), r[rolePrev*np:][:np])
		t.sum(nextFeatures(fs[:0], &ti), r[roleNext*np:][:np])
		t.sum(next2Features(fs[:0], &ti), r[roleNext2*np:][:np])
	}
	t.tagRows = hugemem.Make[int64]((nc+1)*(nc+1)*np, static)
	for p1 := 0; p1 <= nc; p1++ {
		for p2 := 0; p2 <= nc; p2++ {
			t.sum(tagFeatures(fs[:0], uint64(p1), uint64(p2)), t.tagRows[(p1*(nc+1)+p2)*np:][:np])
		}
	}
	if err := t.checkScoreRange(); err != nil {
		return nil, err
	}
	l := &m.lemma
	if len(l.scripts) == 0 || l.scripts[0] != (script{}) {
		return nil, fmt.Errorf("tag: model lemma scripts do not start with the identity")
	}
	t.scripts = l.scripts
	t.keep = make([][nShapes]bool, len(t.xposName))
	for _, c := range l.caseKeep {
		id, ok := xid[c.xpos]
		if !ok || c.shape >= nShapes {
			return nil, fmt.Errorf("tag: model case rule for unknown tag %q/%d", c.xpos, c.shape)
		}
		t.keep[id][c.shape] = true
	}
	build := func(lex []lexEntry, what string) (lexMap, error) {
		out := lexMap{m: make(map[uint64]uint16, len(lex))}
		for _, e := range lex {
			id, ok := xid[e.xpos]
			if !ok {
				return lexMap{}, fmt.Errorf("tag: model %s lemma rule %q for unknown tag %q", what, e.text, e.xpos)
			}
			k := lexKey(fnvString(e.text), id)
			out.m[k] = e.script
			out.seen[k>>6%uint64(len(out.seen))] |= 1 << (k & 63)
		}
		return out, nil
	}
	var err error
	if t.exact, err = build(l.exact, "exact"); err != nil {
		return nil, err
	}
	if t.lower, err = build(l.lower, "lowercase"); err != nil {
		return nil, err
	}
	if t.suffix, err = build(l.suffix, "suffix"); err != nil {
		return nil, err
	}
	for _, e := range l.suffix {
		t.maxSuffix = max(t.maxSuffix, len(e.text))
	}
	t.resolveRules()
	t.pool.New = func() any {
		// capacity 128: predict indexes it by class byte / 2 without bounds checks
		return &scratch{scores: make([]int64, np, 128), feats: make([]uint32, 0, maxFeatures), shapeRows: make([]int64, shapeSlots*np)}
	}
	return t, nil
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// TagDoc tags and lemmatizes every sentence of d.
func (t *Tagger) TagDoc(d *nlp.Doc) {
	sc := t.pool.Get().(*scratch)
	for i := range d.Sentences {
		t.tag(&d.Sentences[i], sc)
	}
	t.pool.Put(sc)
}

// Tag fills POS, XPOS and Lemma of every token of s.
func (t *Tagger) Tag(s *nlp.Sentence) {
	sc := t.pool.Get().(*scratch)
	t.tag(s, sc)
	t.pool.Put(sc)
}

// prepare fills sc.info and sc.low for the token texts.
func (t *Tagger) prepare(sc *scratch, n int, text func(i int) string) []tokInfo {
	if cap(sc.info) < n+4 {
		sc.info = make([]tokInfo, n+4)
		sc.lowOff = make([]int32, n+1)
		sc.cls = make([]uint8, n)
		sc.rows = make([]int32, n)
	}
	info := sc.info[:n+4]
	sc.lowOff = sc.lowOff[:n+1]
	padInfo(&info[0], hStart)
	padInfo(&info[1], hStart)
	padInfo(&info[n+2], hEnd)
	padInfo(&info[n+3], hEnd)
	sc.low = sc.low[:0]
	for i := 0; i < n; i++ {
		sc.lowOff[i] = int32(len(sc.low))
		sc.low = analyze(&info[i+2], text(i), i == 0, sc.low)
	}
	sc.lowOff[n] = int32(len(sc.low))
	return info
}

func (t *Tagger) tag(s *nlp.Sentence, sc *scratch) {
	toks := s.Tokens
	n := len(toks)
	if n == 0 {
		return
	}
	info, rows, cls := t.greedy(sc, n, func(i int) string { return toks[i].Text })
	for i, c := range cls {
		toks[i].POS, toks[i].XPOS = t.upos[c], t.xpos[c]
	}
	t.nameFix(toks, cls, rows)
	t.contextFix(&sc.rules, toks, cls, rows)
	t.finiteFix(toks, cls)
	sc.lem = sc.lem[:0]
	sc.lemTok = sc.lemTok[:0]
	for i := 0; i < n; i++ {
		low := sc.low[sc.lowOff[i]:sc.lowOff[i+1]]
		toks[i].Lemma = t.lemmatize(sc, int32(i), toks[i].Text, low, &info[i+2], t.lemmaXPOS(cls[i], rowAt(rows, i)))
	}
	if len(sc.lem) > 0 {
		all := string(sc.lem)
		for _, r := range sc.lemTok {
			toks[r.tok].Lemma = all[r.start:r.end]
		}
	}
}

// greedy analyzes the n token texts and tags them left to right, before
// any rule: it returns the tokens' hashes (with two padding entries on
// each side), their wordRows rows (-1: unknown word) and their classes,
// all in sc.
func (t *Tagger) greedy(sc *scratch, n int, text func(i int) string) (info []tokInfo, rows []int32, cls []uint8) {
	info = t.prepare(sc, n, text)
	rows = sc.rows[:n]
	for i := range rows {
		k, ok := t.ambig.get(info[i+2].lower)
		info[i+2].ambig = k.ambig
		rows[i] = -1
		if ok {
			rows[i] = k.row
		}
	}
	cls = sc.cls[:n]
	nc, np := t.nClasses, t.nPairs
	p1, p2 := uint64(0), uint64(0)
	for i := 0; i < n; i++ {
		fs := sc.feats[:0]
		var wr [nRows][]int64
		if r := int(rows[i]); r >= 0 {
			wr[roleSelf] = t.wordRows[(r*wordRoles+roleSelf)*np:][:np]
		} else {
			fs = lowerFeatures(fs, &info[i+2])
		}
		if r := int(rowAt(rows, i-1)); r >= 0 {
			wr[rolePrev] = t.wordRows[(r*wordRoles+rolePrev)*np:][:np]
		} else {
			fs = prevFeatures(fs, &info[i+1])
		}
		if r := int(rowAt(rows, i+1)); r >= 0 {
			wr[roleNext] = t.wordRows[(r*wordRoles+roleNext)*np:][:np]
		} else {
			fs = nextFeatures(fs, &info[i+3])
		}
		if r := int(rowAt(rows, i+2)); r >= 0 {
			wr[roleNext2] = t.wordRows[(r*wordRoles+roleNext2)*np:][:np]
		} else {
			fs = next2Features(fs, &info[i+4])
		}
		wr[wordRoles] = t.shapeRow(sc, shapeKeyAt(info, i+2))
		sc.feats = restFeatures(fs, info, i+2, p1)
		c := t.predict(sc.feats, sc.scores, t.tagRows[(int(p1)*(nc+1)+int(p2))*np:][:np], &wr)
		cls[i] = c
		p2, p1 = p1, uint64(c)+1
	}
	return info, rows, cls
}

// nameFix tags an unknown capitalised word opening a sentence as a proper
// noun when the tagger made it a function word, adverb or adjective right
// before a verb:
// there the capital says nothing, and a word the training data never saw
// is most often a name ("Benin opened its borders" read Benin as ADV).
func (t *Tagger) nameFix(toks []nlp.Token, cls []uint8, rows []int32) {
	if t.nnp < 0 || len(toks) < 2 || rows[0] >= 0 {
		return
	}
	w := toks[0].Text
	if w == "" || w[0] < 'A' || w[0] > 'Z' || strings.ToUpper(w) == w {
		return
	}
	if p := toks[1].POS; p != "VERB" && p != "AUX" {
		return // only in the subject's place, right before the verb
	}
	switch toks[0].POS {
	case "ADV", "ADJ", "ADP", "DET", "SCONJ", "CCONJ", "INTJ":
		cls[0] = uint8(t.nnp)
		toks[0].POS, toks[0].XPOS = t.upos[t.nnp], t.xpos[t.nnp]
	}
}

// finiteFix gives a sentence with no finite verb one: the greedy tagger
// reads a past tense right after a plural subject as a participle
// ("Prisoners rioted at a jail", "Farmers blocked roads" tagged VBN), so a
// clause is left with no verb. When no token is VBD, VBZ, VBP or MD, the
// first VBN that follows a noun or pronoun with no auxiliary or "to"
// before it becomes VBD. A participle right after the name that opens a
// sentence and before its object is a past tense too.
func (t *Tagger) finiteFix(toks []nlp.Token, cls []uint8) {
	if t.vbd < 0 {
		return
	}
	// "Serbia eased emergency measures ...", "Israeli tanks shelled the
	// town ...": a name or plural noun phrase opening the sentence, then a
	// participle with an object, is a subject and its past tense.
	n := 0
	for n < len(toks) && n < 5 {
		p := toks[n].POS
		if p != "PROPN" && p != "NOUN" && p != "ADJ" && p != "DET" && p != "NUM" {
			break
		}
		n++
	}
	if n > 0 && (toks[n-1].XPOS == "NNP" || toks[n-1].XPOS == "NNPS" || toks[n-1].XPOS == "NNS") &&
		n+1 < len(toks) && toks[n].XPOS == "VBN" {
		switch toks[n+1].POS {
		case "DET", "ADJ", "NOUN", "NUM", "PROPN":
			cls[n] = uint8(t.vbd)
			toks[n].POS, toks[n].XPOS = t.upos[t.vbd], t.xpos[t.vbd]
			return
		}
	}
	for i := range toks {
		switch toks[i].XPOS {
		case "VBD", "VBZ", "VBP", "MD":
			return
		}
	}
	for i := 1; i < len(toks); i++ {
		if toks[i].XPOS != "VBN" {
			continue
		}
		if p := toks[i-1].POS; p != "NOUN" && p != "PROPN" && p != "PRON" {
			return
		}
		for j := 0; j < i; j++ {
			if p := toks[j].POS; p == "AUX" || p == "VERB" || p == "PART" && toks[j].XPOS == "TO" {
				return
			}
		}
		cls[i] = uint8(t.vbd)
		toks[i].POS, toks[i].XPOS = t.upos[t.vbd], t.xpos[t.vbd]
		return
	}
}

// Scores are kept two classes to a word: a pair holds the scores lo and hi
// of classes 2k and 2k+1 as the int64 hi<<32 + lo. Adding pairs adds both
// scores in one integer addition (a carry out of lo moves into hi, and
// unpair takes it back), so summing rows costs half the additions it
// would with one score per word. The result is exact as long as every
// partial sum of lo fits in an int32, which checkScoreRange proves of the
// model when the Tagger is built.

// addPair adds w to class c's score in the pair row row.
func addPair(row []int64, c uint8, w int16) {
	row[c>>1] += int64(w) << (c & 1 * 32)
}

// unpair returns the scores of the two classes of pair x.
func unpair(x int64) (lo, hi int32) {
	lo = int32(x)
	return lo, int32((x - int64(lo)) >> 32)
}

// checkScoreRange makes sure that no sum predict forms can leave the
// int32 range, where pairs would no longer be exact: the bound is the
// largest tag row and word rows plus maxFeatures of the largest weight.
func (t *Tagger) checkScoreRange() error {
	maxAbs := func(rows []int64) int64 {
		m := int64(0)
		for _, x := range rows {
			lo, hi := unpair(x)
			m = max(m, abs64(int64(lo)), abs64(int64(hi)))
		}
		return m
	}
	bound := maxAbs(t.tagRows) + wordRoles*maxAbs(t.wordRows) + maxFeatures*(1<<15)
	if bound > 1<<31-1 {
		return fmt.Errorf("tag: model scores may reach %d, beyond the int32 range", bound)
	}
	return nil
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// predict returns the best class for the features fs on top of the
// precomputed rows base and word (nil ones skipped).
func (t *Tagger) predict(fs []uint32, scores, base []int64, word *[nRows][]int64) uint8 {
	np := t.nPairs
	scores = scores[:np]
	// base and the four word rows in one pass (a missing row reads as
	// zeros): the sums are of integers, so their order does not matter.
	r := *word
	for i := range r {
		if r[i] == nil {
			r[i] = t.zeroRow
		}
	}
	var _ [nRows - 5]struct{} // five rows, as below
	var _ [5 - nRows]struct{}
	b, r0, r1, r2, r3, r4 := base[:np], r[0][:np], r[1][:np], r[2][:np], r[3][:np], r[4][:np]
	all := (*[128]int64)(scores[:128]) // see scratch: no bounds checks by class byte / 2
	// Load every feature's first slot before using any, and before the
	// rows are summed, so that the cache misses overlap with each other and
	// with the rows'.
	var first [maxFeatures]uint64
	fs = fs[:min(len(fs), maxFeatures)]
	for i, k := range fs {
		first[i] = t.slots[k&t.mask]
	}
	for c := range scores {
		scores[c] = b[c] + r0[c] + r1[c] + r2[c] + r3[c] + r4[c]
	}
	// Then find each feature's place, and load the first entry of every
	// sparse one before adding any, for the same reason: when the tables
	// are out of the cache, as between the other stages of the pipeline,
	// these loads are most of the tagger's time.
	var place [maxFeatures]uint32
	var head [maxFeatures]uint32
	m := 0
	for i, k := range fs {
		s := first[i]
		for j := k & t.mask; uint32(s>>32) != k; {
			if s == 0 {
				break
			}
			j = (j + 1) & t.mask
			s = t.slots[j]
		}
		if s != 0 {
			place[m] = uint32(s)
			m++
		}
	}
	for i, p := range place[:m] {
		if p&0x7f != denseRow {
			head[i] = t.ent[p>>7]
		}
	}
	for i, p := range place[:m] {
		start, n := int(p>>7), int(p&0x7f)
		if n == denseRow {
			addRow(scores, t.dense[start*np:start*np+np])
			continue
		}
		e := head[i]
		all[e>>17&127] += int64(int16(e)) << (e >> 11 & 32)
		for _, e := range t.ent[start+1 : start+n] {
			all[e>>17&127] += int64(int16(e)) << (e >> 11 & 32)
		}
	}
	return uint8(argmax(scores, t.nClasses))
}

// shapeRow returns the sum of shapeFeatures(k), from sc's cache when it
// holds it. The cache is compared on the whole key, so that it gives
// exactly the sum the features would.
func (t *Tagger) shapeRow(sc *scratch, k shapeKey) []int64 {
	h := k.shape
	for _, x := range [...]uint64{k.flags, k.nextShape, k.nextFlags, k.prevShape} {
		h = h*golden ^ x
	}
	slot := fmix(h) & (shapeSlots - 1)
	np := t.nPairs
	row := sc.shapeRows[int(slot)*np:][:np]
	if !sc.shapeOK[slot] || sc.shapeKeys[slot] != k {
		clear(row)
		var fs [5]uint32
		t.sum(shapeFeatures(fs[:0], k), row)
		sc.shapeKeys[slot], sc.shapeOK[slot] = k, true
	}
	return row
}

// argmax returns the first of the highest scores of the nc classes whose
// scores are in pairs. It finds the highest score first, with no branch
// in the loop, then the first class that has it.
func argmax(pairs []int64, nc int) int {
	full := pairs[:nc/2]
	mlo, mhi := int32(math.MinInt32), int32(math.MinInt32)
	for _, x := range full {
		lo, hi := unpair(x)
		mlo, mhi = max(mlo, lo), max(mhi, hi)
	}
	if nc%2 == 1 {
		lo, _ := unpair(pairs[nc/2])
		mlo = max(mlo, lo)
	}
	m := max(mlo, mhi)
	for k, x := range full {
		lo, hi := unpair(x)
		if lo == m {
			return 2 * k
		}
		if hi == m {
			return 2*k + 1
		}
	}
	return nc - 1
}

// addRow adds the row d to row (len(row) >= len(d)), eight pairs at a
// time with the bounds checked once: it is most of the work of
// precomputing the word rows at load and a good part of tagging.
func addRow(row, d []int64) {
	row = row[:len(d)]
	i := 0
	for ; i+8 <= len(d); i += 8 {
		r := row[i : i+8 : i+8]
		x := d[i : i+8 : i+8]
		r[0] += x[0]
		r[1] += x[1]
		r[2] += x[2]
		r[3] += x[3]
		r[4] += x[4]
		r[5] += x[5]
		r[6] += x[6]
		r[7] += x[7]
	}
	for ; i < len(d); i++ {
		row[i] += d[i]
	}
}

// sum adds the weights of the features fs to the pair row row.
func (t *Tagger) sum(fs []uint32, row []int64) {
	np := t.nPairs
	for _, k := range fs {
		s := t.slots[k&t.mask]
		for j := k & t.mask; uint32(s>>32) != k && s != 0; {
			j = (j + 1) & t.mask
			s = t.slots[j]
		}
		if s == 0 {
			continue
		}
		start, n := int(uint32(s)>>7), int(s&0x7f)
		if n == denseRow {
			addRow(row, t.dense[start*np:start*np+np])
			continue
		}
		for _, e := range t.ent[start : start+n] {
			addPair(row, uint8(e>>16), int16(e))
		}
	}
}

// lemmaXPOS returns the XPOS id whose lemma rules a token of class c
// follows: its own, except that a word the training data knew only as a
// past form but tagged here as a present or base form ("Gunmen shot dead
// four policemen": shot/VBP) is lemmatized as the past it is, since the
// present's rules know nothing of irregular pasts.
func (t *Tagger) lemmaXPOS(c uint8, row int32) uint8 {
	xid := t.xposID[c]
	if row < 0 || t.wordTags == nil || int(xid) != t.presentID[0] && int(xid) != t.presentID[1] {
		return xid
	}
	set := t.wordTags[row]
	for _, p := range t.presentID {
		if p >= 0 && set&(1<<p) != 0 {
			return xid
		}
	}
	for _, p := range t.pastID {
		if p >= 0 && set&(1<<p) != 0 {
			return uint8(p)
		}
	}
	return xid
}

// A lexMap is a lemma exception or suffix table with a bit set of the
// keys it holds (8192 bits by the keys' low bits), so that most misses,
// which are most lookups (a token tries every suffix length), cost a bit
// test instead of a map lookup.
type lexMap struct {
	m    map[uint64]uint16
	seen [128]uint64
}

func (x *lexMap) get(k uint64) (uint16, bool) {
	if x.seen[k>>6%uint64(len(x.seen))]&(1<<(k&63)) == 0 {
		return 0, false
	}
	s, ok := x.m[k]
	return s, ok
}

// scriptFor picks the lemma script of a token: exact-form exception, then
// lowercase-form exception, then, for a past tense or participle, the
// irregular verbs (irregularPast: a script replacing the whole word),
// then the longest suffix rule.
func (t *Tagger) scriptFor(low []byte, ti *tokInfo, xid uint8) script {
	if s, ok := t.exact.get(lexKey(ti.form, xid)); ok {
		return t.scripts[s]
	}
	if s, ok := t.lower.get(lexKey(ti.lower, xid)); ok {
		return t.scripts[s]
	}
	if int(xid) == t.pastID[0] || int(xid) == t.pastID[1] {
		if b, ok := irregularBase(low); ok {
			return script{strip: len(low), add: b}
		}
	}
	for l := min(t.maxSuffix, len(low)); l >= 0; l-- {
		if s, ok := t.suffix.get(lexKey(fnv(low[len(low)-l:]), xid)); ok {
			return t.scripts[s]
		}
	}
	return script{}
}

// lemmatize returns the lemma of a token when it needs no new string, or
// writes it to sc.lem (to be shared by the sentence) and returns "".
func (t *Tagger) lemmatize(sc *scratch, i int32, text string, low []byte, ti *tokInfo, xid uint8) string {
	s := t.scriptFor(low, ti, xid)
	cased := ti.caseShape == shapeLower || t.keep[xid][ti.caseShape]
	var baseLen int
	if cased {
		baseLen = len(text)
	} else {
		baseLen = len(low)
	}
	strip := min(s.strip, baseLen)
	switch {
	case strip == baseLen && s.add != "":
		return s.add
	case cased && s.add == "" && strip < baseLen:
		return text[:baseLen-strip]
	case strip == baseLen:
		return text // a script that would leave nothing: keep the form
	}
	start := len(sc.lem)
	if cased {
		sc.lem = append(sc.lem, text[:baseLen-strip]...)
	} else {
		sc.lem = append(sc.lem, low[:baseLen-strip]...)
	}
	sc.lem = append(sc.lem, s.add...)
	sc.lemTok = append(sc.lemTok, lemRef{i, int32(start), int32(len(sc.lem))})
	return ""
}
