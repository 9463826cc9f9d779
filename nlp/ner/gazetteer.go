package ner

import (
	"slices"
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// Gazetteer classes: a phrase may belong to several. The numbers are part
// of the model format.
const (
	GazCity      = iota // GeoNames populated place (population >= 15,000 or capital)
	GazAdmin            // first-level administrative division (GeoNames admin1)
	GazPerson           // office holder's full name (CountryInfo leaders and cabinets)
	GazSurname          // last word of an office holder's name
	GazTrainPER         // entity of type PER in the training data
	GazTrainORG         // entity of type ORG in the training data
	GazTrainLOC         // entity of type LOC in the training data
	GazGivenName        // first word of an office holder's or training PER name
	GazOrg              // organisation name (Phoenix international and non-state actor dictionaries)
	numGaz
)

// maxPhrase is the longest gazetteer phrase, in tokens.
const maxPhrase = 6

// gazetteer maps phrase keys (see phraseKey) to class bit masks.
type gazetteer struct {
	t *table[uint16]
}

// phraseKey hashes a sequence of word hashes.
func phraseStart() uint64 { return 0x51ed270b27a4e7f3 }

// mark sets gazB/gazI on the tokens covered by gazetteer phrases. Phrases
// must start with a capitalised token.
func (g *gazetteer) mark(toks []tokInfo) {
	if g == nil || g.t == nil {
		return
	}
	for i := range toks {
		if toks[i].flags&fInitCap == 0 {
			continue
		}
		h := phraseStart()
		for j := i; j < len(toks) && j < i+maxPhrase; j++ {
			h = mix(h, toks[j].word)
			v, ok := g.t.get(h)
			if !ok || v == 0 {
				continue
			}
			toks[i].gazB |= v
			for k := i + 1; k <= j; k++ {
				toks[k].gazI |= v
			}
		}
	}
}

// GazetteerBuilder collects phrases for a gazetteer. Phrases are tokenized
// with dyad's tokenizer so that they match the tokens of documents.
type GazetteerBuilder struct {
	m   map[uint64]uint16
	buf []byte
}

// NewGazetteerBuilder returns an empty builder.
func NewGazetteerBuilder() *GazetteerBuilder {
	return &GazetteerBuilder{m: map[uint64]uint16{}}
}

// AddPhrase adds a phrase of running text to class c.
func (b *GazetteerBuilder) AddPhrase(phrase string, c int) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" || c < 0 || c >= numGaz {
		return
	}
	d := nlp.Segment(phrase)
	var words []string
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			words = append(words, t.Text)
		}
	}
	b.AddTokens(words, c)
}

// AddTokens adds a tokenized phrase to class c.
func (b *GazetteerBuilder) AddTokens(words []string, c int) {
	if len(words) == 0 || len(words) > maxPhrase || c < 0 || c >= numGaz {
		return
	}
	b.m[b.key(words)] |= 1 << c
}

func (b *GazetteerBuilder) key(words []string) uint64 {
	h := phraseStart()
	var t tokInfo
	for _, w := range words {
		b.buf = wordInfo(&t, w, b.buf)
		h = mix(h, t.word)
	}
	return h
}

// Len returns the number of distinct phrases.
func (b *GazetteerBuilder) Len() int { return len(b.m) }

// merge returns a builder with the entries of b and o.
func (b *GazetteerBuilder) merge(o *GazetteerBuilder) *GazetteerBuilder {
	out := &GazetteerBuilder{m: make(map[uint64]uint16, len(b.m))}
	for k, v := range b.m {
		out.m[k] |= v
	}
	if o != nil {
		for k, v := range o.m {
			out.m[k] |= v
		}
	}
	return out
}

func (b *GazetteerBuilder) build() *gazetteer {
	t := newTable[uint16](len(b.m))
	keys := make([]uint64, 0, len(b.m))
	for k := range b.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		t.put(k, b.m[k])
	}
	return &gazetteer{t: t}
}
