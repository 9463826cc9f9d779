package tag

import (
	"unicode"
	"unicode/utf8"
)

// Hashing. Every string the features look at is hashed once with FNV-1a;
// features combine a template id with those hashes through a 64-bit
// finaliser and keep the high 32 bits as the feature key.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	golden    = 0x9E3779B97F4A7C15
)

func fnv(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func key(h uint64) uint32 {
	k := uint32(h >> 32)
	if k == 0 {
		k = 1 // 0 marks an empty slot in the feature table
	}
	return k
}

func f1(t, a uint64) uint32    { return key(fmix(a ^ t*golden)) }
func f2(t, a, b uint64) uint32 { return key(fmix(fmix(a^t*golden) + b)) }

// Padding hashes for the positions before and after the sentence.
var (
	hStart = fnvString("<s>")
	hEnd   = fnvString("</s>")
)

// Word shapes for the lemmatizer's case rules.
const (
	shapeLower = iota // no capital letter
	shapeInit         // first letter capital, some lowercase
	shapeCaps         // all letters capital
	shapeMixed        // anything else ("iPhone")
	nShapes
)

// tokInfo holds the per-token hashes the feature templates combine.
type tokInfo struct {
	form, lower uint64
	pre, suf    [4]uint64
	shape       uint64
	flags       uint64
	ambig       uint64
	caseShape   uint8
}

// Orthographic flags.
const (
	flDigit = 1 << iota
	flHyphen
	flUpper
	flAllUpper
	flInitUpper
	flFirst
	flPunct
	flAllDigit
)

// analyze fills ti from the token text and appends its lowercase form to
// low, returning the extended buffer. It does not allocate beyond low's
// growth.
func analyze(ti *tokInfo, text string, first bool, low []byte) []byte {
	start := len(low)
	var flags uint64
	upper, lower, letters, digits := 0, 0, 0, 0
	firstUpper := false
	shape := uint64(fnvOffset)
	var last byte
	for i, r := range text {
		if r < utf8.RuneSelf {
			c := byte(r)
			var cls byte
			switch {
			case 'A' <= c && c <= 'Z':
				upper++
				letters++
				if i == 0 {
					firstUpper = true
				}
				c += 'a' - 'A'
				cls = 'X'
			case 'a' <= c && c <= 'z':
				lower++
				letters++
				cls = 'x'
			case '0' <= c && c <= '9':
				digits++
				cls = 'd'
			default:
				if c == '-' {
					flags |= flHyphen
				}
				cls = byte(r)
			}
			low = append(low, c)
			if cls != last {
				shape ^= uint64(cls)
				shape *= fnvPrime
				last = cls
			}
			continue
		}
		var cls byte
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if i == 0 {
				firstUpper = true
			}
			cls = 'X'
		case unicode.IsLetter(r):
			lower++
			letters++
			cls = 'x'
		case unicode.IsDigit(r):
			digits++
			cls = 'd'
		default:
			cls = 'o'
		}
		low = utf8.AppendRune(low, unicode.ToLower(r))
		if cls != last {
			shape ^= uint64(cls)
			shape *= fnvPrime
			last = cls
		}
	}
	lw := low[start:]
	if digits > 0 {
		flags |= flDigit
		if digits == len(text) {
			flags |= flAllDigit
		}
	}
	if upper > 0 {
		flags |= flUpper
		if lower == 0 {
			flags |= flAllUpper
		}
	}
	if firstUpper {
		flags |= flInitUpper
	}
	if first {
		flags |= flFirst
	}
	if letters == 0 && digits == 0 {
		flags |= flPunct
	}
	wordHashes(ti, lw)
	if string(lw) == text {
		ti.form = ti.lower // most tokens: the same bytes, so the same hash
	} else {
		ti.form = fnvString(text)
	}
	ti.shape = shape
	ti.flags = flags
	switch {
	case upper == 0:
		ti.caseShape = shapeLower
	case lower == 0:
		ti.caseShape = shapeCaps
	case firstUpper && upper == 1:
		ti.caseShape = shapeInit
	default:
		ti.caseShape = shapeMixed
	}
	return low
}

// wordHashes fills the hashes of the lowercase form lw and its affixes.
// The prefixes' hashes are the states of one FNV pass over lw, which goes
// on to the whole word's.
func wordHashes(ti *tokInfo, lw []byte) {
	h := uint64(fnvOffset)
	for k := 0; k < 4; k++ {
		if k < len(lw) {
			h ^= uint64(lw[k])
			h *= fnvPrime
		}
		ti.pre[k] = h // fnv(lw[:min(k+1, len(lw))])
	}
	for i := 4; i < len(lw); i++ {
		h ^= uint64(lw[i])
		h *= fnvPrime
	}
	ti.lower = h
	for k := 0; k < 4; k++ {
		n := min(k+1, len(lw))
		ti.suf[k] = fnv(lw[len(lw)-n:])
	}
}

func padInfo(ti *tokInfo, h uint64) {
	*ti = tokInfo{form: h, lower: h, shape: h, flags: h, ambig: h}
	for k := range ti.pre {
		ti.pre[k] = h
		ti.suf[k] = h
	}
}

// Feature templates.
const (
	tBias = iota + 1
	tForm
	tLower
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tShape
	tFlags
	tPrevW
	tNextW
	tPrev2W
	tNext2W
	tPrevSuf3
	tNextSuf3
	tPrevT
	tPrev2T
	tPrevTT
	tPrevTW
	tAmbig
	tNextAmbig
	tNext2Ambig
	tPrevAmbig
	tPrevTNextAmbig
	tWNextW
	tPrevWW
	tNextShape
	tPrevShape
	tAmbigNextAmbig
	tPrevTSuf3
	tNextSuf2
	tPrevTAmbig
	tShapeFlagsNext
)

// maxFeatures is the number of features extract produces per token.
const maxFeatures = 40

// The features of a token fall in three groups: those of the two previous
// tags alone (tagFeatures), those of the lowercase word alone
// (lowerFeatures) and the rest. The tagger sums the first two groups ahead
// of time, per tag pair and per known word; training sees them all.

// tagFeatures appends the features that depend only on the previous two
// tags (p1, p2; 0 for none, class+1 otherwise).
func tagFeatures(dst []uint32, p1, p2 uint64) []uint32 {
	return append(dst, f1(tBias, 0), f1(tPrevT, p1), f1(tPrev2T, p2), f2(tPrevTT, p1, p2))
}

// lowerFeatures appends the features that depend only on the token's
// lowercase form (its affixes and ambiguity class follow from it).
func lowerFeatures(dst []uint32, w *tokInfo) []uint32 {
	return append(dst,
		f1(tLower, w.lower),
		f1(tPre1, w.pre[0]),
		f1(tPre2, w.pre[1]),
		f1(tPre3, w.pre[2]),
		f1(tPre4, w.pre[3]),
		f1(tSuf1, w.suf[0]),
		f1(tSuf2, w.suf[1]),
		f1(tSuf3, w.suf[2]),
		f1(tSuf4, w.suf[3]),
		f1(tAmbig, w.ambig),
	)
}

// prevFeatures, nextFeatures and next2Features append the features that
// depend only on the word before, after and two after the token.
func prevFeatures(dst []uint32, prev *tokInfo) []uint32 {
	return append(dst, f1(tPrevW, prev.lower), f1(tPrevSuf3, prev.suf[2]), f1(tPrevAmbig, prev.ambig))
}

func nextFeatures(dst []uint32, next *tokInfo) []uint32 {
	return append(dst, f1(tNextW, next.lower), f1(tNextSuf3, next.suf[2]), f1(tNextAmbig, next.ambig), f1(tNextSuf2, next.suf[1]))
}

func next2Features(dst []uint32, next2 *tokInfo) []uint32 {
	return append(dst, f1(tNext2W, next2.lower), f1(tNext2Ambig, next2.ambig))
}

// The remaining features of a token come in two parts: those of the word
// shapes and flags of the token and its neighbours (shapeFeatures), which
// few tokens differ in, so that their sum is worth keeping for the next
// token with the same shapes (see Tagger.shapeRow), and the other nine
// (restFeatures). TestGreedyMatchesModel holds the tagger to extract.

// shapeKey is what shapeFeatures depend on.
type shapeKey struct{ shape, flags, nextShape, nextFlags, prevShape uint64 }

func shapeKeyAt(info []tokInfo, i int) shapeKey {
	w, prev, next := &info[i], &info[i-1], &info[i+1]
	return shapeKey{w.shape, w.flags, next.shape, next.flags, prev.shape}
}

// shapeFeatures appends the shape and flag features of k.
func shapeFeatures(dst []uint32, k shapeKey) []uint32 {
	return append(dst,
		f1(tShape, k.shape),
		f1(tFlags, k.flags),
		f1(tNextShape, k.nextShape),
		f1(tPrevShape, k.prevShape),
		f2(tShapeFlagsNext, k.shape^k.flags*golden, k.nextFlags),
	)
}

// restFeatures appends the features of the token at position i that
// shapeFeatures does not.
func restFeatures(dst []uint32, info []tokInfo, i int, p1 uint64) []uint32 {
	w := &info[i]
	prev, prev2 := &info[i-1], &info[i-2]
	next := &info[i+1]
	return append(dst,
		f1(tForm, w.form),
		f1(tPrev2W, prev2.lower),
		f2(tPrevTW, p1, w.lower),
		f2(tPrevTNextAmbig, p1, next.ambig),
		f2(tWNextW, w.lower, next.lower),
		f2(tPrevWW, prev.lower, w.lower),
		f2(tAmbigNextAmbig, w.ambig, next.ambig),
		f2(tPrevTSuf3, p1, w.suf[2]),
		f2(tPrevTAmbig, p1, w.ambig),
	)
}

// extract appends all features of the token at position i given the
// classes predicted for the two tokens before it.
func extract(dst []uint32, info []tokInfo, i int, p1, p2 uint64) []uint32 {
	dst = tagFeatures(dst, p1, p2)
	dst = lowerFeatures(dst, &info[i])
	dst = prevFeatures(dst, &info[i-1])
	dst = nextFeatures(dst, &info[i+1])
	dst = next2Features(dst, &info[i+2])
	dst = shapeFeatures(dst, shapeKeyAt(info, i))
	return restFeatures(dst, info, i, p1)
}
