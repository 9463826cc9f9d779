package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/internal/inorder"
	"github.com/dyad-events/dyad/nlp"
	"github.com/dyad-events/dyad/nlp/conllu"
	"github.com/dyad-events/dyad/nlp/ner"
	"github.com/dyad-events/dyad/nlp/parse"
	"github.com/dyad-events/dyad/nlp/tag"
)

// annotators are the three model stages 'dyad parse' runs.
type annotators struct {
	tagger *tag.Tagger
	parser *parse.Parser
	ner    *ner.Recognizer
}

func loadAnnotators(mf *modelFlags) (*annotators, error) {
	tg, err := mf.loadTagger()
	if err != nil {
		return nil, err
	}
	ps, err := mf.loadParser()
	if err != nil {
		return nil, err
	}
	rec, err := mf.loadNER()
	if err != nil {
		return nil, err
	}
	return &annotators{tg, ps, rec}, nil
}

func (a *annotators) annotate(d *nlp.Doc) {
	a.tagger.TagDoc(d)
	a.parser.ParseDoc(d)
	a.ner.Recognize(d)
}

// runParse is the NLP layer alone, in the UDPipe convention: raw text (or
// CoNLL-U whose tokens and sentences are kept) in, CoNLL-U out with UPOS,
// XPOS, LEMMA, HEAD and DEPREL filled and the entity tag in MISC as
// NER=B-PER (IOB2).
func runParse(ctx context.Context, e env, args []string) int {
	fs := flag.NewFlagSet("dyad parse", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	input := fs.String("input", "text", "input: text (split and tokenize) or conllu (keep its tokens and sentences)")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "blocks of text (or of CoNLL-U sentences) annotated at once; the output is the same for any number")
	var mf modelFlags
	mf.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(e.stderr, "usage: dyad parse [--input text|conllu] [PATH|-]...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *input != "text" && *input != "conllu" {
		fmt.Fprintf(e.stderr, "dyad parse: unknown --input %q (text or conllu)\n", *input)
		return exitUsage
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	an, err := loadAnnotators(&mf)
	if err != nil {
		fmt.Fprintf(e.stderr, "dyad parse: %v\n", err)
		return exitFailed
	}
	w := conllu.NewWriter(e.stdout)
	defer w.Flush()
	failed := false
	for _, p := range paths {
		if ctx.Err() != nil {
			return exitFailed
		}
		err := func() error {
			var r io.Reader = e.stdin
			if p != "-" {
				f, err := os.Open(p)
				if err != nil {
					return err
				}
				defer f.Close()
				r = f
			}
			if *input == "text" {
				return parseText(ctx, an, p, r, w, *workers)
			}
			return parseConllu(ctx, an, p, r, w, *workers)
		}()
		if err != nil {
			fmt.Fprintf(e.stderr, "dyad parse: %v\n", oneLine(err))
			failed = true
		}
	}
	if failed {
		return exitFailed
	}
	return exitOK
}

// parseText splits and tokenizes raw text (paragraphs at blank lines, as
// UDPipe reads raw text) and writes each sentence. It reads and annotates
// the text a block of whole paragraphs at a time (see textBlocks), on up
// to workers goroutines, so its memory does not grow with the input; the
// recognizer's name consistency (nlp/ner) reaches across a block, not the
// whole file.
func parseText(ctx context.Context, an *annotators, name string, r io.Reader, w *conllu.Writer, workers int) error {
	return parseTextBlocks(ctx, an, name, r, w, workers, textBlockSize, maxTextBlock)
}

// textBlock is a block of raw text and, once annotated, its document.
type textBlock struct {
	text   string
	newPar bool // the block starts a paragraph
	d      *nlp.Doc
	tags   [][]string
}

func parseTextBlocks(ctx context.Context, an *annotators, name string, r io.Reader, w *conllu.Writer, workers, size, max int) error {
	blocks := func(yield func(textBlock) error) error {
		err := textBlocks(r, size, max, func(text string, newPar bool) error {
			return yield(textBlock{text: text, newPar: newPar})
		})
		if err != nil && ctx.Err() == nil && !errors.Is(err, context.Canceled) {
			return fmt.Errorf("read %s: %w", name, err)
		}
		return err
	}
	annotate := func(b textBlock) (textBlock, error) {
		b.d = nlp.Segment(strings.ReplaceAll(b.text, "\r\n", "\n"))
		an.annotate(b.d)
		b.tags = entityTags(b.d)
		return b, nil
	}
	sid := 0
	write := func(b textBlock) error {
		d := b.d
		for si := range d.Sentences {
			var comments []string
			if sid == 0 {
				comments = append(comments, "newdoc")
			}
			if si == 0 && (b.newPar || sid == 0) || si > 0 && strings.Contains(d.Text[d.Sentences[si-1].End:d.Sentences[si].Start], "\n\n") {
				comments = append(comments, "newpar")
			}
			sid++
			if err := w.Write(textSentence(d, si, b.tags[si], sid, comments)); err != nil {
				return fmt.Errorf("%s: sentence %d: %w", name, sid, err)
			}
		}
		return nil
	}
	return inorder.Run(ctx, workers, blocks, annotate, write)
}

// textSentence is sentence si of d as CoNLL-U, numbered id, after the
// given comments.
func textSentence(d *nlp.Doc, si int, tags []string, id int, comments []string) *conllu.Sentence {
	s := &d.Sentences[si]
	cs := &conllu.Sentence{Comments: append(comments, "sent_id = "+strconv.Itoa(id), "text = "+strings.Join(strings.Fields(d.Text[s.Start:s.End]), " "))}
	for i, t := range s.Tokens {
		misc := []string{}
		if i+1 < len(s.Tokens) && s.Tokens[i+1].Span.Start == t.Span.End || i+1 == len(s.Tokens) && t.Span.End < len(d.Text) && !isSpace(d.Text[t.Span.End]) {
			misc = append(misc, "SpaceAfter=No")
		}
		cs.Words = append(cs.Words, word(i, t, tags[i], misc))
	}
	return cs
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// parseConllu keeps the tokens and sentences of a CoNLL-U input and fills
// the annotation columns, a document (# newdoc) at a time.
func parseConllu(ctx context.Context, an *annotators, name string, r io.Reader, w *conllu.Writer, workers int) error {
	rd := conllu.NewReader(r, name)
	batches := func(yield func([]*conllu.Sentence) error) error {
		var batch []*conllu.Sentence
		for {
			s, err := rd.Next()
			if errors.Is(err, io.EOF) {
				if len(batch) > 0 {
					return yield(batch)
				}
				return nil
			}
			if err != nil {
				return err
			}
			if (s.NewDoc() || len(batch) >= 200) && len(batch) > 0 {
				if err := yield(batch); err != nil {
					return err
				}
				batch = nil
			}
			batch = append(batch, s)
		}
	}
	annotate := func(batch []*conllu.Sentence) ([]*conllu.Sentence, error) {
		d := docOf(batch)
		an.annotate(d)
		tags := entityTags(d)
		for si, cs := range batch {
			for i := range cs.Words {
				t := d.Sentences[si].Tokens[i]
				cw := &cs.Words[i]
				cw.UPOS, cw.XPOS, cw.Lemma, cw.Head, cw.Deprel = t.POS, t.XPOS, t.Lemma, t.Head, t.Dep
				cw.Misc = setMisc(cw.Misc, "NER", tags[si][i])
			}
		}
		return batch, nil
	}
	write := func(batch []*conllu.Sentence) error {
		for _, cs := range batch {
			if err := w.Write(cs); err != nil {
				return fmt.Errorf("%s:%d: %w", name, cs.Line, err)
			}
		}
		return nil
	}
	return inorder.Run(ctx, workers, batches, annotate, write)
}

// docOf lays the words of CoNLL-U sentences out as one document.
func docOf(ss []*conllu.Sentence) *nlp.Doc {
	words := make([][]string, len(ss))
	for i, cs := range ss {
		for _, w := range cs.Words {
			words[i] = append(words[i], w.Form)
		}
	}
	return nlp.FromWords(words)
}

// entityTags gives each token its IOB2 tag from d.Entities.
func entityTags(d *nlp.Doc) [][]string {
	tags := make([][]string, len(d.Sentences))
	for si, s := range d.Sentences {
		tags[si] = make([]string, len(s.Tokens))
		for i := range tags[si] {
			tags[si][i] = "O"
		}
	}
	for _, en := range d.Entities {
		if en.Sentence < 0 || en.Sentence >= len(tags) {
			continue
		}
		for i := en.Tokens[0]; i < en.Tokens[1] && i < len(tags[en.Sentence]); i++ {
			p := "I-"
			if i == en.Tokens[0] {
				p = "B-"
			}
			tags[en.Sentence][i] = p + en.Label
		}
	}
	return tags
}

func word(i int, t nlp.Token, ner string, misc []string) conllu.Word {
	m := append([]string{"NER=" + ner}, misc...)
	return conllu.Word{ID: i + 1, Form: t.Text, Lemma: t.Lemma, UPOS: t.POS, XPOS: t.XPOS, Feats: "_",
		Head: t.Head, Deprel: t.Dep, Deps: "_", Misc: strings.Join(m, "|")}
}

// setMisc sets key=value in a CoNLL-U MISC field, keeping the rest.
func setMisc(misc, key, value string) string {
	var parts []string
	if misc != "" && misc != "_" {
		for _, p := range strings.Split(misc, "|") {
			if !strings.HasPrefix(p, key+"=") {
				parts = append(parts, p)
			}
		}
	}
	parts = append([]string{key + "=" + value}, parts...)
	return strings.Join(parts, "|")
}
