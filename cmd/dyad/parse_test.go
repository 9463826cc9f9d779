package main

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/dyad-events/dyad/nlp/conllu"
)

// readBack parses dyad's CoNLL-U output and checks every sentence is a
// tree with all columns filled.
func readBack(t *testing.T, out string) []*conllu.Sentence {
	t.Helper()
	r := conllu.NewReader(strings.NewReader(out), "output")
	var ss []*conllu.Sentence
	for {
		s, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
		}
		roots := 0
		for _, w := range s.Words {
			if w.UPOS == "" || w.XPOS == "" || w.Lemma == "" || w.Deprel == "" || w.Head < 0 || w.Head > len(s.Words) {
				t.Errorf("unfilled word %+v", w)
			}
			if w.Head == 0 {
				roots++
			}
			if !strings.Contains(w.Misc, "NER=") {
				t.Errorf("no NER tag in MISC of %+v", w)
			}
		}
		if roots != 1 {
			t.Errorf("%d roots in %q", roots, s.Text())
		}
		ss = append(ss, s)
	}
	return ss
}

func TestParseText(t *testing.T) {
	code, out, stderr := runCLI(t, "Georgia's prime minister met the Armenian envoy in Tbilisi on Monday.\n\nTalks will resume in May.\n", "parse")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ss := readBack(t, out)
	if len(ss) != 2 || !strings.Contains(out, "# newpar") || !strings.Contains(out, "# text = Talks will resume in May.") {
		t.Errorf("sentences or comments wrong:\n%s", out)
	}
}

func TestParseConlluKeepsTokens(t *testing.T) {
	in := "# sent_id = a\n# text = Iran can't agree.\n1\tIran\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tagree\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	code, out, stderr := runCLI(t, in, "parse", "--input", "conllu")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ss := readBack(t, out)
	if len(ss) != 1 || len(ss[0].Words) != 5 || len(ss[0].Multiwords) != 1 || !strings.Contains(out, "SpaceAfter=No") {
		t.Errorf("tokens not kept:\n%s", out)
	}
}
