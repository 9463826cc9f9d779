package event

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// A lexicon maps trigger words, with the syntactic company they must keep,
// to a PLOVER type and mode and a CAMEO code. It is matched over dependency
// parses: a pattern names the trigger's lemma and part of speech, the
// dependents it requires or forbids, and the dependency roles the actor and
// the recipient are taken from.
//
// The file format is TSV with a header (see LexiconColumns), '#' comments,
// one pattern a line:
//
//	pos  lemma    require                      actor         recipient           type     mode   cameo  weight  note
//	V    sign     obj=agreement|deal|treaty    subj          obl:with            AGREE           057    0.9
//	V    visit                                 subj          obj                 CONSULT  visit  042    0.9
//	N    support                               poss,nmod:of  nmod:to,nmod:for    SUPPORT         051    0.8
//
// pos is V (verbal trigger) or N (nominal trigger: "attendance",
// "support to", "agreement between"). require is a space-separated list of
// constraints on the trigger's dependents: REL=LEMMA|LEMMA (a dependent in
// that relation with one of the lemmas), REL (such a dependent exists) or
// !REL (no such dependent), or "recipient" (the pattern is coded only
// when a recipient is named). REL is a UD relation; "obl:with", "nmod:to" and
// the like name an oblique or nominal modifier by its preposition, and
// "prt" is compound:prt. actor and recipient are comma-separated roles
// tried in order (subj, obj, iobj, poss, agent, or REL:PREP as above); "-"
// means the pattern takes none. Passives, reported speech, compound
// actors and negation are the coder's business, not the lexicon's.

// LexiconColumns are the header fields of a lexicon file, in order.
var LexiconColumns = []string{"pos", "lemma", "require", "actor", "recipient", "type", "mode", "cameo", "weight", "note"}

// Pattern is one lexicon entry.
type Pattern struct {
	POS       string // "V", "N" or "A" (a predicate adjective: "active in", "critical of")
	Lemma     string
	Require   []Constraint
	Actor     []Role
	Recipient []Role
	// NeedsRecipient: coded only when a recipient is named (require
	// "recipient"): a visit with no host ("received surgery") or an
	// adjective with no other party ("was active") reports no interaction.
	NeedsRecipient bool
	Type           string
	Mode           string
	CAMEO          string
	Weight         float64
	Note           string
	Source         string // file:line it came from
}

// Role is a dependency role an actor or recipient is taken from: a UD
// relation, optionally narrowed by the preposition marking it.
type Role struct {
	Rel  string // subj, obj, iobj, poss, agent, obl, nmod, ...
	Prep string // for obl and nmod: "with", "to", "against", ...
}

func (r Role) String() string {
	if r.Prep != "" {
		return r.Rel + ":" + r.Prep
	}
	return r.Rel
}

// Constraint is a requirement on the trigger's dependents.
type Constraint struct {
	Role
	Lemmas []string // any of these; empty means any dependent in the role
	Negate bool     // the role must be absent (or hold none of the lemmas)
	// Modifier lets a compound modifier of the dependent match the lemmas
	// too: PETRARCH's "* ARTILLERY" matches "fired artillery shells".
	Modifier bool
}

// Lexicon is an immutable set of patterns indexed by trigger.
type Lexicon struct {
	byTrigger map[string][]*Pattern // "V:sign" -> most specific first
	n         int
}

// Len returns the number of patterns.
func (l *Lexicon) Len() int { return l.n }

// Lookup returns the patterns for a trigger lemma and part of speech ("V",
// "N" or "A"), the most specific (most constraints) first. The slice is
// shared: do not modify it.
func (l *Lexicon) Lookup(pos, lemma string) []*Pattern {
	return l.byTrigger[pos+":"+lemma]
}

// Patterns returns every pattern in a stable order.
func (l *Lexicon) Patterns() []*Pattern {
	keys := make([]string, 0, len(l.byTrigger))
	for k := range l.byTrigger {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []*Pattern
	for _, k := range keys {
		out = append(out, l.byTrigger[k]...)
	}
	return out
}

//go:embed data/lexicon.tsv
var lexiconTSV string

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return ReadLexicon("event/data/lexicon.tsv", strings.NewReader(lexiconTSV))
})

// DefaultLexicon returns dyad's own lexicon, parsed and checked against
// the ontology once.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// ReadLexicon parses a lexicon file and checks every pattern against the
// ontology. Errors name the input and line.
func ReadLexicon(name string, r io.Reader) (*Lexicon, error) {
	ont, err := Ontology()
	if err != nil {
		return nil, err
	}
	pats, err := parseLexicon(name, r, ont)
	if err != nil {
		return nil, err
	}
	return newLexicon(pats), nil
}

// With returns a lexicon holding l's patterns and those read from r: user
// patterns for the same trigger are tried before dyad's own.
func (l *Lexicon) With(name string, r io.Reader) (*Lexicon, error) {
	ont, err := Ontology()
	if err != nil {
		return nil, err
	}
	extra, err := parseLexicon(name, r, ont)
	if err != nil {
		return nil, err
	}
	return newLexicon(append(extra, l.Patterns()...)), nil
}

func newLexicon(pats []*Pattern) *Lexicon {
	l := &Lexicon{byTrigger: map[string][]*Pattern{}, n: len(pats)}
	for _, p := range pats {
		k := p.POS + ":" + p.Lemma
		l.byTrigger[k] = append(l.byTrigger[k], p)
	}
	for _, ps := range l.byTrigger {
		// Stable: among equally specific patterns the earlier line wins,
		// so user files (read first) override dyad's own.
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].Require) > len(ps[j].Require) })
	}
	return l
}

func parseLexicon(name string, r io.Reader, ont *Tables) ([]*Pattern, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var pats []*Pattern
	line := 0
	header := false
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if !header {
			if strings.Join(f, "\t") != strings.Join(LexiconColumns, "\t") {
				return nil, fmt.Errorf("%s:%d: header must be %q", name, line, strings.Join(LexiconColumns, "\t"))
			}
			header = true
			continue
		}
		p, err := parsePattern(f, ont)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		p.Source = fmt.Sprintf("%s:%d", name, line)
		pats = append(pats, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: no header line", name)
	}
	return pats, nil
}

func parsePattern(f []string, ont *Tables) (*Pattern, error) {
	if len(f) != len(LexiconColumns) {
		return nil, fmt.Errorf("%d fields, want %d", len(f), len(LexiconColumns))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	p := &Pattern{POS: f[0], Lemma: f[1], Note: f[9]}
	if p.POS != "V" && p.POS != "N" && p.POS != "A" {
		return nil, fmt.Errorf("pos %q: want V, N or A", p.POS)
	}
	if p.Lemma == "" || strings.ContainsAny(p.Lemma, " \t") {
		return nil, fmt.Errorf("lemma %q: want one word", p.Lemma)
	}
	var err error
	req, needs := strings.Fields(f[2]), false
	req = slices.DeleteFunc(req, func(c string) bool {
		if c == "recipient" {
			needs = true
			return true
		}
		return false
	})
	if p.Require, err = parseConstraints(strings.Join(req, " ")); err != nil {
		return nil, err
	}
	p.NeedsRecipient = needs
	if p.Actor, err = parseRoles(f[3]); err != nil {
		return nil, fmt.Errorf("actor: %w", err)
	}
	if p.Recipient, err = parseRoles(f[4]); err != nil {
		return nil, fmt.Errorf("recipient: %w", err)
	}
	for _, last := range []string{"home", "each"} {
		if slices.ContainsFunc(p.Actor, func(r Role) bool { return r.Rel == last }) ||
			slices.ContainsFunc(p.Require, func(c Constraint) bool { return c.Rel == last }) {
			return nil, fmt.Errorf("role %s: recipient only", last)
		}
		if k := slices.IndexFunc(p.Recipient, func(r Role) bool { return r.Rel == last }); k >= 0 && k != len(p.Recipient)-1 {
			return nil, fmt.Errorf("recipient: %s must come last", last)
		}
	}
	typ, mode, ok := ont.Normalize(f[5], f[6])
	if !ok {
		return nil, fmt.Errorf("type %q mode %q: not in the ontology", f[5], f[6])
	}
	p.Type, p.Mode = typ, mode
	p.CAMEO = f[7]
	if p.CAMEO == "" {
		c, ok := ont.CAMEOFor(typ, mode)
		if !ok {
			return nil, fmt.Errorf("no CAMEO code for %s/%s", typ, mode)
		}
		p.CAMEO = c.Code
	} else if _, ok := ont.CAMEO(p.CAMEO); !ok {
		return nil, fmt.Errorf("cameo %q: no such code", p.CAMEO)
	}
	p.Weight = 1
	if f[8] != "" {
		w, err := strconv.ParseFloat(f[8], 64)
		if err != nil || w <= 0 || w > 1 {
			return nil, fmt.Errorf("weight %q: want a number in (0, 1]", f[8])
		}
		p.Weight = w
	}
	return p, nil
}

var knownRels = map[string]bool{
	"subj": true, "obj": true, "iobj": true, "poss": true, "agent": true, "obl": true, "nmod": true,
	"prt": true, "xcomp": true, "ccomp": true, "advmod": true, "amod": true, "compound": true, "nsubj": true,
	"nsubj:pass": true, "csubj": true, "advcl": true, "acl": true, "conj": true, "aux": true, "neg": true,
	"home": true, // recipient only: the actor's own country when no role before it is filled
	"each": true, // recipient only: conjoined actors act on each other when no role before it is filled
}

func parseRole(s string) (Role, error) {
	rel, prep, _ := strings.Cut(s, ":")
	if rel == "nsubj" && prep == "pass" {
		return Role{Rel: "nsubj:pass"}, nil
	}
	if !knownRels[rel] {
		return Role{}, fmt.Errorf("unknown role %q", s)
	}
	if prep != "" && rel != "obl" && rel != "nmod" && rel != "advcl" && rel != "acl" {
		return Role{}, fmt.Errorf("role %q: only obl, nmod, advcl and acl take a marker", s)
	}
	if strings.ContainsAny(prep, "|:=") {
		return Role{}, fmt.Errorf("role %q: one marker a role; write a pattern for each", s)
	}
	return Role{Rel: rel, Prep: prep}, nil
}

func parseRoles(s string) ([]Role, error) {
	if s == "" || s == "-" {
		return nil, nil
	}
	var out []Role
	for _, part := range strings.Split(s, ",") {
		r, err := parseRole(strings.TrimSpace(part))
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func parseConstraints(s string) ([]Constraint, error) {
	var out []Constraint
	for _, part := range strings.Fields(s) {
		var c Constraint
		if strings.HasPrefix(part, "!") {
			c.Negate = true
			part = part[1:]
		}
		role, lemmas, hasLemmas := strings.Cut(part, "=")
		r, err := parseRole(role)
		if err != nil {
			return nil, fmt.Errorf("require: %w", err)
		}
		c.Role = r
		if hasLemmas {
			for _, l := range strings.Split(lemmas, "|") {
				if l == "" {
					return nil, fmt.Errorf("require %q: empty lemma", part)
				}
				c.Lemmas = append(c.Lemmas, l)
			}
		}
		out = append(out, c)
	}
	return out, nil
}
