package conllu

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "own.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(bytes.NewReader(in), "own.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if !s.NewDoc() || s.NewPar() {
		t.Errorf("NewDoc/NewPar = %v/%v, want true/false", s.NewDoc(), s.NewPar())
	}
	if id, _ := s.Comment("sent_id"); id != "own-1-1" {
		t.Errorf("sent_id = %q", id)
	}
	if len(s.Words) != 6 || len(s.Multiwords) != 1 || s.Multiwords[0] != (Multiword{3, 4, "can't", "_"}) {
		t.Errorf("words %d, multiwords %+v", len(s.Words), s.Multiwords)
	}
	var toks []string
	s.Tokens(func(form string, first, last int, spaceAfter bool) {
		sp := ""
		if spaceAfter {
			sp = " "
		}
		toks = append(toks, form+sp)
	})
	if got := strings.Join(toks, ""); got != "The envoys can't meet. " {
		t.Errorf("tokens rebuild %q", got)
	}
	if got := sents[1].Empty; len(got) != 1 || got[0].After != 4 || got[0].Misc != "CopyOf=2" {
		t.Errorf("empty nodes %+v", got)
	}
	if sents[1].Words[3].Head != 2 || sents[1].Line != 12 {
		t.Errorf("head %d line %d", sents[1].Words[3].Head, sents[1].Line)
	}
	var out bytes.Buffer
	w := NewWriter(&out)
	for _, s := range sents {
		if err := w.Write(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if out.String() != string(in) {
		t.Errorf("round trip differs:\n%s\nwant\n%s", out.String(), in)
	}
}

func TestTextFallback(t *testing.T) {
	in := "1\tIt\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t's\t_\t_\t_\t_\t_\t_\t_\t_\n3\tfine\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n4\t.\t_\t_\t_\t_\t_\t_\t_\t_\n"
	s, err := NewReader(strings.NewReader(in), "x").Next()
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Text(); got != "It's fine." {
		t.Errorf("Text() = %q", got)
	}
	if s.Words[0].Head != -1 {
		t.Errorf("head of _ = %d, want -1", s.Words[0].Head)
	}
}

func TestErrors(t *testing.T) {
	w := "\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"
	for _, tc := range []struct{ name, in, want string }{
		{"fields", "1\ta\tb\n", "in:1: 3 fields, want 10"},
		{"id", "# c\n2" + w, "in:2: word id 2, want 1"},
		{"badid", "x" + w, `in:1: bad word id "x"`},
		{"head", "1\ta\t_\t_\t_\t_\tz\troot\t_\t_\n", `in:1: bad head "z"`},
		{"headrange", "1\ta\t_\t_\t_\t_\t7\troot\t_\t_\n", "in:1: word 1 has head 7"},
		{"range", "1-1" + w, "bad multiword token range"},
		{"mwtend", "1-3\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1" + w + "\n", "in:1: multiword token 1-3 beyond"},
		{"comment", "1" + w + "# late\n", "in:2: comment after the first word"},
		{"emptyfield", "1\t\t_\t_\t_\t_\t0\troot\t_\t_\n", "in:1: field 2 is empty"},
		{"nowords", "# only\n\n", "in:1: sentence has no words"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tc.in), "in")
			var pe *ParseError
			if err == nil || !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// treebank returns the path of a UD file in ../shared/data, or skips.
func treebank(tb testing.TB, name string) string {
	p := filepath.Join("..", "..", "..", "shared", "data", "ud-english", name)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("UD English data absent (%v): see /work/shared/data/README.md", err)
	}
	return p
}

// TestTreebankRoundTrip reads every released UD English file and writes it
// back; the output must equal the input byte for byte.
func TestTreebankRoundTrip(t *testing.T) {
	for _, name := range []string{"en_pud-ud-test.conllu", "en_ewt-ud-test.conllu", "en_ewt-ud-dev.conllu"} {
		in, err := os.ReadFile(treebank(t, name))
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadAll(bytes.NewReader(in), name)
		if err != nil {
			t.Fatal(err)
		}
		var out bytes.Buffer
		w := NewWriter(&out)
		for _, s := range sents {
			if err := w.Write(s); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		if !bytes.Equal(out.Bytes(), in) {
			a, b := out.Bytes(), in
			i := 0
			for i < len(a) && i < len(b) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s: round trip differs at byte %d: %q vs %q", name, i, a[i:min(len(a), i+80)], b[i:min(len(b), i+80)])
		}
	}
}

func BenchmarkRead(b *testing.B) {
	in, err := os.ReadFile(treebank(b, "en_ewt-ud-train.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	words := 0
	for b.Loop() {
		r := NewReader(bytes.NewReader(in), "train")
		for {
			s, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			words += len(s.Words)
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}

// FuzzRead: the reader never panics, and whatever it accepts writes back
// to input that reads as the same sentences.
func FuzzRead(f *testing.F) {
	if in, err := os.ReadFile(filepath.Join("testdata", "own.conllu")); err == nil {
		f.Add(in)
	}
	f.Add([]byte("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n"))
	f.Add([]byte("# x\n1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		sents, err := ReadAll(bytes.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		var out bytes.Buffer
		w := NewWriter(&out)
		for _, s := range sents {
			if err := w.Write(s); err != nil {
				return // e.g. a comment holding a lone \r: not writable
			}
		}
		w.Flush()
		again, err := ReadAll(bytes.NewReader(out.Bytes()), "again")
		if err != nil {
			t.Fatalf("written output does not read back: %v\n%q", err, out.Bytes())
		}
		if len(again) != len(sents) {
			t.Fatalf("%d sentences, then %d", len(sents), len(again))
		}
		for i := range sents {
			a, b := *sents[i], *again[i]
			a.Line, b.Line = 0, 0
			if !reflect.DeepEqual(a.Words, b.Words) || !reflect.DeepEqual(a.Multiwords, b.Multiwords) || !reflect.DeepEqual(a.Empty, b.Empty) {
				t.Fatalf("sentence %d changed:\n%+v\n%+v", i, a, b)
			}
		}
	})
}
