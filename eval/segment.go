package eval

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
)

// Segmentation scoring.
//
// The raw text of a treebank is rebuilt the way the CoNLL 2018 shared task
// and UDPipe's raw-text mode do: each "# newdoc" starts a document, each
// "# newpar" a paragraph; within a paragraph the sentences' "# text" lines
// are joined with one space, paragraphs with a blank line. A treebank
// without "# newpar" (PUD) has one paragraph per document. Each document is
// segmented on its own, so document breaks, and paragraph breaks where the
// treebank marks them, are hard sentence breaks (SegmentOptions.Paragraphs
// turns paragraph marks off).
//
// A sentence counts as correct when its byte span in the document equals a
// gold sentence's span exactly; precision, recall and F1 follow. Tokens are
// scored the same way on syntactic words: a gold word is correct when a
// produced token has exactly its span. Words of a UD multiword token
// ("don't" = "do" + "n't") take the parts of the surface form that their
// forms spell out; in every UD English file the forms concatenate to the
// surface form, and where they would not the whole multiword token is one
// gold unit.

// SegmentOptions says how to rebuild raw text from a treebank.
type SegmentOptions struct {
	// NoParagraphs ignores "# newpar" marks, making documents one
	// paragraph each.
	NoParagraphs bool
	// Errors, when positive, keeps up to that many mismatched sentences
	// in SegmentScore.Examples, for tuning on training data.
	Errors int
}

// SpanCounts counts exact span matches for precision, recall and F1.
type SpanCounts struct {
	Gold, System, Correct int
}

// Precision returns Correct/System.
func (c SpanCounts) Precision() float64 { return segRatio(c.Correct, c.System) }

// Recall returns Correct/Gold.
func (c SpanCounts) Recall() float64 { return segRatio(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall.
func (c SpanCounts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func segRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// SegmentScore is the result of scoring a segmenter on one treebank.
type SegmentScore struct {
	Name       string
	Documents  int
	Paragraphs int
	Sentences  SpanCounts
	Words      SpanCounts
	Examples   []string // mismatches, when SegmentOptions.Errors > 0
}

// goldDoc is one document of raw text with its gold spans.
type goldDoc struct {
	text      strings.Builder
	sentences []nlp.Span
	words     []nlp.Span
	paras     int
}

// ScoreSegment reads a CoNLL-U treebank from r, rebuilds each document's
// raw text, runs segment on it and scores sentences and words.
func ScoreSegment(ctx context.Context, r io.Reader, name string, segment func(string) *nlp.Doc, opt SegmentOptions) (*SegmentScore, error) {
	cr := conllu.NewReader(r, name)
	sc := &SegmentScore{Name: name}
	var doc *goldDoc
	flush := func() {
		if doc == nil || len(doc.sentences) == 0 {
			return
		}
		sc.add(doc, segment(doc.text.String()), opt)
		doc = nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if s.NewDoc() || doc == nil {
			flush()
			doc = &goldDoc{paras: 1}
		} else if s.NewPar() && !opt.NoParagraphs {
			doc.text.WriteString("\n\n")
			doc.paras++
		} else {
			doc.text.WriteByte(' ')
		}
		if err := doc.addSentence(s, name); err != nil {
			return nil, err
		}
	}
	flush()
	return sc, nil
}

// addSentence appends a sentence's text and its gold spans.
func (d *goldDoc) addSentence(s *conllu.Sentence, name string) error {
	text := s.Text()
	base := d.text.Len()
	d.text.WriteString(text)
	pos := 0
	var err error
	s.Tokens(func(form string, firstID, lastID int, _ bool) {
		if err != nil {
			return
		}
		for pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += size
		}
		if !strings.HasPrefix(text[pos:], form) {
			err = fmt.Errorf("%s:%d: token %q does not match the sentence text at byte %d", name, s.Line, form, pos)
			return
		}
		start := pos
		pos += len(form)
		if firstID == lastID {
			d.words = append(d.words, nlp.Span{Start: base + start, End: base + pos})
			return
		}
		// Multiword token: place its words if they spell the surface form.
		var cat strings.Builder
		for id := firstID; id <= lastID; id++ {
			cat.WriteString(s.Words[id-1].Form)
		}
		if cat.String() != form {
			d.words = append(d.words, nlp.Span{Start: base + start, End: base + pos})
			return
		}
		off := start
		for id := firstID; id <= lastID; id++ {
			l := len(s.Words[id-1].Form)
			d.words = append(d.words, nlp.Span{Start: base + off, End: base + off + l})
			off += l
		}
	})
	if err != nil {
		return err
	}
	d.sentences = append(d.sentences, trimSpan(d.text.String(), nlp.Span{Start: base, End: base + len(text)}))
	return nil
}

func trimSpan(text string, sp nlp.Span) nlp.Span {
	s := text[sp.Start:sp.End]
	t := strings.TrimLeftFunc(s, unicode.IsSpace)
	sp.Start += len(s) - len(t)
	sp.End = sp.Start + len(strings.TrimRightFunc(t, unicode.IsSpace))
	return sp
}

func (sc *SegmentScore) add(g *goldDoc, d *nlp.Doc, opt SegmentOptions) {
	sc.Documents++
	sc.Paragraphs += g.paras
	gold := make(map[nlp.Span]bool, len(g.sentences))
	for _, s := range g.sentences {
		gold[s] = true
	}
	sc.Sentences.Gold += len(g.sentences)
	sc.Sentences.System += len(d.Sentences)
	sys := make(map[nlp.Span]bool, len(d.Sentences))
	for _, s := range d.Sentences {
		sys[s.Span] = true
		if gold[s.Span] {
			sc.Sentences.Correct++
		}
	}
	words := make(map[nlp.Span]bool, len(g.words))
	for _, w := range g.words {
		words[w] = true
	}
	sysWords := make(map[nlp.Span]bool, len(g.words))
	sc.Words.Gold += len(g.words)
	for _, s := range d.Sentences {
		sc.Words.System += len(s.Tokens)
		for _, t := range s.Tokens {
			sysWords[t.Span] = true
			if words[t.Span] {
				sc.Words.Correct++
			}
		}
	}
	if opt.Errors <= 0 {
		return
	}
	text := d.Text
	for _, s := range g.sentences {
		if len(sc.Examples) >= opt.Errors {
			return
		}
		if !sys[s] {
			sc.Examples = append(sc.Examples, "SENT missed: "+text[s.Start:s.End])
		}
	}
	for _, w := range g.words {
		if len(sc.Examples) >= opt.Errors {
			return
		}
		if !sysWords[w] {
			lo, hi := max(0, w.Start-30), min(len(text), w.End+30)
			var got []string
			for _, s := range d.Sentences {
				for _, t := range s.Tokens {
					if t.Span.End > w.Start-10 && t.Span.Start < w.End+10 {
						got = append(got, t.Text)
					}
				}
			}
			sc.Examples = append(sc.Examples, fmt.Sprintf("WORD %q in %q: got %q", text[w.Start:w.End], text[lo:hi], got))
		}
	}
}
