package eval

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp"
)

func TestReadIOB(t *testing.T) {
	in := "# newdoc id = d1\n# text = Erdogan visited Baku .\n1\tErdogan\tB-PER\t-\tx\n2\tvisited\tO\t-\t-\n3\tBaku\tB-LOC\t-\tx\n4\t.\tO\t-\t-\n\n" +
		"#\tO\nNATO\tB-ORG\n\n" + "The I-ORG\nBank I-ORG\nrose O\n"
	got, err := ReadIOB(strings.NewReader(in), "t.iob2")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d sentences, want 3: %+v", len(got), got)
	}
	if got[0].Doc != "d1" || got[0].Text != "Erdogan visited Baku ." || got[0].Line != 3 || strings.Join(got[0].Tags, " ") != "B-PER O B-LOC O" {
		t.Errorf("sentence 0 = %+v", got[0])
	}
	if strings.Join(got[1].Tokens, " ") != "# NATO" {
		t.Errorf("sentence 1 tokens = %q", got[1].Tokens)
	}
	if sp := IOBSpans(got[2].Tags); len(sp) != 1 || sp[0] != (TokenSpan{0, 2, "ORG"}) {
		t.Errorf("IOB1 spans = %+v", sp)
	}
}

func TestReadIOBErrors(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"a\tB-PER\nb\tX-PER\n", "t.iob2:2: bad tag"},
		{"justoneword\n", "t.iob2:1: want FORM and TAG"},
		{"1\tx\tB-\n", "t.iob2:1: bad tag"},
	} {
		_, err := ReadIOB(strings.NewReader(tt.in), "t.iob2")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadIOB(%q) error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestIOBSpans(t *testing.T) {
	tests := []struct {
		tags []string
		want []TokenSpan
	}{
		{[]string{"B-PER", "I-PER", "O", "B-LOC"}, []TokenSpan{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{[]string{"B-PER", "B-PER", "I-ORG"}, []TokenSpan{{0, 1, "PER"}, {1, 2, "PER"}, {2, 3, "ORG"}}},
		{[]string{"O", "I-LOC", "I-LOC"}, []TokenSpan{{1, 3, "LOC"}}},
		{[]string{"bad", "B-X"}, []TokenSpan{{1, 2, "X"}}},
		{nil, nil},
	}
	for _, tt := range tests {
		got := IOBSpans(tt.tags)
		if len(got) != len(tt.want) {
			t.Errorf("IOBSpans(%v) = %v, want %v", tt.tags, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("IOBSpans(%v) = %v, want %v", tt.tags, got, tt.want)
			}
		}
	}
}

func TestNERScore(t *testing.T) {
	s := NewNERScore("PER", "ORG", "LOC")
	gold := []TokenSpan{{0, 2, "PER"}, {3, 4, "LOC"}, {5, 6, "DATE"}}
	pred := []TokenSpan{{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "DATE"}, {7, 8, "LOC"}}
	s.Add(gold, pred)
	if s.Overall != (SpanCounts{Gold: 2, System: 3, Correct: 1}) {
		t.Errorf("overall = %+v", s.Overall)
	}
	if c := s.Types["PER"]; c.F1() != 1 {
		t.Errorf("PER = %+v", c)
	}
	if c := s.Types["LOC"]; c.Correct != 0 || c.Gold != 1 || c.System != 1 {
		t.Errorf("LOC = %+v", c)
	}
	if _, ok := s.Types["DATE"]; ok {
		t.Error("DATE scored although not in the labels")
	}
	if got := strings.Join(s.TypeNames(), ","); got != "LOC,ORG,PER" {
		t.Errorf("TypeNames = %s", got)
	}
}

func FuzzReadIOB(f *testing.F) {
	f.Add("# text = a b\n1\ta\tB-PER\t-\t-\n2\tb\tI-PER\t-\t-\n\n")
	f.Add("x\tO\n\ty\tB-LOC\n")
	f.Add("010 I-MISC\n-DOCSTART- O\n\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadIOB(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		for _, s := range sents {
			if len(s.Tokens) != len(s.Tags) || len(s.Tokens) == 0 {
				t.Fatalf("sentence %+v: tokens and tags differ", s)
			}
			for _, sp := range IOBSpans(s.Tags) {
				if sp.Start < 0 || sp.End > len(s.Tags) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v", sp)
				}
			}
		}
	})
}

func TestIOBDoc(t *testing.T) {
	sents := []IOBSentence{
		{Tokens: []string{"Aliyev", "visited", "Baku", "."}},
		{Tokens: []string{"NATO", "met", "."}},
	}
	d := IOBDoc(sents)
	if d.Text != "Aliyev visited Baku .\nNATO met ." {
		t.Fatalf("text %q", d.Text)
	}
	if len(d.Sentences) != 2 || len(d.Sentences[1].Tokens) != 3 {
		t.Fatalf("sentences %+v", d.Sentences)
	}
	for si, s := range d.Sentences {
		for i, tok := range s.Tokens {
			if tok.Text != sents[si].Tokens[i] || d.Text[tok.Span.Start:tok.Span.End] != tok.Text || tok.Head != -1 {
				t.Errorf("sentence %d token %d = %+v", si, i, tok)
			}
		}
	}
	d.Entities = []nlp.Entity{
		{Label: "LOC", Sentence: 0, Tokens: [2]int{2, 3}},
		{Label: "ORG", Sentence: 1, Tokens: [2]int{0, 1}},
		{Label: "PER", Sentence: 7, Tokens: [2]int{0, 1}}, // out of range: dropped
	}
	got := DocSpans(d)
	if len(got) != 2 || len(got[0]) != 1 || got[0][0] != (TokenSpan{2, 3, "LOC"}) || len(got[1]) != 1 || got[1][0] != (TokenSpan{0, 1, "ORG"}) {
		t.Errorf("DocSpans = %+v", got)
	}
}
