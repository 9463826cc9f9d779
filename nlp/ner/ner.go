package ner

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/dyad-events/dyad/actor"
	"github.com/dyad-events/dyad/nlp"
)

//go:embed model/ner.model.gz
var embedded []byte

// Recognizer finds named entities. It is immutable and safe for
// concurrent use.
type Recognizer struct {
	m    *Model  // the lexicons and transitions; its weights are in sr
	sr   *scorer // the feature weights
	kb   *actor.KB
	kbc  []uint64
	igo  []bool          // per KB name: a multi-word name of an international organisation
	dem  []bool          // per KB name: a one-word demonym ("Iraqi")
	kbl  []int8          // per KB name: the label an entity that is exactly this name takes (see relabelKB), or 0
	demW map[string]bool // the one-word demonyms, as written
	pool sync.Pool       // *scratch
}

type scratch struct {
	s     sentence
	words []string
	pos   []string
	xpos  []string
	fbuf  []uint64
	sc    []float32
	delta []float32
	back  []int8
	pred  []int8
	ents  []nlp.Entity
	rules ruleMatcher
	sink  uint64 // see scorer.score
}

// Load returns the recognizer with the embedded model and the embedded
// actor knowledge base, loaded once.
var Load = sync.OnceValues(func() (*Recognizer, error) { return loadEmbedded(true) })

// loadEmbedded builds the recognizer of the embedded model and knowledge
// base; its weight table is static (see hugemem.Static) when it is to be
// kept for the process.
func loadEmbedded(static bool) (*Recognizer, error) {
	m, sr, err := readRecognizerModel(bytes.NewReader(embedded), "nlp/ner/model/ner.model.gz", static)
	if err != nil {
		return nil, err
	}
	kb, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return newRecognizer(m, sr, kb), nil
}

// New returns a recognizer running model m with the knowledge base kb (the
// one the model was trained with; nil for none).
func New(m *Model, kb *actor.KB) *Recognizer { return newRecognizer(m, newScorer(m, false), kb) }

// newRecognizer builds a recognizer of model m whose feature weights are
// in sr.
func newRecognizer(m *Model, sr *scorer, kb *actor.KB) *Recognizer {
	// The recognizer keeps the model's lexicons and transitions and its
	// own copy of the weights, so that the model's tables can be freed
	// with the model and later changes to it (ShiftEntityScores) do not
	// reach the recognizer.
	mc := &Model{trans: m.trans, lex: m.lex, gaz: m.gaz}
	r := &Recognizer{m: mc, sr: sr, kb: kb, kbc: kbClasses(kb)}
	if kb != nil {
		names := kb.Names()
		r.igo = make([]bool, len(names))
		r.dem = make([]bool, len(names))
		r.kbl = make([]int8, len(names))
		for i, n := range names {
			r.kbl[i] = kbLabel(kb, n)
			if n.Kind == actor.KindDemonym && !strings.Contains(strings.TrimSpace(n.Phrase), " ") {
				r.dem[i] = true
				if r.demW == nil {
					r.demW = map[string]bool{}
				}
				r.demW[strings.TrimSpace(n.Phrase)] = true
			}
			if n.Kind == actor.KindSector || !strings.Contains(strings.TrimSpace(n.Phrase), " ") {
				continue
			}
			if a, ok := kb.Actor(n.Code); ok && a.Type == actor.TypeIGO {
				r.igo[i] = true
			}
		}
	}
	r.pool.New = func() any { return &scratch{} }
	return r
}

// Recognize sets d.Entities to the entities found in d's sentences: PER,
// ORG and LOC from the model, then DATE, TIME, MONEY, PERCENT and CARDINAL
// from rules where they do not overlap a name. Entities are in text order.
// The model is trained on text tagged by package nlp/tag and expects
// tokens with POS and XPOS set, as the pipeline leaves them; untagged
// tokens work too, with fewer names found ('dyad eval ner --no-tag').
func (r *Recognizer) Recognize(d *nlp.Doc) {
	d.Entities = d.Entities[:0]
	sc := r.pool.Get().(*scratch)
	for si := range d.Sentences {
		s := &d.Sentences[si]
		start := len(d.Entities)
		d.Entities = r.sentence(sc, s, si, d.Entities)
		var info []tokInfo
		if len(s.Tokens) > 0 {
			info = sc.s.toks // prepared by r.sentence
		}
		d.Entities = sc.rules.appendRules(d.Entities, start, s, si, info)
	}
	propagate(d)
	dropStorms(d)
	r.pool.Put(sc)
}

// titles are honorifics that UNER leaves out of PER spans.
var titles = map[string]bool{
	"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true,
	"dr.": true, "sir": true, "dame": true, "prof": true, "prof.": true, "mx": true, "miss": true,
	"lord": true, "lady": true, "madam": true, "sheikh": true,
}

// offices are titles of office and rank that UNER leaves out of PER
// spans too ("President Zelensky", "Senator Amy Klobuchar", "Pope
// Francis"); the training corpora's gold spans are normalised the same way.
var offices = map[string]bool{
	"president": true, "president-elect": true, "vice": true, "senator": true, "sen.": true,
	"mayor": true, "judge": true, "justice": true, "pope": true, "queen": true, "king": true,
	"prince": true, "princess": true, "emperor": true, "empress": true, "sultan": true,
	"emir": true, "governor": true, "gov.": true, "minister": true, "prime": true,
	"chancellor": true, "secretary": true, "chairman": true, "chairwoman": true,
	"premier": true, "ambassador": true, "general": true, "gen.": true, "colonel": true,
	"col.": true, "captain": true, "capt.": true, "lieutenant": true, "lt.": true,
	"sergeant": true, "sgt.": true, "admiral": true, "commander": true, "professor": true,
	"doctor": true, "bishop": true, "archbishop": true, "cardinal": true, "rev.": true,
	"reverend": true, "imam": true, "ayatollah": true, "rabbi": true, "pastor": true,
	"coach": true, "congressman": true, "congresswoman": true, "rep.": true, "deputy": true,
}

func isTitle(w string) bool {
	l := strings.ToLower(w)
	return titles[l] || offices[l]
}

func isName(l string) bool { return l == "PER" || l == "ORG" || l == "LOC" }

// Tags returns the BIO tags the model gives a tokenized sentence with its
// UPOS and XPOS tags (either may be nil): the statistical part of
// Recognize, for evaluation on gold tokens.
func (r *Recognizer) Tags(words, pos, xpos []string) []string {
	sc := r.pool.Get().(*scratch)
	defer r.pool.Put(sc)
	r.decode(sc, words, pos, xpos)
	out := make([]string, len(words))
	for i := range words {
		out[i] = labels[sc.pred[i]]
	}
	return out
}

func (r *Recognizer) decode(sc *scratch, words, pos, xpos []string) {
	n := len(words)
	r.m.prepare(&sc.s, words, pos, xpos, r.kb, r.kbc, r.m.gaz)
	sc.sc = grow(sc.sc, n*nLabels)
	sc.delta = grow(sc.delta, n*nLabels)
	sc.back = grow(sc.back, n*nLabels)
	sc.pred = grow(sc.pred, n)
	sc.fbuf = r.sr.score(r.m, &sc.s, sc.sc, sc.fbuf, &sc.sink)
	viterbi(r.m.trans[:], sc.sc, n, sc.delta, sc.back, sc.pred)
	r.forceIGOs(sc, words)
	r.relabelKB(sc, words)
	r.dropDemonyms(sc, words)
	dropRuleWords(sc, words)
}

// dropRuleWords takes out of names the words that belong to the rules'
// amounts and times: currency signs ("US$", one token as EWT has it,
// holds the knowledge base's "US") and a time zone after a clock time
// ("7:49 a.m. UTC"), which the model reads as an organisation. The rules
// find money and times only where no name overlaps.
func dropRuleWords(sc *scratch, words []string) {
	for i, w := range words {
		if sc.pred[i] == 0 {
			continue
		}
		money := strings.ContainsAny(w, "$€£¥₺₽₼") && currencySymbols[strings.ToLower(w)]
		zone := i > 0 && len(w) <= 4 && timeZones[strings.ToLower(w)] &&
			ruleClass(strings.ToLower(words[i-1]), words[i-1])&(cClock|cTimeSuffix|cNumber) != 0
		if !money && !zone {
			continue
		}
		sc.pred[i] = 0
		if i+1 < len(sc.pred) && labels[sc.pred[i+1]][0] == 'I' {
			sc.pred[i+1]-- // I-X -> B-X
		}
	}
}

// kbLabel returns the label an entity that is exactly knowledge-base name
// n takes whatever type the model gave it, or 0 for none. In UNER EWT dev
// and wikigold (counted by TestKBConventions), a country's name or a capital
// that is a whole entity is LOC every time (UNER folds geopolitical
// entities into LOC, the government the name stands for included: "Cyprus
// signed the accord"), where the tweets and Wikipedia teach ORG for
// national teams; a non-state group's name is ORG; a person's full name
// is PER.
func kbLabel(kb *actor.KB, n actor.Name) int8 {
	if n.Kind == actor.KindPerson {
		if strings.Contains(strings.TrimSpace(n.Phrase), " ") {
			return int8(labelIndex("B-PER"))
		}
		return 0
	}
	a, ok := kb.Actor(n.Code)
	switch {
	case !ok || n.Kind == actor.KindSector || n.Kind == actor.KindDemonym || n.Kind == actor.KindNationality:
		return 0
	case n.Kind == actor.KindCapital || a.Type == actor.TypeCountry:
		return int8(labelIndex("B-LOC"))
	case a.Type == actor.TypeGroup && n.Kind != actor.KindAbbr:
		return int8(labelIndex("B-ORG"))
	}
	return 0
}

// relabelKB gives an entity that is exactly a knowledge-base name with a
// label (kbLabel) that label. A country's name stays a person's where the
// model reads one ("Chad", "Jordan"). Left alone, one wrong type would
// outvote the document's right ones in propagate.
func (r *Recognizer) relabelKB(sc *scratch, words []string) {
	bPER := int8(labelIndex("B-PER"))
	for _, h := range sc.s.hits {
		s, e := nameStart(h, words), int(h.End)
		if int(h.Name) >= len(r.kbl) || r.kbl[h.Name] == 0 || !properName(words[s]) {
			continue
		}
		b := sc.pred[s]
		if b == 0 || labels[b][0] != 'B' || b == r.kbl[h.Name] || b == bPER && labels[r.kbl[h.Name]] == "B-LOC" {
			continue
		}
		whole := e == len(sc.pred) || sc.pred[e] != b+1
		for k := s + 1; k < e; k++ {
			whole = whole && sc.pred[k] == b+1
		}
		if !whole {
			continue
		}
		sc.pred[s] = r.kbl[h.Name]
		for k := s + 1; k < e; k++ {
			sc.pred[k] = r.kbl[h.Name] + 1
		}
	}
}

// dropDemonyms drops the one-word entities that are demonyms ("Turkish
// officials"), wherever the knowledge base's matcher placed its names
// ("Turkish-Libyan"): UNER does not tag them, and one left would be
// repeated over the document by propagate.
func (r *Recognizer) dropDemonyms(sc *scratch, words []string) {
	alone := func(i int) bool { // a one-word entity
		y := sc.pred[i]
		return y != 0 && labels[y][0] == 'B' && (i+1 == len(sc.pred) || labels[sc.pred[i+1]][0] != 'I')
	}
	for _, h := range sc.s.hits {
		// the matcher's demonyms, in any case it matches ("IRAQI officials")
		if int(h.Name) < len(r.dem) && r.dem[h.Name] && h.End-h.Start == 1 && alone(int(h.Start)) {
			sc.pred[h.Start] = 0
		}
	}
	for i := range sc.pred {
		if alone(i) && r.demW[words[i]] {
			sc.pred[i] = 0
		}
	}
}

func (r *Recognizer) sentence(sc *scratch, s *nlp.Sentence, si int, dst []nlp.Entity) []nlp.Entity {
	n := len(s.Tokens)
	if n == 0 {
		return dst
	}
	sc.words, sc.pos, sc.xpos = sc.words[:0], sc.pos[:0], sc.xpos[:0]
	tagged, xtagged := false, false
	for i := range s.Tokens {
		sc.words = append(sc.words, s.Tokens[i].Text)
		sc.pos = append(sc.pos, s.Tokens[i].POS)
		sc.xpos = append(sc.xpos, s.Tokens[i].XPOS)
		tagged = tagged || s.Tokens[i].POS != ""
		xtagged = xtagged || s.Tokens[i].XPOS != ""
	}
	pos, xpos := sc.pos, sc.xpos
	if !tagged {
		pos = nil
	}
	if !xtagged {
		xpos = nil
	}
	r.decode(sc, sc.words, pos, xpos)
	for i := 0; i < n; {
		y := sc.pred[i]
		if y == 0 {
			i++
			continue
		}
		j := i + 1
		for j < n && sc.pred[j] != 0 && labels[sc.pred[j]][0] == 'I' && labels[sc.pred[j]][2:] == labels[y][2:] {
			j++
		}
		for labels[y] == "B-PER" && j-i >= 2 && isTitle(s.Tokens[i].Text) {
			i++ // "Mr Osborne": the title is not part of the name
		}
		if labels[y] == "B-PER" && j-i == 1 && isTitle(s.Tokens[i].Text) {
			i = j // "President" alone is not a name
			continue
		}
		if labels[y] != "B-PER" && j-i >= 2 && strings.EqualFold(s.Tokens[i].Text, "the") && headWords[strings.ToLower(s.Tokens[j-1].Text)] != 0 {
			i++ // "The Democratic Party": UNER leaves the article out of names with a head word
		}
		e := j
		for e-i >= 2 && nlp.IsWeekday(s.Tokens[e-1].Text) {
			e-- // "Yasser Arafat Wednesday rejected": the day says when, not who
		}
		dst = append(dst, nlp.Entity{
			Span:     nlp.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[e-1].Span.End},
			Label:    labels[y][2:],
			Sentence: si,
			Tokens:   [2]int{i, e},
		})
		i = j
	}
	clear(sc.words)
	clear(sc.pos)
	clear(sc.xpos)
	return dst
}

// forceIGOs makes the multi-word organisation names of the knowledge base
// ("Organization of Turkic States") ORG entities whatever the model said:
// the knowledge base is curated, the model has rarely seen them.
func (r *Recognizer) forceIGOs(sc *scratch, words []string) {
	bORG, iORG := int8(labelIndex("B-ORG")), int8(labelIndex("I-ORG"))
	for _, h := range sc.s.hits {
		start := nameStart(h, words)
		if int(h.Name) >= len(r.igo) || !r.igo[h.Name] || int(h.End)-start < 2 || !properName(words[start]) {
			continue
		}
		if start > int(h.Start) && sc.pred[h.Start] != 0 && labels[sc.pred[h.Start]][0] == 'B' {
			sc.pred[h.Start] = 0 // "The" opened the model's entity
		}
		// an entity the name starts inside is cut before it
		sc.pred[start] = bORG
		for k := start + 1; k < int(h.End); k++ {
			sc.pred[k] = iORG
		}
		if h.End < len(sc.pred) && labels[sc.pred[h.End]][0] == 'I' {
			sc.pred[h.End]-- // I-X -> B-X
		}
	}
}

// nameStart returns where the name of knowledge-base hit h begins in
// words: after an article the knowledge base's name opens with ("The
// United Nations", a Phoenix alias), which UNER leaves out of names.
func nameStart(h actor.Hit, words []string) int {
	s := int(h.Start)
	if int(h.End)-s >= 2 && strings.EqualFold(words[s], "the") {
		s++
	}
	return s
}

// EmbeddedModel returns a copy of the embedded model file (as written by
// Model.WriteTo), for tools that read it afresh.
func EmbeddedModel() []byte { return slices.Clone(embedded) }

// NewWithDefaultKB returns a recognizer running m with the embedded actor
// knowledge base (the one 'dyad train ner' trains with).
func NewWithDefaultKB(m *Model) (*Recognizer, error) {
	kb, err := actor.Default()
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return New(m, kb), nil
}

// grow returns s with length n, reusing its array when it is big enough
// (the contents are then the old ones).
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
