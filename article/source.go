package article

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// sniffLen is how much of an input Detect sees.
const sniffLen = 8 << 10

// Options steer Read.
type Options struct {
	// Format forces one reader by name (see Formats); empty detects.
	Format string
	// Stdin is read for the path "-".
	Stdin io.Reader
}

// Read yields the articles of every path in turn: a file (its format
// detected, gzip undone), a directory (every file below it, recursively,
// in name order, skipping hidden files), or "-" for standard input. An
// input that cannot be read yields an *InputError naming it, and the
// other inputs are still read.
func Read(ctx context.Context, paths []string, opt Options) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		for _, p := range paths {
			if ctx.Err() != nil {
				yield(nil, ctx.Err())
				return
			}
			if p == "-" {
				in := opt.Stdin
				if in == nil {
					in = os.Stdin
				}
				if !readStream(ctx, "-", in, opt, yield) {
					return
				}
				continue
			}
			if !readPath(ctx, p, opt, yield) {
				return
			}
		}
	}
}

func readPath(ctx context.Context, path string, opt Options, yield func(*Article, error) bool) bool {
	info, err := os.Stat(path)
	if err != nil {
		return yield(nil, inputErr(path, 0, unwrapPathErr(err)))
	}
	if !info.IsDir() {
		return readFile(ctx, path, opt, yield)
	}
	var files []string
	walkErr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			files = append(files, p) // reported when opened
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			files = append(files, p)
		}
		return nil
	})
	if walkErr != nil && !yield(nil, inputErr(path, 0, walkErr)) {
		return false
	}
	sort.Strings(files)
	for _, f := range files {
		if ctx.Err() != nil {
			return yield(nil, ctx.Err())
		}
		if !readFile(ctx, f, opt, yield) {
			return false
		}
	}
	return true
}

func readFile(ctx context.Context, path string, opt Options, yield func(*Article, error) bool) bool {
	f, err := os.Open(path)
	if err != nil {
		return yield(nil, inputErr(path, 0, unwrapPathErr(err)))
	}
	defer f.Close()
	return readStream(ctx, path, f, opt, yield)
}

// readStream detects the format of one stream (after undoing gzip) and
// reads it.
func readStream(ctx context.Context, name string, r io.Reader, opt Options, yield func(*Article, error) bool) bool {
	br := bufio.NewReaderSize(r, sniffLen)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return yield(nil, inputErr(name, 0, fmt.Errorf("gzip: %w", err)))
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, sniffLen)
	}
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return yield(nil, inputErr(name, 0, err))
	}
	if len(head) == 0 {
		return yield(nil, inputErr(name, 0, errEmpty))
	}
	format := Detect(head, name)
	if opt.Format != "" {
		f, ok := Formats()[opt.Format]
		if !ok {
			return yield(nil, inputErr(name, 0, fmt.Errorf("unknown format %q", opt.Format)))
		}
		format = f
	}
	for a, err := range safeRead(ctx, format, name, br) {
		if !yield(a, err) {
			return false
		}
	}
	return true
}

// safeRead runs a reader and turns a panic inside it (a bug, or one in a
// third-party parser) into an error on that input, so that one bad input
// never stops the others.
func safeRead(ctx context.Context, f Format, name string, r io.Reader) iter.Seq2[*Article, error] {
	return func(yield func(*Article, error) bool) {
		inYield := false
		defer func() {
			if p := recover(); p != nil {
				if inYield {
					panic(p) // the caller's panic, not the reader's
				}
				yield(nil, inputErr(name, 0, fmt.Errorf("%s reader failed: %v", f.Name, p)))
			}
		}()
		for a, err := range f.Read(ctx, name, r) {
			inYield = true
			more := yield(a, err)
			inYield = false
			if !more {
				return
			}
		}
	}
}

// unwrapPathErr drops the *fs.PathError wrapper, whose path InputError
// already names.
func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
