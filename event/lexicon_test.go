package event

import (
	"strings"
	"testing"
)

func TestDefaultLexicon(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	if lex.Len() == 0 {
		t.Fatal("empty lexicon")
	}
	ps := lex.Lookup("V", "sign")
	if len(ps) == 0 || ps[0].Type != "AGREE" || ps[0].CAMEO != "057" || ps[0].Require[0].Role.Rel != "obj" {
		t.Errorf("sign: %+v", ps)
	}
}

func TestReadLexiconErrors(t *testing.T) {
	head := strings.Join(LexiconColumns, "\t") + "\n"
	tests := []struct{ in, want string }{
		{"", "no header"},
		{"pos\tlemma\n", "header must be"},
		{head + "X\tsign\t\tsubj\tobj\tAGREE\t\t057\t\t\n", "x.tsv:2: pos"},
		{head + "V\tsign\t\tsubj\tobj\tNOPE\t\t\t\t\n", "x.tsv:2: type \"NOPE\""},
		{head + "V\tsign\t\tsubj\tobj\tAGREE\t\t999\t\t\n", "x.tsv:2: cameo"},
		{head + "V\tsign\tfoo=bar\tsubj\tobj\tAGREE\t\t\t\t\n", "unknown role"},
		{head + "V\tarrive\tobl:in|obl:at\tsubj\t-\tCONSULT\t\t\t\t\n", "one marker a role"},
		{head + "V\timpose\t\thome\t-\tCOERCE\t\t\t\t\n", "recipient only"},
		{head + "V\timpose\t\tsubj\thome,obj\tCOERCE\t\t\t\t\n", "home must come last"},
		{head + "V\tfight\t\teach\tobj\tASSAULT\t\t\t\t\n", "recipient only"},
		{head + "V\tfight\t\tsubj\teach,obj\tASSAULT\t\t\t\t\n", "each must come last"},
		{head + "V\tsign\t\tsubj\tobj\tAGREE\t\t\t2\t\n", "weight"},
		{head + "V\tsign\t\tsubj\n", "fields"},
	}
	for _, tt := range tests {
		_, err := ReadLexicon("x.tsv", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadLexicon(%q) = %v, want error containing %q", tt.in, err, tt.want)
		}
	}
}

func TestReadLexiconNeedsRecipient(t *testing.T) {
	in := strings.Join(LexiconColumns, "\t") + "\nV\tvisit\trecipient !prt\tsubj\tobj\tCONSULT\tvisit\t\t\t\nV\tmeet\t\tsubj\tobj\tCONSULT\t\t\t\t\n"
	lex, err := ReadLexicon("x.tsv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if p := lex.Lookup("V", "visit")[0]; !p.NeedsRecipient || len(p.Require) != 1 || p.Require[0].Rel != "prt" || !p.Require[0].Negate {
		t.Errorf("visit: NeedsRecipient %v, Require %+v; want true and one !prt", p.NeedsRecipient, p.Require)
	}
	if p := lex.Lookup("V", "meet")[0]; p.NeedsRecipient {
		t.Error("meet: NeedsRecipient without require recipient")
	}
}

func TestLexiconWithUserFile(t *testing.T) {
	lex, err := DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	user := strings.Join(LexiconColumns, "\t") + "\nV\tvisit\t\tsubj\tobj\tCONSULT\tvisit\t043\t1\tuser override\n"
	got, err := lex.With("user.tsv", strings.NewReader(user))
	if err != nil {
		t.Fatal(err)
	}
	if p := got.Lookup("V", "visit")[0]; p.CAMEO != "043" || p.Source != "user.tsv:2" {
		t.Errorf("user pattern not first: %+v", p)
	}
}

func FuzzReadLexicon(f *testing.F) {
	f.Add(strings.Join(LexiconColumns, "\t") + "\nV\tsign\tobj=deal|treaty !prt\tsubj\tobl:with,obj\tAGREE\t\t057\t0.5\tnote\n")
	f.Fuzz(func(t *testing.T, in string) {
		lex, err := ReadLexicon("fuzz", strings.NewReader(in))
		if err == nil && lex == nil {
			t.Error("nil lexicon without error")
		}
	})
}
