package article

import (
	"context"
	"fmt"
	"io"
	"iter"
)

// ReadFunc reads every article in one input stream. name identifies the
// stream in errors and in Article.Source. A record that cannot be read
// yields a non-nil error (an *InputError naming the input and line) and the
// sequence goes on; the caller stops early by breaking out of the loop.
type ReadFunc func(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error]

// Format is a named input format.
type Format struct {
	Name string
	Read ReadFunc
}

// InputError is an error in one input, located as precisely as the reader
// knows: Line is 1-based and zero when unknown; Offset is a byte offset and
// -1 when unknown.
type InputError struct {
	Name   string
	Line   int
	Offset int64
	Err    error
}

func (e *InputError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
	case e.Offset >= 0:
		return fmt.Sprintf("%s: offset %d: %v", e.Name, e.Offset, e.Err)
	default:
		return fmt.Sprintf("%s: %v", e.Name, e.Err)
	}
}

func (e *InputError) Unwrap() error { return e.Err }

// inputErr builds an *InputError at a line (0 for none).
func inputErr(name string, line int, err error) *InputError {
	return &InputError{Name: name, Line: line, Offset: -1, Err: err}
}
