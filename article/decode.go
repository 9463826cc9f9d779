package article

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Limits on plain-text input. A news article is a few kilobytes; these are
// far above any real one and keep memory flat on hostile input.
const (
	MaxLineBytes    = 1 << 20  // one line (a whole paragraph in unwrapped text)
	MaxArticleBytes = 16 << 20 // one article's text
)

var (
	errBinary     = errors.New("binary data, not text")
	errBadUTF8    = errors.New("invalid UTF-8")
	errLineTooBig = fmt.Errorf("line longer than %d bytes: not article text", MaxLineBytes)
	errTooBig     = fmt.Errorf("text longer than %d bytes: not one article", MaxArticleBytes)
	errEmpty      = errors.New("empty input: no text")
)

// utf16Aware returns r with a UTF-16 byte-order mark honoured (the text is
// transcoded to UTF-8) and a UTF-8 BOM removed.
func utf16Aware(r io.Reader) io.Reader {
	// BOMOverride switches to the encoding a BOM names (dropping the BOM)
	// and otherwise passes the bytes through untouched, so that invalid
	// UTF-8 reaches the line decoder, which reports or repairs it.
	dec := unicode.BOMOverride(transform.Nop)
	return transform.NewReader(r, dec)
}

// lineScanner reads lines of decoded text with limits and per-line charset
// repair. Lines are returned without their terminator; "\r\n" and lone "\r"
// both end a line.
type lineScanner struct {
	name      string
	br        *bufio.Reader
	line      int
	total     int
	sawUTF8MB bool // a valid multi-byte UTF-8 sequence was seen: the file is UTF-8
	pendingCR bool
	err       error
}

func newLineScanner(name string, r io.Reader) *lineScanner {
	return &lineScanner{name: name, br: bufio.NewReaderSize(utf16Aware(r), 64<<10)}
}

// next returns the next line, or ok=false at the end or on error (see err).
func (s *lineScanner) next() (string, bool) {
	if s.err != nil {
		return "", false
	}
	var buf []byte
	for {
		b, err := s.br.ReadByte()
		if err != nil {
			if err != io.EOF {
				s.err = inputErr(s.name, s.line+1, err)
				return "", false
			}
			if len(buf) == 0 && !s.pendingCR {
				s.err = io.EOF
				return "", false
			}
			s.err = io.EOF
			break
		}
		if s.pendingCR {
			s.pendingCR = false
			if b == '\n' {
				continue
			}
		}
		if b == '\n' {
			break
		}
		if b == '\r' {
			s.pendingCR = true
			break
		}
		if b == 0 {
			s.err = inputErr(s.name, s.line+1, errBinary)
			return "", false
		}
		buf = append(buf, b)
		if len(buf) > MaxLineBytes {
			s.err = inputErr(s.name, s.line+1, errLineTooBig)
			return "", false
		}
	}
	s.line++
	s.total += len(buf) + 1
	if s.total > MaxArticleBytes {
		s.err = inputErr(s.name, s.line, errTooBig)
		return "", false
	}
	text, err := s.decode(buf)
	if err != nil {
		s.err = inputErr(s.name, s.line, err)
		return "", false
	}
	if s.err == io.EOF && text == "" && !s.pendingCR {
		// A final empty line after the last terminator is no line.
		return text, true
	}
	return text, true
}

// decode turns one line's bytes into a string. Valid UTF-8 passes. A line
// that is not valid UTF-8 in a file with no valid multi-byte UTF-8 so far,
// and whose high bytes read as Windows-1252 text, is decoded as such; any
// other invalid UTF-8 is an error, since guessing would corrupt the text.
func (s *lineScanner) decode(b []byte) (string, error) {
	if err := checkControl(b); err != nil {
		return "", err
	}
	if utf8.Valid(b) {
		if !s.sawUTF8MB && hasMultiByte(b) {
			s.sawUTF8MB = true
		}
		return string(b), nil
	}
	if !s.sawUTF8MB && looksWindows1252(b) {
		out, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err == nil {
			return string(out), nil
		}
	}
	off := 0
	for off < len(b) {
		r, n := utf8.DecodeRune(b[off:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		off += n
	}
	return "", fmt.Errorf("%w at byte %d of the line", errBadUTF8, off)
}

func hasMultiByte(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// checkControl rejects lines with control characters that never occur in
// text (anything below 0x20 but tab, vertical tab and form feed, and DEL),
// which mark binary data.
func checkControl(b []byte) error {
	bad := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' && c != 0x1b) || c == 0x7f {
			bad++
		}
	}
	if bad > 0 && (bad > 8 || bad*50 > len(b)) {
		return errBinary
	}
	return nil
}

// looksWindows1252 reports whether the non-ASCII bytes of b are plausible
// Windows-1252 text: each is a defined printable character of that code
// page. Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) rule it out.
func looksWindows1252(b []byte) bool {
	// A valid multi-byte UTF-8 sequence means UTF-8 with damage, not a
	// legacy code page: "Ã©" is no plausible Windows-1252 text.
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if n > 1 && r != utf8.RuneError {
			return false
		}
		i += n
	}
	high := 0
	for _, c := range b {
		if c < 0x80 {
			continue
		}
		high++
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return false
		}
	}
	// Text is mostly ASCII in any Latin-script language.
	return high > 0 && high*4 <= len(b)+3
}

// sniffText reports whether head (the first bytes of an input) looks like
// text rather than binary data.
func sniffText(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xff, 0xfe}) || bytes.HasPrefix(head, []byte{0xfe, 0xff}) {
		return true
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return false
	}
	return checkControl(head) == nil
}
