package eval

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/nlp"
)

// Named-entity scoring.
//
// Gold entities come from IOB files: the UNER .iob2 format ("# text = ..."
// comments, then one token a line as INDEX TAB FORM TAB TAG [TAB ...]), and
// the two-column CoNLL format of the training sets (FORM TAB TAG, or FORM
// SPACE TAG as in wikigold), sentences separated by blank lines. Tags are
// "O", "B-TYPE" or "I-TYPE". Spans are read the conlleval way, so IOB1
// files (an entity opening with I-) read correctly too: an I-TYPE tag that
// does not continue an entity of the same type opens a new one.
//
// A predicted entity is correct when its token range and type equal a gold
// entity's exactly; precision, recall and F1 are micro-averaged over the
// types scored, and reported per type as well.

// IOBSentence is one sentence of an IOB file.
type IOBSentence struct {
	Doc    string   // the last "# newdoc id = " comment before it, or ""
	Text   string   // the "# text = " comment, or "" when the file has none
	Tokens []string // word forms
	Tags   []string // one tag per token as written: O, B-PER, I-LOC...
	Line   int      // line number of the first token
}

// ReadIOB reads every sentence of an IOB2 (or IOB1) file. name is used in
// errors, which give the line: "name:12: bad tag ...".
func ReadIOB(r io.Reader, name string) ([]IOBSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	var (
		out  []IOBSentence
		cur  IOBSentence
		text string
		doc  string
		line int
	)
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Text, cur.Doc = text, doc
			out = append(out, cur)
		}
		cur, text = IOBSentence{}, ""
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		if isIOBComment(s) {
			if len(cur.Tokens) > 0 {
				flush()
			}
			if t, ok := strings.CutPrefix(s, "# text = "); ok {
				text = t
			}
			if t, ok := strings.CutPrefix(s, "# newdoc id = "); ok {
				doc = t
			}
			continue
		}
		if strings.HasPrefix(s, "-DOCSTART-") {
			flush()
			continue
		}
		form, tag, err := splitIOBLine(s)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if form == "" {
			continue // a tag without a form (BTC has a few): nothing to read
		}
		if len(cur.Tokens) == 0 {
			cur.Line = line
		}
		cur.Tokens = append(cur.Tokens, form)
		cur.Tags = append(cur.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, line+1, err)
	}
	flush()
	return out, nil
}

// isIOBComment reports whether a line is a "# key = value" comment rather
// than a "#" token (tweets have those): comments hold no tab.
func isIOBComment(s string) bool {
	return strings.HasPrefix(s, "#") && (len(s) == 1 || s[1] == ' ') && !strings.Contains(s, "\t")
}

// splitIOBLine returns the form and tag of one token line.
func splitIOBLine(s string) (form, tag string, err error) {
	f := strings.Split(s, "\t")
	switch {
	case len(f) >= 3 && isIndex(f[0]):
		form, tag = f[1], f[2]
	case len(f) >= 2:
		form, tag = f[0], f[len(f)-1]
	default:
		i := strings.LastIndexAny(s, " ")
		if i <= 0 {
			return "", "", fmt.Errorf("want FORM and TAG, got %q", clipIOB(s))
		}
		form, tag = strings.TrimSpace(s[:i]), s[i+1:]
	}
	tag = strings.TrimSpace(tag)
	if !ValidIOBTag(tag) {
		return "", "", fmt.Errorf("bad tag %q (want O, B-TYPE or I-TYPE)", clipIOB(tag))
	}
	return form, tag, nil
}

func isIndex(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func clipIOB(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// ValidIOBTag reports whether tag is O, B-TYPE or I-TYPE with a non-empty
// TYPE.
func ValidIOBTag(tag string) bool {
	if tag == "O" {
		return true
	}
	return len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && !strings.ContainsAny(tag[2:], " \t")
}

// TokenSpan is an entity as a token range [Start, End) and a type.
type TokenSpan struct {
	Start, End int
	Label      string
}

// IOBSpans returns the entities a tag sequence encodes, conlleval style:
// B-X opens an entity, I-X continues one of type X or opens one, O and
// anything else close it. Malformed tags count as O.
func IOBSpans(tags []string) []TokenSpan {
	var out []TokenSpan
	open := -1
	label := ""
	for i, t := range tags {
		var b bool
		var l string
		if ValidIOBTag(t) && t != "O" {
			b, l = t[0] == 'B', t[2:]
		}
		if open >= 0 && (l == "" || b || l != label) {
			out = append(out, TokenSpan{open, i, label})
			open = -1
		}
		if l != "" && open < 0 {
			open, label = i, l
		}
	}
	if open >= 0 {
		out = append(out, TokenSpan{open, len(tags), label})
	}
	return out
}

// NERScore accumulates exact-match span counts per type.
type NERScore struct {
	// Labels, when set, are the only types scored (PER, ORG, LOC): gold
	// and predicted entities of other types are ignored.
	Labels    []string
	Sentences int
	Types     map[string]*SpanCounts
	Overall   SpanCounts
}

// NewNERScore returns a score over the given types (all types when none).
func NewNERScore(labels ...string) *NERScore {
	return &NERScore{Labels: labels, Types: map[string]*SpanCounts{}}
}

func (s *NERScore) keep(l string) bool {
	if len(s.Labels) == 0 {
		return true
	}
	for _, x := range s.Labels {
		if x == l {
			return true
		}
	}
	return false
}

func (s *NERScore) counts(l string) *SpanCounts {
	c := s.Types[l]
	if c == nil {
		c = &SpanCounts{}
		s.Types[l] = c
	}
	return c
}

// Add scores one sentence's predicted entities against its gold ones.
func (s *NERScore) Add(gold, pred []TokenSpan) {
	s.Sentences++
	if s.Types == nil {
		s.Types = map[string]*SpanCounts{}
	}
	golds := map[TokenSpan]bool{}
	for _, g := range gold {
		if !s.keep(g.Label) {
			continue
		}
		golds[g] = true
		s.counts(g.Label).Gold++
		s.Overall.Gold++
	}
	seen := map[TokenSpan]bool{}
	for _, p := range pred {
		if !s.keep(p.Label) || seen[p] {
			continue
		}
		seen[p] = true
		c := s.counts(p.Label)
		c.System++
		s.Overall.System++
		if golds[p] {
			c.Correct++
			s.Overall.Correct++
		}
	}
}

// TypeNames returns the scored types in alphabetical order.
func (s *NERScore) TypeNames() []string {
	names := make([]string, 0, len(s.Types))
	for n := range s.Types {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// IOBDoc joins gold sentences into one nlp.Doc so that a pipeline can run
// on the gold tokens: tokens are joined with spaces and sentences with
// newlines, one nlp.Sentence per gold sentence, with Head -1 (unparsed).
func IOBDoc(sents []IOBSentence) *nlp.Doc {
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Tokens
	}
	return nlp.FromWords(words)
}

// DocSpans returns the entities of d, per sentence, as token spans.
func DocSpans(d *nlp.Doc) [][]TokenSpan {
	out := make([][]TokenSpan, len(d.Sentences))
	for _, e := range d.Entities {
		if e.Sentence >= 0 && e.Sentence < len(out) {
			out[e.Sentence] = append(out[e.Sentence], TokenSpan{Start: e.Tokens[0], End: e.Tokens[1], Label: e.Label})
		}
	}
	return out
}
