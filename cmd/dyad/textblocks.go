package main

import (
	"bufio"
	"errors"
	"io"
	"unicode/utf8"
)

// Raw text is read in blocks of whole paragraphs so that 'dyad parse'
// holds one block's tokens and annotations at a time, however long its
// input: a document's annotations take many times the room of its text.
const (
	textBlockSize = 256 << 10 // a block ends at the first blank line after this many bytes
	maxTextBlock  = 4 << 20   // with no blank line by then, at the last whitespace
)

// textBlocks reads r and calls fn with consecutive blocks of its text
// that together are all of it. A block ends after the first blank line
// once it holds size bytes, so its paragraphs are whole; newPar tells fn
// whether the block starts a paragraph. A block that reaches max bytes
// with no blank line to end it is cut after the last space or line break
// read so far (reads are of a line, or of 64 kB), or, with none, at a
// character boundary. Errors are fn's and r's, other than io.EOF.
func textBlocks(r io.Reader, size, max int, fn func(block string, newPar bool) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var block []byte
	newPar := true
	lineBlank := true // the line being read has no text yet
	emit := func(n int, next bool) error {
		err := fn(string(block[:n]), newPar)
		block = append(block[:0], block[n:]...)
		newPar = next
		return err
	}
	for {
		piece, err := br.ReadSlice('\n')
		block = append(block, piece...)
		for _, c := range piece {
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' {
				lineBlank = false
			}
		}
		lineEnd := len(piece) > 0 && piece[len(piece)-1] == '\n'
		switch {
		case lineEnd && lineBlank && len(block) >= size:
			if err := emit(len(block), true); err != nil {
				return err
			}
		case len(block) >= max:
			if err := emit(cutPoint(block), false); err != nil {
				return err
			}
		}
		if lineEnd {
			lineBlank = true
		}
		switch {
		case err == nil, errors.Is(err, bufio.ErrBufferFull):
		case errors.Is(err, io.EOF):
			if len(block) > 0 {
				return emit(len(block), false)
			}
			return nil
		default:
			return err
		}
	}
}

// cutPoint returns where to end a block that found no blank line: after
// its last ASCII space or line break, else at the last character start.
func cutPoint(b []byte) int {
	for i := len(b) - 1; i > 0; i-- {
		if isSpace(b[i]) {
			return i + 1
		}
	}
	for i := len(b) - 1; i > 0; i-- {
		if utf8.RuneStart(b[i]) {
			return i
		}
	}
	return len(b)
}
