package parse

// Direct tables. 31 of the dynamic transition templates combine only
// atoms of small domains: XPOS and UPOS tags, labels, distance buckets,
// valencies ("S0p N0p", "the label of s1's rightmost child"). For each of
// them the parser keeps an array over every combination of atom values,
// filled when the tables are built with the weights the hashed feature
// of that combination has in the model, found by the same lookup as any
// feature. Scoring then reads the array at the combination's index: no
// hashing, no probing, and the arrays are small enough (0.2 MB in all)
// that the parts in use stay in cache. Triples of tags would take 1.2 MB
// each and measured slower than hashing; pairs of tags with a distance
// (0.2 MB each) measured the same either way, so both are hashed. A
// token whose tag is not one of those the arrays know (CoNLL-U input with
// other tags), or a valency past the arrays, falls back to hashing: the
// weights are the same either way.

// An atom is a value a direct template reads from the configuration.
type atom uint8

const (
	// XPOS tags
	aS0p atom = iota
	aS1p
	aS2p
	aN0p
	aN1p
	aS0lp // s0's leftmost child
	aS0rp
	aN0lp
	aS1lp
	aS1rp
	aS0l2p // s0's second leftmost child
	aS0r2p
	aN0l2p
	aS1r2p
	// labels
	aS0ll
	aS0rl
	aN0ll
	aS1ll
	aS1rl
	aS0l2l
	aS0r2l
	aN0l2l
	aS1r2l
	// UPOS tags
	aS0u
	aN0u
	aS1u
	aVBu // the next verb after b0
	// distances and lookahead
	aD0
	aD1
	aDV
	aDN
	aPV
	// valencies
	aS0vr
	aS0vl
	aN0vl
	aS1vl
	aS1vr
	numAtoms
)

// Atom domains.
const (
	maxValency     = 16 // valencies 0..15 are direct; more fall back to hashing
	numLabelValues = 128
)

// xposTags and uposTags are the tags direct tables know: UD English EWT's,
// "_", and the root and none tokens' (see rootTag, noneTag).
var (
	xposTags = []string{"<ROOT>", "<NONE>", "_",
		"$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "GW",
		"HYPH", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS",
		"PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP",
		"VBZ", "WDT", "WP", "WP$", "WRB", "XX", "``"}
	uposTags = []string{"<ROOT>", "<NONE>", "_",
		"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
		"PUNCT", "SCONJ", "SYM", "VERB", "X"}
	xposIndex = newTagIndex(xposTags)
	uposIndex = newTagIndex(uposTags)
)

// A tagIndex maps the hash of a tag (hashString, as the templates read
// it) to its index in a tag list: the features see only the hash, so two
// strings with one hash are one tag to them as well. Open addressing
// over 256 slots, faster than a map of strings per token.
type tagIndex struct {
	hash [256]uint64
	idx  [256]uint8 // unknownTag: empty
}

func newTagIndex(tags []string) *tagIndex {
	x := &tagIndex{}
	for i := range x.idx {
		x.idx[i] = unknownTag
	}
	for i, t := range tags {
		h := hashString(t)
		j := uint8(h)
		for x.idx[j] != unknownTag && x.hash[j] != h {
			j++
		}
		x.hash[j], x.idx[j] = h, uint8(i)
	}
	return x
}

// get returns the index of the tag with hash h, unknownTag if none.
func (x *tagIndex) get(h uint64) uint8 {
	for j := uint8(h); ; j++ {
		if x.idx[j] == unknownTag || x.hash[j] == h {
			return x.idx[j]
		}
	}
}

// unknownTag marks a tag no direct table knows.
const unknownTag = 0xff

// atomDomain returns the number of values of atom a.
func atomDomain(a atom) int {
	switch {
	case a <= aS1r2p:
		return len(xposTags)
	case a <= aS1r2l:
		return numLabelValues
	case a <= aVBu:
		return len(uposTags)
	case a == aD0 || a == aD1:
		return 8
	case a == aDV || a == aDN:
		return 9
	case a == aPV:
		return 2
	default:
		return maxValency
	}
}

// atomHash returns the value a template hashes for value index i of atom
// a, as features computes it.
func atomHash(a atom, i int) uint64 {
	switch {
	case a <= aS1r2p:
		return hashString(xposTags[i])
	case a >= aS0u && a <= aVBu:
		return hashString(uposTags[i])
	default:
		return uint64(i)
	}
}

// directTemplate is a template read from a direct table.
type directTemplate struct {
	t     uint64
	atoms []atom
}

// directTemplates, in concatOrder's order.
var directTemplates = [numDirect]directTemplate{
	{60, []atom{aS0lp}}, {61, []atom{aS0ll}}, {63, []atom{aS0rp}}, {64, []atom{aS0rl}},
	{66, []atom{aN0lp}}, {67, []atom{aN0ll}}, {69, []atom{aS1lp}}, {70, []atom{aS1ll}},
	{72, []atom{aS1rp}}, {73, []atom{aS1rl}},
	{74, []atom{aS0l2p}}, {75, []atom{aS0l2l}}, {76, []atom{aS0r2p}}, {77, []atom{aS0r2l}},
	{78, []atom{aN0l2p}}, {79, []atom{aN0l2l}}, {80, []atom{aS1r2p}}, {81, []atom{aS1r2l}},
	{23, []atom{aS0p, aN0p}}, {29, []atom{aS1p, aS0p}}, {44, []atom{aS0p, aD0}}, {46, []atom{aN0p, aD0}},
	{52, []atom{aS0p, aS0vr}}, {54, []atom{aS0p, aS0vl}}, {56, []atom{aN0p, aN0vl}},
	{57, []atom{aS1p, aS1vl}}, {58, []atom{aS1p, aS1vr}},
	{91, []atom{aS0u, aN0u}}, {92, []atom{aS1u, aS0u}},
	{93, []atom{aS1u, aS0u, aN0u}}, {105, []atom{aS0u, aVBu, aDV}},
}

const numDirect = 31

// key returns the template's feature hash for the atom values v.
func (d *directTemplate) key(v *[numAtoms]uint64) uint64 {
	a := d.atoms
	switch len(a) {
	case 1:
		return f1(d.t, v[a[0]])
	case 2:
		return f2(d.t, v[a[0]], v[a[1]])
	case 3:
		return f3(d.t, v[a[0]], v[a[1]], v[a[2]])
	default:
		return f4(d.t, v[a[0]], v[a[1]], v[a[2]], v[a[3]])
	}
}

// directTable holds the weights of one direct template, packed as
// lookup packs them, at index ((i0*n1 + i1)*n2 + i2)*n3 + i3 of the atoms'
// value indices.
type directTable struct {
	w []uint64
}

// newDirectTables fills the direct tables from the transition table.
func (m *tables) newDirectTables() {
	var keys []uint64
	for d := range directTemplates {
		dt := &directTemplates[d]
		size := 1
		for _, a := range dt.atoms {
			size *= atomDomain(a)
		}
		keys = keys[:0]
		var v [numAtoms]uint64
		var idx [4]int
		for range size {
			for j, a := range dt.atoms {
				v[a] = atomHash(a, idx[j])
			}
			keys = append(keys, dt.key(&v))
			// next combination, the last atom fastest
			for j := len(dt.atoms) - 1; j >= 0; j-- {
				idx[j]++
				if idx[j] < atomDomain(dt.atoms[j]) {
					break
				}
				idx[j] = 0
			}
		}
		w := make([]uint64, size)
		var sink uint32
		m.lookup(keys, w, &sink)
		m.direct[d] = directTable{w: w}
	}
}
