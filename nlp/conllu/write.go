package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Writer writes sentences as CoNLL-U.
type Writer struct {
	bw  *bufio.Writer
	err error
}

// NewWriter returns a Writer to w. Call Flush when done.
func NewWriter(w io.Writer) *Writer { return &Writer{bw: bufio.NewWriterSize(w, 64<<10)} }

func (w *Writer) field(s string) {
	if s == "" {
		s = "_"
	}
	w.bw.WriteString(s)
}

// Write writes one sentence followed by a blank line. Empty fields are
// written as "_"; field values must not contain tabs or newlines.
func (w *Writer) Write(s *Sentence) error {
	if w.err != nil {
		return w.err
	}
	if err := check(s); err != nil {
		return err
	}
	for _, c := range s.Comments {
		w.bw.WriteString("# ")
		w.bw.WriteString(c)
		w.bw.WriteByte('\n')
	}
	m, e := 0, 0
	writeEmpty := func(after int) {
		for e < len(s.Empty) && s.Empty[e].After == after {
			n := &s.Empty[e]
			e++
			w.bw.WriteString(itoa(n.After))
			w.bw.WriteByte('.')
			w.bw.WriteString(itoa(n.Index))
			for _, f := range [...]string{n.Form, n.Lemma, n.UPOS, n.XPOS, n.Feats, "_", "_", n.Deps, n.Misc} {
				w.bw.WriteByte('\t')
				w.field(f)
			}
			w.bw.WriteByte('\n')
		}
	}
	writeEmpty(0)
	for i := range s.Words {
		wd := &s.Words[i]
		for m < len(s.Multiwords) && s.Multiwords[m].Start == wd.ID {
			mt := &s.Multiwords[m]
			m++
			w.bw.WriteString(itoa(mt.Start))
			w.bw.WriteByte('-')
			w.bw.WriteString(itoa(mt.End))
			w.bw.WriteByte('\t')
			w.field(mt.Form)
			w.bw.WriteString("\t_\t_\t_\t_\t_\t_\t_\t")
			w.field(mt.Misc)
			w.bw.WriteByte('\n')
		}
		w.bw.WriteString(itoa(wd.ID))
		for _, f := range [...]string{wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats} {
			w.bw.WriteByte('\t')
			w.field(f)
		}
		w.bw.WriteByte('\t')
		if wd.Head < 0 {
			w.bw.WriteByte('_')
		} else {
			w.bw.WriteString(itoa(wd.Head))
		}
		for _, f := range [...]string{wd.Deprel, wd.Deps, wd.Misc} {
			w.bw.WriteByte('\t')
			w.field(f)
		}
		w.bw.WriteByte('\n')
		writeEmpty(wd.ID)
	}
	_, w.err = w.bw.WriteString("\n")
	return w.err
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.err = w.bw.Flush()
	return w.err
}

// check rejects sentences that would not read back as written.
func check(s *Sentence) error {
	if len(s.Words) == 0 {
		return fmt.Errorf("conllu: write: sentence has no words")
	}
	for _, c := range s.Comments {
		if strings.ContainsAny(c, "\n\r") {
			return fmt.Errorf("conllu: write: comment %q contains a newline", c)
		}
	}
	for i := range s.Words {
		wd := &s.Words[i]
		if wd.ID != i+1 {
			return fmt.Errorf("conllu: write: word %d has ID %d", i+1, wd.ID)
		}
		for _, f := range [...]string{wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, wd.Feats, wd.Deprel, wd.Deps, wd.Misc} {
			if strings.ContainsAny(f, "\t\n\r") {
				return fmt.Errorf("conllu: write: word %d field %q contains a tab or newline", wd.ID, f)
			}
		}
	}
	for _, mt := range s.Multiwords {
		if strings.ContainsAny(mt.Form, "\t\n\r") || strings.ContainsAny(mt.Misc, "\t\n\r") {
			return fmt.Errorf("conllu: write: multiword token %d-%d contains a tab or newline", mt.Start, mt.End)
		}
	}
	return nil
}
