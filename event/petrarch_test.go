package event

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readVerbsFixture(t testing.TB) *PetrarchVerbs {
	t.Helper()
	path := filepath.Join("testdata", "petrarch", "test.verbs.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := ReadPetrarchVerbs(path, f)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestReadPetrarchVerbs(t *testing.T) {
	v := readVerbsFixture(t)
	lex := v.Lexicon()
	str := func(p *Pattern) string {
		var req []string
		for _, c := range p.Require {
			s := c.Role.String()
			if len(c.Lemmas) > 0 {
				s += "=" + strings.Join(c.Lemmas, "|")
			}
			if c.Modifier {
				s += "~" // or a compound before it
			}
			req = append(req, s)
		}
		roles := func(rs []Role) string {
			var out []string
			for _, r := range rs {
				out = append(out, r.String())
			}
			return strings.Join(out, ",")
		}
		return strings.Join([]string{p.Lemma, strings.Join(req, " "), roles(p.Actor), roles(p.Recipient)[:min(len(roles(p.Recipient)), 12)], p.CAMEO, p.Type, PetrarchCode(p)}, ";")
	}
	tests := []struct {
		lemma string
		want  []string // patterns for the lemma, most specific first
	}{
		{"praise", []string{
			"praise;obj=amity|goodwill;subj;obj,obl:with;042;CONSULT;042",
			"praise;obj=efforts|effort~;subj;obl:with;043;CONSULT;043",
			"praise;;subj;obj,obl:with;051;SUPPORT;051",
		}},
		{"laud", []string{
			"laud;obj=amity|goodwill;subj;obj,obl:with;042;CONSULT;042",
			"laud;obj=efforts|effort~;subj;obl:with;043;CONSULT;043",
			"laud;;subj;obj,obl:with;041;CONSULT;041",
		}},
		{"scold", []string{
			"scold;aux=was|be;obl:by;obj;112;ACCUSE;112",
			"scold;prt=out;subj;obj,obl:with;113;ACCUSE;113",
			"scold;;subj;obj,obl:with;111;ACCUSE;111:112",
		}},
		{"send", []string{
			"send;obj=envoy~;subj;obl:to;042;CONSULT;042",
			"send;xcomp=negotiate;subj;obj,obl:with;046;CONSULT;046",
			"send;obl:to=negotiate;subj;obj,obl:with;046;CONSULT;046",
		}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range lex.Lookup("V", tt.lemma) {
			got = append(got, str(p))
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.lemma, got, tt.want)
		}
	}
	// the block's null code gives SEND no bare pattern: checked above
	// (three patterns, all with constraints).
	var reasons []string
	for _, s := range v.Skipped {
		reasons = append(reasons, s[strings.Index(s, ".txt:")+5:])
	}
	wantSkip := []string{"negation", "word \"said\" before the verb"}
	for _, w := range wantSkip {
		found := false
		for _, r := range reasons {
			found = found || strings.Contains(r, w)
		}
		if !found {
			t.Errorf("skipped %q: no %q", reasons, w)
		}
	}
}

func TestReadPetrarchVerbsErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"- * X [010]\n", "v.txt:1: pattern"},
		{"\n\nVERB\n", "v.txt:3: verb"},
		{"--- VERB ---\n", "v.txt:1: block"},
		{"--- VERB [010] ---\nVERB\n- * X [010\n", "v.txt:3: pattern"},
		{"--- VERB [010] ---\n<!-- open\n", "v.txt:2: unterminated"},
	}
	for _, tt := range tests {
		_, err := ReadPetrarchVerbs("v.txt", strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestPetrarchDiscards(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "petrarch", "test.discards.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadPetrarchDiscards("test.discards.txt", f)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		ok     bool
		story  bool
		phrase string
	}{
		{"Veldoria won the chess tournament.", true, false, "chess tournament"},
		{"The Harvest Festival began.", true, true, "harvest festival"},
		{"Chess tournaments resumed.", false, false, ""},
		{"Veldoria praised Korvan.", false, false, ""},
	}
	for _, tt := range tests {
		ph, story, ok := d.Match(tt.text)
		if ok != tt.ok || story != tt.story || ph != tt.phrase {
			t.Errorf("%q: got %q %v %v", tt.text, ph, story, ok)
		}
	}
}

func FuzzReadPetrarchVerbs(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "petrarch", "test.verbs.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("&S\n+&S\n--- V [0] ---\nV\n- &S * &S_+ $ [1:2]\n")
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ReadPetrarchVerbs("fuzz", strings.NewReader(s))
		if err != nil {
			return
		}
		for _, p := range v.Patterns {
			if p.Lemma == "" || p.POS != "V" || len(p.Actor) == 0 {
				t.Fatalf("bad pattern %+v", p)
			}
		}
		v.Lexicon()
		d, err := ReadPetrarchDiscards("fuzz", strings.NewReader(s))
		if err == nil {
			d.Match(s)
		}
	})
}

func BenchmarkReadPhoenixVerbs(b *testing.B) {
	path := filepath.Join("..", "..", "shared", "data", "phoenix-dictionaries", "CAMEO.2.0.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("Phoenix verb dictionary not found at %s (third-party data): %v", path, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		v, err := ReadPetrarchVerbs(path, strings.NewReader(string(data)))
		if err != nil {
			b.Fatal(err)
		}
		if v.Lexicon().Len() < 10000 {
			b.Fatalf("only %d patterns", v.Lexicon().Len())
		}
	}
}

// TestSynsetExpansionIsLinear reads a dictionary whose synset refers to
// itself many times: expansion must visit each synset once, not explode.
func TestSynsetExpansionIsLinear(t *testing.T) {
	var b strings.Builder
	b.WriteString("&S\n")
	for i := 0; i < 40; i++ {
		b.WriteString("+&S\n")
	}
	b.WriteString("+TREATY\n--- SIGN [057] ---\nSIGN\n- * &S + [057]\n")
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := ReadPetrarchVerbs("self.txt", strings.NewReader(b.String())); err != nil {
			t.Errorf("read: %v", err)
		}
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("synset expansion did not finish in 5 s")
	}
}
