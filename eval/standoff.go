package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp"
)

// Standoff entity annotations.
//
// A news entity set cannot carry its articles (their prose stays in
// ../shared/data), so its gold entities are written beside the text: a
// line naming a document (DOC, with no tab), then its mentions one a line
// as "TYPE<TAB>TEXT", every mention in reading order, repetitions
// included. A line "DOC<TAB>TYPE<TAB>TEXT" gives one mention of DOC on its
// own. TEXT is the mention exactly as the document writes it; it is found
// by searching the document forward from the end of the previous mention,
// as a whole word (no letter or digit touching either end). TYPE "O" marks
// an occurrence of an annotated string that is not an entity, so that the
// next search starts past it. Lines that are empty or start with "#" are
// comments.

// A Mention is one line of a standoff file.
type Mention struct {
	Doc   string // the document's identifier (a Wikinews URL)
	Label string // PER, ORG, LOC, or O
	Text  string
	Line  int
}

// ReadMentions reads a standoff file; name is used in errors, which give
// the line.
func ReadMentions(r io.Reader, name string) ([]Mention, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	var out []Mention
	doc := "" // the last document line's
	for line := 1; sc.Scan(); line++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		switch {
		case len(f) == 1 && strings.TrimSpace(s) == s:
			doc = s
			continue
		case len(f) == 2 && doc != "":
			f = []string{doc, f[0], f[1]}
		case len(f) == 2:
			return nil, fmt.Errorf("%s:%d: TYPE<TAB>TEXT before any document line", name, line)
		}
		if len(f) != 3 || f[0] == "" || strings.TrimSpace(f[2]) != f[2] || f[2] == "" {
			return nil, fmt.Errorf("%s:%d: want DOC, TYPE<TAB>TEXT or DOC<TAB>TYPE<TAB>TEXT, got %q", name, line, clipIOB(s))
		}
		if !isTypeName(f[1]) {
			return nil, fmt.Errorf("%s:%d: bad type %q", name, line, clipIOB(f[1]))
		}
		if !utf8.ValidString(f[2]) {
			return nil, fmt.Errorf("%s:%d: text is not UTF-8", name, line)
		}
		out = append(out, Mention{Doc: f[0], Label: f[1], Text: f[2], Line: line})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// StandoffSentences segments text as the pipeline does (nlp.Segment) and
// returns its sentences with the mentions' tags, Doc set to doc and Line
// to the line of the sentence's first mention (of the document's, for a
// sentence without one). A mention
// that cannot be found, or that crosses a sentence boundary, is left out
// and reported in problems (naming name and the mention's line); one whose
// ends fall inside tokens covers those tokens whole, and is reported too.
func StandoffSentences(name, doc, text string, ms []Mention) (sents []IOBSentence, problems []error) {
	d := nlp.Segment(text)
	sents = make([]IOBSentence, len(d.Sentences))
	// token index by byte: the sentence and token starting or covering it
	for i, s := range d.Sentences {
		toks := s.Tokens
		sents[i] = IOBSentence{Doc: doc, Text: s.Text(d), Tokens: make([]string, len(toks)), Tags: make([]string, len(toks))}
		for j, t := range toks {
			sents[i].Tokens[j], sents[i].Tags[j] = t.Text, "O"
		}
	}
	cur := 0
	for _, m := range ms {
		at := findWord(text, m.Text, cur)
		if at < 0 {
			problems = append(problems, fmt.Errorf("%s:%d: %q not found after byte %d of %s", name, m.Line, m.Text, cur, doc))
			continue
		}
		end := at + len(m.Text)
		cur = end
		if m.Label == "O" {
			continue
		}
		si, first, last, exact := coveringTokens(d, at, end)
		if si < 0 {
			problems = append(problems, fmt.Errorf("%s:%d: %q at byte %d of %s crosses a sentence boundary", name, m.Line, m.Text, at, doc))
			continue
		}
		if !exact {
			problems = append(problems, fmt.Errorf("%s:%d: %q at byte %d of %s does not start and end at token boundaries; it covers %q", name, m.Line, m.Text, at, doc, strings.Join(sents[si].Tokens[first:last+1], " ")))
		}
		tags := sents[si].Tags
		if tags[first] != "O" || tags[last] != "O" {
			problems = append(problems, fmt.Errorf("%s:%d: %q at byte %d of %s overlaps the mention before it", name, m.Line, m.Text, at, doc))
			continue
		}
		if sents[si].Line == 0 {
			sents[si].Line = m.Line
		}
		tags[first] = "B-" + m.Label
		for k := first + 1; k <= last; k++ {
			tags[k] = "I-" + m.Label
		}
	}
	for i := range sents {
		if sents[i].Line == 0 && len(ms) > 0 {
			sents[i].Line = ms[0].Line // a sentence without mentions: its document's first line
		}
	}
	return sents, problems
}

// findWord returns the byte offset of the first occurrence of w in s at or
// after from with no letter or digit touching it, or -1.
func findWord(s, w string, from int) int {
	for from <= len(s) {
		i := strings.Index(s[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[i+len(w):])
		if i == 0 || !isWordRune(before) {
			if i+len(w) == len(s) || !isWordRune(after) {
				return i
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		from = i + size
	}
	return -1
}

// isTypeName reports whether s is an entity type: capital letters only.
func isTypeName(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// coveringTokens returns the sentence and the first and last tokens that
// bytes [start, end) touch, and whether the bytes begin and end exactly at
// those tokens' edges; sentence -1 when they touch no token or two
// sentences. Sentences and tokens are in text order, so both are found by
// binary search.
func coveringTokens(d *nlp.Doc, start, end int) (sent, first, last int, exact bool) {
	// the first sentence that ends after start
	si := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].End > start })
	if si == len(d.Sentences) {
		return -1, -1, -1, false
	}
	toks := d.Sentences[si].Tokens
	first = sort.Search(len(toks), func(j int) bool { return toks[j].Span.End > start })
	last = sort.Search(len(toks), func(j int) bool { return toks[j].Span.Start >= end }) - 1
	if first > last || first == len(toks) {
		return -1, -1, -1, false
	}
	if last == len(toks)-1 && si+1 < len(d.Sentences) && len(d.Sentences[si+1].Tokens) > 0 && d.Sentences[si+1].Tokens[0].Span.Start < end {
		return -1, 0, 0, false // runs on into the next sentence
	}
	return si, first, last, toks[first].Span.Start == start && toks[last].Span.End == end
}
