package conllu

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Reader reads sentences from CoNLL-U input.
type Reader struct {
	name   string
	br     *bufio.Reader
	line   int
	intern map[string]string
	fields [10][]byte
	err    error
}

// NewReader returns a Reader of r; name (a file name, or "-") is used in
// error messages.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{name: name, br: bufio.NewReaderSize(r, 64<<10), intern: make(map[string]string, 1024)}
}

// maxInterned bounds the interning table so that adversarial input cannot
// grow it without limit.
const maxInterned = 1 << 16

// ParseError is a syntax error in the input, located by name and line.
type ParseError struct {
	Name string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }

func (r *Reader) errorf(format string, args ...any) error {
	return &ParseError{Name: r.name, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

// Next returns the next sentence, or io.EOF after the last one. Any other
// error names the input and line; reading stops at the first error.
func (r *Reader) Next() (*Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	s, err := r.next()
	if err != nil {
		r.err = err
	}
	return s, err
}

func (r *Reader) readLine() ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		// A very long line: collect it whole.
		buf := append([]byte(nil), line...)
		for err == bufio.ErrBufferFull {
			line, err = r.br.ReadSlice('\n')
			buf = append(buf, line...)
			if len(buf) > 64<<20 {
				r.line++
				return nil, r.errorf("line longer than 64 MiB")
			}
		}
		line = buf
	}
	if len(line) == 0 && err != nil {
		return nil, err
	}
	r.line++
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if err == io.EOF {
		err = nil
	}
	return line, err
}

func (r *Reader) next() (*Sentence, error) {
	var s *Sentence
	for {
		line, err := r.readLine()
		if err == io.EOF {
			if s != nil {
				return s, r.finish(s)
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", r.name, err)
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if s != nil {
				return s, r.finish(s)
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if line[0] == '#' {
			if len(s.Words) > 0 || len(s.Multiwords) > 0 || len(s.Empty) > 0 {
				return nil, r.errorf("comment after the first word of a sentence")
			}
			c := line[1:]
			if len(c) > 0 && c[0] == ' ' {
				c = c[1:]
			}
			s.Comments = append(s.Comments, string(c))
			continue
		}
		if err := r.parseLine(s, line); err != nil {
			return nil, err
		}
	}
}

// finish checks the sentence as a whole.
func (r *Reader) finish(s *Sentence) error {
	if len(s.Words) == 0 {
		return &ParseError{Name: r.name, Line: s.Line, Msg: "sentence has no words"}
	}
	n := len(s.Words)
	for i := range s.Words {
		if h := s.Words[i].Head; h > n {
			return &ParseError{Name: r.name, Line: s.Line, Msg: fmt.Sprintf("word %d has head %d beyond the sentence's %d words", i+1, h, n)}
		}
	}
	for _, m := range s.Multiwords {
		if m.End > n {
			return &ParseError{Name: r.name, Line: s.Line, Msg: fmt.Sprintf("multiword token %d-%d beyond the sentence's %d words", m.Start, m.End, n)}
		}
	}
	for _, e := range s.Empty {
		if e.After > n {
			return &ParseError{Name: r.name, Line: s.Line, Msg: fmt.Sprintf("empty node %d.%d beyond the sentence's %d words", e.After, e.Index, n)}
		}
	}
	return nil
}

func (r *Reader) str(b []byte) string {
	if len(b) > 24 {
		return string(b)
	}
	if s, ok := r.intern[string(b)]; ok { // no allocation for the lookup
		return s
	}
	s := string(b)
	if len(r.intern) < maxInterned {
		r.intern[s] = s
	}
	return s
}

func (r *Reader) split(line []byte) error {
	for i := 0; i < 9; i++ {
		j := bytes.IndexByte(line, '\t')
		if j < 0 {
			return r.errorf("%d fields, want 10", i+1)
		}
		r.fields[i] = line[:j]
		line = line[j+1:]
	}
	if bytes.IndexByte(line, '\t') >= 0 {
		return r.errorf("more than 10 fields")
	}
	r.fields[9] = line
	for i, f := range r.fields {
		if len(f) == 0 {
			return r.errorf("field %d is empty", i+1)
		}
	}
	return nil
}

var errNotInt = errors.New("not a number")

// atoi parses a positive decimal that fits comfortably in an int.
func atoi(b []byte) (int, error) {
	if len(b) == 0 || len(b) > 9 {
		return 0, errNotInt
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, errNotInt
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

func (r *Reader) parseLine(s *Sentence, line []byte) error {
	if err := r.split(line); err != nil {
		return err
	}
	f := &r.fields
	id := f[0]
	if i := bytes.IndexByte(id, '-'); i >= 0 {
		a, err1 := atoi(id[:i])
		b, err2 := atoi(id[i+1:])
		if err1 != nil || err2 != nil || a < 1 || b <= a {
			return r.errorf("bad multiword token range %q", id)
		}
		if a != len(s.Words)+1 {
			return r.errorf("multiword token %q does not start at the next word %d", id, len(s.Words)+1)
		}
		if k := len(s.Multiwords); k > 0 && s.Multiwords[k-1].End >= a {
			return r.errorf("multiword token %q overlaps the previous one", id)
		}
		s.Multiwords = append(s.Multiwords, Multiword{Start: a, End: b, Form: string(f[1]), Misc: r.str(f[9])})
		return nil
	}
	if i := bytes.IndexByte(id, '.'); i >= 0 {
		a, err1 := atoi(id[:i])
		b, err2 := atoi(id[i+1:])
		if err1 != nil || err2 != nil || b < 1 {
			return r.errorf("bad empty node id %q", id)
		}
		if a != len(s.Words) {
			return r.errorf("empty node %q does not follow word %d", id, len(s.Words))
		}
		if k := len(s.Empty); k > 0 && s.Empty[k-1].After == a && s.Empty[k-1].Index >= b {
			return r.errorf("empty node %q out of order", id)
		}
		s.Empty = append(s.Empty, EmptyNode{
			After: a, Index: b, Form: r.str(f[1]), Lemma: r.str(f[2]), UPOS: r.str(f[3]), XPOS: r.str(f[4]),
			Feats: r.str(f[5]), Deps: r.str(f[8]), Misc: r.str(f[9]),
		})
		return nil
	}
	n, err := atoi(id)
	if err != nil {
		return r.errorf("bad word id %q", id)
	}
	if n != len(s.Words)+1 {
		return r.errorf("word id %d, want %d", n, len(s.Words)+1)
	}
	head := -1
	if !(len(f[6]) == 1 && f[6][0] == '_') {
		h, err := atoi(f[6])
		if err != nil {
			return r.errorf("bad head %q", f[6])
		}
		head = h
	}
	if head == n {
		return r.errorf("word %d is its own head", n)
	}
	s.Words = append(s.Words, Word{
		ID: n, Form: r.str(f[1]), Lemma: r.str(f[2]), UPOS: r.str(f[3]), XPOS: r.str(f[4]), Feats: r.str(f[5]),
		Head: head, Deprel: r.str(f[7]), Deps: r.str(f[8]), Misc: r.str(f[9]),
	})
	return nil
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	cr := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}
