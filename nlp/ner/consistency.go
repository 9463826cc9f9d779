package ner

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dyad-events/dyad/nlp"
)

// Document consistency: after each sentence is decoded on its own, names
// are made consistent within the document.
//
//   - An acronym in parentheses right after a name ("Asia-Pacific
//     Economic Cooperation (APEC)") whose letters are the name's initials
//     takes the name's type.
//   - Every name found votes for its type: its whole text, for a
//     person's name of two words or more written in capitals throughout
//     (not "Elizabeth Warren of Massachusetts") its last word (the
//     surname the text goes on with; this vote outweighs the others),
//     and the acronym of a name. A capitalised word
//     or run of words elsewhere in the document that repeats a name the
//     model left out, standing alone (no capitalised word before or
//     after it), becomes an entity of the type with the most votes; a
//     one-word entity repeating such a name takes that type.

// maxAlias is the longest name, in tokens, repeated by propagate.
const maxAlias = 6

// surnameVotes is the weight of the vote a person's full name gives its
// last word: it outweighs the model's one-word guesses ("Avenatti" tagged
// ORG in sentences of its own after "Michael Avenatti"), which repeat
// the same mistake.
const surnameVotes = 100

// aliasVotes counts, per name text, the entities of each type.
type aliasVotes struct {
	m      map[string]*[3]int32
	maxLen int
}

func typeIndex(l string) int {
	switch l {
	case "PER":
		return 0
	case "ORG":
		return 1
	case "LOC":
		return 2
	}
	return -1
}

func (a *aliasVotes) add(key string, typ int, n int32, words int) {
	if a.m == nil {
		a.m = map[string]*[3]int32{}
	}
	v := a.m[key]
	if v == nil {
		v = new([3]int32)
		a.m[key] = v
	}
	v[typ] += n
	a.maxLen = max(a.maxLen, words)
}

// label returns the type with the most votes for key (ties go to PER,
// then ORG), or "".
func (a *aliasVotes) label(key string) string {
	v := a.m[key]
	if v == nil {
		return ""
	}
	best := 0
	for i := 1; i < 3; i++ {
		if v[i] > v[best] {
			best = i
		}
	}
	if v[best] == 0 {
		return ""
	}
	return Types[best]
}

// tokenKey joins the texts of tokens with a separator no token holds.
func tokenKey(buf []byte, toks []nlp.Token) []byte {
	buf = buf[:0]
	for k, t := range toks {
		if k > 0 {
			buf = append(buf, 0)
		}
		buf = append(buf, t.Text...)
	}
	return buf
}

// acronymOf reports whether acr (all capitals, two letters or more) is
// made of initials of name's words, in order, starting with the first.
func acronymOf(acr string, name []nlp.Token) bool {
	letters := 0
	for _, r := range acr {
		if !unicode.IsUpper(r) {
			if r == '.' || r == '&' {
				continue
			}
			return false
		}
		letters++
	}
	if letters < 2 {
		return false
	}
	var initials []rune
	for _, t := range name {
		for _, part := range strings.FieldsFunc(t.Text, func(r rune) bool { return r == '-' || r == '/' }) {
			for _, r := range part {
				initials = append(initials, unicode.ToUpper(r))
				break
			}
		}
	}
	k := 0
	first := true
	for _, r := range acr {
		if !unicode.IsUpper(r) {
			continue
		}
		for k < len(initials) && initials[k] != r {
			if first {
				return false
			}
			k++
		}
		if k == len(initials) {
			return false
		}
		k++
		first = false
	}
	return true
}

// propagate makes names consistent within a document (see above).
func propagate(d *nlp.Doc) {
	if len(d.Entities) == 0 {
		return
	}
	var votes aliasVotes
	var buf []byte
	var out []nlp.Entity
	for ei := range d.Entities {
		e := &d.Entities[ei]
		typ := typeIndex(e.Label)
		if typ < 0 {
			continue
		}
		s := &d.Sentences[e.Sentence]
		toks := s.Tokens[e.Tokens[0]:e.Tokens[1]]
		if len(toks) <= maxAlias {
			buf = tokenKey(buf, toks)
			votes.add(string(buf), typ, 1, len(toks))
		}
		if e.Label == "PER" && len(toks) >= 2 && allProper(toks) {
			votes.add(toks[len(toks)-1].Text, typ, surnameVotes, 1)
		}
		// "Name (ACR)"
		j := e.Tokens[1]
		if len(toks) >= 2 && j+2 < len(s.Tokens) && s.Tokens[j].Text == "(" && s.Tokens[j+2].Text == ")" && acronymOf(s.Tokens[j+1].Text, toks) {
			acr := s.Tokens[j+1].Text
			votes.add(acr, typ, 2, 1)
			if ei+1 < len(d.Entities) && d.Entities[ei+1].Sentence == e.Sentence && d.Entities[ei+1].Tokens[0] <= j+1 {
				// the acronym is an entity already; a one-word one of
				// another type is relabelled below
				continue
			}
			out = append(out, nlp.Entity{Span: s.Tokens[j+1].Span, Label: e.Label, Sentence: e.Sentence, Tokens: [2]int{j + 1, j + 2}})
		}
	}
	if len(out) > 0 {
		d.Entities = appendSorted(d.Entities, out)
		out = out[:0]
	}
	if len(votes.m) == 0 {
		return
	}
	ei := 0
	for si := range d.Sentences {
		s := &d.Sentences[si]
		for i := 0; i < len(s.Tokens); i++ {
			if !properName(s.Tokens[i].Text) {
				continue
			}
			// the entity covering or following token i
			for ei < len(d.Entities) && (d.Entities[ei].Sentence < si || d.Entities[ei].Sentence == si && d.Entities[ei].Tokens[1] <= i) {
				ei++
			}
			var next *nlp.Entity
			if ei < len(d.Entities) && d.Entities[ei].Sentence == si {
				next = &d.Entities[ei]
			}
			if next != nil && next.Tokens[0] <= i {
				// covered: a one-word name takes its alias's type
				if next.Tokens == [2]int{i, i + 1} && isName(next.Label) {
					if l := votes.label(s.Tokens[i].Text); l != "" && l != next.Label {
						next.Label = l
					}
				}
				continue
			}
			if i > 0 && properName(s.Tokens[i-1].Text) && !isTitle(s.Tokens[i-1].Text) {
				continue
			}
			// the longest alias starting at i that stands alone
			for n := min(votes.maxLen, len(s.Tokens)-i); n >= 1; n-- {
				if next != nil && next.Tokens[0] < i+n {
					continue
				}
				if i+n < len(s.Tokens) && properName(s.Tokens[i+n].Text) {
					continue
				}
				buf = tokenKey(buf, s.Tokens[i:i+n])
				l := votes.label(string(buf))
				if l == "" {
					continue
				}
				sp := nlp.Span{Start: s.Tokens[i].Span.Start, End: s.Tokens[i+n-1].Span.End}
				out = append(out, nlp.Entity{Span: sp, Label: l, Sentence: si, Tokens: [2]int{i, i + n}})
				i += n - 1
				break
			}
		}
	}
	if len(out) > 0 {
		d.Entities = appendSorted(d.Entities, out)
	}
}

// appendSorted adds entities to d's and sorts them in text order.
func appendSorted(ents, more []nlp.Entity) []nlp.Entity {
	ents = append(ents, more...)
	slices.SortStableFunc(ents, func(a, b nlp.Entity) int {
		if a.Sentence != b.Sentence {
			return a.Sentence - b.Sentence
		}
		return a.Tokens[0] - b.Tokens[0]
	})
	return ents
}

// allProper reports whether every token starts with a capital letter.
func allProper(toks []nlp.Token) bool {
	for _, t := range toks {
		if !properName(t.Text) {
			return false
		}
	}
	return true
}
