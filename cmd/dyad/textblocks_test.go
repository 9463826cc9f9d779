package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/dyad-events/dyad/nlp/conllu"
)

func TestTextBlocks(t *testing.T) {
	for _, tc := range []struct {
		name, in  string
		size, max int
		want      []string // blocks, "+" before one that starts a paragraph
	}{
		{"empty", "", 8, 64, nil},
		{"one block", "One.\n\nTwo.\n", 64, 128, []string{"+One.\n\nTwo.\n"}},
		{"cut after the blank line past size", "First para.\n\nSecond para.\n\nThird.", 8, 128,
			[]string{"+First para.\n\n", "+Second para.\n\n", "+Third."}},
		{"a blank line of spaces counts", "Aaaa bbbb.\n \t\nCcc.", 4, 128, []string{"+Aaaa bbbb.\n \t\n", "+Ccc."}},
		{"no blank line: cut at the last space read", "aaa bbb ccc ddd", 4, 10, []string{"+aaa bbb ccc ", "ddd"}},
		{"no space: cut at a character start", "ééééé", 2, 5, []string{"+éééé", "é"}},
		{"lines past max", "aaa bbb\nccc ddd\neee", 64, 8, []string{"+aaa bbb\n", "ccc ddd\n", "eee"}},
		{"CRLF", "One.\r\n\r\nTwo.", 4, 64, []string{"+One.\r\n\r\n", "+Two."}},
	} {
		var got []string
		err := textBlocks(strings.NewReader(tc.in), tc.size, tc.max, func(b string, newPar bool) error {
			if newPar {
				b = "+" + b
			}
			got = append(got, b)
			return nil
		})
		if err != nil || strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestTextBlocksErrors(t *testing.T) {
	boom := errors.New("boom")
	err := textBlocks(iotest.TimeoutReader(strings.NewReader(strings.Repeat("word ", 20000))), 8, 64, func(string, bool) error { return nil })
	if !errors.Is(err, iotest.ErrTimeout) {
		t.Errorf("reader error: got %v", err)
	}
	n := 0
	err = textBlocks(strings.NewReader("a.\n\nb.\n\nc."), 1, 64, func(string, bool) error { n++; return boom })
	if !errors.Is(err, boom) || n != 1 {
		t.Errorf("fn error: got %v after %d calls", err, n)
	}
}

// TestParseTextAcrossBlocks parses a text in blocks of a few paragraphs,
// on one worker and on four, and in one piece: the same sentences, ids
// running on, one newdoc.
func TestParseTextAcrossBlocks(t *testing.T) {
	an, err := loadAnnotators(&modelFlags{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Georgia's envoy met Armenian officials in Tbilisi on Monday. Talks will resume in May.\n\nBaku did not comment.\n\n", 20)
	parseWith := func(workers, size, max int) string {
		var b bytes.Buffer
		w := conllu.NewWriter(&b)
		if err := parseTextBlocks(context.Background(), an, "text", strings.NewReader(text), w, workers, size, max); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		return b.String()
	}
	whole, blocks := parseWith(1, 1<<20, 1<<20), parseWith(1, 200, 1000)
	if whole != blocks {
		t.Errorf("parsed in blocks differs from parsed whole:\n%s\n----\n%s", blocks, whole)
	}
	if parallel := parseWith(4, 200, 1000); parallel != blocks {
		t.Errorf("parsed on 4 workers differs from parsed on one:\n%s\n----\n%s", parallel, blocks)
	}
	if n := len(readBack(t, blocks)); n != 60 || strings.Count(blocks, "# newdoc") != 1 || strings.Count(blocks, "# newpar") != 40 || !strings.Contains(blocks, "# sent_id = 60\n") {
		t.Errorf("%d sentences, newdoc/newpar/sent_id wrong:\n%s", n, blocks)
	}
}

func FuzzTextBlocks(f *testing.F) {
	for _, s := range []string{"One.\n\nTwo.\n", "aaa bbb ccc ddd", "ééééé\r\n\r\nx", "\n\n\n", "\xff\xfe a\n \n"} {
		f.Add(s, 4, 16)
	}
	f.Fuzz(func(t *testing.T, in string, size, max int) {
		size, max = 1+abs(size)%64, 1+abs(max)%256
		var got strings.Builder
		err := textBlocks(strings.NewReader(in), size, max, func(b string, newPar bool) error {
			if b == "" {
				t.Fatal("empty block")
			}
			if utf8.ValidString(in) && !utf8.ValidString(b) {
				t.Fatalf("block %q of valid input cut inside a character", b)
			}
			got.WriteString(b)
			return nil
		})
		if err != nil || got.String() != in {
			t.Fatalf("blocks join to %q, %v; want %q", got.String(), err, in)
		}
	})
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
