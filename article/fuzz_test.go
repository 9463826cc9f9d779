package article

import (
	"bytes"
	"context"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkArticles holds for every article any reader yields: valid UTF-8,
// no empty or untrimmed paragraphs, an ID.
func checkArticles(t *testing.T, read ReadFunc, data []byte) {
	for a, err := range read(context.Background(), "fuzz", bytes.NewReader(data)) {
		if err != nil {
			if strings.Contains(err.Error(), "\n") && !strings.Contains(err.Error(), "unrecognised published date") {
				t.Errorf("multi-line error %q", err)
			}
			continue
		}
		if a.ID == "" {
			t.Error("article without ID")
		}
		for _, p := range a.Paragraphs {
			if p.Text == "" || p.Text != strings.TrimSpace(p.Text) || !utf8.ValidString(p.Text) {
				t.Errorf("bad paragraph %q", p.Text)
			}
		}
	}
}

func addSeeds(f *testing.F, glob string) {
	files, _ := filepath.Glob(glob)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func FuzzReadText(f *testing.F) {
	addSeeds(f, "testdata/text/*.txt")
	f.Add([]byte("Title\n\nBy Jo Bloggs\n\nSome text.\n\n#A #B\n"))
	f.Add([]byte("\xff\xfeT\x00e\x00x\x00t\x00"))
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, ReadText, data) })
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"title":"A","text":"B","published":"2020-01-02"}` + "\n{bad\n"))
	f.Add([]byte(`[{"text":"x"},{"text":["a","b"]}]`))
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, ReadJSONL, data) })
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("id,title,text\n1,A,\"B\nC\"\n2,\"x,y\n"))
	f.Add([]byte("title;text\nA;B\n"))
	f.Fuzz(func(t *testing.T, data []byte) { checkArticles(t, ReadCSV, data) })
}

// FuzzDetectRead runs format detection and the chosen reader, as 'dyad
// read' does, through the panic guard.
func FuzzDetectRead(f *testing.F) {
	addSeeds(f, "testdata/text/*.txt")
	f.Add([]byte("<html><body><p>Hello there, reader.</p></body></html>"))
	f.Add([]byte("<rss><channel><item><title>x</title></item></channel></rss>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		format := Detect(data[:min(len(data), sniffLen)], "fuzz")
		checkArticles(t, func(ctx context.Context, name string, r io.Reader) iter.Seq2[*Article, error] {
			return safeRead(ctx, format, name, r)
		}, data)
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2021-03-05", "Friday, 5th March 2021", "Mar 5, 2021 3:04 PM", "5 MARCH 2021"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok && (d.Year() < 1800 || d.Year() > 2200) {
			t.Errorf("ParseDate(%q) = %v out of range", s, d)
		}
	})
}
