package gunzip

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/fstest"
)

func gz(t testing.TB, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, p := range parts {
		zw := gzip.NewWriter(&b)
		if _, err := zw.Write([]byte(p)); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// onlyReader hides every method but Read, so no size hint is taken.
type onlyReader struct{ r io.Reader }

func (o onlyReader) Read(p []byte) (int, error) { return o.r.Read(p) }

func TestReadAll(t *testing.T) {
	long := strings.Repeat("the minister met the envoy; ", 5000)
	tests := []struct {
		name  string
		parts []string
		limit int
		want  string
		large bool
	}{
		{"empty", []string{""}, 100, "", false},
		{"short", []string{"hello"}, 100, "hello", false},
		{"at the limit", []string{"hello"}, 5, "hello", false},
		{"over the limit", []string{"hello!"}, 5, "", true},
		{"long", []string{long}, 1 << 20, long, false},
		{"long over the limit", []string{long}, len(long) - 1, "", true},
		{"two members", []string{long, "and more"}, 1 << 20, long + "and more", false},
	}
	for _, tt := range tests {
		data := gz(t, tt.parts...)
		readers := map[string]func() io.Reader{
			"bytes.Reader": func() io.Reader { return bytes.NewReader(data) },
			"plain reader": func() io.Reader { return onlyReader{bytes.NewReader(data)} },
			"embedded file": func() io.Reader {
				f, err := fstest.MapFS{"m.gz": {Data: data}}.Open("m.gz")
				if err != nil {
					t.Fatal(err)
				}
				return f
			},
		}
		for rname, mk := range readers {
			t.Run(tt.name+"/"+rname, func(t *testing.T) {
				got, err := ReadAll(mk(), tt.limit)
				if tt.large {
					if !errors.Is(err, ErrTooLarge) {
						t.Fatalf("err %v, want ErrTooLarge", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != tt.want {
					t.Errorf("got %d bytes, want %d", len(got), len(tt.want))
				}
			})
		}
	}
}

func TestReadAllRejectsBadStreams(t *testing.T) {
	good := gz(t, "some text to compress")
	badCRC := bytes.Clone(good)
	badCRC[len(badCRC)-8] ^= 0xff
	badLen := bytes.Clone(good)
	badLen[len(badLen)-1] = 0xff // ISIZE 4 GB: a wrong hint, then a length error
	tests := map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("plain text, not compressed"),
		"truncated": good[:len(good)/2],
		"checksum":  badCRC,
		"length":    badLen,
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadAll(bytes.NewReader(data), 1<<20); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestSizeHint(t *testing.T) {
	data := gz(t, strings.Repeat("x", 10000))
	tests := []struct {
		name  string
		r     io.Reader
		limit int
		want  int
	}{
		{"recorded length", bytes.NewReader(data), 1 << 20, 10000},
		{"capped by the limit", bytes.NewReader(data), 100, 100},
		{"no size", onlyReader{bytes.NewReader(data)}, 1 << 20, 0},
		{"too short", bytes.NewReader(data[:10]), 1 << 20, 0},
	}
	for _, tt := range tests {
		if got := sizeHint(tt.r, tt.limit); got != tt.want {
			t.Errorf("%s: hint %d, want %d", tt.name, got, tt.want)
		}
	}
	// A forged length is capped by what the stream's size can hold.
	forged := bytes.Clone(data[:20])
	copy(forged[16:], []byte{0xff, 0xff, 0xff, 0x7f})
	if got := sizeHint(bytes.NewReader(forged), 1<<40); got != 20*maxRatio {
		t.Errorf("forged length: hint %d, want %d", got, 20*maxRatio)
	}
}

func TestNewReader(t *testing.T) {
	zr, err := NewReader(bytes.NewReader(gz(t, "first ", "second")))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	got, err := io.ReadAll(zr)
	if err != nil || string(got) != "first second" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := NewReader(strings.NewReader("not gzip")); err == nil {
		t.Error("no error for data that is not gzip")
	}
}

// FuzzReadAll: ReadAll yields what compress/gzip yields, within the limit.
// Two differences are allowed: after a whole member, a next member's
// header cut short in its name or comment ends the stream for ReadAll,
// where compress/gzip reports an unexpected EOF after the same bytes; and
// a member header with a reserved flag bit set is an error for ReadAll, as
// RFC 1952 (2.3.1.2) requires of a decompressor, where compress/gzip
// ignores the bit.
func FuzzReadAll(f *testing.F) {
	f.Add(gz(f, "hello"))
	f.Add(gz(f, "a", "b"))
	f.Add([]byte("not gzip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		const limit = 1 << 16
		got, err := ReadAll(bytes.NewReader(data), limit)
		var want []byte
		var werr error
		if zr, zerr := gzip.NewReader(bytes.NewReader(data)); zerr != nil {
			werr = zerr
		} else {
			want, werr = io.ReadAll(io.LimitReader(zr, limit+1))
		}
		if err != nil {
			if werr == nil && len(want) <= limit && !(errors.Is(err, gzip.ErrHeader) && reservedFlags(data)) {
				t.Fatalf("ReadAll fails (%v) where compress/gzip reads %d bytes", err, len(want))
			}
			return
		}
		if len(got) > limit {
			t.Fatalf("%d bytes, over the limit", len(got))
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("ReadAll read %d bytes, compress/gzip %d (%v)", len(got), len(want), werr)
		}
	})
}

// reservedFlags reports a gzip member header in data (magic bytes and
// the deflate method) whose flag byte has a reserved bit set.
func reservedFlags(data []byte) bool {
	for i := 0; i+3 < len(data); i++ {
		if data[i] == 0x1f && data[i+1] == 0x8b && data[i+2] == 8 && data[i+3]>>5 != 0 {
			return true
		}
	}
	return false
}

func BenchmarkReadAll(b *testing.B) {
	data := gz(b, strings.Repeat("the minister met the envoy in the capital; ", 100000))
	b.SetBytes(int64(4300000))
	for b.Loop() {
		if _, err := ReadAll(bytes.NewReader(data), 1<<30); err != nil {
			b.Fatal(err)
		}
	}
}
