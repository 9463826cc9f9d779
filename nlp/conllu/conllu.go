// Package conllu reads and writes CoNLL-U, the Universal Dependencies
// treebank format (https://universaldependencies.org/format.html).
//
// A file is a sequence of sentences separated by blank lines. Each sentence
// has comment lines ("# key = value"), then one line per syntactic word
// (ID 1, 2, ...), multiword token ranges ("3-4", the surface token that
// the words 3 and 4 were split from) and empty nodes ("5.1", enhanced
// dependencies only). Every line has ten tab-separated fields.
//
// Reader streams sentences from an io.Reader; Writer writes them back in
// the canonical order, so a read-write round trip reproduces the input
// (modulo trailing whitespace and the final blank line).
//
// # Performance
//
// The reader scans lines with a bufio.Reader, splits fields without regular
// expressions and interns the short, highly repeated field values (UPOS,
// XPOS, relations, features, common MISC values), so a treebank of 200,000
// words reads in well under a second and most fields cost no allocation.
//
// # Concurrency
//
// A Reader or Writer is used by one goroutine at a time; sentences it
// returns are owned by the caller.
package conllu

import (
	"strconv"
	"strings"
)

// Word is one syntactic word line (integer ID).
type Word struct {
	ID     int    // 1-based index in the sentence
	Form   string // word form, "_" kept as "_"
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string // "_" when empty
	Head   int    // 0 for the root, -1 when the field is "_"
	Deprel string
	Deps   string // enhanced dependencies, verbatim
	Misc   string // "_" when empty
}

// Multiword is a multiword token line ("3-4"): the surface token Form was
// split into the words Start..End (inclusive).
type Multiword struct {
	Start, End int
	Form       string
	Misc       string
}

// EmptyNode is an empty node line ("5.1") of the enhanced representation:
// it follows word After and is the Index-th empty node after it.
type EmptyNode struct {
	After, Index int
	Form, Lemma  string
	UPOS, XPOS   string
	Feats        string
	Deps, Misc   string
}

// Sentence is one CoNLL-U sentence.
type Sentence struct {
	Comments   []string // comment lines without the leading "#" and one following space
	Words      []Word
	Multiwords []Multiword // in order of Start
	Empty      []EmptyNode // in order of (After, Index)
	Line       int         // line number of the sentence's first line in its input
}

// Comment returns the value of the comment "key = value" (or "key" alone,
// with an empty value) and whether it is present.
func (s *Sentence) Comment(key string) (string, bool) {
	for _, c := range s.Comments {
		k, v, hasEq := strings.Cut(c, "=")
		k = strings.TrimSpace(k)
		if k != key {
			continue
		}
		if !hasEq {
			return "", true
		}
		return strings.TrimSpace(v), true
	}
	return "", false
}

// Text returns the "# text" comment, or, when absent, the text rebuilt from
// the surface tokens and their SpaceAfter=No marks.
func (s *Sentence) Text() string {
	if t, ok := s.Comment("text"); ok {
		return t
	}
	var b strings.Builder
	s.Tokens(func(form string, first, last int, spaceAfter bool) {
		b.WriteString(form)
		if spaceAfter {
			b.WriteByte(' ')
		}
	})
	return strings.TrimRight(b.String(), " ")
}

// NewDoc reports whether the sentence starts a document ("# newdoc").
func (s *Sentence) NewDoc() bool {
	_, ok := s.Comment("newdoc")
	return ok || s.hasPrefixComment("newdoc ")
}

// NewPar reports whether the sentence starts a paragraph ("# newpar").
func (s *Sentence) NewPar() bool {
	_, ok := s.Comment("newpar")
	return ok || s.hasPrefixComment("newpar ")
}

func (s *Sentence) hasPrefixComment(p string) bool {
	for _, c := range s.Comments {
		if strings.HasPrefix(c, p) {
			return true
		}
	}
	return false
}

// Tokens calls fn for each surface token in order: a multiword token stands
// for its words first..last (1-based word IDs), any other word for itself
// (first == last). spaceAfter is false when the token's MISC has
// SpaceAfter=No.
func (s *Sentence) Tokens(fn func(form string, first, last int, spaceAfter bool)) {
	m := 0
	for i := 0; i < len(s.Words); i++ {
		w := &s.Words[i]
		if m < len(s.Multiwords) && s.Multiwords[m].Start == w.ID {
			mt := s.Multiwords[m]
			m++
			fn(mt.Form, mt.Start, mt.End, SpaceAfter(mt.Misc))
			for i+1 < len(s.Words) && s.Words[i+1].ID <= mt.End {
				i++
			}
			continue
		}
		fn(w.Form, w.ID, w.ID, SpaceAfter(w.Misc))
	}
}

// SpaceAfter reports whether a MISC field lacks SpaceAfter=No.
func SpaceAfter(misc string) bool {
	for misc != "" {
		var item string
		item, misc, _ = strings.Cut(misc, "|")
		if item == "SpaceAfter=No" {
			return false
		}
	}
	return true
}

// itoa formats small non-negative integers without allocating for the
// common range.
func itoa(n int) string {
	if n >= 0 && n < len(smallInts) {
		return smallInts[n]
	}
	return strconv.Itoa(n)
}

var smallInts = func() [256]string {
	var a [256]string
	for i := range a {
		a[i] = strconv.Itoa(i)
	}
	return a
}()
