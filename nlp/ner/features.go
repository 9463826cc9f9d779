package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/actor"
)

// Features are 64-bit hashes: a template id mixed with the hashes of the
// values it looks at. Word, shape and gazetteer hashes are computed once
// per token; a token's features are then a few dozen integer mixes, with
// no strings built and nothing allocated.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is FNV-1a over s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes (a splitmix64 finaliser over their sum).
func mix(a, b uint64) uint64 {
	h := a ^ (b + 0x9e3779b97f4a7c15 + a<<6 + a>>2)
	h ^= h >> 31
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 29
	h *= 0x94d049bb133111eb
	h ^= h >> 32
	return h
}

// Feature templates. The numbers are part of the model format: never
// renumber, only add.
const (
	tBias uint64 = iota + 1
	tWord
	tForm
	tWordM1
	tWordP1
	tWordM2
	tWordP2
	tBigramM1
	tBigramP1
	tShape
	tShapeM1
	tShapeP1
	tShape3
	tPrefix
	tSuffix
	tFirst
	tCapRun
	tKB
	tKBM1
	tKBP1
	tGaz
	tGazM1
	tGazP1
	tLex
	tLexM1
	tLexP1
	tPOS
	tPOSM1
	tPOSP1
	tWordM1Shape
	tShapeLex
	tFlags
	tGazBoth
	tRunFirst
	tRunLast
	tSentCase
	tXPOS
	tXPOSM1
	tXPOSP1
	tXPOSShape
	tXPOSBigramM1
	tXPOSBigramP1
	tXPOSWordM1
	tRunPrev
	tRunNext
	tRunHead
	tRunHeadPrev
	tRunHeads
	tWordRunPos
	tRunPrev2
)

// Head words: the last word of a capitalised run that names an
// organisation ("... Party", "... Inc") or a place ("... River").
const (
	headORG = iota + 1
	headLOC
)

var headWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for _, w := range strings.Fields(`ministry council party front army forces committee bank university agency
		corp corp. corporation inc inc. ltd ltd. co co. company companies group union association organisation
		organization court parliament assembly commission department office service services institute
		institution foundation league movement federation alliance brigade brigades division regiment battalion
		corps navy police club college school academy society board bureau authority congress senate government
		administration network news times post press journal airlines airways records studios entertainment
		motors systems technologies holdings partners associates fund trust orchestra team fc secretariat
		tribunal cabinet guard fleet command laboratory laboratories industries enterprises bureau agency
		coalition caucus junta militia council directorate ministries unions clubs party's plc llc gmbh ag sa
		exchange hospital railway railways airline church diocese brotherhood publishing publishers broadcasting
		radio television tv channel magazine newspaper herald tribune gazette observer chronicle telegraph
		force reserve conference program programme initiative forum squadron limited brothers bros choir
		ensemble quartet band label recordings pictures films media communications telecom bancorp insurance
		airlines railroad`) {
		m[w] = headORG
	}
	for _, w := range strings.Fields(`river mountain mountains mount mt lake sea ocean island islands bay gulf
		valley desert street st road rd avenue ave boulevard square bridge park county province region district
		city town village peninsula strait canal coast airport station hills forest plain plateau basin harbour
		harbor port falls beach canyon creek cape highway prefecture governorate oblast territory territories
		archipelago reef glacier delta lagoon pass heights`) {
		m[w] = headLOC
	}
	return m
}()

// connectors may join the capitalised words of one name ("Bank of
// America", "Trinidad and Tobago").
var connectors = map[string]bool{"of": true, "the": true, "and": true, "for": true, "de": true, "&": true, "du": true, "la": true, "von": true, "van": true, "al": true, "bin": true}

// Token flags.
const (
	fInitCap = 1 << iota
	fAllCap
	fHasDigit
	fAllDigit
	fHyphen
	fPeriod
	fPunct
	fSocial // starts with @ or #
	fHasLower
)

// tokInfo is what the features of one token look at.
type tokInfo struct {
	lower string // lower-cased form
	word  uint64 // hash of the lower-cased form, digits as 0
	form  uint64 // hash of the form as written
	shape uint64 // hash of the collapsed shape (Xx, X.X., d,d)
	pos   uint64 // hash of the UPOS tag, 0 when untagged
	xpos  uint64 // hash of the XPOS (Penn) tag, 0 when untagged
	flags uint16
	kb    uint64 // hash of the knowledge-base class covering the token, 0 if none
	gazB  uint16 // gazetteer classes of phrases starting here
	gazI  uint16 // gazetteer classes of phrases continuing here
	lex   uint64 // hash of the word-class lexicon entry, 0 if none
	run   uint64 // capitalised-run feature value
	first uint64 // word hash of the first word of the extended run, 0 outside one
	last  uint64 // word hash of the last word of the extended run
	// the extended run's neighbours and head: words before and after it,
	// the head class of its last word, the token's position in it
	runPrev, runNext uint64
	runHead          uint8
	runPos           uint8
	// the head classes of every word of the extended run (bits 1<<class)
	// and of its first word ("University of Texas"), as heads<<2|first
	runHeads uint8
	// runPrev2: hash of the two words before the extended run ("at the")
	runPrev2 uint64
}

// Boundary values for context windows.
var (
	hBOS = hashString("<s>")
	hEOS = hashString("</s>")
)

// wordInfo fills the word-level fields of t from a form.
func wordInfo(t *tokInfo, w string, buf []byte) []byte {
	t.lower = strings.ToLower(w)
	t.form = hashString(w)
	var flags uint16
	h := uint64(fnvOffset)
	buf = buf[:0]
	var last byte
	nrunes, upper, digits, letters := 0, 0, 0, 0
	for _, r := range t.lower {
		c := r
		if c >= '0' && c <= '9' {
			c = '0'
		}
		var b [4]byte
		n := utf8.EncodeRune(b[:], c)
		for k := 0; k < n; k++ {
			h ^= uint64(b[k])
			h *= fnvPrime
		}
	}
	for i, r := range w {
		nrunes++
		var s byte
		switch {
		case unicode.IsUpper(r):
			s = 'X'
			upper++
			letters++
			if i == 0 {
				flags |= fInitCap
			}
		case unicode.IsLower(r):
			s = 'x'
			letters++
			flags |= fHasLower
		case unicode.IsDigit(r):
			s = 'd'
			digits++
		case unicode.IsLetter(r):
			s = 'x'
			letters++
		default:
			switch r {
			case '-', '.', ',', '\'', '&', '@', '#', '/', ':':
				s = byte(r)
			default:
				s = '*'
			}
			if r == '-' {
				flags |= fHyphen
			}
			if r == '.' {
				flags |= fPeriod
			}
		}
		if s != last || len(buf) < 2 || buf[len(buf)-2] != s {
			// collapse runs longer than two
			buf = append(buf, s)
		}
		last = s
	}
	t.word = h
	if upper > 0 && upper == letters && letters > 1 {
		flags |= fAllCap
	}
	if digits > 0 {
		flags |= fHasDigit
		if digits == nrunes {
			flags |= fAllDigit
		}
	}
	if letters == 0 && digits == 0 {
		flags |= fPunct
	}
	if w != "" && (w[0] == '@' || w[0] == '#') && len(w) > 1 {
		flags |= fSocial
	}
	t.flags = flags
	t.shape = hashString(string(buf))
	return buf
}

// sentence holds the per-token information of one sentence.
type sentence struct {
	caseRegime uint64
	toks       []tokInfo
	buf        []byte
	hits       []actor.Hit
}

// prepare fills s for the given words (and UPOS and XPOS tags, which may
// be nil or hold "" for untagged tokens).
func (m *Model) prepare(s *sentence, words, pos, xpos []string, kb *actor.KB, kbClass []uint64, gaz *gazetteer) {
	n := len(words)
	if cap(s.toks) < n {
		s.toks = make([]tokInfo, n)
	}
	s.toks = s.toks[:n]
	for i, w := range words {
		t := &s.toks[i]
		*t = tokInfo{}
		s.buf = wordInfo(t, w, s.buf)
		if pos != nil && pos[i] != "" {
			t.pos = hashString(pos[i])
		}
		if xpos != nil && xpos[i] != "" {
			t.xpos = hashString(xpos[i])
		}
		if v, ok := m.lex.get(t.word); ok {
			t.lex = uint64(v) + 1
		}
	}
	// capitalised runs
	for i := 0; i < n; {
		if s.toks[i].flags&fInitCap == 0 {
			i++
			continue
		}
		j := i
		for j < n && s.toks[j].flags&fInitCap != 0 {
			j++
		}
		l := uint64(min(j-i, 4))
		for k := i; k < j; k++ {
			p := uint64(1)
			switch {
			case j-i == 1:
				p = 0
			case k == i:
				p = 2
			case k == j-1:
				p = 3
			}
			s.toks[k].run = l*8 + p + 1
		}
		i = j
	}
	// extended runs: capitalised words joined by connectors
	caps := 0
	for i := 0; i < n; {
		if s.toks[i].flags&fInitCap == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if s.toks[j].flags&fInitCap != 0 {
				j++
				continue
			}
			if j+1 < n && connectors[s.toks[j].lower] && s.toks[j+1].flags&fInitCap != 0 {
				j += 2
				continue
			}
			break
		}
		prev, next, prev2 := hBOS, hEOS, hBOS
		if i > 0 {
			prev = s.toks[i-1].word
		}
		if i > 1 {
			prev2 = mix(s.toks[i-2].word, prev)
		}
		if j < n {
			next = s.toks[j].word
		}
		head := headWords[s.toks[j-1].lower]
		heads := uint8(0)
		for k := i; k < j; k++ {
			heads |= 1 << headWords[s.toks[k].lower]
		}
		heads = heads&^1<<2 | headWords[s.toks[i].lower]
		for k := i; k < j; k++ {
			t := &s.toks[k]
			t.first, t.last = s.toks[i].word, s.toks[j-1].word
			t.runPrev, t.runNext, t.runHead, t.runHeads = prev, next, head, heads
			t.runPrev2 = prev2
			switch {
			case j-i == 1:
				t.runPos = 1
			case k == i:
				t.runPos = 2
			case k == j-1:
				t.runPos = 3
			default:
				t.runPos = 4
			}
		}
		i = j
	}
	words0 := 0
	for i := range s.toks {
		if s.toks[i].flags&(fHasLower|fAllCap) != 0 {
			words0++
			if s.toks[i].flags&fInitCap != 0 {
				caps++
			}
		}
	}
	s.caseRegime = 0
	if words0 > 0 {
		switch f := float64(caps) / float64(words0); {
		case caps == 0:
			s.caseRegime = 1 // all lower case
		case f > 0.6 && words0 > 3:
			s.caseRegime = 2 // title case or capitals
		default:
			s.caseRegime = 3
		}
	}
	if kb != nil {
		s.hits = kb.MatchTokens(words, s.hits[:0])
		for _, h := range s.hits {
			c := kbClass[h.Name]
			for k := h.Start; k < h.End && k < n; k++ {
				pos := uint64(1)
				if k == h.Start {
					pos = 2
				}
				s.toks[k].kb = mix(c, pos)
			}
		}
	}
	if gaz != nil {
		gaz.mark(s.toks)
	}
}

// features appends the feature hashes of token i to dst.
func (m *Model) features(s *sentence, i int, dst []uint64) []uint64 {
	toks := s.toks
	t := &toks[i]
	wordAt := func(j int) uint64 {
		if j < 0 {
			return hBOS
		}
		if j >= len(toks) {
			return hEOS
		}
		return toks[j].word
	}
	shapeAt := func(j int) uint64 {
		if j < 0 {
			return hBOS
		}
		if j >= len(toks) {
			return hEOS
		}
		return toks[j].shape
	}
	wm1, wp1 := wordAt(i-1), wordAt(i+1)
	sm1, sp1 := shapeAt(i-1), shapeAt(i+1)
	dst = append(dst,
		tBias,
		mix(tWord, t.word),
		mix(tForm, t.form),
		mix(tWordM1, wm1),
		mix(tWordP1, wp1),
		mix(tWordM2, wordAt(i-2)),
		mix(tWordP2, wordAt(i+2)),
		mix(mix(tBigramM1, wm1), t.word),
		mix(mix(tBigramP1, t.word), wp1),
		mix(tShape, t.shape),
		mix(tShapeM1, sm1),
		mix(tShapeP1, sp1),
		mix(mix(mix(tShape3, sm1), t.shape), sp1),
		mix(mix(tWordM1Shape, wm1), t.shape),
		mix(tFlags, uint64(t.flags)),
		mix(tShapeLex, mix(t.shape, t.lex)),
	)
	// affixes of the lower-cased form, by runes
	lw := t.lower
	if len(lw) > 1 {
		k := 0
		for j := range lw {
			if k == 3 {
				break
			}
			k++
			_, size := utf8.DecodeRuneInString(lw[j:])
			end := j + size
			dst = append(dst, mix(tPrefix, hashString(lw[:end])))
		}
		k = 0
		for end := len(lw); end > 0 && k < 4; k++ {
			_, size := utf8.DecodeLastRuneInString(lw[:end])
			end -= size
			dst = append(dst, mix(tSuffix+uint64(k)<<8, hashString(lw[end:])))
		}
	}
	if i == 0 {
		dst = append(dst, mix(tFirst, t.shape), mix(mix(tFirst, t.lex), 1))
	}
	if t.run != 0 {
		dst = append(dst, mix(tCapRun, t.run))
	}
	if t.first != 0 {
		pos := uint64(t.runPos)
		dst = append(dst, mix(tRunFirst, t.first), mix(tRunLast, t.last),
			mix(mix(tRunPrev, t.runPrev), pos),
			mix(mix(tRunNext, t.runNext), pos),
			mix(tRunHead, uint64(t.runHead)<<8|pos),
			mix(mix(tRunHeadPrev, t.runPrev), uint64(t.runHead)),
			mix(tRunHeads, uint64(t.runHeads)<<8|pos),
			mix(mix(tWordRunPos, t.word), pos),
			mix(mix(tRunPrev2, t.runPrev2), pos),
		)
	}
	dst = append(dst, mix(tSentCase, mix(s.caseRegime, t.shape)))
	if t.kb != 0 {
		dst = append(dst, mix(tKB, t.kb))
	}
	if i > 0 && toks[i-1].kb != 0 {
		dst = append(dst, mix(tKBM1, toks[i-1].kb))
	}
	if i+1 < len(toks) && toks[i+1].kb != 0 {
		dst = append(dst, mix(tKBP1, toks[i+1].kb))
	}
	dst = appendGaz(dst, tGaz, t.gazB, t.gazI)
	if i > 0 {
		dst = appendGaz(dst, tGazM1, toks[i-1].gazB, toks[i-1].gazI)
	}
	if i+1 < len(toks) {
		dst = appendGaz(dst, tGazP1, toks[i+1].gazB, toks[i+1].gazI)
	}
	if t.gazB|t.gazI != 0 {
		dst = append(dst, mix(tGazBoth, uint64(t.gazB)<<16|uint64(t.gazI)))
	}
	if t.lex != 0 {
		dst = append(dst, mix(tLex, t.lex))
	}
	if i > 0 && toks[i-1].lex != 0 {
		dst = append(dst, mix(tLexM1, toks[i-1].lex))
	}
	if i+1 < len(toks) && toks[i+1].lex != 0 {
		dst = append(dst, mix(tLexP1, toks[i+1].lex))
	}
	if t.pos != 0 {
		dst = append(dst, mix(tPOS, t.pos))
		if i > 0 && toks[i-1].pos != 0 {
			dst = append(dst, mix(tPOSM1, toks[i-1].pos))
		}
		if i+1 < len(toks) && toks[i+1].pos != 0 {
			dst = append(dst, mix(tPOSP1, toks[i+1].pos))
		}
	}
	if t.xpos != 0 {
		xm1, xp1 := hBOS, hEOS
		if i > 0 {
			xm1 = toks[i-1].xpos
		}
		if i+1 < len(toks) {
			xp1 = toks[i+1].xpos
		}
		dst = append(dst,
			mix(tXPOS, t.xpos),
			mix(tXPOSM1, xm1),
			mix(tXPOSP1, xp1),
			mix(mix(tXPOSShape, t.xpos), t.shape),
			mix(mix(tXPOSBigramM1, xm1), t.xpos),
			mix(mix(tXPOSBigramP1, t.xpos), xp1),
			mix(mix(tXPOSWordM1, wm1), t.xpos),
		)
	}
	return dst
}

func appendGaz(dst []uint64, tpl uint64, b, in uint16) []uint64 {
	for c := uint16(0); c < 16; c++ {
		bit := uint16(1) << c
		if b&bit != 0 {
			dst = append(dst, mix(tpl, uint64(c)<<1))
		}
		if in&bit != 0 {
			dst = append(dst, mix(tpl, uint64(c)<<1|1))
		}
	}
	return dst
}

// kbClasses returns, per knowledge-base name, the hash of its class: the
// kind of name and the type of actor it names ("demonym/country").
func kbClasses(kb *actor.KB) []uint64 {
	if kb == nil {
		return nil
	}
	names := kb.Names()
	out := make([]uint64, len(names))
	types := map[string]actor.Type{}
	for i, n := range names {
		code := n.Code
		typ, ok := types[code]
		if !ok {
			if a, found := kb.Actor(code); found {
				typ = a.Type
			}
			types[code] = typ
		}
		out[i] = hashString(string(n.Kind) + "/" + string(typ))
	}
	return out
}
