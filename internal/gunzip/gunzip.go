// Package gunzip decompresses the gzip'd models and tables dyad embeds.
//
// Decompressing them is a large share of what a user waits for before the
// first sentence is coded (about 25 MB for the parser, recogniser, tagger
// and gazetteer), so the readers here use the inflater of
// github.com/klauspost/compress, about a third faster than the standard
// library's on these files and byte for byte the same output (gzip's
// checksum and length are checked as by compress/gzip). Models are still
// written with compress/gzip, so the files do not change. Two corrupt
// cases read differently: after a whole member, a next member's header cut
// short in its name or comment ends the stream here, where compress/gzip
// reports an unexpected EOF; and a header with a reserved flag bit set is
// an error here (as RFC 1952 asks), where compress/gzip ignores the bit.
// The model decoders check their own structure either way.
package gunzip

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/klauspost/compress/gzip"
)

// NewReader returns a reader of the decompressed bytes of the gzip stream
// r (every member, as compress/gzip reads them). Close releases it but does
// not close r.
func NewReader(r io.Reader) (io.ReadCloser, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	return zr, nil
}

// maxRatio bounds what deflate can expand one byte to (a 258-byte match
// costs at least a few bits): no valid stream decompresses to more than
// maxRatio times its own size.
const maxRatio = 1032

// ErrTooLarge is returned by ReadAll for a stream that decompresses to
// more than its limit.
var ErrTooLarge = errors.New("gunzip: decompressed data too large")

// ReadAll returns the decompressed bytes of the gzip stream r, and an
// error wrapping ErrTooLarge once they pass limit bytes. When r can say its
// size and read at an offset (a bytes.Reader, an embedded file), the buffer
// is sized once from the length gzip records at the end of the stream, so
// that it need not grow and be copied as it fills; that length is only a
// hint, capped by limit and by what r's size can hold.
func ReadAll(r io.Reader, limit int) ([]byte, error) {
	hint := sizeHint(r, limit)
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	// One spare byte, so that the read that meets the end of the stream
	// does not grow the buffer.
	buf := make([]byte, 0, hint+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := zr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > limit {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, limit)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// sizer is a reader that knows its size and reads at an offset without
// moving it: bytes.Reader, strings.Reader, io.SectionReader.
type sizer interface {
	io.ReaderAt
	Size() int64
}

// statReaderAt is an fs.File that reads at an offset, as embed.FS's files
// do.
type statReaderAt interface {
	io.ReaderAt
	Stat() (fs.FileInfo, error)
}

// sizeHint returns the decompressed length recorded in the last four bytes
// of r (gzip's ISIZE, the length modulo 2³²), at most limit and at most
// maxRatio times r's size; 0 when r cannot tell.
func sizeHint(r io.Reader, limit int) int {
	var (
		ra   io.ReaderAt
		size int64
	)
	switch r := r.(type) {
	case sizer:
		ra, size = r, r.Size()
	case statReaderAt:
		fi, err := r.Stat()
		if err != nil {
			return 0
		}
		ra, size = r, fi.Size()
	default:
		return 0
	}
	if size < 18 { // a gzip header and trailer at least
		return 0
	}
	var tail [4]byte
	if _, err := ra.ReadAt(tail[:], size-4); err != nil {
		return 0
	}
	n := int64(binary.LittleEndian.Uint32(tail[:]))
	n = min(n, int64(limit), size*maxRatio)
	return int(max(n, 0))
}
