package actor

import (
	"bytes"
	"cmp"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
)

//go:embed data/actors.tsv data/names.tsv data/persons.tsv
var dataFS embed.FS

// KB is an immutable knowledge base: actors, their names, and the index
// that finds the names in text. Build one with [Default] or [New]; it is
// safe for concurrent use.
type KB struct {
	actors   []Actor
	byCode   map[string]int32 // code or alias -> index in actors (countries, IGOs... before sectors)
	bySector map[string]int32 // sector code -> index in actors
	names    []Name
	exact    []string // per name: the case-kept folded phrase, for CaseExact
	nsrc     []int8   // per name: number of sources

	// The trie: node 0 is the root; an edge is (node, token id).
	tokID     map[string]int32
	edges     map[uint64]int32
	index     *tokenIndex // tokID for matching
	rootNext  []int32     // by token id: the root's child by that token, or -1
	nodeNames [][]int32   // names ending at a node, best first
	maxDepth  int

	persons *persons // office holders' terms

	pool sync.Pool // *scratch
}

type scratch struct {
	toks  []token
	ids   []int32
	buf   []byte
	words []string
	ext   []int32 // MatchTokens: sub-token -> caller's token index
}

// Default returns the knowledge base embedded in the binary, loaded once.
var Default = sync.OnceValues(func() (*KB, error) {
	var tables []*Table
	for _, f := range []string{"data/actors.tsv", "data/names.tsv", "data/persons.tsv"} {
		b, err := dataFS.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("actor: read embedded %s: %w", f, err)
		}
		t, err := ReadTable("actor/"+f, bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("actor: %w", err)
		}
		tables = append(tables, t)
	}
	return New(tables...)
})

// New builds a knowledge base from tables. An actor row replaces an earlier
// one with the same code; every name's code must be an actor's code or
// alias, or such a code followed by sector codes (TURGOV).
func New(tables ...*Table) (*KB, error) {
	kb := &KB{byCode: map[string]int32{}, bySector: map[string]int32{}, tokID: map[string]int32{}, edges: map[uint64]int32{}}
	// A code is unique within a type: the sector MUS (Muslim, a CAMEO
	// agent code) and the country MUS (Mauritius) are two actors.
	type key struct {
		code   string
		sector bool
	}
	at := map[key]int{}
	for _, t := range tables {
		for _, a := range t.Actors {
			k := key{a.Code, a.Type == TypeSector}
			if i, ok := at[k]; ok {
				kb.actors[i] = a
				continue
			}
			at[k] = len(kb.actors)
			kb.actors = append(kb.actors, a)
		}
	}
	for i, a := range kb.actors {
		if a.Type == TypeSector {
			kb.bySector[a.Code] = int32(i)
		} else {
			kb.byCode[a.Code] = int32(i)
		}
	}
	for i, a := range kb.actors {
		for _, al := range a.Aliases {
			if _, ok := kb.byCode[al]; !ok {
				kb.byCode[al] = int32(i)
			}
		}
	}
	for code, i := range kb.bySector {
		if _, ok := kb.byCode[code]; !ok {
			kb.byCode[code] = i
		}
	}
	// Terms: a row with the same person, role, country and start replaces
	// an earlier one.
	type termKey struct {
		id, role, country string
		from              int64
	}
	tat := map[termKey]int{}
	var terms []Term
	for _, t := range tables {
		for _, p := range t.Persons {
			k := termKey{p.ID, string(p.Role), p.Country, p.From.Unix()}
			if i, ok := tat[k]; ok {
				terms[i] = p
				continue
			}
			tat[k] = len(terms)
			terms = append(terms, p)
		}
	}
	kb.persons = newPersons(terms)
	seen := map[Name]bool{}
	for _, t := range append(tables, &Table{Names: personNames(terms)}) {
		for _, n := range t.Names {
			if seen[n] {
				continue
			}
			seen[n] = true
			if _, ok := kb.resolve(n); !ok {
				return nil, fmt.Errorf("name %q (source %s): unknown code %q", n.Phrase, n.Source, n.Code)
			}
			kb.names = append(kb.names, n)
		}
	}
	kb.nodeNames = [][]int32{nil}
	kb.exact = make([]string, len(kb.names))
	kb.nsrc = make([]int8, len(kb.names))
	var toks []token
	var buf []byte
	for i, n := range kb.names {
		toks = tokenize(n.Phrase, toks[:0])
		node := int32(0)
		for _, t := range toks {
			buf = tokenKey(buf[:0], n.Phrase, t)
			id, ok := kb.tokID[string(buf)]
			if !ok {
				id = int32(len(kb.tokID))
				kb.tokID[string(buf)] = id
			}
			e := edge(node, id)
			next, ok := kb.edges[e]
			if !ok {
				next = int32(len(kb.nodeNames))
				kb.nodeNames = append(kb.nodeNames, nil)
				kb.edges[e] = next
			}
			node = next
		}
		kb.maxDepth = max(kb.maxDepth, len(toks))
		kb.nodeNames[node] = append(kb.nodeNames[node], int32(i))
		kb.exact[i] = exactForm(nil, n.Phrase, toks)
		kb.nsrc[i] = int8(min(strings.Count(n.Source, ",")+1, 100))
	}
	for _, ns := range kb.nodeNames {
		slices.SortStableFunc(ns, func(a, b int32) int { return kb.better(a, b) })
	}
	kb.index = newTokenIndex(kb.tokID)
	kb.rootNext = make([]int32, len(kb.tokID))
	for id := range kb.rootNext {
		next, ok := kb.edges[edge(0, int32(id))]
		if !ok {
			next = -1
		}
		kb.rootNext[id] = next
	}
	kb.pool.New = func() any { return &scratch{} }
	return kb, nil
}

// better orders two names of one phrase: more sources first, then the more
// specific kind, then the code.
func (kb *KB) better(a, b int32) int {
	na, nb := &kb.names[a], &kb.names[b]
	if c := cmp.Compare(kb.nsrc[b], kb.nsrc[a]); c != 0 {
		return c
	}
	if c := cmp.Compare(kindRank[na.Kind], kindRank[nb.Kind]); c != 0 {
		return c
	}
	return strings.Compare(na.Code, nb.Code)
}

func edge(node, tok int32) uint64 { return uint64(uint32(node))<<32 | uint64(uint32(tok)) }

// tokenKey appends the matching key of token t of s.
func tokenKey(dst []byte, s string, t token) []byte {
	if t.poss {
		return append(dst, "'s"...)
	}
	if t.punct {
		return append(dst, s[t.start:t.end]...)
	}
	return appendFold(dst, s[t.start:t.end], false)
}

func exactForm(dst []byte, s string, toks []token) string {
	for i, t := range toks {
		if i > 0 {
			dst = append(dst, ' ')
		}
		if t.poss {
			dst = append(dst, "'s"...)
			continue
		}
		dst = appendFold(dst, s[t.start:t.end], true)
	}
	return string(dst)
}

// With returns a new knowledge base with the tables added to the receiver's
// rows (actor rows replace those with the same code). The receiver is not
// changed.
func (kb *KB) With(tables ...*Table) (*KB, error) {
	var names []Name
	for _, n := range kb.names {
		if n.Kind != KindPerson || len(kb.persons.byID[n.Code]) == 0 {
			names = append(names, n)
		}
	}
	base := &Table{Actors: kb.actors, Names: names, Persons: kb.persons.terms}
	return New(append([]*Table{base}, tables...)...)
}

// Actor returns the actor with the given code or alias. A code that is an
// actor's code followed by sector codes (TURGOV, NATOMIL, AZEGOVMIL) gives
// the composite actor.
func (kb *KB) Actor(code string) (Actor, bool) {
	if i, ok := kb.byCode[code]; ok {
		return kb.actors[i], true
	}
	// base + sectors, sectors three letters each
	for cut := len(code) - 3; cut >= 2; cut -= 3 {
		bi, ok := kb.byCode[code[:cut]]
		if !ok {
			continue
		}
		b := kb.actors[bi]
		if b.Type == TypeSector {
			continue
		}
		var sectors []string
		okAll := true
		for p := cut; p < len(code); p += 3 {
			_, ok := kb.bySector[code[p:p+3]]
			if !ok {
				okAll = false
				break
			}
			sectors = append(sectors, code[p:p+3])
		}
		if okAll {
			return kb.compose(b, sectors), true
		}
	}
	return Actor{}, false
}

// resolve returns the actor a name points to: sector words to sector
// actors (or sector combinations), other names by [KB.Actor].
func (kb *KB) resolve(n Name) (Actor, bool) {
	if n.Kind == KindPerson {
		if len(kb.persons.byID[n.Code]) == 0 {
			return Actor{}, false
		}
		// no dates: a person's name is valid at every date (out of
		// office the person is country + ELI, see PersonAt)
		a, _ := kb.PersonAt(n.Code, time.Time{})
		a.From, a.Until = time.Time{}, time.Time{}
		return a, true
	}
	if n.Kind != KindSector {
		return kb.Actor(n.Code)
	}
	if i, ok := kb.bySector[n.Code]; ok {
		return kb.actors[i], true
	}
	if len(n.Code)%3 != 0 {
		return Actor{}, false
	}
	for p := 0; p < len(n.Code); p += 3 {
		if _, ok := kb.bySector[n.Code[p:p+3]]; !ok {
			return Actor{}, false
		}
	}
	return kb.composeSectors([]string{n.Code}), true
}

// Actors returns a copy of all actors, in code order.
func (kb *KB) Actors() []Actor {
	out := slices.Clone(kb.actors)
	slices.SortFunc(out, func(a, b Actor) int {
		return cmp.Or(strings.Compare(a.Code, b.Code), strings.Compare(string(a.Type), string(b.Type)))
	})
	return out
}

// Names returns a copy of all names.
func (kb *KB) Names() []Name { return slices.Clone(kb.names) }

// Name returns the i-th name (see [Hit]).
func (kb *KB) Name(i int) Name { return kb.names[i] }

// compose builds the actor of a base (country, organisation, or composite)
// with more sectors, dropping sectors the base already has.
func (kb *KB) compose(base Actor, sectors []string) Actor {
	var have []string
	root, name := base.Code, base.Name
	if base.Type == TypeComposite {
		have = splitSectors(base.Sector)
		root = base.Country
		if i, ok := kb.byCode[root]; ok {
			name = kb.actors[i].Name
		}
	}
	orig := len(have)
	for _, s := range sectors {
		for _, t := range splitSectors(s) {
			if !slices.Contains(have, t) {
				have = append(have, t)
			}
		}
	}
	if len(have) == orig {
		return base
	}
	var names []string
	for _, s := range have {
		if i, ok := kb.bySector[s]; ok {
			names = append(names, kb.actors[i].Name)
		} else {
			names = append(names, s)
		}
	}
	country := base.Country
	if country == "" {
		country = base.Code
	}
	return Actor{
		Code:    root + strings.Join(have, ""),
		Country: country,
		Sector:  strings.Join(have, ""),
		Name:    name + " (" + strings.Join(names, ", ") + ")",
		Type:    TypeComposite,
		Alpha2:  base.Alpha2,
		From:    base.From, Until: base.Until,
		Source: base.Source,
	}
}

// composeSectors builds a bare sector actor from several sector codes:
// "pro-government newspaper" is GOV + MED = GOVMED.
func (kb *KB) composeSectors(sectors []string) Actor {
	var have, names []string
	for _, s := range sectors {
		for _, t := range splitSectors(s) {
			if !slices.Contains(have, t) {
				have = append(have, t)
			}
		}
	}
	code := strings.Join(have, "")
	if i, ok := kb.bySector[code]; ok {
		return kb.actors[i]
	}
	for _, s := range have {
		if i, ok := kb.bySector[s]; ok {
			names = append(names, kb.actors[i].Name)
		} else {
			names = append(names, s)
		}
	}
	return Actor{Code: code, Sector: code, Name: strings.Join(names, ", "), Type: TypeSector, Source: "dyad"}
}

func splitSectors(s string) []string {
	var out []string
	for len(s) >= 3 {
		out = append(out, s[:3])
		s = s[3:]
	}
	return out
}

// Stats counts actors by type and names by kind.
type Stats struct {
	Actors  map[Type]int `json:"actors"`
	Persons int          `json:"persons"` // distinct persons of the persons table
	Terms   map[Role]int `json:"terms"`   // terms of office by role
	Names   map[Kind]int `json:"names"`
	Tokens  int          `json:"tokens"` // distinct folded tokens in the index
	Nodes   int          `json:"nodes"`  // trie nodes
}

// Stats returns counts of the knowledge base's content.
func (kb *KB) Stats() Stats {
	s := Stats{Actors: map[Type]int{}, Names: map[Kind]int{}, Tokens: len(kb.tokID), Nodes: len(kb.nodeNames)}
	for _, a := range kb.actors {
		s.Actors[a.Type]++
	}
	s.Persons = len(kb.persons.byID)
	s.Terms = map[Role]int{}
	for _, t := range kb.persons.terms {
		s.Terms[t.Role]++
	}
	for _, n := range kb.names {
		s.Names[n.Kind]++
	}
	return s
}
